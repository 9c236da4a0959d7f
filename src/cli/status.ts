import { CodePipelineClient } from '@aws-sdk/client-codepipeline';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { SNSClient } from '@aws-sdk/client-sns';
import { Command } from 'commander';
import {
  AwsClientOptions,
  CodePipelineStatus,
  EndpointCapacity,
  ProjectStatus,
  StageClientFactory,
  StageEndpoint,
  SubscriptionReader,
  checkStageCredentials,
  createAwsClient,
  formatServedModel,
  formatTimestamp,
  getProjectStatus,
} from '../aws';
import { TopicSubscription, listTopicSubscriptions } from '../aws/topic-subscriptions';
import { awsClientOptions } from './base-program';
import { ProjectResourceNames, RELEASE_PIPELINE } from '../app-context/resource-names';
import { parseGroupName, parseProjectName } from './option-parsers';
import { GlobalOptions, Output } from './output';
import { formatTable } from './text-table';

/** What `status` needs from outside; tests inject clients. */
export interface StatusDeps {
  /**
   * Builds the CodePipeline client from the global `--region` and `--profile`.
   * @default - `createAwsClient(CodePipelineClient, options)`
   */
  readonly codePipelineClient?: (options: AwsClientOptions) => Promise<CodePipelineClient>;
  /**
   * Builds the SageMaker client from the global `--region` and `--profile`.
   * @default - `createAwsClient(SageMakerClient, options)`
   */
  readonly sageMakerClient?: (options: AwsClientOptions) => Promise<SageMakerClient>;
  /**
   * Builds the SNS client (the release approval topic's subscriptions) from the global `--profile` and the topic's region.
   * @default - `createAwsClient(SNSClient, options)`
   */
  readonly snsClient?: (options: AwsClientOptions) => Promise<SNSClient>;
}

interface StatusOptions {
  readonly project: string;
  readonly group?: string;
  readonly stagingProfile?: string;
  readonly prodProfile?: string;
}

/**
 * `status --project <name> [--group <name>]`: both CodePipelines' stages with their latest
 * execution, the manual approvals that wait, who the release approval and a failed model-build stage email (an
 * address that has not confirmed its subscription gets nothing), each stage's endpoint with the model version it
 * serves, and the newest approved version of the model package group.
 */
export function statusCommand(output: Output, deps: StatusDeps = {}): Command {
  const codePipelineClient = deps.codePipelineClient ?? ((options: AwsClientOptions) => createAwsClient(CodePipelineClient, options));
  const sageMakerClient = deps.sageMakerClient ?? ((options: AwsClientOptions) => createAwsClient(SageMakerClient, options));
  const snsClient = deps.snsClient ?? ((options: AwsClientOptions) => createAwsClient(SNSClient, options));
  return new Command('status')
    .description('show a project\'s CodePipelines (stages, pending approvals), its endpoints with the model version they serve, and the newest approved version')
    .requiredOption('--project <name>', 'the project name (projectName in .projenrc.ts)', parseProjectName)
    .option('--group <name>', 'the model package group (default: the project name)', parseGroupName)
    .option('--staging-profile <name>', 'the AWS profile to read the staging endpoint with, when staging is in another account than the pipeline')
    .option('--prod-profile <name>', 'the AWS profile to read the production endpoint with, when production is in another account than the pipeline')
    .action(async function (this: Command, opts: StatusOptions) {
      const { json } = this.optsWithGlobals<GlobalOptions>();
      const clientOptions = awsClientOptions(this);
      const names = new ProjectResourceNames(opts.project, opts.group);
      const codePipeline = await codePipelineClient(clientOptions);
      // Each endpoint is read where the pipeline deploys it: its stage's region, with its account's profile.
      const stageClient: StageClientFactory = async (location, pipelineAccount) => {
        const stageProfile = location.stage === 'staging' ? opts.stagingProfile : opts.prodProfile;
        checkStageCredentials(location, pipelineAccount, stageProfile, 'to read it');
        return sageMakerClient({ region: location.region ?? clientOptions.region, profile: stageProfile ?? clientOptions.profile });
      };
      // A topic is read in its own region (its ARN's fourth field), in the pipeline's account, or a stage's with its profile.
      const subscriptions: SubscriptionReader = async (topicArn, stage) => {
        let profile = clientOptions.profile;
        if (stage) {
          const stageProfile = stage.location.stage === 'staging' ? opts.stagingProfile : opts.prodProfile;
          checkStageCredentials(stage.location, stage.pipelineAccount, stageProfile, 'to read its alert topic');
          profile = stageProfile ?? profile;
        }
        const sns = await snsClient({ ...clientOptions, profile, region: topicArn.split(':')[3] || clientOptions.region });
        try {
          return await listTopicSubscriptions(sns, topicArn);
        } finally {
          sns.destroy();
        }
      };
      let status: ProjectStatus;
      try {
        const sageMaker = await sageMakerClient(clientOptions);
        try {
          status = await getProjectStatus(codePipeline, sageMaker, names, stageClient, subscriptions);
        } finally {
          sageMaker.destroy();
        }
      } finally {
        codePipeline.destroy();
      }
      output.result(json ? status : formatProjectStatus(status, names).join('\n'), json);
    });
}

/** The report for people: one section per pipeline, then the endpoints and the registry. */
function formatProjectStatus(status: ProjectStatus, names: ProjectResourceNames): string[] {
  return [
    `project ${status.projectName} in ${status.region}`,
    '',
    ...formatPipeline('model-build', status.modelBuild, status.region, names.modelBuildPipelineStack, names),
    ...formatBuildFailures(status),
    '',
    ...formatPipeline('model-deploy', status.modelDeploy, status.region, names.modelDeployPipelineStack, names),
    ...formatReviewers(status),
    '',
    ...formatEndpoints(status.endpoints),
    ...formatStageAlerts(status),
    '',
    formatRegistry(status),
  ];
}

function formatPipeline(kind: string, pipeline: CodePipelineStatus, region: string, stack: string, names: ProjectResourceNames): string[] {
  const title = `${kind} pipeline ${pipeline.pipelineName}`;
  if (!pipeline.deployed) {
    return [`${title}: not deployed in ${region} (deploy it with npx cdk deploy ${stack} in the ${kind} repository)`];
  }
  const rows = pipeline.stages.map((stage) => [stage.name, stage.status ?? 'not run yet', formatTimestamp(stage.lastStatusChange), stage.pipelineExecutionId ?? '-']);
  const notes = pipeline.stages.flatMap((stage) => [
    ...(stage.transitionDisabled ? [`  transition into ${stage.name} is disabled: ${stage.transitionDisabled}`] : []),
    ...stage.actions.filter((action) => action.status === 'Failed').map((action) =>
      `  ${stage.name}/${action.name} failed: ${action.errorMessage ?? action.summary ?? 'no error message'}`),
  ]);
  const approvals = pipeline.pendingApprovals.map((approval) => {
    const since = approval.since ? ` since ${formatTimestamp(approval.since)}` : '';
    const isRelease = pipeline.pipelineName === names.modelDeployCodePipeline
      && approval.stageName === RELEASE_PIPELINE.prodStage && approval.actionName === RELEASE_PIPELINE.approvalAction;
    const how = isRelease ? `: sagemaker-gitops approve-release --project ${names.projectName} --comment "<why>" (or reject-release)` : '';
    return `  waiting for approval: ${approval.stageName}/${approval.actionName}${since}${how}`;
  });
  return [
    title,
    ...(rows.length === 0 ? ['  it has no stages'] : formatTable(['stage', 'status', 'last change', 'execution'], rows).map((line) => `  ${line}`)),
    ...notes,
    ...approvals,
  ];
}

/** Who the release approval emails: every subscription, and what to do about one that receives nothing. */
function formatReviewers({ reviewers }: ProjectStatus): string[] {
  return reviewers ? formatSubscribers('release approvals notify', reviewers, 'when a model version or a release waits (release.reviewerEmails)') : [];
}

/** Who a failed model-build stage emails; for a pipeline whose stack predates the topic, how to get one. */
function formatBuildFailures({ buildFailures }: ProjectStatus): string[] {
  if (!buildFailures) {
    return [];
  }
  if (buildFailures.missing) {
    return [`  failed stages notify nobody: ${buildFailures.topicArn} does not exist (the pipeline stack predates it: push the model-build repository regenerated by \`npx projen\`)`];
  }
  return formatSubscribers('failed stages notify', buildFailures, 'when a stage fails (buildFailureEmails)');
}

/** Who each stage's alarms email, or why that was not read. */
function formatStageAlerts({ alerts }: ProjectStatus): string[] {
  return (alerts ?? []).flatMap((topic) => (topic.unread
    ? [`  ${topic.stage} alarms notify ${topic.topicArn}: not read: ${topic.unread}`]
    : formatSubscribers(`${topic.stage} alarms notify`, topic, `when an alarm of the ${topic.stage} endpoint goes off (release.alertEmails)`)));
}

/** A topic's subscriptions, each confirmed or not, or that nobody is emailed `when`. */
function formatSubscribers(what: string, topic: { readonly topicArn: string; readonly subscriptions: readonly TopicSubscription[] }, when: string): string[] {
  if (topic.subscriptions.length === 0) {
    return [`  ${what} ${topic.topicArn}, which has no subscriber: nobody is emailed ${when}`];
  }
  return [
    `  ${what} ${topic.topicArn}:`,
    ...topic.subscriptions.map((s) => `    ${s.endpoint} (${s.protocol}): ${s.state === 'confirmed'
      ? 'confirmed'
      : 'pending confirmation: it receives nothing until the link in the confirmation email SNS sent is followed'}`),
  ];
}

function formatEndpoints(endpoints: readonly StageEndpoint[]): string[] {
  const rows = endpoints.map((endpoint) => endpoint.deployed
    ? [endpoint.stage, endpoint.endpointName, endpoint.status, endpoint.capacity ? formatCapacity(endpoint.capacity) : '-', formatServedModel(endpoint.model)]
    : [endpoint.stage, endpoint.endpointName, endpoint.unread ? 'not read' : 'not deployed', '-', '-']);
  const notes = endpoints.flatMap((endpoint) => {
    if (!endpoint.deployed) {
      return endpoint.unread ? [`  ${endpoint.unread}`] : [];
    }
    return [
      ...(endpoint.failureReason ? [`  ${endpoint.stage} endpoint ${endpoint.status === 'Failed' ? 'failed' : 'reports'}: ${endpoint.failureReason}`] : []),
      ...(endpoint.pendingEndpointConfigName ? [`  ${endpoint.stage} endpoint is deploying endpoint configuration ${endpoint.pendingEndpointConfigName}`] : []),
    ];
  });
  return ['endpoints', ...formatTable(['stage', 'endpoint', 'status', 'capacity', 'model'], rows).map((line) => `  ${line}`), ...notes];
}

function formatCapacity(capacity: EndpointCapacity): string {
  if (capacity.type === 'serverless') {
    return `serverless ${capacity.memorySizeInMb ?? '?'} MB, max concurrency ${capacity.maxConcurrency ?? '?'}`;
  }
  return `${capacity.instanceCount ?? '?'} x ${capacity.instanceType ?? 'unknown instance type'}`;
}

function formatRegistry({ registry }: ProjectStatus): string {
  const group = registry.modelPackageGroupName;
  if (!registry.exists) {
    return `model registry: group ${group} does not exist (the model-build stack creates it; pass --group if the project uses another group)`;
  }
  return registry.newestApproved
    ? `model registry: group ${group}; newest approved version ${registry.newestApproved.version}, what model-deploy deploys on its next run`
    : `model registry: group ${group} has no approved version: model-deploy deploys nothing until one is approved`;
}
