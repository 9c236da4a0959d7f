import { deleteBucket } from './cleanup-buckets';
import { deleteEndpoint, deleteModelPackageGroup, deleteStack } from './cleanup-delete';
import { Poller } from './cleanup-poller';
import { CleanupClients, CleanupOptions, CleanupOutcome, CleanupPlan, CleanupStep, KeptResource, StackStep } from './cleanup-types';
import { CliError } from './errors';

/**
 * Runs a plan's steps in order, waiting for each stack and endpoint to be gone before the next
 * step. What is already gone is skipped. Stops at the first failure; what was deleted stays
 * deleted, so running cleanup again continues where it stopped.
 *
 * @throws CliError before any deletion when a stack has termination protection
 * @throws CliError when a stack deletion fails (naming its reason and the first resource that failed) or times out
 */
export async function executeCleanup(clients: CleanupClients, plan: CleanupPlan, options: CleanupOptions = {}): Promise<CleanupOutcome[]> {
  const protectedStacks = plan.steps.filter((step): step is StackStep => step.type === 'stack' && step.terminationProtection);
  if (protectedStacks.length > 0) {
    throw new CliError([
      `nothing was deleted: termination protection is on for ${protectedStacks.map((s) => `stack ${s.name}`).join(', ')}; turn it off first with:`,
      ...protectedStacks.map((s) => `  aws cloudformation update-termination-protection --no-enable-termination-protection --stack-name ${s.name} --region ${plan.region}`),
    ].join('\n'));
  }
  const poller = new Poller(options);
  const outcomes: CleanupOutcome[] = [];
  for (const step of plan.steps) {
    const outcome = await runStep(clients, step, poller);
    poller.report(formatOutcome(outcome));
    outcomes.push(outcome);
  }
  return outcomes;
}

/** How people read a step's type. */
export const STEP_LABELS: Readonly<Record<CleanupStep['type'] | KeptResource['type'], string>> = {
  'stack': 'stack',
  'endpoint': 'endpoint',
  'model-package-group': 'model package group',
  'bucket': 'bucket',
  'kms-key': 'KMS key',
  'mlflow-tracking-server': 'MLflow tracking server',
  'mlflow-app': 'MLflow App',
  'log-group': 'log group',
  'iam-role': 'IAM role',
  'ecr-repository': 'ECR repository',
};

/** `deleted stack p-model-build (took 2m05s)`, `stack p-staging-endpoint: not found, skipped`. */
export function formatOutcome(outcome: CleanupOutcome): string {
  const what = `${STEP_LABELS[outcome.type]} ${outcome.name}`;
  return outcome.result === 'deleted'
    ? `deleted ${what}${outcome.detail ? ` (${outcome.detail})` : ''}`
    : `${what}: not found, skipped${outcome.detail ? ` (${outcome.detail})` : ''}`;
}

function runStep(clients: CleanupClients, step: CleanupStep, poller: Poller): Promise<CleanupOutcome> {
  switch (step.type) {
    case 'stack':
      return deleteStack(clients, step, poller);
    case 'endpoint':
      return deleteEndpoint(clients.sageMaker, step, poller);
    case 'model-package-group':
      return deleteModelPackageGroup(clients.sageMaker, step, poller);
    case 'bucket':
      return deleteBucket(clients.s3, step);
  }
}
