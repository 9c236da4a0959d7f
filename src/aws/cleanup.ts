import {
  CloudFormationClient,
  DeleteStackCommand,
  DescribeStacksCommand,
  Stack,
  StackEvent,
  StackResourceSummary,
  paginateDescribeStackEvents,
  paginateListStackResources,
} from '@aws-sdk/client-cloudformation';
import {
  DeleteBucketCommand,
  DeleteObjectsCommand,
  GetBucketTaggingCommand,
  ListObjectVersionsCommand,
  ObjectIdentifier,
  PutBucketLoggingCommand,
  S3Client,
  paginateListBuckets,
} from '@aws-sdk/client-s3';
import {
  DeleteEndpointCommand,
  DeleteEndpointConfigCommand,
  DeleteModelPackageCommand,
  DeleteModelPackageGroupCommand,
  DescribeEndpointCommand,
  DescribeModelPackageGroupCommand,
  SageMakerClient,
  paginateListModelPackages,
} from '@aws-sdk/client-sagemaker';
import { ProjectResourceNames } from '../project/resource-names';
import { CliError, isNotFound, isThrottling } from './errors';
import { formatDuration } from './format';

/** The clients cleanup calls: all of one account and region, the one being cleaned up. */
export interface CleanupClients {
  readonly cloudFormation: CloudFormationClient;
  readonly sageMaker: SageMakerClient;
  readonly s3: S3Client;
}

/** The project to clean up. */
export interface CleanupTarget {
  readonly projectName: string;
  /**
   * The model package group (name or ARN).
   * @default - the group of the model-build stack, else the project name
   */
  readonly modelPackageGroupName?: string;
  /**
   * Also delete the model registry entries and the retained buckets with their data.
   * @default false
   */
  readonly purge?: boolean;
}

/** A stack to delete, as found when planning. */
export interface StackStep {
  readonly type: 'stack';
  readonly name: string;
  readonly stackId: string;
  readonly status: string;
  /** Cleanup refuses to start while a stack of the plan has termination protection. */
  readonly terminationProtection: boolean;
}

/** An endpoint deleted by itself: retained by its stack, or left without one. */
export interface EndpointStep {
  readonly type: 'endpoint';
  readonly name: string;
  readonly status: string;
  /** Its endpoint configuration, deleted after it when its stack left it. */
  readonly endpointConfigName?: string;
  /** Why the stack deletion does not delete it. */
  readonly reason: string;
}

/** With `purge`: every version of the group, then the group. */
export interface ModelPackageGroupStep {
  readonly type: 'model-package-group';
  readonly name: string;
  /** The versions when planning; the step deletes those it finds when it runs. */
  readonly versions: number;
}

/** With `purge`: every object version and delete marker of a retained bucket, then the bucket. */
export interface BucketStep {
  readonly type: 'bucket';
  readonly name: string;
  /** The stack that created it. */
  readonly stackName: string;
}

/** One deletion, in the plan's order. */
export type CleanupStep = StackStep | EndpointStep | ModelPackageGroupStep | BucketStep;

/** A retained resource cleanup leaves in place. */
export interface KeptResource {
  readonly type: 'model-package-group' | 'bucket' | 'kms-key' | 'mlflow-tracking-server' | 'mlflow-app';
  /** The name, the key id of a KMS key, or the ARN of an MLflow App (its physical id). */
  readonly name: string;
  /** The stack that created it, when known. */
  readonly stackName?: string;
  /** A group's versions. */
  readonly versions?: number;
}

/** What cleanup looked for and did not find in this account and region. */
export interface MissingResource {
  readonly type: 'stack' | 'model-package-group';
  readonly name: string;
}

/** What cleanup deletes, keeps and did not find, computed with read-only calls. */
export interface CleanupPlan {
  readonly projectName: string;
  readonly region: string;
  readonly purge: boolean;
  /** In the order they run. */
  readonly steps: readonly CleanupStep[];
  readonly kept: readonly KeptResource[];
  readonly notFound: readonly MissingResource[];
}

/** How a step ended: `skipped` when what it deletes was already gone. */
export interface CleanupOutcome {
  readonly type: CleanupStep['type'];
  readonly name: string;
  readonly result: 'deleted' | 'skipped';
  readonly detail?: string;
}

/** How to run the plan. */
export interface CleanupOptions {
  /**
   * Called with a line for people at each step.
   * @default - nothing is reported
   */
  readonly onProgress?: (message: string) => void;
  /**
   * The time between polls while a stack, an endpoint or the model versions are being deleted.
   * @default 10_000
   */
  readonly pollIntervalMs?: number;
  /**
   * How long to wait for one stack, endpoint or group to be deleted before giving up.
   * @default 3_600_000 (an hour)
   */
  readonly timeoutMs?: number;
  /**
   * The current time in milliseconds.
   * @default Date.now
   */
  readonly clock?: () => number;
  /**
   * Waits `ms` milliseconds.
   * @default - a `setTimeout` promise
   */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** DeleteObjects takes at most this many keys. */
export const DELETE_OBJECTS_BATCH = 1000;

const STACK_RESOURCE_TYPES = {
  bucket: 'AWS::S3::Bucket',
  key: 'AWS::KMS::Key',
  mlflow: 'AWS::SageMaker::MlflowTrackingServer',
  mlflowApp: 'AWS::SageMaker::MlflowApp',
  group: 'AWS::SageMaker::ModelPackageGroup',
} as const;

/** CloudFormation tags every resource it creates with its stack's name; a retained bucket keeps the tag. */
const STACK_NAME_TAG = 'aws:cloudformation:stack-name';

/** The longest wait between polls after repeated throttling. */
const MAX_BACKOFF_MS = 5 * 60_000;

/** How often a bucket is emptied again when new objects (late access logs) arrived before its deletion. */
const BUCKET_DELETE_ATTEMPTS = 3;

/**
 * The project's stacks that cleanup looks for, in deletion order: the release pipeline first (so no
 * release starts while the endpoints go), then the endpoint stacks, then the build side.
 */
export function cleanupStackOrder(names: ProjectResourceNames): { readonly beforeEndpoints: string[]; readonly afterEndpoints: string[] } {
  return {
    beforeEndpoints: [names.modelDeployPipelineStack, names.endpointStack('prod'), names.endpointStack('staging')],
    afterEndpoints: [names.modelBuildPipelineStack, names.modelBuildStack],
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
  const order = cleanupStackOrder(names);
  const allStackNames = [...order.beforeEndpoints, ...order.afterEndpoints];

  const stacks = new Map<string, StackStep>();
  const resources: Array<StackResourceSummary & { readonly stackName: string }> = [];
  const notFound: MissingResource[] = [];
  for (const stackName of allStackNames) {
    const stack = await describeStack(clients.cloudFormation, stackName);
    if (!stack?.StackId) {
      notFound.push({ type: 'stack', name: stackName });
      continue;
    }
    stacks.set(stackName, {
      type: 'stack',
      name: stackName,
      stackId: stack.StackId,
      status: stack.StackStatus ?? 'UNKNOWN',
      terminationProtection: stack.EnableTerminationProtection === true,
    });
    resources.push(...(await retainedResources(clients.cloudFormation, stack.StackId)).map((r) => ({ ...r, stackName })));
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
        ...(endpoint.EndpointConfigName ? { endpointConfigName: endpoint.EndpointConfigName } : {}),
        reason: stackFound ? `its stack ${names.endpointStack(stage)} retains it` : `its stack ${names.endpointStack(stage)} is gone`,
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
  if (purge) {
    steps.push(...(group ? [{ type: 'model-package-group' as const, ...group }] : []));
    steps.push(...buckets.map((bucket) => ({ type: 'bucket' as const, ...bucket })));
  } else {
    kept.push(...(group ? [{ type: 'model-package-group' as const, ...group }] : []));
    kept.push(...buckets.map((bucket) => ({ type: 'bucket' as const, ...bucket })));
  }
  kept.push(...physicalIds(STACK_RESOURCE_TYPES.key).map((key) => ({ type: 'kms-key' as const, ...key })));
  kept.push(...physicalIds(STACK_RESOURCE_TYPES.mlflow).map((server) => ({ type: 'mlflow-tracking-server' as const, ...server })));
  // Experiments, runs and models are never deleted as a side effect: the app stays like the tracking server.
  kept.push(...physicalIds(STACK_RESOURCE_TYPES.mlflowApp).map((app) => ({ type: 'mlflow-app' as const, ...app })));
  return { projectName: target.projectName, region, purge, steps, kept, notFound };
}

/**
 * Runs a plan's steps in order, waiting for each stack and endpoint to be gone before the next
 * step. What is already gone is skipped. Stops at the first failure; what was deleted stays
 * deleted, so running cleanup again continues where it stopped.
 *
 * @throws CliError before any deletion when a stack has termination protection
 * @throws CliError when a stack deletion fails (naming its reason and the first resource that failed) or times out
 */
export async function executeCleanup(clients: CleanupClients, plan: CleanupPlan, options: CleanupOptions = {}): Promise<CleanupOutcome[]> {
  const protectedStacks = plan.steps.filter((step): step is StackStep => step.type === 'stack' && step.terminationProtection);
  if (protectedStacks.length > 0) {
    throw new CliError([
      `nothing was deleted: termination protection is on for ${protectedStacks.map((s) => `stack ${s.name}`).join(', ')}; turn it off first with:`,
      ...protectedStacks.map((s) => `  aws cloudformation update-termination-protection --no-enable-termination-protection --stack-name ${s.name} --region ${plan.region}`),
    ].join('\n'));
  }
  const poller = new Poller(options);
  const outcomes: CleanupOutcome[] = [];
  for (const step of plan.steps) {
    const outcome = await runStep(clients, step, poller);
    poller.report(formatOutcome(outcome));
    outcomes.push(outcome);
  }
  return outcomes;
}

/** How people read a step's type. */
export const STEP_LABELS: Readonly<Record<CleanupStep['type'] | KeptResource['type'], string>> = {
  'stack': 'stack',
  'endpoint': 'endpoint',
  'model-package-group': 'model package group',
  'bucket': 'bucket',
  'kms-key': 'KMS key',
  'mlflow-tracking-server': 'MLflow tracking server',
  'mlflow-app': 'MLflow App',
};

/** `deleted stack p-model-build (took 2m05s)`, `stack p-staging-endpoint: not found, skipped`. */
export function formatOutcome(outcome: CleanupOutcome): string {
  const what = `${STEP_LABELS[outcome.type]} ${outcome.name}`;
  return outcome.result === 'deleted'
    ? `deleted ${what}${outcome.detail ? ` (${outcome.detail})` : ''}`
    : `${what}: not found, skipped${outcome.detail ? ` (${outcome.detail})` : ''}`;
}

function runStep(clients: CleanupClients, step: CleanupStep, poller: Poller): Promise<CleanupOutcome> {
  switch (step.type) {
    case 'stack':
      return deleteStack(clients.cloudFormation, step, poller);
    case 'endpoint':
      return deleteEndpoint(clients.sageMaker, step, poller);
    case 'model-package-group':
      return deleteModelPackageGroup(clients.sageMaker, step, poller);
    case 'bucket':
      return deleteBucket(clients.s3, step);
  }
}

// ---- planning -------------------------------------------------------------------------------

async function describeStack(client: CloudFormationClient, stackName: string): Promise<Stack | undefined> {
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

/** The stack's buckets, keys, MLflow servers and model package groups that exist (all retained by the project's stacks). */
async function retainedResources(client: CloudFormationClient, stackId: string): Promise<StackResourceSummary[]> {
  const wanted: ReadonlySet<string> = new Set(Object.values(STACK_RESOURCE_TYPES));
  const found: StackResourceSummary[] = [];
  for await (const page of paginateListStackResources({ client }, { StackName: stackId })) {
    found.push(...(page.StackResourceSummaries ?? []).filter((r) =>
      wanted.has(r.ResourceType ?? '') && r.PhysicalResourceId && r.ResourceStatus !== 'DELETE_COMPLETE'));
  }
  return found;
}

/**
 * Buckets of this region that one of the project's stacks created and left when it was deleted:
 * their names start with the stack name (so with the project name, in lower case) and they keep
 * CloudFormation's stack-name tag.
 */
async function leftoverBuckets(client: S3Client, projectName: string, region: string, stackNames: readonly string[]): Promise<Array<{ name: string; stackName: string }>> {
  const found: Array<{ name: string; stackName: string }> = [];
  for await (const page of paginateListBuckets({ client }, { Prefix: projectName.toLowerCase(), BucketRegion: region })) {
    for (const bucket of page.Buckets ?? []) {
      const stackName = bucket.Name ? await stackNameTag(client, bucket.Name) : undefined;
      if (stackName && stackNames.includes(stackName)) {
        found.push({ name: bucket.Name!, stackName });
      }
    }
  }
  return found;
}

async function stackNameTag(client: S3Client, bucket: string): Promise<string | undefined> {
  try {
    const response = await client.send(new GetBucketTaggingCommand({ Bucket: bucket }));
    return response.TagSet?.find((tag) => tag.Key === STACK_NAME_TAG)?.Value;
  } catch (err) {
    if (errorName(err) === 'NoSuchTagSet' || errorName(err) === 'NoSuchBucket') {
      return undefined;
    }
    throw err;
  }
}

/**
 * The group's name from the model-build stack's physical id (its ARN, whose name SageMaker writes
 * in lower case), spelled as the project names it when they match; the project's name without one.
 */
function groupNameOf(physicalId: string | undefined, projectGroup: string): string {
  const name = physicalId?.split(':model-package-group/')[1] ?? physicalId;
  return name === undefined || name.toLowerCase() === projectGroup.toLowerCase() ? projectGroup : name;
}

async function describeEndpoint(client: SageMakerClient, endpointName: string) {
  try {
    return await client.send(new DescribeEndpointCommand({ EndpointName: endpointName }));
  } catch (err) {
    if (isNotFound(err)) {
      return undefined;
    }
    throw err;
  }
}

/** The group's name as SageMaker spells it and its version count, or undefined when it does not exist. */
async function describeGroup(client: SageMakerClient, groupId: string): Promise<{ name: string; versions: number } | undefined> {
  try {
    const group = await client.send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: groupId }));
    const name = group.ModelPackageGroupName ?? groupId;
    return { name, versions: (await versionArns(client, name)).length };
  } catch (err) {
    if (isNotFound(err)) {
      return undefined;
    }
    throw err;
  }
}

async function versionArns(client: SageMakerClient, groupName: string): Promise<string[]> {
  const arns: string[] = [];
  for await (const page of paginateListModelPackages({ client }, { ModelPackageGroupName: groupName })) {
    arns.push(...(page.ModelPackageSummaryList ?? []).flatMap((summary) => summary.ModelPackageArn ?? []));
  }
  return arns;
}

// ---- deleting -------------------------------------------------------------------------------

async function deleteStack(client: CloudFormationClient, step: StackStep, poller: Poller): Promise<CleanupOutcome> {
  const outcome = { type: step.type, name: step.name };
  if (!(await describeStack(client, step.stackId))) {
    return { ...outcome, result: 'skipped' };
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

async function deleteEndpoint(client: SageMakerClient, step: EndpointStep, poller: Poller): Promise<CleanupOutcome> {
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

async function deleteModelPackageGroup(client: SageMakerClient, step: ModelPackageGroupStep, poller: Poller): Promise<CleanupOutcome> {
  const outcome = { type: step.type, name: step.name };
  let arns: string[];
  try {
    arns = await versionArns(client, step.name);
  } catch (err) {
    if (isNotFound(err)) {
      return { ...outcome, result: 'skipped' };
    }
    throw err;
  }
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

async function deleteBucket(client: S3Client, step: BucketStep): Promise<CleanupOutcome> {
  const outcome = { type: step.type, name: step.name };
  try {
    // Stop server access logging into or from the bucket being emptied.
    await client.send(new PutBucketLoggingCommand({ Bucket: step.name, BucketLoggingStatus: {} }));
    let removed = 0;
    for (let attempt = 1; ; attempt++) {
      removed += await emptyBucket(client, step.name);
      try {
        await client.send(new DeleteBucketCommand({ Bucket: step.name }));
        return { ...outcome, result: 'deleted', detail: removed === 1 ? 'emptied of 1 object version or delete marker' : `emptied of ${removed} object versions and delete markers` };
      } catch (err) {
        // Objects written while it was emptied (late access logs): empty it again.
        if (errorName(err) !== 'BucketNotEmpty' || attempt >= BUCKET_DELETE_ATTEMPTS) {
          throw err;
        }
      }
    }
  } catch (err) {
    if (errorName(err) === 'NoSuchBucket') {
      return { ...outcome, result: 'skipped' };
    }
    throw err;
  }
}

/** Deletes every object version and delete marker, page by page; returns how many. */
async function emptyBucket(client: S3Client, bucket: string): Promise<number> {
  let removed = 0;
  let keyMarker: string | undefined;
  let versionIdMarker: string | undefined;
  for (;;) {
    const page = await client.send(new ListObjectVersionsCommand({ Bucket: bucket, KeyMarker: keyMarker, VersionIdMarker: versionIdMarker }));
    const objects: ObjectIdentifier[] = [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])]
      .flatMap((version) => (version.Key === undefined ? [] : [{ Key: version.Key, VersionId: version.VersionId }]));
    for (let start = 0; start < objects.length; start += DELETE_OBJECTS_BATCH) {
      const batch = objects.slice(start, start + DELETE_OBJECTS_BATCH);
      const response = await client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: batch, Quiet: true } }));
      const error = response.Errors?.[0];
      if (error) {
        throw new CliError(`cannot empty bucket ${bucket}: ${response.Errors!.length} objects were not deleted, the first ${error.Key} (version ${error.VersionId ?? 'none'}): ${error.Code}: ${error.Message}`);
      }
      removed += batch.length;
    }
    if (!page.IsTruncated) {
      return removed;
    }
    keyMarker = page.NextKeyMarker;
    versionIdMarker = page.NextVersionIdMarker;
  }
}

// ---- waiting --------------------------------------------------------------------------------

/** Polls with a fixed interval, doubling it while throttled, and gives up at the timeout. */
class Poller {
  public readonly clock: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly intervalMs: number;
  private readonly timeoutMs: number;
  private readonly onProgress: (message: string) => void;

  constructor(options: CleanupOptions) {
    this.clock = options.clock ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.intervalMs = options.pollIntervalMs ?? 10_000;
    this.timeoutMs = options.timeoutMs ?? 3_600_000;
    this.onProgress = options.onProgress ?? (() => undefined);
  }

  public report(message: string): void {
    this.onProgress(message);
  }

  /** Waits an interval, then calls `done` until it returns a value; a throttled call is tried again later. */
  public async until<T>(what: string, done: () => Promise<T | undefined>): Promise<T> {
    const start = this.clock();
    let delayMs = this.intervalMs;
    let throttled = 0;
    for (;;) {
      await this.sleep(Math.max(0, Math.min(delayMs, start + this.timeoutMs - this.clock())));
      try {
        const result = await done();
        if (result !== undefined) {
          return result;
        }
        throttled = 0;
        delayMs = this.intervalMs;
      } catch (err) {
        if (!isThrottling(err)) {
          throw err;
        }
        throttled += 1;
        delayMs = Math.min(this.intervalMs * 2 ** throttled, MAX_BACKOFF_MS);
        this.report(`  throttled (${(err as Error).name}: ${(err as Error).message}); polling again in ${formatDuration(delayMs)}`);
      }
      if (this.clock() - start >= this.timeoutMs) {
        throw new CliError(`${what} did not finish within ${formatDuration(this.timeoutMs)}; it may still be in progress: check it in the AWS console, then run cleanup again`);
      }
    }
  }
}

function errorName(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null ? (err as { name?: string }).name : undefined;
}
