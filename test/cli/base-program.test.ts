import { Command } from 'commander';
import { awsClientOptions, baseProgram } from '../../src/cli/base-program';
import { withStderr } from '../helpers/cli-output';

/** A program with one subcommand that records the factory options it would pass. */
function program(): { root: Command; seen: unknown[] } {
  const seen: unknown[] = [];
  const root = baseProgram('test');
  root.addCommand(new Command('probe').exitOverride().action(function (this: Command) {
    seen.push(awsClientOptions(this));
  }));
  return { root, seen };
}

describe('baseProgram global options', () => {
  test('help lists --json, --region, --profile, --request-timeout and --debug', () => {
    const help = baseProgram('test').helpInformation();
    for (const option of ['--json', '--region <region>', '--profile <name>', '--request-timeout <seconds>', '--debug']) {
      expect(help).toContain(option);
    }
    expect(help).toContain('{"error": {...}} on stderr');
  });

  test('awsClientOptions passes the region, profile and request timeout (in ms), and leaves out what is not given', async () => {
    const given = program();
    await given.root.parseAsync(['--region', 'cn-north-1', '--profile', 'ml', '--request-timeout', '30', 'probe'], { from: 'user' });
    expect(given.seen).toEqual([{ region: 'cn-north-1', profile: 'ml', requestTimeoutMs: 30_000 }]);
    const none = program();
    await none.root.parseAsync(['probe'], { from: 'user' });
    expect(none.seen).toEqual([{}]);
    expect(Object.keys(none.seen[0] as object)).toEqual([]);
  });

  test.each([
    [['--region', 'mars-1', 'probe'], '--region must be an AWS region name such as us-east-1, us-gov-west-1 or cn-north-1'],
    [['--request-timeout', '0.5', 'probe'], '--request-timeout must be a number of seconds from 1 to 900, got 0.5'],
    [['--request-timeout', '901', 'probe'], '--request-timeout must be a number of seconds from 1 to 900, got 901'],
  ])('%j is a usage error naming the option, value and what is allowed', async (argv, message) => {
    const { root, seen } = program();
    const { value, stderr } = await withStderr(() => root.parseAsync(argv, { from: 'user' }).then(() => 'parsed', (err: { exitCode: number }) => err.exitCode));
    expect(value).toBe(1);
    expect(stderr).toContain(message);
    expect(seen).toEqual([]);
  });
});
