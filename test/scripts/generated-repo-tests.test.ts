import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * `npm test`'s last steps run each generated repository's `npm run build` and `npm test` through
 * scripts/generated-repo-tests.sh, which gives them a temporary folder of their own and removes it:
 * their tests synthesize with `new App()`, and aws-cdk-lib leaves a `cdk.out*` folder in TMPDIR.
 */
const SCRIPT = path.join(__dirname, '..', '..', 'scripts', 'generated-repo-tests.sh');
const BASH = fs.existsSync('/bin/bash') ? '/bin/bash' : 'bash';

/** A stand-in generated repository whose build and test record the TMPDIR they see and write into it, as a CDK app's test does. */
function fakeRepo(testExit: number): { repo: string; record: string } {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-generated-repo-'));
  const record = path.join(repo, 'tmpdirs.txt');
  const writeTmp = `echo "$TMPDIR" >> ${record} && mkdir -p "$TMPDIR/cdk.out.$$" && echo x > "$TMPDIR/cdk.out-file"`;
  fs.writeFileSync(path.join(repo, 'package.json'), JSON.stringify({
    name: 'fake-generated-repo',
    version: '0.0.0',
    private: true,
    scripts: { build: writeTmp, test: `${writeTmp} && exit ${testExit}` },
  }));
  return { repo, record };
}

function run(repo: string, env: NodeJS.ProcessEnv = {}) {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'generated-repo-tests-parent-'));
  const result = spawnSync(BASH, [SCRIPT, repo], {
    env: { ...process.env, TMPDIR: parent, npm_config_loglevel: 'silent', SAGEMAKER_GITOPS_KEEP_TEST_TMP: '', ...env },
    encoding: 'utf-8',
  });
  return { ...result, parent };
}

describe('scripts/generated-repo-tests.sh', () => {
  test('runs the repository\'s build then its tests with TMPDIR a folder of their own, removed afterwards', () => {
    const { repo, record } = fakeRepo(0);
    const result = run(repo);
    expect(result.status).toBe(0);
    const seen = fs.readFileSync(record, 'utf-8').trim().split('\n');
    // Build and test both ran, in the same folder, inside the TMPDIR the script was given.
    expect(seen).toHaveLength(2);
    expect(new Set(seen).size).toBe(1);
    expect(path.dirname(seen[0])).toBe(result.parent);
    expect(path.basename(seen[0])).toMatch(/^sagemaker-gitops-fake-generated-repo-[\w-]+-tests-/);
    expect(fs.existsSync(seen[0])).toBe(false);
    expect(fs.readdirSync(result.parent)).toEqual([]);
  }, 60_000);

  test('a failing test fails the step, and the folder is still removed', () => {
    const { repo, record } = fakeRepo(3);
    const result = run(repo);
    expect(result.status).not.toBe(0);
    const seen = fs.readFileSync(record, 'utf-8').trim().split('\n');
    expect(seen).toHaveLength(2);
    expect(fs.readdirSync(result.parent)).toEqual([]);
  }, 60_000);

  test('SAGEMAKER_GITOPS_KEEP_TEST_TMP=1 keeps the folder and says where it is', () => {
    const { repo, record } = fakeRepo(0);
    const result = run(repo, { SAGEMAKER_GITOPS_KEEP_TEST_TMP: '1' });
    expect(result.status).toBe(0);
    const folder = fs.readFileSync(record, 'utf-8').trim().split('\n')[0];
    expect(fs.existsSync(path.join(folder, 'cdk.out-file'))).toBe(true);
    expect(result.stderr).toContain(`kept ${folder}`);
  }, 60_000);

  test('a folder that is not a package is refused before anything runs', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'not-a-repo-'));
    const result = run(empty);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`generated-repo-tests: ${empty} has no package.json`);
    expect(fs.readdirSync(result.parent)).toEqual([]);
  });
});
