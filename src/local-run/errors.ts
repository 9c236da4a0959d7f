/**
 * A local run that cannot start or cannot go on: a step type it cannot run on this machine,
 * python3 or a library missing, an expression that does not resolve, an unreadable file. The
 * message is lowercase and names the step, value or file, and what to do.
 */
export class LocalRunError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LocalRunError';
  }
}

/**
 * A bad input of the run, found before any step runs: a work folder that is a file or not empty,
 * a file to score that does not exist, a registry version there is not. The CLI reports it as a
 * usage error (exit code 2).
 */
export class LocalRunUsageError extends LocalRunError {
  constructor(message: string) {
    super(message);
    this.name = 'LocalRunUsageError';
  }
}

/**
 * A bad `--parameter`: one the pipeline does not declare, a value of the wrong type or out of
 * its allowed values. The CLI reports it as a usage error (exit code 2).
 */
export class LocalRunParameterError extends LocalRunUsageError {
  constructor(message: string) {
    super(message);
    this.name = 'LocalRunParameterError';
  }
}
