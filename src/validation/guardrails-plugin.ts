import * as fs from 'node:fs';
import type { IPolicyValidationContext, IPolicyValidationPlugin, PolicyValidationPluginReport, PolicyViolation } from 'aws-cdk-lib';
import { cloudFormationQuotaFindings } from './cloudformation-quotas';
import { iamQuotaFindings } from './iam-quotas';
import { statementIdFindings } from './statement-ids';

type Json = any;
type ViolatingResource = PolicyViolation['violatingResources'][number];

/** Rule ids of {@link GuardrailsPlugin}. */
export const GUARDRAIL_RULES = {
  noFullAccessPolicy: 'SageMakerGitOps-NoFullAccessManagedPolicy',
  noPassRoleOnStar: 'SageMakerGitOps-NoPassRoleOnAnyRole',
  iamSizeQuota: 'SageMakerGitOps-IamSizeQuota',
  cloudFormationQuota: 'SageMakerGitOps-CloudFormationQuota',
  uniqueStatementIds: 'SageMakerGitOps-UniqueStatementIds',
} as const;

const POLICY_RESOURCE_TYPES = new Set(['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group']);

/**
 * The project's own rules on every synthesized template, as a CDK policy validation plugin:
 * no AWS-managed `*FullAccess` policy is attached to anything, no statement allows
 * `iam:PassRole` (or a wildcard that covers it) on every resource, every role and policy fits
 * IAM's size quotas (iam-quotas.ts), every template fits CloudFormation's quotas as CDK
 * deploys it, from S3 (cloudformation-quotas.ts), and no policy document names two statements
 * with one Sid (statement-ids.ts).
 */
export class GuardrailsPlugin implements IPolicyValidationPlugin {
  public readonly name = 'SageMakerGitOpsGuardrails';
  public readonly ruleIds = Object.values(GUARDRAIL_RULES);

  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const fullAccess: ViolatingResource[] = [];
    const passRole: ViolatingResource[] = [];
    const quotas: ViolatingResource[] = [];
    const quotaMessages: string[] = [];
    const templateQuotas: ViolatingResource[] = [];
    const templateQuotaMessages: string[] = [];
    const repeatedSids: ViolatingResource[] = [];
    const repeatedSidMessages: string[] = [];
    for (const templatePath of context.templatePaths) {
      const body = fs.readFileSync(templatePath);
      const template = JSON.parse(body.toString('utf-8'));
      for (const finding of cloudFormationQuotaFindings(template, body.length)) {
        templateQuotas.push({ resourceLogicalId: finding.location, templatePath, locations: [finding.location] });
        templateQuotaMessages.push(`${finding.location}: ${finding.message}`);
      }
      for (const finding of iamQuotaFindings(template.Resources ?? {})) {
        quotas.push({ resourceLogicalId: finding.logicalId, templatePath, locations: [finding.location] });
        quotaMessages.push(`${finding.logicalId}: ${finding.message}`);
      }
      for (const finding of statementIdFindings(template.Resources ?? {})) {
        repeatedSids.push({ resourceLogicalId: finding.logicalId, templatePath, locations: [finding.location] });
        repeatedSidMessages.push(`${finding.logicalId}: ${finding.message}`);
      }
      for (const [logicalId, resource] of Object.entries<Json>(template.Resources ?? {})) {
        const found = findViolations(resource);
        if (found.fullAccess.length > 0) {
          fullAccess.push({ resourceLogicalId: logicalId, templatePath, locations: found.fullAccess });
        }
        if (found.passRole.length > 0) {
          passRole.push({ resourceLogicalId: logicalId, templatePath, locations: found.passRole });
        }
      }
    }
    const violations: PolicyViolation[] = [];
    if (fullAccess.length > 0) {
      violations.push({
        ruleName: GUARDRAIL_RULES.noFullAccessPolicy,
        severity: 'error',
        description: 'An AWS-managed *FullAccess policy is attached: it grants far more than any role of this project needs.',
        fix: 'Grant the specific actions on the specific resources instead (grantRead, grantReadWrite, addToPolicy).',
        violatingResources: fullAccess,
      });
    }
    if (passRole.length > 0) {
      violations.push({
        ruleName: GUARDRAIL_RULES.noPassRoleOnStar,
        severity: 'error',
        description: 'A policy statement allows iam:PassRole on every role ("*"): whoever holds it can hand any role to a service.',
        fix: 'Name the role ARNs that may be passed and add an iam:PassedToService condition.',
        violatingResources: passRole,
      });
    }
    if (quotas.length > 0) {
      violations.push({
        ruleName: GUARDRAIL_RULES.iamSizeQuota,
        severity: 'error',
        description: `IAM would refuse a role or policy as too large (IAM User Guide, "IAM and AWS STS quotas"): ${quotaMessages.join('; ')}.`,
        fix: 'Grant on fewer, broader resource patterns where that stays least-privilege, or move statements to a role of their own.',
        violatingResources: quotas,
      });
    }
    if (templateQuotas.length > 0) {
      violations.push({
        ruleName: GUARDRAIL_RULES.cloudFormationQuota,
        severity: 'error',
        description: `CloudFormation would refuse the template (CloudFormation User Guide, "CloudFormation quotas"): ${templateQuotaMessages.join('; ')}.`,
        fix: 'Move resources to a stack of their own (for example one endpoint stack per model variant), or turn off options this project does not use.',
        violatingResources: templateQuotas,
      });
    }
    if (repeatedSids.length > 0) {
      violations.push({
        ruleName: GUARDRAIL_RULES.uniqueStatementIds,
        severity: 'error',
        description: `A policy names two statements with one Sid (IAM User Guide, "IAM JSON policy elements: Sid"): ${repeatedSidMessages.join('; ')}.`,
        fix: 'Give each statement its own Sid, or merge the statements (one statement may list several principals, resources or condition values).',
        violatingResources: repeatedSids,
      });
    }
    return { success: violations.length === 0, violations };
  }
}

/** The locations (`Properties/...` paths) in one template resource that break a guardrail. */
export function findViolations(resource: Json): { fullAccess: string[]; passRole: string[] } {
  const result = { fullAccess: [] as string[], passRole: [] as string[] };
  if (!POLICY_RESOURCE_TYPES.has(resource?.Type)) {
    return result;
  }
  const props = resource.Properties ?? {};
  (props.ManagedPolicyArns ?? []).forEach((arn: Json, i: number) => {
    if (/:iam::aws:policy\/(.*\/)?[A-Za-z0-9]*FullAccess/.test(flatten(arn))) {
      result.fullAccess.push(`Properties/ManagedPolicyArns/${i}`);
    }
  });
  const documents: [string, Json][] = [];
  if (props.PolicyDocument) {
    documents.push(['Properties/PolicyDocument', props.PolicyDocument]);
  }
  (props.Policies ?? []).forEach((policy: Json, i: number) => documents.push([`Properties/Policies/${i}/PolicyDocument`, policy.PolicyDocument]));
  for (const [location, document] of documents) {
    asArray(document?.Statement).forEach((statement: Json, i: number) => {
      if (allowsPassRoleOnStar(statement)) {
        result.passRole.push(`${location}/Statement/${i}`);
      }
    });
  }
  return result;
}

function allowsPassRoleOnStar(statement: Json): boolean {
  if (statement?.Effect !== 'Allow' || statement.NotResource !== undefined) {
    return false;
  }
  const coversPassRole = statement.NotAction !== undefined
    ? !asArray(statement.NotAction).some((a) => matchesAction(flatten(a), 'iam:passrole'))
    : asArray(statement.Action).some((a) => matchesAction(flatten(a), 'iam:passrole'));
  return coversPassRole && asArray(statement.Resource).some((r) => flatten(r) === '*');
}

/** Whether an IAM action pattern (with `*` and `?` wildcards) covers `action`. */
function matchesAction(pattern: string, action: string): boolean {
  const regex = new RegExp(`^${pattern.toLowerCase().replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return regex.test(action);
}

function asArray(value: Json): Json[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** A template value as text: intrinsic functions are rendered as their JSON. */
function flatten(value: Json): string {
  if (typeof value === 'string') {
    return value;
  }
  if (value && Array.isArray(value['Fn::Join'])) {
    return (value['Fn::Join'][1] as Json[]).map((part) => (typeof part === 'string' ? part : '${' + JSON.stringify(part) + '}')).join(value['Fn::Join'][0]);
  }
  return JSON.stringify(value);
}
