import * as fs from 'node:fs';
import * as path from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { SelfMutationVerdict } from './self-mutation-check';

/** Where CDK Pipelines' Assets stage uploads one file asset (a destination of an asset manifest). */
export interface FileAssetDestination {
  /** The asset's display name (or id) and the manifest that lists it, for the reasons. */
  readonly label: string;
  /** `<asset id>:<destination id>`, as cdk-assets' `publish` names it. */
  readonly selector: string;
  /**
   * The bucket, its key and the role the Assets action publishes as (which names the account), as
   * the manifest writes them: `${AWS::AccountId}`, `${AWS::Region}` and `${AWS::Partition}` resolve at run time.
   */
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

/** The clients the check calls with, all with the caller's own credentials (the synth step's role). */
export interface AssetsCheckClients {
  /** STS, in the caller's region. */
  readonly sts: () => Promise<STSClient>;
  /** S3 in a destination's region. */
  readonly s3In: (region: string | undefined) => Promise<S3Client>;
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
 * before an upload: ListObjectsV2 with the object key as prefix, the key listed first with more
 * than {@link EMPTY_ZIP_FILE_SIZE} bytes. The placeholders of the manifest resolve as cdk-assets
 * resolves them: the account and partition from the caller's identity, the region from the
 * destination. The caller lists with its own credentials (the synth role may list the buckets of
 * its own account's destinations, nothing more): it does not assume the publishing role, which
 * could write to the bucket, so a destination in another account is not checked. That, a container
 * image asset, an assembly in which no file asset is found, an unreadable bucket, any failure
 * answers `needed`: running the stage for nothing costs a CodeBuild start, skipping it wrongly
 * fails the deploy on a missing object.
 */
export async function checkAssetsPublished(assets: PipelineAssets, clients: AssetsCheckClients): Promise<AssetsCheck> {
  if (assets.images.length > 0) {
    return { verdict: 'needed', reasons: assets.images.map((image) => `${image}: a container image asset, not checked`) };
  }
  if (assets.files.length === 0) {
    // A pipeline without assets has no Assets stage: finding none means the assembly was not read as expected.
    return { verdict: 'needed', reasons: ['no file asset found in the stage assemblies: the check cannot tell what the Assets stage publishes'] };
  }
  const identity = await (await clients.sts()).send(new GetCallerIdentityCommand({}));
  const partition = identity.Arn?.split(':')[1];
  if (identity.Account === undefined || partition === undefined) {
    return { verdict: 'needed', reasons: [`GetCallerIdentity named no account or partition (${identity.Arn ?? 'no ARN'})`] };
  }
  const reasons: string[] = [];
  let needed = false;
  for (const asset of assets.files) {
    const resolve = (value: string) => value.replace(/\$\{AWS::AccountId\}/g, identity.Account!).replace(/\$\{AWS::Partition\}/g, partition)
      .replace(/\$\{AWS::Region\}/g, asset.region ?? '${AWS::Region}');
    const bucket = resolve(asset.bucketName);
    const key = resolve(asset.objectKey);
    // The account the Assets action publishes into: its publishing role's (none: the caller's own).
    const account = asset.assumeRoleArn === undefined ? identity.Account : resolve(asset.assumeRoleArn).split(':')[4];
    const missing = account !== identity.Account
      ? `s3://${bucket}/${key} is in account ${account}, not checked (the synth step lists only its own account's buckets)`
      : await unpublished(bucket, key, asset.region, clients);
    needed ||= missing !== undefined;
    reasons.push(`${asset.label}: ${missing ?? `published (s3://${bucket}/${key})`}`);
  }
  return { verdict: needed ? 'needed' : 'not-needed', reasons };
}

async function unpublished(bucket: string, key: string, region: string | undefined, clients: AssetsCheckClients): Promise<string | undefined> {
  if (/\$\{/.test(bucket + key)) {
    return `s3://${bucket}/${key} keeps a placeholder the check cannot resolve`;
  }
  try {
    const s3 = await clients.s3In(region);
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
