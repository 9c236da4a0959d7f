/**
 * The customer metadata key `changeModelApproval` (model-approval.ts) sets when it rejects a version
 * that is not approved (nothing changes in what deploys), in the same UpdateModelPackage call, so that
 * the "SageMaker Model Package State Change" event carries it and the model-deploy trigger does not
 * start a release for it; approving the version, or rejecting it once approved, removes it.
 */
export const NO_RELEASE_METADATA_KEY = 'rejectedWithoutRelease';

/** The marker's value. */
export const NO_RELEASE_METADATA_VALUE = 'true';
