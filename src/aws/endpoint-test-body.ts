/** The kinds of endpoint InvokeEndpoint reaches, which differ in the request body they take. */
export const INVOKED_ENDPOINT_TYPES = ['realtime', 'serverless'] as const;
export type InvokedEndpointType = typeof INVOKED_ENDPOINT_TYPES[number];

/**
 * The largest request body each kind of endpoint takes, in bytes: 6 MB for a real-time endpoint
 * ("Amazon SageMaker AI endpoints and quotas", maximum payload size for InvokeEndpoint) and 4 MB for
 * a serverless one ("Invoke a serverless endpoint": request and response payloads of at most 4 MB);
 * the InvokeEndpoint API reference lets `Body` be larger (25 MB) than either accepts. A larger body
 * is refused (HTTP 413) and never reaches the model, so every batch would fail the test for a
 * reason that is not the model's. The pages say MB without saying 10^6 or 2^20 bytes: the limits
 * here are the smaller reading, so a body that passes is never one AWS refuses.
 */
export const MAX_INVOKE_BODY_BYTES: Readonly<Record<InvokedEndpointType, number>> = { realtime: 6_000_000, serverless: 4_000_000 };

/** How the limits are named in messages. */
const ENDPOINT_TYPE_NAMES: Readonly<Record<InvokedEndpointType, string>> = { realtime: 'a real-time endpoint', serverless: 'a serverless endpoint' };

/**
 * Why the batches of `rows` would not fit in an InvokeEndpoint request to an endpoint of
 * `endpointType`, or undefined when each batch's body (its rows joined by newlines, in UTF-8) is
 * within {@link MAX_INVOKE_BODY_BYTES}.
 */
export function batchBodyProblem(rows: readonly string[], batchSize: number, endpointType: InvokedEndpointType = 'realtime'): string | undefined {
  const limit = MAX_INVOKE_BODY_BYTES[endpointType];
  const sizes = rows.map((row) => Buffer.byteLength(row, 'utf-8'));
  for (let start = 0; start < sizes.length; start += batchSize) {
    const batch = sizes.slice(start, start + batchSize);
    const bytes = batch.reduce((total, size) => total + size, batch.length - 1);
    if (bytes > limit) {
      const longest = sizes.reduce((most, size) => Math.max(most, size), 0);
      // k rows of at most `longest` bytes and k - 1 newlines surely fit when k * (longest + 1) - 1 is within the limit.
      const fits = Math.floor((limit + 1) / (longest + 1));
      const advice = fits > 0
        ? `send at most ${fits} rows per request (--batch-size ${fits})`
        : `row ${sizes.indexOf(longest) + 1} alone is ${longest} bytes: no batch size fits it`;
      return `batch ${start / batchSize + 1} of ${batch.length} rows is ${bytes} bytes, more than the ${limit} bytes (${limit / 1_000_000} MB) ` +
        `InvokeEndpoint takes for ${ENDPOINT_TYPE_NAMES[endpointType]} (batchSize / --batch-size ${batchSize}): ${advice}`;
    }
  }
  return undefined;
}
