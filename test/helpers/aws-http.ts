/**
 * For tests that run real SDK clients (from createAwsClient) down to their HTTP handler: retries,
 * headers and error parsing as the SDK does them, with no network.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';

const AWS_ENV = [
  'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_PROFILE', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN',
];

/**
 * Registers hooks that hide the machine's AWS region, profile, config files and credentials from
 * each test of the enclosing block (and restore them after it). With `credentials`, each test gets
 * dummy static credentials, so clients can sign requests.
 */
export function isolateAwsEnvironment(options: { readonly credentials?: boolean } = {}): void {
  const saved = Object.fromEntries(AWS_ENV.map((name) => [name, process.env[name]]));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aws-env-'));
  beforeEach(() => {
    AWS_ENV.forEach((name) => delete process.env[name]);
    process.env.AWS_CONFIG_FILE = path.join(dir, 'no-config');
    process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(dir, 'no-credentials');
    if (options.credentials) {
      process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
      process.env.AWS_SECRET_ACCESS_KEY = 'example-secret';
    }
  });
  afterAll(() => {
    AWS_ENV.forEach((name) => (saved[name] === undefined ? delete process.env[name] : (process.env[name] = saved[name])));
    fs.rmSync(dir, { recursive: true, force: true });
  });
}

/** An HTTP answer of a JSON-protocol service: the status and the body (`__type` names an error). */
export type JsonResponse = [status: number, body: object];

/** A request the stub answered: its operation (from `x-amz-target`, without the service prefix) and headers. */
export interface AnsweredRequest {
  readonly operation: string;
  readonly headers: Record<string, string>;
}

/**
 * Answers every HTTP request of a JSON-protocol client (SageMaker, CodePipeline) with
 * `answer(operation)`, and records the requests.
 */
export function stubJsonHttp(
  client: { readonly config: { readonly requestHandler: unknown } },
  answer: (operation: string) => JsonResponse,
): AnsweredRequest[] {
  const requests: AnsweredRequest[] = [];
  const handler = client.config.requestHandler as { handle: (request: { headers: Record<string, string> }) => Promise<unknown> };
  jest.spyOn(handler, 'handle').mockImplementation(async (request) => {
    const operation = (request.headers['x-amz-target'] ?? '').replace(/^.*\./, '');
    requests.push({ operation, headers: request.headers });
    const [statusCode, body] = answer(operation);
    const type = (body as { __type?: string }).__type;
    return {
      response: {
        statusCode,
        headers: { 'content-type': 'application/x-amz-json-1.1', ...(type ? { 'x-amzn-errortype': type } : {}) },
        body: Readable.from([Buffer.from(JSON.stringify(body))]),
      },
    };
  });
  return requests;
}

/** Answers in turn, the last answer repeating. */
export function inTurn(responses: JsonResponse[]): () => JsonResponse {
  let call = 0;
  return () => responses[Math.min(call++, responses.length - 1)];
}

/** Answers each operation in turn from its own list, the last answer of each repeating. */
export function byOperation(responses: Record<string, JsonResponse[]>): (operation: string) => JsonResponse {
  const turns = new Map(Object.entries(responses).map(([operation, list]) => [operation, inTurn(list)]));
  return (operation) => {
    const next = turns.get(operation);
    if (!next) {
      throw new Error(`no answer for ${operation}`);
    }
    return next();
  };
}

/** SageMaker's throttling answer. */
export const THROTTLED: JsonResponse = [400, { __type: 'ThrottlingException', message: 'Rate exceeded' }];
