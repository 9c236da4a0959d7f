import { DescribeEndpointCommand, DescribeEndpointConfigCommand, DescribeModelCommand, DescribeModelPackageCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { LiveModel, ResolvedModel, checkResolvedModel } from '../app-context/resolved-model';
import { describeEndpointModel, modelPackageOf } from './endpoint-model';
import { CliError, ifExists } from './errors';
import { toResolvedModel } from './model-registry';

/**
 * The version the production endpoint serves now, for a shadow release's synth: its first
 * production variant's model, the model package that model was created from, and that package in
 * the registry. An endpoint that does not exist serves none (the first release: no shadow phase).
 *
 * @throws CliError when the endpoint exists but what it serves cannot be told (a deleted model or
 * package, a model not created from a package): a shadow release must keep the live version as the
 * production variant, and never guesses it
 */
export async function findLiveModel(client: SageMakerClient, endpointName: string): Promise<LiveModel> {
  const endpoint = await describeEndpointModel(client, endpointName);
  if (!endpoint) {
    const region = await client.config.region();
    return { endpointName, none: `the endpoint ${endpointName} does not exist in ${region}: the first release has no live model to compare with, so it has no shadow phase` };
  }
  const served = endpoint.model;
  if (served.modelPackageArn === undefined || served.version === undefined) {
    throw new CliError(
      `cannot tell which model version the endpoint ${endpointName} serves (${served.unknownReason ?? 'no model package'}): a shadow release keeps that version ` +
      'as the production variant while the candidate runs in shadow, so it must be known. Fix the endpoint (or deploy once with endpoints.prod.shadow off)',
    );
  }
  const described = await client.send(new DescribeModelPackageCommand({ ModelPackageName: served.modelPackageArn }));
  const entry = toResolvedModel(served.modelPackageGroupName ?? '', served.modelPackageArn, described);
  const status = entry.approvalStatus;
  // A live version may have been rejected since it was deployed: it stays the production variant until the release replaces it.
  const model: ResolvedModel = checkResolvedModel({ ...entry, approvalStatus: 'Approved' }, `model package ${served.modelPackageArn} (served by ${endpointName})`);
  return { endpointName, model, ...(status === 'Approved' ? {} : { approvalStatusNow: String(status) }) };
}

/**
 * The model package the endpoint's first production variant serves now (DescribeEndpoint, its
 * configuration, that variant's model), without reading the registry; undefined when the endpoint
 * does not exist.
 *
 * @throws CliError when the endpoint exists but its model or package cannot be told
 */
export async function servedModelPackage(client: SageMakerClient, endpointName: string): Promise<string | undefined> {
  const endpoint = await ifExists(() => client.send(new DescribeEndpointCommand({ EndpointName: endpointName })));
  if (!endpoint) {
    return undefined;
  }
  const config = await client.send(new DescribeEndpointConfigCommand({ EndpointConfigName: endpoint.EndpointConfigName }));
  const modelName = config.ProductionVariants?.[0]?.ModelName;
  const packageArn = modelName === undefined ? undefined : modelPackageOf(await client.send(new DescribeModelCommand({ ModelName: modelName })));
  if (packageArn === undefined) {
    throw new CliError(`cannot tell which model package the endpoint ${endpointName} serves: its configuration ${endpoint.EndpointConfigName} names no model created from a package`);
  }
  return packageArn;
}
