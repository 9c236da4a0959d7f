import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tar from 'tar';
import { bundledScript, unpackCodeBundle } from './code-bundle';
import { ContainerPaths } from './container-paths';
import { LocalRunError } from './errors';
import { TrainingArguments } from './step-json';
import { LocalStorage } from './storage';

/** Where a script-mode container unpacks `sagemaker_submit_directory` and runs the program. */
export const SCRIPT_MODE_CODE_DIR = '/opt/ml/code';

/**
 * The hyperparameters a framework container keeps for itself (sagemaker-containers and
 * sagemaker-training, `_params.SAGEMAKER_HYPERPARAMETERS`): they configure the container and do not
 * reach the program's command line; every other hyperparameter does, as `--<name> <value>`.
 */
export const SAGEMAKER_HYPERPARAMETERS: ReadonlySet<string> = new Set([
  'sagemaker_program', 'sagemaker_submit_directory', 'sagemaker_enable_cloudwatch_metrics', 'sagemaker_region',
  'sagemaker_container_log_level', 'sagemaker_job_name', 'default_user_module_name',
]);

/** The single host of a local training job, as SageMaker names the first host. */
const CURRENT_HOST = 'algo-1';

/** What {@link scriptModeProcess} prepares the program from. */
export interface ScriptModeProps {
  /** The step's evaluated arguments. */
  readonly args: TrainingArguments;
  /** The training container's paths in the step's folder (root /opt/ml). */
  readonly paths: ContainerPaths;
  /** The local folder of /opt/ml/code. */
  readonly codeDir: string;
  /** The channels, downloaded to /opt/ml/input/data/<channel>. */
  readonly channels: readonly string[];
  readonly storage: LocalStorage;
  /** Names the step in errors. */
  readonly where: string;
}

/** The program's command line (after the python), its environment and the bundle's requirements. */
export interface ScriptModeProcess {
  readonly args: string[];
  readonly env: Record<string, string>;
  readonly requirements?: string;
}

/**
 * Prepares a training script as a SageMaker framework container runs it in script mode: fetches
 * `sagemaker_submit_directory` (the code bundle) into /opt/ml/code and unpacks it, and returns
 * `<program> --<name> <value> ...` for every hyperparameter but the container's own, with the
 * documented SM_* variables (sagemaker-training-toolkit, ENVIRONMENT_VARIABLES.md) pointing at the
 * step's local folders: SM_MODEL_DIR, SM_CHANNELS, SM_CHANNEL_<NAME>, SM_OUTPUT_DATA_DIR, SM_HPS,
 * SM_HP_<NAME>, SM_USER_ARGS, SM_CURRENT_HOST, SM_HOSTS and the others a script may read.
 * Values pass as the job holds them (strings).
 */
export function scriptModeProcess(props: ScriptModeProps): ScriptModeProcess {
  const { args, paths, codeDir, where } = props;
  const hyperparameters = Object.fromEntries(Object.entries(args.HyperParameters ?? {}).map(([key, value]) => [key, String(value)]));
  const program = hyperparameters.sagemaker_program;
  const submitDirectory = hyperparameters.sagemaker_submit_directory;
  if (submitDirectory === undefined) {
    throw new LocalRunError(`${where}: script mode needs sagemaker_submit_directory, the S3 URI of the code bundle`);
  }
  props.storage.download(submitDirectory, codeDir, `${where}: sagemaker_submit_directory`);
  const { requirements } = unpackCodeBundle(codeDir, `${where}: sagemaker_submit_directory`);
  const script = bundledScript(codeDir, program, where);

  const user = Object.entries(hyperparameters).filter(([key]) => !SAGEMAKER_HYPERPARAMETERS.has(key));
  const userArgs = user.flatMap(([key, value]) => [`--${key}`, value]);
  const local = (containerPath: string) => {
    const folder = paths.localPath(containerPath, where);
    fs.mkdirSync(folder, { recursive: true });
    return folder;
  };
  const channels = [...props.channels].sort();
  const env: Record<string, string> = {
    SM_MODEL_DIR: local('/opt/ml/model'),
    SM_OUTPUT_DATA_DIR: local('/opt/ml/output/data'),
    SM_OUTPUT_DIR: local('/opt/ml/output'),
    SM_INPUT_DIR: local('/opt/ml/input'),
    SM_INPUT_CONFIG_DIR: local('/opt/ml/input/config'),
    SM_INPUT_DATA_DIR: local('/opt/ml/input/data'),
    SM_MODULE_DIR: submitDirectory,
    SM_MODULE_NAME: program.replace(/\.py$/, ''),
    SM_USER_ENTRY_POINT: program,
    SM_CHANNELS: JSON.stringify(channels),
    SM_HPS: JSON.stringify(Object.fromEntries(user)),
    SM_USER_ARGS: JSON.stringify(userArgs),
    SM_CURRENT_HOST: CURRENT_HOST,
    SM_HOSTS: JSON.stringify([CURRENT_HOST]),
    SM_NUM_CPUS: String(os.cpus().length),
    SM_NUM_GPUS: '0',
    SM_LOG_LEVEL: hyperparameters.sagemaker_container_log_level ?? '20',
    ...Object.fromEntries(channels.map((channel) => [`SM_CHANNEL_${channel.toUpperCase()}`, local(`/opt/ml/input/data/${channel}`)])),
    ...Object.fromEntries(user.map(([key, value]) => [`SM_HP_${key.toUpperCase()}`, value])),
  };
  return { args: [script, ...userArgs], env, requirements };
}

/**
 * Packs the model folder's content into model.tar.gz, as SageMaker uploads /opt/ml/model when a
 * training job ends.
 *
 * @throws LocalRunError when the program wrote no model
 */
export function packModelDir(modelDir: string, archive: string): void {
  const entries = fs.existsSync(modelDir) ? fs.readdirSync(modelDir).sort() : [];
  if (entries.length === 0) {
    throw new LocalRunError(`the training script wrote nothing into its model folder (SM_MODEL_DIR, ${modelDir}); SageMaker would upload an empty model.tar.gz`);
  }
  fs.mkdirSync(path.dirname(archive), { recursive: true });
  tar.c({ sync: true, gzip: true, file: archive, cwd: modelDir, portable: true }, entries);
}
