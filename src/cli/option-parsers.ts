import { InvalidArgumentError } from 'commander';
import { ConfigError, MODEL_PACKAGE_GROUP_NAME_PATTERN, checkProjectName } from '../config';

/**
 * Commander parser for `--group <name>`: a model package group name as SageMaker allows it.
 *
 * @throws InvalidArgumentError (a usage error, exit 2) naming the value and the pattern
 */
export function parseGroupName(value: string): string {
  if (!MODEL_PACKAGE_GROUP_NAME_PATTERN.test(value)) {
    throw new InvalidArgumentError(
      `model package group name must be 1 to 63 letters, digits and hyphens, starting and ending with a letter or digit (${MODEL_PACKAGE_GROUP_NAME_PATTERN.source}), got ${value}`,
    );
  }
  return value;
}

/**
 * Commander parser for `--project <name>`: the rule `projectName` follows in .projenrc.ts.
 *
 * @throws InvalidArgumentError (a usage error, exit 2) with the rule's message
 */
export function parseProjectName(value: string): string {
  try {
    checkProjectName('project name', value);
  } catch (err) {
    if (err instanceof ConfigError) {
      throw new InvalidArgumentError(err.message);
    }
    throw err;
  }
  return value;
}

/**
 * Commander collector for a repeatable `--parameter KEY=VALUE`: the values so far by key.
 *
 * @throws InvalidArgumentError (a usage error, exit 2) for a value without `=` or a key, or a key given twice
 */
export function collectParameter(value: string, previous: Readonly<Record<string, string>> = {}): Record<string, string> {
  const separator = value.indexOf('=');
  if (separator < 1) {
    throw new InvalidArgumentError(`parameter must be KEY=VALUE with a non-empty KEY, got ${value}`);
  }
  const key = value.slice(0, separator);
  if (key in previous) {
    throw new InvalidArgumentError(`parameter ${key} is given twice`);
  }
  return { ...previous, [key]: value.slice(separator + 1) };
}
