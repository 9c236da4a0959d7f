import * as fs from 'node:fs';
import * as path from 'node:path';
import { CliError, UsageError, missingFile, missingFileOf } from '../aws/errors';
import { CONFIG_FILE_NAME, ConfigError, ProjectConfig, readProjectConfig } from '../config';

/**
 * The project config a command reads: `--config <file>`, else the sagemaker-gitops.json of the
 * repository it runs in (the current folder).
 *
 * @param purpose what the command reads from it, for the message when there is none
 * @param otherwise how else to run the command without it (", or pass ..."), if there is a way
 */
export function loadRepoConfig(file: string | undefined, purpose: string, otherwise = ''): ProjectConfig {
  const chosen = file ?? path.join(process.cwd(), CONFIG_FILE_NAME);
  if (file === undefined && !fs.existsSync(chosen)) {
    throw missingFile(new CliError(
      `no ${CONFIG_FILE_NAME} in ${process.cwd()} to read ${purpose} from: run the command in the model-build or model-deploy repository` +
      `${otherwise ? ', ' : ' or '}pass --config <file>${otherwise}`,
    ), chosen);
  }
  if (!fs.existsSync(chosen)) {
    throw missingFile(new CliError(`config file ${chosen} does not exist (--config)`), chosen);
  }
  return readInputFile(() => readProjectConfig(chosen));
}

/**
 * Runs `read`, a read of a file the command was given or reads in its folder: a ConfigError about
 * the file's content (not JSON, a field out of range) becomes a UsageError with the same message,
 * exit 2 as for a missing file (the README's exit codes); a missing file stays marked as such.
 */
export function readInputFile<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof ConfigError && missingFileOf(err) === undefined) {
      throw new UsageError(err.message);
    }
    throw err;
  }
}
