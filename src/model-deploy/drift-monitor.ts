import * as fs from 'node:fs';
import * as path from 'node:path';
import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwactions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { ConfigError, DriftMonitoringOptions, ProjectConfig, checkAcceptsVolumeKmsKey, mlflowRequirements } from '../config';
import { SKLEARN_PIPELINE_VERSION, sklearnImage } from '../images';
import { driftCheckMlflow } from '../model-build/drift-check-mlflow';
import { SageMakerExecutionRole } from '../model-build/sagemaker-execution-role';
import { SageMakerPipeline } from '../model-build/sagemaker-pipeline';
import { PROCESSING_CODE_DIR, PROCESSING_ENTRYPOINT_DIR } from '../model-build/step-code-bundle';
import { StepCodeBundleAssets } from '../model-build/step-code-bundle-assets';
import { ExecutionVariable, Join, ParameterFloat, ParameterInteger, PipelineDefinition, ProcessingStep } from '../pipeline-definition';
import { acknowledgeWildcardResource } from '../validation/acknowledge';
import { ResolvedModel } from '../app-context/resolved-model';
import type { DeployStageName as Stage } from '../app-context/resource-names';
import { pipelineFailureRule } from './batch-scoring-alerts';
import { pipelineSchedule } from './pipeline-schedule';

/** The model-deploy repository's folder of the drift check. */
export const DRIFT_SCRIPTS_DIR = 'monitoring';

/** The drift check script, the one file of its folder the job's code bundle holds (not its tests). */
export const DRIFT_SCRIPT_FILE = 'drift_check.py';

/** Where a model-deploy repository keeps the drift check script. */
export const DRIFT_SCRIPT = path.join(DRIFT_SCRIPTS_DIR, DRIFT_SCRIPT_FILE);

/** The CloudWatch namespace the drift check publishes to. */
export const DRIFT_METRIC_NAMESPACE = 'SageMakerGitOps/Drift';

/** Key prefix of the drift reports in the stage bucket. */
export const DRIFT_REPORT_PREFIX = 'drift-reports';

export interface DriftMonitorProps {
  readonly config: ProjectConfig;
  readonly stage: Stage;
  readonly model: ResolvedModel;
  readonly bucket: s3.IBucket;
  readonly key: kms.IKey;
  readonly endpointName: string;
  /** The key prefix under which the endpoint's requests are captured. */
  readonly capturePrefix: string;
  /**
   * The production variant whose captured requests are compared: a shadow variant's folder holds
   * copies of the same requests (SageMaker Developer Guide, "Shadow variants").
   */
  readonly variantName: string;
  readonly options: Required<DriftMonitoringOptions>;
  readonly alertTopic: sns.ITopic;
  /** The model-deploy repository (its monitoring/drift_check.py). */
  readonly repoDir: string;
}

const BASELINE_DIR = '/opt/ml/processing/input/baseline';
const OUTPUT_DIR = '/opt/ml/processing/output';

/**
 * Drift monitoring without SageMaker Model Monitor: a one-step SageMaker pipeline
 * `<endpoint>-drift` that compares the last period's captured requests with the training
 * baseline (PSI and KS per feature), writes a JSON report to the stage bucket and publishes
 * CloudWatch metrics; an EventBridge Scheduler schedule starts it, and an alarm on
 * `DriftDetected` notifies the stage's alert topic (`release.alertEmails`, or `release.alertTopicArn`).
 *
 * The job runs drift_check.py as the model-build steps run theirs (the SDK's FrameworkProcessor):
 * a code bundle holding the script, plus with MLflow the pinned requirements.txt of the MLflow client,
 * and runproc.sh, which installs them and runs the script; on the scikit-learn 1.4-2 image (Python
 * 3.10, which the pinned mlflow needs; numpy, pandas, scipy and boto3, which the script imports, are
 * the image's). Without MLflow the bundle has no requirements.txt: nothing is installed.
 *
 * A stage in another account than the build account logs to MLflow through the build account's
 * `<project>-mlflow-drift-logger` role (SageMaker MLflow has no resource-based policy): the job role,
 * then named `<project>-<stage>-drift-check` (the name that role trusts), may assume it and nothing
 * else of MLflow, and drift_check.py uses its credentials for the MLflow calls only.
 */
export class DriftMonitor extends Construct {
  public readonly pipeline: SageMakerPipeline;
  public readonly schedule: scheduler.CfnSchedule;
  /** In alarm when the schedule could not start a drift check (its dead-letter queue holds the run). */
  public readonly scheduleFailedAlarm: cloudwatch.Alarm;
  public readonly alarm: cloudwatch.Alarm;
  /**
   * Tells the alert topic when a drift check fails or is stopped: such a check publishes no DriftDetected,
   * and the drift alarm treats the missing data as not breaching, so it would stay OK while no check works.
   */
  public readonly failedRule: events.Rule;
  /** In alarm when EventBridge could not deliver a failed check to the alert topic (its dead-letter queue holds the event). */
  public readonly failedRuleUndeliveredAlarm: cloudwatch.Alarm;
  /**
   * In alarm from a check that found no captured request at all until one finds some: a check without
   * enough rows gives no verdict and publishes no DriftDetected (which the drift alarm takes for not
   * breaching), so a capture that stopped reaching S3 would otherwise leave drift unchecked unnoticed.
   */
  public readonly noCaptureAlarm: cloudwatch.Alarm;
  public readonly pipelineName: string;

  /** Every alarm of the drift check, each notifying the alert topic. */
  public get alarms(): cloudwatch.Alarm[] {
    return [this.alarm, this.noCaptureAlarm, this.scheduleFailedAlarm, this.failedRuleUndeliveredAlarm];
  }

  constructor(scope: Construct, id: string, props: DriftMonitorProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const { model, options } = props;
    if (!model.baselineDataUri) {
      throw new ConfigError(
        `model package ${model.modelPackageArn} has no baselineDataUri metadata, which the drift check compares with; ` +
        `register versions through the model-build pipeline, or set endpoints.${props.stage}.driftMonitoring: false`,
      );
    }
    // The check's volume is encrypted with the stage key, which SageMaker refuses on instance types with local storage.
    checkAcceptsVolumeKmsKey(`endpoints.${props.stage}.driftMonitoring.instanceType`, options.instanceType, 'the stage\'s KMS key');
    const baseline = parseS3Uri(model.baselineDataUri);
    const scriptFile = path.join(props.repoDir, DRIFT_SCRIPT);
    if (!fs.existsSync(scriptFile)) {
      throw new ConfigError(`the model-deploy repository has no ${DRIFT_SCRIPT} (looked in ${props.repoDir}); the drift check runs it`);
    }
    this.pipelineName = `${props.endpointName}-drift`;
    const reportPrefix = `${DRIFT_REPORT_PREFIX}/${props.endpointName}`;

    // The check logs its statistics and verdict to `<experiment>-monitoring` when the stage can reach the project's MLflow.
    const mlflow = driftCheckMlflow(this, props.config, props.stage);
    // The model-build steps' default scikit-learn image (Python 3.10), which every mlflow client the config accepts installs on.
    const image = sklearnImage(stack.region, SKLEARN_PIPELINE_VERSION);
    const execution = new SageMakerExecutionRole(this, 'Role', {
      bucket: props.bucket,
      key: props.key,
      writePrefixes: [reportPrefix],
      readPrefixes: [props.capturePrefix],
      images: [image],
      jobs: ['processing'],
      metricNamespaces: [DRIFT_METRIC_NAMESPACE],
      description: `Runs the drift check of the endpoint ${props.endpointName}`,
      mlflow: mlflow?.access,
      // The drift logger role trusts this name (aws:PrincipalArn).
      roleName: mlflow?.roleName,
    });
    const role = execution.role;
    if (mlflow?.assumeRoleArn !== undefined) {
      role.addToPolicy(new iam.PolicyStatement({ sid: 'AssumeMlflowDriftLogger', actions: ['sts:AssumeRole'], resources: [mlflow.assumeRoleArn] }));
    }
    // The baseline lives in the model-build bucket (another account when the stage is).
    role.addToPolicy(new iam.PolicyStatement({
      sid: 'ReadBaseline', actions: ['s3:GetObject'], resources: [`arn:${stack.partition}:s3:::${baseline.bucket}/${baseline.key}/*`, `arn:${stack.partition}:s3:::${baseline.bucket}/${baseline.key}`],
    }));
    role.addToPolicy(new iam.PolicyStatement({
      sid: 'ListBaseline', actions: ['s3:ListBucket'], resources: [`arn:${stack.partition}:s3:::${baseline.bucket}`], conditions: { StringLike: { 's3:prefix': [`${baseline.key}*`] } },
    }));
    acknowledgeWildcardResource(role, `arn:${stack.partition}:s3:::${baseline.bucket}/${baseline.key}/*`,
      'the baseline is a prefix written by the model version\'s preprocess step; the wildcard covers only that execution\'s baseline files');
    if (model.artifactKmsKeyArn) {
      role.addToPolicy(new iam.PolicyStatement({ sid: 'DecryptBaseline', actions: ['kms:Decrypt'], resources: [model.artifactKmsKeyArn] }));
    }

    // drift_check.py alone (its folder also has its tests), with the MLflow client's requirements when it logs to MLflow.
    const stepCode = new StepCodeBundleAssets(this, 'Code', {
      scriptsDir: path.join(props.repoDir, DRIFT_SCRIPTS_DIR), files: [DRIFT_SCRIPT_FILE], requirements: mlflow && mlflowRequirements(mlflow.clientVersion),
    });
    for (const asset of [stepCode.bundleAsset, stepCode.entrypointAsset]) {
      execution.grantReadObject(asset.s3BucketName, asset.s3ObjectKey);
    }
    const code = stepCode.code;

    const lookbackHours = new ParameterInteger({ name: 'LookbackHours', defaultValue: options.lookbackHours, description: 'Hours of captured requests to compare' });
    const psiThreshold = new ParameterFloat({ name: 'PsiThreshold', defaultValue: options.psiThreshold, description: 'A feature drifts above this population stability index' });
    const ksThreshold = new ParameterFloat({ name: 'KsThreshold', defaultValue: options.ksThreshold, range: [0, 1], description: 'A feature drifts above this Kolmogorov-Smirnov statistic' });
    const check = new ProcessingStep({
      name: 'CheckDrift',
      description: 'Compares the captured production inputs with the training baseline (PSI and KS per feature)',
      roleArn: role.roleArn,
      imageUri: image.uri,
      instanceType: options.instanceType,
      volumeKmsKeyId: props.key.keyArn,
      entrypoint: ['/bin/bash', `${PROCESSING_ENTRYPOINT_DIR}/${code.entrypoint.fileName}`, DRIFT_SCRIPT_FILE],
      arguments: [
        '--capture-s3-uri', `s3://${props.bucket.bucketName}/${props.capturePrefix}/`,
        '--lookback-hours', new Join('', [lookbackHours]),
        '--baseline-dir', BASELINE_DIR,
        '--output-dir', OUTPUT_DIR,
        '--psi-threshold', new Join('', [psiThreshold]),
        '--ks-threshold', new Join('', [ksThreshold]),
        '--endpoint-name', props.endpointName,
        '--metric-namespace', DRIFT_METRIC_NAMESPACE,
        '--publish-metrics',
      ],
      environment: {
        AWS_DEFAULT_REGION: stack.region,
        // drift_check.py reads only this variant's folder (an environment variable, not an argument, so
        // that a drift_check.py seeded before it ignores it rather than failing on an unknown argument).
        CAPTURE_VARIANT: props.variantName,
        // drift_check.py logs to "<MLFLOW_EXPERIMENT_NAME>-monitoring"; MLFLOW_MONITORING_EXPERIMENT_NAME names it outright.
        ...mlflow?.environment,
      },
      inputs: [
        { name: 'code', source: code.bundle.s3Uri, destination: PROCESSING_CODE_DIR },
        { name: 'entrypoint', source: code.entrypoint.s3Uri, destination: PROCESSING_ENTRYPOINT_DIR },
        { name: 'baseline', source: model.baselineDataUri, destination: BASELINE_DIR },
      ],
      outputs: [{
        name: 'report', source: OUTPUT_DIR,
        destination: new Join('/', ['s3:/', props.bucket.bucketName, reportPrefix, ExecutionVariable.PIPELINE_EXECUTION_ID]),
      }],
      outputKmsKeyId: props.key.keyArn,
      maxRuntimeSeconds: 3600,
      retryPolicies: [{ exceptionTypes: ['SageMaker.CAPACITY_ERROR', 'SageMaker.JOB_INTERNAL_ERROR'], intervalSeconds: 60, backoffRate: 2, maxAttempts: 3 }],
    });
    this.pipeline = new SageMakerPipeline(this, 'Pipeline', {
      pipelineName: this.pipelineName,
      description: `Daily drift check of the endpoint ${props.endpointName} against the training baseline of model version ${model.version}`,
      role,
      definition: new PipelineDefinition({ parameters: [lookbackHours, psiThreshold, ksThreshold], steps: [check] }),
      bucket: props.bucket,
    });

    const scheduled = pipelineSchedule(this, {
      pipelineName: this.pipelineName, pipeline: this.pipeline, schedule: options.schedule,
      roleDescription: `Starts the drift check of ${props.endpointName} on its schedule`,
    });
    this.schedule = scheduled.schedule;
    this.scheduleFailedAlarm = scheduled.failedAlarm;
    const notify = <T extends cloudwatch.Alarm>(alarm: T): T => {
      alarm.addAlarmAction(new cwactions.SnsAction(props.alertTopic));
      return alarm;
    };
    // What drift_check.py publishes for the endpoint, once per check: the day's largest value.
    const checkMetric = (metricName: string) => new cloudwatch.Metric({
      namespace: DRIFT_METRIC_NAMESPACE, metricName, dimensionsMap: { EndpointName: props.endpointName }, statistic: 'Maximum', period: Duration.days(1),
    });
    notify(this.scheduleFailedAlarm);

    this.alarm = notify(new cloudwatch.Alarm(this, 'DriftAlarm', {
      alarmName: `${props.endpointName}-drift`,
      alarmDescription: `Inputs of ${props.endpointName} drifted from the training baseline (PSI > ${options.psiThreshold} or KS > ${options.ksThreshold}); see s3://<stage bucket>/${reportPrefix}/`,
      metric: checkMetric('DriftDetected'),
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    }));
    // drift_check.py publishes CapturedRows on every check, with or without a verdict.
    this.noCaptureAlarm = notify(new cloudwatch.Alarm(this, 'NoCaptureAlarm', {
      alarmName: `${props.endpointName}-no-captured-requests`,
      alarmDescription: `The last drift check of ${props.endpointName} found no captured request, so drift goes unchecked: `
        + `data capture does not reach s3://<stage bucket>/${props.capturePrefix}/ (the model role's S3 or KMS permissions), or the endpoint gets no traffic`,
      metric: checkMetric('CapturedRows'),
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      // A day without a check keeps the state (`ignore`): the alarm follows the last check whatever the schedule's interval
      // (a check less often than daily leaves days empty). Failed or unstarted checks have alarms of their own.
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.IGNORE,
    }));

    const failed = pipelineFailureRule(this, 'CheckFailed', this.pipelineName, props.alertTopic,
      `Notifies ${props.endpointName}'s alert topic when a drift check fails or is stopped`);
    this.failedRule = failed.rule;
    this.failedRuleUndeliveredAlarm = failed.undeliveredAlarm;
  }
}

function parseS3Uri(uri: string): { bucket: string; key: string } {
  const match = /^s3:\/\/([^/]+)\/(.+?)\/?$/.exec(uri);
  if (!match) {
    throw new ConfigError(`the baseline ${uri} is not an s3://bucket/prefix URI`);
  }
  return { bucket: match[1], key: match[2] };
}
