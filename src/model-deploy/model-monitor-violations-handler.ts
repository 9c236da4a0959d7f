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

/** How many pages of the schedule's executions (100 each, newest first) the function reads to find the job's. */
export const EXECUTION_PAGES = 3;

/**
 * The code of the function that tells whether a Model Monitor execution found violations, inlined into the
 * template. A monitoring job ends `Completed` with or without violations (the processing job has no status for
 * them); the execution's status says which. So, for the "SageMaker Processing Job State Change" event of a
 * completed job of the schedule, it lists the schedule's executions, newest first (ListMonitoringExecutions; up
 * to {@link EXECUTION_PAGES} pages, which covers an event EventBridge delivers a day late), finds the one of that
 * job, waits while it has not ended (SageMaker may update it after the job's event), and publishes
 * {@link VIOLATIONS_METRIC}: 1 for `CompletedWithViolations`, 0 for `Completed`. It fails, saying why (the
 * Lambda Errors alarm tells the topic), when the event names no job; when the execution ended `Failed` or
 * `Stopped` (it checked nothing, so it publishes nothing and leaves the violations alarm as it is); or when no
 * ended execution of the job is listed before the invocation's time runs out. `MONITORING_SCHEDULE_NAME` in its
 * environment names the schedule. Runs on the Node.js runtime, whose AWS SDK v3 it uses.
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
  const status = execution.MonitoringExecutionStatus;
  if (status !== 'Completed' && status !== 'CompletedWithViolations') {
    throw Object.assign(new Error('the Model Monitor execution of ' + jobArn + ' (scheduled ' + execution.ScheduledTime + ') ended ' + status
      + (execution.FailureReason ? ': ' + execution.FailureReason : '') + '; it checked nothing'), { name: 'ExecutionFailed' });
  }
  const violations = status === 'CompletedWithViolations' ? 1 : 0;
  await new cw.CloudWatchClient({}).send(new cw.PutMetricDataCommand({
    Namespace: ${JSON.stringify(MODEL_MONITOR_VIOLATIONS_NAMESPACE)},
    MetricData: [{ MetricName: ${JSON.stringify(VIOLATIONS_METRIC)}, Dimensions: [{ Name: 'MonitoringSchedule', Value: SCHEDULE }], Value: violations, Unit: 'Count' }],
  }));
  console.log('the execution of ' + jobArn + ' (scheduled ' + execution.ScheduledTime + ') ended ' + status + ': ${VIOLATIONS_METRIC} ' + violations);
};
async function endedExecution(jobArn, context) {
  const client = new sm.SageMakerClient({});
  for (;;) {
    const execution = await executionOf(client, jobArn);
    if (execution !== undefined && ENDED.includes(execution.MonitoringExecutionStatus)) {
      return execution;
    }
    if (context.getRemainingTimeInMillis() < ${EXECUTION_POLL_MS} + 5000) {
      throw Object.assign(new Error((execution === undefined
        ? 'the newest ' + ${EXECUTION_PAGES * 100} + ' executions of the schedule ' + SCHEDULE + ' include none of ' + jobArn
        : 'the execution of ' + jobArn + ' is still ' + execution.MonitoringExecutionStatus)
        + '. Look at the schedule\\'s executions in SageMaker'), { name: 'ExecutionNotEnded' });
    }
    await new Promise((resolve) => setTimeout(resolve, ${EXECUTION_POLL_MS}));
  }
}
async function executionOf(client, jobArn) {
  let token;
  for (let page = 0; page < ${EXECUTION_PAGES}; page++) {
    const answer = await client.send(new sm.ListMonitoringExecutionsCommand({
      MonitoringScheduleName: SCHEDULE, SortBy: 'ScheduledTime', SortOrder: 'Descending', MaxResults: 100, ...(token ? { NextToken: token } : {}),
    }));
    const found = (answer.MonitoringExecutionSummaries || [])
      .find((s) => typeof s.ProcessingJobArn === 'string' && s.ProcessingJobArn.toLowerCase() === jobArn.toLowerCase());
    if (found !== undefined || !answer.NextToken) {
      return found;
    }
    token = answer.NextToken;
  }
  return undefined;
}
`;
