import { CodePipelineClient, GetPipelineStateCommand, ListPipelineExecutionsCommand } from '@aws-sdk/client-codepipeline';
import { mockClient } from 'aws-sdk-client-mock';
import { runCli } from '../../src/cli';
import { runReleaseTools } from '../../src/cli/release-tools-cli';
import { captureOutput, withStderr } from '../helpers/cli-output';

const OWN = '22222222-2222-4222-8222-222222222222';
const OLDER = '11111111-1111-4111-8111-111111111111';
const at = (minute: number) => new Date(Date.UTC(2026, 11, 6, 12, minute));
const codePipeline = mockClient(CodePipelineClient);

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

async function run(): Promise<{ code: number; result: string; infos: string[] }> {
  const out = captureOutput();
  const code = await runCli(['release-order-check', '--pipeline', 'player-churn-model-deploy', '--stage', 'ProdShadow'], out, {
    codePipelineClient: async () => new CodePipelineClient({ region: 'us-east-1' }),
  });
  return { code, result: out.results.join(''), infos: out.infos };
}

beforeEach(() => codePipeline.reset());

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
      'release (approve-release or reject-release), then retry this stage: "Retry" in the CodePipeline console, or aws codepipeline retry-stage-execution ' +
      `--pipeline-name player-churn-model-deploy --stage-name ProdShadow --pipeline-execution-id ${OWN} --retry-mode FAILED_ACTIONS`,
    ]);
  });

  test('fails when it cannot tell this execution apart', async () => {
    codePipeline.on(GetPipelineStateCommand).resolves({ stageStates: [{ stageName: 'ProdShadow', latestExecution: { pipelineExecutionId: OWN, status: 'Failed' } }] });
    const { code, infos } = await run();
    expect(code).toBe(1);
    expect(infos.join('\n')).toContain('the ProdShadow stage of player-churn-model-deploy shows no execution in progress (Failed)');
  });

  test('is one of the release tools the pipeline\'s steps run; --stage is required', async () => {
    const { value, stderr } = await withStderr(() => runReleaseTools(['release-order-check', '--pipeline', 'player-churn-model-deploy']));
    expect(value).toBe(2);
    expect(stderr).toContain('required option \'--stage <name>\' not specified');
  });
});
