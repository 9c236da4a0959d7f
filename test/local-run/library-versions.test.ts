import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  LocalRunError, LocalStorage, choosePython, definitionContainers, fileUri, libraryVersionWarnings, localPipeline, localVersions, majorVersion, runLocalPipeline,
} from '../../src/local-run';
import { PipelineDefinition, ProcessingStep } from '../../src/pipeline-definition';
import { SEED_MODEL_BUILD_REPO, testConfig } from '../helpers/validated-synth';
import { ROLE_ARN } from '../pipeline-definition/fixtures';
import { requireTestPython } from '../scripts/require-python';

requireTestPython();
jest.setTimeout(60_000);

const XGBOOST_3 = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:3.0-5';
const SKLEARN_1_4 = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.4-2-cpu-py3';
const PYTHON = choosePython();
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'library-versions-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A python that imports stand-in xgboost and sklearn modules of the given versions (and the real pandas and numpy). */
function pythonWith(versions: { xgboost: string; sklearn: string }): string {
  const site = path.join(dir, 'site');
  for (const [module, version] of Object.entries(versions)) {
    fs.mkdirSync(path.join(site, module), { recursive: true });
    fs.writeFileSync(path.join(site, module, '__init__.py'), `__version__ = "${version}"\n`);
  }
  const python = path.join(dir, 'python3');
  fs.writeFileSync(python, `#!/bin/sh\nPYTHONPATH=${site} exec ${PYTHON} "$@"\n`, { mode: 0o755 });
  return python;
}

describe('definitionContainers', () => {
  test('the local run\'s definition names the project\'s containers: the defaults, or those of the containers option', () => {
    const containers = (options: Record<string, unknown>) => definitionContainers(localPipeline({ repoDir: SEED_MODEL_BUILD_REPO, config: testConfig(options) }).definition.toJSON());
    expect(containers({})).toEqual([{ framework: 'sklearn', version: '1.4-2' }, { framework: 'xgboost', version: '1.7-1' }]);
    expect(containers({ containers: { xgboost: '3.0-5', sklearn: '1.2-1' } })).toEqual([{ framework: 'sklearn', version: '1.2-1' }, { framework: 'xgboost', version: '3.0-5' }]);
  });

  test('images of other repositories are not framework containers', () => {
    expect(definitionContainers({ ImageUri: '111111111111.dkr.ecr.us-east-1.amazonaws.com/player-churn-step-images:xgboost-0123' })).toEqual([]);
  });
});

// The containers' library versions: aws/sagemaker-xgboost-container (release-3.0.5: XGBOOST_VERSION=3.0.5) and
// aws/sagemaker-scikit-learn-container (v1.4-2 requirements.txt: scikit-learn==1.4.2), src/images/container-libraries.ts.
describe('libraryVersionWarnings', () => {
  const definition = { Steps: [{ ImageUri: XGBOOST_3 }, { ImageUri: SKLEARN_1_4 }] };

  test('one line per library of another major version: the library, both versions, the container and the pip command', () => {
    expect(libraryVersionWarnings('/usr/bin/python3', definition, () => ({ xgboost: '1.7.4', sklearn: '0.24.1' }))).toEqual([
      'warning: the local scikit-learn is 0.24.1 but the pipeline\'s SageMaker scikit-learn 1.4-2 container has scikit-learn 1.4.2 (major version 0 ≠ 1), '
        + 'so the local run may train or score differently; install the container\'s version: /usr/bin/python3 -m pip install scikit-learn==1.4.2',
      'warning: the local xgboost is 1.7.4 but the pipeline\'s SageMaker XGBoost 3.0-5 container has xgboost 3.0.5 (major version 1 ≠ 3), '
        + 'so the local run may train or score differently; install the container\'s version: /usr/bin/python3 -m pip install xgboost==3.0.5',
    ]);
  });

  test('nothing when the major versions match (another minor or patch version is fine)', () => {
    expect(libraryVersionWarnings('python3', definition, () => ({ xgboost: '3.1.2', sklearn: '1.2.1' }))).toEqual([]);
    const asked: string[][] = [];
    expect(libraryVersionWarnings('python3', { Steps: [] }, (modules) => {
      asked.push(modules);
      return {};
    })).toEqual([]);
    // Without framework containers nothing is asked of python.
    expect(asked).toEqual([]);
  });

  test('majorVersion reads the leading number', () => {
    expect([majorVersion('3.0.5'), majorVersion('1.4.2'), majorVersion('2.1.0rc1'), majorVersion('dev')]).toEqual([3, 1, 2, undefined]);
  });
});

describe('localVersions', () => {
  test('reads __version__ of each module from the python', () => {
    expect(localVersions(pythonWith({ xgboost: '3.0.5', sklearn: '1.4.2' }), ['xgboost', 'sklearn'])).toEqual({ xgboost: '3.0.5', sklearn: '1.4.2' });
  });

  /** A python whose path has `folders`, each a map of file to content. */
  function pythonWithFolders(name: string, folders: Array<Record<string, string>>): string {
    const paths = folders.map((files, i) => {
      const folder = path.join(dir, `${name}-${i}`);
      for (const [file, content] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
        fs.writeFileSync(path.join(folder, file), content);
      }
      return folder;
    });
    const python = path.join(dir, name);
    fs.writeFileSync(python, `#!/bin/sh\nPYTHONPATH=${paths.join(':')} exec ${PYTHON} "$@"\n`, { mode: 0o755 });
    return python;
  }
  const distInfo = (name: string, version: string, module = 'xgboost') => ({
    [`${name}-${version}.dist-info/METADATA`]: `Metadata-Version: 2.1\nName: ${name}\nVersion: ${version}\n`,
    [`${name}-${version}.dist-info/top_level.txt`]: `${module}\n`,
  });
  /** Importing it would fail: a version read must come from the metadata. */
  const NOT_IMPORTABLE = { 'xgboost/__init__.py': 'raise RuntimeError("imported")\n' };

  // Python Standard Library, importlib.metadata: a distribution's version comes from its installed metadata, which
  // is read without importing the package (importing xgboost and scikit-learn took about 1 s of every local run).
  test('reads the version of the one distribution beside the module that provides it, without importing the module', () => {
    expect(localVersions(pythonWithFolders('python-with-metadata', [{ ...NOT_IMPORTABLE, ...distInfo('xgboost', '3.0.5') }]), ['xgboost'])).toEqual({ xgboost: '3.0.5' });
    // Without top_level.txt, the files its RECORD lists say what it provides.
    expect(localVersions(pythonWithFolders('python-record', [{
      ...NOT_IMPORTABLE, 'xgboost-3.0.5.dist-info/METADATA': 'Metadata-Version: 2.1\nName: xgboost\nVersion: 3.0.5\n',
      'xgboost-3.0.5.dist-info/RECORD': 'xgboost/__init__.py,,\nxgboost-3.0.5.dist-info/METADATA,,\n',
    }]), ['xgboost'])).toEqual({ xgboost: '3.0.5' });
  });

  test('imports the module when its metadata is elsewhere, or when several distributions beside it provide it', () => {
    const module = { 'xgboost/__init__.py': '__version__ = "2.1.0"\n' };
    // The metadata found first is of a copy in another folder, which python does not import.
    expect(localVersions(pythonWithFolders('python-shadowed', [distInfo('xgboost', '3.0.5'), module]), ['xgboost'])).toEqual({ xgboost: '2.1.0' });
    // A stale dist-info beside the current one (a failed pip run), and xgboost-cpu installed over xgboost (pip removes
    // nothing of a distribution of another name): which one python imports, only the import says.
    expect(localVersions(pythonWithFolders('python-stale', [{ ...module, ...distInfo('xgboost', '1.7.6'), ...distInfo('xgboost', '2.1.0') }]), ['xgboost'])).toEqual({ xgboost: '2.1.0' });
    expect(localVersions(pythonWithFolders('python-cpu', [{ ...module, ...distInfo('xgboost', '3.0.5'), ...distInfo('xgboost_cpu', '2.1.0') }]), ['xgboost'])).toEqual({ xgboost: '2.1.0' });
    // A distribution beside it that provides another module does not count.
    expect(localVersions(pythonWithFolders('python-other', [{ ...NOT_IMPORTABLE, ...distInfo('xgboost', '3.0.5'), ...distInfo('other', '9.0.0', 'other') }]), ['xgboost'])).toEqual({ xgboost: '3.0.5' });
  });

  test('a python that cannot import a module is an error naming it', () => {
    expect(() => localVersions(PYTHON, ['no_such_module_t19'])).toThrow(LocalRunError);
    expect(() => localVersions(PYTHON, ['no_such_module_t19'])).toThrow(/cannot read the versions of no_such_module_t19 in .*No module named 'no_such_module_t19'/);
  });
});

describe('runLocalPipeline', () => {
  test('says the warnings once before the steps run, and keeps them in the result\'s notices', async () => {
    const python = pythonWith({ xgboost: '1.7.4', sklearn: '1.2.1' });
    const script = path.join(dir, 'code', 'noop.py');
    fs.mkdirSync(path.dirname(script), { recursive: true });
    fs.writeFileSync(script, 'print("ok")\n');
    const step = new ProcessingStep({
      name: 'Evaluate', imageUri: XGBOOST_3, roleArn: ROLE_ARN, instanceType: 'ml.m5.large',
      entrypoint: ['python3', '/opt/ml/processing/input/code/noop.py'],
      inputs: [{ name: 'code', source: fileUri(script), destination: '/opt/ml/processing/input/code' }],
    });
    const notices: string[] = [];
    const workDir = path.join(dir, 'run');
    const result = await runLocalPipeline({
      definition: new PipelineDefinition({ steps: [step] }), pipelineName: 'churn', region: 'us-east-1', executionId: 'local-1', workDir,
      storage: new LocalStorage({ s3Root: path.join(workDir, 's3'), buckets: ['b'], baseDir: dir }), registryFile: path.join(dir, 'registry.json'),
      python, mlflowTrackingUri: null, onNotice: (message) => notices.push(message),
    });
    expect(result.status).toBe('Succeeded');
    const warning = `warning: the local xgboost is 1.7.4 but the pipeline's SageMaker XGBoost 3.0-5 container has xgboost 3.0.5 (major version 1 ≠ 3), `
      + `so the local run may train or score differently; install the container's version: ${python} -m pip install xgboost==3.0.5`;
    expect(notices.filter((n) => n.startsWith('warning:'))).toEqual([warning]);
    expect(result.notices).toEqual(notices);
  });
});
