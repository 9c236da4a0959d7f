import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { S3Client } from '@aws-sdk/client-s3';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import { AwsClientOptions } from '../../src/aws';
import { runCli } from '../../src/cli';
import { GOOD, captureWorld, endpointWorld, metricResults } from '../fixtures/shadow/world';
import { captureOutput, withStderr } from '../helpers/cli-output';

/**
 * compare-shadow end to end with injected clients: CloudWatch's AWS/SageMaker invocation metrics per
 * EndpointName + VariantName ("Monitor Amazon SageMaker with Amazon CloudWatch", "Monitor a shadow test") and
 * both variants' data capture files (<DestinationS3Uri>/<endpoint>/<variant>/yyyy/mm/dd/hh/*.jsonl,
 * "Capture data from real-time endpoint"; "Create a shadow test": the shadow's responses are captured too).
 */
const cw = mockClient(CloudWatchClient);
const s3 = mockClient(S3Client);
const sm = mockClient(SageMakerClient);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compare-shadow-'));
const out = path.join(dir, 'reports', 'shadow-report.json');
const envFile = path.join(dir, 'shadow.env');

const argv = [
  'compare-shadow', '--endpoint', 'player-churn-prod', '--production-variant', 'AllTraffic', '--shadow-variant', 'Shadow',
  '--capture-uri', 's3://capture-bucket/data-capture', '--minutes', '120', '--max-latency-increase-percent', '20',
  '--max-error-rate', '0.01', '--max-prediction-psi', '0.2', '--region', 'eu-west-1', '--out', out,
];

async function run(args: string[]) {
  const output = captureOutput();
  const requested: AwsClientOptions[] = [];
  const { value: code, stderr } = await withStderr(() => runCli(args, output, {
    cloudWatchClient: async (o) => (requested.push(o), new CloudWatchClient({ region: 'eu-west-1' })),
    s3Client: async (o) => (requested.push(o), new S3Client({ region: 'eu-west-1' })),
    sageMakerClient: async (o) => (requested.push(o), new SageMakerClient({ region: 'eu-west-1' })),
    now: () => Date.parse('2026-12-04T11:05:30Z'), // the window ends 5 minutes earlier, at 11:00
  }));
  return { code, output, requested, stderr };
}

beforeEach(() => {
  cw.reset();
  s3.reset();
  sm.reset();
  endpointWorld(sm);
  fs.rmSync(out, { force: true });
  fs.rmSync(envFile, { force: true });
});

test('exit 0 for a close shadow: the table, report.json and the env file for CodePipeline variables', async () => {
  cw.on(GetMetricDataCommand).resolves({ MetricDataResults: metricResults(GOOD) });
  captureWorld(s3, { production: 'production.jsonl', shadow: 'shadow-close.jsonl' });
  const { code, output, requested } = await run([...argv, '--variables-file', envFile, '--profile', 'prod']);
  expect(code).toBe(0);
  expect(requested).toEqual([{ region: 'eu-west-1', profile: 'prod' }, { region: 'eu-west-1', profile: 'prod' }, { region: 'eu-west-1', profile: 'prod' }]);
  expect(String(output.results[0])).toMatch(/^shadow Shadow vs production AllTraffic of endpoint player-churn-prod, 2026-12-04T09:00:00.000Z to 2026-12-04T11:00:00.000Z \(120 minutes\)\n/);
  expect(String(output.results[0])).toMatch(/\nPASS$/);
  const report = JSON.parse(fs.readFileSync(out, 'utf-8'));
  expect(report).toMatchObject({ verdict: 'PASS', passed: true, reasons: [], thresholds: { minInvocations: 100 }, predictions: { pairedRequests: 120 } });
  const variables = Object.fromEntries(fs.readFileSync(envFile, 'utf-8').trim().split('\n').map((line) => line.split('=')));
  expect(Object.keys(variables)).toEqual([
    'SHADOW_VERDICT', 'SHADOW_LATENCY_P50_MS', 'SHADOW_LATENCY_P95_MS', 'PROD_LATENCY_P95_MS', 'SHADOW_ERROR_RATE', 'PROD_ERROR_RATE', 'SHADOW_PREDICTION_PSI', 'SHADOW_REQUESTS',
  ]);
  expect(variables).toMatchObject({ SHADOW_VERDICT: 'PASS', SHADOW_LATENCY_P95_MS: '22', PROD_LATENCY_P95_MS: '20', SHADOW_REQUESTS: '600' });
});

test('exit 1 with the numbers when the shadow is slower; the report and env file are still written; --json prints the report', async () => {
  cw.on(GetMetricDataCommand).resolves({ MetricDataResults: metricResults({ ...GOOD, shadow: { ...GOOD.shadow, p95: 30000 } }) });
  captureWorld(s3, { production: 'production.jsonl', shadow: 'shadow-close.jsonl' });
  const { code, output } = await run([...argv, '--variables-file', envFile, '--json']);
  expect(code).toBe(1);
  expect((output.results[0] as any).verdict).toBe('FAIL');
  expect(JSON.parse(output.infos[output.infos.length - 1]).error.message).toBe(
    'shadow Shadow of player-churn-prod failed the comparison: p95 model latency of the shadow 30 ms is 50% above production\'s 20 ms (at most 20% allowed)');
  expect(JSON.parse(fs.readFileSync(out, 'utf-8')).passed).toBe(false);
  expect(fs.readFileSync(envFile, 'utf-8')).toMatch(/^SHADOW_VERDICT=FAIL\n/);
});

test('exit 1 on a quiet window: too few invocations, with the configured minimum', async () => {
  cw.on(GetMetricDataCommand).resolves({ MetricDataResults: metricResults({ production: { inv: 30 }, shadow: { inv: 30 } }) });
  captureWorld(s3, { production: 'production.jsonl', shadow: 'shadow-close.jsonl' });
  const { code, output } = await run([...argv, '--min-invocations', '50']);
  expect(code).toBe(1);
  expect(output.infos.join('\n')).toMatch(/too few invocations: the production variant AllTraffic had 30 in the last 120 minutes, at least 50 are needed \(--min-invocations\)/);
});

// DescribeEndpoint API reference (ShadowProductionVariants): an endpoint without the shadow variant is an error
// that names it, and writes no report, rather than a comparison of a shadow that received nothing.
test('exit 1 before any metric or capture read when the endpoint serves no shadow variant', async () => {
  endpointWorld(sm, { ShadowProductionVariants: [] });
  const { code, output } = await run(argv);
  expect(code).toBe(1);
  expect(output.infos.join('\n')).toMatch(/the endpoint player-churn-prod \(InService\) serves no shadow variant Shadow \(--shadow-variant\); its shadow variants: none/);
  expect(cw.calls()).toHaveLength(0);
  expect(s3.calls()).toHaveLength(0);
  expect(fs.existsSync(out)).toBe(false);
});

describe('bad arguments exit 2 naming the option, the value and what is allowed, before any AWS call', () => {
  const replace = (option: string, value: string) => argv.map((arg, i) => (argv[i - 1] === option ? value : arg));
  test.each([
    ['--minutes', '0', /--minutes must be a whole number of minutes from 1 to 43200, got 0/],
    ['--minutes', '1.5', /--minutes must be a whole number of minutes from 1 to 43200, got 1.5/],
    ['--max-latency-increase-percent', '-5', /--max-latency-increase-percent must be a number from 0 to 10000 \(percent\), got -5/],
    ['--max-error-rate', '1.5', /--max-error-rate must be a number from 0 to 1 \(errors \/ invocations\), got 1.5/],
    ['--max-prediction-psi', '0', /--max-prediction-psi must be a number above 0 and at most 100 \(a population stability index\), got 0/],
    ['--capture-uri', 'https://bucket/prefix', /--capture-uri must be the endpoint's data capture location s3:\/\/<bucket>\[\/<prefix>\].*got https:\/\/bucket\/prefix/],
    ['--capture-uri', 's3://My_Bucket/x', /a bucket name of 3 to 63 lowercase letters.*got s3:\/\/My_Bucket\/x/],
    ['--shadow-variant', 'shadow_1', /--shadow-variant must be a variant name of 1 to 63 letters, digits and hyphens.*got shadow_1/],
    ['--endpoint', '-prod', /--endpoint must be an endpoint name .*got -prod/],
    ['--region', 'europe', /--region must be an AWS region name .*got "europe"/],
  ])('%s %s', async (option, value, message) => {
    const { code, stderr, requested } = await run(replace(option, value));
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(requested).toEqual([]);
  });

  test('--out and --variables-file naming one file, or --out naming a folder, stop before any call', async () => {
    const same = await run([...argv, '--variables-file', out]);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain(`--out and --variables-file name the same file (${out}): the variables would overwrite the report`);
    expect(same.requested).toEqual([]);
    const folder = await run(replace('--out', path.dirname(out)));
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain(`--out ${JSON.stringify(path.dirname(out))} is a folder: name a file in it`);
    expect(folder.requested).toEqual([]);
  });

  test('--shadow-model-package must be a model package version ARN', async () => {
    const { code, stderr, requested } = await run([...argv, '--shadow-model-package', 'arn:aws:sagemaker:eu-west-1:111111111111:model-package/player-churn']);
    expect(code).toBe(2);
    expect(stderr).toMatch('--shadow-model-package must be a model package version ARN (arn:<partition>:sagemaker:<region>:<account>:model-package/<group>/<version>), '
      + 'got arn:aws:sagemaker:eu-west-1:111111111111:model-package/player-churn');
    expect(requested).toEqual([]);
  });

  test('--shadow-instances must be a whole number from 1 to 100 (the limits of endpoints.prod.shadow.instanceCount)', async () => {
    for (const bad of ['0', '101', '2.5']) {
      const { code, stderr } = await run([...argv, '--shadow-instances', bad]);
      expect(code).toBe(2);
      expect(stderr).toMatch(`--shadow-instances must be a whole number of instances from 1 to 100, got ${bad}`);
    }
  });

  test('--min-invocations must be a whole number of at least 1', async () => {
    const { code, stderr } = await run([...argv, '--min-invocations', '0']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--min-invocations must be a whole number of invocations from 1 to 1000000000, got 0/);
  });

  test('the shadow variant must differ from the production variant', async () => {
    const { code, stderr, requested } = await run(replace('--shadow-variant', 'AllTraffic'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/--shadow-variant must differ from --production-variant \(both are AllTraffic\)/);
    expect(requested).toEqual([]);
  });

  test('--out is required', async () => {
    const { code, stderr } = await run(argv.slice(0, argv.indexOf('--out')));
    expect(code).toBe(2);
    expect(stderr).toMatch(/required option '--out <report.json>' not specified/);
  });
});
