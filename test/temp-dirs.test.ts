import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { RUN_DIR_ENV, KEEP_ENV, MEMORY_FOLDER_NEEDS, removeInBackground, runParentDir, suiteDirPrefix, usableMemoryFolder } = require('./temp-dirs/paths');

const HOOKS = path.join(__dirname, 'temp-dirs');

/** Waits, up to 30 s, until `dir` is empty (a folder is deleted in the background: paths.js removeInBackground). */
function eventuallyEmpty(dir: string): string[] {
  const deadline = Date.now() + 30_000;
  let left = fs.readdirSync(dir);
  while (left.length > 0 && Date.now() < deadline) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    left = fs.readdirSync(dir);
  }
  return left;
}

/**
 * Runs `script` in a new Node.js process, as jest runs its hooks: outside a suite's sandbox, where
 * os.tmpdir() reads the process's own TMPDIR. `script` sees `hooks` (the folder of the hooks) and
 * `report(value)`; what it reports is returned.
 */
function inNode(script: string, env: NodeJS.ProcessEnv): any {
  const program = `const hooks = ${JSON.stringify(HOOKS)}; const fs = require('node:fs'); const os = require('node:os'); const path = require('node:path');
const report = (value) => process.stdout.write(JSON.stringify(value));
(async () => { ${script} })().catch((err) => { console.error(err); process.exit(1); });`;
  const result = spawnSync(process.execPath, ['-e', program], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf-8' });
  if (result.status !== 0) {
    throw new Error(`the script failed (exit ${result.status}):\n${result.stderr}`);
  }
  return JSON.parse(result.stdout);
}

/** Makes an environment as jest does for a test file (the fields jest-environment-node reads), sets it up, runs `during`, tears it down. */
const SUITE = `const Environment = require(path.join(hooks, 'environment'));
const env = new Environment({ projectConfig: { testEnvironmentOptions: {}, globals: {} }, globalConfig: {} }, { testPath: '/repo/test/widget.test.ts', docblockPragmas: {}, console });
await env.setup();
const dir = os.tmpdir();
const seen = { dir, suiteEnv: env.global.process.env.TMPDIR };
fs.mkdirSync(path.join(dir, 'cdk.outAbc', 'asset.1'), { recursive: true });
fs.writeFileSync(path.join(dir, 'cdk.outAbc', 'asset.1', 'index.js'), 'x');
await env.teardown();
report({ ...seen, exists: fs.existsSync(dir), after: os.tmpdir() });`;

describe('the temporary folders of a test run', () => {
  test('this suite writes into a folder of its own, inside the run\'s folder, and the processes it starts do too', () => {
    const runDir = process.env[RUN_DIR_ENV];
    expect(runDir).toBeDefined();
    const suiteDir = os.tmpdir();
    expect(path.dirname(suiteDir)).toBe(runDir);
    expect(path.basename(suiteDir)).toMatch(/^temp-dirs-\w{6}$/);
    expect(fs.statSync(suiteDir).isDirectory()).toBe(true);
    // A process started with the suite's environment, and one started with none given (the worker's).
    const script = 'process.stdout.write(require("node:os").tmpdir())';
    expect(spawnSync(process.execPath, ['-e', script], { env: process.env, encoding: 'utf-8' }).stdout).toBe(suiteDir);
    expect(spawnSync(process.execPath, ['-e', script], { encoding: 'utf-8' }).stdout).toBe(suiteDir);
  });

  test('a suite\'s folder is named after its test file', () => {
    expect(suiteDirPrefix('/repo/test/model-deploy/endpoint-stack.test.ts')).toBe('endpoint-stack-');
    expect(suiteDirPrefix('/repo/test/a b.spec.js')).toBe('a_b-');
  });

  test('the environment makes the suite\'s folder at setup and removes it, with what the suite wrote, at teardown', () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'scratch-'));
    const seen = inNode(SUITE, { TMPDIR: scratch });
    expect(path.dirname(seen.dir)).toBe(scratch);
    expect(path.basename(seen.dir)).toMatch(/^widget-\w{6}$/);
    // The suite's own process.env (jest's copy) names it too: the processes a test starts get it.
    expect(seen.suiteEnv).toBe(seen.dir);
    expect(seen.exists).toBe(false);
    expect(seen.after).toBe(scratch);
    expect(eventuallyEmpty(scratch)).toEqual([]);
  });

  test(`with ${KEEP_ENV}=1 the suite's folder is kept, to look at after a failure`, () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'scratch-'));
    const seen = inNode(SUITE, { TMPDIR: scratch, [KEEP_ENV]: '1' });
    expect(seen.exists).toBe(true);
    expect(fs.readFileSync(path.join(seen.dir, 'cdk.outAbc', 'asset.1', 'index.js'), 'utf-8')).toBe('x');
  });

  test('the global setup makes the run\'s folder and names it in TMPDIR; the global teardown removes it', () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'scratch-'));
    const seen = inNode(`await require(path.join(hooks, 'global-setup'))();
const runDir = process.env.${RUN_DIR_ENV};
const seen = { runDir, tmpdir: os.tmpdir() };
fs.writeFileSync(path.join(runDir, 'left-by-a-suite'), 'x');
await require(path.join(hooks, 'global-teardown'))();
report({ ...seen, exists: fs.existsSync(runDir) });`, { TMPDIR: scratch });
    expect(path.dirname(seen.runDir)).toBe(scratch);
    expect(path.basename(seen.runDir)).toMatch(/^sagemaker-gitops-jest-/);
    expect(seen.tmpdir).toBe(seen.runDir);
    expect(seen.exists).toBe(false);
    expect(fs.readdirSync(scratch)).toEqual([]);
  });

  test('a folder removed in the background is gone from its place at once, and then from the disk', () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'scratch-'));
    const install = path.join(scratch, 'copied-out-abc');
    fs.mkdirSync(path.join(install, 'node_modules', 'aws-cdk-lib'), { recursive: true });
    fs.writeFileSync(path.join(install, 'node_modules', 'aws-cdk-lib', 'index.js'), 'x');
    removeInBackground(install);
    expect(fs.existsSync(install)).toBe(false);
    expect(eventuallyEmpty(scratch)).toEqual([]);
    // A folder already gone is not an error.
    expect(() => removeInBackground(install)).not.toThrow();
  });

  test('the run\'s folder goes where TMPDIR says; else into the first memory-backed folder that can hold it; else the system\'s', () => {
    const probed: string[] = [];
    const usable = (ok: string[]) => (dir: string) => {
      probed.push(dir);
      return ok.includes(dir);
    };
    expect(runParentDir({ TMPDIR: '/chosen' }, ['/dev/shm'], usable(['/dev/shm']))).toBe('/chosen');
    expect(probed).toEqual([]);
    expect(runParentDir({}, ['/first', '/second'], usable(['/second']))).toBe('/second');
    expect(runParentDir({}, ['/first', '/second'], usable([]))).toBe(os.tmpdir());
    expect(probed).toEqual(['/first', '/second', '/first', '/second']);
  });

  test('a memory-backed folder is used only with room in it and in the machine\'s memory, and where programs written there start', () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'scratch-'));
    const none = { folderFree: 0, memoryFree: 0 };
    expect(usableMemoryFolder(scratch, none, 0)).toBe(true);
    // The probe program is removed again.
    expect(fs.readdirSync(scratch)).toEqual([]);
    const free = fs.statfsSync(scratch);
    expect(usableMemoryFolder(scratch, { folderFree: free.bavail * free.bsize * 2, memoryFree: 0 }, 0)).toBe(false);
    expect(usableMemoryFolder(scratch, { folderFree: 0, memoryFree: 2 ** 30 }, 2 ** 30 - 1)).toBe(false);
    expect(usableMemoryFolder(path.join(scratch, 'missing'), none, 0)).toBe(false);
    // A file is no folder to write into.
    fs.writeFileSync(path.join(scratch, 'file'), 'x');
    expect(usableMemoryFolder(path.join(scratch, 'file'), none, 0)).toBe(false);
    // Room for two suites' installs (about 2.5 GB at once) and the workers beside them.
    expect(MEMORY_FOLDER_NEEDS.folderFree).toBeGreaterThanOrEqual(4 * 2 ** 30);
    expect(MEMORY_FOLDER_NEEDS.memoryFree).toBeGreaterThan(MEMORY_FOLDER_NEEDS.folderFree);
  });
});
