import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  LocalRunError, LocalStorage, MLFLOW_NOT_LOGGING_NOTICE, checkLocalMlflowClient, fileUri, localMlflow, localTrackingUri, mlflowLoggingNotice,
  mlflowRequirement, stepProcessEnvironment,
} from '../../src/local-run';
import { ContainerPaths } from '../../src/local-run/container-paths';
import { frameworkEntrypoint } from '../../src/local-run/code-bundle';
import { SAGEMAKER_HYPERPARAMETERS, scriptModeProcess } from '../../src/local-run/script-mode';
import { writeStepCode } from '../../src/model-build/step-code-bundle';
import { requireTestPython } from '../scripts/require-python';

requireTestPython();

const STUB = path.join(__dirname, '..', '..', 'seed-code', 'model-build', 'tests', 'mlflow_stub');
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-mlflow-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('localTrackingUri', () => {
  test('unset or blank: the run does not log', () => {
    expect(localTrackingUri({}, '/work')).toBeUndefined();
    expect(localTrackingUri({ MLFLOW_TRACKING_URI: '  ' }, '/work')).toBeUndefined();
  });

  test('a local file store becomes an absolute file:// URI (every step runs in a folder of its own)', () => {
    expect(localTrackingUri({ MLFLOW_TRACKING_URI: 'file:./mlruns' }, '/work/repo')).toBe('file:///work/repo/mlruns');
    expect(localTrackingUri({ MLFLOW_TRACKING_URI: 'mlruns' }, '/work/repo')).toBe('file:///work/repo/mlruns');
    expect(localTrackingUri({ MLFLOW_TRACKING_URI: 'file:/srv/mlruns' }, '/work/repo')).toBe('file:///srv/mlruns');
    expect(localTrackingUri({ MLFLOW_TRACKING_URI: '/srv/mlruns' }, '/work/repo')).toBe('file:///srv/mlruns');
  });

  test('a server, a file:// URL or an ARN is kept as is', () => {
    for (const uri of ['http://localhost:5000', 'file:///srv/mlruns', 'arn:aws:sagemaker:us-east-1:123456789012:mlflow-app/app-abc', 'databricks']) {
      expect(localTrackingUri({ MLFLOW_TRACKING_URI: uri }, '/work')).toBe(uri);
    }
  });

  test('localMlflow: the notice says once whether and where the run logs; null turns logging off', () => {
    expect(localMlflow(undefined, {})).toEqual({ trackingUri: undefined, notice: MLFLOW_NOT_LOGGING_NOTICE });
    expect(MLFLOW_NOT_LOGGING_NOTICE).toBe('MLflow: not logging (set MLFLOW_TRACKING_URI, e.g. file:./mlruns, to log this run)');
    expect(localMlflow('http://localhost:5000')).toEqual({ trackingUri: 'http://localhost:5000', notice: mlflowLoggingNotice('http://localhost:5000') });
    expect(localMlflow(null, { MLFLOW_TRACKING_URI: 'http://localhost:5000' }).trackingUri).toBeUndefined();
  });

  // The notice is printed and kept in .local-run/result.json: a server URI's user and password are not.
  test('the notice leaves out the credentials a server URI carries, and keeps the rest', () => {
    expect(mlflowLoggingNotice('https://alice:s3cret@mlflow.example.com:5000/path?x=1')).toBe('MLflow: logging this run to https://***@mlflow.example.com:5000/path?x=1 (MLFLOW_TRACKING_URI)');
    expect(mlflowLoggingNotice('http://token@localhost:5000')).toBe('MLflow: logging this run to http://***@localhost:5000 (MLFLOW_TRACKING_URI)');
    for (const uri of ['http://localhost:5000/a@b', 'file:///srv/mlruns', 'arn:aws:sagemaker:us-east-1:123456789012:mlflow-app/app-abc']) {
      expect(mlflowLoggingNotice(uri)).toBe(`MLflow: logging this run to ${uri} (MLFLOW_TRACKING_URI)`);
    }
  });
});

describe('stepProcessEnvironment', () => {
  const arn = 'arn:aws:sagemaker:us-east-1:123456789012:mlflow-app/app-abc';
  const step = { MLFLOW_TRACKING_URI: arn, MLFLOW_EXPERIMENT_NAME: 'churn', SAGEMAKER_PIPELINE_EXECUTION_ID: 'local-1' };

  test('the definition\'s ARN is replaced by the local URI; the step\'s other variables win over the process\'s', () => {
    const env = stepProcessEnvironment(step, 'file:///work/mlruns', { PATH: '/bin', MLFLOW_EXPERIMENT_NAME: 'mine', MLFLOW_TRACKING_URI: 'file:./mlruns' });
    expect(env).toEqual({
      PATH: '/bin', MLFLOW_TRACKING_URI: 'file:///work/mlruns', MLFLOW_EXPERIMENT_NAME: 'churn', SAGEMAKER_PIPELINE_EXECUTION_ID: 'local-1',
      PYTHONUNBUFFERED: '1', PYTHONDONTWRITEBYTECODE: '1',
    });
  });

  test('of this process, only the variables that set up the local Python, its network and its AWS and MLflow clients pass', () => {
    const shell = {
      PATH: '/bin', HOME: '/home/me', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', TMPDIR: '/tmp', PYTHONPATH: '/stub', VIRTUAL_ENV: '/venv', CONDA_PREFIX: '/conda',
      https_proxy: 'http://proxy:3128', NO_PROXY: 'localhost', REQUESTS_CA_BUNDLE: '/ca.pem', AWS_PROFILE: 'dev', AWS_REGION: 'eu-west-1',
      MLFLOW_TRACKING_TOKEN: 'token', OMP_NUM_THREADS: '2', SystemRoot: 'C:\\Windows',
      DATA_DIR: '/data', FEATURE_FLAG: 'on', SAGEMAKER_GITOPS_PYTHON: '/usr/bin/python3', npm_config_cache: '/npm', JAVA_HOME: '/jdk',
    };
    const env = stepProcessEnvironment({}, undefined, shell);
    expect(Object.keys(env).sort()).toEqual([
      'AWS_PROFILE', 'AWS_REGION', 'CONDA_PREFIX', 'HOME', 'LANG', 'LC_ALL', 'MLFLOW_TRACKING_TOKEN', 'NO_PROXY', 'OMP_NUM_THREADS', 'PATH',
      'PYTHONDONTWRITEBYTECODE', 'PYTHONPATH', 'PYTHONUNBUFFERED', 'REQUESTS_CA_BUNDLE', 'SystemRoot', 'TMPDIR', 'VIRTUAL_ENV', 'https_proxy',
    ].sort());
  });

  test('without a local URI, MLFLOW_TRACKING_URI is removed, whether the definition or the process sets it', () => {
    expect(stepProcessEnvironment(step, undefined, { PATH: '/bin' })).not.toHaveProperty('MLFLOW_TRACKING_URI');
    expect(stepProcessEnvironment({}, undefined, { MLFLOW_TRACKING_URI: 'http://x' })).not.toHaveProperty('MLFLOW_TRACKING_URI');
  });
});

describe('checkLocalMlflowClient', () => {
  const requirements = 'mlflow==3.0.0\nsagemaker-mlflow==0.3.0\n';

  test('mlflowRequirement finds the client, not the plugin', () => {
    expect(mlflowRequirement(requirements)).toBe('mlflow==3.0.0');
    expect(mlflowRequirement('sagemaker-mlflow==0.3.0\n# mlflow pinned elsewhere\n')).toBeUndefined();
    expect(mlflowRequirement('MLflow>=3.0  # the client\n')).toBe('MLflow>=3.0');
    expect(mlflowRequirement(undefined)).toBeUndefined();
  });

  test('a python without mlflow fails only when the run logs and the bundle asks for it', () => {
    const saved = process.env.PYTHONPATH;
    delete process.env.PYTHONPATH;
    try {
      expect(() => checkLocalMlflowClient('/usr/bin/python3', requirements, 'file:///m', 'step Train')).toThrow(LocalRunError);
      expect(() => checkLocalMlflowClient('/usr/bin/python3', requirements, 'file:///m', 'step Train')).toThrow(
        /^step Train: MLFLOW_TRACKING_URI is set \(file:\/\/\/m\), so the step logs to MLflow, but \/usr\/bin\/python3 cannot import mlflow/,
      );
      expect(() => checkLocalMlflowClient('/usr/bin/python3', requirements, undefined, 'step Train')).not.toThrow();
      expect(() => checkLocalMlflowClient('/usr/bin/python3', undefined, 'file:///m', 'step Train')).not.toThrow();
      process.env.PYTHONPATH = STUB;
      expect(() => checkLocalMlflowClient('/usr/bin/python3', requirements, 'file:///m', 'step Train')).not.toThrow();
    } finally {
      if (saved === undefined) {
        delete process.env.PYTHONPATH;
      } else {
        process.env.PYTHONPATH = saved;
      }
    }
  });
});

describe('frameworkEntrypoint', () => {
  test('bash, a runproc script of the entrypoint input, and a relative python script', () => {
    expect(frameworkEntrypoint(['/bin/bash', '/opt/ml/processing/input/entrypoint/abc.sh', 'preprocess.py']))
      .toEqual({ runner: '/opt/ml/processing/input/entrypoint/abc.sh', script: 'preprocess.py' });
    for (const other of [
      ['python3', '/opt/ml/processing/input/code/preprocess.py'],
      ['/bin/bash', '/opt/ml/processing/input/code/abc.sh', 'preprocess.py'],
      ['/bin/bash', '/opt/ml/processing/input/entrypoint/abc.sh', '/etc/x.py'],
      ['/bin/bash', '/opt/ml/processing/input/entrypoint/abc.sh', '../x.py'],
      ['/bin/sh', '/opt/ml/processing/input/entrypoint/abc.sh', 'x.py'],
      ['/bin/bash', '/opt/ml/processing/input/entrypoint/abc.sh', 'x.py', 'extra'],
    ]) {
      expect(frameworkEntrypoint(other)).toBeUndefined();
    }
  });
});

/*
 * Script mode as the framework containers run it (sagemaker-training-toolkit, ENVIRONMENT_VARIABLES.md):
 * the hyperparameters but the container's own as `--name value`, SM_CHANNEL_<NAME>, SM_MODEL_DIR, SM_HPS...
 */
describe('scriptModeProcess', () => {
  test('unpacks the bundle into /opt/ml/code and runs the program with the user hyperparameters and the SM_* variables', () => {
    const scripts = path.join(dir, 'pipelines');
    fs.mkdirSync(scripts);
    fs.writeFileSync(path.join(scripts, 'train.py'), 'print("hi")\n');
    const bundle = writeStepCode(scripts, { requirements: 'mlflow==3.0.0\n' }, path.join(dir, 'out')).bundle;
    const stepDir = path.join(dir, 'step');
    const paths = new ContainerPaths('/opt/ml', stepDir);
    const codeDir = paths.localPath('/opt/ml/code', 'x');
    const run = scriptModeProcess({
      args: {
        HyperParameters: {
          num_round: '100', objective: 'binary:logistic', sagemaker_program: 'train.py', sagemaker_submit_directory: fileUri(bundle),
          sagemaker_region: 'us-east-1', sagemaker_container_log_level: '20',
        },
      },
      paths, codeDir, channels: ['validation', 'train'], storage: new LocalStorage({ s3Root: path.join(dir, 's3'), buckets: [], baseDir: dir }), where: 'step Train',
    });
    expect(run.args).toEqual([path.join(codeDir, 'train.py'), '--num_round', '100', '--objective', 'binary:logistic']);
    expect(run.requirements).toBe('mlflow==3.0.0\n');
    const local = (p: string) => path.join(stepDir, p);
    expect(run.env).toMatchObject({
      SM_MODEL_DIR: local('/opt/ml/model'),
      SM_OUTPUT_DATA_DIR: local('/opt/ml/output/data'),
      SM_CHANNEL_TRAIN: local('/opt/ml/input/data/train'),
      SM_CHANNEL_VALIDATION: local('/opt/ml/input/data/validation'),
      SM_CHANNELS: '["train","validation"]',
      SM_HPS: '{"num_round":"100","objective":"binary:logistic"}',
      SM_HP_NUM_ROUND: '100',
      SM_USER_ARGS: '["--num_round","100","--objective","binary:logistic"]',
      SM_CURRENT_HOST: 'algo-1',
      SM_HOSTS: '["algo-1"]',
      SM_USER_ENTRY_POINT: 'train.py',
      SM_LOG_LEVEL: '20',
    });
    expect(run.env).not.toHaveProperty('SM_HP_SAGEMAKER_PROGRAM');
    expect(fs.readFileSync(path.join(codeDir, 'train.py'), 'utf-8')).toBe('print("hi")\n');
    expect(fs.statSync(local('/opt/ml/model')).isDirectory()).toBe(true);
    expect([...SAGEMAKER_HYPERPARAMETERS]).toEqual(expect.arrayContaining(['sagemaker_program', 'sagemaker_submit_directory', 'sagemaker_region', 'sagemaker_container_log_level']));
  });

  test('a program the bundle does not have is an error naming it', () => {
    const scripts = path.join(dir, 'pipelines');
    fs.mkdirSync(scripts);
    fs.writeFileSync(path.join(scripts, 'other.py'), '\n');
    const bundle = writeStepCode(scripts, {}, path.join(dir, 'out')).bundle;
    const paths = new ContainerPaths('/opt/ml', path.join(dir, 'step'));
    expect(() => scriptModeProcess({
      args: { HyperParameters: { sagemaker_program: 'train.py', sagemaker_submit_directory: fileUri(bundle) } },
      paths, codeDir: paths.localPath('/opt/ml/code', 'x'), channels: [], storage: new LocalStorage({ s3Root: dir, buckets: [], baseDir: dir }), where: 'step Train',
    })).toThrow(new LocalRunError('step Train: the code bundle has no train.py'));
  });
});
