import { CodePipelineClient } from '@aws-sdk/client-codepipeline';
import { Command } from 'commander';
import { AwsClientOptions, CliError, createAwsClient, olderExecutionsInFlight } from '../aws';
import { awsClientOptions } from './base-program';
import { GlobalOptions, Output } from './output';

/** What `release-order-check` needs from outside; tests inject the client. */
export interface ReleaseOrderCheckDeps {
  /**
   * Builds the CodePipeline client from the global `--region` and `--profile`.
   * @default - `createAwsClient(CodePipelineClient, options)`
   */
  readonly codePipelineClient?: (options: AwsClientOptions) => Promise<CodePipelineClient>;
}

interface ReleaseOrderCheckOptions {
  readonly pipeline: string;
  readonly stage: string;
}

/**
 * `release-order-check --pipeline <name> --stage <stage>`: fails when an execution of the pipeline
 * older than the one in `stage` is still in progress or stopping. The shadow phase runs it first:
 * an older release ahead of it holds the Prod stage (waiting at ApproveRelease, or deploying), and
 * a shadow deploy now would update the production stack under it, collide with its deploy and
 * leave its reviewers a comparison against what production no longer serves.
 */
export function releaseOrderCheckCommand(output: Output, deps: ReleaseOrderCheckDeps = {}): Command {
  const codePipelineClient = deps.codePipelineClient ?? ((options: AwsClientOptions) => createAwsClient(CodePipelineClient, options));
  return new Command('release-order-check')
    .description('fail when an older execution of the pipeline is still in flight (the shadow phase runs it before changing production)')
    .requiredOption('--pipeline <name>', 'the CodePipeline that runs this check')
    .requiredOption('--stage <name>', 'the pipeline stage whose action runs this check')
    .action(async function (this: Command, opts: ReleaseOrderCheckOptions) {
      const { json } = this.optsWithGlobals<GlobalOptions>();
      const client = await codePipelineClient(awsClientOptions(this));
      try {
        const { own, ahead } = await olderExecutionsInFlight({ codePipeline: client, pipelineName: opts.pipeline, checkStage: opts.stage });
        if (ahead.length > 0) {
          const listed = ahead.map((e) => `${e.pipelineExecutionId} (${e.status}, started ${e.startTime?.toISOString()})`).join(', ');
          throw new CliError(
            `an older execution of ${opts.pipeline} is still in flight: ${listed}. It is ahead of this one and holds production ` +
            `(waiting at its release approval, or deploying), so ${opts.stage} must not change the production stack now. Approve or reject that ` +
            `release (approve-release or reject-release), then retry this stage: "Retry" in the CodePipeline console, or aws codepipeline ` +
            `retry-stage-execution --pipeline-name ${opts.pipeline} --stage-name ${opts.stage} --pipeline-execution-id ${own} --retry-mode FAILED_ACTIONS`,
          );
        }
        output.info(`release-order-check: no execution older than ${own} is in flight`);
        output.result(json ? { execution: own, ahead: [] } : 'in order', json);
      } finally {
        client.destroy();
      }
    });
}
