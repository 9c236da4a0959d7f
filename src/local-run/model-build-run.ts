import { missingFile } from '../aws/errors';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, ConfigError, MlflowTracking, ProjectConfig, containersOf, readProjectConfig, usesModelMonitor } from '../config';
import { modelMonitorImage, sklearnImage, xgboostImage } from '../images';
import { mlflowStepScripts } from '../model-build/mlflow-steps';
import { MODEL_BUILD_LAYOUT } from '../model-build/model-build-stack';
import { PlayerChurnPipelineProps, StepCode, playerChurnPipeline } from '../model-build/player-churn-pipeline';
import { checkStepScripts, stepCodeRequirements, writeStepCode } from '../model-build/step-code-bundle';
import { PipelineDefinition } from '../pipeline-definition';
import { resourceNamesOf } from '../app-context/resource-names';
import { LocalRunError } from './errors';
import { localMlflow } from './mlflow';
import { LOCAL_ACCOUNT } from './registry';
import { LocalRunEvent, LocalRunResult, runLocalPipeline } from './runner';
import { LocalStorage, fileUri } from './storage';

/** The folder of a model-build repository where local runs keep their work folders and the local registry. */
export const LOCAL_RUN_DIR = '.local-run';

/** The local model registry file, in {@link LOCAL_RUN_DIR}. */
export const LOCAL_REGISTRY_FILE = 'registry.json';

/** The bucket name the local definition uses for the pipeline's artifacts; its URIs map to the run's work folder. */
export const LOCAL_ARTIFACT_BUCKET = 'sagemaker-gitops-local';

/** A pipeline definition built for a local run, and what the run needs to know about it. */
export interface LocalPipeline {
  readonly definition: PipelineDefinition;
  readonly pipelineName: string;
  readonly region: string;
  /** The buckets whose `s3://` URIs the run stands in for. */
  readonly buckets: readonly string[];
}

/** What {@link localPipeline} builds the definition from. */
export interface LocalPipelineProps {
  /** The model-build repository: its `pipelines/` scripts and `data/` sample. */
  readonly repoDir: string;
  /** The project (the repository's sagemaker-gitops.json). */
  readonly config: ProjectConfig;
  /**
   * Builds the definition, as the model-build stack's option of the same name.
   * @default playerChurnPipeline
   */
  readonly pipelineDefinition?: (props: PlayerChurnPipelineProps) => PipelineDefinition;
  /**
   * Whether the run logs to MLflow. A run that does not is built as with MLflow off (no MLflow
   * variables, no requirements.txt, no MLflow run in the registered version's metadata): there is no run to name.
   * @default true - the config's MLflow settings, as the stack
   */
  readonly mlflowLogging?: boolean;
}

/**
 * The pipeline definition the model-build stack deploys, built by the same function from the
 * same config, with local stand-ins where the stack passes AWS resources: the code bundle and
 * runproc.sh are written as the stack writes them (requirements.txt included, in the same
 * temporary folder named after their content), and they and the sample data are `file://` URIs; the artifact bucket
 * is {@link LOCAL_ARTIFACT_BUCKET}, the role and key ARNs name account 000000000000, and an MLflow
 * backend the stack creates is an ARN of that account (the run replaces MLFLOW_TRACKING_URI anyway).
 * The images are the region's SageMaker images, which tell the runner what each step runs.
 *
 * @throws LocalRunError when the repository has no step scripts
 */
export function localPipeline(props: LocalPipelineProps): LocalPipeline {
  const { config, repoDir } = props;
  const region = config.environments.build.region;
  const pipelineName = resourceNamesOf(config).trainingPipeline;
  const mlflow = props.mlflowLogging === false ? undefined : localMlflowTracking(config);
  let code: StepCode;
  try {
    checkStepScripts(repoDir, MODEL_BUILD_LAYOUT.scriptsDir, [...Object.values(MODEL_BUILD_LAYOUT.scripts), ...mlflowStepScripts(mlflow)]);
    const files = writeStepCode(path.join(repoDir, MODEL_BUILD_LAYOUT.scriptsDir), { requirements: stepCodeRequirements(mlflow) });
    code = {
      bundle: { s3Uri: fileUri(files.bundle), fileName: path.basename(files.bundle) },
      entrypoint: { s3Uri: fileUri(files.entrypoint), fileName: path.basename(files.entrypoint) },
    };
  } catch (err) {
    throw err instanceof ConfigError ? new LocalRunError(err.message) : err;
  }
  const definition = (props.pipelineDefinition ?? playerChurnPipeline)({
    config,
    pipelineName,
    roleArn: `arn:aws:iam::${LOCAL_ACCOUNT}:role/sagemaker-gitops-local-run`,
    bucketName: LOCAL_ARTIFACT_BUCKET,
    kmsKeyArn: `arn:aws:kms:${region}:${LOCAL_ACCOUNT}:key/sagemaker-gitops-local-run`,
    sklearnImageUri: sklearnImage(region, containersOf(config).sklearn).uri,
    xgboostImageUri: xgboostImage(region, containersOf(config).xgboost).uri,
    modelMonitorImageUri: usesModelMonitor(config) ? modelMonitorImage(region).uri : undefined,
    code,
    inputDataUri: fileUri(path.join(repoDir, MODEL_BUILD_LAYOUT.sampleDataFile)),
    mlflow,
  });
  return { definition, pipelineName, region, buckets: [LOCAL_ARTIFACT_BUCKET] };
}

/** The options of {@link runModelBuildLocally} (`sagemaker-gitops local-run`). */
export interface ModelBuildLocalRunOptions {
  /**
   * The model-build repository (with sagemaker-gitops.json, pipelines/ and data/).
   * @default - the current folder
   */
  readonly repoDir?: string;
  /**
   * Parameter values, as `--parameter K=V` gives them. A relative path given for a data
   * parameter is read from the current folder.
   * @default - every parameter's default; the input data is the repository's data/player-churn.csv
   */
  readonly parameters?: Readonly<Record<string, string>>;
  /**
   * The run's work folder (it must not exist or be empty).
   * @default - `<repoDir>/.local-run/<execution id>`
   */
  readonly workDir?: string;
  /**
   * The local model registry file.
   * @default - `<repoDir>/.local-run/registry.json`
   */
  readonly registryFile?: string;
  /**
   * @default - `local-<UTC date and time>-<4 random hex digits>`
   */
  readonly executionId?: string;
  /**
   * The python that runs the steps.
   * @default - choosePython(): SAGEMAKER_GITOPS_PYTHON, /usr/bin/python3 when it has pandas, else python3
   */
  readonly python?: string;
  /** @default playerChurnPipeline */
  readonly pipelineDefinition?: (props: PlayerChurnPipelineProps) => PipelineDefinition;
  /** Called when a step starts and ends. */
  readonly onProgress?: (event: LocalRunEvent) => void;
  /** Called once before the steps run, with what the run says besides the progress (whether it logs to MLflow). */
  readonly onNotice?: (message: string) => void;
  /**
   * Where the steps log to MLflow; `null`: nowhere.
   * @default - this process's MLFLOW_TRACKING_URI (`file:./mlruns` is read from the current folder), else nowhere
   */
  readonly mlflowTrackingUri?: string | null;
}

/**
 * Runs the pipeline of a model-build repository on this machine (`sagemaker-gitops local-run`):
 * the definition of {@link localPipeline} from the repository's config, run by {@link runLocalPipeline}.
 *
 * @throws LocalRunError when the folder is not a model-build repository or the run cannot start
 */
export async function runModelBuildLocally(options: ModelBuildLocalRunOptions = {}): Promise<LocalRunResult> {
  const repoDir = path.resolve(options.repoDir ?? '.');
  const configFile = path.join(repoDir, CONFIG_FILE_NAME);
  if (!fs.existsSync(configFile)) {
    throw missingFile(new LocalRunError(`${repoDir} is not a model-build repository: it has no ${CONFIG_FILE_NAME}; run the command in one, or give --repo <folder>`), configFile);
  }
  const mlflow = localMlflow(options.mlflowTrackingUri);
  const pipeline = localPipeline({
    repoDir, config: readProjectConfig(configFile), pipelineDefinition: options.pipelineDefinition, mlflowLogging: mlflow.trackingUri !== undefined,
  });
  const executionId = options.executionId ?? newExecutionId();
  const workDir = path.resolve(options.workDir ?? path.join(repoDir, LOCAL_RUN_DIR, executionId));
  return runLocalPipeline({
    definition: pipeline.definition,
    pipelineName: pipeline.pipelineName,
    region: pipeline.region,
    executionId,
    workDir,
    storage: new LocalStorage({ s3Root: path.join(workDir, 's3'), buckets: pipeline.buckets, baseDir: process.cwd() }),
    registryFile: path.resolve(options.registryFile ?? path.join(repoDir, LOCAL_RUN_DIR, LOCAL_REGISTRY_FILE)),
    parameters: options.parameters,
    python: options.python,
    onProgress: options.onProgress,
    onNotice: options.onNotice,
    mlflowTrackingUri: mlflow.trackingUri ?? null,
  });
}

/**
 * The MLflow settings of the local definition: the config's experiment and client version, and its
 * backend's ARN (for a backend the stack creates, a stand-in ARN of account 000000000000).
 */
export function localMlflowTracking(config: ProjectConfig): MlflowTracking | undefined {
  const mlflow = config.mlflow;
  if (mlflow === undefined) {
    return undefined;
  }
  const region = config.environments.build.region;
  const trackingUri = mlflow.backend === 'existing'
    ? mlflow.arn
    : `arn:aws:sagemaker:${region}:${LOCAL_ACCOUNT}:${mlflow.backend === 'app' ? 'mlflow-app/app-local' : `mlflow-tracking-server/${config.projectName}`}`;
  return { trackingUri, experimentName: mlflow.experimentName, clientVersion: mlflow.clientVersion };
}

/** A new execution id: `local-20250304-050607-1a2b` (UTC), sortable by time. */
export function newExecutionId(now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/\.\d+Z$/, '').replace(/[-:]/g, '').replace('T', '-');
  return `local-${stamp}-${randomBytes(2).toString('hex')}`;
}
