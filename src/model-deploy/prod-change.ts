import { ArnFormat, CfnParameter, Stack, Stage } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ProjectConfig } from '../config';
import { LIBRARY_NAME } from '../app-context/versions';
import { resourceNamesOf } from '../app-context/resource-names';
import { acknowledgeWildcardResource } from '../validation/acknowledge';
import { isCrossAccount } from './release-checks';

/**
 * The synth step's variable that says whether the release would change production
 * (`prod-change-check`): the production stages (ProdShadow with a shadow release, and Prod) run
 * unless it is `not-needed`.
 */
export const PROD_CHANGE_VARIABLE = 'PROD_CHANGE';

/** The stage-entry rule that skips the production stages. */
export const PROD_CHANGE_RULE = 'ProductionChanged';

/**
 * Whether the synth step can tell that a release leaves production unchanged: only when
 * production is in the pipeline's account, where the synth role may read its stacks. With
 * production in an account of its own the production stages always run, as before this check.
 */
export function prodChangeCheckOf(config: ProjectConfig): boolean {
  return !isCrossAccount(config, 'prod');
}

/**
 * The synth step's command: compares the production stage's stacks (its nested cloud assembly,
 * `prodStage.artifactId`) with the deployed ones; a failed check keeps the default, `needed`.
 */
export function prodChangeCheckCommand(config: ProjectConfig, prodStage: Stage): string {
  const check = `npx ${LIBRARY_NAME} prod-change-check --assembly cdk.out/${prodStage.artifactId} --pipeline ${resourceNamesOf(config).modelDeployCodePipeline}`;
  return `${PROD_CHANGE_VARIABLE}=$(${check}) || ${PROD_CHANGE_VARIABLE}=needed`;
}

/**
 * What `prod-change-check` reads: the production stage's stacks (the endpoint stack, and batch
 * scoring's when on) in production's region, the SSM parameters they resolve at deploy (the MLflow
 * backend's, for a drift check in this account), and this pipeline's state and executions.
 */
export function prodChangeReadStatements(scope: Stack, config: ProjectConfig, prodStage: Stage): iam.PolicyStatement[] {
  const parameters = [...new Set(prodStage.node.findAll()
    .filter((c): c is CfnParameter => c instanceof CfnParameter && /^AWS::SSM::Parameter::Value</.test(c.type) && typeof c.default === 'string')
    .map((p) => String(p.default)))]
    .map((name) => scope.formatArn({ service: 'ssm', region: config.environments.prod.region, resource: 'parameter', resourceName: name.replace(/^\//, '') }));
  return [
    new iam.PolicyStatement({ actions: ['cloudformation:DescribeStacks', 'cloudformation:GetTemplate'], resources: prodStackArns(scope, config) }),
    new iam.PolicyStatement({
      actions: ['codepipeline:GetPipelineState', 'codepipeline:ListPipelineExecutions'],
      resources: [scope.formatArn({ service: 'codepipeline', resource: resourceNamesOf(config).modelDeployCodePipeline, arnFormat: ArnFormat.NO_RESOURCE_NAME })],
    }),
    ...(parameters.length > 0 ? [new iam.PolicyStatement({ actions: ['ssm:GetParameters'], resources: parameters })] : []),
  ];
}

/** Acknowledges the wildcards of `prodChangeReadStatements`: each stack's ARN ends in its id. */
export function acknowledgeProdChangeReadWildcards(scope: Stack, config: ProjectConfig): void {
  for (const arn of prodStackArns(scope, config)) {
    acknowledgeWildcardResource(scope, arn,
      'a stack\'s ARN ends in the id CloudFormation gives it at creation; the synth step compares the deployed production stack with this release\'s, read-only');
  }
}

function prodStackArns(scope: Stack, config: ProjectConfig): string[] {
  const names = resourceNamesOf(config);
  const stacks = [names.endpointStack('prod'), ...(config.batchScoring !== undefined ? [names.batchScoringStack] : [])];
  return stacks.map((stackName) => scope.formatArn({ service: 'cloudformation', region: config.environments.prod.region, resource: 'stack', resourceName: `${stackName}/*` }));
}
