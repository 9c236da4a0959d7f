import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { CodePipelineClient, GetPipelineStateCommand, PipelineExecutionSummary, StageState } from '@aws-sdk/client-codepipeline';
import { listPipelineExecutions } from './release-variables';
import { GetParametersCommand, SSMClient } from '@aws-sdk/client-ssm';
import { SelfMutationStack, SelfMutationVerdict, deployedDifference } from './self-mutation-check';

/** Whether a release would change production, and why. */
export interface ProdChangeCheck {
  /** `not-needed` skips the production stages: nothing there would change. */
  readonly verdict: SelfMutationVerdict;
  /** One line per finding: an execution ahead of this one, or each stack's difference or sameness. */
  readonly reasons: readonly string[];
}

export interface ProdChangeCheckProps extends ExecutionOrderProps {
  /** Production's stacks as this release synthesized them. */
  readonly stacks: readonly SelfMutationStack[];
  readonly cloudFormationIn: (region: string) => Promise<CloudFormationClient>;
  /** Reads the SSM parameters a stack resolves at deploy, in the stack's region. */
  readonly ssmIn: (region: string) => Promise<SSMClient>;
  /** The stage a `not-needed` skips, whose last run must have succeeded (or been skipped). */
  readonly prodStage: string;
}

/** How the last run of the production stage may have ended for it to be skipped now ("StageExecution", AWS CodePipeline API Reference). */
const PROD_SETTLED: ReadonlySet<string> = new Set(['Succeeded', 'Skipped']);

/** Execution statuses in which an execution may still deploy ("PipelineExecutionSummary", AWS CodePipeline API Reference). */
const IN_FLIGHT: ReadonlySet<string> = new Set(['InProgress', 'Stopping']);

/**
 * Whether deploying this release to production would change anything: `not-needed` only when
 * every production stack is deployed exactly as this release synthesized it (`deployedDifference`),
 * with the values its SSM parameters resolve to now (`resolvedParameterDifference`), the last run of
 * the production stage succeeded (or was skipped), and no older execution of the pipeline is still
 * in flight. The last condition matters because the answer is read when this execution reaches
 * production, possibly hours later. In SUPERSEDED
 * mode a newer execution does not run a stage before an older one: it supersedes the older one
 * waiting for that stage ("How pipeline executions work", AWS CodePipeline User Guide). So only an
 * older execution can deploy production in between, and while one is in flight this release keeps
 * its production stages. Any failure to tell answers `needed`.
 */
export async function checkProdChange(props: ProdChangeCheckProps): Promise<ProdChangeCheck> {
  const { ahead, stages } = await olderExecutionsInFlight(props);
  // A release whose Prod stage failed (its deploy, or VerifyRelease after it) left the stack as this run would deploy it; skipping
  // would report success without the check that failed. A Prod stage that failed before its deploy (the approval rejected or
  // timed out, CheckRegistryApproval) changed nothing, and runs again all the same: at worst reviewers are asked once more.
  // (A run still in Prod is an execution ahead, below.)
  const lastProd = stages.find((s) => s.stageName === props.prodStage)?.latestExecution;
  if (lastProd !== undefined && !PROD_SETTLED.has(String(lastProd.status)) && !IN_FLIGHT.has(String(lastProd.status))) {
    return { verdict: 'needed', reasons: [`the last run of ${props.prodStage} (execution ${lastProd.pipelineExecutionId}) ended ${lastProd.status}: it runs again`] };
  }
  if (ahead.length > 0) {
    return {
      verdict: 'needed',
      reasons: ahead.map((e) => `execution ${e.pipelineExecutionId} (${e.status}, started ${e.startTime?.toISOString()}) is ahead of this one and may deploy production first`),
    };
  }
  const reasons: string[] = [];
  let needed = false;
  for (const stack of props.stacks) {
    const cloudFormation = await props.cloudFormationIn(stack.region);
    const difference = await deployedDifference(stack, cloudFormation) ?? await resolvedParameterDifference(stack, cloudFormation, () => props.ssmIn(stack.region));
    needed ||= difference !== undefined;
    reasons.push(`${stack.stackName} (${stack.region}): ${difference ?? 'deployed as synthesized'}`);
  }
  return { verdict: needed ? 'needed' : 'not-needed', reasons };
}

/** Where to look for the executions of a pipeline, from a step in `checkStage`. */
export interface ExecutionOrderProps {
  readonly codePipeline: CodePipelineClient;
  readonly pipelineName: string;
  /** The stage whose action asks: the execution in it is the asking one. */
  readonly checkStage: string;
}

/**
 * The executions started before this one that are still in flight (in progress or stopping),
 * and this one's id. This one is the execution in `checkStage` (a stage holds one execution at a
 * time), which must be in progress there.
 *
 * @throws Error when the stage shows no execution in progress, or this execution is not listed
 */
export async function olderExecutionsInFlight(props: ExecutionOrderProps): Promise<{ readonly own: string; readonly ahead: PipelineExecutionSummary[]; readonly stages: StageState[] }> {
  const state = await props.codePipeline.send(new GetPipelineStateCommand({ name: props.pipelineName }));
  const stage = state.stageStates?.find((s) => s.stageName === props.checkStage);
  const own = stage?.latestExecution;
  if (own?.pipelineExecutionId === undefined || own.status !== 'InProgress') {
    throw new Error(`the ${props.checkStage} stage of ${props.pipelineName} shows no execution in progress (${own?.status ?? 'none'}), so this execution cannot be told apart`);
  }
  const executions = await listPipelineExecutions(props.codePipeline, props.pipelineName);
  const started = executions.find((e) => e.pipelineExecutionId === own.pipelineExecutionId)?.startTime;
  if (started === undefined) {
    throw new Error(`ListPipelineExecutions of ${props.pipelineName} does not list this execution, ${own.pipelineExecutionId}, with its start time`);
  }
  const ahead = executions.filter((e) => e.pipelineExecutionId !== own.pipelineExecutionId && IN_FLIGHT.has(String(e.status))
    // One listed without a start time cannot be told newer: it counts as ahead.
    && (e.startTime === undefined || e.startTime.getTime() <= started.getTime()));
  return { own: own.pipelineExecutionId, ahead, stages: state.stageStates ?? [] };
}

const GET_PARAMETERS_MAX_NAMES = 10;

/** The parameter CDK's default synthesizer adds to every stack: the bootstrap stack's version, checked by a rule only. */
const BOOTSTRAP_VERSION = 'BootstrapVersion';

/**
 * What changed among the SSM parameters the template resolves at deploy (`AWS::SSM::Parameter::Value`
 * types: CloudFormation reads the parameter at each create or update, "Specify existing resources at
 * runtime with CloudFormation-supplied parameter types", AWS CloudFormation User Guide), comparing the
 * deployed stack's `ResolvedValue` of each with the parameter's current value; a deploy would resolve
 * a changed one anew, so it counts as a difference. The pipeline's deploy passes no parameter values,
 * so each resolves its default name. The bootstrap version is left out: it only feeds a rule.
 */
async function resolvedParameterDifference(stack: SelfMutationStack, cloudFormation: CloudFormationClient, ssmClient: () => Promise<SSMClient>): Promise<string | undefined> {
  const declared = Object.entries<any>((stack.template as { Parameters?: Record<string, any> }).Parameters ?? {})
    .filter(([key, p]) => key !== BOOTSTRAP_VERSION && /^AWS::SSM::Parameter::Value</.test(String(p.Type)) && typeof p.Default === 'string');
  if (declared.length === 0) {
    return undefined;
  }
  try {
    const deployed = (await cloudFormation.send(new DescribeStacksCommand({ StackName: stack.stackName }))).Stacks?.[0]?.Parameters ?? [];
    const ssm = await ssmClient();
    const names = [...new Set(declared.map(([, p]) => p.Default as string))];
    const current = new Map<string | undefined, string | undefined>();
    // GetParameters takes at most 10 names a call ("GetParameters", AWS Systems Manager API Reference).
    for (let i = 0; i < names.length; i += GET_PARAMETERS_MAX_NAMES) {
      const answer = await ssm.send(new GetParametersCommand({ Names: names.slice(i, i + GET_PARAMETERS_MAX_NAMES) }));
      if ((answer.InvalidParameters ?? []).length > 0) {
        return `its SSM parameter ${answer.InvalidParameters!.join(', ')} does not exist`;
      }
      (answer.Parameters ?? []).forEach((p) => current.set(p.Name, p.Value));
    }
    for (const [key, p] of declared) {
      const resolved = deployed.find((d) => d.ParameterKey === key)?.ResolvedValue;
      if (resolved === undefined || resolved !== current.get(p.Default)) {
        return `its SSM parameter ${p.Default} changed since the last deploy`;
      }
    }
    return undefined;
  } catch (err) {
    const { name, message } = err as Error;
    return `its SSM parameters could not be read (${name}: ${message})`;
  }
}
