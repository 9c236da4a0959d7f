import { Command, InvalidArgumentError } from 'commander';
import { CliError, UsageError, missingFileOf } from '../aws/errors';
import {
  LOCAL_REGISTRY_FILE, LOCAL_RUN_DIR, LocalRunEvent, LocalRunParameterError, LocalRunResult, LocalRunUsageError, LocalStepResult,
  PYTHON_ENV_VARIABLE, runModelBuildLocally,
} from '../local-run';
import { BatchScoringLocalRunResult, runBatchScoringLocally } from '../local-run/batch-scoring-run';
import { PLAYER_CHURN } from '../model-build/player-churn-pipeline';
import { collectParameter } from './option-parsers';
import { GlobalOptions, Output } from './output';

interface LocalRunOptions {
  readonly repo?: string;
  readonly parameter?: Readonly<Record<string, string>>;
  readonly workDir?: string;
  readonly registry?: string;
  readonly batchScoring?: string;
  readonly modelVersion?: number;
}

/**
 * `local-run [--repo <folder>] [--parameter K=V ...] [--work-dir <folder>] [--registry <file>]`:
 * runs the model-build repository's SageMaker pipeline on this machine, from the definition the
 * stack deploys, and prints its steps (status, duration), the test AUC and the registered version.
 * Exits 1 when a step fails (a Fail step included), 2 for a bad input: a parameter, a work folder
 * that is a file or not empty, a file to score or a registry version that is not there.
 */
export function localRunCommand(output: Output): Command {
  return new Command('local-run')
    .description('run the model-build pipeline on this machine (python3 and the xgboost library, no AWS account): '
      + 'the same definition the stack deploys, its steps in order, the quality gate, a local model registry')
    .option('--repo <folder>', 'the model-build repository (default: the current folder)')
    .option('--parameter <key=value>', 'a pipeline parameter value (repeatable); InputDataUrl takes a local CSV file or folder (relative to the current folder)', collectParameter)
    .option('--work-dir <folder>', `the run's work folder, kept for inspection; must be new or empty (default: <repo>/${LOCAL_RUN_DIR}/<execution id>)`)
    .option('--registry <file>', `the local model registry the Register step adds versions to (default: <repo>/${LOCAL_RUN_DIR}/${LOCAL_REGISTRY_FILE})`)
    .option('--batch-scoring <csv>', 'instead: run the production batch-scoring pipeline on a local CSV file or folder (header-less records), '
      + 'scoring with the newest Approved version of the local registry; writes <file>.out per input file')
    .option('--model-version <n>', 'with --batch-scoring: the local registry version to score with', parseVersion)
    .addHelpText('after', `\nPython: ${PYTHON_ENV_VARIABLE} if set, else /usr/bin/python3 when it has pandas, else python3; it needs pandas, numpy, scikit-learn and xgboost.`
      + '\nMLflow: with MLFLOW_TRACKING_URI set (file:./mlruns, or a server), every step logs as in the cloud (that Python needs mlflow); without it, nothing is logged.')
    .action(async function (this: Command, opts: LocalRunOptions) {
      const { json } = this.optsWithGlobals<GlobalOptions>();
      if (opts.modelVersion !== undefined && opts.batchScoring === undefined) {
        this.error('error: --model-version goes with --batch-scoring', { exitCode: 2 });
      }
      if (opts.parameter !== undefined && opts.batchScoring !== undefined) {
        this.error('error: --parameter sets the model-build pipeline\'s parameters, which --batch-scoring does not run: drop one of them', { exitCode: 2 });
      }
      let result: LocalRunResult;
      try {
        // What both runs take: the repository, the folders, and where their progress goes.
        const common = {
          repoDir: opts.repo,
          workDir: opts.workDir,
          registryFile: opts.registry,
          onProgress: (event: Parameters<typeof progressLine>[0]) => output.info(progressLine(event)),
          onNotice: (message: string) => output.info(message),
        };
        result = opts.batchScoring !== undefined
          ? await runBatchScoringLocally({ ...common, input: opts.batchScoring, modelVersion: opts.modelVersion })
          : await runModelBuildLocally({ ...common, parameters: opts.parameter });
      } catch (err) {
        if (err instanceof LocalRunParameterError) {
          this.error(`error: ${err.message}`, { exitCode: 2 });
        }
        // A work folder, a file to score or a version that will not do: exit 2, reported as every failure is (--json included).
        throw err instanceof LocalRunUsageError && missingFileOf(err) === undefined ? new UsageError(err.message) : err;
      }
      const text = () => ('outputFiles' in result ? `${formatResult(result)}\n${formatScoring(result as BatchScoringLocalRunResult)}` : formatResult(result));
      output.result(json ? result : text(), json);
      if (result.status !== 'Succeeded') {
        throw new CliError(result.failureReason ?? `local run ${result.executionId} failed`);
      }
    });
}

/** `--model-version <n>`: a version number of the local registry. */
function parseVersion(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) {
    throw new InvalidArgumentError(`--model-version must be a version number (1 or more), got ${value}`);
  }
  return Number(value);
}

/** What a batch scoring run scored with and wrote. */
function formatScoring(result: BatchScoringLocalRunResult): string {
  const v = result.scoredWith;
  return [`scored with: ${v.modelPackageGroupName} version ${v.version} (${v.approvalStatus})`, ...result.outputFiles.map((file) => `output: ${file}`)].join('\n');
}

function progressLine(event: LocalRunEvent): string {
  const duration = event.durationMs !== undefined ? ` (${seconds(event.durationMs)})` : '';
  return `  ${event.step} [${event.type}] ${event.status.toLowerCase()}${duration}`;
}

/** The run as people read it: a headline, the steps table, the AUC, the model and what was registered. */
export function formatResult(result: LocalRunResult): string {
  const threshold = result.parameters[PLAYER_CHURN.parameters.threshold];
  const version = result.registeredVersion;
  return [
    `local run ${result.executionId} of ${result.pipelineName} ${result.status.toLowerCase()} in ${seconds(result.durationMs)}`,
    '',
    ...table(result.steps),
    '',
    ...(result.auc !== undefined ? [`test AUC: ${result.auc.toFixed(4)}${threshold !== undefined ? ` (${PLAYER_CHURN.parameters.threshold} ${threshold})` : ''}`] : []),
    ...(result.modelArtifact !== undefined ? [`model: ${result.modelArtifact}`] : []),
    ...(version !== undefined
      ? [`registered: ${version.modelPackageGroupName} version ${version.version} (${version.approvalStatus}) in ${result.registryFile}`]
      : []),
    `work folder: ${result.workDir}`,
  ].join('\n');
}

function table(steps: readonly LocalStepResult[]): string[] {
  const rows = [
    ['STEP', 'TYPE', 'STATUS', 'DURATION', ''],
    ...steps.map((step) => [
      step.name,
      step.type,
      step.status,
      step.status === 'Succeeded' || step.status === 'Failed' ? seconds(step.durationMs) : '-',
      step.outcome !== undefined ? `outcome: ${step.outcome}` : step.skipReason ?? '',
    ]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd());
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

