import { inspect } from 'node:util';
import { AwsCallError, callOf, describeCall } from '../aws/call-errors';
import { CliError } from '../aws/errors';
import { Output } from './output';

/** The global options that shape a failure's report. */
export interface ErrorReportOptions {
  /** One JSON object on stderr: `{"error": {"message": ..., "name": ..., ...}}`. */
  readonly json?: boolean;
  /** Also the stack trace and the raw SDK error. */
  readonly debug?: boolean;
}

interface ErrorShape {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly stack?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: number; readonly requestId?: string };
}

/**
 * Writes a failed command's error to stderr (the exit code stays the caller's): `error: <message>`,
 * or with `json` one line `{"error": {...}}` with the message, the error's name, the AWS call
 * (service, operation, region, endpoint) and the HTTP status and request id when there are ones.
 * A service's own error (e.g. AccessDeniedException) is prefixed with the call that got it.
 * With `debug`, the stack and the raw SDK error follow (as `stack` and `raw` fields in JSON).
 */
export function reportError(err: unknown, output: Output, options: ErrorReportOptions = {}): void {
  const shape: ErrorShape = typeof err === 'object' && err !== null ? err : {};
  const call = callOf(err);
  const raw = err instanceof AwsCallError ? err.raw : undefined;
  const name = typeof shape.name === 'string' ? shape.name : 'Error';
  const text = typeof shape.message === 'string' ? shape.message : String(err);
  const message = call && !(err instanceof CliError) ? `${describeCall(call)} failed: ${name}: ${text}` : text;
  const metadata = shape.$metadata ?? (raw as ErrorShape | undefined)?.$metadata;
  if (options.json) {
    output.info(JSON.stringify({
      error: {
        message,
        name,
        ...(raw !== undefined ? { cause: (raw as ErrorShape).name ?? 'Error' } : {}),
        ...(call ?? {}),
        ...(metadata?.httpStatusCode !== undefined ? { httpStatusCode: metadata.httpStatusCode } : {}),
        ...(metadata?.requestId !== undefined ? { requestId: metadata.requestId } : {}),
        ...(options.debug ? { stack: String(shape.stack ?? ''), raw: inspect(raw ?? err, { depth: 4 }) } : {}),
      },
    }));
    return;
  }
  output.info(`error: ${message}`);
  if (options.debug) {
    output.info(String(shape.stack ?? '(no stack trace)'));
    output.info(`raw error: ${inspect(raw ?? err, { depth: 4 })}`);
  }
}
