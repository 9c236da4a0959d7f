import { PipelineDefinitionError, describeValue } from '../errors';
import { Expression, StepProperty, Value, toStringValue } from '../expressions';
import { SCRIPT_MODE_HYPERPARAMETER, imageRepository, runsBuiltInAlgorithm } from './built-in-algorithms';
import { CacheConfig, RetryPolicy, renderCacheConfig, renderRetryPolicies } from './policies';
import { REQUEST_LIMITS, countProblem, literalText, mapProblem } from './request-limits';
import { JobResources, checkJobResources, checkPositiveIntegerValue, renderClusterConfig, renderVpcConfig } from './job-resources';
import { Step, StepProps } from './step';

/** One data channel of a training job. */
export interface TrainingChannel {
  /** The S3 URI (object or prefix) of the channel's data. */
  readonly s3Uri: Value<string>;
  /**
   * The MIME type of the data, such as `text/csv`.
   * @default - none (the algorithm's default)
   */
  readonly contentType?: Value<string>;
  /**
   * With several instances: `FullyReplicated` gives each instance everything.
   * @default "FullyReplicated"
   */
  readonly distribution?: 'FullyReplicated' | 'ShardedByS3Key';
}

/** A metric the training job's log reports, found with a regular expression. */
export interface MetricDefinition {
  readonly name: string;
  readonly regex: string;
}

export interface TrainingStepProps extends StepProps, JobResources {
  /** The training image (for a built-in algorithm, its image URI). */
  readonly imageUri: Value<string>;
  /** The IAM role the job runs as. */
  readonly roleArn: Value<string>;
  /**
   * The algorithm's hyperparameters. Each value is a string or a number (or a pipeline
   * expression); numbers are written as strings, as SageMaker requires.
   * @default - none
   */
  readonly hyperparameters?: Readonly<Record<string, Value<string> | Value<number>>>;
  /** The data channels by name, such as `train` and `validation`. */
  readonly inputs: Readonly<Record<string, TrainingChannel>>;
  /** The S3 URI under which SageMaker writes the model artifacts. */
  readonly outputPath: Value<string>;
  /**
   * KMS key that encrypts the model artifacts.
   * @default - the bucket's default encryption
   */
  readonly outputKmsKeyId?: Value<string>;
  /**
   * The job is stopped after this many seconds.
   * @default 86400
   */
  readonly maxRuntimeSeconds?: Value<number>;
  /**
   * Environment variables of the training container.
   * @default - none
   */
  readonly environment?: Readonly<Record<string, Value<string>>>;
  /**
   * Metrics SageMaker reads from the job's log with regular expressions (at most 20). Only for
   * a training script or your own image: a built-in algorithm (an image of
   * `BUILT_IN_ALGORITHM_REPOSITORIES` without a `sagemaker_program` hyperparameter) publishes
   * its own metrics, such as XGBoost's `validation:auc`, and CreateTrainingJob rejects metric
   * definitions for it.
   * @default - none (a built-in algorithm's own metrics)
   */
  readonly metricDefinitions?: readonly MetricDefinition[];
  /** @default - no retries beyond SageMaker's defaults */
  readonly retryPolicies?: readonly RetryPolicy[];
  /** @default - no caching */
  readonly cache?: CacheConfig;
}

/** A SageMaker training job. */
export class TrainingStep extends Step {
  public readonly type = 'Training';
  private readonly policies: Record<string, unknown>;

  constructor(private readonly props: TrainingStepProps) {
    super(props);
    // Policies are checked (and rendered) when the step is created.
    this.policies = {
      RetryPolicies: renderRetryPolicies(this.name, props.retryPolicies, true),
      CacheConfig: renderCacheConfig(this.name, props.cache),
    };
    checkJobResources(this.name, props);
    const limits = REQUEST_LIMITS.training;
    this.refuse(
      mapProblem(props.hyperparameters, 'hyperparameters', limits.hyperParameters, limits.api, literalText),
      mapProblem(props.environment, 'environment', limits.environment, limits.api, literalText),
      countProblem(Object.keys(props.inputs), 'inputs', limits.maxChannels, limits.api));
    checkPositiveIntegerValue(this.name, 'maxRuntimeSeconds', props.maxRuntimeSeconds);
    for (const [key, value] of Object.entries(props.hyperparameters ?? {})) {
      const ok = typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) || value instanceof Expression;
      if (!ok) {
        this.fail(`hyperparameter ${JSON.stringify(key)} must be a string or a number, got ${describeValue(value)}`);
      }
    }
    checkMetricDefinitions(this.name, props);
    const channels = Object.keys(props.inputs ?? {});
    if (channels.length === 0) {
      this.fail('needs at least one input channel, such as train');
    }
    for (const channel of channels) {
      if (!/^[A-Za-z0-9\.\-_]{1,64}$/.test(channel)) {
        this.fail(`channel name ${JSON.stringify(channel)} must be 1 to 64 letters, digits, '.', '-' or '_'`);
      }
    }
  }

  /** The S3 URI of the model artifacts (`ModelArtifacts.S3ModelArtifacts`). */
  public get modelArtifacts(): StepProperty<string> {
    return this.property('ModelArtifacts.S3ModelArtifacts');
  }

  protected renderExtras(): Record<string, unknown> {
    return this.policies;
  }

  protected renderArguments(): unknown {
    const p = this.props;
    const hyperparameters = Object.entries(p.hyperparameters ?? {}).map(([k, v]) => [k, toStringValue(v)] as const);
    return {
      AlgorithmSpecification: {
        TrainingImage: p.imageUri,
        TrainingInputMode: 'File',
        MetricDefinitions: p.metricDefinitions?.map((m) => ({ Name: m.name, Regex: m.regex })),
      },
      HyperParameters: hyperparameters.length > 0 ? Object.fromEntries(hyperparameters) : undefined,
      InputDataConfig: Object.entries(p.inputs).map(([name, channel]) => ({
        ChannelName: name,
        ContentType: channel.contentType,
        DataSource: {
          S3DataSource: { S3DataType: 'S3Prefix', S3Uri: channel.s3Uri, S3DataDistributionType: channel.distribution ?? 'FullyReplicated' },
        },
      })),
      OutputDataConfig: { S3OutputPath: p.outputPath, KmsKeyId: p.outputKmsKeyId },
      ResourceConfig: renderClusterConfig(p),
      RoleArn: p.roleArn,
      Environment: p.environment,
      StoppingCondition: { MaxRuntimeInSeconds: p.maxRuntimeSeconds ?? 86400 },
      VpcConfig: renderVpcConfig(p.vpcConfig),
    };
  }
}

/** AlgorithmSpecification.MetricDefinitions: at most 20 (API reference, AlgorithmSpecification). */
const MAX_METRIC_DEFINITIONS = 20;

/**
 * Metric definitions are for scripts and own images: CreateTrainingJob rejects them for a
 * built-in algorithm, which publishes its own metrics. Their count and the lengths of names
 * (1-255) and regular expressions (1-500) are the API reference's (MetricDefinition).
 */
function checkMetricDefinitions(stepName: string, props: TrainingStepProps): void {
  const definitions = props.metricDefinitions ?? [];
  if (definitions.length === 0) {
    return;
  }
  if (runsBuiltInAlgorithm(props.imageUri, props.hyperparameters)) {
    throw new PipelineDefinitionError(
      `step ${stepName}: metricDefinitions are not allowed for the built-in algorithm of image ${imageRepository(props.imageUri)} ` +
      `(no ${SCRIPT_MODE_HYPERPARAMETER} hyperparameter): CreateTrainingJob rejects them, and the algorithm publishes its own metrics ` +
      '(for XGBoost validation:auc and the other validation:<eval_metric>); leave metricDefinitions out, or run a training script ' +
      `(${SCRIPT_MODE_HYPERPARAMETER}) that prints the metrics`,
    );
  }
  if (definitions.length > MAX_METRIC_DEFINITIONS) {
    throw new PipelineDefinitionError(`step ${stepName}: ${definitions.length} metricDefinitions; SageMaker allows at most ${MAX_METRIC_DEFINITIONS}`);
  }
  const names = new Set<string>();
  for (const { name, regex } of definitions) {
    if (typeof name !== 'string' || name.length < 1 || name.length > 255) {
      throw new PipelineDefinitionError(`step ${stepName}: a metric name must be 1 to 255 characters, got ${describeValue(name)}`);
    }
    if (typeof regex !== 'string' || regex.length < 1 || regex.length > 500) {
      throw new PipelineDefinitionError(`step ${stepName}: metric ${name}: the regex must be 1 to 500 characters, got ${describeValue(regex)}`);
    }
    if (names.has(name)) {
      throw new PipelineDefinitionError(`step ${stepName}: metric ${name} is defined twice`);
    }
    names.add(name);
  }
}
