import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { EndpointStack, ResolvedModel } from '../../src/model-deploy';
import { SCALING_AFTER_UPDATE_TYPE, SCALING_BEFORE_UPDATE_TYPE } from '../../src/model-deploy/endpoint-autoscaling';
import { SCALABLE_TARGET_HANDLER_CODE } from '../../src/model-deploy/scalable-target-handler';
import { STAGE_MODEL_COPY_HANDLER_CODE } from '../../src/model-deploy/stage-model-copy-handler';
import { PROJECT_APP_CONTEXT } from '../../src/validation';
import { synthValidated, testConfig, validatedApp } from '../helpers/validated-synth';
import { MODEL as FIXTURE_MODEL } from './fixtures';

// The fixture's version without a key of the artifact's own: the stage key alone.
const { artifactKmsKeyArn: _key, ...MODEL } = FIXTURE_MODEL;
const RELEASE: ResolvedModel = {
  ...MODEL,
  modelPackageArn: 'arn:aws:sagemaker:us-east-1:111111111111:model-package/player-churn/8',
  version: 8,
  modelDataUrl: 's3://build-bucket/player-churn-training/exec2/Train/output/model.tar.gz',
};

function repo(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'endpoint-stack-'));
  fs.mkdirSync(path.join(dir, 'monitoring'));
  fs.writeFileSync(path.join(dir, 'monitoring', 'drift_check.py'), 'print("drift")\n');
  return dir;
}

/** The stage's endpoint stack alone, synthesized through the validator, cdk-nag and the guardrails. */
function synthStage(overrides: Record<string, unknown> = {}, model = MODEL, stage: 'staging' | 'prod' = 'prod'): Template {
  const app = validatedApp();
  const stack = new EndpointStack(app, `${stage}-endpoint`, { config: testConfig(overrides), stage, model, repoDir: repo() });
  return synthValidated(app)[stack.stackName];
}

const resources = (t: Template, type: string) => Object.entries<any>(t.toJSON().Resources).filter(([, r]) => r.Type === type);
const only = (t: Template, type: string) => {
  const found = resources(t, type);
  expect(found).toHaveLength(1);
  return found[0];
};
const statements = (t: Template, type = 'AWS::IAM::Policy') => resources(t, type).flatMap(([, r]) => r.Properties.PolicyDocument.Statement);

describe('production defaults in an AWS account', () => {
  const prod = synthStage({ release: { reviewerEmails: ['reviewer@example.com'], alertEmails: ['ops@example.com'] } });
  const [, endpoint] = only(prod, 'AWS::SageMaker::Endpoint');

  // Developer guide "Use all at once traffic shifting": one shift, then a baking period the alarms watch; valid on 1 instance.
  // API reference "BlueGreenUpdatePolicy": MaximumExecutionTimeoutInSeconds 600..28800, larger than the waits;
  // TerminationWaitInSeconds (after the deployment completed, no alarm watches it) left at SageMaker's default 0.
  test('all at once with a 5-minute baking period and auto-rollback on a 1-instance fleet, no termination wait', () => {
    expect(endpoint.Properties.DeploymentConfig.BlueGreenUpdatePolicy).toEqual({
      TrafficRoutingConfiguration: { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 300 },
      TerminationWaitInSeconds: 0,
      MaximumExecutionTimeoutInSeconds: 3600 + 300,
    });
    expect(endpoint.Properties.DeploymentConfig.AutoRollbackConfiguration.Alarms).toHaveLength(2);
  });

  // CloudFormation "AWS::SageMaker::Endpoint" and API reference "UpdateEndpoint"/"VariantProperty": with
  // RetainAllVariantProperties the update keeps DesiredInstanceCount (what autoscaling set) unless excluded.
  test('an update keeps the autoscaled instance count; the weight and the deployment config come from the template', () => {
    expect(endpoint.Properties).toMatchObject({
      RetainAllVariantProperties: true,
      ExcludeRetainedVariantProperties: [{ VariantPropertyType: 'DesiredWeight' }],
      RetainDeploymentConfig: false,
    });
  });

  // Developer guide "Auto-Rollback Configuration and Monitoring": "Ensure that your IAM execution role has
  // permission to perform the cloudwatch:DescribeAlarms action on the auto-rollback alarms you specify."
  test('the model role may describe exactly the rollback alarms', () => {
    const describe = statements(prod).find((s) => s.Sid === 'DescribeRollbackAlarms');
    expect(describe.Action).toBe('cloudwatch:DescribeAlarms');
    expect(JSON.stringify(describe.Resource)).toContain(':alarm:player-churn-prod-5xx-errors');
    expect(JSON.stringify(describe.Resource)).toContain(':alarm:player-churn-prod-model-latency');
    expect(describe.Resource).toHaveLength(2);
  });

  // Service Authorization Reference (CloudWatch Logs): CreateLogGroup is authorized on the log-group ARN,
  // which `<group>:*` does not match.
  test('logs:CreateLogGroup is granted on the log group\'s own ARN', () => {
    const create = statements(prod).find((s) => s.Sid === 'CreateLogGroup');
    expect(create.Action).toBe('logs:CreateLogGroup');
    expect(JSON.stringify(create.Resource)).toMatch(/:log-group:\/aws\/sagemaker\/Endpoints\/player-churn-prod"\]/);
    const streams = statements(prod).find((s) => s.Sid === 'Logs');
    expect(JSON.stringify(streams.Resource)).toMatch(/:log-group:\/aws\/sagemaker\/Endpoints\/player-churn-prod:\*"\]/);
  });

  // SNS developer guide "Key management" ("Enable compatibility between event sources from AWS services and
  // encrypted topics": CloudWatch needs kms:Decrypt and kms:GenerateDataKey* on the topic's key) and the topic
  // policy allowing the cloudwatch.amazonaws.com principal, limited by aws:SourceAccount and aws:SourceArn.
  test('CloudWatch may publish the stage\'s alarms to the encrypted topic, and use its key for them only', () => {
    const publish = statements(prod, 'AWS::SNS::TopicPolicy').find((s) => s.Sid === 'CloudWatchAlarmsPublish');
    expect(publish).toMatchObject({ Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: 'sns:Publish' });
    const arns = JSON.stringify(publish.Condition.ArnLike['aws:SourceArn']);
    const alarms = ['player-churn-prod-5xx-errors', 'player-churn-prod-model-latency', 'player-churn-prod-drift', 'player-churn-prod-no-captured-requests',
      'player-churn-prod-drift-schedule-failed', 'player-churn-prod-drift-failed-undelivered'];
    for (const alarm of alarms) {
      expect(arns).toContain(`:alarm:${alarm}`);
    }
    expect(publish.Condition.StringEquals['aws:SourceAccount']).toEqual({ Ref: 'AWS::AccountId' });
    const [, key] = only(prod, 'AWS::KMS::Key');
    const keyUse = key.Properties.KeyPolicy.Statement.find((s: any) => s.Sid === 'CloudWatchAlarmsUseAlertTopicKey');
    expect(keyUse).toMatchObject({ Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'] });
    expect(JSON.stringify(keyUse.Condition.StringEquals['kms:EncryptionContext:aws:sns:topicArn'])).toContain(':player-churn-prod-alerts');
    expect(keyUse.Condition.ArnLike['aws:SourceArn']).toHaveLength(alarms.length);
    // No unconditioned grant of the stage key to CloudWatch remains.
    expect(key.Properties.KeyPolicy.Statement.filter((s: any) => s.Principal?.Service === 'cloudwatch.amazonaws.com')).toHaveLength(1);
    for (const [, alarm] of resources(prod, 'AWS::CloudWatch::Alarm')) {
      expect(alarm.Properties.AlarmActions).toEqual([{ Ref: expect.stringMatching(/^Alerts/) }]);
    }
    prod.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.com' });
    expect(resources(prod, 'AWS::SNS::Subscription')).toHaveLength(1);
  });

  // CloudWatch user guide "Configuring how CloudWatch alarms treat missing data": a check that fails publishes no
  // DriftDetected, which the drift alarm reads as not breaching. SageMaker developer guide "Events that Amazon SageMaker AI
  // sends to Amazon EventBridge" (pipeline execution state change) and EventBridge user guide "Using resource-based
  // policies for Amazon EventBridge" (an SNS target's topic policy lets events.amazonaws.com publish, without Condition).
  test('a drift check that fails or is stopped notifies the alert topic, which lets EventBridge publish', () => {
    const [[, rule]] = resources(prod, 'AWS::Events::Rule');
    expect(rule.Properties).toMatchObject({
      Name: 'player-churn-prod-drift-failed',
      EventPattern: {
        source: ['aws.sagemaker'], 'detail-type': ['SageMaker Model Building Pipeline Execution Status Change'],
        detail: { currentPipelineExecutionStatus: ['Failed', 'Stopped'] },
      },
      Targets: [{ Arn: { Ref: expect.stringMatching(/^Alerts/) } }],
    });
    expect(JSON.stringify(rule.Properties.EventPattern.detail.pipelineArn)).toContain(':pipeline/player-churn-prod-drift');
    const publish = statements(prod, 'AWS::SNS::TopicPolicy').find((s) => s.Principal?.Service === 'events.amazonaws.com');
    expect(publish).toMatchObject({ Effect: 'Allow', Action: 'sns:Publish' });
    expect(publish.Condition).toBeUndefined();
  });

  // CloudWatch user guide "Configuring how CloudWatch alarms treat missing data": a check with too few captured rows gives
  // no verdict and publishes no DriftDetected, so the drift alarm stays OK while capture is broken. drift_check.py publishes
  // CapturedRows on every check (seed-code/model-deploy/monitoring/drift_check.py, report_metrics). `ignore` keeps the
  // state through days without a check, so the alarm follows the last check on any schedule (notBreaching would clear it
  // on an empty day, and a check less often than daily would never reach 2 of 2).
  test('a drift check that finds no captured request notifies the alert topic, until one finds some', () => {
    const [[, alarm]] = resources(prod, 'AWS::CloudWatch::Alarm').filter(([, a]) => a.Properties.AlarmName === 'player-churn-prod-no-captured-requests');
    expect(alarm.Properties).toMatchObject({
      Namespace: 'SageMakerGitOps/Drift', MetricName: 'CapturedRows', Dimensions: [{ Name: 'EndpointName', Value: 'player-churn-prod' }],
      Statistic: 'Maximum', Period: 86400, Threshold: 1, ComparisonOperator: 'LessThanThreshold',
      EvaluationPeriods: 1, TreatMissingData: 'ignore',
      AlarmActions: [{ Ref: expect.stringMatching(/^Alerts/) }],
    });
    expect(alarm.Properties.DatapointsToAlarm ?? 1).toBe(1);
    expect(alarm.Properties.AlarmDescription).toContain('datacapture/player-churn-prod/');
  });

  // Amazon S3 user guide "Lifecycle configuration elements" (Expiration Days; NoncurrentVersionExpiration on a
  // versioned bucket, where an expiration only adds a delete marker).
  test('captured data expires after 90 days, and its old versions a day later', () => {
    // The stage bucket: the one the capture destination names.
    const [, config] = only(prod, 'AWS::SageMaker::EndpointConfig');
    const captureBucket = JSON.stringify(config.Properties.DataCaptureConfig.DestinationS3Uri).match(/"Ref":"([^"]+)"/)![1];
    const bucket = prod.toJSON().Resources[captureBucket];
    expect(bucket.Properties.LifecycleConfiguration.Rules).toContainEqual({
      Id: 'ExpireCapturedData', Prefix: 'datacapture/player-churn-prod/', Status: 'Enabled', ExpirationInDays: 90, NoncurrentVersionExpiration: { NoncurrentDays: 1 },
    });
  });

  // The same page: objects expire only under a rule. With capture off (or a serverless stage, which captures nothing) the
  // retained stage bucket may still hold what an earlier release captured: the rule stays, at the default 90 days.
  test('with capture off, what an earlier release captured still expires', () => {
    for (const template of [synthStage({ endpoints: { prod: { type: 'realtime', dataCapture: false } } }), synthStage({}, MODEL, 'staging')]) {
      template.resourceCountIs('AWS::SageMaker::EndpointConfig', 1);
      expect(JSON.stringify(only(template, 'AWS::SageMaker::EndpointConfig')[1].Properties.DataCaptureConfig)).toBeUndefined();
      const rules = resources(template, 'AWS::S3::Bucket').flatMap(([, b]) => b.Properties.LifecycleConfiguration?.Rules ?? []);
      expect(rules).toContainEqual(expect.objectContaining({ Id: 'ExpireCapturedData', Prefix: expect.stringMatching(/^datacapture\/player-churn-(prod|staging)\/$/), ExpirationInDays: 90 }));
    }
  });

  // The model role writes the captured data into the KMS-encrypted stage bucket: s3:PutObject under this endpoint's prefix,
  // and the stage key for SSE-KMS (GenerateDataKey, and Decrypt for multipart parts: Amazon S3 User Guide, "Using
  // server-side encryption with AWS KMS keys").
  test('the model role may write captured data under this endpoint\'s prefix, encrypted with the stage key', () => {
    const policies = statements(prod, 'AWS::IAM::Policy');
    expect(JSON.stringify(policies.find((s) => s.Sid === 'WriteCapturedData'))).toContain('/datacapture/player-churn-prod/*');
    expect([...policies.find((s) => s.Sid === 'EncryptCapturedData').Action].sort()).toEqual(['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey']);
  });

  test('an existing alert topic replaces the stage\'s own: no topic, no subscription, the alarms notify it', () => {
    const topic = 'arn:aws:sns:us-east-1:111111111111:ops-alerts';
    const template = synthStage({ release: { alertTopicArn: topic } });
    template.resourceCountIs('AWS::SNS::Topic', 0);
    template.resourceCountIs('AWS::SNS::Subscription', 0);
    for (const [, alarm] of resources(template, 'AWS::CloudWatch::Alarm')) {
      expect(alarm.Properties.AlarmActions).toEqual([topic]);
    }
  });
});

describe('a canary on a fleet of 2', () => {
  // API reference "CapacitySize" (INSTANCE_COUNT) and "TrafficRoutingConfig" (canary <= 50 % of the fleet).
  test('the canary is one instance (INSTANCE_COUNT), half of the smallest fleet', () => {
    const template = synthStage({ endpoints: { prod: { type: 'realtime', autoscaling: { minInstances: 2 }, deploymentGuardrails: { strategy: 'canary' } } } });
    const [, endpoint] = only(template, 'AWS::SageMaker::Endpoint');
    expect(endpoint.Properties.DeploymentConfig.BlueGreenUpdatePolicy.TrafficRoutingConfiguration).toEqual({
      Type: 'CANARY', WaitIntervalInSeconds: 300, CanarySize: { Type: 'INSTANCE_COUNT', Value: 1 },
    });
    const [, config] = only(template, 'AWS::SageMaker::EndpointConfig');
    expect(config.Properties.ProductionVariants[0].InitialInstanceCount).toBe(2);
  });
});

describe('updates of an autoscaled production endpoint', () => {
  const before = synthStage().toJSON().Resources;
  const ids = (resources: Record<string, any>, type: string) => Object.keys(resources).filter((id) => resources[id].Type === type);
  const reconcileIds = (resources: Record<string, any>) => [SCALING_BEFORE_UPDATE_TYPE, SCALING_AFTER_UPDATE_TYPE].map((type) => ids(resources, type)[0]);
  const [beforeUpdate, afterUpdate] = reconcileIds(before);
  const [endpoint] = ids(before, 'AWS::SageMaker::Endpoint');
  const [config] = ids(before, 'AWS::SageMaker::EndpointConfig');

  // Application Auto Scaling API Reference, PutScalingPolicy ("You cannot create a scaling policy until you have registered
  // the resource as a scalable target") and DeregisterScalableTarget (which deletes the target's policies): a target or policy
  // of CloudFormation's own, updated while the function has the variant deregistered, would fail the release.
  test('the function owns the registration: no AWS::ApplicationAutoScaling resource of CloudFormation\'s', () => {
    expect(ids(before, 'AWS::ApplicationAutoScaling::ScalableTarget')).toEqual([]);
    expect(ids(before, 'AWS::ApplicationAutoScaling::ScalingPolicy')).toEqual([]);
    expect(before[afterUpdate].Properties).toEqual({
      ServiceToken: before[beforeUpdate].Properties.ServiceToken,
      EndpointName: 'player-churn-prod', VariantName: 'AllTraffic', InstanceType: 'ml.m5.large', Autoscaling: true, MinCapacity: 1, MaxCapacity: 4,
      PolicyName: 'player-churn-prod-invocations-per-instance', TargetValue: 1000, ScaleInCooldown: 300, ScaleOutCooldown: 60,
      EndpointConfigName: { 'Fn::GetAtt': [config, 'EndpointConfigName'] }, ServiceTimeout: '960',
    });
    // The before side names the configuration the endpoint is about to get, and waits for the endpoint (an autoscaling
    // activity in progress would make SageMaker refuse the update).
    const { EndpointConfigName: next, ...beforeProperties } = before[afterUpdate].Properties;
    expect(before[beforeUpdate].Properties).toEqual({ ...beforeProperties, NextEndpointConfigName: next, WaitForEndpoint: true });
  });

  test('a release (new model, same instance type) keeps the capacity: both sides run and register what is registered already', () => {
    const after = synthStage({}, RELEASE).toJSON().Resources;
    // Both sides name the endpoint configuration, which each release replaces (its model does): they run on each release
    // (the before side waiting for the endpoint) and register what is registered already.
    expect(after[beforeUpdate]).toEqual(before[beforeUpdate]);
    expect(after[afterUpdate]).toEqual(before[afterUpdate]);
    const [model] = ids(before, 'AWS::SageMaker::Model');
    expect(after[model]).not.toEqual(before[model]);
    expect(after[config].Properties.ProductionVariants[0].ModelName).toEqual({ 'Fn::GetAtt': [model, 'ModelName'] });
    expect(after[endpoint].Properties.RetainAllVariantProperties).toBe(true);
  });

  // Application Auto Scaling User Guide, "Service-linked roles for Application Auto Scaling": the first RegisterScalableTarget of
  // SageMaker variants in an account creates AWSServiceRoleForApplicationAutoScaling_SageMakerEndpoint with the caller's permission.
  test('the function may create Application Auto Scaling\'s service-linked role for SageMaker, and no other role', () => {
    const statements = Object.values<any>(before).filter((r) => r.Type === 'AWS::IAM::Policy').flatMap((p) => p.Properties.PolicyDocument.Statement);
    const linked = statements.filter((st) => ([] as string[]).concat(st.Action).includes('iam:CreateServiceLinkedRole'));
    expect(linked).toEqual([{
      Sid: 'ServiceLinkedRole', Effect: 'Allow', Action: 'iam:CreateServiceLinkedRole',
      Resource: { 'Fn::Join': ['', ['arn:aws:iam::', { Ref: 'AWS::AccountId' },
        ':role/aws-service-role/sagemaker.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_SageMakerEndpoint']] },
      Condition: { StringEquals: { 'iam:AWSServiceName': 'sagemaker.application-autoscaling.amazonaws.com' } },
    }]);
  });

  // Developer guide "Update endpoints that use auto scaling": an update that changes the instance type of a
  // variant registered for autoscaling fails; deregister, update, then register and put the policy again. The
  // function both resources run (test/model-deploy/scalable-target-handler.test.ts) does that forward and on rollback.
  test('an instance-type change with new scaling values: the function runs before the endpoint update and after it, with the new values', () => {
    const after = synthStage({ endpoints: { prod: { type: 'realtime', instanceType: 'ml.c5.xlarge', autoscaling: { maxInstances: 6, invocationsPerInstance: 500 } } } }).toJSON().Resources;
    expect(reconcileIds(after)).toEqual([beforeUpdate, afterUpdate]);
    for (const id of [beforeUpdate, afterUpdate]) {
      expect(before[id].Properties).toMatchObject({ InstanceType: 'ml.m5.large' });
      expect(after[id].Properties).toMatchObject({ InstanceType: 'ml.c5.xlarge', Autoscaling: true, MaxCapacity: 6, TargetValue: 500 });
    }
    // The order CloudFormation follows (and reverses on rollback): before → endpoint update → after.
    const dependsOn = (id: string): string[] => [].concat(after[id].DependsOn ?? []);
    expect(dependsOn(endpoint)).toContain(beforeUpdate);
    expect(dependsOn(afterUpdate)).toContain(endpoint);
    expect(after[endpoint].Properties.RetainAllVariantProperties).toBe(true);
    // The function's code is the tested handler, inline.
    const [fn] = Object.values<any>(after).filter((r) => r.Type === 'AWS::Lambda::Function');
    expect(fn.Properties.Code.ZipFile).toBe(SCALABLE_TARGET_HANDLER_CODE);
  });

  // The same page: the update of an endpoint whose variant is still registered fails if it changes the instance type,
  // and CloudFormation deletes removed resources only after the updates. So autoscaling turned off keeps both
  // resources, which deregister the variant before the endpoint update.
  test('autoscaling turned off: the same two resources, saying so; the endpoint still waits for the before side', () => {
    const after = synthStage({ endpoints: { prod: { type: 'realtime', instanceType: 'ml.c5.xlarge', autoscaling: false, instanceCount: 2 } } }).toJSON().Resources;
    expect(reconcileIds(after)).toEqual([beforeUpdate, afterUpdate]);
    expect(after[beforeUpdate].Properties).toEqual({
      ServiceToken: expect.anything(), ServiceTimeout: '960', EndpointName: 'player-churn-prod', VariantName: 'AllTraffic', InstanceType: 'ml.c5.xlarge', Autoscaling: false,
      NextEndpointConfigName: { 'Fn::GetAtt': [expect.stringMatching(/^EndpointConfig/), 'EndpointConfigName'] }, WaitForEndpoint: true,
    });
    expect([].concat(after[endpoint].DependsOn ?? [])).toContain(beforeUpdate);
    // The configured count wins: no retained properties.
    expect(after[endpoint].Properties.RetainAllVariantProperties).toBeUndefined();
  });
});

describe('a production stage in another region', () => {
  test('the scalable-target function and the model copy\'s function each have a role of their own', () => {
    // The model copy's own Control Tower findings are the model copy's to acknowledge: this test reads the template only.
    const config = testConfig({ environments: { build: { account: '111111111111' }, staging: { account: '111111111111' }, prod: { account: '333333333333', region: 'eu-west-1' } } });
    const template = Template.fromStack(new EndpointStack(new App({ context: PROJECT_APP_CONTEXT }), 'prod-endpoint', { config, stage: 'prod', model: MODEL, repoDir: repo() }));
    template.resourceCountIs('AWS::Lambda::Function', 2);
    const actionsOf = (fn: any): string[] => {
      const role = fn.Properties.Role['Fn::GetAtt'][0];
      const attached = resources(template, 'AWS::IAM::Policy').filter(([, p]) => JSON.stringify(p.Properties.Roles).includes(role));
      return attached.flatMap(([, p]) => p.Properties.PolicyDocument.Statement).flatMap((st: any) => [].concat(st.Action));
    };
    const [reconcile, copy] = resources(template, 'AWS::Lambda::Function').map(([, fn]) => fn)
      .sort((a, b) => Number(b.Properties.Code.ZipFile === SCALABLE_TARGET_HANDLER_CODE) - Number(a.Properties.Code.ZipFile === SCALABLE_TARGET_HANDLER_CODE));
    expect(reconcile.Properties.Code.ZipFile).toBe(SCALABLE_TARGET_HANDLER_CODE);
    expect(actionsOf(reconcile)).toEqual(expect.arrayContaining(['application-autoscaling:DeregisterScalableTarget', 'application-autoscaling:RegisterScalableTarget', 'sagemaker:DescribeEndpoint']));
    expect(actionsOf(reconcile)).not.toContain('s3:PutObject');
    expect(copy.Properties.Code.ZipFile).toBe(STAGE_MODEL_COPY_HANDLER_CODE);
    expect(actionsOf(copy)).toContain('s3:PutObject');
    expect(actionsOf(copy)).not.toContain('application-autoscaling:RegisterScalableTarget');
  });
});

describe('staging', () => {
  test('serverless: no alarms, no topic, no retained properties', () => {
    const staging = synthStage({}, MODEL, 'staging');
    const [, endpoint] = only(staging, 'AWS::SageMaker::Endpoint');
    expect(endpoint.Properties.RetainAllVariantProperties).toBeUndefined();
    staging.resourceCountIs('AWS::SNS::Topic', 0);
  });
});
