import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { ROLLBACK_ALARM_MINUTES, ResolvedDeploymentGuardrails } from '../config';

/**
 * The alarms SageMaker watches during a blue/green deployment and rolls back on (developer guide
 * "Auto-Rollback Configuration and Monitoring"; AutoRollbackConfig takes 1..10 alarms): 5XX
 * answers and model latency of the endpoint's variant on the fleet of `endpointConfigName`, the
 * release's configuration. The same page: an alarm on the endpoint and variant alone also counts
 * the old fleet, and "if your old fleet trips the alarm during the deployment, SageMaker terminates
 * your deployment"; the dimension `EndpointConfigName` limits an alarm to the new fleet, whose
 * metrics SageMaker publishes with it from its first request on, also after the deployment. So a
 * release is judged on its own answers, and between releases the alarms watch the serving fleet.
 */
export function createRollbackAlarms(scope: Construct, endpointName: string, variantName: string, endpointConfigName: string, g: ResolvedDeploymentGuardrails): cloudwatch.Alarm[] {
  const dimensionsMap = { EndpointName: endpointName, VariantName: variantName, EndpointConfigName: endpointConfigName };
  const errors = new cloudwatch.Alarm(scope, 'Errors5xxAlarm', {
    alarmName: `${endpointName}-5xx-errors`,
    alarmDescription: `Rolls back a deployment of ${endpointName}: ${g.max5xxErrorsPerMinute} or more 5XX answers in a minute`,
    metric: new cloudwatch.Metric({ namespace: 'AWS/SageMaker', metricName: 'Invocation5XXErrors', dimensionsMap, statistic: 'Sum', period: Duration.minutes(1) }),
    threshold: g.max5xxErrorsPerMinute,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    evaluationPeriods: 1,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
  const latency = new cloudwatch.Alarm(scope, 'ModelLatencyAlarm', {
    alarmName: `${endpointName}-model-latency`,
    alarmDescription: `Rolls back a deployment of ${endpointName}: average model latency above ${g.maxModelLatencyMs} ms for ${ROLLBACK_ALARM_MINUTES} minutes`,
    // ModelLatency is reported in microseconds.
    metric: new cloudwatch.Metric({ namespace: 'AWS/SageMaker', metricName: 'ModelLatency', dimensionsMap, statistic: 'Average', period: Duration.minutes(1) }),
    threshold: g.maxModelLatencyMs * 1000,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: ROLLBACK_ALARM_MINUTES,
    datapointsToAlarm: ROLLBACK_ALARM_MINUTES,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
  return [errors, latency];
}
