import { LocalRunError } from '../../src/local-run';

/** The message of the LocalRunError `check` throws; fails the test when it throws none, or another error. */
export function localRunRefusal(check: () => void): string {
  try {
    check();
  } catch (err) {
    expect(err).toBeInstanceOf(LocalRunError);
    return (err as Error).message;
  }
  throw new Error('expected a LocalRunError');
}
