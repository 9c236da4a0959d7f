import * as fs from 'node:fs';
import * as path from 'node:path';
import * as tar from 'tar';
import { PROCESSING_ENTRYPOINT_DIR, REQUIREMENTS_FILE } from '../model-build/step-code-bundle';
import { LocalRunError } from './errors';

/**
 * A processing entrypoint of the framework-processor kind (see model-build/step-code-bundle.ts):
 * `["/bin/bash", "/opt/ml/processing/input/entrypoint/<runproc>.sh", "<script>.py"]`, which unpacks
 * the code bundle, installs its requirements and runs `python3 <script>.py <arguments>`.
 */
export interface FrameworkEntrypoint {
  /** The entry script, such as runproc.sh. */
  readonly runner: string;
  /** The bundle's script it runs, such as preprocess.py. */
  readonly script: string;
}

/** The entrypoint's parts when it runs a bundle's script through runproc.sh, else undefined. */
export function frameworkEntrypoint(entrypoint: unknown): FrameworkEntrypoint | undefined {
  if (!Array.isArray(entrypoint) || entrypoint.length !== 3 || !entrypoint.every((part) => typeof part === 'string')) {
    return undefined;
  }
  const [shell, runner, script] = entrypoint as string[];
  const inEntrypointDir = runner.startsWith(`${PROCESSING_ENTRYPOINT_DIR}/`) && runner.endsWith('.sh') && !runner.split('/').includes('..');
  const isScript = script.endsWith('.py') && !script.startsWith('/') && !script.split('/').includes('..');
  return path.posix.basename(shell) === 'bash' && inEntrypointDir && isScript ? { runner, script } : undefined;
}

/**
 * Unpacks the one code bundle (`*.gz`: `sourcedir.tar.gz`, or `<asset hash>.gz` as a CDK asset's key names it) in `codeDir` there, as runproc.sh and the script-mode
 * container do, and returns its requirements.txt (undefined without one). The local run installs
 * nothing: the caller checks what the requirements need.
 *
 * @param where names the step in errors, such as "step Preprocess: input code"
 */
export function unpackCodeBundle(codeDir: string, where: string): { readonly requirements?: string } {
  const bundles = fs.existsSync(codeDir) ? fs.readdirSync(codeDir).filter((name) => name.endsWith('.gz')).sort() : [];
  if (bundles.length !== 1) {
    throw new LocalRunError(`${where}: expected one code bundle (*.gz) in ${codeDir}, found ${bundles.length === 0 ? 'none' : bundles.join(', ')}`);
  }
  try {
    tar.x({ file: path.join(codeDir, bundles[0]), cwd: codeDir, sync: true, strict: true });
  } catch (err) {
    throw new LocalRunError(`${where}: cannot unpack the code bundle ${bundles[0]}: ${(err as Error).message}`);
  }
  const requirements = path.join(codeDir, REQUIREMENTS_FILE);
  return fs.existsSync(requirements) ? { requirements: fs.readFileSync(requirements, 'utf-8') } : {};
}

/** Throws unless the unpacked bundle has the script the step runs. */
export function bundledScript(codeDir: string, script: string, where: string): string {
  const file = path.join(codeDir, script);
  if (!fs.existsSync(file)) {
    throw new LocalRunError(`${where}: the code bundle has no ${script}`);
  }
  return file;
}
