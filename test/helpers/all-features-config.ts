import * as path from 'node:path';
import { CONFIG_FILE_NAME, ProjectConfig, ProjectOptions, readProjectConfig, resolveProjectConfig } from '../../src/config';

/** This repository: its model-build/ and model-deploy/ are the example project. */
export const EXAMPLE = path.join(__dirname, '..', '..');

/** The example project's config (model-deploy/sagemaker-gitops.json). */
export function exampleConfig(): ProjectConfig {
  return readProjectConfig(path.join(EXAMPLE, 'model-deploy', CONFIG_FILE_NAME));
}

/**
 * The example's config with every opt-in of issue 19 on: scale-out of Preprocess and Train
 * (instanceCounts), the current XGBoost container (containers), a shadow release before the
 * production update (endpoints.prod.shadow) and scheduled batch scoring (batchScoring).
 */
export function allFeatures(): ProjectConfig {
  const example = exampleConfig();
  return resolveProjectConfig({
    ...example,
    instanceCounts: { processing: 4, training: 2 },
    containers: { xgboost: '3.0-5', sklearn: '1.4-2' },
    endpoints: {
      ...example.endpoints,
      prod: { ...example.endpoints.prod, shadow: { minutes: 60, maxLatencyIncreasePercent: 20, maxErrorRate: 0.01, maxPredictionPsi: 0.2 } },
    },
    batchScoring: { inputUri: 's3://acme-churn-scoring/players/daily', inputFilter: '$[1:]', outputFilter: '$[0,-1]', instanceCount: 2 },
  } as ProjectOptions);
}
