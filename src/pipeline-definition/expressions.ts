import { PipelineDefinitionError } from './errors';

/** The value types a pipeline definition carries. */
export type Primitive = string | number | boolean;

/** Something a definition refers to by name; the definition checks each one when it is built. */
export type Reference =
  | { readonly kind: 'parameter'; readonly name: string; readonly type: ParameterType }
  | { readonly kind: 'step'; readonly stepName: string }
  | { readonly kind: 'propertyFile'; readonly stepName: string; readonly propertyFileName: string };

export type ParameterType = 'String' | 'Integer' | 'Float' | 'Boolean';

/** Collects what an expression refers to while it renders. */
export interface RenderContext {
  reference(ref: Reference): void;
}

/**
 * A value SageMaker evaluates when the pipeline runs: a parameter, another step's property,
 * an execution variable, `Std:Join` or `Std:JsonGet`. `T` is the type it evaluates to.
 */
export abstract class Expression<T extends Primitive = Primitive> {
  /** Never set: carries `T` so that a string expression cannot stand where a number is expected. */
  declare protected readonly valueType?: T;

  /** The JSON of this expression in a pipeline definition. */
  public abstract render(ctx: RenderContext): unknown;

  /** A short, human-readable form for error messages. */
  public abstract toString(): string;

  /** Whether the expression evaluates to a string (SageMaker converts other values with `Std:Join`). */
  public get isString(): boolean {
    return false;
  }
}

/** A literal or an expression of type `T`. */
export type Value<T extends Primitive> = T | Expression<T>;

/**
 * A `{ "Get": "<path>" }` expression: a parameter (`Parameters.X`), a step property
 * (`Steps.X.Y`) or an execution variable (`Execution.X`).
 */
export abstract class GetExpression<T extends Primitive = Primitive> extends Expression<T> {
  protected constructor(public readonly path: string) {
    super();
  }

  public render(ctx: RenderContext): unknown {
    this.collect(ctx);
    return { Get: this.path };
  }

  public toString(): string {
    return this.path;
  }

  protected abstract collect(ctx: RenderContext): void;
}

/**
 * A property of another step, such as `ModelArtifacts.S3ModelArtifacts` of a training step or
 * `ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri` of a processing step. Referring to
 * a step's property makes this step run after it.
 */
export class StepProperty<T extends Primitive = string> extends GetExpression<T> {
  /** A property of the step named `stepName`; the definition fails to build if there is no such step. */
  public static of<T extends Primitive = string>(stepName: string, propertyPath: string): StepProperty<T> {
    return new StepProperty<T>(stepName, propertyPath);
  }

  private constructor(public readonly stepName: string, public readonly propertyPath: string) {
    super(`Steps.${stepName}.${propertyPath}`);
    if (!/^[A-Za-z]/.test(propertyPath)) {
      throw new PipelineDefinitionError(`property path of step ${stepName} must start with a property name, got ${JSON.stringify(propertyPath)}`);
    }
  }

  /** Step properties are taken as strings (most are: S3 URIs, ARNs, names). */
  public get isString(): boolean {
    return true;
  }

  protected collect(ctx: RenderContext): void {
    ctx.reference({ kind: 'step', stepName: this.stepName });
  }
}

/** The variables SageMaker sets for each pipeline execution. */
export class ExecutionVariable extends GetExpression<string> {
  public static readonly PIPELINE_EXECUTION_ID = new ExecutionVariable('PipelineExecutionId');
  public static readonly PIPELINE_EXECUTION_ARN = new ExecutionVariable('PipelineExecutionArn');
  public static readonly PIPELINE_NAME = new ExecutionVariable('PipelineName');
  public static readonly PIPELINE_ARN = new ExecutionVariable('PipelineArn');
  public static readonly START_DATE_TIME = new ExecutionVariable('StartDateTime');
  public static readonly CURRENT_DATE_TIME = new ExecutionVariable('CurrentDateTime');

  private constructor(name: string) {
    super(`Execution.${name}`);
  }

  public get isString(): boolean {
    return true;
  }

  protected collect(): void {
    // Execution variables always exist.
  }
}

/** `Std:Join`: the values, converted to strings, joined with `on`. */
export class Join extends Expression<string> {
  constructor(public readonly on: string, public readonly values: readonly Value<Primitive>[]) {
    super();
    if (typeof on !== 'string') {
      throw new PipelineDefinitionError(`join separator must be a string, got ${JSON.stringify(on)}`);
    }
    if (!Array.isArray(values) || values.length === 0) {
      throw new PipelineDefinitionError('join needs at least one value');
    }
  }

  public render(ctx: RenderContext): unknown {
    return { 'Std:Join': { On: this.on, Values: this.values.map((v) => renderValue(v, ctx)) } };
  }

  public get isString(): boolean {
    return true;
  }

  public toString(): string {
    return `join(${JSON.stringify(this.on)}, ${this.values.map(String).join(', ')})`;
  }
}

/**
 * A JSON file that a processing step writes into one of its outputs, registered with the
 * step so that later steps and conditions can read values from it with {@link JsonGet}.
 */
export class PropertyFile {
  private boundStepName?: string;

  /**
   * @param name the property file's name, unique within its step
   * @param outputName the processing output the file is written to
   * @param filePath the file's path relative to that output's local folder
   */
  constructor(public readonly name: string, public readonly outputName: string, public readonly filePath: string) {
    if (typeof filePath !== 'string' || filePath.length === 0 || filePath.startsWith('/')) {
      throw new PipelineDefinitionError(
        `property file ${name}: filePath must be a path relative to the output's folder, such as evaluation.json, got ${JSON.stringify(filePath)}`,
      );
    }
  }

  /** The step that writes this file; set when the file is given to a processing step. */
  public get stepName(): string | undefined {
    return this.boundStepName;
  }

  /** @internal Called by the processing step that declares the file. */
  public bind(stepName: string): void {
    if (this.boundStepName !== undefined && this.boundStepName !== stepName) {
      throw new PipelineDefinitionError(
        `property file ${this.name} is already declared by step ${this.boundStepName}; step ${stepName} needs a property file of its own`,
      );
    }
    this.boundStepName = stepName;
  }

  /** A value read from this file when the pipeline runs, at a JSON path such as `metrics.auc.value`. */
  public get<T extends Primitive = Primitive>(jsonPath: string): JsonGet<T> {
    return new JsonGet<T>(this, jsonPath);
  }
}

/** JSON paths SageMaker's `Std:JsonGet` reads: dotted names with optional `[index]` or `['key']`. */
const JSON_PATH_PATTERN = /^[A-Za-z_][\w-]*(\[\d+\]|\['[^']+'\])*(\.[A-Za-z_][\w-]*(\[\d+\]|\['[^']+'\])*)*$/;

/** `Std:JsonGet`: a value read from a step's property file when the pipeline runs. */
export class JsonGet<T extends Primitive = Primitive> extends Expression<T> {
  /** A value of the property file `propertyFileName` of step `stepName`, referenced by name. */
  public static fromNames<T extends Primitive = Primitive>(stepName: string, propertyFileName: string, jsonPath: string): JsonGet<T> {
    return new JsonGet<T>({ stepName, name: propertyFileName }, jsonPath);
  }

  constructor(private readonly file: Pick<PropertyFile, 'name' | 'stepName'>, public readonly jsonPath: string) {
    super();
    if (typeof jsonPath !== 'string' || !JSON_PATH_PATTERN.test(jsonPath)) {
      throw new PipelineDefinitionError(
        `json path of property file ${file.name} must be dotted property names with optional [index], such as classification_metrics.auc_score.value, got ${JSON.stringify(jsonPath)}`,
      );
    }
  }

  public render(ctx: RenderContext): unknown {
    const stepName = this.file.stepName;
    if (stepName === undefined) {
      throw new PipelineDefinitionError(
        `property file ${this.file.name} is read (${this.jsonPath}) but no processing step declares it: pass it in a processing step's propertyFiles`,
      );
    }
    ctx.reference({ kind: 'propertyFile', stepName, propertyFileName: this.file.name });
    return { 'Std:JsonGet': { PropertyFile: { Get: `Steps.${stepName}.PropertyFiles.${this.file.name}` }, Path: this.jsonPath } };
  }

  public toString(): string {
    return `${this.file.stepName ?? '?'}.${this.file.name}:${this.jsonPath}`;
  }
}

/** The JSON of a literal or an expression. */
export function renderValue(value: Value<Primitive>, ctx: RenderContext): unknown {
  return value instanceof Expression ? value.render(ctx) : value;
}

/**
 * Renders an argument tree: expressions become their JSON, `undefined` fields and empty
 * objects are dropped, everything else is kept as is.
 */
export function renderTree(tree: unknown, ctx: RenderContext): unknown {
  if (tree instanceof Expression) {
    return tree.render(ctx);
  }
  if (Array.isArray(tree)) {
    return tree.map((item) => renderTree(item, ctx));
  }
  if (typeof tree === 'object' && tree !== null) {
    const entries = Object.entries(tree)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, renderTree(v, ctx)] as const)
      .filter(([, v]) => !(isPlainObject(v) && Object.keys(v).length === 0));
    return Object.fromEntries(entries);
  }
  return tree;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A string form of a value: literals become strings, string expressions stay, other
 * expressions are wrapped in a one-value `Std:Join` (how SageMaker converts them).
 */
export function toStringValue(value: Value<Primitive>): Value<string> {
  if (value instanceof Expression) {
    return value.isString ? (value as Expression<string>) : new Join('', [value]);
  }
  return String(value);
}
