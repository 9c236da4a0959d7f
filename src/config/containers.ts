import { SKLEARN_PIPELINE_VERSION, SklearnVersion, XGBOOST_VERSION, XgboostVersion } from './container-versions';
import { checkObject } from './config-checks';
import { ConfigError } from './errors';

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

function checkVersion<T extends string>(option: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(`${option} must be one of ${allowed.join(', ')} (a SageMaker container version), got ${JSON.stringify(value)}`);
  }
  return value as T;
}
