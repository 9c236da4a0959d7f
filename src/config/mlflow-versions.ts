/**
 * The MLflow versions of the project, in one place: the client the pipeline's steps install, the
 * SageMaker plugin that resolves an ARN tracking URI, and the server version of a tracking server
 * the project creates. test/config/mlflow-versions.test.ts checks that they agree.
 *
 * - An MLflow App's version cannot be chosen (AWS::SageMaker::MlflowApp has no version property;
 *   `MlflowVersion` is a read-only attribute) and apps report 3.4 or later; a tracking server takes
 *   `MlflowVersion`. An MLflow server serves clients of its own and older minor versions, not newer
 *   ones (the client calls REST endpoints the server may not have), so the client is pinned to the
 *   oldest server the project creates: the tracking server's version.
 * - `sagemaker-mlflow` 0.2.0 is the first release that resolves MLflow App ARNs (aws/sagemaker-mlflow
 *   VERSION history); it requires `mlflow>=2.8`, so without the mlflow pin it would install the
 *   newest mlflow.
 */
export const MLFLOW_VERSIONS = {
  /** The `mlflow` client in every step's container (and the version a local run expects). */
  client: '3.0.0',
  /** The `sagemaker-mlflow` plugin: signs requests to an app or tracking server ARN with the job's role. */
  sagemakerMlflow: '0.5.0',
  /** `MlflowVersion` of a tracking server the project creates (major.minor, as CreateMlflowTrackingServer takes it). */
  trackingServer: '3.0',
  /** The oldest MLflow version an MLflow App reports: the client must not be newer. */
  oldestApp: '3.4',
} as const;

/**
 * The oldest Python (major.minor) an mlflow client release installs on: mlflow's requires-python is
 * >=3.10 from 3.2.0 on (mlflow/mlflow#16346, "Drop Python 3.9 support", merged after 3.1.0), and
 * Python 3.9 is enough for the releases before (the project's oldest client is 2.8).
 */
export function mlflowClientPython(clientVersion: string): string {
  const [major, minor] = clientVersion.split('.').map(Number);
  return major > 3 || (major === 3 && minor >= 2) ? '3.10' : '3.9';
}

/** The pinned requirements the steps' containers install to log to MLflow (a requirements.txt). */
export function mlflowRequirements(clientVersion: string = MLFLOW_VERSIONS.client): string {
  return `mlflow==${clientVersion}\nsagemaker-mlflow==${MLFLOW_VERSIONS.sagemakerMlflow}\n`;
}

/** Where the steps log: what they receive as MLFLOW_TRACKING_URI and MLFLOW_EXPERIMENT_NAME. */
export interface MlflowTracking {
  /** The MLflow App's or tracking server's ARN (the `sagemaker-mlflow` plugin resolves it), or a token of it. */
  readonly trackingUri: string;
  /** The project's experiment: one run per pipeline execution, a nested run per step. */
  readonly experimentName: string;
  /** The `mlflow` client version the steps install (requirements.txt). */
  readonly clientVersion: string;
}
