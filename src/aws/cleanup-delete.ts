import { CloudFormationClient, DeleteStackCommand, Stack, StackEvent, paginateDescribeStackEvents } from '@aws-sdk/client-cloudformation';
import {
  DeleteEndpointCommand,
  DeleteEndpointConfigCommand,
  DeleteModelPackageCommand,
  DeleteModelPackageGroupCommand,
  PipelineExecutionSummary,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { Poller } from './cleanup-poller';
import { describeEndpoint, describeModelPackageGroup, describeStack, runningExecutions, versionArns } from './cleanup-reads';
import { CleanupClients, CleanupOutcome, EndpointStep, ModelPackageGroupStep, StackStep } from './cleanup-types';
import { CliError, isNotFound } from './errors';
import { formatDuration } from './format';
import { stopPipelineExecution } from './pipeline-execution';

export async function deleteStack(clients: Pick<CleanupClients, 'cloudFormation' | 'sageMaker'>, step: StackStep, poller: Poller): Promise<CleanupOutcome> {
  const client = clients.cloudFormation;
  const outcome = { type: step.type, name: step.name };
  if (!(await describeStack(client, step.stackId))) {
    return { ...outcome, result: 'skipped' };
  }
  for (const pipeline of step.pipelines) {
    await stopRunningExecutions(clients.sageMaker, pipeline.name, poller);
  }
  poller.report(`deleting stack ${step.name} (${step.status})…`);
  const started = poller.clock();
  await client.send(new DeleteStackCommand({ StackName: step.stackId }));
  await poller.until(`the deletion of stack ${step.name}`, async () => {
    const stack = await describeStack(client, step.stackId);
    if (stack?.StackStatus === 'DELETE_FAILED') {
      throw new CliError(await deleteFailure(client, step, stack));
    }
    return stack ? undefined : true;
  });
  return { ...outcome, result: 'deleted', detail: `took ${formatDuration(poller.clock() - started)}` };
}

/**
 * Stops every running execution of a SageMaker pipeline and waits until none runs: SageMaker API
 * Reference, DeletePipeline ("Deletes a pipeline if there are no running instances of the pipeline.
 * To delete a pipeline, you must stop all running instances"), so the stack's deletion would fail.
 * An execution that ends by itself meanwhile is fine; one SageMaker refuses to stop is named.
 */
async function stopRunningExecutions(client: SageMakerClient, pipeline: string, poller: Poller): Promise<void> {
  const running = await runningExecutions(client, pipeline);
  if (running.length === 0) {
    return;
  }
  poller.report(`stopping ${running.length === 1 ? 'the running execution' : `the ${running.length} running executions`} of SageMaker pipeline ${pipeline}…`);
  await stopExecuting(client, pipeline, running);
  // A schedule (the drift check, batch scoring) may start another meanwhile: each poll stops what executes.
  await poller.until(`the stop of the running executions of SageMaker pipeline ${pipeline}`, async () => {
    const still = await runningExecutions(client, pipeline);
    await stopExecuting(client, pipeline, still);
    return still.length === 0 ? true : undefined;
  });
}

/** Asks SageMaker to stop each of `executions` that is Executing; one it refuses that still executes stops cleanup. */
async function stopExecuting(client: SageMakerClient, pipeline: string, executions: readonly PipelineExecutionSummary[]): Promise<void> {
  for (const execution of executions.filter((e) => e.PipelineExecutionStatus === 'Executing')) {
    const refused = await stopPipelineExecution(client, execution.PipelineExecutionArn!);
    if (refused && (await runningExecutions(client, pipeline)).some((e) => e.PipelineExecutionArn === execution.PipelineExecutionArn && e.PipelineExecutionStatus === 'Executing')) {
      throw new CliError(`execution ${execution.PipelineExecutionArn} of SageMaker pipeline ${pipeline} could not be stopped (${refused}); stop it in SageMaker Studio, then run cleanup again: it continues where it stopped`);
    }
  }
}

/** The stack's reason and the first resource that failed in its latest deletion. */
async function deleteFailure(client: CloudFormationClient, step: StackStep, stack: Stack): Promise<string> {
  const failed = await firstFailedResource(client, step.stackId);
  return [
    `stack ${step.name} could not be deleted (DELETE_FAILED): ${stack.StackStatusReason ?? 'no reason given'}`,
    ...(failed ? [`  first failed resource: ${failed.LogicalResourceId} (${failed.ResourceType}${failed.PhysicalResourceId ? ` ${failed.PhysicalResourceId}` : ''}): ${failed.ResourceStatusReason ?? 'no reason given'}`] : []),
    '  fix the cause (or delete that resource by hand), then run cleanup again: it continues where it stopped',
  ].join('\n');
}

/** Events come newest first: the oldest DELETE_FAILED of a resource since the stack's latest DELETE_IN_PROGRESS. */
async function firstFailedResource(client: CloudFormationClient, stackId: string): Promise<StackEvent | undefined> {
  let first: StackEvent | undefined;
  for await (const page of paginateDescribeStackEvents({ client }, { StackName: stackId })) {
    for (const event of page.StackEvents ?? []) {
      const isStack = event.ResourceType === 'AWS::CloudFormation::Stack' && event.PhysicalResourceId === stackId;
      if (isStack && event.ResourceStatus === 'DELETE_IN_PROGRESS') {
        return first;
      }
      if (!isStack && event.ResourceStatus === 'DELETE_FAILED') {
        first = event;
      }
    }
  }
  return first;
}

export async function deleteEndpoint(client: SageMakerClient, step: EndpointStep, poller: Poller): Promise<CleanupOutcome> {
  const outcome = { type: step.type, name: step.name };
  let gone = false;
  poller.report(`deleting endpoint ${step.name} (${step.reason})…`);
  try {
    await client.send(new DeleteEndpointCommand({ EndpointName: step.name }));
  } catch (err) {
    if (!isNotFound(err)) {
      throw err;
    }
    gone = true;
  }
  if (!gone) {
    await poller.until(`the deletion of endpoint ${step.name}`, async () => ((await describeEndpoint(client, step.name)) ? undefined : true));
  }
  const config = step.endpointConfigName ? await deleteEndpointConfig(client, step.endpointConfigName) : undefined;
  return { ...outcome, result: gone ? 'skipped' : 'deleted', ...(config ? { detail: config } : {}) };
}

async function deleteEndpointConfig(client: SageMakerClient, name: string): Promise<string> {
  try {
    await client.send(new DeleteEndpointConfigCommand({ EndpointConfigName: name }));
    return `its endpoint config ${name} deleted too`;
  } catch (err) {
    if (isNotFound(err)) {
      return `its endpoint config ${name} was already deleted with its stack`;
    }
    throw err;
  }
}

export async function deleteModelPackageGroup(client: SageMakerClient, step: ModelPackageGroupStep, poller: Poller): Promise<CleanupOutcome> {
  const outcome = { type: step.type, name: step.name };
  // A group gone since the plan lists no versions rather than failing: only describing it tells.
  if (!(await describeModelPackageGroup(client, step.name))) {
    return { ...outcome, result: 'skipped' };
  }
  const arns = await versionArns(client, step.name);
  poller.report(`deleting the ${arns.length} versions of model package group ${step.name}, then the group…`);
  for (const arn of arns) {
    try {
      await client.send(new DeleteModelPackageCommand({ ModelPackageName: arn }));
    } catch (err) {
      if (!isNotFound(err)) {
        throw err;
      }
    }
  }
  if (arns.length > 0) {
    await poller.until(`the deletion of the versions of model package group ${step.name}`, async () => ((await versionArns(client, step.name)).length === 0 ? true : undefined));
  }
  try {
    await client.send(new DeleteModelPackageGroupCommand({ ModelPackageGroupName: step.name }));
  } catch (err) {
    if (!isNotFound(err)) {
      throw err;
    }
  }
  return { ...outcome, result: 'deleted', detail: arns.length === 1 ? 'and its version' : `and its ${arns.length} versions` };
}
