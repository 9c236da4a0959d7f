import { randomUUID } from 'node:crypto';
import {
  DescribePipelineExecutionCommand,
  PipelineExecutionStatus,
  PipelineExecutionStep,
  SageMakerClient,
  StartPipelineExecutionCommand,
  StopPipelineExecutionCommand,
  paginateListPipelineExecutionSteps,
} from '@aws-sdk/client-sagemaker';
import { CliError, isNotFound, isThrottling } from './errors';
import { StartPipelineExecutionOptions, startPipelineExecutionProblem } from './pipeline-execution-limits';

export * from './pipeline-execution-limits';

/**
 * Starts an execution of a SageMaker pipeline and returns its ARN. The request carries a fresh
 * client request token, so the SDK's retries of this call never start a second execution.
 *
 * @throws CliError naming the pipeline when it does not exist, or before any call for options StartPipelineExecution would refuse
 */
export async function startPipelineExecution(client: SageMakerClient, options: StartPipelineExecutionOptions): Promise<string> {
  const { pipelineName } = options;
  const problem = startPipelineExecutionProblem(options);
  if (problem) {
    throw new CliError(`pipeline ${pipelineName}: ${problem}`);
  }
  const parameters = Object.entries(options.parameters ?? {}).map(([Name, Value]) => ({ Name, Value }));
  try {
    const response = await client.send(new StartPipelineExecutionCommand({
      PipelineName: pipelineName,
      PipelineParameters: parameters.length > 0 ? parameters : undefined,
      PipelineExecutionDisplayName: options.displayName,
      ClientRequestToken: randomUUID(),
    }));
    if (!response.PipelineExecutionArn) {
      throw new Error(`StartPipelineExecution for pipeline ${pipelineName} returned no execution ARN`);
    }
    return response.PipelineExecutionArn;
  } catch (err) {
    if (isNotFound(err)) {
      throw new CliError(`pipeline ${pipelineName} not found in region ${await client.config.region()}: ${(err as Error).message}`);
    }
    throw err;
  }
}

/** How an execution ended, as far as the waiter saw: `TimedOut` when it was still running at the timeout. */
export type PipelineExecutionOutcome = 'Succeeded' | 'Failed' | 'Stopped' | 'TimedOut';

/** A step of an execution. */
export interface PipelineStepState {
  readonly name: string;
  /** `Starting`, `Executing`, `Stopping`, `Stopped`, `Failed` or `Succeeded`. */
  readonly status: string;
  readonly failureReason?: string;
  /** A RegisterModel step's version (its `Metadata.RegisterModel.Arn`), once registered. */
  readonly registeredModelPackageArn?: string;
}

/** A step whose status changed, reported while waiting. */
export interface StepStatusChange extends PipelineStepState {
  /** Milliseconds since the waiter started. */
  readonly elapsedMs: number;
}

/** A sign of life while the steps run without a change of status. */
export interface Heartbeat {
  /** Milliseconds since the waiter started. */
  readonly elapsedMs: number;
  /** The steps not finished yet, with the milliseconds since this waiter saw them enter their status. */
  readonly running: readonly (PipelineStepState & { readonly forMs: number })[];
}

/** The end of the wait. */
export interface PipelineExecutionResult {
  readonly executionArn: string;
  readonly status: PipelineExecutionOutcome;
  /** The execution's status at the last poll; `Executing` or `Stopping` when timed out. */
  readonly executionStatus?: PipelineExecutionStatus;
  /** The execution's failure reason, when SageMaker gives one. */
  readonly failureReason?: string;
  /** Every step, in the order they started. */
  readonly steps: readonly PipelineStepState[];
  /** The steps whose status is `Failed`, with their failure reasons. */
  readonly failedSteps: readonly PipelineStepState[];
  /** Milliseconds from the start of the wait to the last poll. */
  readonly elapsedMs: number;
}

/** How to wait. */
export interface WaitForPipelineExecutionOptions {
  /** How long to wait before giving up (the execution is left running). */
  readonly timeoutMs: number;
  /**
   * The time between polls.
   * @default 30_000
   */
  readonly pollIntervalMs?: number;
  /**
   * Called once for every change of a step's status (a new step included).
   * @default - nothing is reported
   */
  readonly onProgress?: (change: StepStatusChange) => void;
  /**
   * Called when no step changed status for `heartbeatMs`, with the steps still running and how
   * long each has been in its status (as far as this waiter saw), so a long step shows life.
   * @default - nothing is reported
   */
  readonly onHeartbeat?: (heartbeat: Heartbeat) => void;
  /**
   * The quiet time after which `onHeartbeat` is called, and again after each heartbeat.
   * @default 300_000 (5 minutes)
   */
  readonly heartbeatMs?: number;
  /**
   * Called when a poll was throttled, with the error and the delay before the next try.
   * @default - nothing is reported
   */
  readonly onThrottled?: (err: Error, delayMs: number) => void;
  /**
   * The current time in milliseconds.
   * @default Date.now
   */
  readonly clock?: () => number;
  /**
   * Waits `ms` milliseconds.
   * @default - a `setTimeout` promise
   */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Step statuses of a step that has not finished. */
const RUNNING_STEP: ReadonlySet<string> = new Set(['Starting', 'Executing', 'Stopping']);

/** The longest wait between polls after repeated throttling. */
const MAX_BACKOFF_MS = 5 * 60_000;

/** Execution statuses of an execution that has not ended. */
const RUNNING_EXECUTION: ReadonlySet<string> = new Set(['Executing', 'Stopping']);

/**
 * How an execution of `status` ended, or undefined while it runs. Every status but Executing and
 * Stopping is an end: besides Succeeded, Failed and Stopped, SageMaker's API model lists
 * CompletedWithFailures (not in the API Reference's pages yet, nor in this SDK's type), which did
 * not succeed; a status newer still is taken for a failure too rather than waited on until the timeout.
 */
function outcomeOf(status: PipelineExecutionStatus | string | undefined): PipelineExecutionOutcome | undefined {
  if (status === undefined || RUNNING_EXECUTION.has(status)) {
    return undefined;
  }
  return status === 'Succeeded' || status === 'Stopped' ? status : 'Failed';
}

interface Poll {
  readonly executionStatus?: PipelineExecutionStatus;
  readonly failureReason?: string;
  readonly steps: readonly PipelineStepState[];
}

/**
 * Polls a pipeline execution and its steps until it succeeds, fails or stops, or until the
 * timeout. `Executing` and `Stopping` keep polling; a throttled poll is retried later with a
 * doubling delay; any other error is thrown.
 *
 * @throws CliError naming the execution when it does not exist
 */
export async function waitForPipelineExecution(
  client: SageMakerClient,
  executionArn: string,
  options: WaitForPipelineExecutionOptions,
): Promise<PipelineExecutionResult> {
  const clock = options.clock ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const pollIntervalMs = options.pollIntervalMs ?? 30_000;
  const start = clock();
  const reported = new Map<string, string>();
  const since = new Map<string, number>();
  const heartbeatMs = options.heartbeatMs ?? 300_000;
  let quietSince = 0;
  let last: Poll = { steps: [] };
  let throttled = 0;
  for (;;) {
    let delayMs = pollIntervalMs;
    try {
      last = await poll(client, executionArn);
      throttled = 0;
    } catch (err) {
      if (!isThrottling(err)) {
        throw err;
      }
      throttled += 1;
      delayMs = Math.min(pollIntervalMs * 2 ** (throttled - 1), MAX_BACKOFF_MS);
      options.onThrottled?.(err as Error, delayMs);
    }
    const elapsedMs = clock() - start;
    for (const step of last.steps.filter((s) => reported.get(s.name) !== s.status)) {
      reported.set(step.name, step.status);
      since.set(step.name, elapsedMs);
      quietSince = elapsedMs;
      options.onProgress?.({ ...step, elapsedMs });
    }
    const running = last.steps.filter((step) => RUNNING_STEP.has(step.status));
    if (options.onHeartbeat && running.length > 0 && elapsedMs - quietSince >= heartbeatMs) {
      quietSince = elapsedMs;
      options.onHeartbeat({ elapsedMs, running: running.map((step) => ({ ...step, forMs: elapsedMs - (since.get(step.name) ?? 0) })) });
    }
    const outcome = outcomeOf(last.executionStatus);
    if (outcome || elapsedMs >= options.timeoutMs) {
      return {
        executionArn,
        status: outcome || 'TimedOut',
        executionStatus: last.executionStatus,
        failureReason: last.failureReason,
        steps: last.steps,
        failedSteps: last.steps.filter((step) => step.status === 'Failed'),
        elapsedMs,
      };
    }
    await sleep(Math.min(delayMs, options.timeoutMs - elapsedMs));
  }
}

async function poll(client: SageMakerClient, executionArn: string): Promise<Poll> {
  try {
    const execution = await client.send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: executionArn }));
    const steps: PipelineStepState[] = [];
    const pages = paginateListPipelineExecutionSteps({ client }, { PipelineExecutionArn: executionArn, SortOrder: 'Ascending' });
    for await (const page of pages) {
      steps.push(...(page.PipelineExecutionSteps ?? []).map(toStepState));
    }
    return { executionStatus: execution.PipelineExecutionStatus, failureReason: execution.FailureReason, steps };
  } catch (err) {
    if (isNotFound(err)) {
      throw new CliError(`pipeline execution ${executionArn} not found: ${(err as Error).message}`);
    }
    throw err;
  }
}

/**
 * A step's state; a Fail step (e.g. the quality gate's) gives no `FailureReason`, only its
 * `Metadata.Fail.ErrorMessage`, which is then the step's failure reason.
 */
function toStepState(step: PipelineExecutionStep): PipelineStepState {
  const failureReason = step.FailureReason || step.Metadata?.Fail?.ErrorMessage;
  const registered = step.Metadata?.RegisterModel?.Arn;
  return {
    name: step.StepName ?? step.StepDisplayName ?? 'unnamed step',
    status: step.StepStatus ?? 'Unknown',
    ...(failureReason ? { failureReason } : {}),
    ...(registered ? { registeredModelPackageArn: registered } : {}),
  };
}

/**
 * Asks SageMaker to stop a running execution (StopPipelineExecution: it stops the running steps and
 * the execution ends `Stopped`; a step's job already started may take a while to stop). The request
 * carries a fresh client request token (required, 32 to 128 characters), so the SDK's retries are
 * one request.
 *
 * @returns undefined when the request was accepted, or what went wrong (so a caller that is already
 * failing can say it rather than lose its own message)
 */
export async function stopPipelineExecution(client: SageMakerClient, executionArn: string): Promise<string | undefined> {
  try {
    await client.send(new StopPipelineExecutionCommand({ PipelineExecutionArn: executionArn, ClientRequestToken: randomUUID() }));
    return undefined;
  } catch (err) {
    return `${(err as Error).name}: ${(err as Error).message}`;
  }
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
