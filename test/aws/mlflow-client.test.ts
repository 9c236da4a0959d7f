import { createHash, createHmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { MLFLOW_CUSTOM_ENDPOINT_VARIABLE, MlflowCallError, MlflowClient, parseMlflowArn } from '../../src/aws';
import { MlflowStubServer, StubAnswer, parseAuthorization, runJson, startMlflowStub } from './mlflow-stub-server';

const APP_ARN = 'arn:aws:sagemaker:eu-west-1:123456789012:mlflow-app/app-K53I5ZJMEUHZ';
const SERVER_ARN = 'arn:aws:sagemaker:eu-west-1:123456789012:mlflow-tracking-server/player-churn';
const RUN = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';
const credentials = async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken: 'session-token' });

describe('parseMlflowArn: how the sagemaker-mlflow plugin reaches each kind of backend', () => {
  // aws/sagemaker-mlflow 0.3.0: sagemaker_mlflow/mlflow_sagemaker_helpers.py (_get_endpoint),
  // mlflow_sagemaker_request_header_provider.py (_get_arn_header), auth_provider.py (_get_auth_service_name).
  test('an MLflow App: the app.aws endpoint, the x-sm-mlflow-app-arn header, SigV4 service sagemaker, action CallMlflowAppApi', () => {
    expect(parseMlflowArn(APP_ARN)).toEqual({
      arn: APP_ARN, kind: 'app', partition: 'aws', region: 'eu-west-1', account: '123456789012', resourceId: 'app-K53I5ZJMEUHZ',
      endpoint: 'https://mlflow.sagemaker.eu-west-1.app.aws', header: 'x-sm-mlflow-app-arn', signingService: 'sagemaker',
      getRunAction: 'sagemaker:CallMlflowAppApi',
    });
  });

  test('a tracking server: the experiments endpoint, the x-mlflow-sm-tracking-server-arn header, SigV4 service sagemaker-mlflow', () => {
    expect(parseMlflowArn(SERVER_ARN)).toMatchObject({
      kind: 'tracking-server', resourceId: 'player-churn', endpoint: 'https://eu-west-1.experiments.sagemaker.aws',
      header: 'x-mlflow-sm-tracking-server-arn', signingService: 'sagemaker-mlflow', getRunAction: 'sagemaker-mlflow:GetRun',
    });
  });

  test('GovCloud uses the same DNS suffix (the plugin\'s _get_dns_suffix)', () => {
    expect(parseMlflowArn('arn:aws-us-gov:sagemaker:us-gov-west-1:123456789012:mlflow-app/app-X1').endpoint).toBe('https://mlflow.sagemaker.us-gov-west-1.app.aws');
  });

  test.each([
    ['a model package ARN', 'arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn/1'],
    ['a truncated ARN', 'arn:aws:sagemaker:eu-west-1:123456789012:mlflow-app/'],
    ['a name, not an ARN', 'player-churn-mlflow'],
  ])('%s is refused, naming both forms', (_what, arn) => {
    expect(() => parseMlflowArn(arn)).toThrow(/is not an MLflow App ARN \(arn:aws:sagemaker:<region>:<account>:mlflow-app\/<id>\) or tracking server ARN/);
  });

  test('a partition the plugin does not serve is refused', () => {
    expect(() => parseMlflowArn('arn:aws-cn:sagemaker:cn-north-1:123456789012:mlflow-app/app-X1')).toThrow('is in partition aws-cn; SageMaker MLflow endpoints exist only in aws and aws-us-gov');
  });
});

describe('MlflowClient.getRun against a local stand-in (SAGEMAKER_MLFLOW_CUSTOM_ENDPOINT)', () => {
  let server: MlflowStubServer;
  let answer: StubAnswer;

  beforeAll(async () => {
    server = await startMlflowStub(() => answer);
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
    answer = { status: 200, body: runJson(RUN, { 'test_auc_score': 0.91, 'validation-auc': 0.9, 'best_iteration': 41 }, { params: { max_depth: '5' } }) };
    process.env[MLFLOW_CUSTOM_ENDPOINT_VARIABLE] = server.endpoint;
  });
  afterEach(() => {
    delete process.env[MLFLOW_CUSTOM_ENDPOINT_VARIABLE];
  });

  test('an app: GET runs/get, signed for service sagemaker in the ARN\'s region, with the app ARN header', async () => {
    const run = await new MlflowClient({ arn: APP_ARN, credentials }).getRun(RUN);
    expect(run).toEqual({
      runId: RUN, runName: 'train', experimentId: '3', status: 'FINISHED',
      metrics: { 'test_auc_score': 0.91, 'validation-auc': 0.9, 'best_iteration': 41 },
      params: { max_depth: '5' },
      tags: { 'mlflow.runName': 'train', 'mlflow.parentRunId': 'parent-run' },
    });
    const [request] = server.requests;
    expect(request.method).toBe('GET');
    expect(request.url).toBe(`/api/2.0/mlflow/runs/get?run_id=${RUN}`);
    expect(request.headers['x-sm-mlflow-app-arn']).toBe(APP_ARN);
    expect(request.headers['x-amz-security-token']).toBe('session-token');
    expect(request.headers['x-amz-content-sha256']).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    const auth = parseAuthorization(request.headers.authorization);
    expect(auth).toMatchObject({ keyId: 'AKIDEXAMPLE', region: 'eu-west-1', service: 'sagemaker' });
    expect(auth.signedHeaders).toEqual(expect.arrayContaining(['host', 'x-sm-mlflow-app-arn', 'x-amz-date']));
  });

  test('the signature verifies over the request as the server received it (host with its port, path, query, headers)', async () => {
    await new MlflowClient({ arn: APP_ARN, credentials }).getRun(RUN);
    const [request] = server.requests;
    const { signedHeaders } = parseAuthorization(request.headers.authorization);
    const amzDate = String(request.headers['x-amz-date']);
    const signingDate = new Date(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
    const [path, query] = request.url.split('?');
    const verifier = new SignatureV4({ service: 'sagemaker', region: 'eu-west-1', credentials, sha256: TestSha256 });
    const resigned = await verifier.sign({
      method: 'GET', protocol: 'http:', hostname: '127.0.0.1', port: Number(new URL(server.endpoint).port), path,
      query: Object.fromEntries(new URLSearchParams(query)),
      headers: Object.fromEntries(signedHeaders.map((name) => [name, String(request.headers[name])])),
    }, { signingDate });
    expect(resigned.headers.authorization).toBe(request.headers.authorization);
  });

  test('a tracking server: signed for service sagemaker-mlflow, with the tracking server ARN header', async () => {
    await new MlflowClient({ arn: SERVER_ARN, credentials }).getRun(RUN);
    const [request] = server.requests;
    expect(request.headers['x-mlflow-sm-tracking-server-arn']).toBe(SERVER_ARN);
    expect(request.headers['x-sm-mlflow-app-arn']).toBeUndefined();
    expect(parseAuthorization(request.headers.authorization)).toMatchObject({ service: 'sagemaker-mlflow', signedHeaders: expect.arrayContaining(['x-mlflow-sm-tracking-server-arn']) });
  });

  test('an endpoint with a base path keeps it', async () => {
    await new MlflowClient({ arn: APP_ARN, credentials, endpoint: `${server.endpoint}/proxy/` }).getRun(RUN);
    expect(server.requests[0].url).toBe(`/proxy/api/2.0/mlflow/runs/get?run_id=${RUN}`);
  });

  test('a malformed run id fails before any call', async () => {
    await expect(new MlflowClient({ arn: APP_ARN, credentials }).getRun('../runs/x')).rejects.toThrow(
      `MLflow runs/get of run ../runs/x on ${APP_ARN} (region eu-west-1): "../runs/x" is not an MLflow run id`,
    );
    expect(server.requests).toHaveLength(0);
  });

  test('a run the backend does not have: "run <id> not found in <arn>", with MLflow\'s error code', async () => {
    answer = { status: 404, body: { error_code: 'RESOURCE_DOES_NOT_EXIST', message: `Run '${RUN}' not found` } };
    const error = await new MlflowClient({ arn: APP_ARN, credentials }).getRun(RUN).catch((err) => err);
    expect(error).toBeInstanceOf(MlflowCallError);
    expect(error.message).toBe(`run ${RUN} not found in ${APP_ARN} (HTTP 404 RESOURCE_DOES_NOT_EXIST: Run '${RUN}' not found)`);
    expect(error.errorCode).toBe('RESOURCE_DOES_NOT_EXIST');
  });

  test.each([
    [APP_ARN, 'sagemaker:CallMlflowAppApi'],
    [SERVER_ARN, 'sagemaker-mlflow:GetRun'],
  ])('HTTP 403 on %s names the missing permission %s', async (arn, action) => {
    answer = { status: 403, body: { message: 'User: arn:aws:sts::123456789012:assumed-role/reviewer/bo is not authorized to perform this action' } };
    await expect(new MlflowClient({ arn, credentials }).getRun(RUN)).rejects.toThrow(
      `MLflow runs/get of run ${RUN} on ${arn} (region eu-west-1) was denied (HTTP 403: User: arn:aws:sts::123456789012:assumed-role/reviewer/bo ` +
      `is not authorized to perform this action): the credentials in use need ${action} on ${arn}`,
    );
  });

  test('another failure carries the status and the server\'s text', async () => {
    answer = { status: 503, body: 'Service Unavailable' };
    await expect(new MlflowClient({ arn: APP_ARN, credentials }).getRun(RUN)).rejects.toThrow(`on ${APP_ARN} (region eu-west-1) failed: HTTP 503: Service Unavailable`);
  });

  test('an answer that is not a run fails, quoting it', async () => {
    answer = { status: 200, body: '<html>sign in</html>' };
    await expect(new MlflowClient({ arn: APP_ARN, credentials }).getRun(RUN)).rejects.toThrow('answered with something other than JSON: <html>sign in</html>');
  });

  test('a server that never answers: a timeout error naming the call', async () => {
    answer = 'hang';
    await expect(new MlflowClient({ arn: APP_ARN, credentials, timeoutMs: 150 }).getRun(RUN)).rejects.toThrow(
      `MLflow runs/get of run ${RUN} on ${APP_ARN} (region eu-west-1) timed out after 150 ms (endpoint ${server.endpoint})`,
    );
  });

  test('nothing listening: the network error, naming the call and the endpoint', async () => {
    const closed = await startMlflowStub(() => 'hang');
    await closed.close();
    await expect(new MlflowClient({ arn: APP_ARN, credentials, endpoint: closed.endpoint }).getRun(RUN)).rejects.toThrow(
      new RegExp(`^MLflow runs/get of run ${RUN} on .* failed: fetch failed \\(.*ECONNREFUSED.*\\) \\(endpoint ${closed.endpoint}\\)$`),
    );
  });

  test('no credentials: the call fails before any request, saying so', async () => {
    const none = async () => {
      throw new Error('Could not load credentials from any providers');
    };
    await expect(new MlflowClient({ arn: APP_ARN, credentials: none }).getRun(RUN)).rejects.toThrow('cannot sign the request (no AWS credentials?): Could not load credentials from any providers');
    expect(server.requests).toHaveLength(0);
  });

  test('a custom endpoint that is not a URL is refused, naming the variable', () => {
    process.env[MLFLOW_CUSTOM_ENDPOINT_VARIABLE] = 'not a url';
    expect(() => new MlflowClient({ arn: APP_ARN, credentials })).toThrow(`the MLflow endpoint "not a url" (from ${MLFLOW_CUSTOM_ENDPOINT_VARIABLE}) is not a URL`);
  });
});

/** An independent SHA-256 for the verifier (SignatureV4's hash shape). */
class TestSha256 {
  private readonly hash;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    const key = secret === undefined || typeof secret === 'string' ? secret : Buffer.from(ArrayBuffer.isView(secret) ? secret.buffer.slice(secret.byteOffset, secret.byteOffset + secret.byteLength) : secret);
    this.hash = key === undefined ? createHash('sha256') : createHmac('sha256', key);
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(typeof data === 'string' ? data : Buffer.from(ArrayBuffer.isView(data) ? data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) : data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}
