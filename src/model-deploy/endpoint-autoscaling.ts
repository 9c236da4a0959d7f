import { ArnFormat, Duration, Stack, Validations } from 'aws-cdk-lib';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { AutoscalingOptions } from '../config';
import { acknowledgeControl, acknowledgeWildcardResource } from '../validation/acknowledge';
import { RETAIN_UNLESS_CREATE_FAILS } from '../constructs/retention';

export interface EndpointAutoscalingProps {
  readonly endpointName: string;
  readonly variantName: string;
  /** The variant's instance type: changing it re-registers the scalable target around the endpoint update. */
  readonly instanceType: string;
  readonly options: Required<AutoscalingOptions>;
}

/** The scalable dimension of a SageMaker production variant. */
export const VARIANT_SCALABLE_DIMENSION = 'sagemaker:variant:DesiredInstanceCount';

/** The id aws-cdk-lib gives the AwsCustomResource provider, a singleton per stack. */
const AWS_CUSTOM_RESOURCE_PROVIDER_ID = `AWS${cr.AwsCustomResource.PROVIDER_FUNCTION_UUID.replace(/-/g, '')}`;

/**
 * Target-tracking autoscaling of one production variant, that survives a change of its instance type.
 *
 * SageMaker developer guide, "Update endpoints that use auto scaling": an UpdateEndpoint that changes
 * the instance type of a variant registered as a scalable target fails; the documented path is
 * DeregisterScalableTarget, UpdateEndpoint, then RegisterScalableTarget and PutScalingPolicy again
 * (a release that only changes the model needs none of it). CloudFormation cannot order that with
 * the target alone (a replaced target is created after, and deleted only after, the endpoint update),
 * so two deploy-time SDK calls, keyed on the instance type, bracket the update:
 *   1. `DeregisterBeforeUpdate` (the endpoint depends on it) deregisters the target, which also
 *      deletes its scaling policies, when the instance type changes (a missing target is fine);
 *   2. the endpoint updates (RetainAllVariantProperties keeps the current instance count);
 *   3. `RegisterAfterUpdate` and `PolicyAfterUpdate` (after the target and policy resources)
 *      register the target and put the policy again, with the values of the template.
 * A release with the same instance type changes none of these resources. On the first deploy
 * they find nothing to deregister and re-apply what CloudFormation just created.
 */
export class EndpointAutoscaling extends Construct {
  public readonly target: appscaling.CfnScalableTarget;
  public readonly policy: appscaling.CfnScalingPolicy;
  /** Runs before the endpoint update: make the endpoint depend on it. */
  public readonly beforeUpdate: cr.AwsCustomResource;

  constructor(scope: Construct, id: string, props: EndpointAutoscalingProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const { endpointName, variantName, instanceType, options: a } = props;
    const resourceId = `endpoint/${endpointName}/variant/${variantName}`;
    const target = { ServiceNamespace: 'sagemaker', ResourceId: resourceId, ScalableDimension: VARIANT_SCALABLE_DIMENSION };
    const policyName = `${endpointName}-invocations-per-instance`;
    const trackingConfiguration = {
      targetValue: a.invocationsPerInstance,
      predefinedMetricSpecification: { predefinedMetricType: 'SageMakerVariantInvocationsPerInstance' },
      scaleInCooldown: 300,
      scaleOutCooldown: 60,
    };

    // Without a role, Application Auto Scaling uses its SageMaker service-linked role.
    this.target = new appscaling.CfnScalableTarget(scope, 'ScalableTarget', {
      serviceNamespace: 'sagemaker', resourceId, scalableDimension: VARIANT_SCALABLE_DIMENSION, minCapacity: a.minInstances, maxCapacity: a.maxInstances,
    });
    this.policy = new appscaling.CfnScalingPolicy(scope, 'InvocationsScaling', {
      policyName, policyType: 'TargetTrackingScaling', scalingTargetId: this.target.ref, targetTrackingScalingPolicyConfiguration: trackingConfiguration,
    });

    // The physical id carries the instance type: a new type is an update of these resources, the same type none.
    const physicalResourceId = cr.PhysicalResourceId.of(`${resourceId}@${instanceType}`);
    const call = (action: string, parameters: Record<string, unknown>, ignoreErrorCodesMatching?: string): cr.AwsSdkCall =>
      ({ service: 'ApplicationAutoScaling', action, parameters, physicalResourceId, ignoreErrorCodesMatching });
    const deregister = call('DeregisterScalableTarget', target, 'ObjectNotFoundException');
    const register = call('RegisterScalableTarget', { ...target, MinCapacity: a.minInstances, MaxCapacity: a.maxInstances });
    const putPolicy = call('PutScalingPolicy', {
      ...target,
      PolicyName: policyName,
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: {
        TargetValue: trackingConfiguration.targetValue,
        PredefinedMetricSpecification: { PredefinedMetricType: trackingConfiguration.predefinedMetricSpecification.predefinedMetricType },
        ScaleInCooldown: trackingConfiguration.scaleInCooldown,
        ScaleOutCooldown: trackingConfiguration.scaleOutCooldown,
      },
    });

    const endpointArn = stack.formatArn({ service: 'sagemaker', resource: 'endpoint', resourceName: endpointName.toLowerCase() });
    const statements = [
      new iam.PolicyStatement({
        sid: 'ScalableTarget', actions: ['application-autoscaling:DeregisterScalableTarget', 'application-autoscaling:RegisterScalableTarget', 'application-autoscaling:PutScalingPolicy'], resources: ['*'],
      }),
      // What RegisterScalableTarget and a target-tracking PutScalingPolicy check for a SageMaker variant.
      new iam.PolicyStatement({
        sid: 'Variant', actions: ['sagemaker:DescribeEndpoint', 'sagemaker:DescribeEndpointConfig', 'sagemaker:UpdateEndpointWeightsAndCapacities'],
        resources: [endpointArn, stack.formatArn({ service: 'sagemaker', resource: 'endpoint-config', resourceName: '*' })],
      }),
      new iam.PolicyStatement({
        sid: 'TrackingAlarms', actions: ['cloudwatch:PutMetricAlarm', 'cloudwatch:DescribeAlarms', 'cloudwatch:DeleteAlarms'],
        resources: [stack.formatArn({ service: 'cloudwatch', resource: 'alarm', resourceName: `TargetTracking-${resourceId}-*`, arnFormat: ArnFormat.COLON_RESOURCE_NAME })],
      }),
    ];
    const existingProvider = stack.node.tryFindChild(AWS_CUSTOM_RESOURCE_PROVIDER_ID);
    // The provider is a singleton: the first AwsCustomResource of the stack gives its role; the statements join that role.
    const own = existingProvider ? undefined : this.providerRole();
    const common = {
      policy: cr.AwsCustomResourcePolicy.fromStatements(statements),
      ...(own && { role: own.role, logGroup: own.logGroup }),
      installLatestAwsSdk: false,
      timeout: Duration.minutes(5),
    };
    this.beforeUpdate = new cr.AwsCustomResource(scope, 'DeregisterBeforeUpdate', { ...common, onUpdate: deregister, resourceType: 'Custom::DeregisterScalableTarget' });
    const registerAfter = new cr.AwsCustomResource(scope, 'RegisterAfterUpdate', { ...common, onUpdate: register, resourceType: 'Custom::RegisterScalableTarget' });
    registerAfter.node.addDependency(this.target);
    const policyAfter = new cr.AwsCustomResource(scope, 'PolicyAfterUpdate', { ...common, onUpdate: putPolicy, resourceType: 'Custom::PutScalingPolicy' });
    policyAfter.node.addDependency(this.policy, registerAfter);

    for (const resource of [this.beforeUpdate, registerAfter, policyAfter]) {
      acknowledgeWildcardResource(resource, '*', 'Application Auto Scaling names a scalable target\'s ARN with a generated id: its register, deregister and put-policy calls cannot name it beforehand');
      acknowledgeWildcardResource(resource, statements[1].resources[1], 'SageMaker checks the endpoint configuration of the variant, whose name CloudFormation generates on each release');
      acknowledgeWildcardResource(resource, statements[2].resources[0], 'target tracking names its alarms TargetTracking-<resource id>-AlarmHigh/Low-<generated id>');
    }
    const provider = stack.node.tryFindChild(AWS_CUSTOM_RESOURCE_PROVIDER_ID);
    if (provider instanceof lambda.Function && own) {
      Validations.of(provider).acknowledge({
        id: 'AwsSolutions-L1',
        reason: `aws-cdk-lib's AwsCustomResource fixes its handler's runtime (${provider.runtime.name}); it moves with aws-cdk-lib`,
      });
      acknowledgeControl(provider, 'CT.LAMBDA.PR.3',
        'the provider only calls the Application Auto Scaling API and CloudFormation\'s response URL at deploy time; in a VPC it would need a NAT gateway or endpoints for both');
      acknowledgeControl(own.logGroup, 'CT.CLOUDWATCH.PR.3',
        'CloudWatch Logs encrypts every log group at rest; this one holds only the scalable target\'s name and capacities, no data of the endpoint');
    }
  }

  /** A role and log group for the provider, when this construct creates it (no managed policy). */
  private providerRole(): { role: iam.Role; logGroup: logs.LogGroup } {
    const logGroup = new logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.ONE_YEAR, removalPolicy: RETAIN_UNLESS_CREATE_FAILS });
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Re-registers the endpoint\'s scalable target around a change of its instance type',
    });
    role.addToPolicy(new iam.PolicyStatement({ sid: 'Logs', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }));
    return { role, logGroup };
  }
}
