import * as http from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { SageMakerClient, SageMakerServiceException } from '@aws-sdk/client-sagemaker';
import { CliError, createAwsClient } from '../../src/aws';
import { AwsCallError, annotateCallError } from '../../src/aws/call-errors';
import { runCli } from '../../src/cli';
import { reportError } from '../../src/cli/error-report';
import { AWS_REGION_PATTERN, parseRegion } from '../../src/cli/option-parsers';
import { isolateAwsEnvironment } from '../helpers/aws-http';
import { captureOutput as capture, withStderr } from '../helpers/cli-output';

isolateAwsEnvironment({ credentials: true });

const CALL = { service: 'SageMaker', operation: 'DescribePipeline', region: 'eu-west-1', endpoint: 'https://api.sagemaker.eu-west-1.amazonaws.com' };

function denied(): SageMakerServiceException {
  const err = new SageMakerServiceException({
    name: 'AccessDeniedException', message: 'not authorized', $fault: 'client',
    $metadata: { httpStatusCode: 400, requestId: 'req-1' },
  });
  annotateCallError(err, CALL);
  return err;
}

describe('reportError', () => {
  test('a CliError prints its message', () => {
    const out = capture();
    reportError(new CliError('pipeline churn not found'), out);
    expect(out.infos).toEqual(['error: pipeline churn not found']);
  });

  test('a service\'s own error is prefixed with the call that got it', () => {
    const out = capture();
    reportError(denied(), out);
    expect(out.infos).toEqual([
      'error: SageMaker DescribePipeline (region eu-west-1, endpoint https://api.sagemaker.eu-west-1.amazonaws.com) failed: AccessDeniedException: not authorized',
    ]);
  });

  test('--json: one JSON object {"error": {...}} with the message, name, call, HTTP status and request id', () => {
    const out = capture();
    reportError(denied(), out, { json: true });
    expect(out.infos).toHaveLength(1);
    expect(JSON.parse(out.infos[0])).toEqual({
      error: {
        message: expect.stringMatching(/^SageMaker DescribePipeline .* failed: AccessDeniedException: not authorized$/),
        name: 'AccessDeniedException',
        ...CALL,
        httpStatusCode: 400,
        requestId: 'req-1',
      },
    });
  });

  test('--json of a wrapped SDK error names its cause', () => {
    const out = capture();
    const raw = Object.assign(new Error('timed out'), { name: 'TimeoutError' });
    reportError(annotateCallError(raw, CALL), out, { json: true });
    expect(JSON.parse(out.infos[0]).error).toMatchObject({ name: 'AwsCallError', cause: 'TimeoutError', operation: 'DescribePipeline' });
  });

  test('--debug adds the stack and the raw SDK error', () => {
    const out = capture();
    const raw = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    reportError(annotateCallError(raw, CALL), out, { debug: true });
    expect(out.infos[0]).toMatch(/^error: SageMaker DescribePipeline .* failed: Error ECONNRESET: socket hang up$/);
    expect(out.infos[1]).toMatch(/^AwsCallError: SageMaker DescribePipeline[^\n]*\n\s+at /);
    expect(out.infos[2]).toMatch(/^raw error: Error: socket hang up\n[\s\S]*code: 'ECONNRESET'/);
  });

  test('--json --debug carries the stack and the raw error as fields', () => {
    const out = capture();
    reportError(new CliError('x'), out, { json: true, debug: true });
    expect(JSON.parse(out.infos[0]).error).toMatchObject({ message: 'x', name: 'CliError', stack: expect.stringContaining('CliError: x'), raw: expect.stringContaining('CliError: x') });
  });

  test('a thrown non-error is printed as text', () => {
    const out = capture();
    reportError('boom', out);
    expect(out.infos).toEqual(['error: boom']);
  });
});

describe('--region pattern', () => {
  // The SDK's partitions (regionRegex of aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f, aws-eusc).
  test.each(['us-east-1', 'eu-central-2', 'ap-southeast-5', 'il-central-1', 'mx-central-1', 'cn-north-1', 'us-gov-west-1',
    'us-iso-east-1', 'us-isob-east-1', 'eu-isoe-west-1', 'us-isof-south-1', 'eusc-de-east-1'])('%s is a region name', (region) => {
    expect(AWS_REGION_PATTERN.test(region)).toBe(true);
    expect(parseRegion(region)).toBe(region);
  });

  test.each(['', 'us-east', 'US-EAST-1', 'useast1', 'us_east_1', 'us-east-1 ', 'https://us-east-1', 'eu-west-1a'])('%p is not', (region) => {
    expect(() => parseRegion(region)).toThrow(`--region must be an AWS region name such as us-east-1, us-gov-west-1 or cn-north-1 (${AWS_REGION_PATTERN.source}), got ${JSON.stringify(region)}`);
  });
});

describe('a command against an endpoint that never answers', () => {
  test('--request-timeout 1 makes resolve-model fail within seconds, naming the operation, region and endpoint', async () => {
    const sockets = new Set<Socket>();
    const server = http.createServer((req) => req.resume());
    server.on('connection', (socket) => sockets.add(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const out = capture();
      const started = Date.now();
      const code = await runCli(['--region', 'eu-west-1', '--request-timeout', '1', 'resolve-model', '--group', 'churn'], out, {
        sageMakerClient: (options) => createAwsClient(SageMakerClient, { ...options, endpoint, maxAttempts: 2 }),
      });
      expect(code).toBe(1);
      expect(Date.now() - started).toBeLessThan(6_000);
      expect(out.infos).toEqual([expect.stringMatching(new RegExp(
        `^error: SageMaker ListModelPackages \\(region eu-west-1, endpoint ${endpoint}\\) failed: no answer in time \\(request timeout 1 s; --request-timeout changes it\\)`))]);
    } finally {
      sockets.forEach((socket) => socket.destroy());
      await new Promise((resolve) => server.close(resolve));
    }
  });

  test('the wrapped error keeps the SDK\'s error as raw', () => {
    const err = annotateCallError(Object.assign(new Error('x'), { name: 'TimeoutError' }), CALL) as AwsCallError;
    expect(err).toBeInstanceOf(CliError);
    expect(err.raw).toMatchObject({ name: 'TimeoutError' });
  });
});

describe('--json and usage errors', () => {
  // The README's global options: with --json "a failure is one line {"error": {...}} on stderr": usage errors included.
  test.each([
    [['--json', 'models', '--group', 'bad_x'], /^option '--group <name>' argument 'bad_x' is invalid\. model package group name must be/],
    [['--json', 'approve-model', '7', '--comment', 'ok'], /^--group <name> is required with a version number \(7\)/],
    [['--json', 'models', '--group', 'player-churn', '--bogus'], /^unknown option '--bogus'$/],
    [['--json', 'test-endpoint', '--endpoint', 'e', '--payload', '/nonexistent/payload.csv'], /payload.csv/],
  ])('%j: one JSON line naming the problem, nothing from commander, exit 2', async (argv, message) => {
    const out = capture();
    const { value, stderr } = await withStderr(() => runCli(argv, out));
    expect(value).toBe(2);
    expect(stderr).toBe('');
    expect(out.infos).toHaveLength(1);
    const reported = JSON.parse(out.infos[0]);
    expect(reported.error.name).toBe('UsageError');
    expect(reported.error.message).toMatch(message);
  });

  test('--json without a command: the JSON line says so, rather than commander\'s help placeholder', async () => {
    const out = capture();
    const { value, stderr } = await withStderr(() => runCli(['--json'], out));
    expect(value).toBe(2);
    expect(stderr).toBe('');
    expect(JSON.parse(out.infos[0])).toEqual({ error: { message: 'no command given: `sagemaker-gitops --help` lists the commands', name: 'UsageError' } });
  });

  test('without --json the same error is commander\'s text and the help hint', async () => {
    const out = capture();
    const { value, stderr } = await withStderr(() => runCli(['models', '--group', 'bad_x'], out));
    expect(value).toBe(2);
    expect(stderr).toMatch(/^error: option '--group <name>' argument 'bad_x' is invalid\./);
    expect(stderr).toContain('(run sagemaker-gitops models --help for its options and an example)');
    expect(out.infos).toEqual([]);
  });
});
