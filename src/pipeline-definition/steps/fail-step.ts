import { Value } from '../expressions';
import { Step, StepProps } from './step';

export interface FailStepProps extends StepProps {
  /** Why the execution failed: a literal or an expression such as a `Join` of values. */
  readonly errorMessage: Value<string>;
}

/** Ends the execution with status `Failed` and a message. */
export class FailStep extends Step {
  public readonly type = 'Fail';

  constructor(private readonly props: FailStepProps) {
    super(props);
    if (props.errorMessage === undefined || props.errorMessage === '') {
      this.fail('needs an error message that says why the execution failed');
    }
  }

  /** The message, as given. */
  public get errorMessage(): Value<string> {
    return this.props.errorMessage;
  }

  protected renderArguments(): unknown {
    return { ErrorMessage: this.props.errorMessage };
  }
}
