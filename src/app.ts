// What the CDK apps of the generated repositories need, and nothing that loads the AWS SDK or the
// CLI: `import { ModelBuildApp } from 'sagemaker-gitops/lib/app'` keeps every synth's start-up short.
export * from './config';
export * from './pipeline-definition';
export * from './images';
export * from './source';
export * from './constructs';
export * from './validation';
export * from './model-build';
export * from './model-deploy';
