import { DescribePipelineCommand, SageMakerClient, SageMakerServiceException } from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import { CliError } from '../../src/aws';
import { DeclaredParameter, checkPipelineParameters, pipelineParameters } from '../../src/aws/pipeline-parameters';

const sm = mockClient(SageMakerClient);
const client = new SageMakerClient({ region: 'eu-west-1' });

const DEFINITION = JSON.stringify({
  Version: '2020-12-01',
  Parameters: [
    { Name: 'InputDataUrl', Type: 'String', DefaultValue: 's3://b/data.csv' },
    { Name: 'TrainingInstanceCount', Type: 'Integer', DefaultValue: 1 },
    { Name: 'AucThreshold', Type: 'Float', DefaultValue: 0.75 },
    { Name: 'SkipTuning', Type: 'Boolean', DefaultValue: false },
    { Name: 'ApprovalStatus', Type: 'String', DefaultValue: 'PendingManualApproval', EnumValues: ['PendingManualApproval', 'Approved'] },
  ],
  Steps: [],
});

beforeEach(() => sm.reset());

describe('pipelineParameters', () => {
  // DescribePipeline API reference: PipelineDefinition is the JSON pipeline definition; its Parameters list Name, Type, DefaultValue.
  test('reads the declared parameters from the definition', async () => {
    sm.on(DescribePipelineCommand, { PipelineName: 'churn-training' }).resolves({ PipelineDefinition: DEFINITION });
    const declared = await pipelineParameters(client, 'churn-training');
    expect(declared.map((p) => `${p.name}:${p.type}`)).toEqual([
      'InputDataUrl:String', 'TrainingInstanceCount:Integer', 'AucThreshold:Float', 'SkipTuning:Boolean', 'ApprovalStatus:String',
    ]);
    expect(declared[4].enumValues).toEqual(['PendingManualApproval', 'Approved']);
  });

  test('a missing pipeline names the pipeline and region; a definition that is not JSON is a clear error', async () => {
    sm.on(DescribePipelineCommand, { PipelineName: 'nope' })
      .rejects(new SageMakerServiceException({ name: 'ResourceNotFound', message: 'Pipeline nope does not exist', $fault: 'client', $metadata: {} }));
    await expect(pipelineParameters(client, 'nope')).rejects.toThrow('pipeline nope not found in region eu-west-1: Pipeline nope does not exist');
    sm.on(DescribePipelineCommand, { PipelineName: 'odd' }).resolves({ PipelineDefinition: '{oops' });
    await expect(pipelineParameters(client, 'odd')).rejects.toThrow(/^pipeline odd: its definition is not JSON \(.*\), so its parameters cannot be checked$/);
  });

  test('a pipeline without parameters declares none', async () => {
    sm.on(DescribePipelineCommand).resolves({ PipelineDefinition: JSON.stringify({ Steps: [] }) });
    expect(await pipelineParameters(client, 'p')).toEqual([]);
  });
});

describe('checkPipelineParameters', () => {
  const declared: DeclaredParameter[] = JSON.parse(DEFINITION).Parameters.map((p: { Name: string; Type: string; EnumValues?: string[] }) => ({
    name: p.Name, type: p.Type, ...(p.EnumValues ? { enumValues: p.EnumValues } : {}),
  }));
  const check = (values: Record<string, string>) => () => checkPipelineParameters('churn-training', declared, values);

  test('declared names with fitting values pass', () => {
    expect(check({ InputDataUrl: 's3://b/other.csv', TrainingInstanceCount: '2', AucThreshold: '0.8', SkipTuning: 'True', ApprovalStatus: 'Approved' })).not.toThrow();
    expect(check({ AucThreshold: '1e-3' })).not.toThrow();
    expect(check({})).not.toThrow();
  });

  test('an unknown parameter is named, with the declared ones', () => {
    expect(check({ NoSuchParam: '1' })).toThrow(CliError);
    expect(check({ NoSuchParam: '1' })).toThrow(
      '--parameter NoSuchParam: pipeline churn-training has no parameter NoSuchParam; its parameters: '
      + 'InputDataUrl (String), TrainingInstanceCount (Integer), AucThreshold (Float), SkipTuning (Boolean), ApprovalStatus (String)');
    expect(() => checkPipelineParameters('bare', [], { X: '1' })).toThrow('--parameter X: pipeline bare has no parameter X; its parameters: none: it declares no parameters');
  });

  // SageMaker Pipelines parameter types (Developer Guide, "Pipeline parameters"): ParameterInteger, ParameterFloat, ParameterBoolean.
  test.each([
    ['TrainingInstanceCount', '1.5', 'an integer, e.g. 2'],
    ['TrainingInstanceCount', 'two', 'an integer, e.g. 2'],
    ['AucThreshold', 'high', 'a number, e.g. 0.75'],
    ['AucThreshold', '', 'a number, e.g. 0.75'],
    ['SkipTuning', 'yes', 'true or false'],
  ])('%s=%p does not fit its type', (name, value, what) => {
    const type = declared.find((p) => p.name === name)!.type;
    expect(check({ [name]: value })).toThrow(`--parameter ${name}=${value}: ${name} is a parameter of type ${type} in pipeline churn-training; the value must be ${what}`);
  });

  test('a String parameter with EnumValues takes only those', () => {
    expect(check({ ApprovalStatus: 'Rejected' })).toThrow('--parameter ApprovalStatus=Rejected: pipeline churn-training allows only PendingManualApproval, Approved for ApprovalStatus');
  });
});
