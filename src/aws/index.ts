export * from './client-factory';
export * from './errors';
export * from './pipeline-execution';
