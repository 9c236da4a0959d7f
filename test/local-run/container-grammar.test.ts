/**
 * The local run parses a step's Python files as its SageMaker container's Python does.
 *
 * The containers' Pythons come from their Dockerfiles (src/images/container-libraries.ts: XGBoost
 * 1.7-1 and scikit-learn 1.2-1 run Python 3.9, XGBoost 3.0-5 and scikit-learn 1.4-2 Python 3.10).
 * Python Language Reference: the `match` statement is new in 3.10 (PEP 634), `except*` in 3.11
 * (PEP 654). A script that this machine's newer Python runs would fail in the job with a SyntaxError.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LocalStorage, choosePython, fileUri, runLocalPipeline } from '../../src/local-run';
import { checkContainerGrammar, frameworkContainerPython } from '../../src/local-run/container-grammar';
import { ContainerPaths } from '../../src/local-run/container-paths';
import { writeStepCode } from '../../src/model-build/step-code-bundle';
import { PipelineDefinition } from '../../src/pipeline-definition';
import { XGBOOST_IMAGE, trainingStep } from '../pipeline-definition/fixtures';
import { requireTestPython } from '../scripts/require-python';
import { localRunRefusal } from '../helpers/local-run-refusal';

requireTestPython();
jest.setTimeout(30_000);

const PYTHON = choosePython();
const MATCH = 'match 1:\n    case 1:\n        pass\n';
const EXCEPT_STAR = 'try:\n    pass\nexcept* ValueError:\n    pass\n';
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'container-grammar-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}


describe('frameworkContainerPython', () => {
  test.each([
    ['683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1', { container: 'XGBoost 1.7-1', python: '3.9' }],
    ['683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:3.0-5', { container: 'XGBoost 3.0-5', python: '3.10' }],
    ['662702820516.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3', { container: 'scikit-learn 1.2-1', python: '3.9' }],
    ['450853457545.dkr.ecr.cn-north-1.amazonaws.com.cn/sagemaker-scikit-learn:1.4-2-cpu-py3', { container: 'scikit-learn 1.4-2', python: '3.10' }],
  ])('%s runs %j', (image, expected) => {
    expect(frameworkContainerPython(image)).toEqual(expected);
  });

  test.each([
    '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:0.90-1', // a version the table does not have
    '123456789012.dkr.ecr.us-east-1.amazonaws.com/team-image:latest',
    '156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer',
    { 'Get': 'Parameters.Image' },
  ])('%j is not a framework container the table knows', (image) => {
    expect(frameworkContainerPython(image)).toBeUndefined();
  });
});

describe('checkContainerGrammar', () => {
  const paths = () => new ContainerPaths('/opt/ml', path.join(dir, 'step'));

  test('lists at most five files by their container path and line, and how many more', () => {
    const root = paths().localRoot;
    write(path.join(root, 'code', 'train.py'), EXCEPT_STAR);
    for (let i = 1; i <= 6; i++) {
      write(path.join(root, 'code', 'lib', `m${i}.py`), MATCH);
    }
    write(path.join(root, 'code', 'ok.py'), 'print(1)\n');
    write(path.join(root, 'input', 'data', 'train', 'rows.csv'), 'match 1:\n');
    const message = localRunRefusal(() => checkContainerGrammar(PYTHON, XGBOOST_IMAGE, paths(), 'step Train'));
    const lines = message.split('\n');
    expect(lines[0]).toMatch(/^step Train: the SageMaker XGBoost 1\.7-1 container runs Python 3\.9, which cannot parse these files \(the local Python is 3\.\d+\.\d+; the job would fail with a SyntaxError\):$/);
    expect(lines.slice(1, 6)).toEqual([
      expect.stringMatching(/^ {2}\/opt\/ml\/code\/lib\/m1\.py line \d: Pattern matching is only supported in Python 3\.10 and greater$/),
      expect.stringMatching(/^ {2}\/opt\/ml\/code\/lib\/m2\.py line /),
      expect.stringMatching(/^ {2}\/opt\/ml\/code\/lib\/m3\.py line /),
      expect.stringMatching(/^ {2}\/opt\/ml\/code\/lib\/m4\.py line /),
      expect.stringMatching(/^ {2}\/opt\/ml\/code\/lib\/m5\.py line /),
    ]);
    expect(lines.slice(6)).toEqual(['  (2 more)', 'Write them for Python 3.9.']);
  });

  test('files the container\'s Python parses, and other files, pass', () => {
    write(path.join(paths().localRoot, 'code', 'train.py'), 'if (n := 3) > 2:\n    print(f"{n}")\n');
    write(path.join(paths().localRoot, 'code', 'notes.txt'), MATCH);
    expect(() => checkContainerGrammar(PYTHON, XGBOOST_IMAGE, paths(), 'step Train')).not.toThrow();
  });

  test('on XGBoost 3.0-5 (Python 3.10) match parses; except* does not', () => {
    const image = XGBOOST_IMAGE.replace(':1.7-1', ':3.0-5');
    write(path.join(paths().localRoot, 'code', 'train.py'), MATCH);
    expect(() => checkContainerGrammar(PYTHON, image, paths(), 'step Train')).not.toThrow();
    write(path.join(paths().localRoot, 'code', 'train.py'), EXCEPT_STAR);
    expect(localRunRefusal(() => checkContainerGrammar(PYTHON, image, paths(), 'step Train')))
      .toMatch(/\n {2}\/opt\/ml\/code\/train\.py line \d: Exception groups are only supported in Python 3\.11 and greater\nWrite it for Python 3\.10\.$/);
  });
});

describe('a script-mode training step', () => {
  test('whose train.py the container cannot parse is refused before it trains', async () => {
    const scripts = path.join(dir, 'pipelines');
    write(path.join(scripts, 'train.py'), `import sys\n${MATCH}`);
    const bundle = writeStepCode(scripts, {}, path.join(dir, 'out')).bundle;
    write(path.join(dir, 'data', 'train.csv'), '1,0.5\n0,0.1\n');
    const step = trainingStep({
      inputs: { train: { s3Uri: fileUri(path.join(dir, 'data')), contentType: 'text/csv' } },
      hyperparameters: { sagemaker_program: 'train.py', sagemaker_submit_directory: fileUri(bundle) },
    });
    const workDir = path.join(dir, 'run');
    const result = await runLocalPipeline({
      definition: new PipelineDefinition({ steps: [step] }), pipelineName: 'churn', region: 'us-east-1', executionId: 'local-1', workDir,
      storage: new LocalStorage({ s3Root: path.join(workDir, 's3'), buckets: ['bucket'], baseDir: dir }), registryFile: path.join(dir, 'registry.json'), python: PYTHON,
    });
    expect(result.status).toBe('Failed');
    expect(result.steps[0].failureReason).toMatch(/^step Train: the SageMaker XGBoost 1\.7-1 container runs Python 3\.9, which cannot parse this file .*\n {2}\/opt\/ml\/code\/train\.py line \d: Pattern matching/);
  });
});
