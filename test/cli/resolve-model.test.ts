import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DescribeModelPackageCommand, ListModelPackagesCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { AwsClientOptions } from '../../src/aws';
import { CliDeps, runCli } from '../../src/cli';
import { readResolvedModel } from '../../src/app-context/resolved-model';
import { captureOutput as capture, withStderr } from '../helpers/cli-output';

const sm = mockClient(SageMakerClient);
const GROUP = 'churn-models';
const ARN = `arn:aws:sagemaker:eu-west-1:123456789012:model-package/${GROUP}/3`;
const PENDING_ARN = `arn:aws:sagemaker:eu-west-1:123456789012:model-package/${GROUP}/4`;

const MODEL = {
  modelPackageGroupName: GROUP,
  modelPackageArn: ARN,
  version: 3,
  approvalStatus: 'Approved',
  creationTime: '2025-03-04T05:06:07.000Z',
  approvalDescription: 'reviewed by ana',
  auc: 0.8123,
  imageUri: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/xgboost:1.7-1',
  modelDataUrl: 's3://artifacts-bucket/churn/model.tar.gz',
  baselineDataUri: 's3://artifacts-bucket/churn/baseline',
  artifactKmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555',
};

const HUMAN = [
  `model package: ${ARN}`,
  `version: 3 of ${GROUP}`,
  'created: 2025-03-04 05:06 UTC',
  'AUC: 0.8123',
  'approver comment: reviewed by ana',
].join('\n');

let dir: string;

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

/** The usage errors commander writes to stderr. */
async function usageError(argv: string[]): Promise<{ code: number; stderr: string }> {
  const { value, stderr } = await withStderr(() => run(argv));
  return { code: value.code, stderr };
}

function approved(metadata: Record<string, string> = {}): void {
  sm.on(ListModelPackagesCommand, { ModelApprovalStatus: 'Approved' })
    .resolves({ ModelPackageSummaryList: [{ ModelPackageArn: ARN, ModelPackageGroupName: GROUP, ModelPackageVersion: 3, CreationTime: new Date(MODEL.creationTime), ModelPackageStatus: 'Completed' }] });
  sm.on(DescribeModelPackageCommand, { ModelPackageName: ARN }).resolves({
    ModelPackageArn: ARN,
    ModelPackageGroupName: GROUP,
    ModelPackageVersion: 3,
    ModelApprovalStatus: 'Approved',
    ApprovalDescription: MODEL.approvalDescription,
    CreationTime: new Date(MODEL.creationTime),
    CustomerMetadataProperties: { auc: '0.8123', baselineDataUri: MODEL.baselineDataUri, artifactKmsKeyArn: MODEL.artifactKmsKeyArn, ...metadata },
    InferenceSpecification: {
      Containers: [{ Image: MODEL.imageUri, ModelDataUrl: MODEL.modelDataUrl }],
      SupportedContentTypes: ['text/csv'],
      SupportedResponseMIMETypes: ['text/csv'],
    },
  });
}

beforeEach(() => {
  sm.reset();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resolve-model-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('resolve-model', () => {
  test('prints the newest approved version for people', async () => {
    approved();
    const injected = deps();
    const { code, out } = await run(['--region', 'eu-west-1', '--profile', 'ml-dev', 'resolve-model', '--group', GROUP], injected);
    expect(code).toBe(0);
    expect(out.results).toEqual([HUMAN]);
    expect(out.infos).toEqual([]);
    expect(injected.requested).toEqual([{ region: 'eu-west-1', profile: 'ml-dev' }]);
    expect(sm).toHaveReceivedCommandWith(ListModelPackagesCommand, { ModelPackageGroupName: GROUP, ModelApprovalStatus: 'Approved', SortBy: 'CreationTime', SortOrder: 'Descending' });
  });

  // The release trigger ignores a Rejected event that carries reject-model's marker (src/model-deploy/release-trigger.ts);
  // UpdateModelPackage keeps customer metadata until CustomerMetadataPropertiesToRemove names it (SageMaker API Reference).
  test('a version approved with reject-model\'s no-release marker still on it is released with a warning that says how to remove it', async () => {
    approved({ rejectedWithoutRelease: 'true' });
    const file = path.join(dir, 'resolved-model.json');
    const { code, out } = await run(['resolve-model', '--group', GROUP, '--out', file]);
    expect(code).toBe(0);
    expect(readResolvedModel(file)).toEqual(MODEL);
    expect(out.infos).toEqual([
      `wrote version 3 of ${GROUP} to ${file}`,
      expect.stringMatching(/^WARNING: version 3 carries the metadata rejectedWithoutRelease .* a rejection of this version outside sagemaker-gitops reject-model starts no release/),
    ]);
    expect(out.infos[1]).toContain(`aws sagemaker update-model-package --model-package-arn ${ARN} --customer-metadata-properties-to-remove rejectedWithoutRelease`);
  });

  test('--json prints the resolved model', async () => {
    approved();
    const { code, out } = await run(['--json', 'resolve-model', '--group', GROUP]);
    expect(code).toBe(0);
    expect(out.results).toEqual([MODEL]);
  });

  test('--out writes pretty JSON that readResolvedModel reads back, creating the directory', async () => {
    approved();
    const file = path.join(dir, 'nested', 'deeper', 'resolved-model.json');
    const { code, out } = await run(['resolve-model', '--group', GROUP, '--out', file]);
    expect(code).toBe(0);
    expect(out.results).toEqual([HUMAN]);
    expect(out.infos).toEqual([`wrote version 3 of ${GROUP} to ${file}`]);
    expect(fs.readFileSync(file, 'utf-8')).toBe(`${JSON.stringify(MODEL, null, 2)}\n`);
    expect(readResolvedModel(file)).toEqual(MODEL);
  });

  test('--out replaces an older file', async () => {
    approved();
    const file = path.join(dir, 'resolved-model.json');
    fs.writeFileSync(file, '{"stale": true}\n');
    expect((await run(['--json', 'resolve-model', '--group', GROUP, '--out', file])).code).toBe(0);
    expect(readResolvedModel(file)).toEqual(MODEL);
  });

  test('an --out that cannot be written is a usage error (exit 2) before any call', async () => {
    approved();
    const blocker = path.join(dir, 'a-file');
    fs.writeFileSync(blocker, '');
    const file = path.join(blocker, 'resolved-model.json');
    const { value: { code, out }, stderr } = await withStderr(() => run(['resolve-model', '--group', GROUP, '--out', file]));
    expect(code).toBe(2);
    expect(stderr).toContain(`--out ${JSON.stringify(file)} cannot be written: ${blocker} is a file, not a folder`);
    expect(out.results).toEqual([]);
    expect(sm).not.toHaveReceivedAnyCommand();
  });

  test('--out and --live-out naming one file is a usage error: the live model would overwrite the resolved one', async () => {
    const file = path.join(dir, 'model.json');
    const { value: { code }, stderr } = await withStderr(() => run(['resolve-model', '--group', GROUP, '--out', file, '--live-endpoint', 'player-churn-prod', '--live-out', file]));
    expect(code).toBe(2);
    expect(stderr).toContain(`--out and --live-out name the same file (${file})`);
    expect(sm).not.toHaveReceivedAnyCommand();
  });

  test('no approved version exits 1 with the approval hint and writes no file', async () => {
    sm.on(ListModelPackagesCommand, { ModelApprovalStatus: 'Approved' }).resolves({ ModelPackageSummaryList: [] });
    sm.on(ListModelPackagesCommand, { ModelApprovalStatus: 'PendingManualApproval' })
      .resolves({ ModelPackageSummaryList: [{ ModelPackageArn: PENDING_ARN, ModelPackageGroupName: GROUP, ModelPackageVersion: 4, CreationTime: new Date(), ModelPackageStatus: 'Completed' }] });
    const file = path.join(dir, 'resolved-model.json');
    const { code, out } = await run(['resolve-model', '--group', GROUP, '--out', file]);
    expect(code).toBe(1);
    expect(out.results).toEqual([]);
    expect(out.infos).toHaveLength(1);
    expect(out.infos[0]).toMatch(new RegExp(`^error: model package group ${GROUP} in eu-west-1 has no approved model version, so nothing will be deployed\\.`));
    expect(out.infos[0]).toContain(`version 4 (${PENDING_ARN})`);
    expect(out.infos[0]).toContain(`aws sagemaker update-model-package --model-package-arn ${PENDING_ARN} --model-approval-status Approved`);
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test('a group that does not exist exits 1 naming it', async () => {
    sm.on(ListModelPackagesCommand).rejects({ name: 'ValidationException', message: `Model Package Group ${GROUP} does not exist.` });
    const { code, out } = await run(['resolve-model', '--group', GROUP]);
    expect(code).toBe(1);
    expect(out.infos).toEqual([`error: model package group ${GROUP} does not exist in region eu-west-1: Model Package Group ${GROUP} does not exist.`]);
  });
});

describe('resolve-model usage errors exit 2 and call nothing', () => {
  test.each([
    [['resolve-model'], /error: required option '--group <name>' not specified/],
    [['resolve-model', '--group', 'churn_models'], /model package group name must be 1 to 63 letters, digits and hyphens.*\^\[a-zA-Z0-9\]\(-\*\[a-zA-Z0-9\]\)\{0,62\}\$.*got churn_models/],
    [['resolve-model', '--group', 'churn-'], /model package group name must be .*got churn-/],
    [['resolve-model', '--group', 'a'.repeat(64)], new RegExp(`model package group name must be .*got ${'a'.repeat(64)}`)],
    // CreateModelPackageGroup: at most 63 characters, however many of them are inner hyphens.
    [['resolve-model', '--group', `a${'-b'.repeat(40)}`], new RegExp(`model package group name must be 1 to 63 .*got a${'-b'.repeat(40)}`)],
  ])('%j', async (argv, message) => {
    const { code, stderr } = await usageError(argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(sm).not.toHaveReceivedAnyCommand();
  });
});
