import {
  DescribeModelPackageCommand,
  ListModelPackagesCommand,
  ModelApprovalStatus,
  ModelPackageSummary,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { CliError, isNotFound } from './errors';
import { checkGroupExists, groupNotFound } from './model-approval';
import { MlflowCallError, MlflowRun } from './mlflow-client';
import { mlflowRunPath } from './mlflow-ui-link';
import { parseAuc } from './model-registry';

/** What the comparison needs of an MLflow client (MlflowClient; tests may pass a stand-in). */
export interface MlflowRunReader {
  getRun(runId: string): Promise<MlflowRun>;
}

/** One side of the comparison: a registered version and its MLflow training run. */
export interface ComparedVersion {
  readonly version: number;
  readonly modelPackageArn: string;
  readonly approvalStatus: ModelApprovalStatus;
  /** The test AUC the Register step recorded in the registry. */
  readonly auc?: number;
  /** CustomerMetadataProperties.mlflowRunId: the training run that produced the model. */
  readonly mlflowRunId?: string;
  /** CustomerMetadataProperties.mlflowModelUri: the logged model. */
  readonly mlflowModelUri?: string;
  /** The run, when it was recorded and found. */
  readonly run?: MlflowRun & { readonly uiPath: string };
  /** Why there is no run: none recorded, or the backend does not have it. */
  readonly note?: string;
}

/** A metric of either run, with both values and candidate minus production. */
export interface MetricRow {
  readonly name: string;
  readonly candidate?: number;
  readonly production?: number;
  readonly difference?: number;
}

/** The candidate against what production runs. */
export interface ModelComparison {
  readonly modelPackageGroupName: string;
  readonly candidate: ComparedVersion;
  /** The newest Approved version (what model-deploy deploys); absent when none is approved. */
  readonly production?: ComparedVersion;
  /** True when the candidate is the version production runs. */
  readonly candidateIsProduction: boolean;
  readonly metrics: readonly MetricRow[];
}

/** What `compareModelVersions` compares. */
export interface CompareRequest {
  readonly groupName: string;
  /**
   * The candidate's version number.
   * @default - the newest PendingManualApproval version
   */
  readonly version?: number;
}

/** What the note says for a version registered without a run id (MLflow off, or logging failed at run time). */
export const NO_RUN_RECORDED = 'no MLflow run recorded';

/**
 * What the model-build pipeline registers for an MLflow id that training could not log
 * (evaluate.py, tracking.NOT_LOGGED): CreateModelPackage refuses an empty metadata value.
 */
export const MLFLOW_NOT_LOGGED = 'not-logged';

/** A registered MLflow id, or undefined when the version has none (missing, empty or not logged). */
function recordedId(value: string | undefined): string | undefined {
  const id = value?.trim();
  return id && id !== MLFLOW_NOT_LOGGED ? id : undefined;
}

/**
 * The candidate (the given version, else the newest pending approval) and production (the newest
 * Approved version, the one the model-deploy pipeline deploys), each with its MLflow training run,
 * and their metrics side by side. A version without a run id, or whose run the backend no longer
 * has, gets a note instead of a run; other MLflow failures (denied, timed out) fail the comparison.
 *
 * @throws CliError when the group does not exist, the version is not in it, or no version is pending (without `version`)
 */
export async function compareModelVersions(client: SageMakerClient, mlflow: MlflowRunReader, request: CompareRequest): Promise<ModelComparison> {
  const { candidate, production } = await findVersions(client, request);
  const candidateIsProduction = production?.ModelPackageArn === candidate.ModelPackageArn;
  const [candidateSide, otherSide] = await Promise.all([
    describe(client, mlflow, candidate),
    production && !candidateIsProduction ? describe(client, mlflow, production) : undefined,
  ]);
  const productionSide = candidateIsProduction ? candidateSide : otherSide;
  return {
    modelPackageGroupName: request.groupName,
    candidate: candidateSide,
    ...(productionSide ? { production: productionSide } : {}),
    candidateIsProduction,
    metrics: metricRows(candidateSide.run?.metrics, productionSide?.run?.metrics),
  };
}

/**
 * Every metric of either run, ordered as a reviewer reads them: the test metrics, the last
 * validation and train values, the best iteration, then the rest (each group alphabetically).
 */
export function metricRows(candidate: Readonly<Record<string, number>> = {}, production: Readonly<Record<string, number>> = {}): MetricRow[] {
  const names = [...new Set([...Object.keys(candidate), ...Object.keys(production)])];
  names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return names.map((name) => {
    const [c, p] = [candidate[name], production[name]];
    return {
      name,
      ...(c !== undefined ? { candidate: c } : {}),
      ...(p !== undefined ? { production: p } : {}),
      ...(c !== undefined && p !== undefined && Number.isFinite(c - p) ? { difference: c - p } : {}),
    };
  });
}

function rank(name: string): number {
  const order = [/^test_/, /^validation[-_]/, /^train[-_]/, /^(best_|rounds_trained$)/];
  const index = order.findIndex((pattern) => pattern.test(name));
  return index === -1 ? order.length : index;
}

/** One pass over the group, newest first, until the candidate and the newest Approved are both found. */
async function findVersions(client: SageMakerClient, request: CompareRequest): Promise<{ candidate: ModelPackageSummary; production?: ModelPackageSummary }> {
  const { groupName, version } = request;
  const isCandidate = (s: ModelPackageSummary) => (version === undefined ? s.ModelApprovalStatus === 'PendingManualApproval' : s.ModelPackageVersion === version);
  let candidate: ModelPackageSummary | undefined;
  let production: ModelPackageSummary | undefined;
  let seen = 0;
  let nextToken: string | undefined;
  do {
    const page = await listPage(client, groupName, nextToken);
    for (const summary of page.ModelPackageSummaryList ?? []) {
      seen++;
      candidate ??= isCandidate(summary) ? summary : undefined;
      production ??= summary.ModelApprovalStatus === 'Approved' ? summary : undefined;
    }
    nextToken = candidate && production ? undefined : page.NextToken;
  } while (nextToken);
  if (seen === 0) {
    await checkGroupExists(client, groupName);
  }
  if (!candidate) {
    const region = await client.config.region();
    throw new CliError(version === undefined
      ? `no version of model package group ${groupName} (region ${region}) is pending approval: pass the version number (\`compare-models <n> --group ${groupName}\`) to compare another version with production`
      : `version ${version} is not in model package group ${groupName} (region ${region}): see \`models --group ${groupName}\``);
  }
  return { candidate, ...(production ? { production } : {}) };
}

async function describe(client: SageMakerClient, mlflow: MlflowRunReader, summary: ModelPackageSummary): Promise<ComparedVersion> {
  const arn = summary.ModelPackageArn!;
  const described = await client.send(new DescribeModelPackageCommand({ ModelPackageName: arn }));
  const metadata = described.CustomerMetadataProperties ?? {};
  const runId = recordedId(metadata.mlflowRunId);
  const modelUri = recordedId(metadata.mlflowModelUri);
  const base = {
    version: described.ModelPackageVersion ?? summary.ModelPackageVersion ?? Number(arn.slice(arn.lastIndexOf('/') + 1)),
    modelPackageArn: described.ModelPackageArn ?? arn,
    approvalStatus: described.ModelApprovalStatus ?? summary.ModelApprovalStatus ?? 'PendingManualApproval',
    ...optional('auc', parseAuc(metadata.auc)),
    ...optional('mlflowRunId', runId),
    ...optional('mlflowModelUri', modelUri),
  };
  if (!runId) {
    return { ...base, note: NO_RUN_RECORDED };
  }
  try {
    const run = await mlflow.getRun(runId);
    return { ...base, run: { ...run, uiPath: mlflowRunPath(run.experimentId, run.runId) } };
  } catch (err) {
    if (err instanceof MlflowCallError && err.errorCode === 'RESOURCE_DOES_NOT_EXIST') {
      return { ...base, note: err.message };
    }
    throw err;
  }
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

async function listPage(client: SageMakerClient, groupName: string, nextToken?: string) {
  try {
    return await client.send(new ListModelPackagesCommand({
      ModelPackageGroupName: groupName,
      SortBy: 'CreationTime',
      SortOrder: 'Descending',
      ...(nextToken === undefined ? {} : { NextToken: nextToken }),
    }));
  } catch (err) {
    if (isNotFound(err)) {
      throw new CliError(await groupNotFound(client, groupName, err));
    }
    throw err;
  }
}
