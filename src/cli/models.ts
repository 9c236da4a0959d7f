import { ModelApprovalStatus, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { Command, Option } from 'commander';
import { AwsClientOptions, DeployedVersion, ModelVersion, ModelVersionListing, createAwsClient, findDeployedVersion, formatTimestamp, listNewestModelVersions } from '../aws';
import { awsClientOptions } from './base-program';
import { parseGroupName, parseLimit } from './option-parsers';
import { GlobalOptions, Output } from './output';

/** What `models` needs from outside; tests inject a client. */
export interface ModelsDeps {
  /**
   * Builds the SageMaker client from the global `--region` and `--profile`.
   * @default - `createAwsClient(SageMakerClient, options)`
   */
  readonly sageMakerClient?: (options: AwsClientOptions) => Promise<SageMakerClient>;
}

/** The approval statuses `--status` accepts. */
export const APPROVAL_STATUSES: readonly ModelApprovalStatus[] = ['Approved', 'Rejected', 'PendingManualApproval'];

interface ModelsOptions {
  readonly group: string;
  readonly status?: ModelApprovalStatus;
  readonly limit?: number;
}

/**
 * `models --group <name> [--status <status>] [--limit <n>]`: every version (or the newest n) of a model package group, newest
 * first, with its approval status, AUC, who approved or rejected it and why; marks the version
 * the model-deploy pipeline deploys (the newest approved one).
 */
export function modelsCommand(output: Output, deps: ModelsDeps = {}): Command {
  const sageMakerClient = deps.sageMakerClient ?? ((options: AwsClientOptions) => createAwsClient(SageMakerClient, options));
  return new Command('models')
    .description('list the versions of a model package group, newest first: approval status, AUC, who decided and why, and which one deploys')
    .requiredOption('--group <name>', 'the model package group', parseGroupName)
    .addOption(new Option('--status <status>', 'only the versions with this approval status').choices(APPROVAL_STATUSES))
    .option('--limit <n>', 'only the newest n versions (1 to 1000)', parseLimit)
    .action(async function (this: Command, opts: ModelsOptions) {
      const { json } = this.optsWithGlobals<GlobalOptions>();
      const client = await sageMakerClient(awsClientOptions(this));
      let listing: ModelVersionListing;
      let deployed: DeployedVersion | undefined;
      try {
        // Only the shown versions are described: --limit keeps a long history to a few DescribeModelPackage calls.
        listing = await listNewestModelVersions(client, opts.group, { status: opts.status, limit: opts.limit });
        deployed = opts.status === undefined || opts.status === 'Approved'
          ? newestApproved(listing.versions) ?? listing.newestApprovedNotDescribed
          : await findDeployedVersion(client, opts.group);
      } finally {
        client.destroy();
      }
      const shown = listing.versions;
      if (json) {
        output.result(shown.map((version) => ({ ...version, deploys: version.version === deployed?.version })), true);
        return;
      }
      const lines = formatModels(opts.group, opts.status, shown, deployed);
      if (opts.limit !== undefined && listing.total > opts.limit) {
        lines.push(`${listing.total - opts.limit} older version(s) not shown (--limit ${opts.limit})`);
      }
      output.result(lines.join('\n'));
    });
}

function newestApproved(versions: readonly ModelVersion[]): DeployedVersion | undefined {
  const approved = versions.find((version) => version.approvalStatus === 'Approved');
  return approved && { version: approved.version, arn: approved.modelPackageArn };
}

/** The table, or what to say when there is nothing to show, then which version deploys. */
function formatModels(group: string, status: ModelApprovalStatus | undefined, versions: readonly ModelVersion[], deployed: DeployedVersion | undefined): string[] {
  if (versions.length === 0 && status === undefined) {
    return [`model package group ${group} has no versions yet: the model-build pipeline registers one when it succeeds`];
  }
  const footer = deploysLine(versions, status, deployed);
  if (versions.length === 0) {
    return [`model package group ${group} has no versions with status ${status}`, footer];
  }
  const rows = versions.map((version) => [
    version.version === deployed?.version ? '*' : '',
    String(version.version),
    formatTimestamp(version.creationTime),
    version.approvalStatus,
    version.auc === undefined ? 'n/a' : version.auc.toFixed(4),
    version.decidedBy ?? '-',
    version.approvalDescription?.replace(/\s+/g, ' ').trim() || '-',
  ]);
  return [...formatTable([' ', 'version', 'created', 'status', 'AUC', 'decided by', 'description'], rows), footer];
}

/** The line under the table: which version deploys, marked with `*` when the table shows it. */
function deploysLine(versions: readonly ModelVersion[], status: ModelApprovalStatus | undefined, deployed: DeployedVersion | undefined): string {
  if (!deployed) {
    return 'no version is approved: the model-deploy pipeline deploys nothing (it fails at resolve-model)';
  }
  if (versions.some((version) => version.version === deployed.version)) {
    return `* the model-deploy pipeline deploys version ${deployed.version}, the newest Approved`;
  }
  return `the model-deploy pipeline deploys version ${deployed.version}, the newest Approved (not listed${status === undefined ? '' : ` with --status ${status}`})`;
}

/** Columns padded to their widest cell; the last one is left as it is. */
function formatTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => row[column].length)));
  return all.map((row) => row.map((cell, column) => (column < row.length - 1 ? cell.padEnd(widths[column]) : cell)).join('  ').trimEnd());
}
