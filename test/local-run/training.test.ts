import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { LocalStorage, choosePython, fileUri, runLocalPipeline } from '../../src/local-run';
import { checkRunnable } from '../../src/local-run/step-json';
import { finalMetrics } from '../../src/local-run/training';
import { XGBOOST_ALGORITHM_METRIC_DEFINITIONS } from '../../src/local-run/xgboost-algorithm';
import { PipelineDefinition, TrainingStepProps } from '../../src/pipeline-definition';
import { XGBOOST_IMAGE, trainingStep } from '../pipeline-definition/fixtures';
import { requireTestPython } from '../scripts/require-python';

// Without the Python modules, fail this suite once with the command that installs them.
requireTestPython();

jest.setTimeout(30_000);

const PYTHON = choosePython();
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-training-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Header-less CSV, label first: the label is 1 when the first feature is large, with some noise. */
function channel(name: string, rows: number, seed: number): string {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const lines = Array.from({ length: rows }, () => {
    const [a, b] = [random(), random()];
    const label = a + 0.2 * random() > 0.6 ? 1 : 0;
    return `${label},${a.toFixed(4)},${b.toFixed(4)}`;
  });
  const folder = path.join(dir, 'data', name);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, `${name}.csv`), `${lines.join('\n')}\n`);
  return folder;
}

/** The names of the files in a .tar.gz (ustar headers: the name is the first 100 bytes of each 512-byte header). */
function tarNames(file: string): string[] {
  const data = gunzipSync(fs.readFileSync(file));
  const names: string[] = [];
  let offset = 0;
  while (offset + 512 <= data.length && data[offset] !== 0) {
    names.push(data.subarray(offset, offset + 100).toString('utf-8').replace(/\0.*$/s, ''));
    const size = parseInt(data.subarray(offset + 124, offset + 136).toString('utf-8').replace(/\0.*$/s, '').trim(), 8);
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return names;
}

async function train(props: Partial<TrainingStepProps>) {
  const workDir = path.join(dir, 'run');
  const definition = new PipelineDefinition({
    steps: [trainingStep({
      inputs: {
        train: { s3Uri: fileUri(channel('train', 300, 1)), contentType: 'text/csv' },
        validation: { s3Uri: fileUri(channel('validation', 100, 2)), contentType: 'text/csv' },
      },
      outputPath: 's3://local-bucket/churn/model',
      ...props,
    })],
  });
  return runLocalPipeline({
    definition,
    pipelineName: 'churn',
    region: 'us-east-1',
    executionId: 'local-7',
    workDir,
    storage: new LocalStorage({ s3Root: path.join(workDir, 's3'), buckets: ['local-bucket'], baseDir: dir }),
    registryFile: path.join(dir, 'registry.json'),
    python: PYTHON,
  });
}

describe('training step (the built-in XGBoost algorithm)', () => {
  test('trains with the definition\'s hyperparameters and writes model.tar.gz holding xgboost-model where SageMaker puts it', async () => {
    const result = await train({
      hyperparameters: { objective: 'binary:logistic', eval_metric: 'auc', num_round: 50, max_depth: 2, eta: 0.3, early_stopping_rounds: 5 },
    });
    expect(result.status).toBe('Succeeded');
    const archive = path.join(dir, 'run', 's3', 'local-bucket', 'churn', 'model', 'local-7-Train', 'output', 'model.tar.gz');
    expect(result.modelArtifact).toBe(archive);
    expect(tarNames(archive)).toEqual(['xgboost-model']);
    const ml = path.join(dir, 'run', 'steps', 'Train', 'opt', 'ml');
    expect(JSON.parse(fs.readFileSync(path.join(ml, 'input', 'config', 'hyperparameters.json'), 'utf-8'))).toEqual({
      objective: 'binary:logistic', eval_metric: 'auc', num_round: '50', max_depth: '2', eta: '0.3', early_stopping_rounds: '5',
    });
    expect(JSON.parse(fs.readFileSync(path.join(ml, 'input', 'config', 'inputdataconfig.json'), 'utf-8'))).toEqual({
      train: { ContentType: 'text/csv', TrainingInputMode: 'File', S3DistributionType: 'FullyReplicated', RecordWrapperType: 'None' },
      validation: { ContentType: 'text/csv', TrainingInputMode: 'File', S3DistributionType: 'FullyReplicated', RecordWrapperType: 'None' },
    });
    expect(fs.existsSync(path.join(ml, 'input', 'data', 'train', 'train.csv'))).toBe(true);
    const log = fs.readFileSync(path.join(dir, 'run', 'steps', 'Train', 'log.txt'), 'utf-8');
    expect(log).toContain('train matrix: 300 rows, 2 columns; validation matrix: 100 rows');
    expect(log).toMatch(/^\[0\]\ttrain-auc:[\d.]+\tvalidation-auc:[\d.]+$/m);
    // The built-in algorithm's own metrics, as SageMaker publishes them: validation:<eval_metric>.
    expect(result.trainingMetrics).toEqual({ 'validation:auc': expect.any(Number) });
    expect(result.trainingMetrics['validation:auc']).toBeGreaterThan(0.8);
  });

  test.each([
    [{ hyperparameters: { num_round: 10, colour: 'blue' } }, 'error: extraneous hyperparameter found: colour is not a hyperparameter of the built-in XGBoost algorithm'],
    [{ hyperparameters: { max_depth: 3 } }, 'error: missing required hyperparameter: num_round'],
    [{ hyperparameters: { num_round: 'ten' } }, 'error: hyperparameter num_round: could not parse \'ten\''],
    [{ hyperparameters: { num_round: 10, _kfold: 5 } }, 'error: hyperparameter _kfold is not supported by the local run (it needs SageMaker)'],
  ])('%j fails the step with the algorithm\'s message', async (props, message) => {
    const result = await train(props);
    expect(result.status).toBe('Failed');
    expect(result.failureReason).toContain(`${PYTHON} exited with code 1\nstderr:\n  ${message}\nlog: `);
  });

  test('a channel that is not CSV fails the step', async () => {
    const result = await train({
      hyperparameters: { num_round: 10 },
      inputs: { train: { s3Uri: fileUri(channel('train', 50, 3)), contentType: 'application/x-recordio-protobuf' } },
    });
    expect(result.failureReason).toContain('error: channel train has content type application/x-recordio-protobuf; the local run reads text/csv only');
  });
});

/*
 * The local run mirrors the cloud step. Developer guide, "Tune an XGBoost Model": the metrics the
 * XGBoost algorithm computes (validation:auc, validation:logloss, ...), which it publishes itself
 * ("Define metrics and environment variables": for built-in algorithms "metrics are already
 * defined for you"); their expressions are the algorithm container's (sagemaker-xgboost-container,
 * algorithm_mode/metrics.py). A built-in job with its own MetricDefinitions is refused, as
 * CreateTrainingJob refuses it (issue 16; the refusal's wording was not found in the stored AWS pages).
 */
describe('the built-in algorithm\'s metrics', () => {
  test('validation:<metric> for every metric the algorithm computes, read with the algorithm\'s expression', () => {
    const names = XGBOOST_ALGORITHM_METRIC_DEFINITIONS.map((d) => d.Name);
    expect(names).toEqual(expect.arrayContaining(['validation:auc', 'validation:logloss', 'validation:error', 'validation:rmse', 'validation:mae', 'validation:f1']));
    expect(names.every((name) => name.startsWith('validation:'))).toBe(true);
    const log = ['[0]\ttrain-auc:0.70\tvalidation-auc:0.68', '[1]\ttrain-auc:0.80\tvalidation-auc:0.79', 'done'].join('\n');
    expect(finalMetrics(XGBOOST_ALGORITHM_METRIC_DEFINITIONS, log)).toEqual({ 'validation:auc': 0.79 });
  });

  test('a training step of the built-in algorithm with metric definitions is refused before anything runs', () => {
    const step = {
      Name: 'Train', Type: 'Training',
      Arguments: { AlgorithmSpecification: { TrainingImage: XGBOOST_IMAGE, TrainingInputMode: 'File', MetricDefinitions: [{ Name: 'validation:auc', Regex: 'auc:(\\S+)' }] } },
    };
    expect(() => checkRunnable(step)).toThrow(
      'step Train is a Training step of the built-in XGBoost algorithm with MetricDefinitions, which CreateTrainingJob rejects for built-in algorithms',
    );
    expect(() => checkRunnable({ ...step, Arguments: { AlgorithmSpecification: { TrainingImage: XGBOOST_IMAGE, TrainingInputMode: 'File' } } })).not.toThrow();
  });
});

describe('finalMetrics', () => {
  const log = ['[0]\ttrain-auc:0.70\tvalidation-auc:0.68', '[1]\ttrain-auc:0.80\tvalidation-auc:0.79', 'done'].join('\n');

  test('the last value each regular expression finds, with tabs as #011', () => {
    expect(finalMetrics([
      { Name: 'train:auc', Regex: '\\[\\d+\\]#011train-auc:([0-9\\.]+)' },
      { Name: 'validation:auc', Regex: '#011validation-auc:([0-9\\.]+)' },
      { Name: 'never', Regex: 'loss:([0-9.]+)' },
    ], log)).toEqual({ 'train:auc': 0.8, 'validation:auc': 0.79 });
  });

  test('a regular expression JavaScript cannot read is an error naming the metric', () => {
    expect(() => finalMetrics([{ Name: 'bad', Regex: '([0-9' }], log, 'step Train')).toThrow(/^step Train: metric bad has a regular expression the local run cannot read: /);
  });
});
