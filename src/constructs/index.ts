export * from './artifact-store';
export * from './codeartifact-access';
export * from './model-package-group';
export * from './project-app';
export * from './project-pipeline';
export * from './redundant-dependencies';
export * from './retention';
