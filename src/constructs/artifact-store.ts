import { Duration } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import {
  DEFAULT_NONCURRENT_VERSION_RETENTION, acknowledgeAccessLogTarget, checkLifecycleDays, enableEventBridgeNotifications, limitGrantsToAwsServices, noncurrentVersionsRule,
} from './bucket-controls';
import { RETAIN_BUCKET, RETAIN_UNLESS_CREATE_FAILS } from './retention';

export interface ArtifactStoreProps {
  /**
   * Alias of the KMS key, without the `alias/` prefix.
   */
  readonly keyAlias: string;
  /**
   * What the store holds, for the key's description.
   */
  readonly description: string;
  /**
   * How long the server access logs of the bucket are kept.
   * @default Duration.days(365)
   */
  readonly accessLogRetention?: Duration;
  /**
   * How long an overwritten or deleted version of an object of the bucket is kept before S3
   * expires it. Whole days, at least 1.
   * @default Duration.days(90)
   */
  readonly noncurrentVersionRetention?: Duration;
}

/**
 * A customer-managed KMS key (rotated yearly, grants only for AWS services) and a bucket
 * encrypted with it: versioned (noncurrent versions expire), Object Lock enabled (no default
 * retention: an administrator can put a legal hold or a retention period on an object), SSL
 * only, public access blocked, events to EventBridge, server access logs to a second bucket.
 * Both buckets and the key are retained when the stack is deleted: artifacts, models and
 * captured data are never lost as a side effect of a deployment. They meet AWS Control Tower's
 * proactive controls except where S3 forbids it for a log target ({@link acknowledgeAccessLogTarget}).
 *
 * @throws ConfigError when a retention is not a whole number of days, at least 1
 */
export class ArtifactStore extends Construct {
  public readonly key: kms.Key;
  public readonly bucket: s3.Bucket;
  public readonly accessLogsBucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: ArtifactStoreProps) {
    super(scope, id);
    const accessLogRetention = props.accessLogRetention ?? Duration.days(365);

    this.key = new kms.Key(this, 'Key', {
      alias: `alias/${props.keyAlias}`,
      description: props.description,
      enableKeyRotation: true,
      removalPolicy: RETAIN_UNLESS_CREATE_FAILS,
    });
    limitGrantsToAwsServices(this.key);

    // Server access logs only support SSE-S3 on the target bucket.
    this.accessLogsBucket = accessLogsBucket(this, 'AccessLogs', accessLogRetention, 'the artifact bucket');

    this.bucket = new s3.Bucket(this, 'Bucket', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      versioned: true,
      objectLockEnabled: true,
      lifecycleRules: [noncurrentVersionsRule('noncurrentVersionRetention', props.noncurrentVersionRetention ?? DEFAULT_NONCURRENT_VERSION_RETENTION)],
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'artifacts/',
      removalPolicy: RETAIN_BUCKET,
    });
    enableEventBridgeNotifications(this.bucket);
  }
}

/**
 * A bucket for server access logs, kept `retention` (whole days): SSE-S3 (the only encryption
 * S3 delivers access logs to), versioned, a deleted log's noncurrent version gone a day later.
 */
export function accessLogsBucket(scope: Construct, id: string, retention: Duration, of: string): s3.Bucket {
  checkLifecycleDays('accessLogRetention', retention);
  const bucket = new s3.Bucket(scope, id, {
    encryption: s3.BucketEncryption.S3_MANAGED,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    versioned: true,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    lifecycleRules: [
      { id: 'ExpireLogs', expiration: retention, noncurrentVersionExpiration: Duration.days(1), abortIncompleteMultipartUploadAfter: Duration.days(7) },
      { id: 'RemoveExpiredDeleteMarkers', expiredObjectDeleteMarker: true },
    ],
    removalPolicy: RETAIN_BUCKET,
  });
  enableEventBridgeNotifications(bucket);
  acknowledgeAccessLogTarget(bucket, of);
  return bucket;
}
