import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ProjectConfig } from '../config';
import { STAGES, endpointName } from './endpoint-stack';
import { isCrossAccount } from './release-checks';

/**
 * The stages whose endpoint type the synth step's resolve-model checks before the release deploys
 * (`--endpoint-type`, `checkEndpointTypeChange`): those in the pipeline's account, in any region
 * (IAM is global, so the synth role may describe an endpoint of another region). A stage in an
 * account of its own is not read from the pipeline's account; there, SageMaker itself refuses a
 * real-time endpoint turned serverless when the stage deploys.
 */
function checkedStages(config: ProjectConfig) {
  return STAGES.filter((stage) => !isCrossAccount(config, stage));
}

/** resolve-model's `--endpoint-type` arguments: `<stage>:<endpoint>[@<region>]=<type>`, the region only where it is not the build region. */
export function endpointTypeArguments(config: ProjectConfig): string {
  return checkedStages(config).map((stage) => {
    const region = config.environments[stage].region;
    const at = region === config.environments.build.region ? '' : `@${region}`;
    return ` --endpoint-type ${stage}:${endpointName(config, stage)}${at}=${config.endpoints[stage].type}`;
  }).join('');
}

/** What the checks read: DescribeEndpoint of each checked stage's endpoint (its variants tell serverless from instances). */
export function endpointTypeReadStatements(scope: Stack, config: ProjectConfig): iam.PolicyStatement[] {
  const stages = checkedStages(config);
  if (stages.length === 0) {
    return [];
  }
  const resources = stages.map((stage) => scope.formatArn({
    service: 'sagemaker', region: config.environments[stage].region, resource: 'endpoint', resourceName: endpointName(config, stage).toLowerCase(),
  }));
  return [new iam.PolicyStatement({ actions: ['sagemaker:DescribeEndpoint'], resources })];
}
