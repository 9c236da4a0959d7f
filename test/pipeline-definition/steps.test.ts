import { Fn, Token } from 'aws-cdk-lib';
import {
  Condition, ConditionStep, CreateModelStep, ExecutionVariable, FailStep, Join, ParameterFloat, ParameterInteger,
  ParameterString, PipelineDefinition, PropertyFile, RETRY_POLICY_LIMITS, RetryPolicy, Step, TransformStep, pipelineDefinitionSchemaErrors,
} from '../../src/pipeline-definition';
import {
  KMS_KEY_ARN, ROLE_ARN, SKLEARN_IMAGE, XGBOOST_IMAGE, errorOf, evaluationStep, failStep, processingStep, registerStep, stepJson, trainingStep,
} from './fixtures';

/** The JSON of `step` in a definition of `steps` (the step included). */
function jsonOf(step: Step, others: Step[] = [], parameters: PipelineDefinition['parameters'] = []): any {
  return stepJson(new PipelineDefinition({ parameters, steps: [...others, step] }), step.name);
}

describe('ProcessingStep', () => {
  const step = processingStep({
    description: 'Feature engineering',
    displayName: 'Preprocess-data',
    arguments: ['--input-dir', '/opt/ml/processing/input/data'],
    environment: { LOG_LEVEL: 'INFO' },
    instanceCount: 2,
    volumeSizeInGb: 50,
    volumeKmsKeyId: KMS_KEY_ARN,
    outputKmsKeyId: KMS_KEY_ARN,
    maxRuntimeSeconds: 1200,
  });
  const json = jsonOf(step);

  test('name, type, display name and description', () => {
    expect(json).toMatchObject({ Name: 'Preprocess', Type: 'Processing', DisplayName: 'Preprocess-data', Description: 'Feature engineering' });
  });

  test('resources, app specification, role and environment', () => {
    expect(json.Arguments.ProcessingResources).toEqual({
      ClusterConfig: { InstanceType: 'ml.m5.large', InstanceCount: 2, VolumeSizeInGB: 50, VolumeKmsKeyId: KMS_KEY_ARN },
    });
    expect(json.Arguments.AppSpecification).toEqual({
      ImageUri: SKLEARN_IMAGE,
      ContainerEntrypoint: ['python3', '/opt/ml/processing/input/code/preprocess.py'],
      ContainerArguments: ['--input-dir', '/opt/ml/processing/input/data'],
    });
    expect(json.Arguments.RoleArn).toBe(ROLE_ARN);
    expect(json.Arguments.Environment).toEqual({ LOG_LEVEL: 'INFO' });
    expect(json.Arguments.StoppingCondition).toEqual({ MaxRuntimeInSeconds: 1200 });
  });

  test('inputs and outputs', () => {
    expect(json.Arguments.ProcessingInputs).toEqual([{
      InputName: 'data',
      S3Input: {
        S3Uri: 's3://bucket/raw/players.csv', LocalPath: '/opt/ml/processing/input/data', S3DataType: 'S3Prefix',
        S3InputMode: 'File', S3DataDistributionType: 'FullyReplicated', S3CompressionType: 'None',
      },
    }]);
    expect(json.Arguments.ProcessingOutputConfig).toEqual({
      Outputs: [{ OutputName: 'train', S3Output: { S3Uri: 's3://bucket/out/train', LocalPath: '/opt/ml/processing/output/train', S3UploadMode: 'EndOfJob' } }],
      KmsKeyId: KMS_KEY_ARN,
    });
  });

  test('defaults: one instance of 30 GB, an hour, no policies, no property files', () => {
    const plain = jsonOf(processingStep());
    expect(plain.Arguments.ProcessingResources.ClusterConfig).toEqual({ InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeSizeInGB: 30 });
    expect(plain.Arguments.StoppingCondition).toEqual({ MaxRuntimeInSeconds: 3600 });
    expect(Object.keys(plain)).toEqual(['Name', 'Type', 'Arguments']);
  });

  test('PropertyFiles lists each file with its output and path', () => {
    expect(jsonOf(evaluationStep().step).PropertyFiles).toEqual([{ PropertyFileName: 'EvaluationReport', OutputName: 'evaluation', FilePath: 'evaluation.json' }]);
  });

  test('outputLocalPath is the folder the container writes the output to', () => {
    expect(step.outputLocalPath('train')).toBe('/opt/ml/processing/output/train');
    expect(errorOf(() => step.outputLocalPath('test')).message).toBe('step Preprocess: has no output named "test"');
  });

  test('a parameter as input renders its Get', () => {
    const inputData = new ParameterString({ name: 'InputDataUrl' });
    const withParameter = processingStep({ inputs: [{ name: 'data', source: inputData, destination: '/opt/ml/processing/input/data' }] });
    expect(jsonOf(withParameter, [], [inputData]).Arguments.ProcessingInputs[0].S3Input.S3Uri).toEqual({ Get: 'Parameters.InputDataUrl' });
  });

  test('a property file written to an output the step does not have is rejected, naming the file, the output and the outputs', () => {
    const err = errorOf(() => processingStep({ name: 'Evaluate', propertyFiles: [new PropertyFile('EvaluationReport', 'metrics', 'evaluation.json')] }));
    expect(err.message).toBe('step Evaluate: property file EvaluationReport is written to output "metrics", which the step does not have; outputs: train');
  });

  test('two property files of one name are rejected', () => {
    const outputs = [{ name: 'evaluation', source: '/opt/ml/processing/evaluation', destination: 's3://bucket/evaluation' }];
    const err = errorOf(() => processingStep({
      name: 'Evaluate', outputs, propertyFiles: [new PropertyFile('Report', 'evaluation', 'a.json'), new PropertyFile('Report', 'evaluation', 'b.json')],
    }));
    expect(err.message).toBe('step Evaluate: two property files are named Report');
  });

  test.each([
    ['/tmp/data', 'input data'],
    ['/opt/ml/processing', 'input data'],
    ['/opt/ml/processing/../input', 'input data'],
    ['opt/ml/processing/input', 'input data'],
  ])('the local input path %s is rejected (outside /opt/ml/processing)', (destination, what) => {
    const err = errorOf(() => processingStep({ inputs: [{ name: 'data', source: 's3://bucket/raw', destination }] }));
    expect(err.message).toBe(`step Preprocess: ${what}: the local path must be a folder under /opt/ml/processing/, got ${JSON.stringify(destination)}`);
  });

  test('a local output path outside /opt/ml/processing is rejected, naming the output', () => {
    const err = errorOf(() => processingStep({ outputs: [{ name: 'train', source: '/home/user/train', destination: 's3://bucket/train' }] }));
    expect(err.message).toBe('step Preprocess: output train: the local path must be a folder under /opt/ml/processing/, got "/home/user/train"');
  });

  // CreateProcessingJob: each input needs a destination of its own (AWS's answer in aws/sagemaker-python-sdk#4939),
  // and an input and an output at one path fail its validation (aws/sagemaker-python-sdk#1950).
  test.each([
    [
      'two inputs', { inputs: [{ name: 'data', source: 's3://bucket/raw', destination: '/opt/ml/processing/input' }, { name: 'extra', source: 's3://bucket/extra', destination: '/opt/ml/processing/input/' }] },
      'input data and input extra share the local path /opt/ml/processing/input/',
    ],
    [
      'an input and an output', { outputs: [{ name: 'train', source: '/opt/ml/processing/input/data', destination: 's3://bucket/out/train' }] },
      'input data and output train share the local path /opt/ml/processing/input/data',
    ],
  ])('%s at one local path are rejected', (_, overrides, message) => {
    expect(errorOf(() => processingStep(overrides)).message).toBe(`step Preprocess: ${message}; each input and output needs a folder of its own`);
  });

  test('an input and an output of one name are rejected', () => {
    const err = errorOf(() => processingStep({ inputs: [{ name: 'train', source: 's3://bucket/raw', destination: '/opt/ml/processing/input' }] }));
    expect(err.message).toBe('step Preprocess: the name "train" is used by two inputs or outputs; each needs a name of its own');
  });

  test.each([
    [{ instanceType: 'm5.large' }, 'instance type must be a SageMaker instance type such as ml.m5.large, got "m5.large"'],
    [{ instanceCount: 0 }, 'instanceCount must be a positive integer, got 0'],
    [{ volumeSizeInGb: 1.5 }, 'volumeSizeInGb must be a positive integer, got 1.5'],
    [{ maxRuntimeSeconds: NaN }, 'maxRuntimeSeconds must be a positive integer, got NaN'],
  ])('%p is rejected', (overrides, message) => {
    expect(errorOf(() => processingStep(overrides)).message).toBe(`step Preprocess: ${message}`);
  });

  test('an instance type parameter is not checked as a literal', () => {
    const type = new ParameterString({ name: 'ProcessingInstanceType', defaultValue: 'ml.m5.large' });
    expect(jsonOf(processingStep({ instanceType: type }), [], [type]).Arguments.ProcessingResources.ClusterConfig.InstanceType)
      .toEqual({ Get: 'Parameters.ProcessingInstanceType' });
  });
});

describe('TrainingStep', () => {
  const depth = new ParameterInteger({ name: 'MaxDepth', defaultValue: 3 });
  const eta = new ParameterFloat({ name: 'Eta', defaultValue: 0.5 });
  const objective = new ParameterString({ name: 'Objective', defaultValue: 'binary:logistic' });
  const preprocess = processingStep({
    outputs: ['train', 'validation'].map((name) => ({ name, source: `/opt/ml/processing/output/${name}`, destination: `s3://bucket/out/${name}` })),
  });
  const step = trainingStep({
    // A training script in the XGBoost image (script mode), which may define its own metrics.
    hyperparameters: {
      sagemaker_program: 'train.py', num_round: 100, eta: 0.5, alpha: 2.5, objective: 'binary:logistic', max_depth: depth, learning_rate: eta, objective_p: objective,
    },
    inputs: {
      train: { s3Uri: preprocess.outputUri('train'), contentType: 'text/csv' },
      validation: { s3Uri: preprocess.outputUri('validation'), distribution: 'ShardedByS3Key' },
    },
    environment: { MLFLOW_TRACKING_URI: 'arn:aws:sagemaker:us-east-1:123456789012:mlflow-tracking-server/x' },
    metricDefinitions: [{ name: 'validation:auc', regex: 'validation-auc:([0-9\\.]+)' }],
    outputKmsKeyId: KMS_KEY_ARN,
  });
  const json = jsonOf(step, [preprocess], [depth, eta, objective]);

  test('hyperparameter numbers are rendered as strings', () => {
    expect(json.Arguments.HyperParameters).toMatchObject({ num_round: '100', eta: '0.5', alpha: '2.5', objective: 'binary:logistic' });
  });

  test('a String parameter in hyperparameters is its Get; other parameters are wrapped in a one-value Std:Join', () => {
    expect(json.Arguments.HyperParameters).toMatchObject({
      objective_p: { Get: 'Parameters.Objective' },
      max_depth: { 'Std:Join': { On: '', Values: [{ Get: 'Parameters.MaxDepth' }] } },
      learning_rate: { 'Std:Join': { On: '', Values: [{ Get: 'Parameters.Eta' }] } },
    });
  });

  test('algorithm, channels, output, resources, role, environment, stopping condition', () => {
    expect(json).toMatchObject({ Name: 'Train', Type: 'Training' });
    expect(json.Arguments.AlgorithmSpecification).toEqual({
      TrainingImage: XGBOOST_IMAGE, TrainingInputMode: 'File', MetricDefinitions: [{ Name: 'validation:auc', Regex: 'validation-auc:([0-9\\.]+)' }],
    });
    expect(json.Arguments.InputDataConfig).toEqual([
      {
        ChannelName: 'train', ContentType: 'text/csv',
        DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: { Get: "Steps.Preprocess.ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri" }, S3DataDistributionType: 'FullyReplicated' } },
      },
      {
        ChannelName: 'validation',
        DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: { Get: "Steps.Preprocess.ProcessingOutputConfig.Outputs['validation'].S3Output.S3Uri" }, S3DataDistributionType: 'ShardedByS3Key' } },
      },
    ]);
    expect(json.Arguments.OutputDataConfig).toEqual({ S3OutputPath: 's3://bucket/model', KmsKeyId: KMS_KEY_ARN });
    expect(json.Arguments.ResourceConfig).toEqual({ InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 30 });
    expect(json.Arguments.RoleArn).toBe(ROLE_ARN);
    expect(json.Arguments.Environment).toEqual({ MLFLOW_TRACKING_URI: 'arn:aws:sagemaker:us-east-1:123456789012:mlflow-tracking-server/x' });
    expect(json.Arguments.StoppingCondition).toEqual({ MaxRuntimeInSeconds: 86400 });
  });

  test('no HyperParameters key without hyperparameters', () => {
    expect(jsonOf(trainingStep()).Arguments).not.toHaveProperty('HyperParameters');
  });

  test('a boolean hyperparameter is rejected, naming it', () => {
    expect(errorOf(() => trainingStep({ hyperparameters: { early_stopping: true as any } })).message)
      .toBe('step Train: hyperparameter "early_stopping" must be a string or a number, got true');
  });

  test('an object hyperparameter is rejected, naming it', () => {
    expect(errorOf(() => trainingStep({ hyperparameters: { booster: { type: 'gbtree' } as unknown as string } })).message)
      .toBe('step Train: hyperparameter "booster" must be a string or a number, got {"type":"gbtree"}');
  });

  test('a NaN hyperparameter is rejected, naming it', () => {
    expect(errorOf(() => trainingStep({ hyperparameters: { eta: NaN } })).message).toBe('step Train: hyperparameter "eta" must be a string or a number, got NaN');
  });

  test('needs an input channel with a valid name', () => {
    expect(errorOf(() => trainingStep({ inputs: {} })).message).toBe('step Train: needs at least one input channel, such as train');
    expect(errorOf(() => trainingStep({ inputs: { 'train data': { s3Uri: 's3://bucket/train' } } })).message)
      .toBe('step Train: channel name "train data" must be 1 to 64 letters, digits, \'.\', \'-\' or \'_\'');
  });
});

// SageMaker API Reference, CreateProcessingJob (NetworkConfig.VpcConfig) and CreateTrainingJob (VpcConfig); VpcConfig:
// Subnets and SecurityGroupIds.
describe('vpcConfig of processing and training steps', () => {
  const vpcConfig = { subnetIds: ['subnet-0123456789abcdef0', 'subnet-0fedcba9876543210'], securityGroupIds: ['sg-0123456789abcdef0'] };
  const rendered = { Subnets: vpcConfig.subnetIds, SecurityGroupIds: vpcConfig.securityGroupIds };

  test('a processing job renders it in NetworkConfig, a training job at the top of its arguments; the definition validates', () => {
    const processing = processingStep({ vpcConfig });
    const training = trainingStep({ vpcConfig });
    const definition = new PipelineDefinition({ steps: [processing, training] });
    expect(stepJson(definition, processing.name).Arguments.NetworkConfig).toEqual({ VpcConfig: rendered });
    expect(stepJson(definition, training.name).Arguments.VpcConfig).toEqual(rendered);
    expect(pipelineDefinitionSchemaErrors(definition.toJSON())).toEqual([]);
  });

  test('without it, neither step has a network setting (SageMaker\'s own network)', () => {
    const processing = processingStep();
    const training = trainingStep();
    const definition = new PipelineDefinition({ steps: [processing, training] });
    expect(stepJson(definition, processing.name).Arguments).not.toHaveProperty('NetworkConfig');
    expect(stepJson(definition, training.name).Arguments).not.toHaveProperty('VpcConfig');
  });
});

// SageMaker API Reference (CreateProcessingJob, CreateTrainingJob, ContainerDefinition): Environment takes at most 100
// variables, names matching [a-zA-Z_][a-zA-Z0-9_]*, and names and values of at most 256, 512 and 1024 characters. The same
// limits (src/pipeline-definition/steps/request-limits.ts) hold the local run's resolved values.
describe('environment of processing, training and model steps', () => {
  const steps: Array<[string, number, (environment: Record<string, string | ParameterString>) => unknown]> = [
    ['CreateProcessingJob', 256, (environment) => processingStep({ environment })],
    ['CreateTrainingJob', 512, (environment) => trainingStep({ environment })],
    ['CreateModel (ContainerDefinition)', 1024, (environment) => new CreateModelStep({ name: 'CreateModel', executionRoleArn: ROLE_ARN, image: XGBOOST_IMAGE, environment })],
  ];
  test.each(steps)('%s: values up to %d characters, names of letters, digits and _, 100 variables', (request, max, make) => {
    expect(() => make({ LONGEST: 'x'.repeat(max), _private2: 'y', FROM_PARAMETER: new ParameterString({ name: 'P', defaultValue: 'z'.repeat(max + 1) }) })).not.toThrow();
    expect(() => make({ TOO_LONG: 'x'.repeat(max + 1) })).toThrow(`environment.TOO_LONG is ${max + 1} characters; ${request} takes at most ${max}`);
    expect(() => make({ '2FAST': 'x' })).toThrow(`environment key "2FAST" is not one ${request} takes (a letter or _ then letters, digits or _, at most ${max} characters)`);
    expect(() => make({ 'MY-VAR': 'x' })).toThrow(/environment key "MY-VAR" is not one/);
    const many = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`V${i}`, 'x']));
    expect(() => make(many)).toThrow(`environment has 101 entries; ${request} takes at most 100`);
    expect(() => make(Object.fromEntries(Object.entries(many).slice(1)))).not.toThrow();
  });
});

// SageMaker API Reference, CreateProcessingJob (ProcessingClusterConfig: 1..100 instances, 1..16384 GB; ContainerEntrypoint
// and ContainerArguments: 1..100 items of at most 256; at most 10 inputs and 10 outputs; ProcessingStoppingCondition: at
// most 777600 s) and CreateTrainingJob (at most 20 channels; HyperParameters values of at most 2500).
describe('what the job requests refuse, when the step is created', () => {
  const uri = (i: number) => `s3://bucket/in/${i}`;
  test.each([
    ['101 instances', () => processingStep({ instanceCount: 101 }), 'instanceCount must be at most 100 (CreateProcessingJob), got 101'],
    ['a 20000 GB volume', () => processingStep({ volumeSizeInGb: 20_000 }), 'volumeSizeInGb must be at most 16384 (CreateProcessingJob), got 20000'],
    ['a 10-day runtime', () => processingStep({ maxRuntimeSeconds: 864_000 }), 'maxRuntimeSeconds must be at most 777600 (CreateProcessingJob), got 864000'],
    ['no arguments', () => processingStep({ arguments: [] }), 'arguments must be a list of 1 to 100 strings (CreateProcessingJob), got []'],
    ['an argument of 300 characters', () => processingStep({ arguments: ['x'.repeat(300)] }), 'arguments has an item of 300 characters; CreateProcessingJob takes at most 256'],
    ['11 inputs', () => processingStep({ inputs: Array.from({ length: 11 }, (_, i) => ({ name: `in${i}`, source: uri(i), destination: `/opt/ml/processing/in${i}` })) }),
      'inputs has 11 entries; CreateProcessingJob takes at most 10'],
    ['21 channels', () => trainingStep({ inputs: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`c${i}`, { s3Uri: uri(i) }])) }),
      'inputs has 21 entries; CreateTrainingJob takes at most 20'],
    ['a hyperparameter of 3000 characters', () => trainingStep({ hyperparameters: { sagemaker_program: 'train.py', note: 'x'.repeat(3000) } }),
      'hyperparameters.note is 3000 characters; CreateTrainingJob takes at most 2500'],
  ])('%s', (_what, make, message) => {
    expect(make).toThrow(message);
  });

  test('the limits themselves pass, and values computed at run time are left to SageMaker', () => {
    const count = new ParameterInteger({ name: 'Count', defaultValue: 500 });
    expect(() => processingStep({ instanceCount: 100, volumeSizeInGb: 16_384, maxRuntimeSeconds: 777_600, arguments: ['x'.repeat(256)] })).not.toThrow();
    expect(() => processingStep({ instanceCount: count, arguments: [new ParameterString({ name: 'Arg', defaultValue: 'y'.repeat(300) })] })).not.toThrow();
  });
});

describe('ConditionStep', () => {
  const threshold = new ParameterFloat({ name: 'Threshold', defaultValue: 0.75 });
  const register = registerStep();
  const fail = failStep('TooLow');
  const check = new ConditionStep({ name: 'Check', conditions: [Condition.greaterThanOrEqualTo(0.8, threshold)], ifSteps: [register], elseSteps: [fail] });
  const json = jsonOf(check, [], [threshold]);

  test('renders its conditions and both branches with the full JSON of their steps', () => {
    expect(json.Type).toBe('Condition');
    expect(json.Arguments.Conditions).toEqual([{ Type: 'GreaterThanOrEqualTo', LeftValue: 0.8, RightValue: { Get: 'Parameters.Threshold' } }]);
    expect(json.Arguments.IfSteps).toHaveLength(1);
    expect(json.Arguments.IfSteps[0]).toMatchObject({ Name: 'Register', Type: 'RegisterModel', Arguments: { ModelPackageGroupName: 'player-churn' } });
    expect(json.Arguments.ElseSteps).toEqual([{ Name: 'TooLow', Type: 'Fail', Arguments: { ErrorMessage: 'the model is not good enough' } }]);
  });

  test('an empty branch is an empty list', () => {
    const onlyIf = new ConditionStep({ name: 'Check', conditions: [Condition.equals(1, 1)], ifSteps: [failStep()] });
    expect(jsonOf(onlyIf).Arguments.ElseSteps).toEqual([]);
  });

  test('outcome is the Outcome property', () => {
    expect(String(check.outcome)).toBe('Steps.Check.Outcome');
  });

  test('needs a condition and a step in a branch', () => {
    expect(errorOf(() => new ConditionStep({ name: 'Check', conditions: [], ifSteps: [failStep()] })).message).toBe('step Check: needs at least one condition');
    expect(errorOf(() => new ConditionStep({ name: 'Check', conditions: [Condition.equals(1, 1)] })).message).toBe('step Check: has no steps in either branch');
  });
});

describe('RegisterModelStep', () => {
  const train = trainingStep();
  const evaluate = evaluationStep().step;
  const status = new ParameterString({ name: 'ModelApprovalStatus', defaultValue: 'PendingManualApproval' });
  const step = registerStep({
    approvalStatus: status,
    modelDataUrl: train.modelArtifacts,
    modelPackageDescription: 'player churn',
    modelMetrics: { modelQuality: { statistics: { s3Uri: new Join('/', [evaluate.outputUri('evaluation'), 'evaluation.json']) } } },
    customerMetadata: { commit: 'abc123', execution: ExecutionVariable.PIPELINE_EXECUTION_ARN },
  });
  const json = jsonOf(step, [train, evaluate], [status]);

  test('group, approval status, description, inference specification', () => {
    expect(json).toMatchObject({ Name: 'Register', Type: 'RegisterModel' });
    expect(json.Arguments).toMatchObject({
      ModelPackageGroupName: 'player-churn',
      ModelApprovalStatus: { Get: 'Parameters.ModelApprovalStatus' },
      ModelPackageDescription: 'player churn',
    });
    expect(json.Arguments.InferenceSpecification).toEqual({
      Containers: [{ Image: XGBOOST_IMAGE, ModelDataUrl: { Get: 'Steps.Train.ModelArtifacts.S3ModelArtifacts' } }],
      SupportedContentTypes: ['text/csv'],
      SupportedResponseMIMETypes: ['text/csv'],
      SupportedRealtimeInferenceInstanceTypes: ['ml.m5.large'],
      SupportedTransformInstanceTypes: ['ml.m5.large'],
    });
  });

  test('model metrics (JSON by default) and customer metadata', () => {
    expect(json.Arguments.ModelMetrics).toEqual({
      ModelQuality: {
        Statistics: {
          S3Uri: { 'Std:Join': { On: '/', Values: [{ Get: "Steps.Evaluate.ProcessingOutputConfig.Outputs['evaluation'].S3Output.S3Uri" }, 'evaluation.json'] } },
          ContentType: 'application/json',
        },
      },
    });
    expect(json.Arguments.CustomerMetadataProperties).toEqual({ commit: 'abc123', execution: { Get: 'Execution.PipelineExecutionArn' } });
  });

  test('every kind of model metrics, each JSON unless told otherwise', () => {
    const source = (name: string) => ({ s3Uri: `s3://bucket/metrics/${name}.json` });
    const metrics = jsonOf(registerStep({
      modelMetrics: {
        modelQuality: { constraints: { s3Uri: 's3://bucket/metrics/constraints.csv', contentType: 'text/csv' } },
        modelDataQuality: { statistics: source('data-statistics'), constraints: source('data-constraints') },
        bias: { report: source('bias') },
        explainability: { report: source('explainability') },
      },
    })).Arguments.ModelMetrics;
    const json = (name: string) => ({ S3Uri: `s3://bucket/metrics/${name}.json`, ContentType: 'application/json' });
    expect(metrics).toEqual({
      ModelQuality: { Constraints: { S3Uri: 's3://bucket/metrics/constraints.csv', ContentType: 'text/csv' } },
      ModelDataQuality: { Statistics: json('data-statistics'), Constraints: json('data-constraints') },
      Bias: { Report: json('bias') },
      Explainability: { Report: json('explainability') },
    });
  });

  test('the approval status defaults to PendingManualApproval', () => {
    expect(jsonOf(registerStep()).Arguments.ModelApprovalStatus).toBe('PendingManualApproval');
  });

  test('a literal approval status must be one SageMaker knows', () => {
    expect(errorOf(() => registerStep({ approvalStatus: 'Maybe' })).message)
      .toBe('step Register: approval status must be one of Approved, Rejected, PendingManualApproval, got "Maybe"');
  });

  test('needs content and response types', () => {
    expect(errorOf(() => registerStep({ contentTypes: [] })).message).toBe('step Register: contentTypes needs at least one MIME type, such as text/csv');
    expect(errorOf(() => registerStep({ responseTypes: [] })).message).toBe('step Register: responseTypes needs at least one MIME type, such as text/csv');
  });

  // SageMaker API Reference, CreateModelPackage: ResponseMIMEType matches [-\w]+/.+; ModelPackageDescription is at most 1024
  // characters; CustomerMetadataProperties keys are 1..128 and values 1..256 letters, spaces, digits or _.:/=+-@;
  // SupportedTransformInstanceTypes holds at least one type when it is given.
  test('what CreateModelPackage refuses: a response type that is not a MIME type, a long description, metadata it does not take', () => {
    expect(errorOf(() => registerStep({ responseTypes: ['csv'] })).message)
      .toBe('step Register: responseTypes "csv" is not a MIME type such as text/csv (CreateModelPackage ResponseMIMEType: type/subtype)');
    expect(errorOf(() => registerStep({ modelPackageDescription: 'd'.repeat(1025) })).message)
      .toBe('step Register: modelPackageDescription must be at most 1024 characters (CreateModelPackage), got 1025');
    expect(errorOf(() => registerStep({ customerMetadata: { commit: 'fix: a, b' } })).message)
      .toBe('step Register: customerMetadata.commit is "fix: a, b"; CreateModelPackage takes 1..256 letters, spaces, digits or _.:/=+-@');
    expect(errorOf(() => registerStep({ customerMetadata: { empty: '' } })).message).toMatch(/customerMetadata.empty is ""; CreateModelPackage takes 1..256/);
    expect(errorOf(() => registerStep({ customerMetadata: { 'a,b': 'x' } })).message).toMatch(/customerMetadata key "a,b" must be 1..128 letters/);
    expect(() => registerStep({ customerMetadata: { commit: 'abc123', run: new ParameterString({ name: 'Run', defaultValue: 'a, b' }) } })).not.toThrow();
    // A value known at deploy time (a CDK token, such as the stack's key ARN) is not the text SageMaker receives: not checked.
    expect(() => registerStep({ customerMetadata: { artifactKmsKeyArn: Token.asString(Fn.getAtt('Key', 'Arn')) } })).not.toThrow();
  });

  test('an empty transform instance type list is left out; with no instance types at all the step is refused', () => {
    expect(jsonOf(registerStep({ transformInstanceTypes: [] })).Arguments.InferenceSpecification.SupportedTransformInstanceTypes).toBeUndefined();
    expect(errorOf(() => registerStep({ transformInstanceTypes: [], inferenceInstanceTypes: [] })).message).toBe('step Register: needs inference or transform instance types');
  });

  test('modelPackageArn is the ModelPackageArn property', () => {
    expect(String(step.modelPackageArn)).toBe('Steps.Register.ModelPackageArn');
  });
});

describe('CreateModelStep (type Model)', () => {
  test('from a registered model package', () => {
    const register = registerStep();
    const step = new CreateModelStep({ name: 'CreateModel', executionRoleArn: ROLE_ARN, modelPackageName: register.modelPackageArn });
    expect(jsonOf(step, [register])).toEqual({
      Name: 'CreateModel',
      Type: 'Model',
      Arguments: { ExecutionRoleArn: ROLE_ARN, PrimaryContainer: { ModelPackageName: { Get: 'Steps.Register.ModelPackageArn' } } },
    });
  });

  test('from an image, model data and environment', () => {
    const step = new CreateModelStep({
      name: 'CreateModel', executionRoleArn: ROLE_ARN, image: XGBOOST_IMAGE, modelDataUrl: 's3://bucket/model/model.tar.gz', environment: { A: 'b' },
    });
    expect(jsonOf(step).Arguments.PrimaryContainer).toEqual({ Image: XGBOOST_IMAGE, ModelDataUrl: 's3://bucket/model/model.tar.gz', Environment: { A: 'b' } });
  });

  test('modelName is the ModelName property', () => {
    expect(String(new CreateModelStep({ name: 'CreateModel', executionRoleArn: ROLE_ARN, image: XGBOOST_IMAGE }).modelName)).toBe('Steps.CreateModel.ModelName');
  });

  test('needs exactly one of image and modelPackageName', () => {
    const message = 'step CreateModel: give either image (with modelDataUrl) or modelPackageName, exactly one of them';
    expect(errorOf(() => new CreateModelStep({ name: 'CreateModel', executionRoleArn: ROLE_ARN })).message).toBe(message);
    expect(errorOf(() => new CreateModelStep({ name: 'CreateModel', executionRoleArn: ROLE_ARN, image: XGBOOST_IMAGE, modelPackageName: 'arn' })).message)
      .toBe(message);
  });

  test('modelDataUrl must be an s3:// or https:// URL', () => {
    expect(errorOf(() => new CreateModelStep({ name: 'CreateModel', executionRoleArn: ROLE_ARN, image: XGBOOST_IMAGE, modelDataUrl: 'file:///model.tar.gz' })).message)
      .toBe('step CreateModel: modelDataUrl goes with image and must be an s3:// or https:// URL, got "file:///model.tar.gz"');
  });
});

describe('TransformStep', () => {
  const model = new CreateModelStep({ name: 'CreateModel', executionRoleArn: ROLE_ARN, image: XGBOOST_IMAGE, modelDataUrl: 's3://bucket/model.tar.gz' });

  test('model, input, output and resources, with defaults', () => {
    const step = new TransformStep({ name: 'Transform', modelName: model.modelName, instanceType: 'ml.m5.large', inputUri: 's3://bucket/batch', outputPath: 's3://bucket/predictions' });
    expect(jsonOf(step, [model])).toEqual({
      Name: 'Transform',
      Type: 'Transform',
      Arguments: {
        ModelName: { Get: 'Steps.CreateModel.ModelName' },
        TransformInput: { DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: 's3://bucket/batch' } }, ContentType: 'text/csv', SplitType: 'Line' },
        TransformOutput: { S3OutputPath: 's3://bucket/predictions', Accept: 'text/csv', AssembleWith: 'Line' },
        TransformResources: { InstanceType: 'ml.m5.large', InstanceCount: 1 },
      },
    });
  });

  test('DataProcessing when the input is joined to the results', () => {
    const step = new TransformStep({
      name: 'Transform', modelName: model.modelName, instanceType: 'ml.m5.large', inputUri: 's3://bucket/batch', outputPath: 's3://bucket/predictions',
      joinSource: 'Input', inputFilter: '$[1:]',
    });
    expect(jsonOf(step, [model]).Arguments.DataProcessing).toEqual({ JoinSource: 'Input', InputFilter: '$[1:]' });
  });

  test('outputPath is the TransformOutput.S3OutputPath property', () => {
    const step = new TransformStep({ name: 'Transform', modelName: 'model', instanceType: 'ml.m5.large', inputUri: 's3://b/in', outputPath: 's3://b/out' });
    expect(String(step.outputPath)).toBe('Steps.Transform.TransformOutput.S3OutputPath');
  });

  test('what CreateTransformJob refuses: an instance count outside 1..100, a filter over 63 characters, a CSV join not split and assembled by line', () => {
    expect(errorOf(() => new TransformStep({ name: 'Transform', modelName: 'm', instanceType: 'ml.m5.large', inputUri: 's3://b/in', outputPath: 's3://b/out', instanceCount: -1 })).message)
      .toBe('step Transform: instanceCount must be a positive integer, got -1');
    // SageMaker API Reference, TransformResources: "the maximum is 100" instances.
    expect(errorOf(() => new TransformStep({ name: 'Transform', modelName: 'm', instanceType: 'ml.m5.large', inputUri: 's3://b/in', outputPath: 's3://b/out', instanceCount: 101 })).message)
      .toBe('step Transform: instanceCount must be at most 100 (TransformResources.InstanceCount), got 101');
    // SageMaker API Reference, DataProcessing: InputFilter and OutputFilter are at most 63 characters.
    const long = `$[${Array.from({ length: 30 }, (_, i) => i).join(',')}]`;
    expect(errorOf(() => new TransformStep({ name: 'Transform', modelName: 'm', instanceType: 'ml.m5.large', inputUri: 's3://b/in', outputPath: 's3://b/out', inputFilter: long })).message)
      .toBe(`step Transform: inputFilter must be at most 63 characters (DataProcessing), got ${long.length}: ${JSON.stringify(long)}`);
    // SageMaker Developer Guide, "Associate Prediction Results with Input Records": with text/csv in and out,
    // SplitType and AssembleWith must be Line to join each result to its input.
    expect(errorOf(() => new TransformStep({ name: 'Transform', modelName: 'm', instanceType: 'ml.m5.large', inputUri: 's3://b/in', outputPath: 's3://b/out', joinSource: 'Input', splitType: 'None' })).message)
      .toBe('step Transform: splitType must be Line to join results to text/csv input (joinSource Input), got None: SageMaker joins each result to its input line');
    expect(errorOf(() => new TransformStep({ name: 'Transform', modelName: 'm', instanceType: 'ml.m5.large', inputUri: 's3://b/in', outputPath: 's3://b/out', joinSource: 'Input', assembleWith: 'None' })).message)
      .toMatch(/assembleWith must be Line to join results to text\/csv input/);
    // Without the join, or with another format, those combinations stand.
    expect(() => new TransformStep({ name: 'Transform', modelName: 'm', instanceType: 'ml.m5.large', inputUri: 's3://b/in', outputPath: 's3://b/out', splitType: 'None', assembleWith: 'None', instanceCount: 100 })).not.toThrow();
    expect(() => new TransformStep({ name: 'Transform', modelName: 'm', instanceType: 'ml.m5.large', inputUri: 's3://b/in', outputPath: 's3://b/out', joinSource: 'Input', contentType: 'application/json', accept: 'application/json', splitType: 'None' })).not.toThrow();
  });
});

describe('FailStep', () => {
  test('renders its message', () => {
    expect(jsonOf(failStep('AucBelowThreshold', 'too low'))).toEqual({ Name: 'AucBelowThreshold', Type: 'Fail', Arguments: { ErrorMessage: 'too low' } });
  });

  test('a Join message renders Std:Join', () => {
    const threshold = new ParameterFloat({ name: 'Threshold', defaultValue: 0.75 });
    const step = new FailStep({ name: 'Fail', errorMessage: new Join(' ', ['below', threshold]) });
    expect(jsonOf(step, [], [threshold]).Arguments.ErrorMessage).toEqual({ 'Std:Join': { On: ' ', Values: ['below', { Get: 'Parameters.Threshold' }] } });
  });

  test('errorMessage is the message as given', () => {
    const message = new Join(' ', ['failed at', ExecutionVariable.CURRENT_DATE_TIME]);
    expect(new FailStep({ name: 'Fail', errorMessage: message }).errorMessage).toBe(message);
  });

  test('needs a message', () => {
    expect(errorOf(() => new FailStep({ name: 'Fail', errorMessage: '' })).message).toBe('step Fail: needs an error message that says why the execution failed');
  });
});

describe('step names', () => {
  test.each([
    ['S'.repeat(65), `step name "${'S'.repeat(65)}" is 65 characters long; SageMaker allows at most 64`],
    ['Pre process', 'step name "Pre process" contains " "; SageMaker allows only letters, digits, \'-\' and \'_\''],
    ['pre.process', 'step name "pre.process" contains "."; SageMaker allows only letters, digits, \'-\' and \'_\''],
  ])('%p is rejected', (name, message) => {
    expect(errorOf(() => failStep(name)).message).toBe(message);
  });

  test('a description longer than 4096 characters is rejected', () => {
    expect(errorOf(() => processingStep({ description: 'd'.repeat(4097) })).message).toBe('step Preprocess: description is 4097 characters long; SageMaker allows at most 4096');
  });

  test('a display name follows the same rule', () => {
    expect(errorOf(() => processingStep({ displayName: 'Pre process' })).message).toMatch(/^step Preprocess: display name "Pre process" contains " "/);
  });
});

describe('DependsOn', () => {
  test('explicit dependencies, given as steps or names, render as DependsOn', () => {
    const first = processingStep({ name: 'First' });
    const second = processingStep({ name: 'Second' });
    const third = processingStep({ name: 'Third', dependsOn: [first, 'Second'] });
    expect(jsonOf(third, [first, second]).DependsOn).toEqual(['First', 'Second']);
    expect(third.dependsOnNames).toEqual(['First', 'Second']);
  });

  test('no DependsOn key without explicit dependencies (property references are implicit)', () => {
    const preprocess = processingStep();
    const train = trainingStep({ inputs: { train: { s3Uri: preprocess.outputUri('train') } } });
    expect(jsonOf(train, [preprocess])).not.toHaveProperty('DependsOn');
  });
});

describe('CacheConfig', () => {
  test('enabled with an expiry', () => {
    expect(jsonOf(processingStep({ cache: { expireAfter: 'P30D' } })).CacheConfig).toEqual({ Enabled: true, ExpireAfter: 'P30D' });
    expect(jsonOf(trainingStep({ cache: { enabled: true, expireAfter: 'PT12H' } })).CacheConfig).toEqual({ Enabled: true, ExpireAfter: 'PT12H' });
  });

  test('disabled, without an expiry', () => {
    expect(jsonOf(processingStep({ cache: { enabled: false } })).CacheConfig).toEqual({ Enabled: false });
  });

  test.each(['P1Y2M3W4DT5H6M7S', 'P1D', 'PT30M'])('the ISO 8601 duration %s is accepted', (expireAfter) => {
    expect(jsonOf(processingStep({ cache: { expireAfter } })).CacheConfig.ExpireAfter).toBe(expireAfter);
  });

  test.each(['30d', 'P', 'PT', 'P1DT', 'P1H', '1 day'])('the duration %p is rejected, naming the step and the value', (expireAfter) => {
    expect(errorOf(() => jsonOf(processingStep({ cache: { expireAfter } }))).message)
      .toBe(`step Preprocess: cache expireAfter must be an ISO 8601 duration such as P30D or PT12H, got ${JSON.stringify(expireAfter)}`);
  });
});

describe('RetryPolicies', () => {
  const policies: RetryPolicy[] = [
    { exceptionTypes: ['SageMaker.CAPACITY_ERROR', 'SageMaker.JOB_INTERNAL_ERROR'], intervalSeconds: 60, backoffRate: 1.5, maxAttempts: 3 },
    { exceptionTypes: ['Step.THROTTLING'], expireAfterMinutes: 30 },
  ];

  test('render ExceptionType as a list, with the interval and backoff defaults', () => {
    expect(jsonOf(processingStep({ retryPolicies: policies })).RetryPolicies).toEqual([
      { ExceptionType: ['SageMaker.CAPACITY_ERROR', 'SageMaker.JOB_INTERNAL_ERROR'], IntervalSeconds: 60, BackoffRate: 1.5, MaxAttempts: 3 },
      { ExceptionType: ['Step.THROTTLING'], IntervalSeconds: 1, BackoffRate: 2, ExpireAfterMin: 30 },
    ]);
  });

  test('a RegisterModel step may retry Step.* exceptions', () => {
    expect(jsonOf(registerStep({ retryPolicies: [{ exceptionTypes: ['Step.SERVICE_FAULT'] }] })).RetryPolicies)
      .toEqual([{ ExceptionType: ['Step.SERVICE_FAULT'], IntervalSeconds: 1, BackoffRate: 2 }]);
  });

  test('a SageMaker.* exception type on a RegisterModel step (which runs no job) is rejected, naming it and what is allowed', () => {
    // Rejected when the step is created.
    expect(errorOf(() => registerStep({ retryPolicies: [{ exceptionTypes: ['Step.THROTTLING', 'SageMaker.CAPACITY_ERROR'] }] })).message)
      .toBe('step Register: retry policy 1: exception type "SageMaker.CAPACITY_ERROR" is not allowed for this step; allowed: Step.SERVICE_FAULT, Step.THROTTLING');
  });

  test('a SageMaker.* exception type on a CreateModel step is rejected', () => {
    // Rejected when the step is created.
    expect(errorOf(() => new CreateModelStep({
      name: 'CreateModel', executionRoleArn: ROLE_ARN, image: XGBOOST_IMAGE, retryPolicies: [{ exceptionTypes: ['SageMaker.JOB_INTERNAL_ERROR'] }],
    })).message).toContain('exception type "SageMaker.JOB_INTERNAL_ERROR" is not allowed for this step');
  });

  test('an unknown exception type is rejected', () => {
    // Rejected when the step is created.
    expect(errorOf(() => processingStep({ retryPolicies: [{ exceptionTypes: ['Emr.RESOURCE_LIMIT' as never] }] })).message).toMatch(/^step Preprocess: retry policy 1: exception type "Emr.RESOURCE_LIMIT" is not allowed for this step; allowed: Step\.SERVICE_FAULT, Step\.THROTTLING, SageMaker\.JOB_INTERNAL_ERROR/);
  });

  // SageMaker Developer Guide, "Retry Policy for Pipeline Steps" (the policy's JSON schema): IntervalSeconds at most
  // 43,200 seconds; MaxAttempts at most 20 and ExpireAfterMin at most 14,400 minutes, 0 for never retried.
  test('the documented ranges', () => {
    expect(RETRY_POLICY_LIMITS).toEqual({ intervalSeconds: { min: 1, max: 43_200 }, maxAttempts: { min: 0, max: 20 }, expireAfterMinutes: { min: 0, max: 14_400 } });
  });

  test.each([
    ['maxAttempts', 0], ['maxAttempts', 20], ['expireAfterMinutes', 0], ['expireAfterMinutes', 14_400], ['intervalSeconds', 1], ['intervalSeconds', 43_200],
  ] as const)('%s %p, at an end of its range, is accepted', (field, value) => {
    const json = jsonOf(processingStep({ retryPolicies: [{ exceptionTypes: ['SageMaker.CAPACITY_ERROR'], [field]: value }] })).RetryPolicies[0];
    expect(json[{ maxAttempts: 'MaxAttempts', expireAfterMinutes: 'ExpireAfterMin', intervalSeconds: 'IntervalSeconds' }[field]]).toBe(value);
  });

  test.each([
    ['maxAttempts', -1, '0..20'], ['maxAttempts', 21, '0..20'], ['maxAttempts', 2.5, '0..20'], ['maxAttempts', NaN, '0..20'],
    ['expireAfterMinutes', 14_401, '0..14400'], ['expireAfterMinutes', -5, '0..14400'],
    ['intervalSeconds', 0, '1..43200'], ['intervalSeconds', 43_201, '1..43200'],
  ] as const)('%s %p is rejected when the step is created, naming the policy, the field and the range', (field, value, range) => {
    expect(errorOf(() => processingStep({ retryPolicies: [{ exceptionTypes: ['Step.THROTTLING'] }, { exceptionTypes: ['Step.SERVICE_FAULT'], [field]: value }] })).message)
      .toBe(`step Preprocess: retry policy 2: ${field} must be a whole number in ${range}, got ${value}`);
  });

  test('a policy with both maxAttempts and expireAfterMinutes is rejected: SageMaker takes one of them', () => {
    // Same page: "Only one of MaxAttempts or ExpireAfterMin can be given, but not both ... the retry policy will
    // generate a validation error."
    expect(errorOf(() => trainingStep({ retryPolicies: [{ exceptionTypes: ['SageMaker.JOB_INTERNAL_ERROR'], maxAttempts: 3, expireAfterMinutes: 60 }] })).message)
      .toBe('step Train: retry policy 1 sets both maxAttempts (3) and expireAfterMinutes (60): SageMaker takes one of MaxAttempts and ExpireAfterMin in a policy, never both');
  });

  test('a policy without exception types is rejected', () => {
    expect(errorOf(() => jsonOf(trainingStep({ retryPolicies: [{ exceptionTypes: [] }] }))).message)
      .toMatch(/^step Train: retry policy 1 needs at least one exception type; allowed: /);
  });

  test('a backoff rate below 1 is rejected', () => {
    expect(errorOf(() => jsonOf(trainingStep({ retryPolicies: [{ exceptionTypes: ['Step.THROTTLING'], backoffRate: 0.5 }] }))).message)
      .toBe('step Train: retry policy 1: backoffRate must be a number of at least 1, got 0.5');
  });
});

describe('every step kind in one definition', () => {
  test('passes the corrected schema', () => {
    const threshold = new ParameterFloat({ name: 'Threshold', defaultValue: 0.75, range: [0, 1] });
    const preprocess = processingStep({ retryPolicies: [{ exceptionTypes: ['SageMaker.CAPACITY_ERROR'] }], cache: { expireAfter: 'P7D' } });
    const train = trainingStep({ inputs: { train: { s3Uri: preprocess.outputUri('train') } }, hyperparameters: { num_round: 10 } });
    const { step: evaluate, report } = evaluationStep({
      inputs: [{ name: 'model', source: train.modelArtifacts, destination: '/opt/ml/processing/model' }],
    });
    const register = registerStep({ modelDataUrl: train.modelArtifacts });
    const check = new ConditionStep({
      name: 'Check', conditions: [Condition.greaterThanOrEqualTo(report.get('metrics.auc'), threshold)], ifSteps: [register], elseSteps: [failStep()],
    });
    const model = new CreateModelStep({ name: 'CreateModel', executionRoleArn: ROLE_ARN, modelPackageName: register.modelPackageArn });
    const transform = new TransformStep({
      name: 'Transform', modelName: model.modelName, instanceType: 'ml.m5.large', inputUri: 's3://bucket/batch', outputPath: 's3://bucket/out',
    });
    const definition = new PipelineDefinition({ parameters: [threshold], steps: [preprocess, train, evaluate, check, model, transform] });
    expect(definition.toJSON().Steps.map((s) => s.Type)).toEqual(['Processing', 'Training', 'Processing', 'Condition', 'Model', 'Transform']);
    expect(pipelineDefinitionSchemaErrors(definition.toJSON())).toEqual([]);
  });
});
