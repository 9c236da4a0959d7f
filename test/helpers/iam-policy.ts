/**
 * The identity policies of a role in a synthesized template, and whether they allow an action on a
 * resource, as IAM evaluates them ("Policy evaluation logic", IAM User Guide): an explicit Deny
 * wins, then an Allow whose Action and Resource match; anything else is implicitly denied.
 * Wildcards `*` and `?` match as IAM documents them; actions match without regard to case.
 *
 * Intrinsics are resolved with the template's account, region and partition. A value the
 * template computes at deploy time (a Ref or GetAtt of one of its resources, an import) stands for
 * that resource alone: it matches the text `ref-<logicalid>` or `<LogicalId.Arn>` (`deployTimeText`), never a
 * resource a call names, so a policy scoped to a bucket the stack creates does not pass for a read
 * of another bucket. Conditions are not evaluated: an Allow with one counts as allowing, a Deny with
 * one as not denying, so the tests that need a condition read it themselves.
 */
import { Template } from 'aws-cdk-lib/assertions';

export interface Environment {
  readonly account: string;
  readonly region: string;
  readonly partition?: string;
}

export interface Statement {
  readonly Effect: 'Allow' | 'Deny';
  readonly Action?: string | string[];
  readonly NotAction?: string | string[];
  readonly Resource?: unknown;
  readonly NotResource?: unknown;
  readonly Condition?: unknown;
}

/**
 * A template value as text once deployed in `env`: joins and subs resolved, pseudo parameters
 * filled in, values CloudFormation makes at deploy time as `deployTimeText` reads them.
 */
export function resolveText(value: unknown, env: Environment): string {
  if (typeof value === 'string' || typeof value === 'number') {
    return String(value);
  }
  const intrinsic = value as Record<string, any>;
  const pseudo: Record<string, string> = { 'AWS::AccountId': env.account, 'AWS::Region': env.region, 'AWS::Partition': env.partition ?? 'aws', 'AWS::URLSuffix': 'amazonaws.com' };
  if ('Ref' in intrinsic) {
    return pseudo[intrinsic.Ref] ?? deployTimeText(intrinsic);
  }
  if ('Fn::Join' in intrinsic) {
    const [separator, parts] = intrinsic['Fn::Join'];
    return (parts as unknown[]).map((part) => resolveText(part, env)).join(separator);
  }
  if ('Fn::Sub' in intrinsic) {
    const text = Array.isArray(intrinsic['Fn::Sub']) ? intrinsic['Fn::Sub'][0] : intrinsic['Fn::Sub'];
    return String(text).replace(/\$\{([^}]+)\}/g, (_, name: string) => resolveText({ Ref: name }, env));
  }
  // GetAtt, ImportValue, Select and the like: computed at deploy time.
  return deployTimeText(intrinsic);
}

/** A policy value as a regular expression's source: IAM wildcards as patterns, the rest literal. */
function pattern(value: unknown, env: Environment): string {
  return wildcardSource(resolveText(value, env));
}

/** Text with IAM's wildcards (`*` any characters, `?` one) as a regular expression's source, the rest literal. */
export function wildcardSource(text: string): string {
  return text.split('').map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\/]/g, '\\$&'))).join('');
}

/**
 * How a value CloudFormation makes at deploy time reads here: `ref-<logicalid>` for a Ref (in
 * lowercase, so that a bucket's name is a name the CLI accepts), `<LogicalId.Attribute>` for a GetAtt.
 */
export function deployTimeText(intrinsic: Record<string, any>): string {
  if ('Ref' in intrinsic) {
    return `ref-${String(intrinsic.Ref).toLowerCase()}`;
  }
  return 'Fn::GetAtt' in intrinsic ? `<${intrinsic['Fn::GetAtt'].join('.')}>` : `<${Object.keys(intrinsic)[0]}>`;
}

/** A policy element that may be one item or a list, as a list. */
export const list = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

function matchesAny(patterns: unknown[], value: string, env: Environment, flags = ''): boolean {
  return patterns.some((p) => new RegExp(`^${pattern(p, env)}$`, flags).test(value));
}

function applies(statement: Statement, action: string, resource: string, env: Environment): boolean {
  const actionMatches = statement.Action !== undefined ? matchesAny(list(statement.Action), action, env, 'i') : !matchesAny(list(statement.NotAction), action, env, 'i');
  const resourceMatches = statement.Resource !== undefined ? matchesAny(list(statement.Resource), resource, env) : !matchesAny(list(statement.NotResource), resource, env);
  return actionMatches && resourceMatches;
}

/** Whether a role's trust policy lets principals of `account` assume it (the account's root as principal, as CDK's AccountPrincipal writes it). */
export function trustsAccount(trustPolicy: { Statement: any[] }, account: string, env: Environment): boolean {
  return trustPolicy.Statement.some((s) => s.Effect === 'Allow' && list(s.Action).includes('sts:AssumeRole')
    && matchesAny(list(s.Principal?.AWS), `arn:${env.partition ?? 'aws'}:iam::${account}:root`, env));
}

/** Whether `statements` allow `action` on `resource`: a matching Deny without a condition denies. */
export function allows(statements: readonly Statement[], action: string, resource: string, env: Environment): boolean {
  if (statements.some((s) => s.Effect === 'Deny' && s.Condition === undefined && applies(s, action, resource, env))) {
    return false;
  }
  return statements.some((s) => s.Effect === 'Allow' && applies(s, action, resource, env));
}

/** The statements of every identity policy of the role `roleId` in `template`: its inline policies and the AWS::IAM::Policy resources attached to it. */
export function roleStatements(template: Template, roleId: string): Statement[] {
  const role = template.toJSON().Resources[roleId];
  if (role?.Type !== 'AWS::IAM::Role') {
    throw new Error(`${roleId} is not an AWS::IAM::Role of the template`);
  }
  const inline = list(role.Properties.Policies).flatMap((p: any) => p.PolicyDocument.Statement);
  const attached = Object.values<any>(template.findResources('AWS::IAM::Policy'))
    .filter((p) => list(p.Properties.Roles).some((r: any) => r?.Ref === roleId))
    .flatMap((p) => p.Properties.PolicyDocument.Statement);
  return [...inline, ...attached];
}
