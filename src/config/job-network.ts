import { checkObject } from './config-checks';
import { ConfigError } from './errors';

/**
 * The network of the model-build pipeline's processing and training jobs: subnets and security
 * groups of one of your VPCs (CreateProcessingJob `NetworkConfig.VpcConfig`, CreateTrainingJob
 * `VpcConfig`). SageMaker creates the jobs' network interfaces there ("Give SageMaker AI Access
 * to Resources in your Amazon VPC").
 */
export interface JobNetworkOptions {
  /** The subnets the jobs' network interfaces go into (`subnet-…`): 1 to 16, each once. */
  readonly subnetIds: readonly string[];
  /** The security groups of the jobs' network interfaces (`sg-…`): 1 to 5, each once. */
  readonly securityGroupIds: readonly string[];
  /**
   * Whether the subnets reach the internet (through a NAT gateway). With `false` and MLflow on,
   * the steps cannot install their pinned packages from PyPI when they start: the model-build
   * CodePipeline builds derived images with the packages preinstalled (ECR, tagged with a hash of
   * the base image and the requirements) and the steps run those. The subnets then need VPC
   * endpoints (S3 gateway; ECR api and dkr, CloudWatch Logs, STS, the SageMaker API and MLflow).
   * @default true
   */
  readonly internetAccess?: boolean;
}

/** {@link JobNetworkOptions} with the default filled in. */
export interface ResolvedJobNetwork {
  readonly subnetIds: readonly string[];
  readonly securityGroupIds: readonly string[];
  readonly internetAccess: boolean;
}

/**
 * VpcConfig (SageMaker API reference): Subnets 1..16 items, SecurityGroupIds 1..5 items, each
 * at most 32 characters matching `[-0-9a-zA-Z]+`. EC2 IDs are the prefix and 8 or 17 hexadecimal
 * digits ("Resource IDs", Amazon EC2 User Guide).
 */
export const JOB_NETWORK_LIMITS = {
  subnetIds: { min: 1, max: 16, pattern: /^subnet-([0-9a-f]{8}|[0-9a-f]{17})$/, example: 'subnet-0123456789abcdef0' },
  securityGroupIds: { min: 1, max: 5, pattern: /^sg-([0-9a-f]{8}|[0-9a-f]{17})$/, example: 'sg-0123456789abcdef0' },
} as const;

/** Checks `jobNetwork` and fills in the default; undefined when the jobs run on SageMaker's network. */
export function resolveJobNetwork(option: string, given: JobNetworkOptions | undefined): ResolvedJobNetwork | undefined {
  if (given === undefined) {
    return undefined;
  }
  checkObject(option, given, ['subnetIds', 'securityGroupIds', 'internetAccess']);
  const subnetIds = checkIdList(`${option}.subnetIds`, given.subnetIds, JOB_NETWORK_LIMITS.subnetIds);
  const securityGroupIds = checkIdList(`${option}.securityGroupIds`, given.securityGroupIds, JOB_NETWORK_LIMITS.securityGroupIds);
  const internetAccess = given.internetAccess ?? true;
  if (typeof internetAccess !== 'boolean') {
    throw new ConfigError(`${option}.internetAccess must be true or false, got ${JSON.stringify(internetAccess)}`);
  }
  return { subnetIds, securityGroupIds, internetAccess };
}

/**
 * Whether the steps run derived images with the MLflow packages preinstalled: jobs in subnets
 * without internet access cannot pip install them, and only MLflow needs packages the images lack.
 */
export function usesStepImages(config: { readonly jobNetwork?: ResolvedJobNetwork; readonly mlflow?: unknown }): boolean {
  return config.jobNetwork?.internetAccess === false && config.mlflow !== undefined;
}

/**
 * ECR's pattern for repository names (CreateRepository, repositoryName; aws-cdk-lib checks the same at
 * synth): lower-case letters and digits with a single '.', '_' or '-' between them, in '/'-separated parts.
 */
export const ECR_REPOSITORY_NAME_PATTERN = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

/** The ECR repository of the derived step images: `<project>-step-images`, in lower case as ECR requires. */
export function stepImageRepositoryNameFor(projectName: string): string {
  return `${projectName.toLowerCase()}-step-images`;
}

/**
 * A project whose steps use derived images (usesStepImages) names their ECR repository after
 * itself: a project name SageMaker takes (repeated hyphens) may still give a name ECR refuses.
 */
export function checkStepImageRepositoryName(projectName: string): void {
  const name = stepImageRepositoryNameFor(projectName);
  if (!ECR_REPOSITORY_NAME_PATTERN.test(name)) {
    throw new ConfigError(
      `projectName ${JSON.stringify(projectName)}, with jobNetwork.internetAccess false and MLflow on, names the step images' ECR repository ` +
      `${JSON.stringify(name)}, which ECR refuses: a repository name has a single '.', '_' or '-' between lower-case letters and digits ` +
      `(CreateRepository, repositoryName: ${ECR_REPOSITORY_NAME_PATTERN.source}); use single hyphens in projectName`,
    );
  }
}

function checkIdList(option: string, value: unknown, limits: { min: number; max: number; pattern: RegExp; example: string }): string[] {
  if (!Array.isArray(value)) {
    throw new ConfigError(`${option} must be a list of ${limits.min} to ${limits.max} IDs such as ${limits.example}, got ${JSON.stringify(value)}`);
  }
  if (value.length < limits.min || value.length > limits.max) {
    throw new ConfigError(`${option} must list ${limits.min} to ${limits.max} IDs (SageMaker VpcConfig), got ${value.length}`);
  }
  for (const id of value) {
    if (typeof id !== 'string' || !limits.pattern.test(id)) {
      throw new ConfigError(`${option} has ${JSON.stringify(id)}; each must be an ID such as ${limits.example} (the prefix and 8 or 17 hexadecimal digits)`);
    }
  }
  const duplicate = value.find((id, i) => value.indexOf(id) !== i);
  if (duplicate !== undefined) {
    throw new ConfigError(`${option} lists ${duplicate} twice; name each once`);
  }
  return [...value];
}
