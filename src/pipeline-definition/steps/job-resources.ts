import { acceptsVolumeKmsKey } from '../../config/instance-storage';
import { PipelineDefinitionError, describeValue } from '../errors';
import { Expression, Value } from '../expressions';
import { ParameterString } from '../parameters';

/** The machines a SageMaker job runs on. */
export interface JobResources {
  /** The instance type, such as ml.m5.large. */
  readonly instanceType: Value<string>;
  /**
   * @default 1
   */
  readonly instanceCount?: Value<number>;
  /**
   * Size of each instance's storage volume in GB.
   * @default 30
   */
  readonly volumeSizeInGb?: Value<number>;
  /**
   * KMS key that encrypts the storage volume. SageMaker rejects it for instance types with
   * local instance-store (NVMe) volumes (see `acceptsVolumeKmsKey`): with a key, a literal
   * instance type, or an instance-type parameter's default and allowed values, must be
   * EBS-backed.
   * @default - the volume is encrypted with a key SageMaker manages
   */
  readonly volumeKmsKeyId?: Value<string>;
  /**
   * Subnets and security groups of your VPC the job runs in (the API's `VpcConfig`: in
   * `NetworkConfig` for CreateProcessingJob, at the top for CreateTrainingJob).
   * @default - SageMaker's own network
   */
  readonly vpcConfig?: JobVpcConfig;
}

/** The subnets and security groups of a job in a VPC (`VpcConfig`: Subnets and SecurityGroupIds). */
export interface JobVpcConfig {
  readonly subnetIds: readonly string[];
  readonly securityGroupIds: readonly string[];
}

/** `VpcConfig` of CreateProcessingJob (`NetworkConfig.VpcConfig`) and CreateTrainingJob; undefined without a VPC. */
export function renderVpcConfig(vpc: JobVpcConfig | undefined): { SecurityGroupIds: string[]; Subnets: string[] } | undefined {
  return vpc && { SecurityGroupIds: [...vpc.securityGroupIds], Subnets: [...vpc.subnetIds] };
}

/** The `ClusterConfig` / `ResourceConfig` shape shared by processing and training. */
export function renderClusterConfig(resources: JobResources): Record<string, unknown> {
  return {
    InstanceType: resources.instanceType,
    InstanceCount: resources.instanceCount ?? 1,
    VolumeSizeInGB: resources.volumeSizeInGb ?? 30,
    VolumeKmsKeyId: resources.volumeKmsKeyId,
  };
}

/** Checks the literal parts of a job's resources. */
export function checkJobResources(stepName: string, resources: JobResources): void {
  if (typeof resources.instanceType === 'string' && !/^ml\.[a-z0-9-]+\.[a-z0-9]+$/.test(resources.instanceType)) {
    throw new PipelineDefinitionError(
      `step ${stepName}: instance type must be a SageMaker instance type such as ml.m5.large, got ${JSON.stringify(resources.instanceType)}`,
    );
  }
  checkPositiveIntegerValue(stepName, 'instanceCount', resources.instanceCount);
  checkPositiveIntegerValue(stepName, 'volumeSizeInGb', resources.volumeSizeInGb);
  if (resources.volumeKmsKeyId !== undefined) {
    checkVolumeKeyInstanceTypes(stepName, resources.instanceType);
  }
}

/**
 * With a volume KMS key, the instance types a job can run on must accept it: the literal type,
 * or an instance-type parameter's default and allowed values (an execution may set any of them).
 * SageMaker API reference, ResourceConfig / ProcessingClusterConfig VolumeKmsKeyId: "You can't
 * request a VolumeKmsKeyId when using an instance type with local storage."
 */
function checkVolumeKeyInstanceTypes(stepName: string, instanceType: Value<string>): void {
  const candidates = typeof instanceType === 'string' ? [instanceType]
    : instanceType instanceof ParameterString ? [instanceType.defaultValue, ...(instanceType.allowedValues ?? [])] : [];
  const rejected = [...new Set(candidates.filter((t): t is string => typeof t === 'string' && !acceptsVolumeKmsKey(t)))];
  if (rejected.length > 0) {
    const where = typeof instanceType === 'string' ? 'instance type' : `instance type parameter ${(instanceType as ParameterString).name} allows`;
    throw new PipelineDefinitionError(
      `step ${stepName}: ${where} ${rejected.join(', ')}, which ${rejected.length > 1 ? 'have' : 'has'} instance-store (NVMe) volumes; ` +
      'SageMaker rejects a volumeKmsKeyId on such types: use EBS-backed instance types, or leave volumeKmsKeyId out',
    );
  }
}

/** Throws unless a literal is a positive integer (expressions are checked by SageMaker at run time). */
export function checkPositiveIntegerValue(stepName: string, field: string, value: Value<number> | undefined): void {
  if (value === undefined || value instanceof Expression) {
    return;
  }
  if (!(Number.isSafeInteger(value) && value > 0)) {
    throw new PipelineDefinitionError(`step ${stepName}: ${field} must be a positive integer, got ${describeValue(value)}`);
  }
}
