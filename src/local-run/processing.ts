import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROCESSING_CODE_DIR } from '../model-build/step-code-bundle';
import { PROCESSING_ROOT } from '../pipeline-definition';
import { bundledScript, frameworkEntrypoint, unpackCodeBundle } from './code-bundle';
import { checkContainerGrammar } from './container-grammar';
import { ContainerPaths } from './container-paths';
import { LocalRunError } from './errors';
import { EvaluationScope, evaluateExpressions } from './evaluator';
import { checkProcessingJobLimits } from './job-limits';
import { checkLocalMlflowClient, stepProcessEnvironment } from './mlflow';
import { LocalInstance, downloadInput, instanceCount, instanceCpus, localInstances, runInstances, writeResourceConfig } from './instances';
import { ProcessingArguments, StepContext, StepJson, StepRun, stepDir } from './step-json';

/** A processing job runs at most this long unless its StoppingCondition says otherwise (SageMaker's default). */
const DEFAULT_MAX_RUNTIME_SECONDS = 86_400;

/**
 * Runs a processing step as a python process: copies each input into the step's folder where
 * the container would find it, runs the entrypoint and arguments (container paths rewritten to
 * the step's folder), "uploads" each output to the local stand-in of its S3 URI, and reads the
 * step's property files from there.
 *
 * An entrypoint `/bin/bash <entrypoint>/runproc.sh <script>.py` (a framework processor's) runs as
 * runproc.sh does, but with the local python: the code bundle is unpacked in the code folder and
 * `python <script>.py <arguments>` runs there; its requirements.txt is not installed (when it
 * asks for mlflow and the run logs to MLflow, the local python must have it).
 *
 * @throws LocalRunError when an input is missing, the process fails (with its stderr's last
 *   lines) or a property file cannot be read
 */
export async function runProcessingStep(step: StepJson, scope: EvaluationScope, context: StepContext): Promise<StepRun> {
  const args = evaluateExpressions(step.Arguments ?? {}, scope) as ProcessingArguments & ScaledProcessingArguments;
  checkProcessingJobLimits(args, `step ${step.Name}`);
  const dir = stepDir(context, step.Name);
  const what = (name: string) => `step ${step.Name}: ${name}`;
  const instances = localInstances(dir, instanceCount(args.ProcessingResources?.ClusterConfig?.InstanceCount, what('ClusterConfig')));
  const name = jobName(context.executionId, step.Name);
  const prepared = instances.map((instance) => prepareInstance(args, instance, instances, context, `step ${step.Name}`, name));
  checkContainerGrammar(context.python, args.AppSpecification?.ImageUri, new ContainerPaths(PROCESSING_ROOT, instances[0].dir), `step ${step.Name}`);

  const { result, host, logFile } = await runInstances(instances, dir, (instance, log) => {
    const job = prepared[instance.index];
    return {
      command: context.python,
      args: job.command,
      cwd: job.cwd,
      env: stepProcessEnvironment(job.environment, context.mlflowTrackingUri),
      timeoutMs: maxRuntimeSeconds(args.StoppingCondition?.MaxRuntimeInSeconds) * 1000,
      logFile: log,
    };
  });
  if (result.exitCode !== 0) {
    const on = instances.length > 1 ? ` (instance ${host} of ${instances.length})` : '';
    throw new LocalRunError(`${describeProcessFailure(context.python, result, logFile)}${on}`);
  }

  // Every instance uploads its output folders to the same S3 URIs, as SageMaker does (a file of the same name is overwritten).
  for (const job of prepared) {
    for (const output of job.outputs) {
      context.storage.upload(output.folder, output.uri);
    }
  }
  const outputs = prepared[0].outputs;
  const propertyOutputs: Record<string, unknown> = {};
  for (const output of outputs) {
    propertyOutputs[output.name] = { OutputName: output.name, S3Output: { S3Uri: output.uri, LocalPath: path.relative(dir, output.folder) } };
  }
  const propertyFiles: Record<string, unknown> = {};
  for (const file of step.PropertyFiles ?? []) {
    const output = outputs.find((o) => o.name === file.OutputName);
    if (output === undefined) {
      throw new LocalRunError(`step ${step.Name}: property file ${file.PropertyFileName} is in output ${file.OutputName}, which the step does not have`);
    }
    propertyFiles[file.PropertyFileName] = readPropertyFile(path.join(context.storage.localPath(output.uri), file.FilePath), `step ${step.Name}: property file ${file.PropertyFileName}`);
  }
  return {
    properties: {
      ...args,
      ProcessingJobName: name,
      ProcessingJobStatus: 'Completed',
      ProcessingInputs: Object.fromEntries((args.ProcessingInputs ?? []).map((input) => [input.InputName, input])),
      ProcessingOutputConfig: { ...args.ProcessingOutputConfig, Outputs: propertyOutputs },
      PropertyFiles: propertyFiles,
    },
    logFile,
  };
}

/** What the local run reads of a processing step's arguments beyond {@link ProcessingArguments}: the instance count and input distribution. */
interface ScaledProcessingArguments {
  readonly ProcessingResources?: { readonly ClusterConfig?: { readonly InstanceCount?: unknown } };
  readonly ProcessingInputs?: ReadonlyArray<{ readonly InputName?: string; readonly S3Input?: { readonly S3Uri?: unknown; readonly LocalPath?: unknown; readonly S3DataDistributionType?: unknown } }>;
}

/** One instance's job: its inputs downloaded, its output folders made, and its command, folder and environment. */
interface InstanceJob {
  readonly outputs: ReadonlyArray<{ readonly name: string; readonly folder: string; readonly uri: string }>;
  readonly command: string[];
  readonly cwd: string;
  readonly environment: Record<string, string>;
}

/**
 * Prepares one instance of the job in its folder: each input as SageMaker distributes it
 * (FullyReplicated or ShardedByS3Key), the output folders, the command and the environment; with
 * several instances, its /opt/ml/config/resourceconfig.json (current_host, hosts), whose path
 * RESOURCE_CONFIG_FILE gives, and its processingjobconfig.json (the request and the job's name),
 * whose path PROCESSING_JOB_CONFIG_FILE gives (the container paths outside /opt/ml/processing are
 * not rewritten).
 */
function prepareInstance(
  args: ProcessingArguments & ScaledProcessingArguments, instance: LocalInstance, instances: readonly LocalInstance[], context: StepContext,
  where: string, name: string,
): InstanceJob {
  const what = (name: string) => `${where}: ${name}`;
  const paths = new ContainerPaths(PROCESSING_ROOT, instance.dir);
  for (const input of args.ProcessingInputs ?? []) {
    const name = `input ${input.InputName}`;
    downloadInput(
      context.storage, stringValue(input.S3Input?.S3Uri, what(`${name} S3Uri`)), paths.localPath(input.S3Input?.LocalPath, what(name)),
      input.S3Input?.S3DataDistributionType, instance, instances.length, what(name),
    );
  }
  const outputs = (args.ProcessingOutputConfig?.Outputs ?? []).map((output) => {
    const name = `output ${output.OutputName}`;
    const folder = paths.localPath(output.S3Output?.LocalPath, what(name));
    fs.mkdirSync(folder, { recursive: true });
    return { name: String(output.OutputName), folder, uri: stringValue(output.S3Output?.S3Uri, what(`${name} S3Uri`)) };
  });

  const app = args.AppSpecification ?? {};
  const entrypoint = stringList(app.ContainerEntrypoint, what('ContainerEntrypoint'));
  const containerArguments = stringList(app.ContainerArguments ?? [], what('ContainerArguments')).map((value) => paths.rewrite(value));
  const framework = frameworkEntrypoint(entrypoint);
  let command: string[];
  let cwd = paths.localRoot;
  if (framework !== undefined) {
    cwd = paths.localPath(PROCESSING_CODE_DIR, what('code'));
    const { requirements } = unpackCodeBundle(cwd, what('input code'));
    if (instance.index === 0) {
      checkLocalMlflowClient(context.python, requirements, context.mlflowTrackingUri, where);
    }
    command = [bundledScript(cwd, framework.script, where), ...containerArguments];
  } else {
    command = [...entrypoint.slice(1).map((value) => paths.rewrite(value)), ...containerArguments];
  }
  const environment = Object.fromEntries(Object.entries(args.Environment ?? {}).map(([key, value]) => [key, paths.rewrite(String(value))]));
  // The job's request with its name, as SageMaker gives it to the container (the steps' MLflow runs name their job).
  const jobConfig = path.join(instance.dir, 'opt', 'ml', 'config', 'processingjobconfig.json');
  fs.mkdirSync(path.dirname(jobConfig), { recursive: true });
  fs.writeFileSync(jobConfig, JSON.stringify({ ...args, ProcessingJobName: name }));
  environment.PROCESSING_JOB_CONFIG_FILE = jobConfig;
  if (instances.length > 1) {
    const resourceConfig = path.join(instance.dir, 'opt', 'ml', 'config', 'resourceconfig.json');
    writeResourceConfig(resourceConfig, instance, instances);
    environment.RESOURCE_CONFIG_FILE = resourceConfig;
    environment.OMP_NUM_THREADS = String(instanceCpus(instances.length));
  }
  fs.mkdirSync(paths.localRoot, { recursive: true });
  return { outputs, command, cwd, environment };
}

/** A job's name as SageMaker pipelines make it unique per execution (letters, digits and hyphens, at most 63 characters). */
export function jobName(executionId: string, stepName: string): string {
  return `${executionId}-${stepName}`.replace(/[^A-Za-z0-9-]/g, '-').slice(0, 63);
}

/** What a failed process says: how it ended, the last lines of its stderr, and where its log is. */
export function describeProcessFailure(
  command: string,
  result: { readonly exitCode?: number; readonly signal?: string; readonly timedOut: boolean; readonly stderrTail: string },
  logFile: string,
): string {
  const ending = result.timedOut
    ? 'was stopped: it ran longer than its StoppingCondition.MaxRuntimeInSeconds'
    : result.exitCode !== undefined ? `exited with code ${result.exitCode}` : `was ended by ${result.signal}`;
  const tail = result.stderrTail.trim() === '' ? [] : ['stderr:', ...result.stderrTail.split('\n').map((line) => `  ${line}`)];
  return [`${command} ${ending}`, ...tail, `log: ${logFile}`].join('\n');
}

/** The JSON a property file holds. */
export function readPropertyFile(file: string, what: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf-8');
  } catch {
    throw new LocalRunError(`${what}: the step wrote no ${file}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new LocalRunError(`${what}: ${file} is not JSON: ${(err as Error).message}`);
  }
}

/** A job's time limit in seconds. */
export function maxRuntimeSeconds(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : DEFAULT_MAX_RUNTIME_SECONDS;
}

function stringValue(value: unknown, what: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new LocalRunError(`${what} must be a string, got ${JSON.stringify(value)}`);
  }
  return value;
}

function stringList(value: unknown, what: string): string[] {
  if (!Array.isArray(value)) {
    throw new LocalRunError(`${what} must be a list, got ${JSON.stringify(value)}`);
  }
  return value.map((item) => (typeof item === 'number' || typeof item === 'boolean' ? String(item) : stringValue(item, what)));
}
