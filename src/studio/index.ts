// The Studio project context and the shared names live in src/app-context/ (below the apps); exported here as before.
export * from '../app-context/studio-project';
export * from '../app-context/studio-names';
export * from './parameter-patterns';
export * from './bootstrap-build-spec';
export * from './start-build-handler';
export * from './project-bootstrap';
export * from './project-template-stack';
export * from './project-use-roles';
export * from './projects-launch-role';
export * from './studio-execution-role';
export * from './domain-template-stack';
export * from './studio-templates';
