import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as events from 'aws-cdk-lib/aws-events';
import * as sns from 'aws-cdk-lib/aws-sns';
import { DEAD_LETTER_RETENTION, deadLetterAlarm, deadLetterQueue, deliverToTopic } from '../../src/constructs/event-delivery';
// aws-cdk-lib's own CloudFormation validator on the tests' shared worker, not built again on this file's thread.
import '../helpers/suite-validation-worker';

/**
 * CloudWatch's evaluation of a one-period alarm with missing data not breaching, reduced to what matters here: the
 * state after each period, and an action each time the state becomes ALARM (CloudWatch user guide, "Alarm actions":
 * actions run on a state change, not again while the state holds).
 */
function notifications(alarm: any, datapoints: (number | undefined)[]): number {
  expect(alarm.EvaluationPeriods).toBe(1);
  expect(alarm.TreatMissingData).toBe('notBreaching');
  expect(alarm.ComparisonOperator).toBe('GreaterThanOrEqualToThreshold');
  let state = 'OK';
  let count = 0;
  for (const value of datapoints) {
    const next = value !== undefined && value >= alarm.Threshold ? 'ALARM' : 'OK';
    if (next === 'ALARM' && state !== 'ALARM') {
      count += 1;
    }
    state = next;
  }
  return count;
}

/**
 * What SQS publishes for a queue nobody reads, per five minutes, given the periods in which a dead letter arrived:
 * `NumberOfMessagesSent` (Sum) counts the SendMessage calls of the period, the backlog (Maximum) keeps growing until
 * the retention ("Available CloudWatch metrics for Amazon SQS").
 */
function queueMetric(metric: string, statistic: string, periods: number, arrivals: number[]): (number | undefined)[] {
  let backlog = 0;
  return Array.from({ length: periods }, (_, period) => {
    const sent = arrivals.filter((p) => p === period).length;
    backlog += sent;
    if (metric === 'NumberOfMessagesSent' && statistic === 'Sum') {
      return sent;
    }
    if (metric === 'ApproximateNumberOfMessagesVisible' && statistic === 'Maximum') {
      return backlog;
    }
    throw new Error(`no model of ${metric} (${statistic})`);
  });
}

describe('a dead-letter queue\'s alarm', () => {
  const stack = new Stack(new App(), 'Delivery', { env: { account: '111111111111', region: 'us-east-1' } });
  const topic = new sns.Topic(stack, 'Topic', { topicName: 'notices' });
  const rule = new events.Rule(stack, 'Rule', { ruleName: 'notices-rule', eventPattern: { source: ['aws.sagemaker'] } });
  deliverToTopic(rule, topic, { what: 'notices' });
  const queue = deadLetterQueue(stack, 'ScheduleDeadLetters', 'runs the schedule could not start');
  deadLetterAlarm(stack, 'ScheduleFailed', queue, 'schedule-failed', 'The schedule could not start the pipeline');
  const template = Template.fromStack(stack);
  const alarms = Object.values<any>(template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);

  // CloudWatch user guide, "Alarm actions", and SQS developer guide, "Available CloudWatch metrics for Amazon SQS":
  // EventBridge (a rule's DeadLetterConfig) and EventBridge Scheduler put dead letters with SendMessage, which
  // NumberOfMessagesSent counts; nothing here reads the queues, so a backlog alarm would stay in ALARM for 14 days.
  test('watches what arrives in each five minutes, not the backlog', () => {
    expect(alarms.map((a) => a.AlarmName).sort()).toEqual(['notices-rule-undelivered', 'schedule-failed']);
    for (const alarm of alarms) {
      expect(alarm).toMatchObject({
        Namespace: 'AWS/SQS', MetricName: 'NumberOfMessagesSent', Statistic: 'Sum', Period: 300,
        Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', EvaluationPeriods: 1, TreatMissingData: 'notBreaching',
      });
      expect(JSON.stringify(alarm.AlarmDescription)).toContain(`keeps them ${DEAD_LETTER_RETENTION.toDays()} days; this alarm goes off again whenever another arrives`);
    }
  });

  test('tells of a second failure an hour after the first, which an alarm on the backlog would not', () => {
    const arrivals = [0, 12];
    for (const alarm of alarms) {
      expect(notifications(alarm, queueMetric(alarm.MetricName, alarm.Statistic, 24, arrivals))).toBe(2);
      expect(notifications(alarm, queueMetric('ApproximateNumberOfMessagesVisible', 'Maximum', 24, arrivals))).toBe(1);
    }
  });
});
