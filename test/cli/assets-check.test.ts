/**
 * `assets-check` as the synth step runs it: the verdict on stdout (the whole check with --json), one
 * line per asset on stderr, `needed` rather than a failure when it cannot tell, and a usage error
 * (exit 2) before any call for an --assembly that is no cloud assembly.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { runCli } from '../../src/cli';
import { captureOutput, withStderr } from '../helpers/cli-output';

/** A pipeline assembly with one stage whose stack has one file asset besides its template. */
function assembly(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assets-check-cli-'));
  fs.mkdirSync(path.join(dir, 'assembly-Prod'));
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ version: '55.0.0', artifacts: { 'assembly-Prod': { type: 'cdk:cloud-assembly', properties: { directoryName: 'assembly-Prod' } } } }));
  fs.writeFileSync(path.join(dir, 'assembly-Prod', 'manifest.json'), JSON.stringify({
    version: '55.0.0',
    artifacts: {
      'Prod.assets': { type: 'cdk:asset-manifest', properties: { file: 'Prod.assets.json' } },
      'Prod': { type: 'aws:cloudformation:stack', properties: { templateFile: 'Prod.template.json' }, dependencies: ['Prod.assets'] },
    },
  }));
  const destination = {
    bucketName: 'cdk-hnb659fds-assets-${AWS::AccountId}-us-east-1', objectKey: 'code.gz', region: 'us-east-1',
    assumeRoleArn: 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-hnb659fds-file-publishing-role-${AWS::AccountId}-us-east-1',
  };
  fs.writeFileSync(path.join(dir, 'assembly-Prod', 'Prod.assets.json'), JSON.stringify({
    version: '55.0.0', files: { code: { displayName: 'DriftMonitor/Code/Bundle', source: { path: '../asset.code.tar.gz', packaging: 'file' }, destinations: { d: destination } } },
  }));
  return dir;
}

const sts = mockClient(STSClient);
const s3 = mockClient(S3Client);
const built: Array<{ client: string; options: unknown }> = [];
const deps = {
  stsClient: async (options: object) => {
    built.push({ client: 'sts', options });
    return new STSClient({ region: 'us-east-1' });
  },
  s3Client: async (options: object) => {
    built.push({ client: 's3', options });
    return new S3Client({ region: 'us-east-1' });
  },
};

beforeEach(() => {
  sts.reset();
  s3.reset();
  sts.on(GetCallerIdentityCommand).resolves({ Account: '111111111111', Arn: 'arn:aws:sts::111111111111:assumed-role/synth/1' });
  built.length = 0;
});

test('prints not-needed when the asset is in its bucket, with one line per asset; S3 in the destination\'s region, with --profile', async () => {
  s3.on(ListObjectsV2Command).resolves({ Contents: [{ Key: 'code.gz', Size: 4096 }] });
  const out = captureOutput();
  await expect(runCli(['--region', 'eu-west-1', '--profile', 'ops', 'assets-check', '--assembly', assembly()], out, deps)).resolves.toBe(0);
  expect(built).toEqual([
    { client: 'sts', options: expect.objectContaining({ region: 'eu-west-1', profile: 'ops' }) },
    { client: 's3', options: expect.objectContaining({ region: 'us-east-1', profile: 'ops' }) },
  ]);
  expect(out.results).toEqual(['not-needed']);
  expect(out.infos).toEqual([`assets-check: DriftMonitor/Code/Bundle (${path.join('assembly-Prod', 'Prod.assets.json')}): published (s3://cdk-hnb659fds-assets-111111111111-us-east-1/code.gz)`]);
});

test('--json prints the whole check; a call that fails answers needed, exit 0', async () => {
  s3.on(ListObjectsV2Command).rejects(Object.assign(new Error('Access Denied'), { name: 'AccessDenied' }));
  const out = captureOutput();
  await expect(runCli(['--json', 'assets-check', '--assembly', assembly()], out, deps)).resolves.toBe(0);
  expect(out.results).toEqual([{ verdict: 'needed', reasons: [expect.stringContaining('could not be checked (AccessDenied: Access Denied)')] }]);
});

// The README's exit codes: a missing input (a cloud assembly included) is a usage error, 2, before any call.
test.each([
  ['a folder that does not exist', () => path.join(os.tmpdir(), 'no-such-assembly'), /--assembly ".*no-such-assembly" is not a cloud assembly: there is no such folder/],
  ['a folder without manifest.json', () => fs.mkdtempSync(path.join(os.tmpdir(), 'not-an-assembly-')), /is not a cloud assembly: it has no manifest\.json/],
])('--assembly naming %s is a usage error (exit 2) before any call', async (_, dir, message) => {
  const out = captureOutput();
  const { value, stderr } = await withStderr(() => runCli(['assets-check', '--assembly', dir()], out, {
    stsClient: () => Promise.reject(new Error('no AWS call was expected')),
    s3Client: () => Promise.reject(new Error('no AWS call was expected')),
  }));
  expect(value).toBe(2);
  expect(stderr).toMatch(message);
  expect(out.results).toEqual([]);
});
