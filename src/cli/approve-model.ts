import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { STSClient } from '@aws-sdk/client-sts';
import { Command, InvalidArgumentError } from 'commander';
import {
  APPROVAL_DESCRIPTION_MAX_LENGTH,
  ApprovalDecision,
  AwsClientOptions,
  ModelApprovalChange,
  ModelPackageVersionArn,
  ModelVersionTarget,
  approvalCommentProblem,
  changeModelApproval,
  createAwsClient,
  groupOfModelPackageGroupArn,
  parseModelPackageVersionArn,
} from '../aws';
import { awsClientOptions } from './base-program';
import { parseGroupName } from './option-parsers';
import { GlobalOptions, Output } from './output';

/** What `approve-model` and `reject-model` need from outside; tests inject clients. */
export interface ApproveModelDeps {
  /**
   * Builds the SageMaker client from the global `--region` and `--profile`.
   * @default - `createAwsClient(SageMakerClient, options)`
   */
  readonly sageMakerClient?: (options: AwsClientOptions) => Promise<SageMakerClient>;
  /**
   * Builds the STS client (for the caller's account) from the global `--region` and `--profile`.
   * @default - `createAwsClient(STSClient, options)`
   */
  readonly stsClient?: (options: AwsClientOptions) => Promise<STSClient>;
}

/** The positional argument: a version number (of `--group`) or a model package version ARN. */
type VersionRef = { readonly version: number } | { readonly arn: ModelPackageVersionArn };

interface ApproveModelOptions {
  readonly comment: string;
  readonly group?: string;
  readonly dryRun?: boolean;
}

const ARN_FORM = 'arn:<partition>:sagemaker:<region>:<account>:model-package/<group>/<version>';

/**
 * `approve-model <version|arn> --comment <text> [--group <name>]`: approves a model version, which
 * starts the model-deploy pipeline, and says what it will deploy.
 */
export function approveModelCommand(output: Output, deps: ApproveModelDeps = {}): Command {
  return approvalCommand('approve-model', 'Approved', output, deps);
}

/**
 * `reject-model <version|arn> --comment <text> [--group <name>]`: rejects a model version, which
 * starts the model-deploy pipeline, and says what it will deploy (a rollback when the version was the deployed one).
 */
export function rejectModelCommand(output: Output, deps: ApproveModelDeps = {}): Command {
  return approvalCommand('reject-model', 'Rejected', output, deps);
}

function approvalCommand(name: string, status: ApprovalDecision, output: Output, deps: ApproveModelDeps): Command {
  const sageMakerClient = deps.sageMakerClient ?? ((options: AwsClientOptions) => createAwsClient(SageMakerClient, options));
  const stsClient = deps.stsClient ?? ((options: AwsClientOptions) => createAwsClient(STSClient, options));
  const verb = status === 'Approved' ? 'approve' : 'reject';
  return new Command(name)
    .description(`${verb} a model package version with a comment; the model-deploy pipeline then deploys the newest approved version`)
    .argument('<version|arn>', `the version number (with --group) or the model package version ARN (${ARN_FORM})`, parseVersionRef)
    .requiredOption('--comment <text>', `why (stored as the approval description: one line, at most ${APPROVAL_DESCRIPTION_MAX_LENGTH} characters)`, parseComment)
    .option('--group <name>', 'the model package group (required with a version number)', parseGroupName)
    .option('--dry-run', `check the version and say what would deploy; ${verb} nothing`)
    .action(async function (this: Command, ref: VersionRef, opts: ApproveModelOptions) {
      const target = toTarget(this, ref, opts.group);
      const { json } = this.optsWithGlobals<GlobalOptions>();
      const clientOptions = awsClientOptions(this);
      const sageMaker = await sageMakerClient(clientOptions);
      let change: ModelApprovalChange;
      try {
        const sts = await stsClient(clientOptions);
        try {
          change = await changeModelApproval(sageMaker, sts, { target, status, comment: opts.comment, dryRun: opts.dryRun === true });
        } finally {
          sts.destroy();
        }
      } finally {
        sageMaker.destroy();
      }
      output.result(json ? changeJson(change) : describeChange(change).join('\n'), json);
    });
}

function parseVersionRef(value: string): VersionRef {
  if (/^[1-9]\d*$/.test(value) && Number.isSafeInteger(Number(value))) {
    return { version: Number(value) };
  }
  const arn = parseModelPackageVersionArn(value);
  if (arn) {
    return { arn };
  }
  const group = groupOfModelPackageGroupArn(value);
  if (group !== undefined) {
    throw new InvalidArgumentError(`${value} is a model package group's ARN, not a version's: pass the version number with --group ${group}, or the version's ARN (${ARN_FORM})`);
  }
  throw new InvalidArgumentError(`expected a positive integer version (with --group <name>) or a model package version ARN (${ARN_FORM}), got ${value}`);
}

function parseComment(value: string): string {
  const problem = approvalCommentProblem(value);
  if (problem) {
    throw new InvalidArgumentError(problem);
  }
  return value;
}

/** The version to change; a version number needs --group, and an ARN must agree with --group. Usage errors exit 2. */
function toTarget(command: Command, ref: VersionRef, group: string | undefined): ModelVersionTarget {
  if ('version' in ref) {
    if (group === undefined) {
      command.error(`error: --group <name> is required with a version number (${ref.version}); or pass the model package version ARN (${ARN_FORM})`, { exitCode: 2 });
    }
    return { groupName: group, version: ref.version };
  }
  if (group !== undefined && group.toLowerCase() !== ref.arn.groupName.toLowerCase()) {
    command.error(`error: --group ${group} does not match the group of ${ref.arn.arn} (${ref.arn.groupName}); drop --group or pass the version number`, { exitCode: 2 });
  }
  return { modelPackageArn: ref.arn.arn };
}

function changeJson(change: ModelApprovalChange) {
  return {
    modelPackageArn: change.modelPackageArn,
    modelPackageGroupName: change.modelPackageGroupName,
    version: change.version,
    previousStatus: change.previousStatus,
    newStatus: change.newStatus,
    changed: change.changed,
    startsRelease: change.startsRelease,
    deploys: change.deploys ?? null,
    ...(change.dryRun ? { dryRun: true } : {}),
  };
}

/** What changed, then what the model-deploy pipeline deploys as a result. */
function describeChange(change: ModelApprovalChange): string[] {
  if (change.dryRun) {
    return ['dry run: nothing changed', ...describeChange({ ...change, dryRun: false }).map((line) => `would have: ${line}`)];
  }
  const { version, modelPackageGroupName: group, deploys } = change;
  if (!change.changed) {
    return [
      `version ${version} of ${group} is already ${change.newStatus}: nothing changed`,
      deploys
        ? `the model-deploy pipeline deploys version ${deploys.version}, the newest Approved`
        : 'no version is approved: the model-deploy pipeline deploys nothing (it fails at resolve-model)',
    ];
  }
  return [
    `${change.newStatus === 'Approved' ? 'approved' : 'rejected'} version ${version} of ${group} (was ${change.previousStatus}): ${change.modelPackageArn}`,
    change.startsRelease
      ? `the model-deploy pipeline starts on this change: ${consequence(change)}`
      : `no release starts: version ${version} was ${change.previousStatus}, not Approved, so nothing changes in what deploys${change.deploys ? ` (version ${change.deploys.version})` : ''}`,
  ];
}

function consequence({ version, newStatus, deployedBefore, deploys }: ModelApprovalChange): string {
  const nothingApproved = 'the model-deploy pipeline will fail at resolve-model and production keeps serving what it serves now';
  if (newStatus === 'Approved') {
    return deploys?.version === version
      ? `version ${version} will deploy to staging, then await release approval`
      : `version ${deploys?.version} stays the one deployed; version ${version} is approved but older`;
  }
  if (deployedBefore?.version === version) {
    return deploys ? `model-deploy rolls back to version ${deploys.version}, the newest still approved` : `no approved version remains: ${nothingApproved}`;
  }
  return deploys ? `nothing changes in what deploys (version ${deploys.version})` : `nothing changes in what deploys: no version is approved, so ${nothingApproved}`;
}
