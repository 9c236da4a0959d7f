/*
 * The path the synth steps of generated pipelines require to bundle the release tools
 * (`sagemaker-gitops/lib/model-deploy/release-tools`, see bundleReleaseToolsCommand): the code
 * lives in constructs/release-tools.ts, below the apps; this module keeps that path, and so every
 * synthesized buildspec, unchanged.
 */
export * from '../constructs/release-tools';
