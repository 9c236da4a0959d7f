/**
 * A project option (or a value in a generated config file) that is not allowed.
 * The message names the option, the value and what is allowed.
 */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** The property that marks an error as "a file the command was given or needs does not exist". */
const MISSING_FILE = Symbol.for('sagemaker-gitops/missing-file');

/**
 * Marks `err` as saying that `file` does not exist: every command then exits with the same code
 * for it (2, as for a usage error), whichever layer found it. Returns `err`.
 */
export function missingFile<E extends Error>(err: E, file: string): E {
  (err as unknown as Record<symbol, string>)[MISSING_FILE] = file;
  return err;
}

/** The file a {@link missingFile} error names, or undefined for any other error. */
export function missingFileOf(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null ? (err as Record<symbol, string | undefined>)[MISSING_FILE] : undefined;
}
