#!/usr/bin/env node
/**
 * The entry of the release tools bundle (see constructs/release-tools.ts): the CLI's commands that the
 * pipelines' CodeBuild steps after the synth step run (run-pipeline, verify-release,
 * test-endpoint, compare-shadow, release-order-check), with the CLI's global options, usage errors and exit codes, and nothing that
 * loads aws-cdk-lib, so that the bundle runs without the repository's node_modules.
 */
import { Command, CommanderError } from 'commander';
import { compareShadowCommand } from './compare-shadow';
import { releaseOrderCheckCommand } from './release-order-check';
import { processOutput } from './output';
import { runPipelineCommand } from './run-pipeline';
import { testEndpointCommand } from './test-endpoint';
import { verifyReleaseCommand } from './verify-release';
import { LIBRARY_NAME } from '../app-context/versions';
import { baseProgram } from './base-program';

/** The release tools' command tree (the same commands and global options as the CLI's). */
export function releaseToolsProgram(): Command {
  const program = baseProgram(`The ${LIBRARY_NAME} commands the project pipelines run after the synth step`);
  program.addCommand(runPipelineCommand(processOutput, {}));
  program.addCommand(verifyReleaseCommand(processOutput, {}));
  program.addCommand(testEndpointCommand(processOutput, {}));
  program.addCommand(compareShadowCommand(processOutput, {}));
  program.addCommand(releaseOrderCheckCommand(processOutput, {}));
  for (const command of program.commands) {
    command.exitOverride().showHelpAfterError();
  }
  return program;
}

/** Runs the release tools on `argv` (without node and the script) and returns the CLI's exit code. */
export async function runReleaseTools(argv: string[]): Promise<number> {
  try {
    await releaseToolsProgram().parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? 0 : 2;
    }
    processOutput.info(`error: ${(err as Error).message}`);
    return 1;
  }
}

if (require.main === module) {
  void runReleaseTools(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
