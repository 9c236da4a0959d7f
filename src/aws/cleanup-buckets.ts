import {
  DeleteBucketCommand,
  DeleteObjectsCommand,
  GetBucketTaggingCommand,
  ListObjectVersionsCommand,
  ObjectIdentifier,
  PutBucketLoggingCommand,
  S3Client,
  paginateListBuckets,
} from '@aws-sdk/client-s3';
import { BucketStep, CleanupOutcome } from './cleanup-types';
import { CliError } from './errors';

/** DeleteObjects takes at most this many keys. */
export const DELETE_OBJECTS_BATCH = 1000;

/** CloudFormation tags every resource it creates with its stack's name; a retained bucket keeps the tag. */
const STACK_NAME_TAG = 'aws:cloudformation:stack-name';

/** How often a bucket is emptied again when new objects (late access logs) arrived before its deletion. */
const BUCKET_DELETE_ATTEMPTS = 3;

/**
 * Buckets of this region that one of the project's stacks created and left when it was deleted:
 * their names start with the stack name (so with the project name, in lower case) and they keep
 * CloudFormation's stack-name tag.
 */
export async function leftoverBuckets(client: S3Client, projectName: string, region: string, stackNames: readonly string[]): Promise<Array<{ name: string; stackName: string }>> {
  const found: Array<{ name: string; stackName: string }> = [];
  for await (const page of paginateListBuckets({ client }, { Prefix: projectName.toLowerCase(), BucketRegion: region })) {
    for (const bucket of page.Buckets ?? []) {
      const stackName = bucket.Name ? await stackNameTag(client, bucket.Name) : undefined;
      if (stackName && stackNames.includes(stackName)) {
        found.push({ name: bucket.Name!, stackName });
      }
    }
  }
  return found;
}

async function stackNameTag(client: S3Client, bucket: string): Promise<string | undefined> {
  try {
    const response = await client.send(new GetBucketTaggingCommand({ Bucket: bucket }));
    return response.TagSet?.find((tag) => tag.Key === STACK_NAME_TAG)?.Value;
  } catch (err) {
    if (errorName(err) === 'NoSuchTagSet' || errorName(err) === 'NoSuchBucket') {
      return undefined;
    }
    throw err;
  }
}

export async function deleteBucket(client: S3Client, step: BucketStep): Promise<CleanupOutcome> {
  const outcome = { type: step.type, name: step.name };
  try {
    // Stop server access logging into or from the bucket being emptied.
    await client.send(new PutBucketLoggingCommand({ Bucket: step.name, BucketLoggingStatus: {} }));
    let removed = 0;
    for (let attempt = 1; ; attempt++) {
      removed += await emptyBucket(client, step.name);
      try {
        await client.send(new DeleteBucketCommand({ Bucket: step.name }));
        return { ...outcome, result: 'deleted', detail: removed === 1 ? 'emptied of 1 object version or delete marker' : `emptied of ${removed} object versions and delete markers` };
      } catch (err) {
        // Objects written while it was emptied (late access logs): empty it again.
        if (errorName(err) !== 'BucketNotEmpty' || attempt >= BUCKET_DELETE_ATTEMPTS) {
          throw err;
        }
      }
    }
  } catch (err) {
    if (errorName(err) === 'NoSuchBucket') {
      return { ...outcome, result: 'skipped' };
    }
    throw err;
  }
}

/** Deletes every object version and delete marker, page by page; returns how many. */
async function emptyBucket(client: S3Client, bucket: string): Promise<number> {
  let removed = 0;
  let keyMarker: string | undefined;
  let versionIdMarker: string | undefined;
  for (;;) {
    const page = await client.send(new ListObjectVersionsCommand({ Bucket: bucket, KeyMarker: keyMarker, VersionIdMarker: versionIdMarker }));
    const objects: ObjectIdentifier[] = [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])]
      .flatMap((version) => (version.Key === undefined ? [] : [{ Key: version.Key, VersionId: version.VersionId }]));
    for (let start = 0; start < objects.length; start += DELETE_OBJECTS_BATCH) {
      const batch = objects.slice(start, start + DELETE_OBJECTS_BATCH);
      const response = await client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: batch, Quiet: true } }));
      const error = response.Errors?.[0];
      if (error) {
        throw new CliError(`cannot empty bucket ${bucket}: ${response.Errors!.length} objects were not deleted, the first ${error.Key} (version ${error.VersionId ?? 'none'}): ${error.Code}: ${error.Message}`);
      }
      removed += batch.length;
    }
    if (!page.IsTruncated) {
      return removed;
    }
    keyMarker = page.NextKeyMarker;
    versionIdMarker = page.NextVersionIdMarker;
  }
}

function errorName(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null ? (err as { name?: string }).name : undefined;
}
