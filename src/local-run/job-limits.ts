import { LocalRunError } from './errors';

/*
 * The limits CreateProcessingJob and CreateTrainingJob put on a step's resolved arguments (SageMaker
 * API Reference; the shapes ProcessingEnvironmentMap, ContainerArguments, ContainerEntrypoint,
 * ProcessingInputs, ProcessingOutputs, HyperParameters and TrainingEnvironmentMap of its service
 * model). SageMaker refuses a job that breaks one when the step starts; the local run refuses it
 * too, so that a value that only resolves at run time (a parameter, a property) fails here as it
 * would in the cloud.
 */

const ENVIRONMENT_KEY = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

interface MapLimits {
  readonly maxEntries: number;
  readonly keyMax: number;
  readonly valueMax: number;
  /** Environment variable names: a letter or `_`, then letters, digits or `_`. */
  readonly environmentKeys?: boolean;
}

/**
 * Checks a processing step's Environment, ContainerEntrypoint, ContainerArguments, inputs and
 * outputs as CreateProcessingJob does.
 *
 * @throws LocalRunError naming the step, the field, the entry and the limit
 */
export function checkProcessingJobLimits(args: {
  readonly Environment?: unknown;
  readonly AppSpecification?: { readonly ContainerEntrypoint?: unknown; readonly ContainerArguments?: unknown };
  readonly ProcessingInputs?: readonly unknown[];
  readonly ProcessingOutputConfig?: { readonly Outputs?: readonly unknown[] };
}, where: string): void {
  checkMap(args.Environment, `${where}: Environment`, { maxEntries: 100, keyMax: 256, valueMax: 256, environmentKeys: true }, 'CreateProcessingJob');
  checkList(args.AppSpecification?.ContainerEntrypoint, `${where}: ContainerEntrypoint`, 100, 256);
  checkList(args.AppSpecification?.ContainerArguments, `${where}: ContainerArguments`, 100, 256);
  for (const [field, list] of [['ProcessingInputs', args.ProcessingInputs], ['ProcessingOutputConfig.Outputs', args.ProcessingOutputConfig?.Outputs]] as const) {
    if ((list?.length ?? 0) > 10) {
      throw new LocalRunError(`${where}: ${field} has ${list!.length} entries; CreateProcessingJob takes at most 10`);
    }
  }
}

/**
 * Checks a training step's HyperParameters and Environment as CreateTrainingJob does.
 *
 * @throws LocalRunError naming the step, the field, the entry and the limit
 */
export function checkTrainingJobLimits(args: { readonly HyperParameters?: unknown; readonly Environment?: unknown }, where: string): void {
  checkMap(args.HyperParameters, `${where}: HyperParameters`, { maxEntries: 100, keyMax: 256, valueMax: 2500 }, 'CreateTrainingJob');
  checkMap(args.Environment, `${where}: Environment`, { maxEntries: 100, keyMax: 512, valueMax: 512, environmentKeys: true }, 'CreateTrainingJob');
}

function checkMap(value: unknown, where: string, limits: MapLimits, api: string): void {
  if (value === undefined) {
    return;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new LocalRunError(`${where} must be a map of strings, got ${JSON.stringify(value)}`);
  }
  const entries = Object.entries(value);
  if (entries.length > limits.maxEntries) {
    throw new LocalRunError(`${where} has ${entries.length} entries; ${api} takes at most ${limits.maxEntries}`);
  }
  for (const [key, entry] of entries) {
    if (key.length > limits.keyMax || (limits.environmentKeys && !ENVIRONMENT_KEY.test(key))) {
      const shape = limits.environmentKeys ? 'a letter or _ then letters, digits or _, ' : '';
      throw new LocalRunError(`${where} key ${JSON.stringify(key)} is not one ${api} takes (${shape}at most ${limits.keyMax} characters)`);
    }
    const text = String(entry);
    if (text.length > limits.valueMax) {
      throw new LocalRunError(`${where}.${key} resolved to ${text.length} characters; ${api} takes at most ${limits.valueMax}`);
    }
  }
}

function checkList(value: unknown, where: string, maxItems: number, itemMax: number): void {
  if (value === undefined) {
    return;
  }
  if (!Array.isArray(value) || value.length < 1 || value.length > maxItems) {
    throw new LocalRunError(`${where} must be a list of 1 to ${maxItems} strings (CreateProcessingJob), got ${JSON.stringify(value)}`);
  }
  const long = value.map(String).find((item) => item.length > itemMax);
  if (long !== undefined) {
    throw new LocalRunError(`${where} has an item of ${long.length} characters; CreateProcessingJob takes at most ${itemMax}: ${long.slice(0, 60)}…`);
  }
}
