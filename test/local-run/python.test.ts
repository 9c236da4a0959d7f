import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LocalRunError, PYTHON_ENV_VARIABLE, SYSTEM_PYTHON, checkPython, choosePython, runProcess } from '../../src/local-run';
import { requireTestPython } from '../scripts/require-python';

// Without the Python modules, fail this suite once with the command that installs them.
requireTestPython();

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-python-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A python that cannot import the system's packages: python3 -S (no site-packages). */
function barePython(): string {
  const file = path.join(dir, 'python3');
  fs.writeFileSync(file, `#!/bin/sh\nexec ${choosePython({})} -S "$@"\n`, { mode: 0o755 });
  return file;
}

describe('choosePython', () => {
  test('SAGEMAKER_GITOPS_PYTHON wins', () => {
    expect(choosePython({ [PYTHON_ENV_VARIABLE]: '/opt/venv/bin/python' })).toBe('/opt/venv/bin/python');
  });

  test('otherwise /usr/bin/python3 when it has pandas, else python3 from the PATH', () => {
    const chosen = choosePython({ [PYTHON_ENV_VARIABLE]: ' ' });
    expect([SYSTEM_PYTHON, 'python3']).toContain(chosen);
    const systemHasPandas = fs.existsSync(SYSTEM_PYTHON) && (() => {
      try {
        checkPython(SYSTEM_PYTHON, ['pandas']);
        return true;
      } catch {
        return false;
      }
    })();
    expect(chosen).toBe(systemHasPandas ? SYSTEM_PYTHON : 'python3');
  });
});

describe('checkPython', () => {
  test('a python with the libraries passes', () => {
    expect(() => checkPython(choosePython())).not.toThrow();
  });

  test('missing libraries are named with the packages that install them', () => {
    expect(() => checkPython(barePython())).toThrow(new LocalRunError([
      `${path.join(dir, 'python3')} cannot import pandas, numpy, sklearn, xgboost, which the pipeline's steps need. Install them:`,
      '  apt-get install -y python3-pandas python3-numpy python3-sklearn python3-xgboost   (Debian, Ubuntu: then the local run finds /usr/bin/python3)',
      `  or: ${path.join(dir, 'python3')} -m pip install pandas numpy scikit-learn xgboost`,
      'or set SAGEMAKER_GITOPS_PYTHON to a python that has them',
    ].join('\n')));
    expect(() => checkPython(barePython(), ['xgboost'])).toThrow(/cannot import xgboost, which the pipeline's steps need\. Install it:\n {2}apt-get install -y python3-xgboost /);
  });

  test('a python that does not run says what to install', () => {
    expect(() => checkPython('/nonexistent/python3')).toThrow(new LocalRunError(
      'cannot run /nonexistent/python3 (spawnSync /nonexistent/python3 ENOENT): the local run needs python3 with pandas, numpy, sklearn, xgboost; '
      + 'install them (apt-get install -y python3 python3-pandas python3-numpy python3-sklearn python3-xgboost) or set SAGEMAKER_GITOPS_PYTHON to a python that has them',
    ));
  });
});

describe('runProcess', () => {
  test('writes stdout and stderr to the log and keeps the end of stderr', async () => {
    const logFile = path.join(dir, 'log.txt');
    const result = await runProcess({
      command: 'sh', args: ['-c', 'echo out; echo err >&2; exit 4'], cwd: dir, env: process.env, timeoutMs: 10_000, logFile,
    });
    expect(result).toMatchObject({ exitCode: 4, timedOut: false, stderrTail: 'err' });
    expect(fs.readFileSync(logFile, 'utf-8').split('\n').sort()).toEqual(['', 'err', 'out']);
  });

  test('a command that does not exist is an error', async () => {
    await expect(runProcess({ command: '/nonexistent/tool', args: [], cwd: dir, env: process.env, timeoutMs: 1000, logFile: path.join(dir, 'log.txt') }))
      .rejects.toThrow('cannot run /nonexistent/tool: spawn /nonexistent/tool ENOENT');
  });
});
