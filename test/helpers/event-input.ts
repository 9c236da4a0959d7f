/**
 * What EventBridge sends a target for `evt` (EventBridge user guide, "Amazon EventBridge input transformation"):
 * each `<name>` of the template replaced by the value at its InputPathsMap path, a value inside a quoted string
 * inserted without quotes; a string template gives that string. Fails the test when the template has an angle-bracket
 * pair that is not a placeholder: EventBridge would read it as one.
 */
export function transformed(target: any, evt: unknown): string {
  const { InputPathsMap: paths, InputTemplate: inputTemplate } = target.InputTransformer;
  const valueAt = (jsonPath: string) => jsonPath.replace(/^\$\./, '').split('.').reduce((node: any, key) => node?.[key], evt);
  const placeholders = [...String(inputTemplate).matchAll(/<([^<>]*)>/g)].map((m) => m[1]);
  expect(placeholders.filter((name) => !(name in paths))).toEqual([]);
  return JSON.parse(String(inputTemplate).replace(/<([^<>]*)>/g, (_, name) => String(valueAt(paths[name]))));
}

/** A "CodePipeline Stage Execution State Change" event as the CodePipeline user guide's "Monitoring CodePipeline events" shows it. */
export function codePipelineStageEvent(account: string, pipeline: string, stage: string, state: string) {
  return {
    'version': '0',
    'detail-type': 'CodePipeline Stage Execution State Change',
    'source': 'aws.codepipeline',
    account,
    'region': 'us-east-1',
    'detail': { pipeline, 'version': 3, 'execution-id': '01234567-0123-0123-0123-012345678901', stage, state },
  };
}

/**
 * Checks that a rule's notice reaches its topic as TopicNotice delivers it: EventBridge's maximal retry policy (API
 * Reference, "RetryPolicy": 185 attempts, 86,400 s), then a dead-letter queue that only this rule may send to (user
 * guide, "Using dead-letter queues to process undelivered events in EventBridge"), whose alarm `alarmName` tells the
 * same topic.
 */
export function expectNoticeDelivery(template: { findResources(type: string): Record<string, any> }, notice: { ruleId: string; rule: any; topicId: string; alarmName: string }): void {
  const resources = (type: string) => Object.entries<any>(template.findResources(type));
  const [target] = notice.rule.Properties.Targets;
  expect(target.RetryPolicy).toEqual({ MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86_400 });
  const queueArn = target.DeadLetterConfig.Arn;
  const [queueId] = resources('AWS::SQS::Queue').find(([id]) => JSON.stringify(queueArn) === JSON.stringify({ 'Fn::GetAtt': [id, 'Arn'] }))!;
  const [, policy] = resources('AWS::SQS::QueuePolicy').find(([, p]) => JSON.stringify(p.Properties.Queues).includes(queueId))!;
  expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain(JSON.stringify({ 'Fn::GetAtt': [notice.ruleId, 'Arn'] }));
  const [, alarm] = resources('AWS::CloudWatch::Alarm').find(([, a]) => a.Properties.AlarmName === notice.alarmName)!;
  expect(alarm.Properties.AlarmActions).toEqual([{ Ref: notice.topicId }]);
  expect(alarm.Properties.Dimensions).toEqual([{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }]);
}
