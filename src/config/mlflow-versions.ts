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
 *   commit 0904860, "Add support for SageMaker MLflow App resource type"); it requires `mlflow>=2.8`,
 *   so without the mlflow pin it would install the newest mlflow. The pin is the newest release whose
 *   requirements were read from its source (SAGEMAKER_MLFLOW_REQUIREMENTS), not a newer one whose
 *   Requires-Python and Requires-Dist nobody checked.
 */
export const MLFLOW_VERSIONS = {
  /** The `mlflow` client in every step's container (and the version a local run expects). */
  client: '3.0.0',
  /** The `sagemaker-mlflow` plugin: signs requests to an app or tracking server ARN with the job's role. */
  sagemakerMlflow: '0.3.0',
  /**
   * `MlflowVersion` of a tracking server the project creates (major.minor, as CreateMlflowTrackingServer takes it).
   * Deployed servers keep it: UpdateMlflowTrackingServer takes no version and CloudFormation's handler refuses the
   * change, so another value here would fail every update of their stacks (test/integration/stack-updates.test.ts).
   */
  trackingServer: '3.0',
  /** The oldest MLflow version an MLflow App reports: the client must not be newer. */
  oldestApp: '3.4',
} as const;

/**
 * What the pinned `sagemaker-mlflow` release declares, read from its source: aws/sagemaker-mlflow, tag
 * v0.3.0, setup.py `python_requires=">= 3.8"` and `install_requires=["boto3>=1.34", "mlflow>=2.8"]`
 * (its tox.ini tests py39 with mlflow 2.8 to 3.0.0, py310 and py311 up to 3.10.0).
 * test/config/mlflow-versions.test.ts checks them against the rules the config enforces: the
 * plugin installs on the oldest container Python the project offers, and its mlflow floor is
 * MLFLOW_OLDEST_CLIENT, the oldest mlflow.clientVersion the config accepts.
 */
export const SAGEMAKER_MLFLOW_REQUIREMENTS = {
  /** The release these facts are of: MLFLOW_VERSIONS.sagemakerMlflow. */
  version: '0.3.0',
  /** Its python_requires floor (major.minor). */
  python: '3.8',
  /** Its install_requires floor of mlflow (major.minor). */
  mlflow: '2.8',
  /** Where the facts were read. */
  source: 'aws/sagemaker-mlflow tag v0.3.0, setup.py (python_requires=">= 3.8", install_requires=["boto3>=1.34", "mlflow>=2.8"])',
} as const;

/**
 * The mlflow client of each tracking server version (major.minor): SageMaker Developer Guide,
 * "Integrate MLflow with your environment" ("use the corresponding MLflow version based on your
 * tracking server version"). A 3.x client's log_model calls an endpoint a 2.x server lacks.
 */
export const MLFLOW_TRACKING_SERVER_CLIENTS = { '2.13': '2.13.2', '2.16': '2.16.2', '3.0': '3.0.0' } as const;

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
