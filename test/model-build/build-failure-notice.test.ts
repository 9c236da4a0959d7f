/**
 * A failed stage of the model-build pipeline is told to `buildFailureEmails` (CodePipeline user guide, "Monitoring
 * CodePipeline events": "CodePipeline Stage Execution State Change" with state FAILED), through an encrypted topic of
 * the pipeline stack whose policies let only this rule and its alarm publish (EventBridge user guide, "Using
 * resource-based policies for Amazon EventBridge"; SNS developer guide, "Key management"), retried and dead-lettered
 * as every notice is (EventBridge API Reference, "RetryPolicy").
 */
import { Template } from 'aws-cdk-lib/assertions';
import { buildFailureEventPattern, ModelBuildApp } from '../../src/model-build';
import { codePipelineStageEvent, expectNoticeDelivery, transformed } from '../helpers/event-input';
import { SEED_MODEL_BUILD_REPO, configErrorOf, testConfig } from '../helpers/validated-synth';
import { matches } from '../model-deploy/fixtures';

const ACCOUNT = '111111111111';
const build = (overrides: Record<string, unknown> = {}) =>
  new ModelBuildApp({ config: testConfig({ environments: { build: { account: ACCOUNT } }, ...overrides }), repoDir: SEED_MODEL_BUILD_REPO });
const stack = build({ release: { reviewerEmails: ['lead@example.com'] } }).pipelineStack;
const template = Template.fromStack(stack);
const resources = (type: string) => Object.entries<any>(template.findResources(type));
const [ruleId, rule] = resources('AWS::Events::Rule').find(([, r]) => r.Properties.Name === 'player-churn-model-build-failed')!;
const [topicId, topic] = resources('AWS::SNS::Topic').find(([, t]) => t.Properties.TopicName === 'player-churn-model-build-failures')!;
const stageEvent = (stage: string, state: string, pipeline = 'player-churn-model-build') => codePipelineStageEvent(ACCOUNT, pipeline, stage, state);

describe('buildFailureEmails', () => {
  test('defaults to the reviewers, and may name others', () => {
    expect(testConfig({ release: { reviewerEmails: ['lead@example.com'] } }).buildFailureEmails).toEqual(['lead@example.com']);
    expect(testConfig({ release: { reviewerEmails: ['lead@example.com'] }, buildFailureEmails: ['ds@example.com', 'ds@example.com'] }).buildFailureEmails).toEqual(['ds@example.com']);
    expect(testConfig().buildFailureEmails).toEqual([]);
  });

  test.each([
    [['not-an-address'], 'buildFailureEmails has "not-an-address", which is not an email address (name@domain.tld)'],
    ['ds@example.com', 'buildFailureEmails must be a list of email addresses, got "ds@example.com"'],
  ])('%p is refused, naming the option and the value', (emails, message) => {
    expect(configErrorOf({ buildFailureEmails: emails })).toBe(message);
  });

  // Amazon SNS Developer Guide, "Amazon SNS email subscription setup and management": email endpoints subscribe to
  // standard topics only, and an address gets nothing before it confirms.
  test('each address subscribes to the topic, a standard one, which the pipeline\'s artifact key encrypts', () => {
    expect(topic.Properties.FifoTopic).toBeUndefined();
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'lead@example.com', TopicArn: { Ref: topicId } });
    // SNS API Reference, SetTopicAttributes: the display name is the sender name of the email notifications.
    expect(topic.Properties.DisplayName).toBe('player-churn: failed model builds');
    expect(JSON.stringify(topic.Properties.KmsMasterKeyId)).toContain('ModelBuildArtifactsKey');
  });
});

describe('the rule', () => {
  test('matches a failed stage of the model-build pipeline alone', () => {
    expect(rule.Properties.EventPattern).toEqual({
      'source': ['aws.codepipeline'], 'detail-type': ['CodePipeline Stage Execution State Change'],
      'detail': { pipeline: ['player-churn-model-build'], state: ['FAILED'] },
    });
    expect(buildFailureEventPattern(testConfig()).detail).toEqual(rule.Properties.EventPattern.detail);
    for (const [stage, state, pipeline, expected] of [
      ['Deploy', 'FAILED', 'player-churn-model-build', true],
      ['Build', 'FAILED', 'player-churn-model-build', true],
      ['Deploy', 'SUCCEEDED', 'player-churn-model-build', false],
      ['Deploy', 'CANCELED', 'player-churn-model-build', false],
      ['Prod', 'FAILED', 'player-churn-model-deploy', false],
    ] as const) {
      expect([stage, state, pipeline, matches(rule.Properties.EventPattern, stageEvent(stage, state, pipeline))]).toEqual([stage, state, pipeline, expected]);
    }
  });

  test('tells the stage, the execution, what a failed Deploy stage means, and where to read why', () => {
    const [target] = rule.Properties.Targets;
    expect(target.Arn).toEqual({ Ref: topicId });
    expect(target.RoleArn).toBeUndefined();
    expect(transformed(target, stageEvent('Deploy', 'FAILED'))).toBe([
      'The stage Deploy of player-churn-model-build failed in the execution 01234567-0123-0123-0123-012345678901.',
      'In the Deploy stage, RunSageMakerPipeline fails when the execution of the SageMaker pipeline player-churn-training fails:',
      'a step failed, or the model did not pass the quality gate; its log names the step and the reason.',
      'Why: https://us-east-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/player-churn-model-build/executions/01234567-0123-0123-0123-012345678901/timeline?region=us-east-1',
      'or npx sagemaker-gitops status --project player-churn.',
    ].join(' '));
  });

  test('is retried for a day, then dead-lettered, with an alarm to the same topic', () => {
    expectNoticeDelivery(template, { ruleId, rule, topicId, alarmName: 'player-churn-model-build-failed-undelivered' });
  });

  // EventBridge user guide, "Using resource-based policies for Amazon EventBridge" (Amazon SNS permissions: no
  // Condition blocks in SNS topic policies for EventBridge); SNS developer guide, "Key management" (no source
  // conditions in the key policy for EventBridge-to-encrypted topics; CloudWatch alarms may carry them).
  test('the topic and its key let EventBridge and this alarm publish, and nothing else', () => {
    const [, topicPolicy] = resources('AWS::SNS::TopicPolicy').find(([, p]) => JSON.stringify(p.Properties.Topics).includes(topicId))!;
    const statements = stack.resolve(topicPolicy.Properties.PolicyDocument.Statement);
    expect(statements.find((s: any) => s.Sid === 'EventRulePublish')).toEqual({
      Sid: 'EventRulePublish', Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sns:Publish', Resource: { Ref: topicId },
    });
    expect(statements.find((s: any) => s.Sid === 'CloudWatchAlarmsPublish').Condition.ArnLike['aws:SourceArn'])
      .toEqual([`arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:player-churn-model-build-failed-undelivered`]);
    const keyStatements = resources('AWS::KMS::Key').flatMap(([, k]) => stack.resolve(k.Properties.KeyPolicy.Statement));
    expect(keyStatements.filter((s: any) => s.Principal?.Service === 'events.amazonaws.com')).toEqual([expect.objectContaining({
      Sid: 'EventRuleUsesAlertTopicKey',
      Condition: { StringEquals: { 'kms:EncryptionContext:aws:sns:topicArn': `arn:aws:sns:us-east-1:${ACCOUNT}:player-churn-model-build-failures` } },
    })]);
  });
});
