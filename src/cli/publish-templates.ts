import * as fs from 'node:fs';
import * as path from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { Command, InvalidArgumentError } from 'commander';
import { AwsClientOptions, CliError, checkProjectTemplate, createAwsClient, formatPublishedTemplate, missingFile, publishTemplate } from '../aws';
import { awsClientOptions } from './base-program';
import { PROJECT_TEMPLATES_LOCATION_TAG, PROJECT_TEMPLATES_PREFIX, PROJECT_TEMPLATE_FILE } from '../app-context/studio-names';
import { GlobalOptions, Output } from './output';

/** The project template this package ships (generated from src/studio/). */
export const DEFAULT_PROJECT_TEMPLATE = path.resolve(__dirname, '..', '..', 'templates', PROJECT_TEMPLATE_FILE);

/** S3's rules for general purpose bucket names. */
const BUCKET_NAME_PATTERN = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** The longest object key S3 takes, in bytes of UTF-8 (Amazon S3 User Guide, "Naming Amazon S3 objects"; PutObject `Key`). */
export const MAX_OBJECT_KEY_BYTES = 1024;

/** What `publish-templates` needs from outside; tests inject a client. */
export interface PublishTemplatesDeps {
  /**
   * Builds the S3 client from the global `--region` and `--profile`.
   * @default - `createAwsClient(S3Client, options)`
   */
  readonly s3Client?: (options: AwsClientOptions) => Promise<S3Client>;
}

interface PublishTemplatesOptions {
  readonly bucket: string;
  readonly prefix: string;
  readonly file: string;
}

/**
 * Commander parser for `--bucket <name>`: an S3 bucket name.
 *
 * @throws InvalidArgumentError (a usage error, exit 2) naming the value and the rule
 */
export function parseBucketName(value: string): string {
  if (!BUCKET_NAME_PATTERN.test(value) || value.includes('..') || /^\d+\.\d+\.\d+\.\d+$/.test(value)) {
    throw new InvalidArgumentError(`bucket name must be 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit, got ${value}`);
  }
  return value;
}

/**
 * Commander parser for `--prefix <prefix>`: a key prefix, returned ending with `/` (or empty
 * for the bucket's root).
 *
 * @throws InvalidArgumentError (a usage error, exit 2) for a leading `/`, an empty or `..` segment
 */
export function parseKeyPrefix(value: string): string {
  if (value === '' || value === '/') {
    return '';
  }
  const trimmed = value.endsWith('/') ? value.slice(0, -1) : value;
  const segments = trimmed.split('/');
  if (value.startsWith('/') || segments.some((segment) => segment === '' || segment === '.' || segment === '..')) {
    throw new InvalidArgumentError(`prefix must be key segments separated by single slashes, without a leading slash, "." or "..", e.g. ${PROJECT_TEMPLATES_PREFIX}, got ${value}`);
  }
  return `${trimmed}/`;
}

/**
 * `publish-templates --bucket <name> [--prefix <prefix>] [--file <template>]`: uploads a SageMaker
 * project template (by default the one this package ships) with the object tag
 * `sagemaker:studio-visibility=true`, which makes Studio list it under the organization's S3
 * templates. Exits 1 when the file is not a project template or the bucket does not exist.
 */
export function publishTemplatesCommand(output: Output, deps: PublishTemplatesDeps = {}): Command {
  const s3Client = deps.s3Client ?? ((options: AwsClientOptions) => createAwsClient(S3Client, options));
  return new Command('publish-templates')
    .description('upload the SageMaker project template to the domain\'s templates bucket, tagged so that Studio lists it')
    .requiredOption('--bucket <name>', 'the templates bucket (the domain template\'s TemplatesBucketName output)', parseBucketName)
    .option('--prefix <prefix>', `the key prefix: the domain's ${PROJECT_TEMPLATES_LOCATION_TAG} tag points at it`, parseKeyPrefix, PROJECT_TEMPLATES_PREFIX)
    .option('--file <template>', 'the project template to upload', DEFAULT_PROJECT_TEMPLATE)
    .action(async function (this: Command, opts: PublishTemplatesOptions) {
      const { json } = this.optsWithGlobals<GlobalOptions>();
      const body = readTemplate(opts.file);
      checkProjectTemplate(body, opts.file);
      const key = `${opts.prefix}${path.basename(opts.file)}`;
      const keyBytes = Buffer.byteLength(key, 'utf-8');
      if (keyBytes > MAX_OBJECT_KEY_BYTES) {
        this.error(`error: the object key --prefix + the --file name is ${keyBytes} bytes, more than the ${MAX_OBJECT_KEY_BYTES} bytes S3 takes (PutObject Key): shorten --prefix, got ${opts.prefix}`, { exitCode: 2 });
      }
      const client = await s3Client(awsClientOptions(this));
      try {
        const published = await publishTemplate(client, { bucket: opts.bucket, key, body });
        const templatesLocation = `s3://${opts.bucket}/${opts.prefix}`;
        output.result(json ? { ...published, templatesLocation } : formatPublishedTemplate(published, templatesLocation).join('\n'), json);
      } finally {
        client.destroy();
      }
    });
}

function readTemplate(file: string): string {
  try {
    return fs.readFileSync(file, 'utf-8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw missingFile(new CliError(`cannot read the template ${file}: no such file`), file);
    }
    throw new CliError(`cannot read the template ${file}: ${(err as Error).message}`);
  }
}
