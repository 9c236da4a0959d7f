import { MlflowTracking } from '../config';
import {
  JobVpcConfig, JsonGet, MetricDefinition, ProcessingInput, ProcessingStep, PropertyFile, RegisterModelStep, RetryPolicy, Value,
} from '../pipeline-definition';

/** The MLflow-only step of the player-churn pipeline and the script it runs. */
export const MLFLOW_STEPS = {
  steps: { tagRun: 'TagMlflowRun' },
  scripts: { tagModelPackage: 'tag_model_package.py' },
  /** The tags tag_model_package.py sets on the training run and the execution's run. */
  tags: { modelPackageArn: 'sagemaker.model_package_arn', modelPackageVersion: 'sagemaker.model_package_version' },
} as const;

/**
 * What the training step publishes with MLflow on: `mlflow:logging_failures`, the number of
 * tracking calls that failed (tracking.py prints `mlflow_logging_failures=<n>` as the step's run
 * ends), so that CloudWatch has it per training job beside the run's own metric of that name.
 *
 * Only training jobs have metric definitions (CreateTrainingJob
 * `AlgorithmSpecification.MetricDefinitions`); CreateProcessingJob has none, so the processing
 * steps print the same line into their CloudWatch log (Preprocess and Evaluate also log the count as
 * a metric of their MLflow run), where a CloudWatch Logs metric filter can chart it.
 */
export const MLFLOW_METRIC_DEFINITIONS: readonly MetricDefinition[] = [
  { name: 'mlflow:logging_failures', regex: 'mlflow_logging_failures=([0-9]+)' },
];

/** The scripts the player-churn pipeline runs besides its core ones: tag_model_package.py with MLflow, none without. */
export function mlflowStepScripts(mlflow: MlflowTracking | undefined): string[] {
  return mlflow === undefined ? [] : Object.values(MLFLOW_STEPS.scripts);
}

export interface TagMlflowRunStepProps {
  /** The step that registers the version whose ARN the runs get. */
  readonly register: RegisterModelStep;
  /** The MLflow run that holds the model (evaluation.json's `mlflow.run_id`). */
  readonly runId: Value<string>;
  /** The image (the evaluation step's, whose Python the pinned mlflow client installs on: `mlflowClientPython`). */
  readonly imageUri: Value<string>;
  /** The processing instance type (the pipeline's parameter). */
  readonly instanceType: Value<string>;
  /** The code bundle and runproc.sh inputs, as the other processing steps have them. */
  readonly codeInputs: readonly ProcessingInput[];
  /** ContainerEntrypoint running one script of the bundle through runproc.sh. */
  readonly entrypoint: (script: string) => ReadonlyArray<Value<string>>;
  /** The steps' environment: MLFLOW_TRACKING_URI, the experiment and the execution. */
  readonly environment: Readonly<Record<string, Value<string>>>;
  readonly roleArn: Value<string>;
  readonly volumeKmsKeyId: Value<string>;
  readonly retryPolicies: readonly RetryPolicy[];
  /** @default - on SageMaker's network */
  readonly vpc?: JobVpcConfig;
}

/**
 * `TagMlflowRun`: after Register, tags the training run and the execution's MLflow run with the
 * registered version's ARN and number (tag_model_package.py), so that a run leads to its model
 * package as the package's metadata leads to the run. It reads `Steps.Register.ModelPackageArn`
 * (a RegisterModel step's properties are DescribeModelPackage's response), which makes it run
 * after Register and only when Register runs. No tracking failure fails it: the model is
 * registered by then. It writes no output and runs on the processing instance type.
 */
export function tagMlflowRunStep(props: TagMlflowRunStepProps): ProcessingStep {
  return new ProcessingStep({
    name: MLFLOW_STEPS.steps.tagRun,
    description: 'Tags the MLflow training run and the execution\'s run with the registered model package ARN',
    roleArn: props.roleArn,
    volumeKmsKeyId: props.volumeKmsKeyId,
    retryPolicies: props.retryPolicies,
    imageUri: props.imageUri,
    instanceType: props.instanceType,
    entrypoint: props.entrypoint(MLFLOW_STEPS.scripts.tagModelPackage),
    arguments: ['--model-package-arn', props.register.modelPackageArn, '--run-id', props.runId],
    environment: props.environment,
    inputs: props.codeInputs,
    vpcConfig: props.vpc,
  });
}

/**
 * Register's metadata with MLflow: the run that trained the version and its logged model, read from
 * the evaluation report where evaluate.py copies them (`mlflowRunId`, `mlflowModelUri`).
 */
export function mlflowRegisterMetadata(report: PropertyFile, runIdPath: string, modelUriPath: string): Record<string, JsonGet<string>> {
  return { mlflowRunId: report.get<string>(runIdPath), mlflowModelUri: report.get<string>(modelUriPath) };
}
