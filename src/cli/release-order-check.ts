import { CodePipelineClient } from '@aws-sdk/client-codepipeline';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { Command } from 'commander';
import { AwsClientOptions, CliError, createAwsClient, olderExecutionsInFlight, servedModelPackage } from '../aws';
import { readLiveModel } from '../app-context/resolved-model';
import { awsClientOptions } from './base-program';
import { codePipelineNameOption, endpointNameOption } from './option-parsers';
import { GlobalOptions, Output } from './output';

/** What `release-order-check` needs from outside; tests inject the client. */
export interface ReleaseOrderCheckDeps {
  /**
   * Builds the CodePipeline client from the global `--region` and `--profile`.
   * @default - `createAwsClient(CodePipelineClient, options)`
   */
  readonly codePipelineClient?: (options: AwsClientOptions) => Promise<CodePipelineClient>;
  /**
   * Builds the SageMaker client from the global `--region` and `--profile`.
   * @default - `createAwsClient(SageMakerClient, options)`
   */
  readonly sageMakerClient?: (options: AwsClientOptions) => Promise<SageMakerClient>;
}

interface ReleaseOrderCheckOptions {
  readonly pipeline: string;
  readonly stage: string;
  readonly liveModel?: string;
  readonly endpoint?: string;
}

/**
 * `release-order-check --pipeline <name> --stage <stage> [--live-model <file> --endpoint <name>]`:
 * fails when an execution of the pipeline older than the one in `stage` is still in progress or
 * stopping, or when the endpoint no longer serves the live model this execution resolved at its
 * synth. The shadow phase runs it first: an older release ahead of it holds the Prod stage (waiting
 * at ApproveRelease, or deploying), and a shadow deploy now would update the production stack under
 * it, collide with its deploy and leave its reviewers a comparison against what production no longer
 * serves. Once that release is deployed, this execution's shadow template would put the previous
 * version back as production's variant: only a new execution resolves the live model again (a
 * retried stage reruns this execution's artifacts, "RetryStageExecution", AWS CodePipeline API
 * Reference).
 */
export function releaseOrderCheckCommand(output: Output, deps: ReleaseOrderCheckDeps = {}): Command {
  const codePipelineClient = deps.codePipelineClient ?? ((options: AwsClientOptions) => createAwsClient(CodePipelineClient, options));
  const sageMakerClient = deps.sageMakerClient ?? ((options: AwsClientOptions) => createAwsClient(SageMakerClient, options));
  return new Command('release-order-check')
    .description('fail when an older execution of the pipeline is still in flight, or production no longer serves the live model (the shadow phase runs it before changing production)')
    .requiredOption('--pipeline <name>', 'the CodePipeline that runs this check', codePipelineNameOption('--pipeline'))
    .requiredOption('--stage <name>', 'the pipeline stage whose action runs this check', codePipelineNameOption('--stage'))
    .option('--live-model <file>', 'the live model this execution resolved at its synth (resolve-model --live-out); with --endpoint')
    .option('--endpoint <name>', 'the production endpoint, which must still serve --live-model\'s version; with --live-model', endpointNameOption('--endpoint'))
    .action(async function (this: Command, opts: ReleaseOrderCheckOptions) {
      const { json } = this.optsWithGlobals<GlobalOptions>();
      if ((opts.liveModel === undefined) !== (opts.endpoint === undefined)) {
        this.error('error: --live-model and --endpoint go together: the endpoint must still serve the live model\'s version', { exitCode: 2 });
      }
      // Read before any call: a missing or malformed file stops the check before it asks AWS anything.
      const liveModel = opts.liveModel === undefined ? undefined : readLiveModel(opts.liveModel);
      const options = awsClientOptions(this);
      const restart = `start the pipeline again ("Release change" in the CodePipeline console, or aws codepipeline start-pipeline-execution --name ${opts.pipeline}), ` +
        'so that the release is resolved against what production serves then; retrying this stage would rerun this execution\'s artifacts';
      const client = await codePipelineClient(options);
      try {
        const { own, ahead } = await olderExecutionsInFlight({ codePipeline: client, pipelineName: opts.pipeline, checkStage: opts.stage });
        if (ahead.length > 0) {
          const listed = ahead.map((e) => `${e.pipelineExecutionId} (${e.status}, started ${e.startTime?.toISOString()})`).join(', ');
          throw new CliError(
            `an older execution of ${opts.pipeline} is still in flight: ${listed}. It is ahead of this one and holds production ` +
            `(waiting at its release approval, or deploying), so ${opts.stage} must not change the production stack now. Approve or reject that ` +
            `release (approve-release or reject-release), then ${restart}`,
          );
        }
        if (liveModel !== undefined && opts.endpoint !== undefined) {
          const resolved = liveModel.model?.modelPackageArn;
          const sageMaker = await sageMakerClient(options);
          const served = await servedModelPackage(sageMaker, opts.endpoint).finally(() => sageMaker.destroy());
          if (served !== resolved) {
            throw new CliError(
              `${opts.endpoint} serves ${served ?? 'nothing'} now, not ${resolved ?? 'nothing'}, which this execution resolved as the live model at its start ` +
              `(a release deployed since): its ${opts.stage} template would put that back as production's variant. Instead, ${restart}`,
            );
          }
        }
        output.info(`release-order-check: no execution older than ${own} is in flight${opts.endpoint === undefined ? '' : `, and ${opts.endpoint} serves the live model this execution resolved`}`);
        output.result(json ? { execution: own, ahead: [] } : 'in order', json);
      } finally {
        client.destroy();
      }
    });
}
