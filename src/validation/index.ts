export * from './app-validations';
export * from './guardrails-plugin';
