/**
 * The committed model-build/ and model-deploy/ repos synthesize with the CDK CLI, with no AWS
 * credentials, loading exactly one aws-cdk-lib, passing every AWS Control Tower proactive control
 * (or acknowledging it); each, copied out alone as a team would push it,
 * installs from its own lock file and vendored toolkit with its README's commands and CodeBuild's,
 * synthesizes and (model-build) runs its pipeline locally; and upgrading the toolkit is one
 * `npx projen`. Needs `lib/` compiled (`npm test` compiles before running jest). The slow suite of
 * the project: about 3.5 minutes on 2 cores with other suites running (npm installs from the npm cache).
 *
 * @slowSuite (test/slow-first-sequencer.js starts it first)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { summarizeAssembly } from '../src/cli/assembly-summary';
import { checkPython, choosePython } from '../src/local-run/python';
import { readLocalRegistry } from '../src/local-run/registry';
import { SYNTH_INSTALL_COMMANDS } from '../src/constructs/project-pipeline';
import { LIBRARY_VERSION, digestOfEntries, entriesOfTarball, integrityOf, lockfileProblems } from '../src/project';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { removeInBackground } = require('./temp-dirs/paths');

const ROOT = path.join(__dirname, '..');
const RECORDER = path.join(__dirname, 'fixtures', 'record-cdk-lib.js');

/** An environment with no AWS credentials or profile and the aws-cdk-lib recorder preloaded. */
function offlineEnv(recordDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: `--require ${RECORDER}`, RECORD_CDK_LIB_DIR: recordDir, CI: 'true' };
  for (const name of Object.keys(env).filter((n) => /^AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN|PROFILE|DEFAULT_PROFILE)$/.test(n))) {
    delete env[name];
  }
  env.AWS_CONFIG_FILE = '/nonexistent/aws-config';
  env.AWS_SHARED_CREDENTIALS_FILE = '/nonexistent/aws-credentials';
  return env;
}

function loadedCdkLibs(recordDir: string): string[] {
  return fs.readdirSync(recordDir).flatMap((file) => JSON.parse(fs.readFileSync(path.join(recordDir, file), 'utf-8')));
}

/** The unacknowledged findings of the AWS Control Tower plugin in an assembly's validation report, as `<control> <construct path>`. */
function controlTowerFindings(assembly: string): string[] {
  const report = JSON.parse(fs.readFileSync(path.join(assembly, 'validation-report.json'), 'utf-8'));
  const plugin = report.pluginReports.find((p: any) => p.pluginName === 'ControlTower');
  expect(plugin).toBeDefined();
  return plugin.violations.flatMap((v: any) => v.violatingConstructs.map((c: any) => `${v.ruleName} ${c.constructPath}`));
}

/** The stack names of a cloud assembly, nested stage assemblies included. */
function stacksIn(assembly: string): string[] {
  return summarizeAssembly(assembly).map((row) => row.stack).sort();
}

describe('in this repository', () => {
  test('`npm run synth`\'s script synthesizes both apps, prints the summary and loads aws-cdk-lib once per synth', () => {
    const recordDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-lib-'));
    const output = execFileSync('npx', ['tsx', 'projenrc/synth-apps.ts', 'model-build', 'model-deploy'], { cwd: ROOT, env: offlineEnv(recordDir), encoding: 'utf-8' });
    expect(output).toMatch(/model-build\s+player-churn-model-build\s+unknown-account\/us-east-1\s+\d+/);
    expect(output).toMatch(/model-deploy\s+player-churn-staging-endpoint/);
    expect(output).toMatch(/5 stack\(s\), \d+ resource\(s\)/);
    // The README shows this very output, row for row, under "npm run synth".
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf-8');
    const shown = /`npm run synth` compiles[\s\S]*?\n```\n([\s\S]*?)\n```/.exec(readme);
    expect(shown).not.toBeNull();
    expect(shown![1]).toBe(output.trimEnd());
    expect(stacksIn(path.join(ROOT, 'model-build', 'cdk.out'))).toEqual(['player-churn-model-build', 'player-churn-model-build-pipeline']);
    expect(stacksIn(path.join(ROOT, 'model-deploy', 'cdk.out'))).toEqual(['player-churn-model-deploy-pipeline', 'player-churn-prod-endpoint', 'player-churn-staging-endpoint']);
    // One record per process that loaded aws-cdk-lib (one app per synth, the summary), all the same copy.
    expect(new Set(loadedCdkLibs(recordDir))).toEqual(new Set([fs.realpathSync(path.join(ROOT, 'node_modules', 'aws-cdk-lib'))]));
    // Every AWS Control Tower proactive control (AWS Control Tower Controls Reference Guide) ran on
    // the example's templates and passes or is acknowledged with a reason.
    for (const dir of ['model-build', 'model-deploy']) {
      expect(controlTowerFindings(path.join(ROOT, dir, 'cdk.out'))).toEqual([]);
    }
  }, 120_000);
});


/** npm's settings for every install here: from the machine's npm cache where it can, quietly. */
const NPM_ENV = { npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_loglevel: 'error' };

/** The files of a generated repo as they would be committed: git's tracked and new files, nothing it ignores. */
function committedFiles(dir: string): string[] {
  return execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z', '--', dir], { cwd: ROOT, encoding: 'utf-8' })
    .split('\0').filter((file) => file.length > 0 && fs.existsSync(path.join(ROOT, file)));
}

/**
 * The temporary folders of this file's tests that hold an `npm ci` (about 400 MB each): removed
 * when their test ends, so that the suite holds one at a time (test/temp-dirs/paths.js).
 */
const installFolders: string[] = [];
afterEach(() => {
  for (const dir of installFolders.splice(0)) {
    removeInBackground(dir);
  }
});

/** A new temporary folder that is removed when the test ends (installFolders). */
function installFolder(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  installFolders.push(dir);
  return dir;
}

/** Copies a generated repo's committed files, alone, into a new temporary folder. */
function copyOut(dir: string): string {
  const repo = path.join(installFolder('copied-out-'), dir);
  for (const file of committedFiles(dir)) {
    const target = path.join(repo, path.relative(dir, file));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(ROOT, file), target);
  }
  return repo;
}

/** The commands of the ```sh blocks of a README's section (from `heading` to the next `## `), without their comments. */
function readmeCommands(readme: string, heading: string): string[] {
  const start = readme.indexOf(`${heading}\n`);
  if (start < 0) {
    throw new Error(`the README has no section ${heading}`);
  }
  const end = readme.indexOf('\n## ', start + heading.length);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)]
    .flatMap((block) => block[1].split('\n'))
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line.length > 0);
}

function sh(command: string, cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync('bash', ['-c', command], { cwd, env: { ...env, ...NPM_ENV }, encoding: 'utf-8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(`\`${command}\` failed in ${cwd} (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout + result.stderr;
}

/** The install commands of the CodeBuild synth step of the pipeline stack in a cloud assembly. */
function codeBuildInstallCommands(assembly: string): string[] {
  for (const file of fs.readdirSync(assembly).filter((f) => f.endsWith('-pipeline.template.json'))) {
    const resources = Object.values<any>(JSON.parse(fs.readFileSync(path.join(assembly, file), 'utf-8')).Resources);
    const synth = resources.find((r) => r.Type === 'AWS::CodeBuild::Project' && String(r.Properties.Source.BuildSpec).includes('cdk synth'));
    if (synth) {
      return JSON.parse(synth.Properties.Source.BuildSpec).phases.install.commands;
    }
  }
  throw new Error(`no pipeline stack with a synth step in ${assembly}`);
}

/**
 * `npm run local` runs the step scripts with the python the local run chooses (Debian's, or
 * SAGEMAKER_GITOPS_PYTHON): without pandas, scikit-learn and XGBoost there, the test fails, naming
 * the modules and the install command, rather than skip.
 */
function requirePythonForLocalRun(): void {
  checkPython(choosePython());
}

describe('a generated repo copied out alone', () => {
  // Each repo installs once: model-build with its README's command, model-deploy with CodeBuild's install
  // commands, which both synthesized pipelines are then checked to run.
  test.each([
    ['model-build', 'README', ['player-churn-model-build', 'player-churn-model-build-pipeline']],
    ['model-deploy', 'CodeBuild', ['player-churn-model-deploy-pipeline', 'player-churn-prod-endpoint', 'player-churn-staging-endpoint']],
  ])('%s installs from its lock and vendored toolkit with its %s install commands, and synthesizes offline', (dir, installer, stacks) => {
    const files = committedFiles(dir);
    expect(files).toEqual(expect.arrayContaining([`${dir}/package-lock.json`, `${dir}/vendor/sagemaker-gitops-${LIBRARY_VERSION}.tgz`, `${dir}/vendor/check-toolkit.js`]));
    const repo = copyOut(dir);
    const readme = fs.readFileSync(path.join(repo, 'README.md'), 'utf-8');
    const quickStart = readmeCommands(readme, '## Quick start');
    expect(quickStart).toEqual(['node vendor/check-toolkit.js && npm ci', 'npm run build', 'npm test', 'npm run synth']);

    if (installer === 'README') {
      // A tarball missing, or not the one the lock pins: the check stops the install (before npm runs), naming it and the fix.
      const tarball = path.join(repo, 'vendor', `sagemaker-gitops-${LIBRARY_VERSION}.tgz`);
      const pinned = integrityOf(tarball);
      const failure = () => {
        try {
          sh(quickStart[0], repo);
        } catch (err) {
          return (err as Error).message;
        }
        throw new Error(`${quickStart[0]} passed with a bad vendored tarball`);
      };
      fs.renameSync(tarball, `${tarball}.moved`);
      expect(failure()).toContain(`vendor/sagemaker-gitops-${LIBRARY_VERSION}.tgz is missing: package.json installs sagemaker-gitops from it and package-lock.json expects integrity ${pinned}.`);
      fs.writeFileSync(tarball, 'another tarball');
      const mismatch = failure();
      expect(mismatch).toContain(`vendor/sagemaker-gitops-${LIBRARY_VERSION}.tgz does not match package-lock.json: the lock expects integrity ${pinned}, the file has ${integrityOf(tarball)}.`);
      expect(mismatch).toContain('vendor/ and package-lock.json are written together by `npx projen` in the projen project sagemaker-gitops that generates this repository: run it there and commit both.');
      expect(mismatch).not.toMatch(/EINTEGRITY|ENOENT/);
      fs.rmSync(tarball);
      fs.renameSync(`${tarball}.moved`, tarball);
      expect(fs.existsSync(path.join(repo, 'node_modules'))).toBe(false);
    }
    sh(installer === 'README' ? quickStart[0] : SYNTH_INSTALL_COMMANDS.join(' && '), repo);
    expect(fs.lstatSync(path.join(repo, 'node_modules', 'sagemaker-gitops')).isSymbolicLink()).toBe(false);
    expect(JSON.parse(fs.readFileSync(path.join(repo, 'node_modules', 'sagemaker-gitops', 'package.json'), 'utf-8')).version).toBe(LIBRARY_VERSION);

    const recordDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-lib-'));
    sh('npm run synth', repo, offlineEnv(recordDir));
    expect(stacksIn(path.join(repo, 'cdk.out'))).toEqual(stacks);
    expect(new Set(loadedCdkLibs(recordDir))).toEqual(new Set([fs.realpathSync(path.join(repo, 'node_modules', 'aws-cdk-lib'))]));
    // CodeBuild's install, in the synthesized pipeline: the same check, then `npm ci`.
    expect(codeBuildInstallCommands(path.join(repo, 'cdk.out'))).toEqual(['[ ! -f vendor/check-toolkit.js ] || node vendor/check-toolkit.js', 'npm ci --no-audit --no-fund']);

    if (dir === 'model-build') {
      expect(readme).toContain('`npm run local');
      requirePythonForLocalRun();
      const output = sh('npm run local', repo);
      expect(output).toMatch(/test AUC: 0\.\d+/);
      expect(JSON.parse(fs.readFileSync(path.join(repo, '.local-run', 'registry.json'), 'utf-8'))).toBeTruthy();
    }
  }, 600_000);
});

describe('in this repository, the README\'s commands', () => {
  test('`npm run local` in model-build runs the pipeline through the root\'s install', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf-8');
    // The section's commands: a copied-out repo's install and synth (the tests above run them), then this one.
    expect(readmeCommands(readme, '## What is generated')).toEqual(['node vendor/check-toolkit.js && npm ci && npm run synth', 'cd model-build && npm run local']);
    const command = 'cd model-build && npm run local';
    requirePythonForLocalRun();
    // The run registers its version in model-build/.local-run/registry.json and leaves its work folder
    // beside it: `npm test` leaves nothing behind, so the run's own entries go and the registry's
    // content is put back. Nothing there before is moved or copied: a run cut short loses nothing.
    const localRun = path.join(ROOT, 'model-build', '.local-run');
    const registryFile = path.join(localRun, 'registry.json');
    const entriesBefore = fs.existsSync(localRun) ? new Set(fs.readdirSync(localRun)) : undefined;
    const registryBefore = fs.existsSync(registryFile) ? fs.readFileSync(registryFile) : undefined;
    const versions = () => readLocalRegistry(registryFile).modelPackageGroups['player-churn']?.length ?? 0;
    const versionsBefore = versions();
    try {
      expect(sh(command!, ROOT)).toMatch(/test AUC: 0\.\d+/);
      expect(versions()).toBe(versionsBefore + 1);
    } finally {
      if (entriesBefore === undefined) {
        fs.rmSync(localRun, { recursive: true, force: true });
      } else {
        for (const entry of fs.readdirSync(localRun).filter((name) => !entriesBefore.has(name) && name !== 'registry.json')) {
          fs.rmSync(path.join(localRun, entry), { recursive: true, force: true });
        }
        if (registryBefore === undefined) {
          fs.rmSync(registryFile, { force: true });
        } else {
          fs.writeFileSync(registryFile, registryBefore);
        }
      }
    }
  }, 300_000);
});

describe('upgrading the toolkit in a team\'s projen project', () => {
  /** The package `npm pack` makes of this repository, installed as npm installs it into `<project>/node_modules`. */
  function installToolkit(project: string, tarball: string, version?: string): void {
    const dir = path.join(project, 'node_modules', 'sagemaker-gitops');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    execFileSync('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1']);
    if (version !== undefined) {
      // A newer release: its package.json and its library agree on the new version.
      const manifest = path.join(dir, 'package.json');
      fs.writeFileSync(manifest, JSON.stringify({ ...JSON.parse(fs.readFileSync(manifest, 'utf-8')), version }, null, 2));
      const versions = path.join(dir, 'lib', 'app-context', 'versions.js');
      fs.writeFileSync(versions, fs.readFileSync(versions, 'utf-8').replace(`LIBRARY_VERSION = '${LIBRARY_VERSION}'`, `LIBRARY_VERSION = '${version}'`));
    }
  }

  test('a new toolkit version and one `npx projen`: tarball replaced, lock updated, `npm ci` installs the new version', () => {
    const work = installFolder('upgrade-');
    const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf-8' }))[0];
    const tarball = path.join(work, packed.filename);

    // The team's projen project: its other packages are this repository's (projen, aws-cdk-lib, ...).
    const project = path.join(work, 'churn-mlops');
    fs.mkdirSync(path.join(project, 'node_modules'), { recursive: true });
    for (const entry of fs.readdirSync(path.join(ROOT, 'node_modules')).filter((e) => !e.startsWith('.') && e !== 'sagemaker-gitops')) {
      fs.symlinkSync(path.join(ROOT, 'node_modules', entry), path.join(project, 'node_modules', entry));
    }
    fs.writeFileSync(path.join(project, '.projenrc.js'), [
      'const { Project } = require(\'projen\');',
      'const { MlopsProject } = require(\'sagemaker-gitops/lib/project\');',
      'const project = new Project({ name: \'churn-mlops\' });',
      'new MlopsProject(project, {',
      '  projectName: \'churn\', region: \'us-east-1\',',
      '  source: { modelBuild: { codeCommitRepository: \'churn-build\' }, modelDeploy: { codeCommitRepository: \'churn-deploy\' } },',
      '});',
      'project.synth();',
    ].join('\n'));
    const repo = path.join(project, 'model-build');
    const lockedToolkit = () => JSON.parse(fs.readFileSync(path.join(repo, 'package-lock.json'), 'utf-8')).packages['node_modules/sagemaker-gitops'];

    installToolkit(project, tarball);
    sh('node .projenrc.js', project);
    const first = path.join(repo, 'vendor', `sagemaker-gitops-${LIBRARY_VERSION}.tgz`);
    // Packed from the installed package, it has the very entries `npm pack` packed here.
    expect(digestOfEntries(entriesOfTarball(first))).toBe(digestOfEntries(entriesOfTarball(tarball)));
    expect(lockedToolkit()).toMatchObject({ version: LIBRARY_VERSION, integrity: integrityOf(first) });

    const next = `${LIBRARY_VERSION}-upgrade.1`;
    installToolkit(project, tarball, next);
    sh('node .projenrc.js', project);
    expect(fs.readdirSync(path.join(repo, 'vendor')).sort()).toEqual(['check-toolkit.js', `sagemaker-gitops-${next}.tgz`]);
    const upgraded = path.join(repo, 'vendor', `sagemaker-gitops-${next}.tgz`);
    expect(JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf-8')).dependencies['sagemaker-gitops']).toBe(`file:vendor/sagemaker-gitops-${next}.tgz`);
    expect(lockedToolkit()).toMatchObject({ version: next, resolved: `file:vendor/sagemaker-gitops-${next}.tgz`, integrity: integrityOf(upgraded) });
    expect(lockfileProblems(path.join(project, 'model-deploy'))).toEqual([]);

    sh(readmeCommands(fs.readFileSync(path.join(repo, 'README.md'), 'utf-8'), '## Quick start')[0], repo);
    expect(JSON.parse(fs.readFileSync(path.join(repo, 'node_modules', 'sagemaker-gitops', 'package.json'), 'utf-8')).version).toBe(next);
  }, 600_000);
});
