import { ApprovalStatus, CodePipelineClient } from '@aws-sdk/client-codepipeline';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { Command, InvalidArgumentError } from 'commander';
import {
  AwsClientOptions,
  CliError,
  RELEASE_COMMENT_MAX_LENGTH,
  ReleaseDecision,
  ReleaseReview,
  StageClientFactory,
  StageEndpoint,
  checkStageCredentials,
  createAwsClient,
  decideRelease,
  formatServedModel,
  formatTimestamp,
  releaseCommentProblem,
  registryRefusal,
  reviewRelease,
  stagingMovedOnWarning,
} from '../aws';
import { ProjectResourceNames } from '../app-context/resource-names';
import { parseGroupName, parseProjectName } from './option-parsers';
import { awsClientOptions } from './base-program';
import { GlobalOptions, Output } from './output';

/** What `approve-release` and `reject-release` need from outside; tests inject clients. */
export interface ApproveReleaseDeps {
  /**
   * Builds the CodePipeline client from the global `--region` and `--profile`.
   * @default - `createAwsClient(CodePipelineClient, options)`
   */
  readonly codePipelineClient?: (options: AwsClientOptions) => Promise<CodePipelineClient>;
  /**
   * Builds the SageMaker client from the global `--region` and `--profile`.
   * @default - `createAwsClient(SageMakerClient, options)`
   */
  readonly sageMakerClient?: (options: AwsClientOptions) => Promise<SageMakerClient>;
}

interface ApproveReleaseOptions {
  readonly project: string;
  readonly group?: string;
  readonly comment?: string;
  readonly dryRun?: boolean;
  readonly stagingProfile?: string;
  readonly prodProfile?: string;
}

/**
 * `approve-release --project <name> --comment <text> [--group <name>] [--dry-run]`: shows the model
 * version waiting for production against the one production serves, then approves the release in
 * the model-deploy pipeline. Exits 1 when no release waits.
 */
export function approveReleaseCommand(output: Output, deps: ApproveReleaseDeps = {}): Command {
  return releaseCommand('approve-release', 'Approved', output, deps);
}

/**
 * `reject-release --project <name> --comment <text> [--group <name>] [--dry-run]`: the same review,
 * then rejects the release: production keeps serving what it serves. Exits 1 when no release waits.
 */
export function rejectReleaseCommand(output: Output, deps: ApproveReleaseDeps = {}): Command {
  return releaseCommand('reject-release', 'Rejected', output, deps);
}

function releaseCommand(name: string, status: ApprovalStatus, output: Output, deps: ApproveReleaseDeps): Command {
  const codePipelineClient = deps.codePipelineClient ?? ((options: AwsClientOptions) => createAwsClient(CodePipelineClient, options));
  const sageMakerClient = deps.sageMakerClient ?? ((options: AwsClientOptions) => createAwsClient(SageMakerClient, options));
  const verb = status === 'Approved' ? 'approve' : 'reject';
  return new Command(name)
    .description(`compare the model version waiting for production with the one production serves, then ${verb} the release in the model-deploy pipeline`)
    .requiredOption('--project <name>', 'the project name (projectName in .projenrc.ts)', parseProjectName)
    .option('--comment <text>', `why (the approval summary, at most ${RELEASE_COMMENT_MAX_LENGTH} characters); required unless --dry-run`, parseComment)
    .option('--group <name>', 'the model package group (default: the project name)', parseGroupName)
    .option('--dry-run', `show the release and the comparison; ${verb} nothing`)
    .option('--staging-profile <name>', 'the AWS profile to read the staging endpoint with, when staging is in another account than the pipeline')
    .option('--prod-profile <name>', 'the AWS profile to read the production endpoint with, when production is in another account than the pipeline')
    .action(async function (this: Command, opts: ApproveReleaseOptions) {
      if (opts.comment === undefined && !opts.dryRun) {
        this.error('error: required option \'--comment <text>\' not specified (only --dry-run goes without)', { exitCode: 2 });
      }
      const { json } = this.optsWithGlobals<GlobalOptions>();
      const clientOptions = awsClientOptions(this);
      const names = new ProjectResourceNames(opts.project, opts.group);
      const codePipeline = await codePipelineClient(clientOptions);
      try {
        // Each endpoint is read where the pipeline deploys it: its stage's region, with its account's profile.
        const stageClient: StageClientFactory = async (location, pipelineAccount) => {
          const stageProfile = location.stage === 'staging' ? opts.stagingProfile : opts.prodProfile;
          checkStageCredentials(location, pipelineAccount, stageProfile);
          return sageMakerClient({ ...clientOptions, region: location.region ?? clientOptions.region, profile: stageProfile ?? clientOptions.profile });
        };
        const review: ReleaseReview = await reviewRelease(codePipeline, stageClient, names);
        if (!json) {
          output.result(formatReview(review).join('\n'));
        }
        if (status === 'Approved' && review.stagingMovedOn && !opts.dryRun) {
          // The comparison above is of what staging serves now, not of what approving would release.
          throw new CliError(`not approved: ${stagingMovedOnWarning(review.approval, review.stagingMovedOn)}. Reject this release with reject-release, or approve it in the CodePipeline console, where its approval names its version; nothing was changed`);
        }
        const refusal = status === 'Approved' && !opts.dryRun ? registryRefusal(review) : undefined;
        if (refusal !== undefined) {
          throw new CliError(`not approved: ${refusal}`);
        }
        const decision = opts.dryRun ? undefined : await decideRelease(codePipeline, review.approval, status, opts.comment!);
        output.result(json ? reviewJson(review, status, opts.comment, decision) : formatDecision(review, status, decision, names.modelPackageGroup), json);
      } finally {
        codePipeline.destroy();
      }
    });
}

function parseComment(value: string): string {
  const problem = releaseCommentProblem(value);
  if (problem) {
    throw new InvalidArgumentError(problem);
  }
  return value;
}

/** The waiting release, the candidate against production, the AUC difference and the warnings. */
function formatReview(review: ReleaseReview): string[] {
  const { approval, candidate, production, aucDifference } = review;
  const since = approval.since ? ` since ${formatTimestamp(approval.since)}` : '';
  const execution = approval.pipelineExecutionId ? ` (execution ${approval.pipelineExecutionId})` : '';
  return [
    `release waiting in pipeline ${approval.pipelineName}, ${approval.stageName}/${approval.actionName}${since}${execution}`,
    `  candidate:  ${formatSide(candidate, 'unknown')}`,
    `  production: ${formatSide(production, 'nothing yet (this is the first release)')}`,
    `  AUC difference: ${aucDifference === undefined ? aucUnknown(review) : `${aucDifference >= 0 ? '+' : ''}${aucDifference.toFixed(4)} (candidate minus production)`}`,
    ...(review.modelInputs === undefined ? [] : [`  model inputs: ${review.modelInputs}`]),
    ...review.warnings.map((warning) => `warning: ${warning}`),
  ];
}

function formatSide(endpoint: StageEndpoint, whenMissing: string): string {
  if (!endpoint.deployed) {
    return `${whenMissing} (endpoint ${endpoint.endpointName} does not exist)`;
  }
  return `${formatServedModel(endpoint.model)} on ${endpoint.endpointName} (${endpoint.status})`;
}

function aucUnknown({ candidate, production }: ReleaseReview): string {
  if (!production.deployed) {
    return 'none (nothing in production to compare with)';
  }
  return candidate.deployed && candidate.model.version !== undefined && production.model.version !== undefined
    ? 'unknown (an AUC is not recorded)'
    : 'unknown (a version is unknown)';
}

/**
 * What was decided and what happens next, or what a dry run would have done. A rejected release
 * leaves its version Approved in the registry: the pipeline's next run (which resolves the newest
 * approved version) asks for it again, which `reject-model` prevents.
 */
function formatDecision(review: ReleaseReview, status: ApprovalStatus, decision: ReleaseDecision | undefined, group: string): string {
  const waiting = review.stagingMovedOn ? review.stagingMovedOn.waiting?.version : review.candidate.deployed ? review.candidate.model.version : undefined;
  const version = waiting !== undefined ? `version ${waiting}` : 'the candidate';
  const production = review.production.endpointName;
  if (!decision) {
    return `dry run: nothing decided; without --dry-run this would ${status === 'Approved' ? 'approve' : 'reject'} the release of ${version} to ${production}`;
  }
  const at = decision.decidedAt ? ` at ${formatTimestamp(decision.decidedAt)}` : '';
  return status === 'Approved'
    ? `approved the release of ${version}${at}: the ${review.approval.stageName} stage now deploys it to ${production}`
    : `rejected the release of ${version}${at}: this execution stops and ${production} keeps serving what it serves`
      + (waiting === undefined ? '' : `; version ${waiting} stays Approved in the model registry, so the pipeline's next run (a push to model-deploy, say) `
        + `asks for it again while it is the newest approved version: \`sagemaker-gitops reject-model ${waiting} --group ${group} --comment "<why>"\` keeps it out`);
}

function reviewJson(review: ReleaseReview, status: ApprovalStatus, comment: string | undefined, decision: ReleaseDecision | undefined) {
  const { approval } = review;
  return {
    pipeline: approval.pipelineName,
    stage: approval.stageName,
    action: approval.actionName,
    waitingSince: approval.since ?? null,
    pipelineExecutionId: approval.pipelineExecutionId ?? null,
    candidate: review.candidate,
    production: review.production,
    aucDifference: review.aucDifference ?? null,
    warnings: review.warnings,
    stagingMovedOn: review.stagingMovedOn ?? null,
    modelInputs: review.modelInputs ?? null,
    decision: decision ?? { status, comment: comment?.trim() ?? null, dryRun: true },
  };
}
