import { CodePipelineClient, GetPipelineCommand, GetPipelineCommandOutput } from '@aws-sdk/client-codepipeline';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { DEPLOY_STAGES, DeployStageName, ProjectResourceNames, RELEASE_PIPELINE } from '../app-context/resource-names';
import { CliError } from './errors';

/** Where a stage's endpoint lives, as the model-deploy pipeline deploys it. */
export interface StageLocation {
  readonly stage: DeployStageName;
  /** The region of the stage's deploy action; undefined when it is the pipeline's. */
  readonly region?: string;
  /** The account of the stage's deploy action (from its role); undefined when the pipeline does not say. */
  readonly account?: string;
}

/** The locations of the deploy stages, and the pipeline's own account. */
export interface ReleaseStageLocations {
  /** The account the pipeline (and so the caller's credentials) is in, from its ARN. */
  readonly pipelineAccount?: string;
  /** The partition of the pipeline's ARN (`aws`, `aws-cn`, `aws-us-gov`). */
  readonly pipelinePartition?: string;
  readonly stages: Readonly<Record<DeployStageName, StageLocation>>;
  /** The SNS topic the release approval notifies (its manual approval action's NotificationArn), when it names one. */
  readonly approvalTopicArn?: string;
}

/**
 * A SageMaker client for a stage, in the stage's region and with credentials of its account;
 * `pipelineAccount` is the account of the credentials in use. The caller of the factory destroys the client.
 */
export type StageClientFactory = (location: StageLocation, pipelineAccount: string | undefined) => Promise<SageMakerClient>;

const ACCOUNT_IN_ARN = /^arn:[a-z-]+:[a-z0-9-]*:[a-z0-9-]*:(\d{12}):/;

/**
 * Where the model-deploy pipeline deploys each stage's endpoint stack (the project's
 * `environments.staging` and `environments.prod`): the CloudFormation action that deploys
 * `<project>-<stage>-endpoint` names its region, and its role (in the stage's account, when that
 * is another one) names the account. A pipeline that does not describe a stage (or an answer
 * without a pipeline) leaves it in the pipeline's account and region. The manual approval names
 * the topic the reviewers subscribe to.
 */
export async function findStageLocations(client: CodePipelineClient, names: ProjectResourceNames): Promise<ReleaseStageLocations> {
  const answer: GetPipelineCommandOutput | undefined = await client.send(new GetPipelineCommand({ name: names.modelDeployCodePipeline }));
  const actions = (answer?.pipeline?.stages ?? []).flatMap((stage) => stage.actions ?? []);
  const locate = (stage: DeployStageName): StageLocation => {
    const action = actions.find((candidate) => candidate.actionTypeId?.provider === 'CloudFormation'
      && candidate.configuration?.StackName === names.endpointStack(stage));
    const account = accountOf(action?.roleArn) ?? accountOf(action?.configuration?.RoleArn);
    return { stage, ...(action?.region ? { region: action.region } : {}), ...(account ? { account } : {}) };
  };
  const pipelineAccount = accountOf(answer?.metadata?.pipelineArn);
  const pipelinePartition = /^arn:([a-z-]+):/.exec(answer?.metadata?.pipelineArn ?? '')?.[1];
  const approvalTopicArn = actions.find((action) => action.name === RELEASE_PIPELINE.approvalAction && action.actionTypeId?.provider === 'Manual')
    ?.configuration?.NotificationArn;
  return {
    ...(pipelineAccount ? { pipelineAccount } : {}),
    ...(pipelinePartition ? { pipelinePartition } : {}),
    ...(approvalTopicArn ? { approvalTopicArn } : {}),
    stages: Object.fromEntries(DEPLOY_STAGES.map((stage) => [stage, locate(stage)])) as Record<DeployStageName, StageLocation>,
  };
}

/**
 * Checks that a stage in another account than the pipeline's has its own credentials (`profile`):
 * without them its endpoint would be looked up in the wrong account and seem missing.
 *
 * @throws CliError naming the stage, both accounts and the option that gives the credentials
 */
export function checkStageCredentials(
  location: StageLocation,
  pipelineAccount: string | undefined,
  profile: string | undefined,
  purpose = `to compare the release with what ${location.stage} serves`,
): void {
  const { stage, account, region } = location;
  if (account !== undefined && pipelineAccount !== undefined && account !== pipelineAccount && profile === undefined) {
    throw new CliError(
      `the ${stage} endpoint is in account ${account}${region ? ` (region ${region})` : ''}, the credentials in use are of account ${pipelineAccount} (the pipeline's): ` +
      `pass --${stage}-profile <a profile of account ${account}> ${purpose}`,
    );
  }
}

function accountOf(arn: string | undefined): string | undefined {
  return arn === undefined ? undefined : ACCOUNT_IN_ARN.exec(arn)?.[1];
}
