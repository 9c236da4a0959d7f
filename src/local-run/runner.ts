import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { PipelineDefinition, Primitive } from '../pipeline-definition';
import { LocalRunError, LocalRunUsageError } from './errors';
import { EvaluationScope, StepProperties, evaluateConditions, evaluateExpressions } from './evaluator';
import { localMlflow } from './mlflow';
import { resolveParameterValues } from './parameters';
import { runProcessingStep } from './processing';
import { checkPythonLibraries } from './library-versions';
import { choosePython } from './python';
import { LOCAL_ACCOUNT, LocalModelVersion, runRegisterModelStep } from './registry';
import { findAuc, modelArtifact, trainingMetrics } from './run-results';
import { StepContext, StepJson, StepRun, checkRunnable, collectDefinitionSteps, stepDir } from './step-json';
import { LocalStorage } from './storage';
import { runTrainingStep } from './training';
import { LocalModels, checkTransformRunnable, runTransformStep } from './transform';

/** How a step of a local run ended: `Skipped` is a branch the condition did not choose, `NotRun` a step after a failure. */
export type LocalStepStatus = 'Succeeded' | 'Failed' | 'Skipped' | 'NotRun';

/** One step of a local run. */
export interface LocalStepResult {
  readonly name: string;
  readonly type: string;
  readonly status: LocalStepStatus;
  /** Wall-clock time (0 for a step that did not run). */
  readonly durationMs: number;
  /** Why the step failed. */
  readonly failureReason?: string;
  /** Why the step did not run. */
  readonly skipReason?: string;
  /** A condition step's outcome. */
  readonly outcome?: boolean;
  /** The log of the step's process. */
  readonly logFile?: string;
}

/** What a local run did. */
export interface LocalRunResult {
  readonly executionId: string;
  readonly pipelineName: string;
  readonly status: 'Succeeded' | 'Failed';
  /** The failed step and why it failed. */
  readonly failureReason?: string;
  /** Every step of the pipeline, in the order they ran (or would have). */
  readonly steps: readonly LocalStepResult[];
  /** The parameter values the run used. */
  readonly parameters: Readonly<Record<string, Primitive>>;
  /** The test AUC an evaluation wrote (`classification_metrics.auc_score.value` of a property file). */
  readonly auc?: number;
  /** The final values of the training steps' metrics (such as `validation:auc`). */
  readonly trainingMetrics: Readonly<Record<string, number>>;
  /** The local path of the trained model.tar.gz. */
  readonly modelArtifact?: string;
  /** The model version a RegisterModel step added to the local registry. */
  readonly registeredVersion?: LocalModelVersion;
  /** Where the steps logged to MLflow, if they did. */
  readonly mlflowTrackingUri?: string;
  /** What the run said once besides the steps' progress: whether it logs to MLflow, and warnings on the local libraries' versions. */
  readonly notices: readonly string[];
  /** The run's work folder: each step's files, logs and outputs. */
  readonly workDir: string;
  readonly registryFile: string;
  readonly durationMs: number;
}

/** A step starting (`Executing`) or ending. */
export interface LocalRunEvent {
  readonly step: string;
  readonly type: string;
  readonly status: 'Executing' | LocalStepStatus;
  readonly durationMs?: number;
}

/** What {@link runLocalPipeline} runs, and where. */
export interface RunLocalPipelineOptions {
  /** The pipeline definition, built as for SageMaker but with local stand-ins (see {@link localPipeline}). */
  readonly definition: PipelineDefinition;
  readonly pipelineName: string;
  /** The region the ARNs of the run name. */
  readonly region: string;
  /** The execution id (`Execution.PipelineExecutionId`). */
  readonly executionId: string;
  /** The run's work folder; it must not exist or be empty. */
  readonly workDir: string;
  /** Where the pipeline's S3 URIs and local files are. */
  readonly storage: LocalStorage;
  /** The local model registry file RegisterModel steps add versions to. */
  readonly registryFile: string;
  /**
   * Parameter values as `--parameter K=V` gives them (typed by each parameter's type).
   * @default - every parameter's default
   */
  readonly parameters?: Readonly<Record<string, string>>;
  /**
   * The python that runs the processing scripts and the training.
   * @default - choosePython()
   */
  readonly python?: string;
  /** Called when a step starts and ends. */
  readonly onProgress?: (event: LocalRunEvent) => void;
  /**
   * Where the steps log to MLflow, in place of the definition's MLFLOW_TRACKING_URI; `null`: nowhere.
   * @default - this process's MLFLOW_TRACKING_URI (a relative file store made absolute), else nowhere
   */
  readonly mlflowTrackingUri?: string | null;
  /** Called before the steps run with each thing the run says besides the progress (whether it logs to MLflow, library version warnings). */
  readonly onNotice?: (message: string) => void;
  /**
   * The local models Transform steps may name (SageMaker model name → model.tar.gz).
   * @default - none
   */
  readonly models?: LocalModels;
}

/**
 * Runs a SageMaker pipeline definition on this machine: its steps in dependency order, with the
 * parameters' defaults or the given values, processing steps as python processes, the training
 * step with the local xgboost library, the condition evaluated and only its chosen branch run,
 * RegisterModel recorded in a local registry file, Transform scoring with a local model (`models`), Fail failing the run with its message.
 * The steps log to MLflow only when this process has MLFLOW_TRACKING_URI (see `mlflowTrackingUri`);
 * the run says once whether it does.
 *
 * Checks everything it can before running anything: every step (both branches) is of a kind it
 * can run, the parameters, python and its libraries. A step that fails ends the run; the result
 * says which and why, and the work folder keeps every step's files and logs.
 *
 * @throws LocalRunParameterError for a bad parameter
 * @throws LocalRunError when the run cannot start
 */
export async function runLocalPipeline(options: RunLocalPipelineOptions): Promise<LocalRunResult> {
  const started = performance.now();
  const startedAt = new Date();
  const { definition } = options;
  const { byName, branchOf } = collectDefinitionSteps(definition.toJSON());
  const ordered = definition.steps.map((step) => byName.get(step.name)!);
  ordered.forEach((step) => (step.Type === 'Transform' ? checkTransformRunnable(step, options.models) : checkRunnable(step)));
  const parameters = resolveParameterValues(definition.parameters, options.parameters);
  const python = options.python ?? choosePython();
  const warnings = ordered.some((step) => step.Type === 'Processing' || step.Type === 'Training') ? checkPythonLibraries(python, definition.toJSON()) : [];
  prepareWorkDir(options.workDir);
  const { trackingUri: mlflowTrackingUri, notice } = localMlflow(options.mlflowTrackingUri);
  const notices = [notice, ...warnings];
  notices.forEach((message) => options.onNotice?.(message));

  const context: StepContext = {
    executionId: options.executionId,
    pipelineName: options.pipelineName,
    region: options.region,
    workDir: options.workDir,
    storage: options.storage,
    python,
    registryFile: options.registryFile,
    mlflowTrackingUri,
  };
  const pipelineArn = `arn:aws:sagemaker:${options.region}:${LOCAL_ACCOUNT}:pipeline/${options.pipelineName.toLowerCase()}`;
  const properties = new Map<string, StepProperties>();
  const scope = (): EvaluationScope => ({
    parameters,
    execution: {
      PipelineExecutionId: options.executionId,
      PipelineExecutionArn: `${pipelineArn}/execution/${options.executionId}`,
      PipelineName: options.pipelineName,
      PipelineArn: pipelineArn,
      StartDateTime: startedAt.toISOString(),
      CurrentDateTime: new Date().toISOString(),
    },
    steps: properties,
  });

  const results = new Map<string, LocalStepResult>();
  const chosenBranch = new Map<string, 'if' | 'else'>();
  let failure: string | undefined;
  let registeredVersion: LocalModelVersion | undefined;
  for (const step of ordered) {
    const skipReason = failure !== undefined ? undefined : whySkipped(step, definition, branchOf, chosenBranch, results);
    if (failure !== undefined || skipReason !== undefined) {
      results.set(step.Name, { name: step.Name, type: step.Type, status: failure !== undefined ? 'NotRun' : 'Skipped', durationMs: 0, skipReason });
      continue;
    }
    options.onProgress?.({ step: step.Name, type: step.Type, status: 'Executing' });
    const stepStarted = performance.now();
    let result: LocalStepResult;
    try {
      const run = await runStep(step, scope(), context, options.models ?? {});
      properties.set(step.Name, run.properties);
      const outcome = step.Type === 'Condition' ? run.properties.Outcome === true : undefined;
      if (outcome !== undefined) {
        chosenBranch.set(step.Name, outcome ? 'if' : 'else');
      }
      registeredVersion = run.registeredVersion ?? registeredVersion;
      result = { name: step.Name, type: step.Type, status: 'Succeeded', durationMs: Math.round(performance.now() - stepStarted), outcome, logFile: run.logFile };
    } catch (err) {
      // A step fails on what it reports and on what the file system refuses (no space, no permission); anything else is a bug to surface.
      if (!(err instanceof LocalRunError) && (err as NodeJS.ErrnoException).code === undefined) {
        throw err;
      }
      const reason = (err as Error).message;
      failure = `step ${step.Name} (${step.Type}) failed: ${reason}`;
      const logFile = path.join(stepDir(context, step.Name), 'log.txt');
      result = {
        name: step.Name, type: step.Type, status: 'Failed', durationMs: Math.round(performance.now() - stepStarted), failureReason: reason,
        logFile: fs.existsSync(logFile) ? logFile : undefined,
      };
    }
    results.set(step.Name, result);
    options.onProgress?.({ step: step.Name, type: step.Type, status: result.status, durationMs: result.durationMs });
  }

  const runResult: LocalRunResult = {
    executionId: options.executionId,
    pipelineName: options.pipelineName,
    status: failure === undefined ? 'Succeeded' : 'Failed',
    failureReason: failure,
    steps: ordered.map((step) => results.get(step.Name)!),
    parameters,
    auc: findAuc(properties),
    trainingMetrics: trainingMetrics(properties),
    modelArtifact: modelArtifact(properties, options.storage),
    registeredVersion,
    ...(mlflowTrackingUri !== undefined && { mlflowTrackingUri }),
    notices,
    workDir: options.workDir,
    registryFile: options.registryFile,
    durationMs: Math.round(performance.now() - started),
  };
  fs.writeFileSync(path.join(options.workDir, 'result.json'), `${JSON.stringify(runResult, null, 2)}\n`);
  return runResult;
}

async function runStep(step: StepJson, scope: EvaluationScope, context: StepContext, models: LocalModels): Promise<StepRun> {
  const args = (step.Arguments ?? {}) as { Conditions?: unknown; ErrorMessage?: unknown };
  switch (step.Type) {
    case 'Processing':
      return runProcessingStep(step, scope, context);
    case 'Training':
      return runTrainingStep(step, scope, context);
    case 'RegisterModel':
      return runRegisterModelStep(step, scope, context);
    case 'Transform':
      return runTransformStep(step, scope, context, models);
    case 'Condition':
      return { properties: { Outcome: evaluateConditions(args.Conditions, scope) } };
    case 'Fail':
      throw new LocalRunError(String(evaluateExpressions(args.ErrorMessage ?? 'the pipeline reached a Fail step', scope)));
    default:
      throw new LocalRunError(`the local run cannot run ${step.Type} steps`);
  }
}

/** Why a step does not run: it is in the branch its condition did not choose, or it needs a step that did not run. */
function whySkipped(
  step: StepJson,
  definition: PipelineDefinition,
  branchOf: ReadonlyMap<string, { readonly condition: string; readonly branch: 'if' | 'else' }>,
  chosenBranch: ReadonlyMap<string, 'if' | 'else'>,
  results: ReadonlyMap<string, LocalStepResult>,
): string | undefined {
  const branch = branchOf.get(step.Name);
  if (branch !== undefined && chosenBranch.get(branch.condition) !== branch.branch) {
    return `condition ${branch.condition} chose its ${branch.branch === 'if' ? 'else' : 'if'} branch`;
  }
  const skipped = definition.dependenciesOf(step.Name).find((name) => results.get(name)?.status !== 'Succeeded');
  return skipped === undefined ? undefined : `step ${skipped} did not run`;
}

/** Creates the work folder; an existing one must be an empty folder, so that a run never mixes with another's files. */
function prepareWorkDir(workDir: string): void {
  if (fs.existsSync(workDir) && !fs.statSync(workDir).isDirectory()) {
    throw new LocalRunUsageError(`the work folder ${workDir} is a file: give a new folder`);
  }
  if (fs.existsSync(workDir) && fs.readdirSync(workDir).length > 0) {
    throw new LocalRunUsageError(`the work folder ${workDir} is not empty: give a new folder, or remove it first`);
  }
  fs.mkdirSync(workDir, { recursive: true });
}
