import { checkObject } from './config-checks';
import { ConfigError } from './errors';

/**
 * How many instances the model-build pipeline's jobs run on (scale-out). With `processing` > 1
 * the preprocessing shards its input by S3 object (`ShardedByS3Key`: the input must be a prefix
 * of at least that many CSV files) and writes one file per instance into each split; with
 * `training` > 1, train.py trains with XGBoost's distributed (Rabit) collective, one worker per
 * instance, each on its own train files (`ShardedByS3Key`).
 */
export interface InstanceCountsOptions {
  /**
   * Instances of the Preprocess job (1..100). With more than 1, a scan step on as many instances
   * first reads the categories and class counts of each shard (Preprocess joins them), and a merge
   * step (one instance) joins the training baseline's shards into baseline.csv.
   * @default 1
   */
  readonly processing?: number;
  /**
   * Instances of the Train job: 1, or at most `processing` (each needs a file of its own). Not
   * with a GPU training instance type.
   * @default 1
   */
  readonly training?: number;
}

/** {@link InstanceCountsOptions} with the defaults filled in. */
export interface ResolvedInstanceCounts {
  readonly processing: number;
  readonly training: number;
}

export const DEFAULT_INSTANCE_COUNTS: ResolvedInstanceCounts = { processing: 1, training: 1 };

/**
 * CreateProcessingJob `ProcessingResources.ClusterConfig.InstanceCount`: 1..100 (API reference,
 * ProcessingClusterConfig; CloudFormation, AWS::SageMaker::ProcessingJob ClusterConfig).
 */
export const MAX_PROCESSING_INSTANCES = 100;

/**
 * The GPU instance families of the training instance types the project offers (instance-types.ts).
 * SageMaker's XGBoost container trains on GPUs across instances only with Dask
 * (`use_dask_gpu_training`, the built-in algorithm's mode, which needs FullyReplicated channels);
 * train.py runs in script mode and distributes with XGBoost's CPU collective.
 */
const GPU_FAMILIES = ['g4dn', 'g5', 'p3'];

/** Whether an instance type (ml.<family>.<size>) has GPUs, among the types the project offers. */
export function isGpuInstanceType(instanceType: string): boolean {
  return GPU_FAMILIES.includes(instanceType.split('.')[1] ?? '');
}

/**
 * Checks `instanceCounts` against the instance types and fills in the defaults; undefined when
 * the project names none (every job on one instance, as before the option existed).
 */
export function resolveInstanceCounts(
  option: string, given: InstanceCountsOptions | undefined, trainingInstanceType: { readonly option: string; readonly value: string },
): ResolvedInstanceCounts | undefined {
  if (given === undefined) {
    return undefined;
  }
  checkObject(option, given, Object.keys(DEFAULT_INSTANCE_COUNTS));
  // Only an absent field defaults: null (from a config file) is a value, and a wrong one.
  const processing = given.processing === undefined ? DEFAULT_INSTANCE_COUNTS.processing : given.processing;
  const training = given.training === undefined ? DEFAULT_INSTANCE_COUNTS.training : given.training;
  checkCount(`${option}.processing`, processing, MAX_PROCESSING_INSTANCES,
    ` (CreateProcessingJob ClusterConfig.InstanceCount allows 1..${MAX_PROCESSING_INSTANCES})`);
  checkCount(`${option}.training`, training, Number.MAX_SAFE_INTEGER, '');
  if (training > 1 && training > processing) {
    throw new ConfigError(
      `${option}.training (${training}) must be at most ${option}.processing (${processing}): the train channel is sharded by S3 object ` +
      `(ShardedByS3Key) and Preprocess writes one train file per processing instance, so a training instance beyond ${processing} gets no data; ` +
      `set ${option}.processing to at least ${training}, or ${option}.training to 1`,
    );
  }
  if (training > 1 && isGpuInstanceType(trainingInstanceType.value)) {
    throw new ConfigError(
      `${option}.training is ${training} with the GPU instance type ${trainingInstanceType.value} (${trainingInstanceType.option}): SageMaker's XGBoost ` +
      'container trains on GPUs across instances only with Dask (use_dask_gpu_training, built-in algorithm mode, FullyReplicated data), and the ' +
      `pipeline's train.py runs in script mode with XGBoost's CPU collective; use a CPU instance type (ml.m5, ml.c5, ml.r5, ...) or ${option}.training 1`,
    );
  }
  return { processing, training };
}

/** The instance counts of a resolved config: its `instanceCounts`, or 1 and 1 when it has none. */
export function instanceCountsOf(config: { readonly instanceCounts?: ResolvedInstanceCounts }): ResolvedInstanceCounts {
  return config.instanceCounts ?? DEFAULT_INSTANCE_COUNTS;
}

function checkCount(option: string, value: unknown, max: number, why: string): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    const allowed = max === Number.MAX_SAFE_INTEGER ? 'a whole number of at least 1' : `a whole number in 1..${max}`;
    throw new ConfigError(`${option} must be ${allowed}${why} (an instance count), got ${JSON.stringify(value)}`);
  }
}
