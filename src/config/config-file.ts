import * as fs from 'node:fs';
import { ConfigError } from './errors';
import { ProjectConfig, resolveProjectConfig } from './project-config';

/** Name of the config file that MlopsProject writes into each generated repository. */
export const CONFIG_FILE_NAME = 'sagemaker-gitops.json';
/** Version of the config file format; a reader refuses other versions. */
export const CONFIG_FILE_VERSION = 1;

/** The config file's JSON: the resolved project, stamped with the format version. */
export function renderConfigFile(config: ProjectConfig): Record<string, unknown> {
  return { configVersion: CONFIG_FILE_VERSION, ...config };
}

/** Reads and checks a config file written by MlopsProject. */
export function readProjectConfig(file: string): ProjectConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf-8');
  } catch (err) {
    throw new ConfigError(`cannot read the project config file ${file}: ${(err as Error).message}`);
  }
  return parseProjectConfig(text, file);
}

/** Parses and checks the text of a config file; `origin` names it in errors. */
export function parseProjectConfig(text: string, origin: string): ProjectConfig {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`${origin} is not valid JSON: ${(err as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ConfigError(`${origin} must hold a JSON object, got ${JSON.stringify(data)}`);
  }
  // '//' is the generator's marker comment.
  const { configVersion, '//': _marker, ...options } = data as Record<string, unknown>;
  if (configVersion !== CONFIG_FILE_VERSION) {
    throw new ConfigError(
      `${origin} has configVersion ${JSON.stringify(configVersion)} but this version of sagemaker-gitops reads ${CONFIG_FILE_VERSION}: ` +
      'regenerate the repository with `npx projen` using a matching sagemaker-gitops version',
    );
  }
  try {
    return resolveProjectConfig(options as unknown as Parameters<typeof resolveProjectConfig>[0]);
  } catch (err) {
    if (err instanceof ConfigError) {
      throw new ConfigError(`${origin}: ${err.message}`);
    }
    throw err;
  }
}
