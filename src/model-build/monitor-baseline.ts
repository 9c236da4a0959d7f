import { ProcessingInput, ProcessingOutput, ProcessingStep, ProcessingStepProps, Value } from '../pipeline-definition';

/** Where Evaluate reads the training baseline (features with a header) when it writes Model Monitor's baseline dataset. */
export const EVALUATE_TRAINING_BASELINE_DIR = '/opt/ml/processing/baseline';
/** Where Evaluate writes Model Monitor's baseline dataset (evaluate.py `--monitor-baseline-dir`). */
export const EVALUATE_MONITOR_BASELINE_DIR = '/opt/ml/processing/monitor_baseline';
/** Evaluate's output that holds Model Monitor's baseline dataset. */
export const MONITOR_BASELINE_OUTPUT = 'monitor_baseline';

const ANALYZER_INPUT = '/opt/ml/processing/input/baseline_dataset_input';
const ANALYZER_OUTPUT = '/opt/ml/processing/output';

/**
 * What Evaluate adds when a stage has Model Monitor on: the training baseline as input, and Model Monitor's baseline
 * dataset as output, the training baseline with the model's predicted probability as its first column.
 *
 * A data-quality monitoring job reads each captured request as the endpoint's output followed by its input
 * ("Container Contract Inputs": captureIndexNames endpointInput and endpointOutput; `output_columns_position` START),
 * and checks its columns, by position, against the baseline's statistics and constraints. A baseline of the features
 * alone puts every captured column one place off: the probability is checked as the first feature, and each feature
 * as the next one. The endpoint returns the probability (binary:logistic), so that is the first column here.
 */
export function evaluateMonitorBaseline(trainingBaselineUri: Value<string>, destination: Value<string>): {
  readonly arguments: string[];
  readonly inputs: ProcessingInput[];
  readonly outputs: ProcessingOutput[];
} {
  return {
    arguments: ['--baseline-dir', EVALUATE_TRAINING_BASELINE_DIR, '--monitor-baseline-dir', EVALUATE_MONITOR_BASELINE_DIR],
    inputs: [{ name: 'baseline', source: trainingBaselineUri, destination: EVALUATE_TRAINING_BASELINE_DIR }],
    outputs: [{ name: MONITOR_BASELINE_OUTPUT, source: EVALUATE_MONITOR_BASELINE_DIR, destination }],
  };
}

/** The analyzer job's own settings: image, instance and role come from `job`. */
export interface DataQualityBaselineProps extends Omit<ProcessingStepProps, 'environment' | 'inputs' | 'outputs' | 'entrypoint' | 'arguments'> {
  /** Model Monitor's baseline dataset: CSV with a header, the model's output first ({@link evaluateMonitorBaseline}). */
  readonly datasetUri: Value<string>;
  /** Where the suggested statistics.json and constraints.json go. */
  readonly destination: Value<string>;
}

/**
 * Model Monitor's analyzer suggesting the data-quality statistics and constraints of `datasetUri`, whose first column
 * is the model's output (`output_columns_position` START), into its output `monitoring_output`.
 */
export function dataQualityBaselineStep(props: DataQualityBaselineProps): ProcessingStep {
  const { datasetUri, destination, ...job } = props;
  return new ProcessingStep({
    ...job,
    // The analyzer's own contract: what to read, in which format, and where to write.
    environment: {
      dataset_format: JSON.stringify({ csv: { header: true, output_columns_position: 'START' } }),
      dataset_source: ANALYZER_INPUT,
      output_path: ANALYZER_OUTPUT,
      publish_cloudwatch_metrics: 'Disabled',
    },
    inputs: [{ name: 'baseline_dataset_input', source: datasetUri, destination: ANALYZER_INPUT }],
    outputs: [{ name: 'monitoring_output', source: ANALYZER_OUTPUT, destination }],
  });
}
