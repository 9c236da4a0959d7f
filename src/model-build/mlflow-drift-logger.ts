import { CfnOutput, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { ConfigError, ProjectConfig } from '../config';
import { MlflowAccess, grantMlflow } from './sagemaker-execution-role';

/** The stages whose drift check may log to MLflow. */
const DRIFT_STAGES = ['staging', 'prod'] as const;

/**
 * A drift check that logs through the build account's drift logger role: of a stage in another
 * account, or in another region of the build account when the project created the backend (its
 * ARN is then in an SSM parameter of the build region, which the stage stack cannot read).
 */
export interface CrossAccountDriftCheck {
  readonly stage: (typeof DRIFT_STAGES)[number];
  /** The stage's account. */
  readonly account: string;
  /** The name of the drift job's role in that account (the logger role trusts this name only). */
  readonly roleName: string;
}

/** The name of the build account's role that the drift checks of other accounts assume to log to MLflow. */
export function mlflowDriftLoggerRoleName(projectName: string): string {
  return `${projectName}-mlflow-drift-logger`;
}

/**
 * The name of a stage's drift job role when it logs through the drift logger role: a fixed name,
 * so that the logger's trust policy can name it before the stage stack exists.
 */
export function driftCheckRoleName(projectName: string, stage: CrossAccountDriftCheck['stage']): string {
  return `${projectName}-${stage}-drift-check`;
}

/**
 * The drift logger role's ARN, from the build account, the partition and the role name alone: a
 * stage stack in another account computes it at synth time (it cannot read the build account's
 * SSM parameters or stack outputs).
 */
export function mlflowDriftLoggerRoleArn(partition: string, buildAccount: string, projectName: string): string {
  return `arn:${partition}:iam::${buildAccount}:role/${mlflowDriftLoggerRoleName(projectName)}`;
}

/**
 * The drift checks that log through the drift logger role, when MLflow is on (none otherwise):
 * those of the stages whose real-time endpoint has a drift check and that are in another account
 * than the build account, or in another region of it with a backend the project created.
 *
 * SageMaker MLflow Apps and tracking servers have no resource-based policy, so only a role of the
 * backend's own account may call them: a backend named by ARN is in the build account, where the
 * drift logger role is (`resolveMlflow` refuses another).
 */
export function crossAccountDriftChecks(config: ProjectConfig): CrossAccountDriftCheck[] {
  const build = config.environments.build;
  if (config.mlflow === undefined || build.account === undefined) {
    return [];
  }
  const checks = DRIFT_STAGES.flatMap((stage) => {
    const account = config.environments[stage].account;
    const endpoint = config.endpoints[stage];
    const drifts = endpoint.type === 'realtime' && endpoint.driftMonitoring !== false;
    const otherAccount = account !== undefined && account !== build.account;
    const otherRegion = account === build.account && config.environments[stage].region !== build.region && config.mlflow?.backend !== 'existing';
    return account !== undefined && (otherAccount || otherRegion) && drifts
      ? [{ stage, account, roleName: driftCheckRoleName(config.projectName, stage) }]
      : [];
  });
  return checks;
}

export interface MlflowDriftLoggerProps {
  readonly projectName: string;
  /** The backend, its artifact store and key, as the steps log to them. */
  readonly access: MlflowAccess;
  /**
   * The SSM parameter holding the ARN of a backend the project created (an App's ARN ends with an
   * id SageMaker generates): the drift check reads it with this role.
   * @default - the backend is named by ARN in the config: nothing to read
   */
  readonly trackingUriParameterArn?: string;
  /** The drift checks of other accounts that may assume the role (at least one). */
  readonly driftChecks: readonly CrossAccountDriftCheck[];
}

/**
 * `<project>-mlflow-drift-logger`: the role in the build account through which the drift check of
 * a stage in another account logs to MLflow (SageMaker MLflow has no resource-based policy, so a
 * role of another account cannot call it). Only the named drift job roles of the stage accounts
 * may assume it, and it may only log to the backend (the data-plane action of its kind, on its
 * ARN), read and write the artifact store prefix with its key, and read the backend's ARN.
 */
export class MlflowDriftLogger extends Construct {
  public readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: MlflowDriftLoggerProps) {
    super(scope, id);
    if (props.driftChecks.length === 0) {
      throw new ConfigError('the MLflow drift logger role needs at least one drift check of another account to trust');
    }
    const partition = Stack.of(this).partition;
    const accounts = [...new Set(props.driftChecks.map((check) => check.account))];
    this.role = new iam.Role(this, 'Resource', {
      roleName: mlflowDriftLoggerRoleName(props.projectName),
      // The account principals, narrowed to the drift job roles by aws:PrincipalArn (a role ARN as the
      // principal would be replaced by the role's unique id, and break when the stage recreates its role).
      assumedBy: new iam.PrincipalWithConditions(new iam.CompositePrincipal(...accounts.map((account) => new iam.AccountPrincipal(account))), {
        ArnEquals: { 'aws:PrincipalArn': props.driftChecks.map((check) => `arn:${partition}:iam::${check.account}:role/${check.roleName}`) },
      }),
      description: `Lets the drift checks of ${props.projectName} in ${accounts.join(', ')} log to its MLflow ${props.access.kind === 'app' ? 'App' : 'tracking server'}`,
    });
    grantMlflow(this.role, props.access);
    if (props.trackingUriParameterArn !== undefined) {
      this.role.addToPolicy(new iam.PolicyStatement({ sid: 'ReadMlflowArn', actions: ['ssm:GetParameter'], resources: [props.trackingUriParameterArn] }));
    }
    new CfnOutput(Stack.of(this), 'MlflowDriftLoggerRoleArn', {
      value: this.role.roleArn,
      description: `The role the drift checks of ${accounts.join(', ')} assume to log to MLflow`,
    });
  }
}
