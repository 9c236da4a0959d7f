import { CFN_RESPONSE_MAX_MS } from './cfn-response-code';

/**
 * Delays, in milliseconds, before each new try of a call that IAM denied, in a deploy-time
 * custom-resource handler: about a minute for one call, and never past the invocation's deadline
 * ({@link AUTHORIZATION_RETRY_CODE}).
 */
export const AUTHORIZATION_RETRY_DELAYS_MS: readonly number[] = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000];

/**
 * What a handler keeps of its Lambda invocation's time to answer CloudFormation after the last
 * try: a function that times out never answers, and CloudFormation then waits out the resource's
 * ServiceTimeout and reports a bare timeout instead of the service's message. The answer's every
 * attempt ({@link CFN_RESPONSE_MAX_MS}) and a few seconds more.
 */
export const AUTHORIZATION_ANSWER_MARGIN_MS = CFN_RESPONSE_MAX_MS + 5_000;

/** The error names AWS SDK v3 gives a request IAM denied: `AccessDenied` (S3, STS), `AccessDeniedException` (the JSON services). */
export const DENIED_ERROR_NAMES: readonly string[] = ['AccessDenied', 'AccessDeniedException'];

/**
 * How Application Auto Scaling reports that the caller lacks a permission on the target resource
 * (Application Auto Scaling User Guide, "Permissions validation for Application Auto Scaling API
 * calls on target resources": a ValidationException listing the missing permissions).
 */
export const DENIED_VALIDATION_MESSAGE = /missing the following permissions/i;

/**
 * The part of an inline custom-resource handler that waits out IAM's propagation:
 * `whenAuthorized(call, alsoRetried)` runs `call` and, while it fails as denied ({@link DENIED_ERROR_NAMES}, or a
 * ValidationException matching {@link DENIED_VALIDATION_MESSAGE}) or with an error named in
 * `alsoRetried` (a handler's transient errors, default none), runs it again after each of
 * {@link AUTHORIZATION_RETRY_DELAYS_MS}; any other error, a denial after the last delay, or one whose
 * next try would end later than the deadline is thrown. The handler sets the deadline for the whole
 * invocation first: `authorizeUntil(context)` (the Lambda context's remaining time less
 * {@link AUTHORIZATION_ANSWER_MARGIN_MS}), so that all its calls together leave it time to answer.
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
const DENIED_VALIDATION_MESSAGE = ${DENIED_VALIDATION_MESSAGE.toString()};
let authorizationDeadline = Infinity;

function authorizeUntil(context) {
  authorizationDeadline = typeof context.getRemainingTimeInMillis === 'function'
    ? Date.now() + context.getRemainingTimeInMillis() - ${AUTHORIZATION_ANSWER_MARGIN_MS}
    : Infinity;
}

function denied(err) {
  return Boolean(err) && (DENIED_ERROR_NAMES.includes(err.name)
    || (err.name === 'ValidationException' && DENIED_VALIDATION_MESSAGE.test(String(err.message))));
}

async function whenAuthorized(call, alsoRetried = []) {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await call();
    } catch (err) {
      const delay = AUTHORIZATION_RETRY_DELAYS_MS[attempt];
      const retried = denied(err) || alsoRetried.includes(err && err.name);
      if (!retried || delay === undefined || Date.now() + delay > authorizationDeadline) {
        throw err;
      }
      console.log(err.name + ': ' + err.message + (denied(err) ? ' (IAM may not apply a new policy statement yet)' : '') + ': trying again in ' + delay / 1000 + ' s');
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
`;
