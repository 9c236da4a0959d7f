import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
import { Command } from 'commander';
import { AwsClientOptions, checkAssetsPublished, createAwsClient, pipelineAssets } from '../aws';
import { awsClientOptions } from './base-program';
import { assemblyProblem } from './option-parsers';
import { GlobalOptions, Output } from './output';
import { runVerdictCheck } from './verdict-check';

/** What `assets-check` needs from outside; tests inject clients. */
export interface AssetsCheckDeps {
  /**
   * Builds an STS client from the global `--region` and `--profile`.
   * @default - `createAwsClient(STSClient, options)`
   */
  readonly stsClient?: (options: AwsClientOptions) => Promise<STSClient>;
  /**
   * Builds an S3 client for a destination's region, with the global `--profile`.
   * @default - `createAwsClient(S3Client, options)`
   */
  readonly s3Client?: (options: AwsClientOptions) => Promise<S3Client>;
}

interface AssetsCheckOptions {
  readonly assembly: string;
}

/**
 * `assets-check [--assembly cdk.out]`: prints `needed` when CDK Pipelines' Assets stage would
 * upload a file asset that its destination bucket does not hold yet (or holds a container image
 * asset, which is not checked), `not-needed` otherwise, and one line per asset on stderr. The
 * synth step exports the answer; the Assets stage is skipped on `not-needed`, as on a release
 * whose repository did not change. It never fails the build over what it cannot tell: that
 * answers `needed`; an `--assembly` that is no cloud assembly is a usage error (exit 2).
 */
export function assetsCheckCommand(output: Output, deps: AssetsCheckDeps = {}): Command {
  const stsClient = deps.stsClient ?? ((options: AwsClientOptions) => createAwsClient(STSClient, options));
  const s3Client = deps.s3Client ?? ((options: AwsClientOptions) => createAwsClient(S3Client, options));
  return new Command('assets-check')
    .description('print whether the pipeline\'s Assets stage would upload a file asset not yet in its bucket: needed or not-needed (used by the synth step)')
    .option('--assembly <dir>', 'the synthesized cloud assembly of the pipeline (its stages\' assemblies are nested in it)', 'cdk.out')
    .action(async function (this: Command, opts: AssetsCheckOptions) {
      const problem = assemblyProblem(opts.assembly);
      if (problem !== undefined) {
        this.error(`error: --assembly ${problem}`, { exitCode: 2 });
      }
      const { json } = this.optsWithGlobals<GlobalOptions>();
      const clientOptions = awsClientOptions(this);
      await runVerdictCheck(output, 'assets-check', json, async (track) => checkAssetsPublished(pipelineAssets(opts.assembly), {
        sts: async () => track(await stsClient(clientOptions)),
        s3In: async (region) => track(await s3Client({ ...clientOptions, ...(region === undefined ? {} : { region }) })),
      }));
    });
}
