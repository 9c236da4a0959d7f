import { Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ProjectConfig, mlflowMonitoringExperimentName } from '../config';
import { mlflowOfStage, mlflowParameterNames } from './mlflow-backend';
import { crossAccountDriftChecks, mlflowDriftLoggerRoleArn } from './mlflow-drift-logger';
import { MlflowAccess } from './sagemaker-execution-role';

/** How a stage's drift check logs to the project's MLflow backend. */
export interface DriftCheckMlflow {
  /**
   * The job's MLflow variables: MLFLOW_EXPERIMENT_NAME and MLFLOW_MONITORING_EXPERIMENT_NAME, the
   * backend as MLFLOW_TRACKING_URI (its ARN) or, for a backend the project created seen from another
   * account, MLFLOW_TRACKING_URI_PARAMETER (the ARN of the build account's SSM parameter holding it,
   * read with the assumed role), and from another account MLFLOW_ASSUME_ROLE_ARN.
   */
  readonly environment: Readonly<Record<string, string>>;
  /** The `mlflow` client version the job installs. */
  readonly clientVersion: string;
  /**
   * Same account: what the job role needs to log itself.
   * @default - the job logs through `assumeRoleArn`
   */
  readonly access?: MlflowAccess;
  /**
   * Another account: the build account's drift logger role, the one role the job may assume.
   * @default - the job logs with its own role
   */
  readonly assumeRoleArn?: string;
  /**
   * Another account: the name the job role must have, the one the drift logger role trusts.
   * @default - any name
   */
  readonly roleName?: string;
}

/**
 * The project's MLflow backend as a stage's drift check reaches it, or undefined when MLflow is off
 * or the check cannot reach it:
 * - in the build account, with its own role (`mlflowOfStage`);
 * - from another account, through the build account's `<project>-mlflow-drift-logger` role: its ARN
 *   is computed from the build account, the partition and the role name (no cross-account read);
 *   a backend the project created is named by the SSM parameter the job reads with that role.
 */
export function driftCheckMlflow(scope: Construct, config: ProjectConfig, stage: 'staging' | 'prod'): DriftCheckMlflow | undefined {
  const mlflow = config.mlflow;
  if (mlflow === undefined) {
    return undefined;
  }
  const experiment = { MLFLOW_EXPERIMENT_NAME: mlflow.experimentName, MLFLOW_MONITORING_EXPERIMENT_NAME: mlflowMonitoringExperimentName(mlflow) };
  const check = crossAccountDriftChecks(config).find((c) => c.stage === stage);
  if (check === undefined) {
    const same = mlflowOfStage(scope, config, stage);
    return same && { environment: { MLFLOW_TRACKING_URI: same.tracking.trackingUri, ...experiment }, clientVersion: same.tracking.clientVersion, access: same.access };
  }
  const partition = Stack.of(scope).partition;
  const build = config.environments.build as { readonly account: string; readonly region: string };
  const assumeRoleArn = mlflowDriftLoggerRoleArn(partition, build.account, config.projectName);
  const backend: Record<string, string> = mlflow.backend === 'existing'
    ? { MLFLOW_TRACKING_URI: mlflow.arn }
    : { MLFLOW_TRACKING_URI_PARAMETER: `arn:${partition}:ssm:${build.region}:${build.account}:parameter${mlflowParameterNames(config.projectName).trackingUri}` };
  return {
    environment: { ...backend, ...experiment, MLFLOW_ASSUME_ROLE_ARN: assumeRoleArn },
    clientVersion: mlflow.clientVersion,
    assumeRoleArn,
    roleName: check.roleName,
  };
}
