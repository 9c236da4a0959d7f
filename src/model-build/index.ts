export * from './model-build-stack';
export * from './model-build-app';
