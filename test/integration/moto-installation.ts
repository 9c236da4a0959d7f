/**
 * Where `scripts/install-moto.sh` installed moto (and the botocore it brings), and whether the
 * integration tests are skipped: without the SDK clients that test/integration/moto.ts loads, so
 * that a jest setup file can read it cheaply in every suite.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The environment variable that skips the integration tests outside CI. */
export const SKIP_MOTO_ENV = 'SAGEMAKER_GITOPS_SKIP_MOTO';

/** What `scripts/install-moto.sh` records in the cache folder's installed.json. */
export interface MotoInstallation {
  readonly python: string;
  readonly pythonPath: string;
  readonly motoVersion: string;
}

/** The cache folder `scripts/install-moto.sh` installs into. */
export function motoCacheDir(): string {
  return process.env.MOTO_CACHE_DIR || path.join(os.homedir(), '.cache', 'sagemaker-gitops', 'moto');
}

/**
 * Whether to skip the integration tests: only when SAGEMAKER_GITOPS_SKIP_MOTO=1 and not in CI.
 *
 * @throws Error in CI when SAGEMAKER_GITOPS_SKIP_MOTO is set: CI runs the integration tests
 */
export function motoSkipped(env: NodeJS.ProcessEnv = process.env): boolean {
  const skip = env[SKIP_MOTO_ENV];
  if (skip === undefined || skip === '' || skip === '0') {
    return false;
  }
  if (skip !== '1') {
    throw new Error(`${SKIP_MOTO_ENV} must be 1 (skip the moto integration tests) or 0, got ${skip}`);
  }
  if (env.CI && env.CI !== 'false') {
    throw new Error(`${SKIP_MOTO_ENV}=1 is not allowed in CI (CI=${env.CI}): CI runs the moto integration tests; install moto with \`bash scripts/install-moto.sh\``);
  }
  return true;
}

/**
 * The installation the install script recorded.
 *
 * @throws Error saying how to install moto (or skip) when it is not installed
 */
export function readMotoInstallation(cacheDir: string = motoCacheDir()): MotoInstallation {
  const manifest = path.join(cacheDir, 'installed.json');
  const howTo = `install it with \`bash scripts/install-moto.sh\` (needs the Debian archive, and root the first time to apt-get install bookworm's python3 packages), `
    + `or skip the integration tests outside CI with ${SKIP_MOTO_ENV}=1`;
  if (!fs.existsSync(manifest)) {
    throw new Error(`moto is not installed: ${manifest} does not exist; ${howTo}`);
  }
  const installation = JSON.parse(fs.readFileSync(manifest, 'utf-8')) as Partial<MotoInstallation>;
  if (!installation.python || !installation.pythonPath || !fs.existsSync(path.join(installation.pythonPath, 'moto'))) {
    throw new Error(`moto's installation in ${cacheDir} is incomplete (${manifest} names no usable python and pythonPath); ${howTo}`);
  }
  return installation as MotoInstallation;
}
