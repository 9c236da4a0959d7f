import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import {
  CreatePresignedMlflowAppUrlCommand, CreatePresignedMlflowTrackingServerUrlCommand, DescribeModelPackageCommand, ListModelPackagesCommand,
  ModelApprovalStatus, SageMakerClient, SageMakerServiceException,
} from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { AwsClientOptions, MLFLOW_CUSTOM_ENDPOINT_VARIABLE, NO_RUN_RECORDED } from '../../src/aws';
import { CliDeps, runCli } from '../../src/cli';
import { CONFIG_FILE_NAME, renderConfigFile } from '../../src/config';
import { mlflowParameterNames } from '../../src/model-build/mlflow-backend';
import { MlflowStubServer, StubAnswer, parseAuthorization, runJson, startMlflowStub } from '../aws/mlflow-stub-server';
import { actionsCalled, readmePermissions } from '../helpers/readme-permissions';
import { captureOutput, withStderr } from '../helpers/cli-output';
import { testConfig } from '../helpers/validated-synth';

const sm = mockClient(SageMakerClient);
const cfn = mockClient(CloudFormationClient);
const GROUP = 'player-churn';
const APP_ARN = 'arn:aws:sagemaker:us-east-1:123456789012:mlflow-app/app-K53I5ZJMEUHZ';
const SERVER_ARN = 'arn:aws:sagemaker:us-east-1:123456789012:mlflow-tracking-server/player-churn';
const UI_URL = 'https://app-k53i5zjmeuhz.mlflow.sagemaker.us-east-1.app.aws/auth?authToken=abc';
const packageArn = (version: number) => `arn:aws:sagemaker:us-east-1:123456789012:model-package/${GROUP}/${version}`;
const runId = (version: number) => `run${version}aaaabbbbccccdddd`;
const CANDIDATE_METRICS = { 'test_auc_score': 0.91, 'test_accuracy': 0.85, 'validation-auc': 0.9, 'train-auc': 0.95, 'best_iteration': 41, 'rounds_trained': 51 };
const PRODUCTION_METRICS = { 'test_auc_score': 0.88, 'test_accuracy': 0.86, 'validation-auc': 0.87, 'train-auc': 0.93, 'best_iteration': 37, 'rounds_trained': 47 };

let server: MlflowStubServer;
let answers: Record<string, StubAnswer>;
let cwd: string;
let requested: AwsClientOptions[];

function deps(): CliDeps {
  const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };
  return {
    sageMakerClient: async (options) => {
      requested.push(options);
      return new SageMakerClient({ region: options.region ?? 'us-east-1', credentials });
    },
    cloudFormationClient: async (options) => {
      requested.push(options);
      return new CloudFormationClient({ region: options.region ?? 'us-east-1', credentials });
    },
  };
}

async function run(argv: string[]) {
  const out = captureOutput();
  const { value: code, stderr } = await withStderr(() => runCli(argv, out, deps()));
  return { code, out, stderr, text: out.results.map(String).join('\n') };
}

function summary(version: number, status: ModelApprovalStatus) {
  return { ModelPackageArn: packageArn(version), ModelPackageGroupName: GROUP, ModelPackageVersion: version, CreationTime: new Date(Date.UTC(2026, 0, version)), ModelPackageStatus: 'Completed' as const, ModelApprovalStatus: status };
}

function registers(version: number, status: ModelApprovalStatus, metadata: Record<string, string>): void {
  sm.on(DescribeModelPackageCommand, { ModelPackageName: packageArn(version) }).resolves({
    ModelPackageArn: packageArn(version), ModelPackageGroupName: GROUP, ModelPackageVersion: version, ModelApprovalStatus: status, CustomerMetadataProperties: metadata,
  });
}

const mlflowMetadata = (version: number, auc: string) => ({ auc, mlflowRunId: runId(version), mlflowModelUri: `models:/m-${version}`, pipelineExecutionArn: 'arn:x' });

/** 5 pending, 4 approved (production), 3 rejected; on two pages. */
function registry(): void {
  sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [summary(5, 'PendingManualApproval')], NextToken: 'page-2' });
  sm.on(ListModelPackagesCommand, { NextToken: 'page-2' }).resolves({ ModelPackageSummaryList: [summary(4, 'Approved'), summary(3, 'Rejected')] });
  registers(5, 'PendingManualApproval', mlflowMetadata(5, '0.9100'));
  registers(4, 'Approved', mlflowMetadata(4, '0.8800'));
  registers(3, 'Rejected', { auc: '0.7000' });
  answers = {
    [runId(5)]: { status: 200, body: runJson(runId(5), CANDIDATE_METRICS, { experimentId: '3' }) },
    [runId(4)]: { status: 200, body: runJson(runId(4), PRODUCTION_METRICS, { experimentId: '3' }) },
  };
  sm.on(CreatePresignedMlflowAppUrlCommand).resolves({ AuthorizedUrl: UI_URL });
}

function writeConfig(overrides: Record<string, unknown>): void {
  fs.writeFileSync(path.join(cwd, CONFIG_FILE_NAME), JSON.stringify(renderConfigFile(testConfig(overrides))));
}

beforeAll(async () => {
  server = await startMlflowStub((request) => answers[new URL(request.url, 'http://x').searchParams.get('run_id') ?? ''] ?? { status: 404, body: { error_code: 'RESOURCE_DOES_NOT_EXIST', message: 'Run not found' } });
});
afterAll(() => server.close());
beforeEach(() => {
  sm.reset();
  cfn.reset();
  server.requests.length = 0;
  requested = [];
  answers = {};
  // The sagemaker-mlflow plugin's override of the endpoint (mlflow_sagemaker_helpers.py), honoured the same way.
  process.env[MLFLOW_CUSTOM_ENDPOINT_VARIABLE] = server.endpoint;
  cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'compare-models-'));
  jest.spyOn(process, 'cwd').mockReturnValue(cwd);
});
afterEach(() => {
  delete process.env[MLFLOW_CUSTOM_ENDPOINT_VARIABLE];
  jest.restoreAllMocks();
  fs.rmSync(cwd, { recursive: true, force: true });
});

describe('compare-models with --group and --mlflow-arn', () => {
  const argv = ['compare-models', '--group', GROUP, '--mlflow-arn', APP_ARN];

  test('the newest pending version against the newest approved: metrics side by side, the difference, the link', async () => {
    registry();
    const { code, text, out } = await run(argv);
    expect(out.infos).toEqual([]);
    expect(code).toBe(0);
    expect(text.split('\n')).toEqual([
      `model package group ${GROUP}, MLflow App ${APP_ARN}`,
      `candidate:  version 5 (PendingManualApproval), MLflow run ${runId(5)} (train) FINISHED`,
      `production: version 4 (Approved), MLflow run ${runId(4)} (train) FINISHED, the newest Approved (what model-deploy deploys)`,
      '',
      'metric          candidate (v5)  production (v4)  difference',
      'test_accuracy   0.8500          0.8600           -0.0100',
      'test_auc_score  0.9100          0.8800           +0.0300',
      'validation-auc  0.9000          0.8700           +0.0300',
      'train-auc       0.9500          0.9300           +0.0200',
      'best_iteration  41              37               +4',
      'rounds_trained  51              47               +4',
      'registry auc    0.9100          0.8800           +0.0300',
      '',
      `MLflow UI (the link opens once, within 300 s): ${UI_URL}`,
      'then the runs, after the UI address:',
      `  version 5: #/experiments/3/runs/${runId(5)}`,
      `  version 4: #/experiments/3/runs/${runId(4)}`,
    ]);
    // CreatePresignedMlflowAppUrl: ExpiresInSeconds 5..300 (API reference), the app by its ARN.
    expect(sm).toHaveReceivedCommandWith(CreatePresignedMlflowAppUrlCommand, { Arn: APP_ARN, ExpiresInSeconds: 300 });
    expect(server.requests.map((r) => [r.headers['x-sm-mlflow-app-arn'], parseAuthorization(r.headers.authorization).service])).toEqual([[APP_ARN, 'sagemaker'], [APP_ARN, 'sagemaker']]);
    // What the README says the reviewer needs covers every SDK call, and the MLflow App API the runs were read with.
    const documented = readmePermissions('compare-models');
    const called = actionsCalled([['sagemaker', sm], ['cloudformation', cfn]]);
    expect(called).toEqual(expect.arrayContaining(['sagemaker:ListModelPackages', 'sagemaker:DescribeModelPackage']));
    expect(called.filter((action) => !documented.includes(action))).toEqual([]);
    expect(documented).toContain('sagemaker:CallMlflowAppApi');
  });

  test('--json: the same comparison as data', async () => {
    registry();
    const { code, out } = await run(['--json', ...argv]);
    expect(code).toBe(0);
    const result = out.results[0] as Record<string, any>;
    expect(result).toMatchObject({
      modelPackageGroupName: GROUP, mlflowArn: APP_ARN, mlflowBackend: 'app', candidateIsProduction: false,
      link: { url: UI_URL, expiresInSeconds: 300 },
      candidate: { version: 5, auc: 0.91, mlflowRunId: runId(5), mlflowModelUri: 'models:/m-5', run: { runId: runId(5), experimentId: '3', uiPath: `#/experiments/3/runs/${runId(5)}`, metrics: CANDIDATE_METRICS } },
      production: { version: 4, approvalStatus: 'Approved', run: { metrics: PRODUCTION_METRICS } },
    });
    expect(result.metrics[0]).toEqual({ name: 'test_accuracy', candidate: 0.85, production: 0.86, difference: expect.closeTo(-0.01, 10) });
  });

  test.each([
    ['no MLflow metadata', { auc: '0.7000' }],
    // evaluate.py writes "not-logged" for what training could not log: CreateModelPackage refuses empty metadata values.
    ['MLflow ids training could not log', { auc: '0.7000', mlflowRunId: 'not-logged', mlflowModelUri: 'not-logged' }],
  ])('a version number picks the candidate; a version with %s says so in its column and the command still succeeds', async (_, metadata) => {
    registry();
    registers(3, 'Rejected', metadata);
    const { code, text } = await run([...argv.slice(0, 1), '3', ...argv.slice(1)]);
    expect(code).toBe(0);
    expect(text).toContain('candidate:  version 3 (Rejected)\n');
    expect(text).toContain('test_auc_score  -               0.8800           -');
    expect(text).toContain(`version 3: ${NO_RUN_RECORDED}`);
    expect(server.requests.map((r) => r.url)).not.toContainEqual(expect.stringContaining('not-logged'));
    expect(server.requests).toHaveLength(1);
  });

  test('a run the backend no longer has is a note for that version, not a failure', async () => {
    registry();
    delete answers[runId(4)];
    const { code, text } = await run(argv);
    expect(code).toBe(0);
    expect(text).toContain(`version 4: run ${runId(4)} not found in ${APP_ARN}`);
  });

  test('no approved version: production says nothing deploys', async () => {
    registry();
    sm.on(ListModelPackagesCommand, { NextToken: 'page-2' }).resolves({ ModelPackageSummaryList: [summary(3, 'Rejected')] });
    const { code, text } = await run(argv);
    expect(code).toBe(0);
    expect(text).toContain('production: no version is approved, so model-deploy deploys nothing yet');
  });

  test('no version pending: says to pass a version number', async () => {
    registry();
    sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [summary(4, 'Approved')] });
    const { code, out } = await run(argv);
    expect(code).toBe(1);
    expect(out.infos).toEqual([`error: no version of model package group ${GROUP} (region us-east-1) is pending approval: pass the version number (\`compare-models <n> --group ${GROUP}\`) to compare another version with production`]);
  });

  test('a denied MLflow call fails the command, naming the IAM action', async () => {
    registry();
    answers[runId(5)] = { status: 403, body: { message: 'not authorized' } };
    const { code, out } = await run(argv);
    expect(code).toBe(1);
    expect(out.infos[0]).toMatch(/^error: MLflow runs\/get of run run5\S+ on .* was denied \(HTTP 403: not authorized\): the credentials in use need sagemaker:CallMlflowAppApi on /);
  });

  test('an MLflow server that never answers: a timeout error naming the call', async () => {
    registry();
    answers[runId(5)] = 'hang';
    const { code, out } = await run([...argv, '--timeout', '0.2']);
    expect(code).toBe(1);
    expect(out.infos[0]).toContain(`error: MLflow runs/get of run ${runId(5)} on ${APP_ARN} (region us-east-1) timed out after 200 ms`);
  });

  test('a link SageMaker refuses is a warning; the comparison is still printed', async () => {
    registry();
    sm.on(CreatePresignedMlflowAppUrlCommand).rejects(new SageMakerServiceException({ name: 'AccessDeniedException', message: 'denied', $fault: 'client', $metadata: {} }));
    const { code, out, text } = await run(argv);
    expect(code).toBe(0);
    expect(out.infos).toEqual([`warning: no MLflow UI link: CreatePresignedMlflowAppUrl for ${APP_ARN} (region us-east-1) failed: AccessDeniedException: denied: the credentials in use need sagemaker:CreatePresignedMlflowAppUrl on ${APP_ARN}`]);
    expect(text).toContain(`  version 5: #/experiments/3/runs/${runId(5)}`);
  });

  test('a tracking server: signed for sagemaker-mlflow with its header; the link by tracking server name', async () => {
    registry();
    sm.on(CreatePresignedMlflowTrackingServerUrlCommand).resolves({ AuthorizedUrl: 'https://t-abc.us-east-1.experiments.sagemaker.aws/auth?authToken=x' });
    const { code } = await run(['compare-models', '--group', GROUP, '--mlflow-arn', SERVER_ARN, '--no-link']);
    expect(code).toBe(0);
    expect(sm).not.toHaveReceivedCommand(CreatePresignedMlflowTrackingServerUrlCommand);
    expect(server.requests[0].headers['x-mlflow-sm-tracking-server-arn']).toBe(SERVER_ARN);
    expect(parseAuthorization(server.requests[0].headers.authorization).service).toBe('sagemaker-mlflow');
    await run(['compare-models', '--group', GROUP, '--mlflow-arn', SERVER_ARN]);
    expect(sm).toHaveReceivedCommandWith(CreatePresignedMlflowTrackingServerUrlCommand, { TrackingServerName: 'player-churn', ExpiresInSeconds: 300 });
  });

  test.each([
    ['a malformed ARN', ['--mlflow-arn', 'arn:aws:sagemaker:us-east-1:123456789012:model-package/x/1'], /is not an MLflow App ARN/],
    ['a version that is not a number', ['--mlflow-arn', APP_ARN, 'latest'], /expected a positive integer version, got latest/],
    ['a timeout of 0', ['--mlflow-arn', APP_ARN, '--timeout', '0'], /--timeout must be a number of seconds above 0 and at most 300, got 0/],
    // It would not be read: a file named there, even one that does not exist, must not pass unnoticed.
    ['--config beside --group and --mlflow-arn', ['--mlflow-arn', APP_ARN, '--config', 'no-such-config.json'], /--config is not read when --group and --mlflow-arn are both given: drop one of them/],
  ])('%s is a usage error (exit 2)', async (_what, args, message) => {
    const { code, stderr } = await run(['compare-models', '--group', GROUP, ...args]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});

describe('compare-models reading sagemaker-gitops.json', () => {
  test('no config file and no --mlflow-arn: says where to run it or what to pass', async () => {
    const { code, out } = await run(['compare-models', '--group', GROUP]);
    // A missing file is a usage error (exit 2) in every command.
    expect(code).toBe(2);
    expect(out.infos[0]).toBe(`error: no ${CONFIG_FILE_NAME} in ${cwd} to read the model package group and the MLflow ARN from: ` +
      'run the command in the model-build or model-deploy repository, pass --config <file>, or pass both --group <name> and --mlflow-arn <arn>');
  });

  test('MLflow off: a clear message, no AWS call', async () => {
    writeConfig({});
    const { code, out } = await run(['compare-models']);
    expect(code).toBe(1);
    expect(out.infos[0]).toMatch(/^error: MLflow is off for project player-churn \(its sagemaker-gitops.json has no mlflow option\).*turn it on with `mlflow: \{\}` in .projenrc.ts, or pass --mlflow-arn <arn>/);
    expect(requested).toEqual([]);
  });

  test('an existing backend: its mlflow.arn; the group and the region from the config', async () => {
    writeConfig({ mlflow: { arn: APP_ARN, artifactStoreUri: 's3://team-mlflow/artifacts' } });
    registry();
    const { code } = await run(['compare-models']);
    expect(code).toBe(0);
    expect(sm).toHaveReceivedCommandWith(ListModelPackagesCommand, { ModelPackageGroupName: GROUP });
    expect(requested).toEqual([{ region: 'us-east-1' }]);
    expect(server.requests[0].headers['x-sm-mlflow-app-arn']).toBe(APP_ARN);
  });

  test('a created app: the ARN from the model-build stack\'s MlflowArn output, in the build region', async () => {
    writeConfig({ mlflow: {} });
    registry();
    cfn.on(DescribeStacksCommand, { StackName: 'player-churn-model-build' }).resolves({
      Stacks: [{ StackName: 'player-churn-model-build', CreationTime: new Date(), StackStatus: 'UPDATE_COMPLETE', Outputs: [{ OutputKey: 'MlflowArn', OutputValue: APP_ARN }] }],
    });
    const config = path.join(cwd, CONFIG_FILE_NAME);
    const { code, text } = await run(['compare-models', '--config', config, '--group', GROUP]);
    expect(code).toBe(0);
    expect(text).toContain(`MLflow App ${APP_ARN}`);
    expect(requested[0]).toEqual({ region: 'us-east-1' });
  });

  test('a created backend whose stack is not deployed: names the stack and the SSM parameter holding the same ARN', async () => {
    writeConfig({ mlflow: { trackingServer: {} } });
    cfn.on(DescribeStacksCommand).rejects(Object.assign(new Error('Stack with id player-churn-model-build does not exist'), { name: 'ValidationError' }));
    const { code, out } = await run(['compare-models']);
    expect(code).toBe(1);
    expect(out.infos[0]).toContain('error: the model-build stack player-churn-model-build does not exist in region us-east-1');
    // The parameter MlflowBackend writes: the message must name the real one.
    expect(out.infos[0]).toContain(`the same ARN is in the SSM parameter ${mlflowParameterNames('player-churn').trackingUri}; pass it with --mlflow-arn <arn>`);
  });

  test('a stack without the output: says to redeploy with MLflow on', async () => {
    writeConfig({ mlflow: {} });
    cfn.on(DescribeStacksCommand).resolves({ Stacks: [{ StackName: 'player-churn-model-build', CreationTime: new Date(), StackStatus: 'CREATE_COMPLETE', Outputs: [] }] });
    const { code, out } = await run(['compare-models']);
    expect(code).toBe(1);
    expect(out.infos[0]).toContain('stack player-churn-model-build (region us-east-1) has no output MlflowArn: redeploy it with MLflow on');
  });
});
