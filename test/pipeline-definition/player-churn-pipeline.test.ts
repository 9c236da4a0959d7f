import { PLAYER_CHURN, PLAYER_CHURN_HYPERPARAMETERS, playerChurnPipeline } from '../../src/model-build/player-churn-pipeline';
import { ConfigError, acceptsVolumeKmsKey, allowedInstanceTypes } from '../../src/config';
import { ParameterFloat } from '../../src/pipeline-definition';
import { KMS_KEY_ARN, MLFLOW_ARN, ROLE_ARN, SKLEARN_IMAGE, XGBOOST_IMAGE, playerChurnProps, projectConfig, stepJson } from './fixtures';

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
    expect(preprocess.AppSpecification).toMatchObject({ ImageUri: SKLEARN_IMAGE, ContainerEntrypoint: ['python3', '/opt/ml/processing/input/code/preprocess.py'] });
    expect(preprocess.RoleArn).toBe(ROLE_ARN);
    expect(preprocess.ProcessingInputs.map((i: any) => [i.InputName, i.S3Input.S3Uri])).toEqual([
      ['code', 's3://player-churn-artifacts-123456789012/code/abc123/preprocess.py'],
      ['data', { Get: 'Parameters.InputDataUrl' }],
    ]);
    expect(preprocess.ProcessingOutputConfig.Outputs.map((o: any) => o.OutputName)).toEqual(['train', 'validation', 'test', 'baseline']);
    expect(preprocess.ProcessingOutputConfig.Outputs[0].S3Output.S3Uri).toEqual({
      'Std:Join': { On: '/', Values: ['s3:/', 'player-churn-artifacts-123456789012', 'player-churn', { Get: 'Execution.PipelineExecutionId' }, 'Preprocess', 'train'] },
    });
    expect(preprocess.ProcessingOutputConfig.KmsKeyId).toBe(KMS_KEY_ARN);
  });

  test('Train runs the built-in XGBoost with the hyperparameters of the issue, as strings', () => {
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
    });
    expect(Object.keys(PLAYER_CHURN_HYPERPARAMETERS)).toEqual(Object.keys(train.HyperParameters));
    expect(train.AlgorithmSpecification.TrainingImage).toBe(XGBOOST_IMAGE);
    expect(train.ResourceConfig.InstanceType).toEqual({ Get: 'Parameters.TrainingInstanceType' });
    expect(train.InputDataConfig.map((c: any) => [c.ChannelName, c.ContentType, c.DataSource.S3DataSource.S3Uri])).toEqual([
      ['train', 'text/csv', outputUri('Preprocess', 'train')],
      ['validation', 'text/csv', outputUri('Preprocess', 'validation')],
    ]);
  });

  /*
   * Developer guide, "Define metrics and environment variables": "If you use one of the SageMaker
   * built-in algorithms, metrics are already defined for you"; "Tune an XGBoost Model" lists the
   * metrics the XGBoost algorithm computes (validation:auc, ...). The issue quotes CreateTrainingJob's
   * refusal ("You can't override the metric definitions for Amazon SageMaker algorithms"); that
   * sentence was not found in the stored AWS pages.
   */
  test('Train runs the built-in algorithm (no sagemaker_program) and so sets no metric definitions', () => {
    const train = args('Train');
    expect(train.HyperParameters.sagemaker_program).toBeUndefined();
    expect(train.AlgorithmSpecification).toEqual({ TrainingImage: XGBOOST_IMAGE, TrainingInputMode: 'File' });
  });

  test('Evaluate reads the model artifacts and the test split and declares the evaluation report', () => {
    const evaluate = stepJson(definition, 'Evaluate');
    expect(evaluate.Arguments.ProcessingInputs.map((i: any) => [i.InputName, i.S3Input.S3Uri])).toEqual([
      ['code', 's3://player-churn-artifacts-123456789012/code/abc123/evaluate.py'],
      ['model', { Get: 'Steps.Train.ModelArtifacts.S3ModelArtifacts' }],
      ['test', outputUri('Preprocess', 'test')],
    ]);
    expect(evaluate.PropertyFiles).toEqual([{ PropertyFileName: 'EvaluationReport', OutputName: 'evaluation', FilePath: 'evaluation.json' }]);
    expect(definition.dependenciesOf('Evaluate')).toEqual(['Preprocess', 'Train']);
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

  describe('MLflow', () => {
    const jobSteps = (d: typeof definition) => d.steps.filter((s) => s.type === 'Processing' || s.type === 'Training');

    test('with mlflowTrackingServerArn, every Processing and Training step has MLFLOW_TRACKING_URI = that ARN', () => {
      const withMlflow = playerChurnPipeline(playerChurnProps({ mlflowTrackingServerArn: MLFLOW_ARN }));
      const steps = jobSteps(withMlflow);
      expect(steps.map((s) => s.name)).toEqual(['Preprocess', 'Train', 'Evaluate']);
      for (const step of steps) {
        expect(stepJson(withMlflow, step.name).Arguments.Environment).toMatchObject({ MLFLOW_TRACKING_URI: MLFLOW_ARN });
      }
    });

    test('without it, no step has an Environment', () => {
      for (const step of jobSteps(definition)) {
        expect(stepJson(definition, step.name).Arguments).not.toHaveProperty('Environment');
      }
    });
  });
});
