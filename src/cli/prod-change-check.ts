import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CodePipelineClient } from '@aws-sdk/client-codepipeline';
import { SSMClient } from '@aws-sdk/client-ssm';
import { Command } from 'commander';
import { AwsClientOptions, assemblyStacks, checkProdChange, createAwsClient } from '../aws';
import { awsClientOptions } from './base-program';
import { assemblyOption, codePipelineNameOption } from './option-parsers';
import { GlobalOptions, Output } from './output';
import { runVerdictCheck } from './verdict-check';

/** What `prod-change-check` needs from outside; tests inject clients. */
export interface ProdChangeCheckDeps {
  /**
   * Builds a CloudFormation client for a region, with the global `--profile`.
   * @default - `createAwsClient(CloudFormationClient, options)`
   */
  readonly cloudFormationClient?: (options: AwsClientOptions) => Promise<CloudFormationClient>;
  /**
   * Builds the CodePipeline client from the global `--region` and `--profile`.
   * @default - `createAwsClient(CodePipelineClient, options)`
   */
  readonly codePipelineClient?: (options: AwsClientOptions) => Promise<CodePipelineClient>;
  /**
   * Builds an SSM client for a region, with the global `--profile`.
   * @default - `createAwsClient(SSMClient, options)`
   */
  readonly ssmClient?: (options: AwsClientOptions) => Promise<SSMClient>;
}

interface ProdChangeCheckOptions {
  readonly assembly: string;
  readonly pipeline: string;
  readonly stage: string;
  readonly prodStage: string;
}

/**
 * `prod-change-check --assembly <stage assembly> --pipeline <name>`: prints
 * `needed` when deploying this release to production would change a stack of the stage (its
 * template, tags, termination protection or the value of an SSM parameter it resolves), or when an
 * older execution of the pipeline is still in flight; `not-needed` otherwise, and why on stderr.
 * The model-deploy synth step exports the answer; the production stages are skipped on
 * `not-needed`. It never fails the build over what it cannot tell: that answers `needed`; a
 * missing assembly or a malformed name is a usage error (exit 2) before any call.
 */
export function prodChangeCheckCommand(output: Output, deps: ProdChangeCheckDeps = {}): Command {
  const cloudFormationClient = deps.cloudFormationClient ?? ((options: AwsClientOptions) => createAwsClient(CloudFormationClient, options));
  const codePipelineClient = deps.codePipelineClient ?? ((options: AwsClientOptions) => createAwsClient(CodePipelineClient, options));
  const ssmClient = deps.ssmClient ?? ((options: AwsClientOptions) => createAwsClient(SSMClient, options));
  return new Command('prod-change-check')
    .description('print whether this release would change production\'s deployed stacks: needed or not-needed (used by the model-deploy synth step)')
    .requiredOption('--assembly <dir>', 'the cloud assembly of the production stage, whose stacks are compared (CDK Pipelines nests one per stage)', assemblyOption('--assembly'))
    .requiredOption('--pipeline <name>', 'the CodePipeline that runs this check', codePipelineNameOption('--pipeline'))
    .option('--stage <name>', 'the pipeline stage whose action runs this check', codePipelineNameOption('--stage'), 'Build')
    .option('--prod-stage <name>', 'the stage a not-needed skips: its last run must have succeeded', codePipelineNameOption('--prod-stage'), 'Prod')
    .action(async function (this: Command, opts: ProdChangeCheckOptions) {
      const { json } = this.optsWithGlobals<GlobalOptions>();
      const clientOptions = awsClientOptions(this);
      await runVerdictCheck(output, 'prod-change-check', json, async (track) => checkProdChange({
        stacks: assemblyStacks(opts.assembly),
        codePipeline: track(await codePipelineClient(clientOptions)),
        pipelineName: opts.pipeline,
        checkStage: opts.stage,
        prodStage: opts.prodStage,
        cloudFormationIn: async (region) => track(await cloudFormationClient({ ...clientOptions, region })),
        ssmIn: async (region) => track(await ssmClient({ ...clientOptions, region })),
      }));
    });
}
