import { InvokeEndpointCommand, InvokeEndpointCommandOutput, SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import { checkPredictions, describeError, parsePredictions } from './endpoint-test-answers';
import { AwsCallError } from './call-errors';

/** The content type XGBoost takes and returns. */
export const CSV_CONTENT_TYPE = 'text/csv';

/** One request: how long its final attempt took, its predictions, and what was wrong with it. */
export interface Answer {
  /** The final attempt's time in milliseconds; undefined when the SDK threw (no answer to time). */
  readonly latencyMs?: number;
  /** The predictions, one per row, when they were all valid. */
  readonly predictions?: number[];
  readonly failure?: string;
  /** What the SDK threw, if it did. */
  readonly error?: unknown;
}

/** Network failures a retry may get past (Node's error codes). */
const TRANSIENT_NETWORK_CODES: ReadonlySet<string> = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'ECONNABORTED']);

/**
 * Sends `rows` as one CSV request and checks the answer. The latency is that of the SDK's final
 * attempt, from sending the request to the parsed answer: a middleware inside the SDK's retry
 * loop times every attempt, so the SDK's back-off between attempts and any client-side rate
 * limiting are not counted. Without a timed attempt (a stubbed `send`), the whole call is timed.
 */
export async function invoke(client: SageMakerRuntimeClient, endpointName: string, rows: readonly string[], now: () => number): Promise<Answer> {
  const command = new InvokeEndpointCommand({ EndpointName: endpointName, ContentType: CSV_CONTENT_TYPE, Accept: CSV_CONTENT_TYPE, Body: rows.join('\n') });
  let attemptMs: number | undefined;
  // The deserialize step runs inside finalizeRequest, where the SDK's retry middleware loops over attempts.
  command.middlewareStack.add((next) => async (args) => {
    const start = now();
    try {
      return await next(args);
    } finally {
      attemptMs = now() - start;
    }
  }, { step: 'deserialize', priority: 'high', name: 'sagemakerGitopsAttemptTimer' });
  const start = now();
  let response: InvokeEndpointCommandOutput;
  try {
    response = await client.send(command);
  } catch (err) {
    return { failure: describeError(err), error: err };
  }
  const latencyMs = attemptMs ?? now() - start;
  const parsed = parsePredictions(response.Body, response.ContentType);
  if (typeof parsed === 'string') {
    return { latencyMs, failure: parsed };
  }
  const failure = checkPredictions(parsed, rows.length);
  return failure ? { latencyMs, failure } : { latencyMs, predictions: parsed };
}

/**
 * Why an InvokeEndpoint error may pass if the request is sent again later, or undefined when it
 * will not (a bad payload, a missing endpoint, a denied call): the InvokeEndpoint API reference
 * says of ModelNotReadyException "Wait and try your request again" (a serverless variant still
 * provisioning), and a cold container answers ModelError with no status or a 5xx of its own.
 */
export function retryableReason(err: unknown): string | undefined {
  const shape = (typeof err === 'object' && err !== null ? err : {}) as {
    name?: string; code?: string; OriginalStatusCode?: number; $metadata?: { httpStatusCode?: number }; raw?: unknown;
  };
  const status = shape.$metadata?.httpStatusCode;
  if (shape.name === 'ModelNotReadyException') {
    return 'the model is not ready yet (a serverless variant is still provisioning)';
  }
  if (shape.name === 'ModelError') {
    const original = shape.OriginalStatusCode;
    return original === undefined || original === 0 || original >= 500 ? 'the model container failed or did not answer (a cold start)' : undefined;
  }
  if (status === 429 || shape.name === 'ThrottlingException') {
    return 'throttled';
  }
  if (status !== undefined && status >= 500) {
    return `SageMaker answered HTTP ${status}`;
  }
  if (shape.name === 'TimeoutError' || TRANSIENT_NETWORK_CODES.has(shape.code ?? '')) {
    return 'no answer in time';
  }
  return err instanceof AwsCallError ? retryableReason(err.raw) : undefined;
}
