import { ConfigError } from '../config';
import { PipelineDefinition } from '../pipeline-definition';

/**
 * How long CodePipeline lets a CodeBuild action run: 8 hours (CodePipeline User Guide, "Quotas in AWS
 * CodePipeline", length of time before an action times out: "CodeBuild build action and test action: 8 hours").
 * The RunSageMakerPipeline project's own timeout is set to it (CodeBuild accepts 5..2160 minutes).
 */
export const CODEBUILD_ACTION_TIMEOUT_MINUTES = 480;

/** What the wait leaves of the action's time for the build's start and the CLI's own start and report. */
const WAIT_MARGIN_MINUTES = 15;

/** How long `run-pipeline --wait` in RunSageMakerPipeline waits for the execution (minutes). */
export const RUN_PIPELINE_WAIT_MINUTES = CODEBUILD_ACTION_TIMEOUT_MINUTES - WAIT_MARGIN_MINUTES;

/**
 * The CLI arguments RunSageMakerPipeline runs, and the model-build README shows: start `pipelineName`, wait
 * {@link RUN_PIPELINE_WAIT_MINUTES} for it, and stop an execution still running when the wait ends (the commit
 * fails, so it must not register a version later).
 */
export function runPipelineArguments(pipelineName: string): string {
  return `run-pipeline --name ${pipelineName} --wait --timeout ${RUN_PIPELINE_WAIT_MINUTES} --stop-unfinished`;
}

/**
 * What a job step takes besides its running time: MaxRuntimeInSeconds bounds the job's run, not the instance's
 * launch and image pull before it (SageMaker API Reference, StoppingCondition), a few minutes on the sample.
 */
export const JOB_START_MINUTES = 5;

/** The step types that run a job whose StoppingCondition bounds it. */
const JOB_STEP_TYPES = new Set(['Processing', 'Training']);

/** The longest chain of steps an execution can take, and its minutes: each job at its MaxRuntimeInSeconds. */
export interface LongestRun {
  readonly minutes: number;
  /** The steps of that chain, in order, each with its minutes. */
  readonly path: readonly string[];
}

type Json = any;

/** Every step document of a definition, the condition steps' branches included, by name. */
function stepDocuments(definition: PipelineDefinition): Map<string, Json> {
  const byName = new Map<string, Json>();
  const visit = (step: Json) => {
    byName.set(step.Name, step);
    for (const branch of ['IfSteps', 'ElseSteps']) {
      (step.Arguments?.[branch] ?? []).forEach(visit);
    }
  };
  (definition.toJSON().Steps as Json[]).forEach(visit);
  return byName;
}

/** A step's worst-case minutes: a job at its MaxRuntimeInSeconds (a literal, or a parameter's default) plus its start. */
function stepMinutes(step: Json, parameterDefaults: ReadonlyMap<string, unknown>): number {
  if (!JOB_STEP_TYPES.has(step.Type)) {
    if (step.Type === 'Transform') {
      throw new ConfigError(`step ${step.Name} is a Transform step: a transform job has no maximum running time, so the model-build CodePipeline cannot know it ends within its ${RUN_PIPELINE_WAIT_MINUTES}-minute wait; run batch transforms outside model-build (batchScoring)`);
    }
    return 0;
  }
  const value = step.Arguments?.StoppingCondition?.MaxRuntimeInSeconds;
  const parameter = typeof value === 'object' && typeof value?.Get === 'string' ? /^Parameters\.(.+)$/.exec(value.Get)?.[1] : undefined;
  const seconds = typeof value === 'number' ? value : parameter !== undefined ? parameterDefaults.get(parameter) : undefined;
  if (typeof seconds !== 'number') {
    throw new ConfigError(`step ${step.Name}'s StoppingCondition.MaxRuntimeInSeconds is ${JSON.stringify(value)}: give it a number or a parameter with a default, so that the model-build CodePipeline's ${RUN_PIPELINE_WAIT_MINUTES}-minute wait can be checked against it`);
  }
  return seconds / 60 + JOB_START_MINUTES;
}

/** The longest chain of dependent steps of a definition, each job at its maximum running time. */
export function longestRun(definition: PipelineDefinition): LongestRun {
  const documents = stepDocuments(definition);
  const defaults = new Map((definition.toJSON().Parameters as Json[]).map((p) => [p.Name, p.DefaultValue]));
  const ends = new Map<string, LongestRun>();
  for (const step of definition.steps) {
    const own = stepMinutes(documents.get(step.name), defaults);
    const before = definition.dependenciesOf(step.name).map((name) => ends.get(name)!)
      .reduce<LongestRun>((longest, run) => (run.minutes > longest.minutes ? run : longest), { minutes: 0, path: [] });
    ends.set(step.name, { minutes: before.minutes + own, path: [...before.path, `${step.name} ${Math.round(own)} min`] });
  }
  // On a tie the chain that goes on (a condition, the registration) is shown: the steps come in run order.
  return [...ends.values()].reduce<LongestRun>((longest, run) => (run.minutes >= longest.minutes ? run : longest), { minutes: 0, path: [] });
}

/**
 * Refuses a definition an execution of which may outlast the model-build CodePipeline's wait: RunSageMakerPipeline
 * would then fail the commit of every run that takes that long. Each job counts at its MaxRuntimeInSeconds plus
 * {@link JOB_START_MINUTES}. A job's retries (a new job after SageMaker.JOB_INTERNAL_ERROR or CAPACITY_ERROR, each
 * with its own MaxRuntimeInSeconds: "Retry Policy for Pipeline Steps") are not counted, since the worst case of
 * every retry would leave no room for training; an execution they make outlast the wait is stopped by
 * `run-pipeline --stop-unfinished`, so a build CodePipeline shows as failed does not register a version afterwards.
 */
export function checkRunFitsWait(definition: PipelineDefinition): LongestRun {
  const run = longestRun(definition);
  if (run.minutes > RUN_PIPELINE_WAIT_MINUTES) {
    throw new ConfigError(
      `an execution of the model-build SageMaker pipeline may take ${Math.ceil(run.minutes)} minutes (${run.path.join(' → ')}; each job at its ` +
      `MaxRuntimeInSeconds plus ${JOB_START_MINUTES} minutes to start), but RunSageMakerPipeline waits at most ${RUN_PIPELINE_WAIT_MINUTES} minutes: ` +
      `CodePipeline stops a CodeBuild action after ${CODEBUILD_ACTION_TIMEOUT_MINUTES / 60} hours; lower the steps' maxRuntimeSeconds`,
    );
  }
  return run;
}
