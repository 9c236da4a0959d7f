import { CleanupOptions } from './cleanup-types';
import { CliError, isThrottling } from './errors';
import { formatDuration } from './format';

/** The longest wait between polls after repeated throttling. */
const MAX_BACKOFF_MS = 5 * 60_000;

/** Polls with a fixed interval, doubling it while throttled, and gives up at the timeout. */
export class Poller {
  public readonly clock: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly intervalMs: number;
  private readonly timeoutMs: number;
  private readonly onProgress: (message: string) => void;

  constructor(options: CleanupOptions) {
    this.clock = options.clock ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.intervalMs = options.pollIntervalMs ?? 10_000;
    this.timeoutMs = options.timeoutMs ?? 3_600_000;
    this.onProgress = options.onProgress ?? (() => undefined);
  }

  public report(message: string): void {
    this.onProgress(message);
  }

  /** Waits an interval, then calls `done` until it returns a value; a throttled call is tried again later. */
  public async until<T>(what: string, done: () => Promise<T | undefined>): Promise<T> {
    const start = this.clock();
    let delayMs = this.intervalMs;
    let throttled = 0;
    for (;;) {
      await this.sleep(Math.max(0, Math.min(delayMs, start + this.timeoutMs - this.clock())));
      try {
        const result = await done();
        if (result !== undefined) {
          return result;
        }
        throttled = 0;
        delayMs = this.intervalMs;
      } catch (err) {
        if (!isThrottling(err)) {
          throw err;
        }
        throttled += 1;
        delayMs = Math.min(this.intervalMs * 2 ** throttled, MAX_BACKOFF_MS);
        this.report(`  throttled (${(err as Error).name}: ${(err as Error).message}); polling again in ${formatDuration(delayMs)}`);
      }
      if (this.clock() - start >= this.timeoutMs) {
        throw new CliError(`${what} did not finish within ${formatDuration(this.timeoutMs)}; it may still be in progress: check it in the AWS console, then run cleanup again`);
      }
    }
  }
}
