import * as fs from 'node:fs';
import * as path from 'node:path';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { Command } from 'commander';
import { AwsClientOptions, CliError, createAwsClient, findLatestApprovedModel, formatResolvedModel } from '../aws';
import { findLiveModel } from '../aws/live-model';
import { checkEndpointTypeChange } from '../aws/endpoint-type-change';
import { EndpointTypeCheck } from '../aws/endpoint-type-spec';
import { LIVE_MODEL_FILE, LiveModel, RESOLVED_MODEL_FILE, ResolvedModel } from '../app-context/resolved-model';
import { awsClientOptions } from './base-program';
import { collectEndpointTypeCheck, endpointNameOption, outputFileOption, parseGroupName } from './option-parsers';
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
  readonly liveEndpoint?: string;
  readonly liveOut?: string;
  readonly endpointType?: readonly EndpointTypeCheck[];
}

/**
 * `resolve-model --group <name> [--out <file>] [--live-endpoint <name> --live-out <file>]`: finds
 * the newest approved version of a model package group and prints it; with `--out`, writes it for
 * the model-deploy synth; with `--live-endpoint`, also writes the version that endpoint serves now
 * (a shadow release's production variant), or why it serves none, to `--live-out`; with
 * `--endpoint-type`, checks that each stage's endpoint can become the type the release deploys
 * (`checkEndpointTypeChange`). Exits 1 when the group has no approved version, saying how to
 * approve one, or when an endpoint cannot become its type; then it writes nothing.
 */
export function resolveModelCommand(output: Output, deps: ResolveModelDeps = {}): Command {
  const sageMakerClient = deps.sageMakerClient ?? ((options: AwsClientOptions) => createAwsClient(SageMakerClient, options));
  return new Command('resolve-model')
    .description('find the newest approved version of a model package group; with --out, write it for the model-deploy synth')
    .requiredOption('--group <name>', 'the model package group', parseGroupName)
    .option('--out <file>', `write the resolved model as JSON to <file> (the model-deploy pipeline writes ${RESOLVED_MODEL_FILE})`, outputFileOption('--out'))
    .option('--live-endpoint <name>', 'also find the version this endpoint serves now (a shadow release\'s production variant); needs --live-out', endpointNameOption('--live-endpoint'))
    .option('--live-out <file>', `write what --live-endpoint serves as JSON to <file> (a shadow release's synth writes ${LIVE_MODEL_FILE})`, outputFileOption('--live-out'))
    .option('--endpoint-type <stage:endpoint[@region]=type>', 'check that the stage\'s endpoint, if it exists, can become serverless or realtime, as the release deploys it (repeatable)', collectEndpointTypeCheck)
    .action(async function (this: Command, opts: ResolveModelOptions) {
      const { json } = this.optsWithGlobals<GlobalOptions>();
      if ((opts.liveEndpoint === undefined) !== (opts.liveOut === undefined)) {
        this.error('error: --live-endpoint and --live-out go together: give both, or neither', { exitCode: 2 });
      }
      if (opts.out !== undefined && opts.liveOut !== undefined && path.resolve(opts.out) === path.resolve(opts.liveOut)) {
        this.error(`error: --out and --live-out name the same file (${opts.out}): the live model would overwrite the resolved one`, { exitCode: 2 });
      }
      const client = await sageMakerClient(awsClientOptions(this));
      let model: ResolvedModel;
      let live: LiveModel | undefined;
      const typeNotes: string[] = [];
      const warnings: string[] = [];
      try {
        model = await findLatestApprovedModel(client, opts.group, warnings);
        live = opts.liveEndpoint === undefined ? undefined : await findLiveModel(client, opts.liveEndpoint);
        for (const check of opts.endpointType ?? []) {
          typeNotes.push(await checkInRegion(check, client, () => sageMakerClient({ ...awsClientOptions(this), region: check.region })));
        }
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
      [...warnings, ...typeNotes].forEach((note) => output.info(note));
      if (live !== undefined && opts.liveOut !== undefined) {
        writeJson(opts.liveOut, live, 'the live model');
        output.info(live.model
          ? `${live.endpointName} serves version ${live.model.version}${live.approvalStatusNow ? ` (now ${live.approvalStatusNow})` : ''}: ` +
            `the release runs version ${model.version} in shadow beside it first (wrote ${opts.liveOut})`
          : `no shadow phase: ${live.none} (wrote ${opts.liveOut})`);
      }
    });
}

/** The check, with the command's client, or with a client of its own for an endpoint in another region. */
async function checkInRegion(check: EndpointTypeCheck, client: SageMakerClient, regionClient: () => Promise<SageMakerClient>): Promise<string> {
  if (check.region === undefined || check.region === await client.config.region()) {
    return checkEndpointTypeChange(client, check);
  }
  const other = await regionClient();
  try {
    return await checkEndpointTypeChange(other, check);
  } finally {
    other.destroy();
  }
}

/** Pretty JSON with a trailing newline, so the file diffs and reads well in a build log. */
function writeResolvedModel(file: string, model: ResolvedModel): void {
  writeJson(file, model, 'the resolved model');
}

function writeJson(file: string, value: unknown, what: string): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
  } catch (err) {
    throw new CliError(`cannot write ${what} to ${file}: ${(err as Error).message}`);
  }
}
