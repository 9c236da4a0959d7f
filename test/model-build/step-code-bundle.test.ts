import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import * as tar from 'tar';
import { ConfigError, MLFLOW_VERSIONS, mlflowRequirements } from '../../src/config';
import { StepCodeBundleAssets } from '../../src/model-build/step-code-bundle-assets';
import {
  CODE_BUNDLE_FILE, RUNPROC_FILE, RUNPROC_SCRIPT, checkStepScripts, codeBundleFiles, listedBundleFiles, packStepCode, stepCodeRequirements, writeStepCode,
} from '../../src/model-build/step-code-bundle';
import { SEED_MODEL_BUILD_REPO } from '../helpers/validated-synth';

const SEED_SCRIPTS = path.join(SEED_MODEL_BUILD_REPO, 'pipelines');
const MLFLOW = { trackingUri: 'arn:aws:sagemaker:us-east-1:123456789012:mlflow-app/app-abc', experimentName: 'player-churn', clientVersion: '3.0.0' };

let dir: string;
let scripts: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'step-code-'));
  scripts = path.join(dir, 'pipelines');
  fs.mkdirSync(path.join(scripts, 'features', '__pycache__'), { recursive: true });
  fs.mkdirSync(path.join(scripts, '__pycache__'));
  fs.writeFileSync(path.join(scripts, 'preprocess.py'), 'print("preprocess")\n');
  fs.writeFileSync(path.join(scripts, 'train.py'), 'print("train")\n');
  fs.writeFileSync(path.join(scripts, 'features', 'columns.py'), 'COLUMNS = []\n');
  fs.writeFileSync(path.join(scripts, 'features', '__pycache__', 'columns.cpython-310.pyc'), 'x');
  fs.writeFileSync(path.join(scripts, '__pycache__', 'train.cpython-310.pyc'), 'x');
  for (const test of ['test_train.py', 'train_test.py', 'conftest.py', 'notes.md']) {
    fs.writeFileSync(path.join(scripts, test), 'x\n');
  }
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The bundle's entries, with their headers and content. */
function entriesOf(bundle: Buffer): Array<{ path: string; mode?: number; mtime?: Date; uid?: number; gid?: number; uname?: string; text: string }> {
  const file = path.join(dir, `read-${Math.random()}.tar.gz`);
  fs.writeFileSync(file, bundle);
  const entries: Array<{ path: string; mode?: number; mtime?: Date; uid?: number; gid?: number; uname?: string; text: string }> = [];
  tar.t({
    file,
    sync: true,
    onReadEntry: (entry) => {
      const chunks: Buffer[] = [];
      entry.on('data', (chunk: Buffer) => chunks.push(chunk));
      entry.on('end', () => entries.push({
        path: entry.path, mode: entry.mode, mtime: entry.mtime, uid: entry.uid, gid: entry.gid, uname: entry.uname, text: Buffer.concat(chunks).toString('utf-8'),
      }));
    },
  });
  return entries;
}

describe('codeBundleFiles', () => {
  test('every .py file, subfolders included, sorted; no tests, conftest.py, __pycache__ or other files', () => {
    expect(codeBundleFiles(scripts)).toEqual(['features/columns.py', 'preprocess.py', 'train.py']);
  });

  test('the seed repository\'s bundle has the three step scripts and their tracking module, not their tests', () => {
    const files = codeBundleFiles(SEED_SCRIPTS);
    expect(files).toEqual(expect.arrayContaining(['evaluate.py', 'preprocess.py', 'tracking.py', 'train.py']));
    expect(files.filter((f) => /(^|\/)(test_[^/]*|[^/]*_test\.py|conftest\.py)$/.test(f))).toEqual([]);
  });

  test('a missing or script-less folder is a ConfigError naming it', () => {
    expect(() => codeBundleFiles(path.join(dir, 'nope'))).toThrow(new ConfigError(`the step scripts folder ${path.join(dir, 'nope')} does not exist; the pipeline's code bundle is made from it`));
    fs.mkdirSync(path.join(dir, 'empty'));
    expect(() => codeBundleFiles(path.join(dir, 'empty'))).toThrow(/has no \.py files; the pipeline runs them/);
  });
});

describe('packStepCode', () => {
  test('the scripts under their relative paths, byte for byte; no requirements.txt without requirements', () => {
    const entries = entriesOf(packStepCode(scripts, {}));
    expect(entries.map((e) => e.path)).toEqual(['features/columns.py', 'preprocess.py', 'train.py']);
    expect(entries.find((e) => e.path === 'train.py')!.text).toBe('print("train")\n');
  });

  test('with requirements, requirements.txt is among the sorted entries, with that content', () => {
    const requirements = stepCodeRequirements(MLFLOW)!;
    expect(requirements).toBe(`mlflow==3.0.0\nsagemaker-mlflow==${MLFLOW_VERSIONS.sagemakerMlflow}\n`);
    expect(requirements).toBe(mlflowRequirements('3.0.0'));
    const entries = entriesOf(packStepCode(scripts, { requirements }));
    expect(entries.map((e) => e.path)).toEqual(['features/columns.py', 'preprocess.py', 'requirements.txt', 'train.py']);
    expect(entries[2].text).toBe(requirements);
    expect(stepCodeRequirements(undefined)).toBeUndefined();
  });

  test('entries have no owner, mode 0644 and one fixed mtime; the gzip header has no timestamp', () => {
    fs.chmodSync(path.join(scripts, 'train.py'), 0o755);
    const bundle = packStepCode(scripts, { requirements: 'mlflow==3.0.0\n' });
    for (const entry of entriesOf(bundle)) {
      expect(entry).toMatchObject({ mode: 0o644, mtime: new Date('2000-01-01T00:00:00.000Z') });
      expect([entry.uid ?? 0, entry.gid ?? 0, entry.uname ?? '']).toEqual([0, 0, '']);
    }
    // RFC 1952: bytes 4-7 are MTIME, 0 when there is none.
    expect([...bundle.subarray(0, 3)]).toEqual([0x1f, 0x8b, 8]);
    expect(bundle.readUInt32LE(4)).toBe(0);
  });

  test('the same scripts give the same bytes, whatever their mtimes, modes and folder', () => {
    const first = packStepCode(scripts, { requirements: 'mlflow==3.0.0\n' });
    const copy = path.join(dir, 'elsewhere', 'pipelines');
    fs.cpSync(scripts, copy, { recursive: true });
    fs.utimesSync(path.join(copy, 'train.py'), new Date('2021-05-06'), new Date('2021-05-06'));
    fs.chmodSync(path.join(copy, 'preprocess.py'), 0o600);
    const again = fs.readFileSync(writeStepCode(copy, { requirements: 'mlflow==3.0.0\n' }, path.join(dir, 'out')).bundle);
    expect(again.equals(first)).toBe(true);
    // A changed script or requirement changes them.
    expect(packStepCode(scripts, { requirements: 'mlflow==3.1.0\n' }).equals(first)).toBe(false);
    fs.writeFileSync(path.join(copy, 'train.py'), 'print("train v2")\n');
    expect(packStepCode(copy, { requirements: 'mlflow==3.0.0\n' }).equals(first)).toBe(false);
  });

  test('empty requirements are refused: leave them out for none', () => {
    expect(() => packStepCode(scripts, { requirements: ' \n' })).toThrow(ConfigError);
  });
});

describe('a listed bundle (files)', () => {
  test('holds the listed files only, with the requirements when given', () => {
    expect(entriesOf(packStepCode(scripts, { files: ['train.py'] })).map((e) => e.path)).toEqual(['train.py']);
    const entries = entriesOf(packStepCode(scripts, { files: ['train.py', 'features/columns.py'], requirements: 'mlflow==3.0.0\n' }));
    expect(entries.map((e) => e.path)).toEqual(['features/columns.py', 'requirements.txt', 'train.py']);
    expect(entries.find((e) => e.path === 'train.py')!.text).toBe('print("train")\n');
  });

  test('another list gives another bundle; the same list in another order the same bytes', () => {
    const one = packStepCode(scripts, { files: ['train.py', 'preprocess.py'] });
    expect(packStepCode(scripts, { files: ['preprocess.py', 'train.py'] }).equals(one)).toBe(true);
    expect(packStepCode(scripts, { files: ['train.py'] }).equals(one)).toBe(false);
    expect(packStepCode(scripts, {}).equals(one)).toBe(false);
  });

  test('a missing, outside, absolute, repeated or empty entry, requirements.txt, or an empty list is a ConfigError naming it', () => {
    expect(listedBundleFiles(scripts, ['train.py', './features/columns.py'])).toEqual(['features/columns.py', 'train.py']);
    expect(() => listedBundleFiles(scripts, ['evaluate.py'])).toThrow(new ConfigError(`the code bundle's file evaluate.py is not a file in ${scripts}`));
    expect(() => listedBundleFiles(scripts, ['features'])).toThrow(new ConfigError(`the code bundle's file features is not a file in ${scripts}`));
    fs.writeFileSync(path.join(dir, 'outside.py'), 'x\n');
    expect(() => listedBundleFiles(scripts, ['../outside.py'])).toThrow(new ConfigError(`the code bundle's file "../outside.py" must be a relative path inside ${scripts}`));
    expect(() => listedBundleFiles(scripts, [path.join(scripts, 'train.py')])).toThrow(/must be a relative path inside/);
    expect(() => listedBundleFiles(scripts, [''])).toThrow(/must be a relative path inside/);
    expect(() => listedBundleFiles(scripts, ['train.py', 'train.py'])).toThrow(new ConfigError('the code bundle\'s file list names train.py twice'));
    fs.writeFileSync(path.join(scripts, 'requirements.txt'), 'numpy\n');
    expect(() => listedBundleFiles(scripts, ['requirements.txt'])).toThrow(/must not name requirements.txt: the bundle writes it from its requirements/);
    expect(() => listedBundleFiles(scripts, [])).toThrow(/must list at least one file/);
    expect(() => writeStepCode(scripts, { files: ['nope.py'] }, path.join(dir, 'out'))).toThrow(ConfigError);
  });
});

describe('writeStepCode', () => {
  test('writes sourcedir.tar.gz and an executable runproc.sh into a folder named after their content, reused', () => {
    const out = path.join(dir, 'out');
    const files = writeStepCode(scripts, {}, out);
    expect(path.basename(files.bundle)).toBe(CODE_BUNDLE_FILE);
    expect(path.basename(files.entrypoint)).toBe(RUNPROC_FILE);
    expect(path.dirname(files.bundle)).toBe(path.dirname(files.entrypoint));
    expect(fs.readFileSync(files.entrypoint, 'utf-8')).toBe(RUNPROC_SCRIPT);
    expect(fs.statSync(files.entrypoint).mode & 0o111).not.toBe(0);
    expect(writeStepCode(scripts, {}, out)).toEqual(files);
    expect(writeStepCode(scripts, { requirements: 'mlflow==3.0.0' }, out).bundle).not.toBe(files.bundle);
    // Nothing half-written is left behind.
    expect(fs.readdirSync(out).filter((name) => name.startsWith('building-'))).toEqual([]);
  });
});

describe('checkStepScripts', () => {
  test('names the missing script and the repository', () => {
    expect(() => checkStepScripts(dir, 'pipelines', ['preprocess.py', 'evaluate.py']))
      .toThrow(new ConfigError(`the model-build repository has no pipelines/evaluate.py (looked in ${dir}); the pipeline runs it`));
    expect(() => checkStepScripts(dir, 'pipelines', ['preprocess.py', 'train.py'])).not.toThrow();
  });
});

/*
 * runproc.sh does what the SageMaker Python SDK's FrameworkProcessor script does (src/sagemaker/processing.py,
 * _generate_framework_script): cd to the code folder, unpack the bundle, install requirements.txt when
 * there is one, run `python3 <script> "$@"`. Run here with a python3 stand-in that records its arguments.
 */
describe('runproc.sh', () => {
  function runproc(bundleOptions: { requirements?: string }, args: string[], bundles = 1) {
    const code = path.join(dir, 'code');
    fs.mkdirSync(code);
    const files = writeStepCode(scripts, bundleOptions, path.join(dir, 'out'));
    for (let i = 0; i < bundles; i++) {
      fs.copyFileSync(files.bundle, path.join(code, `${i}abc.gz`));
    }
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin);
    const calls = path.join(dir, 'calls.txt');
    fs.writeFileSync(path.join(bin, 'python3'), `#!/bin/bash\necho "python3 $* (in $(basename "$PWD"))" >> ${calls}\n`, { mode: 0o755 });
    const run = spawnSync('/bin/bash', [files.entrypoint, ...args], {
      encoding: 'utf-8', env: { PATH: `${bin}:/usr/bin:/bin`, SAGEMAKER_GITOPS_CODE_DIR: code },
    });
    return { ...run, code, calls: fs.existsSync(calls) ? fs.readFileSync(calls, 'utf-8').trim().split('\n') : [] };
  }

  test('unpacks the bundle and runs the script with the arguments, installing nothing without requirements.txt', () => {
    const run = runproc({}, ['preprocess.py', '--input-dir', '/opt/ml/processing/input/data']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.calls).toEqual(['python3 preprocess.py --input-dir /opt/ml/processing/input/data (in code)']);
    expect(fs.readFileSync(path.join(run.code, 'features', 'columns.py'), 'utf-8')).toBe('COLUMNS = []\n');
  });

  test('installs requirements.txt with pip before it runs the script', () => {
    const run = runproc({ requirements: 'mlflow==3.0.0\n' }, ['train.py']);
    expect(run.status).toBe(0);
    expect(run.calls).toEqual([
      'python3 -m pip install --no-cache-dir --disable-pip-version-check -r requirements.txt (in code)',
      'python3 train.py (in code)',
    ]);
    expect(run.stdout).toContain('installing requirements.txt of the code bundle:\nmlflow==3.0.0\n');
  });

  test('fails for a script the bundle does not have, without exactly one bundle, or without a script argument', () => {
    const missing = runproc({}, ['evaluate.py']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe('error: the code bundle has no evaluate.py\n');
    expect(missing.calls).toEqual([]);
    fs.rmSync(path.join(dir, 'code'), { recursive: true });
    fs.rmSync(path.join(dir, 'bin'), { recursive: true });
    const none = runproc({}, ['preprocess.py'], 0);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('expected one code bundle (*.gz)');
    fs.rmSync(path.join(dir, 'code'), { recursive: true });
    fs.rmSync(path.join(dir, 'bin'), { recursive: true });
    const two = runproc({}, ['preprocess.py'], 2);
    expect(two.status).toBe(1);
    expect(two.stderr).toContain('found 2: 0abc.gz 1abc.gz');
    expect(spawnSync('/bin/bash', ['-c', RUNPROC_SCRIPT], { encoding: 'utf-8' }).status).toBe(2);
  });

  test('is valid bash', () => {
    expect(() => execFileSync('/bin/bash', ['-n', writeStepCode(scripts, {}, path.join(dir, 'out')).entrypoint])).not.toThrow();
  });
});

describe('StepCodeBundleAssets', () => {
  const assets = (requirements?: string) => new StepCodeBundleAssets(new Stack(new App(), 'Stack'), 'StepCode', { scriptsDir: scripts, requirements });

  test('a file list reaches the bundle', () => {
    const listed = new StepCodeBundleAssets(new Stack(new App(), 'Stack'), 'StepCode', { scriptsDir: scripts, files: ['train.py'] });
    expect(entriesOf(fs.readFileSync(listed.files.bundle)).map((e) => e.path)).toEqual(['train.py']);
    expect(listed.bundleAsset.assetHash).not.toBe(assets().bundleAsset.assetHash);
  });

  test('two file assets (not zipped folders); the S3 file names are the assets\' hashes with their extensions', () => {
    const { code, bundleAsset, entrypointAsset } = assets();
    expect(bundleAsset.isFile).toBe(true);
    expect(entrypointAsset.isFile).toBe(true);
    // CDK keys a file asset by its hash and last extension: SageMaker downloads the bundle as <hash>.gz.
    expect(code.bundle.fileName).toBe(`${bundleAsset.assetHash}.gz`);
    expect(code.entrypoint.fileName).toBe(`${entrypointAsset.assetHash}.sh`);
    expect(code.bundle.s3Uri).toBe(bundleAsset.s3ObjectUrl);
  });

  test('the same scripts give the same asset hashes in another synthesis; requirements change the bundle\'s', () => {
    const first = assets();
    const second = assets();
    expect(second.bundleAsset.assetHash).toBe(first.bundleAsset.assetHash);
    expect(second.entrypointAsset.assetHash).toBe(first.entrypointAsset.assetHash);
    const withMlflow = assets(stepCodeRequirements(MLFLOW));
    expect(withMlflow.bundleAsset.assetHash).not.toBe(first.bundleAsset.assetHash);
    expect(withMlflow.entrypointAsset.assetHash).toBe(first.entrypointAsset.assetHash);
  });
});
