import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { CodePipelineClient } from '@aws-sdk/client-codepipeline';
import { DescribePipelineExecutionCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { CliError, createAwsClient, USER_AGENT } from '../../src/aws';

const AWS_ENV = ['AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_PROFILE', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'];
const saved = Object.fromEntries(AWS_ENV.map((name) => [name, process.env[name]]));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'client-factory-'));

beforeEach(() => {
  // No region, profile or credentials from the machine running the tests.
  AWS_ENV.forEach((name) => delete process.env[name]);
  process.env.AWS_CONFIG_FILE = path.join(dir, 'no-config');
  process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(dir, 'no-credentials');
});

afterAll(() => {
  AWS_ENV.forEach((name) => (saved[name] === undefined ? delete process.env[name] : (process.env[name] = saved[name])));
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('createAwsClient', () => {
  test('adaptive retries, 5 attempts and the toolkit user agent by default', async () => {
    const client = await createAwsClient(SageMakerClient, { region: 'eu-west-1' });
    expect(USER_AGENT).toBe('sagemaker-gitops/0.1.0');
    expect(client.config.retryMode).toBe('adaptive');
    expect(await client.config.maxAttempts()).toBe(5);
    expect(await client.config.retryStrategy()).toMatchObject({ mode: 'adaptive' });
    expect(client.config.customUserAgent).toEqual([[USER_AGENT]]);
    expect(await client.config.region()).toBe('eu-west-1');
  });

  test('region, profile, endpoint and attempts are passed through', async () => {
    const client = await createAwsClient(SageMakerClient, { region: 'us-east-1', profile: 'ml-dev', endpoint: 'http://127.0.0.1:5000', maxAttempts: 3 });
    expect(client.config.profile).toBe('ml-dev');
    expect(await client.config.maxAttempts()).toBe(3);
    expect(await client.config.endpoint?.()).toMatchObject({ protocol: 'http:', hostname: '127.0.0.1', port: 5000 });
  });

  test('any SDK v3 client class', async () => {
    const client = await createAwsClient(CodePipelineClient, { region: 'eu-central-1' });
    expect(client).toBeInstanceOf(CodePipelineClient);
    expect(client.config.retryMode).toBe('adaptive');
    expect(client.config.customUserAgent).toEqual([[USER_AGENT]]);
  });

  test('the region comes from AWS_REGION or the profile when not given', async () => {
    process.env.AWS_REGION = 'ap-southeast-2';
    expect(await (await createAwsClient(SageMakerClient)).config.region()).toBe('ap-southeast-2');
    delete process.env.AWS_REGION;
    process.env.AWS_CONFIG_FILE = path.join(dir, 'config');
    fs.writeFileSync(process.env.AWS_CONFIG_FILE, '[profile ml-dev]\nregion = eu-north-1\n');
    expect(await (await createAwsClient(SageMakerClient, { profile: 'ml-dev' })).config.region()).toBe('eu-north-1');
  });

  test('no region anywhere fails at once, saying how to set one', async () => {
    const creating = createAwsClient(SageMakerClient);
    await expect(creating).rejects.toThrow(CliError);
    await expect(createAwsClient(SageMakerClient, { profile: 'ml-dev' }))
      .rejects.toThrow('no AWS region configured: pass --region <region> or set AWS_REGION (or set a region in the AWS profile)');
  });

  test.each([0, -1, 2.5])('maxAttempts %p is rejected', async (maxAttempts) => {
    await expect(createAwsClient(SageMakerClient, { region: 'eu-west-1', maxAttempts })).rejects.toThrow(`maxAttempts must be a positive integer, got ${maxAttempts}`);
  });
});

describe('the SDK retries of a factory client', () => {
  /** Answers each HTTP request with the next response; records the request headers. */
  function respond(client: SageMakerClient, responses: Array<[status: number, body: object]>) {
    const headers: Array<Record<string, string>> = [];
    let call = 0;
    jest.spyOn(client.config.requestHandler, 'handle').mockImplementation(async (request: { headers: Record<string, string> }) => {
      headers.push(request.headers);
      const [statusCode, body] = responses[Math.min(call++, responses.length - 1)];
      const type = (body as { __type?: string }).__type;
      return {
        response: {
          statusCode,
          headers: { 'content-type': 'application/x-amz-json-1.1', ...(type ? { 'x-amzn-errortype': type } : {}) },
          body: Readable.from([Buffer.from(JSON.stringify(body))]),
        },
      };
    });
    return headers;
  }

  beforeEach(() => {
    process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
    process.env.AWS_SECRET_ACCESS_KEY = 'example-secret';
  });

  const throttled: [number, object] = [400, { __type: 'ThrottlingException', message: 'Rate exceeded' }];

  test('a throttled call is retried and succeeds, with the user agent on every attempt', async () => {
    const client = await createAwsClient(SageMakerClient, { region: 'eu-west-1' });
    const headers = respond(client, [throttled, [200, { PipelineExecutionStatus: 'Succeeded' }]]);
    const response = await client.send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: 'arn:x' }));
    expect(response.PipelineExecutionStatus).toBe('Succeeded');
    expect(response.$metadata.attempts).toBe(2);
    expect(headers.map((h) => h['amz-sdk-request'])).toEqual(['attempt=1; max=5', 'attempt=2; max=5']);
    headers.forEach((h) => expect(h['user-agent']).toContain(USER_AGENT));
  });

  test('gives up after maxAttempts', async () => {
    const client = await createAwsClient(SageMakerClient, { region: 'eu-west-1', maxAttempts: 2 });
    const headers = respond(client, [throttled]);
    await expect(client.send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: 'arn:x' })))
      .rejects.toMatchObject({ name: 'ThrottlingException', $metadata: { attempts: 2 } });
    expect(headers).toHaveLength(2);
  });
});
