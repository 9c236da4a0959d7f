// What every app reads besides its config: the Studio project it was launched from (CDK context
// and tags), the names the Studio templates and the CLI share, and the model-deploy model's names.
// Below the constructs and the apps, above config only; src/studio/ holds the templates.
export * from './studio-project';
export * from './studio-names';
export * from './model-context';
