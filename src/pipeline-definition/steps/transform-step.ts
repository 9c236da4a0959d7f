import { StepProperty, Value } from '../expressions';
import { CacheConfig, RetryPolicy, renderCacheConfig, renderRetryPolicies } from './policies';
import { checkPositiveIntegerValue } from './job-resources';
import { Step, StepProps } from './step';

export interface TransformStepProps extends StepProps {
  /** The SageMaker model to run (e.g. a create-model step's `modelName`). */
  readonly modelName: Value<string>;
  /** The instance type, such as ml.m5.large. */
  readonly instanceType: Value<string>;
  /** @default 1 */
  readonly instanceCount?: Value<number>;
  /** The S3 URI (object or prefix) of the input. */
  readonly inputUri: Value<string>;
  /** @default "text/csv" */
  readonly contentType?: Value<string>;
  /**
   * How records are split: `Line` sends one line per record.
   * @default "Line"
   */
  readonly splitType?: 'None' | 'Line' | 'RecordIO' | 'TFRecord';
  /** Where the results go. */
  readonly outputPath: Value<string>;
  /** @default "text/csv" */
  readonly accept?: Value<string>;
  /** @default "Line" */
  readonly assembleWith?: 'None' | 'Line';
  /**
   * `Input` joins each result to its input record.
   * @default "None"
   */
  readonly joinSource?: 'None' | 'Input';
  /** @default - whole records */
  readonly inputFilter?: Value<string>;
  /** @default - whole results */
  readonly outputFilter?: Value<string>;
  /** @default - the bucket's default encryption */
  readonly outputKmsKeyId?: Value<string>;
  /** @default - no retries beyond SageMaker's defaults */
  readonly retryPolicies?: readonly RetryPolicy[];
  /** @default - no caching */
  readonly cache?: CacheConfig;
}

/** TransformResources.InstanceCount: 1..100 (SageMaker API Reference, TransformResources). */
const MAX_TRANSFORM_INSTANCES = 100;
/** DataProcessing InputFilter and OutputFilter: at most 63 characters (SageMaker API Reference, DataProcessing). */
const MAX_FILTER_LENGTH = 63;

/** A SageMaker batch transform job. */
export class TransformStep extends Step {
  public readonly type = 'Transform';
  private readonly policies: Record<string, unknown>;

  constructor(private readonly props: TransformStepProps) {
    super(props);
    // Policies are checked (and rendered) when the step is created.
    this.policies = {
      RetryPolicies: renderRetryPolicies(this.name, props.retryPolicies, true),
      CacheConfig: renderCacheConfig(this.name, props.cache),
    };
    checkPositiveIntegerValue(this.name, 'instanceCount', props.instanceCount);
    this.checkLimits(props);
  }

  /** Where the results were written (`TransformOutput.S3OutputPath`). */
  public get outputPath(): StepProperty<string> {
    return this.property('TransformOutput.S3OutputPath');
  }

  /**
   * What CreateTransformJob refuses, for the values known when the definition is built: an
   * InstanceCount above 100 (SageMaker API Reference, TransformResources); a filter longer than 63
   * characters (DataProcessing); and, joining results to CSV input, a split or an assembly other than
   * Line (Developer Guide, "Associate Prediction Results with Input Records": with text/csv input and
   * output, SplitType and AssembleWith must be Line).
   */
  private checkLimits(p: TransformStepProps): void {
    if (typeof p.instanceCount === 'number' && p.instanceCount > MAX_TRANSFORM_INSTANCES) {
      this.fail(`instanceCount must be at most ${MAX_TRANSFORM_INSTANCES} (TransformResources.InstanceCount), got ${p.instanceCount}`);
    }
    for (const [field, filter] of [['inputFilter', p.inputFilter], ['outputFilter', p.outputFilter]] as const) {
      if (typeof filter === 'string' && filter.length > MAX_FILTER_LENGTH) {
        this.fail(`${field} must be at most ${MAX_FILTER_LENGTH} characters (DataProcessing), got ${filter.length}: ${JSON.stringify(filter)}`);
      }
    }
    const csv = (value: Value<string> | undefined) => value === undefined || value === 'text/csv';
    if (p.joinSource === 'Input' && csv(p.contentType) && csv(p.accept)) {
      for (const [field, value] of [['splitType', p.splitType], ['assembleWith', p.assembleWith]] as const) {
        if (value !== undefined && value !== 'Line') {
          this.fail(`${field} must be Line to join results to text/csv input (joinSource Input), got ${value}: SageMaker joins each result to its input line`);
        }
      }
    }
  }

  protected renderExtras(): Record<string, unknown> {
    return this.policies;
  }

  protected renderArguments(): unknown {
    const p = this.props;
    return {
      ModelName: p.modelName,
      TransformInput: {
        DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: p.inputUri } },
        ContentType: p.contentType ?? 'text/csv',
        SplitType: p.splitType ?? 'Line',
      },
      TransformOutput: { S3OutputPath: p.outputPath, Accept: p.accept ?? 'text/csv', AssembleWith: p.assembleWith ?? 'Line', KmsKeyId: p.outputKmsKeyId },
      TransformResources: { InstanceType: p.instanceType, InstanceCount: p.instanceCount ?? 1 },
      DataProcessing: (p.joinSource ?? p.inputFilter ?? p.outputFilter) !== undefined
        ? { JoinSource: p.joinSource, InputFilter: p.inputFilter, OutputFilter: p.outputFilter }
        : undefined,
    };
  }
}
