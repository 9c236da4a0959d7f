import { ConfigError } from './errors';
import { acceptsVolumeKmsKey, checkAcceptsVolumeKmsKey } from './instance-storage';

/** The SageMaker job kinds whose instance types the project sets. */
export type JobKind = 'processing' | 'training' | 'inference' | 'transform';

type Families = Readonly<Record<string, readonly string[]>>;

const expand = (families: Families): ReadonlySet<string> =>
  new Set(Object.entries(families).flatMap(([family, sizes]) => sizes.map((size) => `ml.${family}.${size}`)));

const M5 = ['large', 'xlarge', '2xlarge', '4xlarge', '12xlarge', '24xlarge'];
const M6I = ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge', '32xlarge'];
const C5 = ['xlarge', '2xlarge', '4xlarge', '9xlarge', '18xlarge'];
/** Real-time endpoints also take ml.c5.large and ml.c4.large (ProductionVariantInstanceType); jobs do not. */
const C5_INFERENCE = ['large', ...C5];
const R5 = ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge'];
/** Real-time endpoints take no ml.r5.8xlarge or ml.r5.16xlarge (ProductionVariantInstanceType). */
const R5_INFERENCE = ['large', 'xlarge', '2xlarge', '4xlarge', '12xlarge', '24xlarge'];
const G4DN = ['xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge'];
const G5 = ['xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge', '48xlarge'];
const P3 = ['2xlarge', '8xlarge', '16xlarge'];
const M4 = ['xlarge', '2xlarge', '4xlarge', '10xlarge', '16xlarge'];
const C4 = ['xlarge', '2xlarge', '4xlarge', '8xlarge'];
const C4_INFERENCE = ['large', ...C4];

/**
 * Instance types SageMaker offers per job kind (from the SageMaker pricing page's instance
 * lists, the general-purpose, compute, memory and GPU families a tabular model uses; each one is
 * among the valid values the SageMaker API Reference gives for that kind: ProcessingInstanceType,
 * TrainingInstanceType, ProductionVariantInstanceType, TransformInstanceType). A type
 * outside the list is rejected at synth rather than by the job hours later. Burstable `t`
 * types serve processing and real-time inference but not training or batch transform.
 */
export const INSTANCE_TYPES: Readonly<Record<JobKind, ReadonlySet<string>>> = {
  processing: expand({ t3: ['medium', 'large', 'xlarge', '2xlarge'], m4: M4, m5: M5, m6i: M6I, c4: C4, c5: C5, r5: R5, g4dn: G4DN, g5: G5, p3: P3 }),
  training: expand({ m4: M4, m5: M5, m6i: M6I, c4: C4, c5: C5, r5: R5, g4dn: G4DN, g5: G5, p3: P3 }),
  inference: expand({ t2: ['medium', 'large', 'xlarge', '2xlarge'], m4: M4, m5: M5, m6i: M6I, c4: C4_INFERENCE, c5: C5_INFERENCE, r5: R5_INFERENCE, g4dn: G4DN, g5: G5, p3: P3 }),
  // Batch transform takes no ml.r5 type (TransformInstanceType).
  transform: expand({ m4: M4, m5: M5, m6i: M6I, c4: C4, c5: C5, g4dn: G4DN, g5: G5, p3: P3 }),
};

/**
 * The job kinds whose every job the project starts encrypts its storage volume with a KMS key of
 * the project (the model-build key, or a stage key for the drift check and Model Monitor): their
 * instance types must accept a volume KMS key, so instance types with instance-store (NVMe)
 * volumes are not offered for them (see `acceptsVolumeKmsKey`).
 */
export const VOLUME_KEY_JOB_KINDS: ReadonlySet<JobKind> = new Set<JobKind>(['processing', 'training']);

/**
 * The instance types the project's `kind` jobs may use, in table order: {@link INSTANCE_TYPES}, less
 * the types with instance storage for {@link VOLUME_KEY_JOB_KINDS}. The model-build pipeline's
 * instance-type parameters allow exactly these (their EnumValues).
 */
export function allowedInstanceTypes(kind: JobKind): string[] {
  return [...INSTANCE_TYPES[kind]].filter((type) => !VOLUME_KEY_JOB_KINDS.has(kind) || acceptsVolumeKmsKey(type));
}

/**
 * Throws unless `value` is an instance type SageMaker offers for `kind` jobs and, for
 * {@link VOLUME_KEY_JOB_KINDS}, one that accepts the project's volume KMS key.
 */
export function checkInstanceTypeFor(option: string, kind: JobKind, value: string): void {
  if (typeof value === 'string' && INSTANCE_TYPES[kind].has(value)) {
    if (VOLUME_KEY_JOB_KINDS.has(kind)) {
      checkAcceptsVolumeKmsKey(option, value, 'a KMS key of the project');
    }
    return;
  }
  const families = [...new Set(allowedInstanceTypes(kind).map((t) => t.split('.').slice(0, 2).join('.')))];
  throw new ConfigError(
    `${option} must be a SageMaker ${kind} instance type such as ml.m5.large, got ${JSON.stringify(value)}; ` +
    `${kind} instance families: ${families.join(', ')} (see allowedInstanceTypes for every size)`,
  );
}
