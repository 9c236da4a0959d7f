import {
  ActionExecutionStatus,
  ActionState,
  CodePipelineClient,
  GetPipelineCommand,
  GetPipelineStateCommand,
  GetPipelineStateCommandOutput,
  StageExecutionStatus,
  StageState,
} from '@aws-sdk/client-codepipeline';
import { DescribeModelPackageGroupCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { DEPLOY_STAGES, DeployStageName, ProjectResourceNames } from '../app-context/resource-names';
import { EndpointModel, describeEndpointModel } from './endpoint-model';
import { CliError, isNotFound } from './errors';
import { DeployedVersion, findDeployedVersion } from './model-approval';
import { StageClientFactory, findStageLocations } from './release-stages';
import { StageAlerts, SubscriptionReader, readStageAlerts } from './stage-alerts';
import type { TopicSubscription } from './topic-subscriptions';

/** One action of a CodePipeline stage, as its latest execution left it. */
export interface PipelineActionStatus {
  readonly name: string;
  /** The latest execution's status; undefined when the action never ran. */
  readonly status?: ActionExecutionStatus;
  /** When the status last changed (ISO 8601). */
  readonly lastStatusChange?: string;
  /** The execution's summary (for an approval: the reviewer's comment). */
  readonly summary?: string;
  /** The error of a failed execution. */
  readonly errorMessage?: string;
}

/** One stage of a CodePipeline with its latest execution. */
export interface PipelineStageStatus {
  readonly name: string;
  /** The latest execution's status; undefined when the stage never ran. */
  readonly status?: StageExecutionStatus;
  /** The pipeline execution the stage last ran in. */
  readonly pipelineExecutionId?: string;
  /** The newest status change of its actions (ISO 8601). */
  readonly lastStatusChange?: string;
  /** Why the transition into the stage is disabled, when someone disabled it. */
  readonly transitionDisabled?: string;
  readonly actions: PipelineActionStatus[];
}

/** A manual approval that waits for a reviewer. The approval token is left out on purpose: it is a credential of sorts. */
export interface PendingApproval {
  readonly pipelineName: string;
  readonly stageName: string;
  readonly actionName: string;
  /** Since when it waits (ISO 8601). */
  readonly since?: string;
  /** The pipeline execution that waits. */
  readonly pipelineExecutionId?: string;
}

/** A CodePipeline's stages and the approvals it waits for; `deployed: false` when the pipeline does not exist. */
export interface CodePipelineStatus {
  readonly pipelineName: string;
  readonly deployed: boolean;
  readonly stages: PipelineStageStatus[];
  readonly pendingApprovals: PendingApproval[];
}

/**
 * A deploy stage's endpoint: not deployed (or, with `unread`, not looked up: why and how to read
 * it), or its status and the model version it serves.
 */
export type StageEndpoint =
  | { readonly stage: DeployStageName; readonly endpointName: string; readonly deployed: false; readonly unread?: string }
  | ({ readonly stage: DeployStageName; readonly deployed: true } & EndpointModel);

/** The project's model package group and the version model-deploy deploys from it. */
export interface RegistryStatus {
  readonly modelPackageGroupName: string;
  /** False when the group does not exist (yet): the model-build stack creates it. */
  readonly exists: boolean;
  /** The newest approved version: what the model-deploy pipeline deploys on its next run. */
  readonly newestApproved?: DeployedVersion;
}

/** What `status` reports for a project. */
export interface ProjectStatus {
  readonly projectName: string;
  readonly region: string;
  /** The model-build CodePipeline. */
  readonly modelBuild: CodePipelineStatus;
  /** The model-deploy CodePipeline. */
  readonly modelDeploy: CodePipelineStatus;
  /** One entry per deploy stage, in release order. */
  readonly endpoints: StageEndpoint[];
  readonly registry: RegistryStatus;
  /** Who the release approval notifies: its topic and subscriptions (read when the model-deploy pipeline names the topic and a reader is given). */
  readonly reviewers?: { readonly topicArn: string; readonly subscriptions: TopicSubscription[] };
  /**
   * Who hears of a failed model-build stage (buildFailureEmails): the topic of the model-build pipeline's account and
   * region and its subscriptions, or `missing` when a pipeline deployed by an older toolkit has no such topic (read
   * when the model-build pipeline is deployed and a reader is given).
   */
  readonly buildFailures?: { readonly topicArn: string; readonly subscriptions: TopicSubscription[]; readonly missing?: true };
  /** Who each stage's alarms notify (read when the model-deploy pipeline is deployed and a reader is given; stages without the topic left out). */
  readonly alerts?: StageAlerts[];
}

export type { SubscriptionReader } from './stage-alerts';

/**
 * The state of a project: both CodePipelines' stages with their latest executions and pending
 * manual approvals, each deploy stage's endpoint with the model version it serves, and the
 * newest approved version of the model package group. Missing pipelines, endpoints and group
 * are reported as such; other errors (access denied, ...) are thrown.
 *
 * With `stageClient`, each endpoint is looked up where the deployed model-deploy pipeline deploys
 * it (`findStageLocations`: the stage's region and account): a stage the factory refuses with a
 * CliError (its account's credentials are missing) is reported `unread` with that message. Without
 * it, or before the pipeline exists, both endpoints are looked up with `sageMaker`. With
 * `subscriptions`, the release approval topic's subscriptions are read too.
 */
export async function getProjectStatus(
  codePipeline: CodePipelineClient,
  sageMaker: SageMakerClient,
  names: ProjectResourceNames,
  stageClient?: StageClientFactory,
  subscriptions?: SubscriptionReader,
): Promise<ProjectStatus> {
  const [region, modelBuild, modelDeploy, registry] = await Promise.all([
    codePipeline.config.region(),
    getPipelineStatus(codePipeline, names.modelBuildCodePipeline),
    getPipelineStatus(codePipeline, names.modelDeployCodePipeline),
    registryStatus(sageMaker, names.modelPackageGroup),
  ]);
  const found = (stageClient || subscriptions) && modelDeploy.deployed ? await findStageLocations(codePipeline, names) : undefined;
  const topicArn = found?.approvalTopicArn;
  const reviewers = subscriptions && topicArn ? { topicArn, subscriptions: await subscriptions(topicArn) } : undefined;
  const buildFailures = subscriptions && modelBuild.deployed ? await readBuildFailureTopic(codePipeline, names, subscriptions) : undefined;
  const alerts = subscriptions && found ? await readStageAlerts(names, found, region, subscriptions) : undefined;
  const endpoints = await Promise.all(DEPLOY_STAGES.map(async (stage): Promise<StageEndpoint> => {
    const location = found?.stages[stage];
    if (!stageClient || !location || (location.region === undefined && location.account === undefined)) {
      return describeStageEndpoint(sageMaker, names, stage);
    }
    let client: SageMakerClient;
    try {
      client = await stageClient(location, found!.pipelineAccount);
    } catch (err) {
      if (err instanceof CliError) {
        return { stage, endpointName: names.endpoint(stage), deployed: false, unread: err.message };
      }
      throw err;
    }
    try {
      return await describeStageEndpoint(client, names, stage);
    } finally {
      client.destroy();
    }
  }));
  return {
    projectName: names.projectName, region, modelBuild, modelDeploy, endpoints, registry, ...(reviewers ? { reviewers } : {}), ...(buildFailures ? { buildFailures } : {}),
    ...(alerts && alerts.length > 0 ? { alerts } : {}),
  };
}

/**
 * The subscriptions of the topic `<project>-model-build-failures`, which the model-build pipeline stack creates in the
 * pipeline's account and region (read from the pipeline's ARN, GetPipeline's metadata); `missing` when SNS has no such
 * topic (ListSubscriptionsByTopic: NotFoundException), undefined when the pipeline's ARN is not known.
 */
async function readBuildFailureTopic(client: CodePipelineClient, names: ProjectResourceNames, subscriptions: SubscriptionReader): Promise<ProjectStatus['buildFailures']> {
  const answer = await client.send(new GetPipelineCommand({ name: names.modelBuildCodePipeline }));
  const arn = /^arn:([a-z-]+):codepipeline:([a-z0-9-]+):(\d{12}):/.exec(answer?.metadata?.pipelineArn ?? '');
  if (!arn) {
    return undefined;
  }
  const topicArn = `arn:${arn[1]}:sns:${arn[2]}:${arn[3]}:${names.buildFailureTopic}`;
  try {
    return { topicArn, subscriptions: await subscriptions(topicArn) };
  } catch (err) {
    if ((err as Error | undefined)?.name === 'NotFoundException') {
      return { topicArn, subscriptions: [], missing: true };
    }
    throw err;
  }
}

/** A CodePipeline's stages with their latest executions and its pending manual approvals; `deployed: false` when it does not exist. */
export async function getPipelineStatus(client: CodePipelineClient, pipelineName: string): Promise<CodePipelineStatus> {
  const state = await readPipelineState(client, pipelineName);
  if (!state) {
    return { pipelineName, deployed: false, stages: [], pendingApprovals: [] };
  }
  const stageStates = state.stageStates ?? [];
  return {
    pipelineName,
    deployed: true,
    stages: stageStates.map(toStageStatus),
    pendingApprovals: stageStates.flatMap((stage) => pendingApprovalsOf(pipelineName, stage)),
  };
}

/**
 * GetPipelineState, or undefined when the pipeline does not exist in the client's account and region.
 */
export async function readPipelineState(client: CodePipelineClient, pipelineName: string): Promise<GetPipelineStateCommandOutput | undefined> {
  try {
    return await client.send(new GetPipelineStateCommand({ name: pipelineName }));
  } catch (err) {
    if ((err as Error | undefined)?.name === 'PipelineNotFoundException') {
      return undefined;
    }
    throw err;
  }
}

/**
 * Whether an action waits for a reviewer: its latest execution is in progress and carries an
 * approval token (only manual approvals have one).
 */
export function isPendingApproval(action: ActionState): boolean {
  return action.latestExecution?.status === 'InProgress' && !!action.latestExecution.token;
}

function pendingApprovalsOf(pipelineName: string, stage: StageState): PendingApproval[] {
  return (stage.actionStates ?? []).filter(isPendingApproval).map((action) => withoutUndefined({
    pipelineName,
    stageName: stage.stageName ?? 'unnamed',
    actionName: action.actionName ?? 'unnamed',
    since: action.latestExecution?.lastStatusChange?.toISOString(),
    pipelineExecutionId: stage.latestExecution?.pipelineExecutionId,
  }));
}

function toStageStatus(stage: StageState): PipelineStageStatus {
  const actions = (stage.actionStates ?? []).map(toActionStatus);
  const changes = actions.map((action) => action.lastStatusChange).filter((time): time is string => time !== undefined).sort();
  const transition = stage.inboundTransitionState;
  return withoutUndefined({
    name: stage.stageName ?? 'unnamed',
    status: stage.latestExecution?.status,
    pipelineExecutionId: stage.latestExecution?.pipelineExecutionId,
    lastStatusChange: changes[changes.length - 1],
    transitionDisabled: transition?.enabled === false ? transition.disabledReason || 'no reason given' : undefined,
    actions,
  });
}

function toActionStatus(action: ActionState): PipelineActionStatus {
  const execution = action.latestExecution;
  return withoutUndefined({
    name: action.actionName ?? 'unnamed',
    status: execution?.status,
    lastStatusChange: execution?.lastStatusChange?.toISOString(),
    summary: execution?.summary || undefined,
    errorMessage: execution?.errorDetails?.message || undefined,
  });
}

/** A deploy stage's endpoint: its status and the model version it serves, or `deployed: false`. */
export async function describeStageEndpoint(client: SageMakerClient, names: ProjectResourceNames, stage: DeployStageName): Promise<StageEndpoint> {
  const endpointName = names.endpoint(stage);
  const endpoint = await describeEndpointModel(client, endpointName);
  return endpoint ? { stage, deployed: true, ...endpoint } : { stage, endpointName, deployed: false };
}

async function registryStatus(client: SageMakerClient, groupName: string): Promise<RegistryStatus> {
  try {
    await client.send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: groupName }));
  } catch (err) {
    if (isNotFound(err)) {
      return { modelPackageGroupName: groupName, exists: false };
    }
    throw err;
  }
  const newestApproved = await findDeployedVersion(client, groupName);
  return withoutUndefined({ modelPackageGroupName: groupName, exists: true, newestApproved });
}

/** The object without its undefined fields, so they do not show up as keys (in tests and JSON alike). */
function withoutUndefined<T extends object>(values: T): T {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as T;
}
