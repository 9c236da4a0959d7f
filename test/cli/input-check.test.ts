import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodePipelineClient, ListActionExecutionsCommand, ListPipelineExecutionsCommand } from '@aws-sdk/client-codepipeline';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DescribeModelPackageCommand, ListModelPackagesCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import { runCli } from '../../src/cli';
import { captureOutput, withStderr } from '../helpers/cli-output';
import { MODEL, NEXT_MODEL } from '../model-deploy/models';

const sageMaker = mockClient(SageMakerClient);
const s3 = mockClient(S3Client);
const codePipeline = mockClient(CodePipelineClient);
const built: Array<{ client: string; options: unknown }> = [];
const deps = {
  sageMakerClient: async (options: object) => {
    built.push({ client: 'sagemaker', options });
    return new SageMakerClient({ region: 'us-east-1' });
  },
  s3Client: async (options: object) => {
    built.push({ client: 's3', options });
    return new S3Client({ region: 'us-east-1' });
  },
  codePipelineClient: async (options: object) => {
    built.push({ client: 'codepipeline', options });
    return new CodePipelineClient({ region: 'us-east-1' });
  },
};

/** The release's resolved-model.json (version 8), as the synth step's resolve-model wrote it. */
function resolvedModel(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'input-check-')), 'resolved-model.json');
  fs.writeFileSync(file, JSON.stringify(NEXT_MODEL));
  return file;
}

beforeEach(() => {
  sageMaker.reset();
  s3.reset();
  codePipeline.reset();
  built.length = 0;
  sageMaker.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [
    { ModelPackageArn: NEXT_MODEL.modelPackageArn, ModelPackageGroupName: 'player-churn', ModelPackageVersion: 8, CreationTime: new Date(), ModelPackageStatus: 'Completed' },
    { ModelPackageArn: MODEL.modelPackageArn, ModelPackageGroupName: 'player-churn', ModelPackageVersion: 7, CreationTime: new Date(), ModelPackageStatus: 'Completed' },
  ] });
  sageMaker.on(DescribeModelPackageCommand).resolves({ ModelPackageArn: MODEL.modelPackageArn, CustomerMetadataProperties: { baselineDataUri: MODEL.baselineDataUri! } });
});

test('prints the line for the release approval, what changed on stderr; --region and --profile reach both clients', async () => {
  s3.on(GetObjectCommand).callsFake((input) => ({
    Body: { transformToString: async () => (input.Key.includes('/exec1/') ? 'session_count,cohort_id_2024_09_02\n' : 'session_count,cohort_id_2024_09_09\n') },
  }));
  const out = captureOutput();
  await expect(runCli(['--region', 'eu-west-1', '--profile', 'ops', 'input-check', '--model', resolvedModel()], out, deps)).resolves.toBe(0);
  expect(built).toEqual([
    { client: 'sagemaker', options: expect.objectContaining({ region: 'eu-west-1', profile: 'ops' }) },
    { client: 's3', options: expect.objectContaining({ region: 'eu-west-1', profile: 'ops' }) },
  ]);
  expect(out.results).toEqual(['CHANGED from version 7, approved before it (1 added, 1 removed): the production endpoint\'s callers must send the new columns']);
  expect(out.infos).toEqual([
    'input-check: version 8 takes 2 input columns, version 7 took 2:',
    'input-check:   added: cohort_id_2024_09_09',
    'input-check:   removed: cohort_id_2024_09_02',
  ]);
});

test('--json prints the whole comparison; a baseline it cannot read is said, exit 0', async () => {
  s3.on(GetObjectCommand).rejects(Object.assign(new Error('Access Denied'), { name: 'AccessDenied' }));
  const out = captureOutput();
  await expect(runCli(['--json', 'input-check', '--model', resolvedModel()], out, deps)).resolves.toBe(0);
  expect(out.results).toEqual([{
    summary: 'not compared with version 7, approved before it (see the Synth step\'s log)',
    changed: false,
    details: [expect.stringContaining('(AccessDenied: Access Denied)'), expect.stringContaining('(AccessDenied: Access Denied)')],
    base: { version: 7, source: 'approved-before' },
  }]);
});

test('--pipeline: compared with the version the pipeline\'s last succeeded execution released, with --json the version for the approval', async () => {
  codePipeline.on(ListPipelineExecutionsCommand).resolves({ pipelineExecutionSummaries: [
    { pipelineExecutionId: '00000001-1111-4222-8333-444444444444', status: 'Succeeded', startTime: new Date() },
  ] });
  codePipeline.on(ListActionExecutionsCommand).resolves({ actionExecutionDetails: [
    { stageName: 'Staging', actionName: 'TestStaging', output: { outputVariables: { MODEL_VERSION: '7', MODEL_PACKAGE_ARN: MODEL.modelPackageArn } } },
  ] });
  s3.on(GetObjectCommand).resolves({ Body: { transformToString: async () => 'session_count,player_lifetime\n' } } as any);
  const out = captureOutput();
  await expect(runCli(['--json', '--region', 'eu-west-1', 'input-check', '--model', resolvedModel(), '--pipeline', 'player-churn-model-deploy'], out, deps)).resolves.toBe(0);
  expect(built.map((b) => b.client)).toEqual(['sagemaker', 's3', 'codepipeline']);
  expect(built[2].options).toEqual(expect.objectContaining({ region: 'eu-west-1' }));
  expect(out.results).toEqual([{ summary: 'the same 2 columns as version 7, which production serves', changed: false, details: [], base: { version: 7, source: 'production' } }]);
  expect(codePipeline.commandCalls(ListPipelineExecutionsCommand)[0].args[0].input.pipelineName).toBe('player-churn-model-deploy');
  expect(sageMaker.commandCalls(ListModelPackagesCommand)).toHaveLength(0);
});

test('a --pipeline that is not a CodePipeline name is a usage error, before any call', async () => {
  const out = captureOutput();
  const { value, stderr } = await withStderr(() => runCli(['input-check', '--model', resolvedModel(), '--pipeline', 'no spaces allowed'], out, deps));
  expect(value).toBe(2);
  expect(stderr).toContain('--pipeline');
  expect(built).toEqual([]);
});

// The README's exit codes: a missing input file is a usage error, 2, before any call.
test('a resolved model that is not there is a usage error, before any call', async () => {
  const out = captureOutput();
  const missing = path.join(os.tmpdir(), 'no-such-dir', 'resolved-model.json');
  await expect(runCli(['input-check', '--model', missing], out, deps)).resolves.toBe(2);
  expect(out.infos).toEqual([expect.stringContaining(`no resolved model: ${missing} does not exist`)]);
  expect(built).toEqual([]);
});
