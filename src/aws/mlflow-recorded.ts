import { DescribeModelPackageCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { MLFLOW_NOT_LOGGED } from './mlflow-compare';

/**
 * Warnings for the versions an execution registered whose training MLflow did not record: the
 * pipeline's steps never fail on a tracking error (the model counts more than its record), and
 * evaluate.py passes `not-logged` to the version's `mlflowRunId` metadata when training logged no
 * run. So a run that succeeded can have recorded nothing (an MLflow backend the steps cannot reach,
 * the sagemaker-mlflow plugin missing, the role without the `sagemaker-mlflow:*` permissions), and
 * says so here rather than only in the steps' logs. A version without the key (MLflow off) is fine;
 * one the caller may not describe is named as not checked.
 */
export async function unrecordedTrainingRuns(client: SageMakerClient, modelPackageArns: readonly string[]): Promise<string[]> {
  const warnings: string[] = [];
  for (const arn of modelPackageArns) {
    let runId: string | undefined;
    try {
      const described = await client.send(new DescribeModelPackageCommand({ ModelPackageName: arn }));
      runId = described.CustomerMetadataProperties?.mlflowRunId;
    } catch (err) {
      warnings.push(`could not check whether MLflow recorded the training of ${arn}: ${(err as Error).name}: ${(err as Error).message}`);
      continue;
    }
    if (runId?.trim() === MLFLOW_NOT_LOGGED) {
      warnings.push(`WARNING: ${arn} was registered, but MLflow recorded no training run (its mlflowRunId is ${MLFLOW_NOT_LOGGED}): `
        + 'the Train and Evaluate steps\' logs say why (the MLflow backend unreachable from the jobs, the sagemaker-mlflow plugin, '
        + 'or the execution role\'s sagemaker-mlflow permissions)');
    }
  }
  return warnings;
}
