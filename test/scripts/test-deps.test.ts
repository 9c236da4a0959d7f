/**
 * scripts/test-deps.sh, the first step of `npm test`, on fake machines: a PATH that holds only stubs
 * of python3, id, sudo and apt-get (each recording how it was called), so no test installs anything.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BASH, TEST_DEPS_SCRIPT, requireTestPython } from './require-python';

/** What the pytest suites and the local-run tests import. */
const TEST_MODULES = ['pandas', 'numpy', 'scipy', 'sklearn', 'xgboost', 'pytest', 'matplotlib', 'xdist'];
/** The Debian package of each: python3-<module>, but pytest-xdist's module is `xdist`. */
const debianPackageOf = (module: string) => (module === 'xdist' ? 'python3-pytest-xdist' : `python3-${module}`);
/** What moto's server imports from the system. */
const MOTO_MODULES = ['cryptography', 'dateutil', 'flask', 'flask_cors', 'jinja2', 'jmespath', 'requests', 'responses', 'urllib3', 'werkzeug', 'xmltodict'];

interface FakeMachine {
  /** The modules the stub python3 finds. */
  readonly has: readonly string[];
  /** `id -u` says 0. */
  readonly root?: boolean;
  /** `sudo -n true` succeeds (passwordless sudo); false: sudo asks for a password. */
  readonly sudo?: boolean;
  /** apt-get is on the PATH. */
  readonly aptGet?: boolean;
  /** What the python finds once apt-get installed something (default: every module). */
  readonly hasAfterInstall?: readonly string[];
}

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'test-deps-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function stub(bin: string, name: string, body: string): void {
  fs.writeFileSync(path.join(bin, name), `#!${BASH}\n${body}\n`, { mode: 0o755 });
}

/** Writes the stubs; returns the environment that runs the script on that machine. */
function fakeMachine(machine: FakeMachine): NodeJS.ProcessEnv {
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin);
  const state = (file: string) => path.join(dir, file);
  fs.writeFileSync(state('modules'), `${machine.has.join(' ')}\n`);
  fs.writeFileSync(state('modules-after-install'), `${(machine.hasAfterInstall ?? [...TEST_MODULES, ...MOTO_MODULES]).join(' ')}\n`);
  // A python3 that answers the script's find_spec question from the modules file.
  stub(bin, 'python3', [
    `[[ "$1" == -c ]] || exit 3`,
    `[[ "$2" == '' ]] && exit 0`,
    `[[ "$2" == *importlib.util.find_spec* ]] || exit 3`,
    'shift 2',
    `read -r -a has < '${state('modules')}'`,
    'missing=()',
    'for m in "$@"; do [[ " ${has[*]} " == *" $m "* ]] || missing+=("$m"); done',
    'echo "${missing[*]}"',
  ].join('\n'));
  stub(bin, 'id', `[[ "$1" == -u ]] && echo ${machine.root ? 0 : 1000}`);
  if (machine.sudo !== undefined) {
    stub(bin, 'sudo', [
      `echo "sudo $*" >> '${state('calls')}'`,
      machine.sudo ? '' : 'echo "sudo: a password is required" >&2; exit 1',
      '[[ "$1" == -n ]] && shift',
      '[[ "$1" == true ]] && exit 0',
      'exec "$@"',
    ].join('\n'));
  }
  if (machine.aptGet) {
    stub(bin, 'apt-get', [
      `echo "apt-get $* (DEBIAN_FRONTEND=$DEBIAN_FRONTEND)" >> '${state('calls')}'`,
      `if [[ " $* " == *" install "* ]]; then read -r after < '${state('modules-after-install')}'; echo "$after" > '${state('modules')}'; fi`,
      'exit 0',
    ].join('\n'));
  }
  // The only real command on the PATH: env, which runs apt-get with DEBIAN_FRONTEND set.
  fs.symlinkSync(fs.existsSync('/usr/bin/env') ? '/usr/bin/env' : '/bin/env', path.join(bin, 'env'));
  return { PATH: bin, HOME: dir, SAGEMAKER_GITOPS_PYTHON: path.join(bin, 'python3'), SAGEMAKER_GITOPS_SKIP_MOTO: '1' };
}

function testDeps(env: NodeJS.ProcessEnv, args: string[] = []) {
  const start = Date.now();
  const run = spawnSync(BASH, [TEST_DEPS_SCRIPT, ...args], { env, encoding: 'utf-8', timeout: 30_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, ms: Date.now() - start };
}

/** What the stubs of sudo and apt-get were called with, one line each. */
function calls(): string[] {
  const file = path.join(dir, 'calls');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf-8').trim().split('\n') : [];
}

const python = () => path.join(dir, 'bin', 'python3');

describe('scripts/test-deps.sh', () => {
  test('a module missing, no root, no apt-get: exit 1 at once with one message naming the module and the command', () => {
    const env = fakeMachine({ has: TEST_MODULES.filter((m) => m !== 'xgboost') });
    const result = testDeps(env);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe([
      `test-deps: error: ${python()} cannot import xgboost (the pytest suites and the local-run tests). There is no apt-get here to install them; on Debian or Ubuntu, run:`,
      '  sudo apt-get update && sudo apt-get install -y --no-install-recommends python3-xgboost',
      `(that installs them for /usr/bin/python3: then unset SAGEMAKER_GITOPS_PYTHON), or install them for ${python()}.`,
      '',
    ].join('\n'));
    expect(result.ms).toBeLessThan(2_000);
  });

  test('modules missing, apt-get there but no root and sudo asks for a password: apt-get is not run; the message names each module', () => {
    const env = fakeMachine({ has: ['numpy', 'pytest', 'xdist'], sudo: false, aptGet: true });
    const result = testDeps(env);
    expect(result.status).toBe(1);
    expect(result.stderr.match(/error/g)).toHaveLength(1);
    expect(result.stderr).toContain(`${python()} cannot import pandas scipy sklearn xgboost matplotlib (`);
    expect(result.stderr).toContain('). Installing them needs root or passwordless sudo; run:\n'
      + '  sudo apt-get update && sudo apt-get install -y --no-install-recommends python3-pandas python3-scipy python3-sklearn python3-xgboost python3-matplotlib\n');
    expect(calls()).toEqual(['sudo -n true']);
  });

  test('pytest-xdist missing: its Debian package is python3-pytest-xdist', () => {
    const env = fakeMachine({ has: TEST_MODULES.filter((m) => m !== 'xdist'), sudo: false, aptGet: true });
    const result = testDeps(env);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${python()} cannot import xdist (`);
    expect(result.stderr).toContain('sudo apt-get install -y --no-install-recommends python3-pytest-xdist\n');
  });

  test('root on a machine without apt-get: the command is without sudo', () => {
    const env = fakeMachine({ has: TEST_MODULES.filter((m) => m !== 'pytest'), root: true });
    const result = testDeps(env);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('\n  apt-get update && apt-get install -y --no-install-recommends python3-pytest\n');
  });

  test('a python that does not run: python3 and every package', () => {
    const env = { ...fakeMachine({ has: TEST_MODULES }), SAGEMAKER_GITOPS_PYTHON: path.join(dir, 'no-python3') };
    const result = testDeps(env);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`test-deps: error: ${path.join(dir, 'no-python3')} does not run, so it cannot import ${TEST_MODULES.join(' ')} (`);
    expect(result.stderr).toContain('apt-get install -y --no-install-recommends python3 python3-pandas python3-numpy python3-scipy python3-sklearn python3-xgboost python3-pytest python3-matplotlib python3-pytest-xdist\n');
  });

  test('moto not skipped: the modules moto\'s server imports are checked in the same message', () => {
    const env = { ...fakeMachine({ has: [...TEST_MODULES.filter((m) => m !== 'scipy'), ...MOTO_MODULES.filter((m) => m !== 'flask_cors')] }), SAGEMAKER_GITOPS_SKIP_MOTO: '0' };
    const result = testDeps(env);
    expect(result.status).toBe(1);
    expect(result.stderr.match(/error/g)).toHaveLength(1);
    expect(result.stderr).toContain(`${python()} cannot import scipy flask_cors (the pytest suites and the local-run tests; moto's server for the integration tests, which SAGEMAKER_GITOPS_SKIP_MOTO=1 skips outside CI)`);
    expect(result.stderr).toContain('apt-get install -y --no-install-recommends python3-scipy python3-flask-cors\n');
  });

  test('everything there: exit 0 quickly, no apt-get', () => {
    const env = fakeMachine({ has: TEST_MODULES, root: true, aptGet: true });
    const result = testDeps(env);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`test-deps: ${python()} has ${TEST_MODULES.join(' ')}\n`);
    expect(calls()).toEqual([]);
    expect(result.ms).toBeLessThan(1_000);
  });

  test('allowed to install (passwordless sudo): apt-get update, then install of the missing modules\' packages, then checks again', () => {
    const env = fakeMachine({ has: ['pandas', 'numpy', 'scipy', 'xgboost', 'matplotlib', 'xdist'], sudo: true, aptGet: true });
    const result = testDeps(env);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(calls()).toEqual([
      'sudo -n true',
      'sudo -n env DEBIAN_FRONTEND=noninteractive apt-get update -q',
      'apt-get update -q (DEBIAN_FRONTEND=noninteractive)',
      'sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends python3-sklearn python3-pytest',
      'apt-get install -y -q --no-install-recommends python3-sklearn python3-pytest (DEBIAN_FRONTEND=noninteractive)',
    ]);
    expect(result.stdout).toContain(`test-deps: ${python()} cannot import sklearn pytest (the pytest suites and the local-run tests); installing python3-sklearn python3-pytest\n`);
    expect(result.stdout).toMatch(new RegExp(`test-deps: ${python()} has ${TEST_MODULES.join(' ')}\n$`));
  });

  test('allowed to install (root), as CI runs: apt-get without sudo', () => {
    const env = fakeMachine({ has: [], root: true, aptGet: true });
    const result = testDeps(env);
    expect(result.status).toBe(0);
    expect(calls()).toEqual([
      'apt-get update -q (DEBIAN_FRONTEND=noninteractive)',
      `apt-get install -y -q --no-install-recommends ${TEST_MODULES.map(debianPackageOf).join(' ')} (DEBIAN_FRONTEND=noninteractive)`,
    ]);
  });

  test('installed, yet the python still cannot import a module: exit 1 naming it', () => {
    const env = fakeMachine({ has: ['pandas', 'numpy', 'scipy', 'pytest', 'matplotlib', 'xdist'], root: true, aptGet: true, hasAfterInstall: ['pandas', 'numpy', 'scipy', 'pytest', 'matplotlib', 'xdist', 'sklearn'] });
    const result = testDeps(env);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`test-deps: error: after installing python3-sklearn python3-xgboost, ${python()} still cannot import xgboost (the pytest suites and the local-run tests);`
      + ' set SAGEMAKER_GITOPS_PYTHON to a python3 that has them (apt-get installs them for /usr/bin/python3)\n');
  });

  test('--no-xdist, as the jest suites that run Python check: pytest-xdist is not needed', () => {
    const env = fakeMachine({ has: TEST_MODULES.filter((m) => m !== 'xdist'), root: true, aptGet: true });
    const result = testDeps(env, ['--no-install', '--no-moto', '--no-xdist']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`test-deps: ${python()} has ${TEST_MODULES.filter((m) => m !== 'xdist').join(' ')}\n`);
  });

  test('--no-install only checks, even as root with apt-get', () => {
    const env = fakeMachine({ has: TEST_MODULES.filter((m) => m !== 'pandas'), root: true, aptGet: true });
    const result = testDeps(env, ['--no-install']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${python()} cannot import pandas (`);
    expect(calls()).toEqual([]);
  });

  test('SAGEMAKER_GITOPS_SKIP_MOTO=1 is refused in CI, and must be 1 or 0', () => {
    const env = fakeMachine({ has: TEST_MODULES });
    expect(testDeps({ ...env, CI: 'true' })).toMatchObject({
      status: 1,
      stderr: 'test-deps: error: SAGEMAKER_GITOPS_SKIP_MOTO=1 is not allowed in CI (CI=true): CI runs the moto integration tests\n',
    });
    expect(testDeps({ ...env, SAGEMAKER_GITOPS_SKIP_MOTO: 'yes' })).toMatchObject({
      status: 1,
      stderr: 'test-deps: error: SAGEMAKER_GITOPS_SKIP_MOTO must be 1 (skip the moto integration tests) or 0, got yes\n',
    });
    expect(testDeps({ ...env, CI: 'false' }).status).toBe(0);
  });

  test('an unknown option is a usage error', () => {
    const env = fakeMachine({ has: TEST_MODULES });
    expect(testDeps(env, ['--install'])).toMatchObject({
      status: 2,
      stderr: 'test-deps: error: unknown option --install (allowed: --no-install, --no-moto, --no-xdist)\n',
    });
  });
});

describe('requireTestPython (the suites that run Python call it first)', () => {
  test('throws the script\'s message when a module is missing, and never installs', () => {
    const env = fakeMachine({ has: TEST_MODULES.filter((m) => m !== 'sklearn'), root: true, aptGet: true });
    expect(() => requireTestPython(env)).toThrow(new Error([
      `test-deps: error: ${python()} cannot import sklearn (the pytest suites and the local-run tests). Install them with:`,
      '  apt-get update && apt-get install -y --no-install-recommends python3-sklearn',
      `(that installs them for /usr/bin/python3: then unset SAGEMAKER_GITOPS_PYTHON), or install them for ${python()}.`,
    ].join('\n')));
    expect(calls()).toEqual([]);
  });

  test('leaves moto out: passes without moto\'s modules, even with SAGEMAKER_GITOPS_SKIP_MOTO unset', () => {
    const env = { ...fakeMachine({ has: TEST_MODULES }), SAGEMAKER_GITOPS_SKIP_MOTO: undefined };
    expect(() => requireTestPython(env)).not.toThrow();
  });
});
