import {
  DescribeModelPackageCommand,
  DescribeModelPackageCommandOutput,
  DescribeModelPackageGroupCommand,
  ListModelPackagesCommand,
  ModelApprovalStatus,
  ModelPackageSummary,
  SageMakerClient,
  UserContext,
} from '@aws-sdk/client-sagemaker';
import { CliError, isNotFound } from './errors';
import { parseAuc } from './model-registry';

/** How many versions `listModelVersions` describes at once by default: few, to stay clear of throttling. */
export const DEFAULT_DESCRIBE_CONCURRENCY = 4;

/** One version of a model package group, as `models` shows it. */
export interface ModelVersion {
  /** The model package group. */
  readonly modelPackageGroupName: string;
  /** ARN of the model package (version). */
  readonly modelPackageArn: string;
  /** The version number in the group (1, 2, ...). */
  readonly version: number;
  /** When the version was registered (ISO 8601). */
  readonly creationTime: string;
  /** `Approved`, `Rejected` or `PendingManualApproval`. */
  readonly approvalStatus: ModelApprovalStatus;
  /** The test AUC the model-build pipeline recorded, if any. */
  readonly auc?: number;
  /** Who last set an `Approved` or `Rejected` status: the Studio user profile, else the IAM identity ARN, if SageMaker recorded it. */
  readonly decidedBy?: string;
  /** The approver's comment, if any. */
  readonly approvalDescription?: string;
}

/** The version the model-deploy pipeline deploys: the newest `Approved` one. */
export interface DeployedVersion {
  /** The version number in the group. */
  readonly version: number;
  /** ARN of the model package (version). */
  readonly arn: string;
}

/** Options of `listModelVersions`. */
export interface ListModelVersionsOptions {
  /**
   * Only versions with this approval status.
   * @default - every version
   */
  readonly status?: ModelApprovalStatus;
  /**
   * How many versions are described at once.
   * @default DEFAULT_DESCRIBE_CONCURRENCY
   */
  readonly concurrency?: number;
  /**
   * Describe only the newest `limit` versions (after the status filter): the older ones are counted
   * from the listing, not described, so a long history costs one DescribeModelPackage call per shown version.
   * @default - every version is described
   */
  readonly limit?: number;
}

/** The newest versions of a group, described, with what the listing says of the rest. */
export interface ModelVersionListing {
  /** The described versions, newest first (versions deleted before their description are left out). */
  readonly versions: ModelVersion[];
  /** How many versions the listing holds (with the status filter), described or not. */
  readonly total: number;
  /** The newest version the listing gives as `Approved` among those not described (past `limit`), if any. */
  readonly newestApprovedNotDescribed?: DeployedVersion;
}

/**
 * Every version of a model package group (or those with one status), newest first, each described
 * for its AUC, approver and comment. Versions deleted between the listing and their description are left out.
 *
 * @throws CliError when the group does not exist, naming it and the region
 */
export async function listModelVersions(client: SageMakerClient, groupName: string, options: ListModelVersionsOptions = {}): Promise<ModelVersion[]> {
  return (await listNewestModelVersions(client, groupName, options)).versions;
}

/**
 * Lists every version of a group (or those with one status), newest first, and describes the
 * newest `limit` of them (all without a limit), as `listModelVersions` does; also says how many the
 * listing holds and which older one it gives as the newest `Approved`.
 *
 * @throws CliError when the group does not exist, naming it and the region
 */
export async function listNewestModelVersions(client: SageMakerClient, groupName: string, options: ListModelVersionsOptions = {}): Promise<ModelVersionListing> {
  const concurrency = options.concurrency ?? DEFAULT_DESCRIBE_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new Error(`concurrency must be a positive integer, got ${concurrency}`);
  }
  const limit = options.limit;
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1)) {
    throw new Error(`limit must be a positive integer, got ${limit}`);
  }
  const summaries = await listSummaries(client, groupName, options.status);
  if (summaries.length === 0) {
    await checkGroupExists(client, groupName);
  }
  const shown = summaries.slice(0, limit);
  const versions = await mapConcurrently(shown, concurrency, async (summary) => {
    const described = await describeIfExists(client, summaryArn(summary));
    return described && toModelVersion(groupName, summary, described);
  });
  const approvedPast = summaries.slice(shown.length).find((summary) => summary.ModelApprovalStatus === 'Approved');
  return {
    versions: versions.filter((version): version is ModelVersion => version !== undefined),
    total: summaries.length,
    ...(approvedPast ? { newestApprovedNotDescribed: toDeployed(approvedPast) } : {}),
  };
}

/**
 * The version the model-deploy pipeline deploys: the newest `Approved` one, or undefined when none is approved.
 *
 * @throws CliError when the group does not exist, naming it and the region
 */
export async function findDeployedVersion(client: SageMakerClient, groupName: string): Promise<DeployedVersion | undefined> {
  const deployed = await newestApprovedExcept(client, groupName);
  if (!deployed) {
    await checkGroupExists(client, groupName);
  }
  return deployed;
}

/** The newest approved version other than `exceptVersion`. */
export async function newestApprovedExcept(client: SageMakerClient, groupName: string, exceptVersion?: number): Promise<DeployedVersion | undefined> {
  let nextToken: string | undefined;
  do {
    const page = await listPage(client, groupName, 'Approved', nextToken);
    const found = (page.ModelPackageSummaryList ?? []).map(toDeployed).find((deployed) => deployed.version !== exceptVersion);
    if (found) {
      return found;
    }
    nextToken = page.NextToken;
  } while (nextToken);
  return undefined;
}

/** Every summary, newest first. SageMaker may answer an empty page with a token: only the last page has none. */
export async function listSummaries(client: SageMakerClient, groupName: string, status?: ModelApprovalStatus): Promise<ModelPackageSummary[]> {
  const summaries: ModelPackageSummary[] = [];
  let nextToken: string | undefined;
  do {
    const page = await listPage(client, groupName, status, nextToken);
    summaries.push(...(page.ModelPackageSummaryList ?? []));
    nextToken = page.NextToken;
  } while (nextToken);
  return summaries;
}

async function listPage(client: SageMakerClient, groupName: string, status?: ModelApprovalStatus, nextToken?: string) {
  try {
    return await client.send(new ListModelPackagesCommand({
      ModelPackageGroupName: groupName,
      SortBy: 'CreationTime',
      SortOrder: 'Descending',
      ...(status === undefined ? {} : { ModelApprovalStatus: status }),
      ...(nextToken === undefined ? {} : { NextToken: nextToken }),
    }));
  } catch (err) {
    if (isNotFound(err)) {
      throw new CliError(await groupNotFound(client, groupName, err));
    }
    throw err;
  }
}

/** An empty listing does not tell a missing group from an empty one: ask for the group. */
export async function checkGroupExists(client: SageMakerClient, groupName: string): Promise<void> {
  try {
    await client.send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: groupName }));
  } catch (err) {
    if (isNotFound(err)) {
      throw new CliError(await groupNotFound(client, groupName, err));
    }
    throw err;
  }
}

/** The message of a missing model package group, with the region asked. */
export async function groupNotFound(client: SageMakerClient, groupName: string, err: unknown): Promise<string> {
  return `model package group ${groupName} does not exist in region ${await client.config.region()}: ${(err as Error).message}`;
}

export async function describeIfExists(client: SageMakerClient, arn: string): Promise<DescribeModelPackageCommandOutput | undefined> {
  try {
    return await client.send(new DescribeModelPackageCommand({ ModelPackageName: arn }));
  } catch (err) {
    if (isNotFound(err)) {
      return undefined;
    }
    throw err;
  }
}

function toModelVersion(groupName: string, summary: ModelPackageSummary, described: DescribeModelPackageCommandOutput): ModelVersion {
  const arn = described.ModelPackageArn ?? summaryArn(summary);
  const approvalStatus = described.ModelApprovalStatus ?? summary.ModelApprovalStatus ?? 'PendingManualApproval';
  const decided = approvalStatus === 'Approved' || approvalStatus === 'Rejected';
  return withoutUndefined({
    modelPackageGroupName: described.ModelPackageGroupName ?? groupName,
    modelPackageArn: arn,
    version: described.ModelPackageVersion ?? summary.ModelPackageVersion ?? versionOf(arn),
    creationTime: (described.CreationTime ?? summary.CreationTime)?.toISOString() ?? 'unknown',
    approvalStatus,
    auc: parseAuc(described.CustomerMetadataProperties?.auc),
    decidedBy: decided ? userName(described.LastModifiedBy) : undefined,
    approvalDescription: described.ApprovalDescription || undefined,
  });
}

/** The Studio user profile, else the IAM identity. */
function userName(user: UserContext | undefined): string | undefined {
  return user?.UserProfileName || user?.IamIdentity?.Arn || undefined;
}

function summaryArn(summary: ModelPackageSummary): string {
  if (!summary.ModelPackageArn) {
    throw new Error(`model package summary without an ARN: ${JSON.stringify(summary)}`);
  }
  return summary.ModelPackageArn;
}

export function toDeployed(summary: ModelPackageSummary): DeployedVersion {
  const arn = summaryArn(summary);
  return { version: summary.ModelPackageVersion ?? versionOf(arn), arn };
}

function versionOf(arn: string): number {
  return Number(arn.slice(arn.lastIndexOf('/') + 1));
}

/** `fn` over `items` with at most `limit` calls under way, results in the items' order; stops starting new calls after a failure. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index]);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** The object without its undefined fields, so they do not show up as keys (in tests and JSON alike). */
function withoutUndefined<T extends object>(values: T): T {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as T;
}
