import * as fs from 'node:fs';
import * as path from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { TemporaryCredentials } from './client-factory';
import { SelfMutationVerdict } from './self-mutation-check';

/** Where CDK Pipelines' Assets stage uploads one file asset (a destination of an asset manifest). */
export interface FileAssetDestination {
  /** The asset's display name (or id) and the manifest that lists it, for the reasons. */
  readonly label: string;
  /** `<asset id>:<destination id>`, as cdk-assets' `publish` names it. */
  readonly selector: string;
  /** The bucket, its key and the role, as the manifest writes them: `${AWS::AccountId}`, `${AWS::Region}` and `${AWS::Partition}` resolve at run time. */
  readonly bucketName: string;
  readonly objectKey: string;
  readonly region?: string;
  readonly assumeRoleArn?: string;
}

/** The assets the Assets stage publishes for a pipeline's stages. */
export interface PipelineAssets {
  readonly files: readonly FileAssetDestination[];
  /** The container image assets, by label: their publication is not checked, so any answers `needed`. */
  readonly images: readonly string[];
}

interface ManifestArtifact {
  readonly type: string;
  readonly dependencies?: readonly string[];
  readonly properties?: { readonly templateFile?: string; readonly file?: string; readonly directoryName?: string };
}

interface AssetManifest {
  readonly files?: Record<string, {
    readonly displayName?: string;
    readonly source?: { readonly path?: string; readonly packaging?: string };
    readonly destinations?: Record<string, { readonly bucketName: string; readonly objectKey: string; readonly region?: string; readonly assumeRoleArn?: string }>;
  }>;
  readonly dockerImages?: Record<string, { readonly displayName?: string }>;
}

const readJson = (file: string): any => JSON.parse(fs.readFileSync(file, 'utf8'));

/**
 * The assets CDK Pipelines publishes in its Assets stage, read from the pipeline's cloud assembly:
 * those of the stacks of every stage assembly nested in it (the pipeline stack's own assets go with
 * the self-mutation), from each stack's asset manifests. A stack's template is left out, as CDK
 * Pipelines leaves it out (a file asset whose path is the stack's template file: its deploy
 * action reads the template from the cloud assembly).
 *
 * @throws Error when a manifest the assembly names cannot be read
 */
export function pipelineAssets(assemblyDir: string): PipelineAssets {
  const files: FileAssetDestination[] = [];
  const images: string[] = [];
  const top: Record<string, ManifestArtifact> = readJson(path.join(assemblyDir, 'manifest.json')).artifacts ?? {};
  for (const nested of Object.values(top).filter((a) => a.type === 'cdk:cloud-assembly' && a.properties?.directoryName !== undefined)) {
    const dir = path.join(assemblyDir, nested.properties!.directoryName!);
    const artifacts: Record<string, ManifestArtifact> = readJson(path.join(dir, 'manifest.json')).artifacts ?? {};
    for (const stack of Object.values(artifacts).filter((a) => a.type === 'aws:cloudformation:stack')) {
      const manifests = (stack.dependencies ?? []).map((id) => artifacts[id]).filter((a) => a?.type === 'cdk:asset-manifest' && a.properties?.file !== undefined);
      for (const manifestArtifact of manifests) {
        const file = path.join(dir, manifestArtifact.properties!.file!);
        const manifest: AssetManifest = readJson(file);
        const where = path.relative(assemblyDir, file);
        for (const [id, asset] of Object.entries(manifest.files ?? {})) {
          if ((asset.source?.packaging ?? 'file') === 'file' && asset.source?.path === stack.properties?.templateFile) {
            continue;
          }
          for (const [destinationId, destination] of Object.entries(asset.destinations ?? {})) {
            files.push({ label: `${asset.displayName ?? id} (${where})`, selector: `${id}:${destinationId}`, ...destination });
          }
        }
        images.push(...Object.entries(manifest.dockerImages ?? {}).map(([id, image]) => `${image.displayName ?? id} (${where})`));
      }
    }
  }
  return { files, images };
}

/**
 * cdk-assets takes an object of at most this many bytes for a failed upload and uploads it again
 * (an empty zip file has 22 bytes); the check counts it unpublished, so the stage runs for it.
 */
export const EMPTY_ZIP_FILE_SIZE = 22;

/** The clients the check calls with. */
export interface AssetsCheckClients {
  /** STS with the caller's own credentials (the synth step's role), in the caller's region. */
  readonly sts: () => Promise<STSClient>;
  /** S3 in the destination's region, with the credentials of the role assumed for it (none: the caller's). */
  readonly s3In: (region: string | undefined, credentials?: TemporaryCredentials) => Promise<S3Client>;
}

/** Whether the Assets stage would publish anything, and why. */
export interface AssetsCheck {
  /** `not-needed` skips the Assets stage: every asset is already where the deploy reads it. */
  readonly verdict: SelfMutationVerdict;
  readonly reasons: readonly string[];
}

/**
 * Whether CDK Pipelines' Assets stage would upload anything: `not-needed` only when every file asset
 * of the pipeline's stages is already in its destination bucket, as cdk-assets itself checks
 * before an upload: as the destination's publishing role (the role the Assets action assumes),
 * ListObjectsV2 with the object key as prefix, the key listed first with more than
 * {@link EMPTY_ZIP_FILE_SIZE} bytes. The placeholders of the manifest resolve as cdk-assets
 * resolves them: the account and partition from the caller's identity, the region from the
 * destination. A container image asset, an unreadable bucket, a role that cannot be assumed, any
 * failure answers `needed`: running the stage for nothing costs a CodeBuild start, skipping it
 * wrongly fails the deploy on a missing object.
 */
export async function checkAssetsPublished(assets: PipelineAssets, clients: AssetsCheckClients): Promise<AssetsCheck> {
  if (assets.images.length > 0) {
    return { verdict: 'needed', reasons: assets.images.map((image) => `${image}: a container image asset, not checked`) };
  }
  if (assets.files.length === 0) {
    return { verdict: 'not-needed', reasons: ['the pipeline\'s stages have no file asset'] };
  }
  const identity = await (await clients.sts()).send(new GetCallerIdentityCommand({}));
  const partition = identity.Arn?.split(':')[1];
  if (identity.Account === undefined || partition === undefined) {
    return { verdict: 'needed', reasons: [`GetCallerIdentity named no account or partition (${identity.Arn ?? 'no ARN'})`] };
  }
  const roles = new Map<string, Promise<TemporaryCredentials>>();
  const reasons: string[] = [];
  let needed = false;
  for (const asset of assets.files) {
    const resolve = (value: string) => value.replace(/\$\{AWS::AccountId\}/g, identity.Account!).replace(/\$\{AWS::Partition\}/g, partition)
      .replace(/\$\{AWS::Region\}/g, asset.region ?? '${AWS::Region}');
    const bucket = resolve(asset.bucketName);
    const key = resolve(asset.objectKey);
    const missing = await unpublished(bucket, key, asset, resolve, roles, clients);
    needed ||= missing !== undefined;
    reasons.push(`${asset.label}: ${missing ?? `published (s3://${bucket}/${key})`}`);
  }
  return { verdict: needed ? 'needed' : 'not-needed', reasons };
}

async function unpublished(bucket: string, key: string, asset: FileAssetDestination, resolve: (value: string) => string,
  roles: Map<string, Promise<TemporaryCredentials>>, clients: AssetsCheckClients): Promise<string | undefined> {
  if (/\$\{/.test(bucket + key)) {
    return `s3://${bucket}/${key} keeps a placeholder the check cannot resolve`;
  }
  try {
    let credentials: TemporaryCredentials | undefined;
    if (asset.assumeRoleArn !== undefined) {
      const roleArn = resolve(asset.assumeRoleArn);
      if (!roles.has(roleArn)) {
        roles.set(roleArn, assumeRole(roleArn, clients));
      }
      credentials = await roles.get(roleArn)!;
    }
    const s3 = await clients.s3In(asset.region, credentials);
    const listed = (await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: key, MaxKeys: 1 }))).Contents ?? [];
    const object = listed.find((o) => o.Key === key);
    if (object === undefined) {
      return `not in s3://${bucket}/${key}`;
    }
    if (object.Size !== undefined && object.Size <= EMPTY_ZIP_FILE_SIZE) {
      return `s3://${bucket}/${key} has ${object.Size} bytes, which cdk-assets uploads again`;
    }
    return undefined;
  } catch (err) {
    const { name, message } = err as Error;
    return `could not be checked (${name}: ${message})`;
  }
}

/** Assumes a role through STS in the caller's own region (always enabled for it, unlike an opt-in region of a destination). */
async function assumeRole(roleArn: string, clients: AssetsCheckClients): Promise<TemporaryCredentials> {
  const answer = await (await clients.sts()).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'sagemaker-gitops-assets-check' }));
  const c = answer.Credentials;
  if (c?.AccessKeyId === undefined || c.SecretAccessKey === undefined || c.SessionToken === undefined) {
    throw new Error(`AssumeRole of ${roleArn} returned no credentials`);
  }
  return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, ...(c.Expiration ? { expiration: c.Expiration } : {}) };
}
