import * as fs from 'node:fs';
import * as path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { LIVE_MODEL_FILE } from '../../src/app-context/resolved-model';
import { NOTICE_RETRY_POLICY } from '../../src/constructs';
import { ModelDeployApp, checkTriggerRetryPolicy, pendingApprovalEventPattern, releaseCancelledEventPattern, releaseFailureEventPattern } from '../../src/model-deploy';
import { codePipelineStageEvent, expectNoticeDelivery, transformed } from '../helpers/event-input';
import { testConfig } from '../helpers/validated-synth';
import { MODEL, NEXT_MODEL, app, matches, modelPackageEvent, repo } from './fixtures';

const ACCOUNT = '111111111111';
const deploy = app({ environments: { build: { account: ACCOUNT } }, release: { reviewerEmails: ['lead@example.com'] } });
const template = Template.fromStack(deploy.pipelineStack);
const resources = (type: string) => Object.entries<any>(template.findResources(type));
const resolve = (value: unknown) => deploy.pipelineStack.resolve(value);
const [ruleId, rule] = resources('AWS::Events::Rule').find(([id]) => id.startsWith('VersionPendingApproval'))!;
const [topicId] = resources('AWS::SNS::Topic').find(([, t]) => t.Properties.TopicName === 'player-churn-release-approvals')!;

const event = modelPackageEvent;

describe('the pattern', () => {
  test('is a Completed PendingManualApproval version of the project\'s group, in the template and from pendingApprovalEventPattern', () => {
    expect(rule.Properties.EventPattern).toEqual({
      'source': ['aws.sagemaker'],
      'detail-type': ['SageMaker Model Package State Change'],
      'detail': { ModelPackageGroupName: ['player-churn'], ModelPackageStatus: ['Completed'], ModelApprovalStatus: ['PendingManualApproval'] },
    });
    expect(pendingApprovalEventPattern(testConfig()).detail).toEqual(rule.Properties.EventPattern.detail);
    expect(rule.Properties.Name).toBe('player-churn-model-pending-approval');
  });

  test.each([
    ['PendingManualApproval', 'Completed', 'player-churn', true],
    ['PendingManualApproval', 'InProgress', 'player-churn', false],
    ['PendingManualApproval', 'Completed', 'another-group', false],
    ['Approved', 'Completed', 'player-churn', false],
    ['Rejected', 'Completed', 'player-churn', false],
  ])('%s, package %s, in %s, matches: %s', (approval, status, group, expected) => {
    expect(matches(rule.Properties.EventPattern, event(approval, status, group))).toBe(expected);
  });

  // The SageMaker page above: an event for each ModelPackageStatus a new package passes through. One notice per version.
  test('a registration tells the reviewers once', () => {
    const registration = ['Pending', 'InProgress', 'Completed'].map((status) => event('PendingManualApproval', status));
    expect(registration.filter((e) => matches(rule.Properties.EventPattern, e))).toHaveLength(1);
  });
});

describe('the notice', () => {
  const [target] = rule.Properties.Targets;

  test('goes to the reviewers\' topic, which the release approval also emails, through the topic\'s policy (no role)', () => {
    expect(target.Arn).toEqual({ Ref: topicId });
    expect(target.RoleArn).toBeUndefined();
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'lead@example.com', TopicArn: { Ref: topicId } });
    // SNS API Reference, SetTopicAttributes: the display name is the sender name of email notifications.
    template.hasResourceProperties('AWS::SNS::Topic', { TopicName: 'player-churn-release-approvals', DisplayName: 'player-churn: versions and releases to approve' });
  });

  test('names the version, its package and the commands that compare, approve or reject it', () => {
    const text = transformed(target, event('PendingManualApproval'));
    expect(text).toBe([
      `Version 3 of the model package group player-churn (arn:aws:sagemaker:us-east-1:${ACCOUNT}:model-package/player-churn/3) is registered and waits for a reviewer's approval.`,
      'Approve it, which deploys it to staging and then asks for the release approval: npx sagemaker-gitops approve-model 3 --group player-churn --comment "why".',
      'Or reject it: npx sagemaker-gitops reject-model 3 --group player-churn --comment "why".',
    ].join(' '));
  });

  test('with MLflow, it first names the comparison with the approved version', () => {
    const withMlflow = app({ mlflow: { experimentName: 'churn' } });
    const [, mlflowRule] = Object.entries<any>(Template.fromStack(withMlflow.pipelineStack).findResources('AWS::Events::Rule'))
      .find(([id]) => id.startsWith('VersionPendingApproval'))!;
    expect(transformed(mlflowRule.Properties.Targets[0], event('PendingManualApproval')))
      .toContain('is registered and waits for a reviewer\'s approval. Compare it with the approved version (in a generated repository): npx sagemaker-gitops compare-models 3 --group player-churn. Approve it');
  });
});

// EventBridge user guide "Using dead-letter queues to process undelivered events in EventBridge" (a standard SQS queue
// that only this rule may send to) and API Reference "RetryPolicy" (MaximumRetryAttempts 0..185,
// MaximumEventAgeInSeconds 60..86400): a notice EventBridge cannot deliver is retried for a day, then kept 14 days.
describe('delivery', () => {
  const [target] = rule.Properties.Targets;
  const [queueId, queue] = resources('AWS::SQS::Queue').find(([id]) => id.startsWith('VersionPendingApproval'))!;

  test('is retried within EventBridge\'s ranges, then goes to an encrypted dead-letter queue only this rule may send to', () => {
    expect(() => checkTriggerRetryPolicy(NOTICE_RETRY_POLICY, 'the pending-approval notice')).not.toThrow();
    expect(target.RetryPolicy).toEqual({ MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86_400 });
    expect(target.DeadLetterConfig).toEqual({ Arn: { 'Fn::GetAtt': [queueId, 'Arn'] } });
    expect(queue.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
    const [, policy] = resources('AWS::SQS::QueuePolicy').find(([, p]) => JSON.stringify(p.Properties.Queues).includes(queueId))!;
    expect(policy.Properties.PolicyDocument.Statement).toContainEqual(expect.objectContaining({
      Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sqs:SendMessage',
      Condition: { ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [ruleId, 'Arn'] } } },
    }));
  });

  test('a notice in the queue alarms the reviewers\' topic', () => {
    const [, alarm] = resources('AWS::CloudWatch::Alarm').find(([, a]) => a.Properties.AlarmName === 'player-churn-model-pending-approval-undelivered')!;
    expect(alarm.Properties).toMatchObject({
      Namespace: 'AWS/SQS', MetricName: 'NumberOfMessagesSent', Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
      Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching', AlarmActions: [{ Ref: topicId }],
    });
  });

  // EventBridge user guide "Using resource-based policies for Amazon EventBridge" (Amazon SNS permissions: Condition
  // blocks cannot be used in SNS topic policies for EventBridge) and SNS developer guide "Key management" (EventBridge
  // and CloudWatch need kms:Decrypt and kms:GenerateDataKey* on an encrypted topic's key; no source conditions in the
  // key policy for EventBridge).
  test('the topic and its key let EventBridge publish for the notices\' rules, and CloudWatch for their undelivered-events alarms', () => {
    const [, topicPolicy] = resources('AWS::SNS::TopicPolicy').find(([, p]) => JSON.stringify(p.Properties.Topics).includes(topicId))!;
    const statements = resolve(topicPolicy.Properties.PolicyDocument.Statement);
    expect(statements.find((s: any) => s.Sid === 'EventRulePublish')).toEqual({
      Sid: 'EventRulePublish', Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sns:Publish', Resource: { Ref: topicId },
    });
    expect(statements.filter((s: any) => s.Principal?.Service === 'events.amazonaws.com')).toHaveLength(1);
    expect(statements.find((s: any) => s.Sid === 'CloudWatchAlarmsPublish').Condition.ArnLike['aws:SourceArn']).toEqual([
      `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:player-churn-model-deploy-trigger-failed`,
      `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:player-churn-model-pending-approval-undelivered`,
      `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:player-churn-model-deploy-failed-undelivered`,
      `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:player-churn-model-deploy-release-cancelled-undelivered`,
    ]);
    // IAM User Guide, "IAM JSON policy elements: Sid": one id per statement of a policy; both rules share one statement.
    const sids = statements.map((st: any) => st.Sid).filter(Boolean);
    expect(new Set(sids).size).toBe(sids.length);
    const keyStatements = resources('AWS::KMS::Key').flatMap(([, k]) => resolve(k.Properties.KeyPolicy.Statement));
    const eventsKey = keyStatements.filter((s: any) => s.Principal?.Service === 'events.amazonaws.com');
    expect(eventsKey).toEqual([expect.objectContaining({
      Sid: 'EventRuleUsesAlertTopicKey', Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      Condition: { StringEquals: { 'kms:EncryptionContext:aws:sns:topicArn': `arn:aws:sns:us-east-1:${ACCOUNT}:player-churn-release-approvals` } },
    })]);
  });
});

describe('a failed stage of the release pipeline', () => {
  const [failedRuleId, failedRule] = resources('AWS::Events::Rule').find(([id]) => id.startsWith('ReleaseFailed'))!;
  const stageEvent = (stage: string, state: string, pipeline = 'player-churn-model-deploy') => codePipelineStageEvent(ACCOUNT, pipeline, stage, state);

  test('is matched for the model-deploy pipeline alone, once per failed stage', () => {
    expect(failedRule.Properties).toMatchObject({ Name: 'player-churn-model-deploy-failed', EventPattern: {
      'source': ['aws.codepipeline'], 'detail-type': ['CodePipeline Stage Execution State Change'],
      'detail': { pipeline: ['player-churn-model-deploy'], state: ['FAILED'] },
    } });
    expect(releaseFailureEventPattern(testConfig()).detail).toEqual(failedRule.Properties.EventPattern.detail);
    for (const [stage, state, pipeline, expected] of [
      ['Staging', 'FAILED', 'player-churn-model-deploy', true],
      ['Build', 'FAILED', 'player-churn-model-deploy', true],
      ['Prod', 'FAILED', 'player-churn-model-deploy', true],
      ['Staging', 'SUCCEEDED', 'player-churn-model-deploy', false],
      ['Staging', 'CANCELED', 'player-churn-model-deploy', false],
      ['Build', 'FAILED', 'player-churn-model-build', false],
    ] as const) {
      expect([stage, state, pipeline, matches(failedRule.Properties.EventPattern, stageEvent(stage, state, pipeline))]).toEqual([stage, state, pipeline, expected]);
    }
    // A stage event of another kind (an action's) does not match.
    expect(matches(failedRule.Properties.EventPattern, { ...stageEvent('Prod', 'FAILED'), 'detail-type': 'CodePipeline Action Execution State Change' })).toBe(false);
  });

  test('names the stage, the execution, its console page and the status command, to the reviewers\' topic', () => {
    const [target] = failedRule.Properties.Targets;
    expect(target.Arn).toEqual({ Ref: topicId });
    expect(transformed(target, stageEvent('Staging', 'FAILED'))).toBe([
      'The stage Staging of player-churn-model-deploy failed in the execution 01234567-0123-0123-0123-012345678901: what comes after it in the pipeline did not run.',
      'Why: https://us-east-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/player-churn-model-deploy/executions/01234567-0123-0123-0123-012345678901/timeline?region=us-east-1',
      'or npx sagemaker-gitops status --project player-churn.',
      'A release approval that was rejected or not given within 7 days also fails the stage Prod, and so does CheckRegistryApproval when the approved release\'s version is no longer Approved in the model registry.',
    ].join(' '));
  });

  test('is retried for a day, then dead-lettered, with an alarm to the same topic', () => {
    expectNoticeDelivery(template, { ruleId: failedRuleId, rule: failedRule, topicId, alarmName: 'player-churn-model-deploy-failed-undelivered' });
  });
});

// CodePipeline User Guide: "Monitoring CodePipeline events" (stage-level events, detail-type "CodePipeline Stage Execution
// State Change"), "How pipeline executions work" (a stage with an approval action is locked until the approval is decided or
// times out; executions are only superseded between stages) and "Stop a pipeline execution in CodePipeline"; CodePipeline
// API Reference, StageExecution (Cancelled: the pipeline's definition was updated before the stage execution could be completed).
describe('a production stage cancelled or stopped', () => {
  const [cancelledRuleId, cancelledRule] = resources('AWS::Events::Rule').find(([id]) => id.startsWith('ReleaseCancelled'))!;
  const stageEvent = (stage: string, state: string, pipeline = 'player-churn-model-deploy') => codePipelineStageEvent(ACCOUNT, pipeline, stage, state);

  test('is matched for the Prod stage of the model-deploy pipeline, cancelled or stopped, and nothing else', () => {
    expect(cancelledRule.Properties).toMatchObject({ Name: 'player-churn-model-deploy-release-cancelled', EventPattern: {
      'source': ['aws.codepipeline'], 'detail-type': ['CodePipeline Stage Execution State Change'],
      'detail': { pipeline: ['player-churn-model-deploy'], stage: ['Prod'], state: ['CANCELED', 'STOPPED'] },
    } });
    expect(releaseCancelledEventPattern(testConfig()).detail).toEqual(cancelledRule.Properties.EventPattern.detail);
    for (const [stage, state, pipeline, expected] of [
      ['Prod', 'CANCELED', 'player-churn-model-deploy', true],
      ['Prod', 'STOPPED', 'player-churn-model-deploy', true],
      // Still going, done, or failed (the failed-stage notice tells of that one).
      ['Prod', 'STOPPING', 'player-churn-model-deploy', false],
      ['Prod', 'SUCCEEDED', 'player-churn-model-deploy', false],
      ['Prod', 'FAILED', 'player-churn-model-deploy', false],
      // The execution that updates the pipeline is in UpdatePipeline: a self-mutation tells nobody.
      ['UpdatePipeline', 'CANCELED', 'player-churn-model-deploy', false],
      ['Staging', 'CANCELED', 'player-churn-model-deploy', false],
      ['Prod', 'CANCELED', 'player-churn-model-build', false],
    ] as const) {
      expect([stage, state, pipeline, matches(cancelledRule.Properties.EventPattern, stageEvent(stage, state, pipeline))]).toEqual([stage, state, pipeline, expected]);
    }
    expect(matches(cancelledRule.Properties.EventPattern, { ...stageEvent('Prod', 'CANCELED'), 'detail-type': 'CodePipeline Action Execution State Change' })).toBe(false);
  });

  test('with a shadow phase, ProdShadow too, and the text says the shadow variant keeps running', () => {
    const config = testConfig({ endpoints: { prod: { type: 'realtime', shadow: { minutes: 60 } } } });
    expect(releaseCancelledEventPattern(config).detail).toEqual({ pipeline: ['player-churn-model-deploy'], stage: ['Prod', 'ProdShadow'], state: ['CANCELED', 'STOPPED'] });
    const dir = repo();
    fs.writeFileSync(path.join(dir, LIVE_MODEL_FILE), JSON.stringify({ endpointName: 'player-churn-prod', model: MODEL }));
    const shadowDeploy = new ModelDeployApp({ config, repoDir: dir, model: NEXT_MODEL });
    const shadowRules = Object.entries<any>(Template.fromStack(shadowDeploy.pipelineStack).findResources('AWS::Events::Rule'));
    const [, shadowRule] = shadowRules.find(([id]) => id.startsWith('ReleaseCancelled'))!;
    expect(shadowRule.Properties.EventPattern.detail).toEqual(releaseCancelledEventPattern(config).detail);
    expect(transformed(shadowRule.Properties.Targets[0], stageEvent('ProdShadow', 'STOPPED'))).toContain('The stage ProdShadow of player-churn-model-deploy ended STOPPED in the execution '
      + '01234567-0123-0123-0123-012345678901: the actions after the one in progress did not run. A release waiting there for approval (ApproveRelease) was not released; '
      + 'one stopped while deploying may be deployed without its checks after the deploy. A shadow variant the ProdShadow stage deployed keeps receiving a copy of every '
      + 'production request (and costing) until the next release.');
  });

  test('says which stage ended how, what it means for a waiting release, why CodePipeline ends one, and how the release comes again', () => {
    const [target] = cancelledRule.Properties.Targets;
    expect(target.Arn).toEqual({ Ref: topicId });
    expect(transformed(target, stageEvent('Prod', 'CANCELED'))).toBe([
      'The stage Prod of player-churn-model-deploy ended CANCELED in the execution 01234567-0123-0123-0123-012345678901: the actions after the one in progress did not run.',
      'A release waiting there for approval (ApproveRelease) was not released; one stopped while deploying may be deployed without its checks after the deploy.',
      'CodePipeline cancels the stage an execution is in when the pipeline\'s definition is updated (a push that changed the pipeline, a cdk deploy of it), and stops it when someone stops the execution.',
      'After its own update the pipeline starts again and asks for the approval anew; after a stop, retry the stage, or start the pipeline:',
      'aws codepipeline start-pipeline-execution --name player-churn-model-deploy --region us-east-1.',
      'Status: npx sagemaker-gitops status --project player-churn.',
    ].join(' '));
  });

  test('is retried for a day, then dead-lettered, with an alarm to the same topic', () => {
    expectNoticeDelivery(template, { ruleId: cancelledRuleId, rule: cancelledRule, topicId, alarmName: 'player-churn-model-deploy-release-cancelled-undelivered' });
  });

  test('the longest project name keeps the rule\'s name within EventBridge\'s 64 characters', () => {
    const longest = 'p'.repeat(32);
    const name = `${longest}-model-deploy-release-cancelled`;
    expect(name.length).toBeLessThanOrEqual(64);
    const rules = Object.values<any>(Template.fromStack(app({ projectName: longest }).pipelineStack).findResources('AWS::Events::Rule'));
    expect(rules.map((r) => r.Properties.Name)).toContain(name);
  });
});
