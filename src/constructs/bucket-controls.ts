import { Duration, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { ConfigError } from '../config/errors';
import { acknowledgeControl } from '../validation/acknowledge';

/**
 * How long a noncurrent (overwritten or deleted) version of an object stays in a versioned
 * bucket before S3 expires it, unless a construct is told otherwise.
 */
export const DEFAULT_NONCURRENT_VERSION_RETENTION = Duration.days(90);

/**
 * Checks a lifecycle period: S3 counts lifecycle periods in whole days, and "the value must be
 * a non-zero positive integer" (Amazon S3 API Reference, NoncurrentVersionExpiration and
 * LifecycleExpiration). An unresolved token is left to CloudFormation.
 *
 * @throws ConfigError naming `option` and its value
 */
export function checkLifecycleDays(option: string, period: Duration): number {
  if (period.isUnresolved()) {
    return period.toDays({ integral: false });
  }
  const days = period.toDays({ integral: false });
  if (!Number.isInteger(days) || days < 1) {
    throw new ConfigError(`${option} must be a whole number of days, at least 1 (s3 lifecycle rules count whole days); got ${period.toHumanString()}`);
  }
  return days;
}

/**
 * The lifecycle rule of a versioned bucket: noncurrent versions expire after `retention`, and
 * expired delete markers are removed (CT.S3.PR.3 and CT.S3.PR.6: a versioned bucket has an
 * active lifecycle rule). Current objects are kept.
 */
export function noncurrentVersionsRule(option: string, retention: Duration = DEFAULT_NONCURRENT_VERSION_RETENTION): s3.LifecycleRule {
  checkLifecycleDays(option, retention);
  return { id: 'ExpireNoncurrentVersions', noncurrentVersionExpiration: retention, expiredObjectDeleteMarker: true, abortIncompleteMultipartUploadAfter: Duration.days(7) };
}

/**
 * Sends the bucket's events to Amazon EventBridge (CT.S3.PR.4). Set on the bucket's own
 * resource: aws-cdk-lib's `eventBridgeEnabled` would add a custom resource and a Lambda
 * function to do what this property does.
 */
export function enableEventBridgeNotifications(bucket: s3.Bucket): void {
  const resource = bucket.node.defaultChild as s3.CfnBucket;
  resource.notificationConfiguration = { eventBridgeConfiguration: { eventBridgeEnabled: true } };
}

/**
 * A bucket that receives S3 server access logs cannot meet three Control Tower controls; the
 * reasons come from the Amazon S3 User Guide, "Enabling Amazon S3 server access logging".
 */
export function acknowledgeAccessLogTarget(bucket: s3.Bucket, of: string): void {
  acknowledgeControl(bucket, 'CT.S3.PR.10',
    `this bucket receives the server access logs of ${of}, and S3 delivers access logs only to a target bucket whose default encryption is SSE-S3 (SSE-KMS is not supported)`);
  acknowledgeControl(bucket, 'CT.S3.PR.9', `this bucket receives the server access logs of ${of}, and S3 cannot deliver access logs to a bucket with Object Lock enabled`);
  acknowledgeControl(bucket, 'CT.S3.PR.2', `this bucket receives the server access logs of ${of}; S3 advises that a log target has no access logging of its own (logging into itself would loop)`);
  Validations.of(bucket).acknowledge({ id: 'AwsSolutions-S1', reason: `this bucket is the server access log target of ${of}; logging it into itself would loop` });
}

/**
 * Denies `kms:CreateGrant` on the key to every principal unless the grant is for an AWS
 * resource or the caller is an AWS service (CT.KMS.PR.3). SageMaker, EBS and S3 create the
 * grants they need on a caller's behalf, which this still allows.
 */
export function limitGrantsToAwsServices(key: kms.Key): void {
  key.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'GrantsOnlyForAwsServices',
    effect: iam.Effect.DENY,
    principals: [new iam.AnyPrincipal()],
    actions: ['kms:CreateGrant'],
    resources: ['*'],
    conditions: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
  }));
}
