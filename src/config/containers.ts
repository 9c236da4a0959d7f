import { CONTAINER_PYTHON, SKLEARN_PIPELINE_VERSION, SklearnVersion, XGBOOST_VERSION, XgboostVersion } from './container-versions';
import { checkObject } from './config-checks';
import { ConfigError } from './errors';
import { mlflowClientPython } from './mlflow-versions';

/**
 * The SageMaker framework containers the pipeline runs: the built-in XGBoost image (Train,
 * Evaluate, Register's inference image, the endpoints) and the scikit-learn image (Preprocess).
 * The SageMaker Python SDK publishes both versions of each in the same 29 commercial regions
 * (image_uri_config/xgboost.json and sklearn.json).
 */
export interface ContainersOptions {
  /**
   * The XGBoost container: `1.7-1` (XGBoost 1.7.4, Python 3.9) or `3.0-5` (XGBoost 3.0.5, Python 3.10).
   * @default "1.7-1"
   */
  readonly xgboost?: XgboostVersion;
  /**
   * The scikit-learn container of the processing steps: `1.4-2` (scikit-learn 1.4.2, Python 3.10)
   * or `1.2-1` (scikit-learn 1.2.1, Python 3.9).
   * @default "1.4-2"
   */
  readonly sklearn?: SklearnVersion;
}

/** {@link ContainersOptions} with the defaults filled in. */
export interface ResolvedContainers {
  readonly xgboost: XgboostVersion;
  readonly sklearn: SklearnVersion;
}

/** The versions each option accepts, in the order errors list them. */
export const CONTAINER_VERSIONS: { readonly xgboost: readonly XgboostVersion[]; readonly sklearn: readonly SklearnVersion[] } = {
  xgboost: ['1.7-1', '3.0-5'],
  sklearn: ['1.2-1', '1.4-2'],
};

/**
 * The containers a project runs when it names none: XGBoost 1.7-1 and scikit-learn 1.4-2, the
 * images the pipeline ran before the option existed (scikit-learn 1.4-2 for its Python 3.10).
 */
export const DEFAULT_CONTAINERS: ResolvedContainers = { xgboost: XGBOOST_VERSION, sklearn: SKLEARN_PIPELINE_VERSION };

/** Checks `containers` and fills in the defaults; undefined when the project names none (the defaults). */
export function resolveContainers(option: string, given: ContainersOptions | undefined): ResolvedContainers | undefined {
  if (given === undefined) {
    return undefined;
  }
  checkObject(option, given, Object.keys(CONTAINER_VERSIONS));
  return {
    xgboost: checkVersion(`${option}.xgboost`, given.xgboost ?? DEFAULT_CONTAINERS.xgboost, CONTAINER_VERSIONS.xgboost),
    sklearn: checkVersion(`${option}.sklearn`, given.sklearn ?? DEFAULT_CONTAINERS.sklearn, CONTAINER_VERSIONS.sklearn),
  };
}

/** The containers of a resolved config: its `containers`, or the defaults when it has none. */
export function containersOf(config: { readonly containers?: ResolvedContainers }): ResolvedContainers {
  return config.containers ?? DEFAULT_CONTAINERS;
}

/**
 * Checks that the mlflow client the steps pip-install supports the Python of every container that
 * installs it: Preprocess runs on the scikit-learn container, Train, Evaluate and TagMlflowRun on the
 * XGBoost one (the drift check's scikit-learn container is SKLEARN_PIPELINE_VERSION, Python 3.10).
 *
 * @throws ConfigError naming the client version, the container option, its Python and what to choose
 */
export function checkMlflowClientPython(clientVersion: string, containers: ResolvedContainers, containersNamed: boolean): void {
  const needed = mlflowClientPython(clientVersion);
  const uses: Array<[keyof ResolvedContainers, string]> = [['xgboost', 'Train, Evaluate and TagMlflowRun'], ['sklearn', 'Preprocess']];
  for (const [kind, steps] of uses) {
    const version = containers[kind];
    const python = (CONTAINER_PYTHON[kind] as Readonly<Record<string, string>>)[version];
    if (pythonBelow(python, needed)) {
      const newer = CONTAINER_VERSIONS[kind].filter((v) => !pythonBelow((CONTAINER_PYTHON[kind] as Readonly<Record<string, string>>)[v], needed));
      throw new ConfigError(
        `mlflow.clientVersion ${clientVersion} installs only on Python ${needed} or later (mlflow's requires-python from 3.2.0 on), but ` +
        `containers.${kind} is ${version}${containersNamed ? '' : ' (the default)'}, which runs Python ${python}, and ${steps} pip-install the client there: ` +
        `set containers.${kind} to ${newer.map((v) => `'${v}'`).join(' or ')}, or mlflow.clientVersion below 3.2`,
      );
    }
  }
}

function pythonBelow(python: string, needed: string): boolean {
  const [major, minor] = python.split('.').map(Number);
  const [neededMajor, neededMinor] = needed.split('.').map(Number);
  return major < neededMajor || (major === neededMajor && minor < neededMinor);
}

function checkVersion<T extends string>(option: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(`${option} must be one of ${allowed.join(', ')} (a SageMaker container version), got ${JSON.stringify(value)}`);
  }
  return value as T;
}
