import {
  CreateModelPackageCommand,
  CreateModelPackageGroupCommand,
  DescribeModelPackageCommand,
  ModelApprovalStatus,
  SageMakerClient,
  UpdateModelPackageCommand,
} from '@aws-sdk/client-sagemaker';
import { findLatestApprovedModel, listModelVersions } from '../../src/aws';
import { runCli } from '../../src/cli';
import { MOTO_ACCOUNT, MOTO_REGION, MotoServer, describeWithMoto, motoClient, motoDeps, startMoto, useDummyCredentials } from './moto';
import { captureOutput as capture } from '../helpers/cli-output';

jest.setTimeout(60_000);

const IMAGE = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1';
const BUCKET = `s3://player-churn-artifacts-${MOTO_ACCOUNT}`;

let server: MotoServer;
let sm: SageMakerClient;
let restoreEnv: () => void;

function packageArn(group: string, version: number, region = MOTO_REGION, account = MOTO_ACCOUNT): string {
  return `arn:aws:sagemaker:${region}:${account}:model-package/${group}/${version}`;
}

async function createGroup(group: string): Promise<void> {
  await sm.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: group }));
}

async function register(group: string, auc: number, status: ModelApprovalStatus = 'PendingManualApproval'): Promise<string> {
  const response = await sm.send(new CreateModelPackageCommand({
    ModelPackageGroupName: group,
    ModelApprovalStatus: status,
    CustomerMetadataProperties: { auc: String(auc) },
    InferenceSpecification: {
      Containers: [{ Image: IMAGE, ModelDataUrl: `${BUCKET}/train/auc-${auc}/model.tar.gz` }],
      SupportedContentTypes: ['text/csv'],
      SupportedResponseMIMETypes: ['text/csv'],
    },
  }));
  return response.ModelPackageArn!;
}

/** A reviewer's decision made outside the CLI (moto clears the metadata on an update without it, SageMaker keeps it). */
async function decide(arn: string, status: ModelApprovalStatus, comment: string, auc: number): Promise<void> {
  await sm.send(new UpdateModelPackageCommand({
    ModelPackageArn: arn,
    ModelApprovalStatus: status,
    ApprovalDescription: comment,
    CustomerMetadataProperties: { auc: String(auc) },
  }));
}

async function cli(argv: string[]) {
  const out = capture();
  const code = await runCli(['--region', MOTO_REGION, ...argv], out, motoDeps(server));
  return { code, out };
}

async function statusOf(group: string, version: number) {
  const described = await sm.send(new DescribeModelPackageCommand({ ModelPackageName: packageArn(group, version) }));
  return { status: described.ModelApprovalStatus, comment: described.ApprovalDescription };
}

describeWithMoto('models, approve-model and reject-model against moto', () => {
  beforeAll(async () => {
    restoreEnv = useDummyCredentials();
    server = await startMoto();
    sm = await motoClient(SageMakerClient, server);
  });

  afterAll(async () => {
    sm?.destroy();
    await server?.stop();
    restoreEnv?.();
  });

  describe('models', () => {
    const GROUP = 'churn-models';

    beforeAll(async () => {
      // v1 approved at registration, v2 and v3 pending, v4 rejected by a reviewer.
      await createGroup(GROUP);
      await register(GROUP, 0.8, 'Approved');
      await register(GROUP, 0.83);
      await register(GROUP, 0.86);
      await decide(await register(GROUP, 0.88), 'Rejected', 'leaks  the\tlabel', 0.88);
    });

    test('--json: every version newest first, with status, AUC, decision and which one deploys', async () => {
      const { code, out } = await cli(['--json', 'models', '--group', GROUP]);
      expect(code).toBe(0);
      const versions = out.results[0] as Array<Record<string, unknown>>;
      expect(versions.map((v) => [v.version, v.approvalStatus, v.auc, v.deploys])).toEqual([
        [4, 'Rejected', 0.88, false],
        [3, 'PendingManualApproval', 0.86, false],
        [2, 'PendingManualApproval', 0.83, false],
        [1, 'Approved', 0.8, true],
      ]);
      expect(versions[0]).toMatchObject({ modelPackageArn: packageArn(GROUP, 4), modelPackageGroupName: GROUP, approvalDescription: 'leaks  the\tlabel' });
      // moto records an update as made by its one fake Studio user. Version 1 was approved when it
      // was registered, so no update names who decided; pending versions have no decision.
      expect(versions.map((v) => v.decidedBy)).toEqual(['fake-user-profile-name', undefined, undefined, undefined]);
      for (const version of versions) {
        expect(Date.parse(version.creationTime as string)).not.toBeNaN();
      }
    });

    test('the table for people marks the deployed version', async () => {
      const { code, out } = await cli(['models', '--group', GROUP]);
      expect(code).toBe(0);
      const lines = (out.results[0] as string).split('\n');
      expect(lines[0]).toMatch(/^\s+version\s+created\s+status\s+AUC\s+decided by\s+description$/);
      expect(lines.slice(1, 5).map((line) => line.split(/\s{2,}/).filter(Boolean))).toEqual([
        ['4', expect.any(String), 'Rejected', '0.8800', 'fake-user-profile-name', 'leaks the label'],
        ['3', expect.any(String), 'PendingManualApproval', '0.8600', '-', '-'],
        ['2', expect.any(String), 'PendingManualApproval', '0.8300', '-', '-'],
        ['*', '1', expect.any(String), 'Approved', '0.8000', '-', '-'],
      ]);
      expect(lines[5]).toBe('* the model-deploy pipeline deploys version 1, the newest Approved');
    });

    test('--status filters, and still says which version deploys', async () => {
      const { code, out } = await cli(['models', '--group', GROUP, '--status', 'PendingManualApproval']);
      expect(code).toBe(0);
      const lines = (out.results[0] as string).split('\n');
      expect(lines.slice(1, -1).map((line) => line.trim().split(/\s+/)[0])).toEqual(['3', '2']);
      expect(lines[lines.length - 1]).toBe('the model-deploy pipeline deploys version 1, the newest Approved (not listed with --status PendingManualApproval)');
    });

    test('more versions than one page of ListModelPackages: all of them, newest first', async () => {
      const group = 'churn-many';
      await createGroup(group);
      // moto answers 100 summaries per page by default.
      for (let i = 0; i < 103; i++) {
        await register(group, 0.5 + i / 1000);
      }
      const versions = await listModelVersions(sm, group);
      expect(versions.map((v) => v.version)).toEqual(Array.from({ length: 103 }, (_, i) => 103 - i));
      expect(versions[0].auc).toBeCloseTo(0.602);
    });

    test('a group that does not exist: exit 1 naming it and the region', async () => {
      const { code, out } = await cli(['models', '--group', 'no-such-group']);
      expect(code).toBe(1);
      expect(out.infos).toEqual([expect.stringMatching(/^error: model package group no-such-group does not exist in region us-east-1: /)]);
    });

    test('an empty group says so', async () => {
      await createGroup('churn-new');
      const { code, out } = await cli(['models', '--group', 'churn-new']);
      expect(code).toBe(0);
      expect(out.results).toEqual(['model package group churn-new has no versions yet: the model-build pipeline registers one when it succeeds']);
    });
  });

  describe('approve-model and reject-model', () => {
    const GROUP = 'churn-approvals';

    beforeAll(async () => {
      await createGroup(GROUP);
      await register(GROUP, 0.8, 'Approved');
      await register(GROUP, 0.84);
    });

    test('approving the newest version: updated in the registry, and resolve-model then finds it', async () => {
      const { code, out } = await cli(['approve-model', '2', '--group', GROUP, '--comment', 'AUC 0.84 on the holdout set']);
      expect(code).toBe(0);
      expect(out.results).toEqual([[
        `approved version 2 of ${GROUP} (was PendingManualApproval): ${packageArn(GROUP, 2)}`,
        'the model-deploy pipeline starts on this change: version 2 will deploy to staging, then await release approval',
      ].join('\n')]);
      expect(await statusOf(GROUP, 2)).toEqual({ status: 'Approved', comment: 'AUC 0.84 on the holdout set' });
      expect((await findLatestApprovedModel(sm, GROUP)).version).toBe(2);
    });

    test('approving it again changes nothing', async () => {
      const { code, out } = await cli(['approve-model', packageArn(GROUP, 2), '--comment', 'again']);
      expect(code).toBe(0);
      expect(out.results).toEqual([[
        `version 2 of ${GROUP} is already Approved: nothing changed`,
        'the model-deploy pipeline deploys version 2, the newest Approved',
      ].join('\n')]);
      expect(await statusOf(GROUP, 2)).toEqual({ status: 'Approved', comment: 'AUC 0.84 on the holdout set' });
    });

    test('rejecting the deployed version (by ARN, --json) rolls back to the previous approved one', async () => {
      const { code, out } = await cli(['--json', 'reject-model', packageArn(GROUP, 2), '--comment', 'latency regression in staging']);
      expect(code).toBe(0);
      expect(out.results).toEqual([{
        modelPackageArn: packageArn(GROUP, 2),
        modelPackageGroupName: GROUP,
        version: 2,
        previousStatus: 'Approved',
        newStatus: 'Rejected',
        changed: true,
        // Rejecting an approved version starts a release: the rollback.
        startsRelease: true,
        deploys: { version: 1, arn: packageArn(GROUP, 1) },
      }]);
      expect(await statusOf(GROUP, 2)).toEqual({ status: 'Rejected', comment: 'latency regression in staging' });
      expect((await findLatestApprovedModel(sm, GROUP)).version).toBe(1);
    });

    test('rejecting the last approved version says nothing will deploy', async () => {
      const { code, out } = await cli(['reject-model', '1', '--group', GROUP, '--comment', 'superseded']);
      expect(code).toBe(0);
      expect(out.results[0]).toContain('no approved version remains');
      const { code: resolveCode, out: resolveOut } = await cli(['resolve-model', '--group', GROUP]);
      expect(resolveCode).toBe(1);
      expect(resolveOut.infos[0]).toContain(`model package group ${GROUP} in ${MOTO_REGION} has no approved model version`);
    });

    test('a version that is not in the group: exit 1 listing the versions, nothing changed', async () => {
      const { code, out } = await cli(['approve-model', '7', '--group', GROUP, '--comment', 'looks good']);
      expect(code).toBe(1);
      expect(out.infos).toEqual([`error: version 7 is not in model package group ${GROUP} (region ${MOTO_REGION}); its versions are: 1-2`]);
    });

    test('an ARN of another region or of another account (checked with STS): exit 1, nothing changed', async () => {
      const otherRegion = await cli(['approve-model', packageArn(GROUP, 1, 'eu-west-1'), '--comment', 'looks good']);
      expect(otherRegion.code).toBe(1);
      expect(otherRegion.out.infos).toEqual([`error: model package ${packageArn(GROUP, 1, 'eu-west-1')} is in region eu-west-1, but the region in use is ${MOTO_REGION}: pass --region eu-west-1`]);

      const otherAccount = await cli(['approve-model', packageArn(GROUP, 1, MOTO_REGION, '210987654321'), '--comment', 'looks good']);
      expect(otherAccount.code).toBe(1);
      expect(otherAccount.out.infos[0]).toContain(`is in account 210987654321, but the credentials in use are of account ${MOTO_ACCOUNT}`);
      expect((await statusOf(GROUP, 1)).status).toBe('Rejected');
    });
  });
});
