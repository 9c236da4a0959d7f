/**
 * The check of CodePipeline variable references (test/helpers/pipeline-variables.ts) on a pipeline
 * written to break each rule. The apps' pipelines are checked where they are synthesized:
 * test/validation/api-model.test.ts and test/all-features.test.ts.
 */
import { pipelineVariableProblems } from '../helpers/pipeline-variables';

const codeBuild = { Category: 'Build', Owner: 'AWS', Provider: 'CodeBuild', Version: '1' };
const approval = { Category: 'Approval', Owner: 'AWS', Provider: 'Manual', Version: '1' };

/** A pipeline whose Test action exports MODEL_VERSION, and whose other actions and rules refer to `references`. */
function pipeline(references: { approve?: string; before?: string; inTest?: string }): Record<string, any> {
  return {
    p: {
      Resources: {
        Tests: { Type: 'AWS::CodeBuild::Project', Properties: { Source: { Type: 'CODEPIPELINE', BuildSpec: JSON.stringify({ version: '0.2', env: { 'exported-variables': ['MODEL_VERSION'] } }) } } },
        Pipeline: {
          Type: 'AWS::CodePipeline::Pipeline',
          Properties: {
            Variables: [{ Name: 'Release', DefaultValue: 'none' }],
            Stages: [
              { Name: 'Staging', Actions: [{ Name: 'Test', Namespace: 'Staging@Test', ActionTypeId: codeBuild, Configuration: { ProjectName: { Ref: 'Tests' }, EnvironmentVariables: references.inTest ?? '[]' }, RunOrder: 1 }] },
              {
                Name: 'Prod',
                BeforeEntry: references.before === undefined ? undefined : { Conditions: [{ Result: 'FAIL', Rules: [{ Name: 'Check', RuleTypeId: { Category: 'Rule', Owner: 'AWS', Provider: 'VariableCheck', Version: '1' }, Configuration: { Variable: references.before, Operator: 'EQ', Value: 'x' } }] }] },
                Actions: [{ Name: 'Approve', ActionTypeId: approval, Configuration: { CustomData: references.approve ?? 'no reference' } }],
              },
            ],
          },
        },
      },
    },
  };
}

describe('CodePipeline variable references (CodePipeline User Guide, "Variables reference")', () => {
  test('resolve to a variable an earlier action exports, a pipeline variable or the execution id', () => {
    const { problems, references } = pipelineVariableProblems(pipeline({ approve: 'Release #{Staging@Test.MODEL_VERSION} (#{variables.Release}, #{codepipeline.PipelineExecutionId})', before: '#{Staging@Test.MODEL_VERSION}' }));
    expect(problems).toEqual([]);
    expect(references).toEqual(['Staging@Test.MODEL_VERSION', 'variables.Release', 'codepipeline.PipelineExecutionId', 'Staging@Test.MODEL_VERSION']);
  });

  test('report a variable the buildspec does not export, an unknown namespace or pipeline variable, and a namespace of a later action', () => {
    const { problems } = pipelineVariableProblems(pipeline({
      approve: '#{Staging@Test.MODEL_AUC} #{Staging@Tests.MODEL_VERSION} #{variables.Version} #{codepipeline.ExecutionId}',
      inTest: '[{"name":"V","value":"#{Staging@Test.MODEL_VERSION}"}]',
    }));
    expect(problems).toEqual([
      'p Pipeline Staging/Test: the action of the namespace Staging@Test does not run before this one',
      'p Pipeline Prod/Approve: the buildspec of the namespace Staging@Test exports no MODEL_AUC (it exports MODEL_VERSION)',
      'p Pipeline Prod/Approve: no action of the pipeline declares the namespace Staging@Tests',
      'p Pipeline Prod/Approve: the pipeline declares no variable Version',
      'p Pipeline Prod/Approve: #{codepipeline.ExecutionId} is not a variable of CodePipeline\'s (PipelineExecutionId is)',
    ]);
  });
});
