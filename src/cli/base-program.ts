import { Command } from 'commander';
import type { AwsClientOptions } from '../aws';
import { LIBRARY_NAME, LIBRARY_VERSION } from '../app-context/versions';
import { REQUEST_TIMEOUT_RANGE, parseRegion, parseRequestTimeout } from './option-parsers';

/**
 * The `sagemaker-gitops` command with its global options (`--json`, `--region`, `--profile`,
 * `--request-timeout`, `--debug`), before any subcommand.
 */
export function baseProgram(description: string): Command {
  return new Command(LIBRARY_NAME)
    .description(description)
    .version(LIBRARY_VERSION)
    .option('--json', 'machine-readable output; a failure is one JSON object {"error": {...}} on stderr')
    .option('--region <region>', 'the AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile\'s region)', parseRegion)
    .option('--profile <name>', 'the named AWS profile (default: AWS_PROFILE, then the default profile)')
    .option('--request-timeout <seconds>',
      `how long one AWS request may take before the SDK retries it or fails (${REQUEST_TIMEOUT_RANGE.min} to ${REQUEST_TIMEOUT_RANGE.max}; default: 60, 70 for InvokeEndpoint; connecting: 5)`,
      parseRequestTimeout)
    .option('--debug', 'on failure, also print the stack trace and the raw error')
    .showHelpAfterError()
    .exitOverride();
}

/** The global options a command reads. */
interface AwsGlobalOptions {
  readonly region?: string;
  readonly profile?: string;
  readonly requestTimeout?: number;
}

/** The factory options from a command's global `--region`, `--profile` and `--request-timeout`. */
export function awsClientOptions(command: Command): AwsClientOptions {
  const { region, profile, requestTimeout } = command.optsWithGlobals<AwsGlobalOptions>();
  return {
    ...(region === undefined ? {} : { region }),
    ...(profile === undefined ? {} : { profile }),
    ...(requestTimeout === undefined ? {} : { requestTimeoutMs: Math.round(requestTimeout * 1000) }),
  };
}
