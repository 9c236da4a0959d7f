import {
  ModelApprovalStatus,
  SageMakerClient,
  UpdateModelPackageCommand,
} from '@aws-sdk/client-sagemaker';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { CliError } from './errors';
import { AWS_REGION_PATTERN } from './region-pattern';
import { NO_RELEASE_METADATA_KEY, NO_RELEASE_METADATA_VALUE } from './no-release-marker';
import {
  DeployedVersion,
  checkGroupExists,
  describeIfExists,
  listSummaries,
  newestApprovedExcept,
  toDeployed,
} from './model-versions';

export { DEFAULT_DESCRIBE_CONCURRENCY, checkGroupExists, findDeployedVersion, groupNotFound, listModelVersions, listNewestModelVersions } from './model-versions';
export type { DeployedVersion, ListModelVersionsOptions, ModelVersion, ModelVersionListing } from './model-versions';

/** SageMaker's limit on a model package's `ApprovalDescription`, in characters. */
export const APPROVAL_DESCRIPTION_MAX_LENGTH = 1024;

/**
 * A model package version ARN: partition, region (AWS_REGION_PATTERN's shape, as the CLI's --region
 * takes it), account, group and version.
 */
export const MODEL_PACKAGE_VERSION_ARN_PATTERN = new RegExp(
  `^arn:(aws(?:-[a-z]+)*):sagemaker:(${AWS_REGION_PATTERN.source.slice(1, -1)}):(\\d{12}):model-package\\/([a-zA-Z0-9](?:-*[a-zA-Z0-9]){0,62})\\/([1-9]\\d*)$`,
);

export { groupOfModelPackageGroupArn } from './model-package-group-arn';

export { NO_RELEASE_METADATA_KEY, NO_RELEASE_METADATA_VALUE } from './no-release-marker';

/** The approval statuses a person sets: the ones the model-deploy trigger reacts to. */
export type ApprovalDecision = 'Approved' | 'Rejected';

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
  /**
   * Check the version and work out what would deploy, without updating it.
   * @default false
   */
  readonly dryRun?: boolean;
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
  /** True when the change starts the model-deploy pipeline (every change but rejecting a version that was not approved). */
  readonly startsRelease: boolean;
  /** True when nothing was updated because the request was a dry run (`changed` then says whether it would change). */
  readonly dryRun?: boolean;
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
  if (!Number.isSafeInteger(Number(version))) {
    return undefined;
  }
  return { arn, partition, region, account, groupName, version: Number(version) };
}

/**
 * What is wrong with an approval comment (empty, longer than SageMaker allows, or on more than one
 * line), or undefined when it is fine. SageMaker API Reference, UpdateModelPackage:
 * ApprovalDescription is at most 1024 characters with the pattern `.*`, which SageMaker matches
 * against the whole value, and `.` matches no line break.
 */
export function approvalCommentProblem(comment: string): string | undefined {
  // What is sent: the comment without its leading and trailing white space.
  const sent = comment.trim();
  if (sent === '') {
    return 'comment must not be empty: say why the version may (or may not) go to production';
  }
  const length = [...sent].length;
  if (length > APPROVAL_DESCRIPTION_MAX_LENGTH) {
    return `comment must be at most ${APPROVAL_DESCRIPTION_MAX_LENGTH} characters (SageMaker's limit on an approval description), got ${length}`;
  }
  if (/[\n\r\u0085\u2028\u2029]/.test(sent)) {
    return 'comment must be one line: SageMaker refuses a line break in an approval description (UpdateModelPackage, ApprovalDescription); join the lines';
  }
  return undefined;
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
  // Rejecting a version that is not approved changes nothing in what deploys: the marker keeps the release trigger off.
  const noRelease = request.status === 'Rejected' && previousStatus !== 'Approved';
  const marked = described.CustomerMetadataProperties?.[NO_RELEASE_METADATA_KEY] !== undefined;
  if (changed && !request.dryRun) {
    await sageMaker.send(new UpdateModelPackageCommand({
      ModelPackageArn: target.arn,
      ModelApprovalStatus: request.status,
      ApprovalDescription: request.comment.trim(),
      ...(noRelease ? { CustomerMetadataProperties: { [NO_RELEASE_METADATA_KEY]: NO_RELEASE_METADATA_VALUE } } : {}),
      ...(!noRelease && marked ? { CustomerMetadataPropertiesToRemove: [NO_RELEASE_METADATA_KEY] } : {}),
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
    startsRelease: changed && !noRelease,
    deployedBefore: deployedWith(previousStatus),
    deploys: deployedWith(request.status),
    ...(request.dryRun ? { dryRun: true } : {}),
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

/** The object without its undefined fields, so they do not show up as keys (in tests and JSON alike). */
function withoutUndefined<T extends object>(values: T): T {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as T;
}
