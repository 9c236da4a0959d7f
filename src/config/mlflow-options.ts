/** The MLflow options of a project (ProjectOptions.mlflow) and their resolved form (ProjectConfig.mlflow). */

/** SageMaker's tracking server sizes. */
export const MLFLOW_TRACKING_SERVER_SIZES = ['Small', 'Medium', 'Large'] as const;

/** A serverless MLflow App the project creates (`AWS::SageMaker::MlflowApp`). */
export interface MlflowAppOptions {
  /**
   * When SageMaker may update the app, weekly, in UTC: `Mon`..`Sun`, then `HH:MM` (e.g. `Sun:03:00`).
   * @default - chosen by SageMaker
   */
  readonly weeklyMaintenanceWindowStart?: string;
  /**
   * Let the app register every model logged to MLflow in the SageMaker Model Registry by itself.
   * The pipeline's Register step stays the source of truth either way (an automatic registration
   * has no approval status and no inference specification). The app's role then may create and update
   * model package groups named as the app names them, `<registered model name>-<six hash characters>`,
   * and their versions, never the pipeline's group.
   * @default false
   */
  readonly automaticModelRegistration?: boolean;
}

/** A managed MLflow tracking server the project creates (`AWS::SageMaker::MlflowTrackingServer`). */
export interface MlflowTrackingServerOptions {
  /**
   * The server size (how many concurrent users and runs it serves).
   * @default "Small"
   */
  readonly size?: typeof MLFLOW_TRACKING_SERVER_SIZES[number];
  /**
   * When SageMaker may update the server, weekly, in UTC: `Mon`..`Sun`, then `HH:MM`.
   * @default - chosen by SageMaker
   */
  readonly weeklyMaintenanceWindowStart?: string;
}

/**
 * Where the pipeline's steps (and the drift check) log to MLflow: exactly one of
 * - `app` (the default, also for `mlflow: {}`): the project creates a serverless MLflow App, which
 *   AWS announced at no additional cost: nothing is billed while it sits idle;
 * - `trackingServer`: the project creates a tracking server of MLflow `MLFLOW_VERSIONS.trackingServer`,
 *   billed per hour for as long as it runs, used or not (see Amazon SageMaker pricing, "MLflow");
 * - `arn`: an existing app or tracking server of the build region, with its artifact store (and,
 *   for a tracking server, the `clientVersion` that matches its MLflow version).
 *
 * Both created backends keep their artifacts under `mlflow/` of the project bucket and are retained
 * when the stack is deleted (experiments are never deleted as a side effect).
 */
export interface MlflowOptions {
  /**
   * Create a serverless MLflow App `<projectName>-mlflow` (the default backend).
   * @default - an app with default settings, unless `trackingServer` or `arn` is given
   */
  readonly app?: MlflowAppOptions;
  /**
   * Create a tracking server named after the project instead of an app (billed per hour while it runs).
   * @default - no tracking server
   */
  readonly trackingServer?: MlflowTrackingServerOptions;
  /**
   * ARN of an existing MLflow App (`arn:aws:sagemaker:<region>:<account>:mlflow-app/<id>`) or tracking
   * server (`…:mlflow-tracking-server/<name>`) in the build region, partition aws or aws-us-gov.
   * Requires `artifactStoreUri`, and `clientVersion` for a tracking server.
   * @default - the project creates its backend
   */
  readonly arn?: string;
  /**
   * With `arn`, required: the backend's artifact store, `s3://<bucket>/<prefix>`. The steps' role
   * may read and write there (the MLflow client uploads artifacts itself).
   * @default - none; required with `arn`
   */
  readonly artifactStoreUri?: string;
  /**
   * With `arn`: the KMS key (a key ARN, not an alias) that encrypts the artifact store.
   * @default - the artifact store is not encrypted with a customer managed key
   */
  readonly artifactKmsKeyArn?: string;
  /**
   * The MLflow experiment of the pipeline (one run per execution); the drift check logs to `<experimentName>-monitoring`.
   * @default - the project name
   */
  readonly experimentName?: string;
  /**
   * With `arn`: the `mlflow` client version the steps install. Required for a tracking server ARN:
   * the client must match the server's MLflow version (SageMaker Developer Guide, "Integrate MLflow
   * with your environment": server 2.13.x `2.13.2`, 2.16.x `2.16.2`, 3.0.x `3.0.0`; a 3.x client's
   * log_model fails against a 2.x server), which
   * `aws sagemaker describe-mlflow-tracking-server --tracking-server-name <name> --query MlflowVersion` shows.
   * For an MLflow App, which runs MLflow 3.4 or later, it must not be newer than the app's version.
   * @default - MLFLOW_VERSIONS.client for an app ARN; required for a tracking server ARN
   */
  readonly clientVersion?: string;
}

export interface ResolvedMlflowCommon {
  readonly experimentName: string;
  readonly clientVersion: string;
}

export interface ResolvedMlflowApp extends ResolvedMlflowCommon {
  readonly backend: 'app';
  readonly app: { readonly automaticModelRegistration: boolean; readonly weeklyMaintenanceWindowStart?: string };
}

export interface ResolvedMlflowTrackingServer extends ResolvedMlflowCommon {
  readonly backend: 'tracking-server';
  readonly trackingServer: { readonly size: typeof MLFLOW_TRACKING_SERVER_SIZES[number]; readonly weeklyMaintenanceWindowStart?: string };
}

export interface ResolvedExistingMlflow extends ResolvedMlflowCommon {
  readonly backend: 'existing';
  readonly arn: string;
  /** The backend's artifact store, which the steps' role may read and write. */
  readonly artifactStoreUri: string;
  readonly artifactKmsKeyArn?: string;
}

/** `ProjectConfig.mlflow`: the backend, with every default filled in. */
export type ResolvedMlflow = ResolvedMlflowApp | ResolvedMlflowTrackingServer | ResolvedExistingMlflow;

/** The MLflow options of a project, new and deprecated. */
export interface MlflowProjectOptions {
  readonly projectName: string;
  /** The build region, where the steps log from, and the option that set it. */
  readonly buildRegion: { readonly name: string; readonly option: string };
  /** The environments as given: an existing backend must be in the build account, when it is known. */
  readonly environments?: { readonly build?: { readonly account?: string } };
  readonly mlflow?: MlflowOptions;
  /** No longer accepted: resolving it throws a ConfigError that shows the `mlflow` to write instead. */
  readonly mlflowTrackingServerArn?: string;
  readonly mlflowTrackingServer?: MlflowTrackingServerOptions;
}
