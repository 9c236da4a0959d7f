/*
 * The limits SageMaker's requests put on a step's arguments (SageMaker API Reference: CreateProcessingJob,
 * CreateTrainingJob, ContainerDefinition and CreateModelPackage; the shapes of its service model).
 * The builder checks a step's literal values when the step is created; the local run checks every
 * value once resolved (a parameter, a property), as SageMaker does when the step starts.
 */
import { MAX_VOLUME_SIZE_GB } from '../../config/volume-sizes';

/** The limits of a string-to-string map of a request. */
export interface MapLimits {
  readonly maxEntries: number;
  readonly keyMax: number;
  readonly valueMax: number;
  /** Environment variable names: a letter or `_`, then letters, digits or `_`. */
  readonly environmentKeys?: boolean;
}

/** The limits of a list of strings (ContainerEntrypoint, ContainerArguments). */
export interface ListLimits {
  readonly maxItems: number;
  readonly itemMax: number;
}

export const REQUEST_LIMITS = {
  processing: {
    api: 'CreateProcessingJob',
    environment: { maxEntries: 100, keyMax: 256, valueMax: 256, environmentKeys: true },
    containerList: { maxItems: 100, itemMax: 256 },
    maxInputs: 10,
    maxOutputs: 10,
    maxInstanceCount: 100,
    maxVolumeSizeInGb: MAX_VOLUME_SIZE_GB,
    maxRuntimeSeconds: 777_600,
  },
  training: {
    api: 'CreateTrainingJob',
    hyperParameters: { maxEntries: 100, keyMax: 256, valueMax: 2500 },
    environment: { maxEntries: 100, keyMax: 512, valueMax: 512, environmentKeys: true },
    maxChannels: 20,
  },
  model: {
    api: 'CreateModel (ContainerDefinition)',
    environment: { maxEntries: 100, keyMax: 1024, valueMax: 1024, environmentKeys: true },
  },
  modelPackage: {
    api: 'CreateModelPackage',
    maxMetadataEntries: 50,
    metadataKeyMax: 128,
    metadataValueMax: 256,
    descriptionMax: 1024,
  },
} as const;

/**
 * A value's text as a check reads it, or undefined when it is not known yet: the builder knows only
 * literals ({@link literalText}); the local run knows every value ({@link resolvedText}).
 */
export type ValueText = (value: unknown) => string | undefined;

/**
 * How aws-cdk-lib writes a value known only at deploy time into a string (`${Token[...]}`, what its
 * Token.isUnresolved looks for): such a string is not the value SageMaker receives. The builder does
 * not load aws-cdk-lib (the local run uses it without), so it knows the encoding by its shape.
 */
const CDK_TOKEN = /\$\{Token\[[^\]]+\]\}/;

/**
 * The text of a literal string, number or boolean; undefined for a value computed at run time (an
 * expression of the pipeline) or at deploy time (a CDK token, such as a key ARN of the same stack).
 */
export const literalText: ValueText = (value) => {
  if (typeof value === 'string') {
    return CDK_TOKEN.test(value) ? undefined : value;
  }
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
};

/** The text of a resolved value. */
export const resolvedText: ValueText = (value) => String(value);

const ENVIRONMENT_KEY = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
/** CustomerMetadataProperties keys and values: letters, spaces, digits and `_.:/=+-@` (CreateModelPackage). */
const METADATA_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/**
 * What `api` refuses in a map (`field`), or undefined. `valueVerb` words a value's length: "is"
 * for a literal, "resolved to" for a value the local run resolved.
 */
export function mapProblem(value: unknown, field: string, limits: MapLimits, api: string, text: ValueText, valueVerb = 'is'): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `${field} must be a map of strings, got ${JSON.stringify(value)}`;
  }
  const entries = Object.entries(value);
  if (entries.length > limits.maxEntries) {
    return `${field} has ${entries.length} entries; ${api} takes at most ${limits.maxEntries}`;
  }
  for (const [key, entry] of entries) {
    if (key.length > limits.keyMax || (limits.environmentKeys && !ENVIRONMENT_KEY.test(key))) {
      const shape = limits.environmentKeys ? 'a letter or _ then letters, digits or _, ' : '';
      return `${field} key ${JSON.stringify(key)} is not one ${api} takes (${shape}at most ${limits.keyMax} characters)`;
    }
    const entryText = text(entry);
    if (entryText !== undefined && entryText.length > limits.valueMax) {
      return `${field}.${key} ${valueVerb} ${entryText.length} characters; ${api} takes at most ${limits.valueMax}`;
    }
  }
  return undefined;
}

/** What `api` refuses in a list of strings (`field`): 1 to maxItems items of at most itemMax characters; or undefined. */
export function listProblem(value: unknown, field: string, limits: ListLimits, api: string, text: ValueText): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (!Array.isArray(value) || value.length < 1 || value.length > limits.maxItems) {
    return `${field} must be a list of 1 to ${limits.maxItems} strings (${api}), got ${JSON.stringify(value)}`;
  }
  const long = value.map(text).find((item) => item !== undefined && item.length > limits.itemMax);
  return long === undefined ? undefined : `${field} has an item of ${long.length} characters; ${api} takes at most ${limits.itemMax}: ${long.slice(0, 60)}…`;
}

/** What `api` refuses in the number of a list's entries, or undefined. */
export function countProblem(list: readonly unknown[] | undefined, field: string, max: number, api: string): string | undefined {
  return (list?.length ?? 0) > max ? `${field} has ${list!.length} entries; ${api} takes at most ${max}` : undefined;
}

/** What `api` refuses in a literal whole number (`field`, at most `max`), or undefined (also for a value computed at run time). */
export function maximumProblem(value: unknown, field: string, max: number, api: string): string | undefined {
  return typeof value === 'number' && value > max ? `${field} must be at most ${max} (${api}), got ${value}` : undefined;
}

/**
 * What CreateModelPackage refuses in CustomerMetadataProperties, or undefined: at most 50 entries,
 * keys of 1..128 and values of 1..256 letters, spaces, digits or `_.:/=+-@`.
 */
export function customerMetadataProblem(properties: Readonly<Record<string, unknown>> | undefined, field: string, text: ValueText, valueVerb = 'is'): string | undefined {
  const { api, maxMetadataEntries, metadataKeyMax, metadataValueMax } = REQUEST_LIMITS.modelPackage;
  const entries = Object.entries(properties ?? {});
  if (entries.length > maxMetadataEntries) {
    return `${field} has ${entries.length} entries; ${api} takes at most ${maxMetadataEntries}`;
  }
  for (const [key, value] of entries) {
    if (key.length < 1 || key.length > metadataKeyMax || !METADATA_TEXT.test(key)) {
      return `${field} key ${JSON.stringify(key)} must be 1..${metadataKeyMax} letters, spaces, digits or _.:/=+-@ (${api})`;
    }
    const valueText = text(value);
    if (valueText !== undefined && (valueText.length < 1 || valueText.length > metadataValueMax || !METADATA_TEXT.test(valueText))) {
      return `${field}.${key} ${valueVerb} ${JSON.stringify(valueText)}; ${api} takes 1..${metadataValueMax} letters, spaces, digits or _.:/=+-@`;
    }
  }
  return undefined;
}
