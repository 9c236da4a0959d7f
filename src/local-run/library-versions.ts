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

/** The PyPI distribution of each import name whose version the local run compares (the inverse of MODULES). */
const DISTRIBUTIONS: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(MODULES).map(([distribution, module]) => [module, distribution]));

/**
 * Reads each module's version without importing it where it can: from the metadata of its
 * distribution (importlib.metadata), when that distribution is installed where python finds the
 * module; else (a module without metadata, or one that shadows the distribution from another
 * folder) by importing it and reading `__version__`. Importing xgboost and scikit-learn took about
 * 1 s of every local run; their metadata takes milliseconds.
 */
const VERSIONS_SCRIPT = `import importlib, importlib.metadata, importlib.util, json, os, sys
pairs = json.loads(sys.argv[1])
versions = {}
for module, distribution in pairs:
    spec = importlib.util.find_spec(module)
    if spec is None:
        raise ModuleNotFoundError(f"No module named '{module}'")
    version = None
    if distribution and spec.origin:
        try:
            found = importlib.metadata.distribution(distribution)
            root = os.path.realpath(str(found.locate_file('')))
            if os.path.realpath(spec.origin).startswith(root + os.sep):
                version = found.version
        except importlib.metadata.PackageNotFoundError:
            pass
    versions[module] = version if version is not None else importlib.import_module(module).__version__
print(json.dumps(versions))`;

/** The version of each module `python` finds (see VERSIONS_SCRIPT). Throws when `python` cannot run or find one. */
export function localVersions(python: string, modules: readonly string[]): Record<string, string> {
  const pairs = modules.map((module) => [module, DISTRIBUTIONS[module] ?? null]);
  const run = spawnSync(python, ['-c', VERSIONS_SCRIPT, JSON.stringify(pairs)], { encoding: 'utf-8', timeout: 60_000, env: process.env });
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
