import * as fs from 'node:fs';
import * as path from 'node:path';
import { InvalidArgumentError } from 'commander';
import { ConfigError } from '../config/errors';
import { PIPELINE_PARAMETER_LIMITS, startPipelineExecutionProblem } from '../aws/pipeline-execution-limits';
import { MODEL_PACKAGE_GROUP_NAME_MAX_LENGTH, MODEL_PACKAGE_GROUP_NAME_PATTERN, checkProjectName } from '../config/validators';
import { EndpointTypeCheck, parseEndpointTypeCheck } from '../aws/endpoint-type-spec';
import { groupOfModelPackageGroupArn } from '../aws/model-package-group-arn';
import { AWS_REGION_PATTERN } from '../aws/region-pattern';

/**
 * Commander parser for `--group <name>`: a model package group name as SageMaker allows it.
 *
 * @throws InvalidArgumentError (a usage error, exit 2) naming the value and the pattern
 */
export function parseGroupName(value: string): string {
  const fromArn = groupOfModelPackageGroupArn(value);
  if (fromArn !== undefined) {
    throw new InvalidArgumentError(`--group takes the model package group's name, not its ARN: pass --group ${fromArn}, got ${value}`);
  }
  // The pattern's `-*` takes any number of hyphens: the length is checked apart.
  if (!MODEL_PACKAGE_GROUP_NAME_PATTERN.test(value) || value.length > MODEL_PACKAGE_GROUP_NAME_MAX_LENGTH) {
    throw new InvalidArgumentError(
      `model package group name must be 1 to 63 letters, digits and hyphens, starting and ending with a letter or digit (${MODEL_PACKAGE_GROUP_NAME_PATTERN.source}), got ${value}`,
    );
  }
  return value;
}

/**
 * Commander parser for `--project <name>`: the rule `projectName` follows in .projenrc.ts.
 *
 * @throws InvalidArgumentError (a usage error, exit 2) with the rule's message
 */
export function parseProjectName(value: string): string {
  try {
    checkProjectName('project name', value);
  } catch (err) {
    if (err instanceof ConfigError) {
      throw new InvalidArgumentError(err.message);
    }
    throw err;
  }
  return value;
}

/**
 * Commander collector for a repeatable `--parameter KEY=VALUE`: the values so far by key.
 *
 * @throws InvalidArgumentError (a usage error, exit 2) for a value without `=` or a key, or a key given twice
 */
export function collectParameter(value: string, previous: Readonly<Record<string, string>> = {}): Record<string, string> {
  const separator = value.indexOf('=');
  if (separator < 1) {
    throw new InvalidArgumentError(`parameter must be KEY=VALUE with a non-empty KEY, got ${value}`);
  }
  const key = value.slice(0, separator);
  if (key in previous) {
    throw new InvalidArgumentError(`parameter ${key} is given twice`);
  }
  return { ...previous, [key]: value.slice(separator + 1) };
}

/**
 * Commander collector for `run-pipeline --parameter KEY=VALUE`: `collectParameter`, then the limits
 * StartPipelineExecution puts on a parameter's name and value and on their number
 * (`PIPELINE_PARAMETER_LIMITS`, `startPipelineExecutionProblem`), so a value SageMaker would refuse
 * is a usage error before any call.
 *
 * @throws InvalidArgumentError (a usage error, exit 2) naming the parameter, the value or its length, and the limit
 */
export function collectPipelineParameter(value: string, previous: Readonly<Record<string, string>> = {}): Record<string, string> {
  const collected = collectParameter(value, previous);
  const key = value.slice(0, value.indexOf('='));
  const { maxCount } = PIPELINE_PARAMETER_LIMITS;
  const count = Object.keys(collected).length;
  if (count > maxCount) {
    throw new InvalidArgumentError(`--parameter may be given at most ${maxCount} times (StartPipelineExecution takes at most ${maxCount} pipeline parameters), got ${count}`);
  }
  const problem = startPipelineExecutionProblem({ pipelineName: '', parameters: { [key]: collected[key] } });
  if (problem) {
    throw new InvalidArgumentError(problem);
  }
  return collected;
}

export { AWS_REGION_PATTERN } from '../aws/region-pattern';

/**
 * Commander parser for the global `--region <region>`: checked before any AWS call, so a typo is
 * a usage error rather than an unreachable endpoint.
 *
 * @throws InvalidArgumentError (a usage error, exit 2) naming the value and the pattern
 */
export function parseRegion(value: string): string {
  if (!AWS_REGION_PATTERN.test(value)) {
    throw new InvalidArgumentError(`--region must be an AWS region name such as us-east-1, us-gov-west-1 or cn-north-1 (${AWS_REGION_PATTERN.source}), got ${JSON.stringify(value)}`);
  }
  return value;
}

/** A number as written on a command line: decimal digits, with a fraction unless whole (no sign, exponent, hexadecimal or blanks). */
const DECIMAL_NUMBER = /^\d+(\.\d+)?$/;
const WHOLE_NUMBER = /^\d+$/;

/** The numbers a {@link numberOption} takes. */
export interface NumberRange {
  readonly min: number;
  /** No upper bound when absent. */
  readonly max?: number;
  /** `min` itself is refused (a number above it is needed). */
  readonly exclusiveMin?: boolean;
  /** Whole numbers only. */
  readonly whole?: boolean;
  /** What the number counts, as in "a number of <unit>". */
  readonly unit?: string;
  /** Why these bounds, shown after them. */
  readonly note?: string;
}

/** The range in words: "from 1 to 900", "above 0 and at most 300", "at least 20". */
export function describeRange(range: NumberRange): string {
  const low = range.exclusiveMin ? `above ${range.min}` : range.max === undefined ? `at least ${range.min}` : `from ${range.min}`;
  const high = range.max === undefined ? '' : range.exclusiveMin ? ` and at most ${range.max}` : ` to ${range.max}`;
  return `${low}${high}`;
}

/**
 * A commander parser for a numeric option: the value must be written in decimal digits and lie in
 * the range, or the command stops before any AWS call.
 *
 * @throws InvalidArgumentError (a usage error, exit 2) naming the option, the value and the range
 */
export function numberOption(option: string, range: NumberRange): (value: string) => number {
  return (value) => {
    const number = Number(value);
    const inRange = (range.exclusiveMin ? number > range.min : number >= range.min) && (range.max === undefined || number <= range.max);
    if (!(range.whole ? WHOLE_NUMBER : DECIMAL_NUMBER).test(value) || !Number.isSafeInteger(Math.trunc(number)) || !inRange) {
      throw new InvalidArgumentError(
        `${option} must be ${range.whole ? 'a whole number' : 'a number'}${range.unit ? ` of ${range.unit}` : ''}${range.max === undefined ? ',' : ''} ${describeRange(range)}` +
        `${range.note ? ` (${range.note})` : ''}, got ${value}`,
      );
    }
    return number;
  };
}

/** A commander parser for a number of seconds within `min..max` (decimals allowed). */
export function secondsInRange(option: string, min: number, max: number): (value: string) => number {
  return numberOption(option, { min, max, unit: 'seconds' });
}

/** The range of the global `--request-timeout`, in seconds. */
export const REQUEST_TIMEOUT_RANGE = { min: 1, max: 900 } as const;

/** Commander parser for the global `--request-timeout <seconds>`. */
export const parseRequestTimeout = secondsInRange('--request-timeout', REQUEST_TIMEOUT_RANGE.min, REQUEST_TIMEOUT_RANGE.max);

/** `--limit <n>`: how many items to show, a whole number from 1 to 1000. */
export const parseLimit = numberOption('--limit', { min: 1, max: 1000, whole: true });

/**
 * Why a command could not write `file` when it is done, or undefined when it can: the path names a
 * file (not a folder), and the file, or the nearest folder that exists on its way (the command
 * creates the missing ones), is writable.
 */
export function outputFileProblem(file: string): string | undefined {
  if (file.trim() === '') {
    return 'must name a file';
  }
  if (/[\\/]$/.test(file)) {
    return 'names a folder (it ends with a slash): name a file';
  }
  const resolved = path.resolve(file);
  if (fs.existsSync(resolved)) {
    return fs.statSync(resolved).isDirectory() ? 'is a folder: name a file in it' : writable(resolved) ? undefined : 'is not writable';
  }
  let dir = path.dirname(resolved);
  while (!fs.existsSync(dir)) {
    dir = path.dirname(dir);
  }
  if (!fs.statSync(dir).isDirectory()) {
    return `cannot be written: ${dir} is a file, not a folder`;
  }
  return writable(dir) ? undefined : `cannot be written: the folder ${dir} is not writable`;
}

function writable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * A commander parser for an option naming a file the command writes at its end: checked when the
 * options are read, so a path that cannot be written is a usage error before any AWS call, not an
 * error after the work is done.
 *
 * @throws InvalidArgumentError (a usage error, exit 2) naming the option, the path and the problem
 */
export function outputFileOption(option: string): (value: string) => string {
  return (value) => {
    const problem = outputFileProblem(value);
    if (problem !== undefined) {
      throw new InvalidArgumentError(`${option} ${JSON.stringify(value)} ${problem}`);
    }
    return value;
  };
}

/**
 * An endpoint name as SageMaker takes it (Amazon SageMaker API Reference, CreateEndpoint and
 * DescribeEndpoint `EndpointName`): 1 to 63 letters, digits and hyphens, starting and ending with a
 * letter or digit.
 */
export const ENDPOINT_NAME_PATTERN = /^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$/;
/** EndpointName: at most 63 characters (the pattern's `-*` alone does not bound it). */
const ENDPOINT_NAME_MAX_LENGTH = 63;

/**
 * Commander parser for an option that names an endpoint (`--endpoint`, `--live-endpoint`): a name
 * SageMaker would refuse is a usage error before any call, naming the option.
 */
export function endpointNameOption(option: string): (value: string) => string {
  return (value) => {
    if (!ENDPOINT_NAME_PATTERN.test(value) || value.length > ENDPOINT_NAME_MAX_LENGTH) {
      throw new InvalidArgumentError(`${option} must be an endpoint name of 1 to 63 letters, digits and hyphens, starting and ending with a letter or digit (${ENDPOINT_NAME_PATTERN.source}), got ${value}`);
    }
    return value;
  };
}

/**
 * CodePipeline's pattern for pipeline and stage names (CodePipeline API Reference, PipelineDeclaration
 * and StageDeclaration `name`): 1 to 100 letters, digits and `.@-_`.
 */
export const CODEPIPELINE_NAME_PATTERN = /^[A-Za-z0-9.@\-_]{1,100}$/;

/** Commander parser for an option that names a CodePipeline pipeline or one of its stages. */
export function codePipelineNameOption(option: string): (value: string) => string {
  return (value) => {
    if (!CODEPIPELINE_NAME_PATTERN.test(value)) {
      throw new InvalidArgumentError(`${option} must be a CodePipeline name of 1 to 100 letters, digits and .@-_ (${CODEPIPELINE_NAME_PATTERN.source}), got ${JSON.stringify(value)}`);
    }
    return value;
  };
}

/**
 * Why `dir` is not a cloud assembly a command can read, or undefined when it is: `cdk synth` writes
 * a manifest.json into the assembly folder. Checked before any AWS call, so a wrong path is a usage
 * error (exit 2), not an answer about an assembly that is not there.
 */
export function assemblyProblem(dir: string): string | undefined {
  if (fs.existsSync(path.join(dir, 'manifest.json'))) {
    return undefined;
  }
  return `${JSON.stringify(dir)} is not a cloud assembly: ${fs.existsSync(dir) ? 'it has no manifest.json' : 'there is no such folder'} (\`cdk synth\` writes one, by default to cdk.out)`;
}

/** Commander parser for `--assembly <dir>` ({@link assemblyProblem}); a default value is not parsed: check it in the action. */
export function assemblyOption(option: string): (value: string) => string {
  return (value) => {
    const problem = assemblyProblem(value);
    if (problem !== undefined) {
      throw new InvalidArgumentError(`${option} ${problem}`);
    }
    return value;
  };
}

/**
 * Commander collector for resolve-model's repeatable `--endpoint-type <stage>:<endpoint>[@<region>]=<type>`:
 * the checks so far, one per stage.
 *
 * @throws InvalidArgumentError (a usage error, exit 2) naming the value and what is expected
 */
export function collectEndpointTypeCheck(value: string, previous: readonly EndpointTypeCheck[] = []): EndpointTypeCheck[] {
  const check = parseEndpointTypeCheck(value);
  const problem = typeof check === 'string' ? check
    : !ENDPOINT_NAME_PATTERN.test(check.endpointName) ? `the endpoint must be an endpoint name (${ENDPOINT_NAME_PATTERN.source}), got ${JSON.stringify(check.endpointName)}`
      : check.region !== undefined && !AWS_REGION_PATTERN.test(check.region) ? `the region must be an AWS region name (${AWS_REGION_PATTERN.source}), got ${JSON.stringify(check.region)}`
        : previous.some((p) => p.stage === check.stage) ? `the stage ${check.stage} is given twice` : undefined;
  if (problem !== undefined || typeof check === 'string') {
    throw new InvalidArgumentError(`--endpoint-type: ${problem}`);
  }
  return [...previous, check];
}
