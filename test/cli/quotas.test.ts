/**
 * `quotas`: the project's needs against the account's SageMaker and CodeBuild quotas, read with Service Quotas.
 *
 * Service Quotas API Reference, ListServiceQuotas: the values applied to the account (not every
 * quota has one); ListAWSDefaultServiceQuotas: AWS's defaults. A new account often has 0 for an
 * instance type, and SageMaker refuses the job or endpoint with ResourceLimitExceeded.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ListAWSDefaultServiceQuotasCommand, ListServiceQuotasCommand, ServiceQuota, ServiceQuotasClient } from '@aws-sdk/client-service-quotas';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { CliDeps, runCli } from '../../src/cli';
import { CODEBUILD_LINUX_SMALL_QUOTA, CONFIG_FILE_NAME, SERVERLESS_CONCURRENCY_QUOTA, renderConfigFile } from '../../src/config';
import { captureOutput as capture } from '../helpers/cli-output';
import { testConfig } from '../helpers/validated-synth';

const sq = mockClient(ServiceQuotasClient);
const sts = mockClient(STSClient);
const ACCOUNT = '111111111111';
let dir: string;

const deps = (): CliDeps => ({
  serviceQuotasClient: async (options) => new ServiceQuotasClient({ region: options.region ?? 'us-east-1' }),
  stsClient: async () => new STSClient({ region: 'us-east-1' }),
});

/** Writes the project's config file (as MlopsProject writes it into a repository) and returns its path. */
function configFile(overrides: Record<string, unknown> = {}): string {
  const file = path.join(dir, CONFIG_FILE_NAME);
  fs.writeFileSync(file, JSON.stringify(renderConfigFile(testConfig(overrides))));
  return file;
}

const quota = (name: string, value: number, code = `L-${name.length.toString(16).toUpperCase().padStart(8, '0')}`): ServiceQuota =>
  ({ ServiceCode: 'sagemaker', QuotaName: name, QuotaCode: code, Value: value, Adjustable: true });

/** CodeBuild's quota on concurrently running Linux/Small builds (every action of both pipelines), applied at `value`. */
function builds(value: number): void {
  sq.on(ListServiceQuotasCommand, { ServiceCode: 'codebuild' }).resolves({ Quotas: [{ ...quota(CODEBUILD_LINUX_SMALL_QUOTA, value, 'L-9D0F0A4B'), ServiceCode: 'codebuild' }] });
}

/** The defaults' quotas: processing, training, serverless concurrency, endpoint, drift check; and CodeBuild's, 2 unless given. */
function applied(endpoint: number, others: ServiceQuota[] = [], codeBuild = 2): void {
  sq.on(ListServiceQuotasCommand, { ServiceCode: 'sagemaker' }).resolves({
    Quotas: [
      quota('ml.m5.large for processing job usage', 4), quota('ml.m5.xlarge for training job usage', 2), quota(SERVERLESS_CONCURRENCY_QUOTA, 1000),
      quota('ml.m5.large for endpoint usage', endpoint, 'L-E2BB2B3A'), quota('ml.t3.medium for processing job usage', 4), ...others,
    ],
  });
  builds(codeBuild);
}

async function run(argv: string[]) {
  const out = capture();
  const code = await runCli(argv, out, deps());
  return { code, out };
}

beforeEach(() => {
  sq.reset();
  sts.reset();
  sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:user/ops`, UserId: 'AIDAEXAMPLE' });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quotas-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('quotas', () => {
  test('every quota covers what the defaults need at the maximum: a table, exit 0', async () => {
    applied(8);
    const { code, out } = await run(['quotas', '--config', configFile()]);
    expect(code).toBe(0);
    expect(String(out.results[0]).split('\n')).toEqual([
      expect.stringMatching(/^quota +needs +at max +quota value +status$/),
      expect.stringMatching(/^ml\.m5\.large for processing job usage +1 +1 +4 +ok$/),
      expect.stringMatching(/^ml\.m5\.xlarge for training job usage +1 +1 +2 +ok$/),
      expect.stringMatching(/^Maximum total concurrency that can be allocated across all serverless endpoints +5 +5 +1000 +ok$/),
      expect.stringMatching(/^ml\.m5\.large for endpoint usage +2 +8 +8 +ok$/),
      expect.stringMatching(/^ml\.t3\.medium for processing job usage +1 +1 +4 +ok$/),
      expect.stringMatching(/^Concurrently running builds for Linux\/Small environment +1 +2 +2 +ok$/),
    ]);
    expect(out.infos).toEqual([]);
    expect(sq).toHaveReceivedCommandWith(ListServiceQuotasCommand, { ServiceCode: 'sagemaker' });
    expect(sq).toHaveReceivedCommandWith(ListServiceQuotasCommand, { ServiceCode: 'codebuild' });
    expect(sq).not.toHaveReceivedCommand(ListAWSDefaultServiceQuotasCommand);
  });

  test('a new account\'s 0 for the endpoint\'s instance type fails, naming the quota, its code, the need and how to raise it', async () => {
    applied(0);
    const { code, out } = await run(['quotas', '--config', configFile()]);
    expect(code).toBe(1);
    expect(String(out.results[0])).toMatch(/ml\.m5\.large for endpoint usage +2 +8 +0 +too low/);
    expect(out.infos.at(-1)).toBe(
      `error: 1 quota(s) of account ${ACCOUNT} in us-east-1 are below what the project needs: 'ml.m5.large for endpoint usage' (L-E2BB2B3A): ` +
      'the project needs 2 (8 for a release while autoscaled to the maximum); it is 0; used by the prod endpoint (endpoints.prod.instanceType; its fleet twice during a release). ' +
      'Request increases in the Service Quotas console (Amazon SageMaker) or with `aws service-quotas request-service-quota-increase --service-code sagemaker --quota-code <code> --desired-value <n>`',
    );
  });

  test('enough for a first release but not for one at the autoscaling maximum: a warning, exit 0', async () => {
    applied(4);
    const { code, out } = await run(['quotas', '--config', configFile()]);
    expect(code).toBe(0);
    expect(out.infos).toEqual([expect.stringMatching(/^warning: 'ml\.m5\.large for endpoint usage' \(L-E2BB2B3A\): the project needs 8 for a release while autoscaled to the maximum \(2 at the minimum\); it is 4;/)]);
  });

  // "Quotas for AWS CodeBuild": concurrently running builds per platform and compute type, as low as 0 in a new account,
  // where a build fails ("Cannot have more than 0 builds in queue for the account"); "Builds in AWS CodeBuild": builds
  // over the quota queue, so with 1 a release waits behind RunSageMakerPipeline's build.
  test('CodeBuild\'s Linux/Small builds: 0 fails with CodeBuild\'s service code; 1 warns that a release waits for the model-build pipeline', async () => {
    applied(8, [], 0);
    const none = await run(['quotas', '--config', configFile()]);
    expect(none.code).toBe(1);
    expect(none.out.infos.at(-1)).toBe(
      `error: 1 quota(s) of account ${ACCOUNT} in us-east-1 are below what the project needs: '${CODEBUILD_LINUX_SMALL_QUOTA}' (L-9D0F0A4B): ` +
      'the project needs 1 (2 for a release while the model-build pipeline runs); it is 0; used by the model-build CodePipeline\'s CodeBuild actions ' +
      '(RunSageMakerPipeline for the whole SageMaker pipeline run), the model-deploy CodePipeline\'s CodeBuild actions. ' +
      'Request increases in the Service Quotas console (AWS CodeBuild) or with `aws service-quotas request-service-quota-increase --service-code codebuild --quota-code <code> --desired-value <n>`',
    );
    builds(1);
    const one = await run(['quotas', '--config', configFile()]);
    expect(one.code).toBe(0);
    expect(one.out.infos).toEqual([expect.stringMatching(/^warning: 'Concurrently running builds for Linux\/Small environment' \(L-9D0F0A4B\): the project needs 2 for a release while the model-build pipeline runs \(1 at the minimum\); it is 1;/)]);
  });

  test('a quota without an applied value is read from AWS\'s defaults, page by page', async () => {
    builds(2);
    sq.on(ListServiceQuotasCommand, { ServiceCode: 'sagemaker' }).resolvesOnce({ Quotas: [quota('ml.m5.large for processing job usage', 4)], NextToken: 'cGFnZTI=' })
      .resolves({ Quotas: [quota('ml.m5.xlarge for training job usage', 2), quota(SERVERLESS_CONCURRENCY_QUOTA, 1000), quota('ml.t3.medium for processing job usage', 4)] });
    sq.on(ListAWSDefaultServiceQuotasCommand).resolvesOnce({ Quotas: [quota('ml.p3.2xlarge for endpoint usage', 0)], NextToken: 'ZDI=' })
      .resolves({ Quotas: [quota('ml.m5.large for endpoint usage', 8)] });
    const { code, out } = await run(['quotas', '--config', configFile()]);
    expect(code).toBe(0);
    expect(String(out.results[0])).toMatch(/ml\.m5\.large for endpoint usage +2 +8 +8 \(AWS default\) +ok/);
    // The applied quotas of the second page were read too: every quota was found and is ok.
    expect(String(out.results[0])).toMatch(/ml\.m5\.xlarge for training job usage +1 +1 +2 +ok/);
    expect(out.infos).toEqual([]);
    expect(sq).toHaveReceivedCommandWith(ListServiceQuotasCommand, { ServiceCode: 'sagemaker', NextToken: 'cGFnZTI=' });
    expect(sq).toHaveReceivedCommandWith(ListAWSDefaultServiceQuotasCommand, { ServiceCode: 'sagemaker', NextToken: 'ZDI=' });
  });

  test('a quota Service Quotas does not list is reported, not guessed', async () => {
    sq.on(ListServiceQuotasCommand).resolves({ Quotas: [] });
    sq.on(ListAWSDefaultServiceQuotasCommand).resolves({ Quotas: [] });
    const { code, out } = await run(['quotas', '--config', configFile()]);
    expect(code).toBe(0);
    expect(out.infos).toHaveLength(6);
    expect(out.infos[0]).toMatch(/^note: 'ml\.m5\.large for processing job usage': the project needs 1; Service Quotas lists no such quota here, so it was not checked;/);
  });

  test('stages in another account or region are listed with the command that checks them; --json', async () => {
    applied(8);
    const config = configFile({ environments: { build: { account: ACCOUNT }, staging: { account: ACCOUNT, region: 'eu-west-1' }, prod: { account: '333333333333' } } });
    const { code, out } = await run(['--json', 'quotas', '--config', config]);
    expect(code).toBe(0);
    const result = out.results[0] as any;
    expect(result.checks.map((c: any) => c.quotaName)).toEqual(['ml.m5.large for processing job usage', 'ml.m5.xlarge for training job usage', CODEBUILD_LINUX_SMALL_QUOTA]);
    expect(result.notChecked.map((n: any) => [n.account, n.region, n.quotaName])).toEqual([
      [ACCOUNT, 'eu-west-1', SERVERLESS_CONCURRENCY_QUOTA],
      ['333333333333', 'us-east-1', 'ml.m5.large for endpoint usage'],
      ['333333333333', 'us-east-1', 'ml.t3.medium for processing job usage'],
    ]);
    expect(out.infos).toEqual([
      `not checked: account ${ACCOUNT}, region eu-west-1 (staging): run \`sagemaker-gitops quotas --region eu-west-1\``,
      'not checked: account 333333333333, region us-east-1 (prod): run `sagemaker-gitops quotas --region us-east-1 --profile <a profile of that account>`',
    ]);
  });

  test('without a config file in the folder, it says where it looked and what to do', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const { code, out } = await run(['quotas']);
      // A missing file is a usage error (exit 2) in every command.
      expect(code).toBe(2);
      expect(out.infos[0]).toBe(`error: no ${CONFIG_FILE_NAME} in ${fs.realpathSync(dir)} to read the instance types and counts from: run the command in the model-build or model-deploy repository or pass --config <file>`);
      expect(sq).not.toHaveReceivedAnyCommand();
    } finally {
      process.chdir(cwd);
    }
  });
});
