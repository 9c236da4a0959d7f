import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodePipelineClient, GetPipelineStateCommand, ListPipelineExecutionsCommand } from '@aws-sdk/client-codepipeline';
import { DescribeEndpointCommand, DescribeEndpointConfigCommand, DescribeModelCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import { MODEL, NEXT_MODEL } from '../model-deploy/fixtures';
import { runCli } from '../../src/cli';
import { runReleaseTools } from '../../src/cli/release-tools-cli';
import { captureOutput, withStderr } from '../helpers/cli-output';

const OWN = '22222222-2222-4222-8222-222222222222';
const OLDER = '11111111-1111-4111-8111-111111111111';
const at = (minute: number) => new Date(Date.UTC(2026, 11, 6, 12, minute));
const codePipeline = mockClient(CodePipelineClient);
const sageMaker = mockClient(SageMakerClient);

/** This execution holds the ProdShadow stage; the older one, when given, holds Prod. */
function pipeline(older?: { status: 'InProgress' | 'Stopping' | 'Succeeded' }): void {
  codePipeline.on(GetPipelineStateCommand, { name: 'player-churn-model-deploy' }).resolves({
    stageStates: [
      { stageName: 'ProdShadow', latestExecution: { pipelineExecutionId: OWN, status: 'InProgress' } },
      { stageName: 'Prod', latestExecution: { pipelineExecutionId: OLDER, status: older?.status ?? 'Succeeded' } },
    ],
  });
  codePipeline.on(ListPipelineExecutionsCommand, { pipelineName: 'player-churn-model-deploy' }).resolves({
    pipelineExecutionSummaries: [
      { pipelineExecutionId: OWN, status: 'InProgress', startTime: at(30) },
      { pipelineExecutionId: OLDER, status: older?.status ?? 'Succeeded', startTime: at(10) },
    ],
  });
}

async function run(extra: string[] = []): Promise<{ code: number; result: string; infos: string[] }> {
  const out = captureOutput();
  const code = await runCli(['release-order-check', '--pipeline', 'player-churn-model-deploy', '--stage', 'ProdShadow', ...extra], out, {
    codePipelineClient: async () => new CodePipelineClient({ region: 'us-east-1' }),
    sageMakerClient: async () => new SageMakerClient({ region: 'us-east-1' }),
  });
  return { code, result: out.results.join(''), infos: out.infos };
}

const RESTART = 'start the pipeline again ("Release change" in the CodePipeline console, or aws codepipeline start-pipeline-execution --name player-churn-model-deploy), ' +
  'so that the release is resolved against what production serves then; retrying this stage would rerun this execution\'s artifacts';

beforeEach(() => {
  codePipeline.reset();
  sageMaker.reset();
});

describe('release-order-check', () => {
  test('passes when no older execution is in flight', async () => {
    pipeline();
    await expect(run()).resolves.toEqual({ code: 0, result: 'in order', infos: [`release-order-check: no execution older than ${OWN} is in flight`] });
  });

  // "How pipeline executions work" (AWS CodePipeline User Guide): in SUPERSEDED mode an older execution still in flight is
  // ahead of this one; here it holds Prod, and the shadow deploy would change the production stack under it.
  test.each(['InProgress', 'Stopping'] as const)('fails while an older execution is %s, saying what to decide and how to retry', async (status) => {
    pipeline({ status });
    const { code, infos } = await run();
    expect(code).toBe(1);
    expect(infos).toEqual([
      `error: an older execution of player-churn-model-deploy is still in flight: ${OLDER} (${status}, started 2026-12-06T12:10:00.000Z). It is ahead of this one ` +
      'and holds production (waiting at its release approval, or deploying), so ProdShadow must not change the production stack now. Approve or reject that ' +
      `release (approve-release or reject-release), then ${RESTART}`,
    ]);
  });

  test('fails when it cannot tell this execution apart', async () => {
    codePipeline.on(GetPipelineStateCommand).resolves({ stageStates: [{ stageName: 'ProdShadow', latestExecution: { pipelineExecutionId: OWN, status: 'Failed' } }] });
    const { code, infos } = await run();
    expect(code).toBe(1);
    expect(infos.join('\n')).toContain('the ProdShadow stage of player-churn-model-deploy shows no execution in progress (Failed)');
  });

  // "RetryStageExecution" (AWS CodePipeline API Reference) reruns the failed actions of this execution, with its artifacts:
  // once the older release is deployed, this execution's shadow template still holds the live model it resolved at its
  // start and would put it back as production's variant.
  describe('--live-model and --endpoint: production still serves the live model this execution resolved', () => {
    const liveFile = (model = MODEL) => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'release-order-')), 'live-model.json');
      fs.writeFileSync(file, JSON.stringify({ endpointName: 'player-churn-prod', model }));
      return file;
    };
    const serving = (packageArn: string) => {
      sageMaker.on(DescribeEndpointCommand, { EndpointName: 'player-churn-prod' }).resolves({ EndpointName: 'player-churn-prod', EndpointArn: 'arn:aws:sagemaker:us-east-1:111111111111:endpoint/player-churn-prod', EndpointConfigName: 'prod-config-1', EndpointStatus: 'InService', CreationTime: at(0), LastModifiedTime: at(0) });
      sageMaker.on(DescribeEndpointConfigCommand, { EndpointConfigName: 'prod-config-1' }).resolves({ EndpointConfigName: 'prod-config-1', EndpointConfigArn: 'arn:aws:sagemaker:us-east-1:111111111111:endpoint-config/prod-config-1', CreationTime: at(0), ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: 'prod-model-1' }] });
      sageMaker.on(DescribeModelCommand, { ModelName: 'prod-model-1' }).resolves({ ModelName: 'prod-model-1', ModelArn: 'arn:aws:sagemaker:us-east-1:111111111111:model/prod-model-1', CreationTime: at(0), ExecutionRoleArn: 'arn:aws:iam::111111111111:role/m', PrimaryContainer: { ModelPackageName: packageArn } });
    };

    test('passes while the endpoint serves it', async () => {
      pipeline();
      serving(MODEL.modelPackageArn);
      await expect(run(['--live-model', liveFile(), '--endpoint', 'player-churn-prod'])).resolves.toEqual({
        code: 0, result: 'in order',
        infos: [`release-order-check: no execution older than ${OWN} is in flight, and player-churn-prod serves the live model this execution resolved`],
      });
    });

    test('fails, saying to start a new execution, when a release deployed since', async () => {
      pipeline();
      serving(NEXT_MODEL.modelPackageArn);
      const { code, infos } = await run(['--live-model', liveFile(), '--endpoint', 'player-churn-prod']);
      expect(code).toBe(1);
      expect(infos).toEqual([
        `error: player-churn-prod serves ${NEXT_MODEL.modelPackageArn} now, not ${MODEL.modelPackageArn}, which this execution resolved as the live model at its start ` +
        `(a release deployed since): its ProdShadow template would put that back as production's variant. Instead, ${RESTART}`,
      ]);
    });

    test('the two options go together: a usage error (exit 2) before any call', async () => {
      const { value: { code }, stderr } = await withStderr(() => run(['--endpoint', 'player-churn-prod']));
      expect(code).toBe(2);
      expect(stderr).toContain('error: --live-model and --endpoint go together: the endpoint must still serve the live model\'s version');
      expect(codePipeline.calls()).toHaveLength(0);
    });

    test('a missing live model file is a usage error (exit 2) before any call', async () => {
      const { code, infos } = await run(['--endpoint', 'player-churn-prod', '--live-model', path.join(os.tmpdir(), 'no-such-live-model.json')]);
      expect(code).toBe(2);
      expect(infos.join('')).toMatch(/no live model: .*no-such-live-model\.json does not exist/);
      expect(codePipeline.calls()).toHaveLength(0);
      expect(sageMaker.calls()).toHaveLength(0);
    });

    test.each([
      [['--endpoint', 'bad_name', '--live-model', 'live.json'], /--endpoint must be an endpoint name .*got bad_name/],
      [['--pipeline', ''], /--pipeline must be a CodePipeline name of 1 to 100 letters, digits and \.@-_ .*got ""/],
      [['--stage', 'Prod Shadow'], /--stage must be a CodePipeline name .*got "Prod Shadow"/],
    ])('%j is a usage error (exit 2) before any call', async (args, message) => {
      const { value: { code }, stderr } = await withStderr(() => run(args));
      expect(code).toBe(2);
      expect(stderr).toMatch(message);
      expect(codePipeline.calls()).toHaveLength(0);
    });
  });

  test('is one of the release tools the pipeline\'s steps run; --stage is required', async () => {
    const { value, stderr } = await withStderr(() => runReleaseTools(['release-order-check', '--pipeline', 'player-churn-model-deploy']));
    expect(value).toBe(2);
    expect(stderr).toContain('required option \'--stage <name>\' not specified');
  });
});
