import { Command, CommanderError } from 'commander';
import { baseProgram } from './base-program';
import { ApproveModelDeps, approveModelCommand, rejectModelCommand } from './approve-model';
import { ApproveReleaseDeps, approveReleaseCommand, rejectReleaseCommand } from './approve-release';
import { CleanupDeps, cleanupCommand } from './cleanup';
import { CompareModelsDeps, compareModelsCommand } from './compare-models';
import { reportError } from './error-report';
import { configureCommandHelp, usageHint } from './help';
import { initCommand } from './init';
import { localRunCommand } from './local-run';
import { ModelsDeps, modelsCommand } from './models';
import { Output, processOutput } from './output';
import { PublishTemplatesDeps, publishTemplatesCommand } from './publish-templates';
import { ResolveModelDeps, resolveModelCommand } from './resolve-model';
import { RunPipelineDeps, runPipelineCommand } from './run-pipeline';
import { sampleDataCommand } from './sample-data';
import { SelfMutationCheckDeps, selfMutationCheckCommand } from './self-mutation-check';
import { stacksCommand } from './stacks';
import { StatusDeps, statusCommand } from './status';
import { TestEndpointDeps, testEndpointCommand } from './test-endpoint';
import { VerifyReleaseDeps, verifyReleaseCommand } from './verify-release';

/** Exit codes: 0 success, 1 failure, 2 usage error. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** What the commands need from outside (AWS clients); tests inject mocks, real use takes the defaults. */
export type CliDeps = RunPipelineDeps & TestEndpointDeps & ResolveModelDeps & ModelsDeps & ApproveModelDeps & CleanupDeps & StatusDeps & ApproveReleaseDeps & PublishTemplatesDeps & VerifyReleaseDeps & CompareModelsDeps & SelfMutationCheckDeps;

/** The CLI's command tree. */
export function buildProgram(output: Output = processOutput, deps: CliDeps = {}): Command {
  const program = baseProgram('Run and review a sagemaker-gitops SageMaker MLOps project');
  program.addCommand(initCommand(output));
  program.addCommand(stacksCommand(output));
  program.addCommand(sampleDataCommand(output));
  program.addCommand(localRunCommand(output));
  program.addCommand(runPipelineCommand(output, deps));
  program.addCommand(testEndpointCommand(output, deps));
  program.addCommand(verifyReleaseCommand(output, deps));
  program.addCommand(resolveModelCommand(output, deps));
  program.addCommand(modelsCommand(output, deps));
  program.addCommand(compareModelsCommand(output, deps));
  program.addCommand(approveModelCommand(output, deps));
  program.addCommand(rejectModelCommand(output, deps));
  program.addCommand(cleanupCommand(output, deps));
  program.addCommand(statusCommand(output, deps));
  program.addCommand(approveReleaseCommand(output, deps));
  program.addCommand(rejectReleaseCommand(output, deps));
  program.addCommand(publishTemplatesCommand(output, deps));
  program.addCommand(selfMutationCheckCommand(output, deps));
  program.showHelpAfterError(usageHint(program));
  for (const command of program.commands) {
    configureCommandHelp(command.exitOverride());
  }
  return program;
}

/**
 * Runs the CLI on `argv` (without the node and script entries) and returns the exit code:
 * usage errors are 2, failures 1 with the error's message on stderr.
 */
export async function runCli(argv: string[], output: Output = processOutput, deps: CliDeps = {}): Promise<number> {
  const program = buildProgram(output, deps);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version exit through here with code 0; commander already printed the message.
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    const { json, debug } = program.opts<{ json?: boolean; debug?: boolean }>();
    reportError(err, output, { json, debug });
    return EXIT.failure;
  }
}
