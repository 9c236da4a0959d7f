// A missing input file is marked where it is found, in any layer (config/errors.ts), and mapped once in runCli.
export { missingFile, missingFileOf } from '../config/errors';

/**
 * A failure with a message people read: the CLI prints `error: <message>` and exits 1.
 * The message is lowercase and names what failed and, where it helps, what to do.
 */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

/**
 * A command-line value that the command could judge only after reading something (a pipeline's
 * declared parameters): a usage error all the same, printed as a CliError is, with exit code 2.
 */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * The error names with which a service reports a missing resource only through its message, and
 * the messages that mean "not found" for each: other errors of the same name (a malformed
 * parameter, a stack in the wrong state) are not "not found".
 *
 * - SageMaker (JSON protocol): `ValidationException`, e.g. `Could not find endpoint "x".`,
 *   `ModelPackageGroup x does not exist.`
 * - CloudFormation (query protocol): `ValidationError`, `Stack with id x does not exist` (the
 *   DescribeStacks API reference: "If the stack doesn't exist, a ValidationError is returned"),
 *   or `Stack: x does not exist` for a few other operations.
 */
const NOT_FOUND_MESSAGES: ReadonlyMap<string, RegExp> = new Map([
  ['ValidationException', /could not find|could not be found|does not exist|not found/i],
  ['ValidationError', /^Stack(?: with id|:) \S+ does not exist/],
]);

/** Error names AWS services use when a caller is being throttled. */
const THROTTLING_NAMES: ReadonlySet<string> = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
]);

interface ServiceErrorShape {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly $retryable?: { readonly throttling?: boolean };
  readonly $metadata?: { readonly httpStatusCode?: number };
}

function shape(err: unknown): ServiceErrorShape {
  return typeof err === 'object' && err !== null ? (err as ServiceErrorShape) : {};
}

/**
 * Whether `err` says the resource does not exist: SageMaker's `ResourceNotFound`, a
 * `ResourceNotFoundException`, SageMaker's `ValidationException` whose message says the resource
 * could not be found or does not exist, or CloudFormation's `ValidationError` saying a stack does not exist.
 */
export function isNotFound(err: unknown): boolean {
  const { name, message } = shape(err);
  if (name === 'ResourceNotFound' || name === 'ResourceNotFoundException') {
    return true;
  }
  const pattern = typeof name === 'string' ? NOT_FOUND_MESSAGES.get(name) : undefined;
  return pattern !== undefined && typeof message === 'string' && pattern.test(message);
}

/**
 * Whether `err` is throttling (a transient failure worth retrying later): one of the
 * throttling error names, an error the SDK marked as throttling, or HTTP 429.
 */
export function isThrottling(err: unknown): boolean {
  const { name, $retryable, $metadata } = shape(err);
  return (typeof name === 'string' && THROTTLING_NAMES.has(name)) || $retryable?.throttling === true || $metadata?.httpStatusCode === 429;
}

/** The call's answer, or undefined when the service says the resource does not exist; other errors are rethrown. */
export async function ifExists<T>(call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (err) {
    if (isNotFound(err)) {
      return undefined;
    }
    throw err;
  }
}
