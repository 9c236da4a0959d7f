import * as path from 'node:path';
import * as s3assets from 'aws-cdk-lib/aws-s3-assets';
import { Construct } from 'constructs';
import type { StepCode, StepScript } from './step-code-bundle';
import { StepCodeFiles, StepCodeOptions, writeStepCode } from './step-code-bundle';

export interface StepCodeBundleAssetsProps extends StepCodeOptions {
  /** The scripts folder (the model-build repository's `pipelines/`, the model-deploy repository's `monitoring/`). */
  readonly scriptsDir: string;
}

/**
 * The step code bundle and runproc.sh as two S3 file assets. A file asset, not a folder asset: CDK
 * zips a folder, and a script-mode container and runproc.sh unpack a tar.gz. The files are written at
 * synth time by {@link writeStepCode}, byte-identical for the same scripts, so the assets' hashes
 * (their S3 keys) change only when the code or the requirements do.
 */
export class StepCodeBundleAssets extends Construct {
  public readonly code: StepCode;
  /** The local files the assets upload. */
  public readonly files: StepCodeFiles;
  public readonly bundleAsset: s3assets.Asset;
  public readonly entrypointAsset: s3assets.Asset;

  constructor(scope: Construct, id: string, props: StepCodeBundleAssetsProps) {
    super(scope, id);
    const files = writeStepCode(props.scriptsDir, { requirements: props.requirements, files: props.files });
    this.files = files;
    this.bundleAsset = new s3assets.Asset(this, 'Bundle', { path: files.bundle });
    this.entrypointAsset = new s3assets.Asset(this, 'Entrypoint', { path: files.entrypoint });
    const script = (asset: s3assets.Asset, file: string): StepScript => ({
      s3Uri: asset.s3ObjectUrl,
      // A file asset's object key is its hash and last extension (`.gz` for the bundle); SageMaker downloads it under that name.
      fileName: `${asset.assetHash}${path.extname(file)}`,
    });
    this.code = { bundle: script(this.bundleAsset, files.bundle), entrypoint: script(this.entrypointAsset, files.entrypoint) };
  }
}
