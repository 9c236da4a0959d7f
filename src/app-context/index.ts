// What every app and command reads besides its options: the Studio project it was launched from
// (CDK context and tags), the names the Studio templates and the CLI share, the names of a
// project's resources, the toolkit's versions, the resolved model a model-deploy synth deploys
// and the vendored toolkit's check. Above config/ only: constructs/, aws/, the apps, cli/,
// project/ and studio/ build on it, so their shared facts never make two of them import each other.
export * from './studio-project';
export * from './studio-names';
export * from './model-context';
export * from './resource-names';
export * from './versions';
export * from './resolved-model';
export * from './vendor-check';
