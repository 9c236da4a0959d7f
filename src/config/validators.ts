import { RegionInfo } from 'aws-cdk-lib/region-info';
import { ConfigError } from './errors';

/** SageMaker's pattern for project names (CreateProject.ProjectName). */
export const PROJECT_NAME_PATTERN = /^[a-zA-Z](-*[a-zA-Z0-9])*$/;
/** SageMaker limits project names to 32 characters. */
export const PROJECT_NAME_MAX_LENGTH = 32;
/** SageMaker's pattern for model package group names (CreateModelPackageGroup). */
export const MODEL_PACKAGE_GROUP_NAME_PATTERN = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;
/** Both service prefixes of AWS CodeConnections (the old `codestar-connections` and the new one). */
export const CONNECTION_ARN_PATTERN =
  /^arn:aws(-[a-z]+)*:(codestar-connections|codeconnections):([a-z0-9-]+):(\d{12}):connection\/[0-9a-fA-F-]{36}$/;
export const MLFLOW_TRACKING_SERVER_ARN_PATTERN =
  /^arn:aws(-[a-z]+)*:sagemaker:([a-z0-9-]+):(\d{12}):mlflow-tracking-server\/([a-zA-Z0-9](-*[a-zA-Z0-9]){0,255})$/;
/** `owner/name`, as GitHub, GitLab and Bitbucket spell a repository (GitLab groups may nest). */
export const REPOSITORY_PATTERN = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)+$/;
export const CODECOMMIT_REPOSITORY_PATTERN = /^[\w.-]{1,100}$/;
export const BRANCH_PATTERN = /^(?!\/)(?!.*\/\/)(?!.*\.\.)(?!.*@\{)[^\s~^:?*[\\]+(?<![/.])$/;
export const ACCOUNT_PATTERN = /^\d{12}$/;
export const INSTANCE_TYPE_PATTERN = /^ml\.[a-z0-9-]+\.[a-z0-9]+$/;

const KNOWN_REGIONS: ReadonlySet<string> = new Set(RegionInfo.regions.map((r) => r.name));

/** Every region name aws-cdk-lib knows, sorted. */
export function knownRegions(): string[] {
  return [...KNOWN_REGIONS].sort();
}

export function checkProjectName(option: string, value: string): void {
  if (typeof value !== 'string' || !PROJECT_NAME_PATTERN.test(value) || value.length > PROJECT_NAME_MAX_LENGTH) {
    throw new ConfigError(
      `${option} must start with a letter, contain only letters, digits and single or repeated hyphens between them ` +
      `(${PROJECT_NAME_PATTERN.source}) and be at most ${PROJECT_NAME_MAX_LENGTH} characters long, got ${JSON.stringify(value)}`,
    );
  }
}

export function checkModelPackageGroupName(option: string, value: string): void {
  if (typeof value !== 'string' || !MODEL_PACKAGE_GROUP_NAME_PATTERN.test(value)) {
    throw new ConfigError(
      `${option} must be 1 to 63 letters, digits or inner hyphens (${MODEL_PACKAGE_GROUP_NAME_PATTERN.source}), got ${JSON.stringify(value)}`,
    );
  }
}

export function checkRegion(option: string, value: string): void {
  if (!KNOWN_REGIONS.has(value)) {
    throw new ConfigError(
      `${option} must be an AWS region such as us-east-1 or eu-west-1, got ${JSON.stringify(value)}; known regions: ${knownRegions().join(', ')}`,
    );
  }
}

export function checkAccount(option: string, value: string): void {
  if (typeof value !== 'string' || !ACCOUNT_PATTERN.test(value)) {
    throw new ConfigError(`${option} must be a 12-digit AWS account id (as a string), got ${JSON.stringify(value)}`);
  }
}

export function checkInstanceType(option: string, value: string): void {
  if (typeof value !== 'string' || !INSTANCE_TYPE_PATTERN.test(value)) {
    throw new ConfigError(
      `${option} must be a SageMaker instance type starting with "ml." such as ml.m5.large, got ${JSON.stringify(value)}`,
    );
  }
}

export function checkFraction(option: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new ConfigError(`${option} must be a number between 0 and 1, got ${JSON.stringify(value)}`);
  }
}

export function checkConnectionArn(option: string, value: string): void {
  const match = typeof value === 'string' ? CONNECTION_ARN_PATTERN.exec(value) : null;
  if (!match) {
    throw new ConfigError(
      `${option} must be an AWS CodeConnections connection ARN, arn:aws:codeconnections:<region>:<account>:connection/<id> ` +
      `or arn:aws:codestar-connections:<region>:<account>:connection/<id>, got ${JSON.stringify(value)}`,
    );
  }
  checkRegion(`the region of ${option}`, match[3]);
}

export function checkMlflowTrackingServerArn(option: string, value: string): void {
  const match = typeof value === 'string' ? MLFLOW_TRACKING_SERVER_ARN_PATTERN.exec(value) : null;
  if (!match) {
    throw new ConfigError(
      `${option} must be a SageMaker MLflow tracking server ARN, arn:aws:sagemaker:<region>:<account>:mlflow-tracking-server/<name>, ` +
      `got ${JSON.stringify(value)}`,
    );
  }
  checkRegion(`the region of ${option}`, match[2]);
}

export function checkRepository(option: string, value: string): void {
  if (typeof value !== 'string' || !REPOSITORY_PATTERN.test(value)) {
    throw new ConfigError(`${option} must be a repository in the form owner/name (e.g. acme/player-churn-model-build), got ${JSON.stringify(value)}`);
  }
}

export function checkCodeCommitRepository(option: string, value: string): void {
  if (typeof value !== 'string' || !CODECOMMIT_REPOSITORY_PATTERN.test(value)) {
    throw new ConfigError(
      `${option} must be a CodeCommit repository name of 1 to 100 letters, digits, '.', '_' or '-', got ${JSON.stringify(value)}`,
    );
  }
}

export function checkBranch(option: string, value: string): void {
  if (typeof value !== 'string' || !BRANCH_PATTERN.test(value)) {
    throw new ConfigError(`${option} must be a valid git branch name such as main, got ${JSON.stringify(value)}`);
  }
}

/**
 * A syntactically valid connection ARN that names no real connection (account 000000000000):
 * examples use it where a team must put its own connection's ARN.
 */
export const PLACEHOLDER_CONNECTION_ARN = 'arn:aws:codeconnections:us-east-1:000000000000:connection/00000000-0000-0000-0000-000000000000';

/** Whether a connection ARN is a placeholder (its account is all zeros) that must be replaced before deploying. */
export function isPlaceholderConnectionArn(arn: string | undefined): boolean {
  return arn !== undefined && /:000000000000:connection\//.test(arn);
}
