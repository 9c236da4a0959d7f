import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { acknowledgeWildcardResource } from '../validation/acknowledge';

/** The log groups SageMaker jobs write to, by job kind. */
export const JOB_LOG_GROUPS = { processing: '/aws/sagemaker/ProcessingJobs', training: '/aws/sagemaker/TrainingJobs' } as const;

/** The ARNs of a log group: the group itself (`log-group:NAME`) and its log streams (`log-group:NAME:*`). */
export function logGroupArns(stack: Stack, logGroupName: string): { readonly group: string; readonly streams: string } {
  const arn = (resourceName: string) => stack.formatArn({ service: 'logs', resource: 'log-group', resourceName, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
  return { group: arn(logGroupName), streams: arn(`${logGroupName}:*`) };
}

/**
 * Lets a role's jobs log to their SageMaker log groups. `logs:CreateLogGroup` acts on the
 * log-group resource, whose ARN is `arn:...:log-group:NAME` without the `:*` of the streams
 * (Service Authorization Reference, "Actions, resources, and condition keys for Amazon CloudWatch
 * Logs": resource type log-group), so it is granted on both forms; the stream actions on `:*`.
 */
export function grantJobLogs(role: iam.Role, logGroupNames: readonly string[], reason: string): void {
  const stack = Stack.of(role);
  const arns = logGroupNames.map((name) => logGroupArns(stack, name));
  role.addToPolicy(new iam.PolicyStatement({
    sid: 'CreateJobLogGroups',
    actions: ['logs:CreateLogGroup'],
    resources: arns.flatMap((a) => [a.group, a.streams]),
  }));
  role.addToPolicy(new iam.PolicyStatement({
    sid: 'JobLogs',
    actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
    resources: arns.map((a) => a.streams),
  }));
  for (const { streams } of arns) {
    acknowledgeWildcardResource(role, streams, reason);
  }
}
