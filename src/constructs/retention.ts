import { RemovalPolicy } from 'aws-cdk-lib';

/**
 * How the project's stacks keep what must never be lost as a side effect (the model registry,
 * MLflow's experiments, the production endpoint, keys, build logs) without blocking the retry of
 * a deploy that failed.
 *
 * CloudFormation's `RetainExceptOnCreate` (CloudFormation Template Reference, "DeletionPolicy
 * attribute"): kept like `Retain` when the stack is deleted or the resource replaced, but deleted
 * when the stack operation that created it rolls back. Plain `Retain` keeps it even then, so a
 * resource with a fixed name (the model package group, the MLflow App, `<project>-prod`,
 * `/aws/codebuild/<pipeline>`) outlives a failed first deploy, and the next create of the stack
 * fails because the name exists: after `cdk deploy` again (the CDK CLI deletes a stack left in
 * ROLLBACK_COMPLETE and creates it anew) and after the stack is deleted by hand so that the
 * pipeline can create it (a CloudFormation deploy action fails on a stack in a failed state:
 * CodePipeline User Guide, "AWS CloudFormation deploy action reference"). What the rolled-back
 * operation created is new and holds nothing yet (no version registered, no run logged, no
 * release served), so deleting it loses nothing; without it, a tracking server would also keep
 * billing by the hour, unmanaged.
 */
export const RETAIN_UNLESS_CREATE_FAILS = RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE;

/**
 * Buckets stay `Retain` even when the operation that created them rolls back: CloudFormation can
 * delete only an empty bucket, and server access logs or other writes can reach a new bucket
 * before a long create fails (a production endpoint can take its whole timeout to fail), which
 * would turn the rollback into ROLLBACK_FAILED. Their names are generated, so a bucket left by a
 * failed create never blocks a retry.
 */
export const RETAIN_BUCKET = RemovalPolicy.RETAIN;
