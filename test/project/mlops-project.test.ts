import { PROD_CHECK_ACTION, PROD_SMOKE_TEST_ROWS } from '../../src/model-deploy/release-checks';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Project, Testing } from 'projen';
import { CONFIG_FILE_NAME, ConfigError, PLACEHOLDER_CONNECTION_ARN, parseProjectConfig } from '../../src/config';
import { LIBRARY_VERSION, MlopsProject, MlopsProjectOptions, REPO_SCRIPTS, SEED_CODE_DIR, TOOL_VERSIONS } from '../../src/project';
import { VALIDATE_AGAINST_DEFAULT_RULES } from 'aws-cdk-lib/cx-api';
import { LOCAL_RUN_DIR } from '../../src/local-run';
import { CONNECTION_ARN } from '../helpers/validated-synth';
import { PLACEHOLDER_MODEL_CONTEXT } from '../../src/app-context/model-context';
import { COMMANDS } from '../../src/cli/commands';

const options: MlopsProjectOptions = {
  projectName: 'player-churn',
  region: 'eu-west-1',
  source: {
    modelBuild: { connectionArn: CONNECTION_ARN, repository: 'acme/player-churn-model-build' },
    modelDeploy: { codeCommitRepository: 'player-churn-model-deploy', branch: 'release' },
  },
};

function newProject(outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlops-'))): Project {
  return new Project({ name: 'host', outdir });
}

function synth(opts: MlopsProjectOptions = options): Record<string, any> {
  const project = newProject();
  new MlopsProject(project, opts);
  return Testing.synth(project);
}

describe('MlopsProject', () => {
  const out = synth();

  test.each(['model-build', 'model-deploy'])('%s is a standalone npm + CDK app with plain npm scripts', (dir) => {
    const pkg = out[`${dir}/package.json`];
    expect(pkg.name).toBe(`player-churn-${dir}`);
    expect(pkg.private).toBe(true);
    expect(pkg.scripts).toMatchObject({ build: REPO_SCRIPTS.build, test: REPO_SCRIPTS.test });
    expect(pkg.scripts.synth).toMatch(/^cdk synth --no-notices --quiet/);
    for (const script of Object.values<string>(pkg.scripts)) {
      expect(script).not.toMatch(/projen|\.\.\//);
    }
    expect(pkg.dependencies).toEqual({ 'sagemaker-gitops': `file:vendor/sagemaker-gitops-${LIBRARY_VERSION}.tgz`, 'aws-cdk-lib': TOOL_VERSIONS['aws-cdk-lib'], 'constructs': TOOL_VERSIONS.constructs });
    expect(pkg.devDependencies['aws-cdk']).toBe(TOOL_VERSIONS['aws-cdk']);
    expect(pkg.devDependencies.typescript).toBe(TOOL_VERSIONS.typescript);
    expect(out[`${dir}/cdk.json`].app).toBe('npx tsx src/main.ts');
    expect(out[`${dir}/cdk.json`].context[VALIDATE_AGAINST_DEFAULT_RULES]).toBe(true);
    expect(out[`${dir}/tsconfig.json`].compilerOptions.strict).toBe(true);
    expect(out[`${dir}/.gitignore`]).toMatch(/^node_modules\/$/m);
    expect(out[`${dir}/.gitignore`]).toMatch(/^cdk\.out\/$/m);
  });

  test('both config files carry the resolved project and read back as it', () => {
    for (const dir of ['model-build', 'model-deploy']) {
      const config = parseProjectConfig(JSON.stringify(out[`${dir}/${CONFIG_FILE_NAME}`]), dir);
      expect(config.region).toBe('eu-west-1');
      expect(config.environments.prod).toEqual({ region: 'eu-west-1' });
      expect(config.source.modelDeploy).toEqual({ codeCommitRepository: 'player-churn-model-deploy', branch: 'release' });
      expect(config.qualityThreshold).toBe(0.75);
    }
  });

  test('model-deploy synthesizes locally with the placeholder model, resolves the real one on request, and never commits it', () => {
    const scripts = out['model-deploy/package.json'].scripts;
    for (const name of ['synth', 'diff', 'deploy']) {
      expect(scripts[name]).toMatch(/ -c sagemaker-gitops:placeholder-model=true$/);
      expect(out['model-build/package.json'].scripts[name]).not.toMatch(/placeholder/);
    }
    expect(scripts['resolve-model']).toBe('sagemaker-gitops resolve-model --group player-churn --region eu-west-1 --out resolved-model.json');
    expect(out['model-deploy/.gitignore']).toContain('resolved-model.json');
    expect(out['model-build/.gitignore']).not.toContain('resolved-model.json');
  });

  test('model-build runs its pipeline locally with `npm run local` and never commits the local runs', () => {
    expect(out['model-build/package.json'].scripts.local).toBe('sagemaker-gitops local-run');
    expect(out['model-deploy/package.json'].scripts.local).toBeUndefined();
    expect(out['model-build/.gitignore']).toMatch(new RegExp(`^${LOCAL_RUN_DIR.replace('.', '\\.')}/$`, 'm'));
    expect(out['model-deploy/.gitignore']).not.toContain(LOCAL_RUN_DIR);
    // The README's local MLflow store (MLFLOW_TRACKING_URI=file:./mlruns) holds the model's input example, rows of data.
    expect(out['model-build/.gitignore']).toMatch(/^mlruns\/$/m);
  });

  test('the READMEs explain each repository and its source', () => {
    expect(out['model-build/README.md']).toMatch(/^# player-churn — model-build/m);
    expect(out['model-build/README.md']).toContain('`acme/player-churn-model-build`, branch `main`');
    expect(out['model-build/README.md']).toContain('npx cdk bootstrap aws://<account>/eu-west-1');
    expect(out['model-deploy/README.md']).toContain('CodeCommit repository `player-churn-model-deploy`, branch `release`');
    expect(out['model-build/README.md']).not.toMatch(/placeholder/i);
  });

  test('the model-build README names its two stacks, the pipeline\'s steps and how to run it with other parameters', () => {
    const readme = out['model-build/README.md'];
    expect(readme).toContain('`player-churn-model-build-pipeline`: the CodePipeline (V2)');
    expect(readme).toContain('the SageMaker pipeline `player-churn-training`');
    expect(readme).toMatch(/`Preprocess`[^]*`Train`[^]*`Evaluate`[^]*`CheckAuc` \(AUC >= `TestScoreThreshold`, default 0.75\)[^]*`Register`[^]*`AucBelowThreshold`/);
    expect(readme).toContain('npx sagemaker-gitops run-pipeline --name player-churn-training --parameter TestScoreThreshold=0.8 --wait');
    // What RunSageMakerPipeline runs (model-build-pipeline-stack.test.ts reads it from the buildspec): with the CLI's
    // default --timeout of 120 minutes and no --stop-unfinished, a copy of a shorter command would leave an execution running.
    expect(readme).toContain('`sagemaker-gitops run-pipeline --name player-churn-training --wait --timeout 465 --stop-unfinished`');
    expect(readme).toContain('still running\n  after 465 minutes (then it stops the execution');
  });

  test('the model-deploy README documents the trigger, the rollback, the stages in order and the offline synth', () => {
    const readme = out['model-deploy/README.md'];
    expect(readme).toContain('deploys\n**the newest version that is approved at that moment**');
    expect(readme).toMatch(/rejecting the version that is live redeploys the newest version that is still approved: that is the rollback/);
    expect(readme).toMatch(/\*\*Build\*\*[^]*\*\*Staging\*\*[^]*\*\*TestStaging\*\*[^]*\*\*ApproveRelease\*\*[^]*\*\*Prod\*\*/);
    expect(readme).toContain('`npx sagemaker-gitops resolve-model --group player-churn --out resolved-model.json`');
    expect(readme).toContain('(serverless, 2048 MB, up to 5 concurrent invocations)');
    expect(readme).toMatch(/real-time, 1 × ml\.m5\.large; autoscaling 1\.\.4 instances[^]*all-at-once blue\/green/);
    expect(readme).toContain('`sagemaker-gitops:placeholder-model=true`');
    expect(readme).toContain('`npm run resolve-model`');
    expect(readme).not.toMatch(/foundation|storage/i);
    // The names and numbers the README repeats are the pipeline's own.
    expect(readme).toContain(`**${PROD_CHECK_ACTION}**`);
    expect(readme).toContain(`a ${PROD_SMOKE_TEST_ROWS}-row smoke test`);
    expect(readme).toContain('`REPLACE_ON_FAILURE`');
  });

  test('the model-deploy README follows the endpoint and release options', () => {
    const tuned = synth({
      ...options,
      endpoints: { staging: { type: 'realtime', instanceType: 'ml.c5.xlarge', autoscaling: false }, prod: { type: 'serverless', memorySizeInMb: 4096 } },
      release: { reviewerEmails: ['ana@example.com'], maxP95LatencyMs: 250 },
    })['model-deploy/README.md'];
    expect(tuned).toContain('deploys `player-churn-staging-endpoint` (real-time, 1 × ml.c5.xlarge)');
    expect(tuned).toContain('deploys `player-churn-prod-endpoint` (serverless, 4096 MB, up to 5 concurrent invocations)');
    expect(tuned).toContain('emails ana@example.com');
    expect(tuned).toContain('is under 250 ms');
  });

  test('the model-deploy README says what a Model Monitor schedule tells and where its violations are', () => {
    const monitored = synth({ ...options, endpoints: { prod: { type: 'realtime', modelMonitor: { schedule: 'cron(0 6 ? * * *)' } } } })['model-deploy/README.md'];
    expect(monitored).toContain('a SageMaker Model Monitor data-quality schedule (an execution that finds violations, and a job that fails or is stopped, notify the alert topic)');
  });

  // A stack whose first create failed stays in ROLLBACK_COMPLETE, which CloudFormation only deletes
  // (CodePipeline User Guide, "AWS CloudFormation deploy action reference": the action fails on a stack
  // in a failed state); the CDK CLI deletes such a stack itself before it creates it again.
  test('each README says how to retry a failed first deploy, per stack, and never to delete a production stack that holds the endpoint', () => {
    const build = out['model-build/README.md'];
    expect(build).toContain('- `player-churn-model-build-pipeline`: run `npm run deploy` again; the CDK CLI deletes the rolled-back stack');
    expect(build).toContain('`aws cloudformation delete-stack --stack-name player-churn-model-build --region eu-west-1`, then **Release change**');
    const deploy = out['model-deploy/README.md'];
    expect(deploy).toContain('- `player-churn-staging-endpoint`: nothing to do; the next release replaces it (`REPLACE_ON_FAILURE`).');
    expect(deploy).toMatch(/- `player-churn-prod-endpoint`: only while its status is `ROLLBACK_COMPLETE` \(it then holds no endpoint\), delete it,\n {2}`aws cloudformation delete-stack --stack-name player-churn-prod-endpoint --region eu-west-1`, then retry the stage\. In any other failed state,\n {2}never delete it/);
    const production = synth({ ...options, environments: { build: { account: '111111111111' }, staging: { account: '111111111111' }, prod: { account: '222222222222' } } })['model-deploy/README.md'];
    expect(production).toContain('--stack-name player-churn-prod-endpoint --region eu-west-1` with credentials for the production account, then retry the stage');
  });

  // AWS CDK Developer Guide, "Continuous integration and delivery (CI/CD) using CDK Pipelines": each
  // target account and region is bootstrapped, another account with --trust of the pipeline's account;
  // the CDK CLI refuses --trust without --cloudformation-execution-policies.
  test('the model-deploy README lists the bootstrap of every stage environment the build account\'s does not cover', () => {
    const single = out['model-deploy/README.md'];
    expect(single).toContain('- the account bootstrapped for the CDK: `npx cdk bootstrap aws://<account>/eu-west-1 -c sagemaker-gitops:placeholder-model=true`;');
    expect(single).not.toMatch(/--trust|bootstrapped in/);
    const spread = synth({ ...options, environments: { build: { account: '111111111111' }, staging: { account: '111111111111', region: 'us-east-1' }, prod: { account: '222222222222' } } });
    const readme = spread['model-deploy/README.md'];
    expect(readme).toContain('- the account bootstrapped for the CDK: `npx cdk bootstrap aws://111111111111/eu-west-1 -c sagemaker-gitops:placeholder-model=true`;\n'
      + '- the build account bootstrapped in us-east-1 too, for the staging stage: `npx cdk bootstrap aws://111111111111/us-east-1 -c sagemaker-gitops:placeholder-model=true`;\n'
      + '- the production account bootstrapped to trust the build account, with its own credentials: '
      + '`npx cdk bootstrap aws://222222222222/eu-west-1 --trust 111111111111 --cloudformation-execution-policies <policy ARN> -c sagemaker-gitops:placeholder-model=true`');
    // The model-build stacks deploy to the build account only.
    expect(spread['model-build/README.md']).not.toMatch(/--trust|bootstrapped in/);
    // Production in another account and region: that account trusts the build account, and the build
    // account in that region holds the pipeline's replication bucket (CDK Pipelines' cross-region support stack).
    const far = synth({ ...options, environments: { build: { account: '111111111111' }, staging: { account: '111111111111' }, prod: { account: '222222222222', region: 'us-east-1' } } })['model-deploy/README.md'];
    expect(far).toContain('- the production account bootstrapped to trust the build account, with its own credentials: '
      + '`npx cdk bootstrap aws://222222222222/us-east-1 --trust 111111111111 --cloudformation-execution-policies <policy ARN> -c sagemaker-gitops:placeholder-model=true`');
    expect(far).toContain('- the build account bootstrapped in us-east-1 too, for the production stage\'s replication bucket: `npx cdk bootstrap aws://111111111111/us-east-1 -c sagemaker-gitops:placeholder-model=true`;');
    const shared = synth({ ...options, environments: { build: { account: '111111111111' }, staging: { account: '333333333333' }, prod: { account: '333333333333' } } })['model-deploy/README.md'];
    expect(shared.match(/--trust/g)).toHaveLength(1);
    expect(shared).toContain('- the staging and production account bootstrapped to trust the build account, with its own credentials: `npx cdk bootstrap aws://333333333333/eu-west-1 --trust 111111111111');
  });

  // Every `npx sagemaker-gitops ...` command the generated READMEs show runs as written: its options are the
  // command's, and every option the command requires is there (commander stops at a missing one, exit 2).
  test('the generated READMEs\' CLI commands use the commands\' options, the required ones included', () => {
    const silent = { result: () => undefined, info: () => undefined };
    const shown = ['model-build/README.md', 'model-deploy/README.md'].flatMap((file) => [...String(out[file]).matchAll(/`npx sagemaker-gitops ([a-z-]+)([^`]*)`/g)]);
    expect(shown.map((m) => m[1])).toContain('approve-release');
    for (const [, name, rest] of shown) {
      const command = COMMANDS[name as keyof typeof COMMANDS].build(silent, {});
      const given = [...rest.matchAll(/(--[a-z-]+)/g)].map((m) => m[1]);
      expect({ name, unknown: given.filter((flag) => !command.options.some((o) => o.long === flag || o.long === `--no-${flag.slice(2)}`)) }).toEqual({ name, unknown: [] });
      expect({ name, missing: command.options.filter((o) => o.mandatory && !given.includes(o.long!)).map((o) => o.long) }).toEqual({ name, missing: [] });
    }
  });

  // AWS CDK CLI reference, "cdk bootstrap": in a folder with cdk.json the CLI synthesizes the app first, and the
  // model-deploy app refuses to without a model (resolved-model.json, which no release has written before the first
  // deploy): its bootstrap commands pass the placeholder model, as its `npm run deploy` does; model-build's need none.
  test('model-deploy\'s bootstrap commands pass the placeholder model its app needs to synthesize, as its deploy script does', () => {
    const deploy = out['model-deploy/README.md'];
    const commands = [...deploy.matchAll(/`(npx cdk bootstrap [^`]*)`/g)].map((m) => m[1]);
    expect(commands.length).toBeGreaterThan(0);
    const context = `-c ${PLACEHOLDER_MODEL_CONTEXT}=true`;
    expect(commands.filter((command) => !command.endsWith(` ${context}`))).toEqual([]);
    expect((out['model-deploy/package.json'] as any).scripts.deploy).toContain(context);
    expect(out['model-build/README.md']).not.toContain(PLACEHOLDER_MODEL_CONTEXT);
  });

  // Developer Tools console user guide, "Update a pending connection": a connection created with the CLI or
  // CloudFormation is PENDING until completed in the console; the pipelines start on a push (or an approval), so
  // completing it later starts nothing.
  test('each README says what to do when the first run failed at Source on a pending connection', () => {
    const connection = 'arn:aws:codeconnections:us-east-1:123456789012:connection/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    const readmes = synth({ ...options, source: { modelBuild: { connectionArn: connection, repository: 'acme/b' }, modelDeploy: { connectionArn: connection, repository: 'acme/d' } } });
    for (const repo of ['model-build', 'model-deploy']) {
      expect(readmes[`${repo}/README.md`]).toMatch(/stays PENDING until you complete it in the console[^]*push a commit, or choose \*\*Release change\*\*/);
    }
  });

  test('a placeholder connection ARN is called out in the README', () => {
    const placeholder = synth({ ...options, source: { ...options.source, modelBuild: { connectionArn: PLACEHOLDER_CONNECTION_ARN, repository: 'acme/b' } } });
    expect(placeholder['model-build/README.md']).toMatch(/The ARN above is a placeholder/);
  });

  test('every seed file is written, with the seed code\'s content', () => {
    for (const dir of ['model-build', 'model-deploy']) {
      const main = out[`${dir}/src/main.ts`];
      expect(main).toBe(fs.readFileSync(path.join(SEED_CODE_DIR, dir, 'src', 'main.ts'), 'utf-8'));
      expect(out[`${dir}/test/main.test.ts`]).toContain('readProjectConfig');
    }
    expect(out['model-build/src/main.ts']).toContain('new ModelBuildApp({ config, repoDir })');
    expect(out['model-deploy/src/main.ts']).toContain('new ModelDeployApp({ config, repoDir })');
  });

  test('custom folders', () => {
    const custom = synth({ ...options, modelBuildDir: 'repos/build', modelDeployDir: 'repos/deploy' });
    expect(custom['repos/build/package.json'].dependencies['sagemaker-gitops']).toBe(`file:vendor/sagemaker-gitops-${LIBRARY_VERSION}.tgz`);
    expect(custom['.gitignore']).toMatch(/^!\/repos\/build\/vendor\/\*\.tgz$/m);
    expect(custom['repos/deploy/cdk.json']).toBeDefined();
  });
});

describe('MlopsProject on disk', () => {
  function snapshotDir(dir: string): Record<string, string> {
    const files: Record<string, string> = {};
    const walk = (rel: string) => {
      for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
        const child = path.join(rel, entry.name);
        if (entry.isDirectory()) walk(child);
        else files[child] = fs.readFileSync(path.join(dir, child), 'utf-8');
      }
    };
    walk('');
    return files;
  }

  /** `npx projen --no-post`: the lock file's refresh is tested in repo-lockfile.test.ts. */
  function synthTo(outdir: string) {
    const project = newProject(outdir);
    new MlopsProject(project, options);
    process.env.PROJEN_DISABLE_POST = 'true';
    try {
      project.synth();
    } finally {
      delete process.env.PROJEN_DISABLE_POST;
    }
  }

  test('a second synth changes nothing', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlops-'));
    synthTo(outdir);
    const first = snapshotDir(outdir);
    synthTo(outdir);
    expect(snapshotDir(outdir)).toEqual(first);
    expect(Object.keys(first)).toEqual(expect.arrayContaining(['model-build/package.json', 'model-deploy/src/main.ts']));
  });

  test('seed files the team changed are never overwritten; managed files are restored', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlops-'));
    synthTo(outdir);
    const main = path.join(outdir, 'model-build', 'src', 'main.ts');
    fs.writeFileSync(main, '// ours now\n');
    const pkg = path.join(outdir, 'model-build', 'package.json');
    fs.chmodSync(pkg, 0o644);
    fs.writeFileSync(pkg, '{}');
    synthTo(outdir);
    expect(fs.readFileSync(main, 'utf-8')).toBe('// ours now\n');
    expect(JSON.parse(fs.readFileSync(pkg, 'utf-8')).name).toBe('player-churn-model-build');
  });

  test('a bad option fails before anything is written', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlops-'));
    const project = newProject(outdir);
    expect(() => new MlopsProject(project, { ...options, projectName: 'player_churn' })).toThrow(/projectName .*got "player_churn"/);
    expect(fs.readdirSync(outdir)).toEqual([]);
  });

  test.each([
    [{ modelBuildDir: '../elsewhere' }, /modelBuildDir must be a relative folder inside the project .*got "\.\.\/elsewhere"/],
    [{ modelDeployDir: '/abs' }, /modelDeployDir must be a relative folder/],
    [{ modelBuildDir: 'same', modelDeployDir: 'same' }, /modelBuildDir and modelDeployDir must differ, both are "same"/],
  ])('bad folders are rejected: %j', (dirs, message) => {
    expect(() => new MlopsProject(newProject(), { ...options, ...dirs })).toThrow(ConfigError);
    expect(() => new MlopsProject(newProject(), { ...options, ...dirs })).toThrow(message);
  });
});
