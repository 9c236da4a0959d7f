export * from './cleanup';
export * from './client-factory';
export * from './endpoint-test';
export * from './errors';
export * from './model-approval';
export * from './model-registry';
export * from './pipeline-execution';
