import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { LocalRunError } from './errors';

/** The environment variable that names the python the local run uses. */
export const PYTHON_ENV_VARIABLE = 'SAGEMAKER_GITOPS_PYTHON';

/** Debian's python, which has the packages when they are installed with apt-get. */
export const SYSTEM_PYTHON = '/usr/bin/python3';

/** The Python modules the step scripts and the training use, with the Debian and pip packages that install them. */
export const PYTHON_MODULES: Readonly<Record<string, { readonly apt: string; readonly pip: string }>> = {
  pandas: { apt: 'python3-pandas', pip: 'pandas' },
  numpy: { apt: 'python3-numpy', pip: 'numpy' },
  sklearn: { apt: 'python3-sklearn', pip: 'scikit-learn' },
  xgboost: { apt: 'python3-xgboost', pip: 'xgboost' },
};

/**
 * The python the local run uses: `SAGEMAKER_GITOPS_PYTHON` when set, else /usr/bin/python3 when
 * it has pandas (Debian's packages install there), else `python3` from the PATH.
 */
export function choosePython(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env[PYTHON_ENV_VARIABLE];
  if (chosen !== undefined && chosen.trim() !== '') {
    return chosen;
  }
  if (fs.existsSync(SYSTEM_PYTHON) && missingModules(SYSTEM_PYTHON, ['pandas']).length === 0) {
    return SYSTEM_PYTHON;
  }
  return 'python3';
}

/**
 * Throws unless `python` runs and can import every module the steps need, with a message that
 * says what to install.
 */
export function checkPython(python: string, modules: readonly string[] = Object.keys(PYTHON_MODULES)): void {
  const missing = missingModules(python, modules);
  if (missing.length === 0) {
    return;
  }
  const apt = missing.map((m) => PYTHON_MODULES[m]?.apt ?? `python3-${m}`);
  const pip = missing.map((m) => PYTHON_MODULES[m]?.pip ?? m);
  throw new LocalRunError([
    `${python} cannot import ${missing.join(', ')}, which the pipeline's steps need. Install ${missing.length === 1 ? 'it' : 'them'}:`,
    `  apt-get install -y ${apt.join(' ')}   (Debian, Ubuntu: then the local run finds ${SYSTEM_PYTHON})`,
    `  or: ${python} -m pip install ${pip.join(' ')}`,
    `or set ${PYTHON_ENV_VARIABLE} to a python that has them`,
  ].join('\n'));
}

/** The modules of `modules` that `python` cannot find; throws when `python` does not run. */
export function missingModules(python: string, modules: readonly string[]): string[] {
  const script = 'import importlib.util, sys\nprint(",".join(m for m in sys.argv[1:] if importlib.util.find_spec(m) is None))';
  const run = spawnSync(python, ['-c', script, ...modules], { encoding: 'utf-8', timeout: 30_000, env: process.env });
  if (run.error !== undefined || run.status !== 0) {
    const reason = run.error !== undefined ? run.error.message : (run.stderr.trim() || `exit code ${run.status}`);
    throw new LocalRunError(
      `cannot run ${python} (${reason}): the local run needs python3 with ${Object.keys(PYTHON_MODULES).join(', ')}; `
      + `install them (apt-get install -y python3 ${Object.values(PYTHON_MODULES).map((p) => p.apt).join(' ')}) or set ${PYTHON_ENV_VARIABLE} to a python that has them`,
    );
  }
  return run.stdout.trim().split(',').filter((m) => m !== '');
}

/** A process the local run starts for a step. */
export interface ProcessOptions {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** The process is stopped after this long. */
  readonly timeoutMs: number;
  /** Where its stdout and stderr go (together, as a job's log). */
  readonly logFile: string;
}

/** How a step's process ended. */
export interface ProcessResult {
  /** The exit code, or undefined when a signal ended the process. */
  readonly exitCode?: number;
  readonly signal?: string;
  readonly timedOut: boolean;
  /** The last lines of stderr. */
  readonly stderrTail: string;
  /** stdout and stderr as written to the log. */
  readonly log: string;
}

/** How many lines of stderr a failure shows. */
export const STDERR_TAIL_LINES = 20;

/**
 * Runs a process to its end, writing its output to a log file; stops it (SIGTERM, then SIGKILL)
 * after the timeout.
 */
export function runProcess(options: ProcessOptions): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const log = fs.openSync(options.logFile, 'w');
    const chunks: Buffer[] = [];
    const stderr: Buffer[] = [];
    const child = spawn(options.command, options.args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
    }, options.timeoutMs);
    const record = (chunk: Buffer, isError: boolean) => {
      fs.writeSync(log, chunk);
      chunks.push(chunk);
      if (isError) {
        stderr.push(chunk);
      }
    };
    child.stdout.on('data', (chunk: Buffer) => record(chunk, false));
    child.stderr.on('data', (chunk: Buffer) => record(chunk, true));
    let finished = false;
    const finish = (): boolean => {
      if (finished) {
        return false;
      }
      finished = true;
      clearTimeout(timer);
      fs.closeSync(log);
      return true;
    };
    child.on('error', (err) => {
      if (finish()) {
        reject(new LocalRunError(`cannot run ${options.command}: ${err.message}`));
      }
    });
    child.on('close', (code, signal) => {
      if (!finish()) {
        return;
      }
      resolve({
        exitCode: code ?? undefined,
        signal: signal ?? undefined,
        timedOut,
        stderrTail: Buffer.concat(stderr).toString('utf-8').trimEnd().split('\n').slice(-STDERR_TAIL_LINES).join('\n'),
        log: Buffer.concat(chunks).toString('utf-8'),
      });
    });
  });
}
