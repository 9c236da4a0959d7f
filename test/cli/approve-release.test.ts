import {
  ApprovalAlreadyCompletedException,
  CodePipelineClient,
  GetPipelineCommand,
  GetPipelineStateCommand,
  ListActionExecutionsCommand,
  PutApprovalResultCommand,
  StageState,
} from '@aws-sdk/client-codepipeline';
import {
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  DescribeModelCommand,
  DescribeModelPackageCommand,
  SageMakerClient,
  SageMakerServiceException,
} from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { AwsClientOptions } from '../../src/aws';
import { CliDeps, runCli } from '../../src/cli';
import { captureOutput as capture, withStderr } from '../helpers/cli-output';
import { actionsCalled, readmePermissions } from '../helpers/readme-permissions';
import { pipelineDeployingStages } from '../helpers/stage-locations';

const cp = mockClient(CodePipelineClient);
const sm = mockClient(SageMakerClient);

const PROJECT = 'churn';
const PIPELINE = 'churn-model-deploy';
// A pipeline execution id as CodePipeline writes it (a UUID: the API model's pattern for ListActionExecutions' filter).
const EXECUTION = '1a2b3c4d-0000-4000-8000-000000000001';
const TOKEN = '3b0c9a1e-5f2d-4c7a-9e8b-1a2b3c4d5e6f';
const packageArn = (version: number) => `arn:aws:sagemaker:eu-west-1:123456789012:model-package/${PROJECT}/${version}`;
const T0 = new Date('2025-03-04T05:06:07.000Z');
const SINCE = new Date('2025-03-04T06:00:00.000Z');
const DECIDED = new Date('2025-03-04T07:00:00.000Z');

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
  };
}

async function run(argv: string[], injected: CliDeps = deps()) {
  const out = capture();
  const code = await runCli(argv, out, injected);
  return { code, out, lines: out.results.flatMap((result) => String(result).split('\n')) };
}

/** The usage errors commander writes to stderr. */
async function usageError(argv: string[]): Promise<{ code: number; stderr: string }> {
  const { value, stderr } = await withStderr(() => run(argv));
  return { code: value.code, stderr };
}

function serviceError(name: string, message: string): SageMakerServiceException {
  return new SageMakerServiceException({ name, message, $fault: 'client', $metadata: {} });
}

function prodStage(approval: NonNullable<StageState['actionStates']>[number]['latestExecution'], status = 'InProgress'): StageState {
  return { stageName: 'Prod', latestExecution: { pipelineExecutionId: EXECUTION, status: status as 'InProgress' }, actionStates: [{ actionName: 'ApproveRelease', latestExecution: approval }] };
}

function waiting(): void {
  cp.on(GetPipelineStateCommand, { name: PIPELINE }).resolves({
    stageStates: [
      { stageName: 'Staging', latestExecution: { pipelineExecutionId: EXECUTION, status: 'Succeeded' } },
      prodStage({ status: 'InProgress', lastStatusChange: SINCE, token: TOKEN }),
    ],
  });
}

function endpointServes(endpoint: string, version: number, auc: string, approvalStatus: 'Approved' | 'Rejected' | 'PendingManualApproval' = 'Approved'): void {
  sm.on(DescribeEndpointCommand, { EndpointName: endpoint }).resolves({
    EndpointName: endpoint, EndpointArn: `arn:${endpoint}`, EndpointConfigName: `${endpoint}-config`, EndpointStatus: 'InService', CreationTime: T0, LastModifiedTime: T0,
  });
  sm.on(DescribeEndpointConfigCommand, { EndpointConfigName: `${endpoint}-config` })
    .resolves({ EndpointConfigName: `${endpoint}-config`, ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: `${endpoint}-model`, ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5 } }] });
  sm.on(DescribeModelCommand, { ModelName: `${endpoint}-model` }).resolves({ ModelName: `${endpoint}-model`, PrimaryContainer: { ModelPackageName: packageArn(version) } });
  sm.on(DescribeModelPackageCommand, { ModelPackageName: packageArn(version) }).resolves({
    ModelPackageArn: packageArn(version), ModelPackageGroupName: PROJECT, ModelPackageVersion: version, ModelApprovalStatus: approvalStatus, CustomerMetadataProperties: { auc },
  });
}

function endpointMissing(endpoint: string): void {
  sm.on(DescribeEndpointCommand, { EndpointName: endpoint }).rejects(serviceError('ValidationException', `Could not find endpoint "${endpoint}".`));
}

const REVIEW = [
  `release waiting in pipeline ${PIPELINE}, Prod/ApproveRelease since 2025-03-04 06:00 UTC (execution ${EXECUTION})`,
  '  candidate:  version 7 of churn (AUC 0.8123) on churn-staging (InService)',
  '  production: version 5 of churn (AUC 0.8011) on churn-prod (InService)',
  '  AUC difference: +0.0112 (candidate minus production)',
];

beforeEach(() => {
  cp.reset();
  // The waiting execution's variables: none exported unless a test says so.
  cp.on(ListActionExecutionsCommand).resolves({ actionExecutionDetails: [] });
  sm.reset();
});

describe('approve-release and reject-release', () => {
  test('approve-release shows the candidate against production, then approves with the token', async () => {
    waiting();
    endpointServes('churn-staging', 7, '0.8123');
    endpointServes('churn-prod', 5, '0.8011');
    cp.on(PutApprovalResultCommand).resolves({ approvedAt: DECIDED });
    const injected = deps();

    const { code, out, lines } = await run(['--region', 'eu-west-1', '--profile', 'ml-dev', 'approve-release', '--project', PROJECT, '--comment', ' AUC up, p95 fine '], injected);

    expect(code).toBe(0);
    expect(out.infos).toEqual([]);
    expect(lines).toEqual([
      ...REVIEW,
      `approved the release of version 7 at 2025-03-04 07:00 UTC: the Prod stage now deploys it to churn-prod`,
    ]);
    // A pipeline that does not say where the stages are: both endpoints are read with the global options.
    expect(injected.requested).toEqual([
      ['codepipeline', { region: 'eu-west-1', profile: 'ml-dev' }],
      ['sagemaker', { region: 'eu-west-1', profile: 'ml-dev' }],
      ['sagemaker', { region: 'eu-west-1', profile: 'ml-dev' }],
    ]);
    // The global --request-timeout reaches every client.
    const timed = deps();
    await run(['--request-timeout', '30', 'approve-release', '--project', PROJECT, '--dry-run'], timed);
    expect(timed.requested.map(([, options]) => options.requestTimeoutMs)).toEqual([30_000, 30_000, 30_000]);
    expect(cp).toHaveReceivedCommandTimes(PutApprovalResultCommand, 1);
    expect(cp).toHaveReceivedCommandWith(PutApprovalResultCommand, {
      pipelineName: PIPELINE, stageName: 'Prod', actionName: 'ApproveRelease', token: TOKEN, result: { status: 'Approved', summary: 'AUC up, p95 fine' },
    });
    expect(lines.join('\n')).not.toContain(TOKEN);
    // What the README says the reviewer needs covers every call the review and the decision made.
    const called = actionsCalled([['codepipeline', cp], ['sagemaker', sm]]);
    expect(called).toEqual(expect.arrayContaining(['codepipeline:PutApprovalResult', 'sagemaker:DescribeEndpoint', 'sagemaker:DescribeModelPackage']));
    expect(called.filter((action) => !readmePermissions('approve-release').includes(action))).toEqual([]);
  });

  test('reject-release rejects, and production keeps what it serves', async () => {
    waiting();
    endpointServes('churn-staging', 7, '0.7');
    endpointServes('churn-prod', 5, '0.8011');
    cp.on(PutApprovalResultCommand).resolves({ approvedAt: DECIDED });

    const { code, lines } = await run(['reject-release', '--project', PROJECT, '--comment', 'AUC dropped']);

    expect(code).toBe(0);
    expect(lines).toContain('  AUC difference: -0.1011 (candidate minus production)');
    // The version stays Approved: the pipeline's next run would ask for it again; reject-model keeps it out.
    expect(lines[lines.length - 1]).toBe('rejected the release of version 7 at 2025-03-04 07:00 UTC: this execution stops and churn-prod keeps serving what it serves; '
      + 'version 7 stays Approved in the model registry, so the pipeline\'s next run (a push to model-deploy, say) asks for it again while it is the newest approved version: '
      + '`sagemaker-gitops reject-model 7 --group churn --comment "<why>"` keeps it out');
    expect(cp).toHaveReceivedCommandWith(PutApprovalResultCommand, { token: TOKEN, result: { status: 'Rejected', summary: 'AUC dropped' } });
  });

  test('a first release: production serves nothing yet', async () => {
    waiting();
    endpointServes('churn-staging', 1, '0.79');
    endpointMissing('churn-prod');
    cp.on(PutApprovalResultCommand).resolves({});

    const { code, lines } = await run(['approve-release', '--project', PROJECT, '--comment', 'first release']);

    expect(code).toBe(0);
    expect(lines.slice(1)).toEqual([
      '  candidate:  version 1 of churn (AUC 0.7900) on churn-staging (InService)',
      '  production: nothing yet (this is the first release) (endpoint churn-prod does not exist)',
      '  AUC difference: none (nothing in production to compare with)',
      'approved the release of version 1: the Prod stage now deploys it to churn-prod',
    ]);
  });

  test('the release\'s input-check line, exported by its staging check, is shown with the review and in --json', async () => {
    waiting();
    endpointServes('churn-staging', 7, '0.8123');
    endpointServes('churn-prod', 5, '0.8011');
    const inputs = 'CHANGED from version 5 (1 added, 0 removed): cohort_id_2025-03-01 added';
    cp.on(ListActionExecutionsCommand, { pipelineName: PIPELINE, filter: { pipelineExecutionId: EXECUTION } }).resolves({
      actionExecutionDetails: [{ stageName: 'Staging', actionName: 'TestStaging', output: { outputVariables: { MODEL_VERSION: '7', MODEL_INPUTS: inputs } } }],
    });

    const { code, lines } = await run(['approve-release', '--project', PROJECT, '--dry-run']);
    expect(code).toBe(0);
    expect(lines.slice(0, 5)).toEqual([...REVIEW, `  model inputs: ${inputs}`]);
    const json = await run(['--json', 'approve-release', '--project', PROJECT, '--dry-run']);
    expect(json.out.results[0]).toMatchObject({ modelInputs: inputs });
  });

  test('warnings are shown before the decision', async () => {
    waiting();
    endpointMissing('churn-staging');
    endpointServes('churn-prod', 5, '0.8');
    cp.on(PutApprovalResultCommand).resolves({});

    const { code, lines } = await run(['reject-release', '--project', PROJECT, '--comment', 'staging is gone']);

    expect(code).toBe(0);
    expect(lines).toEqual([
      `release waiting in pipeline ${PIPELINE}, Prod/ApproveRelease since 2025-03-04 06:00 UTC (execution ${EXECUTION})`,
      '  candidate:  unknown (endpoint churn-staging does not exist)',
      '  production: version 5 of churn (AUC 0.8000) on churn-prod (InService)',
      '  AUC difference: unknown (a version is unknown)',
      'warning: the staging endpoint churn-staging does not exist, so the candidate is unknown: check the pipeline before deciding',
      'rejected the release of the candidate: this execution stops and churn-prod keeps serving what it serves',
    ]);
  });

  test('--json prints {pipeline, stage, action, candidate, production, decision} and no token', async () => {
    waiting();
    endpointServes('churn-staging', 7, '0.8123');
    endpointServes('churn-prod', 5, '0.8011');
    cp.on(PutApprovalResultCommand).resolves({ approvedAt: DECIDED });

    const { code, out } = await run(['--json', 'approve-release', '--project', PROJECT, '--comment', 'AUC up']);

    expect(code).toBe(0);
    expect(out.results).toHaveLength(1);
    const result = out.results[0] as Record<string, any>;
    expect(result).toMatchObject({
      pipeline: PIPELINE,
      stage: 'Prod',
      action: 'ApproveRelease',
      waitingSince: SINCE.toISOString(),
      pipelineExecutionId: EXECUTION,
      candidate: { stage: 'staging', deployed: true, endpointName: 'churn-staging', status: 'InService', model: { version: 7, auc: 0.8123, modelPackageArn: packageArn(7) } },
      production: { stage: 'prod', deployed: true, endpointName: 'churn-prod', model: { version: 5, auc: 0.8011 } },
      aucDifference: 0.0112,
      warnings: [],
      decision: { status: 'Approved', comment: 'AUC up', decidedAt: DECIDED.toISOString() },
    });
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });

  test('--dry-run shows the release and decides nothing, even without --comment', async () => {
    waiting();
    endpointServes('churn-staging', 7, '0.8123');
    endpointServes('churn-prod', 5, '0.8011');

    const { code, lines } = await run(['approve-release', '--project', PROJECT, '--dry-run']);

    expect(code).toBe(0);
    expect(lines).toEqual([...REVIEW, 'dry run: nothing decided; without --dry-run this would approve the release of version 7 to churn-prod']);
    expect(cp).not.toHaveReceivedCommand(PutApprovalResultCommand);

    const json = await run(['--json', 'reject-release', '--project', PROJECT, '--dry-run', '--comment', 'maybe']);
    expect(json.code).toBe(0);
    expect((json.out.results[0] as Record<string, unknown>).decision).toEqual({ status: 'Rejected', comment: 'maybe', dryRun: true });
    expect(cp).not.toHaveReceivedCommand(PutApprovalResultCommand);
  });

  test('no release waiting exits 1 with the Prod stage\'s status and describes no endpoint', async () => {
    cp.on(GetPipelineStateCommand).resolves({
      stageStates: [prodStage({ status: 'Succeeded', lastStatusChange: SINCE, summary: 'looks good' }, 'Succeeded')],
    });

    const { code, out } = await run(['approve-release', '--project', PROJECT, '--comment', 'ship it']);

    expect(code).toBe(1);
    expect(out.results).toEqual([]);
    expect(out.infos).toHaveLength(1);
    expect(out.infos[0].split('\n')).toEqual([
      `error: no release waits for approval in pipeline ${PIPELINE} (eu-west-1); its Prod stage is Succeeded (execution ${EXECUTION})`,
      `the last release was approved at ${SINCE.toISOString()}: "looks good"`,
      'see the pipeline with: sagemaker-gitops status --project churn',
    ]);
    expect(sm).not.toHaveReceivedAnyCommand();
    expect(cp).not.toHaveReceivedCommand(PutApprovalResultCommand);
  });

  test('an approval completed by someone else meanwhile exits 1 after the review', async () => {
    waiting();
    endpointServes('churn-staging', 7, '0.8123');
    endpointServes('churn-prod', 5, '0.8011');
    cp.on(PutApprovalResultCommand).rejects(new ApprovalAlreadyCompletedException({ message: 'Approval action has already been completed', $metadata: {} }));

    const { code, out, lines } = await run(['approve-release', '--project', PROJECT, '--comment', 'ship it']);

    expect(code).toBe(1);
    expect(lines).toEqual(REVIEW);
    expect(out.infos).toEqual([
      `error: the release approval Prod/ApproveRelease in pipeline ${PIPELINE} was already approved or rejected (by someone else, or a moment ago); ` +
      'nothing was changed; see what happened with sagemaker-gitops status (CodePipeline: Approval action has already been completed)',
    ]);
  });
});

// CodePipeline User Guide, "How pipeline executions are processed" (SUPERSEDED mode: only the stage an execution is in
// is locked): a newer execution can redeploy staging while an older one waits in Prod. The review then shows what
// staging serves, not what approving would release: approve-release refuses; reject-release goes ahead.
describe('a newer execution redeployed staging while the release waits', () => {
  const WAITING = '1a2b3c4d-0000-4000-8000-000000000002';
  const NEWER = '1a2b3c4d-0000-4000-8000-000000000003';
  beforeEach(() => {
    cp.on(GetPipelineStateCommand, { name: PIPELINE }).resolves({
      stageStates: [
        { stageName: 'Staging', latestExecution: { pipelineExecutionId: NEWER, status: 'Succeeded' } },
        { ...prodStage({ status: 'InProgress', lastStatusChange: SINCE, token: TOKEN }), latestExecution: { pipelineExecutionId: WAITING, status: 'InProgress' } },
      ],
    });
    cp.on(ListActionExecutionsCommand, { pipelineName: PIPELINE, filter: { pipelineExecutionId: WAITING } }).resolves({
      actionExecutionDetails: [{ stageName: 'Staging', actionName: 'TestStaging', output: { outputVariables: { MODEL_VERSION: '6', MODEL_AUC: '0.8050', MODEL_PACKAGE_ARN: packageArn(6) } } }],
    });
    endpointServes('churn-staging', 7, '0.8123');
    endpointServes('churn-prod', 5, '0.8011');
    cp.on(PutApprovalResultCommand).resolves({ approvedAt: DECIDED });
  });

  test('approve-release shows the warning, refuses and decides nothing', async () => {
    const { code, out, lines } = await run(['approve-release', '--project', PROJECT, '--comment', 'ship it']);
    expect(code).toBe(1);
    expect(lines).toContain(`warning: the staging endpoint now serves what a newer execution (${NEWER}) deployed, not the release that waits: ` +
      `approving execution ${WAITING} releases version 6 (test AUC 0.8050), which passed its staging test before, not the candidate shown above; ` +
      `rejecting it lets execution ${NEWER}, with the version staging serves, come up for approval next`);
    expect(out.infos).toHaveLength(1);
    expect(out.infos[0]).toMatch(/^error: not approved: the staging endpoint now serves .* Reject this release with reject-release, or approve it in the CodePipeline console, where its approval names its version; nothing was changed$/);
    expect(cp).not.toHaveReceivedCommand(PutApprovalResultCommand);
  });

  test('reject-release rejects the waiting version, and says so', async () => {
    const { code, lines } = await run(['reject-release', '--project', PROJECT, '--comment', 'superseded by the newer model']);
    expect(code).toBe(0);
    expect(lines[lines.length - 1]).toMatch(/^rejected the release of version 6 at 2025-03-04 07:00 UTC: this execution stops and churn-prod keeps serving what it serves; version 6 stays Approved .* `sagemaker-gitops reject-model 6 --group churn --comment "<why>"` keeps it out$/);
    expect(cp).toHaveReceivedCommandWith(PutApprovalResultCommand, { token: TOKEN, result: { status: 'Rejected', summary: 'superseded by the newer model' } });
  });

  test('--json names the execution staging serves and the waiting release', async () => {
    const { code, out } = await run(['--json', 'approve-release', '--project', PROJECT, '--dry-run']);
    expect(code).toBe(0);
    expect((out.results[0] as Record<string, unknown>).stagingMovedOn).toEqual({ stagingExecutionId: NEWER, waiting: { version: '6', auc: '0.8050', modelPackageArn: packageArn(6) } });
  });
});

// CodePipeline User Guide, "How pipeline executions work": a stage runs one execution at a time, and one waiting at a
// manual approval holds it. reject-model of the waiting version starts a release of the newest approved version, which
// waits behind this one; staging still serves the rejected candidate, so only the registry shows that it is rejected.
describe('the waiting version was rejected in the registry meanwhile', () => {
  beforeEach(() => {
    waiting();
    endpointServes('churn-staging', 7, '0.8123', 'Rejected');
    endpointServes('churn-prod', 5, '0.8011');
    cp.on(PutApprovalResultCommand).resolves({ approvedAt: DECIDED });
  });

  test('approve-release shows the warning, refuses and decides nothing', async () => {
    const { code, out, lines } = await run(['approve-release', '--project', PROJECT, '--comment', 'ship it']);
    expect(code).toBe(1);
    expect(lines).toContain('warning: version 7 is Rejected in the model registry now: it was approved when this execution started, no longer');
    expect(out.infos).toEqual(['error: not approved: version 7 is Rejected in the model registry now: approving would release it to production. ' +
      'Reject this release with reject-release; the release of the newest approved version that the rejection started comes up for approval next; nothing was changed']);
    expect(cp).not.toHaveReceivedCommand(PutApprovalResultCommand);
  });

  // The release trigger matches Approved and Rejected only (design decision 6): a version set back to pending starts nothing.
  test('a version set back to PendingManualApproval is refused too, saying no release follows', async () => {
    endpointServes('churn-staging', 7, '0.8123', 'PendingManualApproval');
    const { code, out } = await run(['approve-release', '--project', PROJECT, '--comment', 'ship it']);
    expect(code).toBe(1);
    expect(out.infos.at(-1)).toBe('error: not approved: version 7 is PendingManualApproval in the model registry now: approving would release it to production. ' +
      'Reject this release with reject-release; its status change starts no release: approve version 7 again (approve-model) to release it; nothing was changed');
    expect(cp).not.toHaveReceivedCommand(PutApprovalResultCommand);
  });

  test('reject-release and --dry-run still work', async () => {
    expect((await run(['approve-release', '--project', PROJECT, '--dry-run'])).code).toBe(0);
    expect(cp).not.toHaveReceivedCommand(PutApprovalResultCommand);
    expect((await run(['reject-release', '--project', PROJECT, '--comment', 'version 7 was rejected'])).code).toBe(0);
    expect(cp).toHaveReceivedCommandWith(PutApprovalResultCommand, { token: TOKEN, result: { status: 'Rejected', summary: 'version 7 was rejected' } });
  });
});

describe('approve-release and reject-release usage errors exit 2 and call nothing', () => {
  test.each([
    [['approve-release', '--comment', 'ok'], /error: required option '--project <name>' not specified/],
    [['approve-release', '--project', PROJECT], /error: required option '--comment <text>' not specified \(only --dry-run goes without\)/],
    [['reject-release', '--project', PROJECT], /error: required option '--comment <text>' not specified/],
    [['approve-release', '--project', PROJECT, '--comment', ''], /comment must not be empty/],
    [['reject-release', '--project', PROJECT, '--comment', '   '], /comment must not be empty/],
    [['approve-release', '--project', PROJECT, '--comment', 'x'.repeat(513)], /comment must be at most 512 characters \(CodePipeline's limit on an approval summary\), got 513/],
    [['approve-release', '--project', 'churn_models', '--comment', 'ok'], /project name must start with a letter.*got "churn_models"/],
    [['reject-release', '--project', '9lives', '--comment', 'ok'], /project name must start with a letter.*got "9lives"/],
    [['approve-release', '--project', PROJECT, '--comment', 'ok', '--group', 'bad_group'], /model package group name must be .*got bad_group/],
    [['approve-release', '--project', PROJECT, '--comment', 'ok', '--yes'], /error: unknown option '--yes'/],
  ])('%j', async (argv, message) => {
    const { code, stderr } = await usageError(argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(cp).not.toHaveReceivedAnyCommand();
    expect(sm).not.toHaveReceivedAnyCommand();
  });
});

describe('approve-release reads each endpoint in its stage\'s account and region', () => {
  /** A pipeline in account 111111111111 deploying staging there (us-east-1) and production to 222222222222 (us-west-2). */
  const stagesIn = () => cp.on(GetPipelineCommand, { name: PIPELINE }).resolves(pipelineDeployingStages(PIPELINE));

  test('with --prod-profile, production is read in its region with that profile', async () => {
    waiting();
    stagesIn();
    endpointServes('churn-staging', 7, '0.8123');
    endpointServes('churn-prod', 5, '0.8011');
    const injected = deps();
    const { code } = await run(['--region', 'eu-west-1', 'approve-release', '--project', PROJECT, '--dry-run', '--prod-profile', 'prod-account'], injected);
    expect(code).toBe(0);
    expect(injected.requested.filter(([service]) => service === 'sagemaker')).toEqual([
      ['sagemaker', { region: 'us-east-1' }],
      ['sagemaker', { region: 'us-west-2', profile: 'prod-account' }],
    ]);
  });

  test('without it, the command fails naming the account, the region and the option, and decides nothing', async () => {
    waiting();
    stagesIn();
    endpointServes('churn-staging', 7, '0.8123');
    const { code, out } = await run(['approve-release', '--project', PROJECT, '--comment', 'ok']);
    expect(code).toBe(1);
    expect(out.infos).toEqual(['error: the prod endpoint is in account 222222222222 (region us-west-2), the credentials in use are of account 111111111111 (the pipeline\'s): '
      + 'pass --prod-profile <a profile of account 222222222222> to compare the release with what prod serves']);
    expect(cp).not.toHaveReceivedCommand(PutApprovalResultCommand);
  });
});
