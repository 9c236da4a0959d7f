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
}

/** A Transform step with the batch settings and volume key that {@link TransformStep} leaves to SageMaker. */
export class BatchTransformStep extends TransformStep {
  private readonly batch: Pick<BatchTransformStepProps, 'maxPayloadInMB' | 'batchStrategy' | 'volumeKmsKeyId'>;

  constructor(props: BatchTransformStepProps) {
    super(props);
    this.batch = { maxPayloadInMB: props.maxPayloadInMB, batchStrategy: props.batchStrategy, volumeKmsKeyId: props.volumeKmsKeyId };
  }

  protected renderArguments(): unknown {
    const args = super.renderArguments() as { TransformResources: Record<string, unknown> } & Record<string, unknown>;
    return {
      ...args,
      MaxPayloadInMB: this.batch.maxPayloadInMB,
      BatchStrategy: this.batch.batchStrategy,
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
    retryPolicies: [{ exceptionTypes: ['SageMaker.CAPACITY_ERROR', 'SageMaker.JOB_INTERNAL_ERROR'], intervalSeconds: 60, backoffRate: 2, maxAttempts: 3 }],
  });
  return new PipelineDefinition({ parameters: [input], steps: [step] });
}
