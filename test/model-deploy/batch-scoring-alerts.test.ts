import { Template } from 'aws-cdk-lib/assertions';
import { ConfigError } from '../../src/config';
import { BatchScoringStack } from '../../src/model-deploy/batch-scoring-stack';
import { synthValidated, testConfig, validatedApp } from '../helpers/validated-synth';
import { MODEL, matches } from './fixtures';

const INPUT = 's3://acme-scoring/players/daily';
const ACCOUNT = '111111111111';

/** The batch-scoring stack alone, through the CloudFormation validator, cdk-nag and the Control Tower guardrails. */
function synthScoring(overrides: Record<string, unknown> = {}): Template {
  const app = validatedApp();
  const stack = new BatchScoringStack(app, 'scoring', { config: testConfig({ batchScoring: { inputUri: INPUT }, ...overrides }), model: MODEL });
  return synthValidated(app)[stack.stackName];
}

/** Replaces the pseudo parameters and Fn::Join of a template fragment with this test's account and region. */
function resolve(value: any): any {
  if (Array.isArray(value)) {
    return value.map(resolve);
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  if ('Ref' in value) {
    const pseudo: Record<string, string> = { 'AWS::Partition': 'aws', 'AWS::AccountId': ACCOUNT, 'AWS::Region': 'us-east-1' };
    return pseudo[value.Ref] ?? value;
  }
  if ('Fn::Join' in value) {
    const [separator, parts] = value['Fn::Join'];
    return resolve(parts).join(separator);
  }
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, resolve(inner)]));
}

const only = (t: Template, type: string) => {
  const found = Object.entries<any>(t.findResources(type));
  expect(found).toHaveLength(1);
  return found[0];
};

/**
 * A "SageMaker Model Building Pipeline Execution Status Change" event as the SageMaker developer guide's page "Events
 * that Amazon SageMaker AI sends to Amazon EventBridge" ("SageMaker pipeline execution state change") shows it:
 * currentPipelineExecutionStatus is one of Executing, Succeeded, Failed, Stopping, Stopped.
 */
const event = (status: string, pipeline = 'player-churn-batch-scoring', previous = 'Executing') => {
  const pipelineArn = `arn:aws:sagemaker:us-east-1:${ACCOUNT}:pipeline/${pipeline}`;
  return {
    'version': '0',
    'id': '315c1398-40ff-a850-213b-158f73kd93ir',
    'detail-type': 'SageMaker Model Building Pipeline Execution Status Change',
    'source': 'aws.sagemaker',
    'account': ACCOUNT,
    'region': 'us-east-1',
    'resources': [pipelineArn, `${pipelineArn}/execution/p4jn9xou8a8s`],
    'detail': {
      pipelineExecutionDisplayName: 'execution-1733300000000',
      currentPipelineExecutionStatus: status,
      previousPipelineExecutionStatus: previous,
      executionStartTime: '2026-12-04T04:00:10Z',
      executionEndTime: '2026-12-04T04:20:42Z',
      pipelineArn,
      pipelineExecutionArn: `${pipelineArn}/execution/p4jn9xou8a8s`,
    },
  };
};

describe('a failed batch-scoring run notifies the alert recipients', () => {
  const template = synthScoring({ release: { alertEmails: ['ops@example.com'] } });
  const [, rule] = only(template, 'AWS::Events::Rule');
  const pattern = resolve(rule.Properties.EventPattern);
  const [topicId, topic] = only(template, 'AWS::SNS::Topic');
  const topicArn = `arn:aws:sns:us-east-1:${ACCOUNT}:player-churn-batch-scoring-alerts`;

  // SageMaker developer guide, "Events that Amazon SageMaker AI sends to Amazon EventBridge": the detail-type, and
  // the detail fields pipelineArn and currentPipelineExecutionStatus.
  test('the rule watches this pipeline\'s executions that end Failed or Stopped', () => {
    expect(pattern).toEqual({
      'source': ['aws.sagemaker'],
      'detail-type': ['SageMaker Model Building Pipeline Execution Status Change'],
      'detail': {
        pipelineArn: [`arn:aws:sagemaker:us-east-1:${ACCOUNT}:pipeline/player-churn-batch-scoring`],
        currentPipelineExecutionStatus: ['Failed', 'Stopped'],
      },
    });
    expect(rule.Properties.Name).toBe('player-churn-batch-scoring-failed');
  });

  test.each([
    ['Failed', 'player-churn-batch-scoring', true],
    ['Stopped', 'player-churn-batch-scoring', true],
    ['Succeeded', 'player-churn-batch-scoring', false],
    ['Executing', 'player-churn-batch-scoring', false],
    ['Stopping', 'player-churn-batch-scoring', false],
    ['Failed', 'player-churn-training', false],
    ['Failed', 'player-churn-batch-scoring-2', false],
  ])('an execution %s of %s matches: %s', (status, pipeline, expected) => {
    expect(matches(pattern, event(status, pipeline))).toBe(expected);
  });

  test('a step status change of the same pipeline does not match', () => {
    expect(matches(pattern, { ...event('Failed'), 'detail-type': 'SageMaker Model Building Pipeline Execution Step Status Change' })).toBe(false);
  });

  // EventBridge user guide, "Using resource-based policies for Amazon EventBridge" (Amazon SNS permissions): the
  // target has no RoleArn; the topic policy lets events.amazonaws.com publish, with no Condition block, which that
  // section says cannot be used in SNS topic policies for EventBridge.
  test('the rule targets the stage\'s encrypted topic, which EventBridge may publish to', () => {
    expect(rule.Properties.Targets).toEqual([expect.objectContaining({ Arn: { Ref: topicId }, Id: expect.any(String) })]);
    expect(rule.Properties.Targets[0].RoleArn).toBeUndefined();
    expect(topic.Properties).toMatchObject({ TopicName: 'player-churn-batch-scoring-alerts', KmsMasterKeyId: expect.anything() });
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.com', TopicArn: { Ref: topicId } });
    const [, policy] = only(template, 'AWS::SNS::TopicPolicy');
    const fromEvents = policy.Properties.PolicyDocument.Statement.filter((s: any) => s.Principal?.Service === 'events.amazonaws.com');
    expect(resolve(fromEvents)).toEqual([{
      Sid: 'EventRulePublish', Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sns:Publish', Resource: { Ref: topicId },
    }]);
    // enforceSSL: publishing without TLS is denied.
    expect(policy.Properties.PolicyDocument.Statement).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
  });

  // SNS developer guide, "Key management" ("Enable compatibility between event sources from AWS services and
  // encrypted topics": the service needs kms:GenerateDataKey* and kms:Decrypt on the topic's key), limited to this
  // topic's encryption context. The same page: aws:SourceAccount, aws:SourceArn and aws:SourceOrgID in a KMS key
  // policy are not supported for EventBridge-to-encrypted topics, so the key statement carries none of them.
  test('EventBridge may use the stack key for this topic only, with no source condition in the key policy', () => {
    const [, key] = only(template, 'AWS::KMS::Key');
    const fromEvents = key.Properties.KeyPolicy.Statement.filter((s: any) => s.Principal?.Service === 'events.amazonaws.com');
    expect(resolve(fromEvents)).toEqual([{
      Sid: 'EventRuleUsesAlertTopicKey', Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'], Resource: '*',
      Condition: { StringEquals: { 'kms:EncryptionContext:aws:sns:topicArn': topicArn } },
    }]);
    expect(JSON.stringify(fromEvents)).not.toMatch(/aws:Source(Account|Arn|OrgID)/);
    // CloudWatch gets the key for the schedule's failed-start alarm and the rule's undelivered-events alarm only, with
    // their source conditions (supported for CloudWatch).
    const fromAlarms = key.Properties.KeyPolicy.Statement.filter((s: any) => s.Principal?.Service === 'cloudwatch.amazonaws.com');
    expect(resolve(fromAlarms)[0].Condition.ArnLike['aws:SourceArn']).toEqual([
      'arn:aws:cloudwatch:us-east-1:111111111111:alarm:player-churn-batch-scoring-schedule-failed',
      'arn:aws:cloudwatch:us-east-1:111111111111:alarm:player-churn-batch-scoring-failed-undelivered',
    ]);
  });

  // EventBridge user guide, "Using dead-letter queues to process undelivered events in EventBridge" (a standard SQS
  // queue that only this rule may send to) and API Reference "RetryPolicy" (at most 185 attempts over 86,400 s): a
  // failure EventBridge cannot deliver to the topic (a key or topic policy changed since) is kept, and its alarm
  // tells the topic through CloudWatch, whose permissions are separate from EventBridge's.
  test('an undeliverable failure notice is retried for a day, then kept in a dead-letter queue whose alarm tells the topic', () => {
    const [target] = rule.Properties.Targets;
    expect(target.RetryPolicy).toEqual({ MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86_400 });
    const queues = template.findResources('AWS::SQS::Queue');
    const queueId = Object.keys(queues).find((id) => id.includes('ExecutionFailed'))!;
    expect(target.DeadLetterConfig).toEqual({ Arn: { 'Fn::GetAtt': [queueId, 'Arn'] } });
    expect(queues[queueId].Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
    const ruleId = Object.keys(template.findResources('AWS::Events::Rule'))[0];
    const queuePolicy = Object.values<any>(template.findResources('AWS::SQS::QueuePolicy')).find((p) => JSON.stringify(p.Properties.Queues).includes(queueId));
    expect(queuePolicy.Properties.PolicyDocument.Statement).toContainEqual(expect.objectContaining({
      Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sqs:SendMessage',
      Condition: { ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [ruleId, 'Arn'] } } },
    }));
    const [, alarm] = Object.entries<any>(template.findResources('AWS::CloudWatch::Alarm')).find(([, a]) => a.Properties.AlarmName === 'player-churn-batch-scoring-failed-undelivered')!;
    expect(alarm.Properties).toMatchObject({
      Namespace: 'AWS/SQS', MetricName: 'NumberOfMessagesSent', Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
      Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', AlarmActions: [{ Ref: topicId }],
    });
  });
});

describe('with an existing alert topic', () => {
  test('the rule targets release.alertTopicArn as it is: no topic, subscription or topic policy of its own', () => {
    const existing = 'arn:aws:sns:us-east-1:111111111111:ops-alerts';
    const template = synthScoring({ release: { alertTopicArn: existing } });
    const [, rule] = only(template, 'AWS::Events::Rule');
    expect(rule.Properties.Targets).toEqual([expect.objectContaining({ Arn: existing, Id: expect.any(String) })]);
    template.resourceCountIs('AWS::SNS::Topic', 0);
    template.resourceCountIs('AWS::SNS::Subscription', 0);
    template.resourceCountIs('AWS::SNS::TopicPolicy', 0);
    const [, key] = only(template, 'AWS::KMS::Key');
    expect(key.Properties.KeyPolicy.Statement.filter((s: any) => s.Principal?.Service === 'events.amazonaws.com')).toEqual([]);
  });

  // AWS re:Post Knowledge Center "Why isn't my Amazon SNS topic receiving EventBridge notifications?": "The targets
  // you associate with a rule must be in the same Region as the rule".
  // (The release check refuses it first when the production endpoint has alarms; the stack checks it on its own.)
  test('a topic of another region is refused, naming the option, both regions and the way out', () => {
    const config = testConfig({ batchScoring: { inputUri: INPUT } });
    const release = { ...config.release, alertEmails: [], alertTopicArn: 'arn:aws:sns:eu-west-1:111111111111:ops-alerts' };
    const build = () => new BatchScoringStack(validatedApp(), 'scoring', { config: { ...config, release }, model: MODEL });
    expect(build).toThrow(ConfigError);
    expect(build).toThrow(/release\.alertTopicArn is in eu-west-1, but batch scoring runs in us-east-1 \(environments\.prod\.region\).*own region/);
  });
});

describe('a pipeline name with capitals', () => {
  // The schedule names the pipeline by its lower-case ARN; the guide's sample event keeps the capitals: either matches.
  test('the rule matches its executions under either spelling of the ARN, and no other pipeline', () => {
    const template = synthScoring({ projectName: 'PlayerChurn' });
    const [, rule] = only(template, 'AWS::Events::Rule');
    const pattern = resolve(rule.Properties.EventPattern);
    expect(pattern.detail.pipelineArn).toHaveLength(2);
    expect(matches(pattern, event('Failed', 'playerchurn-batch-scoring'))).toBe(true);
    expect(matches(pattern, event('Failed', 'PlayerChurn-batch-scoring'))).toBe(true);
    expect(matches(pattern, event('Failed', 'OtherProject-batch-scoring'))).toBe(false);
    expect(matches(pattern, event('Succeeded', 'PlayerChurn-batch-scoring'))).toBe(false);
  });
});
