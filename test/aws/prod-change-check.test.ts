import 'aws-sdk-client-mock-jest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CloudFormationClient, DescribeStacksCommand, GetTemplateCommand } from '@aws-sdk/client-cloudformation';
import { CodePipelineClient, GetPipelineStateCommand, ListPipelineExecutionsCommand, PipelineExecutionSummary, StageExecutionStatus } from '@aws-sdk/client-codepipeline';
import { GetParametersCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { SelfMutationStack, assemblyStacks, checkProdChange } from '../../src/aws';
import { runCli } from '../../src/cli';
import { captureOutput, withStderr } from '../helpers/cli-output';

const TEMPLATE = { Resources: { Endpoint: { Type: 'AWS::SageMaker::Endpoint', Properties: { EndpointName: 'player-churn-prod' } } } };
const STACK: SelfMutationStack = { artifactId: 'Endpoint', stackName: 'player-churn-prod-endpoint', region: 'us-east-1', template: TEMPLATE, tags: { project: 'player-churn' }, terminationProtection: false };
const OWN = '22222222-2222-4222-8222-222222222222';
const OLDER = '11111111-1111-4111-8111-111111111111';
const NEWER = '33333333-3333-4333-8333-333333333333';
const at = (minute: number) => new Date(Date.UTC(2026, 11, 6, 12, minute));

const cfn = mockClient(CloudFormationClient);
const codePipeline = mockClient(CodePipelineClient);
const ssm = mockClient(SSMClient);

/**
 * The Build stage holds this execution, the last run of Prod ended `lastProd`; ListPipelineExecutions lists `others` besides
 * it (newest first, as pages of `pageSize`).
 */
function pipeline(others: PipelineExecutionSummary[] = [], pageSize = 100, lastProd: StageExecutionStatus = 'Succeeded'): void {
  codePipeline.on(GetPipelineStateCommand, { name: 'player-churn-model-deploy' }).resolves({
    stageStates: [
      { stageName: 'Source', latestExecution: { pipelineExecutionId: NEWER, status: 'InProgress' } },
      { stageName: 'Build', latestExecution: { pipelineExecutionId: OWN, status: 'InProgress' } },
      { stageName: 'Prod', latestExecution: { pipelineExecutionId: OLDER, status: lastProd } },
    ],
  });
  const all = [...others, { pipelineExecutionId: OWN, status: 'InProgress', startTime: at(30) }]
    .sort((a, b) => b.startTime!.getTime() - a.startTime!.getTime()) as PipelineExecutionSummary[];
  const pages = Array.from({ length: Math.ceil(all.length / pageSize) }, (_, i) => all.slice(i * pageSize, (i + 1) * pageSize));
  pages.forEach((page, i) => {
    codePipeline.on(ListPipelineExecutionsCommand, { pipelineName: 'player-churn-model-deploy', ...(i > 0 ? { nextToken: `page-${i}` } : {}) }, false)
      .resolves({ pipelineExecutionSummaries: page, nextToken: i + 1 < pages.length ? `page-${i + 1}` : undefined });
  });
}

function deployed(template: object = TEMPLATE): void {
  cfn.on(DescribeStacksCommand).resolves({ Stacks: [{ StackName: STACK.stackName, StackStatus: 'UPDATE_COMPLETE', CreationTime: at(0), Tags: [{ Key: 'project', Value: 'player-churn' }] }] });
  cfn.on(GetTemplateCommand, { StackName: STACK.stackName, TemplateStage: 'Original' }).resolves({ TemplateBody: JSON.stringify(template) });
}

const check = (stacks: SelfMutationStack[] = [STACK]) => checkProdChange({
  stacks, codePipeline: new CodePipelineClient({ region: 'us-east-1' }), pipelineName: 'player-churn-model-deploy', checkStage: 'Build', prodStage: 'Prod',
  cloudFormationIn: async (region) => new CloudFormationClient({ region }),
  ssmIn: async (region) => new SSMClient({ region }),
});

beforeEach(() => {
  cfn.reset();
  codePipeline.reset();
  ssm.reset();
});

describe('checkProdChange', () => {
  test('not-needed when production is deployed as this release synthesized it and no older execution is in flight', async () => {
    pipeline([
      { pipelineExecutionId: OLDER, status: 'Succeeded', startTime: at(10) },
      { pipelineExecutionId: '44444444-4444-4444-8444-444444444444', status: 'Superseded', startTime: at(20) },
      // A newer execution is behind this one: it cannot deploy production before this one reaches it.
      { pipelineExecutionId: NEWER, status: 'InProgress', startTime: at(40) },
    ]);
    deployed();
    await expect(check()).resolves.toEqual({ verdict: 'not-needed', reasons: ['player-churn-prod-endpoint (us-east-1): deployed as synthesized'] });
  });

  // "StageExecution" (AWS CodePipeline API Reference): a stage's last run Failed or Stopped. A release whose Prod deploy or
  // VerifyRelease failed left the stack as this run would deploy it; skipping would report success without that check.
  test.each(['Failed', 'Stopped'] as const)('needed, without reading production, when the last run of Prod %s', async (status) => {
    pipeline([], 100, status);
    await expect(check()).resolves.toEqual({ verdict: 'needed', reasons: [`the last run of Prod (execution ${OLDER}) ended ${status}: it runs again`] });
    expect(cfn.calls()).toHaveLength(0);
  });

  test('a last run of Prod that was skipped does not prevent skipping it again', async () => {
    pipeline([], 100, 'Skipped');
    deployed();
    await expect(check()).resolves.toMatchObject({ verdict: 'not-needed' });
  });

  test('needed when a production stack differs, each stack named', async () => {
    pipeline();
    deployed({ Resources: {} });
    const batch: SelfMutationStack = { ...STACK, stackName: 'player-churn-batch-scoring' };
    cfn.on(GetTemplateCommand, { StackName: 'player-churn-batch-scoring' }).resolves({ TemplateBody: JSON.stringify(TEMPLATE) });
    await expect(check([STACK, batch])).resolves.toEqual({
      verdict: 'needed',
      reasons: ['player-churn-prod-endpoint (us-east-1): template differs', 'player-churn-batch-scoring (us-east-1): deployed as synthesized'],
    });
  });

  // "How pipeline executions work" (AWS CodePipeline User Guide): in SUPERSEDED mode an older
  // execution still in flight reaches production first, and may change what it runs before this
  // one gets there; so the answer read at synth time would be stale.
  test.each(['InProgress', 'Stopping'] as const)('needed, without reading production, while an older execution is %s', async (status) => {
    // It holds Prod: the reason names it as the execution ahead.
    pipeline([{ pipelineExecutionId: OLDER, status, startTime: at(10) }], 100, status);
    await expect(check()).resolves.toEqual({
      verdict: 'needed',
      reasons: [`execution ${OLDER} (${status}, started 2026-12-06T12:10:00.000Z) is ahead of this one and may deploy production first`],
    });
    expect(cfn.calls()).toHaveLength(0);
  });

  test('reads every page of executions: an older one in flight on the second page counts', async () => {
    pipeline([
      { pipelineExecutionId: NEWER, status: 'InProgress', startTime: at(40) },
      { pipelineExecutionId: OLDER, status: 'InProgress', startTime: at(5) },
      { pipelineExecutionId: '55555555-5555-4555-8555-555555555555', status: 'Failed', startTime: at(1) },
    ], 2);
    await expect(check()).resolves.toMatchObject({ verdict: 'needed', reasons: [expect.stringContaining(`execution ${OLDER} (InProgress`)] });
    expect(codePipeline.commandCalls(ListPipelineExecutionsCommand)).toHaveLength(2);
  });

  // "Specify existing resources at runtime with CloudFormation-supplied parameter types" (AWS CloudFormation User
  // Guide): an AWS::SSM::Parameter::Value parameter is read at every deploy, so a deploy of the same template picks
  // up a parameter's new value (the MLflow backend's, which model-build writes); DescribeStacks' ResolvedValue is the
  // value the last deploy read. The bootstrap version only feeds a rule and is left out.
  describe('the SSM parameters the stack resolves at deploy', () => {
    const TRACKING = '/sagemaker-gitops/player-churn/mlflow/tracking-uri';
    const withParameters: SelfMutationStack = {
      ...STACK,
      template: {
        ...TEMPLATE,
        Parameters: {
          SsmTracking: { Type: 'AWS::SSM::Parameter::Value<String>', Default: TRACKING },
          BootstrapVersion: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/cdk-bootstrap/hnb659fds/version' },
        },
      },
    };
    const deployedWith = (resolved: string) => {
      cfn.on(DescribeStacksCommand).resolves({
        Stacks: [{
          StackName: STACK.stackName, StackStatus: 'UPDATE_COMPLETE', CreationTime: at(0), Tags: [{ Key: 'project', Value: 'player-churn' }],
          Parameters: [{ ParameterKey: 'SsmTracking', ParameterValue: TRACKING, ResolvedValue: resolved }, { ParameterKey: 'BootstrapVersion', ParameterValue: '/cdk-bootstrap/hnb659fds/version', ResolvedValue: '21' }],
        }],
      });
      cfn.on(GetTemplateCommand).resolves({ TemplateBody: JSON.stringify(withParameters.template) });
    };
    const APP = 'arn:aws:sagemaker:us-east-1:111111111111:mlflow-app/app-1';

    test('not-needed while each resolves to the value the last deploy read', async () => {
      pipeline();
      deployedWith(APP);
      ssm.on(GetParametersCommand, { Names: [TRACKING] }).resolves({ Parameters: [{ Name: TRACKING, Value: APP }], InvalidParameters: [] });
      await expect(check([withParameters])).resolves.toEqual({ verdict: 'not-needed', reasons: ['player-churn-prod-endpoint (us-east-1): deployed as synthesized'] });
    });

    // "GetParameters" (AWS Systems Manager API Reference): Names takes 1 to 10 items.
    test('reads them 10 names a call', async () => {
      pipeline();
      const names = Array.from({ length: 12 }, (_, i) => `/team/p${i}`);
      const many: SelfMutationStack = {
        ...STACK,
        template: { ...TEMPLATE, Parameters: Object.fromEntries(names.map((name, i) => [`P${i}`, { Type: 'AWS::SSM::Parameter::Value<String>', Default: name }])) },
      };
      cfn.on(DescribeStacksCommand).resolves({
        Stacks: [{
          StackName: STACK.stackName, StackStatus: 'UPDATE_COMPLETE', CreationTime: at(0), Tags: [{ Key: 'project', Value: 'player-churn' }],
          Parameters: names.map((name, i) => ({ ParameterKey: `P${i}`, ParameterValue: name, ResolvedValue: `v${i}` })),
        }],
      });
      cfn.on(GetTemplateCommand).resolves({ TemplateBody: JSON.stringify(many.template) });
      ssm.on(GetParametersCommand).callsFake((input: { Names: string[] }) => ({ Parameters: input.Names.map((Name) => ({ Name, Value: `v${names.indexOf(Name)}` })), InvalidParameters: [] }));
      await expect(check([many])).resolves.toMatchObject({ verdict: 'not-needed' });
      expect(ssm.commandCalls(GetParametersCommand).map((c) => c.args[0].input.Names?.length)).toEqual([10, 2]);
    });

    test.each([
      ['its value changed since', () => ssm.on(GetParametersCommand).resolves({ Parameters: [{ Name: TRACKING, Value: 'arn:aws:sagemaker:us-east-1:111111111111:mlflow-app/app-2' }] }),
        `its SSM parameter ${TRACKING} changed since the last deploy`],
      ['it was deleted', () => ssm.on(GetParametersCommand).resolves({ Parameters: [], InvalidParameters: [TRACKING] }), `its SSM parameter ${TRACKING} does not exist`],
      ['it cannot be read', () => ssm.on(GetParametersCommand).rejects(Object.assign(new Error('not authorized to perform: ssm:GetParameters'), { name: 'AccessDeniedException' })),
        'its SSM parameters could not be read (AccessDeniedException: not authorized to perform: ssm:GetParameters)'],
    ])('needed when %s', async (_case, arrange, reason) => {
      pipeline();
      deployedWith(APP);
      arrange();
      await expect(check([withParameters])).resolves.toEqual({ verdict: 'needed', reasons: [`player-churn-prod-endpoint (us-east-1): ${reason}`] });
    });
  });

  test('refuses to answer when the Build stage shows no execution in progress', async () => {
    codePipeline.on(GetPipelineStateCommand).resolves({ stageStates: [{ stageName: 'Build', latestExecution: { pipelineExecutionId: OWN, status: 'Succeeded' } }] });
    await expect(check()).rejects.toThrow('the Build stage of player-churn-model-deploy shows no execution in progress (Succeeded), so this execution cannot be told apart');
  });

  test('refuses to answer when this execution is not listed', async () => {
    codePipeline.on(GetPipelineStateCommand).resolves({ stageStates: [{ stageName: 'Build', latestExecution: { pipelineExecutionId: OWN, status: 'InProgress' } }] });
    codePipeline.on(ListPipelineExecutionsCommand).resolves({ pipelineExecutionSummaries: [{ pipelineExecutionId: OLDER, status: 'Succeeded', startTime: at(1) }] });
    await expect(check()).rejects.toThrow(`ListPipelineExecutions of player-churn-model-deploy does not list this execution, ${OWN}, with its start time`);
  });
});

/** A production stage's nested assembly: the endpoint stack and batch scoring's. */
function stageAssembly(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prod-change-'));
  const artifacts = {
    'Endpoint.assets': { type: 'cdk:asset-manifest', properties: { file: 'Endpoint.assets.json' } },
    'Endpoint': { type: 'aws:cloudformation:stack', environment: 'aws://unknown-account/us-east-1', properties: { templateFile: 'Endpoint.template.json', stackName: STACK.stackName, tags: STACK.tags } },
    'Batch': { type: 'aws:cloudformation:stack', environment: 'aws://unknown-account/us-east-1', properties: { templateFile: 'Batch.template.json', stackName: 'player-churn-batch-scoring' } },
  };
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ version: '48.0.0', artifacts }));
  fs.writeFileSync(path.join(dir, 'Endpoint.template.json'), JSON.stringify(TEMPLATE));
  fs.writeFileSync(path.join(dir, 'Batch.template.json'), JSON.stringify({ Resources: {} }));
  return dir;
}

describe('assemblyStacks', () => {
  test('every stack of the stage\'s assembly, without its asset manifests', () => {
    expect(assemblyStacks(stageAssembly()).map((s) => [s.stackName, s.region])).toEqual([['player-churn-prod-endpoint', 'us-east-1'], ['player-churn-batch-scoring', 'us-east-1']]);
  });
});

describe('prod-change-check (CLI)', () => {
  async function run(args: string[]): Promise<{ code: number; verdict: string; err: string[] }> {
    const out = captureOutput();
    const code = await runCli(['prod-change-check', ...args], out, {
      cloudFormationClient: async (options) => new CloudFormationClient({ region: options.region ?? 'us-east-1' }),
      codePipelineClient: async () => new CodePipelineClient({ region: 'us-east-1' }),
      ssmClient: async (options) => new SSMClient({ region: options.region ?? 'us-east-1' }),
    });
    return { code, verdict: out.results.join(''), err: out.infos };
  }

  test('prints not-needed and, on stderr, why, when both production stacks are deployed as synthesized', async () => {
    pipeline();
    deployed();
    cfn.on(DescribeStacksCommand, { StackName: 'player-churn-batch-scoring' }).resolves({ Stacks: [{ StackName: 'player-churn-batch-scoring', StackStatus: 'CREATE_COMPLETE', CreationTime: at(0) }] });
    cfn.on(GetTemplateCommand, { StackName: 'player-churn-batch-scoring' }).resolves({ TemplateBody: '{"Resources":{}}' });
    await expect(run(['--assembly', stageAssembly(), '--pipeline', 'player-churn-model-deploy'])).resolves.toEqual({
      code: 0,
      verdict: 'not-needed',
      err: ['prod-change-check: player-churn-prod-endpoint (us-east-1): deployed as synthesized', 'prod-change-check: player-churn-batch-scoring (us-east-1): deployed as synthesized'],
    });
  });

  test('prints needed, not a failure, when it cannot tell', async () => {
    codePipeline.on(GetPipelineStateCommand).rejects(Object.assign(new Error('not authorized to perform: codepipeline:GetPipelineState'), { name: 'AccessDeniedException' }));
    await expect(run(['--assembly', stageAssembly(), '--pipeline', 'player-churn-model-deploy'])).resolves.toEqual({
      code: 0, verdict: 'needed', err: ['prod-change-check: the check could not run: not authorized to perform: codepipeline:GetPipelineState'],
    });
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'prod-change-empty-'));
    fs.writeFileSync(path.join(empty, 'manifest.json'), JSON.stringify({ version: '48.0.0', artifacts: {} }));
    await expect(run(['--assembly', empty, '--pipeline', 'player-churn-model-deploy'])).resolves.toEqual({
      code: 0, verdict: 'needed', err: [`prod-change-check: the check could not run: the cloud assembly ${empty} has no stack`],
    });
  });

  test('--pipeline is required: a usage error (exit 2)', async () => {
    const { value, stderr } = await withStderr(() => runCli(['prod-change-check', '--assembly', stageAssembly()], captureOutput()));
    expect(value).toBe(2);
    expect(stderr).toContain('required option \'--pipeline <name>\' not specified');
  });

  // The README's exit codes: a missing input file (a cloud assembly included) is a usage error, 2. A wrong
  // --assembly in a buildspec would otherwise answer `needed` on every run, and the skip would never happen.
  test.each([
    ['a folder that does not exist', () => path.join(os.tmpdir(), 'no-such-assembly'), /--assembly ".*no-such-assembly" is not a cloud assembly: there is no such folder/],
    ['a folder without manifest.json', () => fs.mkdtempSync(path.join(os.tmpdir(), 'not-an-assembly-')), /--assembly ".*not-an-assembly-.*" is not a cloud assembly: it has no manifest\.json/],
  ])('--assembly naming %s is a usage error (exit 2) before any call', async (_name, dir, message) => {
    const { value, stderr } = await withStderr(() => run(['--assembly', dir(), '--pipeline', 'player-churn-model-deploy']));
    expect(value.code).toBe(2);
    expect(stderr).toMatch(message);
    expect(value.verdict).toBe('');
    expect(codePipeline).not.toHaveReceivedAnyCommand();
    expect(cfn).not.toHaveReceivedAnyCommand();
  });

  // CodePipeline API Reference, PipelineDeclaration and StageDeclaration name: [A-Za-z0-9.@\-_]+, 1 to 100 characters.
  test.each([
    [['--pipeline', ''], /--pipeline must be a CodePipeline name of 1 to 100 letters, digits and \.@-_ .*got ""/],
    [['--pipeline', 'player churn'], /--pipeline must be a CodePipeline name .*got "player churn"/],
    [['--pipeline', 'p', '--stage', 'x'.repeat(101)], /--stage must be a CodePipeline name .*got "x{101}"/],
  ])('%j is a usage error (exit 2) before any call', async (args, message) => {
    const { value, stderr } = await withStderr(() => run(['--assembly', stageAssembly(), ...args]));
    expect(value.code).toBe(2);
    expect(stderr).toMatch(message);
    expect(codePipeline).not.toHaveReceivedAnyCommand();
  });
});
