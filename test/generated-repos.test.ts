/**
 * The committed model-build/ and model-deploy/ repos synthesize with the CDK CLI, with no AWS
 * credentials, loading exactly one aws-cdk-lib; and a generated repo works on its own, installed
 * from a packed sagemaker-gitops as a new team would push it. Needs `lib/` compiled (`npm test`
 * compiles before running jest).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { summarizeAssembly } from '../src/cli/assembly-summary';

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
    expect(stacksIn(path.join(ROOT, 'model-build', 'cdk.out'))).toEqual(['player-churn-model-build', 'player-churn-model-build-pipeline']);
    expect(stacksIn(path.join(ROOT, 'model-deploy', 'cdk.out'))).toEqual(['player-churn-model-deploy-pipeline', 'player-churn-prod-endpoint', 'player-churn-staging-endpoint']);
    // One record per process that loaded aws-cdk-lib (one app per synth, the summary), all the same copy.
    expect(new Set(loadedCdkLibs(recordDir))).toEqual(new Set([fs.realpathSync(path.join(ROOT, 'node_modules', 'aws-cdk-lib'))]));
  }, 120_000);
});

describe('standalone', () => {
  test('model-build installs from a packed sagemaker-gitops and synthesizes on its own', () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'standalone-'));
    const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf-8' }));
    const tarball = path.join(work, packed[0].filename);
    const packedFiles: string[] = packed[0].files.map((f: { path: string }) => f.path);
    expect(packedFiles).toEqual(expect.arrayContaining(['lib/index.js', 'lib/cli/main.js', 'seed-code/model-build/src/main.ts']));
    expect(packedFiles.filter((f) => /^(model-build|model-deploy|src|test)\//.test(f))).toEqual([]);

    // As a team would push it: the committed files only.
    const repo = path.join(work, 'model-build');
    fs.cpSync(path.join(ROOT, 'model-build'), repo, { recursive: true, filter: (src) => !/[\\/](node_modules|cdk\.out)$/.test(src) });
    const pkgFile = path.join(repo, 'package.json');
    fs.chmodSync(pkgFile, 0o644);
    const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf-8'));
    pkg.dependencies['sagemaker-gitops'] = `file:${tarball}`;
    fs.writeFileSync(pkgFile, JSON.stringify(pkg, null, 2));

    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: repo, stdio: 'pipe' });
    expect(fs.lstatSync(path.join(repo, 'node_modules', 'sagemaker-gitops')).isSymbolicLink()).toBe(false);

    const recordDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-lib-'));
    execFileSync('npx', ['--no-install', 'cdk', 'synth', '--no-notices', '--quiet'], { cwd: repo, env: offlineEnv(recordDir), stdio: 'pipe' });
    expect(stacksIn(path.join(repo, 'cdk.out'))).toEqual(['player-churn-model-build', 'player-churn-model-build-pipeline']);
    expect(loadedCdkLibs(recordDir)).toEqual([fs.realpathSync(path.join(repo, 'node_modules', 'aws-cdk-lib'))]);

    // Its own type-check and tests pass too.
    execFileSync('npm', ['run', 'build'], { cwd: repo, stdio: 'pipe' });
    execFileSync('npm', ['test', '--', '--ci'], { cwd: repo, stdio: 'pipe', env: { ...process.env, CI: 'true' } });
  }, 600_000);
});
