export * from './resolved-model';
export * from './endpoint-stack';
export * from './drift-monitor';
export * from './model-monitor';
export * from './stage-model-copy';
export * from './model-deploy-pipeline-stack';
export * from './model-deploy-app';
