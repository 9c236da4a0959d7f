import { SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import { Answer, invoke, retryableReason } from './endpoint-test-invoke';

/** How long the warm-up retries by default: a serverless variant's cold start takes up to a few minutes. */
export const DEFAULT_WARMUP_TIMEOUT_MS = 5 * 60_000;

/** How long the warm-up waits between tries by default. */
export const DEFAULT_WARMUP_RETRY_INTERVAL_MS = 10_000;

/** The longest warm-up allowed (the check step's CodeBuild timeout is 30 minutes). */
export const MAX_WARMUP_TIMEOUT_MS = 20 * 60_000;

/** How a warm-up request is sent again. */
export interface WarmupSchedule {
  /** Stop retrying once this many milliseconds have passed since the first try. */
  readonly timeoutMs: number;
  /** Wait this long between tries. */
  readonly retryIntervalMs: number;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
}

/** The outcome of one warm-up request. */
export interface WarmupResult {
  readonly answer: Answer;
  /** Tries made (1 when the first was answered or failed for good). */
  readonly tries: number;
  /** Milliseconds from the first try to the last answer. */
  readonly elapsedMs: number;
  /** Why it failed, naming the tries and the time spent on them; undefined when it was answered. */
  readonly failure?: string;
}

/**
 * Sends `rows` until the endpoint answers, retrying the errors that a wait may cure
 * (`retryableReason`: not ready, a cold container, 5xx, throttling, timeouts) until
 * `schedule.timeoutMs` has passed. Any other error, or an answer with wrong predictions, ends the
 * warm-up at once.
 */
export async function warmUp(client: SageMakerRuntimeClient, endpointName: string, rows: readonly string[], schedule: WarmupSchedule): Promise<WarmupResult> {
  const start = schedule.now();
  for (let tries = 1; ; tries++) {
    const answer = await invoke(client, endpointName, rows, schedule.now);
    const elapsedMs = schedule.now() - start;
    if (answer.error === undefined) {
      return { answer, tries, elapsedMs, ...(answer.failure ? { failure: answer.failure } : {}) };
    }
    const reason = retryableReason(answer.error);
    if (reason === undefined) {
      return { answer, tries, elapsedMs, failure: answer.failure };
    }
    if (elapsedMs + schedule.retryIntervalMs > schedule.timeoutMs) {
      const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;
      return {
        answer, tries, elapsedMs,
        failure: `${answer.failure} (${reason}: still failing after ${tries} ${tries === 1 ? 'try' : 'tries'} over ${seconds(elapsedMs)}; ` +
          `the warm-up retries for up to ${seconds(schedule.timeoutMs)}, warmupTimeoutMs / --warmup-timeout changes it)`,
      };
    }
    await schedule.sleep(schedule.retryIntervalMs);
  }
}
