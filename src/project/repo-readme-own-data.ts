import { ProjectConfig } from '../config';
import { DEFAULT_BATCH_SIZE } from '../aws/endpoint-test';
import { PLAYER_CHURN } from '../model-build/player-churn-pipeline';

/**
 * The model-build README's section for a team that replaces the player-churn sample with its own
 * data: which constants of `pipelines/preprocess.py` describe the data, what the other steps and
 * model-deploy expect of the files it writes, and what nothing checks for them (a one-hot layout
 * that changes between versions, the staging test's size, a custom pipeline definition).
 */
export function renderOwnDataSection(config: ProjectConfig): string[] {
  const steps = PLAYER_CHURN.steps;
  return [
    '## Your own data',
    '',
    'The scripts in `pipelines/` are yours (never overwritten). `pipelines/preprocess.py` describes the data in constants:',
    '`LABEL` (a column of `true`/`false`/`1`/`0`, `LABEL_VALUES`), `ID_COLUMN`, `FEATURES` (the columns the model reads, in order),',
    '`CATEGORICAL` (one-hot encoded), `FILL_ZERO` (missing values taken as 0; any other missing value fails the step). Change',
    'them, and the scripts\' tests in `pipelines/test_*.py` (they use the sample\'s columns), for another table. What the',
    'other steps and model-deploy rely on, whatever the data:',
    '',
    '- binary classification: the label is 0 or 1 and the model answers a probability (`evaluate.py` and model-deploy\'s',
    '  staging test refuse anything else);',
    '- the train, validation and test splits are CSV files without a header, the label first, then the model\'s inputs;',
    '  the baseline (`baseline.csv`) has a header and exactly the model\'s inputs, in the same order, without the label: the',
    '  drift check (and Model Monitor) compare the endpoint\'s captured requests with it column by column, by position;',
    `- \`evaluation.json\` keeps its keys: \`${PLAYER_CHURN.aucPath}\` (\`${steps.checkAuc}\`'s gate against`,
    `  \`qualityThreshold\` ${config.qualityThreshold}), \`model_features\` (the number of inputs; the staging test checks each test`,
    '  row\'s width against it) and `payload` (the test rows the staging test sends, and `auc`, what the model scored on them,',
    '  which the endpoint must reproduce).',
    '',
    'Only `data/player-churn.csv` is uploaded as the sample: under another name the default input is the artifact',
    'bucket\'s `input/` prefix, where every `*.csv` file (each with its header line) is read; compressed files are not.',
    '',
    'Nothing stops a version whose inputs differ from production\'s. `pd.get_dummies` makes one column per',
    'value that a categorical column has in the data of that run, so a value that appears or disappears between',
    'trainings changes the model\'s inputs (the sample\'s `cohort_id`, a date, gains a column with every new cohort):',
    'callers of the production endpoint that send the old layout then get errors, or, when the number of columns',
    'happens to be the same, wrong predictions. The release approval says whether the columns of the version\'s',
    '`<baselineDataUri>/baseline.csv` differ from those of the version production serves (model-deploy\'s `input-check`), and the',
    'Build step\'s log names them. Encode such a column against a fixed list of values, or leave it out.',
    '',
    'Size: the staging test sends the test split (10 % of the data) up to 10,000 rows, a sample stratified by label beyond',
    `(\`PAYLOAD_MAX_ROWS\` in \`pipelines/evaluate.py\`), in requests of ${DEFAULT_BATCH_SIZE} rows, one after another; each instance of`,
    'the jobs that read the data has a 30 GB volume unless `volumeSizesInGb` says otherwise (a job copies its inputs onto it);',
    'the baseline keeps at most 1,000,000 rows, which the drift check reads whole on its small instance.',
    '',
    'A pipeline of your own (`new ModelBuildApp({ ..., pipelineDefinition })` in `src/main.ts`) is what the stack deploys;',
    '`npm run local` runs the player-churn definition, not yours.',
  ];
}
