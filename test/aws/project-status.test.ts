import { CodePipelineClient, GetPipelineStateCommand, PipelineNotFoundException, StageState } from '@aws-sdk/client-codepipeline';
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
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { createAwsClient, describeEndpointModel, formatServedModel, getPipelineStatus, getProjectStatus } from '../../src/aws';
import { ProjectResourceNames } from '../../src/app-context/resource-names';
import { THROTTLED, inTurn, isolateAwsEnvironment, stubJsonHttp } from '../helpers/aws-http';

// The mocks stub these instances only, so the throttling test can use a real client's retries.
const codePipeline = new CodePipelineClient({ region: 'eu-west-1' });
const sageMaker = new SageMakerClient({ region: 'eu-west-1' });
const cp = mockClient(codePipeline);
const sm = mockClient(sageMaker);

const PROJECT = 'churn';
const names = new ProjectResourceNames(PROJECT);
const packageArn = (version: number, group = PROJECT) => `arn:aws:sagemaker:eu-west-1:123456789012:model-package/${group}/${version}`;
const T0 = new Date('2025-03-04T05:06:07.000Z');
const T1 = new Date('2025-03-04T06:00:00.000Z');

function serviceError(name: string, message: string): SageMakerServiceException {
  return new SageMakerServiceException({ name, message, $fault: 'client', $metadata: {} });
}

interface EndpointFixture {
  readonly endpoint: string;
  readonly version: number;
  readonly auc?: string;
  readonly status?: string;
  readonly serverless?: boolean;
  readonly primaryContainer?: boolean;
}

/** The whole chain for one endpoint: endpoint → config → model → package. */
function endpointChain({ endpoint, version, auc = '0.8123', status = 'InService', serverless = true, primaryContainer = false }: EndpointFixture): void {
  const config = `${endpoint}-config-${version}`;
  const model = `${endpoint}-model-${version}`;
  sm.on(DescribeEndpointCommand, { EndpointName: endpoint }).resolves({
    EndpointName: endpoint,
    EndpointArn: `arn:aws:sagemaker:eu-west-1:123456789012:endpoint/${endpoint}`,
    EndpointConfigName: config,
    EndpointStatus: status as 'InService',
    CreationTime: T0,
    LastModifiedTime: T1,
    ProductionVariants: [serverless
      ? { VariantName: 'AllTraffic', CurrentServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5 } }
      : { VariantName: 'AllTraffic', CurrentInstanceCount: 3 }],
  });
  sm.on(DescribeEndpointConfigCommand, { EndpointConfigName: config }).resolves({
    EndpointConfigName: config,
    ProductionVariants: [serverless
      ? { VariantName: 'AllTraffic', ModelName: model, ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5 } }
      : { VariantName: 'AllTraffic', ModelName: model, InstanceType: 'ml.m5.large', InitialInstanceCount: 2 }],
  });
  const container = { ModelPackageName: packageArn(version) };
  sm.on(DescribeModelCommand, { ModelName: model }).resolves(primaryContainer ? { ModelName: model, PrimaryContainer: container } : { ModelName: model, Containers: [container] });
  sm.on(DescribeModelPackageCommand, { ModelPackageName: packageArn(version) }).resolves({
    ModelPackageArn: packageArn(version),
    ModelPackageGroupName: PROJECT,
    ModelPackageVersion: version,
    ModelApprovalStatus: 'Approved',
    CustomerMetadataProperties: { auc },
  });
}

function endpointMissing(endpoint: string): void {
  sm.on(DescribeEndpointCommand, { EndpointName: endpoint }).rejects(serviceError('ValidationException', `Could not find endpoint "${endpoint}".`));
}

const PROD_WAITING: StageState[] = [
  { stageName: 'Source', latestExecution: { pipelineExecutionId: 'exec-2', status: 'Succeeded' }, actionStates: [{ actionName: 'churn-model-deploy', latestExecution: { status: 'Succeeded', lastStatusChange: T0 } }] },
  { stageName: 'Build', latestExecution: { pipelineExecutionId: 'exec-2', status: 'Succeeded' }, actionStates: [{ actionName: 'Synth', latestExecution: { status: 'Succeeded', lastStatusChange: T0 } }] },
  {
    stageName: 'Staging',
    latestExecution: { pipelineExecutionId: 'exec-2', status: 'Succeeded' },
    actionStates: [
      { actionName: 'Endpoint.Prepare', latestExecution: { status: 'Succeeded', lastStatusChange: T0 } },
      { actionName: 'TestStaging', latestExecution: { status: 'Succeeded', lastStatusChange: T1 } },
    ],
  },
  {
    stageName: 'Prod',
    latestExecution: { pipelineExecutionId: 'exec-2', status: 'InProgress' },
    actionStates: [
      { actionName: 'ApproveRelease', latestExecution: { status: 'InProgress', lastStatusChange: T1, token: 'secret-token-1' } },
      { actionName: 'Endpoint.Prepare' },
    ],
  },
];

beforeEach(() => {
  cp.reset();
  sm.reset();
});

describe('describeEndpointModel', () => {
  test('follows a serverless endpoint down to the package version and AUC (Containers[0])', async () => {
    endpointChain({ endpoint: 'churn-staging', version: 7 });
    await expect(describeEndpointModel(sageMaker, 'churn-staging')).resolves.toEqual({
      endpointName: 'churn-staging',
      status: 'InService',
      lastModifiedTime: T1.toISOString(),
      endpointConfigName: 'churn-staging-config-7',
      capacity: { type: 'serverless', memorySizeInMb: 2048, maxConcurrency: 5 },
      model: { modelName: 'churn-staging-model-7', modelPackageArn: packageArn(7), modelPackageGroupName: PROJECT, version: 7, auc: 0.8123, approvalStatus: 'Approved' },
    });
    expect(sm).toHaveReceivedCommandWith(DescribeModelPackageCommand, { ModelPackageName: packageArn(7) });
  });

  test('reads PrimaryContainer and the instances the endpoint runs now', async () => {
    endpointChain({ endpoint: 'churn-prod', version: 5, serverless: false, primaryContainer: true });
    const endpoint = await describeEndpointModel(sageMaker, 'churn-prod');
    expect(endpoint?.capacity).toEqual({ type: 'instances', instanceType: 'ml.m5.large', instanceCount: 3 });
    expect(endpoint?.model).toMatchObject({ version: 5, modelPackageArn: packageArn(5) });
  });

  test('a missing endpoint is undefined and nothing else is asked', async () => {
    endpointMissing('churn-prod');
    await expect(describeEndpointModel(sageMaker, 'churn-prod')).resolves.toBeUndefined();
    expect(sm).toHaveReceivedCommandTimes(DescribeEndpointCommand, 1);
    expect(sm).not.toHaveReceivedCommand(DescribeEndpointConfigCommand);
  });

  test('a failed endpoint reports its failure reason', async () => {
    endpointChain({ endpoint: 'churn-prod', version: 5, status: 'Failed' });
    sm.on(DescribeEndpointCommand, { EndpointName: 'churn-prod' }).resolves({
      EndpointName: 'churn-prod', EndpointArn: 'arn', EndpointConfigName: 'churn-prod-config-5', EndpointStatus: 'Failed',
      FailureReason: 'The primary container for production variant AllTraffic did not pass the ping health check.', CreationTime: T0, LastModifiedTime: T1,
    });
    const endpoint = await describeEndpointModel(sageMaker, 'churn-prod');
    expect(endpoint).toMatchObject({ status: 'Failed', failureReason: 'The primary container for production variant AllTraffic did not pass the ping health check.' });
    expect(endpoint?.model.version).toBe(5);
  });

  test('an updating endpoint names the configuration it deploys while reporting what it serves', async () => {
    endpointChain({ endpoint: 'churn-prod', version: 5 });
    sm.on(DescribeEndpointCommand, { EndpointName: 'churn-prod' }).resolves({
      EndpointName: 'churn-prod', EndpointArn: 'arn', EndpointConfigName: 'churn-prod-config-5', EndpointStatus: 'Updating', CreationTime: T0, LastModifiedTime: T1,
      PendingDeploymentSummary: { EndpointConfigName: 'churn-prod-config-6', StartTime: T1 },
    });
    const endpoint = await describeEndpointModel(sageMaker, 'churn-prod');
    expect(endpoint).toMatchObject({ status: 'Updating', endpointConfigName: 'churn-prod-config-5', pendingEndpointConfigName: 'churn-prod-config-6', model: { version: 5 } });
  });

  test('a model not created from a model package has an unknown version, and says so', async () => {
    endpointChain({ endpoint: 'churn-staging', version: 7 });
    sm.on(DescribeModelCommand).resolves({ ModelName: 'hand-made', PrimaryContainer: { Image: 'xgboost:1.7-1', ModelDataUrl: 's3://b/model.tar.gz' } });
    const endpoint = await describeEndpointModel(sageMaker, 'churn-staging');
    expect(endpoint?.model).toEqual({ modelName: 'churn-staging-model-7', unknownReason: 'model churn-staging-model-7 was not created from a model package, so it has no registry version' });
    expect(sm).not.toHaveReceivedCommand(DescribeModelPackageCommand);
    expect(formatServedModel(endpoint!.model)).toBe('version unknown: model churn-staging-model-7 was not created from a model package, so it has no registry version');
  });

  test.each([
    ['endpoint configuration', DescribeEndpointConfigCommand, 'Could not find endpoint configuration "churn-staging-config-7".', { unknownReason: 'endpoint configuration churn-staging-config-7 no longer exists' }],
    ['model', DescribeModelCommand, 'Could not find model "churn-staging-model-7".', { modelName: 'churn-staging-model-7', unknownReason: 'model churn-staging-model-7 no longer exists' }],
    ['model package', DescribeModelPackageCommand, `ModelPackage ${packageArn(7)} does not exist.`, {
      modelName: 'churn-staging-model-7', modelPackageArn: packageArn(7), unknownReason: `model package ${packageArn(7)} no longer exists`,
    }],
  ])('a deleted %s leaves the version unknown with the reason', async (_what, command, message, model) => {
    endpointChain({ endpoint: 'churn-staging', version: 7 });
    sm.on(command as typeof DescribeModelCommand).rejects(serviceError('ValidationException', message));
    const endpoint = await describeEndpointModel(sageMaker, 'churn-staging');
    expect(endpoint?.status).toBe('InService');
    expect(endpoint?.model).toEqual(model);
  });

  test('errors other than not-found are rethrown', async () => {
    sm.on(DescribeEndpointCommand).rejects(serviceError('AccessDeniedException', 'not authorized to perform: sagemaker:DescribeEndpoint'));
    await expect(describeEndpointModel(sageMaker, 'churn-staging')).rejects.toThrow('not authorized to perform: sagemaker:DescribeEndpoint');
  });

  test('an AUC that is not a number in 0..1 counts as not recorded', async () => {
    endpointChain({ endpoint: 'churn-staging', version: 7, auc: 'n/a' });
    const endpoint = await describeEndpointModel(sageMaker, 'churn-staging');
    expect(endpoint?.model.version).toBe(7);
    expect(endpoint?.model).not.toHaveProperty('auc');
    expect(formatServedModel(endpoint!.model)).toBe('version 7 of churn (AUC not recorded)');
  });
});

describe('formatServedModel', () => {
  test('names the version, group and AUC, and a status that is no longer Approved', () => {
    expect(formatServedModel({ version: 7, modelPackageGroupName: 'churn', auc: 0.81234, approvalStatus: 'Approved' })).toBe('version 7 of churn (AUC 0.8123)');
    expect(formatServedModel({ version: 7, modelPackageGroupName: 'churn', auc: 0.8, approvalStatus: 'Rejected' })).toBe('version 7 of churn (AUC 0.8000, now Rejected)');
  });
});

describe('getPipelineStatus', () => {
  test('maps every stage and action, and lists the waiting approval without its token', async () => {
    cp.on(GetPipelineStateCommand, { name: 'churn-model-deploy' }).resolves({ pipelineName: 'churn-model-deploy', stageStates: PROD_WAITING });
    const status = await getPipelineStatus(codePipeline, 'churn-model-deploy');
    expect(status.deployed).toBe(true);
    expect(status.stages.map((stage) => [stage.name, stage.status, stage.lastStatusChange])).toEqual([
      ['Source', 'Succeeded', T0.toISOString()],
      ['Build', 'Succeeded', T0.toISOString()],
      ['Staging', 'Succeeded', T1.toISOString()],
      ['Prod', 'InProgress', T1.toISOString()],
    ]);
    expect(status.stages[3].actions).toEqual([
      { name: 'ApproveRelease', status: 'InProgress', lastStatusChange: T1.toISOString() },
      { name: 'Endpoint.Prepare' },
    ]);
    expect(status.pendingApprovals).toEqual([
      { pipelineName: 'churn-model-deploy', stageName: 'Prod', actionName: 'ApproveRelease', since: T1.toISOString(), pipelineExecutionId: 'exec-2' },
    ]);
    expect(JSON.stringify(status)).not.toContain('secret-token-1');
  });

  test('reports failed actions, disabled transitions and stages that never ran', async () => {
    cp.on(GetPipelineStateCommand).resolves({
      stageStates: [
        { stageName: 'Source', latestExecution: { pipelineExecutionId: 'e1', status: 'Succeeded' } },
        {
          stageName: 'Build',
          latestExecution: { pipelineExecutionId: 'e1', status: 'Failed' },
          actionStates: [{ actionName: 'Synth', latestExecution: { status: 'Failed', lastStatusChange: T0, errorDetails: { code: 'JobFailed', message: 'Build terminated with state: FAILED' } } }],
        },
        { stageName: 'Staging', inboundTransitionState: { enabled: false, disabledReason: 'freeze during the audit' } },
      ],
    });
    const status = await getPipelineStatus(codePipeline, 'churn-model-build');
    expect(status.stages).toEqual([
      { name: 'Source', status: 'Succeeded', pipelineExecutionId: 'e1', actions: [] },
      {
        name: 'Build', status: 'Failed', pipelineExecutionId: 'e1', lastStatusChange: T0.toISOString(),
        actions: [{ name: 'Synth', status: 'Failed', lastStatusChange: T0.toISOString(), errorMessage: 'Build terminated with state: FAILED' }],
      },
      { name: 'Staging', transitionDisabled: 'freeze during the audit', actions: [] },
    ]);
    expect(status.pendingApprovals).toEqual([]);
  });

  test('an in-progress action without a token is not an approval', async () => {
    cp.on(GetPipelineStateCommand).resolves({
      stageStates: [{ stageName: 'Build', latestExecution: { pipelineExecutionId: 'e1', status: 'InProgress' }, actionStates: [{ actionName: 'Synth', latestExecution: { status: 'InProgress' } }] }],
    });
    expect((await getPipelineStatus(codePipeline, 'churn-model-build')).pendingApprovals).toEqual([]);
  });

  test('a pipeline that does not exist is not deployed', async () => {
    cp.on(GetPipelineStateCommand).rejects(new PipelineNotFoundException({ message: 'Account 123456789012 does not have a pipeline with name churn-model-build', $metadata: {} }));
    await expect(getPipelineStatus(codePipeline, 'churn-model-build')).resolves.toEqual({ pipelineName: 'churn-model-build', deployed: false, stages: [], pendingApprovals: [] });
  });

  test('other errors are rethrown', async () => {
    cp.on(GetPipelineStateCommand).rejects(Object.assign(new Error('User is not authorized to perform: codepipeline:GetPipelineState'), { name: 'AccessDeniedException' }));
    await expect(getPipelineStatus(codePipeline, 'churn-model-build')).rejects.toThrow('not authorized');
  });
});

describe('getProjectStatus', () => {
  test('reports both pipelines, both endpoints and the registry by the project\'s names', async () => {
    cp.on(GetPipelineStateCommand, { name: 'churn-model-build' }).rejects(new PipelineNotFoundException({ message: 'no pipeline', $metadata: {} }));
    cp.on(GetPipelineStateCommand, { name: 'churn-model-deploy' }).resolves({ stageStates: PROD_WAITING });
    endpointChain({ endpoint: 'churn-staging', version: 7 });
    endpointMissing('churn-prod');
    sm.on(DescribeModelPackageGroupCommand, { ModelPackageGroupName: PROJECT }).resolves({ ModelPackageGroupName: PROJECT });
    sm.on(ListModelPackagesCommand)
      .resolvesOnce({ ModelPackageSummaryList: [], NextToken: 'page-2' })
      .resolves({ ModelPackageSummaryList: [{ ModelPackageArn: packageArn(7), ModelPackageGroupName: PROJECT, ModelPackageVersion: 7, CreationTime: T0, ModelPackageStatus: 'Completed' }] });

    const status = await getProjectStatus(codePipeline, sageMaker, names);

    expect(status.projectName).toBe(PROJECT);
    expect(status.region).toBe('eu-west-1');
    expect(status.modelBuild).toEqual({ pipelineName: 'churn-model-build', deployed: false, stages: [], pendingApprovals: [] });
    expect(status.modelDeploy.pendingApprovals).toHaveLength(1);
    expect(status.endpoints).toEqual([
      expect.objectContaining({ stage: 'staging', deployed: true, endpointName: 'churn-staging', status: 'InService', model: expect.objectContaining({ version: 7 }) }),
      { stage: 'prod', endpointName: 'churn-prod', deployed: false },
    ]);
    expect(status.registry).toEqual({ modelPackageGroupName: PROJECT, exists: true, newestApproved: { version: 7, arn: packageArn(7) } });
    // The registry listing follows NextToken past an empty page.
    expect(sm.commandCalls(ListModelPackagesCommand).map((call) => call.args[0].input.NextToken)).toEqual([undefined, 'page-2']);
  });

  test('a group that does not exist is reported, not thrown; --group names another group', async () => {
    cp.on(GetPipelineStateCommand).resolves({ stageStates: [] });
    endpointMissing('churn-staging');
    endpointMissing('churn-prod');
    sm.on(DescribeModelPackageGroupCommand).rejects(serviceError('ValidationException', 'Model Package Group churn-models does not exist.'));
    const status = await getProjectStatus(codePipeline, sageMaker, new ProjectResourceNames(PROJECT, 'churn-models'));
    expect(status.registry).toEqual({ modelPackageGroupName: 'churn-models', exists: false });
    expect(sm).toHaveReceivedCommandWith(DescribeModelPackageGroupCommand, { ModelPackageGroupName: 'churn-models' });
    expect(sm).not.toHaveReceivedCommand(ListModelPackagesCommand);
  });
});

describe('a throttled GetPipelineState', () => {
  isolateAwsEnvironment({ credentials: true });

  test('is retried by the client from createAwsClient and then resolves', async () => {
    const real = await createAwsClient(CodePipelineClient, { region: 'eu-west-1', maxAttempts: 3 });
    const targets = stubJsonHttp(real, inTurn([
      THROTTLED,
      [200, { pipelineName: 'churn-model-deploy', stageStates: [{ stageName: 'Source', latestExecution: { pipelineExecutionId: 'e1', status: 'Succeeded' } }] }],
    ]));

    const status = await getPipelineStatus(real, 'churn-model-deploy');

    expect(status.stages).toEqual([{ name: 'Source', status: 'Succeeded', pipelineExecutionId: 'e1', actions: [] }]);
    expect(targets.map((t) => t.operation)).toEqual(['GetPipelineState', 'GetPipelineState']);
    real.destroy();
  });
});
