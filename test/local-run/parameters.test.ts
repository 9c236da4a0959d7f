import { LocalRunError, LocalRunParameterError, resolveParameterValues } from '../../src/local-run';
import { playerChurnPipeline } from '../../src/model-build/player-churn-pipeline';
import { Parameter, ParameterBoolean, ParameterFloat, ParameterInteger, ParameterString } from '../../src/pipeline-definition';
import { playerChurnProps } from '../pipeline-definition/fixtures';

const PARAMETERS = [
  new ParameterString({ name: 'InputDataUrl', defaultValue: 'data/players.csv' }),
  new ParameterString({ name: 'ModelApprovalStatus', defaultValue: 'PendingManualApproval', allowedValues: ['PendingManualApproval', 'Approved'] }),
  new ParameterFloat({ name: 'TestScoreThreshold', defaultValue: 0.75, range: [0, 1] }),
  new ParameterInteger({ name: 'Rounds', defaultValue: 100 }),
  new ParameterBoolean({ name: 'Register', defaultValue: true }),
];

/** The parameter error `given` gives. */
function errorOf(given: Record<string, string>, declared: readonly Parameter[] = PARAMETERS): LocalRunParameterError {
  try {
    resolveParameterValues(declared, given);
  } catch (err) {
    if (err instanceof LocalRunParameterError) {
      return err;
    }
    throw err;
  }
  throw new Error('expected a LocalRunParameterError');
}

describe('resolveParameterValues', () => {
  test('every parameter takes its default unless given', () => {
    expect(resolveParameterValues(PARAMETERS)).toEqual({
      InputDataUrl: 'data/players.csv', ModelApprovalStatus: 'PendingManualApproval', TestScoreThreshold: 0.75, Rounds: 100, Register: true,
    });
  });

  test('given values are typed by the parameter type', () => {
    expect(resolveParameterValues(PARAMETERS, {
      InputDataUrl: 'other.csv', ModelApprovalStatus: 'Approved', TestScoreThreshold: '0.9', Rounds: '-3', Register: 'FALSE',
    })).toEqual({ InputDataUrl: 'other.csv', ModelApprovalStatus: 'Approved', TestScoreThreshold: 0.9, Rounds: -3, Register: false });
    expect(resolveParameterValues(PARAMETERS, { TestScoreThreshold: '1e-1', Rounds: '+7' })).toMatchObject({ TestScoreThreshold: 0.1, Rounds: 7 });
    expect(resolveParameterValues(PARAMETERS, { TestScoreThreshold: '.5', InputDataUrl: `s3://bucket/${'k'.repeat(1012)}` })).toMatchObject({ TestScoreThreshold: 0.5 });
  });

  test('a parameter the pipeline does not declare is named with the declared ones', () => {
    const err = errorOf({ Threshold: '0.8' });
    expect(err).toBeInstanceOf(LocalRunError);
    expect(err.message).toBe('the pipeline declares no parameter Threshold; declared: InputDataUrl, ModelApprovalStatus, TestScoreThreshold, Rounds, Register');
    expect(errorOf({ X: '1' }, []).message).toBe('the pipeline declares no parameter X; declared: none');
  });

  test.each([
    [{ TestScoreThreshold: 'abc' }, 'parameter TestScoreThreshold is a Float: give a number such as 0.75, got "abc"'],
    [{ TestScoreThreshold: '' }, 'parameter TestScoreThreshold is a Float: give a number such as 0.75, got ""'],
    [{ TestScoreThreshold: 'Infinity' }, 'parameter TestScoreThreshold is a Float: give a number such as 0.75, got "Infinity"'],
    [{ TestScoreThreshold: '0x1' }, 'parameter TestScoreThreshold is a Float: give a number such as 0.75, got "0x1"'],
    // Amazon SageMaker API Reference, Parameter (StartPipelineExecution): Value is at most 1024 characters.
    [{ InputDataUrl: `s3://bucket/${'k'.repeat(1013)}` }, 'parameter InputDataUrl: a value is at most 1024 characters, got 1025'],
    [{ TestScoreThreshold: '1.5' }, 'parameter TestScoreThreshold must be between 0 and 1, got 1.5'],
    [{ Rounds: '2.5' }, 'parameter Rounds is an Integer: give a whole number, got "2.5"'],
    [{ Rounds: '1e3' }, 'parameter Rounds is an Integer: give a whole number, got "1e3"'],
    [{ Rounds: '99999999999999999999' }, 'parameter Rounds is an Integer: give a whole number, got "99999999999999999999"'],
    [{ Register: 'yes' }, 'parameter Register is a Boolean: give true or false, got "yes"'],
    [{ ModelApprovalStatus: 'Rejected' }, 'parameter ModelApprovalStatus must be one of PendingManualApproval, Approved, got "Rejected"'],
  ])('%j: %s', (given, message) => {
    expect(errorOf(given).message).toBe(message);
  });

  // The values the definition declares as EnumValues (SageMaker checks them when an execution
  // starts): the default pipeline's job instance types are EBS-backed only, as they carry the
  // project's volume KMS key (API reference, ResourceConfig.VolumeKmsKeyId: "You can't request a
  // VolumeKmsKeyId when using an instance type with local storage").
  test('the default pipeline: an instance type outside the EnumValues is rejected, naming the parameter', () => {
    const definition = playerChurnPipeline(playerChurnProps());
    expect(errorOf({ TrainingInstanceType: 'ml.g4dn.xlarge' }, definition.parameters).message)
      .toMatch(/^parameter TrainingInstanceType must be one of ml\.m4\.xlarge, .*, got "ml\.g4dn\.xlarge"$/);
    expect(resolveParameterValues(definition.parameters, { TrainingInstanceType: 'ml.p3.2xlarge' })).toMatchObject({ TrainingInstanceType: 'ml.p3.2xlarge' });
  });

  test('a parameter without a default must be given', () => {
    const declared = [new ParameterString({ name: 'Bucket' })];
    expect(errorOf({}, declared).message).toBe('parameter Bucket has no default value: give one with --parameter Bucket=<string>');
    expect(resolveParameterValues(declared, { Bucket: 'b' })).toEqual({ Bucket: 'b' });
  });

  test('the default pipeline: a threshold of 0.99 and an approved status are accepted', () => {
    const definition = playerChurnPipeline(playerChurnProps());
    expect(resolveParameterValues(definition.parameters, { TestScoreThreshold: '0.99', ModelApprovalStatus: 'Approved' })).toMatchObject({
      TestScoreThreshold: 0.99, ModelApprovalStatus: 'Approved', ProcessingInstanceType: 'ml.m5.large',
    });
  });
});
