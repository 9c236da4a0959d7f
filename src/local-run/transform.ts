import * as fs from 'node:fs';
import * as path from 'node:path';
import { RecordProcessing, csvColumns, outputLine, selectColumns } from './data-processing';
import { LocalRunError } from './errors';
import { hostEnvironment } from './host-environment';
import { EvaluationScope, evaluateExpressions } from './evaluator';
import { describeProcessFailure } from './processing';
import { runProcess } from './python';
import { StepContext, StepJson, StepRun, stepDir } from './step-json';
import { XGBOOST_INFERENCE_FILE, XGBOOST_INFERENCE_SCRIPT } from './xgboost-inference';

/** The `Arguments` of a Transform step, as far as the local run reads them (values after evaluation). */
export interface TransformArguments {
  readonly ModelName?: unknown;
  readonly TransformInput?: { readonly DataSource?: { readonly S3DataSource?: { readonly S3Uri?: unknown } }; readonly ContentType?: unknown; readonly SplitType?: unknown };
  readonly TransformOutput?: { readonly S3OutputPath?: unknown; readonly Accept?: unknown; readonly AssembleWith?: unknown };
  readonly DataProcessing?: { readonly InputFilter?: unknown; readonly JoinSource?: unknown; readonly OutputFilter?: unknown };
  readonly MaxPayloadInMB?: unknown;
}

/** The local models a run's Transform steps may name: SageMaker model name → its model.tar.gz. */
export type LocalModels = Readonly<Record<string, string>>;

/** A transform job that runs longer than this is stopped (SageMaker's transform jobs have no StoppingCondition). */
const TRANSFORM_TIMEOUT_MS = 60 * 60 * 1000;

/**
 * Throws unless the local run can run the Transform step: CSV records a line (ContentType
 * text/csv, SplitType Line), CSV results a line (Accept text/csv, AssembleWith Line), the
 * built-in XGBoost inference of a local model (a model name given as text must be one of `models`).
 */
export function checkTransformRunnable(step: StepJson, models: LocalModels = {}): void {
  const args = (step.Arguments ?? {}) as TransformArguments;
  const settings: Array<[string, unknown, string]> = [
    ['TransformInput.ContentType', args.TransformInput?.ContentType ?? 'text/csv', 'text/csv'],
    ['TransformInput.SplitType', args.TransformInput?.SplitType, 'Line'],
    ['TransformOutput.Accept', args.TransformOutput?.Accept ?? 'text/csv', 'text/csv'],
    ['TransformOutput.AssembleWith', args.TransformOutput?.AssembleWith, 'Line'],
  ];
  for (const [field, value, allowed] of settings) {
    if (value !== allowed) {
      throw new LocalRunError(`step ${step.Name} is a Transform step with ${field} ${JSON.stringify(value)}; the local run scores CSV records a line: ${field} ${allowed}`);
    }
  }
  if (typeof args.ModelName === 'string' && models[args.ModelName] === undefined) {
    throw new LocalRunError(
      `step ${step.Name} is a Transform step of the model ${JSON.stringify(args.ModelName)}, which is not a local model; the local run scores only with `
      + `the models it is given (local-run --batch-scoring: a version of the local registry); it has ${Object.keys(models).join(', ') || 'none'}`,
    );
  }
}

/**
 * Runs a Transform step as SageMaker's batch transform runs the built-in XGBoost model: every
 * file under the input URI is split into records (lines), each record goes through the
 * InputFilter to the model, its prediction is joined to the record (JoinSource Input) and
 * goes through the OutputFilter; the step writes one `<file>.out` per input file (its path
 * under the input prefix kept), one line per record in order (AssembleWith Line), under
 * `TransformOutput.S3OutputPath`.
 *
 * @throws LocalRunError when the model is not a local one, a record is larger than MaxPayloadInMB, a filter selects a column the record does not have, or the model refuses the records
 */
export async function runTransformStep(step: StepJson, scope: EvaluationScope, context: StepContext, models: LocalModels): Promise<StepRun> {
  checkTransformRunnable(step, models);
  const args = evaluateExpressions(step.Arguments ?? {}, scope) as TransformArguments;
  const where = `step ${step.Name}`;
  const modelName = args.ModelName;
  const archive = typeof modelName === 'string' ? models[modelName] : undefined;
  if (archive === undefined) {
    throw new LocalRunError(`${where}: model ${JSON.stringify(modelName)} is not a local model; the local run knows ${Object.keys(models).join(', ') || 'none'}`);
  }
  const inputUri = args.TransformInput?.DataSource?.S3DataSource?.S3Uri;
  const outputUri = args.TransformOutput?.S3OutputPath;
  if (typeof inputUri !== 'string' || typeof outputUri !== 'string') {
    throw new LocalRunError(`${where}: the input S3Uri and the S3OutputPath must be strings, got ${JSON.stringify(inputUri)} and ${JSON.stringify(outputUri)}`);
  }
  const processing: RecordProcessing = {
    inputFilter: String(args.DataProcessing?.InputFilter ?? '$'),
    joinInput: args.DataProcessing?.JoinSource === 'Input',
    outputFilter: String(args.DataProcessing?.OutputFilter ?? '$'),
  };
  const maxPayloadBytes = Number(args.MaxPayloadInMB ?? 6) * 1024 * 1024;

  const dir = stepDir(context, step.Name);
  const inputDir = path.join(dir, 'input');
  const outputDir = path.join(dir, 'output');
  context.storage.download(inputUri, inputDir, `${where}: input data`);
  fs.mkdirSync(outputDir, { recursive: true });
  const program = path.join(dir, XGBOOST_INFERENCE_FILE);
  fs.writeFileSync(program, XGBOOST_INFERENCE_SCRIPT);
  const logFile = path.join(dir, 'log.txt');
  const files = listFiles(inputDir);
  if (files.length === 0) {
    throw new LocalRunError(`${where}: no files under ${inputUri}`);
  }
  let records = 0;
  for (const file of files) {
    const lines = fs.readFileSync(path.join(inputDir, file), 'utf-8').split('\n').map((line) => line.replace(/\r$/, '')).filter((line) => line !== '');
    const inputs = lines.map((line, i) => {
      if (Buffer.byteLength(line) > maxPayloadBytes) {
        throw new LocalRunError(`${where}: record ${i + 1} of ${file} is larger than MaxPayloadInMB (${args.MaxPayloadInMB ?? 6} MB)`);
      }
      return csvColumns(line);
    });
    const features = path.join(dir, 'requests', `${file}.csv`);
    fs.mkdirSync(path.dirname(features), { recursive: true });
    fs.writeFileSync(features, inputs.map((columns, i) => selectColumns(processing.inputFilter, columns, `${where}: InputFilter on line ${i + 1} of ${file}`).join(',')).join('\n'));
    const predictionsFile = path.join(dir, 'responses', `${file}.txt`);
    fs.mkdirSync(path.dirname(predictionsFile), { recursive: true });
    const result = await runProcess({
      command: context.python,
      args: [program, '--model', archive, '--input', features, '--output', predictionsFile],
      cwd: dir,
      env: { ...hostEnvironment(process.env), SAGEMAKER_BATCH: 'true' },
      timeoutMs: TRANSFORM_TIMEOUT_MS,
      logFile,
    });
    if (result.exitCode !== 0) {
      throw new LocalRunError(`${where}: scoring ${file} failed: ${describeProcessFailure(context.python, result, logFile)}`);
    }
    const predictions = fs.readFileSync(predictionsFile, 'utf-8').split('\n').filter((line) => line !== '');
    if (predictions.length !== inputs.length) {
      throw new LocalRunError(`${where}: the model answered ${predictions.length} predictions for the ${inputs.length} records of ${file}`);
    }
    const out = inputs.map((columns, i) => outputLine(processing, columns, csvColumns(predictions[i]), `${where}: line ${i + 1} of ${file}`));
    const target = path.join(outputDir, `${file}.out`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, out.map((line) => `${line}\n`).join(''));
    records += inputs.length;
  }
  context.storage.upload(outputDir, outputUri);
  return {
    properties: {
      ...args,
      TransformJobName: `${context.pipelineName}-${step.Name}`,
      TransformJobStatus: 'Completed',
      RecordCount: records,
      OutputFiles: files.map((file) => `${outputUri.replace(/\/+$/, '')}/${file}.out`),
    },
    logFile,
  };
}

/** The files under a folder, relative to it, sorted (as S3 lists the keys of a prefix). */
function listFiles(folder: string): string[] {
  return (fs.readdirSync(folder, { recursive: true }) as string[])
    .filter((name) => fs.statSync(path.join(folder, name)).isFile() && !path.basename(name).startsWith('.'))
    .sort();
}
