import * as events from 'aws-cdk-lib/aws-events';

/**
 * The EventBridge pattern of a failed stage of the CodePipeline `pipeline` (CodePipeline user guide, "Monitoring
 * CodePipeline events": source `aws.codepipeline`, detail-type "CodePipeline Stage Execution State Change", and in
 * its detail `pipeline`, `execution-id`, `stage` and `state`). A stage fails once per execution, where the pipeline's
 * own FAILED event would not name where.
 */
export function failedStageEventPattern(pipeline: string): events.EventPattern {
  return {
    source: ['aws.codepipeline'],
    detailType: ['CodePipeline Stage Execution State Change'],
    detail: { pipeline: [pipeline], state: ['FAILED'] },
  };
}

/** What a failed-stage notice says besides the stage, the execution and where to read why. */
export interface FailedStageText {
  /** Ends the first sentence ("The stage ... failed in the execution ..."). @default '.' */
  readonly outcome?: string;
  /** Sentences before the link to the execution. @default - none */
  readonly explain?: readonly string[];
  /** Sentences after the status command. @default - none */
  readonly note?: readonly string[];
}

/**
 * The text of a failed stage's notice: the stage, the execution, the execution's page in the CodePipeline console and
 * `sagemaker-gitops status`. One line (an SNS email shows the text as it is) and no angle brackets besides the
 * event's fields: EventBridge reads `<name>` in an input template as a placeholder.
 */
export function failedStageMessage(pipeline: string, projectName: string, text: FailedStageText = {}): events.RuleTargetInput {
  const stage = events.EventField.fromPath('$.detail.stage');
  const execution = events.EventField.fromPath('$.detail.execution-id');
  const region = events.EventField.fromPath('$.region');
  return events.RuleTargetInput.fromText([
    `The stage ${stage} of ${pipeline} failed in the execution ${execution}${text.outcome ?? '.'}`,
    ...text.explain ?? [],
    `Why: https://${region}.console.aws.amazon.com/codesuite/codepipeline/pipelines/${pipeline}/executions/${execution}/timeline?region=${region}`,
    `or npx sagemaker-gitops status --project ${projectName}.`,
    ...text.note ?? [],
  ].join(' '));
}
