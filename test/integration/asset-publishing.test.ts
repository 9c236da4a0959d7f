/**
 * Both pipelines' Assets stage, run as CodeBuild runs it: the cdk-assets version its install command names,
 * installed from the registry, runs the stage's own publish commands in the synthesized cloud assembly against a
 * local S3 (moto), which must then hold every file asset of the deployed stages, byte for byte.
 *
 * cdk-assets refuses an asset manifest whose cloud-assembly schema is newer than the one it reads ("Cloud assembly
 * schema version mismatch"), as CDK Pipelines' default `npm install -g cdk-assets@latest` did for every pipeline
 * after an aws-cdk-lib upgrade (aws/aws-cdk issue 32744). The assets go to the CDK bootstrap bucket
 * `cdk-hnb659fds-assets-<account>-<region>` through the bootstrap file-publishing role (AWS CDK Developer Guide,
 * "Bootstrapping your environment").
 *
 * Before the publish, the synth step's `assets-check` (run here through the CLI against the same S3, as the
 * publishing role the asset action assumes) must answer `needed`; after it, `not-needed`: the stage is then skipped.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CreateBucketCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { App } from 'aws-cdk-lib';
import { CDK_ASSETS_VERSION } from '../../src/app-context';
import { runCli } from '../../src/cli';
import { captureOutput } from '../helpers/cli-output';
import { ModelBuildApp } from '../../src/model-build';
import { SEED_MODEL_BUILD_REPO, testConfig } from '../helpers/validated-synth';
import { app as modelDeployApp } from '../model-deploy/fixtures';
import { MOTO_ACCOUNT, MOTO_REGION, MotoServer, describeWithMoto, motoClient, motoDeps, startMoto, useDummyCredentials } from './moto';

jest.setTimeout(5 * 60_000);

const BOOTSTRAP_BUCKET = `cdk-hnb659fds-assets-${MOTO_ACCOUNT}-${MOTO_REGION}`;

interface AssetsProject {
  readonly id: string;
  readonly install: string[];
  readonly build: string[];
}

/** The Assets CodeBuild projects of the pipeline stack in `outdir`, with the commands of their buildspec (inline or a file of the assembly). */
function assetsProjects(outdir: string): AssetsProject[] {
  const [templateFile] = fs.readdirSync(outdir).filter((file) => file.endsWith('-pipeline.template.json'));
  const resources = Object.entries<any>(JSON.parse(fs.readFileSync(path.join(outdir, templateFile), 'utf-8')).Resources);
  return resources
    .filter(([id, r]) => r.Type === 'AWS::CodeBuild::Project' && /Assets/.test(id))
    .map(([id, r]) => {
      const spec = r.Properties.Source.BuildSpec;
      const buildSpec = JSON.parse(fs.existsSync(path.join(outdir, spec)) ? fs.readFileSync(path.join(outdir, spec), 'utf-8') : spec);
      return { id, install: buildSpec.phases.install.commands, build: buildSpec.phases.build.commands };
    });
}

/** The file assets the deploy stages publish: each stage assembly's asset manifests, templates excluded (CloudFormation actions read those from the artifact). */
function stageFileAssets(outdir: string): Array<{ source: string; objectKey: string }> {
  return fs.readdirSync(outdir).filter((dir) => dir.startsWith('assembly-')).flatMap((dir) =>
    fs.readdirSync(path.join(outdir, dir)).filter((file) => file.endsWith('.assets.json')).flatMap((file) => {
      const manifest = JSON.parse(fs.readFileSync(path.join(outdir, dir, file), 'utf-8'));
      return Object.values<any>(manifest.files ?? {})
        .filter((asset) => !asset.source.path.endsWith('.template.json'))
        .map((asset) => ({ source: path.join(outdir, dir, asset.source.path), objectKey: (Object.values(asset.destinations)[0] as any).objectKey }));
    }));
}

function synthesized(app: App): string {
  app.synth();
  return app.outdir;
}

describeWithMoto('the Assets stage of both pipelines, with the cdk-assets it installs', () => {
  let server: MotoServer;
  let s3: S3Client;
  let restoreEnv: () => void;
  let bin: string;
  const assemblies: Record<string, string> = {};

  beforeAll(async () => {
    restoreEnv = useDummyCredentials();
    server = await startMoto();
    s3 = await motoClient(S3Client, server);
    await s3.send(new CreateBucketCommand({ Bucket: BOOTSTRAP_BUCKET }));
    assemblies['model-build'] = synthesized(new ModelBuildApp({ config: testConfig(), repoDir: SEED_MODEL_BUILD_REPO }));
    assemblies['model-deploy'] = synthesized(modelDeployApp());
    // What `npm install -g cdk-assets@<version>` installs, into a folder of its own.
    const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-assets-'));
    const install = spawnSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', `cdk-assets@${CDK_ASSETS_VERSION}`], { encoding: 'utf-8' });
    if (install.status !== 0) {
      throw new Error(`npm install cdk-assets@${CDK_ASSETS_VERSION} failed (exit ${install.status}):\n${install.stdout}\n${install.stderr}`);
    }
    bin = path.join(prefix, 'node_modules', '.bin');
  });

  afterAll(async () => {
    s3?.destroy();
    await server?.stop();
    restoreEnv?.();
  });

  test.each(['model-build', 'model-deploy'])('%s: its Assets projects install the pinned cdk-assets, not the `latest` tag', (repo) => {
    const projects = assetsProjects(assemblies[repo]);
    expect(projects.length).toBeGreaterThan(0);
    for (const project of projects) {
      expect(project.install).toEqual([`npm install -g cdk-assets@${CDK_ASSETS_VERSION}`]);
    }
  });

  /** The synth step's assets-check on the assembly, against moto: its verdict and the reasons it printed. */
  const assetsCheck = async (outdir: string) => {
    const out = captureOutput();
    const code = await runCli(['assets-check', '--assembly', outdir], out, motoDeps(server));
    return { code, verdict: out.results.join(''), reasons: out.infos };
  };

  test.each(['model-build', 'model-deploy'])('%s: its Assets commands publish every file asset of its stages; assets-check says needed before, not-needed after', async (repo) => {
    const outdir = assemblies[repo];
    const expected = stageFileAssets(outdir);
    expect(expected.length).toBeGreaterThan(0);
    const before = await assetsCheck(outdir);
    expect(before).toMatchObject({ code: 0, verdict: 'needed' });
    expect(before.reasons.filter((line) => line.includes(': not in s3://')).length).toBeGreaterThan(0);
    const env = {
      ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, AWS_ENDPOINT_URL: server.endpoint, AWS_REGION: MOTO_REGION, AWS_DEFAULT_REGION: MOTO_REGION,
    };
    for (const project of assetsProjects(outdir)) {
      for (const command of project.build) {
        expect(command).toMatch(/^cdk-assets --path "[^"]+\.assets\.json" --verbose publish "[0-9a-f]{64}:current_account-us-east-1-[0-9a-f]+"$/);
        const run = spawnSync('bash', ['-euo', 'pipefail', '-c', command], { cwd: outdir, env, encoding: 'utf-8' });
        if (run.status !== 0) {
          throw new Error(`${project.id}: \`${command}\` failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
        }
      }
    }
    for (const asset of expected) {
      const object = await s3.send(new GetObjectCommand({ Bucket: BOOTSTRAP_BUCKET, Key: asset.objectKey }));
      expect(Buffer.from(await object.Body!.transformToByteArray()).equals(fs.readFileSync(asset.source))).toBe(true);
    }
    const after = await assetsCheck(outdir);
    expect(after).toMatchObject({ code: 0, verdict: 'not-needed' });
    expect(after.reasons).toHaveLength(expected.length);
    expect(after.reasons.every((line) => line.includes(`: published (s3://${BOOTSTRAP_BUCKET}/`))).toBe(true);
  });
});
