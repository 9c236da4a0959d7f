// The projen component (MlopsProject) is imported from 'sagemaker-gitops/lib/project' so that
// the CDK apps of the generated repositories never load projen.
export * from './config';
export * from './pipeline-definition';
export * from './images';
export * from './aws';
export * from './source';
export * from './constructs';
export * from './validation';
export * from './model-build';
export * from './model-deploy';
export * from './data';
export * from './local-run';
export * from './cli';
export * from './studio';
