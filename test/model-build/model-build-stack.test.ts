import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ModelPackageGroup, dedupeReaderAccounts } from '../../src/constructs';
import { ModelBuildApp } from '../../src/model-build';
import { synthStack, synthValidated, testConfig, validatedApp } from '../helpers/validated-synth';

describe('ModelBuildApp', () => {
  test('synthesizes one stack that passes the validator, cdk-nag and the guardrails', () => {
    const templates = synthValidated(new ModelBuildApp({ config: testConfig() }));
    expect(Object.keys(templates)).toEqual(['player-churn-model-build']);
  });
});

describe('ModelBuildStack', () => {
  const app = new ModelBuildApp({ config: testConfig() });
  const template = Template.fromStack(app.modelBuildStack);

  test('deploys to the build environment', () => {
    expect(app.modelBuildStack.region).toBe('us-east-1');
  });

  test('a rotated, retained KMS key with an alias', () => {
    template.hasResource('AWS::KMS::Key', { Properties: { EnableKeyRotation: true }, DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    template.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/player-churn-model-build' });
  });

  test('a versioned, KMS-encrypted, retained artifact bucket with public access blocked and access logs', () => {
    template.hasResource('AWS::S3::Bucket', {
      Properties: Match.objectLike({
        VersioningConfiguration: { Status: 'Enabled' },
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ BucketKeyEnabled: true, ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: Match.anyValue() } }] },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        LoggingConfiguration: Match.objectLike({ DestinationBucketName: Match.anyValue() }),
      }),
      DeletionPolicy: 'Retain',
    });
  });

  test('every bucket refuses requests without TLS', () => {
    const policies = template.findResources('AWS::S3::BucketPolicy');
    expect(Object.keys(policies)).toHaveLength(2);
    for (const policy of Object.values<any>(policies)) {
      expect(policy.Properties.PolicyDocument.Statement).toContainEqual(expect.objectContaining({
        Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }));
    }
  });

  test('the model package group is the project\'s, retained, without a policy in a single account', () => {
    template.hasResource('AWS::SageMaker::ModelPackageGroup', {
      Properties: Match.objectLike({ ModelPackageGroupName: 'player-churn', ModelPackageGroupPolicy: Match.absent() }),
      DeletionPolicy: 'Retain',
    });
  });

  test('staging and production accounts may read the group, each once', () => {
    const config = testConfig({
      environments: { build: { account: '111111111111' }, staging: { account: '222222222222' }, prod: { account: '222222222222' } },
    });
    const multi = Template.fromStack(new ModelBuildApp({ config }).modelBuildStack);
    const groups = multi.findResources('AWS::SageMaker::ModelPackageGroup');
    const policy = Object.values<any>(groups)[0].Properties.ModelPackageGroupPolicy;
    expect(policy.Statement).toHaveLength(2);
    for (const statement of policy.Statement) {
      expect(statement.Principal).toEqual({ AWS: 'arn:aws:iam::222222222222:root' });
    }
    expect(policy.Statement[1].Action).toEqual(['sagemaker:CreateModel', 'sagemaker:DescribeModelPackage', 'sagemaker:ListModelPackages']);
    expect(policy.Statement[1].Resource).toBe('arn:aws:sagemaker:us-east-1:111111111111:model-package/player-churn/*');
  });
});

describe('ModelPackageGroup', () => {
  test('de-duplicates reader accounts and drops the group\'s own account', () => {
    expect(dedupeReaderAccounts(['333333333333', '222222222222', '333333333333', '111111111111'], '111111111111')).toEqual(['222222222222', '333333333333']);
    expect(() => dedupeReaderAccounts(['12345'], '111111111111')).toThrow(/readerAccounts must be a 12-digit AWS account id .*got "12345"/);
  });

  test('rejects a bad group name', () => {
    const stack = new Stack(validatedApp(), 'S');
    expect(() => new ModelPackageGroup(stack, 'G', { modelPackageGroupName: 'bad name' })).toThrow(/modelPackageGroupName must be 1 to 63 .*got "bad name"/);
  });

  test('grantRead lets a role describe the group and its packages, nothing else', () => {
    const app = validatedApp();
    const stack = new Stack(app, 'S', { env: { account: '111111111111', region: 'eu-west-1' } });
    const group = new ModelPackageGroup(stack, 'G', { modelPackageGroupName: 'Churn' });
    const role = new iam.Role(stack, 'Reader', { assumedBy: new iam.ServicePrincipal('codebuild.amazonaws.com') });
    group.grantRead(role);
    const template = synthStack(stack);
    // Synthesized without findings: only the version wildcard of this group is acknowledged.
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [{
          Effect: 'Allow',
          Action: ['sagemaker:DescribeModelPackage', 'sagemaker:DescribeModelPackageGroup', 'sagemaker:ListModelPackages'],
          Resource: [
            'arn:aws:sagemaker:eu-west-1:111111111111:model-package-group/churn',
            'arn:aws:sagemaker:eu-west-1:111111111111:model-package/churn/*',
          ],
        }],
      },
    });
  });

  test('the acknowledgement covers only the group\'s version wildcard', () => {
    const app = validatedApp();
    const stack = new Stack(app, 'S', { env: { region: 'eu-west-1' } });
    const group = new ModelPackageGroup(stack, 'G', { modelPackageGroupName: 'churn' });
    const role = new iam.Role(stack, 'Reader', { assumedBy: new iam.ServicePrincipal('codebuild.amazonaws.com') });
    group.grantRead(role);
    role.addToPolicy(new iam.PolicyStatement({ actions: ['sagemaker:DescribeModelPackage'], resources: ['*'] }));
    expect(() => synthValidated(app)).toThrow(/AwsSolutions-IAM5\[Resource::\*\]: S\/Reader\/DefaultPolicy\/Resource/);
  });
});
