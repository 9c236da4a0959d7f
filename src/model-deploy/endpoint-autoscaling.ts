import { ArnFormat, CustomResource, Duration, Stack } from 'aws-cdk-lib';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { AutoscalingOptions } from '../config';
import { acknowledgeControl, acknowledgeWildcardResource } from '../validation/acknowledge';
import { RETAIN_UNLESS_CREATE_FAILS } from '../constructs/retention';
import { SCALABLE_TARGET_HANDLER_CODE } from './scalable-target-handler';

export interface EndpointAutoscalingProps {
  readonly endpointName: string;
  readonly variantName: string;
  /** The variant's instance type: changing it re-registers the scalable target around the endpoint update. */
  readonly instanceType: string;
  readonly options: Required<AutoscalingOptions>;
}

/** The scalable dimension of a SageMaker production variant. */
export const VARIANT_SCALABLE_DIMENSION = 'sagemaker:variant:DesiredInstanceCount';

/**
 * Target-tracking autoscaling of one production variant, that survives a change of its instance type,
 * forward and rolled back.
 *
 * SageMaker developer guide, "Update endpoints that use auto scaling": an UpdateEndpoint that changes
 * the instance type of a variant registered as a scalable target fails; the documented path is
 * DeregisterScalableTarget, UpdateEndpoint, then RegisterScalableTarget and PutScalingPolicy again
 * (a release that only changes the model needs none of it). CloudFormation cannot order that with
 * the target alone (a replaced target is created after, and deleted only after, the endpoint update),
 * so two custom resources, whose properties carry the instance type, bracket the update:
 * `ScalableTargetBeforeUpdate` (the endpoint depends on it) and `ScalableTargetAfterUpdate` (after the
 * target and its policy). Both run one function ({@link SCALABLE_TARGET_HANDLER_CODE}) that makes the
 * registration match the instance type the endpoint runs: deregistered while it runs another type than
 * the template's, registered with the template's policy once it runs the template's. So:
 *   - forward: before deregisters (the endpoint still runs the old type); the endpoint updates
 *     (RetainAllVariantProperties keeps the current instance count); after registers again;
 *   - the endpoint update fails: the endpoint rolls back to the old type, then before's rollback (an
 *     Update with the old type) registers the target again, which a plain deregister call would not;
 *   - a later resource fails: after's rollback deregisters (the endpoint still runs the new type),
 *     so the endpoint's own rollback is allowed, then before's rollback registers again.
 * A release with the same instance type changes neither resource.
 */
export class EndpointAutoscaling extends Construct {
  public readonly target: appscaling.CfnScalableTarget;
  public readonly policy: appscaling.CfnScalingPolicy;
  /** Runs before the endpoint update: make the endpoint depend on it. */
  public readonly beforeUpdate: CustomResource;
  /** Runs after the target and its policy. */
  public readonly afterUpdate: CustomResource;
  /** The function both custom resources run. */
  public readonly handler: lambda.Function;

  constructor(scope: Construct, id: string, props: EndpointAutoscalingProps) {
    super(scope, id);
    const { endpointName, variantName, instanceType, options: a } = props;
    const resourceId = `endpoint/${endpointName}/variant/${variantName}`;
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

    this.handler = this.reconcileFunction(endpointName, resourceId);
    // What the function registers: the values of the target and policy above.
    const properties = {
      EndpointName: endpointName,
      VariantName: variantName,
      InstanceType: instanceType,
      MinCapacity: a.minInstances,
      MaxCapacity: a.maxInstances,
      PolicyName: policyName,
      TargetValue: trackingConfiguration.targetValue,
      ScaleInCooldown: trackingConfiguration.scaleInCooldown,
      ScaleOutCooldown: trackingConfiguration.scaleOutCooldown,
    };
    const reconcile = (name: string, resourceType: string) => new CustomResource(scope, name, {
      serviceToken: this.handler.functionArn, resourceType, properties, serviceTimeout: Duration.minutes(5),
    });
    this.beforeUpdate = reconcile('ScalableTargetBeforeUpdate', 'Custom::ScalableTargetBeforeUpdate');
    this.afterUpdate = reconcile('ScalableTargetAfterUpdate', 'Custom::ScalableTargetAfterUpdate');
    this.afterUpdate.node.addDependency(this.target, this.policy);
  }

  /** The function of both custom resources, with a role and log group of its own (no managed policy). */
  private reconcileFunction(endpointName: string, resourceId: string): lambda.Function {
    const stack = Stack.of(this);
    const logGroup = new logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.ONE_YEAR, removalPolicy: RETAIN_UNLESS_CREATE_FAILS });
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Deregisters and registers the endpoint\'s scalable target around a change of its instance type',
    });
    role.addToPolicy(new iam.PolicyStatement({ sid: 'Logs', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }));
    const endpointConfigs = stack.formatArn({ service: 'sagemaker', resource: 'endpoint-config', resourceName: '*' });
    role.addToPolicy(new iam.PolicyStatement({
      sid: 'ScalableTarget', actions: ['application-autoscaling:DeregisterScalableTarget', 'application-autoscaling:RegisterScalableTarget', 'application-autoscaling:PutScalingPolicy'], resources: ['*'],
    }));
    // The function reads which instance type the endpoint runs; RegisterScalableTarget and a target-tracking
    // PutScalingPolicy check the variant with the caller's permissions.
    role.addToPolicy(new iam.PolicyStatement({
      sid: 'Variant', actions: ['sagemaker:DescribeEndpoint', 'sagemaker:DescribeEndpointConfig', 'sagemaker:UpdateEndpointWeightsAndCapacities'],
      resources: [stack.formatArn({ service: 'sagemaker', resource: 'endpoint', resourceName: endpointName.toLowerCase() }), endpointConfigs],
    }));
    const alarms = stack.formatArn({ service: 'cloudwatch', resource: 'alarm', resourceName: `TargetTracking-${resourceId}-*`, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
    role.addToPolicy(new iam.PolicyStatement({ sid: 'TrackingAlarms', actions: ['cloudwatch:PutMetricAlarm', 'cloudwatch:DescribeAlarms', 'cloudwatch:DeleteAlarms'], resources: [alarms] }));
    acknowledgeWildcardResource(role, '*', 'Application Auto Scaling names a scalable target\'s ARN with a generated id: its register, deregister and put-policy calls cannot name it beforehand');
    acknowledgeWildcardResource(role, endpointConfigs, 'the function reads the endpoint configuration the endpoint runs, whose name CloudFormation generates on each release');
    acknowledgeWildcardResource(role, alarms, 'target tracking names its alarms TargetTracking-<resource id>-AlarmHigh/Low-<generated id>');

    const fn = new lambda.Function(this, 'Function', {
      description: `Keeps the scalable target of ${resourceId} registered as the instance type the endpoint runs`,
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline(SCALABLE_TARGET_HANDLER_CODE),
      role,
      logGroup,
      timeout: Duration.minutes(2),
    });
    fn.node.addDependency(role);
    acknowledgeControl(fn, 'CT.LAMBDA.PR.3',
      'the function only calls the SageMaker and Application Auto Scaling APIs and CloudFormation\'s response URL at deploy time; in a VPC it would need a NAT gateway or endpoints for all three');
    acknowledgeControl(logGroup, 'CT.CLOUDWATCH.PR.3',
      'CloudWatch Logs encrypts every log group at rest; this one holds only the endpoint\'s instance type and the scalable target\'s capacities, no data of the endpoint');
    return fn;
  }
}
