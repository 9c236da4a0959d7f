import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Output, runCli } from '../../src/cli';
import { CONFIG_FILE_NAME, renderConfigFile } from '../../src/config';
import {
  LocalRunResult, MLFLOW_NOT_LOGGING_NOTICE, PYTHON_ENV_VARIABLE, addLocalModelVersion, choosePython, fileUri, mlflowLoggingNotice, readLocalRegistry,
} from '../../src/local-run';
import { XGBOOST_INFERENCE_FILE, XGBOOST_INFERENCE_SCRIPT } from '../../src/local-run/xgboost-inference';
import { SEED_MODEL_BUILD_REPO, testConfig } from '../helpers/validated-synth';
import { requireTestPython } from '../scripts/require-python';

// Without the Python modules, fail this suite once with the command that installs them.
requireTestPython();

// The end-to-end runs start python processes (about 5 to 6 s per pipeline run on 2 cores; six runs and a failing Preprocess here).
jest.setTimeout(60_000);

const STEPS = ['Preprocess', 'Train', 'Evaluate', 'CheckAuc', 'Register', 'AucBelowThreshold'];

let dir: string;
let repo: string;

function capture(): Output & { results: unknown[]; infos: string[] } {
  const results: unknown[] = [];
  const infos: string[] = [];
  return { results, infos, result: (value) => results.push(value), info: (message) => infos.push(message) };
}

async function run(argv: string[]) {
  const out = capture();
  const code = await runCli(argv, out);
  return { code, out };
}

/** The usage errors commander writes to stderr. */
async function usageError(argv: string[]): Promise<{ code: number; stderr: string }> {
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const { code } = await run(argv);
    return { code, stderr: stderr.mock.calls.map((c) => String(c[0])).join('') };
  } finally {
    stderr.mockRestore();
  }
}

const registryFile = () => path.join(repo, '.local-run', 'registry.json');

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-run-cli-'));
  // A model-build repository as MlopsProject writes it: the config file, the seed's scripts and committed sample.
  repo = path.join(dir, 'player-churn-model-build');
  fs.mkdirSync(repo);
  fs.writeFileSync(path.join(repo, CONFIG_FILE_NAME), JSON.stringify(renderConfigFile(testConfig())));
  fs.cpSync(path.join(SEED_MODEL_BUILD_REPO, 'pipelines'), path.join(repo, 'pipelines'), { recursive: true });
  fs.cpSync(path.join(SEED_MODEL_BUILD_REPO, 'data'), path.join(repo, 'data'), { recursive: true });
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('local-run on the committed sample (end to end: python3, pandas, scikit-learn, xgboost)', () => {
  test('passes the quality gate, registers version 1 PendingManualApproval and prints the steps and the AUC', async () => {
    const { code, out } = await run(['local-run', '--repo', repo]);
    expect(code).toBe(0);
    const text = String(out.results[0]);
    const [headline, blank, header, ...rest] = text.split('\n');
    expect(headline).toMatch(/^local run (local-\d{8}-\d{6}-[0-9a-f]{4}) of player-churn-training succeeded in \d+\.\ds$/);
    expect(blank).toBe('');
    expect(header).toMatch(/^STEP +TYPE +STATUS +DURATION$/);
    expect(rest.slice(0, 6).map((line) => line.split(/ +/).slice(0, 3))).toEqual([
      ['Preprocess', 'Processing', 'Succeeded'], ['Train', 'Training', 'Succeeded'], ['Evaluate', 'Processing', 'Succeeded'],
      ['CheckAuc', 'Condition', 'Succeeded'], ['Register', 'RegisterModel', 'Succeeded'], ['AucBelowThreshold', 'Fail', 'Skipped'],
    ]);
    expect(rest[3]).toMatch(/ outcome: true$/);
    expect(rest[5]).toMatch(/ - +condition CheckAuc chose its if branch$/);
    const auc = Number(/^test AUC: (0\.\d{4}) \(TestScoreThreshold 0\.75\)$/m.exec(text)?.[1]);
    expect(auc).toBeGreaterThanOrEqual(0.75);

    const executionId = /^local run (\S+)/.exec(headline)![1];
    const workDir = path.join(repo, '.local-run', executionId);
    expect(text).toContain(`registered: player-churn version 1 (PendingManualApproval) in ${registryFile()}`);
    expect(text).toContain(`work folder: ${workDir}`);
    const model = /^model: (.+)$/m.exec(text)![1];
    expect(model).toBe(path.join(workDir, 's3', 'sagemaker-gitops-local', 'player-churn-training', executionId, 'Train', 'model',
      `${executionId}-Train`, 'output', 'model.tar.gz'));
    expect(execFileSync('tar', ['tzf', model], { encoding: 'utf-8' }).trim().split('\n')).toEqual(['xgboost-model']);

    const versions = readLocalRegistry(registryFile()).modelPackageGroups['player-churn'];
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({
      version: 1, approvalStatus: 'PendingManualApproval', modelDataPath: model, executionId, customerMetadata: { auc: String(Number(versions[0].customerMetadata.auc)) },
    });
    expect(Number(versions[0].customerMetadata.auc)).toBeCloseTo(auc, 4);
    // The evaluation report the version's model quality points at is the one the Evaluate step wrote.
    const statistics = (versions[0].modelMetrics as { ModelQuality: { Statistics: { LocalPath: string } } }).ModelQuality.Statistics.LocalPath;
    expect(JSON.parse(fs.readFileSync(statistics, 'utf-8')).classification_metrics.auc_score.value).toBeCloseTo(auc, 4);
    // Progress goes to stderr, one line as each step starts and ends.
    expect(out.infos).toEqual(expect.arrayContaining(['  Preprocess [Processing] executing', expect.stringMatching(/^ {2}Train \[Training\] succeeded \(\d+\.\ds\)$/)]));
    expect(out.infos.filter((line) => line.includes('AucBelowThreshold'))).toEqual([]);
    // Without MLFLOW_TRACKING_URI the text output says once that nothing is logged to MLflow.
    expect(out.infos.filter((line) => line === MLFLOW_NOT_LOGGING_NOTICE)).toHaveLength(1);
  });

  test('--json prints the result; a run after another registers version 2 with the status given', async () => {
    const earlier = addLocalModelVersion(registryFile(), 'us-east-1', {
      modelPackageGroupName: 'player-churn', approvalStatus: 'PendingManualApproval', pipelineName: 'player-churn-training', executionId: 'local-earlier',
      modelDataUrl: 's3://sagemaker-gitops-local/model.tar.gz', modelDataPath: '/earlier/model.tar.gz', customerMetadata: {},
    });
    const workDir = path.join(dir, 'inspect');
    const { code, out } = await run(['--json', 'local-run', '--repo', repo, '--work-dir', workDir, '--parameter', 'ModelApprovalStatus=Approved']);
    expect(code).toBe(0);
    const result = out.results[0] as LocalRunResult;
    expect(result).toMatchObject({
      pipelineName: 'player-churn-training',
      status: 'Succeeded',
      workDir,
      registryFile: registryFile(),
      parameters: { TestScoreThreshold: 0.75, ModelApprovalStatus: 'Approved', InputDataUrl: `file://${path.join(repo, 'data', 'player-churn.csv')}` },
      registeredVersion: { modelPackageGroupName: 'player-churn', version: 2, approvalStatus: 'Approved' },
      // train.py's metrics, read from its log with the step's metric definitions (script mode).
      trainingMetrics: { 'validation:auc': expect.any(Number), 'train:auc': expect.any(Number) },
      // Without MLFLOW_TRACKING_URI the run logs nothing to MLflow, and says so once.
      notices: [MLFLOW_NOT_LOGGING_NOTICE],
    });
    expect(result).not.toHaveProperty('mlflowTrackingUri');
    expect(result.trainingMetrics['validation:auc']).toBeGreaterThan(0.5);
    // The steps ran the scripts of the code bundle, and said that MLflow was off.
    for (const [step, name] of [['Preprocess', 'preprocess'], ['Train', 'train'], ['Evaluate', 'evaluate']]) {
      const log = fs.readFileSync(result.steps.find((s) => s.name === step)!.logFile!, 'utf-8');
      expect(log).toContain(`MLflow: tracking is off for the ${name} step (MLFLOW_TRACKING_URI is not set): nothing is logged`);
    }
    expect(result.steps.map((s) => s.name)).toEqual(STEPS);
    expect(result.auc).toBeGreaterThanOrEqual(0.75);
    expect(JSON.parse(fs.readFileSync(path.join(workDir, 'result.json'), 'utf-8'))).toEqual(result);
    expect(readLocalRegistry(registryFile()).modelPackageGroups['player-churn']).toEqual([earlier, result.registeredVersion]);
  });

  test('a threshold the model does not reach takes the Fail branch: exit 1 with the AUC in the message, nothing registered', async () => {
    const { code, out } = await run(['local-run', '--repo', repo, '--parameter', 'TestScoreThreshold=0.99']);
    expect(code).toBe(1);
    const text = String(out.results[0]);
    expect(text).toMatch(/^local run \S+ of player-churn-training failed in /);
    expect(text).toMatch(/^Register +RegisterModel +Skipped +- +condition CheckAuc chose its else branch$/m);
    expect(text).toMatch(/^AucBelowThreshold +Fail +Failed +\d+\.\ds$/m);
    const auc = Number(/^test AUC: (0\.\d{4}) \(TestScoreThreshold 0\.99\)$/m.exec(text)![1]);
    const error = out.infos[out.infos.length - 1];
    const message = /^error: step AucBelowThreshold \(Fail\) failed: Test AUC (0\.\d+) is below the threshold 0\.99 - the model was not registered$/.exec(error);
    expect(message).not.toBeNull();
    expect(Number(message![1])).toBeCloseTo(auc, 4);
    expect(fs.existsSync(registryFile())).toBe(false);
  });

  test('data with a missing column fails Preprocess with the script\'s message; the work folder keeps its log', async () => {
    const bad = path.join(dir, 'bad.csv');
    const [header, ...rows] = fs.readFileSync(path.join(repo, 'data', 'player-churn.csv'), 'utf-8').split('\n').slice(0, 50);
    const drop = header.split(',').indexOf('session_count');
    const without = (line: string) => line.split(',').filter((_, i) => i !== drop).join(',');
    fs.writeFileSync(bad, [header, ...rows].map(without).join('\n'));
    const { code, out } = await run(['--json', 'local-run', '--repo', repo, '--parameter', `InputDataUrl=${bad}`]);
    expect(code).toBe(1);
    const result = out.results[0] as LocalRunResult;
    expect(result.steps.map((s) => [s.name, s.status])).toEqual([
      ['Preprocess', 'Failed'], ['Train', 'NotRun'], ['Evaluate', 'NotRun'], ['CheckAuc', 'NotRun'], ['Register', 'NotRun'], ['AucBelowThreshold', 'NotRun'],
    ]);
    // With --json the failure is one JSON object on stderr.
    const error = JSON.parse(out.infos[out.infos.length - 1]).error.message;
    expect(error).toMatch(/^step Preprocess \(Processing\) failed: \S+ exited with code 1\nstderr:\n {2}error: .*bad\.csv has no column session_count; the step needs /);
    expect(error).toContain(`log: ${result.steps[0].logFile}`);
    expect(fs.readFileSync(result.steps[0].logFile!, 'utf-8')).toContain('has no column session_count');
  });
});

/*
 * The local run with MLflow: MLFLOW_TRACKING_URI set, the same scripts log what the cloud
 * run logs. The mlflow package is not installable here: the recording stand-in of
 * seed-code/model-build/tests/mlflow_stub is on PYTHONPATH, and the assertions read what it recorded.
 */
describe('local-run with MLFLOW_TRACKING_URI (the recording mlflow stand-in on PYTHONPATH)', () => {
  const STUB = path.join(__dirname, '..', '..', 'seed-code', 'model-build', 'tests', 'mlflow_stub');
  const saved: Record<string, string | undefined> = {};
  let record: string;

  beforeEach(() => {
    record = path.join(dir, 'mlflow-calls.jsonl');
    for (const name of ['MLFLOW_TRACKING_URI', 'PYTHONPATH', 'MLFLOW_STUB_RECORD', 'MLFLOW_EXPERIMENT_NAME']) {
      saved[name] = process.env[name];
    }
    process.env.PYTHONPATH = [STUB, saved.PYTHONPATH].filter((p) => p).join(path.delimiter);
    process.env.MLFLOW_STUB_RECORD = record;
    delete process.env.MLFLOW_EXPERIMENT_NAME;
    // The project logs to an MLflow App (the default backend) in the cloud.
    fs.writeFileSync(path.join(repo, CONFIG_FILE_NAME), JSON.stringify(renderConfigFile(testConfig({ mlflow: {} }))));
  });

  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) {
        delete process.env[name];
      } else {
        process.env[name] = value;
      }
    }
  });

  const calls = (name?: string): Array<{ call: string; args: any[]; kwargs: Record<string, any>; run_id: string | null }> =>
    fs.readFileSync(record, 'utf-8').split('\n').filter((line) => line !== '').map((line) => JSON.parse(line)).filter((c) => name === undefined || c.call === name);
  const state = (): { experiments: Record<string, string>; runs: Record<string, any> } => JSON.parse(fs.readFileSync(`${record}.state.json`, 'utf-8'));

  test('one parent run per execution, a child run per step, the model logged; the registered version names the run and model', async () => {
    const uri = fileUri(path.join(dir, 'mlruns'));
    process.env.MLFLOW_TRACKING_URI = `file:${path.join(dir, 'mlruns')}`;
    const { code, out } = await run(['--json', 'local-run', '--repo', repo]);
    expect(out.infos.filter((line) => line.startsWith('error'))).toEqual([]);
    expect(code).toBe(0);
    const result = out.results[0] as LocalRunResult;
    expect(result.notices).toEqual([mlflowLoggingNotice(uri)]);
    expect(result.mlflowTrackingUri).toBe(uri);

    expect(result.steps.map((s) => [s.name, s.status])).toEqual([
      ['Preprocess', 'Succeeded'], ['Train', 'Succeeded'], ['Evaluate', 'Succeeded'], ['CheckAuc', 'Succeeded'],
      ['Register', 'Succeeded'], ['TagMlflowRun', 'Succeeded'], ['AucBelowThreshold', 'Skipped'],
    ]);
    // Every step logged to the local URI (not the App's ARN of the definition), in the project's experiment;
    // TagMlflowRun opens no run (no experiment of its own).
    expect(calls('set_tracking_uri').map((c) => c.args[0])).toEqual([uri, uri, uri, uri]);
    expect(calls('set_experiment').map((c) => c.kwargs.experiment_name)).toEqual(['player-churn', 'player-churn', 'player-churn']);
    const experimentId = state().experiments['player-churn'];
    const executionArn = `arn:aws:sagemaker:us-east-1:000000000000:pipeline/player-churn-training/execution/${result.executionId}`;

    // The parent run: created once (by the first step), named after the execution, found by the later steps.
    expect(calls('create_run')).toHaveLength(1);
    const runs = Object.values(state().runs);
    const parents = runs.filter((r) => r.tags['sagemaker.run_kind'] === 'pipeline-execution');
    expect(parents).toHaveLength(1);
    expect(parents[0]).toMatchObject({ experiment_id: experimentId, run_name: result.executionId, tags: { 'sagemaker.pipeline_execution_arn': executionArn } });

    // A child run per step, nested under it, finished.
    const children = runs.filter((r) => r.tags['sagemaker.run_kind'] === 'pipeline-step');
    expect(children.map((r) => r.run_name).sort()).toEqual(['evaluate', 'preprocess', 'train']);
    for (const child of children) {
      expect(child).toMatchObject({ experiment_id: experimentId, status: 'FINISHED', tags: { 'mlflow.parentRunId': parents[0].run_id, 'sagemaker.pipeline_execution_arn': executionArn } });
    }
    // Each names its job, as SageMaker names it to the container (TRAINING_JOB_NAME, processingjobconfig.json).
    expect(Object.fromEntries(children.map((r) => [r.run_name, r.tags['sagemaker.job_name']]))).toEqual({
      preprocess: `${result.executionId}-Preprocess`, train: `${result.executionId}-Train`, evaluate: `${result.executionId}-Evaluate`,
    });
    const train = children.find((r) => r.run_name === 'train');

    // The model: logged once, in the train run, with the xgboost flavour.
    const models = calls('xgboost.log_model');
    expect(models).toHaveLength(1);
    expect(models[0].run_id).toBe(train.run_id);
    expect(models[0].kwargs).toMatchObject({ name: 'model' });
    // The hyperparameters the step passed as --name value reached train.py and were logged.
    expect(calls('log_params').find((c) => c.run_id === train.run_id)!.args[0]).toMatchObject({ num_round: 100, max_depth: 3, objective: 'binary:logistic' });

    // Register: the version names the MLflow run and model (from evaluation.json, as in SageMaker).
    const version = result.registeredVersion!;
    expect(version.customerMetadata.mlflowRunId).toBe(train.run_id);
    expect(train.models).toHaveLength(1);
    expect(version.customerMetadata.mlflowModelUri).toBe(`models:/${train.models[0].model_id}`);
    // model.tar.gz carries the run's record for the Evaluate step in a folder: the XGBoost container's
    // algorithm mode loads every file at the top of the model folder as a model on /ping and fails its health
    // check on any other (aws/sagemaker-xgboost-container, algorithm_mode/serve_utils.py, tag v1.7-1).
    expect(execFileSync('tar', ['tzf', result.modelArtifact!], { encoding: 'utf-8' }).trim().split('\n').map((entry) => entry.replace(/^\.\//, '')).sort())
      .toEqual(['mlflow/', 'mlflow/run.json', 'xgboost-model']);
    // The local stand-in of that container (which loads models as it does) serves the registered artifact.
    const inference = path.join(dir, XGBOOST_INFERENCE_FILE);
    fs.writeFileSync(inference, XGBOOST_INFERENCE_SCRIPT);
    // A row of Evaluate's payload.csv (the label first, then the model's features), without its label.
    const payloads = (fs.readdirSync(path.join(repo, '.local-run'), { recursive: true }) as string[]).filter((file) => path.basename(file) === 'payload.csv');
    expect(payloads.length).toBeGreaterThan(0);
    const row = fs.readFileSync(path.join(repo, '.local-run', payloads[0]), 'utf-8').split('\n')[0];
    const features = path.join(dir, 'features.csv');
    fs.writeFileSync(features, `${row.split(',').slice(1).join(',')}\n`);
    execFileSync(choosePython(), [inference, '--model', result.modelArtifact!, '--input', features, '--output', path.join(dir, 'predictions.txt')]);
    expect(fs.readFileSync(path.join(dir, 'predictions.txt'), 'utf-8')).toMatch(/^0\.\d+\n?$/);

    // TagMlflowRun: the training run and the execution's run name the registered version (Steps.Register.ModelPackageArn,
    // which the local run resolves to the local registry's version ARN), and nothing else was logged after Register.
    expect(version.modelPackageArn).toBe('arn:aws:sagemaker:us-east-1:000000000000:model-package/player-churn/1');
    const after = state().runs;
    for (const run of [after[train.run_id], after[parents[0].run_id]]) {
      expect(run.tags).toMatchObject({ 'sagemaker.model_package_arn': version.modelPackageArn, 'sagemaker.model_package_version': '1' });
    }
    expect(calls('client.set_tag').map((c) => c.args)).toEqual([
      [train.run_id, 'sagemaker.model_package_arn', version.modelPackageArn], [train.run_id, 'sagemaker.model_package_version', '1'],
      [parents[0].run_id, 'sagemaker.model_package_arn', version.modelPackageArn], [parents[0].run_id, 'sagemaker.model_package_version', '1'],
    ]);
    expect(Object.keys(after)).toHaveLength(runs.length);
    const tagLog = fs.readFileSync(result.steps.find((s) => s.name === 'TagMlflowRun')!.logFile!, 'utf-8');
    expect(tagLog).toContain('mlflow_logging_failures=0');
    expect(tagLog).not.toContain('WARNING');
    // Train's metric definitions, applied to its log as SageMaker applies them to CloudWatch: no tracking call failed.
    expect(result.trainingMetrics['mlflow:logging_failures']).toBe(0);
  });

  // SageMaker API Reference, CreateModelPackage: CustomerMetadataProperties values are 1..256 characters. With the
  // tracking server unreachable, training logs nothing; the version is registered all the same, its MLflow ids "not-logged".
  test('an unreachable tracking server fails no step: the version is registered with its MLflow ids "not-logged"', async () => {
    process.env.MLFLOW_TRACKING_URI = `file:${path.join(dir, 'mlruns')}`;
    process.env.MLFLOW_STUB_FAIL = 'set_experiment';
    try {
      const { code, out } = await run(['--json', 'local-run', '--repo', repo]);
      expect(out.infos.filter((line) => line.startsWith('error'))).toEqual([]);
      expect(code).toBe(0);
      const result = out.results[0] as LocalRunResult;
      expect(result.steps.find((s) => s.name === 'Register')!.status).toBe('Succeeded');
      expect(result.registeredVersion!.customerMetadata).toMatchObject({ mlflowRunId: 'not-logged', mlflowModelUri: 'not-logged' });
    } finally {
      delete process.env.MLFLOW_STUB_FAIL;
    }
  });

  test('with MLflow, a repository without pipelines/tag_model_package.py is refused before anything runs; without MLflow it is not needed', async () => {
    fs.rmSync(path.join(repo, 'pipelines', 'tag_model_package.py'));
    process.env.MLFLOW_TRACKING_URI = `file:${path.join(dir, 'mlruns')}`;
    const { code, out } = await run(['--json', 'local-run', '--repo', repo]);
    expect(code).not.toBe(0);
    expect(out.infos.join('\n')).toContain(`the model-build repository has no ${path.join('pipelines', 'tag_model_package.py')} (looked in ${repo}); the pipeline runs it`);
    expect(fs.existsSync(record)).toBe(false);

    delete process.env.MLFLOW_TRACKING_URI;
    fs.writeFileSync(path.join(repo, CONFIG_FILE_NAME), JSON.stringify(renderConfigFile(testConfig())));
    const without = await run(['--json', 'local-run', '--repo', repo]);
    expect(without.code).toBe(0);
    expect((without.out.results[0] as LocalRunResult).steps.map((s) => s.name)).toEqual(STEPS);
  });

  test('a python without mlflow fails the first step with what to install, before its script runs', async () => {
    process.env.PYTHONPATH = saved.PYTHONPATH ?? '';
    if (process.env.PYTHONPATH === '') {
      delete process.env.PYTHONPATH;
    }
    process.env.MLFLOW_TRACKING_URI = `file:${path.join(dir, 'mlruns')}`;
    const { code, out } = await run(['--json', 'local-run', '--repo', repo]);
    expect(code).toBe(1);
    const result = out.results[0] as LocalRunResult;
    expect(result.steps.map((s) => [s.name, s.status])).toEqual([
      ['Preprocess', 'Failed'], ['Train', 'NotRun'], ['Evaluate', 'NotRun'], ['CheckAuc', 'NotRun'], ['Register', 'NotRun'], ['TagMlflowRun', 'NotRun'],
      ['AucBelowThreshold', 'NotRun'],
    ]);
    expect(result.steps[0].failureReason).toMatch(
      /^step Preprocess: MLFLOW_TRACKING_URI is set \(file:\/\/\/.*mlruns\), so the step logs to MLflow, but \S+ cannot import mlflow, which the code bundle's requirements\.txt asks for \(mlflow==\d+\.\d+\.\d+\); the local run installs nothing\. Either:\n {2}\S+ -m pip install 'mlflow==/,
    );
    expect(result.steps[0].failureReason).toContain('or unset MLFLOW_TRACKING_URI to run without MLflow');
    expect(fs.existsSync(record)).toBe(false);
  });
});

describe('local-run before anything runs', () => {
  test('a parameter the pipeline does not declare is a usage error listing the declared ones', async () => {
    const { code, stderr } = await usageError(['local-run', '--repo', repo, '--parameter', 'Threshold=0.9']);
    expect(code).toBe(2);
    expect(stderr).toContain('error: the pipeline declares no parameter Threshold; declared: InputDataUrl, ProcessingInstanceType, '
      + 'TrainingInstanceType, InferenceInstanceType, TransformInstanceType, TestScoreThreshold, ModelApprovalStatus\n');
    expect(fs.existsSync(path.join(repo, '.local-run'))).toBe(false);
  });

  test.each([
    [['--parameter', 'TestScoreThreshold=abc'], 'error: parameter TestScoreThreshold is a Float: give a number such as 0.75, got "abc"'],
    [['--parameter', 'TestScoreThreshold=2'], 'error: parameter TestScoreThreshold must be between 0 and 1, got 2'],
    [['--parameter', 'ModelApprovalStatus=Rejected'], 'error: parameter ModelApprovalStatus must be one of PendingManualApproval, Approved, got "Rejected"'],
    [['--parameter', 'TestScoreThreshold'], 'parameter must be KEY=VALUE with a non-empty KEY, got TestScoreThreshold'],
    [['--parameter', '=0.9'], 'parameter must be KEY=VALUE with a non-empty KEY, got =0.9'],
    [['--parameter', 'TestScoreThreshold=0.8', '--parameter', 'TestScoreThreshold=0.9'], 'parameter TestScoreThreshold is given twice'],
  ])('%j is a usage error', async (args, message) => {
    const { code, stderr } = await usageError(['local-run', '--repo', repo, ...args]);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  test('a folder that is not a model-build repository', async () => {
    const { code, out } = await run(['local-run', '--repo', dir]);
    // Its sagemaker-gitops.json is missing: a usage error (exit 2), as a missing file is in every command.
    expect(code).toBe(2);
    expect(out.infos).toEqual([`error: ${dir} is not a model-build repository: it has no sagemaker-gitops.json; run the command in one, or give --repo <folder>`]);
  });

  test('python3 missing says what to install', async () => {
    const previous = process.env[PYTHON_ENV_VARIABLE];
    process.env[PYTHON_ENV_VARIABLE] = path.join(dir, 'no-python3');
    try {
      const { code, out } = await run(['local-run', '--repo', repo]);
      expect(code).toBe(1);
      expect(out.infos[out.infos.length - 1]).toMatch(
        /^error: cannot run .*no-python3 \(spawnSync .*no-python3 ENOENT\): the local run needs python3 with pandas, numpy, sklearn, xgboost; install them \(apt-get install -y python3 python3-pandas python3-numpy python3-sklearn python3-xgboost\)/,
      );
    } finally {
      if (previous === undefined) {
        delete process.env[PYTHON_ENV_VARIABLE];
      } else {
        process.env[PYTHON_ENV_VARIABLE] = previous;
      }
    }
    expect(fs.existsSync(path.join(repo, '.local-run'))).toBe(false);
  });

  // --work-dir is an argument of the command: one that will not do is a usage error (exit 2), before any step runs.
  test('a work folder that is not empty is refused as a usage error, leaving its files as they were', async () => {
    const workDir = path.join(dir, 'used');
    fs.mkdirSync(workDir);
    fs.writeFileSync(path.join(workDir, 'notes.txt'), 'mine');
    const { code, out } = await run(['local-run', '--repo', repo, '--work-dir', workDir]);
    expect(code).toBe(2);
    expect(out.infos).toEqual([`error: the work folder ${workDir} is not empty: give a new folder, or remove it first`]);
    expect(fs.readdirSync(workDir)).toEqual(['notes.txt']);
    expect(fs.readFileSync(path.join(workDir, 'notes.txt'), 'utf-8')).toBe('mine');
  });

  test('a work folder that is a file is refused as a usage error', async () => {
    const workDir = path.join(dir, 'a-file');
    fs.writeFileSync(workDir, 'mine');
    const { code, out } = await run(['local-run', '--repo', repo, '--work-dir', workDir]);
    expect(code).toBe(2);
    expect(out.infos).toEqual([`error: the work folder ${workDir} is a file: give a new folder`]);
    expect(fs.readFileSync(workDir, 'utf-8')).toBe('mine');
  });
});
