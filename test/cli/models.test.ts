import {
  DescribeModelPackageCommand,
  DescribeModelPackageCommandOutput,
  DescribeModelPackageGroupCommand,
  ListModelPackagesCommand,
  ModelApprovalStatus,
  SageMakerClient,
  SageMakerServiceException,
} from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { AwsClientOptions } from '../../src/aws';
import { CliDeps, runCli } from '../../src/cli';
import { captureOutput as capture } from '../helpers/cli-output';

const sm = mockClient(SageMakerClient);
const GROUP = 'churn-models';
const packageArn = (version: number) => `arn:aws:sagemaker:eu-west-1:123456789012:model-package/${GROUP}/${version}`;
const created = (version: number) => new Date(Date.UTC(2025, 2, version, 5, 6, 7));
const BO = 'arn:aws:sts::123456789012:assumed-role/reviewer/bo';

/** Clients in eu-west-1 (no region lookup on disk); records the options the command asked for. */
function deps(): CliDeps & { requested: AwsClientOptions[] } {
  const requested: AwsClientOptions[] = [];
  return {
    requested,
    sageMakerClient: async (options) => {
      requested.push(options);
      return new SageMakerClient({ region: 'eu-west-1' });
    },
  };
}

async function run(argv: string[], injected: CliDeps = deps()) {
  const out = capture();
  const code = await runCli(argv, out, injected);
  return { code, out };
}

/** What commander writes to stdout and stderr (usage errors, help). */
async function commanderOutput(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const { code } = await run(argv);
    const text = (spy: jest.SpyInstance) => spy.mock.calls.map((c) => String(c[0])).join('');
    return { code, stdout: text(stdout), stderr: text(stderr) };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

function serviceError(name: string, message: string): SageMakerServiceException {
  return new SageMakerServiceException({ name, message, $fault: 'client', $metadata: {} });
}

function summary(version: number, status: ModelApprovalStatus) {
  return { ModelPackageArn: packageArn(version), ModelPackageGroupName: GROUP, ModelPackageVersion: version, CreationTime: created(version), ModelPackageStatus: 'Completed' as const, ModelApprovalStatus: status };
}

function describes(version: number, status: ModelApprovalStatus, extra: Partial<DescribeModelPackageCommandOutput> = {}): void {
  sm.on(DescribeModelPackageCommand, { ModelPackageName: packageArn(version) }).resolves({
    ModelPackageArn: packageArn(version),
    ModelPackageGroupName: GROUP,
    ModelPackageVersion: version,
    ModelApprovalStatus: status,
    CreationTime: created(version),
    ...extra,
  });
}

/** Five versions over three pages (the middle one empty, with a token): 4 is the newest approved. */
function registry(): void {
  sm.on(ListModelPackagesCommand, { NextToken: undefined, ModelApprovalStatus: undefined })
    .resolves({ ModelPackageSummaryList: [summary(5, 'PendingManualApproval'), summary(4, 'Approved')], NextToken: 'page-2' });
  sm.on(ListModelPackagesCommand, { NextToken: 'page-2' }).resolves({ ModelPackageSummaryList: [], NextToken: 'page-3' });
  sm.on(ListModelPackagesCommand, { NextToken: 'page-3' })
    .resolves({ ModelPackageSummaryList: [summary(3, 'Rejected'), summary(2, 'Approved'), summary(1, 'Approved')] });
  describes(5, 'PendingManualApproval', { CustomerMetadataProperties: { auc: '0.8400' } });
  describes(4, 'Approved', { CustomerMetadataProperties: { auc: '0.81234' }, ApprovalDescription: 'beats 2\non the holdout', LastModifiedBy: { UserProfileName: 'ana' } });
  describes(3, 'Rejected', { CustomerMetadataProperties: { auc: 'oops' }, ApprovalDescription: 'worse', LastModifiedBy: { IamIdentity: { Arn: BO } } });
  describes(2, 'Approved', { CustomerMetadataProperties: { auc: '0.8' } });
  describes(1, 'Approved');
}

beforeEach(() => {
  sm.reset();
});

describe('models', () => {
  test('prints every version newest first, marking the one model-deploy deploys', async () => {
    registry();
    const injected = deps();
    const { code, out } = await run(['--region', 'eu-west-1', '--profile', 'ml-dev', 'models', '--group', GROUP], injected);
    expect(code).toBe(0);
    expect(out.results).toEqual([[
      '   version  created               status                 AUC     decided by                                          description',
      '   5        2025-03-05 05:06 UTC  PendingManualApproval  0.8400  -                                                   -',
      '*  4        2025-03-04 05:06 UTC  Approved               0.8123  ana                                                 beats 2 on the holdout',
      `   3        2025-03-03 05:06 UTC  Rejected               n/a     ${BO}  worse`,
      '   2        2025-03-02 05:06 UTC  Approved               0.8000  -                                                   -',
      '   1        2025-03-01 05:06 UTC  Approved               n/a     -                                                   -',
      '* the model-deploy pipeline deploys version 4, the newest Approved',
    ].join('\n')]);
    expect(out.infos).toEqual([]);
    expect(injected.requested).toEqual([{ region: 'eu-west-1', profile: 'ml-dev' }]);
    expect(sm.commandCalls(ListModelPackagesCommand).map((call) => call.args[0].input.NextToken)).toEqual([undefined, 'page-2', 'page-3']);
    expect(sm).toHaveReceivedCommandWith(ListModelPackagesCommand, { ModelPackageGroupName: GROUP, SortBy: 'CreationTime', SortOrder: 'Descending' });
    expect(sm).toHaveReceivedCommandTimes(DescribeModelPackageCommand, 5);
  });

  test('--json prints an array of versions with a deploys flag', async () => {
    registry();
    const { code, out } = await run(['--json', 'models', '--group', GROUP]);
    expect(code).toBe(0);
    expect(out.results).toEqual([[
      { modelPackageGroupName: GROUP, modelPackageArn: packageArn(5), version: 5, creationTime: '2025-03-05T05:06:07.000Z', approvalStatus: 'PendingManualApproval', auc: 0.84, deploys: false },
      {
        modelPackageGroupName: GROUP,
        modelPackageArn: packageArn(4),
        version: 4,
        creationTime: '2025-03-04T05:06:07.000Z',
        approvalStatus: 'Approved',
        auc: 0.81234,
        decidedBy: 'ana',
        approvalDescription: 'beats 2\non the holdout',
        deploys: true,
      },
      { modelPackageGroupName: GROUP, modelPackageArn: packageArn(3), version: 3, creationTime: '2025-03-03T05:06:07.000Z', approvalStatus: 'Rejected', decidedBy: BO, approvalDescription: 'worse', deploys: false },
      { modelPackageGroupName: GROUP, modelPackageArn: packageArn(2), version: 2, creationTime: '2025-03-02T05:06:07.000Z', approvalStatus: 'Approved', auc: 0.8, deploys: false },
      { modelPackageGroupName: GROUP, modelPackageArn: packageArn(1), version: 1, creationTime: '2025-03-01T05:06:07.000Z', approvalStatus: 'Approved', deploys: false },
    ]]);
  });

  test('--status Rejected lists only those and still says which version deploys', async () => {
    sm.on(ListModelPackagesCommand, { ModelApprovalStatus: 'Rejected' }).resolves({ ModelPackageSummaryList: [summary(3, 'Rejected')] });
    sm.on(ListModelPackagesCommand, { ModelApprovalStatus: 'Approved' }).resolves({ ModelPackageSummaryList: [summary(4, 'Approved'), summary(2, 'Approved')] });
    describes(3, 'Rejected', { ApprovalDescription: 'worse', LastModifiedBy: { UserProfileName: 'bo' } });
    const { code, out } = await run(['models', '--group', GROUP, '--status', 'Rejected']);
    expect(code).toBe(0);
    expect(out.results).toEqual([[
      '   version  created               status    AUC  decided by  description',
      '   3        2025-03-03 05:06 UTC  Rejected  n/a  bo          worse',
      'the model-deploy pipeline deploys version 4, the newest Approved (not listed with --status Rejected)',
    ].join('\n')]);
    expect(sm).toHaveReceivedCommandTimes(DescribeModelPackageCommand, 1);
  });

  test('--status Approved takes the deployed version from the listing', async () => {
    sm.on(ListModelPackagesCommand, { ModelApprovalStatus: 'Approved' }).resolves({ ModelPackageSummaryList: [summary(4, 'Approved')] });
    describes(4, 'Approved');
    const { code, out } = await run(['--json', 'models', '--group', GROUP, '--status', 'Approved']);
    expect(code).toBe(0);
    expect(out.results).toEqual([[expect.objectContaining({ version: 4, deploys: true })]]);
    expect(sm).toHaveReceivedCommandTimes(ListModelPackagesCommand, 1);
  });

  test('without an approved version the line under the table says nothing deploys', async () => {
    sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [summary(1, 'PendingManualApproval')] });
    describes(1, 'PendingManualApproval', { LastModifiedBy: { UserProfileName: 'not-shown-while-pending' } });
    const { code, out } = await run(['models', '--group', GROUP]);
    expect(code).toBe(0);
    expect(out.results).toEqual([[
      '   version  created               status                 AUC  decided by  description',
      '   1        2025-03-01 05:06 UTC  PendingManualApproval  n/a  -           -',
      'no version is approved: the model-deploy pipeline deploys nothing (it fails at resolve-model)',
    ].join('\n')]);
  });

  test('an empty group says the model-build pipeline registers versions, exit 0', async () => {
    sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [] });
    sm.on(DescribeModelPackageGroupCommand).resolves({ ModelPackageGroupName: GROUP });
    const { code, out } = await run(['models', '--group', GROUP]);
    expect(code).toBe(0);
    expect(out.results).toEqual([`model package group ${GROUP} has no versions yet: the model-build pipeline registers one when it succeeds`]);
  });

  test('an empty group with --json is an empty array', async () => {
    sm.on(ListModelPackagesCommand).resolves({});
    sm.on(DescribeModelPackageGroupCommand).resolves({ ModelPackageGroupName: GROUP });
    const { code, out } = await run(['--json', 'models', '--group', GROUP]);
    expect(code).toBe(0);
    expect(out.results).toEqual([[]]);
  });

  test('no version with the status says so, and what deploys', async () => {
    sm.on(ListModelPackagesCommand, { ModelApprovalStatus: 'PendingManualApproval' }).resolves({ ModelPackageSummaryList: [] });
    sm.on(ListModelPackagesCommand, { ModelApprovalStatus: 'Approved' }).resolves({ ModelPackageSummaryList: [summary(2, 'Approved')] });
    sm.on(DescribeModelPackageGroupCommand).resolves({ ModelPackageGroupName: GROUP });
    const { code, out } = await run(['models', '--group', GROUP, '--status', 'PendingManualApproval']);
    expect(code).toBe(0);
    expect(out.results).toEqual([[
      `model package group ${GROUP} has no versions with status PendingManualApproval`,
      'the model-deploy pipeline deploys version 2, the newest Approved (not listed with --status PendingManualApproval)',
    ].join('\n')]);
  });

  test('a group that does not exist exits 1 naming group and region', async () => {
    sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [] });
    sm.on(DescribeModelPackageGroupCommand).rejects(serviceError('ValidationException', `ModelPackageGroup ${GROUP} does not exist.`));
    const { code, out } = await run(['models', '--group', GROUP]);
    expect(code).toBe(1);
    expect(out.results).toEqual([]);
    expect(out.infos).toEqual([`error: model package group ${GROUP} does not exist in region eu-west-1: ModelPackageGroup ${GROUP} does not exist.`]);
  });

  test('another failure exits 1 with its message', async () => {
    sm.on(ListModelPackagesCommand).rejects(serviceError('AccessDeniedException', 'not authorized to perform sagemaker:ListModelPackages'));
    const { code, out } = await run(['models', '--group', GROUP]);
    expect(code).toBe(1);
    expect(out.infos).toEqual(['error: not authorized to perform sagemaker:ListModelPackages']);
  });

  test('--help exits 0', async () => {
    const { code, stdout } = await commanderOutput(['models', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage: sagemaker-gitops models \[options\]/);
    expect(stdout).toMatch(/--status <status>.*choices:\s+"Approved",\s+"Rejected",\s+"PendingManualApproval"/s);
  });
});

describe('models --limit', () => {
  test('shows the newest n versions, says how many are left out, and still marks the deployed one', async () => {
    registry();
    const { code, out } = await run(['--region', 'eu-west-1', 'models', '--group', GROUP, '--limit', '2'], deps());
    expect(code).toBe(0);
    const lines = String(out.results[0]).split('\n');
    expect(lines.slice(1, 3).map((line) => line.slice(0, 12))).toEqual(['   5        ', '*  4        ']);
    expect(lines.slice(3)).toEqual(['* the model-deploy pipeline deploys version 4, the newest Approved', '3 older version(s) not shown (--limit 2)']);
  });

  /**
   * Amazon SageMaker API Reference, ListModelPackages and DescribeModelPackage: the listing pages
   * through every version (NextToken until none), and each DescribeModelPackage is one call per
   * version; --limit n describes only the n shown, not the whole history.
   */
  test('describes only the versions it shows, and names the deployed one from the listing when it is older', async () => {
    registry();
    const { code, out } = await run(['--region', 'eu-west-1', 'models', '--group', GROUP, '--limit', '1'], deps());
    expect(code).toBe(0);
    expect(sm).toHaveReceivedCommandTimes(DescribeModelPackageCommand, 1);
    expect(sm).toHaveReceivedCommandWith(DescribeModelPackageCommand, { ModelPackageName: packageArn(5) });
    expect(sm).toHaveReceivedCommandWith(ListModelPackagesCommand, { NextToken: 'page-3' });
    const lines = String(out.results[0]).split('\n');
    expect(lines.slice(2)).toEqual(['the model-deploy pipeline deploys version 4, the newest Approved (not listed)', '4 older version(s) not shown (--limit 1)']);
  });

  test('with --json, the newest n versions only', async () => {
    registry();
    const { out } = await run(['--region', 'eu-west-1', '--json', 'models', '--group', GROUP, '--limit', '1'], deps());
    expect((out.results[0] as any[]).map((v) => [v.version, v.deploys, v.creationTime])).toEqual([[5, false, '2025-03-05T05:06:07.000Z']]);
  });
});

describe('models usage errors exit 2 and call nothing', () => {
  test.each([
    [['models'], /error: required option '--group <name>' not specified/],
    [['models', '--group', 'churn_models'], /model package group name must be 1 to 63 letters, digits and hyphens.*got churn_models/],
    [['models', '--group', '-churn'], /error: option '--group <name>' argument '-churn' is invalid\. model package group name must be .*got -churn/],
    [['models', '--group', GROUP, '--status', 'approved'], /error: option '--status <status>' argument 'approved' is invalid\. Allowed choices are Approved, Rejected, PendingManualApproval/],
    [['models', '--group', GROUP, '--status'], /error: option '--status <status>' argument missing/],
    [['models', '--group', GROUP, '--newest'], /error: unknown option '--newest'/],
    [['models', '--group', GROUP, '--limit', '0'], /--limit must be a whole number from 1 to 1000, got 0/],
    [['models', '--group', GROUP, '--limit', '2.5'], /--limit must be a whole number from 1 to 1000, got 2\.5/],
    [['models', '--group', GROUP, '--limit', '5000'], /--limit must be a whole number from 1 to 1000, got 5000/],
  ])('%j', async (argv, message) => {
    const { code, stderr } = await commanderOutput(argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(sm).not.toHaveReceivedAnyCommand();
  });
});
