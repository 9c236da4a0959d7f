import * as fs from 'node:fs';
import * as path from 'node:path';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { Command } from 'commander';
import { AwsClientOptions, CliError, createAwsClient, findLatestApprovedModel, formatResolvedModel } from '../aws';
import { RESOLVED_MODEL_FILE, ResolvedModel } from '../model-deploy/resolved-model';
import { awsClientOptions } from './base-program';
import { parseGroupName } from './option-parsers';
import { GlobalOptions, Output } from './output';

/** What `resolve-model` needs from outside; tests inject a client. */
export interface ResolveModelDeps {
  /**
   * Builds the SageMaker client from the global `--region` and `--profile`.
   * @default - `createAwsClient(SageMakerClient, options)`
   */
  readonly sageMakerClient?: (options: AwsClientOptions) => Promise<SageMakerClient>;
}

interface ResolveModelOptions {
  readonly group: string;
  readonly out?: string;
}

/**
 * `resolve-model --group <name> [--out <file>]`: finds the newest approved version of a model
 * package group and prints it; with `--out`, writes it for the model-deploy synth. Exits 1 when
 * the group has no approved version, saying how to approve one.
 */
export function resolveModelCommand(output: Output, deps: ResolveModelDeps = {}): Command {
  const sageMakerClient = deps.sageMakerClient ?? ((options: AwsClientOptions) => createAwsClient(SageMakerClient, options));
  return new Command('resolve-model')
    .description('find the newest approved version of a model package group; with --out, write it for the model-deploy synth')
    .requiredOption('--group <name>', 'the model package group', parseGroupName)
    .option('--out <file>', `write the resolved model as JSON to <file> (the model-deploy pipeline writes ${RESOLVED_MODEL_FILE})`)
    .action(async function (this: Command, opts: ResolveModelOptions) {
      const { json } = this.optsWithGlobals<GlobalOptions>();
      const client = await sageMakerClient(awsClientOptions(this));
      let model: ResolvedModel;
      try {
        model = await findLatestApprovedModel(client, opts.group);
      } finally {
        client.destroy();
      }
      if (opts.out !== undefined) {
        writeResolvedModel(opts.out, model);
      }
      output.result(json ? model : formatResolvedModel(model).join('\n'), json);
      if (opts.out !== undefined) {
        output.info(`wrote version ${model.version} of ${model.modelPackageGroupName} to ${opts.out}`);
      }
    });
}

/** Pretty JSON with a trailing newline, so the file diffs and reads well in a build log. */
function writeResolvedModel(file: string, model: ResolvedModel): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(model, null, 2)}\n`);
  } catch (err) {
    throw new CliError(`cannot write the resolved model to ${file}: ${(err as Error).message}`);
  }
}
