import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { NoSuchBucket, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { AwsClientOptions, createAwsClient, publishTemplate } from '../../src/aws';
import { CliDeps, DEFAULT_PROJECT_TEMPLATE, Output, runCli } from '../../src/cli';
import { isolateAwsEnvironment } from '../helpers/aws-http';

const s3 = mockClient(S3Client);
const BUCKET = 'sagemaker-gitops-templates-1a2b3c';
const PROJECT_TEMPLATE = fs.readFileSync(path.join(__dirname, '..', '..', 'templates', 'sagemaker-project.yaml'), 'utf-8');
const TEMPLATE_URL = `https://${BUCKET}.s3.eu-west-1.amazonaws.com/templates/sagemaker-project.yaml`;

let dir: string;

function capture(): Output & { results: unknown[]; infos: string[] } {
  const results: unknown[] = [];
  const infos: string[] = [];
  return { results, infos, result: (value) => results.push(value), info: (message) => infos.push(message) };
}

/** A client in eu-west-1; records the options the command asked for. */
function deps(): CliDeps & { requested: AwsClientOptions[] } {
  const requested: AwsClientOptions[] = [];
  return {
    requested,
    s3Client: async (options) => {
      requested.push(options);
      return new S3Client({ region: 'eu-west-1' });
    },
  };
}

async function run(argv: string[], injected: CliDeps = deps()) {
  const out = capture();
  const code = await runCli(argv, out, injected);
  return { code, out };
}

/** The usage errors commander writes to stderr. */
async function usageError(argv: string[]): Promise<{ code: number; stderr: string }> {
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const { code } = await run(argv);
    return { code, stderr: stderr.mock.calls.map((c) => String(c[0])).join('') };
  } finally {
    stderr.mockRestore();
  }
}

function writeFile(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

describe('publish-templates', () => {
  beforeEach(() => {
    s3.reset();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'publish-templates-'));
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('uploads the packaged project template under templates/, tagged for Studio, and says where Studio looks', async () => {
    s3.on(PutObjectCommand).resolves({ VersionId: 'v1', ETag: '"abc"' });
    const injected = deps();
    const { code, out } = await run(['--region', 'eu-west-1', '--profile', 'admin', 'publish-templates', '--bucket', BUCKET], injected);
    expect(code).toBe(0);
    expect(injected.requested).toEqual([{ region: 'eu-west-1', profile: 'admin' }]);
    expect(s3).toHaveReceivedCommandTimes(PutObjectCommand, 1);
    expect(s3).toHaveReceivedCommandWith(PutObjectCommand, {
      Bucket: BUCKET,
      Key: 'templates/sagemaker-project.yaml',
      Body: PROJECT_TEMPLATE,
      ContentType: 'application/yaml',
      Tagging: 'sagemaker%3Astudio-visibility=true',
    });
    expect(out.results).toEqual([[
      `published s3://${BUCKET}/templates/sagemaker-project.yaml (version v1)`,
      'tags: sagemaker:studio-visibility=true',
      `template URL: ${TEMPLATE_URL}`,
      `Studio lists it under Projects > Create project > Organization templates > S3 Templates when the domain's sagemaker:projectS3TemplatesLocation tag is s3://${BUCKET}/templates/`,
    ].join('\n')]);
    expect(DEFAULT_PROJECT_TEMPLATE).toBe(path.join(__dirname, '..', '..', 'templates', 'sagemaker-project.yaml'));
  });

  test('--json prints what was published', async () => {
    s3.on(PutObjectCommand).resolves({});
    const { code, out } = await run(['--json', 'publish-templates', '--bucket', BUCKET]);
    expect(code).toBe(0);
    expect(out.results).toEqual([{
      bucket: BUCKET,
      key: 'templates/sagemaker-project.yaml',
      templateUrl: TEMPLATE_URL,
      tags: { 'sagemaker:studio-visibility': 'true' },
      templatesLocation: `s3://${BUCKET}/templates/`,
    }]);
  });

  test.each([
    ['studio', 'studio/sagemaker-project.yaml'],
    ['org/ml/', 'org/ml/sagemaker-project.yaml'],
    ['', 'sagemaker-project.yaml'],
  ])('--prefix %p puts the template at %s', async (prefix, key) => {
    s3.on(PutObjectCommand).resolves({});
    expect((await run(['publish-templates', '--bucket', BUCKET, '--prefix', prefix])).code).toBe(0);
    expect(s3).toHaveReceivedCommandWith(PutObjectCommand, { Key: key });
  });

  test('--file uploads another project template under its own name', async () => {
    s3.on(PutObjectCommand).resolves({});
    const file = writeFile('churn-project.yml', PROJECT_TEMPLATE);
    expect((await run(['publish-templates', '--bucket', BUCKET, '--file', file])).code).toBe(0);
    expect(s3).toHaveReceivedCommandWith(PutObjectCommand, { Key: 'templates/churn-project.yml', Body: PROJECT_TEMPLATE });
  });

  test('a bucket that does not exist fails clearly, naming it', async () => {
    s3.on(PutObjectCommand).rejects(new NoSuchBucket({ message: 'The specified bucket does not exist', $metadata: { httpStatusCode: 404 } }));
    const { code, out } = await run(['publish-templates', '--bucket', 'no-such-bucket']);
    expect(code).toBe(1);
    expect(out.infos).toEqual([
      'error: bucket no-such-bucket does not exist: deploy the domain template (templates/sagemaker-domain.yaml) and pass its TemplatesBucketName output as --bucket',
    ]);
    expect(out.results).toEqual([]);
  });

  test('access denied says which permissions are missing', async () => {
    s3.on(PutObjectCommand).rejects(new S3ServiceException({ name: 'AccessDenied', $fault: 'client', message: 'Access Denied', $metadata: { httpStatusCode: 403 } }));
    const { code, out } = await run(['publish-templates', '--bucket', BUCKET]);
    expect(code).toBe(1);
    expect(out.infos).toEqual([`error: access denied writing s3://${BUCKET}/templates/sagemaker-project.yaml: the caller needs s3:PutObject and s3:PutObjectTagging on it`]);
  });

  test('a bucket of another region asks for --region', async () => {
    s3.on(PutObjectCommand).rejects(new S3ServiceException({ name: 'PermanentRedirect', $fault: 'client', message: 'redirect', $metadata: { httpStatusCode: 301 } }));
    const { code, out } = await run(['publish-templates', '--bucket', BUCKET]);
    expect(code).toBe(1);
    expect(out.infos).toEqual([`error: bucket ${BUCKET} is in another region than eu-west-1: pass --region with the bucket's region`]);
  });

  test('other errors are not hidden', async () => {
    s3.on(PutObjectCommand).rejects(new S3ServiceException({ name: 'InternalError', $fault: 'server', message: 'We encountered an internal error', $metadata: {} }));
    const { code, out } = await run(['publish-templates', '--bucket', BUCKET]);
    expect(code).toBe(1);
    expect(out.infos).toEqual(['error: We encountered an internal error']);
  });

  describe('refuses what is not a project template, before calling S3', () => {
    test.each([
      ['a file that does not exist', () => path.join(dir, 'missing.yaml'), (file: string) => `error: cannot read the template ${file}: no such file`],
      ['the domain template', () => path.join(__dirname, '..', '..', 'templates', 'sagemaker-domain.yaml'),
        (file: string) => `error: ${file} is not a SageMaker project template: it has no SageMakerProjectName or SageMakerProjectId parameter, which SageMaker Projects fills in at launch (the domain template is deployed with CloudFormation, not published)`],
      ['invalid YAML', () => writeFile('broken.yaml', 'Resources: [unclosed\n'), (file: string) => expect.stringMatching(new RegExp(`^error: ${file} is not valid YAML: `))],
      ['YAML without resources', () => writeFile('empty.yaml', 'Parameters:\n  SageMakerProjectName: {Type: String}\n'), (file: string) => `error: ${file} is not a CloudFormation template: it has no Resources section`],
      ['a template over 1 MB', () => writeFile('big.yaml', `${PROJECT_TEMPLATE}# ${'x'.repeat(1_000_000)}\n`),
        (file: string) => `error: ${file} has ${Buffer.byteLength(PROJECT_TEMPLATE) + 1_000_003} bytes; CloudFormation reads templates of at most 1000000 bytes from S3`],
    ])('%s', async (_what, makeFile, message) => {
      const file = makeFile();
      const { code, out } = await run(['publish-templates', '--bucket', BUCKET, '--file', file]);
      // A missing file and a file that is not a project template are both usage errors (exit 2): the file is the command's input.
      expect(code).toBe(2);
      expect(out.infos).toEqual([message(file)]);
      expect(s3).toHaveReceivedCommandTimes(PutObjectCommand, 0);
    });
  });

  describe('usage errors exit 2', () => {
    test('--bucket is required', async () => {
      const { code, stderr } = await usageError(['publish-templates']);
      expect(code).toBe(2);
      expect(stderr).toContain('required option \'--bucket <name>\' not specified');
    });

    test.each(['My-Bucket', 'ab', 'bucket_name', '-bucket', 'bucket-', 'a..b', '192.168.1.1', `b${'x'.repeat(63)}`])('bucket name %p', async (bucket) => {
      const { code, stderr } = await usageError(['publish-templates', '--bucket', bucket]);
      expect(code).toBe(2);
      expect(stderr).toContain(`bucket name must be 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit, got ${bucket}`);
      expect(s3).toHaveReceivedCommandTimes(PutObjectCommand, 0);
    });

    test.each(['/templates/', 'a//b', '../templates', 'templates/./x'])('prefix %p', async (prefix) => {
      const { code, stderr } = await usageError(['publish-templates', '--bucket', BUCKET, '--prefix', prefix]);
      expect(code).toBe(2);
      expect(stderr).toContain(`prefix must be key segments separated by single slashes, without a leading slash, "." or "..", e.g. templates/, got ${prefix}`);
    });

    /**
     * Amazon S3 User Guide, "Naming Amazon S3 objects" (PutObject Key): a key is at most 1024 bytes of
     * UTF-8. The key is --prefix then the file name (sagemaker-project.yaml, 22 bytes).
     */
    test('a prefix that makes the object key longer than 1024 bytes is refused before PutObject', async () => {
      const prefix = `${'p'.repeat(501)}/${'\u00e9'.repeat(250)}/`;
      const { code, stderr } = await usageError(['publish-templates', '--bucket', BUCKET, '--prefix', prefix]);
      expect(code).toBe(2);
      expect(stderr).toContain(`the object key --prefix + the --file name is 1025 bytes, more than the 1024 bytes S3 takes (PutObject Key): shorten --prefix, got ${prefix}`);
      expect(s3).toHaveReceivedCommandTimes(PutObjectCommand, 0);
    });

    test('a key of exactly 1024 bytes is uploaded under that key', async () => {
      s3.on(PutObjectCommand).resolves({});
      const prefix = `${'p'.repeat(1000)}/`;
      const { code } = await run(['publish-templates', '--bucket', BUCKET, '--prefix', prefix]);
      expect(code).toBe(0);
      expect(s3).toHaveReceivedCommandWith(PutObjectCommand, { Bucket: BUCKET, Key: `${prefix}sagemaker-project.yaml` });
    });
  });
});

describe('publishTemplate with a client of the factory', () => {
  isolateAwsEnvironment({ credentials: true });

  // These tests exercise the real SDK client, down to its HTTP handler.
  beforeAll(() => s3.restore());

  /** Answers each HTTP request with the next response; records the requests. */
  function respond(client: S3Client, responses: Array<[status: number, body: string, headers?: Record<string, string>]>) {
    const requests: Array<{ method: string; path: string; headers: Record<string, string> }> = [];
    let call = 0;
    jest.spyOn(client.config.requestHandler, 'handle').mockImplementation(async (request: any) => {
      requests.push({ method: request.method, path: request.path, headers: request.headers });
      const [statusCode, body, headers] = responses[Math.min(call++, responses.length - 1)];
      return { response: { statusCode, headers: { 'content-type': 'application/xml', ...headers }, body: Readable.from([Buffer.from(body)]) } };
    });
    return requests;
  }

  const slowDown = '<?xml version="1.0" encoding="UTF-8"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>';
  const noSuchBucket = `<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message><BucketName>${BUCKET}</BucketName></Error>`;

  test('a throttled upload is retried, and the tag travels in the request', async () => {
    const client = await createAwsClient(S3Client, { region: 'eu-west-1' });
    const requests = respond(client, [[503, slowDown], [200, '', { 'x-amz-version-id': 'v2' }]]);
    const published = await publishTemplate(client, { bucket: BUCKET, key: 'templates/sagemaker-project.yaml', body: 'Resources: {}\n' });
    expect(published).toEqual({
      bucket: BUCKET, key: 'templates/sagemaker-project.yaml', versionId: 'v2', templateUrl: TEMPLATE_URL, tags: { 'sagemaker:studio-visibility': 'true' },
    });
    expect(requests).toHaveLength(2);
    for (const request of requests) {
      expect(request.method).toBe('PUT');
      expect(request.headers).toMatchObject({ 'x-amz-tagging': 'sagemaker%3Astudio-visibility=true', 'content-type': 'application/yaml' });
    }
  });

  // Amazon S3 endpoints in the China regions (aws-cn partition) end in amazonaws.com.cn.
  test('the template URL of a China region ends in amazonaws.com.cn', async () => {
    const client = await createAwsClient(S3Client, { region: 'cn-north-1' });
    respond(client, [[200, '', {}]]);
    const published = await publishTemplate(client, { bucket: BUCKET, key: 'templates/sagemaker-project.yaml', body: 'Resources: {}\n' });
    expect(published.templateUrl).toBe(`https://${BUCKET}.s3.cn-north-1.amazonaws.com.cn/templates/sagemaker-project.yaml`);
  });

  test('S3\'s NoSuchBucket answer becomes the clear error', async () => {
    const client = await createAwsClient(S3Client, { region: 'eu-west-1', maxAttempts: 1 });
    respond(client, [[404, noSuchBucket]]);
    await expect(publishTemplate(client, { bucket: BUCKET, key: 'k.yaml', body: 'Resources: {}\n' }))
      .rejects.toThrow(`bucket ${BUCKET} does not exist: deploy the domain template`);
  });
});
