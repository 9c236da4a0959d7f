import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  InvokeEndpointCommand,
  InvokeEndpointCommandOutput,
  ModelError,
  SageMakerRuntimeClient,
  ValidationError,
} from '@aws-sdk/client-sagemaker-runtime';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { CliError, EndpointTestOptions, MAX_INVOKE_BODY_BYTES, batchBodyProblem, nearestRank, readPayload, testEndpoint } from '../../src/aws';

const rt = mockClient(SageMakerRuntimeClient);
const client = new SageMakerRuntimeClient({ region: 'eu-west-1' });
const ENDPOINT = 'churn-staging';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'endpoint-test-'));

/** The SDK hands back the body as bytes (its own Uint8Array subclass); the code only decodes them. */
function body(text: string): InvokeEndpointCommandOutput['Body'] {
  return new TextEncoder().encode(text) as InvokeEndpointCommandOutput['Body'];
}

function csv(text: string): Partial<InvokeEndpointCommandOutput> {
  return { Body: body(text), ContentType: 'text/csv; charset=utf-8' };
}

/** `n` feature rows: `i,0.5,3`. */
function rows(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${i},0.5,3`);
}

/** The rows of an InvokeEndpoint call's CSV body. */
function rowsSent(call: number): number {
  return String(rt.commandCalls(InvokeEndpointCommand)[call].args[0].input.Body).split('\n').length;
}

/** Answers `p` per row sent (CSV, one per line), taking `latencies[i]` ms of the fake clock for call i (the last repeats). */
function answerEachRow(latencies: number[] = [10], p = '0.5'): { now: () => number } {
  let t = 1_700_000_000_000;
  let call = 0;
  rt.on(InvokeEndpointCommand).callsFake((input: { Body: string }) => {
    t += latencies[Math.min(call++, latencies.length - 1)];
    return csv(`${input.Body.split('\n').map(() => p).join('\n')}\n`);
  });
  return { now: () => t };
}

/** A test on a fake clock that only the warm-up's waits move (unless the test brings its own clock). */
function run(options: Partial<EndpointTestOptions> & { rows: string[] }) {
  let t = 0;
  return testEndpoint(client, { endpointName: ENDPOINT, now: () => t, sleep: async (ms) => { t += ms; }, ...options });
}

function modelError(status: number): ModelError {
  return new ModelError({
    message: `Received server error (${status}) from primary with message "feature_names mismatch". See logs.`,
    OriginalStatusCode: status,
    OriginalMessage: 'feature_names mismatch',
    LogStreamArn: 'arn:aws:logs:eu-west-1:123456789012:log-group:/aws/sagemaker/Endpoints/churn-staging',
    $metadata: { httpStatusCode: 424 },
  });
}

beforeEach(() => {
  rt.reset();
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('testEndpoint answers', () => {
  test.each([
    ['newline-separated CSV', csv('0.1\n0.25\n0.9\n')],
    ['comma-separated CSV', csv('0.1,0.25,0.9')],
    ['CSV with CRLF and exponents', csv('1e-1\r\n2.5E-1\r\n0.9\r\n')],
    ['JSON predictions with scores', { Body: body('{"predictions":[{"score":0.1},{"score":0.25},{"score":0.9}]}'), ContentType: 'application/json' }],
    ['a JSON array of numbers', { Body: body('[0.1, 0.25, 0.9]'), ContentType: 'application/json' }],
    ['a JSON array sent as text/csv', csv('[0, 0.25, 1]')],
  ])('%s passes', async (_, answer) => {
    rt.on(InvokeEndpointCommand).resolves(answer);
    const report = await run({ rows: rows(3) });
    expect(report.failures).toEqual([]);
    // One batch, sent 20 times: the fewest measured requests.
    expect(report).toMatchObject({ endpointName: ENDPOINT, rows: 3, requests: 20, predictions: 60, passed: true });
  });

  test.each([
    ['non-numeric text', csv('oops: bad input'), /^prediction 1 is "oops: bad input", not a number; the answer should be CSV numbers or JSON, got: oops: bad input$/],
    ['a non-numeric value among numbers', csv('0.1\nabc\n0.3'), /^prediction 2 is "abc", not a number/],
    ['an empty value', csv('0.1,,0.3'), /^prediction 2 is empty, not a number/],
    ['an empty body', csv(''), /^the endpoint answered with an empty body$/],
    ['a missing body', {}, /^the endpoint answered with an empty body$/],
    ['invalid JSON', { Body: body('{"predictions": ['), ContentType: 'application/json' }, /^the answer is not valid JSON: \{"predictions": \[$/],
    ['JSON of another shape', { Body: body('{"outputs":[0.1,0.2,0.3]}'), ContentType: 'application/json' }, /neither an array of numbers nor \{"predictions": \[\{"score": \.\.\.\}\]\}/],
    ['JSON scores that are strings', { Body: body('{"predictions":[{"score":"0.1"}]}'), ContentType: 'application/json' }, /^prediction 1 of the JSON answer is \{"score":"0\.1"\}, not a number or \{"score": <number>\}$/],
  ])('%s fails', async (_, answer, reason) => {
    rt.on(InvokeEndpointCommand).resolves(answer);
    const report = await run({ rows: rows(3) });
    expect(report.passed).toBe(false);
    expect(report.predictions).toBe(0);
    expect(report.failures).toHaveLength(2); // the warm-up and the measured request
    expect(report.failures[1].batch).toBe(1);
    expect(report.failures[1].reason).toMatch(reason);
    expect(report.failures[0].reason).toMatch(/^warm-up request 1: /);
  });

  test.each([
    ['1.2', '0.1\n1.2\n0.3', 'prediction 2 is 1.2'],
    ['-0.1', '-0.1,0.5,0.3', 'prediction 1 is -0.1'],
    ['NaN', '0.1\n0.2\nnan', 'prediction 3 is NaN'],
    ['Infinity', '0.1\ninf\n0.3', 'prediction 2 is Infinity'],
  ])('a prediction of %s is not a probability', async (_, answer, named) => {
    rt.on(InvokeEndpointCommand).resolves(csv(answer));
    const report = await run({ rows: rows(3), warmupRequests: 0 });
    expect(report.failures).toEqual([{ batch: 1, reason: `${named}: a probability must be a finite number in [0, 1]` }]);
    expect(report.passed).toBe(false);
  });

  test('lists the first three bad values and counts the rest', async () => {
    rt.on(InvokeEndpointCommand).resolves(csv('2\n3\n4\n5\n6'));
    const report = await run({ rows: rows(5), warmupRequests: 0 });
    expect(report.failures[0].reason).toBe('prediction 1 is 2, prediction 2 is 3, prediction 3 is 4 and 2 more: a probability must be a finite number in [0, 1]');
  });

  test('fewer predictions than rows fails the batch', async () => {
    rt.on(InvokeEndpointCommand).resolves(csv('0.1\n0.2\n'));
    const report = await run({ rows: rows(3), warmupRequests: 0 });
    expect(report.failures).toEqual([{ batch: 1, reason: 'sent 3 rows, got 2 predictions' }]);
    expect(report.predictions).toBe(0);
  });

  test('more predictions than rows fails the batch', async () => {
    rt.on(InvokeEndpointCommand).resolves(csv('0.1,0.2,0.3,0.4'));
    const report = await run({ rows: rows(3), warmupRequests: 0 });
    expect(report.failures).toEqual([{ batch: 1, reason: 'sent 3 rows, got 4 predictions' }]);
  });
});

describe('testEndpoint requests', () => {
  test('25 rows in batches of 10 are CSV requests of 10, 10 and 5 rows, round the batches until 20 were sent', async () => {
    answerEachRow();
    const input = rows(25);
    const report = await run({ rows: input, batchSize: 10, warmupRequests: 0 });
    expect(report).toMatchObject({ rows: 25, batchSize: 10, requests: 20, passed: true });
    expect(rt).toHaveReceivedCommandTimes(InvokeEndpointCommand, 20);
    const expected = [input.slice(0, 10), input.slice(10, 20), input.slice(20)];
    expected.forEach((batch, i) => {
      expect(rt).toHaveReceivedNthCommandWith(i + 1, InvokeEndpointCommand, {
        EndpointName: ENDPOINT,
        ContentType: 'text/csv',
        Accept: 'text/csv',
        Body: batch.join('\n'),
      });
    });
    expect([0, 1, 2, 3, 4, 5, 19].map(rowsSent)).toEqual([10, 10, 5, 10, 10, 5, 10]);
  });

  test('a payload of more batches than requests sends every batch once', async () => {
    answerEachRow();
    const report = await run({ rows: rows(25), batchSize: 1, warmupRequests: 0 });
    expect(report).toMatchObject({ requests: 25, predictions: 25, passed: true });
  });

  test('--requests above 20 sends that many', async () => {
    answerEachRow();
    const report = await run({ rows: rows(3), warmupRequests: 0, requests: 30 });
    expect(rt).toHaveReceivedCommandTimes(InvokeEndpointCommand, 30);
    expect(report.requests).toBe(30);
  });

  test('the default batch is 10 rows and the default warm-up one request of the first batch', async () => {
    answerEachRow();
    const input = rows(12);
    const report = await run({ rows: input });
    expect(report).toMatchObject({ batchSize: 10, warmupRequests: 1, warmupTries: 1, requests: 20, passed: true });
    expect([0, 1, 2].map(rowsSent)).toEqual([10, 10, 2]);
    expect(rt.commandCalls(InvokeEndpointCommand)[0].args[0].input.Body).toBe(input.slice(0, 10).join('\n'));
  });

  test('more warm-up requests than batches go round the batches', async () => {
    answerEachRow();
    await run({ rows: rows(15), batchSize: 10, warmupRequests: 3 });
    expect([0, 1, 2, 3, 4].map(rowsSent)).toEqual([10, 5, 10, 10, 5]);
  });

  test('a ModelError fails its batch (once, though it is sent again) and the other batches still run', async () => {
    const { now } = answerEachRow();
    rt.on(InvokeEndpointCommand, { Body: rows(25).slice(10, 20).join('\n') }).rejects(modelError(500));
    const report = await run({ rows: rows(25), warmupRequests: 0, now });
    expect(rt).toHaveReceivedCommandTimes(InvokeEndpointCommand, 20);
    expect(report.failures).toEqual([{
      batch: 2,
      reason: 'ModelError (status 500): Received server error (500) from primary with message "feature_names mismatch". See logs. '
        + '(logs: arn:aws:logs:eu-west-1:123456789012:log-group:/aws/sagemaker/Endpoints/churn-staging)',
    }]);
    // Batch 1 is answered 7 times (requests 1, 4, ..., 19), batch 3 6 times (requests 3, 6, ..., 18), batch 2 never.
    expect(report).toMatchObject({ requests: 20, predictions: 7 * 10 + 6 * 5, passed: false });
    // The rejected requests have no latency: the answered ones count.
    expect(report.latencyMs).toEqual({ p50: 10, p95: 10, max: 10 });
  });

  test('a ValidationError (no such endpoint) fails every batch with the HTTP status', async () => {
    rt.on(InvokeEndpointCommand).rejects(new ValidationError({
      message: 'Endpoint churn-staging of account 123456789012 not found.',
      $metadata: { httpStatusCode: 400 },
    }));
    const report = await run({ rows: rows(15), warmupRequests: 0, maxP95Ms: 100 });
    expect(report.failures).toEqual([1, 2].map((batch) => ({
      batch,
      reason: 'ValidationError (status 400): Endpoint churn-staging of account 123456789012 not found.',
    })));
    expect(report.latencyMs).toEqual({ p50: null, p95: null, max: null });
    expect(report.passed).toBe(false);
  });

  test('an error that is not from the service is recorded too', async () => {
    rt.on(InvokeEndpointCommand).rejects(new Error('socket hang up'));
    const report = await run({ rows: rows(1), warmupRequests: 0 });
    expect(report.failures).toEqual([{ batch: 1, reason: 'Error: socket hang up' }]);
  });
});

describe('testEndpoint latency', () => {
  test('p95 by nearest rank over the measured requests fails the budget when slower', async () => {
    // 20 requests: the 19th slowest is the p95.
    const { now } = answerEachRow([...Array(18).fill(40), 400, 500]);
    const report = await run({ rows: rows(20), batchSize: 1, warmupRequests: 0, maxP95Ms: 300, now });
    expect(report.latencyMs).toEqual({ p50: 40, p95: 400, max: 500 });
    expect(report.failures).toEqual([{ batch: null, reason: 'p95 latency 400 ms exceeds the budget of 300 ms (over 20 requests)' }]);
    expect(report).toMatchObject({ maxP95Ms: 300, predictions: 20, passed: false });
  });

  test('one slow request in 20 is above the p95 and passes', async () => {
    const { now } = answerEachRow([...Array(19).fill(40), 500]);
    const report = await run({ rows: rows(20), batchSize: 1, warmupRequests: 0, maxP95Ms: 300, now });
    expect(report.latencyMs).toEqual({ p50: 40, p95: 40, max: 500 });
    expect(report.passed).toBe(true);
  });

  test('a p95 equal to the budget passes', async () => {
    const { now } = answerEachRow([300]);
    const report = await run({ rows: rows(3), batchSize: 1, warmupRequests: 0, maxP95Ms: 300, now });
    expect(report.passed).toBe(true);
  });

  test('a p95 over fewer than 20 answered requests fails, naming the counts', async () => {
    const { now } = answerEachRow([10]);
    rt.on(InvokeEndpointCommand, { Body: '1,0.5,3' }).rejects(new ValidationError({ message: 'bad row', $metadata: { httpStatusCode: 400 } }));
    const report = await run({ rows: rows(2), batchSize: 1, warmupRequests: 0, maxP95Ms: 300, now });
    expect(report.failures).toContainEqual({ batch: null, reason: 'only 10 of 20 measured requests were answered: the p95 latency needs at least 20' });
  });

  test('without a budget, latency is only reported', async () => {
    const { now } = answerEachRow([12.34, 56.78]);
    const report = await run({ rows: rows(2), batchSize: 1, warmupRequests: 0, now });
    expect(report).toMatchObject({ latencyMs: { p50: 56.8, p95: 56.8, max: 56.8 }, maxP95Ms: null, passed: true });
  });

  test('the warm-up is not measured but its answer is checked', async () => {
    let t = 0;
    rt.on(InvokeEndpointCommand)
      .callsFakeOnce(() => {
        t += 5000;
        return csv('0.1\n7');
      })
      .callsFake(() => {
        t += 20;
        return csv('0.1\n0.2');
      });
    const report = await run({ rows: rows(2), maxP95Ms: 100, now: () => t });
    expect(rt).toHaveReceivedCommandTimes(InvokeEndpointCommand, 21);
    expect(report.latencyMs).toEqual({ p50: 20, p95: 20, max: 20 });
    expect(report.requests).toBe(20);
    expect(report.predictions).toBe(40);
    expect(report.failures).toEqual([{ batch: 1, reason: 'warm-up request 1: prediction 2 is 7: a probability must be a finite number in [0, 1]' }]);
  });

  test('startedAt comes from the clock and the report is plain JSON', async () => {
    const { now } = answerEachRow();
    const report = await run({ rows: rows(1), now });
    expect(report.startedAt).toBe('2023-11-14T22:13:20.000Z');
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  test('nearestRank', () => {
    const values = [15, 20, 35, 40, 50];
    expect(nearestRank(values, 5)).toBe(15);
    expect(nearestRank(values, 30)).toBe(20);
    expect(nearestRank(values, 40)).toBe(20);
    expect(nearestRank(values, 50)).toBe(35);
    expect(nearestRank(values, 100)).toBe(50);
    expect(nearestRank([7], 95)).toBe(7);
  });
});

/**
 * "Amazon SageMaker AI endpoints and quotas": a real-time endpoint takes an InvokeEndpoint request
 * body of at most 6 MB; "Invoke a serverless endpoint": a serverless one at most 4 MB (the
 * InvokeEndpoint API reference allows a larger Body, 25 MB). A batch over the endpoint's limit is
 * refused before any request, with a batch size that fits. MB is read as 10^6 bytes, the smaller
 * reading, so that nothing that passes is refused by AWS.
 */
describe('testEndpoint keeps every request body within what the endpoint takes', () => {
  /** `n` rows of `bytes` bytes each: a digit string is a valid single feature. */
  const wide = (n: number, bytes: number) => Array.from({ length: n }, () => '1'.repeat(bytes));

  test('the limits: 6 MB for a real-time endpoint, 4 MB for a serverless one', () => {
    expect(MAX_INVOKE_BODY_BYTES).toEqual({ realtime: 6_000_000, serverless: 4_000_000 });
  });

  test('a batch of exactly the limit fits; one byte more is refused before any request', async () => {
    // Two rows and one newline.
    const half = MAX_INVOKE_BODY_BYTES.realtime / 2;
    expect(batchBodyProblem(['1'.repeat(half - 1), '1'.repeat(half)], 2)).toBeUndefined();
    const over = wide(2, half);
    expect(batchBodyProblem(over, 2)).toBe(
      'batch 1 of 2 rows is 6000001 bytes, more than the 6000000 bytes (6 MB) InvokeEndpoint takes for a real-time endpoint ' +
      '(batchSize / --batch-size 2): send at most 1 rows per request (--batch-size 1)',
    );
    await expect(run({ rows: over, batchSize: 2 })).rejects.toThrow(new CliError(batchBodyProblem(over, 2)!));
    expect(rt).not.toHaveReceivedAnyCommand();
  });

  test('a serverless endpoint\'s batch is held to 4 MB: what a real-time endpoint takes may be refused', async () => {
    const rows = wide(2, 2_500_000);
    expect(batchBodyProblem(rows, 2, 'realtime')).toBeUndefined();
    const problem = batchBodyProblem(rows, 2, 'serverless');
    expect(problem).toBe(
      'batch 1 of 2 rows is 5000001 bytes, more than the 4000000 bytes (4 MB) InvokeEndpoint takes for a serverless endpoint ' +
      '(batchSize / --batch-size 2): send at most 1 rows per request (--batch-size 1)',
    );
    await expect(run({ rows, batchSize: 2, endpointType: 'serverless' })).rejects.toThrow(new CliError(problem!));
    expect(rt).not.toHaveReceivedAnyCommand();
    expect(batchBodyProblem(wide(2, 1_999_999), 2, 'serverless')).toBeUndefined();
  });

  test('the bytes are counted in UTF-8, and the advice is a batch size whose every batch fits', () => {
    const rows = wide(40, 400_000);
    const problem = batchBodyProblem(rows, 20)!;
    expect(problem).toMatch(/^batch 1 of 20 rows is 8000019 bytes, .*send at most 14 rows per request \(--batch-size 14\)$/);
    expect(batchBodyProblem(rows, 14)).toBeUndefined();
    expect(batchBodyProblem(rows, 15)).toBeDefined();
    expect(batchBodyProblem(['\u00e9'.repeat(3_000_001)], 1)).toMatch(/row 1 alone is 6000002 bytes: no batch size fits it$/);
  });
});

describe('testEndpoint options', () => {
  test.each<[Partial<EndpointTestOptions> & { rows: string[] }, string]>([
    [{ rows: [] }, 'rows must hold at least one CSV row, got none'],
    [{ rows: rows(1), batchSize: 0 }, 'batchSize must be a positive integer, got 0'],
    [{ rows: rows(1), batchSize: 2.5 }, 'batchSize must be a positive integer, got 2.5'],
    [{ rows: rows(1), warmupRequests: -1 }, 'warmupRequests must be a non-negative integer, got -1'],
    [{ rows: rows(1), maxP95Ms: 0 }, 'maxP95Ms must be a positive number of milliseconds, got 0'],
    [{ rows: rows(1), maxP95Ms: NaN }, 'maxP95Ms must be a positive number of milliseconds, got NaN'],
    [{ rows: rows(1), requests: 19 }, 'requests must be a whole number of at least 20 (fewer measurements make the p95 the maximum of a handful), got 19'],
    [{ rows: rows(1), requests: 20.5 }, 'requests must be a whole number of at least 20'],
    [{ rows: rows(1), warmupTimeoutMs: -1 }, 'warmupTimeoutMs must be a number of milliseconds from 0 to 1200000, got -1'],
    [{ rows: rows(1), warmupTimeoutMs: 1_200_001 }, 'warmupTimeoutMs must be a number of milliseconds from 0 to 1200000, got 1200001'],
    [{ rows: rows(1), warmupRetryIntervalMs: 0 }, 'warmupRetryIntervalMs must be a positive number of milliseconds, got 0'],
    [{ rows: rows(1), labels: [1], minAuc: 1.5 }, 'minAuc must be a number from 0 to 1, got 1.5'],
    [{ rows: rows(1), minAuc: 0.7 }, 'minAuc needs the rows\' known labels (labels, or a payload with a label column), got none'],
    [{ rows: rows(2), labels: [1], minAuc: 0.7 }, 'labels must hold one label per row: 2 rows, got 1 labels'],
  ])('%o is rejected', async (options, message) => {
    await expect(run(options)).rejects.toThrow(message);
    expect(rt).not.toHaveReceivedAnyCommand();
  });
});

describe('readPayload', () => {
  function payload(name: string, text: string): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  }

  test('returns the trimmed non-blank lines', () => {
    const file = payload('ok.csv', '\uFEFF1,2.5,-3\r\n\r\n 4, .5 ,6e2 \n7,8,9\n\n');
    expect(readPayload(file)).toEqual(['1,2.5,-3', '4, .5 ,6e2', '7,8,9']);
  });

  test('a missing file is named', () => {
    const file = path.join(dir, 'missing.csv');
    expect(() => readPayload(file)).toThrow(new CliError(`payload file ${file} does not exist`));
  });

  test('a folder is not a payload', () => {
    expect(() => readPayload(dir)).toThrow(`payload ${dir} is not a file`);
  });

  test.each([['an empty', ''], ['a blank', '\n  \n\r\n']])('%s file is rejected', (_, text) => {
    const file = payload('empty.csv', text);
    expect(() => readPayload(file)).toThrow(`payload ${file} is empty; it needs header-less CSV rows of numeric features`);
  });

  test('a header line says to remove it', () => {
    const file = payload('header.csv', 'age,income,tenure\n1,2,3\n');
    expect(() => readPayload(file)).toThrow(`payload ${file} line 1 is not numeric (found "age,income,tenure"); if it is a header, remove it: the endpoint takes header-less CSV`);
  });

  test('a header after blank lines is named by its line', () => {
    const file = payload('late-header.csv', '\n\nage,income\n1,2\n');
    expect(() => readPayload(file)).toThrow(`payload ${file} line 3 is not numeric (found "age,income")`);
  });

  test('ragged rows name the line and both counts', () => {
    const file = payload('ragged.csv', '1,2,3\n4,5,6\n7,8\n');
    expect(() => readPayload(file)).toThrow(`payload ${file} line 3 has 2 fields, line 1 has 3; every row needs the same number of comma-separated fields`);
  });

  test.each([
    ['a word', '1,2,3\n4,x,6\n', 'line 2 field 2 is not a number (found "x")'],
    ['an empty field', '1,2,3\n4,,6\n', 'line 2 field 2 is not a number (found an empty field)'],
    ['a quoted number', '1,"2",3\n', 'line 1 field 2 is not a number (found ""2"")'],
    ['a hex number', '1,2,3\n0x1,2,3\n', 'line 2 field 1 is not a number (found "0x1")'],
  ])('%s is not a number', (_, text, message) => {
    const file = payload('bad-field.csv', text);
    expect(() => readPayload(file)).toThrow(`payload ${file} ${message}; every field must be numeric`);
  });
});
