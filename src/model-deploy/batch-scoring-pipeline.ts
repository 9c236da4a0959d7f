import { BatchStrategy, ResolvedBatchScoring } from '../config';
import { ExecutionVariable, Join, ParameterString, PipelineDefinition, TransformStep, TransformStepProps } from '../pipeline-definition';

/** The batch-scoring pipeline's parameter that names the data to score (default: batchScoring.inputUri). */
export const BATCH_SCORING_INPUT_PARAMETER = 'InputDataUrl';

/** The batch-scoring pipeline's one step. */
export const BATCH_SCORING_STEP = 'Score';

/** `<project>-batch-scoring`: the SageMaker pipeline's name. */
export function batchScoringPipelineName(projectName: string): string {
  return `${projectName}-batch-scoring`;
}

export interface BatchTransformStepProps extends TransformStepProps {
  /** CreateTransformJob MaxPayloadInMB. */
  readonly maxPayloadInMB: number;
  /** CreateTransformJob BatchStrategy. */
  readonly batchStrategy: BatchStrategy;
  /**
   * TransformResources.VolumeKmsKeyId.
   * @default - none (instance types with instance storage encrypt it in hardware)
   */
  readonly volumeKmsKeyId?: string;
  /**
   * CreateTransformJob Environment: variables of the model's container in this job.
   * @default - none
   */
  readonly environment?: Readonly<Record<string, string>>;
}

/**
 * The environment variable that sets the largest request the SageMaker XGBoost container's model server takes, in bytes
 * (aws/sagemaker-xgboost-container, algorithm_mode/serve.py on the 1.7-1 and 3.0-5 branches: Flask's MAX_CONTENT_LENGTH
 * is `MAX_CONTENT_LENGTH`, default 6291456 = 6 MiB; a larger request gets HTTP 413 and fails the transform job).
 */
export const XGBOOST_MAX_CONTENT_LENGTH_VARIABLE = 'MAX_CONTENT_LENGTH';

/** The container environment that lets the XGBoost model server take the job's largest request (`maxPayloadInMB` MiB). */
export function xgboostPayloadEnvironment(maxPayloadInMB: number): Record<string, string> {
  return { [XGBOOST_MAX_CONTENT_LENGTH_VARIABLE]: String(maxPayloadInMB * 1024 * 1024) };
}

/** A Transform step with the batch settings and volume key that {@link TransformStep} leaves to SageMaker. */
export class BatchTransformStep extends TransformStep {
  private readonly batch: Pick<BatchTransformStepProps, 'maxPayloadInMB' | 'batchStrategy' | 'volumeKmsKeyId' | 'environment'>;

  constructor(props: BatchTransformStepProps) {
    super(props);
    this.batch = { maxPayloadInMB: props.maxPayloadInMB, batchStrategy: props.batchStrategy, volumeKmsKeyId: props.volumeKmsKeyId, environment: props.environment };
  }

  protected renderArguments(): unknown {
    const args = super.renderArguments() as { TransformResources: Record<string, unknown> } & Record<string, unknown>;
    return {
      ...args,
      MaxPayloadInMB: this.batch.maxPayloadInMB,
      BatchStrategy: this.batch.batchStrategy,
      Environment: this.batch.environment,
      TransformResources: { ...args.TransformResources, VolumeKmsKeyId: this.batch.volumeKmsKeyId },
    };
  }
}

export interface BatchScoringDefinitionProps {
  readonly scoring: ResolvedBatchScoring;
  /** The SageMaker model of the release. */
  readonly modelName: string;
  /** Where the runs write (`<outputUri>/<execution id>/`). */
  readonly outputUri: string;
  /** The key that encrypts the results. */
  readonly outputKmsKeyId?: string;
  /** The key of the instances' storage volume (only for types without instance storage). */
  readonly volumeKmsKeyId?: string;
}

/**
 * The batch-scoring pipeline: one Transform step that scores the CSV files under `InputDataUrl`
 * (one record a line, `SplitType` Line, `text/csv`, as the built-in XGBoost algorithm reads
 * them) and writes one `<file>.out` per input file, one line per record (`AssembleWith` Line),
 * the record joined with its prediction when `joinInputs`, through the configured filters.
 */
export function batchScoringDefinition(props: BatchScoringDefinitionProps): PipelineDefinition {
  const { scoring } = props;
  const input = new ParameterString({ name: BATCH_SCORING_INPUT_PARAMETER, defaultValue: scoring.inputUri, description: 'The S3 prefix of the CSV files to score' });
  const step = new BatchTransformStep({
    name: BATCH_SCORING_STEP,
    description: 'Scores the CSV records under InputDataUrl with the released model version',
    modelName: props.modelName,
    instanceType: scoring.instanceType,
    instanceCount: scoring.instanceCount,
    inputUri: input,
    contentType: 'text/csv',
    splitType: 'Line',
    outputPath: new Join('/', [props.outputUri.replace(/\/+$/, ''), ExecutionVariable.PIPELINE_EXECUTION_ID]),
    accept: 'text/csv',
    assembleWith: 'Line',
    joinSource: scoring.joinInputs ? 'Input' : undefined,
    inputFilter: scoring.inputFilter !== '$' ? scoring.inputFilter : undefined,
    outputFilter: scoring.outputFilter !== '$' ? scoring.outputFilter : undefined,
    outputKmsKeyId: props.outputKmsKeyId,
    volumeKmsKeyId: props.volumeKmsKeyId,
    maxPayloadInMB: scoring.maxPayloadInMB,
    batchStrategy: scoring.batchStrategy,
    // SageMaker sends requests of up to MaxPayloadInMB; the model server refuses more than MAX_CONTENT_LENGTH (6 MiB unless set).
    environment: xgboostPayloadEnvironment(scoring.maxPayloadInMB),
    retryPolicies: [{ exceptionTypes: ['SageMaker.CAPACITY_ERROR', 'SageMaker.JOB_INTERNAL_ERROR'], intervalSeconds: 60, backoffRate: 2, maxAttempts: 3 }],
  });
  return new PipelineDefinition({ parameters: [input], steps: [step] });
}
