import { createHash } from 'node:crypto';
import { Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
import { ResolvedDeploymentGuardrails, maximumExecutionSeconds } from '../config';

/**
 * The endpoint's DeploymentConfig with guardrails: a blue/green update shifting traffic as the
 * strategy says, rolled back by SageMaker when one of `alarms` trips during a baking period.
 */
export function blueGreenDeployment(g: ResolvedDeploymentGuardrails, alarms: readonly cloudwatch.Alarm[]): sagemaker.CfnEndpoint.DeploymentConfigProperty {
  return {
    blueGreenUpdatePolicy: {
      trafficRoutingConfiguration: trafficRouting(g),
      terminationWaitInSeconds: g.terminationWaitMinutes * 60,
      maximumExecutionTimeoutInSeconds: maximumExecutionSeconds(g),
    },
    autoRollbackConfiguration: { alarms: alarms.map((alarm) => ({ alarmName: alarm.alarmName })) },
  };
}

/** TrafficRoutingConfig of the guardrails; a canary in instances is CapacitySize INSTANCE_COUNT. */
export function trafficRouting(g: ResolvedDeploymentGuardrails): sagemaker.CfnEndpoint.TrafficRoutingConfigProperty {
  const waitIntervalInSeconds = g.waitMinutes * 60;
  switch (g.strategy) {
    case 'canary':
      return {
        type: 'CANARY', waitIntervalInSeconds,
        canarySize: g.canaryPercentage !== undefined ? { type: 'CAPACITY_PERCENT', value: g.canaryPercentage } : { type: 'INSTANCE_COUNT', value: g.canaryInstances! },
      };
    case 'linear':
      return { type: 'LINEAR', waitIntervalInSeconds, linearStepSize: { type: 'CAPACITY_PERCENT', value: g.linearStepPercentage } };
    default:
      return { type: 'ALL_AT_ONCE', waitIntervalInSeconds };
  }
}

/**
 * Gives the endpoint a new endpoint configuration whenever an update changes how it deploys.
 * CloudFormation updates an endpoint with UpdateEndpoint, which takes a new configuration (Amazon
 * SageMaker API Reference, UpdateEndpoint: "To update an endpoint, you must create a new
 * EndpointConfig"). A release makes one anyway (its model changes); an edit of the guardrails alone
 * (DeploymentConfig) or of the retained variant properties would not. So the configuration's logical
 * ID carries a digest of those properties: such an edit creates the next configuration, deployed as
 * the edited guardrails say, and CloudFormation deletes the previous one once the update has
 * succeeded. An endpoint without any of them keeps the logical ID it had.
 */
export function renewConfigWithDeployment(endpoint: sagemaker.CfnEndpoint, config: sagemaker.CfnEndpointConfig): void {
  const deployment = Stack.of(endpoint).resolve({
    DeploymentConfig: endpoint.deploymentConfig,
    RetainAllVariantProperties: endpoint.retainAllVariantProperties,
    ExcludeRetainedVariantProperties: endpoint.excludeRetainedVariantProperties,
    RetainDeploymentConfig: endpoint.retainDeploymentConfig,
  });
  if (Object.values(deployment).every((value) => value === undefined)) {
    return;
  }
  const digest = createHash('sha256').update(JSON.stringify(deployment)).digest('hex').slice(0, 8).toUpperCase();
  config.overrideLogicalId(`${config.node.id}${digest}`);
}
