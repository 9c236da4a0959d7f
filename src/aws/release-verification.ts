import { CloudFormationClient, DescribeStacksCommand, ListStackResourcesCommand, StackResourceSummary } from '@aws-sdk/client-cloudformation';
import {
  DescribeEndpointCommand,
  DescribeEndpointConfigCommand,
  DescribeModelCommand,
  DescribeModelCommandOutput,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import type { ResolvedModel } from '../app-context/resolved-model';
import { CliError, ifExists } from './errors';

/** The stack states after which a deploy may have changed the endpoint: anything else means the deploy failed or runs. */
export const DEPLOYED_STACK_STATES: ReadonlySet<string> = new Set(['CREATE_COMPLETE', 'UPDATE_COMPLETE']);

/** What a release must be serving: the endpoint, the stack that deployed it and the model version resolved for the release. */
export interface ReleaseVerificationOptions {
  readonly stackName: string;
  readonly endpointName: string;
  readonly model: ResolvedModel;
}

/** The outcome: what the stack deployed, what the endpoint serves, and every mismatch. */
export interface ReleaseVerificationReport {
  readonly stackName: string;
  readonly stackStatus?: string;
  readonly endpointName: string;
  readonly endpointStatus?: string;
  /** SageMaker's reason for the endpoint's last failed update, when it gives one (e.g. an automatic rollback). */
  readonly failureReason?: string;
  /** The endpoint configuration and model the stack deployed (physical ids: ARNs or names). */
  readonly deployed: { readonly endpointConfig?: string; readonly model?: string };
  /** The endpoint configuration and models the endpoint serves. */
  readonly serving: { readonly endpointConfigName?: string; readonly modelNames: readonly string[]; readonly modelPackages: readonly string[] };
  readonly expectedModelPackageArn: string;
  readonly failures: readonly string[];
  readonly passed: boolean;
}

/** The clients the verification calls: CloudFormation in the stack's account and region, SageMaker in the endpoint's. */
export interface ReleaseVerificationClients {
  readonly cloudFormation: CloudFormationClient;
  readonly sageMaker: SageMakerClient;
}

/**
 * Checks that a deployed release really serves what it deployed. CloudFormation may report an
 * endpoint update as complete once the endpoint is `InService` again, even when SageMaker's
 * deployment guardrails rolled it back to the previous endpoint configuration. So: the stack
 * must be CREATE_COMPLETE or UPDATE_COMPLETE; the endpoint InService on the endpoint
 * configuration of that stack (DescribeEndpoint, DescribeEndpointConfig against the stack's
 * `AWS::SageMaker::EndpointConfig`); every production variant on the stack's model; and that
 * model created from the resolved model package (DescribeModel: containers' ModelPackageName),
 * or, for a model built from a copied artifact, carrying the resolved version's artifact.
 *
 * @throws CliError when the stack or the endpoint does not exist
 */
export async function verifyRelease(clients: ReleaseVerificationClients, options: ReleaseVerificationOptions): Promise<ReleaseVerificationReport> {
  const { stackName, endpointName, model } = options;
  const failures: string[] = [];
  const stackStatus = await stackStatusOf(clients.cloudFormation, stackName);
  if (!DEPLOYED_STACK_STATES.has(stackStatus ?? '')) {
    failures.push(`stack ${stackName} is ${stackStatus ?? 'in no known state'}, not CREATE_COMPLETE or UPDATE_COMPLETE: the deploy did not complete`);
  }
  const resources = await stackResources(clients.cloudFormation, stackName);
  const deployedConfig = single(resources, 'AWS::SageMaker::EndpointConfig', stackName, failures);
  const deployedModel = single(resources, 'AWS::SageMaker::Model', stackName, failures);

  const endpoint = await ifExists(() => clients.sageMaker.send(new DescribeEndpointCommand({ EndpointName: endpointName })));
  if (!endpoint) {
    throw new CliError(`endpoint ${endpointName} does not exist in the client's account and region: was it deployed by ${stackName}?`);
  }
  const failureReason = endpoint.FailureReason || undefined;
  const because = failureReason ? ` (SageMaker: ${failureReason})` : '';
  if (endpoint.EndpointStatus !== 'InService') {
    failures.push(`endpoint ${endpointName} is ${endpoint.EndpointStatus ?? 'in no known state'}, not InService${because}`);
  }
  const servingConfig = endpoint.EndpointConfigName;
  const config = servingConfig === undefined ? undefined
    : await ifExists(() => clients.sageMaker.send(new DescribeEndpointConfigCommand({ EndpointConfigName: servingConfig })));
  if (deployedConfig !== undefined && !sameResource(deployedConfig, servingConfig, config?.EndpointConfigArn)) {
    failures.push(`endpoint ${endpointName} serves the endpoint configuration ${servingConfig ?? '(none)'}, not ${nameOf(deployedConfig)} that ${stackName} deployed: ` +
      `SageMaker kept or restored the previous configuration, as after a deployment guardrail's automatic rollback${because}`);
  }
  const modelNames = (config?.ProductionVariants ?? []).map((variant) => variant.ModelName ?? '');
  if (config && modelNames.length === 0) {
    failures.push(`endpoint configuration ${servingConfig} has no production variant`);
  }
  const modelPackages: string[] = [];
  for (const modelName of modelNames) {
    const described = modelName === '' ? undefined : await ifExists(() => clients.sageMaker.send(new DescribeModelCommand({ ModelName: modelName })));
    if (deployedModel !== undefined && !sameResource(deployedModel, modelName, described?.ModelArn)) {
      failures.push(`a production variant of ${servingConfig} serves the model ${modelName || '(none)'}, not ${nameOf(deployedModel)} that ${stackName} deployed`);
    }
    if (!described) {
      failures.push(`model ${modelName || '(none)'} of ${servingConfig} does not exist`);
      continue;
    }
    const served = servedVersion(described, model);
    modelPackages.push(served.source);
    if (served.problem) {
      failures.push(served.problem);
    }
  }
  return {
    stackName,
    stackStatus,
    endpointName,
    endpointStatus: endpoint.EndpointStatus,
    failureReason,
    deployed: { endpointConfig: deployedConfig, model: deployedModel },
    serving: { endpointConfigName: servingConfig, modelNames, modelPackages },
    expectedModelPackageArn: model.modelPackageArn,
    failures,
    passed: failures.length === 0,
  };
}

/** The human summary: what was expected, what is served, then each failure. */
export function formatReleaseVerification(report: ReleaseVerificationReport): string {
  return [
    `endpoint ${report.endpointName} (${report.endpointStatus ?? 'unknown'}), deployed by ${report.stackName} (${report.stackStatus ?? 'unknown'})`,
    `serving: endpoint configuration ${report.serving.endpointConfigName ?? '(none)'}, model ${report.serving.modelNames.join(', ') || '(none)'} from ${report.serving.modelPackages.join(', ') || '(unknown)'}`,
    `expected: ${report.expectedModelPackageArn}`,
    ...report.failures.map((failure) => `  ${failure}`),
    report.passed ? 'passed' : `failed: ${report.failures.length} ${report.failures.length === 1 ? 'failure' : 'failures'}`,
  ].join('\n');
}

/** Where the model comes from (its package, or its artifact) and why that is not the resolved version, if it is not. */
function servedVersion(described: DescribeModelCommandOutput, model: ResolvedModel): { source: string; problem?: string } {
  const containers = [...(described.PrimaryContainer ? [described.PrimaryContainer] : []), ...(described.Containers ?? [])];
  const packageName = containers.map((c) => c.ModelPackageName).find((name) => name);
  const name = described.ModelName;
  if (packageName) {
    const ok = packageName.toLowerCase() === model.modelPackageArn.toLowerCase();
    return { source: packageName, problem: ok ? undefined : `model ${name} serves the model package ${packageName}, not ${model.modelPackageArn} resolved for this release` };
  }
  // A stage outside the registry's region serves a copy of the version's artifact, under models/v<version>/.
  const artifact = containers.map((c) => c.ModelDataUrl).find((url) => url) ?? '(no artifact)';
  const ok = (model.modelDataUrl !== undefined && artifact === model.modelDataUrl) || artifact.includes(`/models/v${model.version}/`);
  return { source: artifact, problem: ok ? undefined : `model ${name} serves the artifact ${artifact}, not version ${model.version} of ${model.modelPackageGroupName}` };
}

async function stackStatusOf(client: CloudFormationClient, stackName: string): Promise<string | undefined> {
  try {
    const answer = await client.send(new DescribeStacksCommand({ StackName: stackName }));
    return answer.Stacks?.[0]?.StackStatus;
  } catch (err) {
    if ((err as { name?: string }).name === 'ValidationError' && /does not exist/i.test(String((err as Error).message))) {
      throw new CliError(`stack ${stackName} does not exist in the client's account and region`);
    }
    throw err;
  }
}

async function stackResources(client: CloudFormationClient, stackName: string): Promise<StackResourceSummary[]> {
  const resources: StackResourceSummary[] = [];
  let NextToken: string | undefined;
  do {
    const page = await client.send(new ListStackResourcesCommand({ StackName: stackName, NextToken }));
    resources.push(...(page.StackResourceSummaries ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  return resources;
}

/** The physical id of the stack's one resource of `type`; a missing or second one is a failure. */
function single(resources: readonly StackResourceSummary[], type: string, stackName: string, failures: string[]): string | undefined {
  const found = resources.filter((r) => r.ResourceType === type && r.PhysicalResourceId);
  if (found.length !== 1) {
    failures.push(`stack ${stackName} has ${found.length} ${type} resources, expected exactly 1`);
    return undefined;
  }
  return found[0].PhysicalResourceId;
}

/** Whether a physical id (an ARN or a name; SageMaker lowercases names in ARNs) names the resource of this name or ARN. */
function sameResource(physicalId: string, name: string | undefined, arn: string | undefined): boolean {
  if (arn !== undefined && physicalId.toLowerCase() === arn.toLowerCase()) {
    return true;
  }
  return name !== undefined && nameOf(physicalId).toLowerCase() === name.toLowerCase();
}

/** The name in an ARN (after the resource type's slash), or the id itself. */
function nameOf(physicalId: string): string {
  return physicalId.startsWith('arn:') ? physicalId.slice(physicalId.indexOf('/') + 1) : physicalId;
}

