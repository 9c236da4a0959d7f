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

/** SageMaker reports some missing resources as a `ValidationException` with one of these phrases. */
const NOT_FOUND_MESSAGE = /could not find|could not be found|does not exist|not found/i;

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
 * `ResourceNotFoundException`, or SageMaker's `ValidationException` whose message says the
 * resource could not be found or does not exist.
 */
export function isNotFound(err: unknown): boolean {
  const { name, message } = shape(err);
  if (name === 'ResourceNotFound' || name === 'ResourceNotFoundException') {
    return true;
  }
  return name === 'ValidationException' && typeof message === 'string' && NOT_FOUND_MESSAGE.test(message);
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
