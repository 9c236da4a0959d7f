export * from './app-validations';
export * from './guardrails-plugin';
export * from './iam-quotas';
export * from './acknowledge';
export * from './control-tower-plugin';
export * from './control-tower-cache';
export * from './control-tower-rules';
export * from './cloudformation-quotas';
