import { ApprovalStatus, CodePipelineClient, PutApprovalResultCommand, StageState } from '@aws-sdk/client-codepipeline';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { ProjectResourceNames, RELEASE_PIPELINE } from '../app-context/resource-names';
import { CliError } from './errors';
import { StageEndpoint, describeStageEndpoint, isPendingApproval, readPipelineState } from './project-status';
import { StageClientFactory, StageLocation, findStageLocations } from './release-stages';
import { ExecutionRelease, inputsBaseWarning, readExecutionRelease } from './release-variables';
import { lastDecision } from './release-history';

export { checkStageCredentials, findStageLocations } from './release-stages';
export type { ReleaseStageLocations, StageClientFactory, StageLocation } from './release-stages';
export { readExecutionRelease } from './release-variables';
export type { ExecutionRelease } from './release-variables';

/** CodePipeline's limit on an approval result's summary, in characters. */
export const RELEASE_COMMENT_MAX_LENGTH = 512;

/** The production release approval that waits in the model-deploy pipeline, with the token that decides it. */
export interface ReleaseApproval {
  readonly pipelineName: string;
  readonly stageName: string;
  readonly actionName: string;
  /** The approval token from GetPipelineState: PutApprovalResult needs it. Never print it. */
  readonly token: string;
  /** Since when the release waits (ISO 8601). */
  readonly since?: string;
  /** The pipeline execution that waits. */
  readonly pipelineExecutionId?: string;
  /** The execution the Staging stage ran last: another than the waiting one when a newer execution redeployed staging. */
  readonly stagingExecutionId?: string;
  /** How that execution's Staging stage stands (InProgress, Succeeded, Failed, ...). */
  readonly stagingStatus?: string;
}

/** What a reviewer sees before deciding: the release, the candidate on staging and what production serves now. */
export interface ReleaseReview {
  readonly approval: ReleaseApproval;
  /** The staging endpoint: the model version this execution deployed and tested. */
  readonly candidate: StageEndpoint;
  /** The production endpoint: what it serves now, or `deployed: false` for a first release. */
  readonly production: StageEndpoint;
  /** Candidate AUC minus production AUC, when both are known. */
  readonly aucDifference?: number;
  /** What the reviewer should know before deciding (a candidate of unknown version, a rejected version, ...). */
  readonly warnings: string[];
  /** Where each endpoint was looked up, when the pipeline says (a client factory was given). */
  readonly locations?: Readonly<Record<'staging' | 'prod', StageLocation>>;
  /**
   * Set when a newer execution redeployed staging while this release waits (CodePipeline's
   * SUPERSEDED mode locks only the stage an execution is in): the staging endpoint then serves
   * that execution's version, and approving would release the waiting execution's, which this
   * names (from the variables its staging check exported). approve-release refuses then.
   */
  readonly stagingMovedOn?: { readonly stagingExecutionId: string; readonly waiting?: ExecutionRelease };
  /** Whether the waiting version's inputs differ from the version production serves (its staging check's `input-check` line). */
  readonly modelInputs?: string;
}

/** What `decideRelease` did. */
export interface ReleaseDecision {
  readonly status: ApprovalStatus;
  /** The comment, as sent (trimmed). */
  readonly comment: string;
  /** When CodePipeline recorded the decision (ISO 8601). */
  readonly decidedAt?: string;
}

/** What is wrong with a release comment (empty, or longer than CodePipeline allows), or undefined when it is fine. */
export function releaseCommentProblem(comment: string): string | undefined {
  const trimmed = comment.trim();
  if (trimmed === '') {
    return 'comment must not be empty: say why the release may (or may not) go to production';
  }
  // UTF-16 units: never fewer than the characters, so a comment that passes here is never too long for CodePipeline.
  if (trimmed.length > RELEASE_COMMENT_MAX_LENGTH) {
    return `comment must be at most ${RELEASE_COMMENT_MAX_LENGTH} characters (CodePipeline's limit on an approval summary), got ${trimmed.length}`;
  }
  return undefined;
}

/**
 * The release approval that waits in the project's model-deploy pipeline: the `ApproveRelease`
 * action of the `Prod` stage, in progress and with a token.
 *
 * @throws CliError when the pipeline does not exist or no release waits, saying where the pipeline is instead
 */
export async function findReleaseApproval(client: CodePipelineClient, names: ProjectResourceNames): Promise<ReleaseApproval> {
  const pipelineName = names.modelDeployCodePipeline;
  const region = await client.config.region();
  const state = await readPipelineState(client, pipelineName);
  if (!state) {
    throw new CliError(
      `no release waits for approval: pipeline ${pipelineName} does not exist in region ${region}; ` +
      `deploy it from the model-deploy repository (npx cdk deploy ${names.modelDeployPipelineStack}), or pass the region it is in with --region`,
    );
  }
  const stages = state.stageStates ?? [];
  const prod = stages.find((stage) => stage.stageName === RELEASE_PIPELINE.prodStage);
  const action = prod?.actionStates?.find((candidate) => candidate.actionName === RELEASE_PIPELINE.approvalAction);
  if (!prod || !action || !isPendingApproval(action)) {
    throw new CliError(noPendingRelease(names, region, stages, prod));
  }
  const staging = stages.find((stage) => stage.stageName === RELEASE_PIPELINE.stagingStage);
  return withoutUndefined({
    pipelineName,
    stageName: RELEASE_PIPELINE.prodStage,
    actionName: RELEASE_PIPELINE.approvalAction,
    token: action.latestExecution!.token!,
    since: action.latestExecution?.lastStatusChange?.toISOString(),
    pipelineExecutionId: prod.latestExecution?.pipelineExecutionId,
    stagingExecutionId: staging?.latestExecution?.pipelineExecutionId,
    stagingStatus: staging?.latestExecution?.status,
  });
}

/**
 * Finds the waiting release and compares the candidate (the version the staging endpoint serves:
 * what the waiting execution deployed and tested) with the version production serves now. With a
 * client factory, each endpoint is looked up where the pipeline deploys it (`findStageLocations`:
 * the stage's own account and region); with a client, both are looked up with it.
 *
 * @throws CliError when no release waits (see `findReleaseApproval`), or what the factory throws
 */
export async function reviewRelease(codePipeline: CodePipelineClient, sageMaker: SageMakerClient | StageClientFactory, names: ProjectResourceNames): Promise<ReleaseReview> {
  const approval = await findReleaseApproval(codePipeline, names);
  const found = typeof sageMaker === 'function' ? await findStageLocations(codePipeline, names) : undefined;
  const describe = async (stage: 'staging' | 'prod'): Promise<StageEndpoint> => {
    if (typeof sageMaker !== 'function') {
      return describeStageEndpoint(sageMaker, names, stage);
    }
    const client = await sageMaker(found!.stages[stage], found!.pipelineAccount);
    try {
      return await describeStageEndpoint(client, names, stage);
    } finally {
      client.destroy();
    }
  };
  const [candidate, production] = await Promise.all([describe('staging'), describe('prod')]);
  const candidateAuc = candidate.deployed ? candidate.model.auc : undefined;
  const productionAuc = production.deployed ? production.model.auc : undefined;
  const { pipelineExecutionId, stagingExecutionId } = approval;
  const waiting = pipelineExecutionId === undefined ? undefined
    : await readExecutionRelease(codePipeline, approval.pipelineName, pipelineExecutionId).then((r) => r && withoutUndefined(r));
  const stagingMovedOn = pipelineExecutionId !== undefined && stagingExecutionId !== undefined && stagingExecutionId !== pipelineExecutionId
    ? withoutUndefined({ stagingExecutionId, waiting })
    : undefined;
  return withoutUndefined({
    approval,
    candidate,
    production,
    aucDifference: candidateAuc === undefined || productionAuc === undefined ? undefined : Math.round((candidateAuc - productionAuc) * 1e6) / 1e6,
    warnings: [
      ...(stagingMovedOn ? [stagingMovedOnWarning(approval, stagingMovedOn)] : []),
      ...warningsOf(names, candidate, production),
      ...[inputsBaseWarning(waiting, production.deployed ? production.model.version : undefined)].filter((w): w is string => w !== undefined),
    ],
    locations: found?.stages,
    stagingMovedOn,
    modelInputs: waiting?.inputs,
  });
}

/** What a reviewer must know when staging serves a newer execution's version than the release that waits. */
export function stagingMovedOnWarning(approval: ReleaseApproval, moved: NonNullable<ReleaseReview['stagingMovedOn']>): string {
  const waiting = moved.waiting?.version !== undefined
    ? `version ${moved.waiting.version} (test AUC ${moved.waiting.auc ?? 'not recorded'})`
    : 'a version this command could not read (its execution exported no release variables)';
  const next = approval.stagingStatus === 'Failed'
    ? `execution ${moved.stagingExecutionId} failed in Staging and will not come up for approval: check what staging serves before deciding`
    : `rejecting it lets execution ${moved.stagingExecutionId}, with the version staging serves, come up for approval next`;
  return `the staging endpoint now serves what a newer execution (${moved.stagingExecutionId}) deployed, not the release that waits: ` +
    `approving execution ${approval.pipelineExecutionId} releases ${waiting}, which passed its staging test before, not the candidate shown above; ${next}`;
}

/**
 * Approves or rejects the waiting release (PutApprovalResult with its token), the comment as the summary.
 *
 * @throws CliError when the comment is not allowed, or when the approval was decided, cancelled or removed since it was read
 */
export async function decideRelease(client: CodePipelineClient, approval: ReleaseApproval, status: ApprovalStatus, comment: string): Promise<ReleaseDecision> {
  const problem = releaseCommentProblem(comment);
  if (problem) {
    throw new CliError(problem);
  }
  const summary = comment.trim();
  const { pipelineName, stageName, actionName, token } = approval;
  try {
    const answer = await client.send(new PutApprovalResultCommand({ pipelineName, stageName, actionName, token, result: { status, summary } }));
    return withoutUndefined({ status, comment: summary, decidedAt: answer.approvedAt?.toISOString() });
  } catch (err) {
    const message = decisionFailure(approval, (err as Error | undefined)?.name);
    if (message) {
      throw new CliError(`${message} (CodePipeline: ${(err as Error).message})`);
    }
    throw err;
  }
}

/** The message for the known PutApprovalResult failures, or undefined for the others (rethrown as they are). */
function decisionFailure({ pipelineName, stageName, actionName }: ReleaseApproval, errorName: string | undefined): string | undefined {
  const where = `${stageName}/${actionName} in pipeline ${pipelineName}`;
  switch (errorName) {
    case 'ApprovalAlreadyCompletedException':
      return `the release approval ${where} was already approved or rejected (by someone else, or a moment ago); nothing was changed; see what happened with sagemaker-gitops status`;
    case 'InvalidApprovalTokenException':
      return `the release approval ${where} is no longer the one that was read (an update of the pipeline's definition cancelled its execution, someone stopped it, or it expired); nothing was changed; run the command again to review the release that waits now`;
    case 'ActionNotFoundException':
    case 'StageNotFoundException':
    case 'PipelineNotFoundException':
      return `the release approval ${where} no longer exists (the pipeline was changed or deleted meanwhile); nothing was changed`;
    default:
      return undefined;
  }
}

/** Why no release waits: the Prod stage's state, the last decision and where the newest execution is. */
function noPendingRelease(names: ProjectResourceNames, region: string, stages: readonly StageState[], prod: StageState | undefined): string {
  const pipelineName = names.modelDeployCodePipeline;
  const { prodStage, approvalAction } = RELEASE_PIPELINE;
  const headline = `no release waits for approval in pipeline ${pipelineName} (${region})`;
  if (!prod) {
    return `${headline}; it has no ${prodStage} stage (its stages: ${stages.map((stage) => stage.stageName).join(', ') || 'none'}). Is it a model-deploy pipeline of sagemaker-gitops?`;
  }
  const lines = [`${headline}; its ${prodStage} stage is ${prod.latestExecution?.status ?? 'not run yet'}${executionOf(prod)}`];
  const action = prod.actionStates?.find((candidate) => candidate.actionName === approvalAction);
  const execution = action?.latestExecution;
  if (!action) {
    lines.push(`its ${prodStage} stage has no ${approvalAction} action (its actions: ${(prod.actionStates ?? []).map((a) => a.actionName).join(', ') || 'none'})`);
  } else if (execution?.status === 'InProgress') {
    lines.push(`${approvalAction} is in progress but GetPipelineState gave no approval token (a pipeline in PARALLEL execution mode does not): decide it in the CodePipeline console`);
  } else if (execution?.status === 'Succeeded' || execution?.status === 'Failed') {
    lines.push(...lastDecision(execution, prod));
  }
  for (const stage of stages) {
    if (stage !== prod && (stage.latestExecution?.status === 'InProgress' || stage.latestExecution?.status === 'Failed')) {
      lines.push(stage.latestExecution.status === 'InProgress'
        ? `stage ${stage.stageName} is in progress${executionOf(stage)}: a release waits for approval once staging is deployed and tested`
        : `stage ${stage.stageName} failed${executionOf(stage)}: no release reaches approval until a run gets past it`);
    }
  }
  lines.push(`see the pipeline with: sagemaker-gitops status --project ${names.projectName}`);
  return lines.join('\n');
}

function executionOf(stage: StageState): string {
  const id = stage.latestExecution?.pipelineExecutionId;
  return id ? ` (execution ${id})` : '';
}

/** What the reviewer should know about the candidate before deciding. */
function warningsOf(names: ProjectResourceNames, candidate: StageEndpoint, production: StageEndpoint): string[] {
  if (!candidate.deployed) {
    return [`the staging endpoint ${candidate.endpointName} does not exist, so the candidate is unknown: check the pipeline before deciding`];
  }
  const warnings: string[] = [];
  const model = candidate.model;
  if (candidate.status !== 'InService') {
    const reason = candidate.failureReason ? ` (${candidate.failureReason})` : '';
    warnings.push(`the staging endpoint ${candidate.endpointName} is ${candidate.status}${reason}: it may not serve what this execution tested`);
  }
  if (model.version === undefined) {
    warnings.push(`the candidate's version is unknown: ${model.unknownReason}`);
    return warnings;
  }
  const group = model.modelPackageGroupName;
  if (group !== undefined && group.toLowerCase() !== names.modelPackageGroup.toLowerCase()) {
    warnings.push(`the candidate is a version of model package group ${group}, not of ${names.modelPackageGroup} (pass --group <name> when the project uses another group)`);
  }
  if (model.approvalStatus !== undefined && model.approvalStatus !== 'Approved') {
    warnings.push(`version ${model.version} is ${model.approvalStatus} in the model registry now: it was approved when this execution started, no longer`);
  }
  if (production.deployed && production.model.version === model.version && production.model.modelPackageArn === model.modelPackageArn) {
    warnings.push(`production already serves version ${model.version}: approving redeploys the same version (with this execution's endpoint settings)`);
  }
  return warnings;
}

/** The object without its undefined fields, so they do not show up as keys (in tests and JSON alike). */
function withoutUndefined<T extends object>(values: T): T {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as T;
}
