import { ActionExecution, StageState } from '@aws-sdk/client-codepipeline';
import { RELEASE_PIPELINE } from '../app-context/resource-names';

/**
 * How the last approval ended. CodePipeline fails an approval that a reviewer rejected, and one
 * that nobody decided within its timeout (7 days by default): "Approve or reject an approval action
 * in CodePipeline". A reviewer's decision (PutApprovalResult or the console) records who made it
 * (`lastUpdatedBy`) and the summary; an expiry records neither. An approved release whose version
 * was no longer Approved in the registry stopped at the Prod stage's CheckRegistryApproval, before
 * the production deploy: a second line gives that action's reason.
 */
export function lastDecision(execution: ActionExecution, prod: StageState): string[] {
  const at = execution.lastStatusChange ? ` at ${execution.lastStatusChange.toISOString()}` : '';
  if (execution.status === 'Failed' && !execution.lastUpdatedBy && !execution.summary) {
    const detail = execution.errorDetails?.message ? ` (${execution.errorDetails.message})` : '';
    return [`the last release timed out${at}: nobody approved or rejected it within the approval's timeout (7 days by default)${detail}`];
  }
  const decided = execution.status === 'Succeeded' ? 'approved' : 'rejected';
  const by = execution.lastUpdatedBy ? ` by ${execution.lastUpdatedBy}` : '';
  const lines = [`the last release was ${decided}${by}${at}${execution.summary ? `: ${JSON.stringify(execution.summary)}` : ''}`];
  const check = prod.actionStates?.find((candidate) => candidate.actionName === RELEASE_PIPELINE.registryCheckAction)?.latestExecution;
  if (execution.status === 'Succeeded' && check?.status === 'Failed') {
    lines.push(`then ${RELEASE_PIPELINE.registryCheckAction} stopped it before the production deploy: ${check.errorDetails?.message ?? 'no message'}`);
  }
  return lines;
}
