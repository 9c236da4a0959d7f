import { Output } from './output';

/** A check's answer: whether a pipeline stage is needed, and why (one line per finding). */
export interface VerdictCheck {
  readonly verdict: 'needed' | 'not-needed';
  readonly reasons: readonly string[];
}

/** Keeps a client the check made, to destroy it when the check ends; returns it. */
export type TrackClient = <C extends { destroy(): void }>(client: C) => C;

/**
 * Runs a check whose answer a pipeline exports to skip a stage: a check that cannot run answers
 * `needed` (skipping wrongly costs more than running a stage for nothing), never a failure. Prints
 * each reason on stderr as `<name>: <reason>`, and the verdict (the whole check with `--json`).
 */
export async function runVerdictCheck(output: Output, name: string, json: boolean | undefined, check: (track: TrackClient) => Promise<VerdictCheck>): Promise<void> {
  const clients: Array<{ destroy(): void }> = [];
  let answer: VerdictCheck;
  try {
    answer = await check((client) => {
      clients.push(client);
      return client;
    });
  } catch (err) {
    answer = { verdict: 'needed', reasons: [`the check could not run: ${(err as Error).message}`] };
  } finally {
    clients.forEach((client) => client.destroy());
  }
  for (const reason of answer.reasons) {
    output.info(`${name}: ${reason}`);
  }
  output.result(json ? answer : answer.verdict, json);
}
