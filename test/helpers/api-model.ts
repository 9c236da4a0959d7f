/**
 * Requests checked against the AWS API's own model: the service models botocore ships (the data
 * the API Reference pages are generated from: each member's "Length Constraints", "Valid Range",
 * "Valid Values" and "Pattern", and which members are "Required"). The test deps install botocore
 * with moto (scripts/install-moto.sh), so the models are read from that installation.
 *
 * A value known only at run time (a pipeline expression, a CloudFormation intrinsic) is not
 * judged; a resolver may replace it by the values it can take (a pipeline parameter's default and
 * its EnumValues), each of which is judged.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { readMotoInstallation } from '../integration/moto-installation';

interface Shape {
  readonly type: string;
  readonly members?: Record<string, { readonly shape: string }>;
  readonly required?: readonly string[];
  readonly member?: { readonly shape: string };
  readonly key?: { readonly shape: string };
  readonly value?: { readonly shape: string };
  readonly enum?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
  readonly document?: boolean;
}

/** A botocore service model (service-2.json). */
export interface ServiceModel {
  readonly metadata: { readonly serviceId: string; readonly apiVersion: string };
  readonly operations: Record<string, { readonly input?: { readonly shape: string } }>;
  readonly shapes: Record<string, Shape>;
}

const models = new Map<string, ServiceModel>();

/**
 * The newest model of `service` (botocore's folder name: `sagemaker`, `application-autoscaling`)
 * in the botocore that the test deps installed.
 *
 * @throws Error naming the install command when botocore or the service's model is missing
 */
export function serviceModel(service: string): ServiceModel {
  let model = models.get(service);
  if (model === undefined) {
    const dir = path.join(readMotoInstallation().pythonPath, 'botocore', 'data', service);
    const versions = fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
    if (versions.length === 0) {
      throw new Error(`botocore has no model of ${service} in ${dir}: install the test deps with \`bash scripts/test-deps.sh\``);
    }
    const base = path.join(dir, versions[versions.length - 1], 'service-2.json');
    const text = fs.existsSync(base) ? fs.readFileSync(base, 'utf-8') : zlib.gunzipSync(fs.readFileSync(`${base}.gz`)).toString('utf-8');
    model = JSON.parse(text) as ServiceModel;
    models.set(service, model);
  }
  return model;
}

/** What a resolver returns for a value known only at run time: the values it can take, or none to judge. */
export interface RunTimeValue {
  readonly candidates: readonly unknown[];
}

export interface RequestCheckOptions {
  /** Required members of the request that the caller fills in (a pipeline step's job name). */
  readonly filledByCaller?: readonly string[];
  /** Members of the request that are not the API's (a CloudFormation-only property). */
  readonly notOfTheApi?: readonly string[];
  /** Recognizes a value known only at run time; undefined for a literal value. */
  readonly resolve?: (value: unknown) => RunTimeValue | undefined;
  /**
   * Matches the request's member names to the API's regardless of case: CloudFormation spells in
   * PascalCase the members that some APIs spell in camelCase (CodeBuild's `buildspec`, CodePipeline's `roleArn`).
   */
  readonly ignoreMemberCase?: boolean;
}

/** The result of checking one request. */
export interface RequestCheck {
  /** `<path>: <what AWS rejects>`, one per problem. */
  readonly problems: string[];
  /** The paths whose value was known only at run time and had no candidates: not judged. */
  readonly unjudged: string[];
  /** How many values were judged. */
  readonly judged: number;
}

/**
 * The problems AWS would report on `request` as the input of `operation`: missing required
 * members, members the API does not have, types, enums, lengths, ranges and patterns. Patterns
 * are matched against the whole value, as the service validates them (an underscore in a job
 * name fails `[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}`).
 */
export function checkRequest(model: ServiceModel, operation: string, request: unknown, options: RequestCheckOptions = {}): RequestCheck {
  const input = model.operations[operation]?.input?.shape;
  if (input === undefined) {
    throw new Error(`${model.metadata.serviceId} has no operation ${operation} with an input`);
  }
  const result = { problems: [] as string[], unjudged: [] as string[], judged: 0 };
  const root = model.shapes[input];
  const shape: Shape = {
    ...root,
    required: (root.required ?? []).filter((name) => !(options.filledByCaller ?? []).includes(name)),
    members: { ...root.members, ...Object.fromEntries((options.notOfTheApi ?? []).map((name) => [name, { shape: '' }])) },
  };
  checkValue(model, shape, request, operation, options, result);
  return result;
}

function checkValue(model: ServiceModel, shape: Shape, value: unknown, at: string, options: RequestCheckOptions, result: { problems: string[]; unjudged: string[]; judged: number }): void {
  if (shape === undefined || shape.document) {
    return;
  }
  const runTime = options.resolve?.(value);
  if (runTime !== undefined) {
    if (runTime.candidates.length === 0) {
      result.unjudged.push(at);
    }
    for (const candidate of runTime.candidates) {
      checkValue(model, shape, candidate, `${at} (${JSON.stringify(candidate)})`, options, result);
    }
    return;
  }
  result.judged++;
  const problem = (message: string): void => {
    result.problems.push(`${at}: ${message}`);
  };
  switch (shape.type) {
    case 'structure': {
      if (!isObject(value)) {
        return problem(`a structure is expected, got ${JSON.stringify(value)}`);
      }
      const members = shape.members ?? {};
      const memberName = (name: string): string => (options.ignoreMemberCase ? Object.keys(members).find((m) => m.toLowerCase() === name.toLowerCase()) ?? name : name);
      const given = new Set(Object.keys(value).filter((name) => value[name] !== undefined).map(memberName));
      for (const name of shape.required ?? []) {
        if (!given.has(name)) {
          problem(`the required member ${name} is missing`);
        }
      }
      // A member set to undefined is left out of the request by the SDK.
      for (const [name, member] of Object.entries(value).filter(([, v]) => v !== undefined)) {
        const declared = members[memberName(name)];
        if (declared === undefined) {
          problem(`the API has no member ${name} here (it has ${Object.keys(shape.members ?? {}).join(', ')})`);
        } else if (declared.shape !== '') {
          checkValue(model, model.shapes[declared.shape], member, `${at}.${name}`, options, result);
        }
      }
      return;
    }
    case 'list':
      if (!Array.isArray(value)) {
        return problem(`a list is expected, got ${JSON.stringify(value)}`);
      }
      checkBounds(shape, value.length, 'items', problem);
      value.forEach((item, i) => checkValue(model, model.shapes[shape.member!.shape], item, `${at}[${i}]`, options, result));
      return;
    case 'map':
      if (!isObject(value)) {
        return problem(`a map is expected, got ${JSON.stringify(value)}`);
      }
      checkBounds(shape, Object.keys(value).length, 'entries', problem);
      for (const [key, item] of Object.entries(value)) {
        checkValue(model, model.shapes[shape.key!.shape], key, `${at} key ${JSON.stringify(key)}`, options, result);
        checkValue(model, model.shapes[shape.value!.shape], item, `${at}[${JSON.stringify(key)}]`, options, result);
      }
      return;
    case 'string':
      return checkString(shape, value, problem);
    case 'integer':
    case 'long':
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        return problem(`an integer is expected, got ${JSON.stringify(value)}`);
      }
      return checkBounds(shape, value, 'as the value', problem);
    case 'float':
    case 'double':
      if (typeof value !== 'number') {
        return problem(`a number is expected, got ${JSON.stringify(value)}`);
      }
      return checkBounds(shape, value, 'as the value', problem);
    case 'boolean':
      if (typeof value !== 'boolean') {
        problem(`a boolean is expected, got ${JSON.stringify(value)}`);
      }
      return;
    default:
      // timestamp, blob: nothing the toolkit sends.
      return;
  }
}

function checkString(shape: Shape, value: unknown, problem: (message: string) => void): void {
  if (typeof value !== 'string') {
    return problem(`a string is expected, got ${JSON.stringify(value)}`);
  }
  if (shape.enum !== undefined && !shape.enum.includes(value)) {
    return problem(`${JSON.stringify(value)} is not one of the valid values (${shape.enum.length}: ${shape.enum.slice(0, 12).join(', ')}${shape.enum.length > 12 ? ', ...' : ''})`);
  }
  checkBounds(shape, [...value].length, 'characters', problem);
  if (shape.pattern !== undefined) {
    const regex = patternRegex(shape.pattern);
    if (!regex.test(value)) {
      problem(`${JSON.stringify(value)} does not match the pattern ${shape.pattern}`);
    }
  }
}

function checkBounds(shape: Shape, n: number, unit: string, problem: (message: string) => void): void {
  if (shape.min !== undefined && n < shape.min) {
    problem(`${n} ${unit}; the minimum is ${shape.min}`);
  }
  if (shape.max !== undefined && n > shape.max) {
    problem(`${n} ${unit}; the maximum is ${shape.max}`);
  }
}

/** Java's POSIX character classes (java.util.regex.Pattern, US-ASCII only), as class contents. */
const POSIX_CLASSES: Record<string, string> = {
  Lower: 'a-z', Upper: 'A-Z', ASCII: '\\x00-\\x7F', Alpha: 'a-zA-Z', Digit: '0-9', Alnum: 'a-zA-Z0-9',
  Punct: '\\x21-\\x2F\\x3A-\\x40\\x5B-\\x60\\x7B-\\x7E', Graph: '\\x21-\\x7E', Print: '\\x20-\\x7E',
  Blank: ' \\t', Cntrl: '\\x00-\\x1F\\x7F', XDigit: '0-9a-fA-F', Space: ' \\t\\n\\x0B\\f\\r',
};

/**
 * A model's pattern in JavaScript's syntax. The models are written for Java: its POSIX classes
 * (`\p{Alnum}`, `\p{Print}`) become ranges, and a quantified end anchor (`${1,128}`, which Java
 * reads as `$`) becomes `$`, and a quoted character that is no JavaScript syntax character (`\_`) stands for itself.
 */
function javaToJavaScript(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const rest = pattern.slice(i);
    const posix = /^\\p\{(\w+)\}/.exec(rest);
    if (posix && POSIX_CLASSES[posix[1]] !== undefined) {
      out += inClass ? POSIX_CLASSES[posix[1]] : `[${POSIX_CLASSES[posix[1]]}]`;
      i += posix[0].length - 1;
    } else if (/^\\[^A-Za-z0-9^$\\.*+?()[\]{}|/-]/.test(rest)) {
      // Java quotes any non-alphanumeric character with a backslash (`\_`); JavaScript's unicode mode allows
      // that only for its syntax characters: another character stands for itself.
      out += rest[1];
      i++;
    } else if (rest.startsWith('\\')) {
      out += rest.slice(0, 2);
      i++;
    } else if (!inClass && /^\$\{\d+(,\d*)?\}/.test(rest)) {
      const quantifier = /^\$\{\d+(,\d*)?\}/.exec(rest)![0];
      out += '$';
      i += quantifier.length - 1;
    } else {
      if (pattern[i] === '[' && !inClass) {
        inClass = true;
      } else if (pattern[i] === ']' && inClass) {
        inClass = false;
      }
      out += pattern[i];
    }
  }
  return out;
}

const patterns = new Map<string, RegExp>();

/**
 * A model's pattern as a JavaScript regular expression matching the whole value (see
 * javaToJavaScript).
 *
 * @throws Error when the pattern cannot be translated: the check must not pass a value unjudged
 */
export function patternRegex(pattern: string): RegExp {
  let regex = patterns.get(pattern);
  if (regex === undefined) {
    const translated = javaToJavaScript(pattern);
    try {
      regex = new RegExp(`^(?:${translated})$`, 'u');
    } catch (err) {
      throw new Error(`cannot check the pattern ${pattern} (as ${translated}): ${(err as Error).message}`);
    }
    patterns.set(pattern, regex);
  }
  return regex;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
