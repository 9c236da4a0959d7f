import {
  ExecutionVariable, Join, JsonGet, ParameterBoolean, ParameterFloat, ParameterInteger, ParameterString, PropertyFile, StepProperty,
  renderTree, renderValue, toStringValue,
} from '../../src/pipeline-definition';
import { errorOf, evaluationStep, processingStep, recorder, trainingStep } from './fixtures';

describe('StepProperty', () => {
  test("a processing output's S3 URI renders as SageMaker's property path", () => {
    const { ctx, refs } = recorder();
    expect(processingStep().outputUri('train').render(ctx)).toEqual({ Get: "Steps.Preprocess.ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri" });
    expect(refs).toEqual([{ kind: 'step', stepName: 'Preprocess' }]);
  });

  test('StepProperty.of renders the same path as the step helper', () => {
    const { ctx } = recorder();
    expect(StepProperty.of('Preprocess', "ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri").render(ctx))
      .toEqual({ Get: "Steps.Preprocess.ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri" });
  });

  test("a training step's model artifacts", () => {
    const { ctx, refs } = recorder();
    expect(trainingStep().modelArtifacts.render(ctx)).toEqual({ Get: 'Steps.Train.ModelArtifacts.S3ModelArtifacts' });
    expect(refs).toEqual([{ kind: 'step', stepName: 'Train' }]);
  });

  test('an output the processing step does not have is rejected, naming its outputs', () => {
    expect(errorOf(() => processingStep().outputUri('test')).message).toBe('step Preprocess: has no output named "test"; outputs: train');
  });

  test('a property path must start with a property name', () => {
    expect(errorOf(() => StepProperty.of('Train', '.ModelArtifacts')).message)
      .toBe('property path of step Train must start with a property name, got ".ModelArtifacts"');
  });

  test('is a string expression (SageMaker takes it where a string goes)', () => {
    expect(StepProperty.of('Train', 'ModelArtifacts.S3ModelArtifacts').isString).toBe(true);
    expect(String(StepProperty.of('Train', 'ModelArtifacts.S3ModelArtifacts'))).toBe('Steps.Train.ModelArtifacts.S3ModelArtifacts');
  });
});

describe('ExecutionVariable', () => {
  test('renders as Execution.<name> and refers to nothing the definition must check', () => {
    const { ctx, refs } = recorder();
    expect(ExecutionVariable.PIPELINE_EXECUTION_ID.render(ctx)).toEqual({ Get: 'Execution.PipelineExecutionId' });
    expect(ExecutionVariable.PIPELINE_EXECUTION_ARN.render(ctx)).toEqual({ Get: 'Execution.PipelineExecutionArn' });
    expect(ExecutionVariable.START_DATE_TIME.render(ctx)).toEqual({ Get: 'Execution.StartDateTime' });
    expect(refs).toEqual([]);
  });
});

describe('Join', () => {
  test('renders Std:Join with On and the values, expressions rendered, literals kept', () => {
    const { ctx, refs } = recorder();
    const join = new Join('/', ['s3:/', 'bucket', ExecutionVariable.PIPELINE_EXECUTION_ID, new ParameterString({ name: 'Prefix' }), 3, true]);
    expect(join.render(ctx)).toEqual({
      'Std:Join': { On: '/', Values: ['s3:/', 'bucket', { Get: 'Execution.PipelineExecutionId' }, { Get: 'Parameters.Prefix' }, 3, true] },
    });
    expect(refs).toEqual([{ kind: 'parameter', name: 'Prefix', type: 'String' }]);
  });

  test('is a string expression, shown as join(...) in messages', () => {
    const join = new Join('/', ['s3:/', ExecutionVariable.PIPELINE_NAME]);
    expect(join.isString).toBe(true);
    expect(toStringValue(join)).toBe(join);
    expect(String(join)).toBe('join("/", s3:/, Execution.PipelineName)');
  });

  test('needs at least one value', () => {
    expect(errorOf(() => new Join('/', [])).message).toBe('join needs at least one value');
  });

  test('the separator must be a string', () => {
    expect(errorOf(() => new Join(1 as unknown as string, ['a'])).message).toBe('join separator must be a string, got 1');
  });
});

describe('PropertyFile and JsonGet', () => {
  test('a value of a property file renders Std:JsonGet exactly as SageMaker expects', () => {
    const { report } = evaluationStep();
    const { ctx, refs } = recorder();
    expect(report.get('classification_metrics.auc_score.value').render(ctx)).toEqual({
      'Std:JsonGet': { PropertyFile: { Get: 'Steps.Evaluate.PropertyFiles.EvaluationReport' }, Path: 'classification_metrics.auc_score.value' },
    });
    expect(refs).toEqual([{ kind: 'propertyFile', stepName: 'Evaluate', propertyFileName: 'EvaluationReport' }]);
  });

  test('JsonGet.fromNames renders the same document', () => {
    const { ctx } = recorder();
    expect(JsonGet.fromNames('Evaluate', 'EvaluationReport', 'classification_metrics.auc_score.value').render(ctx)).toEqual({
      'Std:JsonGet': { PropertyFile: { Get: 'Steps.Evaluate.PropertyFiles.EvaluationReport' }, Path: 'classification_metrics.auc_score.value' },
    });
  });

  test('the processing step that is given the file declares it', () => {
    const { step, report } = evaluationStep();
    expect(report.stepName).toBe('Evaluate');
    expect(step.propertyFiles).toEqual([report]);
  });

  test('a file no processing step declares cannot be read', () => {
    const report = new PropertyFile('EvaluationReport', 'evaluation', 'evaluation.json');
    const { ctx } = recorder();
    expect(errorOf(() => report.get('metrics.auc').render(ctx)).message)
      .toBe("property file EvaluationReport is read (metrics.auc) but no processing step declares it: pass it in a processing step's propertyFiles");
  });

  test('a file belongs to one step', () => {
    const { report } = evaluationStep();
    const err = errorOf(() => processingStep({
      name: 'EvaluateAgain',
      outputs: [{ name: 'evaluation', source: '/opt/ml/processing/evaluation', destination: 's3://bucket/out/again' }],
      propertyFiles: [report],
    }));
    expect(err.message).toBe('property file EvaluationReport is already declared by step Evaluate; step EvaluateAgain needs a property file of its own');
  });

  test.each(['metrics.auc', 'classification_metrics.auc_score.value', 'a[0].b', "metrics['auc-roc'].value", 'regression-metrics.mse'])(
    'the JSON path %s is accepted', (path) => {
      expect(JsonGet.fromNames('Evaluate', 'EvaluationReport', path).jsonPath).toBe(path);
    },
  );

  test.each(['', '$.metrics.auc', 'metrics..auc', 'metrics auc', '.auc', 'metrics[x]'])('the JSON path %p is rejected, naming it', (path) => {
    const err = errorOf(() => JsonGet.fromNames('Evaluate', 'EvaluationReport', path));
    expect(err.message).toBe(
      `json path of property file EvaluationReport must be dotted property names with optional [index], such as classification_metrics.auc_score.value, got ${JSON.stringify(path)}`,
    );
  });

  test.each(['', '/opt/ml/processing/evaluation/evaluation.json'])('a file path of %p is rejected (it is relative to the output)', (filePath) => {
    expect(errorOf(() => new PropertyFile('EvaluationReport', 'evaluation', filePath)).message)
      .toContain(`filePath must be a path relative to the output's folder, such as evaluation.json, got ${JSON.stringify(filePath)}`);
  });
});

describe('toStringValue', () => {
  test('numbers and booleans become strings', () => {
    expect(toStringValue(100)).toBe('100');
    expect(toStringValue(0.5)).toBe('0.5');
    expect(toStringValue(true)).toBe('true');
    expect(toStringValue('binary:logistic')).toBe('binary:logistic');
  });

  test('string expressions are kept as they are', () => {
    const parameter = new ParameterString({ name: 'Objective' });
    expect(toStringValue(parameter)).toBe(parameter);
    expect(toStringValue(ExecutionVariable.PIPELINE_NAME)).toBe(ExecutionVariable.PIPELINE_NAME);
  });

  test.each([
    ['Integer', new ParameterInteger({ name: 'Depth' })],
    ['Float', new ParameterFloat({ name: 'Depth' })],
    ['Boolean', new ParameterBoolean({ name: 'Depth' })],
  ])('a %s parameter is wrapped in a one-value Std:Join', (_type, parameter) => {
    const { ctx } = recorder();
    expect(renderValue(toStringValue(parameter), ctx)).toEqual({ 'Std:Join': { On: '', Values: [{ Get: 'Parameters.Depth' }] } });
  });

  test('a JsonGet is wrapped in a one-value Std:Join', () => {
    const { ctx } = recorder();
    expect(renderValue(toStringValue(JsonGet.fromNames('Evaluate', 'EvaluationReport', 'metrics.auc')), ctx)).toEqual({
      'Std:Join': { On: '', Values: [{ 'Std:JsonGet': { PropertyFile: { Get: 'Steps.Evaluate.PropertyFiles.EvaluationReport' }, Path: 'metrics.auc' } }] },
    });
  });
});

describe('renderTree', () => {
  test('drops undefined fields and empty objects, keeps falsy literals and renders expressions', () => {
    const { ctx } = recorder();
    expect(renderTree({
      a: undefined, b: {}, c: { d: undefined }, e: 0, f: false, g: '', h: [1, ExecutionVariable.PIPELINE_NAME], i: { j: ExecutionVariable.PIPELINE_ARN },
    }, ctx)).toEqual({ e: 0, f: false, g: '', h: [1, { Get: 'Execution.PipelineName' }], i: { j: { Get: 'Execution.PipelineArn' } } });
  });
});
