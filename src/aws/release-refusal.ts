import type { ReleaseReview } from './release-approval';

/**
 * Why approving the waiting release must not happen, judged on the registry now: the candidate staging serves is the
 * release that waits (else `stagingMovedOn` refuses first), and its version is no longer Approved. A reject-model of
 * it (or a reviewer's reject in the registry) starts a release of the newest still-approved version, which cannot
 * pass this one while it holds the Prod stage ("How pipeline executions work": one execution per stage), so
 * approving would put the rejected version into production. Undefined when nothing stands against approving.
 */
export function registryRefusal(review: ReleaseReview): string | undefined {
  const { candidate } = review;
  if (review.stagingMovedOn || !candidate.deployed) {
    return undefined;
  }
  const { version, approvalStatus } = candidate.model;
  if (version === undefined || approvalStatus === undefined || approvalStatus === 'Approved') {
    return undefined;
  }
  // The release trigger starts a release on Approved and Rejected, not on a version set back to PendingManualApproval.
  const next = approvalStatus === 'Rejected'
    ? 'the release of the newest approved version that the rejection started comes up for approval next'
    : `its status change starts no release: approve version ${version} again (approve-model) to release it`;
  return `version ${version} is ${approvalStatus} in the model registry now: approving would release it to production. ` +
    `Reject this release with reject-release; ${next}; nothing was changed`;
}
