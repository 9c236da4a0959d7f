import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  DescribeEndpointCommand, DescribeEndpointConfigCommand, DescribeModelCommand, DescribeModelPackageCommand, ListModelPackagesCommand, SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { CliDeps, runCli } from '../../src/cli';
import { readLiveModel } from '../../src/app-context/resolved-model';
import { captureOutput as capture, withStderr } from '../helpers/cli-output';

const sm = mockClient(SageMakerClient);
const GROUP = 'churn-models';
const ENDPOINT = 'churn-prod';
const arn = (version: number) => `arn:aws:sagemaker:eu-west-1:123456789012:model-package/${GROUP}/${version}`;
const CREATED = '2025-03-04T05:06:07.000Z';

const deps = (): CliDeps => ({ sageMakerClient: async () => new SageMakerClient({ region: 'eu-west-1' }) });

async function run(argv: string[]) {
  const out = capture();
  const code = await runCli(argv, out, deps());
  return { code, out };
}

function registry(version: number, status = 'Approved'): void {
  sm.on(DescribeModelPackageCommand, { ModelPackageName: arn(version) }).resolves({
    ModelPackageArn: arn(version), ModelPackageGroupName: GROUP, ModelPackageVersion: version, ModelApprovalStatus: status as any, CreationTime: new Date(CREATED),
    CustomerMetadataProperties: { auc: '0.8' },
    InferenceSpecification: { Containers: [{ Image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/xgboost:1.7-1', ModelDataUrl: `s3://artifacts/v${version}/model.tar.gz` }], SupportedContentTypes: [], SupportedResponseMIMETypes: [] },
  });
}

/** The newest approved version is 5 (the candidate). */
function candidate(): void {
  sm.on(ListModelPackagesCommand, { ModelApprovalStatus: 'Approved' })
    .resolves({ ModelPackageSummaryList: [{ ModelPackageArn: arn(5), ModelPackageGroupName: GROUP, ModelPackageVersion: 5, CreationTime: new Date(CREATED), ModelPackageStatus: 'Completed' }] });
  registry(5);
}

/** The production endpoint serves a model created from `packageName` (none: a model without a package). */
function serving(packageName: string | undefined): void {
  sm.on(DescribeEndpointCommand, { EndpointName: ENDPOINT }).resolves({ EndpointName: ENDPOINT, EndpointConfigName: 'config-1', EndpointStatus: 'InService' } as any);
  sm.on(DescribeEndpointConfigCommand, { EndpointConfigName: 'config-1' }).resolves({ ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: 'model-1' }] } as any);
  sm.on(DescribeModelCommand, { ModelName: 'model-1' }).resolves(packageName ? { Containers: [{ ModelPackageName: packageName }] } as any : { PrimaryContainer: { Image: 'x' } } as any);
}

let dir: string;
beforeEach(() => {
  sm.reset();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resolve-live-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('resolve-model --live-endpoint', () => {
  test('writes the version production serves, which a shadow release keeps as the production variant', async () => {
    candidate();
    serving(arn(3));
    registry(3);
    const file = path.join(dir, 'live-model.json');
    const { code, out } = await run(['resolve-model', '--group', GROUP, '--live-endpoint', ENDPOINT, '--live-out', file]);
    expect(code).toBe(0);
    const live = readLiveModel(file);
    expect(live).toEqual({ endpointName: ENDPOINT, model: expect.objectContaining({ version: 3, modelPackageArn: arn(3), approvalStatus: 'Approved' }) });
    expect(out.infos).toContain(`${ENDPOINT} serves version 3: the release runs version 5 in shadow beside it first (wrote ${file})`);
  });

  test('a live version rejected since stays the production variant, and says so', async () => {
    candidate();
    serving(arn(3));
    registry(3, 'Rejected');
    const file = path.join(dir, 'live-model.json');
    expect((await run(['resolve-model', '--group', GROUP, '--live-endpoint', ENDPOINT, '--live-out', file])).code).toBe(0);
    expect(readLiveModel(file)).toMatchObject({ approvalStatusNow: 'Rejected', model: { version: 3 } });
  });

  test('the first release (no endpoint yet) has no shadow phase, with a log line', async () => {
    candidate();
    sm.on(DescribeEndpointCommand).rejects({ name: 'ValidationException', message: `Could not find endpoint "${ENDPOINT}".` });
    const file = path.join(dir, 'live-model.json');
    const { code, out } = await run(['resolve-model', '--group', GROUP, '--live-endpoint', ENDPOINT, '--live-out', file]);
    expect(code).toBe(0);
    expect(readLiveModel(file)).toEqual({ endpointName: ENDPOINT, none: expect.stringContaining(`the endpoint ${ENDPOINT} does not exist in eu-west-1: the first release`) });
    expect(out.infos).toContainEqual(expect.stringMatching(/^no shadow phase: the endpoint churn-prod does not exist in eu-west-1/));
  });

  test('an endpoint whose version cannot be told fails: the production variant is never guessed', async () => {
    candidate();
    serving(undefined);
    const file = path.join(dir, 'live-model.json');
    const { code, out } = await run(['resolve-model', '--group', GROUP, '--live-endpoint', ENDPOINT, '--live-out', file]);
    expect(code).toBe(1);
    expect(out.infos).toEqual([expect.stringMatching(/^error: cannot tell which model version the endpoint churn-prod serves \(model model-1 was not created from a model package/)]);
    expect(fs.existsSync(file)).toBe(false);
  });

  test('--live-endpoint without --live-out is a usage error that calls nothing', async () => {
    const { value, stderr } = await withStderr(() => run(['resolve-model', '--group', GROUP, '--live-endpoint', ENDPOINT]));
    expect(value.code).toBe(2);
    expect(stderr).toMatch(/--live-endpoint and --live-out go together/);
    expect(sm).not.toHaveReceivedAnyCommand();
  });

  /**
   * Amazon SageMaker API Reference, DescribeEndpoint: EndpointName is at most 63 characters matching
   * ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}. A name outside it is refused before any call, not sent for
   * SageMaker to answer with a ValidationException.
   */
  test.each(['churn_prod', '-churn-prod', `e${'x'.repeat(63)}`])('--live-endpoint %s outside DescribeEndpoint\'s EndpointName rule is a usage error that calls nothing', async (name) => {
    const { value, stderr } = await withStderr(() => run(['resolve-model', '--group', GROUP, '--live-endpoint', name, '--live-out', path.join(dir, 'live.json')]));
    expect(value.code).toBe(2);
    expect(stderr).toMatch(new RegExp(`--live-endpoint must be an endpoint name of 1 to 63 letters, digits and hyphens.*got ${name}`));
    expect(sm).not.toHaveReceivedAnyCommand();
  });
});
