import { CodePipelineClient } from '@aws-sdk/client-codepipeline';
import { S3Client } from '@aws-sdk/client-s3';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { Command } from 'commander';
import { AwsClientOptions, compareModelInputs, createAwsClient } from '../aws';
import { RESOLVED_MODEL_FILE, readResolvedModel } from '../app-context/resolved-model';
import { awsClientOptions } from './base-program';
import { codePipelineNameOption } from './option-parsers';
import { readInputFile } from './repo-config';
import { GlobalOptions, Output } from './output';

/** What `input-check` needs from outside; tests inject clients. */
export interface InputCheckDeps {
  /**
   * Builds the SageMaker client from the global `--region` and `--profile`.
   * @default - `createAwsClient(SageMakerClient, options)`
   */
  readonly sageMakerClient?: (options: AwsClientOptions) => Promise<SageMakerClient>;
  /**
   * Builds the S3 client from the global `--region` and `--profile`.
   * @default - `createAwsClient(S3Client, options)`
   */
  readonly s3Client?: (options: AwsClientOptions) => Promise<S3Client>;
  /**
   * Builds the CodePipeline client (with `--pipeline`) from the global `--region` and `--profile`.
   * @default - `createAwsClient(CodePipelineClient, options)`
   */
  readonly codePipelineClient?: (options: AwsClientOptions) => Promise<CodePipelineClient>;
}

interface InputCheckOptions {
  readonly model: string;
  readonly pipeline?: string;
}

/**
 * `input-check [--model resolved-model.json] [--pipeline <model-deploy pipeline>]`: compares the
 * model inputs of the release's version (the header of its baseline) with those of the version
 * production serves (the one the pipeline's last succeeded execution released), or, without
 * `--pipeline` or when its history does not tell, the version approved before it; prints one line
 * for the release approval (the model-deploy synth step exports it, and with `--json` the version
 * compared with); what changed, or what could not be read, goes to stderr. It does not fail over a
 * difference: the release's reviewer decides.
 */
export function inputCheckCommand(output: Output, deps: InputCheckDeps = {}): Command {
  const sageMakerClient = deps.sageMakerClient ?? ((options: AwsClientOptions) => createAwsClient(SageMakerClient, options));
  const s3Client = deps.s3Client ?? ((options: AwsClientOptions) => createAwsClient(S3Client, options));
  const codePipelineClient = deps.codePipelineClient ?? ((options: AwsClientOptions) => createAwsClient(CodePipelineClient, options));
  return new Command('input-check')
    .description('compare the model inputs (baseline columns) of the release\'s version with the version production serves (--pipeline) or else the version approved before it; print one line for the release approval (used by the model-deploy synth step)')
    .option('--model <file>', 'the resolved model of this release (written by resolve-model --out)', RESOLVED_MODEL_FILE)
    .option('--pipeline <name>', 'the model-deploy CodePipeline: compare with the version its last succeeded execution released (default: the version approved before this one)', codePipelineNameOption('--pipeline'))
    .action(async function (this: Command, opts: InputCheckOptions) {
      const model = readInputFile(() => readResolvedModel(opts.model));
      const { json } = this.optsWithGlobals<GlobalOptions>();
      const clientOptions = awsClientOptions(this);
      const sageMaker = await sageMakerClient(clientOptions);
      const s3 = await s3Client(clientOptions);
      const codePipeline = opts.pipeline === undefined ? undefined : await codePipelineClient(clientOptions);
      try {
        const comparison = await compareModelInputs({ sageMaker, s3, codePipeline }, model, opts.pipeline);
        comparison.details.forEach((line) => output.info(`input-check: ${line}`));
        output.result(json ? comparison : comparison.summary, json);
      } finally {
        sageMaker.destroy();
        s3.destroy();
        codePipeline?.destroy();
      }
    });
}
