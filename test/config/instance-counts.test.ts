import {
  DEFAULT_INSTANCE_COUNTS, MAX_PROCESSING_INSTANCES, instanceCountsOf, isGpuInstanceType, parseProjectConfig, renderConfigFile,
} from '../../src/config';
import { configErrorOf, testConfig } from '../helpers/validated-synth';

/** The ConfigError message of resolving a project with these options. */
const errorOf = configErrorOf;

describe('instanceCounts', () => {
  test('absent: the config has no instanceCounts and instanceCountsOf gives one instance each', () => {
    const config = testConfig();
    expect('instanceCounts' in config).toBe(false);
    expect(instanceCountsOf(config)).toEqual({ processing: 1, training: 1 });
    expect(DEFAULT_INSTANCE_COUNTS).toEqual({ processing: 1, training: 1 });
  });

  test('each field defaults alone, and the resolved config survives the generated config file', () => {
    expect(testConfig({ instanceCounts: {} }).instanceCounts).toEqual({ processing: 1, training: 1 });
    expect(testConfig({ instanceCounts: { processing: 4 } }).instanceCounts).toEqual({ processing: 4, training: 1 });
    const config = testConfig({ instanceCounts: { processing: 4, training: 2 } });
    expect(config.instanceCounts).toEqual({ processing: 4, training: 2 });
    expect(parseProjectConfig(JSON.stringify(renderConfigFile(config)), 'sagemaker-gitops.json')).toEqual(config);
  });

  test('an unknown field is named with the allowed ones', () => {
    expect(errorOf({ instanceCounts: { inference: 2 } })).toBe('instanceCounts has an unknown field "inference"; allowed: processing, training');
  });

  /*
   * SageMaker API reference, ProcessingClusterConfig.InstanceCount (CreateProcessingJob), and the
   * CloudFormation reference AWS::SageMaker::ProcessingJob ClusterConfig: InstanceCount minimum 1, maximum 100.
   */
  test.each([
    [0, '0'], [-1, '-1'], [1.5, '1.5'], [101, '101'], ['2', '"2"'],
  ])('processing %p is rejected: a whole number in 1..100', (value, shown) => {
    expect(errorOf({ instanceCounts: { processing: value } })).toBe(
      `instanceCounts.processing must be a whole number in 1..${MAX_PROCESSING_INSTANCES} (CreateProcessingJob ClusterConfig.InstanceCount allows 1..100) (an instance count), got ${shown}`,
    );
  });

  test('processing 100 is the largest count allowed', () => {
    expect(testConfig({ instanceCounts: { processing: 100 } }).instanceCounts).toEqual({ processing: 100, training: 1 });
  });

  /*
   * SageMaker API reference, ResourceConfig.InstanceCount (CreateTrainingJob): "For distributed
   * training, provide a value greater than 1"; the API has no upper bound (a service quota does).
   * A job needs at least one instance.
   */
  test.each([[0, '0'], [2.5, '2.5'], [null, 'null']])('training %p is rejected: a whole number of at least 1', (value, shown) => {
    expect(errorOf({ instanceCounts: { processing: 4, training: value } })).toBe(
      `instanceCounts.training must be a whole number of at least 1 (an instance count), got ${shown}`,
    );
  });

  /*
   * Amazon SageMaker Developer Guide, "XGBoost algorithm with Amazon SageMaker AI", distributed
   * training (#Instance-XGBoost-distributed-training-divide-data): with ShardedByS3Key each instance
   * gets whole S3 objects, so the data must be divided into at least as many files as instances; the
   * XGBoost container leaves a host without training data out of the training (algorithm_mode/train.py).
   */
  test('training beyond processing is rejected: a training instance would get no train file', () => {
    expect(errorOf({ instanceCounts: { processing: 2, training: 3 } })).toMatch(
      /^instanceCounts.training \(3\) must be at most instanceCounts.processing \(2\): the train channel is sharded by S3 object \(ShardedByS3Key\)/,
    );
    expect(errorOf({ instanceCounts: { training: 2 } })).toMatch(/set instanceCounts.processing to at least 2, or instanceCounts.training to 1$/);
  });

  /*
   * Amazon SageMaker Developer Guide, "XGBoost algorithm with Amazon SageMaker AI", distributed GPU
   * training: across instances only with Dask (the use_dask_gpu_training hyperparameter of the
   * built-in algorithm), whose channels must be FullyReplicated (aws/sagemaker-xgboost-container,
   * distributed_gpu_training.py: "Dask distributed training requires FullyReplicated data"). The
   * pipeline trains in script mode with a sharded train channel.
   */
  test.each(['ml.p3.2xlarge', 'ml.p3.8xlarge'])('training > 1 on the GPU type %s is rejected (the EBS-backed GPU types the project allows for training)', (type) => {
    const message = errorOf({ instanceTypes: { training: type }, instanceCounts: { processing: 2, training: 2 } });
    expect(message).toContain(`instanceCounts.training is 2 with the GPU instance type ${type} (instanceTypes.training)`);
    expect(message).toContain('use a CPU instance type');
  });

  test('one training instance on a GPU is fine with sharded processing', () => {
    expect(testConfig({ instanceTypes: { training: 'ml.p3.2xlarge' }, instanceCounts: { processing: 4 } }).instanceCounts).toEqual({ processing: 4, training: 1 });
  });

  test('isGpuInstanceType knows the GPU families the project offers', () => {
    expect(['ml.g4dn.xlarge', 'ml.g5.2xlarge', 'ml.p3.8xlarge'].map(isGpuInstanceType)).toEqual([true, true, true]);
    expect(['ml.m5.xlarge', 'ml.c5.2xlarge', 'ml.r5.large', 'bad'].map(isGpuInstanceType)).toEqual([false, false, false, false]);
  });
});
