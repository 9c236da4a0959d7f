export * from './errors';
export * from './names';
export * from './expressions';
export * from './parameters';
export * from './conditions';
export * from './steps';
export * from './pipeline-definition';
export * from './schema';
