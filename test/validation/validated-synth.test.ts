import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
import { ArtifactStore } from '../../src/constructs';
import { GUARDRAIL_RULES, GuardrailsPlugin } from '../../src/validation';
import { findingsOfStack, synthStack, validatedApp } from '../helpers/validated-synth';

const findingsOf = findingsOfStack;

describe('synthValidated', () => {
  test('passes a stack that follows the rules', () => {
    const app = validatedApp();
    const stack = new Stack(app, 'Test', { env: { region: 'us-east-1' } });
    new ArtifactStore(stack, 'Store', { keyAlias: 'test', description: 'test' });
    expect(synthStack(stack).toJSON().Resources).toBeDefined();
  });

  test('fails on cdk-nag AwsSolutions findings and names them', () => {
    const findings = findingsOf((stack) => new s3.Bucket(stack, 'Plain'));
    expect(findings).toEqual(expect.arrayContaining([
      expect.objectContaining({ plugin: 'AwsSolutions', rule: 'AwsSolutions-S1', constructs: ['Test/Plain/Resource'] }),
      expect.objectContaining({ plugin: 'AwsSolutions', rule: 'AwsSolutions-S10' }),
    ]));
  });

  test('fails on findings of aws-cdk-lib\'s CloudFormation validator', () => {
    // Invalid on purpose: a model package group name with characters SageMaker does not allow.
    const findings = findingsOf((stack) => new sagemaker.CfnModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'not_valid!' }));
    // F3031: a value does not match the pattern the resource specification gives.
    expect(findings).toEqual([{ plugin: 'CloudFormation Validate', rule: 'F3031', constructs: ['Test/Group'] }]);
  });

  test('fails on an AWS-managed *FullAccess policy', () => {
    const findings = findingsOf((stack) => new iam.Role(stack, 'Role', {
      assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com'),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonSageMakerFullAccess')],
    }));
    expect(findings.map((f) => f.rule)).toContain(GUARDRAIL_RULES.noFullAccessPolicy);
  });

  test('fails on iam:PassRole on every resource', () => {
    const findings = findingsOf((stack) => {
      const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('codebuild.amazonaws.com') });
      role.addToPolicy(new iam.PolicyStatement({ actions: ['iam:PassRole'], resources: ['*'] }));
    });
    expect(findings.map((f) => f.rule)).toContain(GUARDRAIL_RULES.noPassRoleOnStar);
  });
});

describe('GuardrailsPlugin findings are errors', () => {
  // aws-cdk-lib, once any finding of a report is acknowledged, counts the report as failed only while an
  // unacknowledged finding has the severity 'error' (core/lib/private/synthesis-validation): a finding without a
  // severity would then pass silently.
  test('an acknowledged guardrail finding does not let another one pass', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-test-')) });
    Validations.of(app).addPlugins(new GuardrailsPlugin());
    const stack = new Stack(app, 'Test', { env: { region: 'us-east-1' } });
    const admin = new iam.Role(stack, 'Admin', {
      assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com'),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonSageMakerFullAccess')],
    });
    Validations.of(admin).acknowledge({ id: `SageMakerGitOpsGuardrails::${GUARDRAIL_RULES.noFullAccessPolicy}`, reason: 'a test of the acknowledgement' });
    const passer = new iam.Role(stack, 'Passer', { assumedBy: new iam.ServicePrincipal('codebuild.amazonaws.com') });
    passer.addToPolicy(new iam.PolicyStatement({ actions: ['iam:PassRole'], resources: ['*'] }));
    expect(() => app.synth()).toThrow(/iam:PassRole on every role/);
  });
});
