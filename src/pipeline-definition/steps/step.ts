import { PipelineDefinitionError } from '../errors';
import { Primitive, RenderContext, StepProperty, renderTree } from '../expressions';
import { checkPipelineName } from '../names';

/** The `Type` of each step kind this builder writes. */
export type StepType = 'Processing' | 'Training' | 'Condition' | 'RegisterModel' | 'Model' | 'Transform' | 'Fail';

export interface StepProps {
  /** The step's name, unique in the pipeline (letters, digits, '-' and '_'; at most 64 characters). */
  readonly name: string;
  /**
   * The name Studio shows.
   * @default - the step's name
   */
  readonly displayName?: string;
  /**
   * What the step does.
   * @default - no description
   */
  readonly description?: string;
  /**
   * Steps (or names of steps) that must finish before this one starts, in addition to the
   * steps whose properties this one reads.
   * @default - none
   */
  readonly dependsOn?: ReadonlyArray<Step | string>;
}

/** A step of a SageMaker pipeline definition. */
export abstract class Step {
  public readonly name: string;
  public readonly displayName?: string;
  public readonly description?: string;
  public abstract readonly type: StepType;
  private readonly dependsOn: ReadonlyArray<Step | string>;

  protected constructor(props: StepProps) {
    checkPipelineName('step name', props.name);
    if (props.displayName !== undefined) {
      checkPipelineName(`step ${props.name}: display name`, props.displayName);
    }
    if (props.description !== undefined && props.description.length > 4096) {
      throw new PipelineDefinitionError(`step ${props.name}: description is ${props.description.length} characters long; SageMaker allows at most 4096`);
    }
    this.name = props.name;
    this.displayName = props.displayName;
    this.description = props.description;
    this.dependsOn = props.dependsOn ?? [];
  }

  /** A property of this step, read when the pipeline runs (`Steps.<name>.<path>`). */
  public property<T extends Primitive = string>(propertyPath: string): StepProperty<T> {
    return StepProperty.of<T>(this.name, propertyPath);
  }

  /** Names of the steps this one explicitly depends on. */
  public get dependsOnNames(): string[] {
    return this.dependsOn.map((s) => (typeof s === 'string' ? s : s.name));
  }

  /** Steps nested in this one (a condition's branches); names are resolved by the definition. */
  public get nestedSteps(): ReadonlyArray<Step | string> {
    return [];
  }

  /**
   * The step's JSON.
   * @param ctx collects references
   * @param resolve finds the step of a name (for nested steps)
   */
  public render(ctx: RenderContext, resolve: (name: string) => Step): Record<string, unknown> {
    const dependsOn = this.dependsOnNames;
    return renderTree({
      Name: this.name,
      Type: this.type,
      ...(dependsOn.length > 0 ? { DependsOn: dependsOn } : {}),
      DisplayName: this.displayName,
      Description: this.description,
      ...this.renderExtras(),
      Arguments: this.renderArguments(ctx, resolve),
    }, ctx) as Record<string, unknown>;
  }

  /** The step's `Arguments` (a tree that may hold expressions). */
  protected abstract renderArguments(ctx: RenderContext, resolve: (name: string) => Step): unknown;

  /** Step-level fields other than the common ones (retry and cache policies, property files). */
  protected renderExtras(): Record<string, unknown> {
    return {};
  }

  /**
   * Fails with the first of `problems` (what a request refuses in this step's arguments, from
   * request-limits.ts), if any.
   */
  protected refuse(...problems: Array<string | undefined>): void {
    const problem = problems.find((p) => p !== undefined);
    if (problem !== undefined) {
      this.fail(problem);
    }
  }

  /** Throws a PipelineDefinitionError naming this step. */
  protected fail(message: string): never {
    throw new PipelineDefinitionError(`step ${this.name}: ${message}`);
  }
}
