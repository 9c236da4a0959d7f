import { GetObjectCommand, S3Client, paginateListObjectsV2 } from '@aws-sdk/client-s3';
import { CliError } from './errors';
import { TimeWindow, VariantCapture, captureHourFolders, readVariantCapture } from './shadow-capture';

/** Where an endpoint's captured data is: the bucket and the key prefix `<prefix>/<endpoint-name>/`. */
export interface CaptureLocation {
  readonly bucket: string;
  readonly endpointPrefix: string;
}

/** One variant's captured records of the window, with the number of files read. */
export interface VariantCaptureRead extends VariantCapture {
  readonly files: number;
}

/**
 * Reads the `*.jsonl` files of one variant's hour folders that overlap the window
 * (`<endpoint prefix><variant>/yyyy/mm/dd/hh/`, "Capture data from real-time endpoint") and keeps the
 * records whose inferenceTime falls in the window.
 */
export async function readCapturedVariant(client: S3Client, location: CaptureLocation, variant: string, window: TimeWindow): Promise<VariantCaptureRead> {
  const keys: string[] = [];
  for (const folder of captureHourFolders(window)) {
    const prefix = `${location.endpointPrefix}${variant}/${folder}`;
    try {
      for await (const page of paginateListObjectsV2({ client }, { Bucket: location.bucket, Prefix: prefix })) {
        keys.push(...(page.Contents ?? []).flatMap((object) => (object.Key?.endsWith('.jsonl') ? [object.Key] : [])));
      }
    } catch (err) {
      if ((err as { name?: string }).name === 'NoSuchBucket') {
        throw new CliError(`the capture bucket ${location.bucket} does not exist (--capture-uri): give the endpoint's DataCaptureConfig DestinationS3Uri`);
      }
      throw err;
    }
  }
  const lines: string[] = [];
  for (const key of keys) {
    const response = await client.send(new GetObjectCommand({ Bucket: location.bucket, Key: key }));
    const text = response.Body === undefined ? '' : await response.Body.transformToString('utf-8');
    // One by one: a capture file of a busy hour holds more lines than a call may take arguments (push(...lines)).
    for (const line of text.split(/\r?\n/)) {
      lines.push(line);
    }
  }
  return { ...readVariantCapture(lines, window), files: keys.length };
}
