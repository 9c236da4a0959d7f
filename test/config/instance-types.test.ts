import { ProcessingInstanceType, ProductionVariantInstanceType, TrainingInstanceType, TransformInstanceType } from '@aws-sdk/client-sagemaker';
import { ConfigError, INSTANCE_TYPES, JobKind, checkInstanceTypeFor } from '../../src/config';

/*
 * SageMaker API Reference: the valid values of ProcessingClusterConfig.InstanceType
 * (ProcessingInstanceType), ResourceConfig.InstanceType (TrainingInstanceType),
 * ProductionVariant.InstanceType (ProductionVariantInstanceType) and TransformResources.InstanceType
 * (TransformInstanceType), as the SDK's service model carries them. A type outside its kind's list
 * is rejected by the API when the job or endpoint is created: ml.r5 types do not run batch
 * transform, and real-time endpoints have no ml.r5.8xlarge or ml.r5.16xlarge.
 */
const API_VALUES: Record<JobKind, Record<string, string>> = {
  processing: ProcessingInstanceType,
  training: TrainingInstanceType,
  inference: ProductionVariantInstanceType,
  transform: TransformInstanceType,
};

describe('the instance types the project offers', () => {
  test.each(Object.keys(API_VALUES) as JobKind[])('every %s type is one the SageMaker API accepts for that kind', (kind) => {
    const valid = new Set(Object.values(API_VALUES[kind]));
    expect([...INSTANCE_TYPES[kind]].filter((type) => !valid.has(type))).toEqual([]);
  });

  // The same reference, read the other way: within each family the project offers for a kind, every
  // size the API accepts for that kind is offered (ml.c5.large serves real-time endpoints, though no job runs on it).
  test.each(Object.keys(API_VALUES) as JobKind[])('every %s size the API accepts in an offered family is offered', (kind) => {
    const families = new Set([...INSTANCE_TYPES[kind]].map((type) => type.split('.')[1]));
    const missing = Object.values(API_VALUES[kind]).filter((type) => families.has(type.split('.')[1]) && !INSTANCE_TYPES[kind].has(type));
    expect(missing).toEqual([]);
  });

  test.each([
    ['transform', 'ml.r5.large'],
    ['processing', 'ml.c5.large'],
    ['training', 'ml.c4.large'],
    ['inference', 'ml.r5.8xlarge'],
    ['inference', 'ml.r5.16xlarge'],
  ] as Array<[JobKind, string]>)('a %s job on %s is refused at config time', (kind, type) => {
    expect(() => checkInstanceTypeFor('instanceTypes.x', kind, type)).toThrow(ConfigError);
    expect(() => checkInstanceTypeFor('instanceTypes.x', kind, type)).toThrow(new RegExp(`must be a SageMaker ${kind} instance type such as ml.m5.large, got "${type.replace(/\./g, '\\.')}"`));
  });

  test('the types the API accepts stay accepted', () => {
    expect(() => checkInstanceTypeFor('instanceTypes.transform', 'transform', 'ml.m5.xlarge')).not.toThrow();
    expect(() => checkInstanceTypeFor('instanceTypes.inference', 'inference', 'ml.r5.12xlarge')).not.toThrow();
    expect(() => checkInstanceTypeFor('instanceTypes.training', 'training', 'ml.r5.8xlarge')).not.toThrow();
    expect(() => checkInstanceTypeFor('endpoints.prod.instanceType', 'inference', 'ml.c5.large')).not.toThrow();
  });
});
