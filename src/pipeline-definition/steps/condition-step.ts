import { Condition } from '../conditions';
import { RenderContext, StepProperty } from '../expressions';
import { Step, StepProps, StepType } from './step';

/** Step types the definition schema allows inside a condition's branches. */
export const BRANCH_STEP_TYPES: readonly StepType[] = ['Training', 'Fail', 'Processing', 'Transform', 'RegisterModel'];

export interface ConditionStepProps extends StepProps {
  /** The conditions; the `if` branch runs when all of them hold. */
  readonly conditions: readonly Condition[];
  /**
   * Steps (or names of steps of the pipeline) that run when the conditions hold.
   * @default - none
   */
  readonly ifSteps?: ReadonlyArray<Step | string>;
  /**
   * Steps (or names of steps of the pipeline) that run otherwise.
   * @default - none
   */
  readonly elseSteps?: ReadonlyArray<Step | string>;
}

/** Runs one branch of steps or the other, depending on conditions. */
export class ConditionStep extends Step {
  public readonly type = 'Condition';
  public readonly conditions: readonly Condition[];
  public readonly ifSteps: ReadonlyArray<Step | string>;
  public readonly elseSteps: ReadonlyArray<Step | string>;

  constructor(props: ConditionStepProps) {
    super(props);
    if (!Array.isArray(props.conditions) || props.conditions.length === 0) {
      this.fail('needs at least one condition');
    }
    this.conditions = props.conditions;
    this.ifSteps = props.ifSteps ?? [];
    this.elseSteps = props.elseSteps ?? [];
    if (this.ifSteps.length === 0 && this.elseSteps.length === 0) {
      this.fail('has no steps in either branch');
    }
  }

  /** Whether the conditions held (`Outcome`). */
  public get outcome(): StepProperty<boolean> {
    return this.property<boolean>('Outcome');
  }

  public get nestedSteps(): ReadonlyArray<Step | string> {
    return [...this.ifSteps, ...this.elseSteps];
  }

  protected renderArguments(ctx: RenderContext, resolve: (name: string) => Step): unknown {
    // The definition checks each branch step's own references when it renders that step.
    const quiet: RenderContext = { reference: () => undefined };
    const branch = (steps: ReadonlyArray<Step | string>) =>
      steps.map((s) => resolve(typeof s === 'string' ? s : s.name).render(quiet, resolve));
    return {
      Conditions: this.conditions.flatMap((c) => c.renderAll(ctx)),
      IfSteps: branch(this.ifSteps),
      ElseSteps: branch(this.elseSteps),
    };
  }
}
