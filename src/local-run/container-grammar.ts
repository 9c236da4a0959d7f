import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sklearnLibraries, xgboostLibraries } from '../images';
import type { ContainerLibraries, SklearnVersion, XgboostVersion } from '../images';
import { LocalRunError } from './errors';

/** More Python files than a step's code has: a folder with more is not walked further (its data, not its code). */
const MAX_FILES = 2000;

/** How many syntax errors one failure lists. */
const MAX_LISTED = 5;

/**
 * The container and its Python (`3.9`) of a SageMaker framework image URI, as
 * src/images/sagemaker-images.ts builds them (`…/sagemaker-xgboost:1.7-1`,
 * `…/sagemaker-scikit-learn:1.4-2-cpu-py3`); undefined for another image or an unknown version.
 */
export function frameworkContainerPython(imageUri: unknown): { readonly container: string; readonly python: string } | undefined {
  const match = typeof imageUri === 'string' ? /\.amazonaws\.com(?:\.cn)?\/(sagemaker-xgboost|sagemaker-scikit-learn):(\d+\.\d+-\d+)(?:-cpu-py3)?$/.exec(imageUri) : null;
  if (match === null) {
    return undefined;
  }
  const [, repository, version] = match;
  const xgboost = repository === 'sagemaker-xgboost';
  // The tables hold the versions the toolkit offers; another version's image has no entry.
  const libraries: ContainerLibraries | undefined = xgboost ? xgboostLibraries(version as XgboostVersion) : sklearnLibraries(version as SklearnVersion);
  return libraries === undefined ? undefined : { container: `${xgboost ? 'XGBoost' : 'scikit-learn'} ${version}`, python: libraries.python };
}

/** The `.py` files under `folder`, at most MAX_FILES of them, in a stable order. */
function pythonFiles(folder: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (found.length >= MAX_FILES) {
        return;
      }
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(file);
      } else if (entry.isFile() && entry.name.endsWith('.py')) {
        found.push(file);
      }
    }
  };
  if (fs.existsSync(folder)) {
    walk(folder);
  }
  return found;
}

/**
 * Parses each file with Python's own parser as the target version parses it (`ast.parse` with
 * `feature_version`, which refuses syntax newer than that version: `match` before 3.10, `except*`
 * before 3.11, ...). A local Python no newer than the target parses nothing: what it cannot parse,
 * the local run itself fails on.
 */
const PARSE_SCRIPT = `import ast, json, sys
target = tuple(int(p) for p in sys.argv[1].split('.'))
errors = []
for name in (sys.argv[2:] if tuple(sys.version_info[:2]) > target else []):
    try:
        with open(name, 'rb') as f:
            ast.parse(f.read(), filename=name, feature_version=target)
    except SyntaxError as e:
        errors.append({'file': name, 'line': e.lineno, 'message': e.msg})
print(json.dumps({'version': '.'.join(map(str, sys.version_info[:3])), 'errors': errors}))
`;

/**
 * Throws when a Python file the step receives (its inputs, code bundles unpacked, under `paths`) uses
 * syntax the step's SageMaker container cannot parse: the container runs its own Python (3.9 in
 * XGBoost 1.7-1, 3.10 in scikit-learn 1.4-2: `CONTAINER_PYTHON`), this machine perhaps a newer one,
 * which would run the script here and leave the job to fail in the cloud with a SyntaxError.
 * Newer standard-library calls are not caught: only the grammar.
 *
 * @param paths the instance's container root (such as /opt/ml/processing) and its local folder
 * @param where names the step, such as "step Preprocess"
 */
export function checkContainerGrammar(python: string, imageUri: unknown, paths: { readonly root: string; readonly localRoot: string }, where: string): void {
  const container = frameworkContainerPython(imageUri);
  const files = container === undefined ? [] : pythonFiles(paths.localRoot);
  if (container === undefined || files.length === 0) {
    return;
  }
  const run = spawnSync(python, ['-c', PARSE_SCRIPT, container.python, ...files], { encoding: 'utf-8', timeout: 60_000 });
  if (run.error !== undefined || run.status !== 0) {
    const reason = run.error !== undefined ? run.error.message : (run.stderr.trim().split('\n').pop() || `exit code ${run.status}`);
    throw new LocalRunError(`${where}: cannot check its Python files against the container's Python ${container.python} with ${python}: ${reason}`);
  }
  const { version, errors } = JSON.parse(run.stdout) as { version: string; errors: Array<{ file: string; line?: number; message: string }> };
  if (errors.length === 0) {
    return;
  }
  // Each file by its path in the container.
  const listed = errors.slice(0, MAX_LISTED).map((e) => `  ${path.posix.join(paths.root, ...path.relative(paths.localRoot, e.file).split(path.sep))}${e.line ? ` line ${e.line}` : ''}: ${e.message}`);
  const more = errors.length > MAX_LISTED ? [`  (${errors.length - MAX_LISTED} more)`] : [];
  throw new LocalRunError([
    `${where}: the SageMaker ${container.container} container runs Python ${container.python}, which cannot parse ${errors.length === 1 ? 'this file' : 'these files'} `
    + `(the local Python is ${version}; the job would fail with a SyntaxError):`,
    ...listed, ...more,
    `Write ${errors.length === 1 ? 'it' : 'them'} for Python ${container.python}.`,
  ].join('\n'));
}
