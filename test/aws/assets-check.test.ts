import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { EMPTY_ZIP_FILE_SIZE, PipelineAssets, checkAssetsPublished, pipelineAssets } from '../../src/aws';

const ROLE = 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/cdk-hnb659fds-file-publishing-role-${AWS::AccountId}-eu-west-1';
const BUCKET = 'cdk-hnb659fds-assets-${AWS::AccountId}-eu-west-1';
const destination = (objectKey: string, account = '${AWS::AccountId}') => ({
  bucketName: BUCKET.replace('${AWS::AccountId}', account), objectKey, region: 'eu-west-1', assumeRoleArn: ROLE.replace(/\$\{AWS::AccountId\}/g, account),
});

/**
 * A pipeline's cloud assembly as CDK Pipelines reads it: the pipeline stack at the top (its own
 * asset manifest), one nested assembly per stage whose stacks depend on their asset manifests.
 */
function assembly(prodManifest: object = {
  version: '55.0.0',
  files: {
    drift: { displayName: 'DriftMonitor/Code/Bundle', source: { path: '../asset.drift.tar.gz', packaging: 'file' }, destinations: { d: destination('drift.gz', '222222222222') } },
    template: { displayName: 'prod Template', source: { path: 'Prod.template.json', packaging: 'file' }, destinations: { t: destination('template.json', '222222222222') } },
  },
  dockerImages: {},
}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assets-check-'));
  const write = (file: string, value: object) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), JSON.stringify(value));
  };
  write('manifest.json', {
    version: '55.0.0',
    artifacts: {
      'pipeline.assets': { type: 'cdk:asset-manifest', properties: { file: 'pipeline.assets.json' } },
      'pipeline': { type: 'aws:cloudformation:stack', properties: { templateFile: 'pipeline.template.json' }, dependencies: ['pipeline.assets'] },
      'assembly-Staging': { type: 'cdk:cloud-assembly', properties: { directoryName: 'assembly-Staging' } },
      'assembly-Prod': { type: 'cdk:cloud-assembly', properties: { directoryName: 'assembly-Prod' } },
    },
  });
  // The pipeline stack's own assets go with the self-mutation, not the Assets stage.
  write('pipeline.assets.json', { version: '55.0.0', files: { own: { source: { path: 'asset.own', packaging: 'zip' }, destinations: { d: destination('own.zip') } } } });
  write('assembly-Staging/manifest.json', {
    version: '55.0.0',
    artifacts: {
      'Staging.assets': { type: 'cdk:asset-manifest', properties: { file: 'Staging.assets.json' } },
      'Staging': { type: 'aws:cloudformation:stack', properties: { templateFile: 'Staging.template.json' }, dependencies: ['Staging.assets'] },
    },
  });
  write('assembly-Staging/Staging.assets.json', {
    version: '55.0.0',
    files: { template: { source: { path: 'Staging.template.json', packaging: 'file' }, destinations: { t: destination('staging-template.json') } } },
  });
  write('assembly-Prod/manifest.json', {
    version: '55.0.0',
    artifacts: {
      'Prod.assets': { type: 'cdk:asset-manifest', properties: { file: 'Prod.assets.json' } },
      'Prod': { type: 'aws:cloudformation:stack', properties: { templateFile: 'Prod.template.json' }, dependencies: ['Prod.assets'] },
    },
  });
  write('assembly-Prod/Prod.assets.json', prodManifest);
  return dir;
}

describe('pipelineAssets', () => {
  test('the file assets of the stage stacks, without their templates or the pipeline stack\'s own assets', () => {
    expect(pipelineAssets(assembly())).toEqual({
      files: [{ label: `DriftMonitor/Code/Bundle (${path.join('assembly-Prod', 'Prod.assets.json')})`, selector: 'drift:d', ...destination('drift.gz', '222222222222') }],
      images: [],
    });
  });

  test('container image assets are listed by name', () => {
    const assets = pipelineAssets(assembly({ version: '55.0.0', files: {}, dockerImages: { img: { displayName: 'StepImage' } } }));
    expect(assets.images).toEqual([`StepImage (${path.join('assembly-Prod', 'Prod.assets.json')})`]);
  });

  test('an unreadable asset manifest fails the read, naming the file', () => {
    const dir = assembly();
    fs.rmSync(path.join(dir, 'assembly-Prod', 'Prod.assets.json'));
    expect(() => pipelineAssets(dir)).toThrow(/Prod\.assets\.json/);
  });
});

describe('checkAssetsPublished', () => {
  const sts = mockClient(STSClient);
  const s3 = mockClient(S3Client);
  const calls: Array<{ client: string; region?: string }> = [];
  const clients = {
    sts: async () => {
      calls.push({ client: 'sts' });
      return new STSClient({ region: 'us-east-1' });
    },
    s3In: async (region: string | undefined) => {
      calls.push({ client: 's3', region });
      return new S3Client({ region });
    },
  };
  const assets = (...keys: string[]): PipelineAssets => ({ files: keys.map((key) => ({ label: key, selector: `${key}:d`, ...destination(key) })), images: [] });

  beforeEach(() => {
    sts.reset();
    s3.reset();
    calls.length = 0;
    sts.on(GetCallerIdentityCommand).resolves({ Account: '111111111111', Arn: 'arn:aws-cn:sts::111111111111:assumed-role/synth/build' });
  });

  // cdk-assets' own check before an upload (its file handler): ListObjectsV2 with the key as the
  // prefix and MaxKeys 1; the placeholders resolved from the caller's identity (account, partition)
  // and the destination (region). The caller lists with its own credentials, in the destination's region.
  test('not-needed when every asset is listed in its bucket, with the placeholders resolved', async () => {
    s3.on(ListObjectsV2Command).callsFake((input) => ({ Contents: [{ Key: input.Prefix, Size: 1024 }] }));
    const answer = await checkAssetsPublished(assets('a.zip', 'b.zip'), clients);
    expect(answer).toEqual({
      verdict: 'not-needed',
      reasons: [
        'a.zip: published (s3://cdk-hnb659fds-assets-111111111111-eu-west-1/a.zip)',
        'b.zip: published (s3://cdk-hnb659fds-assets-111111111111-eu-west-1/b.zip)',
      ],
    });
    expect(s3.commandCalls(ListObjectsV2Command).map((c) => c.args[0].input)).toEqual([
      { Bucket: 'cdk-hnb659fds-assets-111111111111-eu-west-1', Prefix: 'a.zip', MaxKeys: 1 },
      { Bucket: 'cdk-hnb659fds-assets-111111111111-eu-west-1', Prefix: 'b.zip', MaxKeys: 1 },
    ]);
    expect(calls).toEqual([{ client: 'sts' }, { client: 's3', region: 'eu-west-1' }, { client: 's3', region: 'eu-west-1' }]);
  });

  // The publishing role could write to the bucket: the check does not assume it, so it cannot look into another account.
  test('a destination in another account is not checked, and makes it needed', async () => {
    s3.on(ListObjectsV2Command).resolves({ Contents: [{ Key: 'a.zip', Size: 100 }] });
    const other = { label: 'drift', selector: 'drift:d', ...destination('drift.gz', '222222222222') };
    const check = await checkAssetsPublished({ files: [...assets('a.zip').files, other], images: [] }, clients);
    expect(check).toEqual({
      verdict: 'needed',
      reasons: [
        'a.zip: published (s3://cdk-hnb659fds-assets-111111111111-eu-west-1/a.zip)',
        'drift: s3://cdk-hnb659fds-assets-222222222222-eu-west-1/drift.gz is in account 222222222222, not checked (the synth step lists only its own account\'s buckets)',
      ],
    });
    expect(s3.commandCalls(ListObjectsV2Command)).toHaveLength(1);
  });

  test.each([
    ['the key is not listed', { Contents: [] }, 'not in s3://cdk-hnb659fds-assets-111111111111-eu-west-1/a.zip'],
    // The prefix lists a longer key first only when the asked key is missing.
    ['only a longer key is listed', { Contents: [{ Key: 'a.zip.old', Size: 1024 }] }, 'not in s3://'],
    // cdk-assets uploads again an object of at most 22 bytes (an empty zip file): the stage must run for it.
    ['the object is an empty zip', { Contents: [{ Key: 'a.zip', Size: EMPTY_ZIP_FILE_SIZE }] }, 'has 22 bytes, which cdk-assets uploads again'],
  ])('needed when %s', async (_, answer, reason) => {
    s3.on(ListObjectsV2Command).resolves(answer);
    const check = await checkAssetsPublished(assets('a.zip'), clients);
    expect(check.verdict).toBe('needed');
    expect(check.reasons[0]).toContain(reason);
  });

  test('needed, with the error, when the bucket cannot be listed', async () => {
    s3.on(ListObjectsV2Command).rejects(Object.assign(new Error('not authorized to perform s3:ListBucket'), { name: 'AccessDenied' }));
    await expect(checkAssetsPublished(assets('a.zip'), clients)).resolves.toEqual({
      verdict: 'needed', reasons: ['a.zip: could not be checked (AccessDenied: not authorized to perform s3:ListBucket)'],
    });
    s3.on(ListObjectsV2Command).rejects(Object.assign(new Error('The specified bucket does not exist'), { name: 'NoSuchBucket' }));
    await expect(checkAssetsPublished(assets('a.zip'), clients)).resolves.toMatchObject({ verdict: 'needed', reasons: [expect.stringContaining('NoSuchBucket')] });
  });

  test('one unpublished asset among published ones makes it needed, each asset with its own line', async () => {
    s3.on(ListObjectsV2Command, { Prefix: 'a.zip' }).resolves({ Contents: [{ Key: 'a.zip', Size: 100 }] });
    s3.on(ListObjectsV2Command, { Prefix: 'b.zip' }).resolves({});
    const check = await checkAssetsPublished(assets('a.zip', 'b.zip'), clients);
    expect(check.verdict).toBe('needed');
    expect(check.reasons).toEqual([expect.stringMatching(/^a\.zip: published/), expect.stringMatching(/^b\.zip: not in s3:/)]);
  });

  test('a destination without a publishing role is taken to be in the caller\'s account', async () => {
    s3.on(ListObjectsV2Command).resolves({ Contents: [{ Key: 'a.zip', Size: 100 }] });
    const { assumeRoleArn, ...withoutRole } = destination('a.zip');
    expect(assumeRoleArn).toBeDefined();
    await expect(checkAssetsPublished({ files: [{ label: 'a.zip', selector: 'a:d', ...withoutRole }], images: [] }, clients)).resolves.toMatchObject({ verdict: 'not-needed' });
  });

  test('a placeholder the check cannot resolve answers needed without a call', async () => {
    const check = await checkAssetsPublished({ files: [{ label: 'x', selector: 'x:d', bucketName: 'cdk-assets-${AWS::Region}', objectKey: 'x.zip' }], images: [] }, clients);
    expect(check).toEqual({ verdict: 'needed', reasons: ['x: s3://cdk-assets-${AWS::Region}/x.zip keeps a placeholder the check cannot resolve'] });
    expect(s3.commandCalls(ListObjectsV2Command)).toHaveLength(0);
  });

  // A pipeline whose stages have no asset has no Assets stage: an empty list means the assembly was misread.
  test('a container image asset, or no asset found at all, answers needed without a call', async () => {
    await expect(checkAssetsPublished({ files: assets('a.zip').files, images: ['StepImage (Prod.assets.json)'] }, clients)).resolves.toEqual({
      verdict: 'needed', reasons: ['StepImage (Prod.assets.json): a container image asset, not checked'],
    });
    await expect(checkAssetsPublished({ files: [], images: [] }, clients)).resolves.toEqual({
      verdict: 'needed', reasons: ['no file asset found in the stage assemblies: the check cannot tell what the Assets stage publishes'],
    });
    expect(sts.commandCalls(GetCallerIdentityCommand)).toHaveLength(0);
  });
});
