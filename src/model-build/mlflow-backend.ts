import { CfnOutput, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import {
  MLFLOW_ARTIFACT_PREFIX, MLFLOW_VERSIONS, MlflowArnKind, MlflowTracking, ProjectConfig, ResolvedMlflow, mlflowAppName, mlflowBackendKind, parseArtifactStoreUri,
} from '../config';
import { acknowledgeWildcardResource } from '../validation/acknowledge';
import { CrossAccountDriftCheck, MlflowDriftLogger } from './mlflow-drift-logger';
import { MlflowAccess } from './sagemaker-execution-role';
import { RETAIN_UNLESS_CREATE_FAILS } from '../constructs/retention';

/**
 * SSM parameters (String, in the build account and region) through which the model-deploy stacks
 * learn the MLflow backend the model-build stack created: an MLflow App's ARN carries an id AWS
 * generates, known only once the stack is deployed. The drift check resolves them at deploy time
 * (an `AWS::SSM::Parameter::Value<String>` stack parameter), without any AWS call at synth.
 */
export function mlflowParameterNames(projectName: string): { readonly trackingUri: string; readonly artifactBucket: string; readonly artifactKeyArn: string } {
  const base = `/sagemaker-gitops/${projectName}/mlflow`;
  return { trackingUri: `${base}/tracking-uri`, artifactBucket: `${base}/artifact-bucket`, artifactKeyArn: `${base}/artifact-key-arn` };
}

export interface MlflowBackendProps {
  readonly projectName: string;
  /** The resolved MLflow option. */
  readonly mlflow: ResolvedMlflow;
  /** The project bucket: a created backend keeps its artifacts under `mlflow/`. */
  readonly bucket: s3.IBucket;
  /** The project bucket's key. */
  readonly key: kms.IKey;
  /**
   * The drift checks of stages in other accounts (`crossAccountDriftChecks(config)`): they log
   * through a role of this account, `<project>-mlflow-drift-logger`, that they may assume.
   * @default - no stage in another account logs to MLflow
   */
  readonly driftChecks?: readonly CrossAccountDriftCheck[];
  /**
   * The pipeline's model package group: an app with automatic model registration may never create
   * or update versions in it (its approval gate is the pipeline's).
   * @default - no group is protected beyond the auto-registration name pattern
   */
  readonly modelPackageGroupName?: string;
}

/**
 * What an MLflow App's role needs to register MLflow models in the SageMaker Model Registry
 * ("Set up IAM permissions for MLflow Apps", the app service role's policy).
 */
export const MLFLOW_APP_REGISTRATION_ACTIONS = [
  'sagemaker:AddTags', 'sagemaker:CreateModelPackageGroup', 'sagemaker:CreateModelPackage', 'sagemaker:UpdateModelPackage', 'sagemaker:DescribeModelPackageGroup',
] as const;

/**
 * The model package groups an app registers to: `<registered model name>-<suffix>`, the suffix the first
 * six characters of a SHA-256 hash ("Automatically register SageMaker AI models with SageMaker Model Registry").
 */
export const MLFLOW_APP_REGISTRATION_GROUP_PATTERN = '*-??????';

/**
 * The MLflow backend of a project: a serverless MLflow App (`AWS::SageMaker::MlflowApp`, the
 * default), a tracking server (`AWS::SageMaker::MlflowTrackingServer`, billed per hour while it
 * runs), or an existing one by ARN. A created backend keeps its artifacts under `mlflow/` of the
 * project bucket through a role of its own, and is retained when the stack is deleted.
 */
export class MlflowBackend extends Construct {
  /** What the steps receive as MLFLOW_TRACKING_URI and MLFLOW_EXPERIMENT_NAME, and the client they install. */
  public readonly tracking: MlflowTracking;
  /** An app or a tracking server. */
  public readonly kind: MlflowArnKind;
  /** What a role needs to log to this backend (see grantMlflow). */
  public readonly access: MlflowAccess;
  public readonly app?: sagemaker.CfnMlflowApp;
  public readonly trackingServer?: sagemaker.CfnMlflowTrackingServer;
  /** The role the drift checks of other accounts assume to log, when there are any. */
  public readonly driftLogger?: MlflowDriftLogger;

  constructor(scope: Construct, id: string, props: MlflowBackendProps) {
    super(scope, id);
    const { mlflow } = props;
    this.kind = mlflowBackendKind(mlflow);
    let trackingUri: string;
    let trackingUriParameter: ssm.StringParameter | undefined;
    if (mlflow.backend === 'existing') {
      trackingUri = mlflow.arn;
      const store = parseArtifactStoreUri(mlflow.artifactStoreUri);
      this.access = {
        kind: this.kind,
        arn: trackingUri,
        artifactStore: { bucketName: store.bucket, prefix: store.prefix, kmsKeyArn: mlflow.artifactKmsKeyArn },
      };
    } else {
      const role = this.storeRole(props, mlflow.backend === 'app' ? 'MLflow App' : 'MLflow tracking server');
      const artifactStoreUri = `s3://${props.bucket.bucketName}/${MLFLOW_ARTIFACT_PREFIX}`;
      if (mlflow.backend === 'app') {
        if (mlflow.app.automaticModelRegistration) {
          grantAutomaticRegistration(role, props.modelPackageGroupName);
        }
        this.app = new sagemaker.CfnMlflowApp(this, 'App', {
          name: mlflowAppName(props.projectName),
          artifactStoreUri,
          roleArn: role.roleArn,
          modelRegistrationMode: mlflow.app.automaticModelRegistration ? 'AutoModelRegistrationEnabled' : 'AutoModelRegistrationDisabled',
          weeklyMaintenanceWindowStart: mlflow.app.weeklyMaintenanceWindowStart,
        });
        // The ARN ends with an id SageMaker generates: never build it from the name.
        trackingUri = this.app.attrArn;
      } else {
        this.trackingServer = new sagemaker.CfnMlflowTrackingServer(this, 'TrackingServer', {
          trackingServerName: props.projectName,
          artifactStoreUri,
          roleArn: role.roleArn,
          trackingServerSize: mlflow.trackingServer.size,
          mlflowVersion: MLFLOW_VERSIONS.trackingServer,
          automaticModelRegistration: false,
          weeklyMaintenanceWindowStart: mlflow.trackingServer.weeklyMaintenanceWindowStart,
        });
        trackingUri = this.trackingServer.attrTrackingServerArn;
      }
      const resource = (this.app ?? this.trackingServer)!;
      // The role's policy must exist before SageMaker checks the artifact store.
      resource.node.addDependency(role);
      // Experiments, runs and models outlive the stack: never deleted as a side effect (unless the
      // deploy that created it rolls back: then it holds nothing, and its fixed name would block the retry).
      resource.applyRemovalPolicy(RETAIN_UNLESS_CREATE_FAILS);
      this.access = {
        kind: this.kind, arn: trackingUri,
        artifactStore: { bucketName: props.bucket.bucketName, prefix: MLFLOW_ARTIFACT_PREFIX, kmsKeyArn: props.key.keyArn },
      };
      const names = mlflowParameterNames(props.projectName);
      const parameter = (pid: string, parameterName: string, stringValue: string, what: string) =>
        new ssm.StringParameter(this, pid, { parameterName, stringValue, description: `${what} of the project ${props.projectName} (read by its model-deploy stacks)` });
      trackingUriParameter = parameter('TrackingUriParameter', names.trackingUri, trackingUri, `The ${this.kind === 'app' ? 'MLflow App' : 'MLflow tracking server'} ARN`);
      parameter('ArtifactBucketParameter', names.artifactBucket, props.bucket.bucketName, 'The bucket of the MLflow artifact store');
      parameter('ArtifactKeyParameter', names.artifactKeyArn, props.key.keyArn, 'The KMS key of the MLflow artifact store');
    }
    this.tracking = { trackingUri, experimentName: mlflow.experimentName, clientVersion: mlflow.clientVersion };
    if (props.driftChecks !== undefined && props.driftChecks.length > 0) {
      this.driftLogger = new MlflowDriftLogger(this, 'DriftLogger', {
        projectName: props.projectName, access: this.access, trackingUriParameterArn: trackingUriParameter?.parameterArn, driftChecks: props.driftChecks,
      });
    }
    new CfnOutput(Stack.of(this), 'MlflowArn', {
      value: trackingUri,
      description: `The ${this.kind === 'app' ? 'MLflow App' : 'MLflow tracking server'} the pipeline logs to (experiment ${mlflow.experimentName}); open its UI from SageMaker Studio`,
    });
  }

  /** The backend's own role: read and write its artifacts under mlflow/ of the project bucket, with the project key. */
  private storeRole(props: MlflowBackendProps, what: string): iam.Role {
    const objects = props.bucket.arnForObjects(`${MLFLOW_ARTIFACT_PREFIX}/*`);
    const role = new iam.Role(this, 'ArtifactStoreRole', {
      assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com'),
      description: `Lets the ${what} of ${props.projectName} keep its artifacts under ${MLFLOW_ARTIFACT_PREFIX}/ of the project bucket`,
    });
    role.addToPolicy(new iam.PolicyStatement({ sid: 'ReadWriteArtifacts', actions: ['s3:GetObject', 's3:PutObject'], resources: [objects] }));
    role.addToPolicy(new iam.PolicyStatement({
      sid: 'ListArtifacts', actions: ['s3:ListBucket', 's3:GetBucketLocation'], resources: [props.bucket.bucketArn],
    }));
    role.addToPolicy(new iam.PolicyStatement({ sid: 'UseArtifactKey', actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'], resources: [props.key.keyArn] }));
    acknowledgeWildcardResource(role, objects, `MLflow names its artifact objects at run time; the wildcard covers only the prefix ${MLFLOW_ARTIFACT_PREFIX}/`);
    // Kept with the backend it serves (the bucket and key it names are kept too): a backend left behind by a switch
    // of backend, or by mlflow turned off, still reads its artifacts. CloudFormation names the role: no collision.
    role.applyRemovalPolicy(RETAIN_UNLESS_CREATE_FAILS);
    (role.node.findChild('DefaultPolicy') as iam.Policy).applyRemovalPolicy(RETAIN_UNLESS_CREATE_FAILS);
    return role;
  }
}

/**
 * Lets an app's role register MLflow models: the Model Registry actions AWS lists for the app service
 * role, on the groups (and their versions) named as the app names them, never on the pipeline's group.
 */
function grantAutomaticRegistration(role: iam.Role, pipelineGroup: string | undefined): void {
  const stack = Stack.of(role);
  const arn = (resource: string, resourceName: string) => stack.formatArn({ service: 'sagemaker', resource, resourceName });
  const groups = arn('model-package-group', MLFLOW_APP_REGISTRATION_GROUP_PATTERN);
  const versions = arn('model-package', `${MLFLOW_APP_REGISTRATION_GROUP_PATTERN}/*`);
  role.addToPolicy(new iam.PolicyStatement({ sid: 'RegisterMlflowModels', actions: [...MLFLOW_APP_REGISTRATION_ACTIONS], resources: [groups, versions] }));
  for (const resource of [groups, versions]) {
    acknowledgeWildcardResource(role, resource, 'an MLflow App names the model package group of each registered model <name>-<six hash characters> at run time');
  }
  if (pipelineGroup !== undefined) {
    // SageMaker writes resource names in lower case in the ARNs it returns.
    const group = pipelineGroup.toLowerCase();
    role.addToPolicy(new iam.PolicyStatement({
      sid: 'KeepPipelineModelPackageGroup', effect: iam.Effect.DENY, actions: ['sagemaker:CreateModelPackage', 'sagemaker:UpdateModelPackage', 'sagemaker:AddTags'],
      resources: [arn('model-package-group', group), arn('model-package', `${group}/*`)],
    }));
  }
}

/** How a job of a stage logs to the project's MLflow backend. */
export interface StageMlflow {
  readonly access: MlflowAccess;
  readonly tracking: MlflowTracking;
}

/**
 * The project's MLflow backend as a stage stack sees it (for the drift check), or undefined when
 * MLflow is off or the stage cannot reach it:
 * - an existing backend: its ARN and artifact store, from the config;
 * - a backend the model-build stack created: from its SSM parameters, resolved at deploy time, so
 *   only in the build account and region (SSM parameters are read in their own account and region;
 *   a stage in another region of the build account logs through the drift logger role, see
 *   `driftCheckMlflow`);
 * - never from a stage in another account: SageMaker MLflow has no resource policy that would let
 *   another account's role log to it; that stage's drift check assumes the build account's drift
 *   logger role instead (see `driftCheckMlflow`).
 */
export function mlflowOfStage(scope: Construct, config: ProjectConfig, stage: 'staging' | 'prod'): StageMlflow | undefined {
  const mlflow = config.mlflow;
  const build = config.environments.build;
  const env = config.environments[stage];
  if (mlflow === undefined || env.account !== build.account) {
    return undefined;
  }
  if (mlflow.backend === 'existing') {
    const store = parseArtifactStoreUri(mlflow.artifactStoreUri);
    return {
      access: {
        kind: mlflowBackendKind(mlflow), arn: mlflow.arn,
        artifactStore: { bucketName: store.bucket, prefix: store.prefix, kmsKeyArn: mlflow.artifactKmsKeyArn },
      },
      tracking: { trackingUri: mlflow.arn, experimentName: mlflow.experimentName, clientVersion: mlflow.clientVersion },
    };
  }
  if (env.region !== build.region) {
    return undefined;
  }
  const names = mlflowParameterNames(config.projectName);
  const read = (name: string) => ssm.StringParameter.valueForStringParameter(scope, name);
  const trackingUri = read(names.trackingUri);
  return {
    access: {
      kind: mlflow.backend, arn: trackingUri,
      artifactStore: { bucketName: read(names.artifactBucket), prefix: MLFLOW_ARTIFACT_PREFIX, kmsKeyArn: read(names.artifactKeyArn) },
    },
    tracking: { trackingUri, experimentName: mlflow.experimentName, clientVersion: mlflow.clientVersion },
  };
}
