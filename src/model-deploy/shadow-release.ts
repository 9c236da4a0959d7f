import * as fs from 'node:fs';
import * as path from 'node:path';
import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ConfigError, ProjectConfig, ResolvedShadowRelease } from '../config';
import { acknowledgeWildcardResource } from '../validation/acknowledge';
import { endpointName } from './endpoint-stack';
import { endpointTypeArguments } from './endpoint-type-checks';
import { LIVE_MODEL_FILE, LiveModel, ResolvedModel, readLiveModel } from '../app-context/resolved-model';

/** The pipeline's CodePipeline stage of a shadow release's shadow phase, before the production stage. */
export const SHADOW_STAGE = 'ProdShadow';

/**
 * The shadow release of production, when `endpoints.prod.shadow` is on, checked against where
 * production is: in the model registry's account and region.
 *
 * @throws ConfigError for a production stage in another account or region than the registry's
 */
export function shadowReleaseOf(config: ProjectConfig): ResolvedShadowRelease | false {
  const prod = config.endpoints.prod;
  const shadow = prod.type === 'realtime' ? prod.shadow : false;
  if (!shadow) {
    return false;
  }
  const { build, prod: env } = config.environments;
  if (env.region !== build.region) {
    throw new ConfigError(
      `endpoints.prod.shadow needs environments.prod.region to be the model registry's region (${build.region}), got ${env.region}: ` +
      'the shadow variant\'s model comes from the candidate\'s model package, which SageMaker uses only in the package\'s region',
    );
  }
  if (env.account !== undefined && env.account !== build.account) {
    throw new ConfigError(
      `endpoints.prod.shadow needs environments.prod.account to be the build account (${build.account ?? 'the pipeline\'s'}), got ${env.account}: ` +
      'the synth step reads which version the production endpoint serves, and in another account the role that would let it is created by the production ' +
      'stack itself, so a first release could not be told from a denied role. Use shadow: false for a production account of its own',
    );
  }
  return shadow;
}

/**
 * The synth step's resolve-model: it checks that each stage's endpoint can become the type the
 * release deploys (`endpointTypeArguments`); with a shadow release, it also writes what production
 * serves (LIVE_MODEL_FILE).
 */
export function resolveModelShellCommand(config: ProjectConfig, out: string, shadow: boolean): string {
  const live = shadow ? ` --live-endpoint ${endpointName(config, 'prod')} --live-out ${LIVE_MODEL_FILE}` : '';
  return `npx sagemaker-gitops resolve-model --group ${config.modelPackageGroupName} --out ${out}${endpointTypeArguments(config)}${live}`;
}

/** The synth step copies the live model into its output, where the comparison reads whether there is a shadow phase. */
export function copyLiveModelCommand(): string {
  return `cp ${LIVE_MODEL_FILE} cdk.out/${LIVE_MODEL_FILE}`;
}

/**
 * What resolve-model --live-endpoint reads besides the production endpoint itself (which
 * `endpointTypeReadStatements` grants: a shadow release's production is in the pipeline's account):
 * its configuration and models (the registry reads are the synth's already).
 */
export function liveModelReadStatements(scope: Stack): iam.PolicyStatement[] {
  const at = (resource: string, resourceName: string) => scope.formatArn({ service: 'sagemaker', resource, resourceName, arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
  return [
    new iam.PolicyStatement({ actions: ['sagemaker:DescribeEndpointConfig'], resources: [at('endpoint-config', '*')] }),
    new iam.PolicyStatement({ actions: ['sagemaker:DescribeModel'], resources: [at('model', '*')] }),
  ];
}

/** Acknowledges the wildcards of `liveModelReadStatements`. */
export function acknowledgeLiveModelReadWildcards(scope: Stack, config: ProjectConfig): void {
  const at = (resource: string) => scope.formatArn({ service: 'sagemaker', resource, resourceName: '*', arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
  const endpoint = endpointName(config, 'prod');
  acknowledgeWildcardResource(scope, at('endpoint-config'),
    `resolve-model describes the endpoint configuration ${endpoint} serves, which CloudFormation names at deploy time; the action is read-only`);
  acknowledgeWildcardResource(scope, at('model'),
    `resolve-model describes the model ${endpoint} serves, which CloudFormation names at deploy time; the action is read-only`);
}

/**
 * What production serves, as the synth step's resolve-model wrote it into the repository
 * (`<repoDir>/live-model.json`). A local synth with the placeholder model and no such file has no
 * live model (the first-release layout).
 *
 * @throws ConfigError when the file is missing in a real synth, or names another endpoint
 */
export function liveModelFor(config: ProjectConfig, repoDir: string, candidate: ResolvedModel): LiveModel {
  const file = path.join(repoDir, LIVE_MODEL_FILE);
  const endpoint = endpointName(config, 'prod');
  if (candidate.placeholder && !fs.existsSync(file)) {
    return { endpointName: endpoint, none: 'a local synth with the placeholder model reads no live model' };
  }
  const live = readLiveModel(file);
  if (live.endpointName !== endpoint) {
    throw new ConfigError(`${file} describes the endpoint ${live.endpointName}, but the production endpoint is ${endpoint}: resolve the live model again with --live-endpoint ${endpoint}`);
  }
  return live;
}
