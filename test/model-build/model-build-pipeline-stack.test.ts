import { Match, Template } from 'aws-cdk-lib/assertions';
import { ModelBuildApp } from '../../src/model-build';
import { connectionServicePrefix } from '../../src/source';
import { SEED_MODEL_BUILD_REPO, testConfig } from '../helpers/validated-synth';
import { policiesThePipelineDoesNotWaitFor } from '../helpers/pipeline-policy-order';


const CODESTAR_ARN = 'arn:aws:codestar-connections:us-east-1:123456789012:connection/11111111-2222-3333-4444-555555555555';
const CODECONNECTIONS_ARN = 'arn:aws:codeconnections:us-east-1:123456789012:connection/11111111-2222-3333-4444-555555555555';

function pipelineTemplate(modelBuildSource: Record<string, unknown>): Template {
  const config = testConfig({
    source: { modelBuild: modelBuildSource, modelDeploy: { codeCommitRepository: 'player-churn-model-deploy' } },
  });
  return Template.fromStack(new ModelBuildApp({ config, repoDir: SEED_MODEL_BUILD_REPO }).pipelineStack);
}

function statements(template: Template): any[] {
  return Object.values<any>(template.findResources('AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement);
}
const actionsOf = (template: Template) => statements(template).flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));

describe('ModelBuildPipelineStack', () => {
  const template = pipelineTemplate({ connectionArn: CODECONNECTIONS_ARN, repository: 'acme/churn-build', branch: 'release' });

  test('is a V2 CodePipeline: Source, Build (synth), UpdatePipeline, Assets, Deploy', () => {
    template.hasResourceProperties('AWS::CodePipeline::Pipeline', {
      Name: 'player-churn-model-build',
      PipelineType: 'V2',
      Stages: ['Source', 'Build', 'UpdatePipeline', 'Assets', 'Deploy'].map((Name) => Match.objectLike({ Name })),
    });
  });

  // "AWS::IAM::Policy" (CloudFormation template reference) and aws/aws-cdk#38861: the first execution starts as soon as
  // the pipeline exists, so the pipeline waits for every policy its actions and their CodeBuild projects use.
  test('is created after the policies of its action roles and of its CodeBuild projects\' roles', () => {
    expect(policiesThePipelineDoesNotWaitFor(template)).toEqual([]);
  });

  test('only pushes to the configured branch start it', () => {
    template.hasResourceProperties('AWS::CodePipeline::Pipeline', {
      Triggers: [{ ProviderType: 'CodeStarSourceConnection', GitConfiguration: { SourceActionName: 'Source', Push: [{ Branches: { Includes: ['release'] } }] } }],
    });
  });

  // CodePipeline User Guide, "Working with glob patterns in syntax": a trigger's branch filter is a glob, where
  // `{a,b}` matches a or b, and a backslash escapes a special character. Git allows braces in a branch name: the
  // filter escapes the brace, so it matches that branch alone; the source action's BranchName stays as written.
  test('a branch with braces is escaped in the trigger filter, so pushes to it (not to release-a or release-b) start the pipeline', () => {
    const braces = pipelineTemplate({ connectionArn: CODECONNECTIONS_ARN, repository: 'acme/churn-build', branch: 'release-{a,b}' });
    const [pipeline] = Object.values<any>(braces.findResources('AWS::CodePipeline::Pipeline'));
    expect(pipeline.Properties.Triggers[0].GitConfiguration.Push).toEqual([{ Branches: { Includes: ['release-\\{a,b}'] } }]);
    expect(pipeline.Properties.Stages[0].Actions[0].Configuration.BranchName).toBe('release-{a,b}');
  });

  // "AWS::CodePipeline::Pipeline PipelineTriggerDeclaration" (CloudFormation reference): "When a trigger configuration is
  // specified, default change detection for repository and branch commits is disabled"; "CodeStarSourceConnection action
  // reference", DetectChanges: whether the action starts the pipeline on a change. The filtered V2 trigger is the one path
  // that starts it, so the action says DetectChanges false and no other rule or webhook starts it: one push, one execution.
  test('one push starts one execution: the filtered trigger only, the source action detects no changes itself', () => {
    const [pipeline] = Object.values<any>(template.findResources('AWS::CodePipeline::Pipeline'));
    const [source] = pipeline.Properties.Stages[0].Actions;
    expect(source.ActionTypeId.Provider).toBe('CodeStarSourceConnection');
    expect(source.Configuration.DetectChanges).toBe(false);
    expect(pipeline.Properties.Triggers).toHaveLength(1);
    // The one rule of the stack tells of failed stages (its target is an SNS topic); none starts the pipeline.
    const rules = Object.values<any>(template.findResources('AWS::Events::Rule'));
    expect(rules.map((rule) => rule.Properties.Name)).toEqual(['player-churn-model-build-failed']);
    expect(rules[0].Properties.Targets.map((target: any) => JSON.stringify(target.Arn))).toEqual([expect.stringContaining('BuildFailedTopic')]);
    template.resourceCountIs('AWS::CodePipeline::Webhook', 0);
  });

  test('the synth step installs the repository, runs cdk synth without a type-check, and bundles the release tools', () => {
    const projects = Object.values<any>(template.findResources('AWS::CodeBuild::Project'));
    const synth = projects.find((p) => JSON.stringify(p.Properties.Source.BuildSpec).includes('cdk synth'));
    const spec = JSON.parse(synth.Properties.Source.BuildSpec);
    // The vendored toolkit checked against the lock, then exactly what the lock pins.
    expect(spec.phases.install.commands).toEqual(['[ ! -f vendor/check-toolkit.js ] || node vendor/check-toolkit.js', 'npm ci --no-audit --no-fund']);
    expect(spec.phases.build.commands).toEqual([
      'npx cdk synth --no-notices',
      'node -e "require(\'sagemaker-gitops/lib/model-deploy/release-tools\').bundleReleaseTools(\'release-tools\')"',
      'SELF_MUTATION=$(npx sagemaker-gitops self-mutation-check --stack player-churn-model-build-pipeline) || SELF_MUTATION=needed',
      'ASSET_PUBLISHING=$(npx sagemaker-gitops assets-check) || ASSET_PUBLISHING=needed',
    ]);
    expect(Object.keys(spec.artifacts['secondary-artifacts'])).toEqual(['Synth_Output', 'Synth_release_tools']);
    expect(spec.artifacts['secondary-artifacts'].Synth_release_tools['base-directory']).toBe('release-tools');
    expect(spec.phases.install['runtime-versions']).toEqual({ nodejs: '22' });
  });

  test('after deploying, a post step runs the SageMaker pipeline from the synth step\'s bundle (no second install) and waits for it', () => {
    const projects = Object.values<any>(template.findResources('AWS::CodeBuild::Project'));
    const run = projects.find((p) => JSON.stringify(p.Properties.Source.BuildSpec).includes('run-pipeline'));
    const spec = JSON.parse(run.Properties.Source.BuildSpec);
    expect(spec.phases.install.commands).toBeUndefined();
    // CodePipeline User Guide, "Quotas in AWS CodePipeline": a CodeBuild action times out after 8 hours; the wait
    // leaves 15 minutes of them for the build's start and the report (run-pipeline-wait.test.ts checks the steps fit).
    // An execution still running then (jobs retried after internal errors) is stopped: the commit fails, and a run
    // that went on would register a version from a failed build.
    expect(spec.phases.build.commands).toEqual(['node ./sagemaker-gitops.js run-pipeline --name player-churn-training --wait --timeout 465 --stop-unfinished']);
    const [pipeline] = Object.values<any>(template.findResources('AWS::CodePipeline::Pipeline'));
    const action = pipeline.Properties.Stages.flatMap((stage: any) => stage.Actions).find((a: any) => a.Name === 'RunSageMakerPipeline');
    expect(action.InputArtifacts).toEqual([{ Name: 'Synth_release_tools' }]);
    expect(run.Properties.TimeoutInMinutes).toBe(480);
    const start = statements(template).find((s) => s.Action === 'sagemaker:StartPipelineExecution');
    expect(start.Resource).toEqual({ 'Fn::Join': ['', ['arn:aws:sagemaker:us-east-1:', { Ref: 'AWS::AccountId' }, ':pipeline/player-churn-training']] });
    const poll = statements(template).find((s) => Array.isArray(s.Action) && s.Action.includes('sagemaker:DescribePipelineExecution'));
    expect(poll.Action).toEqual(['sagemaker:DescribePipelineExecution', 'sagemaker:ListPipelineExecutionSteps', 'sagemaker:StopPipelineExecution']);
    expect(JSON.stringify(poll.Resource)).toContain(':pipeline/player-churn-training/execution/*');
  });

  test('the pipeline artifacts are in a KMS-encrypted bucket of its own', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: { ServerSideEncryptionConfiguration: [Match.objectLike({ ServerSideEncryptionByDefault: Match.objectLike({ SSEAlgorithm: 'aws:kms' }) })] },
    });
  });

  test('a codeconnections ARN: a CodeStarSourceConnection action, and codeconnections:UseConnection on that connection', () => {
    template.hasResourceProperties('AWS::CodePipeline::Pipeline', {
      Stages: Match.arrayWith([Match.objectLike({
        Name: 'Source',
        Actions: [Match.objectLike({
          ActionTypeId: { Category: 'Source', Owner: 'AWS', Provider: 'CodeStarSourceConnection', Version: '1' },
          Configuration: Match.objectLike({ ConnectionArn: CODECONNECTIONS_ARN, FullRepositoryId: 'acme/churn-build', BranchName: 'release' }),
        })],
      })]),
    });
    const use = statements(template).find((s) => [s.Action].flat().includes('codeconnections:UseConnection'));
    expect(use.Resource).toBe(CODECONNECTIONS_ARN);
  });

  test('a codestar-connections ARN: codestar-connections:UseConnection and no codeconnections grant', () => {
    const legacy = pipelineTemplate({ connectionArn: CODESTAR_ARN, repository: 'acme/churn-build' });
    expect(actionsOf(legacy)).toContain('codestar-connections:UseConnection');
    expect(actionsOf(legacy)).not.toContain('codeconnections:UseConnection');
    expect(statements(legacy).find((s) => s.Action === 'codestar-connections:UseConnection').Resource).toBe(CODESTAR_ARN);
  });

  test('a CodeCommit repository: a CodeCommit source action started by an EventBridge rule on the branch', () => {
    const codecommit = pipelineTemplate({ codeCommitRepository: 'churn-build', branch: 'main' });
    codecommit.hasResourceProperties('AWS::CodePipeline::Pipeline', {
      Stages: Match.arrayWith([Match.objectLike({
        Name: 'Source',
        Actions: [Match.objectLike({
          ActionTypeId: Match.objectLike({ Provider: 'CodeCommit' }),
          Configuration: Match.objectLike({ RepositoryName: 'churn-build', BranchName: 'main', PollForSourceChanges: false }),
        })],
      })]),
    });
    codecommit.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: Match.objectLike({ 'source': ['aws.codecommit'], 'detail': Match.objectLike({ referenceName: ['main'] }) }),
    });
    expect(actionsOf(codecommit).filter((a) => a.endsWith('UseConnection'))).toEqual([]);
  });
});

describe('connectionServicePrefix', () => {
  test('tells the two ARN forms apart', () => {
    expect(connectionServicePrefix(CODESTAR_ARN)).toBe('codestar-connections');
    expect(connectionServicePrefix(CODECONNECTIONS_ARN)).toBe('codeconnections');
    expect(() => connectionServicePrefix('arn:aws:s3:::bucket')).toThrow(/not a CodeConnections connection ARN: "arn:aws:s3:::bucket"/);
  });
});
