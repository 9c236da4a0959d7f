export * from './errors';
export * from './validators';
export * from './instance-types';
export * from './instance-storage';
export * from './project-config';
export * from './config-file';
export * from './endpoint-config';
export * from './aws-constraints';
