import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import * as YAML from 'yaml';
import { STUDIO_VISIBILITY_TAG } from '../app-context/studio-names';
import { CliError, UsageError } from './errors';

/** CloudFormation reads templates of at most this many bytes from S3. */
export const MAX_TEMPLATE_BYTES = 1_000_000;

/** The content type templates are stored with. */
export const TEMPLATE_CONTENT_TYPE = 'application/yaml';

/** The parameters SageMaker Projects fills in when it launches a template. */
const SAGEMAKER_PARAMETERS = ['SageMakerProjectName', 'SageMakerProjectId'];

/** A project template to upload. */
export interface TemplateUpload {
  readonly bucket: string;
  /** The object key, e.g. `templates/sagemaker-project.yaml`. */
  readonly key: string;
  /** The template's text. */
  readonly body: string;
}

/** A template in S3, tagged for Studio. */
export interface PublishedTemplate {
  readonly bucket: string;
  readonly key: string;
  /** The object version, when the bucket is versioned. */
  readonly versionId?: string;
  /** The URL to give CreateProject or Service Catalog. */
  readonly templateUrl: string;
  /** The object's tags. */
  readonly tags: Record<string, string>;
}

/**
 * Checks that `text` is a SageMaker project template that CloudFormation can read from S3:
 * YAML (or JSON) of a template with `Resources` and the `SageMakerProjectName` and
 * `SageMakerProjectId` parameters, at most {@link MAX_TEMPLATE_BYTES} bytes.
 *
 * @throws UsageError (exit 2: the file is the command's input) naming `origin` and what is wrong
 */
export function checkProjectTemplate(text: string, origin: string): void {
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_TEMPLATE_BYTES) {
    throw new UsageError(`${origin} has ${bytes} bytes; CloudFormation reads templates of at most ${MAX_TEMPLATE_BYTES} bytes from S3`);
  }
  const document = YAML.parseDocument(text, { version: '1.1', logLevel: 'silent' });
  if (document.errors.length > 0) {
    throw new UsageError(`${origin} is not valid YAML: ${document.errors[0].message.split('\n')[0]}`);
  }
  const template: unknown = document.toJS();
  const sections = typeof template === 'object' && template !== null ? template as Record<string, unknown> : {};
  if (typeof sections.Resources !== 'object' || sections.Resources === null) {
    throw new UsageError(`${origin} is not a CloudFormation template: it has no Resources section`);
  }
  const parameters = typeof sections.Parameters === 'object' && sections.Parameters !== null ? Object.keys(sections.Parameters) : [];
  const missing = SAGEMAKER_PARAMETERS.filter((name) => !parameters.includes(name));
  if (missing.length > 0) {
    throw new UsageError(
      `${origin} is not a SageMaker project template: it has no ${missing.join(' or ')} parameter, which SageMaker Projects fills in at launch ` +
      '(the domain template is deployed with CloudFormation, not published)',
    );
  }
}

/**
 * Uploads a project template with the object tag `sagemaker:studio-visibility=true`, which
 * makes Studio list it, in one PutObject call. A bucket that does not exist, access denied
 * and a bucket of another region are {@link CliError}s that say what to do; other errors are
 * rethrown.
 */
export async function publishTemplate(client: S3Client, upload: TemplateUpload): Promise<PublishedTemplate> {
  const tags = { [STUDIO_VISIBILITY_TAG.key]: STUDIO_VISIBILITY_TAG.value };
  const target = `s3://${upload.bucket}/${upload.key}`;
  let versionId: string | undefined;
  try {
    const response = await client.send(new PutObjectCommand({
      Bucket: upload.bucket,
      Key: upload.key,
      Body: upload.body,
      ContentType: TEMPLATE_CONTENT_TYPE,
      Tagging: new URLSearchParams(tags).toString(),
    }));
    versionId = response.VersionId;
  } catch (err) {
    switch (errorName(err)) {
      case 'NoSuchBucket':
        throw new CliError(
          `bucket ${upload.bucket} does not exist: deploy the domain template (templates/sagemaker-domain.yaml) and pass its TemplatesBucketName output as --bucket`,
        );
      case 'AccessDenied':
        throw new CliError(`access denied writing ${target}: the caller needs s3:PutObject and s3:PutObjectTagging on it`);
      case 'PermanentRedirect':
      case 'AuthorizationHeaderMalformed':
        throw new CliError(`bucket ${upload.bucket} is in another region than ${await client.config.region()}: pass --region with the bucket's region`);
      default:
        throw err;
    }
  }
  const region = await client.config.region();
  // The aws-cn partition's endpoints end in amazonaws.com.cn; the others' in amazonaws.com.
  const domain = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  const templateUrl = `https://${upload.bucket}.s3.${region}.${domain}/${upload.key.split('/').map(encodeURIComponent).join('/')}`;
  return { bucket: upload.bucket, key: upload.key, ...(versionId !== undefined ? { versionId } : {}), templateUrl, tags };
}

/** A published template for people: where it is, how it is tagged, where Studio looks. */
export function formatPublishedTemplate(published: PublishedTemplate, templatesLocation: string): string[] {
  const tags = Object.entries(published.tags).map(([key, value]) => `${key}=${value}`).join(', ');
  return [
    `published s3://${published.bucket}/${published.key}${published.versionId ? ` (version ${published.versionId})` : ''}`,
    `tags: ${tags}`,
    `template URL: ${published.templateUrl}`,
    `Studio lists it under Projects > Create project > Organization templates > S3 Templates when the domain's sagemaker:projectS3TemplatesLocation tag is ${templatesLocation}`,
  ];
}

function errorName(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null ? (err as { name?: string }).name : undefined;
}
