import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { studioTemplateApp } from '../../src/studio';

const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'studio-ct-'));
const { app, stacks } = studioTemplateApp(outdir);
// Throws on any unacknowledged finding of any plugin, the Control Tower controls included.
const assembly = app.synth();
const template = (stack: Stack) => Template.fromJSON(assembly.getStackByName(stack.stackName).template);

describe('the Studio templates and AWS Control Tower', () => {
  test('the Control Tower plugin runs in the templates\' synth, beside the other checks', () => {
    expect(app.policyValidationBeta1.map((plugin) => plugin.name)).toEqual(expect.arrayContaining(['ControlTower', 'AwsSolutions', 'SageMakerGitOpsGuardrails']));
  });

  test('both templates synthesize with no unacknowledged Control Tower finding', () => {
    const report = JSON.parse(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf-8'));
    const controlTower = report.pluginReports.find((p: any) => p.pluginName === 'ControlTower');
    expect(controlTower.violations).toEqual([]);
  });

  // AWS Control Tower Controls Reference Guide, [CT.S3.PR.10]: the templates and MLflow buckets use a KMS key.
  test('the templates and MLflow artifact buckets are encrypted with keys of their own', () => {
    const domain = template(stacks.domain);
    for (const id of ['TemplatesBucket', 'MlflowArtifacts']) {
      const [bucket] = Object.entries<any>(domain.findResources('AWS::S3::Bucket')).filter(([logicalId]) => logicalId.startsWith(id)).map(([, b]) => b);
      expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('aws:kms');
      expect(bucket.Properties.VersioningConfiguration.Status).toBe('Enabled');
      // [CT.S3.PR.3]: a versioned bucket has an active lifecycle rule.
      expect(bucket.Properties.LifecycleConfiguration.Rules).toEqual([expect.objectContaining({ Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: 90 } })]);
    }
  });

  test('the Studio role may decrypt the templates it launches, through S3 only', () => {
    const domain = template(stacks.domain);
    const role = Object.values<any>(domain.findResources('AWS::IAM::Role')).find((r) => r.Properties.Description?.startsWith('Execution role of the Studio users'));
    const statements = role.Properties.Policies.flatMap((p: any) => p.PolicyDocument.Statement);
    expect(statements.find((s: any) => s.Sid === 'DecryptTemplates')).toMatchObject({
      Action: 'kms:Decrypt',
      Condition: { StringEquals: { 'kms:ViaService': { 'Fn::Join': ['', ['s3.', { Ref: 'AWS::Region' }, '.amazonaws.com']] } } },
    });
  });
});

describe('the project template\'s model package group policy', () => {
  const group = Object.values<any>(template(stacks.project).findResources('AWS::SageMaker::ModelPackageGroup'))[0];
  const statements = group.Properties.ModelPackageGroupPolicy['Fn::If'][1].Statement;
  const arn = (resource: any[]) => ({ 'Fn::Join': ['', [
    'arn:', { Ref: 'AWS::Partition' }, ':sagemaker:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ...resource,
  ]] });

  // Amazon SageMaker API Reference, PutModelPackageGroupPolicy: the group's resource policy. The
  // stage accounts get the project's own group <name>-<id> and its versions, not model-package-group/*.
  test('names the project\'s own group and its versions', () => {
    expect(statements.map((s: any) => [s.Sid, s.Resource])).toEqual([
      ['ReadGroup', arn([':model-package-group/', { Ref: 'SageMakerProjectName' }, '-', { Ref: 'SageMakerProjectId' }])],
      ['ReadAndDeployModelPackages', arn([':model-package/', { Ref: 'SageMakerProjectName' }, '-', { Ref: 'SageMakerProjectId' }, '/*'])],
    ]);
  });
});
