import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { Command, InvalidArgumentError } from 'commander';
import {
  AwsClientOptions, CliError, DEFAULT_MLFLOW_TIMEOUT_MS, MlflowBackendArn, MlflowClient, MlflowUiLink, ModelComparison,
  compareModelVersions, createAwsClient, createMlflowUiLink, mlflowArnLocation, mlflowOffMessage, parseMlflowArn, readMlflowArnOutput,
} from '../aws';
import { awsClientOptions } from './base-program';
import { CONFIG_FILE_NAME, ProjectConfig } from '../config';
import { loadRepoConfig } from './repo-config';
import { formatComparison } from './compare-models-format';
import { describeRange, numberOption, parseGroupName } from './option-parsers';
import { GlobalOptions, Output } from './output';

/** What `compare-models` needs from outside; tests inject clients. */
export interface CompareModelsDeps {
  /**
   * Builds the SageMaker client from the global `--region` and `--profile`.
   * @default - `createAwsClient(SageMakerClient, options)`
   */
  readonly sageMakerClient?: (options: AwsClientOptions) => Promise<SageMakerClient>;
  /**
   * Builds the CloudFormation client (for the model-build stack's `MlflowArn` output).
   * @default - `createAwsClient(CloudFormationClient, options)`
   */
  readonly cloudFormationClient?: (options: AwsClientOptions) => Promise<CloudFormationClient>;
}

interface CompareModelsOptions {
  readonly group?: string;
  readonly mlflowArn?: MlflowBackendArn;
  readonly config?: string;
  readonly link: boolean;
  readonly timeout: number;
}

/**
 * `compare-models [version] [--group <name>] [--mlflow-arn <arn>] [--config <file>]`: before an
 * approval, the candidate's (the newest version pending approval, or the version given) and production's
 * (the newest Approved, what model-deploy deploys) MLflow training-run metrics side by side, their
 * difference, and a presigned link to the MLflow UI.
 */
export function compareModelsCommand(output: Output, deps: CompareModelsDeps = {}): Command {
  const sageMakerClient = deps.sageMakerClient ?? ((options: AwsClientOptions) => createAwsClient(SageMakerClient, options));
  const cloudFormationClient = deps.cloudFormationClient ?? ((options: AwsClientOptions) => createAwsClient(CloudFormationClient, options));
  return new Command('compare-models')
    .description('before approving: the MLflow metrics of the candidate version and of production side by side, with a link to the MLflow UI')
    .argument('[version]', 'the candidate version number (default: the newest version pending approval)', parseVersion)
    .option('--group <name>', `the model package group (default: modelPackageGroupName of ${CONFIG_FILE_NAME})`, parseGroupName)
    .option('--mlflow-arn <arn>', `the MLflow App or tracking server ARN (default: from ${CONFIG_FILE_NAME}, and for a backend the project creates, the model-build stack's MlflowArn output)`, parseArn)
    .option('--config <file>', `the project's config file (default: ./${CONFIG_FILE_NAME}, read when --group or --mlflow-arn is missing)`)
    .option('--no-link', 'do not create a presigned MLflow UI link')
    .option('--timeout <seconds>', `seconds each MLflow call may take (${describeRange(MLFLOW_TIMEOUT_RANGE)})`, parseTimeout, DEFAULT_MLFLOW_TIMEOUT_MS / 1000)
    .action(async function (this: Command, version: number | undefined, opts: CompareModelsOptions) {
      const { json } = this.optsWithGlobals<GlobalOptions>();
      const { region: regionOption, ...clientOptions } = awsClientOptions(this);
      if (opts.config !== undefined && opts.group !== undefined && opts.mlflowArn !== undefined) {
        this.error('error: --config is not read when --group and --mlflow-arn are both given: drop one of them', { exitCode: 2 });
      }
      const config = opts.group === undefined || opts.mlflowArn === undefined ? loadRepoConfig(opts.config, 'the model package group and the MLflow ARN', ', or pass both --group <name> and --mlflow-arn <arn>') : undefined;
      const groupName = opts.group ?? config!.modelPackageGroupName;
      const region = regionOption ?? config?.environments.build.region;
      const backend = opts.mlflowArn ?? (await configuredBackend(config!, (options) => cloudFormationClient({ ...clientOptions, ...options })));
      const registry = await sageMakerClient({ ...clientOptions, region });
      let comparison: ModelComparison;
      let link: MlflowUiLink | undefined;
      let linkProblem: string | undefined;
      try {
        const mlflow = new MlflowClient({ arn: backend.arn, credentials: registry.config.credentials, timeoutMs: Math.round(opts.timeout * 1000) });
        comparison = await compareModelVersions(registry, mlflow, { groupName, ...(version !== undefined ? { version } : {}) });
        if (opts.link) {
          try {
            link = await withBackendClient(registry, backend, () => sageMakerClient({ ...clientOptions, region: backend.region }), (client) => createMlflowUiLink(client, backend));
          } catch (err) {
            linkProblem = (err as Error).message;
            output.info(`warning: no MLflow UI link: ${linkProblem}`);
          }
        }
      } finally {
        registry.destroy();
      }
      const result = { ...comparison, mlflowArn: backend.arn, mlflowBackend: backend.kind, link: link ?? null };
      output.result(json ? result : formatComparison(comparison, backend, link, linkProblem).join('\n'), json);
    });
}

/** The backend the config names: its mlflow.arn, or the ARN the model-build stack put in its output. */
async function configuredBackend(config: ProjectConfig, cloudFormation: (options: AwsClientOptions) => Promise<CloudFormationClient>): Promise<MlflowBackendArn> {
  const location = mlflowArnLocation(config);
  if (location.kind === 'off') {
    throw new CliError(mlflowOffMessage(config));
  }
  if (location.kind === 'arn') {
    return parseMlflowArn(location.arn);
  }
  const client = await cloudFormation({ region: location.region });
  try {
    return parseMlflowArn(await readMlflowArnOutput(client, config.projectName, location.stackName));
  } finally {
    client.destroy();
  }
}

/** Runs `fn` with a SageMaker client of the backend's region: the registry's when they match. */
async function withBackendClient<T>(registry: SageMakerClient, backend: MlflowBackendArn, create: () => Promise<SageMakerClient>, fn: (client: SageMakerClient) => Promise<T>): Promise<T> {
  if ((await registry.config.region()) === backend.region) {
    return fn(registry);
  }
  const client = await create();
  try {
    return await fn(client);
  } finally {
    client.destroy();
  }
}

function parseVersion(value: string): number {
  if (!/^[1-9]\d*$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new InvalidArgumentError(`expected a positive integer version, got ${value}`);
  }
  return Number(value);
}

function parseArn(value: string): MlflowBackendArn {
  try {
    return parseMlflowArn(value);
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
}

const MLFLOW_TIMEOUT_RANGE = { min: 0, exclusiveMin: true, max: 300, unit: 'seconds' } as const;
const parseTimeout = numberOption('--timeout', MLFLOW_TIMEOUT_RANGE);
