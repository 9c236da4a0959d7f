import { CloudFormationClient, StackResourceSummary, paginateListStackResources } from '@aws-sdk/client-cloudformation';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { ProjectResourceNames } from '../app-context/resource-names';
import { leftoverBuckets } from './cleanup-buckets';
import { describeEndpoint, describeModelPackageGroup, describeStack, mlflowArtifactStores, runningExecutions, versionArns } from './cleanup-reads';
import { CleanupClients, CleanupPlan, CleanupStep, CleanupTarget, EndpointStep, KeptResource, MissingResource, StackStep } from './cleanup-types';

/** A stack's SageMaker pipelines: their running executions are stopped before the stack is deleted. */
const PIPELINE_RESOURCE_TYPE = 'AWS::SageMaker::Pipeline';

const STACK_RESOURCE_TYPES = {
  bucket: 'AWS::S3::Bucket',
  key: 'AWS::KMS::Key',
  mlflow: 'AWS::SageMaker::MlflowTrackingServer',
  mlflowApp: 'AWS::SageMaker::MlflowApp',
  group: 'AWS::SageMaker::ModelPackageGroup',
  logGroup: 'AWS::Logs::LogGroup',
  role: 'AWS::IAM::Role',
  repository: 'AWS::ECR::Repository',
} as const;

/** What deleting the release pipeline's cross-region support stack does beyond the stack. */
const SUPPORT_STACK_NOTE = 'aws-cdk-lib\'s cross-region support stack of the release pipeline: its replication key, which encrypts only the '
  + 'copies of the pipeline\'s artifacts for this region, is scheduled for deletion with it; its bucket stays';

/** The logical id of the MLflow backend's artifact-store role, kept with the backend (mlflow-backend.ts), as CDK writes it. */
const MLFLOW_STORE_ROLE = /^MlflowArtifactStoreRole[0-9A-F]{8}$/;

/**
 * The project's stacks that cleanup looks for, in deletion order: the release pipeline first (so no
 * release starts while the endpoints go), then batch scoring; then, after the endpoints that cleanup
 * deletes by itself, the endpoint stacks and the build side. The production endpoint goes before its
 * stack, which retains it: deleting the stack first would delete the endpoint config and the model's
 * role of a live endpoint, which the SageMaker API Reference forbids ("DeleteEndpointConfig": not
 * while an endpoint that uses it is live; "DeleteEndpoint": do not delete the ExecutionRoleArn's
 * permissions, or SageMaker cannot remove the endpoint's KMS grants).
 */
export function cleanupStackOrder(names: ProjectResourceNames, region: string): { readonly beforeEndpoints: string[]; readonly afterEndpoints: string[] } {
  return {
    beforeEndpoints: [names.modelDeployPipelineStack, names.crossRegionSupportStack(region), names.batchScoringStack],
    afterEndpoints: [names.endpointStack('prod'), names.endpointStack('staging'), names.modelBuildPipelineStack, names.modelBuildStack],
  };
}

/**
 * Finds what cleanup would delete and keep for a project in the clients' account and region,
 * with read-only calls: the project's stacks and their retained resources (read before the
 * stacks go, so the plan is complete), its endpoints, its model package group, and buckets its
 * deleted stacks left behind (found by their CloudFormation stack-name tag).
 */
export async function planCleanup(clients: CleanupClients, target: CleanupTarget): Promise<CleanupPlan> {
  const names = new ProjectResourceNames(target.projectName, target.modelPackageGroupName);
  const purge = target.purge ?? false;
  const region = await clients.cloudFormation.config.region();
  const order = cleanupStackOrder(names, region);
  const supportStack = names.crossRegionSupportStack(region);
  const allStackNames = [...order.beforeEndpoints, ...order.afterEndpoints];

  const stacks = new Map<string, StackStep>();
  const resources: Array<StackResourceSummary & { readonly stackName: string }> = [];
  const notFound: MissingResource[] = [];
  for (const stackName of allStackNames) {
    const stack = await describeStack(clients.cloudFormation, stackName);
    if (!stack?.StackId) {
      // An optional stack (batch scoring; the release pipeline's support stack of a stage region) that is not here was
      // most likely never deployed: not worth a line.
      if (stackName !== names.batchScoringStack && stackName !== supportStack) {
        notFound.push({ type: 'stack', name: stackName });
      }
      continue;
    }
    const listed = await stackResources(clients.cloudFormation, stack.StackId);
    const pipelines = [];
    // A pipeline's physical id is its name (CloudFormation Template Reference, AWS::SageMaker::Pipeline: Ref).
    for (const name of listed.filter((r) => r.ResourceType === PIPELINE_RESOURCE_TYPE).map((r) => r.PhysicalResourceId!)) {
      pipelines.push({ name, running: (await runningExecutions(clients.sageMaker, name)).length });
    }
    stacks.set(stackName, {
      type: 'stack',
      name: stackName,
      stackId: stack.StackId,
      status: stack.StackStatus ?? 'UNKNOWN',
      terminationProtection: stack.EnableTerminationProtection === true,
      pipelines,
      ...(stackName === supportStack ? { note: SUPPORT_STACK_NOTE } : {}),
    });
    // The support stack's key goes with it (aws-cdk-lib makes it RemovalPolicy.DESTROY); its bucket stays.
    resources.push(...retainedResources(listed).filter((r) => stackName !== supportStack || r.ResourceType === STACK_RESOURCE_TYPES.bucket).map((r) => ({ ...r, stackName })));
  }
  const physicalIds = (type: string) => resources.filter((r) => r.ResourceType === type).map((r) => ({ name: r.PhysicalResourceId!, stackName: r.stackName }));

  const buckets = physicalIds(STACK_RESOURCE_TYPES.bucket);
  for (const leftover of await leftoverBuckets(clients.s3, target.projectName, region, allStackNames)) {
    if (!buckets.some((bucket) => bucket.name === leftover.name)) {
      buckets.push(leftover);
    }
  }

  const endpoints: EndpointStep[] = [];
  for (const stage of ['prod', 'staging'] as const) {
    const stackFound = stacks.has(names.endpointStack(stage));
    // Staging goes with its stack; production is retained by its stack; either is left when its stack is gone.
    if (stage === 'staging' && stackFound) {
      continue;
    }
    const endpoint = await describeEndpoint(clients.sageMaker, names.endpoint(stage));
    if (endpoint) {
      endpoints.push({
        type: 'endpoint',
        name: names.endpoint(stage),
        status: endpoint.EndpointStatus ?? 'Unknown',
        // A stack that is still there deletes its endpoint config itself, once the endpoint is gone.
        ...(endpoint.EndpointConfigName && !stackFound ? { endpointConfigName: endpoint.EndpointConfigName } : {}),
        reason: stackFound
          ? `its stack ${names.endpointStack(stage)} retains it: deleted before the stack, which then deletes its endpoint config and model role`
          : `its stack ${names.endpointStack(stage)} is gone`,
      });
    }
  }

  const groupId = target.modelPackageGroupName ?? groupNameOf(physicalIds(STACK_RESOURCE_TYPES.group)[0]?.name, names.modelPackageGroup);
  const group = await describeGroup(clients.sageMaker, groupId);
  if (!group) {
    notFound.push({ type: 'model-package-group', name: groupId });
  }

  const steps: CleanupStep[] = [
    ...order.beforeEndpoints.flatMap((name) => stacks.get(name) ?? []),
    ...endpoints,
    ...order.afterEndpoints.flatMap((name) => stacks.get(name) ?? []),
  ];
  const kept: KeptResource[] = [];
  // A group the model-build stack created: its next create makes one of the same name (not a Studio launch's group, which it only uses).
  const groupStack = physicalIds(STACK_RESOURCE_TYPES.group)[0]?.stackName;
  if (purge) {
    steps.push(...(group ? [{ type: 'model-package-group' as const, ...group }] : []));
    // Cleanup never deletes an MLflow backend, and so keeps the bucket of its artifact store: its runs keep their models and
    // files. Every backend of the account and region counts, also one whose stack an earlier cleanup deleted.
    const stores = buckets.length > 0 ? await mlflowArtifactStores(clients.sageMaker) : [];
    for (const bucket of buckets) {
      const store = stores.find((uri) => uri.startsWith(`s3://${bucket.name}/`) || uri === `s3://${bucket.name}`);
      if (store) {
        kept.push({ type: 'bucket', ...bucket, mlflowArtifacts: store });
      } else {
        steps.push({ type: 'bucket', ...bucket });
      }
    }
  } else {
    kept.push(...(group ? [{ type: 'model-package-group' as const, ...group, ...(groupStack ? { recreatedBy: groupStack } : {}) }] : []));
    // aws-cdk-lib gives the support stack's bucket a fixed name, which the stack's next create takes again.
    kept.push(...buckets.map((bucket) => ({ type: 'bucket' as const, ...bucket, ...(bucket.stackName === supportStack ? { recreatedBy: supportStack } : {}) })));
  }
  kept.push(...physicalIds(STACK_RESOURCE_TYPES.key).map((key) => ({ type: 'kms-key' as const, ...key })));
  // A tracking server is named after the project; the build log groups after the pipelines (names.buildLogGroups).
  kept.push(...physicalIds(STACK_RESOURCE_TYPES.mlflow).map((server) => ({ type: 'mlflow-tracking-server' as const, ...server, recreatedBy: server.stackName })));
  // Experiments, runs and models are never deleted as a side effect: the app stays like the tracking server.
  kept.push(...physicalIds(STACK_RESOURCE_TYPES.mlflowApp).map((app) => ({ type: 'mlflow-app' as const, ...app })));
  // The backend's artifact-store role stays with it, so that a backend left in place still reads its artifacts.
  kept.push(...physicalIds(STACK_RESOURCE_TYPES.role).map((role) => ({ type: 'iam-role' as const, ...role })));
  // The step images' repository (no-internet jobs with MLflow) is named after the project (stepImageRepositoryNameFor).
  kept.push(...physicalIds(STACK_RESOURCE_TYPES.repository).map((repository) => ({ type: 'ecr-repository' as const, ...repository, recreatedBy: repository.stackName })));
  kept.push(...physicalIds(STACK_RESOURCE_TYPES.logGroup).map((logGroup) => ({
    type: 'log-group' as const, ...logGroup, ...(names.buildLogGroups.includes(logGroup.name) ? { recreatedBy: logGroup.stackName } : {}),
  })));
  return { projectName: target.projectName, region, purge, steps, kept, notFound };
}

/** The stack's resources that exist. */
async function stackResources(client: CloudFormationClient, stackId: string): Promise<StackResourceSummary[]> {
  const found: StackResourceSummary[] = [];
  for await (const page of paginateListStackResources({ client }, { StackName: stackId })) {
    found.push(...(page.StackResourceSummaries ?? []).filter((r) => r.PhysicalResourceId && r.ResourceStatus !== 'DELETE_COMPLETE'));
  }
  return found;
}

/** Of a stack's resources, its buckets, keys, MLflow backends, model package groups, log groups and ECR repositories (all retained by the project's stacks). */
function retainedResources(resources: readonly StackResourceSummary[]): StackResourceSummary[] {
  const wanted: ReadonlySet<string> = new Set(Object.values(STACK_RESOURCE_TYPES));
  // Of the roles, only the one the stack keeps: the others go with it.
  return resources.filter((r) => wanted.has(r.ResourceType ?? '')
    && (r.ResourceType !== STACK_RESOURCE_TYPES.role || MLFLOW_STORE_ROLE.test(r.LogicalResourceId ?? '')));
}

/**
 * The group's name from the model-build stack's physical id (its ARN, whose name SageMaker writes
 * in lower case), spelled as the project names it when they match; the project's name without one.
 */
function groupNameOf(physicalId: string | undefined, projectGroup: string): string {
  const name = physicalId?.split(':model-package-group/')[1] ?? physicalId;
  return name === undefined || name.toLowerCase() === projectGroup.toLowerCase() ? projectGroup : name;
}

/** The group's name as SageMaker spells it and its version count, or undefined when it does not exist. */
async function describeGroup(client: SageMakerClient, groupId: string): Promise<{ name: string; versions: number } | undefined> {
  const group = await describeModelPackageGroup(client, groupId);
  if (!group) {
    return undefined;
  }
  const name = group.ModelPackageGroupName ?? groupId;
  return { name, versions: (await versionArns(client, name)).length };
}
