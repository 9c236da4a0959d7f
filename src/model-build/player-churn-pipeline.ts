import { MlflowTracking, ProjectConfig, allowedInstanceTypes, checkAcceptsVolumeKmsKey, instanceCountsOf, volumeSizesOf } from '../config';
import {
  Condition, ConditionStep, ExecutionVariable, FailStep, JobVpcConfig, Join, ParameterFloat, ParameterString, PipelineDefinition,
  ProcessingInput, ProcessingStep, PropertyFile, RegisterModelStep, RetryPolicy, TrainingStep,
} from '../pipeline-definition';
import { MLFLOW_METRIC_DEFINITIONS, mlflowRegisterMetadata, tagMlflowRunStep } from './mlflow-steps';
import { PLAYER_CHURN, PLAYER_CHURN_HYPERPARAMETERS } from './player-churn-names';
import { MONITOR_BASELINE_OUTPUT, dataQualityBaselineStep, evaluateMonitorBaseline } from './monitor-baseline';
import { registeredInstanceTypes } from './registered-instance-types';
import { ScaleOutJob, baselineOutput, preprocessScaling, trainChannel, trainingInstanceTypes } from './scale-out-steps';
import { PLAYER_CHURN_METRIC_DEFINITIONS, PROCESSING_CODE_DIR, PROCESSING_ENTRYPOINT_DIR, StepCode, stepEnvironment } from './step-code-bundle';

export type { StepCode, StepScript } from './step-code-bundle';
export { PLAYER_CHURN_METRIC_DEFINITIONS } from './step-code-bundle';
export { PLAYER_CHURN, PLAYER_CHURN_HYPERPARAMETERS } from './player-churn-names';

export interface PlayerChurnPipelineProps {
  /** The project: instance types, quality threshold, model package group. */
  readonly config: ProjectConfig;
  /** The SageMaker pipeline's name (used in S3 paths). */
  readonly pipelineName: string;
  /** The role the jobs run as. */
  readonly roleArn: string;
  /** The bucket every step writes to. */
  readonly bucketName: string;
  /** The KMS key that encrypts outputs and volumes. */
  readonly kmsKeyArn: string;
  /** The scikit-learn image URI of the preprocessing step: the project's `containers.sklearn` (1.4-2 by default, or 1.2-1). */
  readonly sklearnImageUri: string;
  /** The XGBoost image URI (the project's `containers.xgboost`: 1.7-1 by default, or 3.0-5): training in script mode, evaluation, the registered model. */
  readonly xgboostImageUri: string;
  /**
   * SageMaker Model Monitor's analyzer image. When set, a `BaselineDataQuality` step suggests the
   * data-quality statistics and constraints from the training baseline, and the registered version
   * carries them (`ModelMetrics.ModelDataQuality`) for the Model Monitor schedules of model-deploy.
   * @default - no Model Monitor baseline
   */
  readonly modelMonitorImageUri?: string;
  /**
   * The code bundle of preprocess.py, train.py, evaluate.py (and their modules) and runproc.sh.
   * With `mlflow`, the bundle must carry the requirements.txt of `mlflowRequirements(mlflow.clientVersion)`.
   */
  readonly code: StepCode;
  /** The default S3 URI of the raw player data (a CSV file or a prefix of CSV files). */
  readonly inputDataUri: string;
  /**
   * Where every processing and training step logs (MLFLOW_TRACKING_URI, MLFLOW_EXPERIMENT_NAME),
   * and Register records the MLflow run and model of the version.
   * @default - no MLflow
   */
  readonly mlflow?: MlflowTracking;
  /**
   * The VPC of every processing and training job (CreateProcessingJob `NetworkConfig.VpcConfig`,
   * CreateTrainingJob `VpcConfig`).
   * @default - the jobs run on SageMaker's network
   */
  readonly jobVpc?: JobVpcConfig;
  /**
   * The image the registered model version serves with (the endpoints of model-deploy run it).
   * @default - xgboostImageUri
   */
  readonly modelImageUri?: string;
}

/**
 * Train's MaxRuntimeInSeconds (a day by default): 3 hours, so that the longest execution ends within the model-build
 * CodePipeline's wait (run-pipeline-wait.ts) and a longer training fails its commit instead of outliving it.
 */
export const TRAINING_MAX_RUNTIME_SECONDS = 3 * 3600;

/** Jobs are retried when SageMaker lacks capacity or fails internally, not when the code fails. */
const JOB_RETRIES: RetryPolicy[] = [
  { exceptionTypes: ['SageMaker.CAPACITY_ERROR', 'SageMaker.JOB_INTERNAL_ERROR'], intervalSeconds: 60, backoffRate: 2, maxAttempts: 3 },
  { exceptionTypes: ['Step.SERVICE_FAULT', 'Step.THROTTLING'], intervalSeconds: 5, backoffRate: 2, maxAttempts: 5 },
];

/**
 * The player-churn pipeline: Preprocess → Train (XGBoost, script mode) → Evaluate → CheckAuc →
 * Register (PendingManualApproval) [→ TagMlflowRun, with MLflow] or fail with the AUC and the threshold.
 *
 * The steps run the model-build repository's scripts from one code bundle, as the SageMaker Python
 * SDK's framework estimators and processors do: Preprocess (scikit-learn 1.4-2) and Evaluate
 * (XGBoost 1.7-1) get the bundle as input `code` and runproc.sh as input `entrypoint`, which
 * unpacks it, installs its requirements.txt and runs the script; Train runs train.py in script
 * mode on the XGBoost 1.7-1 image (`sagemaker_program`, `sagemaker_submit_directory`). The images'
 * Python (3.10 for scikit-learn 1.4-2, 3.9 for XGBoost 1.7-1) must be one the mlflow client installs
 * on: the config refuses a client that does not (checkMlflowClientPython). With `mlflow`, every processing
 * and training step gets MLFLOW_TRACKING_URI and MLFLOW_EXPERIMENT_NAME; every one gets the
 * execution's ARN and id (SAGEMAKER_PIPELINE_EXECUTION_ARN, SAGEMAKER_PIPELINE_EXECUTION_ID), which
 * name the execution's MLflow run.
 *
 * Every job encrypts its storage volume with the project key (`VolumeKmsKeyId`), which SageMaker
 * refuses on instance types with instance-store (NVMe) volumes. An execution may set the instance
 * types (they are parameters), and a definition cannot drop the key for some values only, so the
 * four instance-type parameters allow exactly the project's `allowedInstanceTypes` (declared as
 * EnumValues: SageMaker rejects any other value when the execution starts, not an hour later in
 * the job), and a configured default with local storage is rejected here, naming the option. A
 * GPU for training is ml.p3 (EBS-backed).
 *
 * Train runs a script (`sagemaker_program`), so the job defines its metrics
 * ({@link PLAYER_CHURN_METRIC_DEFINITIONS}, and {@link MLFLOW_METRIC_DEFINITIONS} with MLflow):
 * CreateTrainingJob takes MetricDefinitions for a training script, and rejects them only for a
 * built-in algorithm, which publishes its own.
 *
 * Scale-out (`instanceCounts`, see scale-out-steps.ts): Preprocess on N instances reads a shard of
 * the input after a ScanInput step, and a MergeBaseline step joins its baseline files; Train on
 * several instances reads a shard of the train files (train.py trains with XGBoost's collective).
 */
export function playerChurnPipeline(props: PlayerChurnPipelineProps): PipelineDefinition {
  const { config } = props;
  const names = PLAYER_CHURN;
  checkAcceptsVolumeKmsKey('instanceTypes.processing', config.instanceTypes.processing);
  checkAcceptsVolumeKmsKey('instanceTypes.training', config.instanceTypes.training);
  const counts = instanceCountsOf(config);
  const instanceType = (name: string, kind: 'processing' | 'training' | 'inference' | 'transform', allowedValues = allowedInstanceTypes(kind)) =>
    new ParameterString({ name, defaultValue: config.instanceTypes[kind], allowedValues, description: `Instance type of the ${kind} jobs` });
  const p = {
    inputData: new ParameterString({ name: names.parameters.inputDataUrl, defaultValue: props.inputDataUri, description: 'S3 URI of the raw player data (CSV)' }),
    processingInstanceType: instanceType(names.parameters.processingInstanceType, 'processing'),
    trainingInstanceType: instanceType(names.parameters.trainingInstanceType, 'training', trainingInstanceTypes(counts)),
    inferenceInstanceType: instanceType(names.parameters.inferenceInstanceType, 'inference'),
    transformInstanceType: instanceType(names.parameters.transformInstanceType, 'transform'),
    threshold: new ParameterFloat({
      name: names.parameters.threshold, defaultValue: config.qualityThreshold, range: [0, 1],
      description: 'The minimum test AUC a model needs to be registered',
    }),
    approvalStatus: new ParameterString({
      name: names.parameters.approvalStatus, defaultValue: 'PendingManualApproval', allowedValues: ['PendingManualApproval', 'Approved'],
      description: 'Approval status of the registered model version',
    }),
  };

  const stepUri = (step: string, output: string): Join =>
    new Join('/', ['s3:/', props.bucketName, props.pipelineName, ExecutionVariable.PIPELINE_EXECUTION_ID, step, output]);
  const environment = stepEnvironment(props.mlflow);
  const { code } = props;
  const codeInputs: ProcessingInput[] = [
    { name: 'code', source: code.bundle.s3Uri, destination: PROCESSING_CODE_DIR },
    { name: 'entrypoint', source: code.entrypoint.s3Uri, destination: PROCESSING_ENTRYPOINT_DIR },
  ];
  const runScript = (script: string) => ['/bin/bash', `${PROCESSING_ENTRYPOINT_DIR}/${code.entrypoint.fileName}`, script];
  const job = {
    roleArn: props.roleArn,
    volumeKmsKeyId: props.kmsKeyArn,
    volumeSizeInGb: volumeSizesOf(config).processing,
    retryPolicies: JOB_RETRIES,
  };

  const vpc = props.jobVpc;
  const scaleOut: ScaleOutJob = {
    counts, codeInputs, runScript, script: names.scripts.preprocess, inputData: p.inputData, stepUri,
    job: { ...job, imageUri: props.sklearnImageUri, instanceType: p.processingInstanceType, environment, outputKmsKeyId: props.kmsKeyArn, vpcConfig: vpc },
  };
  const scaling = preprocessScaling(scaleOut);
  const preprocess = new ProcessingStep({
    ...job,
    name: names.steps.preprocess,
    description: 'Feature engineering, 70/20/10 split into header-less CSVs with the label first, and a baseline with header',
    imageUri: props.sklearnImageUri,
    instanceType: p.processingInstanceType,
    instanceCount: counts.processing,
    entrypoint: runScript(names.scripts.preprocess),
    arguments: scaling.arguments,
    environment,
    inputs: [...codeInputs, ...scaling.dataInputs],
    outputs: ['train', 'validation', 'test', 'baseline'].map((name) => ({
      name, source: `/opt/ml/processing/output/${name}`, destination: stepUri(names.steps.preprocess, name),
    })),
    outputKmsKeyId: props.kmsKeyArn,
    vpcConfig: vpc,
  });
  const trainingBaseline = baselineOutput(scaleOut, preprocess);

  const train = new TrainingStep({
    ...job,
    name: names.steps.train,
    description: 'train.py in script mode on XGBoost 1.7-1: binary:logistic, early stopping on validation AUC',
    imageUri: props.xgboostImageUri,
    instanceType: p.trainingInstanceType,
    instanceCount: counts.training,
    volumeSizeInGb: volumeSizesOf(config).training,
    // Plain strings, not JSON-encoded as the Python SDK writes them: the container JSON-decodes the
    // hyperparameters and keeps the raw strings when that fails (sagemaker-containers, _env.read_hyperparameters),
    // and some versions do so for all of them at once when one fails, so the values must be of one kind.
    hyperparameters: {
      ...PLAYER_CHURN_HYPERPARAMETERS,
      sagemaker_program: names.scripts.train,
      sagemaker_submit_directory: code.bundle.s3Uri,
      sagemaker_region: config.environments.build.region,
      sagemaker_container_log_level: '20',
    },
    metricDefinitions: [...PLAYER_CHURN_METRIC_DEFINITIONS, ...(props.mlflow ? MLFLOW_METRIC_DEFINITIONS : [])],
    inputs: {
      train: trainChannel(counts, preprocess.outputUri('train')),
      validation: { s3Uri: preprocess.outputUri('validation'), contentType: 'text/csv' },
    },
    outputPath: stepUri(names.steps.train, 'model'),
    outputKmsKeyId: props.kmsKeyArn,
    environment,
    vpcConfig: vpc,
    maxRuntimeSeconds: TRAINING_MAX_RUNTIME_SECONDS,
  });

  const evaluationReport = new PropertyFile(names.propertyFile, 'evaluation', 'evaluation.json');
  // With Model Monitor, Evaluate also writes the analyzer's baseline dataset: the training baseline with the model's output first.
  const monitorBaseline = props.modelMonitorImageUri === undefined
    ? undefined : evaluateMonitorBaseline(trainingBaseline.uri, stepUri(names.steps.evaluate, MONITOR_BASELINE_OUTPUT));
  const evaluate = new ProcessingStep({
    ...job,
    name: names.steps.evaluate,
    description: `Test-set AUC of the trained model into evaluation.json, and a prediction baseline${monitorBaseline ? ', and Model Monitor\'s baseline dataset' : ''}`,
    imageUri: props.xgboostImageUri,
    instanceType: p.processingInstanceType,
    entrypoint: runScript(names.scripts.evaluate),
    arguments: [
      '--model-dir', '/opt/ml/processing/model', '--test-dir', '/opt/ml/processing/test', '--output-dir', '/opt/ml/processing/evaluation',
      ...(monitorBaseline?.arguments ?? []),
    ],
    environment,
    inputs: [
      ...codeInputs,
      { name: 'model', source: train.modelArtifacts, destination: '/opt/ml/processing/model' },
      { name: 'test', source: preprocess.outputUri('test'), destination: '/opt/ml/processing/test' },
      ...(monitorBaseline?.inputs ?? []),
    ],
    outputs: [{ name: 'evaluation', source: '/opt/ml/processing/evaluation', destination: stepUri(names.steps.evaluate, 'evaluation') }, ...(monitorBaseline?.outputs ?? [])],
    outputKmsKeyId: props.kmsKeyArn,
    propertyFiles: [evaluationReport],
    vpcConfig: vpc,
  });

  const baseline = props.modelMonitorImageUri === undefined ? undefined : dataQualityBaselineStep({
    ...job,
    name: names.steps.baseline,
    description: 'Model Monitor\'s suggested data-quality statistics and constraints of the training baseline, the model\'s output first',
    imageUri: props.modelMonitorImageUri,
    instanceType: p.processingInstanceType,
    datasetUri: evaluate.outputUri(MONITOR_BASELINE_OUTPUT),
    destination: stepUri(names.steps.baseline, 'monitoring_output'),
    outputKmsKeyId: props.kmsKeyArn,
    vpcConfig: vpc,
  });

  const auc = evaluationReport.get<number>(names.aucPath);
  const register = new RegisterModelStep({
    name: names.steps.register,
    description: 'Registers the model version for review',
    modelPackageGroupName: config.modelPackageGroupName,
    approvalStatus: p.approvalStatus,
    image: props.modelImageUri ?? props.xgboostImageUri,
    modelDataUrl: train.modelArtifacts,
    contentTypes: ['text/csv'],
    responseTypes: ['text/csv'],
    inferenceInstanceTypes: registeredInstanceTypes(config, 'inference', p.inferenceInstanceType),
    transformInstanceTypes: registeredInstanceTypes(config, 'transform', p.transformInstanceType),
    modelMetrics: {
      modelQuality: { statistics: { s3Uri: new Join('/', [evaluate.outputUri('evaluation'), 'evaluation.json']), contentType: 'application/json' } },
      ...(baseline && {
        modelDataQuality: {
          statistics: { s3Uri: new Join('/', [baseline.outputUri('monitoring_output'), 'statistics.json']), contentType: 'application/json' },
          constraints: { s3Uri: new Join('/', [baseline.outputUri('monitoring_output'), 'constraints.json']), contentType: 'application/json' },
        },
      }),
    },
    customerMetadata: {
      // The training baseline (CSV with header) that model-deploy's drift check compares production inputs with.
      baselineDataUri: trainingBaseline.uri,
      // The test AUC as text (metadata values are strings): resolve-model and the release review show it.
      auc: new Join('', [auc]),
      // The key of the artifact bucket: model-deploy grants its endpoint roles decrypt on it.
      artifactKmsKeyArn: props.kmsKeyArn,
      pipelineExecutionArn: ExecutionVariable.PIPELINE_EXECUTION_ARN,
      ...(props.mlflow !== undefined && mlflowRegisterMetadata(evaluationReport, names.mlflowRunIdPath, names.mlflowModelUriPath)),
    },
    retryPolicies: [{ exceptionTypes: ['Step.SERVICE_FAULT', 'Step.THROTTLING'], intervalSeconds: 5, backoffRate: 2, maxAttempts: 5 }],
  });

  const tagRun = props.mlflow && tagMlflowRunStep({
    ...job, register, runId: evaluationReport.get<string>(names.mlflowRunIdPath), imageUri: props.xgboostImageUri,
    instanceType: p.processingInstanceType, codeInputs, entrypoint: runScript, environment, vpc,
  });

  const fail = new FailStep({
    name: names.steps.fail, description: 'The model is not good enough to register',
    errorMessage: new Join(' ', ['Test AUC', auc, 'is below the threshold', p.threshold, '- the model was not registered']),
  });

  const checkAuc = new ConditionStep({
    name: names.steps.checkAuc,
    description: 'Registers the model only when its test AUC reaches the threshold',
    conditions: [Condition.greaterThanOrEqualTo(auc, p.threshold)],
    ifSteps: [register, ...(tagRun ? [tagRun] : [])],
    elseSteps: [fail],
  });

  return new PipelineDefinition({
    parameters: Object.values(p),
    steps: [...scaling.before, preprocess, ...trainingBaseline.steps, train, evaluate, ...(baseline ? [baseline] : []), checkAuc],
  });
}
