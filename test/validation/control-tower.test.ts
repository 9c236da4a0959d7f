import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Stack, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { ControlTowerChecks, acknowledgeControl, controlIdOf, controlTowerRules, rulesFor } from '../../src/validation';
import { findingsOfStack, validatedApp } from '../helpers/validated-synth';

/** A bucket that meets every other check: SSE-S3, SSL only, public access blocked, access logs acknowledged. */
function sseS3Bucket(stack: Stack, id: string): s3.Bucket {
  const bucket = new s3.Bucket(stack, id, {
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  });
  Validations.of(bucket).acknowledge({ id: 'AwsSolutions-S1', reason: 'this test is about the Control Tower controls' });
  return bucket;
}

const findingsOf = findingsOfStack;

describe('AWS Control Tower proactive controls', () => {
  // AWS Control Tower Controls Reference Guide, "Amazon S3 controls": [CT.S3.PR.10] Require an
  // Amazon S3 bucket to have server-side encryption configured using an AWS KMS key.
  test('a bucket without KMS encryption fails the synth under CT.S3.PR.10', () => {
    const findings = findingsOf((stack) => sseS3Bucket(stack, 'Plain'));
    expect(findings).toEqual(expect.arrayContaining([{ plugin: 'ControlTower', rule: 'CT.S3.PR.10', constructs: ['Test/Plain/Resource'] }]));
  });

  test('an acknowledged control passes, with the reason, while the others still fail', () => {
    const findings = findingsOf((stack) => {
      const bucket = sseS3Bucket(stack, 'Plain');
      for (const control of ['CT.S3.PR.2', 'CT.S3.PR.4', 'CT.S3.PR.6', 'CT.S3.PR.9', 'CT.S3.PR.11']) {
        acknowledgeControl(bucket, control, 'this test is about CT.S3.PR.10');
      }
    });
    // Every finding left is the one not acknowledged: the report is a failure although others were acknowledged.
    expect(findings.filter((f) => f.plugin === 'ControlTower')).toEqual([{ plugin: 'ControlTower', rule: 'CT.S3.PR.10', constructs: ['Test/Plain/Resource'] }]);
  });

  test('the plugin is registered in every validated app, beside cdk-nag and the guardrails', () => {
    const app = validatedApp();
    const names = app.policyValidationBeta1.map((plugin) => plugin.name);
    expect(names).toEqual(expect.arrayContaining(['ControlTower', 'AwsSolutions', 'SageMakerGitOpsGuardrails']));
  });
});

describe('the Control Tower rule set', () => {
  test('is the 237 rules of the package, each under its control id', () => {
    const rules = controlTowerRules();
    expect(rules).toHaveLength(237);
    expect(rules.find((r) => r.ruleName === 's3_bucket_default_encryption_kms_check')?.controlId).toBe('CT.S3.PR.10');
    expect(rules.find((r) => r.ruleName === 'kms_create_grant_aws_service_check')).toMatchObject({ controlId: 'CT.KMS.PR.3', resourceTypes: ['AWS::KMS::Key'] });
    expect(new Set(rules.map((r) => r.controlId)).size).toBe(rules.length);
  });

  test('names controls as the control reference does', () => {
    expect(controlIdOf('/x/ct-s3-pr-10.guard')).toBe('CT.S3.PR.10');
    expect(controlIdOf('ct-network-firewall-pr-1.guard')).toBe('CT.NETWORK-FIREWALL.PR.1');
    expect(() => controlIdOf('other.guard')).toThrow(/not a Control Tower rule file/);
  });

  test('runs only the rules about the templates\' resource types (and those that name none)', () => {
    const selected = rulesFor(new Set(['AWS::S3::Bucket']));
    expect(selected.map((r) => r.controlId)).toEqual(expect.arrayContaining(['CT.S3.PR.10', 'CT.S3.PR.3']));
    expect(selected.some((r) => r.controlId === 'CT.KMS.PR.3')).toBe(false);
    expect(selected.every((r) => r.resourceTypes.length === 0 || r.resourceTypes.includes('AWS::S3::Bucket'))).toBe(true);
  });

  test('reports nothing for templates whose types no rule names', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ct-'));
    const template = path.join(dir, 't.template.json');
    fs.writeFileSync(template, JSON.stringify({ Resources: { Wait: { Type: 'AWS::CloudFormation::WaitConditionHandle' } } }));
    const report = new ControlTowerChecks().validate({ templatePaths: [template] } as any);
    expect(report).toEqual({ success: true, violations: [] });
  });

  test('reports a finding under its control id, with error severity', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ct-'));
    const template = path.join(dir, 't.template.json');
    fs.writeFileSync(template, JSON.stringify({ Resources: { Key: { Type: 'AWS::KMS::Key', Properties: { KeyPolicy: { Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:*', Resource: '*' }] } } } } }));
    const report = new ControlTowerChecks().validate({ templatePaths: [template] } as any);
    expect(report.success).toBe(false);
    expect(report.violations).toEqual(expect.arrayContaining([expect.objectContaining({
      ruleName: 'CT.KMS.PR.3', severity: 'error', violatingResources: [expect.objectContaining({ resourceLogicalId: 'Key' })],
    })]));
    expect(report.violations.every((v) => v.severity === 'error' && /^CT\./.test(v.ruleName))).toBe(true);
  });
});
