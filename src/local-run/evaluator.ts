import { Primitive } from '../pipeline-definition';
import { LocalRunError } from './errors';

/** The properties of a finished step, in the shape SageMaker's `Steps.<name>.<path>` reads them. */
export type StepProperties = Readonly<Record<string, unknown>>;

/** What the expressions of a pipeline definition read while a local run goes. */
export interface EvaluationScope {
  /** Every parameter's value for this run. */
  readonly parameters: Readonly<Record<string, Primitive>>;
  /** The execution variables (`PipelineExecutionId`, `CurrentDateTime`, ...). */
  readonly execution: Readonly<Record<string, string>>;
  /**
   * The steps that have finished, by name: `ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri`,
   * `ModelArtifacts.S3ModelArtifacts`, `PropertyFiles.<name>` (the parsed JSON file), `Outcome`, ...
   */
  readonly steps: ReadonlyMap<string, StepProperties>;
}

/** A path such as `ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri`, split into names and indexes. */
export type PathToken = string | number;

const PATH_TOKEN = /\.([A-Za-z_][\w:-]*)|\[(\d+)\]|\['([^']*)'\]|\["([^"]*)"\]/y;

/**
 * Splits a property path or a JSON path (`a.b[0].c`, `Outputs['train']`) into its parts.
 *
 * @throws LocalRunError naming the path when it is not one
 */
export function parsePath(path: string): PathToken[] {
  const tokens: PathToken[] = [];
  // A path starts with a name: read it as if a dot came before it.
  const dotted = `.${path}`;
  let index = 0;
  while (index < dotted.length) {
    PATH_TOKEN.lastIndex = index;
    const match = PATH_TOKEN.exec(dotted);
    if (match === null) {
      throw new LocalRunError(
        `cannot read the path ${JSON.stringify(path)} at character ${Math.max(index, 1)}: expected dotted names with optional [index] or ['key']`,
      );
    }
    const [, name, position, quoted, doubleQuoted] = match;
    tokens.push(position !== undefined ? Number(position) : (name ?? quoted ?? doubleQuoted));
    index = PATH_TOKEN.lastIndex;
  }
  if (tokens.length === 0) {
    throw new LocalRunError('cannot read an empty path');
  }
  return tokens;
}

/**
 * The value at `tokens` inside `root`, or undefined. In a step property path, `[n]` on an object
 * keyed by name takes its n-th value: the local run keeps lists SageMaker describes (such as
 * ProcessingOutputConfig.Outputs, read as `Outputs[0]` or `Outputs['train']`) keyed by name. In a
 * JSON file read by JsonGet (`json: true`), `[n]` selects only a list item, as in JsonPath.
 */
export function valueAt(root: unknown, tokens: readonly PathToken[], json = false): unknown {
  let current = root;
  for (const token of tokens) {
    if (typeof token === 'number') {
      const items = Array.isArray(current) ? current : isObject(current) && !json ? Object.values(current) : undefined;
      current = items?.[token];
    } else {
      current = isObject(current) && Object.prototype.hasOwnProperty.call(current, token) ? current[token] : undefined;
    }
    if (current === undefined) {
      return undefined;
    }
  }
  return current;
}

/**
 * The value of a `{ "Get": path }` expression: `Parameters.<name>`, `Execution.<variable>` or
 * `Steps.<step>.<property path>`.
 *
 * @throws LocalRunError naming the path and why it does not resolve
 */
export function resolveGet(path: string, scope: EvaluationScope): unknown {
  const [root, name, ...rest] = parsePath(path);
  if (typeof name !== 'string') {
    throw new LocalRunError(`cannot resolve {"Get": ${JSON.stringify(path)}}: a Get path is Parameters.<name>, Execution.<variable> or Steps.<step>.<property>`);
  }
  switch (root) {
    case 'Parameters':
      if (rest.length > 0 || !Object.prototype.hasOwnProperty.call(scope.parameters, name)) {
        throw new LocalRunError(`${path} is not a parameter of the pipeline; parameters: ${Object.keys(scope.parameters).join(', ') || 'none'}`);
      }
      return scope.parameters[name];
    case 'Execution':
      if (rest.length > 0 || !Object.prototype.hasOwnProperty.call(scope.execution, name)) {
        throw new LocalRunError(`${path} is not an execution variable; known: ${Object.keys(scope.execution).join(', ')}`);
      }
      return scope.execution[name];
    case 'Steps': {
      const properties = scope.steps.get(name);
      if (properties === undefined) {
        throw new LocalRunError(`${path} cannot be read: step ${name} has not run`);
      }
      if (rest.length === 0) {
        throw new LocalRunError(`${path} names a step, not one of its properties`);
      }
      const value = valueAt(properties, rest);
      if (value === undefined) {
        throw new LocalRunError(`${path} cannot be read: step ${name} has no such property; it has ${Object.keys(properties).join(', ') || 'none'}`);
      }
      return value;
    }
    default:
      throw new LocalRunError(`cannot resolve {"Get": ${JSON.stringify(path)}}: a Get path starts with Parameters., Execution. or Steps.`);
  }
}

/**
 * Evaluates the expressions in a tree of a pipeline definition's JSON (`Get`, `Std:Join`,
 * `Std:JsonGet`); everything else is kept as is.
 *
 * @throws LocalRunError naming the expression that does not resolve
 */
export function evaluateExpressions(tree: unknown, scope: EvaluationScope): unknown {
  if (Array.isArray(tree)) {
    return tree.map((item) => evaluateExpressions(item, scope));
  }
  if (!isObject(tree)) {
    return tree;
  }
  const keys = Object.keys(tree);
  if (keys.length === 1) {
    const [key] = keys;
    if (key === 'Get' && typeof tree.Get === 'string') {
      return resolveGet(tree.Get, scope);
    }
    if (key === 'Std:Join') {
      return evaluateJoin(tree[key], scope);
    }
    if (key === 'Std:JsonGet') {
      return evaluateJsonGet(tree[key], scope);
    }
  }
  return Object.fromEntries(keys.map((key) => [key, evaluateExpressions(tree[key], scope)]));
}

function evaluateJoin(spec: unknown, scope: EvaluationScope): string {
  if (!isObject(spec) || typeof spec.On !== 'string' || !Array.isArray(spec.Values)) {
    throw new LocalRunError(`Std:Join needs On (a string) and Values (a list), got ${JSON.stringify(spec)}`);
  }
  return spec.Values.map((value) => {
    const evaluated = evaluateExpressions(value, scope);
    if (!isPrimitive(evaluated)) {
      throw new LocalRunError(`Std:Join can join strings, numbers and booleans, got ${JSON.stringify(evaluated)} from ${JSON.stringify(value)}`);
    }
    return String(evaluated);
  }).join(spec.On);
}

function evaluateJsonGet(spec: unknown, scope: EvaluationScope): Primitive {
  if (!isObject(spec) || !isObject(spec.PropertyFile) || typeof spec.PropertyFile.Get !== 'string' || typeof spec.Path !== 'string') {
    throw new LocalRunError(
      `Std:JsonGet needs PropertyFile ({"Get": "Steps.<step>.PropertyFiles.<name>"}) and Path, got ${JSON.stringify(spec)}`,
    );
  }
  const file = spec.PropertyFile.Get;
  const data = resolveGet(file, scope);
  const value = valueAt(data, parsePath(spec.Path), true);
  if (value === undefined) {
    throw new LocalRunError(`${file} has no value at ${spec.Path}`);
  }
  if (!isPrimitive(value)) {
    throw new LocalRunError(`${file} holds ${JSON.stringify(value)} at ${spec.Path}; Std:JsonGet reads a string, number or boolean`);
  }
  return value;
}

/** The comparison types of a condition step. */
const COMPARISONS: Record<string, (order: number) => boolean> = {
  GreaterThan: (order) => order > 0,
  GreaterThanOrEqualTo: (order) => order >= 0,
  LessThan: (order) => order < 0,
  LessThanOrEqualTo: (order) => order <= 0,
};

/** Condition types the local run evaluates. */
export const CONDITION_TYPES = [...Object.keys(COMPARISONS), 'Equals', 'NotEquals', 'In', 'NotIn', 'Or', 'Not'] as const;

/** Whether every condition of a condition step holds. */
export function evaluateConditions(conditions: unknown, scope: EvaluationScope): boolean {
  if (!Array.isArray(conditions)) {
    throw new LocalRunError(`a condition step's Conditions must be a list, got ${JSON.stringify(conditions)}`);
  }
  return conditions.every((condition) => evaluateCondition(condition, scope));
}

/**
 * Whether one condition holds: `GreaterThan`, `GreaterThanOrEqualTo`, `LessThan`,
 * `LessThanOrEqualTo`, `Equals`, `NotEquals` (`LeftValue`, `RightValue`), `In`, `NotIn`
 * (`Value`, `In`), `Or` (`Conditions`) and `Not` (`Expression`).
 *
 * Numbers compare as numbers (a string that holds a number compares with a number); strings
 * order as strings; booleans are only equal or not.
 */
export function evaluateCondition(condition: unknown, scope: EvaluationScope): boolean {
  if (!isObject(condition) || typeof condition.Type !== 'string') {
    throw new LocalRunError(`a condition needs a Type, got ${JSON.stringify(condition)}`);
  }
  const operand = (value: unknown) => evaluateOperand(condition.Type as string, value, scope);
  const type = condition.Type;
  const comparison = COMPARISONS[type];
  if (comparison !== undefined) {
    return comparison(order(type, operand(condition.LeftValue), operand(condition.RightValue)));
  }
  switch (type) {
    case 'Equals':
    case 'NotEquals':
      return equal(operand(condition.LeftValue), operand(condition.RightValue)) === (type === 'Equals');
    case 'In':
    case 'NotIn': {
      if (!Array.isArray(condition.In)) {
        throw new LocalRunError(`condition ${type} needs In (a list of values), got ${JSON.stringify(condition.In)}`);
      }
      const value = operand(condition.Value);
      return condition.In.some((item) => equal(value, operand(item))) === (type === 'In');
    }
    case 'Or':
      if (!Array.isArray(condition.Conditions) || condition.Conditions.length === 0) {
        throw new LocalRunError(`condition Or needs Conditions (a non-empty list), got ${JSON.stringify(condition.Conditions)}`);
      }
      return condition.Conditions.some((c) => evaluateCondition(c, scope));
    case 'Not':
      return !evaluateCondition(condition.Expression, scope);
    default:
      throw new LocalRunError(`condition type ${JSON.stringify(type)} is not one the local run evaluates; known: ${CONDITION_TYPES.join(', ')}`);
  }
}

function evaluateOperand(type: string, value: unknown, scope: EvaluationScope): Primitive {
  const evaluated = evaluateExpressions(value, scope);
  if (!isPrimitive(evaluated)) {
    throw new LocalRunError(`condition ${type} compares strings, numbers and booleans, got ${JSON.stringify(evaluated)} from ${JSON.stringify(value)}`);
  }
  return evaluated;
}

function asNumber(value: Primitive): number | undefined {
  if (typeof value === 'number') {
    return value;
  }
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
    return Number(value);
  }
  return undefined;
}

function equal(left: Primitive, right: Primitive): boolean {
  if (typeof left === typeof right) {
    return left === right;
  }
  if (typeof left === 'boolean' || typeof right === 'boolean') {
    return false;
  }
  return asNumber(left) === asNumber(right) && asNumber(left) !== undefined;
}

/** Negative, zero or positive as left is below, equal to or above right. */
function order(type: string, left: Primitive, right: Primitive): number {
  if (typeof left === 'string' && typeof right === 'string') {
    return left < right ? -1 : left > right ? 1 : 0;
  }
  const [l, r] = [asNumber(left), asNumber(right)];
  if (typeof left === 'boolean' || typeof right === 'boolean' || l === undefined || r === undefined) {
    throw new LocalRunError(`condition ${type} cannot order ${JSON.stringify(left)} and ${JSON.stringify(right)}: it orders two numbers or two strings`);
  }
  return l - r;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPrimitive(value: unknown): value is Primitive {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}
