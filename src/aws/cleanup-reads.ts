import { CloudFormationClient, DescribeStacksCommand, Stack } from '@aws-sdk/client-cloudformation';
import { DescribeEndpointCommand, DescribeModelPackageGroupCommand, SageMakerClient, paginateListModelPackages } from '@aws-sdk/client-sagemaker';
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
