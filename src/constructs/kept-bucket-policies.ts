import { Aspects, CfnDeletionPolicy, IAspect } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { IConstruct } from 'constructs';
import { RETAIN_UNLESS_CREATE_FAILS } from './retention';

/**
 * Keeps the bucket policy of every bucket its stack keeps. CloudFormation applies a DeletionPolicy
 * to each resource on its own (CloudFormation Template Reference, "DeletionPolicy attribute"), so
 * a deleted stack used to keep its buckets and delete their `AWS::S3::BucketPolicy`: a kept bucket
 * then lost its TLS-only deny, a stage account's grant to read the model artifacts it serves, and
 * an access-log bucket the grant that lets `logging.s3.amazonaws.com` deliver (Amazon S3 User
 * Guide, "Permissions for log delivery"), so the logs of the buckets kept with it stopped. The
 * policy is kept like the project's other kept resources (`RetainExceptOnCreate`, replaced ones
 * kept): a create that rolls back deletes it, and the bucket it was made for stays empty.
 */
class KeepPoliciesOfKeptBuckets implements IAspect {
  public visit(node: IConstruct): void {
    if (!(node instanceof s3.Bucket) || node.policy === undefined) {
      return;
    }
    const bucket = node.node.defaultChild as s3.CfnBucket;
    if (bucket.cfnOptions.deletionPolicy === CfnDeletionPolicy.RETAIN || bucket.cfnOptions.deletionPolicy === CfnDeletionPolicy.RETAIN_EXCEPT_ON_CREATE) {
      node.policy.applyRemovalPolicy(RETAIN_UNLESS_CREATE_FAILS);
    }
  }
}

/** Adds, once per scope, the aspect that keeps the policies of kept buckets. */
export function keepPoliciesOfKeptBuckets(scope: IConstruct): void {
  if (!Aspects.of(scope).all.some((aspect) => aspect instanceof KeepPoliciesOfKeptBuckets)) {
    Aspects.of(scope).add(new KeepPoliciesOfKeptBuckets());
  }
}
