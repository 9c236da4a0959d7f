import { Template } from 'aws-cdk-lib/assertions';
import { ConfigError } from '../../src/config';
import { EVENTBRIDGE_RETRY_LIMITS, TRIGGER_RETRY_POLICY, checkTriggerRetryPolicy, modelApprovalEventPattern } from '../../src/model-deploy';
import { testConfig } from '../helpers/validated-synth';
import { app, matches, modelPackageEvent } from './fixtures';

const deploy = app();
const template = Template.fromStack(deploy.pipelineStack);
// The trigger's rule, queue and alarm (the stack also has the pending-approval notice's: pending-approval-notice.test.ts).
const [ruleId, rule] = Object.entries<any>(template.findResources('AWS::Events::Rule')).find(([id]) => id.startsWith('ModelApprovalChanged'))!;
const pattern = rule.Properties.EventPattern;

const event = modelPackageEvent;

describe('the pattern', () => {
  test('is the documented one, in the template and from modelApprovalEventPattern', () => {
    expect(pattern).toEqual({
      'source': ['aws.sagemaker'],
      'detail-type': ['SageMaker Model Package State Change'],
      'detail': {
        ModelPackageGroupName: ['player-churn'], ModelPackageStatus: ['Completed'],
        $or: [
          { ModelApprovalStatus: ['Approved'] },
          { ModelApprovalStatus: ['Rejected'], CustomerMetadataProperties: { rejectedWithoutRelease: [{ exists: false }] } },
        ],
      },
    });
    expect(modelApprovalEventPattern(testConfig()).detail).toEqual(pattern.detail);
  });

  test.each([
    ['Approved', 'Completed', 'player-churn', true],
    ['Rejected', 'Completed', 'player-churn', true],
    ['PendingManualApproval', 'Completed', 'player-churn', false],
    ['Approved', 'Completed', 'another-group', false],
    ['Approved', 'InProgress', 'player-churn', false],
    ['Approved', 'Failed', 'player-churn', false],
  ])('%s, package %s, in %s, matches: %s', (approval, status, group, expected) => {
    expect(matches(pattern, event(approval, status, group))).toBe(expected);
  });

  // The SageMaker page above: a status change event is sent for each ModelPackageStatus the package passes through, so a
  // version registered directly as Approved sends an InProgress and a Completed event, both Approved. One deployment.
  test('a version registered directly as Approved starts one deployment, not two', () => {
    const registration = ['Pending', 'InProgress', 'Completed'].map((status) => event('Approved', status));
    expect(registration.filter((e) => matches(pattern, e))).toEqual([event('Approved', 'Completed')]);
  });

  // reject-model marks the rejection of a version that was not approved (model-approval.ts, NO_RELEASE_METADATA_KEY):
  // it changes nothing in what deploys, so it starts no release; a rejection of an approved version (a rollback) does.
  test('a marked rejection starts no release; an unmarked one does, with or without other metadata', () => {
    const rejected = event('Rejected');
    expect(matches(pattern, { ...rejected, detail: { ...rejected.detail, CustomerMetadataProperties: { auc: '0.8', rejectedWithoutRelease: 'true' } } })).toBe(false);
    expect(matches(pattern, { ...rejected, detail: { ...rejected.detail, CustomerMetadataProperties: { auc: '0.8' } } })).toBe(true);
    expect(matches(pattern, rejected)).toBe(true);
    const approved = event('Approved');
    expect(matches(pattern, { ...approved, detail: { ...approved.detail, CustomerMetadataProperties: { rejectedWithoutRelease: 'true' } } })).toBe(true);
  });

  // The SageMaker page's current sample has two more fields: what the update changed (UpdatedModelPackageFields, an
  // array) and the version's lifecycle stage. The pattern names neither, so an approval in that shape still starts a
  // release; so does any other update of an approved version (its description, stage or metadata), whose run releases
  // the same newest approved version (the README says so).
  test('an approval in the event\'s current shape (UpdatedModelPackageFields, ModelLifeCycle) starts a release', () => {
    const approved = event('Approved');
    const current = (fields: string[]) => ({
      ...approved, detail: { ...approved.detail, UpdatedModelPackageFields: fields, ModelLifeCycle: { Stage: 'Staging', StageStatus: 'Approved' } },
    });
    expect(matches(pattern, current(['ModelApprovalStatus', 'ApprovalDescription']))).toBe(true);
    expect(matches(pattern, current(['ModelLifeCycle']))).toBe(true);
    // The matcher reads an array field as EventBridge does: a value rule matches one of its elements.
    expect(matches({ detail: { UpdatedModelPackageFields: ['ModelApprovalStatus'] } }, current(['ModelLifeCycle', 'ModelApprovalStatus']))).toBe(true);
    expect(matches({ detail: { UpdatedModelPackageFields: ['ModelApprovalStatus'] } }, current(['ModelLifeCycle']))).toBe(false);
  });

  test('an event of another source or type does not match', () => {
    expect(matches(pattern, { ...event('Approved'), source: 'aws.s3' })).toBe(false);
    expect(matches(pattern, { ...event('Approved'), 'detail-type': 'SageMaker Endpoint State Change' })).toBe(false);
  });
});

// EventBridge user guide "Using dead-letter queues to process undelivered events in EventBridge" (a standard SQS queue;
// EventBridge needs sqs:SendMessage on it, which the queue policy grants for this rule only) and "How EventBridge
// retries delivering events" / API Reference "RetryPolicy" (MaximumRetryAttempts 0..185, MaximumEventAgeInSeconds 60..86400).
describe('delivery to the pipeline', () => {
  const [target] = rule.Properties.Targets;
  const queueId = Object.keys(template.findResources('AWS::SQS::Queue')).find((id) => id.startsWith('ModelApprovalChanged'))!;

  test('the target starts the model-deploy pipeline, with a retry policy and a dead-letter queue', () => {
    expect(target.Arn['Fn::Join'][1]).toContainEqual({ Ref: expect.stringMatching(/^ModelDeployPipeline[0-9A-F]+$/) });
    expect(target.RetryPolicy).toEqual({ MaximumRetryAttempts: TRIGGER_RETRY_POLICY.retryAttempts, MaximumEventAgeInSeconds: TRIGGER_RETRY_POLICY.maxEventAgeSeconds });
    expect(target.DeadLetterConfig).toEqual({ Arn: { 'Fn::GetAtt': [queueId, 'Arn'] } });
  });

  test('the queue is a standard queue, encrypted, kept 14 days; only this rule may send to it, over TLS', () => {
    const queue = template.toJSON().Resources[queueId].Properties;
    expect(queue).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
    expect(queue.FifoQueue).toBeUndefined();
    const policy = Object.values<any>(template.findResources('AWS::SQS::QueuePolicy')).find((p) => JSON.stringify(p.Properties.Queues).includes(queueId));
    expect(policy.Properties.PolicyDocument.Statement).toEqual(expect.arrayContaining([
      expect.objectContaining({
        Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sqs:SendMessage',
        Resource: { 'Fn::GetAtt': [queueId, 'Arn'] }, Condition: { ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [ruleId, 'Arn'] } } },
      }),
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    ]));
  });

  // EventBridge user guide "Using dead-letter queues to process undelivered events in EventBridge": the queue only keeps
  // the event. SNS developer guide "Key management" (CloudWatch needs kms:Decrypt and kms:GenerateDataKey* on an encrypted
  // topic's key) and the topic policy allowing cloudwatch.amazonaws.com for this alarm alone.
  test('an event in the queue alarms the reviewers\' topic, which CloudWatch may publish to for that alarm only', () => {
    const alarm = Object.values<any>(template.findResources('AWS::CloudWatch::Alarm')).find((a) => a.Properties.AlarmName === 'player-churn-model-deploy-trigger-failed');
    expect(alarm.Properties).toMatchObject({
      AlarmName: 'player-churn-model-deploy-trigger-failed', Namespace: 'AWS/SQS', MetricName: 'NumberOfMessagesSent',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }], Statistic: 'Sum', Period: 300,
      Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching',
    });
    const [topicId] = Object.keys(template.findResources('AWS::SNS::Topic', { Properties: { TopicName: 'player-churn-release-approvals' } }));
    expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
    const [topicPolicy] = Object.values<any>(template.findResources('AWS::SNS::TopicPolicy'));
    const publish = topicPolicy.Properties.PolicyDocument.Statement.find((st: any) => st.Sid === 'CloudWatchAlarmsPublish');
    expect(publish).toMatchObject({ Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: 'sns:Publish' });
    expect(JSON.stringify(publish.Condition.ArnLike['aws:SourceArn'])).toContain(':alarm:player-churn-model-deploy-trigger-failed');
    const keys = Object.values<any>(template.findResources('AWS::KMS::Key'));
    const keyUse = keys.flatMap((k) => k.Properties.KeyPolicy.Statement).filter((st: any) => st.Sid === 'CloudWatchAlarmsUseAlertTopicKey');
    expect(keyUse).toHaveLength(1);
    expect(JSON.stringify(keyUse[0].Condition.StringEquals['kms:EncryptionContext:aws:sns:topicArn'])).toContain(':player-churn-release-approvals');
  });

  test('a retry policy outside EventBridge\'s ranges is refused, naming the field, the range and the value', () => {
    const { retryAttempts, maxEventAgeSeconds } = EVENTBRIDGE_RETRY_LIMITS;
    expect(() => checkTriggerRetryPolicy({ retryAttempts: retryAttempts.max, maxEventAgeSeconds: maxEventAgeSeconds.min })).not.toThrow();
    expect(() => checkTriggerRetryPolicy({ retryAttempts: 0, maxEventAgeSeconds: 86_400 })).not.toThrow();
    expect(() => checkTriggerRetryPolicy({ retryAttempts: 186, maxEventAgeSeconds: 3600 })).toThrow(ConfigError);
    expect(() => checkTriggerRetryPolicy({ retryAttempts: 186, maxEventAgeSeconds: 3600 }))
      .toThrow('the model approval trigger.retryAttempts must be a whole number in 0..185 (EventBridge RetryPolicy); got 186');
    expect(() => checkTriggerRetryPolicy({ retryAttempts: -1, maxEventAgeSeconds: 3600 })).toThrow(/retryAttempts .*got -1/);
    expect(() => checkTriggerRetryPolicy({ retryAttempts: 2.5, maxEventAgeSeconds: 3600 })).toThrow(/retryAttempts .*got 2.5/);
    expect(() => checkTriggerRetryPolicy({ retryAttempts: 3, maxEventAgeSeconds: 59 })).toThrow('the model approval trigger.maxEventAgeSeconds must be a whole number in 60..86400 (EventBridge RetryPolicy); got 59');
    expect(() => checkTriggerRetryPolicy({ retryAttempts: 3, maxEventAgeSeconds: 86_401 })).toThrow(/maxEventAgeSeconds .*got 86401/);
  });
});
