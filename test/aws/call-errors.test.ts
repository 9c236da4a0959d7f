import * as http from 'node:http';
import { AddressInfo } from 'node:net';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DescribePipelineCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { AwsCallError, annotateCallError, callOf } from '../../src/aws/call-errors';
import { createAwsClient } from '../../src/aws';
import { isolateAwsEnvironment } from '../helpers/aws-http';

isolateAwsEnvironment({ credentials: true });

/** A local HTTP server answering every request with `answer`; a null answer accepts and never answers. */
async function server(answer: ((res: http.ServerResponse) => void) | null): Promise<{ endpoint: string; close: () => Promise<void> }> {
  const sockets = new Set<import('node:net').Socket>();
  const srv = http.createServer((req, res) => {
    req.resume();
    if (answer) {
      req.on('end', () => answer(res));
    }
  });
  srv.on('connection', (socket) => sockets.add(socket));
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => {
      sockets.forEach((socket) => socket.destroy());
      srv.close(() => resolve());
    }),
  };
}

describe('errors of factory clients name the call', () => {
  test('an endpoint that accepts and never answers fails within the request timeout, naming operation, region and endpoint', async () => {
    const hang = await server(null);
    try {
      const client = await createAwsClient(SageMakerClient, { region: 'eu-west-1', endpoint: hang.endpoint, maxAttempts: 1, requestTimeoutMs: 300 });
      const started = Date.now();
      const err = await client.send(new DescribePipelineCommand({ PipelineName: 'churn-training' })).catch((e: Error) => e);
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(err).toBeInstanceOf(AwsCallError);
      expect((err as Error).message).toMatch(new RegExp(
        `^SageMaker DescribePipeline \\(region eu-west-1, endpoint ${hang.endpoint}\\) failed: no answer in time \\(request timeout 0\\.3 s; --request-timeout changes it\\): .*300 ms requestTimeout`));
      expect((err as AwsCallError).raw).toMatchObject({ name: 'TimeoutError' });
      client.destroy();
    } finally {
      await hang.close();
    }
  });

  test('the timeouts are retried like other transient errors: maxAttempts tries, then the error', async () => {
    const hang = await server(null);
    try {
      const client = await createAwsClient(SageMakerClient, { region: 'eu-west-1', endpoint: hang.endpoint, maxAttempts: 2, requestTimeoutMs: 200 });
      const err = (await client.send(new DescribePipelineCommand({ PipelineName: 'p' })).catch((e: AwsCallError) => e)) as AwsCallError;
      expect(err.raw).toMatchObject({ name: 'TimeoutError', $metadata: { attempts: 2 } });
      client.destroy();
    } finally {
      await hang.close();
    }
  });

  test('an HTML 502 from a proxy cannot be parsed: the message names the call and the HTTP status', async () => {
    const proxy = await server((res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<html><body>Bad Gateway</body></html>'));
    try {
      const client = await createAwsClient(SageMakerClient, { region: 'eu-west-1', endpoint: proxy.endpoint, maxAttempts: 1 });
      const err = await client.send(new DescribePipelineCommand({ PipelineName: 'p' })).catch((e: Error) => e);
      expect(err).toBeInstanceOf(AwsCallError);
      expect((err as Error).message).toMatch(new RegExp(`^SageMaker DescribePipeline \\(region eu-west-1, endpoint ${proxy.endpoint}\\) failed: the answer \\(HTTP 502\\) is not what the service sends \\(a proxy or an emulator\\?\\): SyntaxError: `));
      client.destroy();
    } finally {
      await proxy.close();
    }
  });

  test('an error answer the SDK does not know is its UnknownError: the message names the call and the HTTP status', async () => {
    const odd = await server((res) => res.writeHead(500, { 'content-type': 'application/x-amz-json-1.1' }).end('{}'));
    try {
      const client = await createAwsClient(SageMakerClient, { region: 'eu-west-1', endpoint: odd.endpoint, maxAttempts: 1 });
      const err = await client.send(new DescribePipelineCommand({ PipelineName: 'p' })).catch((e: Error) => e);
      expect(err).toBeInstanceOf(AwsCallError);
      expect((err as Error).message).toMatch(new RegExp(
        `^SageMaker DescribePipeline \\(region eu-west-1, endpoint ${odd.endpoint}\\) failed: the service answered HTTP 500 with an error the SDK does not know \\(Unknown: UnknownError\\)$`));
      client.destroy();
    } finally {
      await odd.close();
    }
  });

  test('a 200 answer that is not JSON names the call instead of a bare parse error', async () => {
    const emulator = await server((res) => res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' }).end('{not json'));
    try {
      const client = await createAwsClient(SageMakerClient, { region: 'eu-west-1', endpoint: emulator.endpoint, maxAttempts: 1 });
      const err = await client.send(new DescribePipelineCommand({ PipelineName: 'p' })).catch((e: Error) => e);
      expect(err).toBeInstanceOf(AwsCallError);
      expect((err as Error).message).toMatch(/^SageMaker DescribePipeline \(region eu-west-1, endpoint http:\/\/127\.0\.0\.1:\d+\) failed: /);
      client.destroy();
    } finally {
      await emulator.close();
    }
  });

  test('a refused connection names the call', async () => {
    const closed = await server(null);
    await closed.close();
    const client = await createAwsClient(CloudFormationClient, { region: 'us-gov-west-1', endpoint: closed.endpoint, maxAttempts: 1 });
    const err = await client.send(new DescribeStacksCommand({ StackName: 's' })).catch((e: Error) => e);
    expect((err as Error).message).toMatch(new RegExp(`^CloudFormation DescribeStacks \\(region us-gov-west-1, endpoint ${closed.endpoint}\\) failed: .*ECONNREFUSED`));
    client.destroy();
  });

  test('no credentials: the message names the call and where credentials come from', async () => {
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    process.env.AWS_EC2_METADATA_DISABLED = 'true';
    try {
      const client = await createAwsClient(SageMakerClient, { region: 'eu-west-1', maxAttempts: 1 });
      const err = await client.send(new DescribePipelineCommand({ PipelineName: 'p' })).catch((e: Error) => e);
      expect((err as Error).message).toMatch(
        /^SageMaker DescribePipeline \(region eu-west-1, endpoint .*\) failed: no usable AWS credentials \(--profile, AWS_PROFILE, AWS_ACCESS_KEY_ID or an SSO login\): /);
      client.destroy();
    } finally {
      delete process.env.AWS_EC2_METADATA_DISABLED;
    }
  });

  test('a service\'s own error passes through unchanged (callers match its name) and remembers its call', async () => {
    const denied = await server((res) => res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': 'AccessDeniedException' })
      .end(JSON.stringify({ __type: 'AccessDeniedException', message: 'not allowed' })));
    try {
      const client = await createAwsClient(SageMakerClient, { region: 'eu-west-1', endpoint: denied.endpoint, maxAttempts: 1 });
      const err = await client.send(new DescribePipelineCommand({ PipelineName: 'p' })).catch((e: Error) => e);
      expect(err).not.toBeInstanceOf(AwsCallError);
      expect(err).toMatchObject({ name: 'AccessDeniedException', message: 'not allowed' });
      expect(callOf(err)).toEqual({ service: 'SageMaker', operation: 'DescribePipeline', region: 'eu-west-1', endpoint: denied.endpoint });
      client.destroy();
    } finally {
      await denied.close();
    }
  });
});

describe('annotateCallError', () => {
  const call = { service: 'SageMaker', operation: 'ListModelPackages', region: 'eu-west-1' };

  test('an error without a region or endpoint says so', () => {
    const err = annotateCallError(new Error('Region is missing'), { service: 'SageMaker', operation: 'ListModelPackages' });
    expect((err as Error).message).toBe('SageMaker ListModelPackages (region unresolved, endpoint unresolved) failed: Error: Region is missing');
  });

  test('an AwsCallError is not wrapped twice; a non-error value is described', () => {
    const once = annotateCallError(new Error('x'), call) as AwsCallError;
    expect(annotateCallError(once, call)).toBe(once);
    expect((annotateCallError('boom', call) as Error).message).toBe('SageMaker ListModelPackages (region eu-west-1, endpoint unresolved) failed: Error: boom');
  });
});
