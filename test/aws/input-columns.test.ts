import { CodePipelineClient, ListActionExecutionsCommand, ListPipelineExecutionsCommand } from '@aws-sdk/client-codepipeline';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DescribeModelPackageCommand, ListModelPackagesCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import { HEADER_READ_BYTES, compareModelInputs } from '../../src/aws';
import { MODEL, NEXT_MODEL } from '../model-deploy/models';

const sageMaker = mockClient(SageMakerClient);
const s3 = mockClient(S3Client);
const codePipeline = mockClient(CodePipelineClient);
const clients = { sageMaker: new SageMakerClient({ region: 'us-east-1' }), s3: new S3Client({ region: 'us-east-1' }) };
const PIPELINE = 'player-churn-model-deploy';

const HEADER = 'session_count,player_lifetime,player_type_casual,player_type_hardcore';
const arnOf = (version: number) => MODEL.modelPackageArn.replace(/\/\d+$/, `/${version}`);
const summary = (version: number) => ({
  ModelPackageArn: arnOf(version), ModelPackageGroupName: 'player-churn', ModelPackageVersion: version, CreationTime: new Date(), ModelPackageStatus: 'Completed' as const,
});

/** The registry: the approved versions, newest first, each with the baseline folder of its execution. */
function registry(versions: number[], baselineOf = (version: number): string | undefined => `s3://build-bucket/player-churn-training/exec${version}/Preprocess/baseline`) {
  sageMaker.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: versions.map(summary) });
  sageMaker.on(DescribeModelPackageCommand).callsFake((input) => {
    const version = Number(/\/(\d+)$/.exec(input.ModelPackageName)![1]);
    const baseline = baselineOf(version);
    return { ModelPackageArn: input.ModelPackageName, ModelPackageVersion: version, CustomerMetadataProperties: baseline === undefined ? {} : { baselineDataUri: baseline } };
  });
}

/** Each baseline.csv's content, by the execution folder in its key. */
function baselines(contents: Record<string, string>) {
  s3.on(GetObjectCommand).callsFake((input) => {
    const execution = /\/(exec\d+)\//.exec(input.Key)![1];
    if (contents[execution] === undefined) {
      throw Object.assign(new Error('Access Denied'), { name: 'AccessDenied' });
    }
    return { Body: { transformToString: async () => contents[execution] } };
  });
}

const release = { ...NEXT_MODEL, baselineDataUri: 's3://build-bucket/player-churn-training/exec8/Preprocess/baseline' };

beforeEach(() => {
  sageMaker.reset();
  s3.reset();
  codePipeline.reset();
});

describe('compareModelInputs', () => {
  test('the same header as the version approved before: unchanged, read with one ranged GetObject per baseline', async () => {
    registry([8, 7]);
    baselines({ exec7: `${HEADER}\n3,120.5,1,0\n`, exec8: `${HEADER}\r\n4,99,0,1\n` });
    expect(await compareModelInputs(clients, release)).toEqual({ summary: 'the same 4 columns as version 7, approved before it', changed: false, details: [], base: { version: 7, source: 'approved-before' } });
    const reads = s3.commandCalls(GetObjectCommand).map((call) => call.args[0].input);
    expect(reads).toEqual(expect.arrayContaining([
      { Bucket: 'build-bucket', Key: 'player-churn-training/exec7/Preprocess/baseline/baseline.csv', Range: `bytes=0-${HEADER_READ_BYTES - 1}` },
      { Bucket: 'build-bucket', Key: 'player-churn-training/exec8/Preprocess/baseline/baseline.csv', Range: `bytes=0-${HEADER_READ_BYTES - 1}` },
    ]));
    expect(sageMaker.commandCalls(ListModelPackagesCommand)[0].args[0].input).toMatchObject({ ModelPackageGroupName: 'player-churn', ModelApprovalStatus: 'Approved', SortBy: 'CreationTime', SortOrder: 'Descending' });
  });

  // The example's cohort_id is one-hot encoded, one column per value found: a new cohort adds one, an old one leaving the data removes one.
  test('a one-hot column added and another gone: CHANGED, naming them, for the same width too', async () => {
    registry([8, 7]);
    baselines({ exec7: 'session_count,cohort_id_2024_09_02,cohort_id_2024_09_03\n', exec8: 'session_count,cohort_id_2024_09_03,cohort_id_2024_09_04\n' });
    expect(await compareModelInputs(clients, release)).toEqual({
      summary: 'CHANGED from version 7, approved before it (1 added, 1 removed): the production endpoint\'s callers must send the new columns',
      changed: true,
      details: ['version 8 takes 3 input columns, version 7 took 3:', '  added: cohort_id_2024_09_04', '  removed: cohort_id_2024_09_02'],
      base: { version: 7, source: 'approved-before' },
    });
  });

  test('the same columns in another order: CHANGED (the model reads them by position)', async () => {
    registry([8, 7]);
    baselines({ exec7: 'a,b,c\n', exec8: 'a,c,b\n' });
    const comparison = await compareModelInputs(clients, release);
    expect(comparison.changed).toBe(true);
    expect(comparison.summary).toBe('CHANGED from version 7, approved before it (order changed): the production endpoint\'s callers must send the new columns');
    expect(comparison.details).toEqual(['version 8 takes 3 input columns, version 7 took 3:', '  in another position: c, b']);
  });

  test('compares with the newest approved version older than the release, skipping newer ones and the release itself', async () => {
    registry([9, 8, 6]);
    baselines({ exec6: 'a\n', exec8: 'a\n' });
    expect((await compareModelInputs(clients, release)).summary).toBe('the same 1 column as version 6, approved before it');
    expect(sageMaker.commandCalls(DescribeModelPackageCommand).map((call) => call.args[0].input.ModelPackageName)).toEqual([arnOf(6)]);
  });

  test('the first approved version: nothing to compare, nothing read', async () => {
    registry([8]);
    expect(await compareModelInputs(clients, release)).toEqual({ summary: 'no version approved before this one to compare with', changed: false, details: [] });
    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(0);
  });

  test('what cannot be read is said, and fails nothing: no baseline metadata, a denied read, an empty file', async () => {
    registry([8, 7], () => undefined);
    const noMetadata = await compareModelInputs(clients, { ...release, baselineDataUri: undefined });
    expect(noMetadata).toEqual({
      summary: 'not compared with version 7, approved before it (see the Synth step\'s log)',
      changed: false,
      details: [
        'version 7 has no baselineDataUri metadata (an s3:// folder), whose baseline.csv names the model\'s inputs',
        'version 8 has no baselineDataUri metadata (an s3:// folder), whose baseline.csv names the model\'s inputs',
      ],
      base: { version: 7, source: 'approved-before' },
    });

    registry([8, 7]);
    baselines({ exec8: 'a\n' });
    expect((await compareModelInputs(clients, release)).details).toEqual([
      'version 7: cannot read s3://build-bucket/player-churn-training/exec7/Preprocess/baseline/baseline.csv (AccessDenied: Access Denied)',
    ]);
    baselines({ exec7: '', exec8: 'a\n' });
    expect((await compareModelInputs(clients, release)).details).toEqual(['version 7: s3://build-bucket/player-churn-training/exec7/Preprocess/baseline/baseline.csv has no header line']);
    baselines({ exec7: 'x'.repeat(HEADER_READ_BYTES), exec8: 'a\n' });
    expect((await compareModelInputs(clients, release)).details).toEqual([
      `version 7: the header of s3://build-bucket/player-churn-training/exec7/Preprocess/baseline/baseline.csv is longer than ${HEADER_READ_BYTES} bytes`,
    ]);
  });

  test('follows the registry\'s pages: SageMaker filters after it paginates, so a page may be empty', async () => {
    sageMaker.on(ListModelPackagesCommand)
      .resolvesOnce({ ModelPackageSummaryList: [summary(8)], NextToken: 'page-2' })
      .resolvesOnce({ ModelPackageSummaryList: [], NextToken: 'page-3' })
      .resolvesOnce({ ModelPackageSummaryList: [summary(5)] });
    sageMaker.on(DescribeModelPackageCommand).resolves({ CustomerMetadataProperties: { baselineDataUri: 's3://build-bucket/player-churn-training/exec5/Preprocess/baseline/' } });
    baselines({ exec5: 'a,b\n', exec8: 'a,b\n' });
    expect((await compareModelInputs(clients, release)).summary).toBe('the same 2 columns as version 5, approved before it');
    expect(sageMaker.commandCalls(ListModelPackagesCommand).map((call) => call.args[0].input.NextToken)).toEqual([undefined, 'page-2', 'page-3']);
  });
});

/** Execution ids as CodePipeline gives them (UUIDs: ListActionExecutions' filter takes no other). */
const EXECUTION = (n: number) => `0000000${n}-1111-4222-8333-444444444444`;

/** The model-deploy pipeline's history: executions (id, status, start day), and the version each one's staging check exported. */
function history(executions: Array<[number, string, number]>, exported: Record<number, number | undefined>) {
  codePipeline.on(ListPipelineExecutionsCommand).resolves({
    pipelineExecutionSummaries: executions.map(([n, status, day]) => ({ pipelineExecutionId: EXECUTION(n), status: status as any, startTime: new Date(Date.UTC(2026, 11, day)) })),
  });
  codePipeline.on(ListActionExecutionsCommand).callsFake((input) => {
    const n = Number(input.filter.pipelineExecutionId[7]);
    const version = exported[n];
    return { actionExecutionDetails: version === undefined ? [{ stageName: 'Staging', actionName: 'TestStaging', output: {} }]
      : [{ stageName: 'Staging', actionName: 'TestStaging', output: { outputVariables: { MODEL_VERSION: String(version), MODEL_PACKAGE_ARN: arnOf(version) } } }] };
  });
}

describe('compareModelInputs with the model-deploy pipeline: the version production serves', () => {
  const withPipeline = { ...clients, codePipeline: new CodePipelineClient({ region: 'us-east-1' }) };

  // The reason for comparing with production: version 7 changed the inputs and its release was rejected (or failed in staging);
  // version 8 takes version 7's columns, so "approved before it" would say unchanged while production's callers send version 6's.
  test('versions approved since but never released: compared with the one the last succeeded execution released', async () => {
    registry([8, 7, 6]);
    history([[1, 'Succeeded', 1], [2, 'Failed', 3], [3, 'Succeeded', 2], [4, 'InProgress', 4], [5, 'Superseded', 4], [6, 'Stopped', 4]], { 1: 5, 3: 6, 2: 7 });
    baselines({ exec6: 'a,b\n', exec7: 'a,b,c\n', exec8: 'a,b,c\n' });
    expect(await compareModelInputs(withPipeline, release, PIPELINE)).toEqual({
      summary: 'CHANGED from version 6, which production serves (1 added): the production endpoint\'s callers must send the new columns',
      changed: true,
      details: ['version 8 takes 3 input columns, version 6 took 2:', '  added: c'],
      base: { version: 6, source: 'production' },
    });
    // The newest succeeded execution (started on day 2) was read, not the registry.
    expect(codePipeline.commandCalls(ListActionExecutionsCommand).map((call) => call.args[0].input.filter?.pipelineExecutionId)).toEqual([EXECUTION(3)]);
    expect(sageMaker.commandCalls(ListModelPackagesCommand)).toHaveLength(0);
    expect(sageMaker.commandCalls(DescribeModelPackageCommand).map((call) => call.args[0].input.ModelPackageName)).toEqual([arnOf(6)]);
  });

  // Rejecting the newest version (reject-model) makes the pipeline deploy an older one: its inputs are compared with the newer one production serves.
  test('a rollback to an older version: compared with the newer version production serves', async () => {
    registry([8]);
    history([[1, 'Succeeded', 1]], { 1: 9 });
    baselines({ exec8: 'a,b\n', exec9: 'a,b\n' });
    expect((await compareModelInputs(withPipeline, release, PIPELINE)).summary).toBe('the same 2 columns as version 9, which production serves');
  });

  test('the release is the version production serves: the same inputs, nothing read from S3', async () => {
    registry([8]);
    history([[1, 'Succeeded', 1]], { 1: 8 });
    expect(await compareModelInputs(withPipeline, release, PIPELINE)).toEqual({
      summary: 'version 8 is the one production serves: the same inputs', changed: false, details: [], base: { version: 8, source: 'production' },
    });
    expect(s3.commandCalls(GetObjectCommand)).toHaveLength(0);
  });

  test('follows the history\'s pages, the newest start time wins whatever the order', async () => {
    registry([8, 6, 5]);
    codePipeline.on(ListPipelineExecutionsCommand)
      .resolvesOnce({ pipelineExecutionSummaries: [{ pipelineExecutionId: EXECUTION(1), status: 'Succeeded', startTime: new Date(Date.UTC(2026, 10, 1)) }], nextToken: 'page-2' })
      .resolvesOnce({ pipelineExecutionSummaries: [{ pipelineExecutionId: EXECUTION(2), status: 'Succeeded', startTime: new Date(Date.UTC(2026, 10, 5)) }] });
    codePipeline.on(ListActionExecutionsCommand).resolves({ actionExecutionDetails: [{ output: { outputVariables: { MODEL_VERSION: '6', MODEL_PACKAGE_ARN: arnOf(6) } } }] });
    baselines({ exec6: 'a\n', exec8: 'a\n' });
    expect((await compareModelInputs(withPipeline, release, PIPELINE)).summary).toBe('the same 1 column as version 6, which production serves');
    // (The paginator reuses its input object, so only the last call's token can be read back.)
    expect(codePipeline.commandCalls(ListPipelineExecutionsCommand)).toHaveLength(2);
    expect(codePipeline.commandCalls(ListPipelineExecutionsCommand)[1].args[0].input).toMatchObject({ pipelineName: PIPELINE, nextToken: 'page-2' });
    expect(codePipeline.commandCalls(ListActionExecutionsCommand)[0].args[0].input.filter?.pipelineExecutionId).toBe(EXECUTION(2));
  });

  // "PipelineExecutionSummary" (AWS CodePipeline API Reference): a stage rollback is an execution of type ROLLBACK that runs
  // only the production stage and names the execution it rolled back to; its staging check, and so its variables, did not run.
  test('a rollback of the production stage: compared with the version its target execution released', async () => {
    registry([8, 7, 6]);
    codePipeline.on(ListPipelineExecutionsCommand).resolves({ pipelineExecutionSummaries: [
      { pipelineExecutionId: EXECUTION(1), status: 'Succeeded', startTime: new Date(Date.UTC(2026, 11, 1)) },
      { pipelineExecutionId: EXECUTION(2), status: 'Succeeded', startTime: new Date(Date.UTC(2026, 11, 2)) },
      { pipelineExecutionId: EXECUTION(3), status: 'Succeeded', startTime: new Date(Date.UTC(2026, 11, 3)), executionType: 'ROLLBACK', rollbackMetadata: { rollbackTargetPipelineExecutionId: EXECUTION(1) } },
    ] });
    codePipeline.on(ListActionExecutionsCommand).callsFake((input) => {
      const version = { [EXECUTION(1)]: 6, [EXECUTION(2)]: 7 }[input.filter.pipelineExecutionId as string];
      return { actionExecutionDetails: version === undefined ? [] : [{ output: { outputVariables: { MODEL_VERSION: String(version), MODEL_PACKAGE_ARN: arnOf(version) } } }] };
    });
    baselines({ exec6: 'a\n', exec8: 'a,b\n' });
    const comparison = await compareModelInputs(withPipeline, release, PIPELINE);
    expect(comparison.base).toEqual({ version: 6, source: 'production' });
    expect(comparison.summary).toBe('CHANGED from version 6, which production serves (1 added): the production endpoint\'s callers must send the new columns');
    expect(codePipeline.commandCalls(ListActionExecutionsCommand).map((call) => call.args[0].input.filter?.pipelineExecutionId)).toEqual([EXECUTION(1)]);
  });

  test.each([
    ['no execution has succeeded yet (a first release)', () => history([[1, 'Failed', 1], [2, 'InProgress', 2]], {}),
      `not compared with the version production serves: ${PIPELINE} has no succeeded execution in its history of 12 months (a first release, or none since); compared with the version approved before this one instead`],
    ['its last succeeded execution exported no version (a toolkit before the variables)', () => history([[1, 'Succeeded', 1]], { 1: undefined }),
      `not compared with the version production serves: the last succeeded execution of ${PIPELINE}, ${EXECUTION(1)}, exported no model version and package; compared with the version approved before this one instead`],
    ['the package of the version it released cannot be described', () => {
      history([[1, 'Succeeded', 1]], { 1: 6 });
      sageMaker.on(DescribeModelPackageCommand, { ModelPackageName: arnOf(6) }).rejects(Object.assign(new Error('not authorized'), { name: 'AccessDeniedException' }));
    }, `not compared with the version production serves: version 6, which the last succeeded execution of ${PIPELINE}, ${EXECUTION(1)} released, could not be described (AccessDeniedException: not authorized); compared with the version approved before this one instead`],
    ['its history cannot be read', () => codePipeline.on(ListPipelineExecutionsCommand).rejects(Object.assign(new Error('not authorized'), { name: 'AccessDeniedException' })),
      `not compared with the version production serves: the history of ${PIPELINE} could not be read (AccessDeniedException: not authorized); compared with the version approved before this one instead`],
  ])('%s: compared with the version approved before it, and the log says why', async (_label, arrange, note) => {
    registry([8, 7]);
    arrange();
    baselines({ exec7: 'a\n', exec8: 'a\n' });
    expect(await compareModelInputs(withPipeline, release, PIPELINE)).toEqual({
      summary: 'the same 1 column as version 7, approved before it', changed: false, details: [note], base: { version: 7, source: 'approved-before' },
    });
  });
});
