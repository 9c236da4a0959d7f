import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  RELEASE_TOOLS_DIR, RELEASE_TOOLS_FILE, bundleReleaseTools, bundleReleaseToolsCommand, releaseToolsCommand, releaseToolsEntry,
} from '../../src/constructs/release-tools';

const REPO = path.join(__dirname, '..', '..');

/** Runs the bundle with node from a folder with no node_modules anywhere above it, as a CodeBuild step does without an install. */
function runBundle(bundle: string, args: string[]) {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'release-tools-run-'));
  const result = spawnSync(process.execPath, [bundle, ...args], { cwd, encoding: 'utf-8', env: { PATH: process.env.PATH, NODE_PATH: '' } });
  fs.rmSync(cwd, { recursive: true, force: true });
  return result;
}

describe('the release tools bundle', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'release-tools-'));
  // Bundled from the source entry with the repository's esbuild (through tsx), as the synth step does from the package.
  const bundle = bundleReleaseTools(out, { entry: releaseToolsEntry(path.join(REPO, 'src', 'constructs')), from: REPO });
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  test('is one file that runs without node_modules and offers the four commands the pipelines run', () => {
    expect(bundle).toBe(path.join(out, RELEASE_TOOLS_FILE));
    expect(fs.readdirSync(out)).toEqual([RELEASE_TOOLS_FILE]);
    const help = runBundle(bundle, ['--help']);
    expect(help.status).toBe(0);
    for (const command of ['run-pipeline', 'verify-release', 'test-endpoint', 'compare-shadow']) {
      expect(help.stdout).toMatch(new RegExp(`^  ${command} \\[options\\]`, 'm'));
    }
    // aws-cdk-lib stays out: the steps that run the bundle have no node_modules.
    expect(fs.readFileSync(bundle, 'utf-8')).not.toMatch(/require\(["']aws-cdk-lib["']\)/);
  });

  test('keeps the CLI\'s options and exit codes: usage errors 2, failures 1 with the reason', () => {
    const usage = runBundle(bundle, ['verify-release', '--endpoint', 'e']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("required option '--stack <name>' not specified");
    const missing = runBundle(bundle, ['verify-release', '--stack', 's', '--endpoint', 'e', '--model', 'nowhere/resolved-model.json', '--region', 'us-east-1']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^error: no resolved model: .*nowhere\/resolved-model.json does not exist/m);
    const run = runBundle(bundle, ['run-pipeline', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('--wait');
    // The shadow release's CompareShadow step runs compare-shadow from the bundle.
    const shadow = runBundle(bundle, ['compare-shadow', '--help']);
    expect(shadow.status).toBe(0);
    expect(shadow.stdout).toContain('--variables-file');
  });
});

describe('the commands around it', () => {
  test('the synth step bundles from the installed toolkit into its second output; later steps run it with node', () => {
    expect(bundleReleaseToolsCommand('sagemaker-gitops')).toBe(
      `node -e "require('sagemaker-gitops/lib/model-deploy/release-tools').bundleReleaseTools('${RELEASE_TOOLS_DIR}')"`,
    );
    expect(releaseToolsCommand(RELEASE_TOOLS_DIR, 'test-endpoint --endpoint e')).toBe('node release-tools/sagemaker-gitops.js test-endpoint --endpoint e');
  });

  test('the entry is the CLI\'s compiled file in the package, the TypeScript source otherwise', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'release-tools-entry-'));
    const constructs = path.join(dir, 'constructs');
    fs.mkdirSync(path.join(dir, 'cli'));
    expect(releaseToolsEntry(constructs)).toBe(path.join(dir, 'cli', 'release-tools-cli.ts'));
    fs.writeFileSync(path.join(dir, 'cli', 'release-tools-cli.js'), '');
    expect(releaseToolsEntry(constructs)).toBe(path.join(dir, 'cli', 'release-tools-cli.js'));
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
