import * as fs from 'node:fs';
import * as path from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { ProjectResourceNames } from '../../src/app-context/resource-names';
import { ModelDeployApp, PLACEHOLDER_MODEL_CONTEXT, RESOLVED_MODEL_FILE, ResolvedModel, placeholderModel } from '../../src/model-deploy';
import { synthValidated, testConfig } from '../helpers/validated-synth';
import { MODEL, app, buildSpecs, matches, repo } from './fixtures';

describe('EndpointStack', () => {
  const deploy = app();
  const staging = Template.fromStack(deploy.pipelineStack.staging.endpoint);
  const prod = Template.fromStack(deploy.pipelineStack.prod.endpoint);

  test('the model comes from the model package and runs as a role that reads only its artifact', () => {
    for (const template of [staging, prod]) {
      template.hasResourceProperties('AWS::SageMaker::Model', { PrimaryContainer: { ModelPackageName: MODEL.modelPackageArn } });
      const statements = Object.values<any>(template.findResources('AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement);
      expect(statements).toContainEqual(expect.objectContaining({
        Sid: 'ReadModelArtifact', Action: 's3:GetObject', Resource: 'arn:aws:s3:::build-bucket/player-churn-training/exec1/Train/output/model.tar.gz',
      }));
      expect(statements).toContainEqual(expect.objectContaining({ Sid: 'DecryptModelArtifact', Action: 'kms:Decrypt', Resource: MODEL.artifactKmsKeyArn }));
    }
  });

  test('staging is serverless: no instance type, no capture, no guardrails, no autoscaling', () => {
    const [config] = Object.values<any>(staging.findResources('AWS::SageMaker::EndpointConfig'));
    expect(config.Properties.ProductionVariants).toEqual([{ VariantName: 'AllTraffic', ModelName: expect.anything(), ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5 } }]);
    expect(config.Properties.ProductionVariants[0].InstanceType).toBeUndefined();
    expect(config.Properties.DataCaptureConfig).toBeUndefined();
    expect(config.Properties.KmsKeyId).toBeUndefined();
    const [endpoint] = Object.values<any>(staging.findResources('AWS::SageMaker::Endpoint'));
    expect(endpoint.Properties.EndpointName).toBe('player-churn-staging');
    expect(endpoint.Properties.DeploymentConfig).toBeUndefined();
    staging.resourceCountIs('Custom::ScalableTargetAfterUpdate', 0);
    staging.resourceCountIs('AWS::CloudWatch::Alarm', 0);
  });

  test('production is real-time ml.m5.large, KMS-encrypted, capturing input and output to its bucket', () => {
    const [config] = Object.values<any>(prod.findResources('AWS::SageMaker::EndpointConfig'));
    expect(config.Properties.ProductionVariants).toEqual([expect.objectContaining({ InstanceType: 'ml.m5.large', InitialInstanceCount: 1, InitialVariantWeight: 1 })]);
    expect(config.Properties.KmsKeyId).toBeDefined();
    expect(config.Properties.DataCaptureConfig).toMatchObject({
      EnableCapture: true, InitialSamplingPercentage: 100, CaptureOptions: [{ CaptureMode: 'Input' }, { CaptureMode: 'Output' }],
      CaptureContentTypeHeader: { CsvContentTypes: ['text/csv'] },
    });
    expect(JSON.stringify(config.Properties.DataCaptureConfig.DestinationS3Uri)).toContain('/datacapture');
  });

  test('guardrail alarms exist and are the endpoint\'s auto-rollback alarms, with an all-at-once shift and a baking period', () => {
    const [endpoint] = Object.values<any>(prod.findResources('AWS::SageMaker::Endpoint'));
    const alarms = Object.values<any>(prod.findResources('AWS::CloudWatch::Alarm'));
    const names = alarms.map((a) => a.Properties.AlarmName);
    expect(names).toEqual(expect.arrayContaining(['player-churn-prod-5xx-errors', 'player-churn-prod-model-latency']));
    const policy = endpoint.Properties.DeploymentConfig;
    const alarmIds = Object.keys(prod.findResources('AWS::CloudWatch::Alarm'));
    const rollbackNames = policy.AutoRollbackConfiguration.Alarms.map((a: any) => {
      expect(alarmIds).toContain(a.AlarmName.Ref);
      return prod.toJSON().Resources[a.AlarmName.Ref].Properties.AlarmName;
    });
    expect(rollbackNames).toEqual(['player-churn-prod-5xx-errors', 'player-churn-prod-model-latency']);
    expect(policy.BlueGreenUpdatePolicy.TrafficRoutingConfiguration).toEqual({ Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: 300 });
    const latency = alarms.find((a) => a.Properties.AlarmName === 'player-churn-prod-model-latency').Properties;
    expect(latency).toMatchObject({ MetricName: 'ModelLatency', Namespace: 'AWS/SageMaker', Threshold: 1_000_000 });
    expect(latency.Dimensions).toEqual(expect.arrayContaining([{ Name: 'EndpointName', Value: 'player-churn-prod' }, { Name: 'VariantName', Value: 'AllTraffic' }]));
  });

  // SageMaker Developer Guide, "Auto-Rollback Configuration and Monitoring": with EndpointName and VariantName alone the
  // old fleet's errors count too, and "if your old fleet trips the alarm during the deployment, SageMaker terminates your
  // deployment"; the dimension EndpointConfigName (the new configuration) limits an alarm to the new fleet.
  test('the rollback alarms judge the release\'s fleet alone: its endpoint configuration is a dimension of both', () => {
    const [configId] = Object.keys(prod.findResources('AWS::SageMaker::EndpointConfig'));
    const alarms = Object.values<any>(prod.findResources('AWS::CloudWatch::Alarm')).filter((a) => /-(5xx-errors|model-latency)$/.test(a.Properties.AlarmName));
    expect(alarms).toHaveLength(2);
    for (const alarm of alarms) {
      expect(alarm.Properties.Dimensions).toEqual(expect.arrayContaining([
        { Name: 'EndpointName', Value: 'player-churn-prod' }, { Name: 'VariantName', Value: 'AllTraffic' },
        { Name: 'EndpointConfigName', Value: { 'Fn::GetAtt': [configId, 'EndpointConfigName'] } },
      ]));
      expect(alarm.Properties.Dimensions).toHaveLength(3);
    }
  });

  test('the stage stacks\' resources carry the project tag, as the app\'s own stacks do', () => {
    for (const template of [staging, prod]) {
      template.hasResourceProperties('AWS::SageMaker::Endpoint', { Tags: [{ Key: 'sagemaker-gitops:project', Value: 'player-churn' }] });
    }
  });

  test('the production endpoint is retained when its stack is deleted', () => {
    expect(Object.values<any>(prod.findResources('AWS::SageMaker::Endpoint'))[0].DeletionPolicy).toBe('RetainExceptOnCreate');
    expect(Object.values<any>(staging.findResources('AWS::SageMaker::Endpoint'))[0].DeletionPolicy).toBeUndefined();
  });

  test('target-tracking autoscaling on invocations per instance, 1..4 instances, registered by the stack\'s function', () => {
    // The function registers endpoint/player-churn-prod/variant/AllTraffic with these values, a target-tracking policy on
    // SageMakerVariantInvocationsPerInstance (test/model-deploy/scalable-target-handler.test.ts).
    for (const side of ['Custom::ScalableTargetBeforeUpdate', 'Custom::ScalableTargetAfterUpdate']) {
      prod.hasResourceProperties(side, {
        EndpointName: 'player-churn-prod', VariantName: 'AllTraffic', Autoscaling: true, MinCapacity: 1, MaxCapacity: 4, TargetValue: 1000,
      });
    }
  });

  test('the daily drift check: a one-step pipeline, a schedule, an alarm to the reviewers\' topic', () => {
    const [pipeline] = Object.values<any>(prod.findResources('AWS::SageMaker::Pipeline'));
    expect(pipeline.Properties.PipelineName).toBe('player-churn-prod-drift');
    const body = JSON.stringify(pipeline.Properties.PipelineDefinition.PipelineDefinitionBody);
    expect(body).toContain('CheckDrift');
    expect(body).toContain(MODEL.baselineDataUri);
    prod.hasResourceProperties('AWS::Scheduler::Schedule', { ScheduleExpression: 'rate(1 day)' });
    const drift = Object.values<any>(prod.findResources('AWS::CloudWatch::Alarm')).find((a) => a.Properties.AlarmName === 'player-churn-prod-drift');
    expect(drift.Properties).toMatchObject({ Namespace: 'SageMakerGitOps/Drift', MetricName: 'DriftDetected', Threshold: 1 });
    expect(drift.Properties.AlarmActions).toHaveLength(1);
  });

  test('features switched off leave no trace', () => {
    const plain = app({ endpoints: { prod: { type: 'realtime', autoscaling: false, deploymentGuardrails: false, dataCapture: false, instanceCount: 2 } } });
    const template = Template.fromStack(plain.pipelineStack.prod.endpoint);
    // Autoscaling off: the function only makes sure no registration is left (test/model-deploy/endpoint-stack.test.ts).
    template.hasResourceProperties('Custom::ScalableTargetAfterUpdate', { Autoscaling: false });
    template.resourceCountIs('AWS::CloudWatch::Alarm', 0);
    template.resourceCountIs('AWS::SageMaker::Pipeline', 0);
    const [config] = Object.values<any>(template.findResources('AWS::SageMaker::EndpointConfig'));
    expect(config.Properties.DataCaptureConfig).toBeUndefined();
    expect(config.Properties.ProductionVariants[0].InitialInstanceCount).toBe(2);
  });
});

describe('accounts', () => {
  test('staging and production in their own accounts: every stack passes the checks, each stage\'s checks assume its tester role', () => {
    const config = { environments: { build: { account: '111111111111' }, staging: { account: '222222222222' }, prod: { account: '333333333333' } } };
    const deploy = app(config);
    const templates = synthValidated(deploy);
    expect(deploy.pipelineStack.staging.endpoint.account).toBe('222222222222');
    expect(deploy.pipelineStack.prod.endpoint.account).toBe('333333333333');
    const specs = buildSpecs(templates['player-churn-model-deploy-pipeline']).map((spec) => JSON.stringify(spec));
    // The synth role cannot read production's stacks in its own account: no production check, Prod always runs.
    expect(specs.join('\n')).not.toContain('PROD_CHANGE');
    const [pipeline] = Object.values<any>(templates['player-churn-model-deploy-pipeline'].findResources('AWS::CodePipeline::Pipeline'));
    // Production's assets go to its own account, which the synth step does not look into: the Assets stage always runs.
    expect(pipeline.Properties.Stages.filter((st: any) => st.BeforeEntry !== undefined).map((st: any) => st.Name)).toEqual(['UpdatePipeline']);
    const synthPolicy = JSON.stringify(Object.entries(templates['player-churn-model-deploy-pipeline'].findResources('AWS::IAM::Policy')).filter(([id]) => /Synth/.test(id)));
    expect(synthPolicy).not.toContain('s3:ListBucket');
    for (const [stage, account] of [['staging', '222222222222'], ['prod', '333333333333']]) {
      const template = templates[`player-churn-${stage}-endpoint`];
      template.hasResourceProperties('AWS::IAM::Role', {
        RoleName: `player-churn-${stage}-endpoint-tester`,
        AssumeRolePolicyDocument: { Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' } }], Version: '2012-10-17' },
      });
      // The role may verify what the endpoint serves: the endpoint, its configs and models, its stack's resources.
      const actions = Object.values<any>(template.findResources('AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement).flatMap((st) => [st.Action].flat());
      expect(actions).toEqual(expect.arrayContaining(['sagemaker:InvokeEndpoint', 'sagemaker:DescribeEndpoint', 'sagemaker:DescribeEndpointConfig',
        'sagemaker:DescribeModel', 'cloudformation:DescribeStacks', 'cloudformation:ListStackResources']));
      const check = specs.find((spec) => spec.includes(`verify-release --stack player-churn-${stage}-endpoint`));
      expect(check).toContain(`role_arn = arn:aws:iam::${account}:role/player-churn-${stage}-endpoint-tester`);
      expect(check).toContain(`--profile ${stage}`);
    }
  });

  describe('a stage in another region than the registry', () => {
    const accounts = { build: { account: '111111111111' }, staging: { account: '111111111111' }, prod: { account: '333333333333', region: 'eu-west-1' } };
    const deploy = app({ environments: accounts });
    const templates = synthValidated(deploy);
    const prod = templates['player-churn-prod-endpoint'];
    const copies = Object.values<any>(prod.findResources('Custom::StageModelCopy')).map((r) => r.Properties);

    // S3 API Reference, CopyObject (one call copies up to 5 GB, across regions too); Lambda Developer Guide, "Configure
    // Lambda function timeout" (at most 900 s); CloudFormation, AWS::CloudFormation::CustomResource ServiceTimeout (1-3600 s).
    test('a copy may take Lambda\'s 15 minutes, and CloudFormation waits a minute longer for its answer', () => {
      const [fn] = Object.values<any>(prod.findResources('AWS::Lambda::Function', { Properties: { Description: Match.stringLikeRegexp('^Copies the released versions') } }));
      expect(fn.Properties.Timeout).toBe(900);
      expect(copies.length).toBeGreaterThan(0);
      for (const copy of copies) {
        expect(Number(copy.ServiceTimeout)).toBe(960);
      }
    });

    test('every stack passes the checks, with CodePipeline\'s replication support stack in that region', () => {
      expect(Object.keys(templates).sort()).toEqual([
        'player-churn-model-deploy-pipeline', 'player-churn-model-deploy-pipeline-support-eu-west-1', 'player-churn-prod-endpoint', 'player-churn-staging-endpoint',
      ]);
      expect(deploy.pipelineStack.prod.endpoint.region).toBe('eu-west-1');
      templates['player-churn-model-deploy-pipeline-support-eu-west-1'].hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
      // cleanup looks for it by this name (cleanup-plan.ts).
      expect(templates).toHaveProperty([new ProjectResourceNames('player-churn').crossRegionSupportStack('eu-west-1')]);
    });

    // The self-mutation (`cdk deploy` of the pipeline stack) also deploys the support stack it depends on, so the
    // synth step compares both with what is deployed; GetTemplate/DescribeStacks take the stack's ARN
    // ("Actions, resources, and condition keys for AWS CloudFormation", Service Authorization Reference).
    test('the synth step may read the deployed templates of the pipeline stack and of its support stack, and no other', () => {
      const pipeline = templates['player-churn-model-deploy-pipeline'];
      const reads = Object.values<any>(pipeline.findResources('AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement)
        .filter((st) => JSON.stringify(st.Action).includes('cloudformation:GetTemplate'));
      expect(reads).toEqual([{
        Effect: 'Allow',
        Action: ['cloudformation:DescribeStacks', 'cloudformation:GetTemplate'],
        Resource: [
          'arn:aws:cloudformation:eu-west-1:111111111111:stack/player-churn-model-deploy-pipeline-support-eu-west-1/*',
          'arn:aws:cloudformation:us-east-1:111111111111:stack/player-churn-model-deploy-pipeline/*',
        ],
      }]);
    });

    test('the version\'s artifact and baseline are copied into the stage bucket, re-encrypted with the stage key', () => {
      expect(copies.map((c) => [c.CopySource, c.Key])).toEqual([
        ['build-bucket/player-churn-training/exec1/Train/output/model.tar.gz', 'models/v7/model.tar.gz'],
        ['build-bucket/player-churn-training/exec1/Preprocess/baseline/baseline.csv', 'models/v7/baseline/baseline.csv'],
      ]);
      // The function encrypts every copy with the stage key it is given (test/model-deploy/stage-model-copy-handler.test.ts).
      const [stageKey] = Object.keys(prod.findResources('AWS::KMS::Key'));
      expect(copies.every((c) => JSON.stringify(c.KmsKeyId) === JSON.stringify({ 'Fn::GetAtt': [stageKey, 'Arn'] }))).toBe(true);
      const statements = Object.values<any>(prod.findResources('AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement);
      expect(statements).toContainEqual(expect.objectContaining({ Sid: 'ReadModelArtifact', Action: 's3:GetObject', Resource: 'arn:aws:s3:::build-bucket/player-churn-training/exec1/Train/output/model.tar.gz' }));
      expect(statements).toContainEqual(expect.objectContaining({ Sid: 'DecryptSources', Action: 'kms:Decrypt', Resource: MODEL.artifactKmsKeyArn }));
    });

    test('the model runs the XGBoost image of the stage region on the copied artifact; the drift check reads the copied baseline', () => {
      const [model] = Object.values<any>(prod.findResources('AWS::SageMaker::Model'));
      expect(model.Properties.Containers).toBeUndefined();
      expect(model.Properties.PrimaryContainer.Image).toBe('141502667606.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-xgboost:1.7-1');
      expect(JSON.stringify(model.Properties.PrimaryContainer.ModelDataUrl)).toContain('/models/v7/model.tar.gz');
      expect(model.DependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/^ModelCopyCopyModelArtifact/)]));
      const [drift] = Object.values<any>(prod.findResources('AWS::SageMaker::Pipeline'));
      const body = JSON.stringify(drift.Properties.PipelineDefinition.PipelineDefinitionBody);
      expect(body).toContain('/models/v7/baseline');
      expect(body).not.toContain('build-bucket');
    });

    // Developer Guide, "Deploy models with Amazon SageMaker Serverless Inference": serverless endpoints do not support
    // inference pipelines, which a model's Containers list is (API Reference, CreateModel); one container is PrimaryContainer.
    test('staging in the registry\'s region still serves the model package itself, as the primary container', () => {
      const [model] = Object.values<any>(templates['player-churn-staging-endpoint'].findResources('AWS::SageMaker::Model'));
      expect(model.Properties.Containers).toBeUndefined();
      templates['player-churn-staging-endpoint'].hasResourceProperties('AWS::SageMaker::Model', { PrimaryContainer: { ModelPackageName: MODEL.modelPackageArn } });
      templates['player-churn-staging-endpoint'].resourceCountIs('Custom::StageModelCopy', 0);
    });

    test('without explicit accounts, or with an image only the registry\'s region has, it is refused with the reason', () => {
      expect(() => app({ environments: { prod: { region: 'eu-west-1' } } })).toThrow(/environments.prod.region is eu-west-1 but the model registry is in us-east-1: a stage in another region needs explicit accounts/);
      expect(() => app({ environments: accounts }, { ...MODEL, imageUri: '111111111111.dkr.ecr.us-east-1.amazonaws.com/my-model:3' }))
        .toThrow(/runs the image 111111111111.dkr.ecr.us-east-1.amazonaws.com\/my-model:3, which a stage in eu-west-1 cannot use/);
    });
  });
});

describe('the resolved model', () => {
  test('read from resolved-model.json in the repository', () => {
    const dir = repo();
    fs.writeFileSync(path.join(dir, RESOLVED_MODEL_FILE), JSON.stringify(MODEL));
    expect(new ModelDeployApp({ config: testConfig(), repoDir: dir }).model).toEqual(MODEL);
  });

  test('no file: a clear error, unless a local synth asks for the placeholder', () => {
    const dir = repo();
    expect(() => new ModelDeployApp({ config: testConfig(), repoDir: dir })).toThrow(/no resolved model: .*resolved-model.json does not exist.*-c sagemaker-gitops:placeholder-model=true/);
    const local = new ModelDeployApp({ config: testConfig(), repoDir: dir, context: { [PLACEHOLDER_MODEL_CONTEXT]: 'true' } });
    expect(local.model).toEqual(placeholderModel('player-churn', 'us-east-1'));
    // The placeholder reaches the endpoint stacks (never deployable: account 000000000000) and the app warns;
    // the pipeline stack holds nothing of any release, the placeholder included.
    for (const endpoint of [local.pipelineStack.staging.endpoint, local.pipelineStack.prod.endpoint]) {
      expect(JSON.stringify(Template.fromStack(endpoint).toJSON())).toContain('placeholder-model-artifacts');
    }
    expect(local.node.metadata.concat(local.pipelineStack.node.metadata).map((m) => String(m.data))).toEqual(
      expect.arrayContaining([expect.stringContaining('synthesized with a PLACEHOLDER model')]));
  });

  test.each([
    [{ ...MODEL, approvalStatus: 'Rejected' }, /approvalStatus must be "Approved", got "Rejected"/],
    [{ ...MODEL, version: 0 }, /version must be a version number >= 1, got 0/],
    [{ ...MODEL, modelPackageArn: 'arn:aws:sagemaker:us-east-1:111111111111:model-package/other/7' }, /is not version 7 of the group player-churn/],
    [{ ...MODEL, auc: 1.5 }, /auc must be a number in 0..1, got 1.5/],
  ])('a broken file is refused, naming the field: %#', (model, message) => {
    const dir = repo();
    fs.writeFileSync(path.join(dir, RESOLVED_MODEL_FILE), JSON.stringify(model));
    expect(() => new ModelDeployApp({ config: testConfig(), repoDir: dir })).toThrow(message);
  });

  test('a model without a baseline cannot have a drift check; staging alone does not need one', () => {
    const { baselineDataUri, ...noBaseline } = MODEL;
    expect(baselineDataUri).toBeDefined();
    expect(() => app({}, noBaseline)).toThrow(/has no baselineDataUri metadata.*endpoints.prod.driftMonitoring: false/);
    expect(() => app({ endpoints: { prod: { type: 'realtime', driftMonitoring: false } } }, noBaseline)).not.toThrow();
  });
});

describe('Model Monitor (opt-in)', () => {
  const MONITORED: ResolvedModel = {
    ...MODEL,
    dataQualityStatisticsUri: 's3://build-bucket/player-churn-training/exec1/BaselineDataQuality/monitoring_output/statistics.json',
    dataQualityConstraintsUri: 's3://build-bucket/player-churn-training/exec1/BaselineDataQuality/monitoring_output/constraints.json',
  };
  const optIn = { endpoints: { prod: { type: 'realtime', modelMonitor: { schedule: 'cron(0 6 ? * * *)' } } } };

  test('off by default: no job definition, no schedule', () => {
    const template = Template.fromStack(app({}, MONITORED).pipelineStack.prod.endpoint);
    template.resourceCountIs('AWS::SageMaker::DataQualityJobDefinition', 0);
    template.resourceCountIs('AWS::SageMaker::MonitoringSchedule', 0);
  });

  test('on: a data-quality job against the version\'s baseline on the captured requests, on the schedule, passing every check', () => {
    const deploy = app(optIn, MONITORED);
    const template = synthValidated(deploy)['player-churn-prod-endpoint'];
    const [definition] = Object.values<any>(template.findResources('AWS::SageMaker::DataQualityJobDefinition'));
    expect(definition.Properties).toMatchObject({
      JobDefinitionName: expect.stringMatching(/^player-churn-prod-data-quality-[0-9a-f]{8}$/),
      DataQualityAppSpecification: { ImageUri: '156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer:latest' },
      DataQualityBaselineConfig: {
        StatisticsResource: { S3Uri: MONITORED.dataQualityStatisticsUri },
        ConstraintsResource: { S3Uri: MONITORED.dataQualityConstraintsUri },
      },
      DataQualityJobInput: { EndpointInput: { EndpointName: 'player-churn-prod', LocalPath: '/opt/ml/processing/input/endpoint' } },
      JobResources: { ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m5.xlarge', VolumeKmsKeyId: expect.anything() } },
      StoppingCondition: { MaxRuntimeInSeconds: 3600 },
    });
    expect(definition.Properties.DataQualityJobOutputConfig.KmsKeyId).toBeDefined();
    expect(JSON.stringify(definition.Properties.DataQualityJobOutputConfig.MonitoringOutputs)).toContain('/model-monitor-reports/player-churn-prod');
    template.hasResourceProperties('AWS::SageMaker::MonitoringSchedule', {
      MonitoringScheduleName: 'player-churn-prod-data-quality',
      EndpointName: 'player-churn-prod',
      MonitoringScheduleConfig: {
        MonitoringJobDefinitionName: definition.Properties.JobDefinitionName,
        MonitoringType: 'DataQuality',
        ScheduleConfig: { ScheduleExpression: 'cron(0 6 ? * * *)' },
      },
    });
    // The schedule names the job definition rather than referencing it, so CloudFormation must be
    // told to create the definition first (CreateMonitoringSchedule fails on a definition that does not exist yet).
    const [definitionId] = Object.keys(template.findResources('AWS::SageMaker::DataQualityJobDefinition'));
    const [schedule] = Object.values<any>(template.findResources('AWS::SageMaker::MonitoringSchedule'));
    expect(schedule.DependsOn).toContain(definitionId);
    const statements = Object.values<any>(template.findResources('AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement);
    expect(statements).toContainEqual(expect.objectContaining({
      Sid: 'ReadBaseline', Action: 's3:GetObject',
      Resource: [
        'arn:aws:s3:::build-bucket/player-churn-training/exec1/BaselineDataQuality/monitoring_output/constraints.json',
        'arn:aws:s3:::build-bucket/player-churn-training/exec1/BaselineDataQuality/monitoring_output/statistics.json',
      ],
    }));
    // SageMaker API Reference, "ProcessingS3Input" (S3Prefix inputs are listed) and the Amazon S3 user guide's "Policy
    // actions for Amazon S3" (ListObjectsV2 needs s3:ListBucket): the job downloads each baseline file as a prefix.
    expect(statements).toContainEqual({
      Sid: 'ListBaseline', Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::build-bucket',
      Condition: { StringLike: { 's3:prefix': [
        'player-churn-training/exec1/BaselineDataQuality/monitoring_output/statistics.json*',
        'player-churn-training/exec1/BaselineDataQuality/monitoring_output/constraints.json*',
      ] } },
    });
    expect(statements).toContainEqual(expect.objectContaining({ Sid: 'PullAnalyzer', Resource: 'arn:aws:ecr:us-east-1:156813124566:repository/sagemaker-model-monitor-analyzer' }));
  });

  // CloudFormation Template Reference, AWS::SageMaker::DataQualityJobDefinition: every property but EndpointName
  // requires replacement, and CloudFormation cannot replace a resource with a custom name. A change of any
  // of them (not only a new version's baseline) must rename the definition, and the schedule must follow.
  test('a change of the job definition\'s properties renames it; the same properties keep the name', () => {
    const definitionName = (options: Record<string, unknown>, model: ResolvedModel) => {
      const template = Template.fromStack(app(options, model).pipelineStack.prod.endpoint);
      const [definition] = Object.values<any>(template.findResources('AWS::SageMaker::DataQualityJobDefinition'));
      const [schedule] = Object.values<any>(template.findResources('AWS::SageMaker::MonitoringSchedule'));
      expect(schedule.Properties.MonitoringScheduleConfig.MonitoringJobDefinitionName).toBe(definition.Properties.JobDefinitionName);
      expect(definition.Properties.JobDefinitionName.length).toBeLessThanOrEqual(63);
      return definition.Properties.JobDefinitionName;
    };
    const first = definitionName(optIn, MONITORED);
    expect(definitionName(optIn, MONITORED)).toBe(first);
    const otherInstance = { endpoints: { prod: { type: 'realtime', modelMonitor: { schedule: 'cron(0 6 ? * * *)', instanceType: 'ml.m5.large' } } } };
    expect(definitionName(otherInstance, MONITORED)).not.toBe(first);
    const nextBaseline = { ...MONITORED, dataQualityStatisticsUri: MONITORED.dataQualityStatisticsUri!.replace('exec1', 'exec2') };
    expect(definitionName(optIn, nextBaseline)).not.toBe(first);
    // The schedule alone (no replacement of the definition) keeps the name.
    const otherSchedule = { endpoints: { prod: { type: 'realtime', modelMonitor: { schedule: 'cron(0 7 ? * * *)' } } } };
    expect(definitionName(otherSchedule, MONITORED)).toBe(first);
  });

  /**
   * A "SageMaker Processing Job State Change" event as the SageMaker developer guide's page "Events that Amazon
   * SageMaker AI sends to Amazon EventBridge" shows it (the fields used here), for a job run with `roleArn`.
   */
  const processingJobEvent = (status: string, roleArn: unknown) => ({
    'version': '0', 'source': 'aws.sagemaker', 'detail-type': 'SageMaker Processing Job State Change',
    'account': '123456789012', 'region': 'us-east-1', 'resources': ['arn:aws:sagemaker:us-east-1:123456789012:processing-job/model-monitoring-202612070600-0a1b2c3d'],
    'detail': {
      ProcessingJobName: 'model-monitoring-202612070600-0a1b2c3d', ProcessingJobStatus: status, RoleArn: roleArn,
      ...(status === 'Failed' ? { FailureReason: 'AlgorithmError: See job logs for more information' } : {}),
    },
  });

  // SageMaker developer guide, "Events that Amazon SageMaker AI sends to Amazon EventBridge" (Processing job state
  // change: the job's RoleArn and ProcessingJobStatus in the detail) and "Interpret results" (a failed execution
  // checked nothing): a monitoring job that fails or is stopped reaches the stage's alert topic.
  test('a monitoring job that fails or is stopped notifies the alert topic; a completed one, or another role\'s job, does not', () => {
    const template = synthValidated(app(optIn, MONITORED))['player-churn-prod-endpoint'];
    const [roleId] = Object.keys(template.findResources('AWS::IAM::Role', { Properties: { Description: 'Runs the Model Monitor data-quality jobs of the endpoint player-churn-prod' } }));
    const rules = Object.values<any>(template.findResources('AWS::Events::Rule', { Properties: { Name: 'player-churn-prod-data-quality-failed' } }));
    expect(rules).toHaveLength(1);
    const [rule] = rules;
    const roleArn = { 'Fn::GetAtt': [roleId, 'Arn'] };
    expect(rule.Properties.EventPattern).toEqual({
      'source': ['aws.sagemaker'], 'detail-type': ['SageMaker Processing Job State Change'],
      'detail': { RoleArn: [roleArn], ProcessingJobStatus: ['Failed', 'Stopped'] },
    });
    // As deployed, the role's ARN in place of its Fn::GetAtt.
    const monitorRole = 'arn:aws:iam::123456789012:role/player-churn-prod-endpoint-ModelMonitorRole-AbC123';
    const deployed = { ...rule.Properties.EventPattern, detail: { ...rule.Properties.EventPattern.detail, RoleArn: [monitorRole] } };
    for (const status of ['Failed', 'Stopped']) {
      expect(matches(deployed, processingJobEvent(status, monitorRole))).toBe(true);
    }
    for (const status of ['Completed', 'InProgress', 'Stopping']) {
      expect(matches(deployed, processingJobEvent(status, monitorRole))).toBe(false);
    }
    expect(matches(deployed, processingJobEvent('Failed', 'arn:aws:iam::123456789012:role/player-churn-build-role'))).toBe(false);
    // To the stage's topic, retried for a day, then into a dead-letter queue whose alarm tells the same topic.
    const [topicId] = Object.keys(template.findResources('AWS::SNS::Topic', { Properties: { TopicName: 'player-churn-prod-alerts' } }));
    expect(rule.Properties.Targets).toEqual([expect.objectContaining({
      Arn: { Ref: topicId }, RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86400 }, DeadLetterConfig: { Arn: expect.anything() },
    })]);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmName: 'player-churn-prod-data-quality-failed-undelivered', AlarmActions: [{ Ref: topicId }] });
    const topicStatements = Object.values<any>(template.findResources('AWS::SNS::TopicPolicy')).flatMap((p) => p.Properties.PolicyDocument.Statement);
    expect(topicStatements).toContainEqual(expect.objectContaining({ Sid: 'EventRulePublish', Principal: { Service: 'events.amazonaws.com' }, Action: 'sns:Publish' }));
  });

  test('a staging endpoint whose only alert is Model Monitor\'s gets an alert topic of its own for it, passing every check', () => {
    const deploy = app({ endpoints: { staging: { type: 'realtime', dataCapture: {}, deploymentGuardrails: false, driftMonitoring: false, modelMonitor: { schedule: 'cron(0 6 ? * * *)' } } } }, MONITORED);
    const template = synthValidated(deploy)['player-churn-staging-endpoint'];
    template.hasResourceProperties('AWS::SNS::Topic', { TopicName: 'player-churn-staging-alerts' });
    template.hasResourceProperties('AWS::Events::Rule', { Name: 'player-churn-staging-data-quality-failed' });
    expect(Object.values<any>(template.findResources('AWS::CloudWatch::Alarm')).map((alarm) => alarm.Properties.AlarmName).sort()).toEqual([
      'player-churn-staging-data-quality-completed-undelivered', 'player-churn-staging-data-quality-failed-undelivered',
      'player-churn-staging-data-quality-no-results', 'player-churn-staging-data-quality-violations',
      'player-churn-staging-data-quality-violations-check-discarded', 'player-churn-staging-data-quality-violations-check-failed',
      'player-churn-staging-data-quality-violations-check-record-lost',
    ]);
  });

  test('a version registered without the data-quality baseline is refused, saying what to do', () => {
    expect(() => app(optIn, MODEL)).toThrow(/carries no Model Monitor data-quality baseline.*run the model-build pipeline again.*endpoints.prod.modelMonitor: false/);
  });

  test('a region without the analyzer image is refused, listing the regions that have it', () => {
    const config = { region: 'ap-southeast-3', ...optIn };
    expect(() => app(config, { ...MONITORED, modelPackageArn: 'arn:aws:sagemaker:ap-southeast-3:111111111111:model-package/player-churn/7' }))
      .toThrow(/the SageMaker model-monitor latest image is not published in "ap-southeast-3"; supported regions: af-south-1,/);
  });
});
