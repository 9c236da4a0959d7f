import { CliError } from './errors';

/** Which AWS call failed: the service, the operation, and where it was sent. */
export interface AwsCall {
  /** The SDK client's service, e.g. `SageMaker`, `CloudFormation`. */
  readonly service: string;
  /** The API operation, e.g. `DescribePipeline`. */
  readonly operation: string;
  /** The client's region, when it resolved one. */
  readonly region?: string;
  /** The endpoint URL the request went to (or would have), when known. */
  readonly endpoint?: string;
}

/**
 * A failure of an AWS call that the service did not answer with one of its own errors: no answer
 * in time, a refused connection, missing credentials or region, an answer the SDK could not read
 * (the SDK's `Unknown` error, a JSON parse error). The message names the call; `raw` is the SDK's error.
 */
export class AwsCallError extends CliError {
  constructor(message: string, public readonly call: AwsCall, public readonly raw: unknown) {
    super(message);
    this.name = 'AwsCallError';
  }
}

/** The names the SDK gives an error answer without a code it knows (printed as `Unknown: UnknownError`). */
const UNKNOWN_NAMES: ReadonlySet<string> = new Set(['Unknown', 'UnknownError']);

/** The calls of the service errors (e.g. `AccessDeniedException`) that pass through unchanged, for the CLI's error report. */
const CALLS = new WeakMap<object, AwsCall>();

/** The call that raised `err`, when it came from a factory client. */
export function callOf(err: unknown): AwsCall | undefined {
  return err instanceof AwsCallError ? err.call : typeof err === 'object' && err !== null ? CALLS.get(err) : undefined;
}

/** `SageMaker DescribePipeline (region us-east-1, endpoint https://api.sagemaker.us-east-1.amazonaws.com)` */
export function describeCall(call: AwsCall): string {
  return `${call.service} ${call.operation} (region ${call.region ?? 'unresolved'}, endpoint ${call.endpoint ?? 'unresolved'})`;
}

interface SdkErrorShape {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly code?: unknown;
  readonly $fault?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: number };
  /** The raw HTTP answer the SDK attaches to a deserialization error. */
  readonly $response?: { readonly statusCode?: number };
}

/**
 * What the toolkit does with an error of the call: a service's own error (it has `$fault`, and a
 * name other than the SDK's `UnknownError`) is returned as it is, so callers still match its name,
 * and its call is remembered for {@link callOf}; any other error becomes an {@link AwsCallError}
 * whose message names the call.
 */
export function annotateCallError(err: unknown, call: AwsCall, requestTimeoutMs?: number): unknown {
  const shape: SdkErrorShape = typeof err === 'object' && err !== null ? err : {};
  if (err instanceof AwsCallError) {
    return err;
  }
  if (shape.$fault !== undefined && !UNKNOWN_NAMES.has(String(shape.name))) {
    CALLS.set(err as object, call);
    return err;
  }
  return new AwsCallError(`${describeCall(call)} failed: ${explain(shape, typeof err === 'object' ? undefined : String(err), requestTimeoutMs)}`, call, err);
}

function explain(err: SdkErrorShape, value: string | undefined, requestTimeoutMs?: number): string {
  const name = typeof err.name === 'string' ? err.name : 'Error';
  const message = typeof err.message === 'string' ? err.message : value ?? 'no message';
  if (name === 'TimeoutError') {
    const limit = requestTimeoutMs === undefined ? '' : ` (request timeout ${requestTimeoutMs / 1000} s; --request-timeout changes it)`;
    return `no answer in time${limit}: ${message}`;
  }
  if (UNKNOWN_NAMES.has(name)) {
    return `the service answered HTTP ${err.$metadata?.httpStatusCode ?? '?'} with an error the SDK does not know (${name}: ${message})`;
  }
  if (name === 'CredentialsProviderError') {
    return `no usable AWS credentials (--profile, AWS_PROFILE, AWS_ACCESS_KEY_ID or an SSO login): ${message}`;
  }
  if (name === 'SyntaxError') {
    return `the answer (HTTP ${err.$response?.statusCode ?? '?'}) is not what the service sends (a proxy or an emulator?): ${name}: ${message}`;
  }
  return `${name}${typeof err.code === 'string' && err.code !== name ? ` ${err.code}` : ''}: ${message}`;
}
