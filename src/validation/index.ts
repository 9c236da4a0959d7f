export * from './app-validations';
export * from './guardrails-plugin';
export * from './acknowledge';
