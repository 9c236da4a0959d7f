import * as http from 'node:http';
import { AddressInfo } from 'node:net';
import { InvokeEndpointCommand, ModelError, ModelNotReadyException, SageMakerRuntimeClient, ServiceUnavailable, ValidationError } from '@aws-sdk/client-sagemaker-runtime';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { AwsCallError, EndpointTestOptions, createEndpointTestClient, retryableReason, testEndpoint } from '../../src/aws';

const rt = mockClient(SageMakerRuntimeClient);
const client = new SageMakerRuntimeClient({ region: 'eu-west-1' });
const ROWS = ['1,2,3', '4,5,6'];

/** A fake clock that the warm-up's waits move, and the waits made. */
function clock() {
  let t = 0;
  const waits: number[] = [];
  return { now: () => t, sleep: async (ms: number) => { waits.push(ms); t += ms; }, waits };
}

function run(options: Partial<EndpointTestOptions> = {}) {
  return testEndpoint(client, { endpointName: 'churn-staging', rows: ROWS, batchSize: 2, ...clock(), ...options });
}

const notReady = () => new ModelNotReadyException({ message: 'Model for endpoint churn-staging variant AllTraffic is not ready', $metadata: { httpStatusCode: 429 } });
const answer = { Body: new TextEncoder().encode('0.2\n0.8'), ContentType: 'text/csv' } as never;

beforeEach(() => {
  rt.reset();
});

// InvokeEndpoint API reference, Errors: ModelNotReadyException (HTTP 429): "Either a serverless endpoint variant's
// resources are still being provisioned, or a multi-model endpoint is still downloading or loading the target model.
// Wait and try your request again." A cold container answers ModelError (HTTP 424) without a status of its own or a 5xx.
describe('the warm-up of a cold endpoint', () => {
  test('retries ModelNotReadyException until the endpoint answers, then measures', async () => {
    rt.on(InvokeEndpointCommand).rejectsOnce(notReady()).rejectsOnce(notReady()).resolves(answer);
    const { now, sleep, waits } = clock();
    const report = await run({ now, sleep, warmupRetryIntervalMs: 15_000 });
    expect(report.failures).toEqual([]);
    expect(report).toMatchObject({ warmupTries: 3, requests: 20, passed: true });
    expect(waits).toEqual([15_000, 15_000]);
  });

  test.each([
    ['a ModelError without a container status (424 on a cold start)', new ModelError({ message: 'cold', $metadata: { httpStatusCode: 424 } })],
    ['a ModelError with a 503 of the container', new ModelError({ message: 'cold', OriginalStatusCode: 503, $metadata: { httpStatusCode: 424 } })],
    ['ServiceUnavailable (503)', new ServiceUnavailable({ message: 'try later', $metadata: { httpStatusCode: 503 } })],
  ])('retries %s', async (_, error) => {
    rt.on(InvokeEndpointCommand).rejectsOnce(error).resolves(answer);
    const report = await run();
    expect(report).toMatchObject({ warmupTries: 2, passed: true });
  });

  test('gives up after the warm-up timeout, naming the tries, the time and the option', async () => {
    rt.on(InvokeEndpointCommand).rejects(notReady());
    const report = await run({ warmupTimeoutMs: 60_000, warmupRetryIntervalMs: 10_000 });
    expect(report.warmupTries).toBe(7);
    expect(report.failures[0]).toEqual({
      batch: 1,
      reason: 'warm-up request 1: ModelNotReadyException (status 429): Model for endpoint churn-staging variant AllTraffic is not ready ' +
        '(the model is not ready yet (a serverless variant is still provisioning): still failing after 7 tries over 60 s; ' +
        'the warm-up retries for up to 60 s, warmupTimeoutMs / --warmup-timeout changes it)',
    });
    expect(report.passed).toBe(false);
  });

  test('does not retry an error that waiting does not cure (a payload the model refuses)', async () => {
    rt.on(InvokeEndpointCommand).rejects(new ModelError({ message: 'bad input', OriginalStatusCode: 400, $metadata: { httpStatusCode: 424 } }));
    const { now, sleep, waits } = clock();
    const report = await run({ now, sleep });
    expect(report.warmupTries).toBe(1);
    expect(waits).toEqual([]);
    expect(report.failures[0].reason).toBe('warm-up request 1: ModelError (status 400): bad input');
  });
});

describe('retryableReason', () => {
  test.each<[string, unknown, boolean]>([
    ['ModelNotReadyException', notReady(), true],
    ['throttling (429)', Object.assign(new Error('slow down'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 429 } }), true],
    ['InternalFailure (500)', Object.assign(new Error('oops'), { name: 'InternalFailure', $metadata: { httpStatusCode: 500 } }), true],
    ['a timeout', Object.assign(new Error('timed out'), { name: 'TimeoutError' }), true],
    ['a timeout the factory wrapped', new AwsCallError('no answer in time', { service: 'SageMakerRuntime', operation: 'InvokeEndpoint' }, Object.assign(new Error('t'), { name: 'TimeoutError' })), true],
    ['a reset connection', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), true],
    ['ValidationError (400)', new ValidationError({ message: 'no such endpoint', $metadata: { httpStatusCode: 400 } }), false],
    ['a ModelError with a 415 of the container', new ModelError({ message: 'bad type', OriginalStatusCode: 415, $metadata: { httpStatusCode: 424 } }), false],
    ['AccessDeniedException (400)', Object.assign(new Error('denied'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } }), false],
  ])('%s: retryable %s', (_, err, retryable) => {
    expect(retryableReason(err) !== undefined).toBe(retryable);
  });
});

describe('the latency of a request is its final attempt', () => {
  let server: http.Server;
  let calls = 0;

  beforeAll(async () => {
    // Every other call: a slow 503 (which the SDK retries), then a fast answer.
    server = http.createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        const first = calls++ % 2 === 0;
        setTimeout(() => {
          if (first) {
            response.writeHead(503, { 'content-type': 'application/json', 'x-amzn-errortype': 'ServiceUnavailable' });
            response.end(JSON.stringify({ message: 'warming' }));
          } else {
            response.writeHead(200, { 'content-type': 'text/csv' });
            response.end('0.2\n0.8');
          }
        }, first ? 400 : 5);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  test('the SDK retries in standard mode; the slow failed attempts and the back-off are not counted', async () => {
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
    process.env.AWS_SECRET_ACCESS_KEY = 'secret';
    const real = await createEndpointTestClient({ region: 'eu-west-1', endpoint });
    expect(await real.config.retryStrategy()).toMatchObject({ mode: 'standard' });
    rt.restore();
    try {
      const started = Date.now();
      const report = await testEndpoint(real, { endpointName: 'churn-staging', rows: ROWS, batchSize: 2, warmupRequests: 0, requests: 20 });
      const elapsed = Date.now() - started;
      expect(report.failures).toEqual([]);
      expect(calls).toBe(40);
      // Each request took over 400 ms in all (a slow 503, a back-off, the answer); its final attempt a few ms.
      expect(elapsed).toBeGreaterThan(20 * 400);
      expect(report.latencyMs.max).toBeLessThan(300);
    } finally {
      real.destroy();
    }
  }, 60_000);
});
