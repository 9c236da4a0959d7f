export * from './app-validations';
export * from './guardrails-plugin';
export * from './acknowledge';
export * from './control-tower-plugin';
export * from './control-tower-cache';
export * from './control-tower-rules';
