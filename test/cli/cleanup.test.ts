import {
  CloudFormationClient,
  CloudFormationServiceException,
  DeleteStackCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ListStackResourcesCommand,
} from '@aws-sdk/client-cloudformation';
import { DeleteBucketCommand, DeleteObjectsCommand, ListBucketsCommand, ListObjectVersionsCommand, PutBucketLoggingCommand, S3Client } from '@aws-sdk/client-s3';
import {
  DeleteEndpointCommand,
  DeleteEndpointConfigCommand,
  DeleteModelPackageCommand,
  DeleteModelPackageGroupCommand,
  DescribeEndpointCommand,
  DescribeModelPackageGroupCommand,
  ListMlflowAppsCommand,
  ListMlflowTrackingServersCommand,
  ListModelPackagesCommand,
  SageMakerClient,
  SageMakerServiceException,
} from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { AwsClientOptions, CliError } from '../../src/aws';
import { CliDeps, runCli } from '../../src/cli';
import { captureOutput as capture } from '../helpers/cli-output';

const cfn = mockClient(CloudFormationClient);
const sm = mockClient(SageMakerClient);
const s3 = mockClient(S3Client);

const REGION = 'eu-west-1';
const P = 'churn';
const BUILD_PIPELINE = `${P}-model-build-pipeline`;
const BUILD = `${P}-model-build`;
const stackId = (name: string) => `arn:aws:cloudformation:${REGION}:123456789012:stack/${name}/0000`;
const packageArn = (version: number) => `arn:aws:sagemaker:${REGION}:123456789012:model-package/${P}/${version}`;

const notFound = {
  stack: (name: string) => new CloudFormationServiceException({ name: 'ValidationError', message: `Stack with id ${name} does not exist`, $fault: 'client', $metadata: {} }),
  sageMaker: (message: string) => new SageMakerServiceException({ name: 'ValidationException', message, $fault: 'client', $metadata: {} }),
};

function expectNoMutation(): void {
  expect(cfn).not.toHaveReceivedCommand(DeleteStackCommand);
  expect(sm).not.toHaveReceivedCommand(DeleteEndpointCommand);
  expect(sm).not.toHaveReceivedCommand(DeleteEndpointConfigCommand);
  expect(sm).not.toHaveReceivedCommand(DeleteModelPackageCommand);
  expect(sm).not.toHaveReceivedCommand(DeleteModelPackageGroupCommand);
  expect(s3).not.toHaveReceivedCommand(PutBucketLoggingCommand);
  expect(s3).not.toHaveReceivedCommand(DeleteObjectsCommand);
  expect(s3).not.toHaveReceivedCommand(DeleteBucketCommand);
}

/**
 * The project in this account: the model-build pipeline and model-build stacks (the deploy side is
 * elsewhere), a production endpoint its deleted stack left, a group with two versions, a bucket.
 * `failBuild` makes the model-build stack's deletion fail.
 */
function project({ failBuild = false } = {}): { deleted: string[] } {
  const deleted: string[] = [];
  const live = new Set([BUILD_PIPELINE, BUILD]);
  let endpoint = true;
  let versions = [1, 2];
  cfn.on(DescribeStacksCommand).callsFake(({ StackName }) => {
    const name = [BUILD_PIPELINE, BUILD].find((n) => n === StackName || stackId(n) === StackName);
    if (!name || (!live.has(name) && !StackName.startsWith('arn:'))) {
      throw notFound.stack(StackName);
    }
    const status = live.has(name) ? 'CREATE_COMPLETE' : failBuild && name === BUILD ? 'DELETE_FAILED' : 'DELETE_COMPLETE';
    return { Stacks: [{ StackName: name, StackId: stackId(name), StackStatus: status, CreationTime: new Date(), StackStatusReason: status === 'DELETE_FAILED' ? 'The following resource(s) failed to delete: [ExecutionRole].' : undefined }] };
  });
  cfn.on(DeleteStackCommand).callsFake(({ StackName }) => {
    const name = [BUILD_PIPELINE, BUILD].find((n) => stackId(n) === StackName)!;
    deleted.push(`stack ${name}`);
    live.delete(name);
    return {};
  });
  cfn.on(ListStackResourcesCommand).callsFake(({ StackName }) => ({
    StackResourceSummaries: StackName === stackId(BUILD) ? [
      { LogicalResourceId: 'ArtifactsBucket', ResourceType: 'AWS::S3::Bucket', PhysicalResourceId: `${P}-artifacts`, ResourceStatus: 'CREATE_COMPLETE', LastUpdatedTimestamp: new Date() },
      { LogicalResourceId: 'ArtifactsKey', ResourceType: 'AWS::KMS::Key', PhysicalResourceId: 'key-1', ResourceStatus: 'CREATE_COMPLETE', LastUpdatedTimestamp: new Date() },
    ] : [],
  }));
  cfn.on(DescribeStackEventsCommand).resolves({
    StackEvents: [
      { StackId: stackId(BUILD), EventId: '2', StackName: BUILD, LogicalResourceId: 'ExecutionRole', ResourceType: 'AWS::IAM::Role', ResourceStatus: 'DELETE_FAILED', ResourceStatusReason: 'Cannot delete entity, must detach all policies first.', Timestamp: new Date() },
      { StackId: stackId(BUILD), EventId: '1', StackName: BUILD, LogicalResourceId: BUILD, PhysicalResourceId: stackId(BUILD), ResourceType: 'AWS::CloudFormation::Stack', ResourceStatus: 'DELETE_IN_PROGRESS', Timestamp: new Date() },
    ],
  });
  sm.on(DescribeEndpointCommand).callsFake(({ EndpointName }) => {
    if (EndpointName !== `${P}-prod` || !endpoint) {
      throw notFound.sageMaker(`Could not find endpoint "${EndpointName}".`);
    }
    return { EndpointName, EndpointStatus: 'InService', EndpointConfigName: `${P}-prod-config` };
  });
  sm.on(DeleteEndpointCommand).callsFake(({ EndpointName }) => {
    deleted.push(`endpoint ${EndpointName}`);
    endpoint = false;
    return {};
  });
  sm.on(DeleteEndpointConfigCommand).callsFake(({ EndpointConfigName }) => {
    deleted.push(`endpoint config ${EndpointConfigName}`);
    return {};
  });
  sm.on(DescribeModelPackageGroupCommand).resolves({ ModelPackageGroupName: P, ModelPackageGroupArn: `arn:aws:sagemaker:${REGION}:123456789012:model-package-group/${P}`, CreationTime: new Date(), ModelPackageGroupStatus: 'Completed' });
  // The account's MLflow backends (a purge keeps the bucket of each one's artifact store): none here.
  sm.on(ListMlflowAppsCommand).resolves({ Summaries: [] });
  sm.on(ListMlflowTrackingServersCommand).resolves({ TrackingServerSummaries: [] });
  sm.on(ListModelPackagesCommand).callsFake(() => ({
    ModelPackageSummaryList: versions.map((v) => ({ ModelPackageArn: packageArn(v), ModelPackageVersion: v, CreationTime: new Date(), ModelPackageStatus: 'Completed' })),
  }));
  sm.on(DeleteModelPackageCommand).callsFake(({ ModelPackageName }) => {
    deleted.push(`model package ${ModelPackageName}`);
    versions = versions.filter((v) => packageArn(v) !== ModelPackageName);
    return {};
  });
  sm.on(DeleteModelPackageGroupCommand).callsFake(({ ModelPackageGroupName }) => {
    deleted.push(`model package group ${ModelPackageGroupName}`);
    return {};
  });
  s3.on(ListBucketsCommand).resolves({ Buckets: [] });
  s3.on(PutBucketLoggingCommand).resolves({});
  s3.on(ListObjectVersionsCommand).resolves({ Versions: [{ Key: 'a', VersionId: '1' }], DeleteMarkers: [{ Key: 'b', VersionId: '2' }], IsTruncated: false });
  s3.on(DeleteObjectsCommand).callsFake(({ Delete }) => {
    deleted.push(`${Delete.Objects.length} objects`);
    return {};
  });
  s3.on(DeleteBucketCommand).callsFake(({ Bucket }) => {
    deleted.push(`bucket ${Bucket}`);
    return {};
  });
  return { deleted };
}

interface TestDeps extends CliDeps {
  readonly requested: AwsClientOptions[];
  readonly questions: string[];
  readonly slept: number[];
}

/** Clients in eu-west-1, a prompt that answers `answer` (on a terminal unless `tty` is false), a sleep that does not wait. */
function deps({ answer = P, tty = true } = {}): TestDeps {
  const requested: AwsClientOptions[] = [];
  const questions: string[] = [];
  const slept: number[] = [];
  let now = 0;
  return {
    requested,
    questions,
    slept,
    cloudFormationClient: async (options) => {
      requested.push(options);
      return new CloudFormationClient({ region: REGION });
    },
    sageMakerClient: async (options) => {
      requested.push(options);
      return new SageMakerClient({ region: REGION });
    },
    s3Client: async (options) => {
      requested.push(options);
      return new S3Client({ region: REGION });
    },
    confirmPrompt: {
      isInteractive: () => tty,
      ask: async (question) => {
        questions.push(question);
        return answer;
      },
    },
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
    now: () => now,
  };
}

async function run(argv: string[], injected: TestDeps = deps()) {
  const out = capture();
  const code = await runCli(argv, out, injected);
  return { code, out, injected };
}

/** What commander writes itself (usage errors, help). */
async function written(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const { code } = await run(argv);
    return { code, stdout: stdout.mock.calls.map((c) => String(c[0])).join(''), stderr: stderr.mock.calls.map((c) => String(c[0])).join('') };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

const PLAN = [
  `cleanup of project ${P} in ${REGION} (the account of the current credentials; other accounts and regions are not searched)`,
  'delete, in this order:',
  `  1. endpoint ${P}-prod (InService; its stack ${P}-prod-endpoint is gone) and its endpoint config ${P}-prod-config`,
  `  2. stack ${BUILD_PIPELINE} (CREATE_COMPLETE)`,
  `  3. stack ${BUILD} (CREATE_COMPLETE)`,
  'not found here, skipped:',
  `  stack ${P}-model-deploy-pipeline`,
  `  stack ${P}-prod-endpoint`,
  `  stack ${P}-staging-endpoint`,
];

const KEPT = [
  'keep:',
  `  model package group ${P} with its 2 versions: --purge deletes them`,
  `  bucket ${P}-artifacts (from stack ${BUILD}) and its data: --purge deletes them`,
  `  KMS key key-1 (from stack ${BUILD}): cleanup never deletes keys; once nothing needs it, schedule its deletion by hand: aws kms schedule-key-deletion --key-id key-1 --pending-window-in-days 30 --region ${REGION}`,
];

beforeEach(() => {
  cfn.reset();
  sm.reset();
  s3.reset();
});

describe('cleanup --dry-run', () => {
  test('prints the plan, what is not here and what is kept; changes nothing', async () => {
    project();
    const { code, out, injected } = await run(['--region', REGION, '--profile', 'ml-dev', 'cleanup', '--project', P, '--dry-run']);
    expect(code).toBe(0);
    expect(out.results).toEqual([[...PLAN, ...KEPT].join('\n')]);
    expect(out.infos).toEqual([]);
    expect(injected.questions).toEqual([]);
    expect(injected.requested).toEqual([{ region: REGION, profile: 'ml-dev' }, { region: REGION, profile: 'ml-dev' }, { region: REGION, profile: 'ml-dev' }]);
    expectNoMutation();
  });

  test('with --purge lists the versions, the group and the bucket as deletions; the key stays', async () => {
    project();
    const { code, out } = await run(['cleanup', '--project', P, '--purge', '--dry-run']);
    expect(code).toBe(0);
    expect(out.results).toEqual([[
      ...PLAN.slice(0, 5),
      `  4. model package group ${P}: its 2 versions, then the group`,
      `  5. bucket ${P}-artifacts (from stack ${BUILD}): every object version and delete marker, then the bucket`,
      ...PLAN.slice(5),
      'keep:',
      KEPT[3],
    ].join('\n')]);
    expectNoMutation();
  });

  test('--json prints the plan as JSON', async () => {
    project();
    const { code, out } = await run(['--json', 'cleanup', '--project', P, '--dry-run']);
    expect(code).toBe(0);
    expect(out.results).toEqual([{
      projectName: P,
      region: REGION,
      purge: false,
      dryRun: true,
      steps: [
        { type: 'endpoint', name: `${P}-prod`, status: 'InService', endpointConfigName: `${P}-prod-config`, reason: `its stack ${P}-prod-endpoint is gone` },
        { type: 'stack', name: BUILD_PIPELINE, stackId: stackId(BUILD_PIPELINE), status: 'CREATE_COMPLETE', terminationProtection: false, pipelines: [] },
        { type: 'stack', name: BUILD, stackId: stackId(BUILD), status: 'CREATE_COMPLETE', terminationProtection: false, pipelines: [] },
      ],
      kept: [
        { type: 'model-package-group', name: P, versions: 2 },
        { type: 'bucket', name: `${P}-artifacts`, stackName: BUILD },
        { type: 'kms-key', name: 'key-1', stackName: BUILD },
      ],
      notFound: [
        { type: 'stack', name: `${P}-model-deploy-pipeline` },
        { type: 'stack', name: `${P}-prod-endpoint` },
        { type: 'stack', name: `${P}-staging-endpoint` },
      ],
    }]);
    expectNoMutation();
  });
});

describe('cleanup confirmation', () => {
  test('the project name typed: deletes in order and prints what it did', async () => {
    const { deleted } = project();
    const { code, out, injected } = await run(['cleanup', '--project', P]);
    expect(code).toBe(0);
    expect(injected.questions).toEqual([`type the project name to confirm the deletion (${P}): `]);
    expect(deleted).toEqual([`endpoint ${P}-prod`, `endpoint config ${P}-prod-config`, `stack ${BUILD_PIPELINE}`, `stack ${BUILD}`]);
    expect(out.infos.slice(0, PLAN.length + KEPT.length)).toEqual([...PLAN, ...KEPT]);
    expect(out.infos).toContain(`deleting stack ${BUILD} (CREATE_COMPLETE)…`);
    expect(out.results).toEqual([[
      `cleaned up project ${P} in ${REGION}:`,
      `  deleted endpoint ${P}-prod (its endpoint config ${P}-prod-config deleted too)`,
      `  deleted stack ${BUILD_PIPELINE} (took 10s)`,
      `  deleted stack ${BUILD} (took 10s)`,
      ...KEPT,
    ].join('\n')]);
    expect(injected.slept).toEqual([10_000, 10_000, 10_000]);
    expect(sm).not.toHaveReceivedCommand(DeleteModelPackageCommand);
    expect(s3).not.toHaveReceivedCommand(DeleteBucketCommand);
  });

  test.each(['', 'Churn', 'churn-model-build', 'yes'])('typing %j cancels and deletes nothing (exit 1)', async (answer) => {
    project();
    const { code, out, injected } = await run(['cleanup', '--project', P], deps({ answer }));
    expect(code).toBe(1);
    expect(injected.questions).toHaveLength(1);
    expect(out.infos[out.infos.length - 1]).toBe(`error: cleanup cancelled: ${JSON.stringify(answer)} is not the project name ${P}; nothing was deleted`);
    expect(out.results).toEqual([]);
    expectNoMutation();
  });

  test('spaces around the typed name do not matter', async () => {
    const { deleted } = project();
    expect((await run(['cleanup', '--project', P], deps({ answer: `  ${P}\n` }))).code).toBe(0);
    expect(deleted).toHaveLength(4);
  });

  test('stdin not a terminal and no --yes: prints the plan, refuses, deletes nothing', async () => {
    project();
    const { code, out, injected } = await run(['cleanup', '--project', P], deps({ tty: false }));
    expect(code).toBe(1);
    expect(injected.questions).toEqual([]);
    expect(out.infos.slice(0, PLAN.length)).toEqual(PLAN);
    expect(out.infos[out.infos.length - 1]).toBe('error: refusing to delete without --yes when stdin is not a terminal: review the plan above, then run again with --yes (or --dry-run to only list it)');
    expectNoMutation();
  });

  test('--yes deletes without asking, also when stdin is not a terminal', async () => {
    const { deleted } = project();
    const { code, injected } = await run(['cleanup', '--project', P, '--yes'], deps({ tty: false }));
    expect(code).toBe(0);
    expect(injected.questions).toEqual([]);
    expect(deleted).toHaveLength(4);
  });
});

describe('cleanup --purge --yes --json', () => {
  test('deletes the versions, the group and the emptied bucket after the stacks; prints the outcomes as JSON', async () => {
    const { deleted } = project();
    const { code, out } = await run(['--json', 'cleanup', '--project', P, '--purge', '--yes']);
    expect(code).toBe(0);
    expect(deleted).toEqual([
      `endpoint ${P}-prod`, `endpoint config ${P}-prod-config`, `stack ${BUILD_PIPELINE}`, `stack ${BUILD}`,
      `model package ${packageArn(1)}`, `model package ${packageArn(2)}`, `model package group ${P}`,
      '2 objects', `bucket ${P}-artifacts`,
    ]);
    expect(out.results).toEqual([{
      projectName: P,
      region: REGION,
      purge: true,
      dryRun: false,
      outcomes: [
        { type: 'endpoint', name: `${P}-prod`, result: 'deleted', detail: `its endpoint config ${P}-prod-config deleted too` },
        { type: 'stack', name: BUILD_PIPELINE, result: 'deleted', detail: 'took 10s' },
        { type: 'stack', name: BUILD, result: 'deleted', detail: 'took 10s' },
        { type: 'model-package-group', name: P, result: 'deleted', detail: 'and its 2 versions' },
        { type: 'bucket', name: `${P}-artifacts`, result: 'deleted', detail: 'emptied of 2 object versions and delete markers' },
      ],
      kept: [{ type: 'kms-key', name: 'key-1', stackName: BUILD }],
      notFound: [
        { type: 'stack', name: `${P}-model-deploy-pipeline` },
        { type: 'stack', name: `${P}-prod-endpoint` },
        { type: 'stack', name: `${P}-staging-endpoint` },
      ],
    }]);
  });
});

describe('cleanup failures', () => {
  test('DELETE_FAILED exits 1 naming the stack, the reason and the failed resource; the purge does not run', async () => {
    const { deleted } = project({ failBuild: true });
    const { code, out } = await run(['cleanup', '--project', P, '--purge', '--yes']);
    expect(code).toBe(1);
    expect(out.results).toEqual([]);
    expect(out.infos[out.infos.length - 1]).toBe([
      `error: stack ${BUILD} could not be deleted (DELETE_FAILED): The following resource(s) failed to delete: [ExecutionRole].`,
      '  first failed resource: ExecutionRole (AWS::IAM::Role): Cannot delete entity, must detach all policies first.',
      '  fix the cause (or delete that resource by hand), then run cleanup again: it continues where it stopped',
    ].join('\n'));
    expect(deleted).toEqual([`endpoint ${P}-prod`, `endpoint config ${P}-prod-config`, `stack ${BUILD_PIPELINE}`, `stack ${BUILD}`]);
    expect(sm).not.toHaveReceivedCommand(DeleteModelPackageCommand);
    expect(s3).not.toHaveReceivedCommand(DeleteBucketCommand);
  });

  test('a client that cannot be built (no region) exits 1 and destroys the clients already built', async () => {
    project();
    const injected = deps();
    const destroyed: string[] = [];
    const failing: TestDeps = {
      ...injected,
      cloudFormationClient: async () => {
        const client = new CloudFormationClient({ region: REGION });
        jest.spyOn(client, 'destroy').mockImplementation(() => destroyed.push('cloudformation'));
        return client;
      },
      sageMakerClient: async () => {
        throw new CliError('no AWS region configured: pass --region <region> or set AWS_REGION (or set a region in the AWS profile)');
      },
    };
    const { code, out } = await run(['cleanup', '--project', P, '--yes'], failing);
    expect(code).toBe(1);
    expect(out.infos).toEqual(['error: no AWS region configured: pass --region <region> or set AWS_REGION (or set a region in the AWS profile)']);
    expect(destroyed).toEqual(['cloudformation']);
    expectNoMutation();
  });
});

describe('nothing to clean up', () => {
  beforeEach(() => {
    cfn.on(DescribeStacksCommand).callsFake(({ StackName }) => {
      throw notFound.stack(StackName);
    });
    sm.on(DescribeEndpointCommand).rejects(notFound.sageMaker('Could not find endpoint.'));
    sm.on(DescribeModelPackageGroupCommand).rejects(notFound.sageMaker(`ModelPackageGroup ${P} does not exist.`));
    s3.on(ListBucketsCommand).resolves({ Buckets: [] });
  });

  test.each([[[]], [['--purge']], [['--dry-run']]])('says so and exits 0 (%j)', async (extra) => {
    const { code, out, injected } = await run(['cleanup', '--project', P, ...extra]);
    expect(code).toBe(0);
    expect(out.results).toEqual([`nothing to clean up for project ${P} in ${REGION}`]);
    expect(injected.questions).toEqual([]);
    expectNoMutation();
  });

  test('with --json: the empty plan, and the message for people', async () => {
    const { code, out } = await run(['--json', 'cleanup', '--project', P]);
    expect(code).toBe(0);
    expect(out.results).toEqual([{
      projectName: P,
      region: REGION,
      purge: false,
      dryRun: false,
      steps: [],
      kept: [],
      notFound: [
        { type: 'stack', name: `${P}-model-deploy-pipeline` },
        { type: 'stack', name: `${P}-prod-endpoint` },
        { type: 'stack', name: `${P}-staging-endpoint` },
        { type: 'stack', name: BUILD_PIPELINE },
        { type: 'stack', name: BUILD },
        { type: 'model-package-group', name: P },
      ],
    }]);
    expect(out.infos).toEqual([`nothing to clean up for project ${P} in ${REGION}`]);
  });

  test('only the kept registry left: nothing to delete, and it says what stays', async () => {
    sm.on(DescribeModelPackageGroupCommand).resolves({ ModelPackageGroupName: P, ModelPackageGroupArn: 'arn', CreationTime: new Date(), ModelPackageGroupStatus: 'Completed' });
    sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [] });
    const { code, out } = await run(['cleanup', '--project', P]);
    expect(code).toBe(0);
    expect(out.results).toEqual([[
      `nothing to clean up for project ${P} in ${REGION}`,
      'keep:',
      `  model package group ${P} with its 0 versions: --purge deletes them`,
    ].join('\n')]);
  });
});

describe('cleanup usage', () => {
  test('--help says that other accounts and regions are not searched', async () => {
    const { code, stdout } = await written(['cleanup', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--project <name>');
    expect(stdout).toContain('--purge');
    expect(stdout).toContain('--dry-run');
    expect(stdout).toMatch(/Only the current account and region \(--profile, --region\) are searched/);
    expect(stdout).toContain('KMS keys');
  });

  test.each([
    [['cleanup'], /error: required option '--project <name>' not specified/],
    [['cleanup', '--project', '1churn'], /project name must start with a letter.*got "1churn"/],
    [['cleanup', '--project', 'churn_model'], /project name must start with a letter.*got "churn_model"/],
    [['cleanup', '--project', 'churn-'], /project name must start with a letter.*got "churn-"/],
    [['cleanup', '--project', 'a'.repeat(33)], /at most 32 characters long, got "a{33}"/],
    [['cleanup', '--project', P, '--group', 'bad_group'], /model package group name must be .*got bad_group/],
    [['cleanup', '--project', P, '--force'], /error: unknown option '--force'/],
  ])('%j exits 2 and calls nothing', async (argv, message) => {
    const { code, stderr } = await written(argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(cfn).not.toHaveReceivedAnyCommand();
    expect(sm).not.toHaveReceivedAnyCommand();
    expect(s3).not.toHaveReceivedAnyCommand();
  });
});
