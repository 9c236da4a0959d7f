import { Duration, Stack, StackProps } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwactions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { CONTAINER_VERSIONS, ConfigError, DEFAULT_DATA_CAPTURE, ProjectConfig, acceptsVolumeKmsKey, hasAlarms } from '../config';
import { ArtifactStore, cdkEnvironment } from '../constructs';
import { xgboostImage } from '../images';
import { acknowledgeWildcardResource } from '../validation/acknowledge';
import { AlertTopic, alarmArn } from '../constructs/alert-topic';
import { DriftMonitor } from './drift-monitor';
import { blueGreenDeployment, renewConfigWithDeployment } from './endpoint-deployment';
import { EndpointAutoscaling } from './endpoint-autoscaling';
import { ModelMonitorSchedule } from './model-monitor';
import { ResolvedModel } from '../app-context/resolved-model';
import { createModelRole } from './model-role';
import { createRollbackAlarms } from './rollback-alarms';
import { ShadowCompareAccess } from './shadow-compare-access';
import { ShadowVariant } from './shadow-variant';
import { StageModelCopy } from './stage-model-copy';
import { DEPLOY_STAGES, DeployStageName, resourceNamesOf } from '../app-context/resource-names';
import { RETAIN_UNLESS_CREATE_FAILS } from '../constructs/retention';

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
  /**
   * Production in a shadow release: the candidate served as the shadow variant beside `model`, the
   * live version (needs `endpoints.prod.shadow`).
   * @default - no shadow variant
   */
  readonly shadow?: ResolvedModel;
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
  /** Where alarms notify people (stages with alarms): the stage's own topic, or `release.alertTopicArn`. */
  public readonly alertTopic?: sns.ITopic;
  /** The variant's autoscaling registration, kept right around every endpoint update (real-time endpoints). */
  public readonly autoscaling?: EndpointAutoscaling;
  public readonly driftMonitor?: DriftMonitor;
  /** The copies of the version's files, for a stage in another region than the registry. */
  public readonly modelCopy?: StageModelCopy;
  /** The Model Monitor data-quality schedule (opt-in). */
  public readonly modelMonitor?: ModelMonitorSchedule;
  /** The candidate in shadow (production during a shadow release). */
  public readonly shadowVariant?: ShadowVariant;
  /** The shadow comparison's role and capture location (production with `shadow` on, in every release). */
  public readonly shadowCompare?: ShadowCompareAccess;

  constructor(scope: Construct, id: string, props: EndpointStackProps) {
    const { config, stage, model, repoDir, shadow, ...stackProps } = props;
    if (!STAGES.includes(stage)) {
      throw new ConfigError(`stage must be one of ${STAGES.join(', ')}, got ${JSON.stringify(stage)}`);
    }
    const env = config.environments[stage];
    super(scope, id, {
      description: `sagemaker-gitops ${config.projectName}: the ${stage} endpoint (model version ${model.version}${shadow ? `, version ${shadow.version} in shadow` : ''}${model.placeholder ? ', PLACEHOLDER' : ''})`,
      ...stackProps,
      env: cdkEnvironment(env),
    });
    const endpoint = config.endpoints[stage];
    const build = config.environments.build;
    this.endpointName = endpointName(config, stage);
    this.storage = endpointStorage(this, config, stage);
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
    const image = this.modelCopy ? modelImageInRegion(model, env.region) : undefined;
    this.modelRole = createModelRole(this, { model: served, stage, endpointName: this.endpointName, imageRepositoryArn: image?.repositoryArn });
    this.model = new sagemaker.CfnModel(this, 'Model', {
      executionRoleArn: this.modelRole.roleArn,
      // One container: a Containers list is an inference pipeline, which serverless endpoints exclude (Serverless Inference guide).
      primaryContainer: image ? { image: image.uri, modelDataUrl: served.modelDataUrl } : { modelPackageName: model.modelPackageArn },
    });
    this.model.node.addDependency(this.modelRole);
    if (this.modelCopy) {
      this.modelCopy.addDependent(this.model);
      this.modelRole.addToPolicy(new iam.PolicyStatement({ sid: 'DecryptModelArtifact', actions: ['kms:Decrypt'], resources: [key.keyArn] }));
    }

    const capture = endpoint.type === 'realtime' ? endpoint.dataCapture : false;
    const prefix = `${DATA_CAPTURE_PREFIX}/${this.endpointName}`;
    // Captured traffic is kept retentionDays, its expired versions a day. The rule stays with capture off: the retained
    // bucket may hold what an earlier release captured, which would otherwise be kept for good.
    const retention = Duration.days((capture || DEFAULT_DATA_CAPTURE).retentionDays);
    bucket.addLifecycleRule({ id: 'ExpireCapturedData', prefix: `${prefix}/`, expiration: retention, noncurrentVersionExpiration: Duration.days(1) });
    if (capture) {
      this.modelRole.addToPolicy(new iam.PolicyStatement({ sid: 'WriteCapturedData', actions: ['s3:PutObject'], resources: [bucket.arnForObjects(`${prefix}/*`)] }));
      // SSE-KMS: GenerateDataKey, and Decrypt for multipart parts (S3 User Guide, "Using server-side encryption with AWS KMS keys").
      this.modelRole.addToPolicy(new iam.PolicyStatement({ sid: 'EncryptCapturedData', actions: ['kms:GenerateDataKey', 'kms:Encrypt', 'kms:Decrypt'], resources: [key.keyArn] }));
      acknowledgeWildcardResource(this.modelRole, bucket.arnForObjects(`${prefix}/*`), 'SageMaker names the captured-data files by variant, hour and request batch; the wildcard covers only this endpoint\'s capture prefix');
    }

    if (shadow) {
      if (endpoint.type !== 'realtime' || !endpoint.shadow) {
        throw new ConfigError(`the ${stage} endpoint stack was given a shadow model (version ${shadow.version}), but endpoints.${stage}.shadow is off`);
      }
      if (this.modelCopy) {
        throw new ConfigError(`endpoints.${stage}.shadow needs the ${stage} stage in the model registry's region (${build.region}): its shadow model comes from the candidate's model package, which SageMaker uses only in the package's region`);
      }
      this.shadowVariant = new ShadowVariant(this, 'Shadow', {
        model: shadow, role: this.modelRole, instanceType: endpoint.instanceType, instanceCount: endpoint.shadow.instanceCount,
      });
    }
    this.endpointConfig = new sagemaker.CfnEndpointConfig(this, 'EndpointConfig', {
      productionVariants: [endpoint.type === 'serverless'
        ? { variantName: VARIANT_NAME, modelName: this.model.attrModelName, serverlessConfig: { memorySizeInMb: endpoint.memorySizeInMb, maxConcurrency: endpoint.maxConcurrency } }
        : { variantName: VARIANT_NAME, modelName: this.model.attrModelName, instanceType: endpoint.instanceType, initialInstanceCount: endpoint.instanceCount, initialVariantWeight: 1 }],
      shadowProductionVariants: this.shadowVariant ? [this.shadowVariant.variant] : undefined,
      // Volume encryption exists only for instances with EBS storage; serverless and instance-store types refuse a key.
      kmsKeyId: endpoint.type === 'realtime' && acceptsVolumeKmsKey(endpoint.instanceType) ? key.keyArn : undefined,
      dataCaptureConfig: capture ? {
        enableCapture: true,
        initialSamplingPercentage: capture.samplingPercentage,
        destinationS3Uri: `s3://${bucket.bucketName}/${DATA_CAPTURE_PREFIX}`,
        kmsKeyId: key.keyArn,
        captureOptions: [{ captureMode: 'Input' }, { captureMode: 'Output' }],
        captureContentTypeHeader: { csvContentTypes: ['text/csv'] },
      } : undefined,
    });

    let alerts: AlertTopic | undefined;
    if (hasAlarms(endpoint)) {
      alerts = new AlertTopic(this, 'AlertTopic', {
        topicName: resourceNamesOf(config).alertTopic(stage), displayName: `${config.projectName} ${stage} endpoint alerts`, key, release: config.release,
      });
      this.alertTopic = alerts.topic;
    }
    const guardrails = endpoint.type === 'realtime' ? endpoint.deploymentGuardrails : false;
    if (guardrails) {
      this.rollbackAlarms.push(...createRollbackAlarms(this, this.endpointName, VARIANT_NAME, this.endpointConfig.attrEndpointConfigName, guardrails));
      for (const alarm of this.rollbackAlarms) {
        alarm.addAlarmAction(new cwactions.SnsAction(this.alertTopic!));
      }
      // Auto-Rollback Configuration and Monitoring: the execution role must be allowed cloudwatch:DescribeAlarms on the rollback alarms.
      this.modelRole.addToPolicy(new iam.PolicyStatement({
        sid: 'DescribeRollbackAlarms', actions: ['cloudwatch:DescribeAlarms'], resources: this.rollbackAlarms.map((alarm) => alarmArn(this, alarm)),
      }));
    }
    const autoscaled = endpoint.type === 'realtime' && endpoint.autoscaling !== false;
    this.endpoint = new sagemaker.CfnEndpoint(this, 'Endpoint', {
      endpointName: this.endpointName,
      endpointConfigName: this.endpointConfig.attrEndpointConfigName,
      // UpdateEndpoint: with autoscaling, a release keeps the variant's current instance count (DesiredInstanceCount)
      // instead of resetting it to InitialInstanceCount; its weight (DesiredWeight) comes from the configuration.
      // RetainDeploymentConfig stays false: the deployment configuration of the template applies to each update.
      ...(autoscaled ? {
        retainAllVariantProperties: true,
        excludeRetainedVariantProperties: [{ variantPropertyType: 'DesiredWeight' }],
        retainDeploymentConfig: false,
      } : {}),
      deploymentConfig: guardrails ? blueGreenDeployment(guardrails, this.rollbackAlarms) : undefined,
    });
    renewConfigWithDeployment(this.endpoint, this.endpointConfig);
    if (stage === 'prod') {
      // Deleting the stack must not take production down (a rolled-back first create served nothing: retention.ts).
      this.endpoint.applyRemovalPolicy(RETAIN_UNLESS_CREATE_FAILS);
    }

    if (endpoint.type === 'realtime') { // also without autoscaling: turning it off deregisters before the endpoint update
      this.autoscaling = new EndpointAutoscaling(this, 'Autoscaling', {
        endpointName: this.endpointName, variantName: VARIANT_NAME, instanceType: endpoint.instanceType, options: endpoint.autoscaling,
        endpointConfigName: this.endpointConfig.attrEndpointConfigName,
      });
      this.endpoint.node.addDependency(this.autoscaling.beforeUpdate);
      this.autoscaling.afterUpdate.node.addDependency(this.endpoint);
    }
    if (endpoint.type === 'realtime' && endpoint.driftMonitoring) {
      this.driftMonitor = new DriftMonitor(this, 'DriftMonitor', {
        config, stage, model: served, bucket, key, endpointName: this.endpointName,
        capturePrefix: `${DATA_CAPTURE_PREFIX}/${this.endpointName}`,
        variantName: VARIANT_NAME,
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
        options: endpoint.modelMonitor, alertTopic: this.alertTopic!,
      });
      this.modelMonitor.node.addDependency(this.endpoint);
      this.modelCopy?.addDependent(this.modelMonitor);
    }
    if (endpoint.type === 'realtime' && endpoint.shadow) {
      this.shadowCompare = new ShadowCompareAccess(this, 'ShadowCompare', { config, storage: this.storage, endpointName: this.endpointName });
    }
    alerts?.allowAlarms([...this.rollbackAlarms, ...(this.driftMonitor?.alarms ?? []), ...(this.modelMonitor?.alarms ?? [])]);
    alerts?.allowEventRules([this.driftMonitor?.failedRule, this.modelMonitor?.failedNotice.rule].filter((rule) => rule !== undefined));
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
}

/** The stage's KMS key and bucket (retained), `Data` in the endpoint stack: the same in a shadow release's first-release stack. */
export function endpointStorage(scope: Construct, config: ProjectConfig, stage: Stage): ArtifactStore {
  return new ArtifactStore(scope, 'Data', {
    keyAlias: `${config.projectName}-${stage}-data`,
    description: `Encrypts the ${stage} endpoint data of the SageMaker project ${config.projectName}`,
  });
}

/**
 * The model's image in another region: the SageMaker XGBoost image of the version the model package
 * names (its tag, 1.7-1 or 3.0-5: the container it was trained and registered with, whatever the
 * project's `containers.xgboost` is now), from the stage region's registry. Only the SageMaker
 * XGBoost images are known in every region; another image cannot be mapped.
 */
export function modelImageInRegion(model: Pick<ResolvedModel, 'imageUri' | 'modelPackageArn'>, region: string): { uri: string; repositoryArn: string } {
  const match = model.imageUri === undefined ? undefined : /\.amazonaws\.com\/sagemaker-xgboost:(.+)$/.exec(model.imageUri);
  const version = CONTAINER_VERSIONS.xgboost.find((v) => v === match?.[1]);
  if (model.imageUri !== undefined && version === undefined) {
    throw new ConfigError(
      `model package ${model.modelPackageArn} runs the image ${model.imageUri}, which a stage in ${region} cannot use: a stage outside the ` +
      `registry's region serves only the SageMaker XGBoost images (versions ${CONTAINER_VERSIONS.xgboost.join(', ')}), which it finds in its own region`,
    );
  }
  return xgboostImage(region, version);
}

/**
 * Whether SageMaker accepts a volume KMS key for the instance type (no instance-store volumes).
 * @deprecated use acceptsVolumeKmsKey from the config module, the one table of instance families
 */
export function hasEbsVolume(instanceType: string): boolean {
  return acceptsVolumeKmsKey(instanceType);
}
