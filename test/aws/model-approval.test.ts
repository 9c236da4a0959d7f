import {
  DescribeModelPackageCommand,
  DescribeModelPackageCommandOutput,
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
import {
  APPROVAL_DESCRIPTION_MAX_LENGTH,
  CliError,
  NO_RELEASE_METADATA_KEY,
  approvalCommentProblem,
  changeModelApproval,
  createAwsClient,
  findDeployedVersion,
  listModelVersions,
  parseModelPackageVersionArn,
} from '../../src/aws';
import { JsonResponse, THROTTLED, byOperation, isolateAwsEnvironment, stubJsonHttp } from '../helpers/aws-http';

// The mocks stub these instances only, so the throttling tests can use real clients' retries.
const client = new SageMakerClient({ region: 'eu-west-1' });
const stsClient = new STSClient({ region: 'eu-west-1' });
const sm = mockClient(client);
const sts = mockClient(stsClient);
const GROUP = 'churn-models';
const ACCOUNT = '123456789012';
const packageArn = (version: number, group = GROUP) => `arn:aws:sagemaker:eu-west-1:${ACCOUNT}:model-package/${group}/${version}`;
const created = (version: number) => new Date(Date.UTC(2025, 2, version, 5, 6, 7));

function serviceError(name: string, message: string): SageMakerServiceException {
  return new SageMakerServiceException({ name, message, $fault: 'client', $metadata: {} });
}

function summary(version: number, status: ModelApprovalStatus = 'PendingManualApproval') {
  return {
    ModelPackageArn: packageArn(version),
    ModelPackageGroupName: GROUP,
    ModelPackageVersion: version,
    CreationTime: created(version),
    ModelPackageStatus: 'Completed' as const,
    ModelApprovalStatus: status,
  };
}

function described(version: number, status: ModelApprovalStatus, extra: Partial<DescribeModelPackageCommandOutput> = {}): Partial<DescribeModelPackageCommandOutput> {
  return {
    ModelPackageArn: packageArn(version),
    ModelPackageGroupName: GROUP,
    ModelPackageVersion: version,
    ModelApprovalStatus: status,
    CreationTime: created(version),
    ...extra,
  };
}

/** DescribeModelPackage answers for each version. */
function describes(...answers: Array<Partial<DescribeModelPackageCommandOutput>>): void {
  for (const answer of answers) {
    sm.on(DescribeModelPackageCommand, { ModelPackageName: answer.ModelPackageArn }).resolves(answer);
  }
}

function listInputs(status?: string) {
  return sm.commandCalls(ListModelPackagesCommand).map((call) => call.args[0].input).filter((input) => input.ModelApprovalStatus === status);
}

/** The error a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a rejection');
}

beforeEach(() => {
  sm.reset();
  sts.reset();
  sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT, Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/reviewer/ana`, UserId: 'AROAEXAMPLE:ana' });
});

describe('listModelVersions', () => {
  test('lists every page newest first, past an empty page with a token, and describes each version', async () => {
    sm.on(ListModelPackagesCommand)
      .resolvesOnce({ ModelPackageSummaryList: [summary(5), summary(4, 'Approved')], NextToken: 'page-2' })
      .resolvesOnce({ ModelPackageSummaryList: [], NextToken: 'page-3' })
      .resolvesOnce({ ModelPackageSummaryList: [summary(3, 'Rejected'), summary(2, 'Approved'), summary(1, 'Approved')] });
    describes(
      described(5, 'PendingManualApproval', { CustomerMetadataProperties: { auc: '0.84' }, LastModifiedBy: { UserProfileName: 'should-not-show' } }),
      described(4, 'Approved', { CustomerMetadataProperties: { auc: '0.8123' }, ApprovalDescription: 'beats 2', LastModifiedBy: { UserProfileName: 'ana', IamIdentity: { Arn: 'arn:aws:sts::123456789012:assumed-role/x/ana' } } }),
      described(3, 'Rejected', { CustomerMetadataProperties: { auc: 'n/a' }, ApprovalDescription: 'worse', LastModifiedBy: { IamIdentity: { Arn: 'arn:aws:sts::123456789012:assumed-role/reviewer/bo' } } }),
      described(2, 'Approved', { ApprovalDescription: '' }),
      described(1, 'Approved', { LastModifiedBy: {} }),
    );

    const versions = await listModelVersions(client, GROUP);

    expect(versions).toStrictEqual([
      { modelPackageGroupName: GROUP, modelPackageArn: packageArn(5), version: 5, creationTime: '2025-03-05T05:06:07.000Z', approvalStatus: 'PendingManualApproval', auc: 0.84 },
      {
        modelPackageGroupName: GROUP,
        modelPackageArn: packageArn(4),
        version: 4,
        creationTime: '2025-03-04T05:06:07.000Z',
        approvalStatus: 'Approved',
        auc: 0.8123,
        decidedBy: 'ana',
        approvalDescription: 'beats 2',
      },
      {
        modelPackageGroupName: GROUP,
        modelPackageArn: packageArn(3),
        version: 3,
        creationTime: '2025-03-03T05:06:07.000Z',
        approvalStatus: 'Rejected',
        decidedBy: 'arn:aws:sts::123456789012:assumed-role/reviewer/bo',
        approvalDescription: 'worse',
      },
      { modelPackageGroupName: GROUP, modelPackageArn: packageArn(2), version: 2, creationTime: '2025-03-02T05:06:07.000Z', approvalStatus: 'Approved' },
      { modelPackageGroupName: GROUP, modelPackageArn: packageArn(1), version: 1, creationTime: '2025-03-01T05:06:07.000Z', approvalStatus: 'Approved' },
    ]);
    expect(listInputs(undefined)).toEqual([
      { ModelPackageGroupName: GROUP, SortBy: 'CreationTime', SortOrder: 'Descending' },
      { ModelPackageGroupName: GROUP, SortBy: 'CreationTime', SortOrder: 'Descending', NextToken: 'page-2' },
      { ModelPackageGroupName: GROUP, SortBy: 'CreationTime', SortOrder: 'Descending', NextToken: 'page-3' },
    ]);
    expect(sm).toHaveReceivedCommandTimes(DescribeModelPackageCommand, 5);
    expect(sm).not.toHaveReceivedCommand(DescribeModelPackageGroupCommand);
  });

  test('passes the status filter on', async () => {
    sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [summary(3, 'Rejected')] });
    describes(described(3, 'Rejected'));
    const versions = await listModelVersions(client, GROUP, { status: 'Rejected' });
    expect(versions.map((v) => v.version)).toEqual([3]);
    expect(listInputs('Rejected')).toEqual([{ ModelPackageGroupName: GROUP, ModelApprovalStatus: 'Rejected', SortBy: 'CreationTime', SortOrder: 'Descending' }]);
  });

  test('describes at most 4 versions at once by default, keeping the order', async () => {
    const all = Array.from({ length: 10 }, (_, i) => 10 - i);
    sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: all.map((v) => summary(v)) });
    let running = 0;
    let most = 0;
    sm.on(DescribeModelPackageCommand).callsFake(async (input: { ModelPackageName: string }) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
      return described(Number(input.ModelPackageName.split('/').pop()), 'PendingManualApproval');
    });

    const versions = await listModelVersions(client, GROUP);

    expect(versions.map((v) => v.version)).toEqual(all);
    expect(most).toBe(4);
  });

  test('a concurrency of 1 describes one version at a time', async () => {
    sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [summary(2), summary(1)] });
    let running = 0;
    let most = 0;
    sm.on(DescribeModelPackageCommand).callsFake(async (input: { ModelPackageName: string }) => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
      return described(Number(input.ModelPackageName.split('/').pop()), 'PendingManualApproval');
    });
    expect((await listModelVersions(client, GROUP, { concurrency: 1 })).map((v) => v.version)).toEqual([2, 1]);
    expect(most).toBe(1);
  });

  test.each([0, -1, 1.5])('a concurrency of %p is refused', async (concurrency) => {
    expect((await failure(listModelVersions(client, GROUP, { concurrency }))).message).toBe(`concurrency must be a positive integer, got ${concurrency}`);
    expect(sm).not.toHaveReceivedAnyCommand();
  });

  test('a version deleted between the listing and its description is left out', async () => {
    sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [summary(2), summary(1)] });
    sm.on(DescribeModelPackageCommand, { ModelPackageName: packageArn(2) }).rejects(serviceError('ValidationException', `ModelPackage ${packageArn(2)} does not exist.`));
    describes(described(1, 'PendingManualApproval'));
    expect((await listModelVersions(client, GROUP)).map((v) => v.version)).toEqual([1]);
  });

  test('other errors of a description are not swallowed', async () => {
    sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [summary(2), summary(1)] });
    sm.on(DescribeModelPackageCommand).rejects(serviceError('AccessDeniedException', 'not authorized to perform sagemaker:DescribeModelPackage'));
    const err = await failure(listModelVersions(client, GROUP));
    expect(err.name).toBe('AccessDeniedException');
    expect(err).not.toBeInstanceOf(CliError);
  });

  test('an empty group gives no versions once the group is known to exist', async () => {
    sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [] });
    sm.on(DescribeModelPackageGroupCommand).resolves({ ModelPackageGroupName: GROUP });
    expect(await listModelVersions(client, GROUP)).toEqual([]);
    expect(sm).toHaveReceivedCommandWith(DescribeModelPackageGroupCommand, { ModelPackageGroupName: GROUP });
  });

  test('an empty listing of a group that does not exist is a CliError naming group and region', async () => {
    sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [] });
    sm.on(DescribeModelPackageGroupCommand).rejects(serviceError('ValidationException', `ModelPackageGroup ${GROUP} does not exist.`));
    const err = await failure(listModelVersions(client, GROUP));
    expect(err).toBeInstanceOf(CliError);
    expect(err.message).toBe(`model package group ${GROUP} does not exist in region eu-west-1: ModelPackageGroup ${GROUP} does not exist.`);
  });

  test('a listing that says the group could not be found is a CliError naming group and region', async () => {
    sm.on(ListModelPackagesCommand).rejects(serviceError('ValidationException', `Could not find model package group ${GROUP}`));
    const err = await failure(listModelVersions(client, GROUP));
    expect(err).toBeInstanceOf(CliError);
    expect(err.message).toBe(`model package group ${GROUP} does not exist in region eu-west-1: Could not find model package group ${GROUP}`);
  });

  test('a group check failing otherwise is not swallowed', async () => {
    sm.on(ListModelPackagesCommand).resolves({});
    sm.on(DescribeModelPackageGroupCommand).rejects(serviceError('AccessDeniedException', 'denied'));
    expect((await failure(listModelVersions(client, GROUP))).name).toBe('AccessDeniedException');
  });
});

describe('findDeployedVersion', () => {
  test('is the newest approved version, past empty pages', async () => {
    sm.on(ListModelPackagesCommand, { ModelApprovalStatus: 'Approved' })
      .resolvesOnce({ ModelPackageSummaryList: [], NextToken: 'page-2' })
      .resolvesOnce({ ModelPackageSummaryList: [summary(4, 'Approved'), summary(2, 'Approved')], NextToken: 'page-3' });
    expect(await findDeployedVersion(client, GROUP)).toEqual({ version: 4, arn: packageArn(4) });
    expect(listInputs('Approved').map((input) => input.NextToken)).toEqual([undefined, 'page-2']);
  });

  test('takes the version from the ARN when the summary has none', async () => {
    sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [{ ...summary(12, 'Approved'), ModelPackageVersion: undefined }] });
    expect(await findDeployedVersion(client, GROUP)).toEqual({ version: 12, arn: packageArn(12) });
  });

  test('a summary without an ARN is an error, not a guess', async () => {
    sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [{ ...summary(12, 'Approved'), ModelPackageArn: undefined }] });
    expect((await failure(findDeployedVersion(client, GROUP))).message).toMatch(/^model package summary without an ARN: /);
  });

  test('is undefined when no version is approved', async () => {
    sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [] });
    sm.on(DescribeModelPackageGroupCommand).resolves({ ModelPackageGroupName: GROUP });
    expect(await findDeployedVersion(client, GROUP)).toBeUndefined();
  });

  test('a missing group is a CliError', async () => {
    sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [] });
    sm.on(DescribeModelPackageGroupCommand).rejects(serviceError('ValidationException', 'does not exist'));
    expect((await failure(findDeployedVersion(client, GROUP))).message).toMatch(`model package group ${GROUP} does not exist in region eu-west-1`);
  });
});

describe('parseModelPackageVersionArn', () => {
  test.each([
    [packageArn(7), { partition: 'aws', region: 'eu-west-1', account: ACCOUNT, groupName: GROUP, version: 7 }],
    ['arn:aws-cn:sagemaker:cn-north-1:123456789012:model-package/g/12', { partition: 'aws-cn', region: 'cn-north-1', account: ACCOUNT, groupName: 'g', version: 12 }],
    ['arn:aws-us-gov:sagemaker:us-gov-west-1:123456789012:model-package/a--b/1', { partition: 'aws-us-gov', region: 'us-gov-west-1', account: ACCOUNT, groupName: 'a--b', version: 1 }],
  ])('%s', (arn, parts) => {
    expect(parseModelPackageVersionArn(arn)).toEqual({ arn, ...parts });
  });

  test.each([
    packageArn(0),
    `arn:aws:sagemaker:eu-west-1:${ACCOUNT}:model-package/${GROUP}`,
    `arn:aws:sagemaker:eu-west-1:${ACCOUNT}:model-package/${GROUP}/1.5`,
    `arn:aws:sagemaker:eu-west-1:12345678901:model-package/${GROUP}/1`,
    `arn:aws:sagemaker:eu-west-1:${ACCOUNT}:model-package-group/${GROUP}`,
    `arn:aws:s3:eu-west-1:${ACCOUNT}:model-package/${GROUP}/1`,
    `arn:aws:sagemaker:eu-west-1:${ACCOUNT}:model-package/-bad/1`,
    `${packageArn(1)}/extra`,
    '7',
    // The region part has a region's shape (useast1 is none), and the version fits a safe integer.
    `arn:aws:sagemaker:useast1:${ACCOUNT}:model-package/${GROUP}/1`,
    `arn:aws:sagemaker:eu-west-1:${ACCOUNT}:model-package/${GROUP}/99999999999999999999999`,
  ])('%s is not a version ARN', (text) => {
    expect(parseModelPackageVersionArn(text)).toBeUndefined();
  });
});

describe('approvalCommentProblem', () => {
  test.each(['', ' ', '\n\t'])('%j is empty', (comment) => {
    expect(approvalCommentProblem(comment)).toMatch(/^comment must not be empty/);
  });

  test('the limit is 1024 characters, counted as characters rather than UTF-16 units', () => {
    expect(APPROVAL_DESCRIPTION_MAX_LENGTH).toBe(1024);
    expect(approvalCommentProblem('a'.repeat(1024))).toBeUndefined();
    expect(approvalCommentProblem('😀'.repeat(1024))).toBeUndefined();
    expect(approvalCommentProblem('a'.repeat(1025))).toBe('comment must be at most 1024 characters (SageMaker\'s limit on an approval description), got 1025');
  });

  test('the comment is measured as it is sent, without its leading and trailing white space', () => {
    expect(approvalCommentProblem(`  ${'a'.repeat(1024)}\n`)).toBeUndefined();
    expect(approvalCommentProblem(` ${'a'.repeat(1025)} `)).toMatch(/got 1025$/);
  });

  // SageMaker API Reference, UpdateModelPackage: ApprovalDescription has the pattern `.*`, matched
  // against the whole value; `.` matches no line break, so a comment on two lines is refused by
  // SageMaker (a ValidationException) after the review: it is refused here first.
  test.each(['leaks the\nlabel', 'leaks the\r\nlabel', 'leaks the\u2028label'])('%j, on more than one line, is refused', (comment) => {
    expect(approvalCommentProblem(comment)).toBe(
      'comment must be one line: SageMaker refuses a line break in an approval description (UpdateModelPackage, ApprovalDescription); join the lines',
    );
  });

  test('tabs and other white space inside one line are fine', () => {
    expect(approvalCommentProblem('AUC 0.88\tlatency ok')).toBeUndefined();
  });
});

describe('changeModelApproval', () => {
  /** The Approved listing as it reads after the change. */
  function approvedAfter(...versions: number[]): void {
    sm.on(ListModelPackagesCommand, { ModelApprovalStatus: 'Approved' }).resolves({ ModelPackageSummaryList: versions.map((v) => summary(v, 'Approved')) });
  }

  test('approves a version given by group and number: the ARN is built from region, account and group', async () => {
    describes(described(7, 'PendingManualApproval'));
    approvedAfter(7, 5);

    const change = await changeModelApproval(client, stsClient, { target: { groupName: 'Churn-Models', version: 7 }, status: 'Approved', comment: '  AUC 0.84 beats 5  ' });

    expect(change).toStrictEqual({
      modelPackageGroupName: GROUP,
      modelPackageArn: packageArn(7),
      version: 7,
      previousStatus: 'PendingManualApproval',
      newStatus: 'Approved',
      changed: true,
      startsRelease: true,
      deployedBefore: { version: 5, arn: packageArn(5) },
      deploys: { version: 7, arn: packageArn(7) },
    });
    expect(sm).toHaveReceivedCommandWith(DescribeModelPackageCommand, { ModelPackageName: packageArn(7) });
    expect(sm.commandCalls(UpdateModelPackageCommand).map((call) => call.args[0].input)).toEqual([
      { ModelPackageArn: packageArn(7), ModelApprovalStatus: 'Approved', ApprovalDescription: 'AUC 0.84 beats 5' },
    ]);
    expect(sts).toHaveReceivedCommandTimes(GetCallerIdentityCommand, 1);
  });

  test('takes the partition from the caller identity', async () => {
    sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT, Arn: `arn:aws-cn:iam::${ACCOUNT}:user/ana` });
    const cnArn = `arn:aws-cn:sagemaker:eu-west-1:${ACCOUNT}:model-package/${GROUP}/2`;
    sm.on(DescribeModelPackageCommand).resolves({ ...described(2, 'Approved'), ModelPackageArn: cnArn });
    approvedAfter(2);
    const change = await changeModelApproval(client, stsClient, { target: { groupName: GROUP, version: 2 }, status: 'Approved', comment: 'ok' });
    expect(sm).toHaveReceivedCommandWith(DescribeModelPackageCommand, { ModelPackageName: cnArn });
    expect(change.deploys).toEqual({ version: 2, arn: cnArn });
  });

  test('approves a version given by ARN', async () => {
    describes(described(3, 'Rejected'));
    approvedAfter(3);
    const change = await changeModelApproval(client, stsClient, { target: { modelPackageArn: packageArn(3) }, status: 'Approved', comment: 'retrained data was fine after all' });
    expect(change).toMatchObject({ version: 3, previousStatus: 'Rejected', newStatus: 'Approved', changed: true, deploys: { version: 3 } });
    expect(change).not.toHaveProperty('deployedBefore');
    expect(sm).toHaveReceivedCommandWith(UpdateModelPackageCommand, { ModelPackageArn: packageArn(3), ModelApprovalStatus: 'Approved' });
  });

  test('counts an approved version as deployable even when the listing has not caught up', async () => {
    describes(described(8, 'PendingManualApproval'));
    approvedAfter(6);
    const change = await changeModelApproval(client, stsClient, { target: { groupName: GROUP, version: 8 }, status: 'Approved', comment: 'ok' });
    expect(change.deploys).toEqual({ version: 8, arn: packageArn(8) });
    expect(change.deployedBefore).toEqual({ version: 6, arn: packageArn(6) });
  });

  test('approving an older version leaves the newer approved one deployed', async () => {
    describes(described(4, 'PendingManualApproval'));
    approvedAfter(6, 4);
    const change = await changeModelApproval(client, stsClient, { target: { groupName: GROUP, version: 4 }, status: 'Approved', comment: 'ok' });
    expect(change.deploys).toEqual({ version: 6, arn: packageArn(6) });
    expect(change.deployedBefore).toEqual({ version: 6, arn: packageArn(6) });
  });

  // "Events that Amazon SageMaker AI sends to Amazon EventBridge": every approval status change sends a "SageMaker Model
  // Package State Change" event carrying the package's CustomerMetadataProperties; the model-deploy trigger starts a
  // release on a Rejected event only without the marker (release-trigger.ts).
  test('rejecting a version that was never approved marks it, in the same update, so that no release starts', async () => {
    describes(described(7, 'PendingManualApproval'));
    approvedAfter(7, 5);
    const change = await changeModelApproval(client, stsClient, { target: { groupName: GROUP, version: 7 }, status: 'Rejected', comment: 'worse than 5' });
    expect(change).toMatchObject({ previousStatus: 'PendingManualApproval', newStatus: 'Rejected', changed: true, startsRelease: false, deploys: { version: 5 } });
    expect(sm.commandCalls(UpdateModelPackageCommand).map((call) => call.args[0].input)).toEqual([{
      ModelPackageArn: packageArn(7), ModelApprovalStatus: 'Rejected', ApprovalDescription: 'worse than 5',
      CustomerMetadataProperties: { [NO_RELEASE_METADATA_KEY]: 'true' },
    }]);
  });

  test('approving a marked version, or rejecting it once approved, removes the marker: those changes start a release', async () => {
    describes(described(7, 'Rejected', { CustomerMetadataProperties: { auc: '0.8', [NO_RELEASE_METADATA_KEY]: 'true' } }));
    approvedAfter(7, 5);
    const approved = await changeModelApproval(client, stsClient, { target: { groupName: GROUP, version: 7 }, status: 'Approved', comment: 'after all' });
    expect(approved.startsRelease).toBe(true);
    sm.resetHistory();
    describes(described(7, 'Approved', { CustomerMetadataProperties: { auc: '0.8', [NO_RELEASE_METADATA_KEY]: 'true' } }));
    const rejected = await changeModelApproval(client, stsClient, { target: { groupName: GROUP, version: 7 }, status: 'Rejected', comment: 'drift' });
    expect(rejected.startsRelease).toBe(true);
    expect(sm.commandCalls(UpdateModelPackageCommand).map((call) => call.args[0].input)).toEqual([{
      ModelPackageArn: packageArn(7), ModelApprovalStatus: 'Rejected', ApprovalDescription: 'drift', CustomerMetadataPropertiesToRemove: [NO_RELEASE_METADATA_KEY],
    }]);
  });

  test('rejecting the deployed version rolls back to the newest still approved, even when the listing lags', async () => {
    describes(described(6, 'Approved'));
    sm.on(ListModelPackagesCommand, { ModelApprovalStatus: 'Approved' })
      .resolvesOnce({ ModelPackageSummaryList: [summary(6, 'Approved')], NextToken: 'page-2' })
      .resolvesOnce({ ModelPackageSummaryList: [], NextToken: 'page-3' })
      .resolvesOnce({ ModelPackageSummaryList: [summary(4, 'Approved')] });
    const change = await changeModelApproval(client, stsClient, { target: { groupName: GROUP, version: 6 }, status: 'Rejected', comment: 'drift in production' });
    expect(change).toMatchObject({ previousStatus: 'Approved', newStatus: 'Rejected', changed: true });
    expect(change.deployedBefore).toEqual({ version: 6, arn: packageArn(6) });
    expect(change.deploys).toEqual({ version: 4, arn: packageArn(4) });
    expect(listInputs('Approved').map((input) => input.NextToken)).toEqual([undefined, 'page-2', 'page-3']);
  });

  test('rejecting the only approved version leaves nothing to deploy', async () => {
    describes(described(2, 'Approved'));
    approvedAfter();
    const change = await changeModelApproval(client, stsClient, { target: { groupName: GROUP, version: 2 }, status: 'Rejected', comment: 'bad' });
    expect(change.deployedBefore).toEqual({ version: 2, arn: packageArn(2) });
    expect(change).not.toHaveProperty('deploys');
  });

  test('rejecting a version that was not deployed changes nothing in what deploys', async () => {
    describes(described(7, 'PendingManualApproval'));
    approvedAfter(5);
    const change = await changeModelApproval(client, stsClient, { target: { groupName: GROUP, version: 7 }, status: 'Rejected', comment: 'worse' });
    expect(change.deployedBefore).toEqual({ version: 5, arn: packageArn(5) });
    expect(change.deploys).toEqual({ version: 5, arn: packageArn(5) });
  });

  test('a version that already has the status is not updated', async () => {
    describes(described(5, 'Approved'));
    approvedAfter(5);
    const change = await changeModelApproval(client, stsClient, { target: { groupName: GROUP, version: 5 }, status: 'Approved', comment: 'again' });
    expect(change).toMatchObject({ previousStatus: 'Approved', newStatus: 'Approved', changed: false, deploys: { version: 5 }, deployedBefore: { version: 5 } });
    expect(sm).not.toHaveReceivedCommand(UpdateModelPackageCommand);
  });

  test('an ARN of another region is refused before any call, naming both regions', async () => {
    const arn = `arn:aws:sagemaker:us-east-1:${ACCOUNT}:model-package/${GROUP}/3`;
    const err = await failure(changeModelApproval(client, stsClient, { target: { modelPackageArn: arn }, status: 'Approved', comment: 'ok' }));
    expect(err).toBeInstanceOf(CliError);
    expect(err.message).toBe(`model package ${arn} is in region us-east-1, but the region in use is eu-west-1: pass --region us-east-1`);
    expect(sm).not.toHaveReceivedAnyCommand();
    expect(sts).not.toHaveReceivedAnyCommand();
  });

  test('an ARN of another account is refused, naming both accounts', async () => {
    const arn = `arn:aws:sagemaker:eu-west-1:210987654321:model-package/${GROUP}/3`;
    const err = await failure(changeModelApproval(client, stsClient, { target: { modelPackageArn: arn }, status: 'Rejected', comment: 'ok' }));
    expect(err).toBeInstanceOf(CliError);
    expect(err.message).toBe(
      `model package ${arn} is in account 210987654321, but the credentials in use are of account ${ACCOUNT}: use credentials (--profile) of account 210987654321`,
    );
    expect(sm).not.toHaveReceivedAnyCommand();
  });

  test('a text that is not a version ARN is refused', async () => {
    const err = await failure(changeModelApproval(client, stsClient, { target: { modelPackageArn: 'arn:aws:s3:::bucket' }, status: 'Approved', comment: 'ok' }));
    expect(err.message).toBe('arn:aws:s3:::bucket is not a model package version ARN (arn:<partition>:sagemaker:<region>:<account>:model-package/<group>/<version>)');
  });

  test('caller identity without an account is a CliError', async () => {
    sts.on(GetCallerIdentityCommand).resolves({});
    const err = await failure(changeModelApproval(client, stsClient, { target: { groupName: GROUP, version: 1 }, status: 'Approved', comment: 'ok' }));
    expect(err).toBeInstanceOf(CliError);
    expect(err.message).toMatch(/^sts get-caller-identity returned no account/);
  });

  test('a version that is not in the group lists the versions it has', async () => {
    sm.on(DescribeModelPackageCommand).rejects(serviceError('ValidationException', `ModelPackage ${packageArn(9)} does not exist.`));
    sm.on(ListModelPackagesCommand)
      .resolvesOnce({ ModelPackageSummaryList: [summary(8), summary(7), summary(5)], NextToken: 'page-2' })
      .resolvesOnce({ ModelPackageSummaryList: [], NextToken: 'page-3' })
      .resolvesOnce({ ModelPackageSummaryList: [summary(3), summary(2), summary(1)] });
    const err = await failure(changeModelApproval(client, stsClient, { target: { groupName: GROUP, version: 9 }, status: 'Approved', comment: 'ok' }));
    expect(err).toBeInstanceOf(CliError);
    expect(err.message).toBe(`version 9 is not in model package group ${GROUP} (region eu-west-1); its versions are: 1-3, 5, 7-8`);
    expect(sm).not.toHaveReceivedCommand(UpdateModelPackageCommand);
  });

  test('a version of an empty group says it has no versions', async () => {
    sm.on(DescribeModelPackageCommand).rejects(serviceError('ValidationException', 'Could not find model package'));
    sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [] });
    sm.on(DescribeModelPackageGroupCommand).resolves({ ModelPackageGroupName: GROUP });
    const err = await failure(changeModelApproval(client, stsClient, { target: { modelPackageArn: packageArn(1) }, status: 'Rejected', comment: 'ok' }));
    expect(err.message).toBe(`version 1 is not in model package group ${GROUP} (region eu-west-1); it has no versions`);
  });

  test('a version of a group that does not exist says so', async () => {
    sm.on(DescribeModelPackageCommand).rejects(serviceError('ValidationException', 'does not exist'));
    sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [] });
    sm.on(DescribeModelPackageGroupCommand).rejects(serviceError('ValidationException', 'ModelPackageGroup other does not exist.'));
    const err = await failure(changeModelApproval(client, stsClient, { target: { groupName: 'other', version: 1 }, status: 'Approved', comment: 'ok' }));
    expect(err.message).toBe('model package group other does not exist in region eu-west-1: ModelPackageGroup other does not exist.');
  });

  test('a described package of another group is refused', async () => {
    sm.on(DescribeModelPackageCommand).resolves({ ...described(2, 'PendingManualApproval'), ModelPackageGroupName: 'other-models' });
    const err = await failure(changeModelApproval(client, stsClient, { target: { groupName: GROUP, version: 2 }, status: 'Approved', comment: 'ok' }));
    expect(err).toBeInstanceOf(CliError);
    expect(err.message).toBe(`model package ${packageArn(2)} belongs to model package group other-models, not ${GROUP}`);
    expect(sm).not.toHaveReceivedCommand(UpdateModelPackageCommand);
  });

  test('other describe errors are not swallowed', async () => {
    sm.on(DescribeModelPackageCommand).rejects(serviceError('AccessDeniedException', 'denied'));
    expect((await failure(changeModelApproval(client, stsClient, { target: { groupName: GROUP, version: 2 }, status: 'Approved', comment: 'ok' }))).name).toBe('AccessDeniedException');
    expect(sm).not.toHaveReceivedCommand(ListModelPackagesCommand);
  });

  test.each([
    ['empty', '', /^comment must not be empty/],
    ['blank', '   ', /^comment must not be empty/],
    ['1025 characters long', 'x'.repeat(1025), /at most 1024 characters/],
  ])(
    'a comment that is %s is refused before any call',
    async (_, comment, message) => {
      const err = await failure(changeModelApproval(client, stsClient, { target: { groupName: GROUP, version: 2 }, status: 'Approved', comment }));
      expect(err).toBeInstanceOf(CliError);
      expect(err.message).toMatch(message);
      expect(sm).not.toHaveReceivedAnyCommand();
      expect(sts).not.toHaveReceivedAnyCommand();
    },
  );
});

describe('throttled registry calls', () => {
  isolateAwsEnvironment({ credentials: true });

  /** The operations the client called, in order. */
  const respond = (client: SageMakerClient, responses: Record<string, JsonResponse[]>) => stubJsonHttp(client, byOperation(responses));

  const epoch = (version: number) => created(version).getTime() / 1000;

  test('a throttled description is retried by the client from createAwsClient', async () => {
    const real = await createAwsClient(SageMakerClient, { region: 'eu-west-1', maxAttempts: 3 });
    const calls = respond(real, {
      ListModelPackages: [[200, { ModelPackageSummaryList: [{ ...summary(2, 'Approved'), CreationTime: epoch(2) }] }]],
      DescribeModelPackage: [THROTTLED, [200, { ...described(2, 'Approved', { CustomerMetadataProperties: { auc: '0.8' } }), CreationTime: epoch(2) }]],
    });

    const versions = await listModelVersions(real, GROUP);

    expect(versions).toEqual([expect.objectContaining({ version: 2, auc: 0.8, creationTime: '2025-03-02T05:06:07.000Z' })]);
    expect(calls.map((c) => c.operation)).toEqual(['ListModelPackages', 'DescribeModelPackage', 'DescribeModelPackage']);
    real.destroy();
  });

  test('a throttled update is retried and then resolves', async () => {
    const real = await createAwsClient(SageMakerClient, { region: 'eu-west-1', maxAttempts: 3 });
    const calls = respond(real, {
      DescribeModelPackage: [[200, { ...described(4, 'PendingManualApproval'), CreationTime: epoch(4) }]],
      UpdateModelPackage: [THROTTLED, [200, { ModelPackageArn: packageArn(4) }]],
      ListModelPackages: [[200, { ModelPackageSummaryList: [{ ...summary(4, 'Approved'), CreationTime: epoch(4) }] }]],
    });

    const change = await changeModelApproval(real, stsClient, { target: { groupName: GROUP, version: 4 }, status: 'Approved', comment: 'ok' });

    expect(change).toMatchObject({ changed: true, deploys: { version: 4 } });
    expect(calls.map((c) => c.operation)).toEqual(['DescribeModelPackage', 'UpdateModelPackage', 'UpdateModelPackage', 'ListModelPackages']);
    real.destroy();
  });
});
