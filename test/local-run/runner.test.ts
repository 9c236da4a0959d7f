import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { modelMonitorImage } from '../../src/images';
import {
  LocalRunError, LocalRunParameterError, LocalStorage, RunLocalPipelineOptions, choosePython, fileUri, readLocalRegistry, runLocalPipeline,
} from '../../src/local-run';
import {
  Condition, ConditionStep, CreateModelStep, ExecutionVariable, FailStep, Join, ParameterFloat, ParameterString, PipelineDefinition,
  ProcessingStep, PropertyFile, RegisterModelStep, TransformStep,
} from '../../src/pipeline-definition';
import { ROLE_ARN, SKLEARN_IMAGE, XGBOOST_IMAGE, processingStep, trainingStep } from '../pipeline-definition/fixtures';
import { requireTestPython } from '../scripts/require-python';

// Without the Python modules, fail this suite once with the command that installs them.
requireTestPython();

jest.setTimeout(30_000);

const BUCKET = 'local-bucket';
/** The python the tests run steps with (it needs pandas, numpy, scikit-learn and xgboost). */
const PYTHON = choosePython();
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-runner-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function options(definition: PipelineDefinition, overrides: Partial<RunLocalPipelineOptions> = {}): RunLocalPipelineOptions {
  const workDir = path.join(dir, 'run');
  return {
    definition,
    pipelineName: 'churn-training',
    region: 'eu-west-1',
    executionId: 'local-1',
    workDir,
    storage: new LocalStorage({ s3Root: path.join(workDir, 's3'), buckets: [BUCKET], baseDir: dir }),
    registryFile: path.join(dir, 'registry.json'),
    python: PYTHON,
    ...overrides,
  };
}

async function failureOf(promise: Promise<unknown>): Promise<LocalRunError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof LocalRunError) {
      return err;
    }
    throw err;
  }
  throw new Error('expected a LocalRunError');
}

function write(file: string, text: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

/** A processing step that runs `script` (a python file written into the test folder). */
function pythonStep(name: string, script: string, props: Partial<ConstructorParameters<typeof ProcessingStep>[0]> = {}): ProcessingStep {
  const file = write(path.join(dir, 'code', `${name}.py`), script);
  return new ProcessingStep({
    name,
    imageUri: SKLEARN_IMAGE,
    roleArn: ROLE_ARN,
    instanceType: 'ml.m5.large',
    entrypoint: ['python3', `/opt/ml/processing/input/code/${name}.py`],
    ...props,
    inputs: [{ name: 'code', source: fileUri(file), destination: '/opt/ml/processing/input/code' }, ...(props.inputs ?? [])],
  });
}

const outputUri = (step: string, output: string) => new Join('/', ['s3:/', BUCKET, 'churn', ExecutionVariable.PIPELINE_EXECUTION_ID, step, output]);

describe('steps the local run cannot run fail before anything runs', () => {
  const model = new CreateModelStep({ name: 'CreateModel', executionRoleArn: ROLE_ARN, image: XGBOOST_IMAGE, modelDataUrl: 's3://bucket/model.tar.gz' });

  test.each([
    ['a transform step', new TransformStep({ name: 'Batch', modelName: 'churn', instanceType: 'ml.m5.large', inputUri: 's3://b/in', outputPath: 's3://b/out' }),
      'step Batch is a Transform step of the model "churn", which is not a local model; the local run scores only with the models it is given (local-run --batch-scoring: a version of the local registry); it has none'],
    ['a create-model step', model, 'step CreateModel is a Model step, which the local run cannot run; it runs Processing steps'],
    ['Model Monitor\'s analyzer', new ProcessingStep({
      name: 'BaselineDataQuality', imageUri: modelMonitorImage('us-east-1').uri, roleArn: ROLE_ARN, instanceType: 'ml.m5.large',
    }), 'step BaselineDataQuality is a Processing step that runs SageMaker Model Monitor\'s analyzer (156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer:latest), which the local run cannot run'],
    ['a processing step without a python entrypoint', processingStep({ name: 'Spark', entrypoint: ['/usr/bin/spark-submit', 'job.py'] }),
      'step Spark is a Processing step whose container entrypoint is ["/usr/bin/spark-submit","job.py"]; the local run runs processing steps whose entrypoint is python3 <script>'],
    ['a processing step with the image\'s entrypoint', processingStep({ name: 'Image', entrypoint: undefined }),
      'step Image is a Processing step whose container entrypoint is "the image\'s own"'],
    ['a training step of another image', trainingStep({ imageUri: SKLEARN_IMAGE }),
      'step Train is a Training step that trains with image "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3"; the local run trains only with SageMaker\'s XGBoost image (sagemaker-xgboost): its built-in algorithm, or a script in script mode'],
    ['a training script outside the code bundle', trainingStep({ hyperparameters: { sagemaker_program: '/opt/ml/code/train.py', sagemaker_submit_directory: 's3://b/code.tar.gz' } }),
      'step Train is a Training step whose sagemaker_program is "/opt/ml/code/train.py"; the local run runs a python script of the code bundle, such as train.py'],
    ['a training script without its code bundle', trainingStep({ hyperparameters: { sagemaker_program: 'train.py' } }),
      'step Train is a Training step that runs train.py in script mode without a sagemaker_submit_directory (the code bundle\'s S3 URI)'],
    ['a runproc.sh that is not in the entrypoint input', processingStep({ name: 'Other', entrypoint: ['/bin/bash', '/opt/ml/processing/input/code/run.sh', 'x.py'] }),
      'step Other is a Processing step whose container entrypoint is ["/bin/bash","/opt/ml/processing/input/code/run.sh","x.py"]; the local run runs processing steps whose entrypoint is python3 <script>, or /bin/bash <entrypoint>/runproc.sh <script>.py of a code bundle'],
  ])('%s', async (_what, step, message) => {
    const first = pythonStep('First', 'print("ran")\n');
    const definition = new PipelineDefinition({ steps: [first, step] });
    const err = await failureOf(runLocalPipeline(options(definition, { python: '/nonexistent/python3' })));
    expect(err.message).toContain(message);
    expect(fs.existsSync(path.join(dir, 'run'))).toBe(false);
  });

  test('a step in a condition branch that will not be chosen is checked too', async () => {
    const threshold = new ParameterFloat({ name: 'Threshold', defaultValue: 0.5 });
    const batch = new TransformStep({ name: 'Batch', modelName: 'churn', instanceType: 'ml.m5.large', inputUri: 's3://b/in', outputPath: 's3://b/out' });
    const definition = new PipelineDefinition({
      parameters: [threshold],
      steps: [new ConditionStep({ name: 'Check', conditions: [Condition.lessThan(threshold, 1)], ifSteps: [new FailStep({ name: 'Stop', errorMessage: 'x' })], elseSteps: [batch] })],
    });
    expect((await failureOf(runLocalPipeline(options(definition)))).message).toMatch(/^step Batch is a Transform step/);
  });
});

describe('condition, register and fail', () => {
  const score = new ParameterFloat({ name: 'Score', defaultValue: 0.8 });
  const threshold = new ParameterFloat({ name: 'Threshold', defaultValue: 0.75, range: [0, 1] });
  const status = new ParameterString({ name: 'Status', defaultValue: 'PendingManualApproval', allowedValues: ['PendingManualApproval', 'Approved'] });

  function gate(modelDataUrl: string): PipelineDefinition {
    const register = new RegisterModelStep({
      name: 'Register', modelPackageGroupName: 'churn', approvalStatus: status, image: XGBOOST_IMAGE, modelDataUrl,
      contentTypes: ['text/csv'], responseTypes: ['text/csv'], inferenceInstanceTypes: ['ml.m5.large'], transformInstanceTypes: ['ml.m5.large'],
      customerMetadata: { score: new Join('', [score]), execution: ExecutionVariable.PIPELINE_EXECUTION_ARN },
    });
    const fail = new FailStep({ name: 'TooLow', errorMessage: new Join(' ', ['score', score, 'is below', threshold]) });
    return new PipelineDefinition({
      parameters: [score, threshold, status],
      steps: [new ConditionStep({ name: 'Check', conditions: [Condition.greaterThanOrEqualTo(score, threshold)], ifSteps: [register], elseSteps: [fail] })],
    });
  }

  test('the chosen branch registers a version in the local registry; the other branch is skipped; python is not needed', async () => {
    const model = write(path.join(dir, 'model', 'model.tar.gz'), 'model');
    const result = await runLocalPipeline(options(gate(fileUri(model)), { python: '/nonexistent/python3' }));
    expect(result.status).toBe('Succeeded');
    expect(result.steps.map((s) => [s.name, s.type, s.status])).toEqual([
      ['Check', 'Condition', 'Succeeded'], ['Register', 'RegisterModel', 'Succeeded'], ['TooLow', 'Fail', 'Skipped'],
    ]);
    expect(result.steps[0].outcome).toBe(true);
    expect(result.steps[2].skipReason).toBe('condition Check chose its if branch');
    expect(result.registeredVersion).toMatchObject({
      modelPackageGroupName: 'churn', version: 1, approvalStatus: 'PendingManualApproval',
      modelPackageArn: 'arn:aws:sagemaker:eu-west-1:000000000000:model-package/churn/1',
      modelDataUrl: fileUri(model), modelDataPath: model, executionId: 'local-1', pipelineName: 'churn-training',
      customerMetadata: { score: '0.8', execution: 'arn:aws:sagemaker:eu-west-1:000000000000:pipeline/churn-training/execution/local-1' },
    });
    expect(readLocalRegistry(path.join(dir, 'registry.json')).modelPackageGroups.churn).toEqual([result.registeredVersion]);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'run', 'result.json'), 'utf-8'))).toMatchObject({ status: 'Succeeded', executionId: 'local-1' });
  });

  test('each run adds the next version, with the approval status parameter', async () => {
    const model = write(path.join(dir, 'model.tar.gz'), 'model');
    await runLocalPipeline(options(gate(fileUri(model))));
    const second = await runLocalPipeline(options(gate(fileUri(model)), {
      executionId: 'local-2', workDir: path.join(dir, 'run-2'), parameters: { Status: 'Approved' },
    }));
    expect(second.registeredVersion).toMatchObject({ version: 2, approvalStatus: 'Approved', executionId: 'local-2' });
    expect(readLocalRegistry(path.join(dir, 'registry.json')).modelPackageGroups.churn.map((v) => [v.version, v.approvalStatus]))
      .toEqual([[1, 'PendingManualApproval'], [2, 'Approved']]);
  });

  test('the Fail branch fails the run with its resolved message', async () => {
    const model = write(path.join(dir, 'model.tar.gz'), 'model');
    const result = await runLocalPipeline(options(gate(fileUri(model)), { parameters: { Threshold: '0.99' } }));
    expect(result.status).toBe('Failed');
    expect(result.failureReason).toBe('step TooLow (Fail) failed: score 0.8 is below 0.99');
    expect(result.steps.map((s) => [s.name, s.status])).toEqual([['Check', 'Succeeded'], ['Register', 'Skipped'], ['TooLow', 'Failed']]);
    expect(result.steps[0].outcome).toBe(false);
    expect(result.registeredVersion).toBeUndefined();
    expect(fs.existsSync(path.join(dir, 'registry.json'))).toBe(false);
  });

  test('a missing model artifact fails the register step', async () => {
    const result = await runLocalPipeline(options(gate(fileUri(path.join(dir, 'none.tar.gz')))));
    expect(result.status).toBe('Failed');
    expect(result.failureReason).toBe(`step Register (RegisterModel) failed: step Register: the model artifact ${fileUri(path.join(dir, 'none.tar.gz'))} does not exist (${path.join(dir, 'none.tar.gz')})`);
  });

  test('bad parameters are refused before the work folder is made', async () => {
    const err = await failureOf(runLocalPipeline(options(gate('s3://x/m.tar.gz'), { parameters: { Threshhold: '0.9' } })));
    expect(err).toBeInstanceOf(LocalRunParameterError);
    expect(err.message).toBe('the pipeline declares no parameter Threshhold; declared: Score, Threshold, Status');
    expect((await failureOf(runLocalPipeline(options(gate('s3://x/m.tar.gz'), { parameters: { Threshold: 'abc' } })))).message)
      .toBe('parameter Threshold is a Float: give a number such as 0.75, got "abc"');
    expect(fs.existsSync(path.join(dir, 'run'))).toBe(false);
  });

  test('a work folder that is not empty is refused', async () => {
    write(path.join(dir, 'run', 'old.txt'), 'x');
    expect((await failureOf(runLocalPipeline(options(gate('s3://x/m.tar.gz'))))).message)
      .toBe(`the work folder ${path.join(dir, 'run')} is not empty: give a new folder, or remove it first`);
  });
});

describe('processing steps', () => {
  const WRITE_REPORT = [
    'import json, os, sys',
    'args = dict(zip(sys.argv[1::2], sys.argv[2::2]))',
    'rows = open(os.path.join(args["--input"], "rows.csv")).read().splitlines()',
    'os.makedirs(args["--output"], exist_ok=True)',
    'json.dump({"metrics": {"rows": len(rows)}, "cwd": os.getcwd(), "env": os.environ["REPORT_DIR"]}, open(os.path.join(args["--output"], "report.json"), "w"))',
    'print("wrote the report")',
  ].join('\n');

  function reportStep(): { step: ProcessingStep; report: PropertyFile } {
    const report = new PropertyFile('Report', 'report', 'report.json');
    const data = write(path.join(dir, 'data', 'rows.csv'), 'a\nb\nc\n');
    const step = pythonStep('Count', WRITE_REPORT, {
      arguments: ['--input', '/opt/ml/processing/input/data', '--output', '/opt/ml/processing/report'],
      environment: { REPORT_DIR: '/opt/ml/processing/report' },
      inputs: [{ name: 'data', source: fileUri(data), destination: '/opt/ml/processing/input/data' }],
      outputs: [{ name: 'report', source: '/opt/ml/processing/report', destination: outputUri('Count', 'report') }],
      propertyFiles: [report],
    });
    return { step, report };
  }

  test('inputs copied in, container paths rewritten, outputs uploaded, property files read by later steps', async () => {
    const { step, report } = reportStep();
    const reader = pythonStep('Read', 'import os, sys\nprint(open(os.path.join(sys.argv[1], "report.json")).read())\n', {
      arguments: ['/opt/ml/processing/report'],
      inputs: [{ name: 'report', source: step.outputUri('report'), destination: '/opt/ml/processing/report' }],
    });
    const definition = new PipelineDefinition({
      steps: [step, reader, new ConditionStep({
        name: 'Enough', conditions: [Condition.equals(report.get('metrics.rows'), 3)], elseSteps: [new FailStep({ name: 'TooFew', errorMessage: 'too few rows' })],
      })],
    });
    const result = await runLocalPipeline(options(definition));
    expect(result.steps.map((s) => [s.name, s.status])).toEqual([['Count', 'Succeeded'], ['Read', 'Succeeded'], ['Enough', 'Succeeded'], ['TooFew', 'Skipped']]);
    const root = path.join(dir, 'run', 'steps', 'Count', 'opt', 'ml', 'processing');
    const uploaded = path.join(dir, 'run', 's3', BUCKET, 'churn', 'local-1', 'Count', 'report', 'report.json');
    expect(JSON.parse(fs.readFileSync(uploaded, 'utf-8'))).toEqual({ metrics: { rows: 3 }, cwd: root, env: path.join(root, 'report') });
    expect(fs.readFileSync(path.join(dir, 'run', 'steps', 'Count', 'log.txt'), 'utf-8')).toBe('wrote the report\n');
    expect(fs.readFileSync(path.join(dir, 'run', 'steps', 'Read', 'log.txt'), 'utf-8')).toContain('"rows": 3');
    expect(result.steps[0].logFile).toBe(path.join(dir, 'run', 'steps', 'Count', 'log.txt'));
  });

  // SageMaker API Reference, CreateProcessingJob (Environment): the container has the job's variables, not those of
  // the shell that started the pipeline. A script that read the developer's variable would pass here and fail in the cloud.
  test('a step sees its Environment and the local Python\'s setup, not the other variables of the developer\'s shell', async () => {
    const saved = { DATA_DIR: process.env.DATA_DIR, AWS_PROFILE: process.env.AWS_PROFILE };
    process.env.DATA_DIR = '/home/someone/data';
    process.env.AWS_PROFILE = 'churn-dev';
    try {
      const step = pythonStep('Env', 'import json, os\nprint(json.dumps({k: os.environ.get(k) for k in ["DATA_DIR", "AWS_PROFILE", "STEP_FLAG", "PATH"]}))\n', {
        environment: { STEP_FLAG: 'on' },
      });
      const result = await runLocalPipeline(options(new PipelineDefinition({ steps: [step] })));
      expect(result.status).toBe('Succeeded');
      const seen = JSON.parse(fs.readFileSync(path.join(dir, 'run', 'steps', 'Env', 'log.txt'), 'utf-8'));
      expect(seen).toEqual({ DATA_DIR: null, AWS_PROFILE: 'churn-dev', STEP_FLAG: 'on', PATH: process.env.PATH });
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) {
          delete process.env[name];
        } else {
          process.env[name] = value;
        }
      }
    }
  });

  test('a failing script fails its step with the end of its stderr; later steps do not run; the work folder stays', async () => {
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`);
    const failing = pythonStep('Broken', `import sys\nprint("\\n".join(${JSON.stringify(lines)}), file=sys.stderr)\nsys.exit(3)\n`);
    const after = pythonStep('After', 'print(1)\n', { dependsOn: ['Broken'] });
    const result = await runLocalPipeline(options(new PipelineDefinition({ steps: [failing, after] })));
    const log = path.join(dir, 'run', 'steps', 'Broken', 'log.txt');
    expect(result.status).toBe('Failed');
    expect(result.steps.map((s) => [s.name, s.status])).toEqual([['Broken', 'Failed'], ['After', 'NotRun']]);
    expect(result.steps[0].failureReason).toBe([`${PYTHON} exited with code 3`, 'stderr:', ...lines.slice(10).map((l) => `  ${l}`), `log: ${log}`].join('\n'));
    expect(result.failureReason).toMatch(/^step Broken \(Processing\) failed: .* exited with code 3\nstderr:\n {2}line 11\n/);
    expect(result.steps[0].logFile).toBe(log);
    expect(fs.readFileSync(log, 'utf-8')).toContain('line 1\n');
  });

  // The SageMaker scikit-learn 1.2-1 container runs Python 3.9 (its Dockerfile's PYTHON_VERSION; CONTAINER_PYTHON), 1.4-2
  // Python 3.10; `match` needs 3.10 ("The match statement", Python Language Reference; PEP 634). A script this machine's
  // newer Python runs would fail in the job with a SyntaxError, so the local run refuses it first.
  describe('a script uses syntax its container\'s Python cannot parse', () => {
    const MATCH = 'import sys\nmatch len(sys.argv):\n    case 1:\n        print("no arguments")\n    case _:\n        print("arguments")\n';
    const localPython = spawnSync(PYTHON, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], { encoding: 'utf-8' }).stdout.trim();
    const newer = (version: string) => Number(localPython.split('.')[1]) > Number(version.split('.')[1]);

    test('on scikit-learn 1.2-1 (Python 3.9): refused before it runs, naming the file by its container path, the line and the Python', async () => {
      const step = pythonStep('Match', MATCH);
      const result = await runLocalPipeline(options(new PipelineDefinition({ steps: [step] })));
      if (!newer('3.9')) {
        expect(result.status).toBe('Succeeded'); // a Python 3.9 here parses as the container does
        return;
      }
      expect(result.status).toBe('Failed');
      const [first, file, last] = result.steps[0].failureReason!.split('\n');
      expect(first).toMatch(new RegExp(`^step Match: the SageMaker scikit-learn 1\\.2-1 container runs Python 3\\.9, which cannot parse this file \\(the local Python is ${localPython.replace('.', '\\.')}\\.\\d+; the job would fail with a SyntaxError\\):$`));
      expect(file).toMatch(/^ {2}\/opt\/ml\/processing\/input\/code\/Match\.py line \d: Pattern matching is only supported in Python 3\.10 and greater$/);
      expect(last).toBe('Write it for Python 3.9.');
      expect(fs.existsSync(path.join(dir, 'run', 'steps', 'Match', 'log.txt'))).toBe(false);
    });

    test('on scikit-learn 1.4-2 (Python 3.10) the same script runs', async () => {
      const step = pythonStep('Match', MATCH, { imageUri: SKLEARN_IMAGE.replace(':1.2-1-', ':1.4-2-') });
      const result = await runLocalPipeline(options(new PipelineDefinition({ steps: [step] })));
      expect(result.status).toBe('Succeeded');
      expect(fs.readFileSync(path.join(dir, 'run', 'steps', 'Match', 'log.txt'), 'utf-8')).toBe('no arguments\n');
    });

    test('an image that is not a framework container is not checked', async () => {
      const step = pythonStep('Match', MATCH, { imageUri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/team-image:latest' });
      expect((await runLocalPipeline(options(new PipelineDefinition({ steps: [step] })))).status).toBe('Succeeded');
    });
  });

  test('a script that runs longer than MaxRuntimeInSeconds is stopped', async () => {
    const slow = pythonStep('Slow', 'import time\ntime.sleep(30)\n', { maxRuntimeSeconds: 1 });
    const result = await runLocalPipeline(options(new PipelineDefinition({ steps: [slow] })));
    expect(result.steps[0].status).toBe('Failed');
    expect(result.steps[0].failureReason).toMatch(/ was stopped: it ran longer than its StoppingCondition\.MaxRuntimeInSeconds\nlog: /);
    expect(result.steps[0].durationMs).toBeLessThan(10_000);
  });

  test('an input in a bucket the run does not stand in for fails the step, naming the URI', async () => {
    const step = pythonStep('Read', 'print(1)\n', { inputs: [{ name: 'data', source: 's3://team-data/players.csv', destination: '/opt/ml/processing/input/data' }] });
    const result = await runLocalPipeline(options(new PipelineDefinition({ steps: [step] })));
    expect(result.failureReason).toMatch(/^step Read \(Processing\) failed: the local run cannot read s3:\/\/team-data\/players\.csv: it has no access to S3/);
  });

  test('a property file the script did not write fails the step', async () => {
    const report = new PropertyFile('Report', 'report', 'report.json');
    const step = pythonStep('Quiet', 'print(1)\n', {
      outputs: [{ name: 'report', source: '/opt/ml/processing/report', destination: outputUri('Quiet', 'report') }],
      propertyFiles: [report],
    });
    const result = await runLocalPipeline(options(new PipelineDefinition({ steps: [step] })));
    expect(result.failureReason).toBe(
      `step Quiet (Processing) failed: step Quiet: property file Report: the step wrote no ${path.join(dir, 'run', 's3', BUCKET, 'churn', 'local-1', 'Quiet', 'report', 'report.json')}`,
    );
  });
});
