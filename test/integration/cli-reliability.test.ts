import { CreatePipelineCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { runCli } from '../../src/cli';
import { MOTO_ACCOUNT, MOTO_REGION, MotoServer, describeWithMoto, motoClient, motoDeps, startMoto, useDummyCredentials } from './moto';
import { captureOutput as capture } from '../helpers/cli-output';

jest.setTimeout(60_000);

const PIPELINE = 'reliability';
const DEFINITION = JSON.stringify({
  Version: '2020-12-01',
  Parameters: [
    { Name: 'InputDataUrl', Type: 'String', DefaultValue: 's3://bucket/data.csv' },
    { Name: 'TrainingInstanceCount', Type: 'Integer', DefaultValue: 1 },
  ],
  Steps: [],
});

let server: MotoServer;
let sm: SageMakerClient;
let restoreEnv: () => void;

async function cli(argv: string[]) {
  const out = capture();
  const code = await runCli(['--region', MOTO_REGION, ...argv], out, motoDeps(server));
  return { code, out };
}

describeWithMoto('CLI reliability against moto', () => {
  beforeAll(async () => {
    restoreEnv = useDummyCredentials();
    server = await startMoto();
    sm = await motoClient(SageMakerClient, server);
    await sm.send(new CreatePipelineCommand({
      PipelineName: PIPELINE,
      PipelineDefinition: DEFINITION,
      RoleArn: `arn:aws:iam::${MOTO_ACCOUNT}:role/sagemaker-pipeline-execution`,
      ClientRequestToken: 'create-reliability-pipeline-0001',
    }));
  });

  afterAll(async () => {
    sm?.destroy();
    await server?.stop();
    restoreEnv?.();
  });

  test('resolve-model on a group that does not exist says the group is missing', async () => {
    const { code, out } = await cli(['resolve-model', '--group', 'no-such-group']);
    expect(code).toBe(1);
    expect(out.results).toEqual([]);
    expect(out.infos).toEqual([expect.stringMatching(/^error: model package group no-such-group does not exist in region us-east-1: .*does not exist/)]);
  });

  test('run-pipeline --parameter NoSuchParam=1 is refused before an execution starts, listing the declared parameters', async () => {
    const { code, out } = await cli(['run-pipeline', '--name', PIPELINE, '--parameter', 'NoSuchParam=1']);
    expect(code).toBe(2);
    expect(out.infos).toEqual([
      `error: --parameter NoSuchParam: pipeline ${PIPELINE} has no parameter NoSuchParam; its parameters: InputDataUrl (String), TrainingInstanceCount (Integer)`,
    ]);
  });

  test('run-pipeline with a declared parameter of the right type starts', async () => {
    const { code, out } = await cli(['run-pipeline', '--name', PIPELINE, '--parameter', 'TrainingInstanceCount=2']);
    expect(out.infos).toEqual([]);
    expect(code).toBe(0);
    expect(String(out.results[0])).toMatch(new RegExp(`^arn:aws:sagemaker:${MOTO_REGION}:${MOTO_ACCOUNT}:pipeline/${PIPELINE}/execution/`));
  });

  test('run-pipeline --parameter on a pipeline that does not exist names the pipeline and region', async () => {
    const { code, out } = await cli(['run-pipeline', '--name', 'no-such-pipeline', '--parameter', 'A=1']);
    expect(code).toBe(1);
    expect(out.infos).toEqual([expect.stringMatching(/^error: pipeline no-such-pipeline not found in region us-east-1: /)]);
  });
});
