/**
 * The CLI starts without loading the AWS SDK, aws-cdk-lib or the local runner (issue 21, item 3):
 * `--help` and `--version` build placeholders from the command registry, and a command's module is
 * loaded only when the arguments name it.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { buildProgram, runCli } from '../../src/cli';
import { COMMANDS } from '../../src/cli/commands';
import { withStderr } from '../helpers/cli-output';

const ROOT = path.join(__dirname, '..', '..');
const silent = { result: () => undefined, info: () => undefined };

test('each registry entry builds the command of its name, with the description the help lists', () => {
  for (const [name, entry] of Object.entries(COMMANDS)) {
    const command = entry.build(silent, {});
    expect({ name: command.name(), description: command.description() }).toEqual({ name, description: entry.description });
  }
});

test('the top-level help lists every command from the placeholders alone', () => {
  const help = buildProgram(silent, {}, new Set()).helpInformation();
  for (const [name, entry] of Object.entries(COMMANDS)) {
    expect(help).toContain(name);
    expect(help.replace(/\s+/g, ' ')).toContain(entry.description.slice(0, 40));
  }
});

/** The modules a fresh Node.js process has loaded after running the CLI with `args` (the source, through tsx). */
function modulesLoadedBy(args: string[]): string[] {
  const script = `
    const { runCli } = require('./src/cli/program.ts');
    const silent = { result() {}, info() {} };
    process.stdout.write = () => true;
    runCli(${JSON.stringify(args)}, silent).then(() => {
      process.stderr.write(JSON.stringify(Object.keys(require.cache)));
    });`;
  const run = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: ROOT, encoding: 'utf-8' });
  expect(run.status).toBe(0);
  return JSON.parse(run.stderr.slice(run.stderr.indexOf('[')));
}

test.each([[['--help']], [['--version']]])('%j loads no AWS SDK client, no aws-cdk-lib and no local runner', (args) => {
  const loaded = modulesLoadedBy(args);
  expect(loaded.filter((file) => /node_modules\/@aws-sdk\//.test(file))).toEqual([]);
  expect(loaded.filter((file) => /node_modules\/aws-cdk-lib\//.test(file))).toEqual([]);
  expect(loaded.filter((file) => /src\/local-run\//.test(file))).toEqual([]);
}, 60_000);

test('a command loads its own module (models: the SageMaker client), not the other commands\' (the local runner)', () => {
  const loaded = modulesLoadedBy(['models', '--help']);
  expect(loaded.some((file) => /node_modules\/@aws-sdk\/client-sagemaker\//.test(file))).toBe(true);
  expect(loaded.filter((file) => /src\/cli\/(local-run|init|cleanup)\.ts$|src\/local-run\//.test(file))).toEqual([]);
}, 60_000);

test('a command runs from its loaded module even when an option\'s value names another command', async () => {
  // --profile status: "status" is loaded too (a value may name a command); models runs.
  const { value: code, stderr } = await withStderr(() => runCli(['--profile', 'status', 'models', '--group', 'bad_group'], silent));
  expect(code).toBe(2);
  // The error is the models command's own option parser: the real command was loaded, not a placeholder.
  expect(stderr).toMatch(/option '--group <name>' argument 'bad_group' is invalid\. model package group name must be/);
});
