import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as pipelines from 'aws-cdk-lib/pipelines';
import { ProjectConfig } from '../config';
import { BUILD_ENV } from '../constructs';
import { RELEASE_TOOLS_DIR, releaseToolsCommand } from '../constructs/release-tools';
import { resourceNamesOf } from '../app-context/resource-names';
import { LIVE_MODEL_FILE } from '../app-context/resolved-model';
import { RELEASE_INPUT_DIR } from './release-checks';
import { endpointName } from './endpoint-stack';
import { liveModelReadStatements } from './shadow-release';

/** The shadow phase's first action: no older release may still hold production. */
export const RELEASE_ORDER_ACTION = 'CheckReleaseOrder';

export interface ReleaseOrderStepProps {
  readonly config: ProjectConfig;
  /** The stage the step runs in (the shadow phase's). */
  readonly stage: string;
  readonly input: pipelines.IFileSetProducer;
  /** The synth step's output, with the live model it resolved. */
  readonly release: pipelines.IFileSetProducer;
  /** The synth step's release tools bundle. */
  readonly tools: pipelines.FileSet;
}

/**
 * Fails the stage while an older execution of the pipeline is in flight (`release-order-check`).
 * The shadow phase deploys the production stack. In SUPERSEDED mode a newer execution may run it
 * while an older one holds the Prod stage ("How pipeline executions work", AWS CodePipeline User
 * Guide): waiting at ApproveRelease, whose reviewers would then judge a comparison against what
 * production no longer serves, or deploying, where two updates of one stack collide
 * (CloudFormation refuses an update while one is in progress). It also fails when production no
 * longer serves the live model this execution resolved at its synth (an older release deployed
 * since, and this stage is retried): the shadow template would put that version back. A new
 * execution resolves the live model again.
 */
export function releaseOrderStep(scope: Stack, props: ReleaseOrderStepProps): pipelines.CodeBuildStep {
  const pipelineName = resourceNamesOf(props.config).modelDeployCodePipeline;
  const endpoint = endpointName(props.config, 'prod');
  const args = `--pipeline ${pipelineName} --stage ${props.stage} --live-model ${RELEASE_INPUT_DIR}/${LIVE_MODEL_FILE} --endpoint ${endpoint}`;
  return new pipelines.CodeBuildStep(RELEASE_ORDER_ACTION, {
    input: props.input,
    additionalInputs: { [RELEASE_INPUT_DIR]: props.release, [RELEASE_TOOLS_DIR]: props.tools },
    env: BUILD_ENV,
    commands: [releaseToolsCommand(RELEASE_TOOLS_DIR, `release-order-check ${args}`)],
    rolePolicyStatements: [
      new iam.PolicyStatement({
        actions: ['codepipeline:GetPipelineState', 'codepipeline:ListPipelineExecutions'],
        resources: [scope.formatArn({ service: 'codepipeline', resource: pipelineName, arnFormat: ArnFormat.NO_RESOURCE_NAME })],
      }),
      // What production serves now: a shadow release's production is in the pipeline's account and region.
      new iam.PolicyStatement({ actions: ['sagemaker:DescribeEndpoint'], resources: [scope.formatArn({ service: 'sagemaker', resource: 'endpoint', resourceName: endpoint.toLowerCase() })] }),
      ...liveModelReadStatements(scope),
    ],
  });
}
