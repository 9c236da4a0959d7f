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
