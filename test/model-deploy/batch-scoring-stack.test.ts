import * as path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { CONFIG_FILE_NAME, ProjectOptions, readProjectConfig, resolveProjectConfig } from '../../src/config';
import { ModelDeployApp } from '../../src/model-deploy';
import { BATCH_SCORING_STEP } from '../../src/model-deploy/batch-scoring-pipeline';
import { BatchScoringStack } from '../../src/model-deploy/batch-scoring-stack';
import { pipelineDefinitionSchemaErrors } from '../../src/pipeline-definition';
import { synthValidated, testConfig, validatedApp } from '../helpers/validated-synth';
import { MODEL, repo } from './fixtures';

const INPUT = 's3://acme-scoring/players/daily';
const INPUT_KEY = 'arn:aws:kms:us-east-1:123456789012:key/9876abcd-12ab-34cd-56ef-1234567890ab';

/** The batch-scoring stack alone, synthesized through the CloudFormation validator, cdk-nag and the Control Tower guardrails. */
function synthScoring(options: Record<string, unknown> = {}, overrides: Record<string, unknown> = {}): Template {
  const app = validatedApp();
  const stack = new BatchScoringStack(app, 'scoring', { config: testConfig({ batchScoring: { inputUri: INPUT, ...options }, ...overrides }), model: MODEL });
  return synthValidated(app)[stack.stackName];
}

const resources = (t: Template, type: string) => Object.values<any>(t.toJSON().Resources).filter((r) => r.Type === type);
const definitionOf = (t: Template) => {
  const [pipeline] = resources(t, 'AWS::SageMaker::Pipeline');
  const body = pipeline.Properties.PipelineDefinition.PipelineDefinitionBody;
  // The body is a Fn::Join of literal text and references: references become placeholder strings.
  const text = typeof body === 'string' ? body : body['Fn::Join'][1].map((part: unknown) => (typeof part === 'string' ? part : 'REF')).join('');
  return JSON.parse(text);
};
const transformOf = (t: Template) => definitionOf(t).Steps.find((s: any) => s.Name === BATCH_SCORING_STEP).Arguments;
const policyOf = (t: Template, roleId: RegExp) => {
  const policies = Object.values<any>(t.toJSON().Resources).filter((r) => r.Type === 'AWS::IAM::Policy' && r.Properties.Roles.some((ref: any) => roleId.test(ref.Ref)));
  return policies.flatMap((p) => p.Properties.PolicyDocument.Statement);
};

describe('batch scoring with the defaults', () => {
  const template = synthScoring();

  test('a model of the release from its model package', () => {
    template.hasResourceProperties('AWS::SageMaker::Model', { PrimaryContainer: { ModelPackageName: MODEL.modelPackageArn } });
  });

  // API reference "CreateTransformJob": SplitType Line (one CSV record a line) with text/csv, AssembleWith Line,
  // Accept text/csv, TransformResources, MaxPayloadInMB and BatchStrategy; "Associate Prediction Results with Input
  // Records": JoinSource Input appends the prediction to the input record.
  test('the Transform step scores the input prefix line by line and writes joined lines under the execution id', () => {
    const args = transformOf(template);
    expect(args.TransformInput).toEqual({
      DataSource: { S3DataSource: { S3DataType: 'S3Prefix', S3Uri: { Get: 'Parameters.InputDataUrl' } } }, ContentType: 'text/csv', SplitType: 'Line',
    });
    expect(args.TransformOutput).toMatchObject({ Accept: 'text/csv', AssembleWith: 'Line', KmsKeyId: 'REF' });
    expect(args.TransformOutput.S3OutputPath).toEqual({ 'Std:Join': { On: '/', Values: ['s3://REF/batch-scoring', { Get: 'Execution.PipelineExecutionId' }] } });
    expect(args.DataProcessing).toEqual({ JoinSource: 'Input' });
    expect(args.TransformResources).toEqual({ InstanceType: 'ml.m5.large', InstanceCount: 1, VolumeKmsKeyId: 'REF' });
    expect(args).toMatchObject({ MaxPayloadInMB: 6, BatchStrategy: 'MultiRecord' });
    // aws/sagemaker-xgboost-container algorithm_mode/serve.py (1.7-1, 3.0-5): the model server refuses requests over
    // MAX_CONTENT_LENGTH bytes (6 MiB unless set): the job sets it to MaxPayloadInMB MiB.
    expect(args.Environment).toEqual({ MAX_CONTENT_LENGTH: String(6 * 1024 * 1024) });
    expect(definitionOf(template).Parameters).toEqual([expect.objectContaining({ Name: 'InputDataUrl', Type: 'String', DefaultValue: INPUT })]);
  });

  // The published SageMaker pipeline definition schema (schemas/pipeline-definition.schema.json), as the model-build tests validate it.
  test('the definition matches SageMaker\'s schema', () => {
    expect(pipelineDefinitionSchemaErrors(definitionOf(template))).toEqual([]);
  });

  // EventBridge Scheduler API reference "SageMakerPipelineParameters": the templated target for SageMaker
  // StartPipelineExecution; its execution role needs sagemaker:StartPipelineExecution on the pipeline.
  test('a daily schedule starts the pipeline through a role that may start only it', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 4 * * ? *)', ScheduleExpressionTimezone: 'UTC',
      Target: { SageMakerPipelineParameters: { PipelineParameterList: [] } },
    });
    const statements = policyOf(template, /SchedulerRole/);
    expect(statements).toHaveLength(2);
    expect(statements[0].Action).toBe('sagemaker:StartPipelineExecution');
    expect(JSON.stringify(statements[0].Resource)).toContain(':pipeline/player-churn-batch-scoring');
    // ...and send what it could not start to its dead-letter queue ("Configuring a schedule's dead-letter queue").
    expect(statements[1]).toMatchObject({ Sid: 'DeadLetters', Action: 'sqs:SendMessage', Resource: { 'Fn::GetAtt': [expect.stringMatching(/^ScheduleDeadLetters/), 'Arn'] } });
    // EventBridge Scheduler user guide "Set up the execution role": trust scheduler.amazonaws.com, for this account and
    // the schedule's group only (confused deputy); the schedule names no group, so it is in the default one.
    const [trust] = Object.entries<any>(template.toJSON().Resources).filter(([id, r]) => r.Type === 'AWS::IAM::Role' && /SchedulerRole/.test(id)).map(([, r]) => r);
    expect(template.toJSON().Resources[Object.keys(template.findResources('AWS::Scheduler::Schedule'))[0]].Properties.GroupName).toBeUndefined();
    expect(trust.Properties.AssumeRolePolicyDocument.Statement).toEqual([expect.objectContaining({
      Principal: { Service: 'scheduler.amazonaws.com' },
      Condition: {
        StringEquals: {
          'aws:SourceAccount': expect.anything(),
          'aws:SourceArn': { 'Fn::Join': ['', ['arn:aws:scheduler:us-east-1:', { Ref: 'AWS::AccountId' }, ':schedule-group/default']] },
        },
      },
    })]);
  });

  // EventBridge Scheduler User Guide, "Configuring a schedule's dead-letter queue": a run the schedule cannot start after
  // its retries goes to a standard SQS queue; it started no execution, so only an alarm on the queue tells anyone.
  test('a run the schedule could not start lands in a dead-letter queue, whose alarm notifies the alert topic', () => {
    const [queueId, queue] = Object.entries<any>(template.findResources('AWS::SQS::Queue'))[0];
    expect(queue.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
    expect(queue.Properties.FifoQueue).toBeUndefined();
    template.hasResourceProperties('AWS::Scheduler::Schedule', { Target: { DeadLetterConfig: { Arn: { 'Fn::GetAtt': [queueId, 'Arn'] } } } });
    const [alarm] = Object.values<any>(template.findResources('AWS::CloudWatch::Alarm', { Properties: { AlarmName: 'player-churn-batch-scoring-schedule-failed' } }));
    expect(alarm.Properties).toMatchObject({
      Namespace: 'AWS/SQS', MetricName: 'NumberOfMessagesSent', Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
      Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching',
    });
    expect(JSON.stringify(alarm.Properties.AlarmActions)).toMatch(/BatchScoringAlerts|Alerts/);
  });

  test('least privilege: no PassRole, S3 only under the input and output prefixes, KMS only named keys', () => {
    const statements = [...policyOf(template, /ModelRole/), ...policyOf(template, /PipelineRole/)];
    const actions = statements.flatMap((s) => [s.Action].flat());
    expect(actions).not.toContain('iam:PassRole');
    const s3 = statements.filter((s) => [s.Action].flat().some((a: string) => a.startsWith('s3:')));
    const s3Resources = JSON.stringify(s3.map((s) => s.Resource));
    // API reference "TransformS3DataSource" S3Prefix: the job reads every key that starts with the prefix as written.
    expect(s3Resources).toContain('arn:aws:s3:::acme-scoring/players/daily*');
    expect(s3Resources).toContain('/batch-scoring/*');
    expect(s3Resources).not.toMatch(/acme-scoring\/\*|:::acme-scoring\/"|"\*"/);
    const list = s3.find((s) => s.Action === 's3:ListBucket');
    expect(list.Condition).toEqual({ StringLike: { 's3:prefix': 'players/daily*' } });
    for (const kms of statements.filter((s) => [s.Action].flat().some((a: string) => a.startsWith('kms:')))) {
      expect(kms.Resource).not.toBe('*');
    }
    // KMS "Grants in AWS KMS": the grant that encrypts the job's volume may only be one for an AWS resource. SageMaker
    // Developer Guide, "How to use SageMaker AI execution roles": a job's execution role (a transform job's is the model's)
    // needs kms:CreateGrant on a volume key; the role that creates the job has it too.
    for (const role of [/ModelRole/, /PipelineRole/]) {
      const grant = policyOf(template, role).find((s) => s.Action === 'kms:CreateGrant');
      expect(grant.Condition).toEqual({ Bool: { 'kms:GrantIsForAWSResource': 'true' } });
      expect(policyOf(template, role).find((s) => s.Sid === 'EncryptVolume').Resource).toEqual(grant.Resource);
    }
    expect(statements.find((s) => s.Sid === 'DecryptInput')).toBeUndefined();
  });
});

describe('batch scoring options', () => {
  test('outputUri, kmsKeyArn, filters, count and strategy reach the job and the role', () => {
    const key = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const template = synthScoring({
      outputUri: 's3://acme-scores/churn/', kmsKeyArn: key, inputKmsKeyArn: INPUT_KEY, inputFilter: '$[1:]', outputFilter: '$[0,-1]', instanceCount: 3, batchStrategy: 'SingleRecord', maxPayloadInMB: 20, schedule: 'rate(12 hours)',
    });
    const args = transformOf(template);
    expect(args.TransformOutput.S3OutputPath['Std:Join'].Values[0]).toBe('s3://acme-scores/churn');
    expect(args.TransformOutput.KmsKeyId).toBe(key);
    expect(args.DataProcessing).toEqual({ JoinSource: 'Input', InputFilter: '$[1:]', OutputFilter: '$[0,-1]' });
    expect(args).toMatchObject({ MaxPayloadInMB: 20, BatchStrategy: 'SingleRecord', TransformResources: { InstanceCount: 3 } });
    // A 20 MB request needs a 20 MiB MAX_CONTENT_LENGTH in the XGBoost container, or it answers HTTP 413 and the job fails.
    expect(args.Environment).toEqual({ MAX_CONTENT_LENGTH: '20971520' });
    expect(pipelineDefinitionSchemaErrors(definitionOf(template))).toEqual([]);
    const statements = policyOf(template, /ModelRole/);
    expect(JSON.stringify(statements)).toContain('arn:aws:s3:::acme-scores/churn/*');
    expect(statements.find((s) => s.Sid === 'EncryptResults').Resource).toBe(key);
    expect(statements.find((s) => s.Sid === 'DecryptInput')).toMatchObject({ Action: 'kms:Decrypt', Resource: INPUT_KEY });
    template.hasResourceProperties('AWS::Scheduler::Schedule', { ScheduleExpression: 'rate(12 hours)' });
  });

  // API reference "TransformS3DataSource" S3Prefix: with a trailing "/" the prefix is one folder, and so are the grants.
  test('an input URI ending with "/" is read (and listed) as that folder only', () => {
    const template = synthScoring({ inputUri: `${INPUT}/` });
    const statements = policyOf(template, /ModelRole/);
    expect(statements.find((s) => s.Sid === 'ReadInput').Resource).toBe('arn:aws:s3:::acme-scoring/players/daily/*');
    expect(statements.find((s) => s.Sid === 'ListInput').Condition).toEqual({ StringLike: { 's3:prefix': 'players/daily/*' } });
    expect(transformOf(template).TransformInput.DataSource.S3DataSource.S3Uri).toEqual({ Get: 'Parameters.InputDataUrl' });
    expect(definitionOf(template).Parameters[0].DefaultValue).toBe(`${INPUT}/`);
  });

  test('without joinInputs and filters the job writes the predictions alone', () => {
    expect(transformOf(synthScoring({ joinInputs: false })).DataProcessing).toBeUndefined();
  });

  // API reference "TransformResources" VolumeKmsKeyId: "You can't request a VolumeKmsKeyId when using an instance type
  // with local storage" (src/config/instance-storage.ts).
  test('an instance type with instance storage gets no volume key', () => {
    const args = transformOf(synthScoring({ instanceType: 'ml.g4dn.xlarge' }));
    expect(args.TransformResources).toEqual({ InstanceType: 'ml.g4dn.xlarge', InstanceCount: 1 });
  });
});

describe('in the model-deploy pipeline', () => {
  // The same validators as the defaults: the whole model-deploy app (pipeline, staging, production and batch scoring)
  // synthesizes through the CloudFormation validator, cdk-nag AwsSolutions and the Control Tower guardrails.
  test('the production stage deploys batch scoring next to the endpoint; staging does not', () => {
    const app = new ModelDeployApp({ config: testConfig({ batchScoring: { inputUri: INPUT } }), repoDir: repo(), model: MODEL });
    const templates = synthValidated(app);
    expect(templates['player-churn-batch-scoring']).toBeDefined();
    expect(Object.keys(templates).filter((name) => name.includes('batch-scoring'))).toEqual(['player-churn-batch-scoring']);
    expect(app.pipelineStack.prod.batchScoring).toBeDefined();
    expect(app.pipelineStack.staging.batchScoring).toBeUndefined();
    // Its failure alerts (batch-scoring-alerts.test.ts) pass the same validators: a rule and a topic of its own.
    templates['player-churn-batch-scoring'].resourceCountIs('AWS::Events::Rule', 1);
    templates['player-churn-batch-scoring'].hasResourceProperties('AWS::SNS::Topic', { TopicName: 'player-churn-batch-scoring-alerts' });
    // The synth step's production check compares every stack of the Prod stage, so its role may read batch scoring's too.
    const reads = Object.values<any>(templates['player-churn-model-deploy-pipeline'].findResources('AWS::IAM::Policy'))
      .flatMap((p) => p.Properties.PolicyDocument.Statement).filter((st) => JSON.stringify(st.Action).includes('cloudformation:GetTemplate'));
    expect(JSON.stringify(reads)).toContain(':stack/player-churn-batch-scoring/*');
  });

  // The example model-deploy repository (its sagemaker-gitops.json: MLflow, real-time production with guardrails and
  // drift monitoring) with batch scoring on passes the same validators.
  test('the example project with batch scoring on', () => {
    const exampleRepo = path.join(__dirname, '..', '..', 'model-deploy');
    const example = readProjectConfig(path.join(exampleRepo, CONFIG_FILE_NAME));
    const config = resolveProjectConfig({ ...example, batchScoring: { inputUri: INPUT, inputFilter: '$[1:]', outputFilter: '$[0,-1]' } } as ProjectOptions);
    const templates = synthValidated(new ModelDeployApp({ config, repoDir: exampleRepo, model: MODEL }));
    expect(definitionOf(templates['player-churn-batch-scoring']).Steps[0].Arguments.DataProcessing).toEqual({ JoinSource: 'Input', InputFilter: '$[1:]', OutputFilter: '$[0,-1]' });
    // The example's production drift check resolves the MLflow backend's SSM parameters at deploy; the synth step's
    // production check reads exactly those ("Actions, resources, and condition keys for AWS Systems Manager": GetParameters
    // takes each parameter).
    const resolved = Object.entries<any>(templates['player-churn-prod-endpoint'].toJSON().Parameters ?? {})
      .filter(([key, p]) => key !== 'BootstrapVersion' && /^AWS::SSM::Parameter::Value</.test(p.Type)).map(([, p]) => p.Default).sort();
    expect(resolved).toEqual(['/sagemaker-gitops/player-churn/mlflow/artifact-bucket', '/sagemaker-gitops/player-churn/mlflow/artifact-key-arn', '/sagemaker-gitops/player-churn/mlflow/tracking-uri']);
    const reads = Object.values<any>(templates['player-churn-model-deploy-pipeline'].findResources('AWS::IAM::Policy'))
      .flatMap((p) => p.Properties.PolicyDocument.Statement).filter((st) => st.Action === 'ssm:GetParameters').flatMap((st) => st.Resource)
      .map((arn: any) => JSON.stringify(arn).replace(/^.*:parameter(\/[^"]+)".*$/, '$1')).sort();
    expect(reads).toEqual(resolved);
  });

  test('without batchScoring there is no batch-scoring stack', () => {
    const app = new ModelDeployApp({ config: testConfig(), repoDir: repo(), model: MODEL });
    expect(app.pipelineStack.prod.batchScoring).toBeUndefined();
  });
});
