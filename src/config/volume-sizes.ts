import { checkObject } from './config-checks';
import { ConfigError } from './errors';

/**
 * The size of each instance's storage volume in the model-build pipeline's jobs, in GB. A
 * processing job copies its S3 inputs onto the volume before the script starts and its outputs
 * are written there before the upload; a training job copies its channels (File mode) and keeps
 * the model there. The sample needs little; a data set of many GB needs room for the input, the
 * three splits and the baseline at once.
 */
export interface VolumeSizesOptions {
  /**
   * Each instance of the processing jobs that read the data: Preprocess (its scan and merge steps
   * when scaled out), Evaluate and Model Monitor's data-quality baseline (1..16384).
   * @default 30
   */
  readonly processing?: number;
  /**
   * Each instance of the Train job (1..16384).
   * @default 30
   */
  readonly training?: number;
}

/** {@link VolumeSizesOptions} with the defaults filled in. */
export interface ResolvedVolumeSizes {
  readonly processing: number;
  readonly training: number;
}

export const DEFAULT_VOLUME_SIZES: ResolvedVolumeSizes = { processing: 30, training: 30 };

/**
 * The largest volume: CreateProcessingJob's `ProcessingClusterConfig.VolumeSizeInGB` is 1..16384
 * (SageMaker API Reference, ProcessingClusterConfig); a training job's volume is General Purpose
 * SSD (gp2), the only type SageMaker supports (API Reference, ResourceConfig), whose largest size
 * is 16 TiB (Amazon EBS User Guide, "Amazon EBS General Purpose SSD volumes"). The instance types
 * the project allows have no local instance store, whose fixed size would bound it further.
 */
export const MAX_VOLUME_SIZE_GB = 16_384;

/** Checks `volumeSizesInGb` and fills in the defaults; undefined when the project names none (30 GB each, as before the option existed). */
export function resolveVolumeSizes(option: string, given: VolumeSizesOptions | undefined): ResolvedVolumeSizes | undefined {
  if (given === undefined) {
    return undefined;
  }
  checkObject(option, given, Object.keys(DEFAULT_VOLUME_SIZES));
  const sizes = { ...DEFAULT_VOLUME_SIZES };
  for (const kind of ['processing', 'training'] as const) {
    // Only an absent field defaults: null (from a config file) is a value, and a wrong one.
    const value: unknown = given[kind] === undefined ? DEFAULT_VOLUME_SIZES[kind] : given[kind];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_VOLUME_SIZE_GB) {
      throw new ConfigError(
        `${option}.${kind} must be a whole number of GB in 1..${MAX_VOLUME_SIZE_GB} (SageMaker's VolumeSizeInGB of a ${kind} job; ` +
        `${MAX_VOLUME_SIZE_GB} GB is the largest volume), got ${JSON.stringify(value)}`,
      );
    }
    sizes[kind] = value;
  }
  return sizes;
}

/** The volume sizes of a resolved config: its `volumeSizesInGb`, or 30 GB each when it has none. */
export function volumeSizesOf(config: { readonly volumeSizesInGb?: ResolvedVolumeSizes }): ResolvedVolumeSizes {
  return config.volumeSizesInGb ?? DEFAULT_VOLUME_SIZES;
}
