import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DescribeModelPackageCommand, ListModelPackagesCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { BASELINE_FILE_NAME, ResolvedModel } from '../app-context/resolved-model';

/** How much of a baseline the check reads for its header: a header line longer than this is not compared. */
export const HEADER_READ_BYTES = 1024 * 1024;

/** The model's input columns of one version: its header, or why there is none to compare. */
type Inputs = { readonly columns: readonly string[] } | { readonly problem: string };

/** What the release's model takes as input compared with the version approved before it. */
export interface InputComparison {
  /** One line for the release approval (a CodePipeline variable). */
  readonly summary: string;
  /** Whether the inputs differ: callers of the production endpoint must then send another layout. */
  readonly changed: boolean;
  /** What people read in the build log: the columns added, removed or moved, or why nothing was compared. */
  readonly details: readonly string[];
}

/** The clients the comparison calls. */
export interface InputCheckClients {
  readonly sageMaker: SageMakerClient;
  readonly s3: S3Client;
}

/**
 * Compares the model inputs of the release's version (its baseline's header: preprocess.py writes
 * the model's input columns there, in order) with those of the newest version approved before it,
 * which production serves once the release before has run. One-hot columns follow the values a
 * training run found, so two trainings can give models of other inputs: the endpoint's callers
 * would then send rows the new model rejects or, with as many columns, reads wrongly. Nothing here
 * fails: what cannot be read is said, and the release's reviewer decides.
 */
export async function compareModelInputs(clients: InputCheckClients, model: ResolvedModel): Promise<InputComparison> {
  const previous = await previousApprovedVersion(clients.sageMaker, model);
  if (previous === undefined) {
    return { summary: 'no version approved before this one to compare with', changed: false, details: [] };
  }
  const [before, after] = await Promise.all([
    baselineColumns(clients.s3, previous.baselineDataUri, `version ${previous.version}`),
    baselineColumns(clients.s3, model.baselineDataUri, `version ${model.version}`),
  ]);
  if ('problem' in before || 'problem' in after) {
    const problems = [before, after].flatMap((inputs) => ('problem' in inputs ? [inputs.problem] : []));
    return { summary: `not compared with version ${previous.version} (see the Synth step's log)`, changed: false, details: problems };
  }
  const difference = columnDifference(before.columns, after.columns);
  if (difference.length === 0) {
    return { summary: `the same ${after.columns.length} column${after.columns.length === 1 ? '' : 's'} as version ${previous.version}`, changed: false, details: [] };
  }
  return {
    summary: `CHANGED from version ${previous.version} (${difference.map((d) => d.short).join(', ')}): the production endpoint's callers must send the new columns`,
    changed: true,
    details: [
      `version ${model.version} takes ${after.columns.length} input columns, version ${previous.version} took ${before.columns.length}:`,
      ...difference.map((d) => `  ${d.long}`),
    ],
  };
}

/** The newest Approved version of the group older than the release's own, with its baseline. */
async function previousApprovedVersion(client: SageMakerClient, model: ResolvedModel): Promise<{ version: number; baselineDataUri?: string } | undefined> {
  let nextToken: string | undefined;
  do {
    const page = await client.send(new ListModelPackagesCommand({
      ModelPackageGroupName: model.modelPackageGroupName, ModelApprovalStatus: 'Approved', SortBy: 'CreationTime', SortOrder: 'Descending', NextToken: nextToken,
    }));
    const older = (page.ModelPackageSummaryList ?? []).find((p) => p.ModelPackageVersion !== undefined && p.ModelPackageVersion < model.version && p.ModelPackageArn);
    if (older) {
      const described = await client.send(new DescribeModelPackageCommand({ ModelPackageName: older.ModelPackageArn }));
      return { version: older.ModelPackageVersion!, baselineDataUri: described.CustomerMetadataProperties?.baselineDataUri };
    }
    nextToken = page.NextToken;
  } while (nextToken);
  return undefined;
}

/** The header of `<baselineDataUri>/baseline.csv`, read with one ranged GetObject. */
async function baselineColumns(client: S3Client, baselineDataUri: string | undefined, what: string): Promise<Inputs> {
  const location = baselineDataUri === undefined ? undefined : /^s3:\/\/([^/]+)\/(.*?)\/?$/.exec(baselineDataUri);
  if (!location) {
    return { problem: `${what} has no baselineDataUri metadata (an s3:// folder), whose ${BASELINE_FILE_NAME} names the model's inputs` };
  }
  const key = location[2] === '' ? BASELINE_FILE_NAME : `${location[2]}/${BASELINE_FILE_NAME}`;
  let text: string;
  try {
    const response = await client.send(new GetObjectCommand({ Bucket: location[1], Key: key, Range: `bytes=0-${HEADER_READ_BYTES - 1}` }));
    text = (await response.Body?.transformToString('utf-8')) ?? '';
  } catch (err) {
    return { problem: `${what}: cannot read s3://${location[1]}/${key} (${(err as Error).name}: ${(err as Error).message})` };
  }
  const end = text.search(/\r?\n/);
  if (end < 0 && text.length >= HEADER_READ_BYTES) {
    return { problem: `${what}: the header of s3://${location[1]}/${key} is longer than ${HEADER_READ_BYTES} bytes` };
  }
  const header = end < 0 ? text : text.slice(0, end);
  if (header.trim() === '') {
    return { problem: `${what}: s3://${location[1]}/${key} has no header line` };
  }
  return { columns: header.split(',').map((column) => column.trim()) };
}

/** The columns added, removed and moved, each as a short count and a line naming them. */
function columnDifference(before: readonly string[], after: readonly string[]): Array<{ short: string; long: string }> {
  const added = after.filter((c) => !before.includes(c));
  const removed = before.filter((c) => !after.includes(c));
  const keptBefore = before.filter((c) => after.includes(c));
  const keptAfter = after.filter((c) => before.includes(c));
  const moved = keptAfter.filter((c, i) => keptBefore[i] !== c);
  const listed = (columns: string[]) => columns.slice(0, 20).join(', ') + (columns.length > 20 ? `, and ${columns.length - 20} more` : '');
  return [
    ...(added.length > 0 ? [{ short: `${added.length} added`, long: `added: ${listed(added)}` }] : []),
    ...(removed.length > 0 ? [{ short: `${removed.length} removed`, long: `removed: ${listed(removed)}` }] : []),
    ...(moved.length > 0 ? [{ short: 'order changed', long: `in another position: ${listed(moved)}` }] : []),
  ];
}
