/**
 * What StartPipelineExecution accepts (Amazon SageMaker API Reference, StartPipelineExecution and
 * the Parameter data type), checked before the call. No AWS SDK import: the CLI's option parsers
 * use it, and `--help` loads no SDK client (test/cli/commands.test.ts).
 */

/** What to start. */
export interface StartPipelineExecutionOptions {
  readonly pipelineName: string;
  /**
   * Values of the pipeline's parameters, by name.
   * @default - the pipeline's defaults
   */
  readonly parameters?: Readonly<Record<string, string>>;
  /**
   * The execution's display name.
   * @default - SageMaker's generated name
   */
  readonly displayName?: string;
}

/**
 * What StartPipelineExecution takes in `PipelineParameters` (Amazon SageMaker API Reference,
 * StartPipelineExecution and the Parameter data type): at most 200 parameters, each value at most
 * 1024 characters.
 */
export const PIPELINE_PARAMETER_LIMITS = { maxCount: 200, maxValueLength: 1024 } as const;

/** The Parameter data type's `Name`: 1 to 256 letters, digits, hyphens and underscores. */
export const PIPELINE_PARAMETER_NAME_PATTERN = /^[A-Za-z0-9\-_]{1,256}$/;

/** StartPipelineExecution's `PipelineExecutionDisplayName`: 1 to 82 letters, digits and inner hyphens. */
export const PIPELINE_EXECUTION_DISPLAY_NAME_PATTERN = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,81}$/;

/**
 * What StartPipelineExecution would refuse in the options (a display name, a parameter's name or
 * value, their number), or undefined. A value's length is counted in UTF-16 units, never fewer
 * than its characters, so a value that passes is never too long for SageMaker.
 */
export function startPipelineExecutionProblem(options: StartPipelineExecutionOptions): string | undefined {
  const { displayName } = options;
  if (displayName !== undefined && (displayName.length > 82 || !PIPELINE_EXECUTION_DISPLAY_NAME_PATTERN.test(displayName))) {
    return `the execution's display name must be 1 to 82 letters, digits and hyphens, starting and ending with a letter or digit (${PIPELINE_EXECUTION_DISPLAY_NAME_PATTERN.source}), got ${JSON.stringify(displayName)}`;
  }
  const entries = Object.entries(options.parameters ?? {});
  const { maxCount, maxValueLength } = PIPELINE_PARAMETER_LIMITS;
  if (entries.length > maxCount) {
    return `StartPipelineExecution takes at most ${maxCount} pipeline parameters, got ${entries.length}`;
  }
  for (const [name, value] of entries) {
    if (!PIPELINE_PARAMETER_NAME_PATTERN.test(name)) {
      return `parameter name must be 1 to 256 letters, digits, hyphens and underscores (${PIPELINE_PARAMETER_NAME_PATTERN.source}, StartPipelineExecution), got ${JSON.stringify(name)}`;
    }
    if (value.length > maxValueLength) {
      return `parameter ${name} must have a value of at most ${maxValueLength} characters (StartPipelineExecution), got ${value.length}: ${JSON.stringify(value.slice(0, 40))}...`;
    }
  }
  return undefined;
}
