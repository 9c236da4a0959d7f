import { CloudFormationClient, DescribeStacksCommand, Stack } from '@aws-sdk/client-cloudformation';
import {
  DescribeEndpointCommand, DescribeMlflowAppCommand, DescribeMlflowTrackingServerCommand, DescribeModelPackageGroupCommand, PipelineExecutionSummary, SageMakerClient,
  paginateListMlflowApps, paginateListMlflowTrackingServers, paginateListModelPackages, paginateListPipelineExecutions,
} from '@aws-sdk/client-sagemaker';
import { isNotFound } from './errors';

export async function describeStack(client: CloudFormationClient, stackName: string): Promise<Stack | undefined> {
  try {
    const response = await client.send(new DescribeStacksCommand({ StackName: stackName }));
    const stack = response.Stacks?.[0];
    return stack?.StackStatus === 'DELETE_COMPLETE' ? undefined : stack;
  } catch (err) {
    if (isNotFound(err)) {
      return undefined;
    }
    throw err;
  }
}

export async function describeEndpoint(client: SageMakerClient, endpointName: string) {
  try {
    return await client.send(new DescribeEndpointCommand({ EndpointName: endpointName }));
  } catch (err) {
    if (isNotFound(err)) {
      return undefined;
    }
    throw err;
  }
}

export async function versionArns(client: SageMakerClient, groupName: string): Promise<string[]> {
  const arns: string[] = [];
  for await (const page of paginateListModelPackages({ client }, { ModelPackageGroupName: groupName })) {
    arns.push(...(page.ModelPackageSummaryList ?? []).flatMap((summary) => summary.ModelPackageArn ?? []));
  }
  return arns;
}

/**
 * The group, or undefined when it does not exist. Only DescribeModelPackageGroup tells: ListModelPackages
 * answers an empty list for a group that does not exist (see model-registry.ts).
 */
export async function describeModelPackageGroup(client: SageMakerClient, groupId: string) {
  try {
    return await client.send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: groupId }));
  } catch (err) {
    if (isNotFound(err)) {
      return undefined;
    }
    throw err;
  }
}

/** The statuses of a SageMaker pipeline execution that still runs (API Reference, PipelineExecutionSummary). */
export const RUNNING_EXECUTION_STATUSES: readonly string[] = ['Executing', 'Stopping'];

/**
 * The executions of a SageMaker pipeline (by name) that are Executing or Stopping; none when the
 * pipeline no longer exists.
 */
export async function runningExecutions(client: SageMakerClient, pipeline: string): Promise<PipelineExecutionSummary[]> {
  const running: PipelineExecutionSummary[] = [];
  try {
    for await (const page of paginateListPipelineExecutions({ client, pageSize: 100 }, { PipelineName: pipeline })) {
      running.push(...(page.PipelineExecutionSummaries ?? []).filter((e) => RUNNING_EXECUTION_STATUSES.includes(e.PipelineExecutionStatus ?? '')));
    }
  } catch (err) {
    if (isNotFound(err)) {
      return [];
    }
    throw err;
  }
  return running;
}

/**
 * The artifact store (`s3://…`) of an MLflow App (its ARN) or tracking server (its name), or
 * undefined when it no longer exists.
 */
export async function mlflowArtifactStore(client: SageMakerClient, backend: { readonly app?: string; readonly trackingServer?: string }): Promise<string | undefined> {
  try {
    const described = backend.app !== undefined
      ? await client.send(new DescribeMlflowAppCommand({ Arn: backend.app }))
      : await client.send(new DescribeMlflowTrackingServerCommand({ TrackingServerName: backend.trackingServer }));
    return described?.ArtifactStoreUri;
  } catch (err) {
    if (isNotFound(err)) {
      return undefined;
    }
    throw err;
  }
}

/**
 * The artifact stores (`s3://…`) of every MLflow App and tracking server of the client's account
 * and region: a bucket that holds one is never emptied, whichever stack or project made the backend,
 * and whether or not the stack that made it still exists.
 */
export async function mlflowArtifactStores(client: SageMakerClient): Promise<string[]> {
  const backends: Array<{ app?: string; trackingServer?: string }> = [];
  for await (const page of paginateListMlflowApps({ client }, {})) {
    backends.push(...(page.Summaries ?? []).flatMap((app) => (app.Arn ? [{ app: app.Arn }] : [])));
  }
  for await (const page of paginateListMlflowTrackingServers({ client }, {})) {
    backends.push(...(page.TrackingServerSummaries ?? []).flatMap((server) => (server.TrackingServerName ? [{ trackingServer: server.TrackingServerName }] : [])));
  }
  const stores: string[] = [];
  for (const backend of backends) {
    const store = await mlflowArtifactStore(client, backend);
    if (store) {
      stores.push(store);
    }
  }
  return stores;
}
