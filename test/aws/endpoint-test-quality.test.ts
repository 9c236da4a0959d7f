import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InvokeEndpointCommand, SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import { mockClient } from 'aws-sdk-client-mock';
import { CliError, readLabelledPayload, scorePredictions, testEndpoint } from '../../src/aws';

const rt = mockClient(SageMakerRuntimeClient);
const client = new SageMakerRuntimeClient({ region: 'eu-west-1' });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'endpoint-quality-'));

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  rt.reset();
});

/** 40 rows whose first feature is the probability a good model answers; labels 1 for the upper half. */
const labels = Array.from({ length: 40 }, (_, i) => (i >= 20 ? 1 : 0));
const rows = labels.map((label, i) => `${((i + 0.5) / 40).toFixed(4)},${label ? 7 : 3}`);

/** An endpoint answering `score(firstFeature)` per row. */
function endpoint(score: (feature: number) => number): void {
  rt.on(InvokeEndpointCommand).callsFake((input: { Body: string }) => ({
    Body: new TextEncoder().encode(input.Body.split('\n').map((row) => String(score(Number(row.split(',')[0])))).join('\n')),
    ContentType: 'text/csv',
  }));
}

function run(minAuc: number, rowLabels: number[] = labels) {
  return testEndpoint(client, { endpointName: 'churn-staging', rows, labels: rowLabels, minAuc, now: () => 0, sleep: async () => {} });
}

// The quality gate of the model-build pipeline compares the test AUC (scikit-learn's roc_auc_score, in evaluate.py)
// with the threshold; the staging test scores the endpoint's answers the same way.
describe('the AUC over the payload\'s labels', () => {
  test('a model that always answers 0.5 fails, with the AUC, the rows and the minimum', async () => {
    endpoint(() => 0.5);
    const report = await run(0.7);
    expect(report.quality).toMatchObject({ metric: 'auc', value: 0.5, minimum: 0.7, rows: 40, positives: 20, negatives: 20, passed: false });
    expect(report.failures).toEqual([{
      batch: null,
      reason: 'AUC 0.5000 over 40 labelled rows (20 positive, 20 negative) is below the minimum 0.7000 (minAuc / --min-auc): the model answers, but not well enough',
    }]);
    expect(report.passed).toBe(false);
  });

  test('a model that ranks the churners first passes', async () => {
    endpoint((feature) => feature);
    const report = await run(0.7);
    expect(report.quality).toMatchObject({ metric: 'auc', value: 1, passed: true });
    expect(report.passed).toBe(true);
  });

  test('a model with the classes swapped fails', async () => {
    endpoint((feature) => 1 - feature);
    const report = await run(0.5);
    expect(report.quality).toMatchObject({ value: 0, passed: false });
  });

  test('labels of one class are scored by accuracy at 0.5', async () => {
    endpoint(() => 0.9);
    const report = await run(0.8, labels.map(() => 1));
    expect(report.quality).toMatchObject({ metric: 'accuracy', value: 1, passed: true });
    const zeros = await run(0.8, labels.map(() => 0));
    expect(zeros.failures[0].reason).toMatch(/^accuracy \(threshold 0.5; the labels hold one class, so there is no AUC\) 0.0000 over 40 labelled rows \(0 positive, 40 negative\) is below the minimum 0.8000/);
  });
});

describe('scorePredictions', () => {
  test('matches roc_auc_score with ties at half', () => {
    // roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.75; with a tie: ([0, 1], [0.5, 0.5]) == 0.5.
    expect(scorePredictions([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1], 0).value).toBeCloseTo(0.75, 12);
    expect(scorePredictions([0.5, 0.5], [0, 1], 0).value).toBe(0.5);
  });

  test('bad input is an error', () => {
    expect(() => scorePredictions([0.1], [0, 1], 0)).toThrow('scoring needs one prediction per label and at least one row, got 1 predictions and 2 labels');
    expect(() => scorePredictions([0.1], [2], 0)).toThrow('label 1 is 2; a label must be 0 or 1');
  });
});

describe('readLabelledPayload', () => {
  function payload(text: string): string {
    const file = path.join(dir, `p${Math.random()}.csv`);
    fs.writeFileSync(file, text);
    return file;
  }

  test('splits off the label column', () => {
    const file = payload('1,0.5,3\n0,0.25,4\n');
    expect(readLabelledPayload(file, { labelColumn: 'first', modelFeatures: 2 })).toEqual({ rows: ['0.5,3', '0.25,4'], labels: [1, 0], features: 2 });
  });

  // XGBoost reads the columns a row lacks as missing values and still answers, so a narrower payload would pass unnoticed.
  test('a payload of another width than the model fails with both numbers', () => {
    const file = payload('1,0.5,3\n0,0.25,4\n');
    expect(() => readLabelledPayload(file, { labelColumn: 'first', modelFeatures: 30 })).toThrow(new CliError(
      `payload ${file} has 2 features per row after the label column, the model takes 30: the payload was made for another model (use the test split of the run that trained this one)`,
    ));
    expect(() => readLabelledPayload(file, { modelFeatures: 2 })).toThrow(`payload ${file} has 3 features per row, the model takes 2`);
  });

  test('a label other than 0 or 1 names the line', () => {
    const file = payload('1,0.5,3\n0.7,0.25,4\n');
    expect(() => readLabelledPayload(file, { labelColumn: 'first' })).toThrow(`payload ${file} line 2 has the label 0.7 in its first column; a label must be 0 or 1`);
  });

  test('bad options are rejected', () => {
    const file = payload('1\n');
    expect(() => readLabelledPayload(file, { labelColumn: 'first' })).toThrow(`payload ${file} has 1 field per row, the label: it needs at least one feature after it`);
    expect(() => readLabelledPayload(file, { labelColumn: 'last' as never })).toThrow('labelColumn must be one of none, first, got last');
    expect(() => readLabelledPayload(file, { modelFeatures: 0 })).toThrow('modelFeatures must be a positive whole number of features, got 0');
  });
});
