import { PipelineDefinitionError } from './errors';

/** SageMaker's pattern for step, parameter and property file names (1 to 64 characters). */
export const STEP_NAME_PATTERN = /^[A-Za-z0-9\-_]{1,64}$/;
export const STEP_NAME_MAX_LENGTH = 64;

/** Throws unless `value` is a name SageMaker accepts for a step, parameter or property file. */
export function checkPipelineName(what: string, value: string): void {
  if (typeof value !== 'string' || value.length === 0) {
    throw new PipelineDefinitionError(`${what} must be a non-empty string, got ${JSON.stringify(value)}`);
  }
  if (value.length > STEP_NAME_MAX_LENGTH) {
    throw new PipelineDefinitionError(
      `${what} ${JSON.stringify(value)} is ${value.length} characters long; SageMaker allows at most ${STEP_NAME_MAX_LENGTH}`,
    );
  }
  const bad = [...value].find((ch) => !/[A-Za-z0-9\-_]/.test(ch));
  if (bad !== undefined) {
    throw new PipelineDefinitionError(
      `${what} ${JSON.stringify(value)} contains ${JSON.stringify(bad)}; SageMaker allows only letters, digits, '-' and '_'`,
    );
  }
}
