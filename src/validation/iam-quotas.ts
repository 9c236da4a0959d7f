/**
 * IAM's size quotas on what a template creates (IAM User Guide, "IAM and AWS STS quotas"), checked
 * on the synthesized template: CloudFormation fails the role's or policy's create or update when
 * one is exceeded (LimitExceeded), after the stack has started to deploy.
 *
 * - Role policy size: all inline policies of a role together, at most 10,240 characters;
 * - managed policy length: at most 6,144 characters;
 * - role trust policy length: at most 2,048 characters (the default quota);
 * - managed policies attached to a role: at most 10 (the default quota).
 *
 * IAM does not count white space. A value the template computes at deploy time counts at a
 * generous length: an account ID, partition, region or URL suffix at its longest, a reference to a
 * resource of the template (its name or ID) at {@link REFERENCE_LENGTH} characters and an attribute
 * (an ARN) at {@link ATTRIBUTE_LENGTH}, so a policy that passes here fits in any account and region.
 */

type Json = any;

export const IAM_QUOTAS = { rolePolicies: 10_240, managedPolicy: 6_144, trustPolicy: 2_048, managedPoliciesPerRole: 10 } as const;

/** How long a Ref to a resource counts: a role or bucket name is at most 64 characters, a generated one shorter. */
export const REFERENCE_LENGTH = 128;
/** How long a Fn::GetAtt (or an imported value) counts: an ARN with a 128-character name. */
export const ATTRIBUTE_LENGTH = 200;

const PSEUDO_PARAMETERS: Readonly<Record<string, number>> = {
  'AWS::AccountId': 12, 'AWS::Partition': 'aws-us-gov'.length, 'AWS::Region': 'ap-southeast-2'.length, 'AWS::URLSuffix': 'amazonaws.com.cn'.length,
};

/** One quota a template exceeds: the resource and its estimated size. */
export interface IamQuotaFinding {
  readonly logicalId: string;
  readonly location: string;
  readonly message: string;
}

/** The length IAM counts for a policy document of a template, deploy-time values at their estimated lengths. */
export function policyLength(document: Json): number {
  return text(document).replace(/\s/g, '').length;
}

function text(value: Json): string {
  if (Array.isArray(value)) {
    return `[${value.map(text).join(',')}]`;
  }
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value);
  }
  const keys = Object.keys(value);
  if (keys.length === 1) {
    const argument = value[keys[0]];
    switch (keys[0]) {
      case 'Ref': return JSON.stringify('x'.repeat(PSEUDO_PARAMETERS[argument] ?? REFERENCE_LENGTH));
      case 'Fn::GetAtt':
      case 'Fn::ImportValue': return JSON.stringify('x'.repeat(ATTRIBUTE_LENGTH));
      case 'Fn::Join': return JSON.stringify((argument[1] as Json[]).map(inner).join(argument[0]));
      case 'Fn::Sub': return JSON.stringify(subText(Array.isArray(argument) ? argument[0] : argument));
      default: break;
    }
  }
  return `{${keys.map((key) => `${JSON.stringify(key)}:${text(value[key])}`).join(',')}}`;
}

/** A joined part as the text it becomes. */
function inner(value: Json): string {
  const rendered = typeof value === 'string' ? value : JSON.parse(text(value));
  return typeof rendered === 'string' ? rendered : JSON.stringify(rendered);
}

function subText(template: string): string {
  return template.replace(/\$\{([^}]+)\}/g, (_, name: string) => 'x'.repeat(
    name.startsWith('!') ? name.length + 2 : PSEUDO_PARAMETERS[name] ?? (name.includes('.') ? ATTRIBUTE_LENGTH : REFERENCE_LENGTH)));
}

/** The logical ID a `Roles` entry refers to, when it is a role of the template. */
function roleId(entry: Json): string | undefined {
  return entry !== null && typeof entry === 'object' && typeof entry.Ref === 'string' ? entry.Ref : undefined;
}

/** Every IAM size quota the resources of one template exceed. */
export function iamQuotaFindings(resources: Readonly<Record<string, Json>>): IamQuotaFinding[] {
  const findings: IamQuotaFinding[] = [];
  const inline = new Map<string, number>();
  const attached = new Map<string, number>();
  const add = (map: Map<string, number>, id: string, amount: number) => map.set(id, (map.get(id) ?? 0) + amount);
  for (const [logicalId, resource] of Object.entries(resources)) {
    const props = resource?.Properties ?? {};
    if (resource?.Type === 'AWS::IAM::Role') {
      const trust = policyLength(props.AssumeRolePolicyDocument ?? {});
      if (trust > IAM_QUOTAS.trustPolicy) {
        findings.push({
          logicalId, location: 'Properties/AssumeRolePolicyDocument',
          message: `its trust policy takes about ${trust} characters; IAM allows ${IAM_QUOTAS.trustPolicy} (role trust policy length)`,
        });
      }
      for (const policy of props.Policies ?? []) {
        add(inline, logicalId, policyLength(policy.PolicyDocument));
      }
      add(attached, logicalId, (props.ManagedPolicyArns ?? []).length);
    } else if (resource?.Type === 'AWS::IAM::Policy') {
      for (const role of (props.Roles ?? []).map(roleId).filter((id: string | undefined): id is string => id !== undefined)) {
        add(inline, role, policyLength(props.PolicyDocument));
      }
    } else if (resource?.Type === 'AWS::IAM::ManagedPolicy') {
      const length = policyLength(props.PolicyDocument);
      if (length > IAM_QUOTAS.managedPolicy) {
        findings.push({
          logicalId, location: 'Properties/PolicyDocument',
          message: `the managed policy takes about ${length} characters; IAM allows ${IAM_QUOTAS.managedPolicy} (managed policy length)`,
        });
      }
      for (const role of (props.Roles ?? []).map(roleId).filter((id: string | undefined): id is string => id !== undefined)) {
        add(attached, role, 1);
      }
    }
  }
  for (const [role, length] of inline) {
    if (length > IAM_QUOTAS.rolePolicies && resources[role]?.Type === 'AWS::IAM::Role') {
      findings.push({
        logicalId: role, location: 'Properties',
        message: `its inline policies take about ${length} characters together; IAM allows ${IAM_QUOTAS.rolePolicies} per role (role policy size)`,
      });
    }
  }
  for (const [role, count] of attached) {
    if (count > IAM_QUOTAS.managedPoliciesPerRole && resources[role]?.Type === 'AWS::IAM::Role') {
      findings.push({
        logicalId: role, location: 'Properties/ManagedPolicyArns',
        message: `${count} managed policies are attached to it; IAM allows ${IAM_QUOTAS.managedPoliciesPerRole} by default (managed policies per role)`,
      });
    }
  }
  return findings;
}
