/**
 * The README's "Start a new project" path, run verbatim: its shell block runs in a copy of this
 * repository as a fresh clone has it (the files git tracks or would track: no node_modules, no
 * lib/), in a temporary folder, with npm allowed only its cache and the registry. Then both
 * generated repositories must exist and be synthesized, and the README's "Declaring a project"
 * example must run as a `.projenrc.ts` in the new project.
 *
 * Slow (an npm ci, a compile, three npm installs, projen and two synths: the README's commands took
 * 2m31s and 3m15s on 2 busy cores), so everything runs once, in beforeAll, and the tests read what it
 * left; the run prints the time of each step init ran.
 *
 * @slowSuite (test/slow-first-sequencer.js starts it first)
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { initPaths } from '../src/cli/init-files';
import { LIBRARY_VERSION } from '../src/app-context/versions';
import { digestOfEntries, entriesOfTarball } from '../src/project/toolkit-package';

jest.setTimeout(20 * 60 * 1000);

const REPO_ROOT = path.join(__dirname, '..');
const README = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf-8');
const TARBALL = `vendor/sagemaker-gitops-${LIBRARY_VERSION}.tgz`;

/** The first fenced block of `language` in the README section headed `## <title>`. */
function readmeBlock(title: string, language: string): string {
  const start = README.indexOf(`\n## ${title}\n`);
  expect(start).toBeGreaterThanOrEqual(0);
  const section = README.slice(start + 1).split(/\n## /)[0];
  const match = new RegExp('```' + language + '\\n([^]*?)\\n```').exec(section);
  if (!match) {
    throw new Error(`README section "${title}" has no \`\`\`${language} block`);
  }
  return match[1];
}

/** Copies what a clone of this repository holds: tracked files and untracked ones git would not ignore. */
function copyCheckout(target: string): void {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO_ROOT, encoding: 'utf-8', maxBuffer: 64 * 1024 * 1024 });
  if (listed.status !== 0) {
    throw new Error(`git ls-files failed in ${REPO_ROOT}: ${listed.error?.message ?? listed.stderr}`);
  }
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    const from = path.join(REPO_ROOT, file);
    if (fs.existsSync(from)) {
      fs.mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
      fs.copyFileSync(from, path.join(target, file));
      fs.chmodSync(path.join(target, file), fs.statSync(from).mode);
    }
  }
}

const block = readmeBlock('Start a new project', 'sh');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-new-project-'));
const clone = path.join(work, 'sagemaker-gitops');
/** The folder the block's `init` creates, relative to the clone. */
const project = path.resolve(clone, /\binit\s+(\S+)/.exec(block)?.[1] ?? 'init-folder-not-found');
/**
 * This process's environment as a fresh shell would have it: without what `npm test` and projen add
 * (npm_* and PROJEN_* variables, this checkout's node_modules/.bin on PATH), plus npm's cache first.
 */
const env = {
  ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(npm_|PROJEN_)/i.test(name))),
  PATH: (process.env.PATH ?? '').split(path.delimiter).filter((dir) => !dir.startsWith(path.join(REPO_ROOT, 'node_modules'))).join(path.delimiter),
  CI: 'true',
  npm_config_prefer_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};
let run: { status: number | null; output: string; seconds: number };

beforeAll(() => {
  copyCheckout(clone);
  const started = Date.now();
  const result = spawnSync('bash', ['-euo', 'pipefail', '-c', block], { cwd: clone, env, encoding: 'utf-8', maxBuffer: 256 * 1024 * 1024 });
  run = { status: result.status, output: `${result.stdout}\n${result.stderr}`, seconds: (Date.now() - started) / 1000 };
  const ranLines = /^ran:\n(( {2}.*\n)+)/m.exec(result.stdout)?.[1] ?? '';
  process.stderr.write(`README "Start a new project" ran in ${run.seconds.toFixed(0)} s; init's steps:\n${ranLines}`);
});

// Its two node_modules trees (~900 MB) are deleted with the suite's temporary folder, in the
// background while the other suites run (test/temp-dirs/environment.js).

describe('README: Start a new project, verbatim', () => {
  test('the commands succeed', () => {
    expect(block).toMatch(/\bnode lib\/cli\/main\.js init \S+/);
    if (run.status !== 0) {
      throw new Error(`the README's commands failed (exit ${run.status}):\n${run.output.slice(-8000)}`);
    }
    expect(run.output).toMatch(/created the projen project churn-mlops \(us-east-1\) in /);
  });

  test.each(['model-build', 'model-deploy'])('%s is generated and synthesized', (repo) => {
    const dir = path.join(project, repo);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'sagemaker-gitops.json'), 'utf-8')).projectName).toBe('churn-mlops');
    expect(fs.existsSync(path.join(dir, 'src', 'main.ts'))).toBe(true);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'cdk.out', 'manifest.json'), 'utf-8'));
    expect(Object.keys(manifest.artifacts)).toContain(`churn-mlops-${repo}-pipeline`);
    expect(fs.existsSync(path.join(dir, 'cdk.out', `churn-mlops-${repo}-pipeline.template.json`))).toBe(true);
  });

  test('the project installs the vendored toolkit, with npm, never the name from a registry', () => {
    const packageJson = JSON.parse(fs.readFileSync(path.join(project, 'package.json'), 'utf-8'));
    expect(packageJson.devDependencies['sagemaker-gitops']).toBe(`file:${TARBALL}`);
    expect(fs.existsSync(path.join(project, TARBALL))).toBe(true);
    const lock = JSON.parse(fs.readFileSync(path.join(project, 'package-lock.json'), 'utf-8'));
    expect(lock.packages['node_modules/sagemaker-gitops']).toMatchObject({ resolved: `file:${TARBALL}`, version: LIBRARY_VERSION });
    expect(lock.packages['node_modules/sagemaker-gitops'].integrity).toMatch(/^sha512-/);
    expect(fs.existsSync(path.join(project, 'yarn.lock'))).toBe(false);
  });

  test.each(['model-build', 'model-deploy'])('%s has its own lock file, pinning its vendored toolkit', (repo) => {
    const lock = JSON.parse(fs.readFileSync(path.join(project, repo, 'package-lock.json'), 'utf-8'));
    expect(lock.packages[''].dependencies['sagemaker-gitops']).toBe(`file:${TARBALL}`);
    const tarball = fs.readFileSync(path.join(project, repo, TARBALL));
    expect(lock.packages['node_modules/sagemaker-gitops'].integrity).toBe(`sha512-${createHash('sha512').update(tarball).digest('base64')}`);
    // The toolkit init vendored into the project, and the one `npx projen` vendored into the repository: the same content.
    expect(digestOfEntries(entriesOfTarball(path.join(project, repo, TARBALL)))).toBe(digestOfEntries(entriesOfTarball(path.join(project, TARBALL))));
  });

  test('every file projen manages is one init --force refuses to overwrite', () => {
    const managed: string[] = JSON.parse(fs.readFileSync(path.join(project, '.projen', 'files.json'), 'utf-8')).files;
    const paths = initPaths(TARBALL);
    expect(managed.filter((file) => !paths.some((p) => file === p || file.startsWith(`${p}/`)))).toEqual([]);
  });

  test('the .projenrc.ts init wrote type-checks (`npx projen compile`, the first step of `npx projen build`)', () => {
    const compile = spawnSync('npx', ['projen', 'compile'], { cwd: project, env, encoding: 'utf-8' });
    if (compile.status !== 0) {
      throw new Error(`npx projen compile failed (exit ${compile.status}):\n${compile.stdout}\n${compile.stderr}`);
    }
  });

  test('`npx projen` again changes nothing', () => {
    const before = fs.readFileSync(path.join(project, 'model-build', 'package.json'), 'utf-8');
    const again = spawnSync('npx', ['projen', '--no-post'], { cwd: project, env, encoding: 'utf-8' });
    expect(again.status).toBe(0);
    expect(fs.readFileSync(path.join(project, 'model-build', 'package.json'), 'utf-8')).toBe(before);
  });
});

describe('README: Declaring a project', () => {
  test('the example runs as a .projenrc.ts in the new project', () => {
    expect(run.status).toBe(0);
    const example = path.join(project, 'readme-example');
    fs.mkdirSync(path.join(example, 'vendor'), { recursive: true });
    fs.copyFileSync(path.join(project, TARBALL), path.join(example, TARBALL));
    fs.writeFileSync(path.join(example, '.projenrc.ts'), readmeBlock('Declaring a project', 'ts'));
    // Its imports resolve to the new project's node_modules; no install of its own (no post-synth steps).
    const result = spawnSync('npx', ['tsx', '.projenrc.ts'], { cwd: example, env: { ...env, PROJEN_DISABLE_POST: 'true' }, encoding: 'utf-8' });
    if (result.status !== 0) {
      throw new Error(`the README's example failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
    }
    const config = JSON.parse(fs.readFileSync(path.join(example, 'model-build', 'sagemaker-gitops.json'), 'utf-8'));
    expect(config).toMatchObject({ projectName: 'player-churn', qualityThreshold: 0.8 });
    expect(JSON.parse(fs.readFileSync(path.join(example, 'package.json'), 'utf-8')).devDependencies['sagemaker-gitops']).toBe(`file:${TARBALL}`);
  });
});
