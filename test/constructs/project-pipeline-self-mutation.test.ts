/**
 * ProjectPipeline skips CDK Pipelines' self-mutation when the synth step finds the deployed
 * pipeline stack identical to the synthesized one: the synth step exports its verdict, the
 * UpdatePipeline stage's entry condition skips the stage on exactly `not-needed`, and the synth
 * role may read the template of the pipeline's own stack only.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { SELF_MUTATION_VARIABLE, SYNTH_VARIABLES_NAMESPACE } from '../../src/constructs/project-pipeline';
import { ModelBuildApp } from '../../src/model-build';
import { SEED_MODEL_BUILD_REPO, testConfig } from '../helpers/validated-synth';

const app = new ModelBuildApp({ config: testConfig({}), repoDir: SEED_MODEL_BUILD_REPO, outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'self-mutation-')) });
const template = Template.fromStack(app.pipelineStack);
const pipeline = Object.values<any>(template.findResources('AWS::CodePipeline::Pipeline'))[0].Properties;
const synthProject = Object.values<any>(template.findResources('AWS::CodeBuild::Project')).find((p) => JSON.stringify(p.Properties.Source.BuildSpec).includes('cdk synth'));
const buildSpec = JSON.parse(synthProject.Properties.Source.BuildSpec);
const synthAction = pipeline.Stages.find((s: any) => s.Name === 'Build').Actions[0];

describe('the synth step', () => {
  test('runs self-mutation-check on the pipeline stack last, keeping `needed` when the check fails', () => {
    const commands: string[] = buildSpec.phases.build.commands;
    expect(commands[commands.length - 1]).toBe(
      `${SELF_MUTATION_VARIABLE}=$(npx sagemaker-gitops self-mutation-check --stack ${app.pipelineStack.artifactId}) || ${SELF_MUTATION_VARIABLE}=needed`);
  });

  // "Build specification reference for CodeBuild", env/exported-variables; "Variables reference", AWS CodePipeline User Guide.
  test('exports the verdict, `needed` by default, under the action\'s namespace', () => {
    expect(buildSpec.env['exported-variables']).toEqual([SELF_MUTATION_VARIABLE]);
    const env = synthProject.Properties.Environment.EnvironmentVariables;
    expect(env).toEqual(expect.arrayContaining([{ Name: SELF_MUTATION_VARIABLE, Type: 'PLAINTEXT', Value: 'needed' }]));
    expect(synthAction.Namespace).toBe(SYNTH_VARIABLES_NAMESPACE);
  });
});

describe('the UpdatePipeline stage', () => {
  const stage = pipeline.Stages.find((s: any) => s.Name === 'UpdatePipeline');

  // "Configure conditions for a stage" and "VariableCheck" (AWS CodePipeline User Guide): an entry
  // condition's SKIP result takes only LambdaInvoke or VariableCheck rules; the condition is met (the
  // stage entered) when every rule passes; VariableCheck's operators are EQ, NE, CONTAINS and MATCHES.
  test('is entered unless the synth step said exactly `not-needed`', () => {
    expect(stage.BeforeEntry).toEqual({
      Conditions: [{
        Result: 'SKIP',
        Rules: [{
          Name: 'PipelineStacksChanged',
          RuleTypeId: { Category: 'Rule', Owner: 'AWS', Provider: 'VariableCheck', Version: '1' },
          Configuration: { Variable: `#{${synthAction.Namespace}.${SELF_MUTATION_VARIABLE}}`, Operator: 'NE', Value: 'not-needed' },
        }],
      }],
    });
  });

  test('no other stage has a condition', () => {
    expect(pipeline.Stages.filter((s: any) => s.BeforeEntry !== undefined).map((s: any) => s.Name)).toEqual(['UpdatePipeline']);
  });
});

describe('the synth role', () => {
  // "Actions, resources, and condition keys for AWS CloudFormation" (Service Authorization Reference):
  // GetTemplate and DescribeStacks take the stack resource, arn:${Partition}:cloudformation:${Region}:${Account}:stack/${StackName}/${Id}.
  test('may describe and read the template of the pipeline stack only', () => {
    const roleId = synthProject.Properties.ServiceRole['Fn::GetAtt'][0];
    const statements = Object.values<any>(template.findResources('AWS::IAM::Policy'))
      .filter((p) => JSON.stringify(p.Properties.Roles).includes(roleId))
      .flatMap((p) => p.Properties.PolicyDocument.Statement)
      .filter((s) => JSON.stringify(s.Action).includes('cloudformation:'));
    expect(statements).toEqual([{
      Effect: 'Allow',
      Action: ['cloudformation:DescribeStacks', 'cloudformation:GetTemplate'],
      Resource: { 'Fn::Join': ['', [`arn:aws:cloudformation:${app.pipelineStack.region}:`, { Ref: 'AWS::AccountId' }, `:stack/${app.pipelineStack.stackName}/*`]] },
    }]);
  });
});
