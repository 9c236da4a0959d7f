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
