import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';

/** The namespace of the synth action's exported variables. */
export const SYNTH_VARIABLES_NAMESPACE = 'SynthVariables';

/**
 * Skips the stage `stageName` of a built CDK Pipelines pipeline unless the synth step's exported
 * `variable` says it is needed: a stage entry condition with the SKIP result and one VariableCheck
 * rule ("Configure conditions for a stage", AWS CodePipeline User Guide), which lets the stage run
 * unless the variable is exactly `not-needed` (the NE operator), so a check that could not tell
 * runs the stage. The synth action gets the namespace {@link SYNTH_VARIABLES_NAMESPACE}.
 *
 * @throws Error when the pipeline has no such stage, or no Synth action in a Build stage
 */
export function skipStageUnlessNeeded(pipeline: codepipeline.Pipeline, stageName: string, variable: string, ruleName: string): void {
  const stages = pipeline.stages;
  const index = stages.findIndex((stage) => stage.stageName === stageName);
  if (index < 0) {
    throw new Error(`the pipeline ${pipeline.pipelineName} has no ${stageName} stage (its stages: ${stages.map((s) => s.stageName).join(', ')})`);
  }
  // The synth action's variables get a namespace of their own (aws-cdk-lib names one only for outputs other steps consume).
  const build = stages.findIndex((stage) => stage.stageName === 'Build');
  const synthAction = build < 0 ? -1 : stages[build].actions.findIndex((action) => action.actionProperties.actionName === 'Synth');
  if (synthAction < 0) {
    throw new Error(`the pipeline ${pipeline.pipelineName} has no Synth action in a Build stage`);
  }
  const cfnPipeline = pipeline.node.defaultChild as codepipeline.CfnPipeline;
  cfnPipeline.addPropertyOverride(`Stages.${build}.Actions.${synthAction}.Namespace`, SYNTH_VARIABLES_NAMESPACE);
  cfnPipeline.addPropertyOverride(`Stages.${index}.BeforeEntry`, {
    Conditions: [{
      Result: 'SKIP',
      Rules: [{
        Name: ruleName,
        RuleTypeId: { Category: 'Rule', Owner: 'AWS', Provider: 'VariableCheck', Version: '1' },
        Configuration: { Variable: `#{${SYNTH_VARIABLES_NAMESPACE}.${variable}}`, Operator: 'NE', Value: 'not-needed' },
      }],
    }],
  });
}
