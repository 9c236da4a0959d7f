import { ConfigError } from './errors';

/**
 * SageMaker ML instance families whose instances come with local NVMe instance-store volumes
 * (from the EC2 User Guide, "Instance store volume limits for EC2 instances", for the families
 * SageMaker offers). On these, SageMaker mounts the instance store instead of an EBS volume,
 * and the SageMaker API reference says (ResourceConfig.VolumeKmsKeyId,
 * ProcessingClusterConfig.VolumeKmsKeyId, TransformResources.VolumeKmsKeyId,
 * CreateEndpointConfig.KmsKeyId): "Certain Nitro-based instances include local storage,
 * dependent on the instance type. Local storage volumes are encrypted using a hardware module
 * on the instance. You can't request a VolumeKmsKeyId when using an instance type with local
 * storage."
 *
 * Families whose name carries the `d` capability letter (m5d, c5d, r5d, g4dn, p3dn, p4d, ...)
 * have instance storage by EC2's naming convention ("Amazon EC2 instance type naming
 * conventions": d = instance store volumes), so a new `d` family is recognized without an
 * entry here; the families below are listed for what they are, and for those without the
 * letter (g5, g6, p5, trn1, ...).
 */
export const INSTANCE_STORAGE_FAMILIES: ReadonlySet<string> = new Set([
  // General purpose, compute and memory optimized, with the `d` letter.
  'm5d', 'm6gd', 'm6id', 'c5d', 'c6gd', 'c6id', 'r5d', 'r6gd', 'r6id',
  // Accelerated computing: GPUs, Trainium and Gaudi, all with local NVMe SSDs.
  'g4dn', 'g4ad', 'g5', 'g6', 'g6e', 'gr6', 'p3dn', 'p4d', 'p4de', 'p5', 'p5e', 'p5en', 'p6-b200', 'trn1', 'trn1n', 'trn2', 'dl1',
]);

/** `ml.<family>.<size>`: the family, or undefined for anything else (an unresolved token, a typo). */
export function instanceFamily(instanceType: string): string | undefined {
  const match = typeof instanceType === 'string' ? /^ml\.([a-z0-9-]+)\.[a-z0-9]+$/.exec(instanceType) : null;
  return match?.[1];
}

/**
 * True when the instance type has local instance-store (NVMe) volumes: a family of
 * {@link INSTANCE_STORAGE_FAMILIES}, or one whose capability letters include `d`.
 * False for EBS-only types and for anything that is not an `ml.<family>.<size>` literal.
 */
export function hasInstanceStorage(instanceType: string): boolean {
  const family = instanceFamily(instanceType);
  if (family === undefined) {
    return false;
  }
  if (INSTANCE_STORAGE_FAMILIES.has(family)) {
    return true;
  }
  // <series letters><generation><capability letters>, such as m 7 gd or c 6 id.
  const capabilities = /^[a-z]+\d+([a-z]*)$/.exec(family)?.[1] ?? '';
  return capabilities.includes('d');
}

/**
 * True when SageMaker accepts a KMS key for the storage volume of this instance type
 * (`VolumeKmsKeyId` of training, processing and transform jobs, `KmsKeyId` of an endpoint
 * configuration): every type without instance storage. Anything that is not an
 * `ml.<family>.<size>` literal (an unresolved token) is not judged: true.
 */
export function acceptsVolumeKmsKey(instanceType: string): boolean {
  return !hasInstanceStorage(instanceType);
}

/**
 * Throws a ConfigError when `instanceType` has instance storage, where a volume KMS key is
 * set: SageMaker would reject the job or endpoint configuration. Tokens are skipped.
 *
 * @param option the option that sets the instance type, for the message
 * @param keyOwner what sets the key, for the message (such as "the project's KMS key")
 */
export function checkAcceptsVolumeKmsKey(option: string, instanceType: string, keyOwner = 'the project\'s KMS key'): void {
  if (acceptsVolumeKmsKey(instanceType)) {
    return;
  }
  throw new ConfigError(
    `${option} must be an instance type without instance-store (NVMe) volumes, because ${keyOwner} encrypts its storage volume ` +
    `and SageMaker rejects a volume KMS key on instance types with local storage (their NVMe storage is encrypted by the instance's hardware); ` +
    `got ${JSON.stringify(instanceType)} (family ${instanceFamily(instanceType)}); ` +
    `choose an EBS-backed type such as ml.m5.xlarge, ml.c5.xlarge, ml.r5.xlarge or, for a GPU, ml.p3.2xlarge`,
  );
}
