import * as fs from 'node:fs';
import * as path from 'node:path';
import { missingFile } from '../aws/errors';
import { CONFIG_FILE_NAME, DEFAULT_BATCH_SCORING_SCHEDULE, ProjectConfig, ResolvedBatchScoring, readProjectConfig } from '../config';
import { batchScoringDefinition, batchScoringPipelineName } from '../model-deploy/batch-scoring-pipeline';
import { LocalRunError, LocalRunUsageError } from './errors';
import { LOCAL_ARTIFACT_BUCKET, LOCAL_REGISTRY_FILE, LOCAL_RUN_DIR, newExecutionId } from './model-build-run';
import { LocalModelVersion } from './model-version';
import { checkPython, choosePython } from './python';
import { readLocalRegistry } from './registry';
import { LocalRunEvent, LocalRunResult, runLocalPipeline } from './runner';
import { LocalStorage, fileUri } from './storage';

/** Where the local batch scoring writes, in the run's stand-in bucket. */
export const LOCAL_BATCH_SCORING_OUTPUT = `s3://${LOCAL_ARTIFACT_BUCKET}/batch-scoring`;

/** The options of {@link runBatchScoringLocally} (`sagemaker-gitops local-run --batch-scoring <csv>`). */
export interface BatchScoringLocalRunOptions {
  /** The CSV file or folder to score (relative paths from the current folder). */
  readonly input: string;
  /**
   * The model-build repository (its sagemaker-gitops.json and local registry).
   * @default - the current folder
   */
  readonly repoDir?: string;
  /**
   * The version of the local registry to score with.
   * @default - the newest Approved version, else the newest version
   */
  readonly modelVersion?: number;
  /** @default - `<repoDir>/.local-run/<execution id>` */
  readonly workDir?: string;
  /** @default - `<repoDir>/.local-run/registry.json` */
  readonly registryFile?: string;
  /** @default - `local-<UTC date and time>-<4 random hex digits>` */
  readonly executionId?: string;
  /** @default - choosePython() */
  readonly python?: string;
  readonly onProgress?: (event: LocalRunEvent) => void;
  readonly onNotice?: (message: string) => void;
}

/** A local batch scoring run: the pipeline run, the version it scored with and the files it wrote. */
export interface BatchScoringLocalRunResult extends LocalRunResult {
  readonly scoredWith: LocalModelVersion;
  /** The `<file>.out` files, one per input file. */
  readonly outputFiles: readonly string[];
}

/**
 * Runs the batch-scoring pipeline the production stage deploys (the same definition, from the
 * project's `batchScoring` settings, or their defaults when the project has none) on this
 * machine: its Transform step scores `input` with a model version of the local registry and
 * writes `<file>.out` per input file into the run's stand-in bucket.
 *
 * @throws LocalRunUsageError when the file to score or the version asked for is not there
 * @throws LocalRunError when the folder is not a model-build repository, the registry has no version, or python lacks xgboost
 */
export async function runBatchScoringLocally(options: BatchScoringLocalRunOptions): Promise<BatchScoringLocalRunResult> {
  const repoDir = path.resolve(options.repoDir ?? '.');
  const configFile = path.join(repoDir, CONFIG_FILE_NAME);
  if (!fs.existsSync(configFile)) {
    throw missingFile(new LocalRunError(`${repoDir} is not a model-build repository: it has no ${CONFIG_FILE_NAME}; run the command in one, or give --repo <folder>`), configFile);
  }
  const input = path.resolve(options.input);
  if (!fs.existsSync(input)) {
    throw missingFile(new LocalRunUsageError(`nothing to score at ${input}: give a CSV file or a folder of them`), input);
  }
  const config = readProjectConfig(configFile);
  const registryFile = path.resolve(options.registryFile ?? path.join(repoDir, LOCAL_RUN_DIR, LOCAL_REGISTRY_FILE));
  const version = chooseVersion(config, registryFile, options.modelVersion);
  const python = options.python ?? choosePython();
  checkPython(python, ['numpy', 'xgboost']);
  const scoring = localScoring(config, fileUri(input));
  if (config.batchScoring === undefined) {
    options.onNotice?.('the project has no batchScoring settings: scoring with the defaults (each record joined with its prediction, no filters)');
  }
  if (version.approvalStatus !== 'Approved') {
    options.onNotice?.(`scoring with version ${version.version} (${version.approvalStatus}): production scores with the newest Approved version`);
  }
  const modelName = `${config.modelPackageGroupName}-v${version.version}`;
  const definition = batchScoringDefinition({ scoring, modelName, outputUri: LOCAL_BATCH_SCORING_OUTPUT });
  const executionId = options.executionId ?? newExecutionId();
  const workDir = path.resolve(options.workDir ?? path.join(repoDir, LOCAL_RUN_DIR, executionId));
  const result = await runLocalPipeline({
    definition,
    pipelineName: batchScoringPipelineName(config.projectName),
    region: config.environments.prod.region,
    executionId,
    workDir,
    storage: new LocalStorage({ s3Root: path.join(workDir, 's3'), buckets: [LOCAL_ARTIFACT_BUCKET], baseDir: process.cwd() }),
    registryFile,
    python,
    onProgress: options.onProgress,
    onNotice: options.onNotice,
    mlflowTrackingUri: null,
    models: { [modelName]: version.modelDataPath },
  });
  const storage = new LocalStorage({ s3Root: path.join(workDir, 's3'), buckets: [LOCAL_ARTIFACT_BUCKET], baseDir: process.cwd() });
  const outputDir = storage.localPath(`${LOCAL_BATCH_SCORING_OUTPUT}/${executionId}`);
  const outputFiles = fs.existsSync(outputDir)
    ? (fs.readdirSync(outputDir, { recursive: true }) as string[]).filter((f) => f.endsWith('.out')).sort().map((f) => path.join(outputDir, f))
    : [];
  return { ...result, scoredWith: version, outputFiles };
}

/** The project's batch-scoring settings for a local input, or the defaults when it has none. */
function localScoring(config: ProjectConfig, inputUri: string): ResolvedBatchScoring {
  return {
    schedule: DEFAULT_BATCH_SCORING_SCHEDULE,
    instanceType: config.instanceTypes.transform,
    instanceCount: 1,
    joinInputs: true,
    inputFilter: '$',
    outputFilter: '$',
    maxPayloadInMB: 6,
    batchStrategy: 'MultiRecord',
    ...config.batchScoring,
    inputUri,
    outputUri: LOCAL_BATCH_SCORING_OUTPUT,
  };
}

function chooseVersion(config: ProjectConfig, registryFile: string, wanted: number | undefined): LocalModelVersion {
  const group = config.modelPackageGroupName;
  const versions = readLocalRegistry(registryFile).modelPackageGroups[group] ?? [];
  if (versions.length === 0) {
    throw new LocalRunError(`the local registry ${registryFile} has no version of ${group}: run \`sagemaker-gitops local-run\` first, which trains and registers one`);
  }
  if (wanted !== undefined) {
    const found = versions.find((v) => v.version === wanted);
    if (found === undefined) {
      throw new LocalRunUsageError(`the local registry has no version ${wanted} of ${group}; versions: ${versions.map((v) => v.version).join(', ')}`);
    }
    return found;
  }
  const newest = (list: readonly LocalModelVersion[]) => list.reduce((a, b) => (b.version > a.version ? b : a));
  const approved = versions.filter((v) => v.approvalStatus === 'Approved');
  return newest(approved.length > 0 ? approved : versions);
}
