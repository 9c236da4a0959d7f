import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { Command, InvalidArgumentError } from 'commander';
import { AwsClientOptions, CliError, createAwsClient, formatReleaseVerification, verifyRelease } from '../aws';
import { RESOLVED_MODEL_FILE, readResolvedModel } from '../app-context/resolved-model';
import { endpointNameOption } from './option-parsers';
import { awsClientOptions } from './base-program';
import { readInputFile } from './repo-config';
import { GlobalOptions, Output } from './output';

/** What `verify-release` needs from outside; tests inject clients. */
export interface VerifyReleaseDeps {
  /**
   * Builds the CloudFormation client from the global `--region` and `--profile`.
   * @default - `createAwsClient(CloudFormationClient, options)`
   */
  readonly cloudFormationClient?: (options: AwsClientOptions) => Promise<CloudFormationClient>;
  /**
   * Builds the SageMaker client from the global `--region` and `--profile`.
   * @default - `createAwsClient(SageMakerClient, options)`
   */
  readonly sageMakerClient?: (options: AwsClientOptions) => Promise<SageMakerClient>;
}

interface VerifyReleaseOptions {
  readonly stack: string;
  readonly endpoint: string;
  readonly model: string;
}

/** CloudFormation's pattern for stack names. */
const STACK_NAME_PATTERN = /^[a-zA-Z][-a-zA-Z0-9]{0,127}$/;

/**
 * `verify-release --stack <name> --endpoint <name> --model <resolved-model.json>`: exits 1 unless
 * the endpoint serves the endpoint configuration and model the stack deployed, made from the
 * resolved model version (a deployment guardrail's automatic rollback leaves the stack looking
 * deployed while the endpoint serves the previous release).
 */
export function verifyReleaseCommand(output: Output, deps: VerifyReleaseDeps = {}): Command {
  const cloudFormationClient = deps.cloudFormationClient ?? ((options: AwsClientOptions) => createAwsClient(CloudFormationClient, options));
  const sageMakerClient = deps.sageMakerClient ?? ((options: AwsClientOptions) => createAwsClient(SageMakerClient, options));
  return new Command('verify-release')
    .description('fail unless an endpoint serves the endpoint configuration and model its stack deployed, from the resolved model version')
    .requiredOption('--stack <name>', 'the CloudFormation stack that deployed the endpoint', parseStackName)
    .requiredOption('--endpoint <name>', 'the SageMaker endpoint name', endpointNameOption('--endpoint'))
    .option('--model <file>', 'the resolved model of this release (written by resolve-model --out)', RESOLVED_MODEL_FILE)
    .action(async function (this: Command, opts: VerifyReleaseOptions) {
      const model = readInputFile(() => readResolvedModel(opts.model));
      const { json } = this.optsWithGlobals<GlobalOptions>();
      const clientOptions = awsClientOptions(this);
      const cloudFormation = await cloudFormationClient(clientOptions);
      const sageMaker = await sageMakerClient(clientOptions);
      try {
        const report = await verifyRelease({ cloudFormation, sageMaker }, { stackName: opts.stack, endpointName: opts.endpoint, model });
        output.result(json ? report : formatReleaseVerification(report), json);
        if (!report.passed) {
          throw new CliError(`endpoint ${report.endpointName} does not serve version ${model.version} of ${model.modelPackageGroupName} deployed by ${report.stackName}: ${report.failures[0]}`);
        }
      } finally {
        cloudFormation.destroy();
        sageMaker.destroy();
      }
    });
}

function parseStackName(value: string): string {
  if (!STACK_NAME_PATTERN.test(value)) {
    throw new InvalidArgumentError(`stack name must start with a letter and hold 1 to 128 letters, digits and hyphens, got ${value}`);
  }
  return value;
}

