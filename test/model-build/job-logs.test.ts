import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { ConfigError, DEFAULT_DRIFT_MONITORING, DEFAULT_MODEL_MONITOR } from '../../src/config';
import { sklearnImage } from '../../src/images';
import { SageMakerExecutionRole } from '../../src/model-build/sagemaker-execution-role';
import { DRIFT_SCRIPT, DriftMonitor } from '../../src/model-deploy/drift-monitor';
import { ModelMonitorSchedule } from '../../src/model-deploy/model-monitor';
import { ResolvedModel } from '../../src/app-context/resolved-model';
import { testConfig } from '../helpers/validated-synth';

const ENV = { account: '123456789012', region: 'us-east-1' };
const MODEL: ResolvedModel = {
  modelPackageGroupName: 'player-churn',
  modelPackageArn: 'arn:aws:sagemaker:us-east-1:123456789012:model-package/player-churn/3',
  version: 3,
  approvalStatus: 'Approved',
  creationTime: '2025-01-01T00:00:00Z',
  baselineDataUri: 's3://build-bucket/player-churn/exec-1/Preprocess/baseline',
  dataQualityStatisticsUri: 's3://build-bucket/player-churn/exec-1/BaselineDataQuality/monitoring_output/statistics.json',
  dataQualityConstraintsUri: 's3://build-bucket/player-churn/exec-1/BaselineDataQuality/monitoring_output/constraints.json',
};

function stackWith(): { stack: Stack; bucket: s3.Bucket; key: kms.Key } {
  const stack = new Stack(new App(), 'Jobs', { env: ENV });
  const key = new kms.Key(stack, 'Key');
  return { stack, key, bucket: new s3.Bucket(stack, 'Bucket', { encryptionKey: key }) };
}

/** The resources of the policy statement `sid` of the template's only role policy that has it. */
function statement(template: Template, sid: string): { Action: unknown; Resource: unknown } {
  const policies = Object.values(template.findResources('AWS::IAM::Policy')) as any[];
  const found = policies.flatMap((p) => p.Properties.PolicyDocument.Statement).filter((s: any) => s.Sid === sid);
  expect(found).toHaveLength(1);
  return found[0];
}

const arn = (name: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:logs:us-east-1:123456789012:log-group:${name}`]] });

/*
 * Service Authorization Reference, "Actions, resources, and condition keys for Amazon CloudWatch
 * Logs": logs:CreateLogGroup acts on the resource type log-group, whose ARN is
 * arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName} (no ":*"), which a grant on
 * "log-group:NAME:*" does not match.
 */
describe('the jobs\' log groups', () => {
  test('the SageMaker execution role may create its log groups on the log-group ARN itself, and write streams under :*', () => {
    const { stack, bucket, key } = stackWith();
    new SageMakerExecutionRole(stack, 'Role', { bucket, key, writePrefixes: ['out'], readPrefixes: ['in'], images: [sklearnImage('us-east-1')] });
    const template = Template.fromStack(stack);
    const create = statement(template, 'CreateJobLogGroups');
    expect(create.Action).toBe('logs:CreateLogGroup');
    expect(create.Resource).toEqual([
      arn('/aws/sagemaker/ProcessingJobs'), arn('/aws/sagemaker/ProcessingJobs:*'), arn('/aws/sagemaker/TrainingJobs'), arn('/aws/sagemaker/TrainingJobs:*'),
    ]);
    const write = statement(template, 'JobLogs');
    expect(write.Action).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams']);
    expect(write.Resource).toEqual([arn('/aws/sagemaker/ProcessingJobs:*'), arn('/aws/sagemaker/TrainingJobs:*')]);
  });

  test('the Model Monitor role the same, for the processing log group', () => {
    const { stack, bucket, key } = stackWith();
    new ModelMonitorSchedule(stack, 'Monitor', {
      stage: 'prod', model: MODEL, bucket, key, endpointName: 'player-churn-prod', capturePrefix: 'capture/player-churn-prod', options: DEFAULT_MODEL_MONITOR, alertTopic: new sns.Topic(stack, 'Topic'),
    });
    const template = Template.fromStack(stack);
    expect(statement(template, 'CreateJobLogGroups').Resource).toEqual([arn('/aws/sagemaker/ProcessingJobs'), arn('/aws/sagemaker/ProcessingJobs:*')]);
    expect(statement(template, 'JobLogs').Resource).toEqual(arn('/aws/sagemaker/ProcessingJobs:*'));
  });
});

/*
 * SageMaker API reference, ProcessingClusterConfig.VolumeKmsKeyId (CreateProcessingJob; the
 * drift check's processing job and the Model Monitor job definition's ClusterConfig): "You can't
 * request a VolumeKmsKeyId when using an instance type with local storage." Both jobs always use
 * the stage key, so an instance type with local storage is refused, naming the option.
 */
describe('instance types of the drift check and Model Monitor', () => {
  let repoDir: string;
  beforeAll(() => {
    repoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'drift-repo-'));
    fs.mkdirSync(path.join(repoDir, 'monitoring'));
    fs.writeFileSync(path.join(repoDir, DRIFT_SCRIPT), 'print("drift")\n');
  });
  afterAll(() => fs.rmSync(repoDir, { recursive: true, force: true }));

  const drift = (instanceType: string) => {
    const { stack, bucket, key } = stackWith();
    return new DriftMonitor(stack, 'Drift', {
      config: testConfig(), stage: 'prod', model: MODEL, bucket, key, endpointName: 'player-churn-prod', capturePrefix: 'capture/player-churn-prod', variantName: 'AllTraffic',
      options: { ...DEFAULT_DRIFT_MONITORING, instanceType }, alertTopic: new sns.Topic(stack, 'Topic'), repoDir,
    });
  };
  const monitor = (instanceType: string) => {
    const { stack, bucket, key } = stackWith();
    return new ModelMonitorSchedule(stack, 'Monitor', {
      stage: 'prod', model: MODEL, bucket, key, endpointName: 'player-churn-prod', capturePrefix: 'capture/player-churn-prod', options: { ...DEFAULT_MODEL_MONITOR, instanceType }, alertTopic: new sns.Topic(stack, 'Topic'),
    });
  };

  test('the drift check refuses a type with local storage and keeps the stage key on an EBS-backed one', () => {
    expect(() => drift('ml.g4dn.xlarge')).toThrow(ConfigError);
    expect(() => drift('ml.g4dn.xlarge')).toThrow(/^endpoints\.prod\.driftMonitoring\.instanceType must be an instance type without instance-store \(NVMe\) volumes, because the stage's KMS key/);
    const cluster = (Template.fromStack(Stack.of(drift('ml.m5.large'))).findResources('AWS::SageMaker::Pipeline'));
    expect(JSON.stringify(cluster)).toContain('VolumeKmsKeyId');
  });

  test('Model Monitor refuses a type with local storage and keeps the stage key on an EBS-backed one', () => {
    expect(() => monitor('ml.m5d.xlarge')).toThrow(/^endpoints\.prod\.modelMonitor\.instanceType must be an instance type without instance-store \(NVMe\) volumes/);
    const template = Template.fromStack(Stack.of(monitor('ml.m5.xlarge')));
    template.hasResourceProperties('AWS::SageMaker::DataQualityJobDefinition', {
      JobResources: { ClusterConfig: { InstanceType: 'ml.m5.xlarge', VolumeKmsKeyId: { 'Fn::GetAtt': [expectAnyKeyId(template), 'Arn'] } } },
    });
  });
});

/** The logical id of the stack's only KMS key. */
function expectAnyKeyId(template: Template): string {
  const keys = Object.keys(template.findResources('AWS::KMS::Key'));
  expect(keys).toHaveLength(1);
  return keys[0];
}
