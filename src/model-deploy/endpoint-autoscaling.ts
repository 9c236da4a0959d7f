import { ArnFormat, CustomResource, Duration, Stack } from 'aws-cdk-lib';
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
  /** Target tracking; `false`: the variant is not registered (and a registration left from before is removed). */
  readonly options: Required<AutoscalingOptions> | false;
  /** The endpoint configuration the endpoint runs: each release asks the after-update resource to check the registration again. */
  readonly endpointConfigName: string;
}

/** The scalable dimension of a SageMaker production variant. */
export const VARIANT_SCALABLE_DIMENSION = 'sagemaker:variant:DesiredInstanceCount';

/** Application Auto Scaling's service principal for SageMaker variants, and the service-linked role it creates. */
const SCALING_SERVICE = 'sagemaker.application-autoscaling.amazonaws.com';
const SCALING_SERVICE_LINKED_ROLE = 'AWSServiceRoleForApplicationAutoScaling_SageMakerEndpoint';

/**
 * How long the function may run: Lambda's maximum (Lambda Developer Guide, "Configure Lambda function
 * timeout"), so that the before side can wait out an autoscaling activity, which starts new instances.
 */
export const RECONCILE_TIMEOUT = Duration.minutes(15);

/** The custom resource types of the two sides of the endpoint update. */
export const SCALING_BEFORE_UPDATE_TYPE = 'Custom::ScalableTargetBeforeUpdate';
export const SCALING_AFTER_UPDATE_TYPE = 'Custom::ScalableTargetAfterUpdate';

/**
 * The autoscaling of one real-time production variant, registered by a function of the stack's own
 * ({@link SCALABLE_TARGET_HANDLER_CODE}) so that it survives every change CloudFormation makes:
 * a release, a change of the instance type, of the limits or the target value, autoscaling turned on
 * or off, each forward and rolled back.
 *
 * SageMaker Developer Guide, "Update endpoints that use auto scaling": an UpdateEndpoint that changes
 * the instance type of a variant registered as a scalable target fails; the documented path is
 * DeregisterScalableTarget, UpdateEndpoint, then RegisterScalableTarget and PutScalingPolicy again
 * (a release that only changes the model needs none of it). CloudFormation cannot order that with its
 * own AWS::ApplicationAutoScaling resources: a removed target is deleted only after the endpoint update,
 * and a target and policy it updates while the function has deregistered them fail (PutScalingPolicy
 * needs a registered target). So the stack has none: two custom resources, whose properties carry the
 * instance type and the scaling values, bracket the update and own the registration:
 * `ScalableTargetBeforeUpdate` (the endpoint depends on it) and `ScalableTargetAfterUpdate` (it depends
 * on the endpoint). Both run one function that makes the registration match the template and the
 * instance type the endpoint runs. So:
 *   - first create: before finds no endpoint; after registers the target and its policy;
 *   - a new instance type: before deregisters (the endpoint still runs the old type); the endpoint
 *     updates (RetainAllVariantProperties keeps the current instance count); after registers again
 *     with the template's values, whatever else the release changed;
 *   - new limits or target value: both register them (the endpoint's type does not change);
 *   - autoscaling turned on: both register; turned off (`options` false, the resources stay): before
 *     deregisters, so the endpoint update may also change the instance type;
 *   - the endpoint update fails: the endpoint rolls back, then before's rollback (an Update with the
 *     old properties) restores the old registration; a later resource fails: after's rollback
 *     deregisters if the endpoint still runs the new type, so the endpoint's own rollback is allowed,
 *     then before's rollback registers again.
 * Both resources also name the release's endpoint configuration, so every release runs them and checks
 * the registration again (RegisterScalableTarget and PutScalingPolicy change nothing when it is as the
 * template has it; a registration removed by hand comes back). Before the endpoint update, the function
 * first waits while the endpoint is Updating: an autoscaling activity sets that status
 * (UpdateEndpointWeightsAndCapacities), and SageMaker refuses UpdateEndpoint meanwhile ("Cannot update
 * in-progress endpoint"), which would fail the release.
 */
export class EndpointAutoscaling extends Construct {
  /** Runs before the endpoint update: the endpoint depends on it. */
  public readonly beforeUpdate: CustomResource;
  /** Runs after the endpoint update: it depends on the endpoint. */
  public readonly afterUpdate: CustomResource;
  /** The function both custom resources run. */
  public readonly handler: lambda.Function;

  constructor(scope: Construct, id: string, props: EndpointAutoscalingProps) {
    super(scope, id);
    const { endpointName, variantName, instanceType, options: a } = props;
    const resourceId = `endpoint/${endpointName}/variant/${variantName}`;

    this.handler = this.reconcileFunction(endpointName, resourceId);
    // What the function registers. Without autoscaling, only that it is off.
    const properties = {
      EndpointName: endpointName,
      VariantName: variantName,
      InstanceType: instanceType,
      Autoscaling: a !== false,
      ...(a !== false ? {
        MinCapacity: a.minInstances,
        MaxCapacity: a.maxInstances,
        PolicyName: `${endpointName}-invocations-per-instance`,
        TargetValue: a.invocationsPerInstance,
        ScaleInCooldown: 300,
        ScaleOutCooldown: 60,
      } : {}),
    };
    // CloudFormation waits a minute longer than the function may run, so it hears the function's own answer.
    const reconcile = (name: string, resourceType: string, extra: Record<string, unknown>) => new CustomResource(scope, name, {
      serviceToken: this.handler.functionArn, resourceType, properties: { ...properties, ...extra }, serviceTimeout: RECONCILE_TIMEOUT.plus(Duration.minutes(1)),
    });
    // Both name the endpoint configuration of the release, so both run on every release; before waits for the endpoint.
    this.beforeUpdate = reconcile('ScalableTargetBeforeUpdate', SCALING_BEFORE_UPDATE_TYPE, { NextEndpointConfigName: props.endpointConfigName, WaitForEndpoint: true });
    this.afterUpdate = reconcile('ScalableTargetAfterUpdate', SCALING_AFTER_UPDATE_TYPE, { EndpointConfigName: props.endpointConfigName });
  }

  /** The function of both custom resources, with a role and log group of its own (no managed policy). */
  private reconcileFunction(endpointName: string, resourceId: string): lambda.Function {
    const stack = Stack.of(this);
    const logGroup = new logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.ONE_YEAR, removalPolicy: RETAIN_UNLESS_CREATE_FAILS });
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Registers the endpoint variant\'s scalable target and scaling policy, deregistered around a change of its instance type',
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
    // Application Auto Scaling User Guide, "Service-linked roles for Application Auto Scaling": the first RegisterScalableTarget
    // of SageMaker variants in an account creates the service-linked role, with the caller's permission.
    role.addToPolicy(new iam.PolicyStatement({
      sid: 'ServiceLinkedRole', actions: ['iam:CreateServiceLinkedRole'],
      resources: [stack.formatArn({ service: 'iam', region: '', resource: 'role', resourceName: `aws-service-role/${SCALING_SERVICE}/${SCALING_SERVICE_LINKED_ROLE}` })],
      conditions: { StringEquals: { 'iam:AWSServiceName': SCALING_SERVICE } },
    }));
    acknowledgeWildcardResource(role, '*', 'Application Auto Scaling names a scalable target\'s ARN with a generated id: its register, deregister and put-policy calls cannot name it beforehand');
    acknowledgeWildcardResource(role, endpointConfigs, 'the function reads the endpoint configuration the endpoint runs, whose name CloudFormation generates on each release');
    acknowledgeWildcardResource(role, alarms, 'target tracking names its alarms TargetTracking-<resource id>-AlarmHigh/Low-<generated id>');

    const fn = new lambda.Function(this, 'Function', {
      description: `Keeps the scalable target of ${resourceId} registered as the template and the instance type the endpoint runs say`,
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline(SCALABLE_TARGET_HANDLER_CODE),
      role,
      logGroup,
      timeout: RECONCILE_TIMEOUT,
    });
    fn.node.addDependency(role);
    acknowledgeControl(fn, 'CT.LAMBDA.PR.3',
      'the function only calls the SageMaker and Application Auto Scaling APIs and CloudFormation\'s response URL at deploy time; in a VPC it would need a NAT gateway or endpoints for all three');
    acknowledgeControl(logGroup, 'CT.CLOUDWATCH.PR.3',
      'CloudWatch Logs encrypts every log group at rest; this one holds only the endpoint\'s instance type and the scalable target\'s capacities, no data of the endpoint');
    return fn;
  }
}
