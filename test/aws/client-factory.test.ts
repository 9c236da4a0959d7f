import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodePipelineClient } from '@aws-sdk/client-codepipeline';
import { DescribePipelineExecutionCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { CliError, DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT_MS, INVOKE_ENDPOINT_TIMEOUT_MS, createAwsClient, createEndpointTestClient, USER_AGENT } from '../../src/aws';
import { JsonResponse, THROTTLED, inTurn, isolateAwsEnvironment, stubJsonHttp } from '../helpers/aws-http';

// No region, profile or credentials from the machine running the tests.
isolateAwsEnvironment();

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
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'client-factory-'));
    process.env.AWS_CONFIG_FILE = path.join(dir, 'config');
    fs.writeFileSync(process.env.AWS_CONFIG_FILE, '[profile ml-dev]\nregion = eu-north-1\n');
    expect(await (await createAwsClient(SageMakerClient, { profile: 'ml-dev' })).config.region()).toBe('eu-north-1');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('no region anywhere fails at once, saying how to set one', async () => {
    const creating = createAwsClient(SageMakerClient);
    await expect(creating).rejects.toThrow(CliError);
    await expect(creating).rejects.toThrow('no AWS region configured: pass --region <region> or set AWS_REGION (or set a region in the AWS profile)');
    // A named profile may be the cause (one the config file does not hold): the message names it.
    await expect(createAwsClient(SageMakerClient, { profile: 'ml-dev' }))
      .rejects.toThrow('no AWS region configured: pass --region <region> or set AWS_REGION, or set a region in profile ml-dev (check that the AWS config file');
  });

  test.each([0, -1, 2.5])('maxAttempts %p is rejected', async (maxAttempts) => {
    await expect(createAwsClient(SageMakerClient, { region: 'eu-west-1', maxAttempts })).rejects.toThrow(`maxAttempts must be a positive integer, got ${maxAttempts}`);
  });
});

describe('the SDK retries of a factory client', () => {
  /** Answers each HTTP request with the next response; returns each request's headers. */
  const respond = (client: SageMakerClient, responses: JsonResponse[]) => stubJsonHttp(client, inTurn(responses));

  beforeEach(() => {
    process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
    process.env.AWS_SECRET_ACCESS_KEY = 'example-secret';
  });


  test('a throttled call is retried and succeeds, with the user agent on every attempt', async () => {
    const client = await createAwsClient(SageMakerClient, { region: 'eu-west-1' });
    const headers = respond(client, [THROTTLED, [200, { PipelineExecutionStatus: 'Succeeded' }]]);
    const response = await client.send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: 'arn:aws:sagemaker:us-east-1:123456789012:pipeline/churn/execution/0a1b2c3d4e5f' }));
    expect(response.PipelineExecutionStatus).toBe('Succeeded');
    expect(response.$metadata.attempts).toBe(2);
    expect(headers.map((h) => h.headers['amz-sdk-request'])).toEqual(['attempt=1; max=5', 'attempt=2; max=5']);
    headers.forEach((h) => expect(h.headers['user-agent']).toContain(USER_AGENT));
  });

  test('gives up after maxAttempts', async () => {
    const client = await createAwsClient(SageMakerClient, { region: 'eu-west-1', maxAttempts: 2 });
    const headers = respond(client, [THROTTLED]);
    await expect(client.send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: 'arn:aws:sagemaker:us-east-1:123456789012:pipeline/churn/execution/0a1b2c3d4e5f' })))
      .rejects.toMatchObject({ name: 'ThrottlingException', $metadata: { attempts: 2 } });
    expect(headers).toHaveLength(2);
  });
});

describe('network timeouts of a factory client', () => {
  /** The options the SDK's Node HTTP handler resolved. */
  const handlerConfig = (client: SageMakerClient) =>
    (client.config.requestHandler as unknown as { configProvider: Promise<Record<string, unknown>> }).configProvider;

  // SageMaker Runtime API Reference, InvokeEndpoint: a model must answer within 60 seconds, and the SDK's socket timeout
  // "should be set to be 70 seconds", so that SageMaker's ModelError for a slow model arrives before the client retries.
  test('the endpoint test\'s client waits 70 s per InvokeEndpoint unless --request-timeout says otherwise', async () => {
    expect(INVOKE_ENDPOINT_TIMEOUT_MS).toBe(70_000);
    const client = await createEndpointTestClient({ region: 'eu-west-1' });
    expect(await (client.config.requestHandler as unknown as { configProvider: Promise<Record<string, unknown>> }).configProvider).toMatchObject({ requestTimeout: 70_000 });
    const given = await createEndpointTestClient({ region: 'eu-west-1', requestTimeoutMs: 120_000 });
    expect(await (given.config.requestHandler as unknown as { configProvider: Promise<Record<string, unknown>> }).configProvider).toMatchObject({ requestTimeout: 120_000 });
  });

  test('5 s to connect and 60 s per attempt by default, thrown as errors rather than logged', async () => {
    const client = await createAwsClient(SageMakerClient, { region: 'eu-west-1' });
    expect(DEFAULT_CONNECT_TIMEOUT_MS).toBe(5_000);
    expect(DEFAULT_REQUEST_TIMEOUT_MS).toBe(60_000);
    expect(await handlerConfig(client)).toMatchObject({ connectionTimeout: 5_000, requestTimeout: 60_000, throwOnRequestTimeout: true });
  });

  test('both can be set', async () => {
    const client = await createAwsClient(SageMakerClient, { region: 'eu-west-1', connectTimeoutMs: 1_000, requestTimeoutMs: 10_000 });
    expect(await handlerConfig(client)).toMatchObject({ connectionTimeout: 1_000, requestTimeout: 10_000 });
  });

  test.each([
    ['requestTimeoutMs', 0], ['requestTimeoutMs', 1.5], ['requestTimeoutMs', 900_001], ['connectTimeoutMs', -1],
  ])('%s %p is rejected with the range', async (option, value) => {
    await expect(createAwsClient(SageMakerClient, { region: 'eu-west-1', [option]: value }))
      .rejects.toThrow(`${option} must be an integer number of milliseconds from 1 to 900000, got ${value}`);
  });
});
