export * from './mlops-project';
export * from './generated-repo';
export * from './repo-files';
export * from './repo-readme';
export * from './repo-kind';
export * from './versions';
export * from './resource-names';
