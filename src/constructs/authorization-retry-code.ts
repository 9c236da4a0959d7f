/**
 * Delays, in milliseconds, before each new try of a call that IAM denied, in a deploy-time
 * custom-resource handler: about a minute in all, within every such function's timeout.
 */
export const AUTHORIZATION_RETRY_DELAYS_MS: readonly number[] = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000];

/** The error names AWS SDK v3 gives a request IAM denied: `AccessDenied` (S3, STS), `AccessDeniedException` (the JSON services). */
export const DENIED_ERROR_NAMES: readonly string[] = ['AccessDenied', 'AccessDeniedException'];

/**
 * The part of an inline custom-resource handler that waits out IAM's propagation:
 * `whenAuthorized(call)` runs `call` and, while it fails as denied, runs it again after each of
 * {@link AUTHORIZATION_RETRY_DELAYS_MS}; any other error, or a denial after the last delay, is thrown.
 *
 * CloudFormation runs a custom resource as soon as the role's policy is CREATE_COMPLETE or
 * UPDATE_COMPLETE, which says IAM accepted the change, not that every endpoint applies it yet (IAM
 * User Guide, "Troubleshoot IAM": "Changes that I make are not always immediately visible"). A
 * function's first call after a new or changed statement can then be denied for some seconds, and
 * the release fails and rolls back (aws/aws-cdk#37675, #18237, #21332: aws-cdk-lib's own handlers
 * have no retry). A denial that lasts is a real one: it fails the resource with the service's
 * message about a minute later.
 */
export const AUTHORIZATION_RETRY_CODE = `const AUTHORIZATION_RETRY_DELAYS_MS = ${JSON.stringify(AUTHORIZATION_RETRY_DELAYS_MS)};
const DENIED_ERROR_NAMES = ${JSON.stringify(DENIED_ERROR_NAMES)};

async function whenAuthorized(call) {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await call();
    } catch (err) {
      if (!err || !DENIED_ERROR_NAMES.includes(err.name) || attempt >= AUTHORIZATION_RETRY_DELAYS_MS.length) {
        throw err;
      }
      const delay = AUTHORIZATION_RETRY_DELAYS_MS[attempt];
      console.log(err.name + ': ' + err.message + ' (IAM may not apply a new policy statement yet): trying again in ' + delay / 1000 + ' s');
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
`;
