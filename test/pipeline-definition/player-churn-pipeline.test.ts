import { MLFLOW_METRIC_DEFINITIONS, MLFLOW_STEPS, mlflowStepScripts } from '../../src/model-build/mlflow-steps';
import { PLAYER_CHURN, PLAYER_CHURN_HYPERPARAMETERS, PLAYER_CHURN_METRIC_DEFINITIONS, playerChurnPipeline } from '../../src/model-build/player-churn-pipeline';
import { ConfigError, acceptsVolumeKmsKey, allowedInstanceTypes } from '../../src/config';
import { ParameterFloat, assertValidPipelineDefinition, pipelineDefinitionSchemaErrors } from '../../src/pipeline-definition';
import {
  CODE_BUNDLE_URI, KMS_KEY_ARN, MLFLOW_ARN, MLFLOW_TRACKING, ROLE_ARN, RUNPROC_URI, SKLEARN_PIPELINE_IMAGE, XGBOOST_IMAGE,
  playerChurnProps, projectConfig, stepJson,
} from './fixtures';

const AUC = {
  'Std:JsonGet': { PropertyFile: { Get: 'Steps.Evaluate.PropertyFiles.EvaluationReport' }, Path: 'classification_metrics.auc_score.value' },
};
const THRESHOLD = { Get: 'Parameters.TestScoreThreshold' };
const outputUri = (step: string, output: string) => ({ Get: `Steps.${step}.ProcessingOutputConfig.Outputs['${output}'].S3Output.S3Uri` });

describe('playerChurnPipeline', () => {
  const definition = playerChurnPipeline(playerChurnProps());
  const json = definition.toJSON();
  const args = (name: string) => stepJson(definition, name).Arguments;

  test('steps Preprocess, Train, Evaluate, CheckAuc and, in its branches, Register and AucBelowThreshold', () => {
    expect(definition.steps.map((s) => s.name)).toEqual(['Preprocess', 'Train', 'Evaluate', 'CheckAuc', 'Register', 'AucBelowThreshold']);
    expect(json.Steps.map((s) => [s.Name, s.Type])).toEqual([
      ['Preprocess', 'Processing'], ['Train', 'Training'], ['Evaluate', 'Processing'], ['CheckAuc', 'Condition'],
    ]);
    expect(Object.values(PLAYER_CHURN.steps)).toEqual(['Preprocess', 'BaselineDataQuality', 'Train', 'Evaluate', 'CheckAuc', 'Register', 'AucBelowThreshold']);
  });

  test('parameters with the config defaults', () => {
    expect(json.Parameters).toEqual([
      expect.objectContaining({ Name: 'InputDataUrl', Type: 'String', DefaultValue: 's3://player-churn-artifacts-123456789012/data/players.csv' }),
      expect.objectContaining({ Name: 'ProcessingInstanceType', Type: 'String', DefaultValue: 'ml.m5.large', EnumValues: allowedInstanceTypes('processing') }),
      expect.objectContaining({ Name: 'TrainingInstanceType', Type: 'String', DefaultValue: 'ml.m5.xlarge', EnumValues: allowedInstanceTypes('training') }),
      expect.objectContaining({ Name: 'InferenceInstanceType', Type: 'String', DefaultValue: 'ml.m5.large', EnumValues: allowedInstanceTypes('inference') }),
      expect.objectContaining({ Name: 'TransformInstanceType', Type: 'String', DefaultValue: 'ml.m5.large', EnumValues: allowedInstanceTypes('transform') }),
      expect.objectContaining({ Name: 'TestScoreThreshold', Type: 'Float', DefaultValue: 0.75 }),
      expect.objectContaining({ Name: 'ModelApprovalStatus', Type: 'String', DefaultValue: 'PendingManualApproval', EnumValues: ['PendingManualApproval', 'Approved'] }),
    ]);
    // The quality gate's range, which SageMaker does not check, is kept for run-pipeline --parameter.
    expect(json.Metadata).toEqual({ 'ParameterRange-TestScoreThreshold': '[0,1]' });
  });

  /*
   * SageMaker API reference, ResourceConfig.VolumeKmsKeyId (CreateTrainingJob) and
   * ProcessingClusterConfig.VolumeKmsKeyId (CreateProcessingJob): "You can't request a
   * VolumeKmsKeyId when using an instance type with local storage." The jobs always carry the
   * project key, so an execution may only choose EBS-backed types: the parameters' EnumValues.
   */
  test('the processing and training instance types an execution may set all accept the project\'s volume key', () => {
    const enumValues = (name: string) => json.Parameters.find((p) => p.Name === name)!.EnumValues as string[];
    for (const name of ['ProcessingInstanceType', 'TrainingInstanceType']) {
      expect(enumValues(name)).toContain('ml.p3.2xlarge');
      expect(enumValues(name).filter((type) => !acceptsVolumeKmsKey(type))).toEqual([]);
      expect(enumValues(name)).not.toContain('ml.g4dn.xlarge');
    }
    expect(args('Train').ResourceConfig.VolumeKmsKeyId).toBe(KMS_KEY_ARN);
    expect(args('Preprocess').ProcessingResources.ClusterConfig.VolumeKmsKeyId).toBe(KMS_KEY_ARN);
  });

  test.each([
    ['training', 'ml.g4dn.xlarge'],
    ['processing', 'ml.g5.xlarge'],
  ])('a configured %s type with local storage (%s) is rejected, naming the option', (kind, type) => {
    const base = projectConfig();
    const config = { ...base, instanceTypes: { ...base.instanceTypes, [kind]: type } };
    expect(() => playerChurnPipeline(playerChurnProps({ config }))).toThrow(ConfigError);
    expect(() => playerChurnPipeline(playerChurnProps({ config }))).toThrow(
      new RegExp(`^instanceTypes\\.${kind} must be an instance type without instance-store \\(NVMe\\) volumes, .*got "${type.replace(/\./g, '\\.')}"`),
    );
  });

  test('the threshold default and the instance types follow the config', () => {
    const config = projectConfig({ qualityThreshold: 0.82, instanceTypes: { training: 'ml.m5.2xlarge', processing: 'ml.m5.xlarge' } });
    const parameters = playerChurnPipeline(playerChurnProps({ config })).toJSON().Parameters;
    expect(parameters.find((p) => p.Name === 'TestScoreThreshold')).toMatchObject({ Type: 'Float', DefaultValue: 0.82 });
    expect(parameters.find((p) => p.Name === 'TrainingInstanceType')).toMatchObject({ DefaultValue: 'ml.m5.2xlarge' });
    expect(parameters.find((p) => p.Name === 'ProcessingInstanceType')).toMatchObject({ DefaultValue: 'ml.m5.xlarge' });
  });

  test('the threshold parameter only takes values from 0 to 1', () => {
    const threshold = definition.parameters.find((p) => p.name === 'TestScoreThreshold');
    expect(threshold).toBeInstanceOf(ParameterFloat);
    expect((threshold as ParameterFloat).range).toEqual([0, 1]);
  });

  test('Preprocess reads the InputDataUrl parameter on the processing instance type and writes four outputs under the execution', () => {
    const preprocess = args('Preprocess');
    expect(preprocess.ProcessingResources.ClusterConfig).toEqual({
      InstanceType: { Get: 'Parameters.ProcessingInstanceType' }, InstanceCount: 1, VolumeSizeInGB: 30, VolumeKmsKeyId: KMS_KEY_ARN,
    });
    expect(preprocess.RoleArn).toBe(ROLE_ARN);
    expect(preprocess.ProcessingInputs.map((i: any) => [i.InputName, i.S3Input.S3Uri, i.S3Input.LocalPath])).toEqual([
      ['code', CODE_BUNDLE_URI, '/opt/ml/processing/input/code'],
      ['entrypoint', RUNPROC_URI, '/opt/ml/processing/input/entrypoint'],
      ['data', { Get: 'Parameters.InputDataUrl' }, '/opt/ml/processing/input/data'],
    ]);
    expect(preprocess.ProcessingOutputConfig.Outputs.map((o: any) => o.OutputName)).toEqual(['train', 'validation', 'test', 'baseline']);
    expect(preprocess.ProcessingOutputConfig.Outputs[0].S3Output.S3Uri).toEqual({
      'Std:Join': { On: '/', Values: ['s3:/', 'player-churn-artifacts-123456789012', 'player-churn', { Get: 'Execution.PipelineExecutionId' }, 'Preprocess', 'train'] },
    });
    expect(preprocess.ProcessingOutputConfig.KmsKeyId).toBe(KMS_KEY_ARN);
  });

  /*
   * SageMaker Python SDK, FrameworkProcessor (src/sagemaker/processing.py): the code bundle is the
   * ProcessingInput "code" at /opt/ml/processing/input/code/, the generated runproc.sh the input
   * "entrypoint" at /opt/ml/processing/input/entrypoint/, ContainerEntrypoint ["/bin/bash", <runproc.sh>].
   * The scikit-learn 1.4-2 image has Python 3.10 (aws/sagemaker-scikit-learn-container,
   * docker/1.4-2/base/Dockerfile.cpu), which the pinned mlflow client needs.
   */
  test('Preprocess runs preprocess.py of the code bundle through runproc.sh on the scikit-learn 1.4-2 image', () => {
    expect(args('Preprocess').AppSpecification).toEqual({
      ImageUri: SKLEARN_PIPELINE_IMAGE,
      ContainerEntrypoint: ['/bin/bash', '/opt/ml/processing/input/entrypoint/3d4e5f.sh', 'preprocess.py'],
      ContainerArguments: ['--input-dir', '/opt/ml/processing/input/data', '--output-dir', '/opt/ml/processing/output'],
    });
  });

  test('Evaluate runs evaluate.py of the same bundle through runproc.sh on the XGBoost 1.7-1 image', () => {
    const evaluate = args('Evaluate');
    expect(evaluate.AppSpecification).toEqual({
      ImageUri: XGBOOST_IMAGE,
      ContainerEntrypoint: ['/bin/bash', '/opt/ml/processing/input/entrypoint/3d4e5f.sh', 'evaluate.py'],
      ContainerArguments: ['--model-dir', '/opt/ml/processing/model', '--test-dir', '/opt/ml/processing/test', '--output-dir', '/opt/ml/processing/evaluation'],
    });
    expect(evaluate.ProcessingInputs.slice(0, 2)).toEqual(args('Preprocess').ProcessingInputs.slice(0, 2));
  });

  /*
   * Script mode: the framework container runs the `sagemaker_program` of the `sagemaker_submit_directory`
   * tarball (aws/sagemaker-xgboost-container, training.py: train() runs the user entry point when
   * one is given, the built-in algorithm otherwise). Values are plain strings: the container JSON-decodes
   * each hyperparameter and keeps the raw string when that fails (sagemaker-containers, read_hyperparameters).
   */
  test('Train runs train.py of the code bundle in script mode, with the hyperparameters of the issue, as strings', () => {
    const train = args('Train');
    expect(train.HyperParameters).toEqual({
      objective: 'binary:logistic',
      eval_metric: 'auc',
      num_round: '100',
      max_depth: '3',
      eta: '0.5',
      alpha: '2.5',
      subsample: '0.8',
      colsample_bytree: '0.8',
      min_child_weight: '3',
      early_stopping_rounds: '10',
      sagemaker_program: 'train.py',
      sagemaker_submit_directory: CODE_BUNDLE_URI,
      sagemaker_region: 'us-east-1',
      sagemaker_container_log_level: '20',
    });
    expect(Object.keys(train.HyperParameters).filter((k) => !k.startsWith('sagemaker_'))).toEqual(Object.keys(PLAYER_CHURN_HYPERPARAMETERS));
    expect(train.AlgorithmSpecification.TrainingImage).toBe(XGBOOST_IMAGE);
    expect(train.ResourceConfig.InstanceType).toEqual({ Get: 'Parameters.TrainingInstanceType' });
    expect(train.InputDataConfig.map((c: any) => [c.ChannelName, c.ContentType, c.DataSource.S3DataSource.S3Uri])).toEqual([
      ['train', 'text/csv', outputUri('Preprocess', 'train')],
      ['validation', 'text/csv', outputUri('Preprocess', 'validation')],
    ]);
  });

  /*
   * API reference, AlgorithmSpecification.MetricDefinitions (CreateTrainingJob): "A list of metric
   * definition objects. Each object specifies the metric name and regular expressions used to parse
   * algorithm logs." A training script defines its own (developer guide, "Define metrics and
   * environment variables"; only the built-in algorithms have theirs predefined). SageMaker reads the
   * job's CloudWatch log, where a tab shows as #011.
   */
  test('Train defines validation:auc and train:auc, read from the lines train.py prints each round', () => {
    const train = args('Train');
    expect(train.AlgorithmSpecification).toEqual({
      TrainingImage: XGBOOST_IMAGE,
      TrainingInputMode: 'File',
      MetricDefinitions: PLAYER_CHURN_METRIC_DEFINITIONS.map((m) => ({ Name: m.name, Regex: m.regex })),
    });
    const value = (name: string, line: string) => new RegExp(PLAYER_CHURN_METRIC_DEFINITIONS.find((m) => m.name === name)!.regex).exec(line)?.[1];
    for (const line of ['[12]\ttrain-auc:0.91234\tvalidation-auc:0.87654', '[12]#011train-auc:0.91234#011validation-auc:0.87654']) {
      expect(value('validation:auc', line)).toBe('0.87654');
      expect(value('train:auc', line)).toBe('0.91234');
    }
    expect(value('validation:auc', '[3]\ttrain-auc:1\tvalidation-auc:9.5e-01')).toBe('9.5e-01');
    // Not from other lines: the MLflow summary, the hyperparameters.
    expect(value('validation:auc', 'MLflow: logging the train step; best validation-auc is logged')).toBeUndefined();
    expect(value('train:auc', 'eval_metric=auc train-auc:?')).toBeUndefined();
  });

  test('Evaluate reads the model artifacts and the test split and declares the evaluation report', () => {
    const evaluate = stepJson(definition, 'Evaluate');
    expect(evaluate.Arguments.ProcessingInputs.map((i: any) => [i.InputName, i.S3Input.S3Uri])).toEqual([
      ['code', CODE_BUNDLE_URI],
      ['entrypoint', RUNPROC_URI],
      ['model', { Get: 'Steps.Train.ModelArtifacts.S3ModelArtifacts' }],
      ['test', outputUri('Preprocess', 'test')],
    ]);
    expect(evaluate.PropertyFiles).toEqual([{ PropertyFileName: 'EvaluationReport', OutputName: 'evaluation', FilePath: 'evaluation.json' }]);
    expect(definition.dependenciesOf('Evaluate')).toEqual(['Preprocess', 'Train']);
  });

  // SageMaker API Reference, InferenceSpecification: SupportedRealtimeInferenceInstanceTypes are "the instance types that
  // are used to generate inferences in real-time", SupportedTransformInstanceTypes those "on which a transformation job
  // can be run". A version lists every type the release deploys it on, not only the instanceTypes defaults.
  test('Register lists the instance-type parameters, then each other type an endpoint or batch scoring uses', () => {
    const config = projectConfig({
      instanceTypes: { inference: 'ml.m5.large', transform: 'ml.m5.large' },
      endpoints: { staging: { type: 'serverless' }, prod: { type: 'realtime', instanceType: 'ml.c5.xlarge', autoscaling: { minInstances: 2, maxInstances: 4 } } },
      batchScoring: { inputUri: 's3://acme-churn-scoring/players/daily', instanceType: 'ml.c5.2xlarge' },
    } as any);
    const spec = stepJson(playerChurnPipeline(playerChurnProps({ config })), 'Register').Arguments.InferenceSpecification;
    expect(spec.SupportedRealtimeInferenceInstanceTypes).toEqual([{ Get: 'Parameters.InferenceInstanceType' }, 'ml.c5.xlarge']);
    expect(spec.SupportedTransformInstanceTypes).toEqual([{ Get: 'Parameters.TransformInstanceType' }, 'ml.c5.2xlarge']);
    // Both endpoints on one other type name it once; a type equal to the default is the parameter's.
    const same = projectConfig({ endpoints: { staging: { type: 'realtime', instanceType: 'ml.c5.xlarge' }, prod: { type: 'realtime', instanceType: 'ml.c5.xlarge' } } } as any);
    expect(stepJson(playerChurnPipeline(playerChurnProps({ config: same })), 'Register').Arguments.InferenceSpecification.SupportedRealtimeInferenceInstanceTypes)
      .toEqual([{ Get: 'Parameters.InferenceInstanceType' }, 'ml.c5.xlarge']);
  });

  test('CheckAuc: test AUC (JsonGet) >= TestScoreThreshold, Register if so, AucBelowThreshold otherwise', () => {
    const check = args('CheckAuc');
    expect(check.Conditions).toEqual([{ Type: 'GreaterThanOrEqualTo', LeftValue: AUC, RightValue: THRESHOLD }]);
    expect(check.IfSteps.map((s: any) => [s.Name, s.Type])).toEqual([['Register', 'RegisterModel']]);
    expect(check.ElseSteps.map((s: any) => [s.Name, s.Type])).toEqual([['AucBelowThreshold', 'Fail']]);
  });

  test('Register: the ModelApprovalStatus parameter, the trained model, text/csv in and out, the evaluation as model quality', () => {
    const register = args('Register');
    expect(register.ModelPackageGroupName).toBe('player-churn');
    expect(register.ModelApprovalStatus).toEqual({ Get: 'Parameters.ModelApprovalStatus' });
    expect(register.InferenceSpecification).toEqual({
      Containers: [{ Image: XGBOOST_IMAGE, ModelDataUrl: { Get: 'Steps.Train.ModelArtifacts.S3ModelArtifacts' } }],
      SupportedContentTypes: ['text/csv'],
      SupportedResponseMIMETypes: ['text/csv'],
      SupportedRealtimeInferenceInstanceTypes: [{ Get: 'Parameters.InferenceInstanceType' }],
      SupportedTransformInstanceTypes: [{ Get: 'Parameters.TransformInstanceType' }],
    });
    expect(register.ModelMetrics).toEqual({
      ModelQuality: {
        Statistics: {
          S3Uri: { 'Std:Join': { On: '/', Values: [outputUri('Evaluate', 'evaluation'), 'evaluation.json'] } },
          ContentType: 'application/json',
        },
      },
    });
    expect(register.CustomerMetadataProperties).toEqual({
      baselineDataUri: outputUri('Preprocess', 'baseline'),
      auc: { 'Std:Join': { On: '', Values: [{ 'Std:JsonGet': { PropertyFile: { Get: 'Steps.Evaluate.PropertyFiles.EvaluationReport' }, Path: 'classification_metrics.auc_score.value' } }] } },
      artifactKmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/0d2f1c3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
      pipelineExecutionArn: { Get: 'Execution.PipelineExecutionArn' },
    });
  });

  test('AucBelowThreshold fails with a message carrying the AUC and the threshold', () => {
    const { On, Values } = args('AucBelowThreshold').ErrorMessage['Std:Join'];
    expect(On).toBe(' ');
    const at = (value: unknown) => Values.findIndex((v: unknown) => JSON.stringify(v) === JSON.stringify(value));
    expect(at(AUC)).toBeGreaterThan(-1);
    expect(at(THRESHOLD)).toBeGreaterThan(at(AUC));
    expect(Values.filter((v: unknown) => typeof v === 'string').join(' ')).toMatch(/AUC.*below the threshold/);
  });

  test('jobs retry capacity and internal errors; Register retries only Step.* exceptions', () => {
    for (const name of ['Preprocess', 'Train', 'Evaluate']) {
      const types = stepJson(definition, name).RetryPolicies.flatMap((p: any) => p.ExceptionType);
      expect(types).toEqual(expect.arrayContaining(['SageMaker.CAPACITY_ERROR', 'SageMaker.JOB_INTERNAL_ERROR', 'Step.SERVICE_FAULT', 'Step.THROTTLING']));
    }
    expect(stepJson(definition, 'Register').RetryPolicies.flatMap((p: any) => p.ExceptionType)).toEqual(['Step.SERVICE_FAULT', 'Step.THROTTLING']);
  });

  describe('environment and MLflow', () => {
    const jobSteps = (d: typeof definition) => d.steps.filter((s) => s.type === 'Processing' || s.type === 'Training');
    const EXECUTION = { SAGEMAKER_PIPELINE_EXECUTION_ARN: { Get: 'Execution.PipelineExecutionArn' }, SAGEMAKER_PIPELINE_EXECUTION_ID: { Get: 'Execution.PipelineExecutionId' } };
    const withMlflow = playerChurnPipeline(playerChurnProps({ mlflow: MLFLOW_TRACKING }));

    test('without MLflow, every Processing and Training step gets the execution\'s ARN and id, and no MLflow variable', () => {
      expect(jobSteps(definition).map((s) => s.name)).toEqual(['Preprocess', 'Train', 'Evaluate']);
      for (const step of jobSteps(definition)) {
        expect(stepJson(definition, step.name).Arguments.Environment).toEqual(EXECUTION);
      }
    });

    test('with MLflow, every Processing and Training step also gets MLFLOW_TRACKING_URI and MLFLOW_EXPERIMENT_NAME', () => {
      expect(jobSteps(withMlflow).map((s) => s.name)).toEqual(['Preprocess', 'Train', 'Evaluate', 'TagMlflowRun']);
      for (const step of jobSteps(withMlflow)) {
        expect(stepJson(withMlflow, step.name).Arguments.Environment).toEqual({
          MLFLOW_TRACKING_URI: MLFLOW_ARN, MLFLOW_EXPERIMENT_NAME: 'player-churn', ...EXECUTION,
        });
      }
    });

    test('the Model Monitor baseline keeps only the analyzer\'s own environment', () => {
      const monitored = playerChurnPipeline(playerChurnProps({ mlflow: MLFLOW_TRACKING, modelMonitorImageUri: '156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer:latest' }));
      expect(Object.keys(stepJson(monitored, 'BaselineDataQuality').Arguments.Environment).sort())
        .toEqual(['dataset_format', 'dataset_source', 'output_path', 'publish_cloudwatch_metrics']);
    });

    test('with MLflow, Register records the MLflow run and model that evaluate.py writes into the evaluation report', () => {
      const report = (path: string) => ({ 'Std:JsonGet': { PropertyFile: { Get: 'Steps.Evaluate.PropertyFiles.EvaluationReport' }, Path: path } });
      expect(stepJson(withMlflow, 'Register').Arguments.CustomerMetadataProperties).toMatchObject({
        mlflowRunId: report('mlflow.run_id'),
        mlflowModelUri: report('mlflow.model_uri'),
      });
      expect(Object.keys(args('Register').CustomerMetadataProperties)).not.toEqual(expect.arrayContaining(['mlflowRunId']));
      expect(Object.keys(args('Register').CustomerMetadataProperties)).not.toEqual(expect.arrayContaining(['mlflowModelUri']));
    });

    /*
     * Model Building Pipelines, "Step properties": a RegisterModel step's properties are the
     * DescribeModelPackage response (SageMaker Python SDK: Properties(path=f"Steps.{name}",
     * shape_name="DescribeModelPackageOutput")), whose ModelPackageArn is the registered version's ARN.
     * A step that reads another step's property runs after it (a data dependency).
     */
    test('with MLflow only, TagMlflowRun runs tag_model_package.py after Register, in its branch, with the version\'s ARN and the training run', () => {
      expect(definition.steps.map((s) => s.name)).not.toContain('TagMlflowRun');
      expect(() => stepJson(definition, 'TagMlflowRun')).toThrow('no step TagMlflowRun in the definition');
      expect(withMlflow.steps.map((s) => s.name)).toEqual(['Preprocess', 'Train', 'Evaluate', 'CheckAuc', 'Register', 'TagMlflowRun', 'AucBelowThreshold']);
      expect(stepJson(withMlflow, 'CheckAuc').Arguments.IfSteps.map((s: any) => [s.Name, s.Type])).toEqual([['Register', 'RegisterModel'], ['TagMlflowRun', 'Processing']]);
      expect(stepJson(withMlflow, 'CheckAuc').Arguments.ElseSteps.map((s: any) => s.Name)).toEqual(['AucBelowThreshold']);
      expect(withMlflow.dependenciesOf('TagMlflowRun')).toEqual(['CheckAuc', 'Evaluate', 'Register']);

      const tag = stepJson(withMlflow, 'TagMlflowRun');
      expect(tag.Arguments.AppSpecification).toEqual({
        // The evaluation step's image (Python 3.10, for the pinned mlflow) and the same code bundle.
        ImageUri: XGBOOST_IMAGE,
        ContainerEntrypoint: ['/bin/bash', '/opt/ml/processing/input/entrypoint/3d4e5f.sh', 'tag_model_package.py'],
        ContainerArguments: [
          '--model-package-arn', { Get: 'Steps.Register.ModelPackageArn' },
          '--run-id', { 'Std:JsonGet': { PropertyFile: { Get: 'Steps.Evaluate.PropertyFiles.EvaluationReport' }, Path: 'mlflow.run_id' } },
        ],
      });
      expect(tag.Arguments.ProcessingInputs).toEqual(stepJson(withMlflow, 'Evaluate').Arguments.ProcessingInputs.slice(0, 2));
      expect(tag.Arguments.ProcessingInputs.map((i: any) => i.InputName)).toEqual(['code', 'entrypoint']);
      expect(tag.Arguments.ProcessingOutputConfig).toBeUndefined();
      expect(tag.Arguments.Environment).toEqual({ MLFLOW_TRACKING_URI: MLFLOW_ARN, MLFLOW_EXPERIMENT_NAME: 'player-churn', ...EXECUTION });
      // Cheap: the processing instance type parameter, one instance; the project's role and volume key.
      expect(tag.Arguments.ProcessingResources.ClusterConfig).toMatchObject({
        InstanceType: { Get: 'Parameters.ProcessingInstanceType' }, InstanceCount: 1, VolumeKmsKeyId: KMS_KEY_ARN,
      });
      expect(tag.Arguments.RoleArn).toBe(ROLE_ARN);
      expect(tag.RetryPolicies).toEqual(stepJson(withMlflow, 'Evaluate').RetryPolicies);
      expect(MLFLOW_STEPS.steps.tagRun).toBe('TagMlflowRun');
    });

    test('the tag step\'s script is a script of the pipeline only with MLflow', () => {
      expect(mlflowStepScripts(undefined)).toEqual([]);
      expect(mlflowStepScripts(MLFLOW_TRACKING)).toEqual(['tag_model_package.py']);
    });

    /*
     * CreateTrainingJob, AlgorithmSpecification.MetricDefinitions: metrics parsed from the job's log
     * (CloudWatch, where SageMaker reads the lines a script prints). CreateProcessingJob has no metric
     * definitions, so only Train publishes mlflow:logging_failures.
     */
    test('with MLflow, Train also publishes mlflow:logging_failures from the line tracking.py prints at the end', () => {
      const definitions = stepJson(withMlflow, 'Train').Arguments.AlgorithmSpecification.MetricDefinitions;
      expect(definitions).toEqual([...PLAYER_CHURN_METRIC_DEFINITIONS, ...MLFLOW_METRIC_DEFINITIONS].map((m) => ({ Name: m.name, Regex: m.regex })));
      expect(definitions.map((m: any) => m.Name)).toEqual(['validation:auc', 'train:auc', 'mlflow:logging_failures']);
      expect(args('Train').AlgorithmSpecification.MetricDefinitions.map((m: any) => m.Name)).toEqual(['validation:auc', 'train:auc']);
      const value = (line: string) => new RegExp(MLFLOW_METRIC_DEFINITIONS[0].regex).exec(line)?.[1];
      // tracking.py: print(f"{FAILURES_METRIC}={self.failures}"), FAILURES_METRIC = "mlflow_logging_failures".
      expect(value('mlflow_logging_failures=0')).toBe('0');
      expect(value('mlflow_logging_failures=12')).toBe('12');
      expect(value('WARNING: MLflow: further failures of the train step are only counted in mlflow_logging_failures')).toBeUndefined();
      expect(value('[3]\ttrain-auc:0.9\tvalidation-auc:0.8')).toBeUndefined();
      for (const step of ['Preprocess', 'Evaluate', 'TagMlflowRun']) {
        expect(stepJson(withMlflow, step).Arguments.AlgorithmSpecification).toBeUndefined();
      }
    });

    test('both definitions pass the corrected pipeline schema (Environment on a training step is one of its corrections)', () => {
      for (const d of [definition, withMlflow]) {
        expect(pipelineDefinitionSchemaErrors(d.toJSON())).toEqual([]);
        expect(() => assertValidPipelineDefinition(d.toJSON())).not.toThrow();
      }
    });
  });
});
