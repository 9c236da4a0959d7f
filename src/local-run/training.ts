import * as fs from 'node:fs';
import * as path from 'node:path';
import { ContainerPaths } from './container-paths';
import { LocalRunError } from './errors';
import { EvaluationScope, evaluateExpressions } from './evaluator';
import { describeProcessFailure, jobName, maxRuntimeSeconds } from './processing';
import { checkLocalMlflowClient, stepProcessEnvironment } from './mlflow';
import { ProcessResult, runProcess } from './python';
import { SCRIPT_MODE_CODE_DIR, packModelDir, scriptModeProcess } from './script-mode';
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
  const args = evaluateExpressions(step.Arguments ?? {}, scope) as TrainingArguments;
  const dir = stepDir(context, step.Name);
  const paths = new ContainerPaths(TRAINING_ROOT, dir);
  const where = `step ${step.Name}`;

  const channels: Record<string, unknown> = {};
  for (const channel of args.InputDataConfig ?? []) {
    const name = String(channel.ChannelName);
    const uri = channel.DataSource?.S3DataSource?.S3Uri;
    if (typeof uri !== 'string') {
      throw new LocalRunError(`${where}: channel ${name} needs an S3Uri, got ${JSON.stringify(uri)}`);
    }
    context.storage.download(uri, paths.localPath(`${TRAINING_ROOT}/input/data/${name}`, where), `${where}: channel ${name}`);
    channels[name] = {
      ContentType: channel.ContentType,
      TrainingInputMode: args.AlgorithmSpecification?.TrainingInputMode ?? 'File',
      S3DistributionType: channel.DataSource?.S3DataSource?.S3DataDistributionType ?? 'FullyReplicated',
      RecordWrapperType: 'None',
    };
  }
  const config = paths.localPath(`${TRAINING_ROOT}/input/config`, where);
  fs.mkdirSync(config, { recursive: true });
  fs.writeFileSync(path.join(config, 'hyperparameters.json'), `${JSON.stringify(args.HyperParameters ?? {}, null, 2)}\n`);
  fs.writeFileSync(path.join(config, 'inputdataconfig.json'), `${JSON.stringify(channels, null, 2)}\n`);

  const archive = path.join(dir, MODEL_ARCHIVE);
  const logFile = path.join(dir, 'log.txt');
  const environment = Object.fromEntries(Object.entries(args.Environment ?? {}).map(([key, value]) => [key, paths.rewrite(String(value))]));
  const timeoutMs = maxRuntimeSeconds(args.StoppingCondition?.MaxRuntimeInSeconds) * 1000;
  const scriptMode = args.HyperParameters?.sagemaker_program !== undefined;
  let result: ProcessResult;
  if (scriptMode) {
    const codeDir = paths.localPath(SCRIPT_MODE_CODE_DIR, where);
    const run = scriptModeProcess({ args, paths, codeDir, channels: Object.keys(channels), storage: context.storage, where });
    checkLocalMlflowClient(context.python, run.requirements, context.mlflowTrackingUri, where);
    result = await runProcess({
      command: context.python,
      args: run.args,
      cwd: codeDir,
      env: stepProcessEnvironment({ ...environment, ...run.env }, context.mlflowTrackingUri),
      timeoutMs,
      logFile,
    });
    if (result.exitCode === 0) {
      packModelDir(paths.localPath(`${TRAINING_ROOT}/model`, where), archive);
    }
  } else {
    const program = path.join(dir, XGBOOST_ALGORITHM_FILE);
    fs.writeFileSync(program, XGBOOST_ALGORITHM_SCRIPT);
    result = await runProcess({
      command: context.python,
      args: [program, '--ml-root', paths.localRoot, '--archive', archive],
      cwd: dir,
      env: stepProcessEnvironment(environment, context.mlflowTrackingUri),
      timeoutMs,
      logFile,
    });
  }
  if (result.exitCode !== 0) {
    throw new LocalRunError(describeProcessFailure(context.python, result, logFile));
  }

  const name = jobName(context.executionId, step.Name);
  const outputPath = args.OutputDataConfig?.S3OutputPath;
  if (typeof outputPath !== 'string') {
    throw new LocalRunError(`${where}: OutputDataConfig.S3OutputPath must be a string, got ${JSON.stringify(outputPath)}`);
  }
  const modelUri = `${outputPath.replace(/\/+$/, '')}/${name}/output/${MODEL_ARCHIVE}`;
  context.storage.uploadFile(archive, modelUri);
  // The built-in algorithm publishes its own metrics (checkRunnable rejects metric definitions for it, as SageMaker does).
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
