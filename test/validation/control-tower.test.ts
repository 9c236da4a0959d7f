import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Stack, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import {
  ControlTowerChecks, ControlTowerRule, acknowledgeControl, controlIdOf, controlTowerRules, evaluatedTypesOf, guardRuns, rulesFor, templateFor,
} from '../../src/validation';
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
    expect(selected.every((r) => r.evaluatedTypes.length === 0 || r.evaluatedTypes.includes('AWS::S3::Bucket'))).toBe(true);
    // Rules that only look buckets up (CloudFront's origins) are not run for a bucket.
    expect(selected.some((r) => r.controlId === 'CT.CLOUDFRONT.PR.10')).toBe(false);
  });

  test('reads the types each rule evaluates from its primary rules\' `when` clauses', () => {
    const rules = controlTowerRules();
    // CT.CLOUDFRONT.PR.10 looks up the S3 buckets its distributions' origins name, but evaluates only distributions.
    expect(rules.find((r) => r.controlId === 'CT.CLOUDFRONT.PR.10')).toMatchObject({
      resourceTypes: ['AWS::CloudFront::Distribution', 'AWS::CloudFront::OriginAccessControl', 'AWS::S3::Bucket'],
      evaluatedTypes: ['AWS::CloudFront::Distribution'],
    });
    // Variables over several types, on several lines (`Type == A or Type == B or ...`).
    expect(rules.find((r) => r.controlId === 'CT.IAM.PR.1')?.evaluatedTypes).toEqual(['AWS::IAM::Group', 'AWS::IAM::Policy', 'AWS::IAM::Role', 'AWS::IAM::User']);
    // Every file but two has primary rules of the form the parse reads; those two keep every type they mention.
    const unread = rules.filter((r) => evaluatedTypesOf(fs.readFileSync(r.file, 'utf-8')) === undefined);
    expect(unread.map((r) => r.controlId)).toEqual(['CT.EC2.PR.3', 'CT.EC2.PR.4']);
    expect(unread.every((r) => r.evaluatedTypes === r.resourceTypes)).toBe(true);
    expect(rules.every((r) => r.evaluatedTypes.every((type) => r.resourceTypes.includes(type)))).toBe(true);
    expect(evaluatedTypesOf('let b = Resources.*[ Type == "AWS::S3::Bucket" ]\nrule r when is_cfn_template(this)\n    %b not empty {\n}\n')).toEqual(['AWS::S3::Bucket']);
    expect(evaluatedTypesOf('let b = Resources.*[ Type == "AWS::S3::Bucket" ]\nrule r when is_cfn_template(this) {\n}\n')).toBeUndefined();
    // A rule cfn-guard evaluates on every template (no parameters, no `when`) keeps the file on every template.
    expect(evaluatedTypesOf('let b = Resources.*[ Type == "AWS::S3::Bucket" ]\nrule r when is_cfn_template(this)\n    %b not empty {\n}\nrule always {\n}\n')).toBeUndefined();
  });

  // A rule left out for a template would only SKIP on it: each rule that mentions more types than
  // it evaluates runs on a template holding a resource (without properties, so that any check of
  // it fails) of each type it mentions but does not evaluate, and reports nothing.
  test('a rule left out of a template\'s run reports nothing on it', () => {
    const narrower = controlTowerRules().filter((r) => r.evaluatedTypes.length < r.resourceTypes.length);
    expect(narrower.length).toBeGreaterThan(30);
    // Rules run together when no rule's other types are another's evaluated ones: a few cfn-guard runs in all.
    const groups: Array<{ rules: ControlTowerRule[]; others: Set<string>; evaluated: Set<string> }> = [];
    for (const rule of narrower) {
      const others = rule.resourceTypes.filter((type) => !rule.evaluatedTypes.includes(type));
      let group = groups.find((g) => !others.some((type) => g.evaluated.has(type)) && !rule.evaluatedTypes.some((type) => g.others.has(type)));
      if (group === undefined) {
        group = { rules: [], others: new Set(), evaluated: new Set() };
        groups.push(group);
      }
      group.rules.push(rule);
      others.forEach((type) => group!.others.add(type));
      rule.evaluatedTypes.forEach((type) => group!.evaluated.add(type));
    }
    expect(groups.length).toBeLessThan(8);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ct-'));
    for (const [i, group] of groups.entries()) {
      const template = path.join(dir, `group${i}.template.json`);
      fs.writeFileSync(template, JSON.stringify({ Resources: Object.fromEntries([...group.others].map((type, j) => [`R${j}`, { Type: type, Properties: {} }])) }));
      const report = new CfnGuardValidator({ controlTowerRulesEnabled: false, rules: group.rules.map((r) => r.file) }).validate({ templatePaths: [template] } as any);
      expect(report.violations.map((v) => v.ruleName)).toEqual([]);
    }
    // The same resources fail the rules that evaluate them: without properties, an S3 bucket fails CT.S3.PR.10.
    const bucket = path.join(dir, 'bucket.template.json');
    fs.writeFileSync(bucket, JSON.stringify({ Resources: { B: { Type: 'AWS::S3::Bucket', Properties: {} } } }));
    const s3 = controlTowerRules().find((r) => r.controlId === 'CT.S3.PR.10')!;
    expect(new CfnGuardValidator({ controlTowerRulesEnabled: false, rules: [s3.file] }).validate({ templatePaths: [bucket] } as any).violations).not.toEqual([]);
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

describe('the cfn-guard runs of the Control Tower checks', () => {
  const rule = (controlId: string, resourceTypes: string[], followsReferences = false): ControlTowerRule => ({
    controlId, ruleName: controlId, file: `${controlId}.guard`, resourceTypes, evaluatedTypes: resourceTypes, followsReferences,
  });

  test('the IAM rules, the other rules that check one resource and the rules that follow references run apart, each keeping the types its rules name', () => {
    const iam = rule('CT.IAM.PR.5', ['AWS::IAM::Group', 'AWS::IAM::Policy', 'AWS::IAM::Role', 'AWS::IAM::User']);
    const codebuild = rule('CT.CODEBUILD.PR.1', ['AWS::CodeBuild::Project', 'AWS::IAM::Role']);
    const s3 = rule('CT.S3.PR.2', ['AWS::S3::Bucket'], true);
    expect(guardRuns([iam, codebuild, s3])).toEqual([
      { rules: [iam], keep: new Set(['AWS::IAM::Group', 'AWS::IAM::Policy', 'AWS::IAM::Role', 'AWS::IAM::User']), perResource: true },
      { rules: [codebuild], keep: new Set(['AWS::CodeBuild::Project', 'AWS::IAM::Role']), perResource: true },
      { rules: [s3], keep: new Set(['AWS::S3::Bucket']), perResource: false },
    ]);
    // A rule that names no type sees every resource, and runs with the rules that follow references.
    expect(guardRuns([s3, rule('CT.ANY.PR.1', [])])).toEqual([{ rules: [s3, expect.objectContaining({ controlId: 'CT.ANY.PR.1' })], keep: undefined, perResource: false }]);
    expect(guardRuns([codebuild])).toEqual([expect.objectContaining({ perResource: true })]);
  });

  // The premise of the cache keys (src/validation/control-tower-runs.ts): a rule of the package reads a template's
  // Resources section only (besides is_cfn_template's "AWSTemplateFormatVersion exists or Resources exists"), so a
  // finding cached with the resources it is about holds in a template whose other sections differ. Every top-level
  // `let` selects resources by type or names a constant, and a lookup (`%doc.Resources[ keys == ... ]`) reads Resources.
  test('every rule of the package reads the Resources section only', () => {
    const others: string[] = [];
    for (const { file } of controlTowerRules()) {
      const code = fs.readFileSync(file, 'utf-8').split('\n').filter((line) => !/^\s*#/.test(line));
      for (const line of code) {
        const topLet = /^let\s+\w+\s*=\s*(.*)$/.exec(line);
        if (topLet && !/^(Resources(\.\*)?\s*\[|this\s*$|["'\[\d]|true|false|\/)/.test(topLet[1])) {
          others.push(`${path.basename(file)}: ${line}`);
        }
        for (const access of line.matchAll(/%(\w+)\.(\w+)/g)) {
          if (/^(doc|INPUT_DOCUMENT)$/.test(access[1]) && access[2] !== 'Resources') {
            others.push(`${path.basename(file)}: ${line.trim()}`);
          }
        }
      }
      const sections = code.filter((line) => /^\s*%doc\s*\{/.test(line)).length;
      expect(sections).toBeLessThanOrEqual(1); // is_cfn_template's block, and nothing else reads the document whole
    }
    expect(others).toEqual([]);
  });

  // The premise of the per-resource cache: the IAM controls of the package check each resource by its own properties
  // (none looks another resource up), and a rule that follows a Ref or Fn::GetAtt is known as one.
  test('the package\'s IAM rules follow no reference, and run per resource; CT.S3.PR.2 follows one', () => {
    const rules = controlTowerRules();
    const iam = rules.filter((r) => r.controlId.startsWith('CT.IAM.'));
    expect(iam.map((r) => r.controlId)).toEqual(['CT.IAM.PR.1', 'CT.IAM.PR.2', 'CT.IAM.PR.3', 'CT.IAM.PR.4', 'CT.IAM.PR.5']);
    expect(iam.filter((r) => r.followsReferences)).toEqual([]);
    expect(guardRuns(iam)).toEqual([expect.objectContaining({ perResource: true })]);
    expect(rules.find((r) => r.controlId === 'CT.S3.PR.2')!.followsReferences).toBe(true);
  });

  test('a copy keeps the other sections and the resources of the kept types, under their logical ids', () => {
    const template = {
      AWSTemplateFormatVersion: '2010-09-09', Parameters: { P: { Type: 'String' } },
      Resources: { Bucket: { Type: 'AWS::S3::Bucket', Properties: { BucketName: { Ref: 'P' } } }, Role: { Type: 'AWS::IAM::Role', Properties: {} } },
    };
    expect(templateFor(template, new Set(['AWS::S3::Bucket']))).toEqual({ ...template, Resources: { Bucket: template.Resources.Bucket } });
    expect(templateFor(template, new Set(['AWS::SQS::Queue']))).toBeUndefined();
    expect(templateFor(template, undefined)).toBe(template);
  });
});
