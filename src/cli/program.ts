import { Command, CommanderError } from 'commander';
import { baseProgram } from './base-program';
import { UsageError, missingFileOf } from '../aws/errors';
import { COMMANDS, CliDeps } from './commands';
import { reportError } from './error-report';
import { configureCommandHelp, usageHint } from './help';
import { Output, processOutput } from './output';
import { refuseRepeatedOptions } from './repeated-options';

export type { CliDeps } from './commands';

/** Exit codes: 0 success, 1 failure, 2 usage error. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/**
 * The CLI's command tree. The commands named in `load` (default: all) are built from their
 * modules; the others are placeholders with their description only, so that the top-level help
 * lists them without loading the AWS SDK, aws-cdk-lib or the local runner.
 */
export function buildProgram(output: Output = processOutput, deps: CliDeps = {}, load: ReadonlySet<string> | 'all' = 'all'): Command {
  const program = baseProgram('Run and review a sagemaker-gitops SageMaker MLOps project');
  for (const [name, entry] of Object.entries(COMMANDS)) {
    program.addCommand(load === 'all' || load.has(name) ? entry.build(output, deps) : placeholder(name, entry.description));
  }
  program.showHelpAfterError(usageHint(program));
  for (const command of program.commands) {
    configureCommandHelp(command.exitOverride());
  }
  refuseRepeatedOptions(program);
  return program;
}

/** A command listed in the help but not loaded: never run (runCli loads every command its arguments name). */
function placeholder(name: string, description: string): Command {
  return new Command(name).description(description).allowUnknownOption().allowExcessArguments().action(() => {
    throw new Error(`internal error: command ${name} was not loaded`);
  });
}

/**
 * Runs the CLI on `argv` (without the node and script entries) and returns the exit code:
 * usage errors are 2, failures 1 with the error's message on stderr.
 */
export async function runCli(argv: string[], output: Output = processOutput, deps: CliDeps = {}): Promise<number> {
  // Every argument that names a command loads it (an option's value may happen to be a command's name).
  const program = buildProgram(output, deps, new Set(argv.filter((arg) => Object.prototype.hasOwnProperty.call(COMMANDS, arg))));
  // With --json a usage error is the same one JSON line on stderr as any failure, not commander's text.
  const jsonUsage = jsonRequested(argv);
  if (jsonUsage) {
    quietCommanderErrors(program);
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version exit through here with code 0; commander already printed the message.
      if (err.exitCode !== 0 && jsonUsage) {
        // commander.help: no command given, where commander would print the help (to stderr) and exit 1.
        const message = err.code === 'commander.help' ? 'no command given: `sagemaker-gitops --help` lists the commands' : err.message.replace(/^error: /, '');
        reportError({ name: 'UsageError', message }, output, { json: true });
      }
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    const { json, debug } = program.opts<{ json?: boolean; debug?: boolean }>();
    reportError(err, output, { json, debug });
    // A missing input file is the same usage error (exit 2) in every command, as is a value judged after a read.
    return missingFileOf(err) === undefined && !(err instanceof UsageError) ? EXIT.failure : EXIT.usage;
  }
}

/** Whether the global --json is among the arguments (before a `--` that ends the options). */
function jsonRequested(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).includes('--json');
}

/** Stops commander writing its usage errors and the hint after them, in `command` and its subcommands. */
function quietCommanderErrors(command: Command): void {
  command.configureOutput({ outputError: () => undefined, writeErr: () => true });
  command.commands.forEach(quietCommanderErrors);
}
