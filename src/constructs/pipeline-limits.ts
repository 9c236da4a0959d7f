import { Stack, Token } from 'aws-cdk-lib';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import { ConfigError } from '../config/errors';

/**
 * CodePipeline's bounds on every value of an action's configuration (CodePipeline API Reference,
 * "ActionDeclaration": configuration values are ActionConfigurationValue, length 1..1000). Variable
 * syntax (`#{Namespace.Variable}`) counts as written, before it resolves ("Variables reference":
 * "do not exceed the 1000-character limit for the configuration fields").
 */
export const ACTION_CONFIGURATION_VALUE_LENGTH = { min: 1, max: 1000 } as const;

/** The longest action configuration value CodePipeline accepts. */
export const ACTION_CONFIGURATION_MAX_LENGTH = ACTION_CONFIGURATION_VALUE_LENGTH.max;

/**
 * Rejects a built pipeline whose actions have a configuration value CodePipeline refuses at
 * CreatePipeline/UpdatePipeline (an empty one, or one over 1000 characters: a long approval
 * comment, a CodeBuild action's EnvironmentVariables JSON, a long template path). Values that
 * hold unresolved tokens (a Ref, a joined ARN) are skipped: their length is only known at deploy
 * time.
 *
 * @throws ConfigError naming the stage, the action, the configuration key, its length and the bounds
 */
export function checkActionConfigurationLengths(pipeline: codepipeline.Pipeline): void {
  const cfn = pipeline.node.defaultChild as codepipeline.CfnPipeline;
  const stages = Stack.of(pipeline).resolve(cfn.stages) as any[];
  const name = cfn.name !== undefined && !Token.isUnresolved(cfn.name) ? cfn.name : pipeline.node.path;
  const { min, max } = ACTION_CONFIGURATION_VALUE_LENGTH;
  for (const stage of stages) {
    for (const action of stage.actions ?? []) {
      for (const [key, value] of Object.entries<unknown>(action.configuration ?? {})) {
        if (typeof value !== 'string' || Token.isUnresolved(value) || (value.length >= min && value.length <= max)) {
          continue;
        }
        throw new ConfigError(`the CodePipeline ${name}: action ${stage.name}/${action.name} has a configuration ${key} of ${value.length} characters; ` +
          `CodePipeline accepts ${min}..${max} (ActionConfigurationValue): ${JSON.stringify(value.slice(0, 120))}${value.length > 120 ? '...' : ''}`);
      }
    }
  }
}

/**
 * CodePipeline's rule for a pipeline name (CodePipeline API Reference, "PipelineDeclaration":
 * name, length 1..100, pattern `[A-Za-z0-9.@\-_]+`).
 */
export const PIPELINE_NAME_PATTERN = /^[A-Za-z0-9.@\-_]{1,100}$/;

/**
 * Rejects a pipeline name CodePipeline refuses, before anything is named after it. Unresolved
 * tokens are skipped.
 *
 * @throws ConfigError naming the value and the rule
 */
export function checkPipelineName(pipelineName: string): void {
  if (Token.isUnresolved(pipelineName) || PIPELINE_NAME_PATTERN.test(pipelineName)) {
    return;
  }
  throw new ConfigError(`pipelineName must be 1..100 characters of A-Z, a-z, 0-9, '.', '@', '-' and '_' (CodePipeline PipelineDeclaration name); got ${JSON.stringify(pipelineName)} (${pipelineName.length} characters)`);
}
