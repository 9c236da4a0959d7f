import {
  DescribeModelPackageCommand,
  DescribeModelPackageGroupCommand,
  DescribeModelPackageCommandOutput,
  ListModelPackagesCommand,
  ModelApprovalStatus,
  ModelPackageSummary,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { ResolvedModel, checkResolvedModel } from '../app-context/resolved-model';
import { CliError, isNotFound } from './errors';
import { formatTimestamp } from './format';
import { NO_RELEASE_METADATA_KEY } from './no-release-marker';

/** How many pending versions to ask for: only the newest is named. */
const PENDING_PAGE_SIZE = 10;

/**
 * The newest `Approved` version of a model package group, as the model-deploy synth reads it. A
 * warning for people goes to `warnings`: the version still carries reject-model's no-release marker.
 *
 * @throws CliError when the group does not exist, or when it has no approved version (saying how to approve one)
 * @throws ConfigError when the registry entry does not make a valid resolved model (e.g. a malformed baseline URI)
 */
export async function findLatestApprovedModel(client: SageMakerClient, groupName: string, warnings: string[] = []): Promise<ResolvedModel> {
  const approved = await newestPackage(client, groupName, 'Approved');
  if (!approved?.ModelPackageArn) {
    const region = await client.config.region();
    const unchecked = await checkGroupExists(client, groupName, region);
    const pending = await newestPackage(client, groupName, 'PendingManualApproval', PENDING_PAGE_SIZE);
    throw new CliError([noApprovedVersion(groupName, region, pending), ...(unchecked ? [unchecked] : [])].join('\n'));
  }
  const arn = approved.ModelPackageArn;
  const described = await client.send(new DescribeModelPackageCommand({ ModelPackageName: arn }));
  const containers = described.InferenceSpecification?.Containers ?? [];
  if (containers.length > 1) {
    throw new CliError(
      `model package ${arn} (the newest approved version) has ${containers.length} inference containers: the project deploys versions of one container `
      + '(the model role reads that one artifact, and serverless endpoints and shadow variants host no inference pipeline: SageMaker Developer Guide, '
      + '"Serverless Inference" and "Shadow tests" exclusions). Register the model with one container, or reject this version',
    );
  }
  if (described.CustomerMetadataProperties?.[NO_RELEASE_METADATA_KEY] !== undefined) {
    warnings.push(staleNoReleaseMarker(arn, described.ModelPackageVersion));
  }
  return checkResolvedModel(toResolvedModel(groupName, arn, described), `model package ${arn}`);
}

/**
 * reject-model marks the rejection of a version that was not approved, so that the release trigger starts nothing for
 * it (model-approval.ts); approve-model removes the mark, an approval in Studio or with the AWS CLI does not. Left on an
 * approved version, it makes the trigger ignore the version's next rejection made outside reject-model: production
 * would keep serving a rejected version.
 */
function staleNoReleaseMarker(arn: string, version: number | undefined): string {
  return `WARNING: version ${version ?? '?'} carries the metadata ${NO_RELEASE_METADATA_KEY} (reject-model set it when it rejected the version before `
    + 'it was approved; an approval outside sagemaker-gitops approve-model keeps it). While it does, a rejection of this version outside '
    + 'sagemaker-gitops reject-model starts no release, and production keeps serving it. Remove it: '
    + `aws sagemaker update-model-package --model-package-arn ${arn} --customer-metadata-properties-to-remove ${NO_RELEASE_METADATA_KEY}`;
}

/**
 * ListModelPackages answers an empty list for a group that does not exist, so when no version is
 * found, DescribeModelPackageGroup tells a missing group (a ValidationException "... does not
 * exist") from an empty one. Only then: the happy path needs no DescribeModelPackageGroup permission.
 *
 * @returns a note when the caller may not describe the group (the check could not be made)
 * @throws CliError when the group does not exist, naming it, the region and the options to check
 */
async function checkGroupExists(client: SageMakerClient, groupName: string, region: string): Promise<string | undefined> {
  try {
    await client.send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: groupName }));
    return undefined;
  } catch (err) {
    if (isNotFound(err)) {
      throw new CliError(`model package group ${groupName} does not exist in region ${region}: ${(err as Error).message}`);
    }
    if ((err as Error).name === 'AccessDeniedException') {
      return `(whether the group exists was not checked: ${(err as Error).name}: ${(err as Error).message})`;
    }
    throw err;
  }
}

/** The lines `resolve-model` prints for people. */
export function formatResolvedModel(model: ResolvedModel): string[] {
  return [
    `model package: ${model.modelPackageArn}`,
    `version: ${model.version} of ${model.modelPackageGroupName}`,
    `created: ${formatTimestamp(model.creationTime)}`,
    model.auc === undefined ? 'AUC: not recorded' : `AUC: ${model.auc.toFixed(4)}`,
    `approver comment: ${model.approvalDescription || 'none'}`,
  ];
}

/**
 * The newest package of the group with the status, or undefined. SageMaker filters after it
 * paginates, so a page may be empty yet carry a token: only the last page has none.
 */
async function newestPackage(
  client: SageMakerClient,
  groupName: string,
  status: ModelApprovalStatus,
  maxResults?: number,
): Promise<ModelPackageSummary | undefined> {
  let nextToken: string | undefined;
  do {
    const page = await listPage(client, groupName, status, maxResults, nextToken);
    const first = page.ModelPackageSummaryList?.[0];
    if (first) {
      return first;
    }
    nextToken = page.NextToken;
  } while (nextToken);
  return undefined;
}

async function listPage(client: SageMakerClient, groupName: string, status: ModelApprovalStatus, maxResults?: number, nextToken?: string) {
  try {
    return await client.send(new ListModelPackagesCommand({
      ModelPackageGroupName: groupName,
      ModelApprovalStatus: status,
      SortBy: 'CreationTime',
      SortOrder: 'Descending',
      ...(maxResults === undefined ? {} : { MaxResults: maxResults }),
      ...(nextToken === undefined ? {} : { NextToken: nextToken }),
    }));
  } catch (err) {
    if (isNotFound(err)) {
      throw new CliError(`model package group ${groupName} does not exist in region ${await client.config.region()}: ${(err as Error).message}`);
    }
    throw err;
  }
}

function noApprovedVersion(groupName: string, region: string, pending: ModelPackageSummary | undefined): string {
  const headline = `model package group ${groupName} in ${region} has no approved model version, so nothing will be deployed.`;
  const studio = `in SageMaker Studio (Models → ${groupName} → the version → Update status) or with:`;
  const command = (arn: string) =>
    `  aws sagemaker update-model-package --model-package-arn ${arn} --model-approval-status Approved --approval-description "<why it may go to production>"`;
  if (pending?.ModelPackageArn) {
    return [
      headline,
      `The newest version pending approval is version ${pending.ModelPackageVersion ?? '?'} (${pending.ModelPackageArn}). To deploy it, approve it ${studio}`,
      command(pending.ModelPackageArn),
    ].join('\n');
  }
  return [
    headline,
    `It has no version pending approval either: the model-build pipeline registers one each time it succeeds. Then approve it ${studio}`,
    command('<model-package-arn>'),
  ].join('\n');
}

/** The registry entry as a ResolvedModel, unchecked: fields the registry does not have are left out. */
export function toResolvedModel(groupName: string, arn: string, described: DescribeModelPackageCommandOutput): Record<string, unknown> {
  const metadata = described.CustomerMetadataProperties ?? {};
  const container = described.InferenceSpecification?.Containers?.[0];
  return withoutUndefined({
    modelPackageGroupName: described.ModelPackageGroupName ?? groupName,
    modelPackageArn: described.ModelPackageArn ?? arn,
    version: described.ModelPackageVersion,
    // Passed through, not assumed: a version rejected since the listing fails the check.
    approvalStatus: described.ModelApprovalStatus,
    creationTime: described.CreationTime?.toISOString(),
    approvalDescription: described.ApprovalDescription,
    auc: parseAuc(metadata.auc),
    imageUri: nonEmpty(container?.Image),
    modelDataUrl: nonEmpty(container?.ModelDataUrl),
    baselineDataUri: nonEmpty(metadata.baselineDataUri),
    dataQualityStatisticsUri: nonEmpty(described.ModelMetrics?.ModelDataQuality?.Statistics?.S3Uri),
    dataQualityConstraintsUri: nonEmpty(described.ModelMetrics?.ModelDataQuality?.Constraints?.S3Uri),
    artifactKmsKeyArn: nonEmpty(metadata.artifactKmsKeyArn),
  });
}

/** The recorded AUC; anything but a number in 0..1 counts as not recorded. */
export function parseAuc(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') {
    return undefined;
  }
  const auc = Number(text);
  return Number.isFinite(auc) && auc >= 0 && auc <= 1 ? auc : undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

function withoutUndefined(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}
