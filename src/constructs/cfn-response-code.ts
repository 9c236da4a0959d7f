/** How many times an inline handler tries to PUT its answer to CloudFormation's response URL. */
export const CFN_RESPONSE_ATTEMPTS = 4;
/** How long one PUT of the answer may take before it counts as not arrived. */
export const CFN_RESPONSE_TIMEOUT_MS = 5_000;
/** The longest `send` takes: every attempt timing out, and the waits between them (1 + 2 + 4 s). */
export const CFN_RESPONSE_MAX_MS = CFN_RESPONSE_ATTEMPTS * CFN_RESPONSE_TIMEOUT_MS + 1_000 * (2 ** (CFN_RESPONSE_ATTEMPTS - 1) - 1);

/**
 * The part of an inline custom-resource handler (a CommonJS module run by the Lambda Node.js
 * runtime) that answers CloudFormation: `send(url, body)` PUTs the response document to the
 * pre-signed `ResponseURL` with an empty content type, as the CloudFormation User Guide's
 * "Custom resource response objects" asks, so a handler needs no helper library. The handler
 * `require`s `node:https` itself.
 *
 * An answer S3 refuses (a status other than 2xx) or that does not arrive (an error, or no answer
 * within {@link CFN_RESPONSE_TIMEOUT_MS}) is sent again, after 1, 2 and 4 seconds: unanswered,
 * CloudFormation would wait out the resource's ServiceTimeout and fail it without a reason; and a
 * retry of the whole invocation by Lambda would run the handler's work again. After the last
 * attempt `send` rejects, with the status or the error; it takes at most {@link CFN_RESPONSE_MAX_MS}.
 */
export const CFN_RESPONSE_SEND_CODE = `function sendOnce(url, body) {
  return new Promise((resolve, reject) => {
    const request = https.request(url, { method: 'PUT', headers: { 'content-type': '', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode >= 200 && res.statusCode < 300
        ? resolve()
        : reject(new Error('the response URL answered HTTP ' + res.statusCode))));
    });
    request.on('error', reject);
    request.setTimeout(${CFN_RESPONSE_TIMEOUT_MS}, () => request.destroy(new Error('no answer within ${CFN_RESPONSE_TIMEOUT_MS / 1000} s')));
    request.end(body);
  });
}

async function send(url, body) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await sendOnce(url, body);
    } catch (err) {
      if (attempt >= ${CFN_RESPONSE_ATTEMPTS}) {
        throw err;
      }
      console.error('could not answer CloudFormation (' + err.message + '): trying again');
      await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** (attempt - 1)));
    }
  }
}
`;
