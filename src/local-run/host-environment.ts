/**
 * The variables of this process that a step's process inherits in a local run: those that make the
 * local Python and its libraries work on this machine, and nothing else.
 *
 * In SageMaker a job's container has the job's `Environment` and what SageMaker itself sets (the
 * credentials of the job's role, the region, the training toolkit's `SM_*`), not the shell of the
 * person who started the pipeline. A step script that read a variable of the developer's shell (a
 * data folder, a feature flag) would pass the local run and then fail in the cloud, so the local run
 * passes on only:
 *   - the system: PATH, HOME, the user, locale, time zone, temporary folders, the shared-library
 *     path, and the variables Python needs on Windows;
 *   - the local Python's setup: `PYTHON*` (PYTHONPATH stands in for the packages the container has
 *     installed), virtualenv, conda and pyenv;
 *   - how this machine reaches a network: proxies and CA bundles;
 *   - the AWS SDK's configuration (`AWS_*`: the container has its role's credentials and region);
 *   - the MLflow client's configuration (`MLFLOW_*`: the authentication a local tracking server
 *     needs, where the cloud's plugin signs with the role); the step's own MLflow variables win;
 *   - thread limits of the numeric libraries (`OMP_*`, `MKL_*`, `OPENBLAS_*`), which change speed only.
 */
const HOST_VARIABLES: readonly RegExp[] = [
  /^(PATH|HOME|USER|USERNAME|LOGNAME|SHELL|LANG|LANGUAGE|TZ|TMPDIR|TMP|TEMP)$/,
  /^LC_[A-Z]+$/,
  /^(LD_LIBRARY_PATH|DYLD_LIBRARY_PATH|DYLD_FALLBACK_LIBRARY_PATH)$/,
  /^(SYSTEMROOT|SYSTEMDRIVE|WINDIR|COMSPEC|PATHEXT|APPDATA|LOCALAPPDATA|USERPROFILE|PROGRAMDATA|PROGRAMFILES)$/,
  /^PYTHON[A-Z_]*$/,
  /^(VIRTUAL_ENV|CONDA_[A-Z_]+|PYENV_[A-Z_]+)$/,
  /^(HTTPS?_PROXY|NO_PROXY|ALL_PROXY)$/,
  /^(SSL_CERT_FILE|SSL_CERT_DIR|REQUESTS_CA_BUNDLE|CURL_CA_BUNDLE)$/,
  /^AWS_[A-Z0-9_]+$/,
  /^MLFLOW_[A-Z0-9_]+$/,
  /^(OMP|MKL|OPENBLAS)_[A-Z_]+$/,
];

/** Whether a step's process inherits the variable `name` of this process (case-insensitively: Windows and proxy variables vary). */
export function isHostVariable(name: string): boolean {
  const upper = name.toUpperCase();
  return HOST_VARIABLES.some((pattern) => pattern.test(upper));
}

/** The variables of `env` a step's process inherits ({@link isHostVariable}). */
export function hostEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name, value]) => value !== undefined && isHostVariable(name)));
}
