/**
 * IAM User Guide, "IAM JSON policy elements: Sid": "In IAM, the Sid value must be unique within a JSON policy"; in
 * resource policies (SNS, SQS) it is a sub-ID of the document's Id. The guardrails refuse a document that names two
 * statements with one Sid, in IAM policies, resource policies and key policies alike.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { AlertTopic } from '../../src/constructs/alert-topic';
import { GuardrailsPlugin, statementIdFindings } from '../../src/validation';
import { testConfig } from '../helpers/validated-synth';

const statement = (sid?: string) => ({ ...(sid === undefined ? {} : { Sid: sid }), Effect: 'Allow', Action: 'sns:Publish', Resource: '*' });

describe('statementIdFindings', () => {
  test('a repeated Sid in a resource policy, a key policy, a trust policy or a role\'s own policy is a finding; unnamed statements are not', () => {
    const resources = {
      TopicPolicy: { Type: 'AWS::SNS::TopicPolicy', Properties: { PolicyDocument: { Statement: [statement('Publish'), statement('Publish'), statement(), statement()] } } },
      Key: { Type: 'AWS::KMS::Key', Properties: { KeyPolicy: { Statement: [statement('A'), statement('B'), statement('A'), statement('A')] } } },
      Role: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: { Statement: [statement('Trust'), statement('Trust')] },
          Policies: [{ PolicyName: 'ok', PolicyDocument: { Statement: [statement('X'), statement('Y')] } }, { PolicyName: 'twice', PolicyDocument: { Statement: [statement('X'), statement('X')] } }],
        },
      },
      Fine: { Type: 'AWS::SQS::QueuePolicy', Properties: { PolicyDocument: { Statement: [statement('One'), statement('Two'), statement()] } } },
    };
    expect(statementIdFindings(resources)).toEqual([
      { logicalId: 'TopicPolicy', location: 'Properties/PolicyDocument', message: 'Properties/PolicyDocument repeats the statement id "Publish" (2 statements); each statement of a policy needs its own Sid' },
      { logicalId: 'Key', location: 'Properties/KeyPolicy', message: 'Properties/KeyPolicy repeats the statement id "A" (3 statements); each statement of a policy needs its own Sid' },
      { logicalId: 'Role', location: 'Properties/AssumeRolePolicyDocument', message: expect.stringContaining('"Trust" (2 statements)') },
      { logicalId: 'Role', location: 'Properties/Policies/1/PolicyDocument', message: expect.stringContaining('"X" (2 statements)') },
    ]);
  });
});

function guardedStack(): { app: App; stack: Stack } {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-test-')) });
  Validations.of(app).addPlugins(new GuardrailsPlugin());
  return { app, stack: new Stack(app, 'Test', { env: { account: '111111111111', region: 'us-east-1' } }) };
}

test('the guardrails fail the synth of a topic policy with a repeated Sid, naming the resource and the Sid', () => {
  const { app, stack } = guardedStack();
  const topic = new sns.Topic(stack, 'Topic');
  for (const service of ['events.amazonaws.com', 'cloudwatch.amazonaws.com']) {
    topic.addToResourcePolicy(new iam.PolicyStatement({ sid: 'ServicePublish', principals: [new iam.ServicePrincipal(service)], actions: ['sns:Publish'], resources: [topic.topicArn] }));
  }
  expect(() => app.synth()).toThrow(/TopicPolicy[0-9A-F]{8}: Properties\/PolicyDocument repeats the statement id "ServicePublish" \(2 statements\)[^]*SageMakerGitOps-UniqueStatementIds/);
});

// The rules of one alert topic share the statements EventRulePublish and EventRuleUsesAlertTopicKey, which name no
// rule (EventBridge user guide, "Using resource-based policies for Amazon EventBridge", Amazon SNS permissions: no
// Condition blocks in SNS topic policies for EventBridge), however many calls allow rules.
test('an alert topic that lets two rules publish, in two calls, passes: one statement serves both', () => {
  const { app, stack } = guardedStack();
  const key = new kms.Key(stack, 'Key');
  const topic = new sns.Topic(stack, 'Topic', { topicName: 'reviewers', masterKey: key });
  const alerts = new AlertTopic(stack, 'Alerts', { topicName: 'reviewers', key, release: testConfig().release, topic });
  for (const name of ['one', 'two']) {
    alerts.allowEventRules([new events.Rule(stack, name, { ruleName: name, eventPattern: { source: ['aws.sagemaker'] } })]);
  }
  expect(() => app.synth()).not.toThrow();
  const published = stack.resolve((topic.node.findChild('Policy') as sns.TopicPolicy).document.toJSON()).Statement.filter((s: any) => s.Sid === 'EventRulePublish');
  expect(published).toEqual([{ Sid: 'EventRulePublish', Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sns:Publish', Resource: { Ref: expect.any(String) } }]);
  const keyUse = stack.resolve((key.node.defaultChild as kms.CfnKey).keyPolicy).Statement.filter((s: any) => s.Sid === 'EventRuleUsesAlertTopicKey');
  expect(keyUse).toHaveLength(1);
});
