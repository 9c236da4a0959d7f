import {
  ConfigError, INSTANCE_TYPES, acceptsVolumeKmsKey, allowedInstanceTypes, checkAcceptsVolumeKmsKey, hasInstanceStorage, instanceFamily,
} from '../../src/config';
import { testConfig } from '../helpers/validated-synth';

/*
 * SageMaker API reference, ResourceConfig.VolumeKmsKeyId (CreateTrainingJob) and
 * ProcessingClusterConfig.VolumeKmsKeyId (CreateProcessingJob): "Certain Nitro-based instances
 * include local storage, dependent on the instance type. Local storage volumes are encrypted
 * using a hardware module on the instance. You can't request a VolumeKmsKeyId when using an
 * instance type with local storage." Which types have local storage: EC2 User Guide,
 * "Instance store volume limits for EC2 instances"; the SageMaker developer guide ("Managing
 * storage paths for different types of instance local storage") names ml.p4d, ml.g4dn and
 * ml.g5 as NVMe families and ml.c5 and ml.p2 as EBS families.
 */
describe('instance storage table', () => {
  test.each([
    'ml.g4dn.xlarge', 'ml.g5.2xlarge', 'ml.p4d.24xlarge', 'ml.p3dn.24xlarge', 'ml.m5d.large', 'ml.c5d.xlarge', 'ml.r5d.large',
    'ml.p5.48xlarge', 'ml.g6.xlarge', 'ml.trn1.2xlarge', 'ml.p6-b200.48xlarge',
    // a `d` family the table does not list, by EC2's naming convention
    'ml.m7gd.large',
  ])('%s has instance storage and takes no volume KMS key', (type) => {
    expect(hasInstanceStorage(type)).toBe(true);
    expect(acceptsVolumeKmsKey(type)).toBe(false);
  });

  test.each([
    'ml.m5.large', 'ml.c5.xlarge', 'ml.r5.large', 'ml.p2.xlarge', 'ml.p3.2xlarge', 'ml.t3.medium', 'ml.m4.xlarge', 'ml.c4.2xlarge',
    'ml.m6i.large', 'ml.c5n.xlarge', 'ml.inf2.xlarge',
  ])('%s is EBS-backed and takes a volume KMS key', (type) => {
    expect(hasInstanceStorage(type)).toBe(false);
    expect(acceptsVolumeKmsKey(type)).toBe(true);
  });

  test('what is not an ml.<family>.<size> literal (an unresolved token) is not judged', () => {
    expect(instanceFamily('${Token[TOKEN.12]}')).toBeUndefined();
    expect(acceptsVolumeKmsKey('${Token[TOKEN.12]}')).toBe(true);
  });

  test('every GPU family the project offers for jobs is classified as SageMaker documents it', () => {
    const families = (kind: keyof typeof INSTANCE_TYPES) => new Set([...INSTANCE_TYPES[kind]].filter(hasInstanceStorage).map(instanceFamily));
    expect([...families('training')].sort()).toEqual(['g4dn', 'g5']);
    expect([...families('processing')].sort()).toEqual(['g4dn', 'g5']);
  });

  test('the check names the option, the value and what to choose instead', () => {
    expect(() => checkAcceptsVolumeKmsKey('instanceTypes.training', 'ml.g4dn.xlarge')).toThrow(ConfigError);
    expect(() => checkAcceptsVolumeKmsKey('instanceTypes.training', 'ml.g4dn.xlarge')).toThrow(
      /^instanceTypes\.training must be an instance type without instance-store \(NVMe\) volumes, because the project's KMS key encrypts .*got "ml\.g4dn\.xlarge" \(family g4dn\); choose an EBS-backed type such as ml\.m5\.xlarge/,
    );
    expect(() => checkAcceptsVolumeKmsKey('instanceTypes.training', 'ml.p3.2xlarge')).not.toThrow();
  });
});

/*
 * The project's processing and training jobs, the drift check and Model Monitor's jobs always
 * encrypt their volumes with a KMS key of the project, so the options that set their instance
 * types reject types with local storage at once (API reference: ResourceConfig.VolumeKmsKeyId,
 * ProcessingClusterConfig.VolumeKmsKeyId: "You can't request a VolumeKmsKeyId when using an
 * instance type with local storage").
 */
describe('instance types of jobs with a volume KMS key, at config time', () => {
  test.each([
    [{ instanceTypes: { training: 'ml.g4dn.xlarge' } }, /^instanceTypes\.training must be an instance type without instance-store \(NVMe\) volumes, .*got "ml\.g4dn\.xlarge"/],
    [{ instanceTypes: { processing: 'ml.g5.xlarge' } }, /^instanceTypes\.processing must be an instance type without instance-store \(NVMe\) volumes, .*got "ml\.g5\.xlarge"/],
    [{ endpoints: { prod: { type: 'realtime', driftMonitoring: { instanceType: 'ml.g4dn.xlarge' } } } },
      /^endpoints\.prod\.driftMonitoring\.instanceType must be an instance type without instance-store \(NVMe\) volumes, .*got "ml\.g4dn\.xlarge"/],
    [{ endpoints: { prod: { type: 'realtime', dataCapture: {}, modelMonitor: { instanceType: 'ml.g5.2xlarge' } } } },
      /^endpoints\.prod\.modelMonitor\.instanceType must be an instance type without instance-store \(NVMe\) volumes, .*got "ml\.g5\.2xlarge"/],
  ])('%j is rejected', (options, message) => {
    expect(() => testConfig(options)).toThrow(ConfigError);
    expect(() => testConfig(options)).toThrow(message);
  });

  test('EBS-backed GPU and CPU types are accepted; a GPU type with local storage still serves as an inference type of the registry', () => {
    const config = testConfig({ instanceTypes: { training: 'ml.p3.2xlarge', processing: 'ml.c5.xlarge', inference: 'ml.g4dn.xlarge' } });
    expect(config.instanceTypes).toMatchObject({ training: 'ml.p3.2xlarge', processing: 'ml.c5.xlarge', inference: 'ml.g4dn.xlarge' });
  });

  test('allowedInstanceTypes leaves the instance-storage types out for processing and training only', () => {
    expect(allowedInstanceTypes('training').filter(hasInstanceStorage)).toEqual([]);
    expect(allowedInstanceTypes('processing')).toContain('ml.p3.2xlarge');
    expect(allowedInstanceTypes('processing')).not.toContain('ml.g4dn.xlarge');
    expect(allowedInstanceTypes('inference')).toContain('ml.g4dn.xlarge');
    expect(allowedInstanceTypes('training')).toHaveLength([...INSTANCE_TYPES.training].length - 14);
  });
});
