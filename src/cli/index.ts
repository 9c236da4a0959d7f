export * from './assembly-summary';
export * from './output';
export * from './program';
