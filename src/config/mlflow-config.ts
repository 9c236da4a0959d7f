import { checkObject } from './config-checks';
import { ConfigError } from './errors';
import { MLFLOW_TRACKING_SERVER_CLIENTS, MLFLOW_VERSIONS } from './mlflow-versions';
import {
  MLFLOW_TRACKING_SERVER_SIZES, MlflowAppOptions, MlflowOptions, MlflowProjectOptions, MlflowTrackingServerOptions, ResolvedExistingMlflow,
  ResolvedMlflow, ResolvedMlflowApp, ResolvedMlflowCommon, ResolvedMlflowTrackingServer,
} from './mlflow-options';
import { MlflowArnKind, PROCESSING_ENVIRONMENT_VALUE_MAX_LENGTH, checkMlflowArn } from './validators';

export * from './mlflow-options';

/** Key prefix of the project bucket that an MLflow App or tracking server the project creates keeps its artifacts under. */
export const MLFLOW_ARTIFACT_PREFIX = 'mlflow';

/** Suffix of the experiment the drift check logs to: `<experimentName>-monitoring`. */
export const MLFLOW_MONITORING_SUFFIX = '-monitoring';

/** An MLflow App or tracking server name: CreateMlflowApp.Name and CreateMlflowTrackingServer.TrackingServerName. */
export const MLFLOW_RESOURCE_NAME_PATTERN = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,255}$/;
/** AWS::SageMaker::MlflowApp / MlflowTrackingServer WeeklyMaintenanceWindowStart, e.g. `Tue:03:30` (UTC). */
export const MLFLOW_MAINTENANCE_WINDOW_PATTERN = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun):([01]\d|2[0-3]):([0-5]\d)$/;
/**
 * The longest experiment name: every processing step receives it in its environment
 * (MLFLOW_EXPERIMENT_NAME), whose values CreateProcessingJob takes up to 256 characters, and the
 * drift check's experiment adds MLFLOW_MONITORING_SUFFIX. (MLflow's own limit, MAX_EXPERIMENT_NAME_LENGTH
 * in mlflow/utils/validation.py, is 500.)
 */
export const MLFLOW_EXPERIMENT_NAME_MAX_LENGTH = PROCESSING_ENVIRONMENT_VALUE_MAX_LENGTH - MLFLOW_MONITORING_SUFFIX.length;
/** The oldest client sagemaker-mlflow installs with (its install_requires: mlflow>=2.8). */
export const MLFLOW_OLDEST_CLIENT = '2.8';
/** An S3 general purpose bucket URI with an optional key prefix (S3 bucket naming rules; ArtifactStoreUri is at most 1024 characters). */
const ARTIFACT_STORE_URI = /^s3:\/\/((?!xn--)(?!sthree-)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(\/(.*))?$/;
const KMS_KEY_ARN = /^arn:aws(-[a-z]+)*:kms:[a-z0-9-]+:\d{12}:key\/[a-zA-Z0-9-]+$/;
const CLIENT_VERSION = /^(\d+)\.(\d+)(\.\d+)?$/;

const MLFLOW_KEYS = ['app', 'trackingServer', 'arn', 'artifactStoreUri', 'artifactKmsKeyArn', 'experimentName', 'clientVersion', 'backend'];

/** Checks the MLflow options and fills in the defaults; undefined when MLflow is off. */
export function resolveMlflow(options: MlflowProjectOptions): ResolvedMlflow | undefined {
  const { mlflow, mlflowTrackingServerArn: oldArn, mlflowTrackingServer: oldServer } = options;
  if (oldArn !== undefined) {
    throw deprecatedArnError(oldArn);
  }
  if (mlflow !== undefined && oldServer !== undefined) {
    throw new ConfigError('mlflow and the deprecated mlflowTrackingServer are both set: use only mlflow (mlflowTrackingServer is now mlflow.trackingServer)');
  }
  if (oldServer !== undefined) {
    return common<ResolvedMlflowTrackingServer>(options.projectName, {}, { backend: 'tracking-server', trackingServer: resolveTrackingServer('mlflowTrackingServer', oldServer) });
  }
  if (mlflow === undefined) {
    return undefined;
  }
  checkObject('mlflow', mlflow, MLFLOW_KEYS);
  const given = mlflow as MlflowOptions & { readonly backend?: unknown };
  const chosen = (['app', 'trackingServer', 'arn'] as const).filter((key) => given[key] !== undefined);
  if (chosen.length > 1) {
    throw new ConfigError(
      `mlflow.${chosen[0]} and mlflow.${chosen[1]} are both set: choose one MLflow backend (app, trackingServer or an existing arn)`,
    );
  }
  const backend = given.arn !== undefined ? 'existing' : given.trackingServer !== undefined ? 'tracking-server' : 'app';
  if (given.backend !== undefined && given.backend !== backend) {
    throw new ConfigError(`mlflow.backend is ${JSON.stringify(given.backend)} but the fields given make it ${JSON.stringify(backend)}`);
  }
  if (backend === 'existing') {
    return resolveExisting(options, given);
  }
  for (const key of ['artifactStoreUri', 'artifactKmsKeyArn'] as const) {
    if (given[key] !== undefined) {
      throw new ConfigError(`mlflow.${key} is only for an existing backend (mlflow.arn): an MLflow ${backend} the project creates keeps its artifacts in the project bucket`);
    }
  }
  if (given.clientVersion !== undefined && given.clientVersion !== MLFLOW_VERSIONS.client) {
    throw new ConfigError(
      `mlflow.clientVersion is only for an existing backend (mlflow.arn): the client of an MLflow ${backend} the project creates is pinned to ` +
      `${MLFLOW_VERSIONS.client} (MLFLOW_VERSIONS.client), got ${JSON.stringify(given.clientVersion)}`,
    );
  }
  return backend === 'app'
    ? common<ResolvedMlflowApp>(options.projectName, given, { backend, app: resolveApp('mlflow.app', given.app ?? {}) })
    : common<ResolvedMlflowTrackingServer>(options.projectName, given, { backend, trackingServer: resolveTrackingServer('mlflow.trackingServer', given.trackingServer!) });
}

/** The name of the MLflow App a project creates. */
export function mlflowAppName(projectName: string): string {
  return `${projectName}-mlflow`;
}

/** The experiment the drift check logs to. */
export function mlflowMonitoringExperimentName(mlflow: ResolvedMlflow): string {
  return `${mlflow.experimentName}${MLFLOW_MONITORING_SUFFIX}`;
}

/** What an existing backend's ARN names (an app or a tracking server); a created backend's kind. */
export function mlflowBackendKind(mlflow: ResolvedMlflow): MlflowArnKind {
  if (mlflow.backend === 'existing') {
    return mlflow.arn.split(':')[5].startsWith('mlflow-app/') ? 'app' : 'tracking-server';
  }
  return mlflow.backend;
}

/** The bucket and key prefix (without a trailing slash; may be empty) of an `s3://bucket/prefix` artifact store. */
export function parseArtifactStoreUri(uri: string): { readonly bucket: string; readonly prefix: string } {
  const match = ARTIFACT_STORE_URI.exec(uri);
  if (!match) {
    throw new ConfigError(`${JSON.stringify(uri)} is not an s3://<bucket>/<prefix> URI`);
  }
  return { bucket: match[1], prefix: (match[3] ?? '').replace(/\/+$/, '') };
}

function resolveExisting(options: MlflowProjectOptions, given: MlflowOptions & { readonly backend?: unknown }): ResolvedExistingMlflow {
  const kind = checkMlflowArn('mlflow.arn', given.arn!, options.buildRegion);
  checkBuildAccount('mlflow.arn', given.arn!, options);
  if (given.artifactStoreUri === undefined) {
    throw new ConfigError(
      'mlflow.artifactStoreUri is required with mlflow.arn: the s3://<bucket>/<prefix> artifact store of that MLflow backend, ' +
      'which the pipeline\'s role must read and write (the MLflow client uploads artifacts itself)',
    );
  }
  if (typeof given.artifactStoreUri !== 'string' || given.artifactStoreUri.length > 1024 || !ARTIFACT_STORE_URI.test(given.artifactStoreUri)) {
    throw new ConfigError(
      'mlflow.artifactStoreUri must be an S3 URI s3://<bucket>/<prefix> of at most 1024 characters with a valid bucket name ' +
      `(3 to 63 lowercase letters, digits, dots or hyphens), got ${JSON.stringify(given.artifactStoreUri)}`,
    );
  }
  if (given.artifactKmsKeyArn !== undefined && (typeof given.artifactKmsKeyArn !== 'string' || !KMS_KEY_ARN.test(given.artifactKmsKeyArn))) {
    throw new ConfigError(
      `mlflow.artifactKmsKeyArn must be a KMS key ARN, arn:aws:kms:<region>:<account>:key/<key id> (not an alias: IAM grants key use on key ARNs), ` +
      `got ${JSON.stringify(given.artifactKmsKeyArn)}`,
    );
  }
  if (kind === 'tracking-server' && given.clientVersion === undefined) {
    throw new ConfigError(
      `mlflow.clientVersion is required with a tracking server ARN (mlflow.arn ${JSON.stringify(given.arn)}): the mlflow client must match ` +
      `the server's MLflow version (${TRACKING_SERVER_PAIRING}; a 3.x client's log_model fails against a 2.x server, and the steps only warn, ` +
      'so the model would silently not be logged); ' +
      `read the server's version with ${describeServerCommand(given.arn!, 'MlflowVersion')}`,
    );
  }
  // An MLflow App runs MLflow MLFLOW_VERSIONS.oldestApp or later: the pinned client suits every app.
  const clientVersion = given.clientVersion ?? MLFLOW_VERSIONS.client;
  checkClientVersion('mlflow.clientVersion', clientVersion);
  return common<ResolvedExistingMlflow>(options.projectName, given, {
    backend: 'existing',
    arn: given.arn!,
    artifactStoreUri: given.artifactStoreUri,
    ...(given.artifactKmsKeyArn !== undefined ? { artifactKmsKeyArn: given.artifactKmsKeyArn } : {}),
  }, clientVersion);
}

/**
 * The AWS pairing of tracking server and client versions (SageMaker Developer Guide, "Integrate MLflow
 * with your environment"), as the errors show it: `tracking server 2.13.x: mlflow==2.13.2, …`.
 */
const TRACKING_SERVER_PAIRING = 'tracking server ' + Object.entries(MLFLOW_TRACKING_SERVER_CLIENTS)
  .map(([server, client]) => `${server}.x: mlflow==${client}`).join(', ');

/** The clients of the pairing, `2.13.2, 2.16.2 or 3.0.0`. */
const SERVER_CLIENTS = Object.values(MLFLOW_TRACKING_SERVER_CLIENTS).join(', ').replace(/, ([^,]*)$/, ' or $1');

/** The AWS CLI command that reads `query` (e.g. `MlflowVersion`) of the tracking server `arn` names. */
function describeServerCommand(arn: string, query: string): string {
  const name = (typeof arn === 'string' ? arn.split(':mlflow-tracking-server/')[1] : undefined) ?? '<name>';
  return `\`aws sagemaker describe-mlflow-tracking-server --tracking-server-name ${name} --query ${query}\``;
}

/**
 * The deprecated `mlflowTrackingServerArn` is refused: it named no artifact store, so the steps' role got
 * no S3 access and every artifact upload (the MLflow client uploads them itself) was denied, and its
 * client version could not be set to the server's.
 */
function deprecatedArnError(arn: string): ConfigError {
  const shown = typeof arn === 'string' ? arn : '<tracking server ARN>';
  return new ConfigError(
    `mlflowTrackingServerArn is no longer accepted, got ${JSON.stringify(arn)}: it names no artifact store, so the steps' role would get no S3 ` +
    'access and every artifact upload (the model, evaluation.json, figures) would be denied, and the mlflow client version could not be set ' +
    `to the server's. Write instead mlflow: { arn: '${shown}', artifactStoreUri: 's3://<bucket>/<prefix>', clientVersion: '<${SERVER_CLIENTS}, per the server version>' } ` +
    `(${TRACKING_SERVER_PAIRING}); read the server's ArtifactStoreUri and MlflowVersion with ` +
    describeServerCommand(arn, '"[ArtifactStoreUri,MlflowVersion]"'),
  );
}

type Backend<T> = Omit<T, keyof ResolvedMlflowCommon>;

function common<T extends ResolvedMlflow>(projectName: string, given: MlflowOptions, backend: Backend<T>, clientVersion: string = MLFLOW_VERSIONS.client): T {
  const experimentName = given.experimentName ?? projectName;
  if (typeof experimentName !== 'string' || experimentName.length === 0 || experimentName.length > MLFLOW_EXPERIMENT_NAME_MAX_LENGTH) {
    throw new ConfigError(
      `mlflow.experimentName must be a non-empty name of at most ${MLFLOW_EXPERIMENT_NAME_MAX_LENGTH} characters (the steps receive it in their environment, ` +
      `whose values CreateProcessingJob takes up to ${PROCESSING_ENVIRONMENT_VALUE_MAX_LENGTH} characters, and the drift check's experiment adds ${MLFLOW_MONITORING_SUFFIX}), ` +
      `got ${JSON.stringify(experimentName)}`,
    );
  }
  return { ...backend, experimentName, clientVersion } as T;
}

function resolveApp(option: string, given: MlflowAppOptions): ResolvedMlflowApp['app'] {
  checkObject(option, given, ['weeklyMaintenanceWindowStart', 'automaticModelRegistration']);
  const automaticModelRegistration = given.automaticModelRegistration ?? false;
  if (typeof automaticModelRegistration !== 'boolean') {
    throw new ConfigError(`${option}.automaticModelRegistration must be true or false, got ${JSON.stringify(automaticModelRegistration)}`);
  }
  checkMaintenanceWindow(`${option}.weeklyMaintenanceWindowStart`, given.weeklyMaintenanceWindowStart);
  return {
    automaticModelRegistration,
    ...(given.weeklyMaintenanceWindowStart !== undefined ? { weeklyMaintenanceWindowStart: given.weeklyMaintenanceWindowStart } : {}),
  };
}

function resolveTrackingServer(option: string, given: MlflowTrackingServerOptions): ResolvedMlflowTrackingServer['trackingServer'] {
  checkObject(option, given, ['size', 'weeklyMaintenanceWindowStart']);
  const size = given.size ?? 'Small';
  if (!(MLFLOW_TRACKING_SERVER_SIZES as readonly string[]).includes(size)) {
    throw new ConfigError(`${option}.size must be one of ${MLFLOW_TRACKING_SERVER_SIZES.join(', ')}, got ${JSON.stringify(size)}`);
  }
  checkMaintenanceWindow(`${option}.weeklyMaintenanceWindowStart`, given.weeklyMaintenanceWindowStart);
  return { size, ...(given.weeklyMaintenanceWindowStart !== undefined ? { weeklyMaintenanceWindowStart: given.weeklyMaintenanceWindowStart } : {}) };
}

function checkMaintenanceWindow(option: string, value: string | undefined): void {
  if (value !== undefined && (typeof value !== 'string' || !MLFLOW_MAINTENANCE_WINDOW_PATTERN.test(value))) {
    throw new ConfigError(
      `${option} must be a weekly UTC start time Ddd:HH:MM with Ddd one of Mon, Tue, Wed, Thu, Fri, Sat, Sun (e.g. Sun:03:00), got ${JSON.stringify(value)}`,
    );
  }
}

function checkClientVersion(option: string, value: string): void {
  const match = typeof value === 'string' ? CLIENT_VERSION.exec(value) : null;
  const [major, minor] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  const [oldestMajor, oldestMinor] = MLFLOW_OLDEST_CLIENT.split('.').map(Number);
  if (!match || major < oldestMajor || (major === oldestMajor && minor < oldestMinor)) {
    throw new ConfigError(
      `${option} must be an mlflow release such as ${MLFLOW_VERSIONS.client} (major.minor or major.minor.patch), ` +
      `at least ${MLFLOW_OLDEST_CLIENT} (sagemaker-mlflow requires mlflow>=${MLFLOW_OLDEST_CLIENT}), got ${JSON.stringify(value)}`,
    );
  }
}

/**
 * An existing backend must be in the build account: SageMaker MLflow Apps and tracking servers have no
 * resource-based policy, so the pipeline's role can only call those of its own account (the
 * sagemaker-mlflow plugin reaches another account's only by assuming a role there).
 */
function checkBuildAccount(option: string, arn: string, options: MlflowProjectOptions): void {
  const build = options.environments?.build?.account;
  const account = arn.split(':')[4];
  if (build !== undefined && account !== build) {
    throw new ConfigError(
      `${option} is in the account ${account}, but the project's build account is ${build} (environments.build.account): SageMaker MLflow has no ` +
      `resource-based policy, so the pipeline's role can only log to an MLflow App or tracking server of its own account; ` +
      `use a backend of ${build}, got ${JSON.stringify(arn)}`,
    );
  }
}
