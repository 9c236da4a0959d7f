export * from './stage-storage-stack';
export * from './model-deploy-app';
