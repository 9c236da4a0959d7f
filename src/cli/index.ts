export * from './assembly-summary';
export * from './approve-model';
export * from './models';
export * from './output';
export * from './program';
export * from './run-pipeline';
export * from './resolve-model';
export * from './test-endpoint';
