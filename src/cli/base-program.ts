import { Command } from 'commander';
import { LIBRARY_NAME, LIBRARY_VERSION } from '../project/versions';

/** The `sagemaker-gitops` command with its global options (`--json`, `--region`, `--profile`), before any subcommand. */
export function baseProgram(description: string): Command {
  return new Command(LIBRARY_NAME)
    .description(description)
    .version(LIBRARY_VERSION)
    .option('--json', 'machine-readable output')
    .option('--region <region>', 'the AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, then the profile\'s region)')
    .option('--profile <name>', 'the named AWS profile (default: AWS_PROFILE, then the default profile)')
    .showHelpAfterError()
    .exitOverride();
}
