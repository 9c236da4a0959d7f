import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderReadme } from '../../src/project/repo-readme';
import { renderOwnDataSection } from '../../src/project/repo-readme-own-data';
import { BASELINE_FILE_NAME } from '../../src/model-deploy/stage-model-copy';
import { MODEL_BUILD_LAYOUT } from '../../src/model-build/model-build-stack';
import { PLAYER_CHURN } from '../../src/model-build/player-churn-names';
import { SEED_MODEL_BUILD_REPO, testConfig } from '../helpers/validated-synth';

const config = testConfig();
const section = renderOwnDataSection(config).join('\n');
const seed = (file: string) => fs.readFileSync(path.join(SEED_MODEL_BUILD_REPO, 'pipelines', file), 'utf-8');

describe('the model-build README\'s "Your own data"', () => {
  test('is in the model-build README only', () => {
    expect(renderReadme('model-build', config).join('\n')).toContain(`${section}\n`);
    expect(renderReadme('model-deploy', config).join('\n')).not.toContain('## Your own data');
  });

  test('names the constants preprocess.py describes the data with, and its split function', () => {
    const preprocess = seed('preprocess.py');
    for (const constant of ['LABEL', 'LABEL_VALUES', 'ID_COLUMN', 'FEATURES', 'CATEGORICAL', 'FILL_ZERO']) {
      expect(section).toContain(`\`${constant}\``);
      expect(preprocess).toMatch(new RegExp(`^${constant} = `, 'm'));
    }
    expect(preprocess).toMatch(/^def split\(/m);
    expect(preprocess).toContain('pd.get_dummies(data, columns=CATEGORICAL');
    // The numbers it gives: the 10 % test share, the baseline's row cap.
    expect(preprocess).toMatch(/^BASELINE_MAX_ROWS = 1_000_000$/m);
    expect(section).toContain('at most 1,000,000 rows');
    // The test share the section gives is the split's: 70/20/10.
    expect(preprocess).toMatch(/70\/20\/10/);
    expect(section).toContain('the test split (10 % of the data)');
    // The staging payload's cap, and that beyond it the endpoint reproduces the sample's own AUC.
    expect(seed('evaluate.py')).toMatch(/^PAYLOAD_MAX_ROWS = 10_000$/m);
    expect(section).toContain('up to 10,000 rows, a sample stratified by label beyond');
    expect(seed('evaluate.py')).toContain('report["auc"] = float(roc_auc_score(labels[rows], probabilities[rows]))');
  });

  test('names the evaluation.json keys evaluate.py writes and the sample file the stack uploads', () => {
    const evaluate = seed('evaluate.py');
    for (const key of ['model_features', 'payload']) {
      expect(section).toContain(`\`${key}\``);
      expect(evaluate).toContain(`report["${key}"]`);
    }
    // The quality gate's JsonGet path, as the pipeline reads it, and the keys evaluate.py writes it under.
    expect(section).toContain(`\`${PLAYER_CHURN.aucPath}\``);
    expect(PLAYER_CHURN.aucPath).toBe('classification_metrics.auc_score.value');
    expect(evaluate).toContain('"classification_metrics": {name: {"value": value}');
    expect(evaluate).toContain('"auc_score": roc_auc_score(');
    expect(section).toContain(`\`${MODEL_BUILD_LAYOUT.sampleDataFile}\``);
    expect(section).toContain(`\`<baselineDataUri>/${BASELINE_FILE_NAME}\``);
    expect(section).toContain(`\`qualityThreshold\` ${config.qualityThreshold}`);
  });

  test('says what the pipeline\'s jobs get: the default volume of their job resources', () => {
    const jobResources = fs.readFileSync(path.join(__dirname, '..', '..', 'src', 'pipeline-definition', 'steps', 'job-resources.ts'), 'utf-8');
    expect(jobResources).toContain('VolumeSizeInGB: resources.volumeSizeInGb ?? 30,');
    expect(section).toContain('30 GB volume');
  });
});
