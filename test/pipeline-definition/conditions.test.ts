import {
  Condition, ConditionStep, ParameterFloat, ParameterString, PipelineDefinition, pipelineDefinitionSchemaErrors,
} from '../../src/pipeline-definition';
import { errorOf, evaluationStep, failStep } from './fixtures';

const auc = new ParameterFloat({ name: 'Auc', defaultValue: 0.8 });
const threshold = new ParameterFloat({ name: 'Threshold', defaultValue: 0.75 });
const region = new ParameterString({ name: 'Region', defaultValue: 'us-east-1' });
const stage = new ParameterString({ name: 'Stage', defaultValue: 'dev' });

const AUC = { Get: 'Parameters.Auc' };
const THRESHOLD = { Get: 'Parameters.Threshold' };
const REGION = { Get: 'Parameters.Region' };
const STAGE = { Get: 'Parameters.Stage' };

/** A definition with one condition step holding `conditions`. */
function definitionWith(...conditions: Condition[]): PipelineDefinition {
  return new PipelineDefinition({
    parameters: [auc, threshold, region, stage],
    steps: [new ConditionStep({ name: 'Check', conditions, ifSteps: [failStep()] })],
  });
}

/** The `Conditions` list SageMaker gets for `conditions`. */
function rendered(...conditions: Condition[]): unknown[] {
  return (definitionWith(...conditions).toJSON().Steps[0].Arguments as { Conditions: unknown[] }).Conditions;
}

describe('comparisons', () => {
  test.each([
    ['greaterThan', Condition.greaterThan, 'GreaterThan'],
    ['greaterThanOrEqualTo', Condition.greaterThanOrEqualTo, 'GreaterThanOrEqualTo'],
    ['lessThan', Condition.lessThan, 'LessThan'],
    ['lessThanOrEqualTo', Condition.lessThanOrEqualTo, 'LessThanOrEqualTo'],
    ['equals', Condition.equals, 'Equals'],
    ['notEquals', Condition.notEquals, 'NotEquals'],
  ])('%s renders Type %s with LeftValue and RightValue', (_name, make, type) => {
    expect(rendered(make(auc, threshold))).toEqual([{ Type: type, LeftValue: AUC, RightValue: THRESHOLD }]);
  });

  test('literals stay literals', () => {
    expect(rendered(Condition.lessThanOrEqualTo(auc, 0.9), Condition.equals(region, 'eu-west-1'))).toEqual([
      { Type: 'LessThanOrEqualTo', LeftValue: AUC, RightValue: 0.9 },
      { Type: 'Equals', LeftValue: REGION, RightValue: 'eu-west-1' },
    ]);
  });

  test('a JsonGet operand renders Std:JsonGet', () => {
    const { step, report } = evaluationStep();
    const definition = new PipelineDefinition({
      parameters: [threshold],
      steps: [step, new ConditionStep({
        name: 'CheckAuc',
        conditions: [Condition.greaterThanOrEqualTo(report.get('classification_metrics.auc_score.value'), threshold)],
        ifSteps: [failStep()],
      })],
    });
    expect((definition.toJSON().Steps[1].Arguments as { Conditions: unknown[] }).Conditions).toEqual([{
      Type: 'GreaterThanOrEqualTo',
      LeftValue: { 'Std:JsonGet': { PropertyFile: { Get: 'Steps.Evaluate.PropertyFiles.EvaluationReport' }, Path: 'classification_metrics.auc_score.value' } },
      RightValue: THRESHOLD,
    }]);
  });

  test('a number SageMaker cannot compare is rejected, naming it', () => {
    expect(errorOf(() => Condition.greaterThan(auc, NaN)).message).toBe('condition Parameters.Auc > NaN: NaN is not a number SageMaker can compare');
  });

  test('an operand that is no value is rejected', () => {
    expect(errorOf(() => Condition.equals(auc, { a: 1 } as unknown as string)).message)
      .toContain('an operand must be a string, number, boolean or pipeline expression, got {"a":1}');
  });

  test('toString shows the condition', () => {
    expect(String(Condition.greaterThanOrEqualTo(auc, threshold))).toBe('Parameters.Auc >= Parameters.Threshold');
  });
});

// The SageMaker Python SDK sends In as {Type, QueryValue, Values} (ConditionIn.to_request, in its pipeline
// integration tests), the published schema as {Type, Value, In}, and CreatePipeline refuses properties it does not
// know (aws/sagemaker-python-sdk#2746): in() is written as the equalities both accept.
describe('in', () => {
  const eq = (value: unknown) => ({ Type: 'Equals', LeftValue: REGION, RightValue: value });
  const ne = (value: unknown) => ({ Type: 'NotEquals', LeftValue: REGION, RightValue: value });

  test('renders an Or of one Equals per value, never an In', () => {
    expect(rendered(Condition.in(region, ['us-east-1', 'eu-west-1']))).toEqual([{ Type: 'Or', Conditions: [eq('us-east-1'), eq('eu-west-1')] }]);
    expect(rendered(Condition.in(region, ['us-east-1']))).toEqual([eq('us-east-1')]);
    expect(JSON.stringify(definitionWith(Condition.in(region, ['us-east-1', stage])).toJSON())).not.toMatch(/"In"/);
  });

  test('not(in) renders one NotEquals per value (all must hold), and not(not(in)) the Or again', () => {
    const isUs = Condition.in(region, ['us-east-1', stage]);
    expect(rendered(Condition.not(isUs))).toEqual([ne('us-east-1'), ne(STAGE)]);
    expect(rendered(Condition.not(Condition.not(isUs)))).toEqual([{ Type: 'Or', Conditions: [eq('us-east-1'), eq(STAGE)] }]);
  });

  test('inside an or, in() adds its equalities to the Or; not in one value is its inequality', () => {
    const low = Condition.lessThan(auc, 0.5);
    const LOW = { Type: 'LessThan', LeftValue: AUC, RightValue: 0.5 };
    expect(rendered(Condition.or(low, Condition.in(region, ['us-east-1', 'eu-west-1'])))).toEqual([{ Type: 'Or', Conditions: [LOW, eq('us-east-1'), eq('eu-west-1')] }]);
    expect(rendered(Condition.or(low, Condition.not(Condition.in(region, ['us-east-1']))))).toEqual([{ Type: 'Or', Conditions: [LOW, ne('us-east-1')] }]);
  });

  test('not in several values inside an or is refused with the reason', () => {
    expect(errorOf(() => definitionWith(Condition.or(Condition.lessThan(auc, 0.5), Condition.not(Condition.in(region, ['us-east-1', 'eu-west-1']))))).message).toBe(
      'condition Parameters.Region not in [us-east-1, eu-west-1] cannot be written in a SageMaker pipeline definition inside an or(): '
      + 'it is an and() of 2 inequalities, and an Or may hold only comparisons',
    );
  });

  test('the definitions pass the corrected schema', () => {
    const json = definitionWith(Condition.in(region, ['us-east-1', stage]), Condition.not(Condition.in(stage, ['prod', 'test']))).toJSON();
    expect(pipelineDefinitionSchemaErrors(json)).toEqual([]);
  });

  test('needs at least one value', () => {
    expect(errorOf(() => Condition.in(region, [])).message).toBe('condition Parameters.Region in [...] needs at least one value to compare with');
  });
});

describe('not', () => {
  test.each([
    [Condition.greaterThanOrEqualTo, 'LessThan'],
    [Condition.greaterThan, 'LessThanOrEqualTo'],
    [Condition.lessThanOrEqualTo, 'GreaterThan'],
    [Condition.lessThan, 'GreaterThanOrEqualTo'],
    [Condition.equals, 'NotEquals'],
    [Condition.notEquals, 'Equals'],
  ])('not(%p) renders %s with the same operands', (make, type) => {
    expect(rendered(Condition.not(make(auc, threshold)))).toEqual([{ Type: type, LeftValue: AUC, RightValue: THRESHOLD }]);
  });

  test('not(a >= b) is a < b', () => {
    expect(rendered(Condition.not(Condition.greaterThanOrEqualTo(auc, threshold)))).toEqual([{ Type: 'LessThan', LeftValue: AUC, RightValue: THRESHOLD }]);
  });

  test('not(or(a, b)) renders two conditions (both negated), not an Or', () => {
    expect(rendered(Condition.not(Condition.or(Condition.greaterThanOrEqualTo(auc, threshold), Condition.in(region, ['us-east-1']))))).toEqual([
      { Type: 'LessThan', LeftValue: AUC, RightValue: THRESHOLD },
      { Type: 'NotEquals', LeftValue: REGION, RightValue: 'us-east-1' },
    ]);
  });

  test('not(and(a, b)) renders an Or of both negated', () => {
    expect(rendered(Condition.not(Condition.and(Condition.lessThan(auc, 0.5), Condition.equals(stage, 'prod'))))).toEqual([{
      Type: 'Or',
      Conditions: [
        { Type: 'GreaterThanOrEqualTo', LeftValue: AUC, RightValue: 0.5 },
        { Type: 'NotEquals', LeftValue: STAGE, RightValue: 'prod' },
      ],
    }]);
  });
});

describe('Or and And', () => {
  const a = Condition.greaterThanOrEqualTo(auc, threshold);
  const b = Condition.lessThanOrEqualTo(auc, 0.99);
  const c = Condition.in(region, ['us-east-1']);
  const A = { Type: 'GreaterThanOrEqualTo', LeftValue: AUC, RightValue: THRESHOLD };
  const B = { Type: 'LessThanOrEqualTo', LeftValue: AUC, RightValue: 0.99 };
  const C = { Type: 'Equals', LeftValue: REGION, RightValue: 'us-east-1' };

  test('or(a, b) renders one Or holding both', () => {
    expect(rendered(Condition.or(a, b))).toEqual([{ Type: 'Or', Conditions: [A, B] }]);
  });

  test('a nested or is flattened into one Or', () => {
    expect(rendered(Condition.or(a, Condition.or(b, c)))).toEqual([{ Type: 'Or', Conditions: [A, B, C] }]);
  });

  test('and(a, b) at the top renders two conditions (a step\'s conditions must all hold)', () => {
    expect(rendered(Condition.and(a, Condition.and(b, c)))).toEqual([A, B, C]);
  });

  test('an and() of one condition inside an or is that condition', () => {
    expect(rendered(Condition.or(a, Condition.and(b)))).toEqual([{ Type: 'Or', Conditions: [A, B] }]);
  });

  test('not(or(a, and(b, c))) is and(not a, or(not b, not c)), which SageMaker can hold', () => {
    expect(rendered(Condition.not(Condition.or(a, Condition.and(b, c))))).toEqual([
      { Type: 'LessThan', LeftValue: AUC, RightValue: THRESHOLD },
      { Type: 'Or', Conditions: [{ Type: 'GreaterThan', LeftValue: AUC, RightValue: 0.99 }, { Type: 'NotEquals', LeftValue: REGION, RightValue: 'us-east-1' }] },
    ]);
  });

  test('or(a, and(b, c)) is rejected with the reason: an Or cannot hold an and() of several', () => {
    const err = errorOf(() => definitionWith(Condition.or(a, Condition.and(b, c))));
    expect(err.message).toBe(
      'condition and(Parameters.Auc <= 0.99, Parameters.Region in [us-east-1]) cannot be written in a SageMaker pipeline definition: '
      + 'an Or may hold comparisons, not an and() of several',
    );
  });

  test('or() and and() need conditions', () => {
    expect(errorOf(() => Condition.or()).message).toBe('or() needs one or more conditions');
    expect(errorOf(() => Condition.and()).message).toBe('and() needs one or more conditions');
  });

  test('every form here passes the corrected schema', () => {
    const definition = definitionWith(
      Condition.or(a, Condition.or(b, c)),
      Condition.not(Condition.or(a, Condition.and(b, c))),
      Condition.not(Condition.in(region, [stage, 'eu-west-1'])),
      Condition.notEquals(stage, 'prod'),
    );
    expect(pipelineDefinitionSchemaErrors(definition.toJSON())).toEqual([]);
  });
});
