import { ResolvedInstanceCounts, allowedInstanceTypes, isGpuInstanceType } from '../config';
import { Join, ProcessingInput, ProcessingStep, ProcessingStepProps, StepProperty, TrainingChannel, Value } from '../pipeline-definition';

/** The steps scale-out adds around Preprocess (instanceCounts.processing > 1). */
export const SCALE_OUT_STEPS = { scan: 'ScanInput', mergeBaseline: 'MergeBaseline' } as const;

/** Where Preprocess reads its input data and, scaled out, the scan of all the data. */
export const PREPROCESS_DATA_DIR = '/opt/ml/processing/input/data';
const SCAN_DIR = '/opt/ml/processing/input/scan';
const BASELINE_SHARDS_DIR = '/opt/ml/processing/input/baseline';
const OUTPUT_DIR = '/opt/ml/processing/output';

/** What the scale-out steps share with the pipeline's other processing steps. */
export interface ScaleOutJob {
  readonly counts: ResolvedInstanceCounts;
  /** roleArn, volumeKmsKeyId, retryPolicies, vpcConfig, outputKmsKeyId, imageUri, instanceType, environment. */
  readonly job: Omit<ProcessingStepProps, 'name' | 'description' | 'inputs' | 'outputs' | 'entrypoint' | 'arguments' | 'propertyFiles'>;
  readonly codeInputs: readonly ProcessingInput[];
  readonly runScript: (script: string) => string[];
  readonly script: string;
  readonly inputData: Value<string>;
  readonly stepUri: (step: string, output: string) => Join;
}

/** How Preprocess reads its data: the input (sharded when scaled out), the scan's folder and the arguments that say so. */
export interface PreprocessScaling {
  /** The steps before Preprocess (the scan). */
  readonly before: ProcessingStep[];
  readonly dataInputs: ProcessingInput[];
  readonly arguments: string[];
}

/**
 * Preprocess on one instance reads the whole input. Scaled out (N instances), it reads a shard
 * (`ShardedByS3Key`: SageMaker gives each instance whole S3 objects, so the input must be a prefix
 * of at least N files), after a `ScanInput` step on as many instances, over the same shards, has
 * read the categories and class counts of each (Preprocess joins them: every shard one-hot encodes
 * with the same columns). The scan is sharded too because File mode copies an input onto the
 * instance's storage volume: one instance scanning everything would need the storage of all the data.
 */
export function preprocessScaling(props: ScaleOutJob): PreprocessScaling {
  const data: ProcessingInput = { name: 'data', source: props.inputData, destination: PREPROCESS_DATA_DIR };
  const args = ['--input-dir', PREPROCESS_DATA_DIR, '--output-dir', OUTPUT_DIR];
  if (props.counts.processing === 1) {
    return { before: [], dataInputs: [data], arguments: args };
  }
  const sharded: ProcessingInput = { ...data, distribution: 'ShardedByS3Key' };
  const scan = new ProcessingStep({
    ...props.job,
    name: SCALE_OUT_STEPS.scan,
    description: 'Categories and class counts of each shard of the input, which Preprocess joins and every instance encodes with',
    instanceCount: props.counts.processing,
    entrypoint: props.runScript(props.script),
    // The scan shards the input as Preprocess does: an instance without a CSV file stops it before Preprocess starts.
    arguments: ['--scan', ...args],
    inputs: [...props.codeInputs, sharded],
    outputs: [{ name: 'scan', source: `${OUTPUT_DIR}/scan`, destination: props.stepUri(SCALE_OUT_STEPS.scan, 'scan') }],
  });
  return {
    before: [scan],
    dataInputs: [sharded, { name: 'scan', source: scan.outputUri('scan'), destination: SCAN_DIR }],
    arguments: [...args, '--scan-dir', SCAN_DIR],
  };
}

/**
 * The training baseline (CSV with header) that Model Monitor's analyzer and model-deploy's drift
 * check read as `<uri>/baseline.csv`: Preprocess's own output on one instance; scaled out, a
 * one-instance `MergeBaseline` step joins the instances' baseline files, so the baseline statistics
 * are those of all the training rows.
 */
export function baselineOutput(props: ScaleOutJob, preprocess: ProcessingStep): { readonly steps: ProcessingStep[]; readonly uri: StepProperty<string> } {
  if (props.counts.processing === 1) {
    return { steps: [], uri: preprocess.outputUri('baseline') };
  }
  const merge = new ProcessingStep({
    ...props.job,
    name: SCALE_OUT_STEPS.mergeBaseline,
    description: 'Joins the Preprocess instances\' baseline files into baseline.csv',
    entrypoint: props.runScript(props.script),
    arguments: ['--merge-baseline', '--input-dir', BASELINE_SHARDS_DIR, '--output-dir', OUTPUT_DIR],
    inputs: [...props.codeInputs, { name: 'baseline_shards', source: preprocess.outputUri('baseline'), destination: BASELINE_SHARDS_DIR }],
    outputs: [{ name: 'baseline', source: `${OUTPUT_DIR}/baseline`, destination: props.stepUri(SCALE_OUT_STEPS.mergeBaseline, 'baseline') }],
  });
  return { steps: [merge], uri: merge.outputUri('baseline') };
}

/**
 * The train channel: on several training instances `ShardedByS3Key` (each gets whole files of
 * Preprocess's one-file-per-instance output; the config keeps training <= processing), else the
 * default, `FullyReplicated`. The validation channel stays fully replicated: every worker
 * evaluates the same rows, so the metrics and early stopping agree.
 */
export function trainChannel(counts: ResolvedInstanceCounts, s3Uri: Value<string>): TrainingChannel {
  return { s3Uri, contentType: 'text/csv', ...(counts.training > 1 ? { distribution: 'ShardedByS3Key' as const } : {}) };
}

/**
 * The training instance types an execution may choose: every one the project allows; on several
 * instances, not the GPU types (see resolveInstanceCounts: train.py distributes with XGBoost's CPU collective).
 */
export function trainingInstanceTypes(counts: ResolvedInstanceCounts): string[] {
  const all = allowedInstanceTypes('training');
  return counts.training > 1 ? all.filter((type) => !isGpuInstanceType(type)) : all;
}

