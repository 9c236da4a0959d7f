import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CreateModelPackageCommand,
  CreateModelPackageGroupCommand,
  DescribeModelPackageCommand,
  ModelApprovalStatus,
  SageMakerClient,
  UpdateModelPackageCommand,
} from '@aws-sdk/client-sagemaker';
import { findLatestApprovedModel } from '../../src/aws';
import { runCli } from '../../src/cli';
import { readResolvedModel } from '../../src/app-context/resolved-model';
import { MOTO_ACCOUNT, MOTO_REGION, MotoServer, describeWithMoto, motoClient, motoDeps, startMoto, useDummyCredentials } from './moto';
import { captureOutput as capture } from '../helpers/cli-output';

jest.setTimeout(60_000);

const IMAGE = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1';
const BUCKET = 's3://player-churn-artifacts-123456789012';
const KMS_KEY = `arn:aws:kms:${MOTO_REGION}:${MOTO_ACCOUNT}:key/11111111-2222-3333-4444-555555555555`;

let server: MotoServer;
let sm: SageMakerClient;
let restoreEnv: () => void;
let dir: string;

function packageArn(group: string, version: number): string {
  return `arn:aws:sagemaker:${MOTO_REGION}:${MOTO_ACCOUNT}:model-package/${group}/${version}`;
}

/** Registers a version the way the model-build pipeline's Register step does; returns its ARN. */
async function register(group: string, auc: number, status: ModelApprovalStatus = 'PendingManualApproval'): Promise<string> {
  const response = await sm.send(new CreateModelPackageCommand({
    ModelPackageGroupName: group,
    ModelApprovalStatus: status,
    CustomerMetadataProperties: metadata(auc),
    InferenceSpecification: {
      Containers: [{ Image: IMAGE, ModelDataUrl: `${BUCKET}/train/auc-${auc}/model.tar.gz` }],
      SupportedContentTypes: ['text/csv'],
      SupportedResponseMIMETypes: ['text/csv'],
    },
    ModelMetrics: {
      ModelDataQuality: {
        Statistics: { ContentType: 'application/json', S3Uri: `${BUCKET}/baseline/auc-${auc}/statistics.json` },
        Constraints: { ContentType: 'application/json', S3Uri: `${BUCKET}/baseline/auc-${auc}/constraints.json` },
      },
    },
  }));
  return response.ModelPackageArn!;
}

function metadata(auc: number): Record<string, string> {
  return { auc: String(auc), baselineDataUri: `${BUCKET}/baseline/auc-${auc}`, artifactKmsKeyArn: KMS_KEY };
}

/**
 * Sets a version's approval status. moto (unlike SageMaker) clears CustomerMetadataProperties on an
 * UpdateModelPackage without them, so the fixture sends them again to keep the registry realistic.
 */
async function setStatus(arn: string, status: ModelApprovalStatus, comment: string, auc: number): Promise<void> {
  await sm.send(new UpdateModelPackageCommand({
    ModelPackageArn: arn,
    ModelApprovalStatus: status,
    ApprovalDescription: comment,
    CustomerMetadataProperties: metadata(auc),
  }));
}

async function createGroup(group: string): Promise<void> {
  await sm.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: group, ModelPackageGroupDescription: 'integration test' }));
}

async function cli(argv: string[]) {
  const out = capture();
  const code = await runCli(['--region', MOTO_REGION, ...argv], out, motoDeps(server));
  return { code, out };
}

/** The resolved model the registry holds for a version, as resolve-model must report it. */
async function expected(group: string, version: number, auc: number, comment?: string) {
  const described = await sm.send(new DescribeModelPackageCommand({ ModelPackageName: packageArn(group, version) }));
  return {
    modelPackageGroupName: group,
    modelPackageArn: packageArn(group, version),
    version,
    approvalStatus: 'Approved',
    creationTime: described.CreationTime!.toISOString(),
    ...(comment === undefined ? {} : { approvalDescription: comment }),
    auc,
    imageUri: IMAGE,
    modelDataUrl: `${BUCKET}/train/auc-${auc}/model.tar.gz`,
    baselineDataUri: `${BUCKET}/baseline/auc-${auc}`,
    dataQualityStatisticsUri: `${BUCKET}/baseline/auc-${auc}/statistics.json`,
    dataQualityConstraintsUri: `${BUCKET}/baseline/auc-${auc}/constraints.json`,
    artifactKmsKeyArn: KMS_KEY,
  };
}

describeWithMoto('resolve-model against moto', () => {
  const GROUP = 'churn-models';

  beforeAll(async () => {
    restoreEnv = useDummyCredentials();
    server = await startMoto();
    sm = await motoClient(SageMakerClient, server);
    // v1 approved at registration, v2 still pending, v3 approved by a reviewer, v4 rejected.
    await createGroup(GROUP);
    await register(GROUP, 0.81, 'Approved');
    await register(GROUP, 0.84);
    await setStatus(await register(GROUP, 0.86), 'Approved', 'reviewed by ana', 0.86);
    await setStatus(await register(GROUP, 0.9), 'Rejected', 'leaks the label', 0.9);
  });

  afterAll(async () => {
    sm?.destroy();
    await server?.stop();
    restoreEnv?.();
  });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resolve-model-moto-'));
  });

  afterEach(() => {
    if (dir) {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('findLatestApprovedModel returns the newest approved version, not a newer rejected or pending one', async () => {
    await expect(findLatestApprovedModel(sm, GROUP)).resolves.toEqual(await expected(GROUP, 3, 0.86, 'reviewed by ana'));
  });

  test('prints the newest approved version for people', async () => {
    const { code, out } = await cli(['resolve-model', '--group', GROUP]);
    expect(code).toBe(0);
    const described = await sm.send(new DescribeModelPackageCommand({ ModelPackageName: packageArn(GROUP, 3) }));
    expect(out.results).toEqual([[
      `model package: ${packageArn(GROUP, 3)}`,
      `version: 3 of ${GROUP}`,
      // Short UTC, to the minute: 2026-12-04 20:46 UTC.
      `created: ${described.CreationTime!.toISOString().replace(/^(\d{4}-\d\d-\d\d)T(\d\d:\d\d).*$/, '$1 $2 UTC')}`,
      'AUC: 0.8600',
      'approver comment: reviewed by ana',
    ].join('\n')]);
    expect(out.infos).toEqual([]);
  });

  test('--json and --out give the same resolved model, and the file reads back for the model-deploy synth', async () => {
    const file = path.join(dir, 'nested', 'resolved-model.json');
    const { code, out } = await cli(['--json', 'resolve-model', '--group', GROUP, '--out', file]);
    expect(code).toBe(0);
    const model = await expected(GROUP, 3, 0.86, 'reviewed by ana');
    expect(out.results).toEqual([model]);
    expect(JSON.parse(fs.readFileSync(file, 'utf-8'))).toEqual(model);
    expect(readResolvedModel(file)).toEqual(model);
    expect(out.infos).toEqual([`wrote version 3 of ${GROUP} to ${file}`]);
  });

  test('rejecting the newest approved version rolls back to the previous approved one', async () => {
    const group = 'churn-rollback';
    await createGroup(group);
    await register(group, 0.8, 'Approved');
    const second = await register(group, 0.83);
    await setStatus(second, 'Approved', 'better AUC', 0.83);
    expect((await findLatestApprovedModel(sm, group)).version).toBe(2);

    await setStatus(second, 'Rejected', 'drifts in staging', 0.83);
    const { code, out } = await cli(['--json', 'resolve-model', '--group', group]);
    expect(code).toBe(0);
    expect(out.results).toEqual([await expected(group, 1, 0.8)]);
  });

  test('no approved version: exit 1 naming the newest pending version and how to approve it', async () => {
    const group = 'churn-pending';
    await createGroup(group);
    // More pending versions than resolve-model asks for in one page: the newest is named.
    for (let i = 0; i < 12; i++) {
      await register(group, 0.7 + i / 100);
    }
    const { code, out } = await cli(['resolve-model', '--group', group, '--out', path.join(dir, 'resolved-model.json')]);
    expect(code).toBe(1);
    expect(out.results).toEqual([]);
    expect(out.infos).toHaveLength(1);
    const message = out.infos[0];
    expect(message).toContain(`error: model package group ${group} in ${MOTO_REGION} has no approved model version, so nothing will be deployed.`);
    expect(message).toContain(`The newest version pending approval is version 12 (${packageArn(group, 12)})`);
    expect(message).toContain(`aws sagemaker update-model-package --model-package-arn ${packageArn(group, 12)} --model-approval-status Approved`);
    expect(fs.existsSync(path.join(dir, 'resolved-model.json'))).toBe(false);
  });

  test('an empty group: exit 1 saying that no version is pending either', async () => {
    const group = 'churn-empty';
    await createGroup(group);
    const { code, out } = await cli(['resolve-model', '--group', group]);
    expect(code).toBe(1);
    expect(out.infos[0]).toContain(`error: model package group ${group} in ${MOTO_REGION} has no approved model version`);
    expect(out.infos[0]).toContain('It has no version pending approval either');
  });
});
