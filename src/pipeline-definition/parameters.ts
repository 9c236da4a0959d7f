import { PipelineDefinitionError, describeValue } from './errors';
import { GetExpression, ParameterType, Primitive, RenderContext } from './expressions';
import { checkPipelineName } from './names';

export interface ParameterProps<T> {
  /** The parameter's name (letters, digits, '-' and '_'; at most 64 characters). */
  readonly name: string;
  /**
   * The value an execution uses when it does not set one.
   * @default - none: every execution must set the parameter
   */
  readonly defaultValue?: T;
  /**
   * What the parameter is for.
   * @default - no description
   */
  readonly description?: string;
}

/** A pipeline parameter: its value is set per execution and read with `{ "Get": "Parameters.<name>" }`. */
export abstract class Parameter<T extends Primitive = Primitive> extends GetExpression<T> {
  public readonly name: string;
  public readonly defaultValue?: T;
  public readonly description?: string;
  public abstract readonly parameterType: ParameterType;

  protected constructor(props: ParameterProps<T>) {
    super(`Parameters.${props.name}`);
    checkPipelineName('parameter name', props.name);
    if (props.description !== undefined && props.description.length > 4096) {
      throw new PipelineDefinitionError(`parameter ${props.name}: description is ${props.description.length} characters long; SageMaker allows at most 4096`);
    }
    this.name = props.name;
    this.defaultValue = props.defaultValue;
    this.description = props.description;
  }

  /** The parameter's entry in the definition's `Parameters` list. */
  public declaration(): Record<string, unknown> {
    return {
      Name: this.name,
      Type: this.parameterType,
      ...(this.defaultValue !== undefined ? { DefaultValue: this.defaultValue } : {}),
      ...(this.description !== undefined ? { Description: this.description } : {}),
      ...this.extraDeclaration(),
    };
  }

  /** Fields a parameter type adds to its declaration. */
  protected extraDeclaration(): Record<string, unknown> {
    return {};
  }

  protected collect(ctx: RenderContext): void {
    ctx.reference({ kind: 'parameter', name: this.name, type: this.parameterType });
  }
}

export interface StringParameterProps extends ParameterProps<string> {
  /**
   * The values an execution may set; the default value must be one of them. Declared as the
   * parameter's `EnumValues`, as SageMaker's Python SDK writes them
   * (`ParameterString(enum_values=...)`), so that SageMaker checks the value an execution sets;
   * the local run checks it too.
   * @default - any string
   */
  readonly allowedValues?: readonly string[];
}

export class ParameterString extends Parameter<string> {
  public readonly parameterType = 'String';
  public readonly allowedValues?: readonly string[];

  constructor(props: StringParameterProps) {
    super(props);
    if (props.defaultValue !== undefined && (typeof props.defaultValue !== 'string' || props.defaultValue.length > 4096)) {
      throw new PipelineDefinitionError(`parameter ${props.name}: default value must be a string of at most 4096 characters, got ${JSON.stringify(props.defaultValue)}`);
    }
    if (props.allowedValues !== undefined) {
      checkAllowedValues(props.name, props.allowedValues);
    }
    if (props.allowedValues !== undefined && props.defaultValue !== undefined && !props.allowedValues.includes(props.defaultValue)) {
      throw new PipelineDefinitionError(
        `parameter ${props.name}: default value ${JSON.stringify(props.defaultValue)} is not one of its allowed values ${props.allowedValues.join(', ')}`,
      );
    }
    this.allowedValues = props.allowedValues;
  }

  public get isString(): boolean {
    return true;
  }

  protected extraDeclaration(): Record<string, unknown> {
    return this.allowedValues !== undefined ? { EnumValues: [...this.allowedValues] } : {};
  }
}

/** A string parameter's allowed values: at least one, each a string of at most 4096 characters (as a default value), no repeats. */
function checkAllowedValues(name: string, values: readonly string[]): void {
  if (!Array.isArray(values) || values.length === 0) {
    throw new PipelineDefinitionError(`parameter ${name}: allowedValues must list at least one value, got ${JSON.stringify(values)}`);
  }
  const seen = new Set<string>();
  for (const value of values) {
    if (typeof value !== 'string' || value.length > 4096) {
      throw new PipelineDefinitionError(`parameter ${name}: each allowed value must be a string of at most 4096 characters, got ${describeValue(value)}`);
    }
    if (seen.has(value)) {
      throw new PipelineDefinitionError(`parameter ${name}: allowed value ${JSON.stringify(value)} is listed twice`);
    }
    seen.add(value);
  }
}

export class ParameterInteger extends Parameter<number> {
  public readonly parameterType = 'Integer';

  constructor(props: ParameterProps<number>) {
    super(props);
    if (props.defaultValue !== undefined && !Number.isSafeInteger(props.defaultValue)) {
      throw new PipelineDefinitionError(`parameter ${props.name}: default value must be an integer, got ${describeValue(props.defaultValue)}`);
    }
  }
}

export interface FloatParameterProps extends ParameterProps<number> {
  /**
   * The smallest and largest value the parameter may take; the default value must lie within.
   * Checked by the tools of this package (SageMaker itself accepts any number): the definition
   * keeps it in its Metadata (parameter-ranges.ts), where `run-pipeline` reads it.
   * @default - any number
   */
  readonly range?: readonly [number, number];
}

export class ParameterFloat extends Parameter<number> {
  public readonly parameterType = 'Float';
  public readonly range?: readonly [number, number];

  constructor(props: FloatParameterProps) {
    super(props);
    const value = props.defaultValue;
    if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value))) {
      throw new PipelineDefinitionError(`parameter ${props.name}: default value must be a finite number, got ${describeValue(value)}`);
    }
    if (props.range !== undefined && value !== undefined && (value < props.range[0] || value > props.range[1])) {
      throw new PipelineDefinitionError(
        `parameter ${props.name} must be between ${props.range[0]} and ${props.range[1]}, got ${value}`,
      );
    }
    this.range = props.range;
  }
}

export class ParameterBoolean extends Parameter<boolean> {
  public readonly parameterType = 'Boolean';

  constructor(props: ParameterProps<boolean>) {
    super(props);
    if (props.defaultValue !== undefined && typeof props.defaultValue !== 'boolean') {
      throw new PipelineDefinitionError(`parameter ${props.name}: default value must be true or false, got ${JSON.stringify(props.defaultValue)}`);
    }
  }
}
