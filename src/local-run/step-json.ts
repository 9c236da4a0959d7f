import * as path from 'node:path';
import { PipelineDefinitionJson } from '../pipeline-definition';
import { frameworkEntrypoint } from './code-bundle';
import { LocalRunError } from './errors';
import { StepProperties } from './evaluator';
import type { LocalModelVersion } from './model-version';
import { LocalStorage } from './storage';

/** One step of a pipeline definition's JSON. */
export interface StepJson {
  readonly Name: string;
  readonly Type: string;
  readonly Arguments?: unknown;
  readonly PropertyFiles?: ReadonlyArray<{ readonly PropertyFileName: string; readonly OutputName: string; readonly FilePath: string }>;
  readonly [field: string]: unknown;
}

/** The `Arguments` of a processing step, as far as the local run reads them (values after evaluation). */
export interface ProcessingArguments {
  readonly AppSpecification?: { readonly ImageUri?: unknown; readonly ContainerEntrypoint?: unknown; readonly ContainerArguments?: unknown };
  readonly Environment?: Readonly<Record<string, unknown>>;
  readonly ProcessingInputs?: ReadonlyArray<{ readonly InputName?: string; readonly S3Input?: { readonly S3Uri?: unknown; readonly LocalPath?: unknown } }>;
  readonly ProcessingOutputConfig?: {
    readonly Outputs?: ReadonlyArray<{ readonly OutputName?: string; readonly S3Output?: { readonly S3Uri?: unknown; readonly LocalPath?: unknown } }>;
  };
  readonly StoppingCondition?: { readonly MaxRuntimeInSeconds?: unknown };
}

/** A training step's metric definition: a regular expression that finds the metric's value in the log. */
export interface MetricDefinitionJson {
  readonly Name?: unknown;
  readonly Regex?: unknown;
}

/** The `Arguments` of a training step, as far as the local run reads them. */
export interface TrainingArguments {
  readonly AlgorithmSpecification?: {
    readonly TrainingImage?: unknown;
    readonly AlgorithmName?: unknown;
    readonly TrainingInputMode?: unknown;
    readonly MetricDefinitions?: readonly MetricDefinitionJson[];
  };
  readonly HyperParameters?: Readonly<Record<string, unknown>>;
  readonly InputDataConfig?: ReadonlyArray<{
    readonly ChannelName?: unknown;
    readonly ContentType?: unknown;
    readonly DataSource?: { readonly S3DataSource?: { readonly S3Uri?: unknown; readonly S3DataDistributionType?: unknown } };
  }>;
  readonly OutputDataConfig?: { readonly S3OutputPath?: unknown };
  readonly Environment?: Readonly<Record<string, unknown>>;
  readonly StoppingCondition?: { readonly MaxRuntimeInSeconds?: unknown };
}

/** What a step of a local run works with. */
export interface StepContext {
  readonly executionId: string;
  readonly pipelineName: string;
  readonly region: string;
  /** The run's work folder; each step works in `<workDir>/steps/<step name>/`. */
  readonly workDir: string;
  readonly storage: LocalStorage;
  /** The python that runs processing scripts and the training. */
  readonly python: string;
  /** The local model registry file that RegisterModel steps add versions to. */
  readonly registryFile: string;
  /** Where the steps log to MLflow (replacing the definition's MLFLOW_TRACKING_URI); undefined: they do not. */
  readonly mlflowTrackingUri?: string;
}

/** What a step that ran leaves behind. */
export interface StepRun {
  /** Its properties, as later steps read them with `Steps.<name>.<path>`. */
  readonly properties: StepProperties;
  /** The log of its process, if it ran one. */
  readonly logFile?: string;
  /** The model version a RegisterModel step added to the local registry. */
  readonly registeredVersion?: LocalModelVersion;
}

/** Where the pipeline's steps are in its JSON: every step by name, and the condition branch each nested step is in. */
export interface DefinitionSteps {
  readonly byName: ReadonlyMap<string, StepJson>;
  readonly branchOf: ReadonlyMap<string, { readonly condition: string; readonly branch: 'if' | 'else' }>;
}

/** Every step of a definition's JSON, including those nested in condition branches. */
export function collectDefinitionSteps(json: PipelineDefinitionJson): DefinitionSteps {
  const byName = new Map<string, StepJson>();
  const branchOf = new Map<string, { condition: string; branch: 'if' | 'else' }>();
  const add = (step: StepJson) => {
    byName.set(step.Name, step);
    if (step.Type !== 'Condition') {
      return;
    }
    const args = step.Arguments as { IfSteps?: StepJson[]; ElseSteps?: StepJson[] } | undefined;
    for (const [branch, steps] of [['if', args?.IfSteps], ['else', args?.ElseSteps]] as const) {
      for (const nested of steps ?? []) {
        branchOf.set(nested.Name, { condition: step.Name, branch });
        add(nested);
      }
    }
  };
  json.Steps.forEach((step) => add(step as unknown as StepJson));
  return { byName, branchOf };
}

/** A step's folder, `<workDir>/steps/<step name>`: its container's `/opt/ml/...` is `<stepDir>/opt/ml/...`, with its log next to it. */
export function stepDir(context: Pick<StepContext, 'workDir'>, stepName: string): string {
  return path.join(context.workDir, 'steps', stepName);
}

/**
 * Throws unless the local run can run the step: a Processing step whose entrypoint is python or a
 * code bundle's runproc.sh (and whose image is not Model Monitor's analyzer), a Training step of
 * the XGBoost image (the built-in algorithm, or a script of the code bundle in script mode), a
 * Condition, RegisterModel or Fail step.
 */
export function checkRunnable(step: StepJson): void {
  const where = `step ${step.Name} is a ${step.Type} step`;
  switch (step.Type) {
    case 'Processing': {
      const args = (step.Arguments ?? {}) as ProcessingArguments;
      const image = args.AppSpecification?.ImageUri;
      if (typeof image === 'string' && image.includes('/sagemaker-model-monitor-analyzer')) {
        throw new LocalRunError(
          `${where} that runs SageMaker Model Monitor's analyzer (${image}), which the local run cannot run: `
          + 'a project with a Model Monitor schedule runs its pipeline in SageMaker only (sagemaker-gitops run-pipeline)',
        );
      }
      const entrypoint = args.AppSpecification?.ContainerEntrypoint;
      const program = Array.isArray(entrypoint) ? entrypoint[0] : undefined;
      if ((typeof program !== 'string' || !isPython(program)) && frameworkEntrypoint(entrypoint) === undefined) {
        throw new LocalRunError(
          `${where} whose container entrypoint is ${JSON.stringify(entrypoint ?? 'the image\'s own')}; `
          + 'the local run runs processing steps whose entrypoint is python3 <script>, or /bin/bash <entrypoint>/runproc.sh <script>.py of a code bundle',
        );
      }
      const dataset = (args.ProcessingInputs ?? []).find((input) => input.S3Input === undefined);
      if (dataset !== undefined) {
        throw new LocalRunError(`${where} with input ${dataset.InputName}, which is not an S3 input; the local run copies S3 inputs only`);
      }
      return;
    }
    case 'Training': {
      const args = (step.Arguments ?? {}) as TrainingArguments;
      const spec = args.AlgorithmSpecification ?? {};
      const image = spec.TrainingImage;
      if (typeof image !== 'string' || !/\/sagemaker-xgboost:/.test(image)) {
        throw new LocalRunError(
          `${where} that trains with ${spec.AlgorithmName !== undefined ? `algorithm ${spec.AlgorithmName}` : `image ${JSON.stringify(image)}`}; `
          + 'the local run trains only with SageMaker\'s XGBoost image (sagemaker-xgboost): its built-in algorithm, or a script in script mode',
        );
      }
      const program = args.HyperParameters?.sagemaker_program;
      if (program !== undefined) {
        if (typeof program !== 'string' || !program.endsWith('.py') || program.startsWith('/') || program.split('/').includes('..')) {
          throw new LocalRunError(`${where} whose sagemaker_program is ${JSON.stringify(program)}; the local run runs a python script of the code bundle, such as train.py`);
        }
        if (args.HyperParameters?.sagemaker_submit_directory === undefined) {
          throw new LocalRunError(`${where} that runs ${program} in script mode without a sagemaker_submit_directory (the code bundle's S3 URI)`);
        }
        return;
      }
      if ((spec.MetricDefinitions ?? []).length > 0) {
        throw new LocalRunError(
          `${where} of the built-in XGBoost algorithm with MetricDefinitions, which CreateTrainingJob rejects for built-in algorithms `
          + '(they publish their own metrics, such as validation:auc): remove them',
        );
      }
      return;
    }
    case 'Condition':
    case 'RegisterModel':
    case 'Fail':
      return;
    default:
      throw new LocalRunError(
        `${where}, which the local run cannot run; it runs Processing steps with a python or runproc.sh entrypoint, `
        + 'Training steps of the XGBoost image (built-in algorithm or script mode), Transform steps of a local model '
        + '(local-run --batch-scoring), and Condition, RegisterModel and Fail steps',
      );
  }
}

function isPython(program: string): boolean {
  return /^python(3(\.\d+)?)?$/.test(path.basename(program));
}
