import { Output } from '../../src/cli';

/** An Output that keeps what a command wrote: results (stdout) and messages (stderr). */
export interface CapturedOutput extends Output {
  readonly results: unknown[];
  readonly infos: string[];
}

/** A fresh CapturedOutput. */
export function captureOutput(): CapturedOutput {
  const results: unknown[] = [];
  const infos: string[] = [];
  return { results, infos, result: (value) => results.push(value), info: (message) => infos.push(message) };
}

/**
 * Runs `action` while keeping what is written to process.stderr (where commander prints usage
 * errors), and returns its value with that text.
 */
export async function withStderr<T>(action: () => Promise<T>): Promise<{ value: T; stderr: string }> {
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const value = await action();
    return { value, stderr: stderr.mock.calls.map((c) => String(c[0])).join('') };
  } finally {
    stderr.mockRestore();
  }
}
