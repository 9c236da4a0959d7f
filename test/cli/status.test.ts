import { CodePipelineClient, GetPipelineCommand, GetPipelineStateCommand, PipelineNotFoundException } from '@aws-sdk/client-codepipeline';
import {
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  DescribeModelCommand,
  DescribeModelPackageCommand,
  DescribeModelPackageGroupCommand,
  ListModelPackagesCommand,
  SageMakerClient,
  SageMakerServiceException,
} from '@aws-sdk/client-sagemaker';
import { ListSubscriptionsByTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { AwsClientOptions } from '../../src/aws';
import { CliDeps, runCli } from '../../src/cli';
import { captureOutput as capture, withStderr } from '../helpers/cli-output';
import { pipelineDeployingStages } from '../helpers/stage-locations';

const cp = mockClient(CodePipelineClient);
const sm = mockClient(SageMakerClient);
const sns = mockClient(SNSClient);

const PROJECT = 'churn';
const packageArn = (version: number) => `arn:aws:sagemaker:eu-west-1:123456789012:model-package/${PROJECT}/${version}`;
const T0 = new Date('2025-03-04T05:06:07.000Z');
const T1 = new Date('2025-03-04T06:00:00.000Z');

/** Clients in eu-west-1 (no region lookup on disk); records the options the command asked for. */
function deps(): CliDeps & { requested: Array<[string, AwsClientOptions]> } {
  const requested: Array<[string, AwsClientOptions]> = [];
  return {
    requested,
    codePipelineClient: async (options) => {
      requested.push(['codepipeline', options]);
      return new CodePipelineClient({ region: 'eu-west-1' });
    },
    sageMakerClient: async (options) => {
      requested.push(['sagemaker', options]);
      return new SageMakerClient({ region: 'eu-west-1' });
    },
    snsClient: async (options) => {
      requested.push(['sns', options]);
      return new SNSClient({ region: options.region ?? 'eu-west-1' });
    },
  };
}

async function run(argv: string[], injected: CliDeps = deps()) {
  const out = capture();
  const code = await runCli(argv, out, injected);
  return { code, out };
}

/** The usage errors commander writes to stderr. */
async function usageError(argv: string[]): Promise<{ code: number; stderr: string }> {
  const { value, stderr } = await withStderr(() => run(argv));
  return { code: value.code, stderr };
}

function serviceError(name: string, message: string): SageMakerServiceException {
  return new SageMakerServiceException({ name, message, $fault: 'client', $metadata: {} });
}

function endpointServes(endpoint: string, version: number, auc: string, described: Record<string, unknown> = {}): void {
  sm.on(DescribeEndpointCommand, { EndpointName: endpoint }).resolves({
    EndpointName: endpoint, EndpointArn: `arn:${endpoint}`, EndpointConfigName: `${endpoint}-config`, EndpointStatus: 'InService', CreationTime: T0, LastModifiedTime: T0, ...described,
  });
  sm.on(DescribeEndpointConfigCommand, { EndpointConfigName: `${endpoint}-config` }).resolves({
    EndpointConfigName: `${endpoint}-config`,
    ProductionVariants: [endpoint.endsWith('staging')
      ? { VariantName: 'AllTraffic', ModelName: `${endpoint}-model`, ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5 } }
      : { VariantName: 'AllTraffic', ModelName: `${endpoint}-model`, InstanceType: 'ml.m5.large', InitialInstanceCount: 2 }],
  });
  sm.on(DescribeModelCommand, { ModelName: `${endpoint}-model` }).resolves({ ModelName: `${endpoint}-model`, Containers: [{ ModelPackageName: packageArn(version) }] });
  sm.on(DescribeModelPackageCommand, { ModelPackageName: packageArn(version) }).resolves({
    ModelPackageArn: packageArn(version), ModelPackageGroupName: PROJECT, ModelPackageVersion: version, ModelApprovalStatus: 'Approved', CustomerMetadataProperties: { auc },
  });
}

function endpointMissing(endpoint: string): void {
  sm.on(DescribeEndpointCommand, { EndpointName: endpoint }).rejects(serviceError('ValidationException', `Could not find endpoint "${endpoint}".`));
}

function registry(newestApproved?: number): void {
  sm.on(DescribeModelPackageGroupCommand).resolves({ ModelPackageGroupName: PROJECT });
  sm.on(ListModelPackagesCommand).resolves({
    ModelPackageSummaryList: newestApproved === undefined ? [] : [{ ModelPackageArn: packageArn(newestApproved), ModelPackageGroupName: PROJECT, ModelPackageVersion: newestApproved, CreationTime: T0, ModelPackageStatus: 'Completed' }],
  });
}

function modelBuildSucceeded(): void {
  cp.on(GetPipelineStateCommand, { name: 'churn-model-build' }).resolves({
    stageStates: [
      { stageName: 'Source', latestExecution: { pipelineExecutionId: 'b-1', status: 'Succeeded' }, actionStates: [{ actionName: 'Source', latestExecution: { status: 'Succeeded', lastStatusChange: T0 } }] },
      { stageName: 'Build', latestExecution: { pipelineExecutionId: 'b-1', status: 'Failed' }, actionStates: [{ actionName: 'Synth', latestExecution: { status: 'Failed', lastStatusChange: T1, errorDetails: { code: 'JobFailed', message: 'Build terminated with state: FAILED' } } }] },
    ],
  });
}

function modelDeployWaiting(): void {
  cp.on(GetPipelineStateCommand, { name: 'churn-model-deploy' }).resolves({
    stageStates: [
      { stageName: 'Source', latestExecution: { pipelineExecutionId: 'd-2', status: 'Succeeded' }, actionStates: [{ actionName: 'Source', latestExecution: { status: 'Succeeded', lastStatusChange: T0 } }] },
      { stageName: 'Staging', latestExecution: { pipelineExecutionId: 'd-2', status: 'Succeeded' }, actionStates: [{ actionName: 'TestStaging', latestExecution: { status: 'Succeeded', lastStatusChange: T0 } }] },
      {
        stageName: 'Prod',
        latestExecution: { pipelineExecutionId: 'd-2', status: 'InProgress' },
        inboundTransitionState: { enabled: true },
        actionStates: [{ actionName: 'ApproveRelease', latestExecution: { status: 'InProgress', lastStatusChange: T1, token: 'secret-token-1' } }],
      },
    ],
  });
}

beforeEach(() => {
  cp.reset();
  sm.reset();
  sns.reset();
  // No topic exists unless a test says so (ListSubscriptionsByTopic: NotFoundException), such as a serverless stage's alert topic.
  sns.on(ListSubscriptionsByTopicCommand).rejects(Object.assign(new Error('Topic does not exist'), { name: 'NotFoundException' }));
});

describe('status', () => {
  test('prints both pipelines, the waiting approval, the endpoints and the registry for people', async () => {
    modelBuildSucceeded();
    modelDeployWaiting();
    endpointServes('churn-staging', 7, '0.8123');
    endpointServes('churn-prod', 5, '0.8011', { EndpointStatus: 'Failed', FailureReason: 'ping health check failed' });
    registry(7);
    const injected = deps();

    const { code, out } = await run(['--region', 'eu-west-1', '--profile', 'ml-dev', 'status', '--project', PROJECT], injected);

    expect(code).toBe(0);
    expect(out.infos).toEqual([]);
    expect(injected.requested).toEqual([['codepipeline', { region: 'eu-west-1', profile: 'ml-dev' }], ['sagemaker', { region: 'eu-west-1', profile: 'ml-dev' }]]);
    expect(String(out.results[0]).split('\n')).toEqual([
      'project churn in eu-west-1',
      '',
      'model-build pipeline churn-model-build',
      '  stage   status     last change           execution',
      '  Source  Succeeded  2025-03-04 05:06 UTC  b-1',
      '  Build   Failed     2025-03-04 06:00 UTC  b-1',
      '  Build/Synth failed: Build terminated with state: FAILED',
      '',
      'model-deploy pipeline churn-model-deploy',
      '  stage    status      last change           execution',
      '  Source   Succeeded   2025-03-04 05:06 UTC  d-2',
      '  Staging  Succeeded   2025-03-04 05:06 UTC  d-2',
      '  Prod     InProgress  2025-03-04 06:00 UTC  d-2',
      '  waiting for approval: Prod/ApproveRelease since 2025-03-04 06:00 UTC: sagemaker-gitops approve-release --project churn --comment "<why>" (or reject-release)',
      '',
      'endpoints',
      '  stage    endpoint       status     capacity                               model',
      '  staging  churn-staging  InService  serverless 2048 MB, max concurrency 5  version 7 of churn (AUC 0.8123)',
      '  prod     churn-prod     Failed     2 x ml.m5.large                        version 5 of churn (AUC 0.8011)',
      '  prod endpoint failed: ping health check failed',
      '',
      'model registry: group churn; newest approved version 7, what model-deploy deploys on its next run',
    ]);
    expect(String(out.results[0])).not.toContain('secret-token-1');
    expect(cp).toHaveReceivedCommandWith(GetPipelineStateCommand, { name: 'churn-model-build' });
    expect(cp).toHaveReceivedCommandWith(GetPipelineStateCommand, { name: 'churn-model-deploy' });
    expect(sm).toHaveReceivedCommandWith(DescribeEndpointCommand, { EndpointName: 'churn-staging' });
    expect(sm).toHaveReceivedCommandWith(DescribeEndpointCommand, { EndpointName: 'churn-prod' });
  });

  test('a project with nothing deployed yet: every part says so, exit 0', async () => {
    cp.on(GetPipelineStateCommand).rejects(new PipelineNotFoundException({ message: 'no pipeline', $metadata: {} }));
    endpointMissing('churn-staging');
    endpointMissing('churn-prod');
    sm.on(DescribeModelPackageGroupCommand).rejects(serviceError('ValidationException', 'Model Package Group churn does not exist.'));

    const { code, out } = await run(['status', '--project', PROJECT]);

    expect(code).toBe(0);
    expect(String(out.results[0]).split('\n')).toEqual([
      'project churn in eu-west-1',
      '',
      'model-build pipeline churn-model-build: not deployed in eu-west-1 (deploy it with npx cdk deploy churn-model-build-pipeline in the model-build repository)',
      '',
      'model-deploy pipeline churn-model-deploy: not deployed in eu-west-1 (deploy it with npx cdk deploy churn-model-deploy-pipeline in the model-deploy repository)',
      '',
      'endpoints',
      '  stage    endpoint       status        capacity  model',
      '  staging  churn-staging  not deployed  -         -',
      '  prod     churn-prod     not deployed  -         -',
      '',
      'model registry: group churn does not exist (the model-build stack creates it; pass --group if the project uses another group)',
    ]);
  });

  test('an updating endpoint, a stage that never ran and a group without approved versions', async () => {
    cp.on(GetPipelineStateCommand, { name: 'churn-model-build' }).resolves({ stageStates: [{ stageName: 'Source' }] });
    cp.on(GetPipelineStateCommand, { name: 'churn-model-deploy' }).resolves({ stageStates: [] });
    endpointServes('churn-staging', 7, 'bad', { EndpointStatus: 'Updating', PendingDeploymentSummary: { EndpointConfigName: 'churn-staging-config-8' } });
    endpointMissing('churn-prod');
    registry(undefined);

    const { code, out } = await run(['status', '--project', PROJECT]);

    expect(code).toBe(0);
    const lines = String(out.results[0]).split('\n');
    expect(lines).toContain('  Source  not run yet  -            -');
    expect(lines).toContain('model-deploy pipeline churn-model-deploy');
    expect(lines).toContain('  it has no stages');
    expect(lines).toContain('  staging  churn-staging  Updating      serverless 2048 MB, max concurrency 5  version 7 of churn (AUC not recorded)');
    expect(lines).toContain('  staging endpoint is deploying endpoint configuration churn-staging-config-8');
    expect(lines[lines.length - 1]).toBe('model registry: group churn has no approved version: model-deploy deploys nothing until one is approved');
  });

  test('--json prints one object, without the approval token', async () => {
    modelBuildSucceeded();
    modelDeployWaiting();
    endpointServes('churn-staging', 7, '0.8123');
    endpointMissing('churn-prod');
    registry(7);

    const { code, out } = await run(['--json', 'status', '--project', PROJECT]);

    expect(code).toBe(0);
    expect(out.results).toHaveLength(1);
    const status = out.results[0] as Record<string, any>;
    expect(Object.keys(status)).toEqual(['projectName', 'region', 'modelBuild', 'modelDeploy', 'endpoints', 'registry']);
    expect(status.modelDeploy.pendingApprovals).toEqual([
      { pipelineName: 'churn-model-deploy', stageName: 'Prod', actionName: 'ApproveRelease', since: T1.toISOString(), pipelineExecutionId: 'd-2' },
    ]);
    expect(status.endpoints).toEqual([
      {
        stage: 'staging', deployed: true, endpointName: 'churn-staging', status: 'InService', lastModifiedTime: T0.toISOString(), endpointConfigName: 'churn-staging-config',
        capacity: { type: 'serverless', memorySizeInMb: 2048, maxConcurrency: 5 },
        model: { modelName: 'churn-staging-model', modelPackageArn: packageArn(7), modelPackageGroupName: PROJECT, version: 7, auc: 0.8123, approvalStatus: 'Approved' },
      },
      { stage: 'prod', endpointName: 'churn-prod', deployed: false },
    ]);
    expect(status.registry).toEqual({ modelPackageGroupName: PROJECT, exists: true, newestApproved: { version: 7, arn: packageArn(7) } });
    expect(JSON.stringify(status)).not.toContain('secret-token-1');
  });

  test('--group overrides the model package group', async () => {
    cp.on(GetPipelineStateCommand).resolves({ stageStates: [] });
    endpointMissing('churn-staging');
    endpointMissing('churn-prod');
    registry(3);
    const { code, out } = await run(['--json', 'status', '--project', PROJECT, '--group', 'churn-models']);
    expect(code).toBe(0);
    expect(sm).toHaveReceivedCommandWith(DescribeModelPackageGroupCommand, { ModelPackageGroupName: 'churn-models' });
    expect(sm).toHaveReceivedCommandWith(ListModelPackagesCommand, { ModelPackageGroupName: 'churn-models', ModelApprovalStatus: 'Approved' });
    expect((out.results[0] as Record<string, any>).registry.modelPackageGroupName).toBe('churn-models');
  });

  test('an AWS error other than not-found exits 1 with its message', async () => {
    cp.on(GetPipelineStateCommand).rejects(Object.assign(new Error('User is not authorized to perform: codepipeline:GetPipelineState'), { name: 'AccessDeniedException' }));
    endpointMissing('churn-staging');
    endpointMissing('churn-prod');
    registry(1);
    const { code, out } = await run(['status', '--project', PROJECT]);
    expect(code).toBe(1);
    expect(out.results).toEqual([]);
    expect(out.infos).toEqual(['error: User is not authorized to perform: codepipeline:GetPipelineState']);
  });
});

describe('status reads each endpoint in its stage\'s account and region', () => {
  /** The deployed model-deploy pipeline deploys staging in its own account and production to another account and region. */
  const stagesIn = () => cp.on(GetPipelineCommand, { name: 'churn-model-deploy' }).resolves(pipelineDeployingStages('churn-model-deploy'));

  test('with --prod-profile, production is read in its region with that profile', async () => {
    modelBuildSucceeded();
    modelDeployWaiting();
    stagesIn();
    endpointServes('churn-staging', 7, '0.8123');
    endpointServes('churn-prod', 5, '0.8011');
    registry(7);
    const injected = deps();
    const { code, out } = await run(['--region', 'eu-west-1', 'status', '--project', PROJECT, '--prod-profile', 'prod-account'], injected);
    expect(code).toBe(0);
    // The registry with the pipeline's credentials and region; each endpoint where the pipeline deploys it.
    expect(injected.requested.filter(([service]) => service === 'sagemaker')).toEqual([
      ['sagemaker', { region: 'eu-west-1' }],
      ['sagemaker', { region: 'us-east-1' }],
      ['sagemaker', { region: 'us-west-2', profile: 'prod-account' }],
    ]);
    expect(String(out.results[0])).toContain('  prod     churn-prod     InService  2 x ml.m5.large                        version 5 of churn (AUC 0.8011)');
  });

  test('without it, production is reported not read, with the account, the region and the option; the rest is reported', async () => {
    modelBuildSucceeded();
    modelDeployWaiting();
    stagesIn();
    endpointServes('churn-staging', 7, '0.8123');
    registry(7);
    const { code, out } = await run(['status', '--project', PROJECT]);
    expect(code).toBe(0);
    const lines = String(out.results[0]).split('\n');
    expect(lines).toContain('  prod     churn-prod     not read   -                                      -');
    expect(lines).toContain('  the prod endpoint is in account 222222222222 (region us-west-2), the credentials in use are of account 111111111111 (the pipeline\'s): '
      + 'pass --prod-profile <a profile of account 222222222222> to read it');
    expect(sm).not.toHaveReceivedCommandWith(DescribeEndpointCommand, { EndpointName: 'churn-prod' });
    expect(lines[lines.length - 1]).toBe('model registry: group churn; newest approved version 7, what model-deploy deploys on its next run');
  });

  test('before the model-deploy pipeline exists, both endpoints are looked up with the global options', async () => {
    cp.on(GetPipelineStateCommand).rejects(new PipelineNotFoundException({ message: 'no pipeline', $metadata: {} }));
    endpointMissing('churn-staging');
    endpointMissing('churn-prod');
    registry(undefined);
    const injected = deps();
    const { code } = await run(['status', '--project', PROJECT, '--prod-profile', 'prod-account'], injected);
    expect(code).toBe(0);
    expect(cp).not.toHaveReceivedCommand(GetPipelineCommand);
    expect(injected.requested.filter(([service]) => service === 'sagemaker')).toEqual([['sagemaker', {}]]);
  });
});

describe('status usage errors exit 2 and call nothing', () => {
  test.each([
    [['status'], /error: required option '--project <name>' not specified/],
    [['status', '--project', '1churn'], /project name must start with a letter.*got "1churn"/],
    [['status', '--project', 'churn_models'], /project name must start with a letter.*got "churn_models"/],
    [['status', '--project', 'churn-'], /project name must start with a letter.*got "churn-"/],
    [['status', '--project', 'a'.repeat(33)], /be at most 32 characters long/],
    [['status', '--project', PROJECT, '--group', 'churn_models'], /model package group name must be 1 to 63 letters.*got churn_models/],
    [['status', '--project', PROJECT, '--unknown'], /error: unknown option '--unknown'/],
  ])('%j', async (argv, message) => {
    const { code, stderr } = await usageError(argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(cp).not.toHaveReceivedAnyCommand();
    expect(sm).not.toHaveReceivedAnyCommand();
  });
});

/*
 * Amazon SNS Developer Guide, "Email notifications": an email subscription receives messages only once its
 * address has followed the link in the confirmation email; ListSubscriptionsByTopic names it PendingConfirmation
 * until then. A reviewer who never confirmed gets no release email, and CodePipeline fails the approval after 7 days.
 */
describe('status names who the release approval emails', () => {
  const TOPIC = 'arn:aws:sns:eu-west-1:111111111111:churn-release-approvals';

  /** The model-deploy pipeline of pipelineDeployingStages, with its release approval notifying TOPIC. */
  function approvalNotifies(topicArn: string | undefined): void {
    const answer = pipelineDeployingStages('churn-model-deploy') as any;
    answer.pipeline.stages[1].actions.unshift({
      name: 'ApproveRelease', actionTypeId: { category: 'Approval', owner: 'AWS', provider: 'Manual', version: '1' },
      configuration: topicArn === undefined ? { CustomData: 'release' } : { NotificationArn: topicArn, CustomData: 'release' },
    });
    cp.on(GetPipelineCommand, { name: 'churn-model-deploy' }).resolves(answer);
  }

  function deployed(): void {
    modelBuildSucceeded();
    modelDeployWaiting();
    endpointServes('churn-staging', 7, '0.8123');
    endpointServes('churn-prod', 7, '0.8123');
    registry(7);
  }

  test('a confirmed and an unconfirmed address, over two pages; the topic is read in its own region', async () => {
    deployed();
    approvalNotifies(TOPIC);
    sns.on(ListSubscriptionsByTopicCommand, { TopicArn: TOPIC, NextToken: undefined }).resolves({
      Subscriptions: [{ TopicArn: TOPIC, Protocol: 'email', Endpoint: 'lead@example.com', SubscriptionArn: `${TOPIC}:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0`, Owner: '111111111111' }],
      NextToken: 'cGFnZTI=',
    });
    sns.on(ListSubscriptionsByTopicCommand, { TopicArn: TOPIC, NextToken: 'cGFnZTI=' }).resolves({
      Subscriptions: [
        { TopicArn: TOPIC, Protocol: 'email', Endpoint: 'new-reviewer@example.com', SubscriptionArn: 'PendingConfirmation', Owner: '111111111111' },
        { TopicArn: TOPIC, Protocol: 'email', Endpoint: 'left@example.com', SubscriptionArn: 'Deleted', Owner: '111111111111' },
      ],
    });
    const injected = deps();
    const { code, out } = await run(['--profile', 'ml-dev', 'status', '--project', PROJECT, '--prod-profile', 'prod'], injected);
    expect(code).toBe(0);
    const lines = String(out.results[0]).split('\n');
    const at = lines.indexOf(`  release approvals notify ${TOPIC}:`);
    expect(lines.slice(at, at + 3)).toEqual([
      `  release approvals notify ${TOPIC}:`,
      '    lead@example.com (email): confirmed',
      '    new-reviewer@example.com (email): pending confirmation: it receives nothing until the link in the confirmation email SNS sent is followed',
    ]);
    expect(lines[at + 3]).toBe('');
    expect(injected.requested).toContainEqual(['sns', { region: 'eu-west-1', profile: 'ml-dev' }]);
  });

  test('a topic without subscribers: nobody is emailed; --json carries the subscriptions', async () => {
    deployed();
    approvalNotifies(TOPIC);
    sns.on(ListSubscriptionsByTopicCommand).resolves({ Subscriptions: [] });
    const { out } = await run(['status', '--project', PROJECT, '--prod-profile', 'prod']);
    expect(String(out.results[0])).toContain(`  release approvals notify ${TOPIC}, which has no subscriber: nobody is emailed when a model version or a release waits (release.reviewerEmails)`);
    const { out: json } = await run(['--json', 'status', '--project', PROJECT, '--prod-profile', 'prod']);
    expect((json.results[0] as any).reviewers).toEqual({ topicArn: TOPIC, subscriptions: [] });
  });

  test('an approval without a topic, or a pipeline not deployed: no SNS call for it, no section', async () => {
    deployed();
    approvalNotifies(undefined);
    const { out } = await run(['status', '--project', PROJECT, '--prod-profile', 'prod']);
    expect(String(out.results[0])).not.toContain('release approvals notify');
    // Only the stages' alert topics are looked for.
    expect(sns.commandCalls(ListSubscriptionsByTopicCommand).map((call) => call.args[0].input.TopicArn))
      .toEqual(['arn:aws:sns:us-east-1:111111111111:churn-staging-alerts', 'arn:aws:sns:us-west-2:222222222222:churn-prod-alerts']);
  });
});

/*
 * A real-time stage's rollback, drift and delivery alarms notify <project>-<stage>-alerts, in the stage's account and
 * region (src/model-deploy/endpoint-stack.ts); an email subscription receives nothing before it is confirmed (Amazon SNS
 * Developer Guide, "Email notifications"). A serverless stage has no such topic (ListSubscriptionsByTopic: NotFoundException).
 */
describe('status names who each stage\'s alarms email', () => {
  const PROD_TOPIC = 'arn:aws:sns:us-west-2:222222222222:churn-prod-alerts';

  function deployedAcrossAccounts(): void {
    modelBuildSucceeded();
    modelDeployWaiting();
    cp.on(GetPipelineCommand, { name: 'churn-model-deploy' }).resolves(pipelineDeployingStages('churn-model-deploy'));
    endpointServes('churn-staging', 7, '0.8123');
    endpointServes('churn-prod', 7, '0.8123');
    registry(7);
  }

  test('production\'s topic, read in its account and region with --prod-profile; a stage without a topic is left out', async () => {
    deployedAcrossAccounts();
    sns.on(ListSubscriptionsByTopicCommand, { TopicArn: PROD_TOPIC }).resolves({
      Subscriptions: [
        { TopicArn: PROD_TOPIC, Protocol: 'email', Endpoint: 'ops@example.com', SubscriptionArn: `${PROD_TOPIC}:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0` },
        { TopicArn: PROD_TOPIC, Protocol: 'email', Endpoint: 'oncall@example.com', SubscriptionArn: 'PendingConfirmation' },
      ],
    });
    const injected = deps();
    const { code, out } = await run(['status', '--project', PROJECT, '--prod-profile', 'prod-account'], injected);
    expect(code).toBe(0);
    const lines = String(out.results[0]).split('\n');
    const at = lines.indexOf(`  prod alarms notify ${PROD_TOPIC}:`);
    expect(at).toBeGreaterThan(lines.findIndex((line) => line.startsWith('  prod     churn-prod')));
    expect(lines.slice(at + 1, at + 3)).toEqual([
      '    ops@example.com (email): confirmed',
      '    oncall@example.com (email): pending confirmation: it receives nothing until the link in the confirmation email SNS sent is followed',
    ]);
    expect(lines.some((line) => line.includes('staging alarms notify'))).toBe(false);
    expect(injected.requested).toContainEqual(['sns', { region: 'us-west-2', profile: 'prod-account' }]);
    const { out: json } = await run(['--json', 'status', '--project', PROJECT, '--prod-profile', 'prod-account']);
    expect((json.results[0] as any).alerts).toEqual([{ stage: 'prod', topicArn: PROD_TOPIC, subscriptions: [
      { protocol: 'email', endpoint: 'ops@example.com', state: 'confirmed' }, { protocol: 'email', endpoint: 'oncall@example.com', state: 'pending confirmation' },
    ] }]);
  });

  test('without --prod-profile, production\'s topic is reported not read, saying how to read it', async () => {
    deployedAcrossAccounts();
    const { code, out } = await run(['status', '--project', PROJECT]);
    expect(code).toBe(0);
    expect(String(out.results[0])).toContain(`  prod alarms notify ${PROD_TOPIC}: not read: the prod endpoint is in account 222222222222 (region us-west-2), `
      + 'the credentials in use are of account 111111111111 (the pipeline\'s): pass --prod-profile <a profile of account 222222222222> to read its alert topic');
    expect(sns).not.toHaveReceivedCommandWith(ListSubscriptionsByTopicCommand, { TopicArn: PROD_TOPIC });
  });

  test('a stage profile that may not list the topic\'s subscriptions: that topic is reported not read; the rest stands', async () => {
    deployedAcrossAccounts();
    sns.on(ListSubscriptionsByTopicCommand, { TopicArn: PROD_TOPIC })
      .rejects(Object.assign(new Error('User is not authorized to perform: SNS:ListSubscriptionsByTopic'), { name: 'AuthorizationErrorException' }));
    const { code, out } = await run(['status', '--project', PROJECT, '--prod-profile', 'prod-account']);
    expect(code).toBe(0);
    const text = String(out.results[0]);
    expect(text).toContain(`  prod alarms notify ${PROD_TOPIC}: not read: AuthorizationErrorException: the credentials may not call sns:ListSubscriptionsByTopic on the topic`);
    expect(text).toContain('  prod     churn-prod     InService');
  });

  test('a topic without subscribers: nobody is emailed', async () => {
    deployedAcrossAccounts();
    sns.on(ListSubscriptionsByTopicCommand, { TopicArn: PROD_TOPIC }).resolves({ Subscriptions: [] });
    const { out } = await run(['status', '--project', PROJECT, '--prod-profile', 'prod-account']);
    expect(String(out.results[0])).toContain(`  prod alarms notify ${PROD_TOPIC}, which has no subscriber: nobody is emailed when an alarm of the prod endpoint goes off (release.alertEmails)`);
  });
});

/*
 * The model-build pipeline stack creates the topic <project>-model-build-failures in the pipeline's account and region
 * (the pipeline's ARN, CodePipeline API Reference, GetPipeline: metadata.pipelineArn); its email subscriptions
 * receive nothing before they are confirmed (Amazon SNS Developer Guide, "Amazon SNS email subscription setup and
 * management"). ListSubscriptionsByTopic answers NotFoundException for a topic that does not exist (Amazon SNS API
 * Reference): a pipeline deployed by an older toolkit.
 */
describe('status names who a failed model-build stage emails', () => {
  const BUILD_TOPIC = 'arn:aws:sns:eu-west-1:222222222222:churn-model-build-failures';

  /** The model-build pipeline deployed in `account`; no model-deploy pipeline, no endpoint, a registry. */
  function buildPipelineIn(account: string): void {
    modelBuildSucceeded();
    cp.on(GetPipelineStateCommand, { name: 'churn-model-deploy' }).rejects(new PipelineNotFoundException({ message: 'not found', $metadata: {} }));
    endpointMissing('churn-staging');
    endpointMissing('churn-prod');
    registry(3);
    cp.on(GetPipelineCommand, { name: 'churn-model-build' }).resolves({
      pipeline: { name: 'churn-model-build', roleArn: `arn:aws:iam::${account}:role/build`, stages: [] },
      metadata: { pipelineArn: `arn:aws:codepipeline:eu-west-1:${account}:churn-model-build` },
    });
  }

  test('its topic in the pipeline\'s account, with a confirmed and an unconfirmed address, under the model-build pipeline', async () => {
    buildPipelineIn('222222222222');
    sns.on(ListSubscriptionsByTopicCommand, { TopicArn: BUILD_TOPIC }).resolves({
      Subscriptions: [
        { TopicArn: BUILD_TOPIC, Protocol: 'email', Endpoint: 'ds@example.com', SubscriptionArn: `${BUILD_TOPIC}:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0` },
        { TopicArn: BUILD_TOPIC, Protocol: 'email', Endpoint: 'new@example.com', SubscriptionArn: 'PendingConfirmation' },
      ],
    });
    const { code, out } = await run(['status', '--project', PROJECT]);
    expect(code).toBe(0);
    const lines = String(out.results[0]).split('\n');
    const at = lines.indexOf(`  failed stages notify ${BUILD_TOPIC}:`);
    expect(at).toBeGreaterThan(lines.findIndex((line) => line.startsWith('model-build pipeline churn-model-build')));
    expect(at).toBeLessThan(lines.findIndex((line) => line.startsWith('model-deploy pipeline')));
    expect(lines.slice(at + 1, at + 3)).toEqual([
      '    ds@example.com (email): confirmed',
      '    new@example.com (email): pending confirmation: it receives nothing until the link in the confirmation email SNS sent is followed',
    ]);
  });

  test('no subscriber: nobody is emailed; --json carries the topic', async () => {
    buildPipelineIn('222222222222');
    sns.on(ListSubscriptionsByTopicCommand).resolves({ Subscriptions: [] });
    const { out } = await run(['status', '--project', PROJECT]);
    expect(String(out.results[0])).toContain(`  failed stages notify ${BUILD_TOPIC}, which has no subscriber: nobody is emailed when a stage fails (buildFailureEmails)`);
    const { out: json } = await run(['--json', 'status', '--project', PROJECT]);
    expect((json.results[0] as any).buildFailures).toEqual({ topicArn: BUILD_TOPIC, subscriptions: [] });
  });

  test('a pipeline stack that predates the topic: said, with what to do', async () => {
    buildPipelineIn('222222222222');
    sns.on(ListSubscriptionsByTopicCommand).rejects(Object.assign(new Error('Topic does not exist'), { name: 'NotFoundException' }));
    const { code, out } = await run(['status', '--project', PROJECT]);
    expect(code).toBe(0);
    expect(String(out.results[0])).toContain(
      `  failed stages notify nobody: ${BUILD_TOPIC} does not exist (the pipeline stack predates it: push the model-build repository regenerated by \`npx projen\`)`,
    );
  });

  test('another SNS error is not hidden', async () => {
    buildPipelineIn('222222222222');
    sns.on(ListSubscriptionsByTopicCommand).rejects(Object.assign(new Error('User is not authorized to perform: SNS:ListSubscriptionsByTopic'), { name: 'AuthorizationErrorException' }));
    const { code, out } = await run(['status', '--project', PROJECT]);
    expect(code).toBe(1);
    expect(out.infos).toEqual(['error: User is not authorized to perform: SNS:ListSubscriptionsByTopic']);
  });

  test('a model-build pipeline not deployed: no SNS call', async () => {
    cp.on(GetPipelineStateCommand).rejects(new PipelineNotFoundException({ message: 'not found', $metadata: {} }));
    endpointMissing('churn-staging');
    endpointMissing('churn-prod');
    registry(3);
    const { out } = await run(['status', '--project', PROJECT]);
    expect(String(out.results[0])).not.toContain('failed stages notify');
    expect(sns).not.toHaveReceivedAnyCommand();
  });
});
