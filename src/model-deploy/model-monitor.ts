import { createHash } from 'node:crypto';
import { Lazy, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { ConfigError, ModelMonitorOptions, checkAcceptsVolumeKmsKey } from '../config';
import { modelMonitorImage } from '../images';
import { TopicNotice } from '../constructs/event-delivery';
import { JOB_LOG_GROUPS, grantJobLogs } from '../model-build/job-logs';
import { acknowledgeWildcardResource } from '../validation/acknowledge';
import { ResolvedModel } from '../app-context/resolved-model';
import type { DeployStageName as Stage } from '../app-context/resource-names';
import { s3Location, s3ObjectArn } from './artifact-arns';
import { ModelMonitorViolations, monitoringJobEventPattern } from './model-monitor-violations';

const BASELINE = 'the Model Monitor baseline';

/** Key prefix of the Model Monitor reports in the stage bucket. */
export const MODEL_MONITOR_REPORT_PREFIX = 'model-monitor-reports';

/** The namespace Model Monitor publishes an endpoint's data-quality metrics to. */
export const MODEL_MONITOR_METRIC_NAMESPACE = 'aws/sagemaker/Endpoints/data-metrics';

export interface ModelMonitorScheduleProps {
  readonly stage: Stage;
  readonly model: ResolvedModel;
  readonly bucket: s3.IBucket;
  readonly key: kms.IKey;
  readonly endpointName: string;
  /** The key prefix under which the endpoint's requests are captured. */
  readonly capturePrefix: string;
  readonly options: Required<ModelMonitorOptions>;
  /** Where a failed or stopped monitoring job is reported: the stage's alert topic. */
  readonly alertTopic: sns.ITopic;
}

/** The end states of a monitoring job that checked nothing: someone has to look. */
export const ALERTED_MONITORING_JOB_STATUSES: readonly string[] = ['Failed', 'Stopped'];

/** The container paths the analyzer reads the captured requests from and writes its report to. */
const ENDPOINT_INPUT_DIR = '/opt/ml/processing/input/endpoint';
const OUTPUT_DIR = '/opt/ml/processing/output';
/** An hourly job must end within the hour. */
const MAX_RUNTIME_SECONDS = 3600;

/**
 * SageMaker Model Monitor's data-quality schedule for an endpoint (an opt-in for accounts that
 * may still use Model Monitor): the analyzer checks the captured requests against the statistics
 * and constraints that model-build suggested for the model version, and writes a report with
 * any violations to the stage bucket. Its job definition is named after a digest of its
 * properties, so a new version's baseline, or any other change, replaces it instead of colliding with it.
 */
export class ModelMonitorSchedule extends Construct {
  public readonly role: iam.Role;
  public readonly jobDefinition: sagemaker.CfnDataQualityJobDefinition;
  public readonly schedule: sagemaker.CfnMonitoringSchedule;
  public readonly scheduleName: string;
  /** `<schedule>-failed`: a monitoring job that failed or was stopped, sent to the alert topic (with its undelivered-events alarm). */
  public readonly failedNotice: TopicNotice;
  /** Whether each execution found violations, and the alarm that tells the alert topic when one did. */
  public readonly violations: ModelMonitorViolations;

  constructor(scope: Construct, id: string, props: ModelMonitorScheduleProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const { model, options, bucket, key } = props;
    const statistics = model.dataQualityStatisticsUri;
    const constraints = model.dataQualityConstraintsUri;
    if (!statistics || !constraints) {
      throw new ConfigError(
        `model package ${model.modelPackageArn} carries no Model Monitor data-quality baseline (ModelMetrics.ModelDataQuality), ` +
        `which endpoints.${props.stage}.modelMonitor checks the captured requests against; model-build suggests it when a stage ` +
        `has modelMonitor on: run the model-build pipeline again and approve the new version, or set endpoints.${props.stage}.modelMonitor: false`,
      );
    }
    // The job's volume is encrypted with the stage key, which SageMaker refuses on instance types with local storage.
    checkAcceptsVolumeKmsKey(`endpoints.${props.stage}.modelMonitor.instanceType`, options.instanceType, 'the stage\'s KMS key');
    const image = modelMonitorImage(stack.region);
    const reportPrefix = `${MODEL_MONITOR_REPORT_PREFIX}/${props.endpointName}`;
    this.scheduleName = `${props.endpointName}-data-quality`;

    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com'),
      description: `Runs the Model Monitor data-quality jobs of the endpoint ${props.endpointName}`,
    });
    const role = this.role;
    const captured = bucket.arnForObjects(`${props.capturePrefix}/*`);
    const reports = bucket.arnForObjects(`${reportPrefix}/*`);
    role.addToPolicy(new iam.PolicyStatement({ sid: 'ReadCapturedData', actions: ['s3:GetObject'], resources: [captured] }));
    role.addToPolicy(new iam.PolicyStatement({ sid: 'WriteReports', actions: ['s3:PutObject'], resources: [reports] }));
    role.addToPolicy(new iam.PolicyStatement({
      sid: 'ListCapturedData', actions: ['s3:ListBucket'], resources: [bucket.bucketArn],
      conditions: { StringLike: { 's3:prefix': [`${props.capturePrefix}/*`, `${reportPrefix}/*`] } },
    }));
    acknowledgeWildcardResource(role, captured, 'SageMaker names the captured-data files by variant, hour and request batch; the wildcard covers only this endpoint\'s capture prefix');
    acknowledgeWildcardResource(role, reports, 'Model Monitor names each report after its scheduled hour; the wildcard covers only this endpoint\'s report prefix');
    role.addToPolicy(new iam.PolicyStatement({
      sid: 'UseStageKey', actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'], resources: [key.keyArn],
    }));
    role.addToPolicy(new iam.PolicyStatement({
      sid: 'EncryptJobVolume', actions: ['kms:CreateGrant'], resources: [key.keyArn], conditions: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
    }));
    // The baseline files of this model version, in the model-build bucket.
    role.addToPolicy(new iam.PolicyStatement({ sid: 'ReadBaseline', actions: ['s3:GetObject'], resources: [s3ObjectArn(stack, statistics, BASELINE), s3ObjectArn(stack, constraints, BASELINE)] }));
    // The job gets them as processing inputs, which SageMaker downloads as S3 prefixes: a ListObjectsV2 of each key
    // (SageMaker API Reference, "ProcessingS3Input": S3Prefix; Amazon S3 "Policy actions": ListObjectsV2 is s3:ListBucket).
    const baselineFiles = [s3Location(statistics, BASELINE), s3Location(constraints, BASELINE)];
    for (const [index, bucketName] of [...new Set(baselineFiles.map((file) => file.bucket))].entries()) {
      role.addToPolicy(new iam.PolicyStatement({
        sid: `ListBaseline${index === 0 ? '' : index + 1}`, actions: ['s3:ListBucket'], resources: [`arn:${stack.partition}:s3:::${bucketName}`],
        conditions: { StringLike: { 's3:prefix': baselineFiles.filter((file) => file.bucket === bucketName).map((file) => `${file.key}*`) } },
      }));
    }
    if (model.artifactKmsKeyArn) {
      role.addToPolicy(new iam.PolicyStatement({ sid: 'DecryptBaseline', actions: ['kms:Decrypt'], resources: [model.artifactKmsKeyArn] }));
    }
    role.addToPolicy(new iam.PolicyStatement({
      sid: 'PullAnalyzer', actions: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'], resources: [image.repositoryArn],
    }));
    // ecr:GetAuthorizationToken and cloudwatch:PutMetricData have no resource type: IAM only accepts "*" for them.
    role.addToPolicy(new iam.PolicyStatement({ sid: 'EcrLogin', actions: ['ecr:GetAuthorizationToken'], resources: ['*'] }));
    role.addToPolicy(new iam.PolicyStatement({
      sid: 'DataQualityMetrics', actions: ['cloudwatch:PutMetricData'], resources: ['*'],
      conditions: { StringLike: { 'cloudwatch:namespace': ['/aws/sagemaker/*', MODEL_MONITOR_METRIC_NAMESPACE] } },
    }));
    acknowledgeWildcardResource(role, '*', 'only ecr:GetAuthorizationToken and cloudwatch:PutMetricData (limited to SageMaker\'s namespaces) use "*": neither action has a resource type in IAM');
    grantJobLogs(role, [JOB_LOG_GROUPS.processing], 'each monitoring job writes to log streams named after the job, which SageMaker names at run time');

    const definition: Omit<sagemaker.CfnDataQualityJobDefinitionProps, 'jobDefinitionName'> = {
      roleArn: role.roleArn,
      dataQualityAppSpecification: { imageUri: image.uri },
      dataQualityBaselineConfig: {
        statisticsResource: { s3Uri: statistics },
        constraintsResource: { s3Uri: constraints },
      },
      dataQualityJobInput: {
        endpointInput: { endpointName: props.endpointName, localPath: ENDPOINT_INPUT_DIR, s3InputMode: 'File', s3DataDistributionType: 'FullyReplicated' },
      },
      dataQualityJobOutputConfig: {
        kmsKeyId: key.keyArn,
        monitoringOutputs: [{ s3Output: { localPath: OUTPUT_DIR, s3Uri: `s3://${bucket.bucketName}/${reportPrefix}`, s3UploadMode: 'EndOfJob' } }],
      },
      jobResources: { clusterConfig: { instanceCount: 1, instanceType: options.instanceType, volumeSizeInGb: 20, volumeKmsKeyId: key.keyArn } },
      networkConfig: { enableInterContainerTrafficEncryption: true },
      stoppingCondition: { maxRuntimeInSeconds: MAX_RUNTIME_SECONDS },
    };
    // Every property of a job definition but EndpointName requires replacement, and CloudFormation
    // cannot replace a resource with a custom name (CloudFormation Template Reference,
    // AWS::SageMaker::DataQualityJobDefinition): the name carries a digest of all of them (tags
    // included, as the template has them), so any change makes a new definition for the schedule.
    const jobDefinitionName = Lazy.string({
      produce: () => `${props.endpointName}-data-quality-${digestOf(stack.resolve({ ...definition, tags: this.jobDefinition.tags.renderTags() }))}`,
    });
    this.jobDefinition = new sagemaker.CfnDataQualityJobDefinition(this, 'JobDefinition', { ...definition, jobDefinitionName });
    this.jobDefinition.node.addDependency(role);

    this.schedule = new sagemaker.CfnMonitoringSchedule(this, 'Schedule', {
      monitoringScheduleName: this.scheduleName,
      endpointName: props.endpointName,
      monitoringScheduleConfig: {
        monitoringJobDefinitionName: jobDefinitionName,
        monitoringType: 'DataQuality',
        scheduleConfig: { scheduleExpression: options.schedule },
      },
    });
    this.schedule.addResourceDependency(this.jobDefinition);

    // A job that failed checked nothing, and would otherwise fail every hour unseen (the report prefix stays empty).
    // Violations: the job ends Completed either way, and the execution's status says which (ModelMonitorViolations,
    // which also tells when no execution gives a result: one that fails before it starts a job sends no event).
    this.failedNotice = new TopicNotice(this, 'JobFailed', {
      topic: props.alertTopic,
      what: `the failed or stopped Model Monitor jobs of ${props.endpointName}`,
      rule: {
        ruleName: `${this.scheduleName}-failed`,
        description: `Notifies ${props.endpointName}'s alert topic when a Model Monitor data-quality job fails or is stopped`,
        eventPattern: monitoringJobEventPattern(role.roleArn, ALERTED_MONITORING_JOB_STATUSES),
      },
    });
    this.violations = new ModelMonitorViolations(this, 'Violations', {
      scheduleName: this.scheduleName, scheduleExpression: options.schedule, jobRoleArn: role.roleArn, endpointName: props.endpointName, topic: props.alertTopic,
    });
  }

  /** Every alarm of the schedule, each notifying the alert topic (whose policy must let CloudWatch publish them). */
  public get alarms(): cloudwatch.Alarm[] {
    return [this.failedNotice.undeliveredAlarm, ...this.violations.alarms];
  }
}

/** The first 8 hexadecimal digits of the SHA-256 of a resolved value's JSON. */
function digestOf(resolved: unknown): string {
  return createHash('sha256').update(JSON.stringify(resolved)).digest('hex').slice(0, 8);
}
