/**
 * ProjectPipeline skips CDK Pipelines' self-mutation when the synth step finds the deployed
 * pipeline stack identical to the synthesized one: the synth step exports its verdict, the
 * UpdatePipeline stage's entry condition skips the stage on exactly `not-needed`, and the synth
 * role may read the template of the pipeline's own stack only. Likewise the Assets stage, when the
 * synth step finds every asset it would publish already in its bucket: the synth role may list
 * those buckets of its own account, and assumes no role.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { pipelineAssets } from '../../src/aws';
import { ASSET_PUBLISHING_VARIABLE, SELF_MUTATION_VARIABLE, SYNTH_VARIABLES_NAMESPACE } from '../../src/constructs/project-pipeline';
import { ModelBuildApp } from '../../src/model-build';
import { SEED_MODEL_BUILD_REPO, testConfig } from '../helpers/validated-synth';

const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'self-mutation-'));
const app = new ModelBuildApp({ config: testConfig({}), repoDir: SEED_MODEL_BUILD_REPO, outdir });
const template = Template.fromStack(app.pipelineStack);
const pipeline = Object.values<any>(template.findResources('AWS::CodePipeline::Pipeline'))[0].Properties;
const synthProject = Object.values<any>(template.findResources('AWS::CodeBuild::Project')).find((p) => JSON.stringify(p.Properties.Source.BuildSpec).includes('cdk synth'));
const buildSpec = JSON.parse(synthProject.Properties.Source.BuildSpec);
const synthAction = pipeline.Stages.find((s: any) => s.Name === 'Build').Actions[0];

describe('the synth step', () => {
  test('runs self-mutation-check on the pipeline stack, then assets-check, last, keeping `needed` when a check fails', () => {
    const commands: string[] = buildSpec.phases.build.commands;
    expect(commands.slice(-2)).toEqual([
      `${SELF_MUTATION_VARIABLE}=$(npx sagemaker-gitops self-mutation-check --stack ${app.pipelineStack.artifactId}) || ${SELF_MUTATION_VARIABLE}=needed`,
      `${ASSET_PUBLISHING_VARIABLE}=$(npx sagemaker-gitops assets-check) || ${ASSET_PUBLISHING_VARIABLE}=needed`,
    ]);
  });

  // "Build specification reference for CodeBuild", env/exported-variables; "Variables reference", AWS CodePipeline User Guide.
  test('exports the verdicts, `needed` by default, under the action\'s namespace', () => {
    expect(buildSpec.env['exported-variables']).toEqual([SELF_MUTATION_VARIABLE, ASSET_PUBLISHING_VARIABLE]);
    const env = synthProject.Properties.Environment.EnvironmentVariables;
    expect(env).toEqual(expect.arrayContaining([
      { Name: SELF_MUTATION_VARIABLE, Type: 'PLAINTEXT', Value: 'needed' },
      { Name: ASSET_PUBLISHING_VARIABLE, Type: 'PLAINTEXT', Value: 'needed' },
    ]));
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

  test('no other stage than it and Assets has a condition', () => {
    expect(pipeline.Stages.filter((s: any) => s.BeforeEntry !== undefined).map((s: any) => s.Name)).toEqual(['UpdatePipeline', 'Assets']);
  });
});

describe('the Assets stage', () => {
  const stage = pipeline.Stages.find((s: any) => s.Name === 'Assets');

  test('is entered unless the synth step said exactly `not-needed`', () => {
    expect(stage.BeforeEntry.Conditions[0]).toEqual({
      Result: 'SKIP',
      Rules: [{
        Name: 'AssetsUnpublished',
        RuleTypeId: { Category: 'Rule', Owner: 'AWS', Provider: 'VariableCheck', Version: '1' },
        Configuration: { Variable: `#{${synthAction.Namespace}.${ASSET_PUBLISHING_VARIABLE}}`, Operator: 'NE', Value: 'not-needed' },
      }],
    });
  });

  // The check must look at exactly the assets the stage publishes: those its cdk-assets commands name.
  test('assets-check reads from the cloud assembly the assets the stage\'s action publishes', () => {
    app.synth();
    // CDK Pipelines writes the asset action's buildspec into the cloud assembly, named by the project's Source.BuildSpec.
    const projectName = stage.Actions[0].Configuration.ProjectName.Ref;
    const buildSpecFile = template.toJSON().Resources[projectName].Properties.Source.BuildSpec;
    const commands: string[] = JSON.parse(fs.readFileSync(path.join(outdir, buildSpecFile), 'utf8')).phases.build.commands;
    const published = commands.map((command) => /publish "([^"]+)"/.exec(command)?.[1]).sort();
    const checked = pipelineAssets(outdir);
    expect(checked.files.map((asset) => asset.selector).sort()).toEqual(published);
    expect(checked.images).toEqual([]);
    expect(published.length).toBeGreaterThan(0);
  });
});

describe('the synth role', () => {
  const roleId = synthProject.Properties.ServiceRole['Fn::GetAtt'][0];
  const statementsOf = (role: string) => Object.values<any>(template.findResources('AWS::IAM::Policy'))
    .filter((p) => JSON.stringify(p.Properties.Roles).includes(role))
    .flatMap((p) => p.Properties.PolicyDocument.Statement);

  // "ListObjectsV2" (Amazon S3 API Reference): it needs s3:ListBucket on the bucket. The publishing role the
  // asset action assumes could write there: the synth role does not get it.
  test('may list the bootstrap bucket its stages publish into, and assumes no role', () => {
    const statements = statementsOf(roleId);
    // Its other S3 statements are the pipeline artifact bucket's grants.
    expect(statements.filter((st) => JSON.stringify(st.Resource).includes('cdk-hnb659fds'))).toEqual([{
      Effect: 'Allow', Action: 's3:ListBucket', Resource: { 'Fn::Sub': `arn:\${AWS::Partition}:s3:::cdk-hnb659fds-assets-\${AWS::AccountId}-${app.pipelineStack.region}` },
    }]);
    expect(statements.filter((st) => [st.Action].flat().includes('sts:AssumeRole'))).toEqual([]);
  });

  // "Actions, resources, and condition keys for AWS CloudFormation" (Service Authorization Reference):
  // GetTemplate and DescribeStacks take the stack resource, arn:${Partition}:cloudformation:${Region}:${Account}:stack/${StackName}/${Id}.
  test('may describe and read the template of the pipeline stack only', () => {
    const statements = statementsOf(roleId).filter((s) => JSON.stringify(s.Action).includes('cloudformation:'));
    expect(statements).toEqual([{
      Effect: 'Allow',
      Action: ['cloudformation:DescribeStacks', 'cloudformation:GetTemplate'],
      Resource: { 'Fn::Join': ['', [`arn:aws:cloudformation:${app.pipelineStack.region}:`, { Ref: 'AWS::AccountId' }, `:stack/${app.pipelineStack.stackName}/*`]] },
    }]);
  });
});
