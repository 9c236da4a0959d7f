import {
  CloudFormationClient,
  CloudFormationServiceException,
  DeleteStackCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ListStackResourcesCommand,
  StackEvent,
  StackResourceSummary,
} from '@aws-sdk/client-cloudformation';
import {
  DeleteBucketCommand,
  DeleteObjectsCommand,
  GetBucketTaggingCommand,
  ListBucketsCommand,
  ListObjectVersionsCommand,
  PutBucketLoggingCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import {
  DeleteEndpointCommand,
  DeleteEndpointConfigCommand,
  DeleteModelPackageCommand,
  DeleteModelPackageGroupCommand,
  DescribeEndpointCommand,
  DescribeMlflowAppCommand,
  DescribeMlflowTrackingServerCommand,
  DescribeModelPackageGroupCommand,
  ListMlflowAppsCommand,
  ListMlflowTrackingServersCommand,
  ListModelPackagesCommand,
  ListPipelineExecutionsCommand,
  SageMakerClient,
  SageMakerServiceException,
  StopPipelineExecutionCommand,
} from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { CleanupClients, CleanupOptions, CleanupPlan, CliError, DELETE_OBJECTS_BATCH, createAwsClient, executeCleanup, planCleanup } from '../../src/aws';
import { formatPlan } from '../../src/cli/cleanup';
import { JsonResponse, THROTTLED, byOperation, isolateAwsEnvironment, stubJsonHttp } from '../helpers/aws-http';

const REGION = 'eu-west-1';
const ACCOUNT = '123456789012';
const P = 'churn';
const STACKS = {
  deployPipeline: `${P}-model-deploy-pipeline`,
  prod: `${P}-prod-endpoint`,
  staging: `${P}-staging-endpoint`,
  buildPipeline: `${P}-model-build-pipeline`,
  build: `${P}-model-build`,
};
const stackId = (name: string) => `arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/${name}/0000-${name}`;
const packageArn = (group: string, version: number) => `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package/${group.toLowerCase()}/${version}`;
const executionArn = (pipeline: string, id: string) => `arn:aws:sagemaker:${REGION}:${ACCOUNT}:pipeline/${pipeline}/execution/${id}`;
const groupArn = (group: string) => `arn:aws:sagemaker:${REGION}:${ACCOUNT}:model-package-group/${group.toLowerCase()}`;

// Instance mocks, so the throttling test can use real clients from the factory.
const clients: CleanupClients = {
  cloudFormation: new CloudFormationClient({ region: REGION }),
  sageMaker: new SageMakerClient({ region: REGION }),
  s3: new S3Client({ region: REGION }),
};
const cfn = mockClient(clients.cloudFormation);
const sm = mockClient(clients.sageMaker);
const s3 = mockClient(clients.s3);

const cfnError = (name: string, message: string) => new CloudFormationServiceException({ name, message, $fault: 'client', $metadata: {} });
const smError = (name: string, message: string) => new SageMakerServiceException({ name, message, $fault: 'client', $metadata: {} });
const s3Error = (name: string, message: string) => new S3ServiceException({ name, message, $fault: 'client', $metadata: {} });

interface FakeStack {
  readonly name: string;
  status: string;
  readonly resources: StackResourceSummary[];
  readonly protection?: boolean;
  /** Polls that still see DELETE_IN_PROGRESS after DeleteStack. */
  pollsLeft: number;
  /** Deleting it fails with this reason and these events (newest first). */
  readonly failure?: { readonly reason: string; readonly events: StackEvent[] };
  /** Endpoints (and their configs) the stack deletes with itself. */
  readonly ownsEndpoints: string[];
  /** Endpoint configs the stack deletes with itself, though an endpoint it retains uses them (production's). */
  readonly ownsConfigs: string[];
}

interface FakeBucket {
  objects: Array<{ Key: string; VersionId: string; marker?: boolean }>;
  readonly tags?: Record<string, string>;
}

/**
 * A small account: stacks, endpoints, a model package group and buckets, answering the calls
 * cleanup makes as the services do; every mutating call is logged in order.
 */
class World {
  public readonly stacks = new Map<string, FakeStack>();
  public readonly endpoints = new Map<string, { status: string; config: string; pollsLeft: number }>();
  public readonly endpointConfigs = new Set<string>();
  /**
   * Endpoint configs deleted while an endpoint that is not being deleted used them, which the SageMaker
   * API Reference forbids ("DeleteEndpointConfig": not while an endpoint that uses it is live).
   */
  public readonly liveConfigsDeleted: string[] = [];
  public group?: { name: string; versions: number[] };
  /** The artifact store of each MLflow backend of the account, by tracking server name or App ARN. */
  public readonly mlflowStores = new Map<string, string>();
  /** Called at each listing of a pipeline's executions (a schedule that starts one meanwhile). */
  public onListExecutions?: (pipeline: string) => void;
  /** SageMaker pipelines by name, with their executions: a Stopping one is Stopped after `pollsLeft` listings. */
  public readonly pipelines = new Map<string, Array<{ arn: string; status: string; pollsLeft: number; refusesStop?: boolean }>>();
  public readonly buckets = new Map<string, FakeBucket>();
  public readonly log: string[] = [];
  /** The pages asked for, as `<operation> <token>` (paginators reuse one input object, so the mock's records do not show them). */
  public readonly pages: string[] = [];
  /** Objects that arrive in a bucket just before its deletion (late access logs), once. */
  public readonly lateObjects = new Map<string, string>();
  /** Page sizes, small so every listing spans pages. */
  public pageSize = 2;
  public objectPageSize = 3;

  constructor() {
    cfn.on(DescribeStacksCommand).callsFake(({ StackName }) => {
      const stack = [...this.stacks.values()].find((s) => s.name === StackName || stackId(s.name) === StackName);
      const byId = StackName.startsWith('arn:');
      if (!stack || (!byId && stack.status === 'DELETE_COMPLETE')) {
        throw cfnError('ValidationError', `Stack with id ${StackName} does not exist`);
      }
      if (stack.status === 'DELETE_IN_PROGRESS') {
        if (stack.pollsLeft > 0) {
          stack.pollsLeft -= 1;
        } else {
          // SageMaker API Reference, DeletePipeline: a pipeline with running executions is not deleted.
          const runs = stack.resources.filter((r) => r.ResourceType === 'AWS::SageMaker::Pipeline')
            .some((r) => (this.pipelines.get(r.PhysicalResourceId!) ?? []).some((e) => ['Executing', 'Stopping'].includes(e.status)));
          stack.status = stack.failure || runs ? 'DELETE_FAILED' : 'DELETE_COMPLETE';
          // CloudFormation deletes an endpoint before the config it depends on.
          for (const endpoint of stack.ownsEndpoints) {
            const config = this.endpoints.get(endpoint)?.config;
            this.endpoints.delete(endpoint);
            if (config !== undefined) {
              this.deleteConfig(config);
            }
          }
          stack.ownsConfigs.forEach((config) => this.deleteConfig(config));
        }
      }
      return {
        Stacks: [{
          StackName: stack.name, StackId: stackId(stack.name), StackStatus: stack.status, CreationTime: new Date(),
          EnableTerminationProtection: stack.protection ?? false,
          StackStatusReason: stack.status === 'DELETE_FAILED' ? stack.failure?.reason : undefined,
        }],
      };
    });
    cfn.on(DeleteStackCommand).callsFake(({ StackName }) => {
      const stack = [...this.stacks.values()].find((s) => stackId(s.name) === StackName)!;
      this.log.push(`DeleteStack ${stack.name}`);
      stack.status = 'DELETE_IN_PROGRESS';
      return {};
    });
    cfn.on(ListStackResourcesCommand).callsFake(({ StackName, NextToken }) => {
      const stack = [...this.stacks.values()].find((s) => stackId(s.name) === StackName)!;
      this.pages.push(`ListStackResources ${NextToken ?? '-'}`);
      return this.page(stack.resources, NextToken, (StackResourceSummaries, next) => ({ StackResourceSummaries, NextToken: next }));
    });
    cfn.on(DescribeStackEventsCommand).callsFake(({ StackName, NextToken }) => {
      const stack = [...this.stacks.values()].find((s) => stackId(s.name) === StackName)!;
      this.pages.push(`DescribeStackEvents ${NextToken ?? '-'}`);
      return this.page(stack.failure?.events ?? [], NextToken, (StackEvents, next) => ({ StackEvents, NextToken: next }));
    });

    sm.on(DescribeEndpointCommand).callsFake(({ EndpointName }) => {
      const endpoint = this.endpoints.get(EndpointName);
      if (!endpoint) {
        throw smError('ValidationException', `Could not find endpoint "${EndpointName}".`);
      }
      if (endpoint.status === 'Deleting' && endpoint.pollsLeft-- <= 0) {
        this.endpoints.delete(EndpointName);
        throw smError('ValidationException', `Could not find endpoint "${EndpointName}".`);
      }
      return { EndpointName, EndpointStatus: endpoint.status, EndpointConfigName: endpoint.config };
    });
    sm.on(DeleteEndpointCommand).callsFake(({ EndpointName }) => {
      const endpoint = this.endpoints.get(EndpointName);
      if (!endpoint) {
        throw smError('ValidationException', `Could not find endpoint "${EndpointName}".`);
      }
      this.log.push(`DeleteEndpoint ${EndpointName}`);
      endpoint.status = 'Deleting';
      return {};
    });
    sm.on(DeleteEndpointConfigCommand).callsFake(({ EndpointConfigName }) => {
      if (!this.deleteConfig(EndpointConfigName)) {
        throw smError('ValidationException', `Could not find endpoint configuration "${EndpointConfigName}".`);
      }
      this.log.push(`DeleteEndpointConfig ${EndpointConfigName}`);
      return {};
    });
    sm.on(DescribeMlflowTrackingServerCommand).callsFake(({ TrackingServerName }) => {
      const store = this.mlflowStores.get(TrackingServerName);
      if (!store) {
        throw smError('ResourceNotFound', `Tracking server ${TrackingServerName} does not exist.`);
      }
      return { TrackingServerName, ArtifactStoreUri: store, TrackingServerStatus: 'Created' };
    });
    sm.on(DescribeMlflowAppCommand).callsFake(({ Arn }) => {
      const store = this.mlflowStores.get(Arn);
      if (!store) {
        throw smError('ResourceNotFound', `MLflow App ${Arn} does not exist.`);
      }
      return { Arn, ArtifactStoreUri: store, Status: 'Created' };
    });
    sm.on(ListMlflowAppsCommand).callsFake(() => ({
      Summaries: [...this.mlflowStores.keys()].filter((id) => id.startsWith('arn:')).map((Arn) => ({ Arn, Name: `${P}-mlflow`, Status: 'Created' })),
    }));
    sm.on(ListMlflowTrackingServersCommand).callsFake(() => ({
      TrackingServerSummaries: [...this.mlflowStores.keys()].filter((id) => !id.startsWith('arn:')).map((TrackingServerName) => ({ TrackingServerName })),
    }));
    sm.on(ListPipelineExecutionsCommand).callsFake(({ PipelineName, NextToken }) => {
      if (NextToken === undefined) {
        this.onListExecutions?.(PipelineName);
      }
      const executions = this.pipelines.get(PipelineName);
      if (!executions) {
        throw smError('ResourceNotFound', `Pipeline 'arn:aws:sagemaker:${REGION}:${ACCOUNT}:pipeline/${PipelineName}' does not exist.`);
      }
      // One listing (all its pages) is one poll.
      for (const execution of executions.filter((e) => e.status === 'Stopping' && NextToken === undefined)) {
        if (execution.pollsLeft-- <= 0) {
          execution.status = 'Stopped';
        }
      }
      const summaries = executions.map((e) => ({ PipelineExecutionArn: e.arn, PipelineExecutionStatus: e.status as never, StartTime: new Date() }));
      return this.page(summaries, NextToken, (PipelineExecutionSummaries, next) => ({ PipelineExecutionSummaries, NextToken: next }));
    });
    sm.on(StopPipelineExecutionCommand).callsFake(({ PipelineExecutionArn, ClientRequestToken }) => {
      expect(ClientRequestToken.length).toBeGreaterThanOrEqual(32);
      const execution = [...this.pipelines.values()].flat().find((e) => e.arn === PipelineExecutionArn)!;
      if (execution.refusesStop || execution.status !== 'Executing') {
        throw smError('ValidationException', `Pipeline execution ${PipelineExecutionArn} cannot be stopped in its current state.`);
      }
      this.log.push(`StopPipelineExecution ${PipelineExecutionArn}`);
      execution.status = 'Stopping';
      return { PipelineExecutionArn };
    });
    sm.on(DescribeModelPackageGroupCommand).callsFake(({ ModelPackageGroupName }) => {
      const group = this.findGroup(ModelPackageGroupName);
      return { ModelPackageGroupName: group.name, ModelPackageGroupArn: groupArn(group.name), ModelPackageGroupStatus: 'Completed', CreationTime: new Date() };
    });
    // ListModelPackages answers an empty list for a group that does not exist, where the Describe
    // calls fail (as moto and the project's registry reads find: src/aws/model-registry.ts).
    sm.on(ListModelPackagesCommand).callsFake(({ ModelPackageGroupName, NextToken }) => {
      const group = this.hasGroup(ModelPackageGroupName) ? this.findGroup(ModelPackageGroupName) : { name: ModelPackageGroupName, versions: [] };
      this.pages.push(`ListModelPackages ${NextToken ?? '-'}`);
      const summaries = group.versions.map((v) => ({ ModelPackageArn: packageArn(group.name, v), ModelPackageVersion: v, CreationTime: new Date(), ModelPackageStatus: 'Completed' }));
      return this.page(summaries, NextToken, (ModelPackageSummaryList, next) => ({ ModelPackageSummaryList, NextToken: next }));
    });
    sm.on(DeleteModelPackageCommand).callsFake(({ ModelPackageName }) => {
      this.log.push(`DeleteModelPackage ${ModelPackageName}`);
      const group = this.group!;
      group.versions = group.versions.filter((v) => packageArn(group.name, v) !== ModelPackageName);
      return {};
    });
    sm.on(DeleteModelPackageGroupCommand).callsFake(({ ModelPackageGroupName }) => {
      this.findGroup(ModelPackageGroupName);
      this.log.push(`DeleteModelPackageGroup ${ModelPackageGroupName}`);
      this.group = undefined;
      return {};
    });

    s3.on(ListBucketsCommand).callsFake(({ Prefix, BucketRegion }) => {
      expect(BucketRegion).toBe(REGION);
      return { Buckets: [...this.buckets.keys()].filter((name) => name.startsWith(Prefix ?? '')).map((Name) => ({ Name })) };
    });
    s3.on(GetBucketTaggingCommand).callsFake(({ Bucket }) => {
      const tags = this.bucket(Bucket).tags;
      if (!tags) {
        throw s3Error('NoSuchTagSet', 'The TagSet does not exist');
      }
      return { TagSet: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) };
    });
    s3.on(PutBucketLoggingCommand).callsFake(({ Bucket, BucketLoggingStatus }) => {
      this.bucket(Bucket);
      expect(BucketLoggingStatus).toEqual({});
      this.log.push(`PutBucketLogging ${Bucket} off`);
      return {};
    });
    s3.on(ListObjectVersionsCommand).callsFake(({ Bucket, KeyMarker, VersionIdMarker }) => {
      const sorted = [...this.bucket(Bucket).objects].sort((a, b) => `${a.Key}/${a.VersionId}`.localeCompare(`${b.Key}/${b.VersionId}`));
      const start = KeyMarker === undefined ? 0 : sorted.findIndex((o) => `${o.Key}/${o.VersionId}`.localeCompare(`${KeyMarker}/${VersionIdMarker}`) > 0);
      const page = start < 0 ? [] : sorted.slice(start, start + this.objectPageSize);
      const last = page[page.length - 1];
      const truncated = start >= 0 && start + this.objectPageSize < sorted.length;
      return {
        Versions: page.filter((o) => !o.marker).map(({ Key, VersionId }) => ({ Key, VersionId })),
        DeleteMarkers: page.filter((o) => o.marker).map(({ Key, VersionId }) => ({ Key, VersionId })),
        IsTruncated: truncated,
        ...(truncated ? { NextKeyMarker: last.Key, NextVersionIdMarker: last.VersionId } : {}),
      };
    });
    s3.on(DeleteObjectsCommand).callsFake(({ Bucket, Delete }) => {
      const bucket = this.bucket(Bucket);
      expect(Delete.Quiet).toBe(true);
      expect(Delete.Objects.length).toBeLessThanOrEqual(DELETE_OBJECTS_BATCH);
      this.log.push(`DeleteObjects ${Bucket} ${Delete.Objects.length}`);
      const gone = new Set(Delete.Objects.map((o: { Key: string; VersionId: string }) => `${o.Key}/${o.VersionId}`));
      bucket.objects = bucket.objects.filter((o) => !gone.has(`${o.Key}/${o.VersionId}`));
      return {};
    });
    s3.on(DeleteBucketCommand).callsFake(({ Bucket }) => {
      const late = this.lateObjects.get(Bucket);
      if (late) {
        this.bucket(Bucket).objects.push({ Key: late, VersionId: 'null' });
        this.lateObjects.delete(Bucket);
      }
      if (this.bucket(Bucket).objects.length > 0) {
        throw s3Error('BucketNotEmpty', 'The bucket you tried to delete is not empty');
      }
      this.log.push(`DeleteBucket ${Bucket}`);
      this.buckets.delete(Bucket);
      return {};
    });
  }

  /** A stack with its retained resources. */
  public addStack(name: string, resources: Array<[type: string, physicalId: string, logicalId?: string]> = [], extra: Partial<FakeStack> = {}): void {
    this.stacks.set(name, {
      name, status: 'CREATE_COMPLETE', pollsLeft: 1, ownsEndpoints: [], ownsConfigs: [], ...extra,
      resources: [
        { LogicalResourceId: 'Role', ResourceType: 'AWS::IAM::Role', PhysicalResourceId: `${name}-role`, ResourceStatus: 'CREATE_COMPLETE', LastUpdatedTimestamp: new Date() },
        ...resources.map(([ResourceType, PhysicalResourceId, logicalId], i) => ({ LogicalResourceId: logicalId ?? `R${i}`, ResourceType, PhysicalResourceId, ResourceStatus: 'CREATE_COMPLETE' as const, LastUpdatedTimestamp: new Date() })),
      ],
    });
  }

  /** Deletes an endpoint config, noting it when an endpoint that is not being deleted uses it; false when there is none. */
  private deleteConfig(config: string): boolean {
    if ([...this.endpoints.values()].some((endpoint) => endpoint.config === config && endpoint.status !== 'Deleting')) {
      this.liveConfigsDeleted.push(config);
    }
    return this.endpointConfigs.delete(config);
  }

  public addEndpoint(name: string, config: string, ownerStack?: string): void {
    this.endpoints.set(name, { status: 'InService', config, pollsLeft: 1 });
    this.endpointConfigs.add(config);
    if (ownerStack) {
      this.stacks.get(ownerStack)!.ownsEndpoints.push(name);
    }
  }

  public addBucket(name: string, objects: number, deleteMarkers = 0, stackName?: string): void {
    const list = [
      ...Array.from({ length: objects }, (_, i) => ({ Key: `k${String(Math.floor(i / 2)).padStart(5, '0')}`, VersionId: `v${i % 2}` })),
      ...Array.from({ length: deleteMarkers }, (_, i) => ({ Key: `m${String(i).padStart(5, '0')}`, VersionId: 'd', marker: true })),
    ];
    this.buckets.set(name, { objects: list, ...(stackName ? { tags: { 'aws:cloudformation:stack-name': stackName } } : {}) });
  }

  /** The whole project: five stacks, two endpoints (prod retained), a group with 3 versions, buckets. */
  public addProject(): void {
    this.addStack(STACKS.deployPipeline, [['AWS::S3::Bucket', 'deploy-artifacts'], ['AWS::KMS::Key', 'key-deploy']]);
    this.addStack(STACKS.prod, [['AWS::S3::Bucket', 'prod-data'], ['AWS::S3::Bucket', 'prod-logs'], ['AWS::KMS::Key', 'key-prod']]);
    this.addStack(STACKS.staging, [['AWS::S3::Bucket', 'staging-data']]);
    this.addStack(STACKS.buildPipeline);
    this.addStack(STACKS.build, [
      ['AWS::S3::Bucket', 'build-artifacts'], ['AWS::KMS::Key', 'key-build'],
      ['AWS::SageMaker::ModelPackageGroup', groupArn(P)], ['AWS::SageMaker::MlflowTrackingServer', P],
      ['AWS::SageMaker::Pipeline', `${P}-training`],
    ]);
    this.stacks.get(STACKS.prod)!.resources.push({
      LogicalResourceId: 'DriftPipeline', ResourceType: 'AWS::SageMaker::Pipeline', PhysicalResourceId: `${P}-prod-drift`, ResourceStatus: 'CREATE_COMPLETE', LastUpdatedTimestamp: new Date(),
    });
    this.pipelines.set(`${P}-training`, [{ arn: executionArn(`${P}-training`, 'old'), status: 'Succeeded', pollsLeft: 0 }]);
    this.pipelines.set(`${P}-prod-drift`, []);
    // The tracking server the model-build stack created keeps its artifacts in the stack's bucket (mlflow-backend.ts).
    this.mlflowStores.set(P, 's3://build-artifacts/mlflow');
    this.addEndpoint(`${P}-prod`, `${P}-prod-config`);
    // The production stack retains its endpoint but deletes the endpoint config (and the model role) with itself.
    this.stacks.get(STACKS.prod)!.ownsConfigs.push(`${P}-prod-config`);
    this.addEndpoint(`${P}-staging`, `${P}-staging-config`, STACKS.staging);
    this.group = { name: P, versions: [1, 2, 3] };
    for (const [name, count] of [['deploy-artifacts', 2], ['prod-data', 7], ['prod-logs', 0], ['staging-data', 1], ['build-artifacts', 4]] as const) {
      this.addBucket(name, count, 1);
    }
  }

  private hasGroup(id: string): boolean {
    const group = this.group;
    return group !== undefined && (id === group.name || id === groupArn(group.name) || id.toLowerCase() === group.name.toLowerCase());
  }

  private findGroup(id: string): { name: string; versions: number[] } {
    if (!this.hasGroup(id)) {
      throw smError('ValidationException', `ModelPackageGroup ${id} does not exist.`);
    }
    return this.group!;
  }

  private bucket(name: string): FakeBucket {
    const bucket = this.buckets.get(name);
    if (!bucket) {
      throw s3Error('NoSuchBucket', 'The specified bucket does not exist');
    }
    return bucket;
  }

  private page<T, R>(items: T[], token: string | undefined, wrap: (page: T[], next?: string) => R): R {
    const start = token ? Number(token) : 0;
    const next = start + this.pageSize < items.length ? String(start + this.pageSize) : undefined;
    return wrap(items.slice(start, start + this.pageSize), next);
  }
}

const MUTATING = [
  DeleteStackCommand, StopPipelineExecutionCommand, DeleteEndpointCommand, DeleteEndpointConfigCommand, DeleteModelPackageCommand, DeleteModelPackageGroupCommand,
  PutBucketLoggingCommand, DeleteObjectsCommand, DeleteBucketCommand,
];

function expectNoMutation(): void {
  for (const command of MUTATING) {
    const calls = [cfn, sm, s3].flatMap((mock) => mock.commandCalls(command as never));
    expect(calls).toEqual([]);
  }
}

let world: World;
let progress: string[];
let slept: number[];
let time: number;

/** No real waiting: the sleep advances a fake clock. */
function options(extra: Partial<CleanupOptions> = {}): CleanupOptions {
  return {
    onProgress: (message) => progress.push(message),
    sleep: async (ms) => {
      slept.push(ms);
      time += ms;
    },
    clock: () => time,
    ...extra,
  };
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a rejection');
}

beforeEach(() => {
  cfn.reset();
  sm.reset();
  s3.reset();
  world = new World();
  progress = [];
  slept = [];
  time = 0;
});

describe('planCleanup', () => {
  test('lists the stacks in the safe order, the retained prod endpoint, and keeps the registry, buckets, keys and MLflow', async () => {
    world.addProject();
    const plan = await planCleanup(clients, { projectName: P });
    expect(plan).toEqual({
      projectName: P,
      region: REGION,
      purge: false,
      steps: [
        { type: 'stack', name: STACKS.deployPipeline, stackId: stackId(STACKS.deployPipeline), status: 'CREATE_COMPLETE', terminationProtection: false, pipelines: [] },
        // Before its stack, which deletes the endpoint's config once the endpoint is gone (not while it is live).
        { type: 'endpoint', name: `${P}-prod`, status: 'InService', reason: `its stack ${STACKS.prod} retains it: deleted before the stack, which then deletes its endpoint config and model role` },
        { type: 'stack', name: STACKS.prod, stackId: stackId(STACKS.prod), status: 'CREATE_COMPLETE', terminationProtection: false, pipelines: [{ name: `${P}-prod-drift`, running: 0 }] },
        { type: 'stack', name: STACKS.staging, stackId: stackId(STACKS.staging), status: 'CREATE_COMPLETE', terminationProtection: false, pipelines: [] },
        { type: 'stack', name: STACKS.buildPipeline, stackId: stackId(STACKS.buildPipeline), status: 'CREATE_COMPLETE', terminationProtection: false, pipelines: [] },
        { type: 'stack', name: STACKS.build, stackId: stackId(STACKS.build), status: 'CREATE_COMPLETE', terminationProtection: false, pipelines: [{ name: `${P}-training`, running: 0 }] },
      ],
      kept: [
        { type: 'model-package-group', name: P, versions: 3, recreatedBy: STACKS.build },
        { type: 'bucket', name: 'deploy-artifacts', stackName: STACKS.deployPipeline },
        { type: 'bucket', name: 'prod-data', stackName: STACKS.prod },
        { type: 'bucket', name: 'prod-logs', stackName: STACKS.prod },
        { type: 'bucket', name: 'staging-data', stackName: STACKS.staging },
        { type: 'bucket', name: 'build-artifacts', stackName: STACKS.build },
        { type: 'kms-key', name: 'key-deploy', stackName: STACKS.deployPipeline },
        { type: 'kms-key', name: 'key-prod', stackName: STACKS.prod },
        { type: 'kms-key', name: 'key-build', stackName: STACKS.build },
        { type: 'mlflow-tracking-server', name: P, stackName: STACKS.build, recreatedBy: STACKS.build },
      ],
      notFound: [],
    });
    // Resource listings span pages.
    expect(world.pages).toContain('ListStackResources 2');
    expectNoMutation();
  });

  test('a batch-scoring stack goes after the release pipeline and before the endpoints; when absent, it is not listed as missing', async () => {
    world.addProject();
    world.addStack(`${P}-batch-scoring`, [['AWS::S3::Bucket', 'scores']]);
    const plan = await planCleanup(clients, { projectName: P });
    expect(plan.steps.filter((step) => step.type === 'stack').map((step) => step.name)).toEqual([
      STACKS.deployPipeline, `${P}-batch-scoring`, STACKS.prod, STACKS.staging, STACKS.buildPipeline, STACKS.build,
    ]);
    expect(plan.kept).toContainEqual({ type: 'bucket', name: 'scores', stackName: `${P}-batch-scoring` });
    expect(plan.notFound).toEqual([]);
    expectNoMutation();
  });

  // aws-cdk-lib's CrossRegionSupportStack: `<pipeline stack>-support-<region>` in a region where the release pipeline
  // deploys a stage, with a retained replication bucket and a key it deletes (RemovalPolicy.DESTROY).
  test('the release pipeline\'s support stack of a stage region goes after the pipeline stack; its key goes with it, its bucket stays', async () => {
    world.addStack(STACKS.prod, [['AWS::S3::Bucket', 'prod-data'], ['AWS::KMS::Key', 'key-prod']]);
    const support = `${STACKS.deployPipeline}-support-${REGION}`;
    world.addStack(support, [['AWS::S3::Bucket', 'churn-replication-1abc'], ['AWS::KMS::Key', 'key-replication'], ['AWS::KMS::Alias', 'alias/churn-replication']]);
    const plan = await planCleanup(clients, { projectName: P });
    expect(plan.steps.filter((step) => step.type === 'stack').map((step) => step.name)).toEqual([support, STACKS.prod]);
    // aws-cdk-lib names the bucket (the pipeline uses it before the stack exists): the stack's next create needs it gone.
    expect(plan.kept).toContainEqual({ type: 'bucket', name: 'churn-replication-1abc', stackName: support, recreatedBy: support });
    expect(plan.kept.map((kept) => kept.name)).not.toContain('key-replication');
    const text = formatPlan(plan).join('\n');
    expect(text).toContain(`1. stack ${support} (CREATE_COMPLETE): aws-cdk-lib's cross-region support stack of the release pipeline: its replication key`);
    expect(text).toContain(`bucket churn-replication-1abc (from stack ${support}) and its data: --purge deletes them; while it exists, a new deployment of stack ${support} fails on its name`);
    // With --purge, the bucket is emptied and deleted after the stacks.
    expect((await planCleanup(clients, { projectName: P, purge: true })).steps).toContainEqual({ type: 'bucket', name: 'churn-replication-1abc', stackName: support });
    // Where the pipeline deploys no stage, there is none, and its absence is no finding.
    expect(plan.notFound.map((missing) => missing.name)).not.toContain(support);
    expectNoMutation();
  });

  test('with purge the group and the buckets are steps after the stacks', async () => {
    world.addProject();
    world.mlflowStores.set(P, 's3://team-mlflow-store/churn');
    const plan = await planCleanup(clients, { projectName: P, purge: true });
    expect(plan.steps.slice(6)).toEqual([
      { type: 'model-package-group', name: P, versions: 3 },
      { type: 'bucket', name: 'deploy-artifacts', stackName: STACKS.deployPipeline },
      { type: 'bucket', name: 'prod-data', stackName: STACKS.prod },
      { type: 'bucket', name: 'prod-logs', stackName: STACKS.prod },
      { type: 'bucket', name: 'staging-data', stackName: STACKS.staging },
      { type: 'bucket', name: 'build-artifacts', stackName: STACKS.build },
    ]);
    expect(plan.kept.map((k) => k.type)).toEqual(['kms-key', 'kms-key', 'kms-key', 'mlflow-tracking-server']);
    expectNoMutation();
  });

  // Experiments, runs and models are never deleted as a side effect: the backend stays, and its runs' models and files are in
  // its artifact store (SageMaker API Reference, DescribeMlflowTrackingServer / DescribeMlflowApp: ArtifactStoreUri).
  test('with purge, the bucket holding a kept MLflow backend\'s artifact store is kept, and the plan says why', async () => {
    world.addProject();
    const plan = await planCleanup(clients, { projectName: P, purge: true });
    expect(plan.steps.filter((step) => step.type === 'bucket').map((step) => step.name)).toEqual(['deploy-artifacts', 'prod-data', 'prod-logs', 'staging-data']);
    expect(plan.kept[0]).toEqual({ type: 'bucket', name: 'build-artifacts', stackName: STACKS.build, mlflowArtifacts: 's3://build-artifacts/mlflow' });
    expect(formatPlan(plan).join('\n')).toContain('bucket build-artifacts (from stack churn-model-build) and its data, with --purge too: '
      + 'it holds the artifact store of an MLflow backend (s3://build-artifacts/mlflow); empty and delete it by hand after the backend');
    // Any MLflow App of the account counts the same, found by listing (ListMlflowApps), whichever stack made it; a backend
    // deleted by hand keeps nothing.
    world.mlflowStores.delete(P);
    world.mlflowStores.set(`arn:aws:sagemaker:${REGION}:${ACCOUNT}:mlflow-app/app-0123456789ab`, 's3://prod-data/mlflow');
    const withApp = await planCleanup(clients, { projectName: P, purge: true });
    expect(withApp.kept.filter((k) => k.type === 'bucket').map((k) => k.name)).toEqual(['prod-data']);
    expect(withApp.steps.filter((step) => step.type === 'bucket').map((step) => step.name)).toContain('build-artifacts');
    expectNoMutation();
  });

  test('cleanup, then cleanup --purge: the bucket of the MLflow store, left by its deleted stack, is still kept', async () => {
    world.addProject();
    // Buckets a stack keeps carry its name and CloudFormation's stack-name tag, by which a later run finds them.
    world.addBucket(`${STACKS.build}-artifacts`, 4, 1, STACKS.build);
    world.addBucket(`${STACKS.staging}-data`, 1, 1, STACKS.staging);
    world.mlflowStores.set(P, `s3://${STACKS.build}-artifacts/mlflow`);
    await executeCleanup(clients, await planCleanup(clients, { projectName: P }), options());
    const purge = await planCleanup(clients, { projectName: P, purge: true });
    expect(purge.steps.map((step) => `${step.type} ${step.name}`)).toEqual([`model-package-group ${P}`, `bucket ${STACKS.staging}-data`]);
    expect(purge.kept).toContainEqual({ type: 'bucket', name: `${STACKS.build}-artifacts`, stackName: STACKS.build, mlflowArtifacts: `s3://${STACKS.build}-artifacts/mlflow` });
  });

  // The backend's artifact-store role is kept with it (mlflow-backend.ts), so a kept backend still reads its artifacts;
  // IAM User Guide, "Deleting roles or instance profiles": a role's inline policies go before the role.
  test('the MLflow backend\'s artifact-store role is kept with it and listed with how to delete it; other roles go with their stacks', async () => {
    world.addStack(STACKS.build, [
      ['AWS::SageMaker::MlflowTrackingServer', P],
      ['AWS::IAM::Role', `${P}-model-build-MlflowArtifactStoreRole-AbC123`, 'MlflowArtifactStoreRoleA1B2C3D4'],
      ['AWS::IAM::Role', `${P}-model-build-ExecutionRole-XyZ789`, 'ExecutionRole0F1E2D3C'],
    ]);
    const plan = await planCleanup(clients, { projectName: P });
    const role = `${P}-model-build-MlflowArtifactStoreRole-AbC123`;
    expect(plan.kept.filter((k) => k.type === 'iam-role')).toEqual([{ type: 'iam-role', name: role, stackName: STACKS.build }]);
    expect(formatPlan(plan)).toContain(`  IAM role ${role} (from stack ${STACKS.build}), with which the MLflow backend reads and writes its artifacts: delete it after the backend: `
      + `aws iam list-role-policies --role-name ${role}, aws iam delete-role-policy --role-name ${role} --policy-name <each>, then aws iam delete-role --role-name ${role}`);
    expectNoMutation();
  });

  test('an MLflow App of the model-build stack is kept like the tracking server, and the plan says how to delete it by its ARN', async () => {
    // CloudFormation "AWS::SageMaker::MlflowApp": its physical id (Ref) is the app's ARN; API Reference "DeleteMlflowApp" takes Arn.
    const appArn = `arn:aws:sagemaker:${REGION}:123456789012:mlflow-app/app-K53I5ZJMEUHZ`;
    world.addStack(STACKS.build, [['AWS::SageMaker::MlflowApp', appArn]]);
    const plan = await planCleanup(clients, { projectName: P, purge: true });
    expect(plan.kept).toEqual([{ type: 'mlflow-app', name: appArn, stackName: STACKS.build }]);
    expect(formatPlan(plan)).toContain(
      `  MLflow App ${appArn} (from stack ${STACKS.build}) with its experiments and runs: delete it by hand when it is no longer needed: `
      + `aws sagemaker delete-mlflow-app --arn ${appArn} --region ${REGION}`,
    );
    expectNoMutation();
  });

  test('stacks that are not here (another account or region) are listed as not found', async () => {
    world.addStack(STACKS.buildPipeline);
    world.addStack(STACKS.build);
    const plan = await planCleanup(clients, { projectName: P });
    expect(plan.steps.map((s) => s.name)).toEqual([STACKS.buildPipeline, STACKS.build]);
    expect(plan.notFound).toEqual([
      { type: 'stack', name: STACKS.deployPipeline },
      { type: 'stack', name: STACKS.prod },
      { type: 'stack', name: STACKS.staging },
      { type: 'model-package-group', name: P },
    ]);
  });

  test('endpoints whose stacks are gone are deleted by themselves; staging with its stack is not', async () => {
    world.addStack(STACKS.staging);
    world.addEndpoint(`${P}-staging`, 'staging-config', STACKS.staging);
    world.addEndpoint(`${P}-prod`, 'prod-config');
    let plan = await planCleanup(clients, { projectName: P });
    expect(plan.steps.filter((s) => s.type === 'endpoint')).toEqual([
      { type: 'endpoint', name: `${P}-prod`, status: 'InService', endpointConfigName: 'prod-config', reason: `its stack ${STACKS.prod} is gone` },
    ]);
    world.stacks.clear();
    plan = await planCleanup(clients, { projectName: P });
    expect(plan.steps.map((s) => `${s.type} ${s.name}`)).toEqual([`endpoint ${P}-prod`, `endpoint ${P}-staging`]);
  });

  test('buckets left by deleted stacks are found by their stack-name tag in this region', async () => {
    world.addBucket(`${P}-model-build-artifactsbucket-1abc`, 2, 0, STACKS.build);
    world.addBucket(`${P}-model-build-artifactsaccesslogs-2def`, 0, 0, STACKS.build);
    world.addBucket(`${P}-other-thing`, 1, 0, `${P}-other-stack`);
    world.addBucket(`${P}-untagged`, 1);
    world.addBucket('unrelated-bucket', 1, 0, STACKS.build);
    const plan = await planCleanup(clients, { projectName: P, purge: true });
    expect(plan.steps).toEqual([
      { type: 'bucket', name: `${P}-model-build-artifactsbucket-1abc`, stackName: STACKS.build },
      { type: 'bucket', name: `${P}-model-build-artifactsaccesslogs-2def`, stackName: STACKS.build },
    ]);
    expect(s3).toHaveReceivedCommandWith(ListBucketsCommand, { Prefix: P, BucketRegion: REGION });
    expect(s3).not.toHaveReceivedCommandWith(GetBucketTaggingCommand, { Bucket: 'unrelated-bucket' });
  });

  test('the group comes from --group, else from the model-build stack, else the project name', async () => {
    world.group = { name: 'ChurnModels', versions: [1] };
    world.addStack(STACKS.build, [['AWS::SageMaker::ModelPackageGroup', groupArn('ChurnModels')]]);
    expect((await planCleanup(clients, { projectName: P })).kept[0]).toEqual({ type: 'model-package-group', name: 'ChurnModels', versions: 1, recreatedBy: STACKS.build });
    expect(sm).toHaveReceivedCommandWith(DescribeModelPackageGroupCommand, { ModelPackageGroupName: 'churnmodels' });

    world.stacks.clear();
    expect((await planCleanup(clients, { projectName: P })).notFound).toContainEqual({ type: 'model-package-group', name: P });
    expect((await planCleanup(clients, { projectName: P, modelPackageGroupName: 'ChurnModels' })).kept).toEqual([{ type: 'model-package-group', name: 'ChurnModels', versions: 1 }]);
  });

  // CloudFormation Template Reference, "DeletionPolicy attribute": a kept resource outlives its stack;
  // a new create of a resource whose fixed name exists fails. The build log groups are named after
  // the pipelines, the model package group and a tracking server after the project.
  test('kept log groups, and which kept resources a new deployment of the project would collide with', async () => {
    world.addProject();
    world.addStack(STACKS.buildPipeline, [['AWS::Logs::LogGroup', `/aws/codebuild/${P}-model-build`]]);
    world.addStack(STACKS.prod, [
      ['AWS::S3::Bucket', 'prod-data'], ['AWS::S3::Bucket', 'prod-logs'], ['AWS::KMS::Key', 'key-prod'], ['AWS::Logs::LogGroup', `${STACKS.prod}-AutoscalingLogs99F5A92C-Ab12Cd34`],
    ]);
    const plan = await planCleanup(clients, { projectName: P });
    expect(plan.kept.filter((k) => k.type === 'log-group')).toEqual([
      { type: 'log-group', name: `${STACKS.prod}-AutoscalingLogs99F5A92C-Ab12Cd34`, stackName: STACKS.prod },
      { type: 'log-group', name: `/aws/codebuild/${P}-model-build`, stackName: STACKS.buildPipeline, recreatedBy: STACKS.buildPipeline },
    ]);
    const text = formatPlan(plan);
    expect(text).toContain(`  model package group ${P} with its 3 versions: --purge deletes them; while it exists, a new deployment of stack ${STACKS.build} fails on its name `
      + '(give the project another modelPackageGroupName, or --purge)');
    expect(text).toContain(`  log group /aws/codebuild/${P}-model-build (from stack ${STACKS.buildPipeline}) and its logs: delete it by hand when they are no longer needed, `
      + `and before a new deployment of stack ${STACKS.buildPipeline}, which creates it again: aws logs delete-log-group --log-group-name /aws/codebuild/${P}-model-build --region ${REGION}`);
    expect(text).toContain(`  log group ${STACKS.prod}-AutoscalingLogs99F5A92C-Ab12Cd34 (from stack ${STACKS.prod}) and its logs: delete it by hand when they are no longer needed: `
      + `aws logs delete-log-group --log-group-name ${STACKS.prod}-AutoscalingLogs99F5A92C-Ab12Cd34 --region ${REGION}`);
    expect(text).toContain(`  MLflow tracking server ${P} (from stack ${STACKS.build}): delete it by hand when it is no longer needed, and before a new deployment of stack ${STACKS.build}, `
      + `which creates it again: aws sagemaker delete-mlflow-tracking-server --tracking-server-name ${P} --region ${REGION}`);
    // With --purge the group goes; the log groups stay, as keys and MLflow (with the bucket of its artifacts) do.
    expect((await planCleanup(clients, { projectName: P, purge: true })).kept.map((k) => k.type)).toEqual(['bucket', 'kms-key', 'kms-key', 'kms-key', 'mlflow-tracking-server', 'log-group', 'log-group']);
    expectNoMutation();
  });

  // CloudFormation Template Reference, "DeletionPolicy attribute" (RetainExceptOnCreate keeps it when the stack is
  // deleted); ECR API Reference, "CreateRepository": RepositoryAlreadyExistsException for an existing name.
  test('the step images\' ECR repository is kept, and its fixed name blocks a new deployment of its stack', async () => {
    world.addStack(STACKS.build, [['AWS::ECR::Repository', `${P}-step-images`]]);
    const plan = await planCleanup(clients, { projectName: P, purge: true });
    expect(plan.kept.filter((k) => k.type === 'ecr-repository')).toEqual([{ type: 'ecr-repository', name: `${P}-step-images`, stackName: STACKS.build, recreatedBy: STACKS.build }]);
    expect(formatPlan(plan)).toContain(`  ECR repository ${P}-step-images (from stack ${STACKS.build}) and its step images: delete it by hand when they are no longer needed, `
      + `and before a new deployment of stack ${STACKS.build}, which creates it again: aws ecr delete-repository --repository-name ${P}-step-images --force --region ${REGION}`);
    expectNoMutation();
  });

  test('a stack with termination protection is marked in the plan', async () => {
    world.addStack(STACKS.build, [], { protection: true });
    expect((await planCleanup(clients, { projectName: P })).steps).toEqual([expect.objectContaining({ name: STACKS.build, terminationProtection: true })]);
  });

  test('errors other than not found pass through', async () => {
    cfn.on(DescribeStacksCommand).rejects(cfnError('AccessDenied', 'not authorized to perform: cloudformation:DescribeStacks'));
    const err = await failure(planCleanup(clients, { projectName: P }));
    expect(err).not.toBeInstanceOf(CliError);
    expect(err.name).toBe('AccessDenied');
  });

  test('nothing here: an empty plan', async () => {
    const plan = await planCleanup(clients, { projectName: P, purge: true });
    expect(plan.steps).toEqual([]);
    expect(plan.kept).toEqual([]);
    expect(plan.notFound).toHaveLength(6);
  });
});

describe('executeCleanup', () => {
  test('deletes in the safe order, waiting for each stack, and deletes the retained prod endpoint; keeps the rest', async () => {
    world.addProject();
    const plan = await planCleanup(clients, { projectName: P });
    const outcomes = await executeCleanup(clients, plan, options());

    // The production endpoint goes before its stack, which then deletes the endpoint's config: never a live endpoint's.
    expect(world.log).toEqual([
      `DeleteStack ${STACKS.deployPipeline}`,
      `DeleteEndpoint ${P}-prod`,
      `DeleteStack ${STACKS.prod}`,
      `DeleteStack ${STACKS.staging}`,
      `DeleteStack ${STACKS.buildPipeline}`,
      `DeleteStack ${STACKS.build}`,
    ]);
    expect(outcomes).toEqual([
      { type: 'stack', name: STACKS.deployPipeline, result: 'deleted', detail: 'took 20s' },
      { type: 'endpoint', name: `${P}-prod`, result: 'deleted' },
      { type: 'stack', name: STACKS.prod, result: 'deleted', detail: 'took 20s' },
      { type: 'stack', name: STACKS.staging, result: 'deleted', detail: 'took 20s' },
      { type: 'stack', name: STACKS.buildPipeline, result: 'deleted', detail: 'took 20s' },
      { type: 'stack', name: STACKS.build, result: 'deleted', detail: 'took 20s' },
    ]);
    expect(world.endpoints.size).toBe(0);
    expect(world.endpointConfigs).toEqual(new Set());
    expect(world.liveConfigsDeleted).toEqual([]);
    // No purge: the registry and the data stay.
    expect(world.group?.versions).toEqual([1, 2, 3]);
    expect(world.buckets.size).toBe(5);
    expect(sm).not.toHaveReceivedCommand(DeleteModelPackageCommand);
    expect(sm).not.toHaveReceivedCommand(DeleteModelPackageGroupCommand);
    expect(s3).not.toHaveReceivedCommand(PutBucketLoggingCommand);
    expect(s3).not.toHaveReceivedCommand(DeleteObjectsCommand);
    expect(s3).not.toHaveReceivedCommand(DeleteBucketCommand);
    expect(progress).toContain(`deleting stack ${STACKS.prod} (CREATE_COMPLETE)…`);
    expect(progress).toContain(`deleted stack ${STACKS.build} (took 20s)`);
    expect(slept.every((ms) => ms === 10_000)).toBe(true);
  });

  test('purge deletes every version across pages, then the group, then empties and deletes the buckets', async () => {
    world.addProject();
    // An MLflow store outside the project's buckets: every bucket goes.
    world.mlflowStores.set(P, 's3://team-mlflow-store/churn');
    world.group!.versions = [1, 2, 3, 4, 5];
    world.addBucket('build-artifacts', 2500, 3);
    world.objectPageSize = 1200;
    const plan = await planCleanup(clients, { projectName: P, purge: true });
    const outcomes = await executeCleanup(clients, plan, options());

    expect(world.log.slice(6)).toEqual([
      ...[1, 2, 3, 4, 5].map((v) => `DeleteModelPackage ${packageArn(P, v)}`),
      `DeleteModelPackageGroup ${P}`,
      'PutBucketLogging deploy-artifacts off', 'DeleteObjects deploy-artifacts 3', 'DeleteBucket deploy-artifacts',
      'PutBucketLogging prod-data off', 'DeleteObjects prod-data 8', 'DeleteBucket prod-data',
      'PutBucketLogging prod-logs off', 'DeleteObjects prod-logs 1', 'DeleteBucket prod-logs',
      'PutBucketLogging staging-data off', 'DeleteObjects staging-data 2', 'DeleteBucket staging-data',
      // 2503 entries in pages of 1200: batches of at most 1000.
      'PutBucketLogging build-artifacts off',
      'DeleteObjects build-artifacts 1000', 'DeleteObjects build-artifacts 200',
      'DeleteObjects build-artifacts 1000', 'DeleteObjects build-artifacts 200',
      'DeleteObjects build-artifacts 103',
      'DeleteBucket build-artifacts',
    ]);
    expect(world.group).toBeUndefined();
    expect(world.buckets.size).toBe(0);
    // Listed when planning, when deleting, then until none is left.
    expect(world.pages.filter((page) => page.startsWith('ListModelPackages'))).toEqual([
      'ListModelPackages -', 'ListModelPackages 2', 'ListModelPackages 4',
      'ListModelPackages -', 'ListModelPackages 2', 'ListModelPackages 4',
      'ListModelPackages -',
    ]);
    expect(s3.commandCalls(ListObjectVersionsCommand).filter((c) => c.args[0].input.Bucket === 'build-artifacts')).toHaveLength(3);
    expect(outcomes.slice(6)).toEqual([
      { type: 'model-package-group', name: P, result: 'deleted', detail: 'and its 5 versions' },
      { type: 'bucket', name: 'deploy-artifacts', result: 'deleted', detail: 'emptied of 3 object versions and delete markers' },
      { type: 'bucket', name: 'prod-data', result: 'deleted', detail: 'emptied of 8 object versions and delete markers' },
      { type: 'bucket', name: 'prod-logs', result: 'deleted', detail: 'emptied of 1 object version or delete marker' },
      { type: 'bucket', name: 'staging-data', result: 'deleted', detail: 'emptied of 2 object versions and delete markers' },
      { type: 'bucket', name: 'build-artifacts', result: 'deleted', detail: 'emptied of 2503 object versions and delete markers' },
    ]);
  });

  test('a bucket that gets new objects while emptied (late access logs) is emptied again', async () => {
    world.addBucket(`${P}-logs`, 1, 0, STACKS.build);
    world.lateObjects.set(`${P}-logs`, 'late-log');
    const plan = await planCleanup(clients, { projectName: P, purge: true });
    const [outcome] = await executeCleanup(clients, plan, options());
    expect(outcome).toEqual({ type: 'bucket', name: `${P}-logs`, result: 'deleted', detail: 'emptied of 2 object versions and delete markers' });
    expect(s3).toHaveReceivedCommandTimes(DeleteBucketCommand, 2);
    expect(s3).toHaveReceivedCommandWith(DeleteObjectsCommand, { Delete: { Objects: [{ Key: 'late-log', VersionId: 'null' }], Quiet: true } });
  });

  test('objects DeleteObjects could not delete stop cleanup, naming the bucket and the first', async () => {
    world.addBucket(`${P}-data`, 2, 0, STACKS.build);
    s3.on(DeleteObjectsCommand).resolves({ Errors: [{ Key: 'k00000', VersionId: 'v0', Code: 'AccessDenied', Message: 'Access Denied' }] });
    const plan = await planCleanup(clients, { projectName: P, purge: true });
    const err = await failure(executeCleanup(clients, plan, options()));
    expect(err).toBeInstanceOf(CliError);
    expect(err.message).toBe(`cannot empty bucket ${P}-data: 1 objects were not deleted, the first k00000 (version v0): AccessDenied: Access Denied`);
    expect(s3).not.toHaveReceivedCommand(DeleteBucketCommand);
  });

  test('what disappeared since the plan is skipped', async () => {
    world.addProject();
    const plan = await planCleanup(clients, { projectName: P, purge: true });
    world.stacks.get(STACKS.staging)!.status = 'DELETE_COMPLETE';
    world.endpoints.delete(`${P}-prod`);
    world.group = undefined;
    world.buckets.delete('prod-logs');
    const outcomes = await executeCleanup(clients, plan, options());
    expect(outcomes.filter((o) => o.result === 'skipped')).toEqual([
      { type: 'endpoint', name: `${P}-prod`, result: 'skipped' },
      { type: 'stack', name: STACKS.staging, result: 'skipped' },
      { type: 'model-package-group', name: P, result: 'skipped' },
      { type: 'bucket', name: 'prod-logs', result: 'skipped' },
    ]);
    expect(progress).toContain(`stack ${STACKS.staging}: not found, skipped`);
    expect(world.log).not.toContain(`DeleteStack ${STACKS.staging}`);
    // The group's versions list empty once it is gone: only DescribeModelPackageGroup tells it is gone.
    expect(world.log.filter((line) => line.startsWith('DeleteModelPackage'))).toEqual([]);
  });

  test('an endpoint config the stack already deleted is fine', async () => {
    world.addEndpoint(`${P}-prod`, 'gone-config');
    world.endpointConfigs.clear();
    const plan = await planCleanup(clients, { projectName: P });
    expect(await executeCleanup(clients, plan, options())).toEqual([
      { type: 'endpoint', name: `${P}-prod`, result: 'deleted', detail: 'its endpoint config gone-config was already deleted with its stack' },
    ]);
  });

  test('DELETE_FAILED stops cleanup with the stack reason and the first failed resource; later steps do not run', async () => {
    world.addProject();
    const events: StackEvent[] = [
      { StackId: stackId(STACKS.prod), EventId: '5', StackName: STACKS.prod, LogicalResourceId: STACKS.prod, PhysicalResourceId: stackId(STACKS.prod), ResourceType: 'AWS::CloudFormation::Stack', ResourceStatus: 'DELETE_FAILED', ResourceStatusReason: 'The following resource(s) failed to delete: [ModelRole, Alerts].', Timestamp: new Date() },
      { StackId: stackId(STACKS.prod), EventId: '4', StackName: STACKS.prod, LogicalResourceId: 'Alerts', ResourceType: 'AWS::SNS::Topic', ResourceStatus: 'DELETE_FAILED', ResourceStatusReason: 'later failure', Timestamp: new Date() },
      { StackId: stackId(STACKS.prod), EventId: '3', StackName: STACKS.prod, LogicalResourceId: 'ModelRole', ResourceType: 'AWS::IAM::Role', PhysicalResourceId: 'churn-prod-role', ResourceStatus: 'DELETE_FAILED', ResourceStatusReason: 'Cannot delete entity, must detach all policies first.', Timestamp: new Date() },
      { StackId: stackId(STACKS.prod), EventId: '2', StackName: STACKS.prod, LogicalResourceId: STACKS.prod, PhysicalResourceId: stackId(STACKS.prod), ResourceType: 'AWS::CloudFormation::Stack', ResourceStatus: 'DELETE_IN_PROGRESS', Timestamp: new Date() },
      { StackId: stackId(STACKS.prod), EventId: '1', StackName: STACKS.prod, LogicalResourceId: 'OlderAttempt', ResourceType: 'AWS::S3::BucketPolicy', ResourceStatus: 'DELETE_FAILED', ResourceStatusReason: 'an earlier deletion', Timestamp: new Date() },
    ];
    world.stacks.set(STACKS.prod, { ...world.stacks.get(STACKS.prod)!, failure: { reason: 'The following resource(s) failed to delete: [ModelRole, Alerts].', events } });
    const plan = await planCleanup(clients, { projectName: P });

    const err = await failure(executeCleanup(clients, plan, options()));

    expect(err).toBeInstanceOf(CliError);
    expect(err.message).toBe([
      `stack ${STACKS.prod} could not be deleted (DELETE_FAILED): The following resource(s) failed to delete: [ModelRole, Alerts].`,
      '  first failed resource: ModelRole (AWS::IAM::Role churn-prod-role): Cannot delete entity, must detach all policies first.',
      '  fix the cause (or delete that resource by hand), then run cleanup again: it continues where it stopped',
    ].join('\n'));
    expect(world.log).toEqual([`DeleteStack ${STACKS.deployPipeline}`, `DeleteEndpoint ${P}-prod`, `DeleteStack ${STACKS.prod}`]);
    // The events were read across pages, up to the start of this deletion.
    expect(world.pages.filter((page) => page.startsWith('DescribeStackEvents'))).toEqual(['DescribeStackEvents -', 'DescribeStackEvents 2']);
  });

  // SageMaker API Reference, DeletePipeline: "Deletes a pipeline if there are no running instances of the pipeline. To
  // delete a pipeline, you must stop all running instances of the pipeline using the StopPipelineExecution API." A
  // project's first training run (up to 465 minutes) or a daily drift check would otherwise make its stack DELETE_FAILED.
  test('running executions of a stack\'s SageMaker pipelines are stopped, and waited for, before the stack is deleted', async () => {
    world.addProject();
    world.pipelines.get(`${P}-training`)!.push(
      { arn: executionArn(`${P}-training`, 'run1'), status: 'Executing', pollsLeft: 2 },
      { arn: executionArn(`${P}-training`, 'run2'), status: 'Stopping', pollsLeft: 4 },
    );
    world.pipelines.get(`${P}-prod-drift`)!.push({ arn: executionArn(`${P}-prod-drift`, 'check'), status: 'Executing', pollsLeft: 0 });
    const plan = await planCleanup(clients, { projectName: P });
    expect(formatPlan(plan).join('\n')).toContain(`stack ${STACKS.build} (CREATE_COMPLETE), after stopping the 2 running executions of SageMaker pipeline ${P}-training`);
    expect(formatPlan(plan).join('\n')).toContain(`stack ${STACKS.prod} (CREATE_COMPLETE), after stopping the running execution of SageMaker pipeline ${P}-prod-drift`);
    expectNoMutation();

    await executeCleanup(clients, plan, options());
    expect(world.log).toEqual([
      `DeleteStack ${STACKS.deployPipeline}`,
      `DeleteEndpoint ${P}-prod`,
      `StopPipelineExecution ${executionArn(`${P}-prod-drift`, 'check')}`,
      `DeleteStack ${STACKS.prod}`,
      `DeleteStack ${STACKS.staging}`,
      `DeleteStack ${STACKS.buildPipeline}`,
      `StopPipelineExecution ${executionArn(`${P}-training`, 'run1')}`,
      `DeleteStack ${STACKS.build}`,
    ]);
    expect([...world.stacks.values()].map((stack) => stack.status)).toEqual(Array(5).fill('DELETE_COMPLETE'));
    expect(progress).toContain(`stopping the 2 running executions of SageMaker pipeline ${P}-training…`);
  });

  test('an execution a schedule starts during the wait is stopped too', async () => {
    world.addProject();
    world.pipelines.get(`${P}-prod-drift`)!.push({ arn: executionArn(`${P}-prod-drift`, 'first'), status: 'Executing', pollsLeft: 1 });
    let listings = 0;
    world.onListExecutions = (pipeline) => {
      if (pipeline === `${P}-prod-drift` && ++listings === 3) {
        world.pipelines.get(pipeline)!.push({ arn: executionArn(pipeline, 'scheduled'), status: 'Executing', pollsLeft: 1 });
      }
    };
    await executeCleanup(clients, await planCleanup(clients, { projectName: P }), options({ timeoutMs: 120_000 }));
    expect(world.log.filter((line) => line.startsWith('StopPipelineExecution'))).toEqual([
      `StopPipelineExecution ${executionArn(`${P}-prod-drift`, 'first')}`, `StopPipelineExecution ${executionArn(`${P}-prod-drift`, 'scheduled')}`,
    ]);
    expect(world.stacks.get(STACKS.prod)!.status).toBe('DELETE_COMPLETE');
  });

  test('an execution SageMaker will not stop stops cleanup before its stack, naming it; once it has ended, cleanup goes on', async () => {
    world.addProject();
    world.pipelines.get(`${P}-prod-drift`)!.push({ arn: executionArn(`${P}-prod-drift`, 'check'), status: 'Executing', pollsLeft: 0, refusesStop: true });
    const plan = await planCleanup(clients, { projectName: P });
    const err = await failure(executeCleanup(clients, plan, options()));
    expect(err).toBeInstanceOf(CliError);
    expect(err.message).toBe(`execution ${executionArn(`${P}-prod-drift`, 'check')} of SageMaker pipeline ${P}-prod-drift could not be stopped `
      + `(ValidationException: Pipeline execution ${executionArn(`${P}-prod-drift`, 'check')} cannot be stopped in its current state.); `
      + 'stop it in SageMaker Studio, then run cleanup again: it continues where it stopped');
    expect(world.log).toEqual([`DeleteStack ${STACKS.deployPipeline}`, `DeleteEndpoint ${P}-prod`]);

    // Once it has ended, running cleanup again deletes the stack.
    world.pipelines.get(`${P}-prod-drift`)![0].status = 'Succeeded';
    await executeCleanup(clients, await planCleanup(clients, { projectName: P }), options());
    expect(world.stacks.get(STACKS.prod)!.status).toBe('DELETE_COMPLETE');
  });

  test('a stack with termination protection: nothing is deleted, the message says how to turn it off', async () => {
    world.addProject();
    world.stacks.set(STACKS.build, { ...world.stacks.get(STACKS.build)!, protection: true });
    const plan = await planCleanup(clients, { projectName: P, purge: true });
    const err = await failure(executeCleanup(clients, plan, options()));
    expect(err).toBeInstanceOf(CliError);
    expect(err.message).toBe([
      `nothing was deleted: termination protection is on for stack ${STACKS.build}; turn it off first with:`,
      `  aws cloudformation update-termination-protection --no-enable-termination-protection --stack-name ${STACKS.build} --region ${REGION}`,
    ].join('\n'));
    expectNoMutation();
  });

  test('a stack still being deleted at the timeout stops cleanup', async () => {
    world.addStack(STACKS.build, [], { pollsLeft: 1000 });
    const plan = await planCleanup(clients, { projectName: P });
    const err = await failure(executeCleanup(clients, plan, options({ timeoutMs: 60_000, pollIntervalMs: 15_000 })));
    expect(err).toBeInstanceOf(CliError);
    expect(err.message).toBe(`the deletion of stack ${STACKS.build} did not finish within 1m00s; it may still be in progress: check it in the AWS console, then run cleanup again`);
    expect(slept).toEqual([15_000, 15_000, 15_000, 15_000]);
  });

  test('a throttled poll is tried again later with a longer delay', async () => {
    world.addStack(STACKS.build, [], { pollsLeft: 0 });
    const plan = await planCleanup(clients, { projectName: P });
    // The planner looks for the seven stacks (batch scoring's and the release pipeline's support stack included).
    expect(cfn.commandCalls(DescribeStacksCommand)).toHaveLength(7);
    const throttled = cfnError('Throttling', 'Rate exceeded');
    let calls = 0;
    const original = world.stacks.get(STACKS.build)!;
    cfn.on(DescribeStacksCommand).callsFake(({ StackName }) => {
      calls += 1;
      // The first poll after DeleteStack (the second call: the first is the check before it) is throttled.
      if (calls === 2) {
        throw throttled;
      }
      const status = original.status === 'DELETE_IN_PROGRESS' ? 'DELETE_COMPLETE' : original.status;
      return { Stacks: [{ StackName: STACKS.build, StackId: StackName, StackStatus: status, CreationTime: new Date() }] };
    });
    const outcomes = await executeCleanup(clients, plan, options());
    expect(outcomes).toEqual([{ type: 'stack', name: STACKS.build, result: 'deleted', detail: 'took 30s' }]);
    expect(slept).toEqual([10_000, 20_000]);
    expect(progress).toContain('  throttled (Throttling: Rate exceeded); polling again in 20s');
  });

  test('errors other than throttling while polling pass through', async () => {
    world.addStack(STACKS.build);
    const plan = await planCleanup(clients, { projectName: P });
    let calls = 0;
    cfn.on(DescribeStacksCommand).callsFake(() => {
      calls += 1;
      if (calls > 1) {
        throw cfnError('AccessDenied', 'denied');
      }
      return { Stacks: [{ StackName: STACKS.build, StackId: stackId(STACKS.build), StackStatus: 'CREATE_COMPLETE', CreationTime: new Date() }] };
    });
    const err = await failure(executeCleanup(clients, plan, options()));
    expect(err.name).toBe('AccessDenied');
    expect(world.log).toEqual([`DeleteStack ${STACKS.build}`]);
    expect(calls).toBe(2);
  });
});

describe('throttled calls of factory clients', () => {
  isolateAwsEnvironment({ credentials: true });

  test('a throttled DeleteModelPackage is retried by the SDK and the purge completes', async () => {
    const real = await createAwsClient(SageMakerClient, { region: REGION, maxAttempts: 3 });
    const notFound: JsonResponse = [400, { __type: 'ValidationException', message: 'Could not find endpoint' }];
    const version = { ModelPackageArn: packageArn(P, 1), ModelPackageVersion: 1, CreationTime: 1741064767, ModelPackageStatus: 'Completed' };
    const calls = stubJsonHttp(real, byOperation({
      DescribeEndpoint: [notFound],
      // Described when planning, and again when the purge starts.
      DescribeModelPackageGroup: [
        [200, { ModelPackageGroupName: P, ModelPackageGroupArn: groupArn(P), CreationTime: 1741064767, ModelPackageGroupStatus: 'Completed' }],
        [200, { ModelPackageGroupName: P, ModelPackageGroupArn: groupArn(P), CreationTime: 1741064767, ModelPackageGroupStatus: 'Completed' }],
      ],
      ListModelPackages: [[200, { ModelPackageSummaryList: [version] }], [200, { ModelPackageSummaryList: [version] }], [200, { ModelPackageSummaryList: [] }]],
      DeleteModelPackage: [THROTTLED, [200, {}]],
      DeleteModelPackageGroup: [[200, {}]],
    }));
    s3.on(ListBucketsCommand).resolves({ Buckets: [] });
    cfn.on(DescribeStacksCommand).rejects(cfnError('ValidationError', 'Stack with id x does not exist'));
    const realClients = { ...clients, sageMaker: real };

    const plan: CleanupPlan = await planCleanup(realClients, { projectName: P, purge: true });
    expect(plan.steps).toEqual([{ type: 'model-package-group', name: P, versions: 1 }]);
    const outcomes = await executeCleanup(realClients, plan, options());

    expect(outcomes).toEqual([{ type: 'model-package-group', name: P, result: 'deleted', detail: 'and its version' }]);
    expect(calls.map((c) => c.operation)).toEqual([
      'DescribeEndpoint', 'DescribeEndpoint', 'DescribeModelPackageGroup', 'ListModelPackages',
      'DescribeModelPackageGroup', 'ListModelPackages', 'DeleteModelPackage', 'DeleteModelPackage', 'ListModelPackages', 'DeleteModelPackageGroup',
    ]);
    real.destroy();
  });
});
