import * as fs from 'node:fs';
import * as path from 'node:path';
import { CliError, missingFile } from '../aws/errors';
import { CONFIG_FILE_NAME, ProjectConfig, readProjectConfig } from '../config';

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
  return readProjectConfig(chosen);
}
