import {
  DescribeModelPackageCommand,
  DescribeModelPackageGroupCommand,
  ListModelPackagesCommand,
  ModelApprovalStatus,
  SageMakerClient,
  SageMakerServiceException,
  UpdateModelPackageCommand,
} from '@aws-sdk/client-sagemaker';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { AwsClientOptions } from '../../src/aws';
import { CliDeps, runCli } from '../../src/cli';
import { captureOutput as capture } from '../helpers/cli-output';

const sm = mockClient(SageMakerClient);
const sts = mockClient(STSClient);
const GROUP = 'churn-models';
const ACCOUNT = '123456789012';
const packageArn = (version: number) => `arn:aws:sagemaker:eu-west-1:${ACCOUNT}:model-package/${GROUP}/${version}`;
const STARTS = 'the model-deploy pipeline starts on this change: ';

/** Clients in eu-west-1 (no region lookup on disk); records the options the command asked for. */
function deps(): CliDeps & { requested: Array<[string, AwsClientOptions]> } {
  const requested: Array<[string, AwsClientOptions]> = [];
  return {
    requested,
    sageMakerClient: async (options) => {
      requested.push(['sagemaker', options]);
      return new SageMakerClient({ region: 'eu-west-1' });
    },
    stsClient: async (options) => {
      requested.push(['sts', options]);
      return new STSClient({ region: 'eu-west-1' });
    },
  };
}

async function run(argv: string[], injected: CliDeps = deps()) {
  const out = capture();
  const code = await runCli(argv, out, injected);
  return { code, out };
}

/** What commander writes to stdout and stderr (usage errors, help). */
async function commanderOutput(argv: string[]): Promise<{ code: number; stdout: string; stderr: string; results: unknown[] }> {
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const { code, out } = await run(argv);
    const text = (spy: jest.SpyInstance) => spy.mock.calls.map((c) => String(c[0])).join('');
    return { code, stdout: text(stdout), stderr: text(stderr), results: out.results };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

function serviceError(name: string, message: string): SageMakerServiceException {
  return new SageMakerServiceException({ name, message, $fault: 'client', $metadata: {} });
}

function summary(version: number, status: ModelApprovalStatus) {
  return { ModelPackageArn: packageArn(version), ModelPackageGroupName: GROUP, ModelPackageVersion: version, CreationTime: new Date(), ModelPackageStatus: 'Completed' as const, ModelApprovalStatus: status };
}

/** The version's current status, and the Approved listing as it reads after the change. */
function registry(version: number, status: ModelApprovalStatus, approvedAfter: number[]): void {
  sm.on(DescribeModelPackageCommand, { ModelPackageName: packageArn(version) }).resolves({
    ModelPackageArn: packageArn(version),
    ModelPackageGroupName: GROUP,
    ModelPackageVersion: version,
    ModelApprovalStatus: status,
    CreationTime: new Date(),
  });
  sm.on(ListModelPackagesCommand, { ModelApprovalStatus: 'Approved' }).resolves({ ModelPackageSummaryList: approvedAfter.map((v) => summary(v, 'Approved')) });
  sm.on(UpdateModelPackageCommand).resolves({ ModelPackageArn: packageArn(version) });
}

beforeEach(() => {
  sm.reset();
  sts.reset();
  sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT, Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/reviewer/ana`, UserId: 'AROAEXAMPLE:ana' });
});

describe('approve-model', () => {
  test('approving the newest version: it will deploy to staging, then await release approval', async () => {
    registry(7, 'PendingManualApproval', [7, 5]);
    const injected = deps();
    const { code, out } = await run(['--region', 'eu-west-1', '--profile', 'ml-dev', 'approve-model', '7', '--group', GROUP, '--comment', 'AUC 0.84 beats version 5'], injected);
    expect(code).toBe(0);
    expect(out.results).toEqual([[
      `approved version 7 of ${GROUP} (was PendingManualApproval): ${packageArn(7)}`,
      `${STARTS}version 7 will deploy to staging, then await release approval`,
    ].join('\n')]);
    expect(out.infos).toEqual([]);
    expect(injected.requested).toEqual([['sagemaker', { region: 'eu-west-1', profile: 'ml-dev' }], ['sts', { region: 'eu-west-1', profile: 'ml-dev' }]]);
    expect(sm).toHaveReceivedCommandWith(DescribeModelPackageCommand, { ModelPackageName: packageArn(7) });
    expect(sm.commandCalls(UpdateModelPackageCommand).map((call) => call.args[0].input)).toEqual([
      { ModelPackageArn: packageArn(7), ModelApprovalStatus: 'Approved', ApprovalDescription: 'AUC 0.84 beats version 5' },
    ]);
  });

  test('--dry-run checks the version and says what would deploy, and updates nothing (issue 21, item 7)', async () => {
    registry(7, 'PendingManualApproval', [5]);
    const { code, out } = await run(['approve-model', '7', '--group', GROUP, '--comment', 'AUC 0.84 beats version 5', '--dry-run']);
    expect(code).toBe(0);
    expect(out.results).toEqual([[
      'dry run: nothing changed',
      `would have: approved version 7 of ${GROUP} (was PendingManualApproval): ${packageArn(7)}`,
      `would have: ${STARTS}version 7 will deploy to staging, then await release approval`,
    ].join('\n')]);
    expect(sm).toHaveReceivedCommandWith(DescribeModelPackageCommand, { ModelPackageName: packageArn(7) });
    expect(sm).not.toHaveReceivedCommand(UpdateModelPackageCommand);
  });

  test('reject-model --dry-run --json: the change it would make, marked as a dry run', async () => {
    registry(7, 'Approved', [5]);
    const { code, out } = await run(['--json', 'reject-model', '7', '--group', GROUP, '--comment', 'latency', '--dry-run']);
    expect(code).toBe(0);
    expect(out.results).toEqual([expect.objectContaining({ version: 7, previousStatus: 'Approved', newStatus: 'Rejected', changed: true, startsRelease: true, dryRun: true, deploys: { version: 5, arn: packageArn(5) } })]);
    expect(sm).not.toHaveReceivedCommand(UpdateModelPackageCommand);
  });

  test('approving by ARN, with a --group that agrees', async () => {
    registry(7, 'Rejected', [7]);
    const { code, out } = await run(['approve-model', packageArn(7), '--group', 'Churn-Models', '--comment', 'ok after review']);
    expect(code).toBe(0);
    expect(out.results).toEqual([[
      `approved version 7 of ${GROUP} (was Rejected): ${packageArn(7)}`,
      `${STARTS}version 7 will deploy to staging, then await release approval`,
    ].join('\n')]);
    expect(sm).toHaveReceivedCommandWith(UpdateModelPackageCommand, { ModelPackageArn: packageArn(7), ModelApprovalStatus: 'Approved', ApprovalDescription: 'ok after review' });
  });

  test('approving an older version while a newer one is approved', async () => {
    registry(4, 'PendingManualApproval', [6, 4]);
    const { code, out } = await run(['approve-model', '4', '--group', GROUP, '--comment', 'fine']);
    expect(code).toBe(0);
    expect(out.results).toEqual([[
      `approved version 4 of ${GROUP} (was PendingManualApproval): ${packageArn(4)}`,
      `${STARTS}version 6 stays the one deployed; version 4 is approved but older`,
    ].join('\n')]);
  });

  test('a version already approved is left as it is, exit 0', async () => {
    registry(5, 'Approved', [5]);
    const { code, out } = await run(['approve-model', '5', '--group', GROUP, '--comment', 'again']);
    expect(code).toBe(0);
    expect(out.results).toEqual([[`version 5 of ${GROUP} is already Approved: nothing changed`, 'the model-deploy pipeline deploys version 5, the newest Approved'].join('\n')]);
    expect(sm).not.toHaveReceivedCommand(UpdateModelPackageCommand);
  });

  test('--json gives the change and what deploys', async () => {
    registry(7, 'PendingManualApproval', [5]);
    const { code, out } = await run(['--json', 'approve-model', '7', '--group', GROUP, '--comment', 'ok']);
    expect(code).toBe(0);
    expect(out.results).toEqual([{
      modelPackageArn: packageArn(7),
      modelPackageGroupName: GROUP,
      version: 7,
      previousStatus: 'PendingManualApproval',
      newStatus: 'Approved',
      changed: true,
      startsRelease: true,
      deploys: { version: 7, arn: packageArn(7) },
    }]);
  });

  test('a version that is not in the group exits 1 listing the versions it has', async () => {
    sm.on(DescribeModelPackageCommand).rejects(serviceError('ValidationException', `ModelPackage ${packageArn(9)} does not exist.`));
    sm.on(ListModelPackagesCommand)
      .resolvesOnce({ ModelPackageSummaryList: [summary(4, 'Approved'), summary(3, 'PendingManualApproval')], NextToken: 'page-2' })
      .resolvesOnce({ ModelPackageSummaryList: [], NextToken: 'page-3' })
      .resolvesOnce({ ModelPackageSummaryList: [summary(1, 'Rejected')] });
    const { code, out } = await run(['approve-model', '9', '--group', GROUP, '--comment', 'ok']);
    expect(code).toBe(1);
    expect(out.results).toEqual([]);
    expect(out.infos).toEqual([`error: version 9 is not in model package group ${GROUP} (region eu-west-1); its versions are: 1, 3-4`]);
    expect(sm).not.toHaveReceivedCommand(UpdateModelPackageCommand);
  });

  test('a version of an empty group exits 1 saying it has no versions', async () => {
    sm.on(DescribeModelPackageCommand).rejects(serviceError('ValidationException', 'Could not find model package'));
    sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [] });
    sm.on(DescribeModelPackageGroupCommand).resolves({ ModelPackageGroupName: GROUP });
    const { code, out } = await run(['approve-model', '1', '--group', GROUP, '--comment', 'ok']);
    expect(code).toBe(1);
    expect(out.infos).toEqual([`error: version 1 is not in model package group ${GROUP} (region eu-west-1); it has no versions`]);
  });

  test('an ARN of another region exits 1 naming both regions', async () => {
    const arn = `arn:aws:sagemaker:us-east-1:${ACCOUNT}:model-package/${GROUP}/3`;
    const { code, out } = await run(['approve-model', arn, '--comment', 'ok']);
    expect(code).toBe(1);
    expect(out.infos).toEqual([`error: model package ${arn} is in region us-east-1, but the region in use is eu-west-1: pass --region us-east-1`]);
    expect(sm).not.toHaveReceivedAnyCommand();
  });

  test('an ARN of another account exits 1 naming both accounts', async () => {
    const arn = `arn:aws:sagemaker:eu-west-1:210987654321:model-package/${GROUP}/3`;
    const { code, out } = await run(['approve-model', arn, '--comment', 'ok']);
    expect(code).toBe(1);
    expect(out.infos).toEqual([
      `error: model package ${arn} is in account 210987654321, but the credentials in use are of account ${ACCOUNT}: use credentials (--profile) of account 210987654321`,
    ]);
    expect(sm).not.toHaveReceivedAnyCommand();
  });

  test('a failing update exits 1 with its message', async () => {
    registry(7, 'PendingManualApproval', [7]);
    sm.on(UpdateModelPackageCommand).rejects(serviceError('AccessDeniedException', 'not authorized to perform sagemaker:UpdateModelPackage'));
    const { code, out } = await run(['approve-model', '7', '--group', GROUP, '--comment', 'ok']);
    expect(code).toBe(1);
    expect(out.infos).toEqual(['error: not authorized to perform sagemaker:UpdateModelPackage']);
  });

  test('--help exits 0', async () => {
    const { code, stdout } = await commanderOutput(['approve-model', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage: sagemaker-gitops approve-model \[options\] <version\|arn>/);
    expect(stdout).toMatch(/--comment <text>/);
  });
});

describe('reject-model', () => {
  test('rejecting the deployed version rolls back to the newest still approved', async () => {
    registry(6, 'Approved', [4, 2]);
    const { code, out } = await run(['reject-model', '6', '--group', GROUP, '--comment', 'drift in production']);
    expect(code).toBe(0);
    expect(out.results).toEqual([[
      `rejected version 6 of ${GROUP} (was Approved): ${packageArn(6)}`,
      `${STARTS}model-deploy rolls back to version 4, the newest still approved`,
    ].join('\n')]);
    expect(sm).toHaveReceivedCommandWith(UpdateModelPackageCommand, { ModelPackageArn: packageArn(6), ModelApprovalStatus: 'Rejected', ApprovalDescription: 'drift in production' });
  });

  test('rejecting the only approved version: none remains', async () => {
    registry(2, 'Approved', []);
    const { code, out } = await run(['--json', 'reject-model', packageArn(2), '--comment', 'bad']);
    expect(code).toBe(0);
    expect(out.results).toEqual([expect.objectContaining({ version: 2, previousStatus: 'Approved', newStatus: 'Rejected', deploys: null })]);
    const text = await run(['reject-model', packageArn(2), '--comment', 'bad']);
    expect(text.out.results).toEqual([[
      `rejected version 2 of ${GROUP} (was Approved): ${packageArn(2)}`,
      `${STARTS}no approved version remains: the model-deploy pipeline will fail at resolve-model and production keeps serving what it serves now`,
    ].join('\n')]);
  });

  test('rejecting a version that was not deployed changes nothing in what deploys', async () => {
    registry(7, 'PendingManualApproval', [5]);
    const { code, out } = await run(['reject-model', '7', '--group', GROUP, '--comment', 'worse than 5']);
    expect(code).toBe(0);
    expect(out.results).toEqual([[
      `rejected version 7 of ${GROUP} (was PendingManualApproval): ${packageArn(7)}`,
      'no release starts: version 7 was PendingManualApproval, not Approved, so nothing changes in what deploys (version 5)',
    ].join('\n')]);
  });

  test('rejecting a pending version when none is approved', async () => {
    registry(1, 'PendingManualApproval', []);
    const { code, out } = await run(['reject-model', '1', '--group', GROUP, '--comment', 'no']);
    expect(code).toBe(0);
    expect(out.results).toEqual([[
      `rejected version 1 of ${GROUP} (was PendingManualApproval): ${packageArn(1)}`,
      'no release starts: version 1 was PendingManualApproval, not Approved, so nothing changes in what deploys',
    ].join('\n')]);
  });

  test('a version already rejected is left as it is, exit 0', async () => {
    registry(3, 'Rejected', []);
    const { code, out } = await run(['--json', 'reject-model', '3', '--group', GROUP, '--comment', 'still no']);
    expect(code).toBe(0);
    expect(out.results).toEqual([{
      modelPackageArn: packageArn(3),
      modelPackageGroupName: GROUP,
      version: 3,
      previousStatus: 'Rejected',
      newStatus: 'Rejected',
      changed: false,
      startsRelease: false,
      deploys: null,
    }]);
    const text = await run(['reject-model', '3', '--group', GROUP, '--comment', 'still no']);
    expect(text.out.results).toEqual([[`version 3 of ${GROUP} is already Rejected: nothing changed`, 'no version is approved: the model-deploy pipeline deploys nothing (it fails at resolve-model)'].join('\n')]);
    expect(sm).not.toHaveReceivedCommand(UpdateModelPackageCommand);
  });

  test('--help exits 0', async () => {
    const { code, stdout } = await commanderOutput(['reject-model', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage: sagemaker-gitops reject-model \[options\] <version\|arn>/);
  });
});

describe('approve-model and reject-model usage errors exit 2 and call nothing', () => {
  const FORMS = /expected a positive integer version \(with --group <name>\) or a model package version ARN \(arn:<partition>:sagemaker:<region>:<account>:model-package\/<group>\/<version>\)/;
  const badVersion = (value: string) => new RegExp(`command-argument value '${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}' is invalid for argument 'version\\|arn'\\. ${FORMS.source}, got `);

  test.each(['approve-model', 'reject-model'])('%s: versions that are not positive integers or version ARNs', async (command) => {
    // A region of no AWS shape, and a version no JavaScript number holds exactly, are not version ARNs either.
    for (const value of ['0', '-1', '1.5', 'abc', '01', '1e3', packageArn(0), `arn:aws:sagemaker:useast1:${ACCOUNT}:model-package/${GROUP}/3`,
      `arn:aws:sagemaker:eu-west-1:${ACCOUNT}:model-package/${GROUP}/99999999999999999999999`]) {
      const { code, stderr } = await commanderOutput([command, value, '--group', GROUP, '--comment', 'ok']);
      expect([value, code]).toEqual([value, 2]);
      expect(stderr).toMatch(badVersion(value));
    }
    expect(sm).not.toHaveReceivedAnyCommand();
    expect(sts).not.toHaveReceivedAnyCommand();
  });

  test.each(['approve-model', 'reject-model'])('%s: a model package group\'s ARN is named as such, with what to pass instead', async (command) => {
    const groupArn = `arn:aws:sagemaker:eu-west-1:${ACCOUNT}:model-package-group/${GROUP}`;
    const { code, stderr } = await commanderOutput([command, groupArn, '--comment', 'ok']);
    expect(code).toBe(2);
    expect(stderr).toContain(`${groupArn} is a model package group's ARN, not a version's: pass the version number with --group ${GROUP}, or the version's ARN (`);
    const asGroup = await commanderOutput([command, '3', '--group', groupArn, '--comment', 'ok']);
    expect(asGroup.code).toBe(2);
    expect(asGroup.stderr).toContain(`--group takes the model package group's name, not its ARN: pass --group ${GROUP}, got ${groupArn}`);
    expect(sm).not.toHaveReceivedAnyCommand();
  });

  test.each([
    [['approve-model', '3', '--comment', 'ok'], /error: --group <name> is required with a version number \(3\); or pass the model package version ARN/],
    [['reject-model', '3', '--comment', 'ok'], /error: --group <name> is required with a version number \(3\)/],
    [['approve-model', packageArn(3), '--group', 'other-models', '--comment', 'ok'], new RegExp(`error: --group other-models does not match the group of ${packageArn(3)} \\(${GROUP}\\)`)],
    [['approve-model', '3', '--group', GROUP], /error: required option '--comment <text>' not specified/],
    [['reject-model', '3', '--group', GROUP], /error: required option '--comment <text>' not specified/],
    [['approve-model', '3', '--group', GROUP, '--comment', ''], /argument '' is invalid\. comment must not be empty: say why/],
    [['reject-model', '3', '--group', GROUP, '--comment', '   '], /argument ' {3}' is invalid\. comment must not be empty/],
    [['approve-model', '3', '--group', GROUP, '--comment'], /error: option '--comment <text>' argument missing/],
    [['approve-model', '3', '--group', 'churn_models', '--comment', 'ok'], /model package group name must be .*got churn_models/],
    [['approve-model', '--group', GROUP, '--comment', 'ok'], /error: missing required argument 'version\|arn'/],
    [['approve-model', '3', '4', '--group', GROUP, '--comment', 'ok'], /error: too many arguments for 'approve-model'/],
    [['approve-model', '3', '--group', GROUP, '--comment', 'ok', '--force'], /error: unknown option '--force'/],
  ])('%j', async (argv, message) => {
    const { code, stderr, results } = await commanderOutput(argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(results).toEqual([]);
    expect(sm).not.toHaveReceivedAnyCommand();
    expect(sts).not.toHaveReceivedAnyCommand();
  });

  test('a comment of 1025 characters is refused', async () => {
    const { code, stderr } = await commanderOutput(['approve-model', '3', '--group', GROUP, '--comment', 'x'.repeat(1025)]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/comment must be at most 1024 characters \(SageMaker's limit on an approval description\), got 1025/);
    expect(sm).not.toHaveReceivedAnyCommand();
  });

  // SageMaker API Reference, UpdateModelPackage: ApprovalDescription's pattern `.*` takes no line break.
  test('a comment on two lines is refused before anything is called', async () => {
    const { code, stderr } = await commanderOutput(['reject-model', '3', '--group', GROUP, '--comment', 'leaks the\nlabel']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/comment must be one line: SageMaker refuses a line break in an approval description/);
    expect(sm).not.toHaveReceivedAnyCommand();
  });

  test('a comment of exactly 1024 characters is accepted', async () => {
    registry(3, 'PendingManualApproval', [3]);
    const comment = 'x'.repeat(1024);
    expect((await run(['approve-model', '3', '--group', GROUP, '--comment', comment])).code).toBe(0);
    expect(sm).toHaveReceivedCommandWith(UpdateModelPackageCommand, { ApprovalDescription: comment });
  });
});
