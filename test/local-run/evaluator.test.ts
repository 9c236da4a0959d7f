import {
  EvaluationScope, LocalRunError, StepProperties, evaluateCondition, evaluateConditions, evaluateExpressions, parsePath, resolveGet, valueAt,
} from '../../src/local-run';
import {
  Condition, ConditionStep, ExecutionVariable, FailStep, Join, ParameterBoolean, ParameterFloat, ParameterInteger, ParameterString,
  PipelineDefinition, Primitive,
} from '../../src/pipeline-definition';
import { evaluationStep } from '../pipeline-definition/fixtures';

const REPORT = { classification_metrics: { auc_score: { value: 0.81 }, 'f1-score': { value: 0.7 } }, curve: [{ x: 0.1 }, { x: 0.2 }], label: 'churn' };

function scope(overrides: Partial<EvaluationScope> = {}): EvaluationScope {
  const steps = new Map<string, StepProperties>([
    ['Preprocess', {
      ProcessingOutputConfig: { Outputs: { train: { OutputName: 'train', S3Output: { S3Uri: 's3://bucket/run-1/Preprocess/train' } } } },
    }],
    ['Train', { ModelArtifacts: { S3ModelArtifacts: 's3://bucket/run-1/Train/model.tar.gz' }, FinalMetricDataList: { 'validation:auc': { Value: 0.85 } } }],
    ['Evaluate', { PropertyFiles: { EvaluationReport: REPORT } }],
  ]);
  return {
    parameters: { Threshold: 0.75, Stage: 'dev', Rounds: 10, Enabled: true, Numeric: '0.9' },
    execution: { PipelineExecutionId: 'run-1', PipelineName: 'churn' },
    steps,
    ...overrides,
  };
}

/** What `fn` throws, which must be a LocalRunError. */
function errorOf(fn: () => unknown): LocalRunError {
  try {
    fn();
  } catch (err) {
    if (err instanceof LocalRunError) {
      return err;
    }
    throw err;
  }
  throw new Error('expected a LocalRunError');
}

describe('parsePath and valueAt', () => {
  test('names, indexes and quoted keys', () => {
    expect(parsePath("ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri")).toEqual(['ProcessingOutputConfig', 'Outputs', 'train', 'S3Output', 'S3Uri']);
    expect(parsePath('a.b[2].c["d e"]')).toEqual(['a', 'b', 2, 'c', 'd e']);
    expect(parsePath("FinalMetricDataList['validation:auc'].Value")).toEqual(['FinalMetricDataList', 'validation:auc', 'Value']);
  });

  test.each(['a..b', '.a', 'a.[0]', 'a[x]', 'a b', ''])('%j is not a path', (path) => {
    expect(errorOf(() => parsePath(path)).message).toMatch(/cannot read (the|an empty) path/);
  });

  test('in a step property path, an index on an object keyed by name takes its n-th value; a missing key is undefined', () => {
    const outputs = { Outputs: { train: { uri: 't' }, test: { uri: 'x' } } };
    expect(valueAt(outputs, ['Outputs', 1, 'uri'])).toBe('x');
    // In a JSON file, as JsonPath reads it, an index selects list items only.
    expect(valueAt(outputs, ['Outputs', 1, 'uri'], true)).toBeUndefined();
    expect(valueAt(REPORT, ['curve', 1, 'x'], true)).toBe(0.2);
    expect(valueAt(REPORT, ['curve', 1, 'x'])).toBe(0.2);
    expect(valueAt(REPORT, ['classification_metrics', 'missing', 'value'])).toBeUndefined();
    expect(valueAt(REPORT, ['label', 'length'])).toBeUndefined();
  });
});

describe('resolveGet', () => {
  test('parameters, execution variables and step properties', () => {
    expect(resolveGet('Parameters.Threshold', scope())).toBe(0.75);
    expect(resolveGet('Execution.PipelineExecutionId', scope())).toBe('run-1');
    expect(resolveGet("Steps.Preprocess.ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri", scope())).toBe('s3://bucket/run-1/Preprocess/train');
    expect(resolveGet('Steps.Preprocess.ProcessingOutputConfig.Outputs[0].S3Output.S3Uri', scope())).toBe('s3://bucket/run-1/Preprocess/train');
    expect(resolveGet('Steps.Train.ModelArtifacts.S3ModelArtifacts', scope())).toBe('s3://bucket/run-1/Train/model.tar.gz');
    expect(resolveGet("Steps.Train.FinalMetricDataList['validation:auc'].Value", scope())).toBe(0.85);
  });

  test('an undeclared parameter names the declared ones', () => {
    expect(errorOf(() => resolveGet('Parameters.Missing', scope())).message)
      .toBe('Parameters.Missing is not a parameter of the pipeline; parameters: Threshold, Stage, Rounds, Enabled, Numeric');
  });

  test('an unknown execution variable names the known ones', () => {
    expect(errorOf(() => resolveGet('Execution.Nope', scope())).message).toBe('Execution.Nope is not an execution variable; known: PipelineExecutionId, PipelineName');
  });

  test('a step that has not run, a missing property, a bare step and an unknown root', () => {
    expect(errorOf(() => resolveGet('Steps.Register.ModelPackageArn', scope())).message).toBe('Steps.Register.ModelPackageArn cannot be read: step Register has not run');
    expect(errorOf(() => resolveGet("Steps.Preprocess.ProcessingOutputConfig.Outputs['test'].S3Output.S3Uri", scope())).message)
      .toMatch(/^Steps\.Preprocess\.ProcessingOutputConfig\.Outputs\['test'\]\.S3Output\.S3Uri cannot be read: step Preprocess has no such property; it has ProcessingOutputConfig$/);
    expect(errorOf(() => resolveGet('Steps.Train', scope())).message).toBe('Steps.Train names a step, not one of its properties');
    expect(errorOf(() => resolveGet('Pipeline.Name', scope())).message).toMatch(/a Get path starts with Parameters\., Execution\. or Steps\./);
  });
});

describe('evaluateExpressions', () => {
  test('evaluates Get, Std:Join and Std:JsonGet anywhere in a tree and keeps the rest', () => {
    const tree = {
      Literal: 'x',
      Count: 3,
      List: [{ Get: 'Parameters.Stage' }, 'y'],
      Uri: { 'Std:Join': { On: '/', Values: ['s3:/', 'bucket', { Get: 'Execution.PipelineExecutionId' }, 'model'] } },
      Auc: { 'Std:JsonGet': { PropertyFile: { Get: 'Steps.Evaluate.PropertyFiles.EvaluationReport' }, Path: 'classification_metrics.auc_score.value' } },
      Label: { 'Std:JsonGet': { PropertyFile: { Get: 'Steps.Evaluate.PropertyFiles.EvaluationReport' }, Path: 'label' } },
    };
    expect(evaluateExpressions(tree, scope())).toEqual({
      Literal: 'x', Count: 3, List: ['dev', 'y'], Uri: 's3://bucket/run-1/model', Auc: 0.81, Label: 'churn',
    });
  });

  test('Std:Join writes numbers and booleans as text, as SageMaker does', () => {
    const join = { 'Std:Join': { On: ' ', Values: ['AUC', { Get: 'Parameters.Threshold' }, { Get: 'Parameters.Rounds' }, { Get: 'Parameters.Enabled' }] } };
    expect(evaluateExpressions(join, scope())).toBe('AUC 0.75 10 true');
  });

  test('Std:JsonGet reads keys with hyphens and list items', () => {
    const get = (path: string) => ({ 'Std:JsonGet': { PropertyFile: { Get: 'Steps.Evaluate.PropertyFiles.EvaluationReport' }, Path: path } });
    expect(evaluateExpressions(get('classification_metrics.f1-score.value'), scope())).toBe(0.7);
    expect(evaluateExpressions(get('curve[1].x'), scope())).toBe(0.2);
  });

  test('Std:JsonGet of a missing path or of an object is an error naming the file and the path', () => {
    const get = (path: string) => ({ 'Std:JsonGet': { PropertyFile: { Get: 'Steps.Evaluate.PropertyFiles.EvaluationReport' }, Path: path } });
    expect(errorOf(() => evaluateExpressions(get('regression_metrics.mse.value'), scope())).message)
      .toBe('Steps.Evaluate.PropertyFiles.EvaluationReport has no value at regression_metrics.mse.value');
    expect(errorOf(() => evaluateExpressions(get('classification_metrics.auc_score'), scope())).message)
      .toBe('Steps.Evaluate.PropertyFiles.EvaluationReport holds {"value":0.81} at classification_metrics.auc_score; Std:JsonGet reads a string, number or boolean');
  });

  // SageMaker developer guide, "Pipelines steps" (Data dependency between steps): a property file is read in JsonPath
  // notation, where `[0]` on an object selects nothing; the step that evaluates it fails in SageMaker.
  test('Std:JsonGet with an index on an object is an error, not the object\'s first value', () => {
    const get = (path: string) => ({ 'Std:JsonGet': { PropertyFile: { Get: 'Steps.Evaluate.PropertyFiles.EvaluationReport' }, Path: path } });
    expect(errorOf(() => evaluateExpressions(get('classification_metrics[0].value'), scope())).message)
      .toBe('Steps.Evaluate.PropertyFiles.EvaluationReport has no value at classification_metrics[0].value');
  });

  test('malformed Std:Join and Std:JsonGet are errors', () => {
    expect(errorOf(() => evaluateExpressions({ 'Std:Join': { Values: ['a'] } }, scope())).message).toMatch(/^Std:Join needs On \(a string\) and Values \(a list\)/);
    expect(errorOf(() => evaluateExpressions({ 'Std:Join': { On: '', Values: [{ Get: 'Steps.Train.ModelArtifacts' }] } }, scope())).message)
      .toMatch(/^Std:Join can join strings, numbers and booleans, got \{"S3ModelArtifacts"/);
    expect(errorOf(() => evaluateExpressions({ 'Std:JsonGet': { PropertyFile: 'EvaluationReport', Path: 'a' } }, scope())).message)
      .toMatch(/^Std:JsonGet needs PropertyFile/);
  });

  test('what the builder renders evaluates to the values SageMaker would use', () => {
    const stage = new ParameterString({ name: 'Stage', defaultValue: 'dev' });
    const { step, report } = evaluationStep();
    const fail = new FailStep({
      name: 'TooLow',
      errorMessage: new Join(' ', ['AUC', report.get('classification_metrics.auc_score.value'), 'in', stage, 'run', ExecutionVariable.PIPELINE_EXECUTION_ID]),
    });
    const definition = new PipelineDefinition({ parameters: [stage], steps: [step, fail] });
    const json = definition.toJSON().Steps.find((s) => s.Name === 'TooLow')!;
    expect(evaluateExpressions((json.Arguments as { ErrorMessage: unknown }).ErrorMessage, scope())).toBe('AUC 0.81 in dev run run-1');
  });
});

describe('conditions', () => {
  const threshold = new ParameterFloat({ name: 'Threshold', defaultValue: 0.75 });
  const rounds = new ParameterInteger({ name: 'Rounds', defaultValue: 10 });
  const stage = new ParameterString({ name: 'Stage', defaultValue: 'dev' });
  const enabled = new ParameterBoolean({ name: 'Enabled', defaultValue: true });
  const { step: evaluate, report } = evaluationStep();
  const auc = report.get<number>('classification_metrics.auc_score.value');

  /** The Conditions JSON the builder renders for `conditions`, evaluated with `values` (AUC 0.81 from the report). */
  function holds(conditions: Condition[], values: Record<string, Primitive> = {}): boolean {
    const definition = new PipelineDefinition({
      parameters: [threshold, rounds, stage, enabled],
      steps: [evaluate, new ConditionStep({ name: 'Check', conditions, ifSteps: [new FailStep({ name: 'Stop', errorMessage: 'stop' })] })],
    });
    const check = definition.toJSON().Steps.find((s) => s.Name === 'Check')!;
    const base = scope();
    return evaluateConditions((check.Arguments as { Conditions: unknown }).Conditions, { ...base, parameters: { ...base.parameters, ...values } });
  }

  test.each([
    ['greaterThanOrEqualTo', true, false, Condition.greaterThanOrEqualTo],
    ['greaterThan', false, false, Condition.greaterThan],
    ['lessThan', false, true, Condition.lessThan],
    ['lessThanOrEqualTo', true, true, Condition.lessThanOrEqualTo],
    ['equals', true, false, Condition.equals],
    ['notEquals', false, true, Condition.notEquals],
  ])('%s(auc 0.81, threshold) is %s at threshold 0.81 and %s at 0.9', (_name, atEqual, atHigher, make) => {
    expect(holds([make(auc, threshold)], { Threshold: 0.81 })).toBe(atEqual);
    expect(holds([make(auc, threshold)], { Threshold: 0.9 })).toBe(atHigher);
  });

  test('the quality gate of the default pipeline: AUC >= threshold', () => {
    expect(holds([Condition.greaterThanOrEqualTo(auc, threshold)])).toBe(true);
    expect(holds([Condition.greaterThanOrEqualTo(auc, threshold)], { Threshold: 0.99 })).toBe(false);
  });

  test('every condition of a step must hold', () => {
    expect(holds([Condition.greaterThan(auc, 0.5), Condition.equals(stage, 'dev')])).toBe(true);
    expect(holds([Condition.greaterThan(auc, 0.5), Condition.equals(stage, 'prod')])).toBe(false);
  });

  test('in, not in, or, not (as the builder writes them) and booleans', () => {
    expect(holds([Condition.in(stage, ['dev', 'test'])])).toBe(true);
    expect(holds([Condition.in(stage, ['prod'])])).toBe(false);
    expect(holds([Condition.not(Condition.in(stage, ['prod']))])).toBe(true);
    expect(holds([Condition.or(Condition.equals(stage, 'prod'), Condition.lessThan(rounds, 20))])).toBe(true);
    expect(holds([Condition.or(Condition.equals(stage, 'prod'), Condition.lessThan(rounds, 5))])).toBe(false);
    expect(holds([Condition.not(Condition.or(Condition.equals(stage, 'prod'), Condition.lessThan(rounds, 5)))])).toBe(true);
    expect(holds([Condition.not(Condition.greaterThanOrEqualTo(auc, threshold))])).toBe(false);
    expect(holds([Condition.equals(enabled, true)])).toBe(true);
    expect(holds([Condition.equals(enabled, true)], { Enabled: false })).toBe(false);
  });

  test('a Not condition with an Expression, as SageMaker also accepts', () => {
    expect(evaluateCondition({ Type: 'Not', Expression: { Type: 'Equals', LeftValue: { Get: 'Parameters.Stage' }, RightValue: 'prod' } }, scope())).toBe(true);
    expect(evaluateCondition({ Type: 'Not', Expression: { Type: 'In', Value: 'dev', In: [{ Get: 'Parameters.Stage' }] } }, scope())).toBe(false);
    expect(evaluateCondition({ Type: 'NotIn', Value: { Get: 'Parameters.Rounds' }, In: [1, 2] }, scope())).toBe(true);
  });

  test('a number and a string that holds a number compare as numbers; strings order as strings', () => {
    expect(evaluateCondition({ Type: 'GreaterThan', LeftValue: { Get: 'Parameters.Numeric' }, RightValue: 0.75 }, scope())).toBe(true);
    expect(evaluateCondition({ Type: 'Equals', LeftValue: '0.90', RightValue: 0.9 }, scope())).toBe(true);
    expect(evaluateCondition({ Type: 'LessThan', LeftValue: 'apple', RightValue: 'banana' }, scope())).toBe(true);
    expect(evaluateCondition({ Type: 'Equals', LeftValue: true, RightValue: 'true' }, scope())).toBe(false);
    expect(evaluateCondition({ Type: 'Equals', LeftValue: 'dev', RightValue: 1 }, scope())).toBe(false);
  });

  test('what cannot be ordered or evaluated is an error', () => {
    expect(errorOf(() => evaluateCondition({ Type: 'GreaterThan', LeftValue: 'high', RightValue: 0.5 }, scope())).message)
      .toBe('condition GreaterThan cannot order "high" and 0.5: it orders two numbers or two strings');
    expect(errorOf(() => evaluateCondition({ Type: 'LessThan', LeftValue: true, RightValue: false }, scope())).message).toMatch(/cannot order true and false/);
    expect(errorOf(() => evaluateCondition({ Type: 'Between', LeftValue: 1, RightValue: 2 }, scope())).message)
      .toBe('condition type "Between" is not one the local run evaluates; known: GreaterThan, GreaterThanOrEqualTo, LessThan, LessThanOrEqualTo, Equals, NotEquals, In, NotIn, Or, Not');
    expect(errorOf(() => evaluateCondition({ Type: 'In', Value: 1, In: 'abc' }, scope())).message).toMatch(/^condition In needs In \(a list of values\)/);
    expect(errorOf(() => evaluateCondition({ Type: 'Or', Conditions: [] }, scope())).message).toMatch(/^condition Or needs Conditions/);
    expect(errorOf(() => evaluateCondition({ LeftValue: 1 }, scope())).message).toMatch(/^a condition needs a Type/);
    expect(errorOf(() => evaluateConditions({ Type: 'Equals' }, scope())).message).toMatch(/Conditions must be a list/);
    expect(errorOf(() => evaluateCondition({ Type: 'Equals', LeftValue: { Get: 'Steps.Train.ModelArtifacts' }, RightValue: 1 }, scope())).message)
      .toMatch(/^condition Equals compares strings, numbers and booleans, got \{"S3ModelArtifacts"/);
  });

  test('an operand that does not resolve names the reference', () => {
    expect(errorOf(() => evaluateCondition({ Type: 'Equals', LeftValue: { Get: 'Steps.Register.ModelPackageArn' }, RightValue: 'x' }, scope())).message)
      .toBe('Steps.Register.ModelPackageArn cannot be read: step Register has not run');
  });
});
