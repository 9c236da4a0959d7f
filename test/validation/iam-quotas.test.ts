/**
 * IAM User Guide, "IAM and AWS STS quotas": a role's inline policies together take at most 10,240
 * characters, a managed policy 6,144, a role trust policy 2,048 (default), and at most 10 managed
 * policies (default) are attached to a role; IAM does not count white space. CloudFormation fails
 * the create or update of a role or policy over a quota, in the middle of a deploy; the project's
 * guardrails refuse the template at synth instead.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ATTRIBUTE_LENGTH, GuardrailsPlugin, IAM_QUOTAS, REFERENCE_LENGTH, iamQuotaFindings, policyLength } from '../../src/validation';
// aws-cdk-lib's own CloudFormation validator on the tests' shared worker, not built again on this file's thread.
import '../helpers/suite-validation-worker';

/** A policy document with `count` statements of the same length. */
function documentOf(count: number): Record<string, unknown> {
  const statement = (i: number) => ({ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::bucket/${String(i).padStart(4, '0')}/${'k'.repeat(29)}` });
  return { Version: '2012-10-17', Statement: Array.from({ length: count }, (_, i) => statement(i)) };
}
/** What one more statement adds to a document's length. */
const STATEMENT = policyLength(documentOf(2)) - policyLength(documentOf(1));

const role = (extra: Record<string, unknown> = {}) => ({
  Type: 'AWS::IAM::Role',
  Properties: { AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole' }] }, ...extra },
});
const policy = (document: unknown, roles: unknown[] = [{ Ref: 'Role' }]) => ({ Type: 'AWS::IAM::Policy', Properties: { PolicyName: 'p', PolicyDocument: document, Roles: roles } });

describe('policyLength', () => {
  test('white space is not counted; deploy-time values count at a generous length', () => {
    expect(policyLength({ Version: '2012-10-17', Statement: [] })).toBe('{"Version":"2012-10-17","Statement":[]}'.length);
    expect(policyLength({ A: 'a b c' })).toBe('{"A":"abc"}'.length);
    expect(policyLength({ A: { Ref: 'AWS::AccountId' } })).toBe('{"A":""}'.length + 12);
    expect(policyLength({ A: { Ref: 'Bucket' } })).toBe('{"A":""}'.length + REFERENCE_LENGTH);
    expect(policyLength({ A: { 'Fn::GetAtt': ['Bucket', 'Arn'] } })).toBe('{"A":""}'.length + ATTRIBUTE_LENGTH);
    expect(policyLength({ A: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::', { Ref: 'Bucket' }, '/*']] } }))
      .toBe('{"A":"arn::s3:::/*"}'.length + 'aws-us-gov'.length + REFERENCE_LENGTH);
    expect(policyLength({ A: { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${Bucket}/${Key.Arn}' } }))
      .toBe('{"A":"arn::s3:::/"}'.length + 'aws-us-gov'.length + REFERENCE_LENGTH + ATTRIBUTE_LENGTH);
  });
});

describe('iamQuotaFindings', () => {
  test('a role\'s inline policies are added up, in its own Policies and in the AWS::IAM::Policy resources naming it', () => {
    const half = Math.floor(IAM_QUOTAS.rolePolicies / 2 / STATEMENT) - 1;
    const fits = { Role: role({ Policies: [{ PolicyName: 'own', PolicyDocument: documentOf(half) }] }), Extra: policy(documentOf(half)) };
    const total = 2 * policyLength(documentOf(half));
    expect(total).toBeLessThanOrEqual(IAM_QUOTAS.rolePolicies);
    expect(iamQuotaFindings(fits)).toEqual([]);
    // One more policy of a few statements, attached to it and to a role the template does not create.
    const over = { ...fits, More: policy(documentOf(4), [{ Ref: 'Role' }, 'an-imported-role']) };
    expect(total + policyLength(documentOf(4))).toBeGreaterThan(IAM_QUOTAS.rolePolicies);
    expect(iamQuotaFindings(over)).toEqual([{
      logicalId: 'Role', location: 'Properties',
      message: `its inline policies take about ${total + policyLength(documentOf(4))} characters together; IAM allows 10240 per role (role policy size)`,
    }]);
  });

  test('a managed policy over 6,144 characters, a trust policy over 2,048 and an 11th managed policy are findings', () => {
    const principals = Array.from({ length: 60 }, (_, i) => `arn:aws:iam::${String(i).padStart(12, '0')}:role/deployer`);
    const resources = {
      Role: role({ AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { AWS: principals }, Action: 'sts:AssumeRole' }] }, ManagedPolicyArns: Array.from({ length: 10 }, (_, i) => `arn:aws:iam::aws:policy/P${i}`) }),
      Managed: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: documentOf(Math.ceil(IAM_QUOTAS.managedPolicy / STATEMENT)), Roles: [{ Ref: 'Role' }] } },
    };
    expect(iamQuotaFindings(resources).map((finding) => [finding.logicalId, finding.message.replace(/about \d+/, 'about N')])).toEqual([
      ['Role', 'its trust policy takes about N characters; IAM allows 2048 (role trust policy length)'],
      ['Managed', 'the managed policy takes about N characters; IAM allows 6144 (managed policy length)'],
      ['Role', '11 managed policies are attached to it; IAM allows 10 by default (managed policies per role)'],
    ]);
  });
});

test('the guardrails fail the synth of a role whose policies IAM would refuse, naming it and its size', () => {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-test-')) });
  Validations.of(app).addPlugins(new GuardrailsPlugin());
  const stack = new Stack(app, 'Test', { env: { region: 'us-east-1' } });
  const big = new iam.Role(stack, 'Big', { assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com') });
  for (let i = 0; i < 3; i++) {
    // Three policies of their own (not the role's default policy, which aws-cdk-lib splits when it grows).
    new iam.Policy(stack, `Part${i}`, {
      roles: [big],
      statements: Array.from({ length: 40 }, (_, j) => new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [`arn:aws:s3:::bucket-${i}/${j}/${'k'.repeat(40)}`] })),
    });
  }
  expect(() => app.synth()).toThrow(/Big[0-9A-F]{8}: its inline policies take about \d+ characters together; IAM allows 10240 per role[^]*SageMakerGitOps-IamSizeQuota/);
});
