import { Stack } from 'aws-cdk-lib';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import { ConfigError } from '../config';

/**
 * The CloudFormation action mode that deletes a stack found in a failed state and creates it
 * again ("AWS CloudFormation configuration properties reference", ActionMode
 * REPLACE_ON_FAILURE: failed means ROLLBACK_COMPLETE, ROLLBACK_FAILED, CREATE_FAILED,
 * DELETE_FAILED or UPDATE_ROLLBACK_FAILED; a stack in another state is updated). Without it a
 * first deploy that failed leaves the stack in ROLLBACK_COMPLETE, which CloudFormation can only
 * delete, and every later deploy fails.
 */
export const REPLACE_ON_FAILURE = 'REPLACE_ON_FAILURE';

/**
 * Switches the deploy action of `stackName` from CREATE_UPDATE to REPLACE_ON_FAILURE, after the
 * pipeline is built. CDK Pipelines deploys a stack with one CREATE_UPDATE action when it does not
 * use change sets; REPLACE_ON_FAILURE is a mode of that action only (change sets have no such
 * mode), so with change sets this is refused. Never for a stack in `protectedStacks` (production:
 * the mode may delete the stack).
 *
 * @throws ConfigError when the stack is protected, or has no single CREATE_UPDATE deploy action
 */
export function replaceFailedStack(pipeline: codepipeline.Pipeline, stackName: string, protectedStacks: readonly string[]): void {
  if (protectedStacks.includes(stackName)) {
    throw new ConfigError(`the deploy action of ${stackName} must not use ${REPLACE_ON_FAILURE}: it deletes a stack in a failed state, and ${stackName} is production`);
  }
  const cfn = pipeline.node.defaultChild as codepipeline.CfnPipeline;
  const stages = Stack.of(pipeline).resolve(cfn.stages) as any[];
  const found: { stage: number; action: number; mode: unknown }[] = [];
  stages.forEach((stage, i) => (stage.actions ?? []).forEach((action: any, j: number) => {
    if (action.actionTypeId?.provider === 'CloudFormation' && action.configuration?.StackName === stackName) {
      found.push({ stage: i, action: j, mode: action.configuration.ActionMode });
    }
  }));
  if (found.length !== 1 || found[0].mode !== 'CREATE_UPDATE') {
    throw new ConfigError(`${REPLACE_ON_FAILURE} needs one CloudFormation CREATE_UPDATE action for ${stackName} (a pipeline without change sets); ` +
      `got ${found.map((f) => String(f.mode)).join(', ') || 'no CloudFormation action'}`);
  }
  cfn.addPropertyOverride(`Stages.${found[0].stage}.Actions.${found[0].action}.Configuration.ActionMode`, REPLACE_ON_FAILURE);
}
