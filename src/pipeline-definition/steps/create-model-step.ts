import { StepProperty, Value } from '../expressions';
import { RetryPolicy, renderRetryPolicies } from './policies';
import { REQUEST_LIMITS, literalText, mapProblem } from './request-limits';
import { Step, StepProps } from './step';

/** `s3://` or `https://` URLs, as the definition schema requires for a model's data. */
const MODEL_DATA_URL = /^(https|s3):\/\/([^/]+)\/?(.*)$/;

export interface CreateModelStepProps extends StepProps {
  /** The IAM role SageMaker assumes to run the model. */
  readonly executionRoleArn: Value<string>;
  /**
   * A model package (e.g. a register step's `modelPackageArn`) to create the model from.
   * Give either this or `image`.
   * @default - none
   */
  readonly modelPackageName?: Value<string>;
  /**
   * The inference image. Give either this or `modelPackageName`.
   * @default - none
   */
  readonly image?: Value<string>;
  /**
   * The model artifacts with `image`. The definition schema only allows a literal URL here;
   * to create a model from a training step's output, register it and use `modelPackageName`.
   * @default - none
   */
  readonly modelDataUrl?: string;
  /** @default - none */
  readonly environment?: Readonly<Record<string, Value<string>>>;
  /** @default - no retries beyond SageMaker's defaults */
  readonly retryPolicies?: readonly RetryPolicy[];
}

/** Creates a SageMaker model (step type `Model`). */
export class CreateModelStep extends Step {
  public readonly type = 'Model';
  private readonly policies: Record<string, unknown>;

  constructor(private readonly props: CreateModelStepProps) {
    super(props);
    // Policies are checked (and rendered) when the step is created.
    this.policies = {
      RetryPolicies: renderRetryPolicies(this.name, props.retryPolicies, false),
    };
    if ((props.image === undefined) === (props.modelPackageName === undefined)) {
      this.fail('give either image (with modelDataUrl) or modelPackageName, exactly one of them');
    }
    if (props.modelDataUrl !== undefined && (props.image === undefined || !MODEL_DATA_URL.test(props.modelDataUrl))) {
      this.fail(`modelDataUrl goes with image and must be an s3:// or https:// URL, got ${JSON.stringify(props.modelDataUrl)}`);
    }
    this.refuse(mapProblem(props.environment, 'environment', REQUEST_LIMITS.model.environment, REQUEST_LIMITS.model.api, literalText));
  }

  /** The created model's name (`ModelName`). */
  public get modelName(): StepProperty<string> {
    return this.property('ModelName');
  }

  protected renderExtras(): Record<string, unknown> {
    return this.policies;
  }

  protected renderArguments(): unknown {
    const p = this.props;
    return {
      ExecutionRoleArn: p.executionRoleArn,
      PrimaryContainer: {
        Image: p.image,
        ModelDataUrl: p.modelDataUrl,
        ModelPackageName: p.modelPackageName,
        Environment: p.environment,
      },
    };
  }
}
