import { App, Aspects, CfnResource, Stack } from 'aws-cdk-lib';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { PROJECT_TAG_KEY, ProjectApp, dropRedundantDependsOn, tagProjectResources } from '../../src/constructs';
import { studioTemplateApp } from '../../src/studio/studio-templates';
import { testConfig } from '../helpers/validated-synth';

/** A role with a policy and a queue-like resource that reads the role's ARN and depends on the role (as aws-cdk-lib L2s do). */
function roleUser(stack: Stack): { role: iam.Role; user: CfnResource; other: sqs.CfnQueue } {
  const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com') });
  role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::bucket/key'] }));
  const other = new sqs.CfnQueue(stack, 'Other');
  const user = new CfnResource(stack, 'User', {
    type: 'AWS::SageMaker::Model',
    properties: { ExecutionRoleArn: role.roleArn, ModelName: { 'Fn::Sub': '${Other.QueueName}-model' } },
  });
  user.node.addDependency(role);
  user.node.addDependency(other);
  return { role, user, other };
}

describe('dropRedundantDependsOn', () => {
  // cfn-lint W3005 ("dependency already enforced by a GetAtt/Ref"): CloudFormation orders resources by their
  // references ("DependsOn attribute", AWS CloudFormation User Guide: "Dependent stacks also have implicit
  // dependencies in the form of target properties !Ref and !GetAtt").
  test('keeps only the dependencies that no Ref, GetAtt or Sub already implies', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    roleUser(stack);
    dropRedundantDependsOn(stack);
    const template = Template.fromStack(stack);
    const user = template.toJSON().Resources.User;
    // The role (GetAtt) and the queue (Sub) are referenced; the role's policy is not, and stays.
    expect(user.DependsOn).toEqual([expect.stringMatching(/^RoleDefaultPolicy/)]);
  });

  test('a resource left with no dependency has no DependsOn at all', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const other = new sqs.CfnQueue(stack, 'Other');
    const user = new CfnResource(stack, 'User', { type: 'AWS::SNS::Topic', properties: { TopicName: other.attrQueueName } });
    user.node.addDependency(other);
    dropRedundantDependsOn(stack);
    expect(Template.fromStack(stack).toJSON().Resources.User.DependsOn).toBeUndefined();
  });

  test('without the aspect aws-cdk-lib renders the redundant entries (the test above can fail)', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    roleUser(stack);
    const dependsOn: string[] = Template.fromStack(stack).toJSON().Resources.User.DependsOn;
    expect(dependsOn).toEqual(expect.arrayContaining(['Other', expect.stringMatching(/^Role[0-9A-F]{8}$/)]));
  });

  test('is added once per scope', () => {
    const stack = new Stack(new App(), 'S');
    dropRedundantDependsOn(stack);
    dropRedundantDependsOn(stack);
    expect(Aspects.of(stack).all).toHaveLength(1);
  });
});

describe('tagProjectResources', () => {
  // AWS::ApplicationAutoScaling::ScalableTarget: cfn-lint's CloudFormation schema rejects `Tags` (E3002), so the
  // project's tags skip scalable targets while every other resource carries them.
  test('tags every resource but the scalable targets, and drops redundant DependsOn entries', () => {
    const app = new ProjectApp({ config: testConfig() });
    const stack = new Stack(app, 'S');
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com') });
    role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::bucket/key'] }));
    const model = new sagemaker.CfnModel(stack, 'User', { executionRoleArn: role.roleArn, primaryContainer: { image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/m:1' } });
    model.node.addDependency(role);
    new appscaling.CfnScalableTarget(stack, 'Target', {
      serviceNamespace: 'sagemaker', resourceId: 'endpoint/e/variant/AllTraffic', scalableDimension: 'sagemaker:variant:DesiredInstanceCount', minCapacity: 1, maxCapacity: 2,
    });
    tagProjectResources(stack);
    const resources = app.synth().getStackByName('S').template.Resources;
    expect(resources.Target.Properties.Tags).toBeUndefined();
    expect(resources.User.Properties.Tags).toEqual([{ Key: PROJECT_TAG_KEY, Value: 'player-churn' }]);
    expect(resources.User.DependsOn).toEqual([expect.stringMatching(/^RoleDefaultPolicy/)]);
  });
});

describe('the Studio templates', () => {
  // The same rule (cfn-lint W3005) on the templates SageMaker Studio launches.
  test('declare no DependsOn that a Ref or GetAtt already implies', () => {
    const { app } = studioTemplateApp();
    for (const stack of app.synth().stacks) {
      for (const [id, resource] of Object.entries<any>(stack.template.Resources)) {
        const referenced = JSON.stringify(resource.Properties ?? {});
        for (const dependency of resource.DependsOn ?? []) {
          expect({ id, dependency, referenced: referenced.includes(`{"Ref":"${dependency}"}`) || referenced.includes(`"Fn::GetAtt":["${dependency}"`) })
            .toEqual({ id, dependency, referenced: false });
        }
      }
    }
  });
});
