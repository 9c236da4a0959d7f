import { App, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ArtifactStore } from '../../src/constructs';
import { checkLifecycleDays } from '../../src/constructs/bucket-controls';
import { ConfigError } from '../../src/config';
import { PROJECT_APP_CONTEXT } from '../../src/validation';
// aws-cdk-lib's own validator of these plain apps validates on the shared worker thread.
import '../helpers/suite-validation-worker';

/** A stack with the project's feature flags (server access logs granted by bucket policy). */
const projectStack = () => new Stack(new App({ context: { ...PROJECT_APP_CONTEXT } }), 'Test');

describe('lifecycle periods', () => {
  // Amazon S3 API Reference, NoncurrentVersionExpiration (NoncurrentDays) and LifecycleExpiration
  // (Days): "The value must be a non-zero positive integer."
  test.each([[Duration.days(0), '0 days'], [Duration.hours(36), '1 day 12 hours'], [Duration.hours(12), '12 hours']])('rejects %s', (period, shown) => {
    expect(() => checkLifecycleDays('noncurrentVersionRetention', period)).toThrow(ConfigError);
    expect(() => checkLifecycleDays('noncurrentVersionRetention', period))
      .toThrow(`noncurrentVersionRetention must be a whole number of days, at least 1 (s3 lifecycle rules count whole days); got ${shown}`);
  });

  test('accepts whole days', () => {
    expect(checkLifecycleDays('accessLogRetention', Duration.days(1))).toBe(1);
  });

  test('an artifact store rejects a retention S3 would reject, naming the option', () => {
    const stack = projectStack();
    expect(() => new ArtifactStore(stack, 'Store', { keyAlias: 'a', description: 'a', noncurrentVersionRetention: Duration.days(0) }))
      .toThrow(/^noncurrentVersionRetention must be a whole number of days/);
    expect(() => new ArtifactStore(stack, 'Store2', { keyAlias: 'b', description: 'b', accessLogRetention: Duration.hours(5) }))
      .toThrow(/^accessLogRetention must be a whole number of days/);
  });
});

// AWS Control Tower Controls Reference Guide: CT.S3.PR.3/6 (lifecycle), CT.S3.PR.4 (event
// notifications), CT.S3.PR.9 (Object Lock), CT.S3.PR.11 (versioning), CT.KMS.PR.3 (grants).
describe('an artifact store and the Control Tower controls', () => {
  const stack = projectStack();
  const store = new ArtifactStore(stack, 'Store', { keyAlias: 'a', description: 'a' });
  const template = Template.fromStack(stack);
  const bucket = (construct: any) => template.toJSON().Resources[stack.getLogicalId(construct.node.defaultChild)].Properties;

  test('the bucket expires noncurrent versions after 90 days, has Object Lock and sends events to EventBridge', () => {
    expect(bucket(store.bucket)).toMatchObject({
      ObjectLockEnabled: true,
      NotificationConfiguration: { EventBridgeConfiguration: { EventBridgeEnabled: true } },
      LifecycleConfiguration: { Rules: [expect.objectContaining({ Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: 90 } })] },
    });
  });

  // Amazon S3 User Guide, "Enabling Amazon S3 server access logging": the target bucket uses
  // SSE-S3 and has no Object Lock.
  test('the access-log bucket is versioned and SSE-S3, without Object Lock', () => {
    const logs = bucket(store.accessLogsBucket);
    expect(logs.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(logs.ObjectLockEnabled).toBeUndefined();
    expect(logs.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('AES256');
  });

  test('the key denies grants that are not for AWS resources or services', () => {
    const key = Object.values<any>(template.findResources('AWS::KMS::Key'))[0];
    expect(key.Properties.KeyPolicy.Statement).toEqual(expect.arrayContaining([{
      Sid: 'GrantsOnlyForAwsServices',
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: 'kms:CreateGrant',
      Resource: '*',
      Condition: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
    }]));
  });
});
