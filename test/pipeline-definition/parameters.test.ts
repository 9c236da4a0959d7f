import {
  ParameterBoolean, ParameterFloat, ParameterInteger, ParameterString, PipelineDefinitionError, STEP_NAME_PATTERN, checkPipelineName,
} from '../../src/pipeline-definition';
import { errorOf, recorder } from './fixtures';

describe('ParameterString', () => {
  test('declares Name, Type, DefaultValue and Description', () => {
    const parameter = new ParameterString({ name: 'InputDataUrl', defaultValue: 's3://bucket/raw/players.csv', description: 'S3 URI of the raw data' });
    expect(parameter.declaration()).toEqual({
      Name: 'InputDataUrl', Type: 'String', DefaultValue: 's3://bucket/raw/players.csv', Description: 'S3 URI of the raw data',
    });
  });

  test('leaves DefaultValue and Description out when not given', () => {
    expect(new ParameterString({ name: 'InputDataUrl' }).declaration()).toEqual({ Name: 'InputDataUrl', Type: 'String' });
  });

  test('renders as a Get of Parameters.<name> and records the reference with its type', () => {
    const { ctx, refs } = recorder();
    expect(new ParameterString({ name: 'InputDataUrl' }).render(ctx)).toEqual({ Get: 'Parameters.InputDataUrl' });
    expect(refs).toEqual([{ kind: 'parameter', name: 'InputDataUrl', type: 'String' }]);
  });

  // SageMaker's Python SDK (sagemaker.workflow.parameters.ParameterString.to_request) declares
  // enum_values as EnumValues, which SageMaker checks when an execution starts; the developer
  // guide's "Pipeline parameters" page does not document the field.
  test('a default among the allowed values is accepted, and the allowed values are declared as EnumValues', () => {
    const parameter = new ParameterString({ name: 'ModelApprovalStatus', defaultValue: 'Approved', allowedValues: ['PendingManualApproval', 'Approved'] });
    expect(parameter.allowedValues).toEqual(['PendingManualApproval', 'Approved']);
    expect(parameter.declaration()).toEqual({
      Name: 'ModelApprovalStatus', Type: 'String', DefaultValue: 'Approved', EnumValues: ['PendingManualApproval', 'Approved'],
    });
  });

  test.each([
    [[], 'parameter Status: allowedValues must list at least one value, got []'],
    [['a', 'b', 'a'], 'parameter Status: allowed value "a" is listed twice'],
    [['a', 3], 'parameter Status: each allowed value must be a string of at most 4096 characters, got 3'],
    [['x'.repeat(4097)], `parameter Status: each allowed value must be a string of at most 4096 characters, got "${'x'.repeat(4097)}"`],
  ])('allowed values %j are rejected', (values, message) => {
    expect(errorOf(() => new ParameterString({ name: 'Status', allowedValues: values as string[] })).message).toBe(message);
  });

  test('a default that is not one of the allowed values is rejected, naming the value and the allowed ones', () => {
    const err = errorOf(() => new ParameterString({ name: 'ModelApprovalStatus', defaultValue: 'Maybe', allowedValues: ['PendingManualApproval', 'Approved'] }));
    expect(err.message).toMatch(/ModelApprovalStatus/);
    expect(err.message).toContain('"Maybe"');
    expect(err.message).toContain('PendingManualApproval, Approved');
  });

  test('a default longer than 4096 characters is rejected', () => {
    expect(errorOf(() => new ParameterString({ name: 'Long', defaultValue: 'x'.repeat(4097) })).message).toMatch(/parameter Long: default value must be a string of at most 4096/);
  });

  test('a description longer than 4096 characters is rejected', () => {
    expect(errorOf(() => new ParameterString({ name: 'Long', description: 'x'.repeat(4097) })).message).toMatch(/parameter Long: description is 4097 characters long/);
  });
});

describe('ParameterInteger', () => {
  test('declares an integer default', () => {
    expect(new ParameterInteger({ name: 'InstanceCount', defaultValue: 2 }).declaration()).toEqual({ Name: 'InstanceCount', Type: 'Integer', DefaultValue: 2 });
  });

  test.each([1.5, NaN, Infinity])('a default of %p is rejected, naming it', (value) => {
    const err = errorOf(() => new ParameterInteger({ name: 'InstanceCount', defaultValue: value }));
    expect(err.message).toBe(`parameter InstanceCount: default value must be an integer, got ${value}`);
  });

  test('a string default is rejected', () => {
    expect(errorOf(() => new ParameterInteger({ name: 'InstanceCount', defaultValue: '2' as unknown as number })).message).toContain('got "2"');
  });
});

describe('ParameterFloat', () => {
  test('declares a float default', () => {
    expect(new ParameterFloat({ name: 'TestScoreThreshold', defaultValue: 0.75 }).declaration())
      .toEqual({ Name: 'TestScoreThreshold', Type: 'Float', DefaultValue: 0.75 });
  });

  test('a default of 0 is kept (not taken for a missing default)', () => {
    expect(new ParameterFloat({ name: 'Zero', defaultValue: 0 }).declaration()).toEqual({ Name: 'Zero', Type: 'Float', DefaultValue: 0 });
  });

  test.each([NaN, Infinity, -Infinity])('a default of %p is rejected, naming it', (value) => {
    const err = errorOf(() => new ParameterFloat({ name: 'TestScoreThreshold', defaultValue: value }));
    expect(err.message).toBe(`parameter TestScoreThreshold: default value must be a finite number, got ${value}`);
  });

  test('a default outside its range is rejected, naming the range and the value', () => {
    const err = errorOf(() => new ParameterFloat({ name: 'TestScoreThreshold', defaultValue: 1.5, range: [0, 1] }));
    expect(err.message).toBe('parameter TestScoreThreshold must be between 0 and 1, got 1.5');
  });

  test('the bounds of the range are allowed', () => {
    expect(new ParameterFloat({ name: 'Low', defaultValue: 0, range: [0, 1] }).range).toEqual([0, 1]);
    expect(new ParameterFloat({ name: 'High', defaultValue: 1, range: [0, 1] }).defaultValue).toBe(1);
  });
});

describe('ParameterBoolean', () => {
  test('declares a false default (a falsy default is not dropped)', () => {
    expect(new ParameterBoolean({ name: 'SkipTraining', defaultValue: false }).declaration())
      .toEqual({ Name: 'SkipTraining', Type: 'Boolean', DefaultValue: false });
  });

  test('a default of "yes" is rejected, naming it', () => {
    const err = errorOf(() => new ParameterBoolean({ name: 'SkipTraining', defaultValue: 'yes' as unknown as boolean }));
    expect(err.message).toBe('parameter SkipTraining: default value must be true or false, got "yes"');
  });
});

describe('parameter names', () => {
  test('64 letters, digits, - and _ are accepted', () => {
    const name = `A-_9${'x'.repeat(60)}`;
    expect(new ParameterString({ name }).name).toBe(name);
    expect(STEP_NAME_PATTERN.test(name)).toBe(true);
  });

  test('a 65-character name is rejected, naming it and its length', () => {
    const name = 'P'.repeat(65);
    const err = errorOf(() => new ParameterString({ name }));
    expect(err).toBeInstanceOf(PipelineDefinitionError);
    expect(err.message).toBe(`parameter name "${name}" is 65 characters long; SageMaker allows at most 64`);
  });

  test('a name with a space is rejected, naming it and the character', () => {
    const err = errorOf(() => new ParameterFloat({ name: 'Test Threshold' }));
    expect(err.message).toBe('parameter name "Test Threshold" contains " "; SageMaker allows only letters, digits, \'-\' and \'_\'');
  });

  test('a name with a dot is rejected, naming it and the character', () => {
    const err = errorOf(() => new ParameterInteger({ name: 'train.count' }));
    expect(err.message).toContain('"train.count" contains "."');
  });

  test('an empty name is rejected', () => {
    expect(errorOf(() => new ParameterBoolean({ name: '' })).message).toBe('parameter name must be a non-empty string, got ""');
  });

  test('checkPipelineName says what is being named', () => {
    expect(errorOf(() => checkPipelineName('property file name', 'a/b')).message).toMatch(/^property file name "a\/b" contains "\/"/);
  });
});
