/**
 * An option that takes one value, given twice, is a usage error: commander would keep the last
 * value without a word, and `cleanup --project a --project b` would act on b.
 */
import type { EventEmitter } from 'node:events';
import { Command, Option } from 'commander';
import { buildProgram, runCli } from '../../src/cli';
import { captureOutput, withStderr } from '../helpers/cli-output';

async function usage(argv: string[]): Promise<{ code: number; stderr: string }> {
  // Every case stops while the options are read, before any client is made.
  const { value, stderr } = await withStderr(() => runCli(argv, captureOutput()));
  return { code: value, stderr };
}

describe('an option given twice', () => {
  test.each([
    [['cleanup', '--project', 'churn-a', '--project', 'churn-b'], '--project'],
    [['approve-model', '3', '--group', 'player-churn', '--comment', 'looks good', '--comment', 'looks bad'], '--comment'],
    [['models', '--group', 'player-churn', '--group', 'other-group'], '--group'],
    [['--region', 'us-east-1', '--region', 'eu-west-1', 'models', '--group', 'player-churn'], '--region'],
    [['test-endpoint', '--endpoint', 'a', '--endpoint', 'b', '--payload', 'p.csv'], '--endpoint'],
  ])('%j is a usage error (exit 2) naming the option', async (argv, option) => {
    const { code, stderr } = await usage(argv);
    expect(code).toBe(2);
    expect(stderr).toContain(`error: ${option} is given more than once: it takes one value`);
  });

  test('options that collect their values, and flags, may repeat', async () => {
    const { code, stderr } = await usage(['run-pipeline', '--name', 'churn', '--parameter', 'A=1', '--parameter', 'B=2', '--timeout', '5']);
    // Not refused for repeating: the next check (--timeout needs --wait) speaks instead.
    expect(stderr).not.toContain('more than once');
    expect(stderr).toContain('--timeout, --stop-unfinished and --poll-interval only apply with --wait');
    expect(code).toBe(2);
  });

  test('every command\'s options that take one value are guarded, the collectors are not', () => {
    const program = buildProgram();
    const guarded: string[] = [];
    const free: string[] = [];
    const visit = (command: Command, path: string) => {
      for (const option of command.options as readonly Option[]) {
        if (!(option.required || option.optional)) {
          continue;
        }
        // commander's own listener, and ours when the option takes one value.
        ((command as unknown as EventEmitter).listenerCount(`option:${option.name()}`) === 2 ? guarded : free).push(`${path} ${option.long}`.trim());
      }
      command.commands.forEach((sub) => visit(sub, `${path} ${sub.name()}`));
    };
    visit(program, '');
    expect(free.sort()).toEqual(['local-run --parameter', 'resolve-model --endpoint-type', 'run-pipeline --parameter']);
    expect(guarded.length).toBeGreaterThan(50);
  });
});

describe('naming an existing project', () => {
  // A name an older version let through (its deploy then failed at the first bucket) must still be reachable by
  // cleanup: the S3 prefix rule applies where a new project's config is built, not to --project.
  test('cleanup --project takes a name with a prefix Amazon S3 reserves', async () => {
    // A bad --group, read after --project, stops the command before any AWS call.
    const { code, stderr } = await usage(['cleanup', '--project', 'sthree-churn', '--group', 'bad_x']);
    expect(code).toBe(2);
    expect(stderr).toContain('model package group name must be');
    expect(stderr).not.toContain('Amazon S3 reserves');
  });
});
