import { AUTHORIZATION_RETRY_CODE } from '../constructs/authorization-retry-code';
import { CFN_RESPONSE_SEND_CODE } from '../constructs/cfn-response-code';

/**
 * The code of the Lambda function behind a real-time endpoint's `ScalableTargetBeforeUpdate` and
 * `ScalableTargetAfterUpdate` custom resources, inlined into the template (no asset bucket). The
 * function alone registers the variant's scalable target and its policy: the stack has no
 * AWS::ApplicationAutoScaling resources, whose own updates CloudFormation would run while the
 * target is deregistered (PutScalingPolicy: "You cannot create a scaling policy until you have
 * registered the resource as a scalable target"; DeregisterScalableTarget deletes the policy).
 *
 * On Create and Update it makes the variant's registration match the template and the instance
 * type the endpoint runs now, the same way whichever side of the endpoint update it runs on and
 * whether CloudFormation goes forward or rolls back (a rollback sends Update with the old properties):
 *   - `Autoscaling` is false, or the endpoint runs another instance type than `InstanceType` (an
 *     update is about to change it, or a rollback is about to restore it): DeregisterScalableTarget,
 *     which also deletes the target's scaling policies, so that the endpoint update is allowed
 *     (SageMaker Developer Guide, "Update endpoints that use auto scaling": an update that changes the
 *     instance type of a registered variant fails) and autoscaling turned off stops scaling;
 *   - it runs `InstanceType` with `Autoscaling` true: RegisterScalableTarget and PutScalingPolicy with
 *     the template's values (both create or update, so they may run again);
 *   - there is no endpoint yet (the first create): nothing;
 *   - the endpoint configuration the endpoint runs no longer exists, so its instance type is unknown:
 *     DeregisterScalableTarget, as for a change of type (the after side registers again).
 * With `WaitForEndpoint` (the before side, which runs on every release), it first waits while the
 * endpoint is in progress ({@link ENDPOINT_IN_PROGRESS_STATUSES}) and does not run `NextEndpointConfigName`
 * yet, so that the endpoint update that follows is not refused because an autoscaling activity runs;
 * past its deadline it fails, saying so. A rollback's Update (the old properties, whose configuration the
 * endpoint runs again, or never left) waits for nothing: it must not fail the rollback.
 * Delete changes nothing: a removed resource (the endpoint became serverless) or a deleted stack
 * leaves the registration to the endpoint (a retained production endpoint keeps scaling; deleting an
 * endpoint deregisters its variants, "Delete endpoints configured for auto scaling").
 * Every call waits out IAM's propagation of a new or changed statement of the function's role
 * ({@link AUTHORIZATION_RETRY_CODE}): the first create runs right after the role's policy is created.
 * Numbers and booleans arrive as strings (CloudFormation passes custom-resource properties so). Runs
 * on the Node.js runtime, whose AWS SDK v3 it uses; it answers CloudFormation itself.
 */
/**
 * The endpoint statuses in which SageMaker refuses UpdateEndpoint ("Cannot update in-progress endpoint"):
 * an autoscaling activity (UpdateEndpointWeightsAndCapacities sets Updating: SageMaker API Reference),
 * another update, SageMaker's own maintenance or rollback (API Reference, DescribeEndpoint: EndpointStatus).
 */
export const ENDPOINT_IN_PROGRESS_STATUSES: readonly string[] = ['Updating', 'SystemUpdating', 'RollingBack'];

/**
 * Application Auto Scaling's answer to a call while another update of the same target is pending
 * (API Reference, RegisterScalableTarget, DeregisterScalableTarget, PutScalingPolicy: Errors): tried
 * again like a denial.
 */
export const SCALING_TRANSIENT_ERRORS: readonly string[] = ['ConcurrentUpdateException'];

/** How often the before-update side asks whether the endpoint has left {@link ENDPOINT_IN_PROGRESS_STATUSES}. */
export const ENDPOINT_POLL_MS = 20_000;

export const SCALABLE_TARGET_HANDLER_CODE = `const https = require('node:https');
const sm = require('@aws-sdk/client-sagemaker');
const aas = require('@aws-sdk/client-application-auto-scaling');

exports.handler = async (event, context) => {
  authorizeUntil(context);
  const p = event.ResourceProperties;
  const response = {
    Status: 'SUCCESS',
    Reason: 'see CloudWatch Logs stream ' + context.logStreamName,
    PhysicalResourceId: event.PhysicalResourceId || 'endpoint/' + p.EndpointName + '/variant/' + p.VariantName,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
  };
  try {
    if (event.RequestType !== 'Delete') {
      console.log(await reconcile(p));
    }
  } catch (err) {
    console.error(err);
    response.Status = 'FAILED';
    response.Reason = (err.name + ': ' + err.message).slice(0, 1000);
  }
  await send(event.ResponseURL, JSON.stringify(response));
};

async function reconcile(p) {
  const running = await runningInstanceType(p.EndpointName, p.VariantName, String(p.WaitForEndpoint) === 'true' ? p.NextEndpointConfigName || '' : undefined);
  if (running === undefined) {
    return 'no endpoint ' + p.EndpointName + ' with variant ' + p.VariantName + ' yet: nothing to do';
  }
  const scaling = new aas.ApplicationAutoScalingClient({});
  const target = { ServiceNamespace: 'sagemaker', ResourceId: 'endpoint/' + p.EndpointName + '/variant/' + p.VariantName, ScalableDimension: 'sagemaker:variant:DesiredInstanceCount' };
  if (String(p.Autoscaling) !== 'true' || running !== p.InstanceType) {
    try {
      await whenAuthorized(() => scaling.send(new aas.DeregisterScalableTargetCommand(target)), CONCURRENT);
    } catch (err) {
      if (err.name !== 'ObjectNotFoundException') {
        throw err;
      }
    }
    return String(p.Autoscaling) !== 'true' ? 'autoscaling is off: scalable target deregistered'
      : running === UNKNOWN_TYPE ? 'the endpoint configuration the endpoint runs is gone, so its instance type is unknown: scalable target deregistered'
      : 'the endpoint runs ' + running + ', the template ' + p.InstanceType + ': scalable target deregistered';
  }
  await whenAuthorized(() => scaling.send(new aas.RegisterScalableTargetCommand({ ...target, MinCapacity: Number(p.MinCapacity), MaxCapacity: Number(p.MaxCapacity) })), CONCURRENT);
  await whenAuthorized(() => scaling.send(new aas.PutScalingPolicyCommand({
    ...target,
    PolicyName: p.PolicyName,
    PolicyType: 'TargetTrackingScaling',
    TargetTrackingScalingPolicyConfiguration: {
      TargetValue: Number(p.TargetValue),
      PredefinedMetricSpecification: { PredefinedMetricType: 'SageMakerVariantInvocationsPerInstance' },
      ScaleInCooldown: Number(p.ScaleInCooldown),
      ScaleOutCooldown: Number(p.ScaleOutCooldown),
    },
  })), CONCURRENT);
  return 'the endpoint runs ' + running + ': scalable target and policy registered';
}

const UNKNOWN_TYPE = 'an unknown instance type';
const CONCURRENT = ${JSON.stringify(SCALING_TRANSIENT_ERRORS)};
const IN_PROGRESS = ${JSON.stringify(ENDPOINT_IN_PROGRESS_STATUSES)};

// nextConfig: with WaitForEndpoint, the configuration the endpoint update is about to deploy; undefined: no wait.
async function runningInstanceType(endpointName, variantName, nextConfig) {
  const client = new sm.SageMakerClient({});
  const describe = async () => {
    try {
      return await whenAuthorized(() => client.send(new sm.DescribeEndpointCommand({ EndpointName: endpointName })));
    } catch (err) {
      if (err.name === 'ValidationException' && /could not find/i.test(err.message)) {
        return undefined;
      }
      throw err;
    }
  };
  let endpoint = await describe();
  // No UpdateEndpoint follows when the endpoint runs that configuration already (a rollback's Update, with the old one).
  while (nextConfig !== undefined && endpoint && endpoint.EndpointConfigName !== nextConfig && IN_PROGRESS.includes(endpoint.EndpointStatus)) {
    if (Date.now() + ${ENDPOINT_POLL_MS} > authorizationDeadline) {
      throw Object.assign(new Error('the endpoint ' + endpointName + ' is still ' + endpoint.EndpointStatus + ' (a scaling activity or another update), and SageMaker refuses to update an endpoint in progress: deploy again once it is InService'), { name: 'EndpointInProgress' });
    }
    console.log('the endpoint ' + endpointName + ' is ' + endpoint.EndpointStatus + ': waiting for it before its update');
    await new Promise((resolve) => setTimeout(resolve, ${ENDPOINT_POLL_MS}));
    endpoint = await describe();
  }
  if (endpoint === undefined) {
    return undefined;
  }
  let config;
  try {
    config = await whenAuthorized(() => client.send(new sm.DescribeEndpointConfigCommand({ EndpointConfigName: endpoint.EndpointConfigName })));
  } catch (err) {
    // Deleted since (by hand, or by a stack update that SageMaker's own rollback made obsolete).
    if (err.name === 'ValidationException' && /could not find/i.test(err.message)) {
      return UNKNOWN_TYPE;
    }
    throw err;
  }
  const variant = (config.ProductionVariants || []).find((v) => v.VariantName === variantName);
  return variant && variant.InstanceType;
}

${AUTHORIZATION_RETRY_CODE}
${CFN_RESPONSE_SEND_CODE}`;
