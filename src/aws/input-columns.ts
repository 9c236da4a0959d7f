import { CodePipelineClient, PipelineExecutionSummary } from '@aws-sdk/client-codepipeline';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DescribeModelPackageCommand, ListModelPackagesCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { BASELINE_FILE_NAME, ResolvedModel } from '../app-context/resolved-model';
import { listPipelineExecutions, readExecutionRelease } from './release-variables';

/** How much of a baseline the check reads for its header: a header line longer than this is not compared. */
export const HEADER_READ_BYTES = 1024 * 1024;

/** The model's input columns of one version: its header, or why there is none to compare. */
type Inputs = { readonly columns: readonly string[] } | { readonly problem: string };

/** The version a release's inputs are compared with, and why that one. */
export interface InputBase {
  readonly version: number;
  /**
   * `production`: the version the model-deploy pipeline's last succeeded execution released, which
   * production serves unless something else changed it since; `approved-before`: the newest version
   * approved before the release's, when the pipeline's history does not tell.
   */
  readonly source: 'production' | 'approved-before';
}

/** What the release's model takes as input compared with the version production serves (or, failing that, the version approved before it). */
export interface InputComparison {
  /** One line for the release approval (a CodePipeline variable). */
  readonly summary: string;
  /** Whether the inputs differ: callers of the production endpoint must then send another layout. */
  readonly changed: boolean;
  /** What people read in the build log: the columns added, removed or moved, or why nothing was compared. */
  readonly details: readonly string[];
  /** The version compared with; absent when there was none. */
  readonly base?: InputBase;
}

/** The clients the comparison calls. */
export interface InputCheckClients {
  readonly sageMaker: SageMakerClient;
  readonly s3: S3Client;
  /** Reads the model-deploy pipeline's history (`pipelineName`). */
  readonly codePipeline?: CodePipelineClient;
}

/** A version to compare with, its baseline folder, and why it is the one. */
interface BaseVersion extends InputBase {
  readonly modelPackageArn?: string;
  readonly baselineDataUri?: string;
}

/**
 * Compares the model inputs of the release's version (its baseline's header: preprocess.py writes
 * the model's input columns there, in order) with those of the version production serves: the
 * one the model-deploy pipeline (`pipelineName`) released in its last succeeded execution. That is
 * the layout production's callers send today, also when the versions approved since were never
 * released (rejected at the release approval, failed in staging) or when the release rolls back to
 * an older version. When the pipeline's history does not tell (no execution succeeded yet, its
 * variables unreadable, no `pipelineName`), it compares with the newest version approved before
 * the release's, and the details say why. One-hot columns follow the values a training run found,
 * so two trainings can give models of other inputs: the endpoint's callers would then send rows the
 * new model rejects or, with as many columns, reads wrongly. Nothing here fails: what cannot be
 * read is said, and the release's reviewer decides (`approve-release` also warns when production
 * serves another version than the one compared with by then).
 */
export async function compareModelInputs(clients: InputCheckClients, model: ResolvedModel, pipelineName?: string): Promise<InputComparison> {
  const notes: string[] = [];
  const released = pipelineName === undefined || clients.codePipeline === undefined ? undefined
    : await releasedVersion(clients, pipelineName).catch((err: Error) => `the history of ${pipelineName} could not be read (${err.name}: ${err.message})`);
  if (typeof released === 'string') {
    notes.push(`not compared with the version production serves: ${released}; compared with the version approved before this one instead`);
  }
  const base: BaseVersion | undefined = typeof released === 'object' ? released : await previousApprovedVersion(clients.sageMaker, model);
  if (base === undefined) {
    return { summary: 'no version approved before this one to compare with', changed: false, details: notes };
  }
  const named = `version ${base.version}${base.source === 'production' ? ', which production serves' : ', approved before it'}`;
  if (base.source === 'production' && base.modelPackageArn === model.modelPackageArn) {
    return { summary: `version ${base.version} is the one production serves: the same inputs`, changed: false, details: notes, base: inputBase(base) };
  }
  const [before, after] = await Promise.all([
    baselineColumns(clients.s3, base.baselineDataUri, `version ${base.version}`),
    baselineColumns(clients.s3, model.baselineDataUri, `version ${model.version}`),
  ]);
  if ('problem' in before || 'problem' in after) {
    const problems = [before, after].flatMap((inputs) => ('problem' in inputs ? [inputs.problem] : []));
    return { summary: `not compared with ${named} (see the Synth step's log)`, changed: false, details: [...notes, ...problems], base: inputBase(base) };
  }
  const difference = columnDifference(before.columns, after.columns);
  if (difference.length === 0) {
    return { summary: `the same ${after.columns.length} column${after.columns.length === 1 ? '' : 's'} as ${named}`, changed: false, details: notes, base: inputBase(base) };
  }
  return {
    summary: `CHANGED from ${named} (${difference.map((d) => d.short).join(', ')}): the production endpoint's callers must send the new columns`,
    changed: true,
    details: [
      ...notes,
      `version ${model.version} takes ${after.columns.length} input columns, version ${base.version} took ${before.columns.length}:`,
      ...difference.map((d) => `  ${d.long}`),
    ],
    base: inputBase(base),
  };
}

function inputBase(base: BaseVersion): InputBase {
  return { version: base.version, source: base.source };
}

/**
 * The version the pipeline's newest succeeded execution released (the variables its staging check
 * exported), with its baseline; or why it cannot tell. Only an execution that ends Succeeded has
 * passed its production stage, or skipped it because production was already deployed as it
 * synthesized (`prod-change-check`); one that failed there may have been rolled back. A rollback of
 * the production stage (RollbackStage) is an execution of its own, of type ROLLBACK, that runs only
 * that stage: production then serves what its target execution released. CodePipeline lists the
 * last 12 months of executions ("ListPipelineExecutions", "PipelineExecutionSummary", AWS
 * CodePipeline API Reference), in no documented order: the newest start time wins.
 */
async function releasedVersion(clients: InputCheckClients, pipelineName: string): Promise<BaseVersion | string> {
  let newest: PipelineExecutionSummary | undefined;
  for (const execution of await listPipelineExecutions(clients.codePipeline!, pipelineName)) {
    if (execution.status === 'Succeeded' && execution.pipelineExecutionId !== undefined
      && (newest === undefined || (execution.startTime?.getTime() ?? 0) > (newest.startTime?.getTime() ?? 0))) {
      newest = execution;
    }
  }
  if (newest === undefined) {
    return `${pipelineName} has no succeeded execution in its history of 12 months (a first release, or none since)`;
  }
  const rolledBackTo = newest.executionType === 'ROLLBACK' ? newest.rollbackMetadata?.rollbackTargetPipelineExecutionId : undefined;
  const released = rolledBackTo ?? newest.pipelineExecutionId!;
  const which = rolledBackTo === undefined ? `the last succeeded execution of ${pipelineName}, ${released},`
    : `execution ${released}, which the last succeeded execution of ${pipelineName} (${newest.pipelineExecutionId}) rolled production back to,`;
  const release = await readExecutionRelease(clients.codePipeline!, pipelineName, released);
  const version = Number(release?.version);
  if (release?.modelPackageArn === undefined || !Number.isInteger(version)) {
    return `${which} exported no model version and package`;
  }
  let baselineDataUri: string | undefined;
  try {
    const described = await clients.sageMaker.send(new DescribeModelPackageCommand({ ModelPackageName: release.modelPackageArn }));
    baselineDataUri = described.CustomerMetadataProperties?.baselineDataUri;
  } catch (err) {
    return `version ${version}, which ${which.replace(/,$/, '')} released, could not be described (${(err as Error).name}: ${(err as Error).message})`;
  }
  return { version, source: 'production', modelPackageArn: release.modelPackageArn, baselineDataUri };
}

/** The newest Approved version of the group older than the release's own, with its baseline. */
async function previousApprovedVersion(client: SageMakerClient, model: ResolvedModel): Promise<BaseVersion | undefined> {
  let nextToken: string | undefined;
  do {
    const page = await client.send(new ListModelPackagesCommand({
      ModelPackageGroupName: model.modelPackageGroupName, ModelApprovalStatus: 'Approved', SortBy: 'CreationTime', SortOrder: 'Descending', NextToken: nextToken,
    }));
    const older = (page.ModelPackageSummaryList ?? []).find((p) => p.ModelPackageVersion !== undefined && p.ModelPackageVersion < model.version && p.ModelPackageArn);
    if (older) {
      const described = await client.send(new DescribeModelPackageCommand({ ModelPackageName: older.ModelPackageArn }));
      return { version: older.ModelPackageVersion!, source: 'approved-before', modelPackageArn: older.ModelPackageArn, baselineDataUri: described.CustomerMetadataProperties?.baselineDataUri };
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
