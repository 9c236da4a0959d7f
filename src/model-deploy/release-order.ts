import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as pipelines from 'aws-cdk-lib/pipelines';
import { ProjectConfig } from '../config';
import { BUILD_ENV } from '../constructs';
import { RELEASE_TOOLS_DIR, releaseToolsCommand } from '../constructs/release-tools';
import { resourceNamesOf } from '../app-context/resource-names';

/** The shadow phase's first action: no older release may still hold production. */
export const RELEASE_ORDER_ACTION = 'CheckReleaseOrder';

export interface ReleaseOrderStepProps {
  readonly config: ProjectConfig;
  /** The stage the step runs in (the shadow phase's). */
  readonly stage: string;
  readonly input: pipelines.IFileSetProducer;
  /** The synth step's release tools bundle. */
  readonly tools: pipelines.FileSet;
}

/**
 * Fails the stage while an older execution of the pipeline is in flight (`release-order-check`).
 * The shadow phase deploys the production stack. In SUPERSEDED mode a newer execution may run it
 * while an older one holds the Prod stage ("How pipeline executions work", AWS CodePipeline User
 * Guide): waiting at ApproveRelease, whose reviewers would then judge a comparison against what
 * production no longer serves, or deploying, where two updates of one stack collide
 * (CloudFormation refuses an update while one is in progress). Retrying the stage after that
 * release is decided runs the shadow phase against what production then serves.
 */
export function releaseOrderStep(scope: Stack, props: ReleaseOrderStepProps): pipelines.CodeBuildStep {
  const pipelineName = resourceNamesOf(props.config).modelDeployCodePipeline;
  return new pipelines.CodeBuildStep(RELEASE_ORDER_ACTION, {
    input: props.input,
    additionalInputs: { [RELEASE_TOOLS_DIR]: props.tools },
    env: BUILD_ENV,
    commands: [releaseToolsCommand(RELEASE_TOOLS_DIR, `release-order-check --pipeline ${pipelineName} --stage ${props.stage}`)],
    rolePolicyStatements: [new iam.PolicyStatement({
      actions: ['codepipeline:GetPipelineState', 'codepipeline:ListPipelineExecutions'],
      resources: [scope.formatArn({ service: 'codepipeline', resource: pipelineName, arnFormat: ArnFormat.NO_RESOURCE_NAME })],
    })],
  });
}
