/**
 * CodePipeline's bounds on a pipeline declaration, checked when the project's pipelines are built
 * rather than by a failed CreatePipeline: every action configuration value is 1..1000 characters,
 * and a pipeline name is 1..100 characters of [A-Za-z0-9.@\-_].
 */
import { App, Stack } from 'aws-cdk-lib';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as cpactions from 'aws-cdk-lib/aws-codepipeline-actions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as pipelines from 'aws-cdk-lib/pipelines';
import { ConfigError } from '../../src/config';
import { ProjectPipeline } from '../../src/constructs';
import { ACTION_CONFIGURATION_MAX_LENGTH, checkActionConfigurationLengths, checkPipelineName } from '../../src/constructs/pipeline-limits';
import { PROJECT_APP_CONTEXT } from '../../src/validation/app-validations';
// aws-cdk-lib's own validator of these plain apps validates on the shared worker thread.
import '../helpers/suite-validation-worker';

/** A pipeline whose approval action carries `comment` as its CustomData, and a reference to a bucket (a token). */
function pipelineWithApproval(comment: string): codepipeline.Pipeline {
  const stack = new Stack(new App(), 'Limits');
  const bucket = new s3.Bucket(stack, 'Bucket');
  const source = new codepipeline.Artifact('Source');
  return new codepipeline.Pipeline(stack, 'Pipeline', {
    pipelineName: 'limits',
    pipelineType: codepipeline.PipelineType.V2,
    stages: [
      { stageName: 'Source', actions: [new cpactions.S3SourceAction({ actionName: 'Source', bucket, bucketKey: 'source.zip', output: source })] },
      { stageName: 'Approve', actions: [new cpactions.ManualApprovalAction({ actionName: 'Approve', additionalInformation: comment })] },
    ],
  });
}

// CodePipeline API Reference, "ActionDeclaration" (configuration: ActionConfigurationValue, length 1..1000), and
// "Variables reference" (AWS CodePipeline User Guide): variable syntax counts toward the 1000-character limit as written.
describe('checkActionConfigurationLengths', () => {
  test('accepts 1000 characters, skips values that are tokens (the bucket name of the source action)', () => {
    expect(() => checkActionConfigurationLengths(pipelineWithApproval('x'.repeat(ACTION_CONFIGURATION_MAX_LENGTH)))).not.toThrow();
  });

  test('refuses 1001 characters, naming the pipeline, the action, the key and the bounds', () => {
    const pipeline = pipelineWithApproval(`Release #{Staging@Test.MODEL_VERSION} ${'x'.repeat(ACTION_CONFIGURATION_MAX_LENGTH)}`);
    expect(() => checkActionConfigurationLengths(pipeline)).toThrow(ConfigError);
    expect(() => checkActionConfigurationLengths(pipeline)).toThrow(
      /^the CodePipeline limits: action Approve\/Approve has a configuration CustomData of 1038 characters; CodePipeline accepts 1\.\.1000 \(ActionConfigurationValue\): "Release #\{Staging@Test\.MODEL_VERSION\} x+"\.\.\.$/);
  });

  test('refuses an empty value', () => {
    expect(() => checkActionConfigurationLengths(pipelineWithApproval(''))).toThrow(/CustomData of 0 characters; CodePipeline accepts 1\.\.1000/);
  });
});

// CodePipeline API Reference, "PipelineDeclaration": name, length 1..100, pattern [A-Za-z0-9.@\-_]+.
describe('checkPipelineName', () => {
  test('accepts CodePipeline\'s characters up to 100', () => {
    expect(() => checkPipelineName('player-churn-model-deploy')).not.toThrow();
    expect(() => checkPipelineName('a.b@c_d-E9')).not.toThrow();
    expect(() => checkPipelineName('p'.repeat(100))).not.toThrow();
  });

  test('refuses 101 characters, an empty name and other characters, naming the value and the rule', () => {
    expect(() => checkPipelineName('p'.repeat(101))).toThrow(ConfigError);
    expect(() => checkPipelineName('p'.repeat(101))).toThrow(/^pipelineName must be 1\.\.100 characters of A-Z, a-z, 0-9, '\.', '@', '-' and '_' \(CodePipeline PipelineDeclaration name\); got "p+" \(101 characters\)$/);
    expect(() => checkPipelineName('')).toThrow(/got "" \(0 characters\)/);
    expect(() => checkPipelineName('model deploy')).toThrow(/got "model deploy"/);
    expect(() => checkPipelineName('model/deploy')).toThrow(ConfigError);
  });
});

describe('ProjectPipeline', () => {
  const project = (pipelineName: string) => {
    const stack = new Stack(new App({ context: PROJECT_APP_CONTEXT }), 'Project', { env: { account: '123456789012', region: 'us-east-1' } });
    const source = pipelines.CodePipelineSource.s3(s3.Bucket.fromBucketName(stack, 'Source', 'source-bucket'), 'source.zip');
    return new ProjectPipeline(stack, 'Project', { pipelineName, source, projectName: 'p' });
  };

  test('refuses a pipeline name CodePipeline refuses before naming anything after it', () => {
    expect(() => project('model deploy')).toThrow(/^pipelineName must be 1\.\.100 characters .*; got "model deploy"/);
  });

  test('build() checks the built actions: an approval comment over 1000 characters is refused', () => {
    const pipeline = project('p-model-deploy');
    pipeline.pipeline.addWave('Release', { pre: [new pipelines.ManualApprovalStep('Approve', { comment: 'c'.repeat(1001) })] });
    expect(() => pipeline.build()).toThrow(/^the CodePipeline p-model-deploy: action Release\/Approve has a configuration CustomData of 1001 characters; CodePipeline accepts 1\.\.1000/);
  });
});
