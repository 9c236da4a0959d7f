/**
 * `self-mutation-check` against a local moto server: a stack created from the synthesized template
 * and tags is deployed as synthesized; a changed template, changed tags or a missing stack make the
 * self-mutation needed.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CloudFormationClient, CreateStackCommand, UpdateStackCommand } from '@aws-sdk/client-cloudformation';
import { runCli } from '../../src/cli';
import { captureOutput, withStderr } from '../helpers/cli-output';
import { MOTO_REGION, MotoServer, describeWithMoto, motoClient, startMoto, useDummyCredentials } from './moto';

jest.setTimeout(60_000);

const TEMPLATE = { Resources: { Topic: { Type: 'AWS::SNS::Topic', Properties: { TopicName: 'pipeline-notices' } } } };
const TAGS = { project: 'player-churn' };

let server: MotoServer;
let cfn: CloudFormationClient;
let restoreEnv: () => void;

function assembly(stackName: string, template: object = TEMPLATE): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'self-mutation-moto-'));
  const artifacts = {
    [stackName]: { type: 'aws:cloudformation:stack', environment: `aws://unknown-account/${MOTO_REGION}`, properties: { templateFile: `${stackName}.template.json`, tags: TAGS } },
  };
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ version: '48.0.0', artifacts }));
  fs.writeFileSync(path.join(dir, `${stackName}.template.json`), JSON.stringify(template, null, 1));
  return dir;
}

async function check(stackName: string, dir: string): Promise<{ code: number; verdict: string; err: string }> {
  const out = captureOutput();
  const code = await runCli(['self-mutation-check', '--stack', stackName, '--assembly', dir], out, {
    cloudFormationClient: (options) => motoClient(CloudFormationClient, server, options),
  });
  return { code, verdict: String(out.results.join('')), err: out.infos.map((line) => `${line}\n`).join('') };
}

describeWithMoto('self-mutation-check against moto', () => {
  beforeAll(async () => {
    restoreEnv = useDummyCredentials();
    server = await startMoto();
    cfn = await motoClient(CloudFormationClient, server);
    await cfn.send(new CreateStackCommand({ StackName: 'team-pipeline', TemplateBody: JSON.stringify(TEMPLATE), Tags: [{ Key: 'project', Value: 'player-churn' }] }));
  });

  afterAll(async () => {
    cfn?.destroy();
    await server?.stop();
    restoreEnv?.();
  });

  test('not-needed when the stack is deployed as synthesized', async () => {
    await expect(check('team-pipeline', assembly('team-pipeline'))).resolves.toEqual({
      code: 0, verdict: 'not-needed', err: `self-mutation-check: team-pipeline (${MOTO_REGION}): deployed as synthesized\n`,
    });
  });

  test('needed when the synthesized template differs', async () => {
    const changed = { Resources: { ...TEMPLATE.Resources, Queue: { Type: 'AWS::SQS::Queue' } } };
    await expect(check('team-pipeline', assembly('team-pipeline', changed))).resolves.toMatchObject({ code: 0, verdict: 'needed', err: expect.stringContaining('template differs') });
  });

  // "DescribeStacks" (AWS CloudFormation API Reference): a stack that does not exist is a ValidationError.
  test('needed when the stack does not exist, naming the error', async () => {
    await expect(check('other-pipeline', assembly('other-pipeline'))).resolves.toMatchObject({
      code: 0, verdict: 'needed', err: expect.stringMatching(/other-pipeline \(us-east-1\): could not be read \(ValidationError: .*does not exist/),
    });
  });

  test('needed when the stack\'s tags were changed since', async () => {
    await cfn.send(new CreateStackCommand({ StackName: 'tagged-pipeline', TemplateBody: JSON.stringify(TEMPLATE), Tags: [{ Key: 'project', Value: 'player-churn' }] }));
    await expect(check('tagged-pipeline', assembly('tagged-pipeline'))).resolves.toMatchObject({ verdict: 'not-needed' });
    await cfn.send(new UpdateStackCommand({ StackName: 'tagged-pipeline', TemplateBody: JSON.stringify(TEMPLATE), Tags: [{ Key: 'project', Value: 'other' }] }));
    await expect(check('tagged-pipeline', assembly('tagged-pipeline'))).resolves.toMatchObject({ verdict: 'needed', err: expect.stringContaining('stack tags differ') });
  });

  test('needed, not a failure, when the assembly has no such stack', async () => {
    await expect(check('missing', assembly('team-pipeline'))).resolves.toMatchObject({
      code: 0, verdict: 'needed', err: expect.stringContaining('the check could not run: the cloud assembly'),
    });
  });
});

// The README's exit codes: a missing input file (a cloud assembly included) is a usage error, 2, before any
// call. An --assembly that is no cloud assembly would otherwise answer `needed` on every run.
describe('self-mutation-check on a folder that is no cloud assembly', () => {
  test.each([
    ['--assembly naming a folder that does not exist', () => ['--assembly', path.join(os.tmpdir(), 'no-such-assembly')], /--assembly ".*no-such-assembly" is not a cloud assembly: there is no such folder/],
    ['--assembly naming a folder without manifest.json', () => ['--assembly', fs.mkdtempSync(path.join(os.tmpdir(), 'not-an-assembly-'))], /is not a cloud assembly: it has no manifest\.json/],
    ['the default cdk.out where there is none', () => [], /--assembly "cdk\.out" is not a cloud assembly: there is no such folder/],
  ])('%s is a usage error (exit 2) before any call', async (_name, args, message) => {
    const cwd = process.cwd();
    process.chdir(fs.mkdtempSync(path.join(os.tmpdir(), 'self-mutation-cwd-')));
    try {
      const out = captureOutput();
      const { value, stderr } = await withStderr(() => runCli(['self-mutation-check', '--stack', 'team-pipeline', ...args()], out, {
        cloudFormationClient: () => Promise.reject(new Error('no AWS call was expected')),
      }));
      expect(value).toBe(2);
      expect(stderr).toMatch(message);
      expect(out.results).toEqual([]);
    } finally {
      process.chdir(cwd);
    }
  });
});
