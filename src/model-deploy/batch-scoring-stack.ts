import { ArnFormat, Stack, StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { Construct } from 'constructs';
import { ConfigError, ProjectConfig, ResolvedBatchScoring, acceptsVolumeKmsKey, parseS3Uri } from '../config';
import { ArtifactStore, cdkEnvironment } from '../constructs';
import { SageMakerPipeline } from '../model-build/sagemaker-pipeline';
import { acknowledgeWildcardResource } from '../validation/acknowledge';
import { BatchScoringAlerts } from './batch-scoring-alerts';
import { batchScoringDefinition, batchScoringPipelineName } from './batch-scoring-pipeline';
import { ResolvedModel } from '../app-context/resolved-model';
import { ScheduledPipeline, pipelineSchedule } from './pipeline-schedule';
import { modelImageRepositoryArn } from './artifact-arns';

/** Key prefix of the results in the stack's own bucket, when batchScoring.outputUri is not set. */
export const BATCH_SCORING_OUTPUT_PREFIX = 'batch-scoring';

export interface BatchScoringStackProps extends StackProps {
  readonly config: ProjectConfig;
  /** The release: the model version the scoring runs. */
  readonly model: ResolvedModel;
}

/**
 * Batch scoring in the production environment (`batchScoring`): a SageMaker model of the
 * release (from its model package), the one-step pipeline `<project>-batch-scoring` whose
 * Transform step scores `inputUri` (see {@link batchScoringDefinition}), and an EventBridge
 * Scheduler schedule that starts it (the templated SageMaker StartPipelineExecution target).
 *
 * Least privilege: the model's role (which the transform job reads and writes S3 with) may read
 * only the input prefix and the model artifact, write only the output prefix, and use only the
 * stack's key and `kmsKeyArn`; the pipeline's role may only run transform jobs; the scheduler's
 * role may only start this pipeline. A failed or stopped run notifies the alert recipients
 * ({@link BatchScoringAlerts}).
 */
export class BatchScoringStack extends Stack {
  public readonly storage: ArtifactStore;
  public readonly modelRole: iam.Role;
  public readonly model: sagemaker.CfnModel;
  public readonly pipeline: SageMakerPipeline;
  public readonly pipelineName: string;
  public readonly schedule: scheduler.CfnSchedule;
  /** The rule and topic that report failed or stopped runs. */
  public readonly alerts: BatchScoringAlerts;
  /** Where the runs write: `<outputUri>/<execution id>/`. */
  public readonly outputUri: string;

  constructor(scope: Construct, id: string, props: BatchScoringStackProps) {
    const { config, model, ...stackProps } = props;
    const scoring = config.batchScoring;
    if (scoring === undefined) {
      throw new ConfigError('a batch-scoring stack needs the batchScoring option');
    }
    super(scope, id, {
      description: `sagemaker-gitops ${config.projectName}: batch scoring with model version ${model.version}${model.placeholder ? ' (PLACEHOLDER)' : ''}`,
      ...stackProps,
      env: cdkEnvironment(config.environments.prod),
    });
    this.pipelineName = batchScoringPipelineName(config.projectName);
    this.storage = new ArtifactStore(this, 'Data', {
      keyAlias: `${config.projectName}-batch-scoring`,
      description: `Encrypts the batch scoring results of the SageMaker project ${config.projectName}`,
    });
    const { bucket, key } = this.storage;
    this.outputUri = scoring.outputUri?.replace(/\/+$/, '') ?? `s3://${bucket.bucketName}/${BATCH_SCORING_OUTPUT_PREFIX}`;
    const outputKeyArn = scoring.kmsKeyArn ?? key.keyArn;
    // TransformResources.VolumeKmsKeyId: refused on instance types with instance storage (encrypted by their hardware).
    const volumeKeyArn = acceptsVolumeKmsKey(scoring.instanceType) ? key.keyArn : undefined;

    this.modelRole = this.createModelRole(scoring, model, outputKeyArn);
    this.model = new sagemaker.CfnModel(this, 'Model', {
      executionRoleArn: this.modelRole.roleArn,
      primaryContainer: { modelPackageName: model.modelPackageArn },
    });
    this.model.node.addDependency(this.modelRole);

    const pipelineRole = new iam.Role(this, 'PipelineRole', {
      assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com'),
      description: `Runs the transform jobs of ${this.pipelineName}`,
    });
    const transformJobs = this.formatArn({ service: 'sagemaker', resource: 'transform-job', resourceName: '*' });
    pipelineRole.addToPolicy(new iam.PolicyStatement({
      sid: 'RunTransformJobs', actions: ['sagemaker:CreateTransformJob', 'sagemaker:DescribeTransformJob', 'sagemaker:StopTransformJob', 'sagemaker:AddTags'], resources: [transformJobs],
    }));
    acknowledgeWildcardResource(pipelineRole, transformJobs, 'SageMaker Pipelines names the transform job of each execution at run time');
    if (volumeKeyArn !== undefined) {
      // The job's volume is encrypted with the stack key. No page says which role SageMaker creates the volume's grant as
      // for a transform job: the role that creates the job, or the job's execution role, which for a transform job is the
      // model's (SageMaker Developer Guide, "How to use SageMaker AI execution roles", gives the execution role
      // kms:CreateGrant for a volume key). Both may use the key for the volume.
      for (const role of [pipelineRole, this.modelRole]) {
        role.addToPolicy(new iam.PolicyStatement({
          sid: 'EncryptVolume', actions: ['kms:DescribeKey', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:Decrypt'], resources: [volumeKeyArn],
        }));
        role.addToPolicy(new iam.PolicyStatement({
          sid: 'GrantVolumeKey', actions: ['kms:CreateGrant'], resources: [volumeKeyArn], conditions: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
        }));
      }
    }

    this.pipeline = new SageMakerPipeline(this, 'Pipeline', {
      pipelineName: this.pipelineName,
      description: `Scores ${scoring.inputUri} with model version ${model.version} of ${model.modelPackageGroupName}`,
      role: pipelineRole,
      definition: batchScoringDefinition({
        scoring, modelName: this.model.attrModelName, outputUri: this.outputUri, outputKmsKeyId: outputKeyArn, volumeKmsKeyId: volumeKeyArn,
      }),
      bucket,
    });
    this.pipeline.node.addDependency(this.model);
    const scheduled = this.createSchedule(scoring);
    this.schedule = scheduled.schedule;
    this.alerts = new BatchScoringAlerts(this, 'Alerts', { config, pipelineName: this.pipelineName, key, alarms: [scheduled.failedAlarm] });
  }

  /** The role of the model, which the transform job pulls the image, reads the input and writes the results with. */
  private createModelRole(scoring: ResolvedBatchScoring, model: ResolvedModel, outputKeyArn: string): iam.Role {
    const role = new iam.Role(this, 'ModelRole', {
      assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com'),
      description: `Runs the batch scoring model of ${this.stackName}: pulls its image, reads its artifact and the input, writes the results`,
    });
    role.addToPolicy(new iam.PolicyStatement({
      sid: 'PullImage', actions: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'], resources: [modelImageRepositoryArn(model, this.region)],
    }));
    role.addToPolicy(new iam.PolicyStatement({ sid: 'EcrLogin', actions: ['ecr:GetAuthorizationToken'], resources: ['*'] }));
    role.addToPolicy(new iam.PolicyStatement({
      sid: 'Metrics', actions: ['cloudwatch:PutMetricData'], resources: ['*'], conditions: { StringLike: { 'cloudwatch:namespace': '/aws/sagemaker/*' } },
    }));
    acknowledgeWildcardResource(role, '*', 'only ecr:GetAuthorizationToken and cloudwatch:PutMetricData (limited to the /aws/sagemaker/ namespaces) use "*": neither action has a resource type in IAM');
    const logGroup = this.formatArn({ service: 'logs', resource: 'log-group', resourceName: '/aws/sagemaker/TransformJobs', arnFormat: ArnFormat.COLON_RESOURCE_NAME });
    role.addToPolicy(new iam.PolicyStatement({ sid: 'CreateLogGroup', actions: ['logs:CreateLogGroup'], resources: [logGroup] }));
    role.addToPolicy(new iam.PolicyStatement({ sid: 'Logs', actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'], resources: [`${logGroup}:*`] }));
    acknowledgeWildcardResource(role, `${logGroup}:*`, 'SageMaker writes one log stream per transform job and instance, named at run time');

    const s3Arn = (bucketName: string, key = '') => `arn:${this.partition}:s3:::${bucketName}${key}`;
    if (model.modelDataUrl) {
      const artifact = parseS3Uri('the model artifact', model.modelDataUrl);
      role.addToPolicy(new iam.PolicyStatement({ sid: 'ReadModelArtifact', actions: ['s3:GetObject'], resources: [s3Arn(artifact.bucket, `/${artifact.key}`)] }));
    }
    if (model.artifactKmsKeyArn) {
      role.addToPolicy(new iam.PolicyStatement({ sid: 'DecryptModelArtifact', actions: ['kms:Decrypt'], resources: [model.artifactKmsKeyArn] }));
    }
    // TransformS3DataSource S3Prefix: the job lists and reads every key that starts with the prefix as written (a folder only with a trailing "/").
    const input = parseS3Uri('batchScoring.inputUri', scoring.inputUri);
    const inputPrefix = scoring.inputUri.endsWith('/') ? `${input.key}/` : input.key;
    const inputObjects = s3Arn(input.bucket, `/${inputPrefix}*`);
    role.addToPolicy(new iam.PolicyStatement({ sid: 'ReadInput', actions: ['s3:GetObject'], resources: [inputObjects] }));
    role.addToPolicy(new iam.PolicyStatement({
      sid: 'ListInput', actions: ['s3:ListBucket'], resources: [s3Arn(input.bucket)], conditions: { StringLike: { 's3:prefix': `${inputPrefix}*` } },
    }));
    acknowledgeWildcardResource(role, inputObjects, 'the transform job scores every object whose key starts with the input prefix (S3Prefix); the wildcard covers only that prefix');
    if (scoring.inputKmsKeyArn !== undefined) {
      role.addToPolicy(new iam.PolicyStatement({ sid: 'DecryptInput', actions: ['kms:Decrypt'], resources: [scoring.inputKmsKeyArn] }));
    }
    const output = scoring.outputUri !== undefined ? parseS3Uri('batchScoring.outputUri', scoring.outputUri) : undefined;
    const outputObjects = output ? s3Arn(output.bucket, `/${output.key}/*`) : this.storage.bucket.arnForObjects(`${BATCH_SCORING_OUTPUT_PREFIX}/*`);
    role.addToPolicy(new iam.PolicyStatement({ sid: 'WriteResults', actions: ['s3:PutObject', 's3:AbortMultipartUpload'], resources: [outputObjects] }));
    acknowledgeWildcardResource(role, outputObjects, 'each run writes one result file per input file under its execution id; the wildcard covers only the output prefix');
    // SSE-KMS uploads need GenerateDataKey, and Decrypt for their multipart parts (S3 user guide "Protecting data with server-side encryption using AWS KMS keys").
    role.addToPolicy(new iam.PolicyStatement({ sid: 'EncryptResults', actions: ['kms:GenerateDataKey', 'kms:Encrypt', 'kms:Decrypt'], resources: [outputKeyArn] }));
    return role;
  }

  /** EventBridge Scheduler's templated target for SageMaker StartPipelineExecution, with a role that may start only this pipeline. */
  private createSchedule(scoring: ResolvedBatchScoring): ScheduledPipeline {
    return pipelineSchedule(this, {
      pipelineName: this.pipelineName, pipeline: this.pipeline, schedule: scoring.schedule, roleDescription: `Starts ${this.pipelineName} on its schedule`,
    });
  }
}
