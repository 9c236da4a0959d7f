/**
 * Every command's help shows the global options and one example, marks its required options, and
 * a usage error prints the error and one hint line rather than the whole help (issue 21, item 7).
 */
import { Command } from 'commander';
import { buildProgram, runCli } from '../../src/cli';
import { COMMAND_EXAMPLES } from '../../src/cli/help';
import { withStderr } from '../helpers/cli-output';

const silent = { result: () => undefined, info: () => undefined };
const program = buildProgram(silent);

/** The options a command accepts, its own and the global ones, by long flag. */
function flagsOf(command: Command): Set<string> {
  return new Set([...command.options, ...program.options].map((option) => option.long!).filter(Boolean));
}

test('every command has an example, and every example names the command and only options it has', () => {
  expect(program.commands.map((c) => c.name()).sort()).toEqual(Object.keys(COMMAND_EXAMPLES).sort());
  for (const command of program.commands) {
    const example = COMMAND_EXAMPLES[command.name()];
    expect(example.split(' ')[0]).toBe(command.name());
    const flags = example.match(/--[a-z0-9-]+/g) ?? [];
    const unknown = flags.filter((flag) => !flagsOf(command).has(flag));
    expect({ command: command.name(), unknown }).toEqual({ command: command.name(), unknown: [] });
  }
});

test('a command\'s help lists the global options and marks its required options', () => {
  const approve = program.commands.find((c) => c.name() === 'approve-release')!;
  const text = approve.helpInformation();
  const global = text.slice(text.indexOf('Global Options:'));
  for (const option of ['--json', '--region <region>', '--profile <name>', '--request-timeout <seconds>', '--debug']) {
    expect(global).toContain(option);
  }
  expect(text).toMatch(/--project <name>\s+\(required\) the project name/);
  expect(text).not.toMatch(/--dry-run\s+\(required\)/);
});

test('--help ends with the example', async () => {
  const written: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => (written.push(String(chunk)), true));
  try {
    expect(await runCli(['status', '--help'], silent)).toBe(0);
  } finally {
    spy.mockRestore();
  }
  expect(written.join('')).toMatch(/Example:\n {2}\$ sagemaker-gitops status --project player-churn\n$/);
});

test('a usage error prints the error and one hint line, not the whole help', async () => {
  const { value: code, stderr } = await withStderr(() => runCli(['status', '--projekt', 'x'], silent));
  expect(code).toBe(2);
  expect(stderr.trim().split('\n')).toEqual([
    expect.stringMatching(/^error: /),
    '(run sagemaker-gitops status --help for its options and an example)',
  ]);
});

test('an unknown command prints the error and the program\'s hint', async () => {
  const { value: code, stderr } = await withStderr(() => runCli(['statsu'], silent));
  expect(code).toBe(2);
  expect(stderr).toMatch(/^error: unknown command 'statsu'/);
  expect(stderr).toContain('(run sagemaker-gitops --help for its options and an example)');
  expect(stderr).not.toContain('Commands:');
});
