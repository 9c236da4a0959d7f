import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { MlflowArnKind } from '../config';
import { ModelPackageGroup } from '../constructs';
import { SageMakerImage } from '../images';
import { acknowledgeWildcardResource } from '../validation/acknowledge';
import { JOB_LOG_GROUPS, grantJobLogs } from './job-logs';

export interface SageMakerExecutionRoleProps {
  /** The bucket the pipeline reads its input from and writes its outputs to. */
  readonly bucket: s3.IBucket;
  /** Key prefixes (without `/*`) the jobs may write under; they may read the whole `readPrefixes` too. */
  readonly writePrefixes: readonly string[];
  /** Key prefixes (without `/*`) the jobs may only read. */
  readonly readPrefixes: readonly string[];
  /** The key of the bucket, the outputs and the job volumes. */
  readonly key: kms.IKey;
  /**
   * The group the pipeline registers model versions into.
   * @default - the role registers nothing
   */
  readonly modelPackageGroup?: ModelPackageGroup;
  /**
   * The kinds of jobs the pipeline starts.
   * @default ['processing', 'training']
   */
  readonly jobs?: ReadonlyArray<'processing' | 'training'>;
  /**
   * CloudWatch namespaces the jobs publish their own metrics to, besides SageMaker's.
   * @default - none
   */
  readonly metricNamespaces?: readonly string[];
  /** @default 'Runs the SageMaker pipeline of the project and its processing and training jobs' */
  readonly description?: string;
  /**
   * A fixed role name, for a role another account's trust policy must name (aws:PrincipalArn).
   * @default - a name CloudFormation generates
   */
  readonly roleName?: string;
  /** The container images the jobs run. */
  readonly images: readonly SageMakerImage[];
  /**
   * The project's own image repositories the jobs pull from (the derived step images).
   * @default - none
   */
  readonly imageRepositoryArns?: readonly string[];
  /**
   * Whether the jobs run in a VPC: SageMaker then creates their network interfaces with this role.
   * @default false
   */
  readonly vpc?: boolean;
  /**
   * The MLflow App or tracking server the steps log to, and its artifact store.
   * @default - no MLflow access
   */
  readonly mlflow?: MlflowAccess;
}

/** What the steps need to log to MLflow. */
export interface MlflowAccess {
  /** An MLflow App or a tracking server: they take different IAM actions. */
  readonly kind: MlflowArnKind;
  /** The app's or server's ARN (or a token of it). */
  readonly arn: string;
  /** The artifact store, which the MLflow client reads and writes itself. */
  readonly artifactStore: {
    readonly bucketName: string;
    /** The key prefix, without a trailing slash; empty for the whole bucket. */
    readonly prefix: string;
    /** @default - the store is not encrypted with a customer managed key */
    readonly kmsKeyArn?: string;
  };
}

/**
 * What SageMaker needs to put a processing or training job in a VPC ("SageMaker AI execution roles",
 * CreateProcessingJob and CreateTrainingJob API: Execution Role Permissions): it creates, and deletes,
 * the jobs' network interfaces with the execution role.
 */
export const JOB_VPC_ACTIONS = [
  'ec2:CreateNetworkInterface', 'ec2:CreateNetworkInterfacePermission', 'ec2:DeleteNetworkInterface', 'ec2:DeleteNetworkInterfacePermission',
  'ec2:DescribeNetworkInterfaces', 'ec2:DescribeVpcs', 'ec2:DescribeDhcpOptions', 'ec2:DescribeSubnets', 'ec2:DescribeSecurityGroups',
] as const;

const JOB_VPC_WILDCARD_REASON = 'the EC2 network-interface actions of jobs in a VPC use "*" with no condition, as the SageMaker AI execution roles page requires '
  + '("Don\'t scope in the policy with any conditions or resource filters. Otherwise, the validation checks that occur during the creation of the processing job fail")';

/**
 * An MLflow App's data plane: `sagemaker:CallMlflowAppApi` admits the MLflow REST calls (the
 * sagemaker-mlflow plugin signs app requests for the `sagemaker` service), and DescribeMlflowApp lets
 * the client read the app. The app's statement also grants MLFLOW_TRACKING_SERVER_ACTIONS: the
 * Service Authorization Reference lists the `sagemaker-mlflow:` actions on the tracking server only,
 * but "Set up IAM permissions for MLflow Apps" says authorization for sagemaker-mlflow actions must be
 * configured, and AWS's managed policy for job roles, AmazonSageMakerJobFullAccess, grants both
 * namespaces on `mlflow-app/*`.
 */
export const MLFLOW_APP_ACTIONS = ['sagemaker:CallMlflowAppApi', 'sagemaker:DescribeMlflowApp'] as const;

/**
 * A tracking server's data plane: what a step that sets its experiment, opens (nested) runs, logs
 * parameters, metrics, tags, dataset inputs, figures and an MLflow 3 model needs ("Actions, resources,
 * and condition keys for Amazon SageMaker with MLflow"), plus SearchRuns and GetExperiment: the steps
 * find the pipeline execution's run by its tag, and set_experiment reads back the experiment it creates.
 */
export const MLFLOW_TRACKING_SERVER_ACTIONS = [
  'GetExperimentByName', 'GetExperiment', 'CreateExperiment', 'CreateRun', 'UpdateRun', 'GetRun', 'SearchRuns',
  'LogBatch', 'LogMetric', 'LogParam', 'SetTag', 'LogInputs', 'LogOutputs',
  'LogModel', 'FinalizeLoggedModel', 'GetLoggedModel', 'SetLoggedModelTags', 'LogLoggedModelParams', 'SearchLoggedModels', 'ListArtifacts',
].map((action) => `sagemaker-mlflow:${action}`);

/**
 * The role of the SageMaker pipeline and of the jobs it starts, scoped to the project: its
 * bucket prefixes, its key, its model package group, the jobs' log groups and the two image
 * repositories. No AWS-managed policy.
 */
export class SageMakerExecutionRole extends Construct {
  public readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: SageMakerExecutionRoleProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.role = new iam.Role(this, 'Resource', {
      assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com'),
      description: props.description ?? 'Runs the SageMaker pipeline of the project and its processing and training jobs',
      roleName: props.roleName,
    });
    const role = this.role;

    // Data: read the inputs, write each execution's outputs; nothing may be deleted.
    const objects = (prefixes: readonly string[]) => prefixes.map((prefix) => props.bucket.arnForObjects(`${prefix}/*`));
    role.addToPolicy(new iam.PolicyStatement({ sid: 'ReadWriteExecutionData', actions: ['s3:GetObject', 's3:PutObject'], resources: objects(props.writePrefixes) }));
    role.addToPolicy(new iam.PolicyStatement({ sid: 'ReadInputData', actions: ['s3:GetObject'], resources: objects(props.readPrefixes) }));
    role.addToPolicy(new iam.PolicyStatement({
      sid: 'ListProjectPrefixes',
      actions: ['s3:ListBucket'],
      resources: [props.bucket.bucketArn],
      conditions: { StringLike: { 's3:prefix': [...props.writePrefixes, ...props.readPrefixes].map((p) => `${p}/*`) } },
    }));
    for (const prefix of [...props.writePrefixes, ...props.readPrefixes]) {
      acknowledgeWildcardResource(role, props.bucket.arnForObjects(`${prefix}/*`),
        `SageMaker names the objects of each execution at run time; the wildcard covers only the prefix ${prefix}/ of the project bucket`);
    }
    role.addToPolicy(new iam.PolicyStatement({
      sid: 'UseProjectKey',
      actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'],
      resources: [props.key.keyArn],
    }));
    role.addToPolicy(new iam.PolicyStatement({
      sid: 'EncryptJobVolumes',
      actions: ['kms:CreateGrant'],
      resources: [props.key.keyArn],
      conditions: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
    }));

    // Images: pull the two SageMaker-owned repositories.
    role.addToPolicy(new iam.PolicyStatement({
      sid: 'PullStepImages',
      actions: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'],
      resources: [...new Set([...props.images.map((image) => image.repositoryArn), ...props.imageRepositoryArns ?? []])],
    }));
    // ecr:GetAuthorizationToken has no resource type: IAM only accepts "*" for it.
    role.addToPolicy(new iam.PolicyStatement({ sid: 'EcrLogin', actions: ['ecr:GetAuthorizationToken'], resources: ['*'] }));
    // cloudwatch:PutMetricData has no resource type either; the condition keeps it to SageMaker's namespaces.
    role.addToPolicy(new iam.PolicyStatement({
      sid: 'JobMetrics',
      actions: ['cloudwatch:PutMetricData'],
      resources: ['*'],
      conditions: { StringLike: { 'cloudwatch:namespace': ['/aws/sagemaker/*', ...(props.metricNamespaces ?? [])] } },
    }));
    if (props.vpc === true) {
      role.addToPolicy(new iam.PolicyStatement({ sid: 'JobNetworkInterfaces', actions: [...JOB_VPC_ACTIONS], resources: ['*'] }));
    }
    acknowledgeWildcardResource(role, '*',
      'only ecr:GetAuthorizationToken and cloudwatch:PutMetricData (limited to the /aws/sagemaker/ namespaces) use "*": neither action has a resource type in IAM'
      + (props.vpc === true ? `; ${JOB_VPC_WILDCARD_REASON}` : ''));

    // Logs of the jobs the pipeline starts.
    const kinds = props.jobs ?? ['processing', 'training'];
    grantJobLogs(role, kinds.map((kind) => JOB_LOG_GROUPS[kind]), 'each job writes to log streams named after the job, which SageMaker names at run time');

    // The jobs the pipeline starts and stops (SageMaker names them at run time).
    const jobs = kinds.map((kind) => stack.formatArn({ service: 'sagemaker', resource: `${kind}-job`, resourceName: '*' }));
    const jobActions = kinds.flatMap((kind) => {
      const name = kind === 'processing' ? 'ProcessingJob' : 'TrainingJob';
      return [`sagemaker:Create${name}`, `sagemaker:Describe${name}`, `sagemaker:Stop${name}`];
    });
    role.addToPolicy(new iam.PolicyStatement({ sid: 'RunPipelineJobs', actions: [...jobActions, 'sagemaker:AddTags'], resources: jobs }));
    for (const job of jobs) {
      acknowledgeWildcardResource(role, job, 'SageMaker Pipelines names the jobs of each execution at run time');
    }
    props.modelPackageGroup?.grantRegister(role);

    // The pipeline hands this role to the jobs it starts, and to nothing else.
    role.addToPolicy(new iam.PolicyStatement({
      sid: 'PassRoleToJobs',
      actions: ['iam:PassRole'],
      resources: [role.roleArn],
      conditions: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } },
    }));

    if (props.mlflow !== undefined) {
      grantMlflow(role, props.mlflow);
    }
  }

  /** The buckets (resolved) whose KMS key the role may already decrypt with through S3 ({@link grantReadObject}). */
  private readonly decryptingBuckets = new Set<string>();

  /**
   * Lets the jobs read one S3 object (a step script or the default input uploaded as an asset). The CDK
   * bootstrap bucket that holds the assets may be encrypted with a customer managed key (`cdk bootstrap
   * --bootstrap-customer-key` or `--bootstrap-kms-key-id`), whose id the app cannot know: reading an SSE-KMS
   * object needs kms:Decrypt on its key (Amazon S3 User Guide, "Using server-side encryption with AWS KMS
   * keys"), so the role may decrypt with any key of this account, only through S3 in this region and only
   * for that bucket's objects (their encryption context, aws:s3:arn).
   */
  public grantReadObject(bucketName: string, objectKey: string): void {
    const stack = Stack.of(this);
    const bucketArn = stack.formatArn({ service: 's3', region: '', account: '', resource: bucketName });
    this.role.addToPolicy(new iam.PolicyStatement({
      actions: ['s3:GetObject'],
      resources: [stack.formatArn({ service: 's3', region: '', account: '', resource: bucketName, resourceName: objectKey })],
    }));
    this.role.addToPolicy(new iam.PolicyStatement({
      actions: ['s3:ListBucket'],
      resources: [bucketArn],
      conditions: { StringEquals: { 's3:prefix': [objectKey] } },
    }));
    const resolved = JSON.stringify(stack.resolve(bucketName));
    if (!this.decryptingBuckets.has(resolved)) {
      this.decryptingBuckets.add(resolved);
      const keys = stack.formatArn({ service: 'kms', resource: 'key', resourceName: '*' });
      this.role.addToPolicy(new iam.PolicyStatement({
        actions: ['kms:Decrypt'],
        resources: [keys],
        conditions: {
          StringEquals: { 'kms:ViaService': `s3.${stack.region}.amazonaws.com` },
          StringLike: { 'kms:EncryptionContext:aws:s3:arn': [bucketArn, `${bucketArn}/*`] },
        },
      }));
      acknowledgeWildcardResource(this.role, keys, 'the CDK bootstrap bucket\'s key, when it has a customer managed one, is chosen at cdk bootstrap; '
        + 'the statement only decrypts through S3 in this region, objects of the asset bucket');
    }
  }
}

/**
 * Lets `role` log to the MLflow App or tracking server (only the statement of its kind: on an app,
 * MLFLOW_APP_ACTIONS and the `sagemaker-mlflow:` actions; on a server, the `sagemaker-mlflow:` actions)
 * and use its artifact store.
 */
export function grantMlflow(role: iam.Role, access: MlflowAccess): void {
  const actions = access.kind === 'app' ? [...MLFLOW_APP_ACTIONS, ...MLFLOW_TRACKING_SERVER_ACTIONS] : MLFLOW_TRACKING_SERVER_ACTIONS;
  role.addToPolicy(new iam.PolicyStatement({ sid: access.kind === 'app' ? 'LogToMlflowApp' : 'LogToMlflowTrackingServer', actions, resources: [access.arn] }));
  const store = access.artifactStore;
  const stack = Stack.of(role);
  const objects = stack.formatArn({ service: 's3', region: '', account: '', resource: store.bucketName, resourceName: store.prefix === '' ? '*' : `${store.prefix}/*` });
  role.addToPolicy(new iam.PolicyStatement({ sid: 'ReadWriteMlflowArtifacts', actions: ['s3:GetObject', 's3:PutObject'], resources: [objects] }));
  role.addToPolicy(new iam.PolicyStatement({
    sid: 'ListMlflowArtifacts',
    actions: ['s3:ListBucket'],
    resources: [stack.formatArn({ service: 's3', region: '', account: '', resource: store.bucketName })],
    ...(store.prefix === '' ? {} : { conditions: { StringLike: { 's3:prefix': [`${store.prefix}/*`] } } }),
  }));
  acknowledgeWildcardResource(role, objects, `MLflow names its artifact objects at run time; the wildcard covers only the artifact store ${store.prefix || 'bucket'}`);
  if (store.kmsKeyArn !== undefined) {
    role.addToPolicy(new iam.PolicyStatement({ sid: 'UseMlflowArtifactKey', actions: ['kms:Decrypt', 'kms:GenerateDataKey'], resources: [store.kmsKeyArn] }));
  }
}
