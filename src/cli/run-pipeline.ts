import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { Command, InvalidArgumentError } from 'commander';
import {
  AwsClientOptions,
  CliError,
  PipelineExecutionOutcome,
  PipelineExecutionResult,
  PipelineStepState,
  createAwsClient,
  formatDuration,
  startPipelineExecution,
  stopPipelineExecution,
  waitForPipelineExecution,
} from '../aws';
import { unrecordedTrainingRuns } from '../aws/mlflow-recorded';
import { checkPipelineParameters, pipelineParameters } from '../aws/pipeline-parameters';
import { awsClientOptions } from './base-program';
import { collectPipelineParameter, describeRange, numberOption, secondsInRange } from './option-parsers';
import { GlobalOptions, Output } from './output';

/** What `run-pipeline` needs from outside; tests inject a client. */
export interface RunPipelineDeps {
  /**
   * Builds the SageMaker client from the global `--region` and `--profile`.
   * @default - `createAwsClient(SageMakerClient, options)`
   */
  readonly sageMakerClient?: (options: AwsClientOptions) => Promise<SageMakerClient>;
}

/** SageMaker's pattern for pipeline names. */
export const PIPELINE_NAME_PATTERN = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,255}$/;

/** How long `--wait` waits by default, in minutes. */
export const DEFAULT_TIMEOUT_MINUTES = 120;

/** The time between polls by default, in seconds. */
export const DEFAULT_POLL_INTERVAL_SECONDS = 30;

/** The range of `--poll-interval`, in seconds: no faster than a poll a second, no slower than one an hour. */
export const POLL_INTERVAL_RANGE = { min: 1, max: 3600 } as const;

/**
 * `--timeout`'s range, in minutes: at most the 672 hours a SageMaker pipeline execution may run
 * (SageMaker Developer Guide, "Feature Processor constraints, limits and quotas": pipeline execution
 * timeout), after which no execution is left to wait for.
 */
export const WAIT_TIMEOUT_RANGE = { min: 1, max: 672 * 60 } as const;

const parseWaitTimeout = numberOption('--timeout', { ...WAIT_TIMEOUT_RANGE, unit: 'minutes', note: 'a pipeline execution runs at most 672 hours' });

interface RunPipelineOptions {
  readonly name: string;
  readonly parameter?: Readonly<Record<string, string>>;
  readonly wait?: boolean;
  readonly timeout?: number;
  readonly stopUnfinished?: boolean;
  readonly pollInterval?: number;
}

/**
 * `run-pipeline --name <pipeline> [--parameter K=V ...] [--wait] [--timeout <minutes>]`: starts a
 * SageMaker pipeline execution; with `--wait`, follows its steps and exits 1 unless it succeeds.
 */
export function runPipelineCommand(output: Output, deps: RunPipelineDeps = {}): Command {
  const sageMakerClient = deps.sageMakerClient ?? ((options: AwsClientOptions) => createAwsClient(SageMakerClient, options));
  return new Command('run-pipeline')
    .description('start a SageMaker pipeline execution and, with --wait, wait for it and fail unless it succeeds')
    .requiredOption('--name <pipeline>', 'the SageMaker pipeline name', parsePipelineName)
    .option('--parameter <key=value>', 'a pipeline parameter value (repeatable; at most 200, each value at most 1024 characters)', collectPipelineParameter)
    .option('--wait', 'wait for the execution to end; exit 1 if it fails, stops or times out')
    .option('--timeout <minutes>', `with --wait: how long to wait, ${describeRange(WAIT_TIMEOUT_RANGE)} (default: ${DEFAULT_TIMEOUT_MINUTES})`, parseWaitTimeout)
    .option('--stop-unfinished', 'with --wait: stop the execution if the wait ends before it does, at the timeout or on an error while polling (default: leave it running)')
    .option('--poll-interval <seconds>', `with --wait: the time between polls, ${POLL_INTERVAL_RANGE.min} to ${POLL_INTERVAL_RANGE.max} (default: ${DEFAULT_POLL_INTERVAL_SECONDS})`,
      secondsInRange('--poll-interval', POLL_INTERVAL_RANGE.min, POLL_INTERVAL_RANGE.max))
    .action(async function (this: Command, opts: RunPipelineOptions) {
      if (!opts.wait && (opts.timeout !== undefined || opts.pollInterval !== undefined || opts.stopUnfinished)) {
        this.error('error: --timeout, --stop-unfinished and --poll-interval only apply with --wait', { exitCode: 2 });
      }
      const { json } = this.optsWithGlobals<GlobalOptions>();
      const client = await sageMakerClient(awsClientOptions(this));
      try {
        if (opts.parameter) {
          checkPipelineParameters(opts.name, await pipelineParameters(client, opts.name), opts.parameter);
        }
        const executionArn = await startPipelineExecution(client, { pipelineName: opts.name, parameters: opts.parameter });
        if (!opts.wait) {
          output.result(json ? { pipelineName: opts.name, executionArn } : executionArn, json);
          return;
        }
        const timeoutMinutes = opts.timeout ?? DEFAULT_TIMEOUT_MINUTES;
        output.info(`started ${executionArn}; waiting up to ${minutes(timeoutMinutes)}`);
        let result: PipelineExecutionResult;
        try {
          result = await waitForPipelineExecution(client, executionArn, {
            timeoutMs: timeoutMinutes * 60_000,
            pollIntervalMs: (opts.pollInterval ?? DEFAULT_POLL_INTERVAL_SECONDS) * 1000,
            onProgress: (change) => output.info(`  ${formatDuration(change.elapsedMs)}  ${change.name}  ${change.status}`),
            onHeartbeat: ({ elapsedMs, running }) => output.info(`  ${formatDuration(elapsedMs)}  still waiting: ${running.map((step) => `${step.name} ${step.status} for ${formatDuration(step.forMs)}`).join(', ')}`),
            onThrottled: (err, delayMs) => output.info(`  throttled (${err.name}: ${err.message}); polling again in ${formatDuration(delayMs)}`),
          });
        } catch (err) {
          // The wait failed (an error other than throttling while polling): the execution must not run on unwatched.
          throw opts.stopUnfinished ? await withStop(client, executionArn, err) : err;
        }
        const stop = result.status === 'TimedOut' && opts.stopUnfinished ? await stopAtTimeout(client, result) : undefined;
        if (json) {
          output.result({ ...resultJson(opts.name, result), ...(stop ? { stopRequested: stop.requested, stopError: stop.error } : {}) }, true);
        }
        if (result.status !== 'Succeeded') {
          throw new CliError(describeFailure(opts.name, result.status, result, timeoutMinutes, stop));
        }
        if (!json) {
          output.result(`pipeline ${opts.name} succeeded in ${formatDuration(result.elapsedMs)}: ${executionArn}`);
        }
        const registered = result.steps.flatMap((step) => step.registeredModelPackageArn ?? []);
        (await unrecordedTrainingRuns(client, registered)).forEach((warning) => output.info(warning));
      } finally {
        client.destroy();
      }
    });
}

function parsePipelineName(value: string): string {
  // The pattern's `-*` takes any number of hyphens: the length is checked apart (PipelineName: 1..256).
  if (!PIPELINE_NAME_PATTERN.test(value) || value.length > 256) {
    throw new InvalidArgumentError(`pipeline name must be 1 to 256 letters, digits and hyphens, starting and ending with a letter or digit (${PIPELINE_NAME_PATTERN.source}), got ${value}`);
  }
  return value;
}

function minutes(count: number): string {
  return count === 1 ? '1 minute' : `${count} minutes`;
}

function resultJson(pipelineName: string, result: PipelineExecutionResult) {
  return {
    pipelineName,
    executionArn: result.executionArn,
    status: result.status,
    executionStatus: result.executionStatus,
    failureReason: result.failureReason,
    steps: result.steps,
    elapsedSeconds: Math.round(result.elapsedMs / 1000),
  };
}

/** What a refused stop leaves behind, and what to do. */
const STILL_RUNNING = 'it may still run and register a model version; stop it with aws sagemaker stop-pipeline-execution';

/** What `--stop-unfinished` did: whether SageMaker took the stop request, and its error if not. */
interface StopAtTimeout {
  readonly requested: boolean;
  readonly error?: string;
}

/**
 * Stops an execution the wait gave up on, unless it is already stopping: a run the caller reports as
 * failed (a CodePipeline action, a commit) must not go on to register a model version afterwards.
 */
async function stopAtTimeout(client: SageMakerClient, result: PipelineExecutionResult): Promise<StopAtTimeout> {
  if (result.executionStatus === 'Stopping') {
    return { requested: false };
  }
  const error = await stopPipelineExecution(client, result.executionArn);
  return error === undefined ? { requested: true } : { requested: false, error };
}

/**
 * The error a failed wait ends with, once the execution it watched was asked to stop: a run nobody watches any more
 * must not go on to register a model version (the caller, a CodePipeline action, reports the build as failed).
 */
async function withStop(client: SageMakerClient, executionArn: string, err: unknown): Promise<Error> {
  const error = await stopPipelineExecution(client, executionArn);
  const what = error === undefined
    ? 'the execution was asked to stop (StopPipelineExecution)'
    : `stopping the execution failed too (${error}): ${STILL_RUNNING}`;
  const message = `waiting for ${executionArn} failed: ${(err as Error).message}; ${what}`;
  return err instanceof CliError ? new CliError(message) : Object.assign(new Error(message), { name: (err as Error).name });
}

/** What became of an execution the wait gave up on. */
function timedOutExecution(result: PipelineExecutionResult, stop: StopAtTimeout | undefined): string {
  const status = `status ${result.executionStatus ?? 'unknown'}`;
  if (stop === undefined) {
    return `the execution was left running (${status})`;
  }
  if (stop.error !== undefined) {
    return `stopping the execution failed (${stop.error}): ${STILL_RUNNING}`;
  }
  return stop.requested
    ? `the execution was asked to stop (StopPipelineExecution; it was ${result.executionStatus ?? 'running'}); steps that already ended keep what they wrote`
    : `the execution was already stopping (${status})`;
}

/** The lines a failed, stopped or timed-out wait ends with: what happened, the steps to look at, the execution. */
function describeFailure(
  pipelineName: string,
  outcome: Exclude<PipelineExecutionOutcome, 'Succeeded'>,
  result: PipelineExecutionResult,
  timeoutMinutes: number,
  stop?: StopAtTimeout,
): string {
  const elapsed = formatDuration(result.elapsedMs);
  const headline = {
    Failed: `pipeline ${pipelineName} failed after ${elapsed}${result.executionStatus && result.executionStatus !== 'Failed' ? ` (status ${result.executionStatus})` : ''}`,
    Stopped: `pipeline ${pipelineName} was stopped after ${elapsed}`,
    TimedOut: `pipeline ${pipelineName} did not finish within ${minutes(timeoutMinutes)} (waited ${elapsed}); ${timedOutExecution(result, stop)}`,
  }[outcome];
  const watched = outcome === 'TimedOut' ? ['Starting', 'Executing', 'Stopping'] : ['Failed', 'Stopped'];
  return [
    headline,
    ...result.steps.filter((step) => watched.includes(step.status)).map(describeStep),
    ...(result.failureReason ? [`  execution failure reason: ${result.failureReason}`] : []),
    `  execution: ${result.executionArn}`,
  ].join('\n');
}

function describeStep(step: PipelineStepState): string {
  return `  step ${step.name} ${step.status.toLowerCase()}${step.failureReason ? `: ${step.failureReason}` : ''}`;
}
