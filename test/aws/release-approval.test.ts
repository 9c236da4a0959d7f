import {
  ApprovalAlreadyCompletedException,
  CodePipelineClient,
  GetPipelineCommand,
  GetPipelineStateCommand,
  InvalidApprovalTokenException,
  ListActionExecutionsCommand,
  PipelineNotFoundException,
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
import {
  CliError,
  RELEASE_COMMENT_MAX_LENGTH,
  ReleaseApproval,
  checkStageCredentials,
  decideRelease,
  findStageLocations,
  findReleaseApproval,
  releaseCommentProblem,
  reviewRelease,
} from '../../src/aws';
import { ProjectResourceNames } from '../../src/app-context/resource-names';

const codePipeline = new CodePipelineClient({ region: 'eu-west-1' });
const sageMaker = new SageMakerClient({ region: 'eu-west-1' });
const cp = mockClient(codePipeline);
const sm = mockClient(sageMaker);

const PROJECT = 'churn';
const PIPELINE = 'churn-model-deploy';
// A pipeline execution id as CodePipeline writes it (a UUID: the API model's pattern for ListActionExecutions' filter).
const EXECUTION = '1a2b3c4d-0000-4000-8000-000000000001';
const names = new ProjectResourceNames(PROJECT);
const packageArn = (version: number, group = PROJECT) => `arn:aws:sagemaker:eu-west-1:123456789012:model-package/${group}/${version}`;
const T0 = new Date('2025-03-04T05:06:07.000Z');
const T1 = new Date('2025-03-04T06:00:00.000Z');
const DECIDED = new Date('2025-03-04T07:00:00.000Z');

const APPROVAL: ReleaseApproval = {
  pipelineName: PIPELINE, stageName: 'Prod', actionName: 'ApproveRelease', token: '7d3f9c2a-1b4e-4c5d-8e6f-0a1b2c3d4e5f', since: T1.toISOString(), pipelineExecutionId: EXECUTION, stagingExecutionId: EXECUTION, stagingStatus: 'Succeeded',
};

function serviceError(name: string, message: string): SageMakerServiceException {
  return new SageMakerServiceException({ name, message, $fault: 'client', $metadata: {} });
}

function stage(stageName: string, status: string | undefined, actionStates: StageState['actionStates'] = []): StageState {
  return { stageName, actionStates, ...(status ? { latestExecution: { pipelineExecutionId: EXECUTION, status: status as 'Succeeded' } } : {}) };
}

function pipelineState(stageStates: StageState[]): void {
  cp.on(GetPipelineStateCommand, { name: PIPELINE }).resolves({ pipelineName: PIPELINE, stageStates });
}

function waiting(): void {
  pipelineState([
    stage('Source', 'Succeeded'),
    stage('Build', 'Succeeded'),
    stage('Staging', 'Succeeded'),
    stage('Prod', 'InProgress', [{ actionName: 'ApproveRelease', latestExecution: { status: 'InProgress', lastStatusChange: T1, token: '7d3f9c2a-1b4e-4c5d-8e6f-0a1b2c3d4e5f' } }, { actionName: 'Endpoint.Deploy' }]),
  ]);
}

interface Served {
  readonly version: number;
  readonly auc?: string;
  readonly status?: string;
  readonly approvalStatus?: string;
  readonly group?: string;
}

function endpointServes(endpoint: string, { version, auc, status = 'InService', approvalStatus = 'Approved', group = PROJECT }: Served): void {
  const arn = packageArn(version, group);
  sm.on(DescribeEndpointCommand, { EndpointName: endpoint }).resolves({
    EndpointName: endpoint, EndpointArn: `arn:${endpoint}`, EndpointConfigName: `${endpoint}-config`, EndpointStatus: status as 'InService', CreationTime: T0, LastModifiedTime: T0,
  });
  sm.on(DescribeEndpointConfigCommand, { EndpointConfigName: `${endpoint}-config` })
    .resolves({ EndpointConfigName: `${endpoint}-config`, ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: `${endpoint}-model` }] });
  sm.on(DescribeModelCommand, { ModelName: `${endpoint}-model` }).resolves({ ModelName: `${endpoint}-model`, Containers: [{ ModelPackageName: arn }] });
  sm.on(DescribeModelPackageCommand, { ModelPackageName: arn }).resolves({
    ModelPackageArn: arn, ModelPackageGroupName: group, ModelPackageVersion: version, ModelApprovalStatus: approvalStatus as 'Approved',
    CustomerMetadataProperties: auc === undefined ? undefined : { auc },
  });
}

function endpointMissing(endpoint: string): void {
  sm.on(DescribeEndpointCommand, { EndpointName: endpoint }).rejects(serviceError('ValidationException', `Could not find endpoint "${endpoint}".`));
}

/** The error a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a rejection');
}

beforeEach(() => {
  cp.reset();
  // The waiting execution's variables: none exported unless a test says so.
  cp.on(ListActionExecutionsCommand).resolves({ actionExecutionDetails: [] });
  sm.reset();
});

describe('releaseCommentProblem', () => {
  test('accepts a comment up to CodePipeline\'s limit, counted after trimming', () => {
    expect(RELEASE_COMMENT_MAX_LENGTH).toBe(512);
    expect(releaseCommentProblem('AUC up by 0.01, latency fine')).toBeUndefined();
    expect(releaseCommentProblem(`  ${'a'.repeat(512)}  `)).toBeUndefined();
  });

  test.each(['', '   ', '\n\t'])('refuses an empty comment %j', (comment) => {
    expect(releaseCommentProblem(comment)).toBe('comment must not be empty: say why the release may (or may not) go to production');
  });

  test('refuses a comment over 512 characters', () => {
    expect(releaseCommentProblem('a'.repeat(513))).toBe('comment must be at most 512 characters (CodePipeline\'s limit on an approval summary), got 513');
  });
});

describe('findReleaseApproval', () => {
  test('finds the in-progress ApproveRelease of the Prod stage with its token', async () => {
    waiting();
    await expect(findReleaseApproval(codePipeline, names)).resolves.toEqual(APPROVAL);
    expect(cp).toHaveReceivedCommandWith(GetPipelineStateCommand, { name: PIPELINE });
  });

  test('a pipeline that does not exist: a CliError naming it, the region and how to deploy it', async () => {
    cp.on(GetPipelineStateCommand).rejects(new PipelineNotFoundException({ message: 'no such pipeline', $metadata: {} }));
    const err = await failure(findReleaseApproval(codePipeline, names));
    expect(err).toBeInstanceOf(CliError);
    expect(err.message).toBe(
      'no release waits for approval: pipeline churn-model-deploy does not exist in region eu-west-1; ' +
      'deploy it from the model-deploy repository (npx cdk deploy churn-model-deploy-pipeline), or pass the region it is in with --region',
    );
  });

  test('a release decided already: the Prod stage\'s status and the last decision', async () => {
    pipelineState([
      stage('Staging', 'Succeeded'),
      stage('Prod', 'Succeeded', [{ actionName: 'ApproveRelease', latestExecution: { status: 'Succeeded', lastStatusChange: T1, lastUpdatedBy: 'arn:aws:iam::123456789012:user/ana', summary: 'AUC up' } }]),
    ]);
    const err = await failure(findReleaseApproval(codePipeline, names));
    expect(err).toBeInstanceOf(CliError);
    expect(err.message.split('\n')).toEqual([
      `no release waits for approval in pipeline churn-model-deploy (eu-west-1); its Prod stage is Succeeded (execution ${EXECUTION})`,
      `the last release was approved by arn:aws:iam::123456789012:user/ana at ${T1.toISOString()}: "AUC up"`,
      'see the pipeline with: sagemaker-gitops status --project churn',
    ]);
  });

  test('an approved release that CheckRegistryApproval stopped before the deploy says so, with the check\'s reason', async () => {
    pipelineState([
      stage('Prod', 'Failed', [
        { actionName: 'ApproveRelease', latestExecution: { status: 'Succeeded', lastStatusChange: T1, lastUpdatedBy: 'arn:aws:iam::123456789012:user/ana', summary: 'AUC up' } },
        { actionName: 'CheckRegistryApproval', latestExecution: { status: 'Failed', errorDetails: { code: 'JobFailed', message: 'version 7 of churn is Rejected in the model registry' } } },
        { actionName: 'churn-prod-endpoint.Deploy' },
      ]),
    ]);
    expect((await failure(findReleaseApproval(codePipeline, names))).message.split('\n').slice(1, 3)).toEqual([
      `the last release was approved by arn:aws:iam::123456789012:user/ana at ${T1.toISOString()}: "AUC up"`,
      'then CheckRegistryApproval stopped it before the production deploy: version 7 of churn is Rejected in the model registry',
    ]);
  });

  test('a rejected last release, and a release on its way through Staging', async () => {
    pipelineState([
      stage('Staging', 'InProgress'),
      stage('Prod', 'Failed', [{ actionName: 'ApproveRelease', latestExecution: { status: 'Failed', summary: 'latency too high' } }]),
    ]);
    const lines = (await failure(findReleaseApproval(codePipeline, names))).message.split('\n');
    expect(lines[0]).toBe(`no release waits for approval in pipeline churn-model-deploy (eu-west-1); its Prod stage is Failed (execution ${EXECUTION})`);
    expect(lines[1]).toBe('the last release was rejected: "latency too high"');
    expect(lines[2]).toBe(`stage Staging is in progress (execution ${EXECUTION}): a release waits for approval once staging is deployed and tested`);
  });

  // "Approve or reject an approval action in CodePipeline": the pipeline fails the approval when the approver rejects it,
  // and when no response comes within seven days; a reviewer's decision records who decided (lastUpdatedBy) and why.
  test('a rejection names the reviewer and says rejected, not timed out', async () => {
    pipelineState([stage('Prod', 'Failed', [{ actionName: 'ApproveRelease', latestExecution: {
      status: 'Failed', lastStatusChange: T1, lastUpdatedBy: 'arn:aws:sts::123456789012:assumed-role/reviewer/bo', summary: 'drift',
    } }])]);
    const lines = (await failure(findReleaseApproval(codePipeline, names))).message.split('\n');
    expect(lines[1]).toBe(`the last release was rejected by arn:aws:sts::123456789012:assumed-role/reviewer/bo at ${T1.toISOString()}: "drift"`);
  });

  test('an approval nobody decided says timed out, not rejected', async () => {
    pipelineState([stage('Prod', 'Failed', [{ actionName: 'ApproveRelease', latestExecution: {
      status: 'Failed', lastStatusChange: T1, errorDetails: { code: 'TimeoutError', message: 'Approval expired' },
    } }])]);
    const lines = (await failure(findReleaseApproval(codePipeline, names))).message.split('\n');
    expect(lines[1]).toBe(`the last release timed out at ${T1.toISOString()}: nobody approved or rejected it within the approval's timeout (7 days by default) (Approval expired)`);
    expect(lines[1]).not.toContain('rejected by');
  });

  test('a Prod stage that never ran behind a failed Staging', async () => {
    pipelineState([stage('Staging', 'Failed'), stage('Prod', undefined, [{ actionName: 'ApproveRelease' }])]);
    const lines = (await failure(findReleaseApproval(codePipeline, names))).message.split('\n');
    expect(lines[0]).toBe('no release waits for approval in pipeline churn-model-deploy (eu-west-1); its Prod stage is not run yet');
    expect(lines[1]).toBe(`stage Staging failed (execution ${EXECUTION}): no release reaches approval until a run gets past it`);
  });

  test('an in-progress approval without a token cannot be decided here', async () => {
    pipelineState([stage('Prod', 'InProgress', [{ actionName: 'ApproveRelease', latestExecution: { status: 'InProgress' } }])]);
    expect((await failure(findReleaseApproval(codePipeline, names))).message)
      .toContain('ApproveRelease is in progress but GetPipelineState gave no approval token (a pipeline in PARALLEL execution mode does not)');
  });

  test('a pipeline without a Prod stage or without the ApproveRelease action', async () => {
    pipelineState([stage('Source', 'Succeeded'), stage('Build', 'Succeeded')]);
    expect((await failure(findReleaseApproval(codePipeline, names))).message)
      .toBe('no release waits for approval in pipeline churn-model-deploy (eu-west-1); it has no Prod stage (its stages: Source, Build). Is it a model-deploy pipeline of sagemaker-gitops?');
    pipelineState([stage('Prod', 'Succeeded', [{ actionName: 'Deploy' }])]);
    expect((await failure(findReleaseApproval(codePipeline, names))).message).toContain('its Prod stage has no ApproveRelease action (its actions: Deploy)');
  });
});

describe('reviewRelease', () => {
  test('compares the version on staging with the one in production', async () => {
    waiting();
    endpointServes('churn-staging', { version: 7, auc: '0.8123' });
    endpointServes('churn-prod', { version: 5, auc: '0.8011' });
    const review = await reviewRelease(codePipeline, sageMaker, names);
    expect(review.approval).toEqual(APPROVAL);
    expect(review.candidate).toMatchObject({ stage: 'staging', deployed: true, endpointName: 'churn-staging', status: 'InService', model: { version: 7, auc: 0.8123 } });
    expect(review.production).toMatchObject({ stage: 'prod', deployed: true, endpointName: 'churn-prod', model: { version: 5, auc: 0.8011 } });
    expect(review.aucDifference).toBe(0.0112);
    expect(review.warnings).toEqual([]);
  });

  test('a first release: production has nothing yet, so no AUC difference', async () => {
    waiting();
    endpointServes('churn-staging', { version: 1, auc: '0.79' });
    endpointMissing('churn-prod');
    const review = await reviewRelease(codePipeline, sageMaker, names);
    expect(review.production).toEqual({ stage: 'prod', endpointName: 'churn-prod', deployed: false });
    expect(review).not.toHaveProperty('aucDifference');
    expect(review.warnings).toEqual([]);
  });

  test('no waiting release: no endpoint is described', async () => {
    pipelineState([stage('Prod', 'Succeeded', [{ actionName: 'ApproveRelease', latestExecution: { status: 'Succeeded' } }])]);
    await expect(reviewRelease(codePipeline, sageMaker, names)).rejects.toThrow(CliError);
    expect(sm).not.toHaveReceivedAnyCommand();
  });

  test('warns about a missing staging endpoint', async () => {
    waiting();
    endpointMissing('churn-staging');
    endpointServes('churn-prod', { version: 5, auc: '0.8' });
    const review = await reviewRelease(codePipeline, sageMaker, names);
    expect(review.warnings).toEqual(['the staging endpoint churn-staging does not exist, so the candidate is unknown: check the pipeline before deciding']);
  });

  test('warns about a staging endpoint that is not in service, a rejected candidate and another group', async () => {
    waiting();
    endpointServes('churn-staging', { version: 7, auc: '0.81', status: 'Updating', approvalStatus: 'Rejected', group: 'other-models' });
    endpointServes('churn-prod', { version: 5, auc: '0.8' });
    const review = await reviewRelease(codePipeline, sageMaker, names);
    expect(review.warnings).toEqual([
      'the staging endpoint churn-staging is Updating: it may not serve what this execution tested',
      'the candidate is a version of model package group other-models, not of churn (pass --group <name> when the project uses another group)',
      'version 7 is Rejected in the model registry now: it was approved when this execution started, no longer',
    ]);
  });

  test('--group names the group the candidate is expected in; the same version in production is pointed out', async () => {
    waiting();
    endpointServes('churn-staging', { version: 5, auc: '0.8', group: 'churn-models' });
    endpointServes('churn-prod', { version: 5, auc: '0.8', group: 'churn-models' });
    const review = await reviewRelease(codePipeline, sageMaker, new ProjectResourceNames(PROJECT, 'churn-models'));
    expect(review.aucDifference).toBe(0);
    expect(review.warnings).toEqual(['production already serves version 5: approving redeploys the same version (with this execution\'s endpoint settings)']);
  });

  test('a candidate of unknown version says why', async () => {
    waiting();
    endpointServes('churn-staging', { version: 7 });
    sm.on(DescribeModelCommand, { ModelName: 'churn-staging-model' }).rejects(serviceError('ValidationException', 'Could not find model "churn-staging-model".'));
    endpointServes('churn-prod', { version: 5 });
    const review = await reviewRelease(codePipeline, sageMaker, names);
    expect(review.warnings).toEqual(['the candidate\'s version is unknown: model churn-staging-model no longer exists']);
    expect(review).not.toHaveProperty('aucDifference');
  });
});

// CodePipeline User Guide, "How pipeline executions are processed": in SUPERSEDED mode a stage is locked only while an
// execution is in it, so a newer execution can redeploy staging while an older one waits for approval in Prod; and
// "Variables reference": an action's output variables stay with its execution (ListActionExecutions shows them).
describe('reviewRelease when a newer execution redeployed staging', () => {
  // Execution ids as CodePipeline writes them (UUIDs: the API model's pattern for ListActionExecutions' filter).
  const WAITING = '1a2b3c4d-0000-4000-8000-000000000002';
  const NEWER = '1a2b3c4d-0000-4000-8000-000000000003';
  function overtaken(): void {
    pipelineState([
      stage('Source', 'Succeeded'),
      { ...stage('Staging', 'Succeeded'), latestExecution: { pipelineExecutionId: NEWER, status: 'Succeeded' } },
      {
        ...stage('Prod', 'InProgress', [{ actionName: 'ApproveRelease', latestExecution: { status: 'InProgress', lastStatusChange: T1, token: APPROVAL.token } }]),
        latestExecution: { pipelineExecutionId: WAITING, status: 'InProgress' },
      },
    ]);
    endpointServes('churn-staging', { version: 8, auc: '0.8300' });
    endpointServes('churn-prod', { version: 5, auc: '0.8011' });
  }

  test('names the version the waiting execution carries, read from its staging check\'s variables, and warns first', async () => {
    overtaken();
    cp.on(ListActionExecutionsCommand, { pipelineName: PIPELINE, filter: { pipelineExecutionId: WAITING } })
      .resolvesOnce({
        actionExecutionDetails: [{ stageName: 'Staging', actionName: 'Deploy', output: { outputVariables: {} } }],
        nextToken: 'page-2',
      })
      .resolvesOnce({
        actionExecutionDetails: [{
          stageName: 'Staging', actionName: 'TestStaging',
          output: { outputVariables: { MODEL_VERSION: '7', MODEL_AUC: '0.8123', MODEL_PACKAGE_ARN: packageArn(7) } },
        }],
      });
    const review = await reviewRelease(codePipeline, sageMaker, names);
    expect(review.approval).toMatchObject({ pipelineExecutionId: WAITING, stagingExecutionId: NEWER });
    expect(review.stagingMovedOn).toEqual({ stagingExecutionId: NEWER, waiting: { version: '7', auc: '0.8123', modelPackageArn: packageArn(7) } });
    expect(review.candidate).toMatchObject({ model: { version: 8 } });
    expect(review.warnings[0]).toBe(
      `the staging endpoint now serves what a newer execution (${NEWER}) deployed, not the release that waits: approving execution ${WAITING} releases ` +
      `version 7 (test AUC 0.8123), which passed its staging test before, not the candidate shown above; rejecting it lets execution ${NEWER}, ` +
      'with the version staging serves, come up for approval next',
    );
    expect(cp).toHaveReceivedCommandWith(ListActionExecutionsCommand, { pipelineName: PIPELINE, filter: { pipelineExecutionId: WAITING }, maxResults: 100, nextToken: 'page-2' });
  });

  test('an execution that exported no release variables: the warning says the version could not be read', async () => {
    overtaken();
    cp.on(ListActionExecutionsCommand).resolves({ actionExecutionDetails: [] });
    const review = await reviewRelease(codePipeline, sageMaker, names);
    expect(review.stagingMovedOn).toEqual({ stagingExecutionId: NEWER });
    expect(review.warnings[0]).toMatch(/approving execution \S+ releases a version this command could not read \(its execution exported no release variables\)/);
  });

  test('a newer execution that failed in Staging will not come up next: the warning says to check staging instead', async () => {
    overtaken();
    pipelineState([
      { ...stage('Staging', 'Failed'), latestExecution: { pipelineExecutionId: NEWER, status: 'Failed' } },
      {
        ...stage('Prod', 'InProgress', [{ actionName: 'ApproveRelease', latestExecution: { status: 'InProgress', lastStatusChange: T1, token: APPROVAL.token } }]),
        latestExecution: { pipelineExecutionId: WAITING, status: 'InProgress' },
      },
    ]);
    cp.on(ListActionExecutionsCommand).resolves({ actionExecutionDetails: [] });
    const review = await reviewRelease(codePipeline, sageMaker, names);
    expect(review.warnings[0]).toMatch(new RegExp(`; execution ${NEWER} failed in Staging and will not come up for approval: check what staging serves before deciding$`));
  });

  test('staging and Prod in the same execution: no warning, and the release\'s input-check line from its staging check', async () => {
    waiting();
    endpointServes('churn-staging', { version: 7, auc: '0.8123' });
    endpointServes('churn-prod', { version: 5, auc: '0.8011' });
    const inputs = 'CHANGED from version 5 (1 added, 1 removed): cohort_id_2025-03-01 added; cohort_id_2024-12-01 removed';
    cp.on(ListActionExecutionsCommand, { pipelineName: PIPELINE, filter: { pipelineExecutionId: EXECUTION } }).resolves({
      actionExecutionDetails: [{
        stageName: 'Staging', actionName: 'TestStaging',
        output: { outputVariables: { MODEL_VERSION: '7', MODEL_AUC: '0.8123', MODEL_PACKAGE_ARN: packageArn(7), MODEL_INPUTS: inputs } },
      }],
    });
    const review = await reviewRelease(codePipeline, sageMaker, names);
    expect(review.stagingMovedOn).toBeUndefined();
    expect(review.warnings).toEqual([]);
    expect(review.modelInputs).toBe(inputs);
  });

  /** The waiting execution's staging check exported input-check's line and the version it compared with. */
  function exportedInputs(inputs: string, base?: string): void {
    cp.on(ListActionExecutionsCommand, { pipelineName: PIPELINE, filter: { pipelineExecutionId: EXECUTION } }).resolves({
      actionExecutionDetails: [{
        stageName: 'Staging', actionName: 'TestStaging',
        output: { outputVariables: { MODEL_VERSION: '7', MODEL_AUC: '0.8123', MODEL_PACKAGE_ARN: packageArn(7), MODEL_INPUTS: inputs, ...(base === undefined ? {} : { MODEL_INPUTS_BASE: base }) } },
      }],
    });
  }

  test('input-check compared with the version production serves: no warning', async () => {
    waiting();
    endpointServes('churn-staging', { version: 7, auc: '0.8123' });
    endpointServes('churn-prod', { version: 5, auc: '0.8011' });
    exportedInputs('the same 12 columns as version 5, which production serves', '5');
    const review = await reviewRelease(codePipeline, sageMaker, names);
    expect(review.warnings).toEqual([]);
    expect(review.modelInputs).toBe('the same 12 columns as version 5, which production serves');
  });

  // input-check ran at the synth step, from the pipeline's history: since then another release may have reached production
  // (an older execution), or someone changed the endpoint; a first release compared with the version approved before it.
  test.each([
    ['another version', '6', 'compared version 7 with version 6, but production serves version 5'],
    ['no version', 'none', 'compared version 7 with no version, but production serves version 5'],
  ])('input-check compared with %s while production serves another: the reviewer is warned', async (_label, base, text) => {
    waiting();
    endpointServes('churn-staging', { version: 7, auc: '0.8123' });
    endpointServes('churn-prod', { version: 5, auc: '0.8011' });
    exportedInputs('the same 12 columns as version 6, approved before it', base);
    const review = await reviewRelease(codePipeline, sageMaker, names);
    expect(review.warnings).toEqual([`the model inputs line ${text}: its callers send version 5's columns, which were not compared (see each version's baseline.csv header)`]);
  });

  test('a first release (production not deployed), or a release exported without the compared version: no warning', async () => {
    waiting();
    endpointServes('churn-staging', { version: 7, auc: '0.8123' });
    endpointMissing('churn-prod');
    exportedInputs('the same 12 columns as version 6, approved before it', '6');
    expect((await reviewRelease(codePipeline, sageMaker, names)).warnings).toEqual([]);

    endpointServes('churn-prod', { version: 5, auc: '0.8011' });
    exportedInputs('the same 12 columns as version 6');
    expect((await reviewRelease(codePipeline, sageMaker, names)).warnings).toEqual([]);
  });

  test('a release synthesized before input-check: no inputs line', async () => {
    waiting();
    endpointServes('churn-staging', { version: 7, auc: '0.8123' });
    endpointServes('churn-prod', { version: 5, auc: '0.8011' });
    cp.on(ListActionExecutionsCommand).resolves({
      actionExecutionDetails: [{ stageName: 'Staging', actionName: 'TestStaging', output: { outputVariables: { MODEL_VERSION: '7', MODEL_AUC: '0.8123', MODEL_PACKAGE_ARN: packageArn(7) } } }],
    });
    expect((await reviewRelease(codePipeline, sageMaker, names)).modelInputs).toBeUndefined();
  });
});

describe('decideRelease', () => {
  test.each(['Approved', 'Rejected'] as const)('%s: PutApprovalResult with the token and the trimmed comment', async (status) => {
    cp.on(PutApprovalResultCommand).resolves({ approvedAt: DECIDED });
    await expect(decideRelease(codePipeline, APPROVAL, status, '  AUC up by 0.01  ')).resolves.toEqual({ status, comment: 'AUC up by 0.01', decidedAt: DECIDED.toISOString() });
    expect(cp).toHaveReceivedCommandTimes(PutApprovalResultCommand, 1);
    expect(cp).toHaveReceivedCommandWith(PutApprovalResultCommand, {
      pipelineName: PIPELINE, stageName: 'Prod', actionName: 'ApproveRelease', token: '7d3f9c2a-1b4e-4c5d-8e6f-0a1b2c3d4e5f', result: { status, summary: 'AUC up by 0.01' },
    });
  });

  test('refuses an empty comment without calling CodePipeline', async () => {
    await expect(decideRelease(codePipeline, APPROVAL, 'Approved', ' ')).rejects.toThrow(new CliError('comment must not be empty: say why the release may (or may not) go to production'));
    expect(cp).not.toHaveReceivedAnyCommand();
  });

  test('an approval completed meanwhile is a CliError that says nothing changed', async () => {
    cp.on(PutApprovalResultCommand).rejects(new ApprovalAlreadyCompletedException({ message: 'Approval action has already been completed', $metadata: {} }));
    const err = await failure(decideRelease(codePipeline, APPROVAL, 'Approved', 'ok'));
    expect(err).toBeInstanceOf(CliError);
    expect(err.message).toBe(
      'the release approval Prod/ApproveRelease in pipeline churn-model-deploy was already approved or rejected (by someone else, or a moment ago); ' +
      'nothing was changed; see what happened with sagemaker-gitops status (CodePipeline: Approval action has already been completed)',
    );
  });

  test('a token no longer valid is a CliError that says to run the command again', async () => {
    cp.on(PutApprovalResultCommand).rejects(new InvalidApprovalTokenException({ message: 'The token is invalid', $metadata: {} }));
    const err = await failure(decideRelease(codePipeline, APPROVAL, 'Rejected', 'no'));
    expect(err).toBeInstanceOf(CliError);
    expect(err.message).toMatch(/^the release approval Prod\/ApproveRelease in pipeline churn-model-deploy is no longer the one that was read .*; run the command again .*\(CodePipeline: The token is invalid\)$/);
  });

  test('other errors are rethrown as they are', async () => {
    const denied = Object.assign(new Error('not authorized to perform: codepipeline:PutApprovalResult'), { name: 'AccessDeniedException' });
    cp.on(PutApprovalResultCommand).rejects(denied);
    const err = await failure(decideRelease(codePipeline, APPROVAL, 'Approved', 'ok'));
    expect(err).not.toBeInstanceOf(CliError);
    expect(err.message).toBe('not authorized to perform: codepipeline:PutApprovalResult');
  });
});

describe('findStageLocations', () => {
  test('each stage\'s region and account come from the action that deploys its endpoint stack', async () => {
    cp.on(GetPipelineCommand).resolves({
      pipeline: { name: PIPELINE, roleArn: 'arn:aws:iam::123456789012:role/p', stages: [
        { name: 'Staging', actions: [{ name: 'Deploy', region: 'eu-central-1', actionTypeId: { category: 'Deploy', owner: 'AWS', provider: 'CloudFormation', version: '1' },
          configuration: { StackName: 'churn-staging-endpoint', RoleArn: 'arn:aws:iam::333333333333:role/cfn-exec' } }] },
        { name: 'Prod', actions: [{ name: 'Verify', actionTypeId: { category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' }, configuration: { ProjectName: 'churn-prod-endpoint' } }] },
      ] },
      metadata: { pipelineArn: `arn:aws:codepipeline:eu-west-1:123456789012:${PIPELINE}` },
    });
    expect(await findStageLocations(codePipeline, names)).toEqual({
      pipelineAccount: '123456789012',
      pipelinePartition: 'aws',
      stages: { staging: { stage: 'staging', region: 'eu-central-1', account: '333333333333' }, prod: { stage: 'prod' } },
    });
  });

  test('a stage in another account needs its own credentials', () => {
    const location = { stage: 'staging' as const, region: 'eu-central-1', account: '333333333333' };
    expect(() => checkStageCredentials(location, '123456789012', undefined)).toThrow(new CliError(
      'the staging endpoint is in account 333333333333 (region eu-central-1), the credentials in use are of account 123456789012 (the pipeline\'s): '
      + 'pass --staging-profile <a profile of account 333333333333> to compare the release with what staging serves',
    ));
    expect(() => checkStageCredentials(location, '123456789012', 'staging-account')).not.toThrow();
    expect(() => checkStageCredentials({ ...location, account: '123456789012' }, '123456789012', undefined)).not.toThrow();
  });
});
