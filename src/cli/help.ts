import { Command, Help, Option } from 'commander';
import { LIBRARY_NAME } from '../app-context/versions';

/** One example per command, shown at the end of its help. */
export const COMMAND_EXAMPLES: Readonly<Record<string, string>> = {
  'init': 'init churn-project --name player-churn --region eu-west-1',
  'stacks': 'stacks model-build/cdk.out model-deploy/cdk.out',
  'sample-data': 'sample-data --players 4000 --days 18 --seed 42 --out data/player-churn.csv',
  'local-run': 'local-run --repo model-build --parameter TestScoreThreshold=0.7',
  'run-pipeline': 'run-pipeline --name player-churn-training --parameter TestScoreThreshold=0.75 --wait',
  'test-endpoint': 'test-endpoint --endpoint player-churn-staging --payload test/payload.csv --max-p95-ms 250',
  'verify-release': 'verify-release --stack player-churn-prod-endpoint --endpoint player-churn-prod --model resolved-model.json',
  'compare-shadow': 'compare-shadow --endpoint player-churn-prod --production-variant AllTraffic --shadow-variant Shadow --capture-uri s3://my-bucket/data-capture --minutes 60 --max-latency-increase-percent 20 --max-error-rate 0.01 --max-prediction-psi 0.2 --out shadow-report.json',
  'resolve-model': 'resolve-model --group player-churn --out resolved-model.json',
  'models': 'models --group player-churn --status PendingManualApproval',
  'compare-models': 'compare-models 7 --group player-churn',
  'approve-model': 'approve-model 7 --group player-churn --comment "AUC 0.91 on the March data"',
  'reject-model': 'reject-model 7 --group player-churn --comment "trained on a partial export"',
  'cleanup': 'cleanup --project player-churn --dry-run',
  'status': 'status --project player-churn',
  'quotas': 'quotas --config model-deploy/sagemaker-gitops.json --region us-east-1',
  'approve-release': 'approve-release --project player-churn --comment "staging test passed, p95 41 ms"',
  'reject-release': 'reject-release --project player-churn --comment "latency regression in staging"',
  'publish-templates': 'publish-templates --bucket my-templates-bucket',
  'self-mutation-check': 'self-mutation-check --stack player-churn-model-deploy-pipeline',
  'assets-check': 'assets-check --assembly cdk.out',
  'input-check': 'input-check --model resolved-model.json --pipeline player-churn-model-deploy',
  'prod-change-check': 'prod-change-check --assembly cdk.out/assembly-player-churn-model-deploy-pipeline-Prod --pipeline player-churn-model-deploy',
  'release-order-check': 'release-order-check --pipeline player-churn-model-deploy --stage ProdShadow',
};

/** What a usage error prints after the error itself: one hint, not the whole help. */
export function usageHint(command: Command): string {
  const path = commandPath(command);
  return `(run ${path} --help for its options and an example)`;
}

function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c !== null; c = c.parent) {
    names.unshift(c.name());
  }
  return names.join(' ');
}

/**
 * Help that shows the global options under each command's own, marks required options, and
 * ends with the command's example; usage errors print the error and one hint line.
 */
export function configureCommandHelp(command: Command): Command {
  command
    .configureHelp({
      showGlobalOptions: true,
      optionDescription(this: Help, option: Option): string {
        const text = Help.prototype.optionDescription.call(this, option);
        return option.mandatory ? `(required) ${text}` : text;
      },
    })
    .showHelpAfterError(usageHint(command));
  const example = COMMAND_EXAMPLES[command.name()];
  if (example !== undefined) {
    command.addHelpText('after', `\nExample:\n  $ ${LIBRARY_NAME} ${example}`);
  }
  return command;
}
