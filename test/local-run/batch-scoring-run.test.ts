import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Output, runCli } from '../../src/cli';
import { CONFIG_FILE_NAME, ProjectConfig, renderConfigFile } from '../../src/config';
import { LocalRunError, readLocalRegistry, runModelBuildLocally } from '../../src/local-run';
import { runBatchScoringLocally } from '../../src/local-run/batch-scoring-run';
import { SEED_MODEL_BUILD_REPO, testConfig } from '../helpers/validated-synth';
import { requireTestPython } from '../scripts/require-python';

requireTestPython();
// One model-build run (about 6 s) and a few scoring runs (python and xgboost each).
jest.setTimeout(120_000);

let dir: string;
let repo: string;
/** The test split the local model-build run wrote (its folder, and its files in order): header-less, the label (0/1) first, then the model's features. */
let testSplit: string;
let testFiles: string[];
let registeredAuc: number;

function writeRepo(config: ProjectConfig): void {
  fs.writeFileSync(path.join(repo, CONFIG_FILE_NAME), JSON.stringify(renderConfigFile(config)));
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-batch-scoring-'));
  repo = path.join(dir, 'player-churn-model-build');
  fs.mkdirSync(repo);
  writeRepo(testConfig());
  fs.cpSync(path.join(SEED_MODEL_BUILD_REPO, 'pipelines'), path.join(repo, 'pipelines'), { recursive: true });
  fs.cpSync(path.join(SEED_MODEL_BUILD_REPO, 'data'), path.join(repo, 'data'), { recursive: true });
  // The committed sample, trained and registered as version 1 by the local model-build run.
  const build = await runModelBuildLocally({ repoDir: repo, mlflowTrackingUri: null });
  expect(build.status).toBe('Succeeded');
  registeredAuc = Number(readLocalRegistry(path.join(repo, '.local-run', 'registry.json')).modelPackageGroups['player-churn'][0].customerMetadata.auc);
  const found = (fs.readdirSync(build.workDir, { recursive: true }) as string[]).filter((f) => f.startsWith('s3') && /\/Preprocess\/test\/[^/]+\.csv$/.test(f)).sort();
  expect(found.length).toBeGreaterThanOrEqual(1);
  testFiles = found.map((f) => path.join(build.workDir, f));
  testSplit = path.dirname(testFiles[0]);
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const lines = (file: string) => fs.readFileSync(file, 'utf-8').split('\n').filter((l) => l !== '');

/** The ROC AUC of scores against 0/1 labels (ties counted half), as scikit-learn's roc_auc_score computes it. */
function auc(labels: number[], scores: number[]): number {
  const positives = scores.filter((_, i) => labels[i] === 1);
  const negatives = scores.filter((_, i) => labels[i] === 0);
  let wins = 0;
  for (const p of positives) {
    for (const n of negatives) {
      wins += p > n ? 1 : p === n ? 0.5 : 0;
    }
  }
  return wins / (positives.length * negatives.length);
}

describe('batch scoring the sample data with the locally registered model (end to end: python3, numpy, xgboost)', () => {
  let features: string;
  let defaultPredictions: string[];

  // Built-in XGBoost "Input/Output interface": for CSV inference the input has no label column. With the project's
  // defaults (JoinSource Input, no filters) each output line is the input record with its prediction appended.
  test('the defaults: one <file>.out per input file, each record joined with its prediction, in order', async () => {
    features = path.join(dir, 'features', 'players.csv');
    fs.mkdirSync(path.dirname(features), { recursive: true });
    fs.writeFileSync(features, `${testFiles.flatMap(lines).map((l) => l.split(',').slice(1).join(',')).join('\n')}\n`);
    const notices: string[] = [];
    const result = await runBatchScoringLocally({ input: path.dirname(features), repoDir: repo, onNotice: (m) => notices.push(m) });
    expect(result.status).toBe('Succeeded');
    expect(result.pipelineName).toBe('player-churn-batch-scoring');
    expect(result.steps.map((s) => [s.name, s.type, s.status])).toEqual([['Score', 'Transform', 'Succeeded']]);
    expect(result.scoredWith.version).toBe(1);
    expect(notices).toEqual(expect.arrayContaining([expect.stringMatching(/no batchScoring settings/), expect.stringMatching(/version 1 \(PendingManualApproval\)/)]));
    expect(result.outputFiles.map((f) => path.basename(f))).toEqual(['players.csv.out']);
    expect(result.outputFiles[0]).toBe(path.join(result.workDir, 's3', 'sagemaker-gitops-local', 'batch-scoring', result.executionId, 'players.csv.out'));
    const input = lines(features);
    const output = lines(result.outputFiles[0]);
    expect(output).toHaveLength(input.length);
    output.forEach((line, i) => expect(line.startsWith(`${input[i]},`)).toBe(true));
    defaultPredictions = output.map((line) => line.split(',').pop()!);
    defaultPredictions.forEach((p) => expect(Number(p)).toBeGreaterThanOrEqual(0));
    defaultPredictions.forEach((p) => expect(Number(p)).toBeLessThanOrEqual(1));
    // AssembleWith Line: every record's line ends with a newline.
    expect(fs.readFileSync(result.outputFiles[0], 'utf-8').endsWith('\n')).toBe(true);
  });

  // "Associate Prediction Results with Input Records": InputFilter $[1:] leaves the label out of what the model reads;
  // JoinSource Input joins the whole record; OutputFilter $[0,-1] keeps the label and the prediction.
  test('the test split with its label: InputFilter drops it, OutputFilter keeps label and prediction; the AUC is the registered one', async () => {
    writeRepo(testConfig({ batchScoring: { inputUri: 's3://acme-scoring/players', inputFilter: '$[1:]', outputFilter: '$[0,-1]' } }));
    try {
      const result = await runBatchScoringLocally({ input: testSplit, repoDir: repo });
      expect(result.status).toBe('Succeeded');
      // One <file>.out per file of the split, named after it.
      expect(result.outputFiles.map((f) => path.basename(f))).toEqual(testFiles.map((f) => `${path.basename(f)}.out`));
      const output = result.outputFiles.flatMap(lines).map((line) => line.split(','));
      expect(output.every((columns) => columns.length === 2 && ['0', '1'].includes(columns[0]))).toBe(true);
      // The same records and model give the same predictions as the run without filters.
      expect(output.map((columns) => columns[1])).toEqual(defaultPredictions);
      expect(auc(output.map((c) => Number(c[0])), output.map((c) => Number(c[1])))).toBeCloseTo(registeredAuc, 4);
    } finally {
      writeRepo(testConfig());
    }
  });

  test('a CSV with a header line fails the step with the container\'s message, as the job would', async () => {
    const withHeader = path.join(dir, 'header.csv');
    fs.writeFileSync(withHeader, 'session_count,player_lifetime\n1,2\n');
    const result = await runBatchScoringLocally({ input: withHeader, repoDir: repo });
    expect(result.status).toBe('Failed');
    expect(result.failureReason).toMatch(/step Score \(Transform\) failed: step Score: scoring header.csv failed: .*exited with code 1/s);
    expect(result.failureReason).toMatch(/Loading csv data failed, please ensure data is in csv format/);
  });

  test('an OutputFilter index outside the joined record fails the step', async () => {
    writeRepo(testConfig({ batchScoring: { inputUri: 's3://acme-scoring/players', outputFilter: '$[200]' } }));
    try {
      const result = await runBatchScoringLocally({ input: features, repoDir: repo });
      expect(result.status).toBe('Failed');
      expect(result.failureReason).toMatch(/OutputFilter: index 200 is outside the record's \d+ columns/);
    } finally {
      writeRepo(testConfig());
    }
  });

  test('a version the local registry does not have, or an empty registry, is refused before anything runs', async () => {
    await expect(runBatchScoringLocally({ input: features, repoDir: repo, modelVersion: 9 })).rejects.toThrow('the local registry has no version 9 of player-churn; versions: 1');
    await expect(runBatchScoringLocally({ input: features, repoDir: repo, registryFile: path.join(dir, 'none.json') }))
      .rejects.toThrow(LocalRunError);
  });
});

describe('sagemaker-gitops local-run --batch-scoring', () => {
  const capture = (): Output & { results: unknown[]; infos: string[] } => {
    const results: unknown[] = [];
    const infos: string[] = [];
    return { results, infos, result: (value) => results.push(value), info: (message) => infos.push(message) };
  };

  test('scores the CSV and prints the step, the version and the output file', async () => {
    const out = capture();
    const features = path.join(dir, 'features', 'players.csv');
    const code = await runCli(['local-run', '--repo', repo, '--batch-scoring', features, '--model-version', '1'], out);
    expect(code).toBe(0);
    const text = String(out.results[0]);
    expect(text).toMatch(/^local run \S+ of player-churn-batch-scoring succeeded in \d+\.\ds$/m);
    expect(text).toMatch(/^Score +Transform +Succeeded/m);
    expect(text).toContain('scored with: player-churn version 1 (PendingManualApproval)');
    const file = /^output: (.+)$/m.exec(text)![1];
    expect(lines(file)).toHaveLength(lines(features).length);
    expect(out.infos).toEqual(expect.arrayContaining(['  Score [Transform] executing']));
  });

  // Both are arguments of the command that will not do: usage errors (exit 2), reported before anything runs.
  test('a file to score that is not there, or a version the local registry does not have, is a usage error', async () => {
    const missing = path.join(dir, 'features', 'nope.csv');
    const noFile = capture();
    expect(await runCli(['local-run', '--repo', repo, '--batch-scoring', missing], noFile)).toBe(2);
    expect(noFile.infos).toEqual([`error: nothing to score at ${missing}: give a CSV file or a folder of them`]);
    const noVersion = capture();
    expect(await runCli(['local-run', '--repo', repo, '--batch-scoring', path.join(dir, 'features', 'players.csv'), '--model-version', '9'], noVersion)).toBe(2);
    expect(noVersion.infos).toEqual(['error: the local registry has no version 9 of player-churn; versions: 1']);
    expect(noFile.results).toEqual([]);
    expect(noVersion.results).toEqual([]);
  });

  test('--model-version without --batch-scoring is a usage error', async () => {
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await runCli(['local-run', '--repo', repo, '--model-version', '1'], capture())).toBe(2);
      expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toContain('--model-version goes with --batch-scoring');
    } finally {
      stderr.mockRestore();
    }
  });

  test('--parameter with --batch-scoring is a usage error: the batch-scoring run takes no model-build parameter', async () => {
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await runCli(['local-run', '--repo', repo, '--batch-scoring', 'records.csv', '--parameter', 'Nope=2'], capture())).toBe(2);
      expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toContain('--parameter sets the model-build pipeline\'s parameters, which --batch-scoring does not run');
    } finally {
      stderr.mockRestore();
    }
  });
});
