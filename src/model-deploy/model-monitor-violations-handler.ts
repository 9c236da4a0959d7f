/** The CloudWatch namespace the Model Monitor violations check publishes to. */
export const MODEL_MONITOR_VIOLATIONS_NAMESPACE = 'SageMakerGitOps/ModelMonitor';

/** Per monitoring execution that ended: 1 when it found violations, else 0 (dimension `MonitoringSchedule`). */
export const VIOLATIONS_METRIC = 'ExecutionsWithViolations';

/**
 * The monitoring execution statuses that end an execution (SageMaker API Reference,
 * MonitoringExecutionSummary: MonitoringExecutionStatus; SageMaker Developer Guide, "Interpret results":
 * `CompletedWithViolations`, the execution completed but constraint violations were detected).
 */
export const EXECUTION_END_STATUSES: readonly string[] = ['Completed', 'CompletedWithViolations', 'Failed', 'Stopped'];

/** How often the function asks the schedule again while its last execution is not yet the ended job's. */
export const EXECUTION_POLL_MS = 10_000;

/**
 * The code of the function that tells whether a Model Monitor execution found violations, inlined into the
 * template. A monitoring job ends `Completed` with or without violations (the processing job has no status for
 * them); the execution's status says which, and DescribeMonitoringSchedule gives it for the schedule's last
 * execution (`LastMonitoringExecutionSummary`: its ProcessingJobArn and MonitoringExecutionStatus). So, for the
 * "SageMaker Processing Job State Change" event of a completed job of the schedule, it asks the schedule until
 * its last execution is that job's and has ended (SageMaker may update the summary after the job's event),
 * then publishes {@link VIOLATIONS_METRIC} 1 or 0. It fails, saying why, when the event names no job, or when the
 * schedule has not reported that job's execution as ended before the invocation's time runs out (its Errors
 * alarm tells the topic). `MONITORING_SCHEDULE_NAME` in its environment names the schedule. Runs on the
 * Node.js runtime, whose AWS SDK v3 it uses.
 */
export const VIOLATIONS_HANDLER_CODE = `const sm = require('@aws-sdk/client-sagemaker');
const cw = require('@aws-sdk/client-cloudwatch');
const SCHEDULE = process.env.MONITORING_SCHEDULE_NAME;
const ENDED = ${JSON.stringify(EXECUTION_END_STATUSES)};
exports.handler = async (event, context) => {
  const jobArn = event && event.detail && event.detail.ProcessingJobArn;
  if (typeof jobArn !== 'string' || jobArn === '') {
    throw new Error('the event names no processing job (detail.ProcessingJobArn): ' + JSON.stringify(event).slice(0, 500));
  }
  const execution = await endedExecution(jobArn, context);
  const violations = execution.MonitoringExecutionStatus === 'CompletedWithViolations' ? 1 : 0;
  await new cw.CloudWatchClient({}).send(new cw.PutMetricDataCommand({
    Namespace: ${JSON.stringify(MODEL_MONITOR_VIOLATIONS_NAMESPACE)},
    MetricData: [{ MetricName: ${JSON.stringify(VIOLATIONS_METRIC)}, Dimensions: [{ Name: 'MonitoringSchedule', Value: SCHEDULE }], Value: violations, Unit: 'Count' }],
  }));
  console.log('the execution of ' + jobArn + ' (scheduled ' + execution.ScheduledTime + ') ended ' + execution.MonitoringExecutionStatus + ': ${VIOLATIONS_METRIC} ' + violations);
};
async function endedExecution(jobArn, context) {
  const client = new sm.SageMakerClient({});
  for (;;) {
    const schedule = await client.send(new sm.DescribeMonitoringScheduleCommand({ MonitoringScheduleName: SCHEDULE }));
    const last = schedule.LastMonitoringExecutionSummary;
    const ours = last !== undefined && typeof last.ProcessingJobArn === 'string' && last.ProcessingJobArn.toLowerCase() === jobArn.toLowerCase();
    if (ours && ENDED.includes(last.MonitoringExecutionStatus)) {
      return last;
    }
    if (context.getRemainingTimeInMillis() < ${EXECUTION_POLL_MS} + 5000) {
      throw Object.assign(new Error('the schedule ' + SCHEDULE + ' does not report the execution of ' + jobArn + ' as ended; its last execution: '
        + (last === undefined ? 'none' : (last.ProcessingJobArn || 'no processing job') + ', ' + last.MonitoringExecutionStatus)
        + '. Look at the schedule\\'s executions in SageMaker'), { name: 'ExecutionNotEnded' });
    }
    await new Promise((resolve) => setTimeout(resolve, ${EXECUTION_POLL_MS}));
  }
}
`;
