import * as readline from 'node:readline/promises';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { S3Client } from '@aws-sdk/client-s3';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { Command } from 'commander';
import {
  AwsClientOptions,
  CleanupClients,
  CleanupOutcome,
  CleanupPlan,
  CleanupStep,
  CliError,
  KeptResource,
  STEP_LABELS,
  StackStep,
  createAwsClient,
  executeCleanup,
  formatOutcome,
  planCleanup,
} from '../aws';
import { awsClientOptions } from './base-program';
import { parseGroupName, parseProjectName } from './option-parsers';
import { GlobalOptions, Output } from './output';

/** Asks a person to confirm, on the terminal. */
export interface ConfirmPrompt {
  /** Whether a person can answer: stdin is a terminal. */
  isInteractive(): boolean;
  /** Asks `question` and resolves with the line typed. */
  ask(question: string): Promise<string>;
}

/** What `cleanup` needs from outside; tests inject clients, a prompt and a no-op sleep. */
export interface CleanupDeps {
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
  /**
   * Builds the S3 client from the global `--region` and `--profile`.
   * @default - `createAwsClient(S3Client, options)`
   */
  readonly s3Client?: (options: AwsClientOptions) => Promise<S3Client>;
  /**
   * Asks for the project name before deleting (without `--yes`).
   * @default - a readline prompt on stdin, written to stderr
   */
  readonly confirmPrompt?: ConfirmPrompt;
  /**
   * Waits `ms` milliseconds between polls of a deletion.
   * @default - a `setTimeout` promise
   */
  readonly sleep?: (ms: number) => Promise<void>;
  /**
   * The current time in milliseconds.
   * @default Date.now
   */
  readonly now?: () => number;
}

interface CleanupCommandOptions {
  readonly project: string;
  readonly group?: string;
  readonly purge?: boolean;
  readonly yes?: boolean;
  readonly dryRun?: boolean;
}

const terminalPrompt: ConfirmPrompt = {
  isInteractive: () => process.stdin.isTTY === true,
  async ask(question) {
    const terminal = readline.createInterface({ input: process.stdin, output: process.stderr });
    try {
      return await terminal.question(question);
    } finally {
      terminal.close();
    }
  },
};

const HELP = `
Order: the model-deploy pipeline stack (so no release starts), the batch-scoring stack, the
production endpoint (its stack retains it; SageMaker does not allow deleting the endpoint config or
the model role of a live endpoint, so it goes first), the endpoint stacks (prod, then staging), the
model-build pipeline stack, then the model-build stack. Each deletion is waited for; a stack that
is not found is skipped; a failed deletion stops cleanup with its reason, and running cleanup
again continues where it stopped. Deleting an autoscaled endpoint also deregisters its scalable
target: the caller needs application-autoscaling:DeregisterScalableTarget. SageMaker does not
delete a pipeline while an execution of it runs, so before a stack with SageMaker pipelines (the
training pipeline, the drift check, batch scoring) cleanup stops their running executions and
waits until they have stopped (sagemaker:ListPipelineExecutions and StopPipelineExecution).

Kept unless --purge: the model package group with every version, and the project's buckets with
their data. --purge deletes the versions, the group, and empties and deletes the buckets, except
the bucket of an MLflow backend's artifact store, whose runs keep their models and files (every
backend of the account and region: sagemaker:ListMlflowApps, ListMlflowTrackingServers,
DescribeMlflowApp and DescribeMlflowTrackingServer).
Never deleted: KMS keys (schedule their deletion by hand), the MLflow backend, the log groups and the
step images' ECR repository.
The plan says which kept resource has a fixed name that a new deployment of the project would
create again (and fail on while it exists).

Only the current account and region (--profile, --region) are searched: stacks and endpoints of
a staging or production environment in another account or region are not listed and not
deleted; run cleanup again with that account's profile and region. A stage in another region
also has the release pipeline's support stack there, in the pipeline's account: run cleanup in that
region with the pipeline account's profile too.`;

/**
 * `cleanup --project <name> [--group <name>] [--purge] [--yes] [--dry-run]`: deletes a project's
 * stacks and endpoints in the current account and region in a safe order, after confirmation.
 */
export function cleanupCommand(output: Output, deps: CleanupDeps = {}): Command {
  const cloudFormationClient = deps.cloudFormationClient ?? ((options: AwsClientOptions) => createAwsClient(CloudFormationClient, options));
  const sageMakerClient = deps.sageMakerClient ?? ((options: AwsClientOptions) => createAwsClient(SageMakerClient, options));
  const s3Client = deps.s3Client ?? ((options: AwsClientOptions) => createAwsClient(S3Client, options));
  const prompt = deps.confirmPrompt ?? terminalPrompt;
  return new Command('cleanup')
    .description('delete a project\'s stacks and endpoints in the current account and region; keep the model registry and buckets unless --purge')
    .requiredOption('--project <name>', 'the project name (projectName in .projenrc.ts)', parseProjectName)
    .option('--group <name>', 'the model package group (default: the model-build stack\'s, else the project name)', parseGroupName)
    .option('--purge', 'also delete every model version, the model package group, and the buckets with all their data')
    .option('--yes', 'delete without asking to type the project name')
    .option('--dry-run', 'list what would be deleted and kept; change nothing')
    .addHelpText('after', HELP)
    .action(async function (this: Command, opts: CleanupCommandOptions) {
      const { json } = this.optsWithGlobals<GlobalOptions>();
      const aws = awsClientOptions(this);
      const created: Array<{ destroy(): void }> = [];
      const track = async <C extends { destroy(): void }>(client: Promise<C>): Promise<C> => {
        const c = await client;
        created.push(c);
        return c;
      };
      try {
        const clients: CleanupClients = {
          cloudFormation: await track(cloudFormationClient(aws)),
          sageMaker: await track(sageMakerClient(aws)),
          s3: await track(s3Client(aws)),
        };
        const plan = await planCleanup(clients, { projectName: opts.project, modelPackageGroupName: opts.group, purge: opts.purge });
        if (plan.steps.length === 0) {
          const nothing = `nothing to clean up for project ${plan.projectName} in ${plan.region}`;
          if (json) {
            output.result(planJson(plan, opts.dryRun === true), true);
            output.info(nothing);
          } else {
            output.result([nothing, ...formatKept(plan)].join('\n'));
          }
          return;
        }
        if (opts.dryRun) {
          output.result(json ? planJson(plan, true) : formatPlan(plan).join('\n'), json);
          return;
        }
        formatPlan(plan).forEach((line) => output.info(line));
        if (!opts.yes) {
          await confirm(prompt, plan.projectName);
        }
        const outcomes = await executeCleanup(clients, plan, { onProgress: (message) => output.info(message), sleep: deps.sleep, clock: deps.now });
        output.result(json ? resultJson(plan, outcomes) : formatResult(plan, outcomes).join('\n'), json);
      } finally {
        created.forEach((client) => client.destroy());
      }
    });
}

async function confirm(prompt: ConfirmPrompt, projectName: string): Promise<void> {
  if (!prompt.isInteractive()) {
    throw new CliError('refusing to delete without --yes when stdin is not a terminal: review the plan above, then run again with --yes (or --dry-run to only list it)');
  }
  const answer = (await prompt.ask(`type the project name to confirm the deletion (${projectName}): `)).trim();
  if (answer !== projectName) {
    throw new CliError(`cleanup cancelled: ${JSON.stringify(answer)} is not the project name ${projectName}; nothing was deleted`);
  }
}

/** The plan for people: what goes, in order; what was not found; what stays. */
export function formatPlan(plan: CleanupPlan): string[] {
  return [
    `cleanup of project ${plan.projectName} in ${plan.region} (the account of the current credentials; other accounts and regions are not searched)`,
    'delete, in this order:',
    ...plan.steps.map((step, index) => `  ${index + 1}. ${describeStep(step)}`),
    ...(plan.notFound.length > 0 ? ['not found here, skipped:', ...plan.notFound.map((missing) => `  ${STEP_LABELS[missing.type]} ${missing.name}`)] : []),
    ...formatKept(plan),
  ];
}

function describeStep(step: CleanupStep): string {
  switch (step.type) {
    case 'stack':
      return `stack ${step.name} (${step.status}${step.terminationProtection ? '; termination protection is on: turn it off first' : ''})${stoppedFirst(step)}${step.note ? `: ${step.note}` : ''}`;
    case 'endpoint':
      return `endpoint ${step.name} (${step.status}; ${step.reason})${step.endpointConfigName ? ` and its endpoint config ${step.endpointConfigName}` : ''}`;
    case 'model-package-group':
      return `model package group ${step.name}: its ${versions(step.versions)}, then the group`;
    case 'bucket':
      return `bucket ${step.name} (from stack ${step.stackName}): every object version and delete marker, then the bucket`;
  }
}

/** The running pipeline executions a stack step stops before the deletion (SageMaker does not delete a pipeline that runs). */
function stoppedFirst(step: StackStep): string {
  const running = step.pipelines.filter((p) => p.running > 0);
  return running.length === 0 ? ''
    : `, after stopping ${running.map((p) => `${p.running === 1 ? 'the running execution' : `the ${p.running} running executions`} of SageMaker pipeline ${p.name}`).join(' and ')}`;
}

function formatKept(plan: CleanupPlan): string[] {
  return plan.kept.length > 0 ? ['keep:', ...plan.kept.map((kept) => `  ${describeKept(kept, plan.region)}`)] : [];
}

function describeKept(kept: KeptResource, region: string): string {
  const from = kept.stackName ? ` (from stack ${kept.stackName})` : '';
  switch (kept.type) {
    case 'model-package-group':
      return `model package group ${kept.name} with its ${versions(kept.versions ?? 0)}: --purge deletes them`
        + (kept.recreatedBy ? `; while it exists, a new deployment of stack ${kept.recreatedBy} fails on its name (give the project another modelPackageGroupName, or --purge)` : '');
    case 'bucket':
      return kept.mlflowArtifacts
        ? `bucket ${kept.name}${from} and its data, with --purge too: it holds the artifact store of an MLflow backend (${kept.mlflowArtifacts}); `
          + 'empty and delete it by hand after the backend'
        : `bucket ${kept.name}${from} and its data: --purge deletes them`
          + (kept.recreatedBy ? `; while it exists, a new deployment of stack ${kept.recreatedBy} fails on its name` : '');
    case 'kms-key':
      return `KMS key ${kept.name}${from}: cleanup never deletes keys; once nothing needs it, schedule its deletion by hand: `
        + `aws kms schedule-key-deletion --key-id ${kept.name} --pending-window-in-days 30 --region ${region}`;
    case 'mlflow-tracking-server':
      return `MLflow tracking server ${kept.name}${from}: delete it by hand when it is no longer needed${beforeRecreate(kept)}: `
        + `aws sagemaker delete-mlflow-tracking-server --tracking-server-name ${kept.name} --region ${region}`;
    case 'log-group':
      return `log group ${kept.name}${from} and its logs: delete it by hand when they are no longer needed${beforeRecreate(kept)}: `
        + `aws logs delete-log-group --log-group-name ${kept.name} --region ${region}`;
    case 'ecr-repository':
      return `ECR repository ${kept.name}${from} and its step images: delete it by hand when they are no longer needed${beforeRecreate(kept)}: `
        + `aws ecr delete-repository --repository-name ${kept.name} --force --region ${region}`;
    case 'mlflow-app':
      return `MLflow App ${kept.name}${from} with its experiments and runs: delete it by hand when it is no longer needed: `
        + `aws sagemaker delete-mlflow-app --arn ${kept.name} --region ${region}`;
    case 'iam-role':
      return `IAM role ${kept.name}${from}, with which the MLflow backend reads and writes its artifacts: delete it after the backend: `
        + `aws iam list-role-policies --role-name ${kept.name}, aws iam delete-role-policy --role-name ${kept.name} --policy-name <each>, `
        + `then aws iam delete-role --role-name ${kept.name}`;
  }
}

/** When the resource's name blocks a new deployment of the project: before that deployment too. */
function beforeRecreate(kept: KeptResource): string {
  return kept.recreatedBy ? `, and before a new deployment of stack ${kept.recreatedBy}, which creates it again` : '';
}

function versions(count: number): string {
  return count === 1 ? '1 version' : `${count} versions`;
}

function formatResult(plan: CleanupPlan, outcomes: readonly CleanupOutcome[]): string[] {
  return [
    `cleaned up project ${plan.projectName} in ${plan.region}:`,
    ...outcomes.map((outcome) => `  ${formatOutcome(outcome)}`),
    ...formatKept(plan),
  ];
}

function planJson(plan: CleanupPlan, dryRun: boolean) {
  return { projectName: plan.projectName, region: plan.region, purge: plan.purge, dryRun, steps: plan.steps, kept: plan.kept, notFound: plan.notFound };
}

function resultJson(plan: CleanupPlan, outcomes: readonly CleanupOutcome[]) {
  return { projectName: plan.projectName, region: plan.region, purge: plan.purge, dryRun: false, outcomes, kept: plan.kept, notFound: plan.notFound };
}
