/**
 * A pipeline definition that SageMaker would reject or that cannot run: a bad name, a
 * reference to something that is not in the pipeline, a cycle. The message names the step
 * or parameter, the bad value and what is allowed.
 */
export class PipelineDefinitionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PipelineDefinitionError';
  }
}

/** A bad value as an error message shows it: its JSON, except numbers JSON cannot hold (`NaN`, `Infinity`), which JSON shows as null. */
export function describeValue(value: unknown): string {
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}
