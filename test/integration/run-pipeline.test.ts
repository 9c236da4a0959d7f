import {
  CreatePipelineCommand,
  DescribePipelineExecutionCommand,
  ListPipelineExecutionsCommand,
  ListPipelineParametersForExecutionCommand,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { startPipelineExecution } from '../../src/aws';
import { runCli } from '../../src/cli';
import { resolveProjectConfig } from '../../src/config';
import { PLAYER_CHURN, playerChurnPipeline } from '../../src/model-build/player-churn-pipeline';
import { MOTO_ACCOUNT, MOTO_REGION, MotoServer, describeWithMoto, motoClient, motoDeps, startMoto, useDummyCredentials } from './moto';
import { captureOutput as capture } from '../helpers/cli-output';

jest.setTimeout(60_000);

const PIPELINE = 'player-churn';
const BUCKET = `player-churn-artifacts-${MOTO_ACCOUNT}`;
const ROLE_ARN = `arn:aws:iam::${MOTO_ACCOUNT}:role/sagemaker-pipeline-execution`;
const CONNECTION_ARN = `arn:aws:codeconnections:${MOTO_REGION}:${MOTO_ACCOUNT}:connection/4f4b3c2a-1d2e-4f5a-9b8c-7d6e5f4a3b2c`;
const EXECUTION_ARN = new RegExp(`^arn:aws:sagemaker:${MOTO_REGION}:${MOTO_ACCOUNT}:pipeline/${PIPELINE}/execution/[a-z0-9]+$`);

let server: MotoServer;
let sm: SageMakerClient;
let restoreEnv: () => void;

/** The project's real pipeline definition, as the model-build stack deploys it. */
function definition(): string {
  const config = resolveProjectConfig({
    projectName: PIPELINE,
    region: MOTO_REGION,
    source: {
      modelBuild: { connectionArn: CONNECTION_ARN, repository: 'acme/player-churn-model-build' },
      modelDeploy: { connectionArn: CONNECTION_ARN, repository: 'acme/player-churn-model-deploy' },
    },
  });
  return playerChurnPipeline({
    config,
    pipelineName: PIPELINE,
    roleArn: ROLE_ARN,
    bucketName: BUCKET,
    kmsKeyArn: `arn:aws:kms:${MOTO_REGION}:${MOTO_ACCOUNT}:key/0d2f1c3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f`,
    sklearnImageUri: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.4-2-cpu-py3',
    xgboostImageUri: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1',
    code: {
      bundle: { s3Uri: `s3://${BUCKET}/code/abc123.gz`, fileName: 'abc123.gz' },
      entrypoint: { s3Uri: `s3://${BUCKET}/code/def456.sh`, fileName: 'def456.sh' },
    },
    inputDataUri: `s3://${BUCKET}/data/players.csv`,
  }).toString();
}

async function cli(argv: string[]) {
  const out = capture();
  const code = await runCli(['--region', MOTO_REGION, ...argv], out, motoDeps(server));
  return { code, out };
}

async function parametersOf(executionArn: string): Promise<Record<string, string>> {
  const response = await sm.send(new ListPipelineParametersForExecutionCommand({ PipelineExecutionArn: executionArn }));
  return Object.fromEntries((response.PipelineParameters ?? []).map((p) => [p.Name!, p.Value!]));
}

describeWithMoto('run-pipeline against moto', () => {
  beforeAll(async () => {
    restoreEnv = useDummyCredentials();
    server = await startMoto();
    sm = await motoClient(SageMakerClient, server);
    await sm.send(new CreatePipelineCommand({
      PipelineName: PIPELINE,
      PipelineDefinition: definition(),
      RoleArn: ROLE_ARN,
      ClientRequestToken: 'create-player-churn-pipeline-0001',
    }));
  });

  afterAll(async () => {
    sm?.destroy();
    await server?.stop();
    restoreEnv?.();
  });

  test('starts an execution with the given parameters and prints its ARN', async () => {
    const input = `s3://${BUCKET}/data/players-2025-06.csv`;
    const { code, out } = await cli([
      'run-pipeline', '--name', PIPELINE,
      '--parameter', `${PLAYER_CHURN.parameters.inputDataUrl}=${input}`,
      '--parameter', `${PLAYER_CHURN.parameters.threshold}=0.8`,
    ]);
    expect(code).toBe(0);
    expect(out.infos).toEqual([]);
    expect(out.results).toHaveLength(1);
    const executionArn = out.results[0] as string;
    expect(executionArn).toMatch(EXECUTION_ARN);

    const execution = await sm.send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: executionArn }));
    expect(execution.PipelineArn).toBe(`arn:aws:sagemaker:${MOTO_REGION}:${MOTO_ACCOUNT}:pipeline/${PIPELINE}`);
    expect(execution.PipelineExecutionStatus).toBeDefined();
    expect(await parametersOf(executionArn)).toEqual({
      [PLAYER_CHURN.parameters.inputDataUrl]: input,
      [PLAYER_CHURN.parameters.threshold]: '0.8',
    });
  });

  test('--json prints the pipeline and the execution; every run starts a new execution', async () => {
    const first = await cli(['--json', 'run-pipeline', '--name', PIPELINE]);
    const second = await cli(['--json', 'run-pipeline', '--name', PIPELINE]);
    expect([first.code, second.code]).toEqual([0, 0]);
    const [one, two] = [first.out.results[0], second.out.results[0]] as Array<{ pipelineName: string; executionArn: string }>;
    expect(one).toEqual({ pipelineName: PIPELINE, executionArn: expect.stringMatching(EXECUTION_ARN) });
    expect(two.executionArn).not.toBe(one.executionArn);
    // Without --parameter the execution runs with the definition's defaults.
    expect(await parametersOf(one.executionArn)).toEqual({});

    const listed = await sm.send(new ListPipelineExecutionsCommand({ PipelineName: PIPELINE }));
    const arns = (listed.PipelineExecutionSummaries ?? []).map((s) => s.PipelineExecutionArn);
    expect(arns).toEqual(expect.arrayContaining([one.executionArn, two.executionArn]));
  });

  test('startPipelineExecution returns the ARN of an execution SageMaker knows', async () => {
    const executionArn = await startPipelineExecution(sm, { pipelineName: PIPELINE, displayName: 'integration-test' });
    const execution = await sm.send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: executionArn }));
    expect(execution.PipelineExecutionArn).toBe(executionArn);
  });

  test('a pipeline that does not exist: exit 1 naming it and the region', async () => {
    const { code, out } = await cli(['run-pipeline', '--name', 'no-such-pipeline']);
    expect(code).toBe(1);
    expect(out.results).toEqual([]);
    expect(out.infos).toEqual([expect.stringMatching(/^error: pipeline no-such-pipeline not found in region us-east-1: .*no-such-pipeline/)]);
  });
});
