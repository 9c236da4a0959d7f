import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LocalRunError } from './errors';
import { hostEnvironment } from './host-environment';
import { PYTHON_ENV_VARIABLE, missingModules } from './python';

/** The MLflow client's own variable: where a run logs. */
export const MLFLOW_TRACKING_URI_VARIABLE = 'MLFLOW_TRACKING_URI';

/** What a local run says, once, when it does not log to MLflow. */
export const MLFLOW_NOT_LOGGING_NOTICE = `MLflow: not logging (set ${MLFLOW_TRACKING_URI_VARIABLE}, e.g. file:./mlruns, to log this run)`;

/** What a local run says, once, when it logs to MLflow (also kept in the run's result.json). */
export function mlflowLoggingNotice(trackingUri: string): string {
  return `MLflow: logging this run to ${shownTrackingUri(trackingUri)} (${MLFLOW_TRACKING_URI_VARIABLE})`;
}

/**
 * A tracking URI as it may be printed: the user and password an http(s) URI may carry (the MLflow
 * client reads basic-auth credentials from it) replaced by `***`.
 */
export function shownTrackingUri(uri: string): string {
  return uri.replace(/^(https?:\/\/)[^/?#@]*@/i, '$1***@');
}

/**
 * The tracking URI a local run logs to: this process's MLFLOW_TRACKING_URI, with a relative local
 * store (`file:./mlruns`, `./mlruns`) made absolute against `baseDir`, since every step runs in a
 * folder of its own; undefined when it is not set (the run logs nothing).
 */
export function localTrackingUri(env: NodeJS.ProcessEnv, baseDir: string): string | undefined {
  const uri = env[MLFLOW_TRACKING_URI_VARIABLE]?.trim();
  if (uri === undefined || uri === '') {
    return undefined;
  }
  // file:<path> (relative, or absolute with one slash) is a path; file://<host>/<path> is a URL already.
  const filePath = /^file:(?!\/\/)(.*)$/.exec(uri);
  if (filePath !== null) {
    return pathToFileURL(path.resolve(baseDir, filePath[1])).href;
  }
  // No scheme: MLflow takes a plain path as a local file store (`databricks` names the Databricks workspace).
  if (!/^[a-z][a-z0-9+.-]*:/i.test(uri) && uri !== 'databricks') {
    return pathToFileURL(path.resolve(baseDir, uri)).href;
  }
  return uri;
}

/**
 * Where a local run logs to MLflow and what it says about it, once: `option` as
 * RunLocalPipelineOptions.mlflowTrackingUri takes it (undefined: this process's variable; null: nowhere).
 */
export function localMlflow(option: string | null | undefined, env: NodeJS.ProcessEnv = process.env): { readonly trackingUri?: string; readonly notice: string } {
  const trackingUri = option === null ? undefined : option ?? localTrackingUri(env, process.cwd());
  return { trackingUri, notice: trackingUri === undefined ? MLFLOW_NOT_LOGGING_NOTICE : mlflowLoggingNotice(trackingUri) };
}

/**
 * The environment of a step's process: the variables of this process that set up the local Python
 * and its libraries (`hostEnvironment`: not the rest of the developer's shell, which a container in
 * SageMaker does not have), then the step's `Environment`, where the MLFLOW_TRACKING_URI of the
 * definition (the cloud's App or tracking server ARN) is replaced by the local run's tracking URI,
 * or removed when the local run does not log.
 */
export function stepProcessEnvironment(
  stepEnvironment: Readonly<Record<string, string>>,
  trackingUri: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
  const result: NodeJS.ProcessEnv = { ...hostEnvironment(env), ...stepEnvironment, PYTHONUNBUFFERED: '1', PYTHONDONTWRITEBYTECODE: '1' };
  if (trackingUri === undefined) {
    delete result[MLFLOW_TRACKING_URI_VARIABLE];
  } else {
    result[MLFLOW_TRACKING_URI_VARIABLE] = trackingUri;
  }
  return result;
}

/**
 * The mlflow requirement of a code bundle's requirements.txt (such as `mlflow==3.0.0`), if it
 * lists one (`sagemaker-mlflow` is the plugin, not the client).
 */
export function mlflowRequirement(requirements: string | undefined): string | undefined {
  return requirements?.split('\n').map((line) => line.replace(/#.*$/, '').trim()).find((line) => /^mlflow(\s*[=<>!~\[;]|$)/i.test(line));
}

/**
 * Throws unless the local python can import mlflow when the step's code bundle requires it and the
 * run logs to MLflow: in SageMaker the container installs requirements.txt, the local run installs
 * nothing, so the message says what to install.
 *
 * @param where names the step, such as "step Preprocess"
 */
export function checkLocalMlflowClient(python: string, requirements: string | undefined, trackingUri: string | undefined, where: string): void {
  const requirement = mlflowRequirement(requirements);
  if (requirement === undefined || trackingUri === undefined || missingModules(python, ['mlflow']).length === 0) {
    return;
  }
  throw new LocalRunError([
    `${where}: ${MLFLOW_TRACKING_URI_VARIABLE} is set (${trackingUri}), so the step logs to MLflow, but ${python} cannot import mlflow, `
    + `which the code bundle's requirements.txt asks for (${requirement}); the local run installs nothing. Either:`,
    `  ${python} -m pip install '${requirement}'`,
    `  or set ${PYTHON_ENV_VARIABLE} to a python that has mlflow`,
    `  or unset ${MLFLOW_TRACKING_URI_VARIABLE} to run without MLflow`,
  ].join('\n'));
}
