import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { Command } from 'commander';
import { AwsClientOptions, checkSelfMutation, createAwsClient, selfMutationStacks } from '../aws';
import { awsClientOptions } from './base-program';
import { assemblyProblem } from './option-parsers';
import { GlobalOptions, Output } from './output';
import { runVerdictCheck } from './verdict-check';

/** What `self-mutation-check` needs from outside; tests inject clients. */
export interface SelfMutationCheckDeps {
  /**
   * Builds a CloudFormation client for a region, with the global `--profile`.
   * @default - `createAwsClient(CloudFormationClient, options)`
   */
  readonly cloudFormationClient?: (options: AwsClientOptions) => Promise<CloudFormationClient>;
}

interface SelfMutationCheckOptions {
  readonly assembly: string;
  readonly stack: string;
}

/**
 * `self-mutation-check --stack <id> [--assembly cdk.out]`: prints `needed` when CDK Pipelines'
 * self-mutation would change the deployed pipeline (its stack or the stacks it depends on differ
 * from the synthesized ones), `not-needed` otherwise, and why on stderr. The synth step exports
 * the answer; the UpdatePipeline stage is skipped on `not-needed`. It never fails the build over
 * what it cannot tell: an unreadable stack answers `needed`; an `--assembly` that is no cloud
 * assembly (no manifest.json) is a usage error (exit 2) before any call.
 */
export function selfMutationCheckCommand(output: Output, deps: SelfMutationCheckDeps = {}): Command {
  const cloudFormationClient = deps.cloudFormationClient ?? ((options: AwsClientOptions) => createAwsClient(CloudFormationClient, options));
  return new Command('self-mutation-check')
    .description('print whether the pipeline\'s self-mutation would change its deployed stacks: needed or not-needed (used by the synth step)')
    .requiredOption('--stack <id>', 'the pipeline stack\'s artifact id in the cloud assembly')
    .option('--assembly <dir>', 'the synthesized cloud assembly', 'cdk.out')
    .action(async function (this: Command, opts: SelfMutationCheckOptions) {
      const problem = assemblyProblem(opts.assembly);
      if (problem !== undefined) {
        this.error(`error: --assembly ${problem}`, { exitCode: 2 });
      }
      const { json } = this.optsWithGlobals<GlobalOptions>();
      const clientOptions = awsClientOptions(this);
      await runVerdictCheck(output, 'self-mutation-check', json, (track) =>
        checkSelfMutation(selfMutationStacks(opts.assembly, opts.stack), async (region) => track(await cloudFormationClient({ ...clientOptions, region }))));
    });
}
