/**
 * The part of an inline custom-resource handler (a CommonJS module run by the Lambda Node.js
 * runtime) that answers CloudFormation: `send(url, body)` PUTs the response document to the
 * pre-signed `ResponseURL` with an empty content type, as the CloudFormation User Guide's
 * "Custom resource response objects" asks, so a handler needs no helper library. The handler
 * `require`s `node:https` itself.
 */
export const CFN_RESPONSE_SEND_CODE = `function send(url, body) {
  return new Promise((resolve, reject) => {
    const request = https.request(url, { method: 'PUT', headers: { 'content-type': '', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    request.on('error', reject);
    request.end(body);
  });
}
`;
