import { ArnFormat, Duration, RemovalPolicy, Stack, StackProps } from 'aws-cdk-lib';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwactions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { ConfigError, ProjectConfig, ResolvedRealtimeEndpoint } from '../config';
import { ArtifactStore, cdkEnvironment } from '../constructs';
import { XGBOOST_VERSION, xgboostImage } from '../images';
import { acknowledgeWildcardResource } from '../validation/acknowledge';
import { DriftMonitor } from './drift-monitor';
import { ModelMonitorSchedule } from './model-monitor';
import { ResolvedModel } from './resolved-model';
import { StageModelCopy } from './stage-model-copy';
import { DEPLOY_STAGES, DeployStageName, resourceNamesOf } from '../project/resource-names';

/** The stages an approved model goes through. */
export const STAGES = DEPLOY_STAGES;
export type Stage = DeployStageName;

/** The single production variant of every endpoint. */
export const VARIANT_NAME = 'AllTraffic';

/** Key prefix of captured requests in the stage bucket. */
export const DATA_CAPTURE_PREFIX = 'datacapture';

export interface EndpointStackProps extends StackProps {
  readonly config: ProjectConfig;
  readonly stage: Stage;
  /** The model version to serve. */
  readonly model: ResolvedModel;
  /**
   * The model-deploy repository: the drift check's script is uploaded from it.
   * @default - the current directory
   */
  readonly repoDir?: string;
}

/** `<project>-<stage>`: the endpoint's name. */
export function endpointName(config: ProjectConfig, stage: Stage): string {
  return resourceNamesOf(config).endpoint(stage);
}

/**
 * One stage's endpoint, the same code for staging and production: the SageMaker model from the
 * approved model package, its endpoint configuration (serverless, or real-time with data
 * capture) and the endpoint `<project>-<stage>`; on real-time stages, as configured,
 * target-tracking autoscaling, blue/green deployment guardrails that roll back on 5XX and
 * latency alarms, and the scheduled drift check.
 */
export class EndpointStack extends Stack {
  public readonly endpointName: string;
  /** The stage's KMS key and bucket (retained): captured requests and drift reports. */
  public readonly storage: ArtifactStore;
  public readonly modelRole: iam.Role;
  public readonly model: sagemaker.CfnModel;
  public readonly endpointConfig: sagemaker.CfnEndpointConfig;
  public readonly endpoint: sagemaker.CfnEndpoint;
  /** Alarms that roll a deployment back (real-time with guardrails). */
  public readonly rollbackAlarms: cloudwatch.Alarm[] = [];
  /** Where alarms notify the reviewers (stages with alarms). */
  public readonly alertTopic?: sns.Topic;
  public readonly driftMonitor?: DriftMonitor;
  /** The copies of the version's files, for a stage in another region than the registry. */
  public readonly modelCopy?: StageModelCopy;
  /** The Model Monitor data-quality schedule (opt-in). */
  public readonly modelMonitor?: ModelMonitorSchedule;

  constructor(scope: Construct, id: string, props: EndpointStackProps) {
    const { config, stage, model, repoDir, ...stackProps } = props;
    if (!STAGES.includes(stage)) {
      throw new ConfigError(`stage must be one of ${STAGES.join(', ')}, got ${JSON.stringify(stage)}`);
    }
    const env = config.environments[stage];
    super(scope, id, {
      description: `sagemaker-gitops ${config.projectName}: the ${stage} endpoint (model version ${model.version}${model.placeholder ? ', PLACEHOLDER' : ''})`,
      ...stackProps,
      env: cdkEnvironment(env),
    });
    const endpoint = config.endpoints[stage];
    const build = config.environments.build;
    this.endpointName = endpointName(config, stage);
    this.storage = new ArtifactStore(this, 'Data', {
      keyAlias: `${config.projectName}-${stage}-data`,
      description: `Encrypts the ${stage} endpoint data of the SageMaker project ${config.projectName}`,
    });
    const { bucket, key } = this.storage;

    // SageMaker creates a model from a model package only in the package's region: a stage in
    // another region gets copies of the version's files and a model from the image and artifact.
    if (env.region !== build.region) {
      if (build.account === undefined || env.account === undefined) {
        throw new ConfigError(
          `environments.${stage}.region is ${env.region} but the model registry is in ${build.region}: a stage in another region needs ` +
          'explicit accounts (environments.build.account and environments.' + stage + '.account), for CodePipeline\'s cross-region replication',
        );
      }
      this.modelCopy = new StageModelCopy(this, 'ModelCopy', { model, bucket, key, sourceRegion: build.region });
    }
    const served = this.modelCopy?.model ?? model;
    const image = this.modelCopy ? imageInRegion(model, env.region) : undefined;
    this.modelRole = this.createModelRole(served, stage, image?.repositoryArn);
    this.model = new sagemaker.CfnModel(this, 'Model', {
      executionRoleArn: this.modelRole.roleArn,
      ...(image
        ? { primaryContainer: { image: image.uri, modelDataUrl: served.modelDataUrl } }
        : { containers: [{ modelPackageName: model.modelPackageArn }] }),
    });
    this.model.node.addDependency(this.modelRole);
    if (this.modelCopy) {
      this.modelCopy.addDependent(this.model);
      this.modelRole.addToPolicy(new iam.PolicyStatement({ sid: 'DecryptModelArtifact', actions: ['kms:Decrypt'], resources: [key.keyArn] }));
    }

    const capture = endpoint.type === 'realtime' ? endpoint.dataCapture : false;
    if (capture) {
      const prefix = `${DATA_CAPTURE_PREFIX}/${this.endpointName}`;
      this.modelRole.addToPolicy(new iam.PolicyStatement({ sid: 'WriteCapturedData', actions: ['s3:PutObject'], resources: [bucket.arnForObjects(`${prefix}/*`)] }));
      this.modelRole.addToPolicy(new iam.PolicyStatement({ sid: 'EncryptCapturedData', actions: ['kms:GenerateDataKey', 'kms:Encrypt'], resources: [key.keyArn] }));
      acknowledgeWildcardResource(this.modelRole, bucket.arnForObjects(`${prefix}/*`), 'SageMaker names the captured-data files by variant, hour and request batch; the wildcard covers only this endpoint\'s capture prefix');
    }

    this.endpointConfig = new sagemaker.CfnEndpointConfig(this, 'EndpointConfig', {
      productionVariants: [endpoint.type === 'serverless'
        ? { variantName: VARIANT_NAME, modelName: this.model.attrModelName, serverlessConfig: { memorySizeInMb: endpoint.memorySizeInMb, maxConcurrency: endpoint.maxConcurrency } }
        : { variantName: VARIANT_NAME, modelName: this.model.attrModelName, instanceType: endpoint.instanceType, initialInstanceCount: endpoint.instanceCount, initialVariantWeight: 1 }],
      // Volume encryption exists only for instances with EBS storage; serverless and NVMe-backed types refuse a key.
      kmsKeyId: endpoint.type === 'realtime' && hasEbsVolume(endpoint.instanceType) ? key.keyArn : undefined,
      dataCaptureConfig: capture ? {
        enableCapture: true,
        initialSamplingPercentage: capture.samplingPercentage,
        destinationS3Uri: `s3://${bucket.bucketName}/${DATA_CAPTURE_PREFIX}`,
        kmsKeyId: key.keyArn,
        captureOptions: [{ captureMode: 'Input' }, { captureMode: 'Output' }],
        captureContentTypeHeader: { csvContentTypes: ['text/csv'] },
      } : undefined,
    });

    if (endpoint.type === 'realtime' && (endpoint.deploymentGuardrails || endpoint.driftMonitoring)) {
      this.alertTopic = this.createAlertTopic(config, stage, key);
    }
    const guardrails = endpoint.type === 'realtime' ? endpoint.deploymentGuardrails : false;
    if (guardrails) {
      this.rollbackAlarms.push(...this.createRollbackAlarms(guardrails));
    }

    this.endpoint = new sagemaker.CfnEndpoint(this, 'Endpoint', {
      endpointName: this.endpointName,
      endpointConfigName: this.endpointConfig.attrEndpointConfigName,
      deploymentConfig: guardrails ? {
        blueGreenUpdatePolicy: {
          trafficRoutingConfiguration: trafficRouting(guardrails),
          terminationWaitInSeconds: guardrails.terminationWaitMinutes * 60,
          maximumExecutionTimeoutInSeconds: maximumExecutionSeconds(guardrails),
        },
        autoRollbackConfiguration: { alarms: this.rollbackAlarms.map((alarm) => ({ alarmName: alarm.alarmName })) },
      } : undefined,
    });
    if (stage === 'prod') {
      // A production endpoint outlives its stack: deleting the stack must not take it down.
      this.endpoint.applyRemovalPolicy(RemovalPolicy.RETAIN);
    }

    if (endpoint.type === 'realtime' && endpoint.autoscaling) {
      this.createAutoscaling(endpoint.autoscaling);
    }
    if (endpoint.type === 'realtime' && endpoint.driftMonitoring) {
      this.driftMonitor = new DriftMonitor(this, 'DriftMonitor', {
        config, stage, model: served, bucket, key,
        endpointName: this.endpointName,
        capturePrefix: `${DATA_CAPTURE_PREFIX}/${this.endpointName}`,
        options: endpoint.driftMonitoring,
        alertTopic: this.alertTopic!,
        repoDir: repoDir ?? process.cwd(),
      });
      this.driftMonitor.node.addDependency(this.endpoint);
      this.modelCopy?.addDependent(this.driftMonitor);
    }
    if (endpoint.type === 'realtime' && endpoint.modelMonitor) {
      this.modelMonitor = new ModelMonitorSchedule(this, 'ModelMonitor', {
        stage, model: served, bucket, key,
        endpointName: this.endpointName,
        capturePrefix: `${DATA_CAPTURE_PREFIX}/${this.endpointName}`,
        options: endpoint.modelMonitor,
      });
      this.modelMonitor.node.addDependency(this.endpoint);
      this.modelCopy?.addDependent(this.modelMonitor);
    }
  }

  /**
   * Lets the build account's live test invoke this endpoint through a role of this account
   * (when the stage is in an account of its own).
   */
  public allowLiveTestFrom(buildAccount: string, roleName: string): iam.Role {
    const role = new iam.Role(this, 'LiveTestRole', {
      roleName,
      assumedBy: new iam.AccountPrincipal(buildAccount),
      description: `Lets the model-deploy pipeline in ${buildAccount} test the endpoint ${this.endpointName}`,
    });
    role.addToPolicy(new iam.PolicyStatement({
      actions: ['sagemaker:InvokeEndpoint'],
      resources: [this.formatArn({ service: 'sagemaker', resource: 'endpoint', resourceName: this.endpointName.toLowerCase() })],
    }));
    return role;
  }

  /** The role the model runs as: pull its image, read its artifact, write its logs. */
  private createModelRole(model: ResolvedModel, stage: Stage, imageRepositoryArn?: string): iam.Role {
    const region = this.region;
    const role = new iam.Role(this, 'ModelRole', {
      assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com'),
      description: `Runs the ${stage} model of ${this.stackName}: pulls its image, reads its artifact, writes its logs`,
    });
    const image = imageRepositoryArn ? { repositoryArn: imageRepositoryArn }
      : model.imageUri ? parseImageUri(model.imageUri) : { repositoryArn: xgboostImage(region).repositoryArn };
    role.addToPolicy(new iam.PolicyStatement({
      sid: 'PullImage', actions: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'], resources: [image.repositoryArn],
    }));
    // ecr:GetAuthorizationToken and cloudwatch:PutMetricData have no resource type: IAM only accepts "*" for them.
    role.addToPolicy(new iam.PolicyStatement({ sid: 'EcrLogin', actions: ['ecr:GetAuthorizationToken'], resources: ['*'] }));
    role.addToPolicy(new iam.PolicyStatement({
      sid: 'Metrics', actions: ['cloudwatch:PutMetricData'], resources: ['*'], conditions: { StringLike: { 'cloudwatch:namespace': '/aws/sagemaker/*' } },
    }));
    acknowledgeWildcardResource(role, '*', 'only ecr:GetAuthorizationToken and cloudwatch:PutMetricData (limited to the /aws/sagemaker/ namespaces) use "*": neither action has a resource type in IAM');
    const logGroup = this.formatArn({ service: 'logs', resource: 'log-group', resourceName: `/aws/sagemaker/Endpoints/${this.endpointName}:*`, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
    role.addToPolicy(new iam.PolicyStatement({ sid: 'Logs', actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'], resources: [logGroup] }));
    acknowledgeWildcardResource(role, logGroup, 'SageMaker writes one log stream per instance of this endpoint, named at run time');
    if (model.modelDataUrl) {
      role.addToPolicy(new iam.PolicyStatement({ sid: 'ReadModelArtifact', actions: ['s3:GetObject'], resources: [s3ObjectArn(this, model.modelDataUrl)] }));
    }
    if (model.artifactKmsKeyArn) {
      role.addToPolicy(new iam.PolicyStatement({ sid: 'DecryptModelArtifact', actions: ['kms:Decrypt'], resources: [model.artifactKmsKeyArn] }));
    }
    return role;
  }

  private createAlertTopic(config: ProjectConfig, stage: Stage, key: kms.IKey): sns.Topic {
    const topic = new sns.Topic(this, 'Alerts', {
      topicName: `${config.projectName}-${stage}-alerts`,
      displayName: `${config.projectName} ${stage} endpoint alerts`,
      masterKey: key,
      enforceSSL: true,
    });
    // CloudWatch publishes alarm notifications to the encrypted topic.
    key.grant(new iam.ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    for (const email of config.release.reviewerEmails) {
      topic.addSubscription(new subscriptions.EmailSubscription(email));
    }
    return topic;
  }

  private createRollbackAlarms(g: NonNullable<Exclude<ResolvedRealtimeEndpoint['deploymentGuardrails'], false>>): cloudwatch.Alarm[] {
    const dimensionsMap = { EndpointName: this.endpointName, VariantName: VARIANT_NAME };
    const errors = new cloudwatch.Alarm(this, 'Errors5xxAlarm', {
      alarmName: `${this.endpointName}-5xx-errors`,
      alarmDescription: `Rolls back a deployment of ${this.endpointName}: ${g.max5xxErrorsPerMinute} or more 5XX answers in a minute`,
      metric: new cloudwatch.Metric({ namespace: 'AWS/SageMaker', metricName: 'Invocation5XXErrors', dimensionsMap, statistic: 'Sum', period: Duration.minutes(1) }),
      threshold: g.max5xxErrorsPerMinute,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    const latency = new cloudwatch.Alarm(this, 'ModelLatencyAlarm', {
      alarmName: `${this.endpointName}-model-latency`,
      alarmDescription: `Rolls back a deployment of ${this.endpointName}: average model latency above ${g.maxModelLatencyMs} ms for 2 minutes`,
      // ModelLatency is reported in microseconds.
      metric: new cloudwatch.Metric({ namespace: 'AWS/SageMaker', metricName: 'ModelLatency', dimensionsMap, statistic: 'Average', period: Duration.minutes(1) }),
      threshold: g.maxModelLatencyMs * 1000,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 2,
      datapointsToAlarm: 2,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    for (const alarm of [errors, latency]) {
      alarm.addAlarmAction(new cwactions.SnsAction(this.alertTopic!));
    }
    return [errors, latency];
  }

  private createAutoscaling(a: NonNullable<Exclude<ResolvedRealtimeEndpoint['autoscaling'], false>>): void {
    // Without a role, Application Auto Scaling uses its SageMaker service-linked role.
    const target = new appscaling.CfnScalableTarget(this, 'ScalableTarget', {
      serviceNamespace: 'sagemaker',
      resourceId: `endpoint/${this.endpointName}/variant/${VARIANT_NAME}`,
      scalableDimension: 'sagemaker:variant:DesiredInstanceCount',
      minCapacity: a.minInstances,
      maxCapacity: a.maxInstances,
    });
    target.node.addDependency(this.endpoint);
    new appscaling.CfnScalingPolicy(this, 'InvocationsScaling', {
      policyName: `${this.endpointName}-invocations-per-instance`,
      policyType: 'TargetTrackingScaling',
      scalingTargetId: target.ref,
      targetTrackingScalingPolicyConfiguration: {
        targetValue: a.invocationsPerInstance,
        predefinedMetricSpecification: { predefinedMetricType: 'SageMakerVariantInvocationsPerInstance' },
        scaleInCooldown: 300,
        scaleOutCooldown: 60,
      },
    });
  }
}

type Guardrails = Exclude<ResolvedRealtimeEndpoint['deploymentGuardrails'], false>;

function trafficRouting(g: Guardrails): sagemaker.CfnEndpoint.TrafficRoutingConfigProperty {
  const waitIntervalInSeconds = g.waitMinutes * 60;
  switch (g.strategy) {
    case 'canary':
      return { type: 'CANARY', waitIntervalInSeconds, canarySize: { type: 'CAPACITY_PERCENT', value: g.canaryPercentage } };
    case 'linear':
      return { type: 'LINEAR', waitIntervalInSeconds, linearStepSize: { type: 'CAPACITY_PERCENT', value: g.linearStepPercentage } };
    default:
      return { type: 'ALL_AT_ONCE', waitIntervalInSeconds };
  }
}

/** Long enough for every traffic shift and its wait, plus an hour for the new fleet to start. */
function maximumExecutionSeconds(g: Guardrails): number {
  const steps = g.strategy === 'linear' ? Math.ceil(100 / g.linearStepPercentage) : g.strategy === 'canary' ? 2 : 1;
  return Math.min(28_800, Math.max(600, 3600 + steps * g.waitMinutes * 60 + g.terminationWaitMinutes * 60));
}

/** Instance families whose storage is local NVMe: SageMaker refuses a volume KMS key for them. */
const NVME_FAMILIES = /^ml\.(g4dn|g5|p4d|p5|[a-z0-9]+d)\./;

export function hasEbsVolume(instanceType: string): boolean {
  return !NVME_FAMILIES.test(instanceType);
}

function parseImageUri(uri: string): { repositoryArn: string } {
  const match = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([^:@]+)/.exec(uri);
  if (!match) {
    throw new ConfigError(`the model's image ${uri} is not an ECR image URI (<account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>)`);
  }
  return { repositoryArn: `arn:aws:ecr:${match[2]}:${match[1]}:repository/${match[3]}` };
}

/**
 * The model's image in another region. Only the SageMaker XGBoost image that model-build registers
 * is known in every region; another image cannot be mapped.
 */
function imageInRegion(model: ResolvedModel, region: string): { uri: string; repositoryArn: string } {
  const match = model.imageUri === undefined ? undefined : /\.amazonaws\.com\/sagemaker-xgboost:(.+)$/.exec(model.imageUri);
  if (model.imageUri !== undefined && match?.[1] !== XGBOOST_VERSION) {
    throw new ConfigError(
      `model package ${model.modelPackageArn} runs the image ${model.imageUri}, which a stage in ${region} cannot use: a stage outside the ` +
      `registry's region serves only the SageMaker XGBoost ${XGBOOST_VERSION} image, which it finds in its own region`,
    );
  }
  return xgboostImage(region);
}

function s3ObjectArn(stack: Stack, uri: string): string {
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
  if (!match) {
    throw new ConfigError(`the model artifact ${uri} is not an s3://bucket/key URI`);
  }
  return `arn:${stack.partition}:s3:::${match[1]}/${match[2]}`;
}
