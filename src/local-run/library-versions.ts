import { spawnSync } from 'node:child_process';
import { frameworkLibrary } from '../images';
import { LocalRunError } from './errors';
import { checkPython } from './python';

/**
 * The framework containers a pipeline definition runs, read from its steps' images: a processing
 * step's `AppSpecification.ImageUri` or a training step's `AlgorithmSpecification.TrainingImage`,
 * `…/sagemaker-xgboost:<version>` or `…/sagemaker-scikit-learn:<version>-cpu-py3` (the URIs
 * src/images/sagemaker-images.ts builds). Images of other repositories are not framework containers.
 */
export function definitionContainers(definition: unknown): Array<{ readonly framework: 'xgboost' | 'sklearn'; readonly version: string }> {
  const text = JSON.stringify(definition);
  const found = new Map<string, { framework: 'xgboost' | 'sklearn'; version: string }>();
  for (const [, repository, version] of text.matchAll(/\.amazonaws\.com\/(sagemaker-xgboost|sagemaker-scikit-learn):(\d+\.\d+-\d+)(?:-cpu-py3)?"/g)) {
    const framework = repository === 'sagemaker-xgboost' ? 'xgboost' : 'sklearn';
    found.set(`${framework} ${version}`, { framework, version });
  }
  return [...found.values()].sort((a, b) => `${a.framework} ${a.version}`.localeCompare(`${b.framework} ${b.version}`));
}

/** The import name of each PyPI distribution whose version the local run compares. */
const MODULES: Readonly<Record<string, string>> = { 'xgboost': 'xgboost', 'scikit-learn': 'sklearn' };

/**
 * Reads each module's version without importing it where it can: from the metadata of the one
 * distribution installed beside it (importlib.metadata: in the folder python finds the module in)
 * that provides it (its top_level.txt, or the files it lists). With none, or several (metadata left
 * by another install: a stale dist-info, `xgboost-cpu` installed over `xgboost`), it imports the
 * module and reads `__version__`. Importing xgboost and scikit-learn took about 1 s of every local
 * run; their metadata takes milliseconds. Python 3.8 runs it (no str.removesuffix), as it ran the
 * import it replaces.
 */
const VERSIONS_SCRIPT = `import importlib, importlib.metadata, importlib.util, json, os, sys
def provided(dist):
    top = dist.read_text('top_level.txt')
    if top is not None:
        return set(top.split())
    tops = {str(f).replace(os.sep, '/').split('/')[0] for f in (dist.files or [])}
    return {top[:-3] if top.endswith('.py') else top for top in tops}
folders = {}
for module in sys.argv[1:]:
    spec = importlib.util.find_spec(module)
    if spec is None:
        raise ModuleNotFoundError(f"No module named '{module}'")
    folder = None
    if spec.origin and os.path.isabs(spec.origin):
        origin = os.path.realpath(spec.origin)
        folder = os.path.dirname(os.path.dirname(origin)) if spec.submodule_search_locations is not None else os.path.dirname(origin)
    folders.setdefault(folder, []).append(module)
versions = {}
for folder, modules in folders.items():
    found = {module: [] for module in modules}
    for dist in (importlib.metadata.distributions(path=[folder]) if folder else []):
        names = provided(dist)
        for module in modules:
            if module in names:
                found[module].append(dist.version)
    for module in modules:
        versions[module] = found[module][0] if len(found[module]) == 1 else importlib.import_module(module).__version__
print(json.dumps(versions))`;

/** The version of each module `python` finds (see VERSIONS_SCRIPT). Throws when `python` cannot run or find one. */
export function localVersions(python: string, modules: readonly string[]): Record<string, string> {
  const run = spawnSync(python, ['-c', VERSIONS_SCRIPT, ...modules], { encoding: 'utf-8', timeout: 60_000, env: process.env });
  if (run.error !== undefined || run.status !== 0) {
    const reason = run.error !== undefined ? run.error.message : (run.stderr.trim().split('\n').pop() || `exit code ${run.status}`);
    throw new LocalRunError(`cannot read the versions of ${modules.join(', ')} in ${python}: ${reason}`);
  }
  return JSON.parse(run.stdout) as Record<string, string>;
}

/** The major version of a version string (`3` of `3.0.5`, `1` of `1.4.2`). */
export function majorVersion(version: string): number | undefined {
  const match = /^(\d+)\./.exec(version);
  return match === null ? undefined : Number(match[1]);
}

/**
 * One line per framework container of the definition whose library (xgboost in the XGBoost
 * containers, scikit-learn in the scikit-learn ones) has another major version locally: the
 * library, the local version, the container and its version, and the pip command that installs it.
 * A model trained or scored with another major version can differ from the pipeline's (XGBoost 2
 * changed the default model format and removed predictor and gpu_id; scikit-learn's pickles are
 * not portable across versions).
 */
export function libraryVersionWarnings(python: string, definition: unknown, versions: (modules: string[]) => Record<string, string> = (m) => localVersions(python, m)): string[] {
  const expected = definitionContainers(definition).flatMap(({ framework, version }) => {
    const library = frameworkLibrary(framework, version);
    return library === undefined ? [] : [{ framework, container: version, ...library }];
  });
  if (expected.length === 0) {
    return [];
  }
  const local = versions([...new Set(expected.map((e) => MODULES[e.name]))]);
  return expected.flatMap(({ framework, container, name, version }) => {
    const have = local[MODULES[name]];
    if (have === undefined || majorVersion(have) === majorVersion(version)) {
      return [];
    }
    const image = framework === 'xgboost' ? `XGBoost ${container}` : `scikit-learn ${container}`;
    return [
      `warning: the local ${name} is ${have} but the pipeline's SageMaker ${image} container has ${name} ${version} (major version ${majorVersion(have)} ≠ ${majorVersion(version)}), `
      + `so the local run may train or score differently; install the container's version: ${python} -m pip install ${name}==${version}`,
    ];
  });
}

/**
 * What the runner checks before steps that run python: {@link checkPython} (every module
 * importable), then the warnings of {@link libraryVersionWarnings}.
 */
export function checkPythonLibraries(python: string, definition: unknown): string[] {
  checkPython(python);
  return libraryVersionWarnings(python, definition);
}
