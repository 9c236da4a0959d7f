import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  InvokeEndpointCommand,
  InvokeEndpointCommandOutput,
  ModelError,
  SageMakerRuntimeClient,
} from '@aws-sdk/client-sagemaker-runtime';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { AwsClientOptions } from '../../src/aws';
import { CliDeps, runCli } from '../../src/cli';
import { EXPECTED_AUC_TOLERANCE } from '../../src/cli/test-endpoint';
import { captureOutput as capture } from '../helpers/cli-output';

const rt = mockClient(SageMakerRuntimeClient);
const ENDPOINT = 'churn-staging';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'test-endpoint-cli-'));
const START = Date.UTC(2025, 0, 2, 3, 4, 5);

/** A fake clock each answer advances; a client in eu-west-1; the options the command asked for. */
function deps(): CliDeps & { requested: AwsClientOptions[]; advance: (ms: number) => void } {
  const requested: AwsClientOptions[] = [];
  let t = START;
  return {
    requested,
    advance: (ms) => (t += ms),
    now: () => t,
    runtimeClient: async (options) => {
      requested.push(options);
      return new SageMakerRuntimeClient({ region: 'eu-west-1' });
    },
  };
}

function csv(text: string): Partial<InvokeEndpointCommandOutput> {
  return { Body: new TextEncoder().encode(text) as InvokeEndpointCommandOutput['Body'], ContentType: 'text/csv; charset=utf-8' };
}

/** Answers 0.5 per row sent, each answer taking `ms` of the fake clock. */
function answerEachRow(injected: ReturnType<typeof deps>, ms = 20): void {
  rt.on(InvokeEndpointCommand).callsFake((input: { Body: string }) => {
    injected.advance(ms);
    return csv(input.Body.split('\n').map(() => '0.5').join('\n'));
  });
}

function payload(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

/** `n` rows of three features. */
function rows(n: number): string {
  return Array.from({ length: n }, (_, i) => `${i},1.5,0`).join('\n') + '\n';
}

async function run(argv: string[], injected = deps()): Promise<{ code: number; out: ReturnType<typeof capture> }> {
  const out = capture();
  return { code: await runCli(argv, out, injected), out };
}

/** The usage errors commander writes to stderr. */
async function usageError(argv: string[]): Promise<{ code: number; stderr: string; requested: AwsClientOptions[] }> {
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const injected = deps();
    const { code } = await run(argv, injected);
    return { code, stderr: stderr.mock.calls.map((c) => String(c[0])).join(''), requested: injected.requested };
  } finally {
    stderr.mockRestore();
  }
}

beforeEach(() => {
  rt.reset();
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('test-endpoint', () => {
  test('a passing endpoint exits 0 with a summary', async () => {
    const injected = deps();
    answerEachRow(injected);
    const file = payload('ok.csv', rows(25));
    const { code, out } = await run(['--region', 'eu-west-1', '--profile', 'ml-dev', 'test-endpoint', '--endpoint', ENDPOINT, '--payload', file, '--max-p95-ms', '250'], injected);
    expect(code).toBe(0);
    expect(out.results).toEqual([[
      'endpoint churn-staging: 25 rows in 20 requests (after 1 warm-up request), 170 valid predictions',
      'latency: p50 20 ms, p95 20 ms, max 20 ms (budget p95 <= 250 ms)',
      'passed',
    ].join('\n')]);
    expect(out.infos).toEqual([]);
    expect(injected.requested).toEqual([{ region: 'eu-west-1', profile: 'ml-dev' }]);
    expect(rt).toHaveReceivedCommandTimes(InvokeEndpointCommand, 21);
    // The global --request-timeout reaches the runtime client (its default, 70 s, is the client's own).
    const timed = deps();
    answerEachRow(timed);
    expect((await run(['--request-timeout', '90', 'test-endpoint', '--endpoint', ENDPOINT, '--payload', file], timed)).code).toBe(0);
    expect(timed.requested).toEqual([{ requestTimeoutMs: 90_000 }]);
    expect(rt).toHaveReceivedCommandWith(InvokeEndpointCommand, { EndpointName: ENDPOINT, ContentType: 'text/csv', Accept: 'text/csv' });
  });

  test('--batch-size sets the rows per request', async () => {
    const injected = deps();
    answerEachRow(injected);
    const { code } = await run(['test-endpoint', '--endpoint', ENDPOINT, '--payload', payload('seven.csv', rows(7)), '--batch-size', '3'], injected);
    expect(code).toBe(0);
    const sent = rt.commandCalls(InvokeEndpointCommand).map((call) => String(call.args[0].input.Body).split('\n').length);
    expect(sent.slice(0, 6)).toEqual([3, 3, 3, 1, 3, 3]);
  });

  test('--limit sends only the first rows (the production smoke test); a limit that is not a positive whole number is a usage error', async () => {
    const injected = deps();
    answerEachRow(injected);
    const { code, out } = await run(['test-endpoint', '--endpoint', ENDPOINT, '--payload', payload('many.csv', rows(45)), '--limit', '20'], injected);
    expect(code).toBe(0);
    expect(String(out.results[0])).toMatch(/^endpoint churn-staging: 20 rows in 20 requests/);
    const sent = rt.commandCalls(InvokeEndpointCommand).slice(1).map((call) => String(call.args[0].input.Body).split('\n')[0]);
    expect(new Set(sent)).toEqual(new Set(['0,1.5,0', '10,1.5,0']));
    const bad = await usageError(['test-endpoint', '--endpoint', ENDPOINT, '--payload', payload('x.csv', rows(3)), '--limit', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--limit must be a whole number of rows, at least 1, got 0');
  });

  test('a model error exits 1, lists the failure and still sends the other batches', async () => {
    const injected = deps();
    answerEachRow(injected);
    rt.on(InvokeEndpointCommand, { Body: rows(25).trim().split('\n').slice(20).join('\n') }).rejects(new ModelError({
      message: 'Received server error (500) from primary with message "boom".',
      OriginalStatusCode: 500,
      $metadata: { httpStatusCode: 424 },
    }));
    const { code, out } = await run(['test-endpoint', '--endpoint', ENDPOINT, '--payload', payload('model-error.csv', rows(25))], injected);
    expect(code).toBe(1);
    expect(rt).toHaveReceivedCommandTimes(InvokeEndpointCommand, 21);
    expect(out.results).toEqual([[
      'endpoint churn-staging: 25 rows in 20 requests (after 1 warm-up request), 140 valid predictions',
      'latency: p50 20 ms, p95 20 ms, max 20 ms',
      '  batch 3: ModelError (status 500): Received server error (500) from primary with message "boom".',
      'failed: 1 failure',
    ].join('\n')]);
    expect(out.infos).toEqual(['error: endpoint churn-staging failed the test with 1 failure']);
  });

  test('a p95 above --max-p95-ms exits 1', async () => {
    const injected = deps();
    answerEachRow(injected, 800);
    const { code, out } = await run(['test-endpoint', '--endpoint', ENDPOINT, '--payload', payload('slow.csv', rows(3)), '--max-p95-ms', '500'], injected);
    expect(code).toBe(1);
    expect(String(out.results[0])).toContain('  endpoint: p95 latency 800 ms exceeds the budget of 500 ms (over 20 requests)');
    expect(out.infos).toEqual(['error: endpoint churn-staging failed the test with 1 failure']);
  });

  test('--json prints the report', async () => {
    const injected = deps();
    answerEachRow(injected, 35);
    const { code, out } = await run(['--json', 'test-endpoint', '--endpoint', ENDPOINT, '--payload', payload('json.csv', rows(12)), '--max-p95-ms', '100'], injected);
    expect(code).toBe(0);
    expect(out.results).toEqual([{
      endpointName: ENDPOINT,
      startedAt: '2025-01-02T03:04:05.000Z',
      rows: 12,
      batchSize: 10,
      warmupRequests: 1,
      warmupTries: 1,
      requests: 20,
      predictions: 120,
      latencyMs: { p50: 35, p95: 35, max: 35 },
      maxP95Ms: 100,
      quality: null,
      failures: [],
      passed: true,
    }]);
  });

  test('--report writes the report as JSON, creating its folder, also when the test fails', async () => {
    const injected = deps();
    rt.on(InvokeEndpointCommand).callsFake(() => {
      injected.advance(10);
      return csv('1.2,0.5');
    });
    const report = path.join(dir, 'artifacts', 'nested', 'endpoint-test.json');
    const { code, out } = await run(['test-endpoint', '--endpoint', ENDPOINT, '--payload', payload('report.csv', rows(2)), '--report', report], injected);
    expect(code).toBe(1);
    const text = fs.readFileSync(report, 'utf-8');
    expect(text).toMatch(/^\{\n {2}"endpointName": "churn-staging",\n/);
    expect(JSON.parse(text)).toEqual({
      endpointName: ENDPOINT,
      startedAt: '2025-01-02T03:04:05.000Z',
      rows: 2,
      batchSize: 10,
      warmupRequests: 1,
      warmupTries: 1,
      requests: 20,
      predictions: 0,
      latencyMs: { p50: 10, p95: 10, max: 10 },
      maxP95Ms: null,
      quality: null,
      failures: [
        { batch: 1, reason: 'warm-up request 1: prediction 1 is 1.2: a probability must be a finite number in [0, 1]' },
        { batch: 1, reason: 'prediction 1 is 1.2: a probability must be a finite number in [0, 1]' },
      ],
      passed: false,
    });
    expect(out.infos).toEqual(['error: endpoint churn-staging failed the test with 2 failures']);
  });
});

describe('test-endpoint with the pipeline\'s labelled test split', () => {
  /** 40 rows, the label first: the upper half churned; the first feature is what a good model answers. */
  const labelled = Array.from({ length: 40 }, (_, i) => `${i >= 20 ? 1 : 0},${((i + 0.5) / 40).toFixed(4)},2`).join('\n');

  test('a constant model fails --min-auc with the numbers; the label is not sent', async () => {
    const injected = deps();
    answerEachRow(injected);
    const { code, out } = await run(['test-endpoint', '--endpoint', ENDPOINT, '--payload', payload('split.csv', labelled), '--label-column', 'first',
      '--model-features', '2', '--min-auc', '0.7'], injected);
    expect(code).toBe(1);
    expect(String(rt.commandCalls(InvokeEndpointCommand)[0].args[0].input.Body).split('\n')[0]).toBe('0.0125,2');
    expect(String(out.results[0])).toContain('quality: AUC 0.5000 over 40 labelled rows (20 positive, 20 negative) is below the minimum 0.7000');
  });

  test('a model that ranks well passes', async () => {
    const injected = deps();
    rt.on(InvokeEndpointCommand).callsFake((input: { Body: string }) => csv(input.Body.split('\n').map((row) => row.split(',')[0]).join('\n')));
    const { code, out } = await run(['test-endpoint', '--endpoint', ENDPOINT, '--payload', payload('split-good.csv', labelled), '--label-column', 'first', '--min-auc', '0.7'], injected);
    expect(code).toBe(0);
    expect(String(out.results[0])).toContain('quality: AUC 1.0000 over 40 labelled rows (20 positive, 20 negative) reaches the minimum 0.7000');
  });

  // The staging test of a sampled payload: the endpoint must score what the Evaluate step scored on the same rows.
  test('--expected-auc fails an endpoint that does not reproduce the evaluated AUC, and says where the minimum comes from', async () => {
    const injected = deps();
    answerEachRow(injected);
    const { code, out } = await run(['test-endpoint', '--endpoint', ENDPOINT, '--payload', payload('split-e.csv', labelled), '--label-column', 'first', '--expected-auc', '0.81'], injected);
    expect(code).toBe(1);
    expect(String(out.results[0])).toContain('quality: AUC 0.5000 over 40 labelled rows (20 positive, 20 negative) is below the minimum 0.8099');
    const report = out.results[0] as string;
    expect(report).toContain(`(--expected-auc 0.81 less ${EXPECTED_AUC_TOLERANCE}: the endpoint must reproduce the AUC the model scored on the same rows in the Evaluate step)`);
  });

  test('--expected-auc allows the endpoint EXPECTED_AUC_TOLERANCE on either side of it, not more', async () => {
    for (const [expected, passes] of [['0.50009', true], ['0.50011', false], ['0.49991', true], ['0.49989', false]] as const) {
      rt.reset();
      const injected = deps();
      answerEachRow(injected);
      const { code } = await run(['test-endpoint', '--endpoint', ENDPOINT, '--payload', payload('split-t.csv', labelled), '--label-column', 'first', '--expected-auc', expected], injected);
      expect([expected, code]).toEqual([expected, passes ? 0 : 1]);
    }
  });
});

describe('test-endpoint --expected-auc, the other side', () => {
  const labelled = Array.from({ length: 40 }, (_, i) => `${i >= 20 ? 1 : 0},${((i + 0.5) / 40).toFixed(4)},2`).join('\n');

  test('an endpoint that scores better than the evaluated model on the same rows fails: another model answers', async () => {
    rt.on(InvokeEndpointCommand).callsFake((input: { Body: string }) => csv(input.Body.split('\n').map((row) => row.split(',')[0]).join('\n')));
    const report = path.join(dir, 'above', 'report.json');
    const { code, out } = await run(['test-endpoint', '--endpoint', ENDPOINT, '--payload', payload('split-a.csv', labelled), '--label-column', 'first',
      '--expected-auc', '0.9', '--report', report]);
    expect(code).toBe(1);
    expect(String(out.results[0])).toContain(`endpoint: AUC 1.0000 over 40 labelled rows is more than ${EXPECTED_AUC_TOLERANCE} above --expected-auc 0.9, `
      + 'the AUC the model scored on the same rows in the Evaluate step: the endpoint answers differently, so another model answers');
    // The report file says the same.
    expect(JSON.parse(fs.readFileSync(report, 'utf-8'))).toMatchObject({ passed: false, quality: { metric: 'auc', value: 1, passed: false } });
  });

  test('a payload whose labels hold one class has no AUC to compare', async () => {
    const injected = deps();
    answerEachRow(injected);
    const { code, out } = await run(['test-endpoint', '--endpoint', ENDPOINT, '--payload', payload('split-one.csv', '0,0.1,2\n0,0.2,2\n'), '--label-column', 'first',
      '--expected-auc', '0.5'], injected);
    expect(code).toBe(1);
    expect(String(out.results[0])).toMatch(/endpoint: accuracy .*: --expected-auc 0\.5 is an AUC, and the payload's labels hold one class/);
  });
});

describe('test-endpoint usage errors exit 2 and call nothing', () => {
  const good = () => payload('good.csv', rows(3));
  const missing = path.join(dir, 'no-such-payload.csv');

  test.each<[string, () => string[], RegExp]>([
    ['no --endpoint', () => ['test-endpoint', '--payload', good()], /error: required option '--endpoint <name>' not specified/],
    ['no --payload', () => ['test-endpoint', '--endpoint', ENDPOINT], /error: required option '--payload <file.csv>' not specified/],
    ['an endpoint name with an underscore', () => ['test-endpoint', '--endpoint', 'churn_staging', '--payload', good()], /--endpoint must be an endpoint name of 1 to 63 letters, digits and hyphens.*got churn_staging/],
    // CreateEndpoint EndpointName: at most 63 characters, hyphens included.
    ['an endpoint name of 81 characters', () => ['test-endpoint', '--endpoint', `a${'-b'.repeat(40)}`, '--payload', good()], /--endpoint must be an endpoint name of 1 to 63 letters/],
    ['an endpoint name of 64 characters', () => ['test-endpoint', '--endpoint', 'a'.repeat(64), '--payload', good()], /--endpoint must be an endpoint name .*got a{64}/],
    ['--max-p95-ms 0', () => ['test-endpoint', '--endpoint', ENDPOINT, '--payload', good(), '--max-p95-ms', '0'], /--max-p95-ms must be a number of milliseconds above 0 and at most 60000 \(a model answers InvokeEndpoint within 60 seconds\), got 0/],
    ['--max-p95-ms -5', () => ['test-endpoint', '--endpoint', ENDPOINT, '--payload', good(), '--max-p95-ms', '-5'], /--max-p95-ms must be a number of milliseconds above 0 and at most 60000 .*got -5/],
    ['--max-p95-ms fast', () => ['test-endpoint', '--endpoint', ENDPOINT, '--payload', good(), '--max-p95-ms', 'fast'], /--max-p95-ms must be a number of milliseconds above 0 and at most 60000 .*got fast/],
    ['--batch-size 0', () => ['test-endpoint', '--endpoint', ENDPOINT, '--payload', good(), '--batch-size', '0'], /--batch-size must be a whole number of rows, at least 1, got 0/],
    ['--batch-size 2.5', () => ['test-endpoint', '--endpoint', ENDPOINT, '--payload', good(), '--batch-size', '2.5'], /--batch-size must be a whole number of rows, at least 1, got 2\.5/],
    ['a missing payload file', () => ['test-endpoint', '--endpoint', ENDPOINT, '--payload', missing], new RegExp(`error: payload file ${missing} does not exist`)],
    ['an empty payload', () => ['test-endpoint', '--endpoint', ENDPOINT, '--payload', payload('empty.csv', '\n')], /error: payload .*empty\.csv is empty; it needs header-less CSV rows of numeric features/],
    ['a header line', () => ['test-endpoint', '--endpoint', ENDPOINT, '--payload', payload('header.csv', `a,b,c\n${rows(2)}`)], /error: payload .*header\.csv line 1 is not numeric \(found "a,b,c"\); if it is a header, remove it/],
    ['ragged rows', () => ['test-endpoint', '--endpoint', ENDPOINT, '--payload', payload('ragged.csv', '1,2,3\n4,5\n')], /error: payload .*ragged\.csv line 2 has 2 fields, line 1 has 3/],
    ['--requests 19', () => ['test-endpoint', '--endpoint', ENDPOINT, '--payload', good(), '--requests', '19'], /--requests must be a whole number from 20 to 10000 \(fewer make the p95 the maximum of a handful; they are sent one after another\), got 19/],
    // Each measured request is one InvokeEndpoint call, one after another: 10,000 is already days at the 60 s a model may take.
    ['--requests 10001', () => ['test-endpoint', '--endpoint', ENDPOINT, '--payload', good(), '--requests', '10001'], /--requests must be a whole number from 20 to 10000 .*got 10001/],
    ['--requests 1e15', () => ['test-endpoint', '--endpoint', ENDPOINT, '--payload', good(), '--requests', '1e15'], /--requests must be a whole number from 20 to 10000 .*got 1e15/],
    ['--requests 0x20', () => ['test-endpoint', '--endpoint', ENDPOINT, '--payload', good(), '--requests', '0x20'], /--requests must be a whole number from 20 to 10000 .*got 0x20/],
    // A model container answers within 60 seconds (SageMaker Runtime API Reference, InvokeEndpoint): a larger budget cannot fail.
    ['--max-p95-ms 60001', () => ['test-endpoint', '--endpoint', ENDPOINT, '--payload', good(), '--max-p95-ms', '60001'], /--max-p95-ms must be a number of milliseconds above 0 and at most 60000 .*got 60001/],
    ['--report into a file', () => ['test-endpoint', '--endpoint', ENDPOINT, '--payload', good(), '--report', `${good()}/report.json`], /--report ".*report\.json" cannot be written: .* is a file, not a folder/],
    ['--report ""', () => ['test-endpoint', '--endpoint', ENDPOINT, '--payload', good(), '--report', ''], /--report "" must name a file/],
    ['--min-auc 1.2', () => ['test-endpoint', '--endpoint', ENDPOINT, '--payload', good(), '--label-column', 'first', '--min-auc', '1.2'], /--min-auc must be a number from 0 to 1, got 1\.2/],
    ['--min-auc without labels', () => ['test-endpoint', '--endpoint', ENDPOINT, '--payload', good(), '--min-auc', '0.7'], /--min-auc needs the rows' known labels: pass --label-column first/],
    ['--expected-auc 1.5', () => ['test-endpoint', '--endpoint', ENDPOINT, '--payload', good(), '--label-column', 'first', '--expected-auc', '1.5'], /--expected-auc must be a number from 0 to 1, got 1\.5/],
    ['--expected-auc without labels', () => ['test-endpoint', '--endpoint', ENDPOINT, '--payload', good(), '--expected-auc', '0.8'], /--expected-auc needs the rows' known labels: pass --label-column first/],
    ['--expected-auc with --min-auc', () => ['test-endpoint', '--endpoint', ENDPOINT, '--payload', good(), '--label-column', 'first', '--expected-auc', '0.8', '--min-auc', '0.7'],
      /--expected-auc and --min-auc both set the lowest AUC allowed: pass one/],
    ['--expected-auc with --limit', () => ['test-endpoint', '--endpoint', ENDPOINT, '--payload', good(), '--label-column', 'first', '--expected-auc', '0.8', '--limit', '2'],
      /--expected-auc 0\.8 is the AUC over the whole payload, not over its first 2 rows \(--limit\): pass one/],
    ['--label-column last', () => ['test-endpoint', '--endpoint', ENDPOINT, '--payload', good(), '--label-column', 'last'], /label column must be none or first, got last/],
    ['--warmup-timeout -1', () => ['test-endpoint', '--endpoint', ENDPOINT, '--payload', good(), '--warmup-timeout', '-1'], /--warmup-timeout must be a number of seconds from 0 to 1200, got -1/],
    ['--model-features 0', () => ['test-endpoint', '--endpoint', ENDPOINT, '--payload', good(), '--model-features', '0'], /--model-features must be a whole number of features, at least 1, got 0/],
    ['a payload narrower than the model', () => ['test-endpoint', '--endpoint', ENDPOINT, '--payload', good(), '--model-features', '30'], /error: payload .*good\.csv has 3 features per row, the model takes 30/],
    ['a word in a row', () => ['test-endpoint', '--endpoint', ENDPOINT, '--payload', payload('word.csv', '1,2,3\n4,five,6\n')], /error: payload .*word\.csv line 2 field 2 is not a number \(found "five"\)/],
    // "Amazon SageMaker AI endpoints and quotas": InvokeEndpoint on a real-time endpoint takes a body of at most 6 MB.
    ['a batch over InvokeEndpoint\'s 6 MB', () => ['test-endpoint', '--endpoint', ENDPOINT, '--payload', payload('wide.csv', `${'1'.repeat(700_000)}\n`.repeat(10))],
      /error: payload .*wide\.csv: batch 1 of 10 rows is 7000009 bytes, more than the 6000000 bytes \(6 MB\) InvokeEndpoint takes for a real-time endpoint \(batchSize \/ --batch-size 10\): send at most 8 rows per request \(--batch-size 8\)/],
    // "Invoke a serverless endpoint": a serverless endpoint takes request payloads of at most 4 MB.
    ['a batch over a serverless endpoint\'s 4 MB', () => ['test-endpoint', '--endpoint', ENDPOINT, '--endpoint-type', 'serverless', '--payload', payload('wide.csv', `${'1'.repeat(500_000)}\n`.repeat(10))],
      /error: payload .*wide\.csv: batch 1 of 10 rows is 5000009 bytes, more than the 4000000 bytes \(4 MB\) InvokeEndpoint takes for a serverless endpoint \(batchSize \/ --batch-size 10\): send at most 7 rows per request \(--batch-size 7\)/],
    ['--endpoint-type asynchronous', () => ['test-endpoint', '--endpoint', ENDPOINT, '--payload', good(), '--endpoint-type', 'asynchronous'], /endpoint type must be realtime or serverless, got asynchronous/],
  ])('%s', async (_, argv, message) => {
    const { code, stderr, requested } = await usageError(argv());
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(requested).toEqual([]);
    expect(rt).not.toHaveReceivedAnyCommand();
  });
});

describe('test-endpoint without a region', () => {
  const names = ['AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_PROFILE', 'AWS_CONFIG_FILE'];
  const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));

  beforeEach(() => {
    names.forEach((name) => delete process.env[name]);
    process.env.AWS_CONFIG_FILE = '/nonexistent/aws-config';
  });

  afterEach(() => {
    names.forEach((name) => (saved[name] === undefined ? delete process.env[name] : (process.env[name] = saved[name])));
  });

  test('the default client exits 1 saying how to set one', async () => {
    const out = capture();
    expect(await runCli(['test-endpoint', '--endpoint', ENDPOINT, '--payload', payload('region.csv', rows(1))], out)).toBe(1);
    expect(out.infos).toEqual(['error: no AWS region configured: pass --region <region> or set AWS_REGION (or set a region in the AWS profile)']);
    expect(rt).not.toHaveReceivedAnyCommand();
  });
});
