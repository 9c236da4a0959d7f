import {
  Condition, ConditionStep, CreateModelStep, FailStep, Join, JsonGet, PIPELINE_DEFINITION_VERSION, ParameterFloat, ParameterString,
  PipelineDefinition, StepProperty, pipelineDefinitionSchemaErrors,
} from '../../src/pipeline-definition';
import { parameterRangesOf } from '../../src/pipeline-definition/parameter-ranges';
import { ROLE_ARN, XGBOOST_IMAGE, errorOf, evaluationStep, failStep, processingStep, registerStep, trainingStep } from './fixtures';

/** A processing step named `name` that reads its input from `source`. */
function reading(name: string, source: StepProperty, dependsOn: string[] = []) {
  return processingStep({ name, dependsOn, inputs: [{ name: 'data', source, destination: '/opt/ml/processing/input/data' }] });
}

const trainUri = (step: string) => StepProperty.of(step, "ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri");

describe('PipelineDefinition document', () => {
  const inputData = new ParameterString({ name: 'InputDataUrl', defaultValue: 's3://bucket/raw' });
  const threshold = new ParameterFloat({ name: 'Threshold', defaultValue: 0.75 });
  const definition = new PipelineDefinition({
    parameters: [inputData, threshold],
    steps: [processingStep({ inputs: [{ name: 'data', source: inputData, destination: '/opt/ml/processing/input' }] })],
    metadata: { owner: 'data-science' },
  });

  test('Version, Metadata, Parameters (declared, used or not) and Steps', () => {
    const json = definition.toJSON();
    expect(json.Version).toBe('2020-12-01');
    expect(PIPELINE_DEFINITION_VERSION).toBe('2020-12-01');
    expect(json.Metadata).toEqual({ owner: 'data-science' });
    expect(json.Parameters).toEqual([
      { Name: 'InputDataUrl', Type: 'String', DefaultValue: 's3://bucket/raw' },
      { Name: 'Threshold', Type: 'Float', DefaultValue: 0.75 },
    ]);
    expect(json.Steps.map((s) => s.Name)).toEqual(['Preprocess']);
  });

  // The pipeline definition schema: FloatParameter has no bounds and SageMaker takes any number for it; Metadata is a
  // map of strings (keys of 1 to 128 letters, digits, - and _). A Float's range rides there for run-pipeline.
  test('a Float parameter\'s range is kept in Metadata, where it reads back, and the document stays valid', () => {
    const gate = new ParameterFloat({ name: 'TestScoreThreshold', defaultValue: 0.75, range: [0, 1] });
    const json = new PipelineDefinition({ parameters: [gate, threshold], steps: [failStep()], metadata: { owner: 'data-science' } }).toJSON();
    expect(json.Metadata).toEqual({ 'owner': 'data-science', 'ParameterRange-TestScoreThreshold': '[0,1]' });
    expect(parameterRangesOf(json.Metadata)).toEqual(new Map([['TestScoreThreshold', [0, 1]]]));
    expect(pipelineDefinitionSchemaErrors(json)).toEqual([]);
    expect(errorOf(() => new PipelineDefinition({ steps: [failStep()], metadata: { 'ParameterRange-X': '[0,1]' } })).message)
      .toBe('metadata ParameterRange-X: keys starting ParameterRange- hold the Float parameters\' ranges');
  });

  test('metadata that does not read as a range is not one', () => {
    expect(parameterRangesOf({ 'ParameterRange-A': 'low', 'ParameterRange-B': '[1,0]', 'ParameterRange-C': '[0]', 'ParameterRange-D': '[0,"1"]', 'other': '[0,1]' }).size).toBe(0);
    expect(parameterRangesOf(undefined).size).toBe(0);
  });

  test('Metadata and Parameters are empty when not given', () => {
    expect(new PipelineDefinition({ steps: [failStep()] }).toJSON()).toMatchObject({ Metadata: {}, Parameters: [] });
  });

  test('toString is the JSON document', () => {
    expect(JSON.parse(definition.toString())).toEqual(definition.toJSON());
  });

  test('toJSON gives a copy each time', () => {
    const json = definition.toJSON();
    json.Steps.pop();
    (json.Metadata as Record<string, string>).owner = 'someone else';
    expect(definition.toJSON().Steps).toHaveLength(1);
    expect(definition.toJSON().Metadata).toEqual({ owner: 'data-science' });
  });

  test('step() finds a step and names the steps when there is none', () => {
    expect(definition.step('Preprocess').type).toBe('Processing');
    expect(errorOf(() => definition.step('Train')).message).toBe('the pipeline has no step named "Train"; steps: Preprocess');
  });
});

describe('step order and dependencies', () => {
  const preprocess = processingStep({ outputs: ['train', 'test'].map((name) => ({ name, source: `/opt/ml/processing/${name}`, destination: `s3://bucket/${name}` })) });
  const train = trainingStep({ inputs: { train: { s3Uri: preprocess.outputUri('train') } } });
  const { step: evaluate, report } = evaluationStep({
    inputs: [
      { name: 'model', source: train.modelArtifacts, destination: '/opt/ml/processing/model' },
      { name: 'test', source: preprocess.outputUri('test'), destination: '/opt/ml/processing/test' },
    ],
  });
  const register = registerStep({ modelDataUrl: train.modelArtifacts });
  const fail = failStep('AucBelowThreshold');
  const check = new ConditionStep({ name: 'CheckAuc', conditions: [Condition.greaterThanOrEqualTo(report.get('metrics.auc'), 0.75)], ifSteps: [register], elseSteps: [fail] });
  const audit = new FailStep({ name: 'Audit', errorMessage: 'audit', dependsOn: [check] });

  test('steps lists every step, branch steps included, each after what it needs, whatever order they are given in', () => {
    const definition = new PipelineDefinition({ steps: [audit, check, evaluate, train, preprocess] });
    const order = definition.steps.map((s) => s.name);
    expect(order).toHaveLength(7);
    const before = (a: string, b: string) => expect(order.indexOf(a)).toBeLessThan(order.indexOf(b));
    before('Preprocess', 'Train');
    before('Train', 'Evaluate');
    before('Evaluate', 'CheckAuc');
    before('CheckAuc', 'Register');
    before('CheckAuc', 'AucBelowThreshold');
    before('CheckAuc', 'Audit');
    before('Train', 'Register');
  });

  test('dependenciesOf names property references, property files, the condition of a branch step and DependsOn', () => {
    const definition = new PipelineDefinition({ steps: [preprocess, train, evaluate, check, audit] });
    expect(definition.dependenciesOf('Preprocess')).toEqual([]);
    expect(definition.dependenciesOf('Train')).toEqual(['Preprocess']);
    expect(definition.dependenciesOf('Evaluate')).toEqual(['Preprocess', 'Train']);
    expect(definition.dependenciesOf('CheckAuc')).toEqual(['Evaluate']);
    expect(definition.dependenciesOf('Register')).toEqual(['CheckAuc', 'Train']);
    expect(definition.dependenciesOf('AucBelowThreshold')).toEqual(['CheckAuc']);
    expect(definition.dependenciesOf('Audit')).toEqual(['CheckAuc']);
    expect(errorOf(() => definition.dependenciesOf('Nope')).message).toMatch(/^the pipeline has no step named "Nope"/);
  });

  test('branch steps listed at the top level end up only inside their branch', () => {
    const json = new PipelineDefinition({ steps: [preprocess, train, evaluate, check, register, fail] }).toJSON();
    expect(json.Steps.map((s) => s.Name)).toEqual(['Preprocess', 'Train', 'Evaluate', 'CheckAuc']);
    const args = json.Steps[3].Arguments as any;
    expect(args.IfSteps.map((s: any) => s.Name)).toEqual(['Register']);
    expect(args.ElseSteps.map((s: any) => s.Name)).toEqual(['AucBelowThreshold']);
  });

  test('a branch may name a step of the pipeline by its name', () => {
    const byName = new ConditionStep({ name: 'CheckAuc', conditions: [Condition.greaterThanOrEqualTo(report.get('metrics.auc'), 0.75)], ifSteps: ['Register'], elseSteps: ['AucBelowThreshold'] });
    const json = new PipelineDefinition({ steps: [preprocess, train, evaluate, byName, register, fail] }).toJSON();
    expect(json.Steps.map((s) => s.Name)).toEqual(['Preprocess', 'Train', 'Evaluate', 'CheckAuc']);
    expect((json.Steps[3].Arguments as any).IfSteps[0]).toMatchObject({ Name: 'Register', Type: 'RegisterModel' });
    expect((json.Steps[3].Arguments as any).ElseSteps[0]).toMatchObject({ Name: 'AucBelowThreshold', Type: 'Fail' });
  });

  test('a step after the condition may read a branch step', () => {
    const model = new CreateModelStep({ name: 'CreateModel', executionRoleArn: ROLE_ARN, modelPackageName: register.modelPackageArn });
    const definition = new PipelineDefinition({ steps: [preprocess, train, evaluate, check, model] });
    expect(definition.dependenciesOf('CreateModel')).toEqual(['Register']);
    expect(definition.steps.map((s) => s.name).slice(-1)).toEqual(['CreateModel']);
  });
});

describe('build-time checks', () => {
  test('an empty pipeline', () => {
    expect(errorOf(() => new PipelineDefinition({ steps: [] })).message).toBe('a pipeline needs at least one step');
  });

  test('two steps of one name', () => {
    expect(errorOf(() => new PipelineDefinition({ steps: [failStep('Fail'), processingStep(), failStep('Fail')] })).message)
      .toBe('two steps are named Fail; step names must be unique in a pipeline');
  });

  test('a top-level step of the same name as a branch step', () => {
    const check = new ConditionStep({ name: 'Check', conditions: [Condition.equals(1, 1)], ifSteps: [failStep('Fail')] });
    expect(errorOf(() => new PipelineDefinition({ steps: [check, failStep('Fail', 'another')] })).message).toMatch(/^two steps are named Fail/);
  });

  test('one step listed twice', () => {
    const step = failStep();
    expect(errorOf(() => new PipelineDefinition({ steps: [step, step] })).message).toBe('step Fail is listed twice');
  });

  test('two parameters of one name', () => {
    const definition = () => new PipelineDefinition({
      parameters: [new ParameterString({ name: 'Threshold' }), new ParameterFloat({ name: 'Threshold' })], steps: [failStep()],
    });
    expect(errorOf(definition).message).toBe('two parameters are named Threshold; parameter names must be unique');
  });

  test('a reference to a step that is not in the pipeline', () => {
    const step = new FailStep({ name: 'Fail', errorMessage: new Join(' ', ['model', StepProperty.of('Nope', 'ModelArtifacts.S3ModelArtifacts')]) });
    expect(errorOf(() => new PipelineDefinition({ steps: [processingStep(), step] })).message)
      .toBe('step Fail refers to a property of step "Nope", which is not in the pipeline; steps: Preprocess, Fail');
  });

  test('a parameter the pipeline does not declare', () => {
    const threshold = new ParameterFloat({ name: 'Threshold', defaultValue: 0.75 });
    const step = new FailStep({ name: 'Fail', errorMessage: new Join(' ', ['below', threshold]) });
    expect(errorOf(() => new PipelineDefinition({ steps: [step] })).message)
      .toBe('step Fail uses parameter Threshold, which the pipeline does not declare; declared: none');
    const other = new ParameterString({ name: 'InputDataUrl' });
    expect(errorOf(() => new PipelineDefinition({ parameters: [other], steps: [step] })).message)
      .toBe('step Fail uses parameter Threshold, which the pipeline does not declare; declared: InputDataUrl');
  });

  test('a parameter the pipeline declares with another type', () => {
    const used = new ParameterString({ name: 'Threshold' });
    const declared = new ParameterFloat({ name: 'Threshold' });
    const step = new FailStep({ name: 'Fail', errorMessage: used });
    expect(errorOf(() => new PipelineDefinition({ parameters: [declared], steps: [step] })).message)
      .toBe('step Fail uses parameter Threshold as String, but the pipeline declares it as Float');
  });

  test('a parameter used in a branch step is checked too', () => {
    const threshold = new ParameterFloat({ name: 'Threshold' });
    const check = new ConditionStep({ name: 'Check', conditions: [Condition.equals(1, 1)], ifSteps: [new FailStep({ name: 'Fail', errorMessage: new Join('', [threshold]) })] });
    expect(errorOf(() => new PipelineDefinition({ steps: [check] })).message).toMatch(/^step Fail uses parameter Threshold, which the pipeline does not declare/);
  });

  test('a JsonGet of a property file of a step that is not in the pipeline', () => {
    const check = new ConditionStep({ name: 'Check', conditions: [Condition.greaterThan(JsonGet.fromNames('Nope', 'Report', 'metrics.auc'), 0.5)], ifSteps: [failStep()] });
    expect(errorOf(() => new PipelineDefinition({ steps: [check] })).message)
      .toBe('step Check reads property file Report of step "Nope", which is not in the pipeline');
  });

  test('a JsonGet of a property file the step does not declare', () => {
    const { step: evaluate } = evaluationStep();
    const check = new ConditionStep({ name: 'Check', conditions: [Condition.greaterThan(JsonGet.fromNames('Evaluate', 'Metrics', 'auc'), 0.5)], ifSteps: [failStep()] });
    expect(errorOf(() => new PipelineDefinition({ steps: [evaluate, check] })).message)
      .toBe('step Check reads property file "Metrics" of step Evaluate, which declares only EvaluationReport');
  });

  test('a JsonGet of a step that declares no property files', () => {
    const check = new ConditionStep({ name: 'Check', conditions: [Condition.greaterThan(JsonGet.fromNames('Train', 'Metrics', 'auc'), 0.5)], ifSteps: [failStep()] });
    expect(errorOf(() => new PipelineDefinition({ steps: [trainingStep(), check] })).message)
      .toBe('step Check reads property file "Metrics" of step Train, which declares no property files');
  });

  test('a JsonGet of a property file whose step is not in the pipeline', () => {
    const { report } = evaluationStep();
    const check = new ConditionStep({ name: 'Check', conditions: [Condition.greaterThan(report.get('auc'), 0.5)], ifSteps: [failStep()] });
    expect(errorOf(() => new PipelineDefinition({ steps: [check] })).message)
      .toBe('step Check reads property file EvaluationReport of step "Evaluate", which is not in the pipeline');
  });

  test('two steps that read each other\'s properties form a cycle, shown with its path', () => {
    const a = reading('A', trainUri('B'));
    const b = reading('B', trainUri('A'));
    expect(errorOf(() => new PipelineDefinition({ steps: [a, b] })).message)
      .toBe('the steps form a cycle: A -> B -> A (each needs the next to finish first)');
  });

  test('two steps that depend on each other form a cycle', () => {
    const a = processingStep({ name: 'A', dependsOn: ['B'] });
    const b = processingStep({ name: 'B', dependsOn: [a] });
    expect(errorOf(() => new PipelineDefinition({ steps: [a, b] })).message)
      .toBe('the steps form a cycle: A -> B -> A (each needs the next to finish first)');
  });

  test('a longer cycle of properties and DependsOn is shown in full, without the steps leading to it', () => {
    const start = processingStep({ name: 'Start' });
    const a = reading('A', trainUri('C'), ['Start']);
    const b = reading('B', trainUri('A'));
    const c = processingStep({ name: 'C', dependsOn: [b] });
    expect(errorOf(() => new PipelineDefinition({ steps: [start, a, b, c] })).message)
      .toBe('the steps form a cycle: A -> C -> B -> A (each needs the next to finish first)');
  });

  test('a condition that reads a property of a step in its own branch forms a cycle', () => {
    const register = registerStep();
    const check = new ConditionStep({ name: 'Check', conditions: [Condition.equals(register.modelPackageArn, 'arn')], ifSteps: [register] });
    expect(errorOf(() => new PipelineDefinition({ steps: [check] })).message)
      .toBe('the steps form a cycle: Check -> Register -> Check (each needs the next to finish first)');
  });

  test('a condition that depends on a step in its own branch forms a cycle', () => {
    const check = new ConditionStep({ name: 'Check', conditions: [Condition.equals(1, 1)], ifSteps: ['Fail'], dependsOn: ['Fail'] });
    expect(errorOf(() => new PipelineDefinition({ steps: [check, failStep()] })).message)
      .toBe('the steps form a cycle: Check -> Fail -> Check (each needs the next to finish first)');
  });

  test('a step that depends on itself', () => {
    expect(errorOf(() => new PipelineDefinition({ steps: [processingStep({ dependsOn: ['Preprocess'] })] })).message)
      .toBe('step Preprocess refers to itself: a step cannot use its own properties or depend on itself');
  });

  test('a step that reads its own property', () => {
    expect(errorOf(() => new PipelineDefinition({ steps: [reading('Preprocess', trainUri('Preprocess'))] })).message)
      .toBe('step Preprocess refers to itself: a step cannot use its own properties or depend on itself');
  });

  test('DependsOn naming a step that is not in the pipeline', () => {
    expect(errorOf(() => new PipelineDefinition({ steps: [processingStep(), failStep('Fail', 'x'), processingStep({ name: 'A', dependsOn: ['Nope'] })] })).message)
      .toBe('step A depends on step "Nope", which is not in the pipeline; steps: Preprocess, Fail, A');
  });

  test('a branch naming a step that is not in the pipeline', () => {
    const check = new ConditionStep({ name: 'Check', conditions: [Condition.equals(1, 1)], ifSteps: [failStep()], elseSteps: ['Missing'] });
    expect(errorOf(() => new PipelineDefinition({ steps: [check] })).message)
      .toBe('condition step Check names step "Missing" in a branch, but the pipeline has no such step; steps: Check, Fail');
  });

  test('a CreateModel step in a branch (the schema does not allow it there)', () => {
    const model = new CreateModelStep({ name: 'CreateModel', executionRoleArn: ROLE_ARN, image: XGBOOST_IMAGE });
    const check = new ConditionStep({ name: 'Check', conditions: [Condition.equals(1, 1)], ifSteps: [model] });
    expect(errorOf(() => new PipelineDefinition({ steps: [check] })).message)
      .toBe('condition step Check: step CreateModel is a Model step, which cannot be in a condition branch; allowed there: Training, Fail, Processing, Transform, RegisterModel');
  });

  test('a condition step in a branch', () => {
    const inner = new ConditionStep({ name: 'Inner', conditions: [Condition.equals(1, 1)], ifSteps: [failStep()] });
    const outer = new ConditionStep({ name: 'Outer', conditions: [Condition.equals(1, 1)], ifSteps: [inner] });
    expect(errorOf(() => new PipelineDefinition({ steps: [outer] })).message).toMatch(/^condition step Outer: step Inner is a Condition step, which cannot be in a condition branch/);
  });

  test('a step in both branches of a condition', () => {
    const fail = failStep();
    const check = new ConditionStep({ name: 'Check', conditions: [Condition.equals(1, 1)], ifSteps: [fail], elseSteps: ['Fail'] });
    expect(errorOf(() => new PipelineDefinition({ steps: [check] })).message)
      .toBe('step Fail is in a branch of condition step Check and of both its branches; a step can be in one branch only');
  });

  test('a step in branches of two conditions', () => {
    const fail = failStep();
    const first = new ConditionStep({ name: 'First', conditions: [Condition.equals(1, 1)], ifSteps: [fail] });
    const second = new ConditionStep({ name: 'Second', conditions: [Condition.equals(2, 2)], elseSteps: [fail] });
    expect(errorOf(() => new PipelineDefinition({ steps: [first, second] })).message)
      .toBe('step Fail is in a branch of condition step First and of condition step Second; a step can be in one branch only');
  });
});
