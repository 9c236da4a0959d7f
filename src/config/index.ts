export * from './errors';
export * from './validators';
export * from './project-config';
export * from './config-file';
