import * as fs from 'node:fs';
import { Token } from 'aws-cdk-lib';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as pipelines from 'aws-cdk-lib/pipelines';

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

/** Where the Assets stage publishes the file assets of a pipeline's stages. */
export interface AssetBuckets {
  /**
   * The buckets in the pipeline's own account (names as the asset manifests write them,
   * `${AWS::AccountId}` and the like left for Fn::Sub), sorted, each once.
   */
  readonly own: readonly string[];
  /** How many destinations are in another account. */
  readonly elsewhere: number;
}

/**
 * The buckets into which the Assets stage publishes the file assets of the pipeline's stages: in
 * the pipeline's own account those whose publishing role is in `${AWS::AccountId}` or in `account`
 * (the pipeline stack's account, when it is known); the others counted.
 */
export function assetBuckets(pipeline: pipelines.CodePipeline, account: string): AssetBuckets {
  // The role's account, after `:iam::` (a placeholder such as `${AWS::Partition}` holds colons itself).
  const own = (roleArn: string | undefined) => {
    if (roleArn === undefined) {
      return true;
    }
    const roleAccount = /:iam::(\$\{AWS::AccountId\}|\d{12}):/.exec(roleArn)?.[1];
    return roleAccount === '${AWS::AccountId}' || (roleAccount !== undefined && !Token.isUnresolved(account) && roleAccount === account);
  };
  const buckets = new Set<string>();
  let elsewhere = 0;
  const manifests = new Map<string, any>();
  for (const stack of pipeline.waves.flatMap((wave) => wave.stages).flatMap((stage) => stage.stacks)) {
    for (const asset of stack.assets.filter((a) => a.assetType === pipelines.AssetType.FILE)) {
      if (!manifests.has(asset.assetManifestPath)) {
        manifests.set(asset.assetManifestPath, JSON.parse(fs.readFileSync(asset.assetManifestPath, 'utf8')));
      }
      const destinationId = asset.assetSelector.slice(asset.assetSelector.indexOf(':') + 1);
      const destination = manifests.get(asset.assetManifestPath).files?.[asset.assetId]?.destinations?.[destinationId];
      if (destination === undefined || !own(destination.assumeRoleArn)) {
        elsewhere++;
      } else {
        buckets.add(destination.bucketName);
      }
    }
  }
  return { own: [...buckets].sort(), elsewhere };
}
