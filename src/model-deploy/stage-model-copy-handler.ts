import { AUTHORIZATION_RETRY_CODE } from '../constructs/authorization-retry-code';
import { CFN_RESPONSE_SEND_CODE } from '../constructs/cfn-response-code';

/**
 * The code of the Lambda function behind a stage's `Custom::StageModelCopy` resources, inlined into
 * the template (no asset bucket): on Create and Update it copies the object `CopySource`
 * (`<bucket>/<URL-encoded key>`, as CopyObject takes it) to `s3://<Bucket>/<Key>` with one S3
 * CopyObject, encrypted with the stage key `KmsKeyId` (SSE-KMS with an S3 Bucket Key) and without
 * the source's tags (`TaggingDirective: REPLACE` with none: the stage needs none, and the function no
 * tagging permission on either side), and answers
 * with the copy's `s3://` URI as the physical id (a failed one keeps the id it had). Delete changes nothing: the copies stay in the
 * retained stage bucket, so a rollback, a later release or a deleted stack never loses the artifact
 * an endpoint serves or served.
 *
 * The copy runs right after the function's role gets the statements for this version's objects
 * (each release changes them in place): CopyObject waits out IAM's propagation
 * ({@link AUTHORIZATION_RETRY_CODE}), where aws-cdk-lib's AwsCustomResource, which made these copies
 * before, failed the release at the first AccessDenied. The function may read the source object but
 * not list its bucket, so S3 answers a missing source with AccessDenied too (Amazon S3 API
 * Reference, GetObject, "Permissions"): after the retries the reason says so. Runs on the Node.js runtime, whose AWS SDK
 * v3 it uses; it answers CloudFormation itself.
 */
export const STAGE_MODEL_COPY_HANDLER_CODE = `const https = require('node:https');
const { S3Client, CopyObjectCommand } = require('@aws-sdk/client-s3');

exports.handler = async (event, context) => {
  authorizeUntil(context);
  const p = event.ResourceProperties;
  const copy = 's3://' + p.Bucket + '/' + p.Key;
  const response = {
    Status: 'SUCCESS',
    Reason: 'see CloudWatch Logs stream ' + context.logStreamName,
    PhysicalResourceId: event.RequestType === 'Delete' ? event.PhysicalResourceId : copy,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
  };
  try {
    if (event.RequestType !== 'Delete') {
      const s3 = new S3Client({});
      await whenAuthorized(() => s3.send(new CopyObjectCommand({
        Bucket: p.Bucket,
        Key: p.Key,
        CopySource: p.CopySource,
        ServerSideEncryption: 'aws:kms',
        SSEKMSKeyId: p.KmsKeyId,
        BucketKeyEnabled: true,
        TaggingDirective: 'REPLACE',
      })));
      console.log('copied ' + p.CopySource + ' to ' + copy);
    }
  } catch (err) {
    console.error(err);
    response.Status = 'FAILED';
    // A failed update keeps the resource's id: CloudFormation records the id of every answer.
    response.PhysicalResourceId = event.PhysicalResourceId || copy;
    const missing = err.name === 'AccessDenied' ? ' (S3 also answers so when the source object does not exist: the function may not list its bucket)' : '';
    response.Reason = ('cannot copy ' + p.CopySource + ' to ' + copy + ': ' + err.name + ': ' + err.message + missing).slice(0, 1000);
  }
  await send(event.ResponseURL, JSON.stringify(response));
};

${AUTHORIZATION_RETRY_CODE}
${CFN_RESPONSE_SEND_CODE}`;
