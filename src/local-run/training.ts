import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkContainerGrammar } from './container-grammar';
import { ContainerPaths } from './container-paths';
import { LocalRunError } from './errors';
import { EvaluationScope, evaluateExpressions } from './evaluator';
import { checkTrainingJobLimits } from './job-limits';
import { describeProcessFailure, jobName, maxRuntimeSeconds } from './processing';
import { checkLocalMlflowClient, stepProcessEnvironment } from './mlflow';
import { LocalInstance, downloadInput, freePort, instanceCount, instanceCpus, localInstances, runInstances, writeResourceConfig } from './instances';
import { SCRIPT_MODE_CODE_DIR, ScriptModeProcess, packModelDir, scriptModeProcess } from './script-mode';
import { MetricDefinitionJson, StepContext, StepJson, StepRun, TrainingArguments, stepDir } from './step-json';
import { XGBOOST_ALGORITHM_FILE, XGBOOST_ALGORITHM_METRIC_DEFINITIONS, XGBOOST_ALGORITHM_SCRIPT } from './xgboost-algorithm';

/** The training container's root folder. */
export const TRAINING_ROOT = '/opt/ml';

/** The archive SageMaker packs a training job's /opt/ml/model into. */
export const MODEL_ARCHIVE = 'model.tar.gz';

/**
 * Runs a training step of the XGBoost image with the local xgboost library: copies each channel
 * to `/opt/ml/input/data/<channel>` of the step's folder, writes the container's config files
 * (hyperparameters.json, inputdataconfig.json), trains and "uploads" model.tar.gz to
 * `<S3OutputPath>/<job name>/output/model.tar.gz`, where SageMaker puts it.
 *
 * With a `sagemaker_program` hyperparameter it emulates script mode (see script-mode.ts): the code
 * bundle of `sagemaker_submit_directory` is unpacked into /opt/ml/code and the program runs there
 * with the local python, and the metrics are the step's MetricDefinitions applied to its log.
 * Without, it trains as the built-in algorithm does, and the metrics are those the algorithm
 * publishes (`validation:auc`, ...), read with the algorithm's own regular expressions.
 *
 * @throws LocalRunError when a channel is missing or the training fails (with its stderr's last lines)
 */
export async function runTrainingStep(step: StepJson, scope: EvaluationScope, context: StepContext): Promise<StepRun> {
  const args = evaluateExpressions(step.Arguments ?? {}, scope) as TrainingArguments & { readonly ResourceConfig?: { readonly InstanceCount?: unknown } };
  checkTrainingJobLimits(args, `step ${step.Name}`);
  const dir = stepDir(context, step.Name);
  const where = `step ${step.Name}`;
  const instances = localInstances(dir, instanceCount(args.ResourceConfig?.InstanceCount, `${where}: ResourceConfig`));
  const scriptMode = args.HyperParameters?.sagemaker_program !== undefined;
  if (instances.length > 1 && !scriptMode) {
    throw new LocalRunError(
      `${where}: the local run's stand-in for the built-in XGBoost algorithm trains on one instance, got InstanceCount ${instances.length}; ` +
      'run a training script (sagemaker_program, as the player-churn pipeline does) or InstanceCount 1',
    );
  }
  // Several instances: train.py's workers meet at a tracker on this machine (DMLC_TRACKER_URI/PORT, XGBoost's own variables).
  const tracker = instances.length > 1 ? { DMLC_TRACKER_URI: '127.0.0.1', DMLC_TRACKER_PORT: String(await freePort()) } : {};
  const jobs = instances.map((instance) => prepareInstance(args, instance, instances, context, where, scriptMode));
  checkContainerGrammar(context.python, args.AlgorithmSpecification?.TrainingImage, jobs[0].paths, where);

  const archive = path.join(dir, MODEL_ARCHIVE);
  const environment = (paths: ContainerPaths) => Object.fromEntries(Object.entries(args.Environment ?? {}).map(([key, value]) => [key, paths.rewrite(String(value))]));
  const timeoutMs = maxRuntimeSeconds(args.StoppingCondition?.MaxRuntimeInSeconds) * 1000;
  const name = jobName(context.executionId, step.Name);
  const { result, host, logFile } = await runInstances(instances, dir, (instance, log) => {
    const job = jobs[instance.index];
    if (job.script !== undefined) {
      const cpus = String(instanceCpus(instances.length));
      const hosts = instances.length > 1
        ? { SM_CURRENT_HOST: instance.host, SM_HOSTS: JSON.stringify(instances.map((i) => i.host)), SM_NUM_CPUS: cpus, OMP_NUM_THREADS: cpus, ...tracker } : {};
      return {
        command: context.python, args: job.script.args, cwd: job.cwd,
        // SageMaker names the job in TRAINING_JOB_NAME (the training run's MLflow tag sagemaker.job_name).
        env: stepProcessEnvironment({ ...environment(job.paths), ...job.script.env, ...hosts, TRAINING_JOB_NAME: name }, context.mlflowTrackingUri),
        timeoutMs, logFile: log,
      };
    }
    const program = path.join(dir, XGBOOST_ALGORITHM_FILE);
    fs.writeFileSync(program, XGBOOST_ALGORITHM_SCRIPT);
    return {
      command: context.python, args: [program, '--ml-root', job.paths.localRoot, '--archive', archive], cwd: dir,
      env: stepProcessEnvironment(environment(job.paths), context.mlflowTrackingUri), timeoutMs, logFile: log,
    };
  });
  if (result.exitCode !== 0) {
    const on = instances.length > 1 ? ` (instance ${host} of ${instances.length})` : '';
    throw new LocalRunError(`${describeProcessFailure(context.python, result, logFile)}${on}`);
  }
  if (scriptMode) {
    // The first host saves the model (train.py's master); SageMaker packs /opt/ml/model into model.tar.gz.
    packModelDir(jobs[0].paths.localPath(`${TRAINING_ROOT}/model`, where), archive);
  }

  const outputPath = args.OutputDataConfig?.S3OutputPath;
  if (typeof outputPath !== 'string') {
    throw new LocalRunError(`${where}: OutputDataConfig.S3OutputPath must be a string, got ${JSON.stringify(outputPath)}`);
  }
  const modelUri = `${outputPath.replace(/\/+$/, '')}/${name}/output/${MODEL_ARCHIVE}`;
  context.storage.uploadFile(archive, modelUri);
  // The built-in algorithm publishes its own metrics (checkRunnable rejects metric definitions for it, as SageMaker does).
  // With several instances, the first host's log: XGBoost prints the rounds' metrics on the first worker only.
  const metrics = finalMetrics(scriptMode ? args.AlgorithmSpecification?.MetricDefinitions ?? [] : XGBOOST_ALGORITHM_METRIC_DEFINITIONS, result.log, where);
  return {
    properties: {
      ...args,
      TrainingJobName: name,
      TrainingJobStatus: 'Completed',
      ModelArtifacts: { S3ModelArtifacts: modelUri },
      FinalMetricDataList: Object.fromEntries(Object.entries(metrics).map(([metric, value]) => [metric, { MetricName: metric, Value: value }])),
    },
    logFile,
  };
}

/** One training instance: its container paths and, in script mode, the program and its folder. */
interface TrainingInstanceJob {
  readonly paths: ContainerPaths;
  readonly cwd: string;
  readonly script?: ScriptModeProcess;
}

/**
 * Prepares one training instance in its folder, as SageMaker prepares a training container: each
 * channel in `/opt/ml/input/data/<channel>` (FullyReplicated, or the instance's whole files with
 * ShardedByS3Key), hyperparameters.json and inputdataconfig.json (and, with several instances,
 * resourceconfig.json) in `/opt/ml/input/config`, and in script mode the code bundle in /opt/ml/code.
 */
function prepareInstance(
  args: TrainingArguments, instance: LocalInstance, instances: readonly LocalInstance[], context: StepContext, where: string, scriptMode: boolean,
): TrainingInstanceJob {
  const paths = new ContainerPaths(TRAINING_ROOT, instance.dir);
  const channels: Record<string, unknown> = {};
  for (const channel of args.InputDataConfig ?? []) {
    const name = String(channel.ChannelName);
    const source = channel.DataSource?.S3DataSource;
    if (typeof source?.S3Uri !== 'string') {
      throw new LocalRunError(`${where}: channel ${name} needs an S3Uri, got ${JSON.stringify(source?.S3Uri)}`);
    }
    const destination = paths.localPath(`${TRAINING_ROOT}/input/data/${name}`, where);
    downloadInput(context.storage, source.S3Uri, destination, source.S3DataDistributionType, instance, instances.length, `${where}: channel ${name}`);
    fs.mkdirSync(destination, { recursive: true });
    channels[name] = {
      ContentType: channel.ContentType,
      TrainingInputMode: args.AlgorithmSpecification?.TrainingInputMode ?? 'File',
      S3DistributionType: source.S3DataDistributionType ?? 'FullyReplicated',
      RecordWrapperType: 'None',
    };
  }
  const config = paths.localPath(`${TRAINING_ROOT}/input/config`, where);
  fs.mkdirSync(config, { recursive: true });
  fs.writeFileSync(path.join(config, 'hyperparameters.json'), `${JSON.stringify(args.HyperParameters ?? {}, null, 2)}\n`);
  fs.writeFileSync(path.join(config, 'inputdataconfig.json'), `${JSON.stringify(channels, null, 2)}\n`);
  if (instances.length > 1) {
    writeResourceConfig(path.join(config, 'resourceconfig.json'), instance, instances);
  }
  if (!scriptMode) {
    return { paths, cwd: instance.dir };
  }
  const codeDir = paths.localPath(SCRIPT_MODE_CODE_DIR, where);
  const script = scriptModeProcess({ args, paths, codeDir, channels: Object.keys(channels), storage: context.storage, where });
  if (instance.index === 0) {
    checkLocalMlflowClient(context.python, script.requirements, context.mlflowTrackingUri, where);
  }
  return { paths, cwd: codeDir, script };
}

/**
 * The last value each metric definition's regular expression finds in a training log, as
 * SageMaker reads metrics from the job's CloudWatch log (where a tab shows as `#011`).
 */
export function finalMetrics(definitions: readonly MetricDefinitionJson[], log: string, where = 'training'): Record<string, number> {
  const lines = log.replace(/\t/g, '#011').split('\n');
  const metrics: Record<string, number> = {};
  for (const definition of definitions) {
    const { Name: name, Regex: source } = definition;
    if (typeof name !== 'string' || typeof source !== 'string') {
      continue;
    }
    let regex: RegExp;
    try {
      regex = new RegExp(source);
    } catch (err) {
      throw new LocalRunError(`${where}: metric ${name} has a regular expression the local run cannot read: ${(err as Error).message}`);
    }
    for (const line of lines) {
      const value = Number(regex.exec(line)?.[1]);
      if (Number.isFinite(value)) {
        metrics[name] = value;
      }
    }
  }
  return metrics;
}
