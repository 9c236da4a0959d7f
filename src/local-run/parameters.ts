import { PIPELINE_PARAMETER_LIMITS } from '../aws/pipeline-execution-limits';
import { Parameter, ParameterFloat, Primitive } from '../pipeline-definition';
import { LocalRunParameterError } from './errors';

/** A String parameter's `EnumValues`, as its declaration in the pipeline definition lists them. */
export function enumValues(parameter: Parameter): readonly string[] | undefined {
  const values = parameter.declaration().EnumValues;
  return Array.isArray(values) ? values.map(String) : undefined;
}

/**
 * The value of every parameter of a pipeline for one local run: the given value (a string from
 * `--parameter K=V`, typed by the parameter's type) or the parameter's default.
 *
 * Checks what the definition's parameters say: a String parameter's `EnumValues` (which
 * SageMaker checks when an execution starts), a Float parameter's range.
 *
 * @throws LocalRunParameterError for a parameter the pipeline does not declare (naming the
 *   declared ones), a value of the wrong type or not allowed, or a parameter without a default
 *   that is not given
 */
export function resolveParameterValues(declared: readonly Parameter[], given: Readonly<Record<string, string>> = {}): Record<string, Primitive> {
  const byName = new Map(declared.map((p) => [p.name, p]));
  for (const name of Object.keys(given)) {
    if (!byName.has(name)) {
      const names = [...byName.keys()];
      throw new LocalRunParameterError(
        `the pipeline declares no parameter ${name}; declared: ${names.length > 0 ? names.join(', ') : 'none'}`,
      );
    }
  }
  const values: Record<string, Primitive> = {};
  for (const parameter of declared) {
    const text = given[parameter.name];
    if (text !== undefined) {
      values[parameter.name] = parseParameterValue(parameter, text);
    } else if (parameter.defaultValue !== undefined) {
      values[parameter.name] = parameter.defaultValue;
    } else {
      throw new LocalRunParameterError(
        `parameter ${parameter.name} has no default value: give one with --parameter ${parameter.name}=<${parameter.parameterType.toLowerCase()}>`,
      );
    }
  }
  return values;
}

/**
 * A `--parameter` value as the parameter's type: Integer (a whole number), Float (a finite
 * number), Boolean (true or false) or String (as given).
 *
 * @throws LocalRunParameterError naming the parameter, its type and the value
 */
export function parseParameterValue(parameter: Parameter, text: string): Primitive {
  const name = parameter.name;
  // StartPipelineExecution takes each value as a string of at most 1024 characters.
  if (text.length > PIPELINE_PARAMETER_LIMITS.maxValueLength) {
    throw new LocalRunParameterError(`parameter ${name}: a value is at most ${PIPELINE_PARAMETER_LIMITS.maxValueLength} characters, got ${text.length}`);
  }
  switch (parameter.parameterType) {
    case 'Integer': {
      const value = /^[+-]?\d+$/.test(text.trim()) ? Number(text) : NaN;
      if (!Number.isSafeInteger(value)) {
        throw new LocalRunParameterError(`parameter ${name} is an Integer: give a whole number, got ${JSON.stringify(text)}`);
      }
      return value;
    }
    case 'Float': {
      // A decimal number, as the user writes one (Number() would also take 0x1, 0b1 and Infinity).
      const value = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text.trim()) ? Number(text) : NaN;
      if (!Number.isFinite(value)) {
        throw new LocalRunParameterError(`parameter ${name} is a Float: give a number such as 0.75, got ${JSON.stringify(text)}`);
      }
      const range = parameter instanceof ParameterFloat ? parameter.range : undefined;
      if (range !== undefined && (value < range[0] || value > range[1])) {
        throw new LocalRunParameterError(`parameter ${name} must be between ${range[0]} and ${range[1]}, got ${value}`);
      }
      return value;
    }
    case 'Boolean': {
      const value = text.trim().toLowerCase();
      if (value !== 'true' && value !== 'false') {
        throw new LocalRunParameterError(`parameter ${name} is a Boolean: give true or false, got ${JSON.stringify(text)}`);
      }
      return value === 'true';
    }
    case 'String': {
      // The values the declaration gives SageMaker (EnumValues), so the local run accepts what an execution would.
      const allowed = enumValues(parameter);
      if (allowed !== undefined && !allowed.includes(text)) {
        throw new LocalRunParameterError(`parameter ${name} must be one of ${allowed.join(', ')}, got ${JSON.stringify(text)}`);
      }
      return text;
    }
  }
}
