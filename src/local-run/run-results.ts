import { PLAYER_CHURN } from '../model-build/player-churn-pipeline';
import { StepProperties, parsePath, valueAt } from './evaluator';
import { LocalStorage } from './storage';

/** What a local run's steps left in their properties: the test AUC, the training metrics, the model artifact. */

/** The test AUC an evaluation wrote (`classification_metrics.auc_score.value` of a property file). */
export function findAuc(properties: ReadonlyMap<string, StepProperties>): number | undefined {
  const tokens = parsePath(PLAYER_CHURN.aucPath);
  for (const step of properties.values()) {
    for (const file of Object.values((step.PropertyFiles ?? {}) as Record<string, unknown>)) {
      const value = valueAt(file, tokens);
      if (typeof value === 'number') {
        return value;
      }
    }
  }
  return undefined;
}

/** The final values of the training steps' metrics (such as `validation:auc`). */
export function trainingMetrics(properties: ReadonlyMap<string, StepProperties>): Record<string, number> {
  const metrics: Record<string, number> = {};
  for (const step of properties.values()) {
    for (const metric of Object.values((step.FinalMetricDataList ?? {}) as Record<string, { MetricName: string; Value: number }>)) {
      metrics[metric.MetricName] = metric.Value;
    }
  }
  return metrics;
}

/** The local path of the trained model.tar.gz. */
export function modelArtifact(properties: ReadonlyMap<string, StepProperties>, storage: LocalStorage): string | undefined {
  for (const step of properties.values()) {
    const uri = valueAt(step, ['ModelArtifacts', 'S3ModelArtifacts']);
    if (typeof uri === 'string') {
      return storage.localPath(uri);
    }
  }
  return undefined;
}
