/*
 * The SageMaker framework container versions a project may choose (`containers`): facts of the
 * configuration layer, which src/images/ turns into image URIs per region.
 */

/** The scikit-learn container versions the project runs. */
export type SklearnVersion = '1.2-1' | '1.4-2';
/** The scikit-learn version `sklearnImage` gives when none is named (the project's own jobs name `SKLEARN_PIPELINE_VERSION`). */
export const SKLEARN_VERSION: SklearnVersion = '1.2-1';
/**
 * The scikit-learn container of the model-build pipeline's preprocessing step and of the drift check
 * when the project names none (`containers.sklearn`): its Python is 3.10
 * (aws/sagemaker-scikit-learn-container docker/1.4-2/base/Dockerfile.cpu), 1.2-1 has Python 3.9.
 */
export const SKLEARN_PIPELINE_VERSION: SklearnVersion = '1.4-2';
/** The XGBoost container versions the project knows. */
export type XgboostVersion = '1.7-1' | '3.0-5';
/** The XGBoost container version of the training step and the endpoints when the project names none (`containers.xgboost`). */
export const XGBOOST_VERSION: XgboostVersion = '1.7-1';

/**
 * The Python (major.minor) of each container version: the PYTHON_VERSION of its
 * docker/<version>/base/Dockerfile.cpu in aws/sagemaker-xgboost-container and
 * aws/sagemaker-scikit-learn-container. A step that pip-installs a package into the container
 * needs a release of it that supports this Python.
 */
export const CONTAINER_PYTHON: {
  readonly xgboost: Readonly<Record<XgboostVersion, string>>;
  readonly sklearn: Readonly<Record<SklearnVersion, string>>;
} = {
  xgboost: { '1.7-1': '3.9', '3.0-5': '3.10' },
  sklearn: { '1.2-1': '3.9', '1.4-2': '3.10' },
};
