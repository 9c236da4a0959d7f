import {
  DescribeModelPackageCommand,
  DescribeModelPackageCommandOutput,
  DescribeModelPackageGroupCommand,
  ListModelPackagesCommand,
  ModelApprovalStatus,
  ModelPackageSummary,
  SageMakerClient,
  UpdateModelPackageCommand,
  UserContext,
} from '@aws-sdk/client-sagemaker';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { CliError, isNotFound } from './errors';
import { parseAuc } from './model-registry';

/** SageMaker's limit on a model package's `ApprovalDescription`, in characters. */
export const APPROVAL_DESCRIPTION_MAX_LENGTH = 1024;

/** How many versions `listModelVersions` describes at once by default: few, to stay clear of throttling. */
export const DEFAULT_DESCRIBE_CONCURRENCY = 4;

/** A model package version ARN: partition, region, account, group and version. */
export const MODEL_PACKAGE_VERSION_ARN_PATTERN =
  /^arn:(aws(?:-[a-z]+)*):sagemaker:([a-z0-9-]+):(\d{12}):model-package\/([a-zA-Z0-9](?:-*[a-zA-Z0-9]){0,62})\/([1-9]\d*)$/;

/** The approval statuses a person sets: the ones the model-deploy trigger reacts to. */
export type ApprovalDecision = 'Approved' | 'Rejected';

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
}

/** The parts of a model package version ARN. */
export interface ModelPackageVersionArn {
  readonly arn: string;
  readonly partition: string;
  readonly region: string;
  readonly account: string;
  /** The group as the ARN spells it (SageMaker writes it in lowercase). */
  readonly groupName: string;
  readonly version: number;
}

/** Which version to approve or reject: its ARN, or its group and number (in the caller's account and the client's region). */
export type ModelVersionTarget =
  | { readonly modelPackageArn: string }
  | { readonly groupName: string; readonly version: number };

/** What `changeModelApproval` does. */
export interface ModelApprovalRequest {
  /** The version to change. */
  readonly target: ModelVersionTarget;
  /** The status to set. */
  readonly status: ApprovalDecision;
  /** Why: stored as the version's `ApprovalDescription`. */
  readonly comment: string;
}

/** What `changeModelApproval` did and what the model-deploy pipeline deploys as a result. */
export interface ModelApprovalChange {
  readonly modelPackageGroupName: string;
  readonly modelPackageArn: string;
  readonly version: number;
  /** The status before the change. */
  readonly previousStatus: ModelApprovalStatus;
  /** The status requested (and now set). */
  readonly newStatus: ApprovalDecision;
  /** False when the version already had the requested status, so nothing was updated. */
  readonly changed: boolean;
  /** The newest approved version before the change, if any. */
  readonly deployedBefore?: DeployedVersion;
  /** The newest approved version after the change, if any: what the model-deploy pipeline deploys next. */
  readonly deploys?: DeployedVersion;
}

/**
 * The parts of a model package version ARN, or undefined when `text` is not one
 * (`arn:<partition>:sagemaker:<region>:<account>:model-package/<group>/<version>`).
 */
export function parseModelPackageVersionArn(text: string): ModelPackageVersionArn | undefined {
  const match = MODEL_PACKAGE_VERSION_ARN_PATTERN.exec(text);
  if (!match) {
    return undefined;
  }
  const [arn, partition, region, account, groupName, version] = match;
  return { arn, partition, region, account, groupName, version: Number(version) };
}

/** What is wrong with an approval comment (empty, or longer than SageMaker allows), or undefined when it is fine. */
export function approvalCommentProblem(comment: string): string | undefined {
  if (comment.trim() === '') {
    return 'comment must not be empty: say why the version may (or may not) go to production';
  }
  const length = [...comment].length;
  if (length > APPROVAL_DESCRIPTION_MAX_LENGTH) {
    return `comment must be at most ${APPROVAL_DESCRIPTION_MAX_LENGTH} characters (SageMaker's limit on an approval description), got ${length}`;
  }
  return undefined;
}

/**
 * Every version of a model package group (or those with one status), newest first, each described
 * for its AUC, approver and comment. Versions deleted between the listing and their description are left out.
 *
 * @throws CliError when the group does not exist, naming it and the region
 */
export async function listModelVersions(client: SageMakerClient, groupName: string, options: ListModelVersionsOptions = {}): Promise<ModelVersion[]> {
  const concurrency = options.concurrency ?? DEFAULT_DESCRIBE_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new Error(`concurrency must be a positive integer, got ${concurrency}`);
  }
  const summaries = await listSummaries(client, groupName, options.status);
  if (summaries.length === 0) {
    await checkGroupExists(client, groupName);
  }
  const versions = await mapConcurrently(summaries, concurrency, async (summary) => {
    const described = await describeIfExists(client, summaryArn(summary));
    return described && toModelVersion(groupName, summary, described);
  });
  return versions.filter((version): version is ModelVersion => version !== undefined);
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

/**
 * Sets a version's approval status with the comment as its approval description, after checking
 * that the version is in the caller's account, the client's region and its group. Changes nothing
 * when the version already has the status. Then works out what the model-deploy pipeline deploys:
 * the newest approved version, reading the registry after the change (and counting this version
 * as changed even if a listing has not caught up yet).
 *
 * @throws CliError when the ARN is of another region or account, when the version or its group does
 *   not exist (listing the group's versions), or when the comment is empty or too long
 */
export async function changeModelApproval(sageMaker: SageMakerClient, sts: STSClient, request: ModelApprovalRequest): Promise<ModelApprovalChange> {
  const problem = approvalCommentProblem(request.comment);
  if (problem) {
    throw new CliError(problem);
  }
  const region = await sageMaker.config.region();
  const target = await locate(sts, region, request.target);
  const described = await describeIfExists(sageMaker, target.arn);
  if (!described) {
    throw new CliError(await versionNotInGroup(sageMaker, target.groupName, target.version, region));
  }
  const groupName = described.ModelPackageGroupName ?? target.groupName;
  if (groupName.toLowerCase() !== target.groupName.toLowerCase()) {
    throw new CliError(`model package ${target.arn} belongs to model package group ${groupName}, not ${target.groupName}`);
  }
  const version = described.ModelPackageVersion ?? target.version;
  const previousStatus = described.ModelApprovalStatus ?? 'PendingManualApproval';
  const changed = previousStatus !== request.status;
  if (changed) {
    await sageMaker.send(new UpdateModelPackageCommand({
      ModelPackageArn: target.arn,
      ModelApprovalStatus: request.status,
      ApprovalDescription: request.comment.trim(),
    }));
  }
  const self: DeployedVersion = { version, arn: described.ModelPackageArn ?? target.arn };
  const other = await newestApprovedExcept(sageMaker, groupName, version);
  const deployedWith = (status: ModelApprovalStatus) => (status === 'Approved' && (!other || version > other.version) ? self : other);
  return withoutUndefined({
    modelPackageGroupName: groupName,
    modelPackageArn: self.arn,
    version,
    previousStatus,
    newStatus: request.status,
    changed,
    deployedBefore: deployedWith(previousStatus),
    deploys: deployedWith(request.status),
  });
}

/** The target's ARN, group and version, checked against the client's region and the caller's account. */
async function locate(sts: STSClient, region: string, target: ModelVersionTarget): Promise<{ arn: string; groupName: string; version: number }> {
  if ('groupName' in target) {
    const caller = await callerIdentity(sts);
    // SageMaker spells the group in lowercase in its ARNs.
    const arn = `arn:${caller.partition}:sagemaker:${region}:${caller.account}:model-package/${target.groupName.toLowerCase()}/${target.version}`;
    return { arn, groupName: target.groupName, version: target.version };
  }
  const parsed = parseModelPackageVersionArn(target.modelPackageArn);
  if (!parsed) {
    throw new CliError(`${target.modelPackageArn} is not a model package version ARN (arn:<partition>:sagemaker:<region>:<account>:model-package/<group>/<version>)`);
  }
  if (parsed.region !== region) {
    throw new CliError(`model package ${parsed.arn} is in region ${parsed.region}, but the region in use is ${region}: pass --region ${parsed.region}`);
  }
  const caller = await callerIdentity(sts);
  if (parsed.account !== caller.account) {
    throw new CliError(
      `model package ${parsed.arn} is in account ${parsed.account}, but the credentials in use are of account ${caller.account}: ` +
      `use credentials (--profile) of account ${parsed.account}`,
    );
  }
  return parsed;
}

/** The account and partition of the credentials in use. */
async function callerIdentity(sts: STSClient): Promise<{ account: string; partition: string }> {
  const identity = await sts.send(new GetCallerIdentityCommand({}));
  if (!identity.Account) {
    throw new CliError('sts get-caller-identity returned no account, so the model package ARN cannot be built or checked');
  }
  return { account: identity.Account, partition: identity.Arn?.split(':')[1] || 'aws' };
}

async function versionNotInGroup(client: SageMakerClient, groupName: string, version: number, region: string): Promise<string> {
  const summaries = await listSummaries(client, groupName);
  if (summaries.length === 0) {
    await checkGroupExists(client, groupName);
  }
  const versions = summaries.map((summary) => toDeployed(summary).version);
  const existing = versions.length === 0 ? 'it has no versions' : `its versions are: ${formatVersionRanges(versions)}`;
  return `version ${version} is not in model package group ${groupName} (region ${region}); ${existing}`;
}

/** `1-3, 5, 7-8` for the versions 8, 7, 5, 3, 2, 1. */
function formatVersionRanges(versions: number[]): string {
  const sorted = [...new Set(versions)].sort((a, b) => a - b);
  const ranges: Array<[number, number]> = [];
  for (const version of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && version === last[1] + 1) {
      last[1] = version;
    } else {
      ranges.push([version, version]);
    }
  }
  return ranges.map(([from, to]) => (from === to ? `${from}` : `${from}-${to}`)).join(', ');
}

/** The newest approved version other than `exceptVersion`. */
async function newestApprovedExcept(client: SageMakerClient, groupName: string, exceptVersion?: number): Promise<DeployedVersion | undefined> {
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
async function listSummaries(client: SageMakerClient, groupName: string, status?: ModelApprovalStatus): Promise<ModelPackageSummary[]> {
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

async function describeIfExists(client: SageMakerClient, arn: string): Promise<DescribeModelPackageCommandOutput | undefined> {
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

function toDeployed(summary: ModelPackageSummary): DeployedVersion {
  const arn = summaryArn(summary);
  return { version: summary.ModelPackageVersion ?? versionOf(arn), arn };
}

function versionOf(arn: string): number {
  return Number(arn.slice(arn.lastIndexOf('/') + 1));
}

/** The object without its undefined fields, so they do not show up as keys (in tests and JSON alike). */
function withoutUndefined<T extends object>(values: T): T {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as T;
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
