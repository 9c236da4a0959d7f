import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { MLFLOW_VERSIONS, ProjectConfig } from '../../src/config';
import { ArtifactStore } from '../../src/constructs';
import { sklearnImage } from '../../src/images';
import {
  MLFLOW_APP_REGISTRATION_ACTIONS, MlflowBackend, mlflowOfStage, mlflowParameterNames,
} from '../../src/model-build/mlflow-backend';
import { MLFLOW_APP_ACTIONS, MLFLOW_TRACKING_SERVER_ACTIONS, SageMakerExecutionRole } from '../../src/model-build/sagemaker-execution-role';
import { findingsOfStack, testConfig, validatedApp } from '../helpers/validated-synth';

const APP_ARN = 'arn:aws:sagemaker:us-east-1:123456789012:mlflow-app/app-K53I5ZJMEUHZ';
const SERVER_ARN = 'arn:aws:sagemaker:us-east-1:123456789012:mlflow-tracking-server/team';
const KEY_ARN = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

/** A backend and a role that logs to it, in a stack of a validated app (cdk-nag, Control Tower). */
function build(stack: Stack, config: ProjectConfig): { backend: MlflowBackend; role: SageMakerExecutionRole } {
  const store = new ArtifactStore(stack, 'Artifacts', { keyAlias: 'test', description: 'test' });
  const backend = new MlflowBackend(stack, 'Mlflow', { projectName: config.projectName, mlflow: config.mlflow!, bucket: store.bucket, key: store.key });
  const role = new SageMakerExecutionRole(stack, 'Role', {
    bucket: store.bucket, key: store.key, writePrefixes: ['out'], readPrefixes: ['in'], images: [sklearnImage('us-east-1')], mlflow: backend.access,
  });
  return { backend, role };
}

function synth(config: ProjectConfig): { stack: Stack; backend: MlflowBackend; template: Template } {
  const stack = new Stack(validatedApp(), 'Test', { env: { region: 'us-east-1' } });
  const { backend } = build(stack, config);
  return { stack, backend, template: Template.fromStack(stack) };
}

const roleStatements = (template: Template): any[] => Object.entries<any>(template.findResources('AWS::IAM::Policy'))
  .filter(([id]) => id.startsWith('Role'))
  .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement);
const statement = (template: Template, sid: string) => roleStatements(template).find((s) => s.Sid === sid);

describe('MlflowBackend: a serverless MLflow App (mlflow: {})', () => {
  const { stack, backend, template } = synth(testConfig({ mlflow: { app: { weeklyMaintenanceWindowStart: 'Sun:03:00' } } }));

  // CloudFormation "AWS::SageMaker::MlflowApp": Name, ArtifactStoreUri and RoleArn required; ModelRegistrationMode
  // AutoModelRegistrationEnabled | AutoModelRegistrationDisabled (CreateMlflowApp; UpdateMlflowApp defaults to Enabled, so it is always set).
  test('the app: named <project>-mlflow, artifacts under mlflow/ of the project bucket, its own role, no automatic registration, retained', () => {
    template.resourceCountIs('AWS::SageMaker::MlflowApp', 1);
    template.resourceCountIs('AWS::SageMaker::MlflowTrackingServer', 0);
    template.hasResource('AWS::SageMaker::MlflowApp', {
      Properties: {
        Name: 'player-churn-mlflow',
        ArtifactStoreUri: { 'Fn::Join': ['', ['s3://', { Ref: Match.stringLikeRegexp('^ArtifactsBucket') }, '/mlflow']] },
        RoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^MlflowArtifactStoreRole'), 'Arn'] },
        ModelRegistrationMode: 'AutoModelRegistrationDisabled',
        WeeklyMaintenanceWindowStart: 'Sun:03:00',
      },
      DeletionPolicy: 'RetainExceptOnCreate',
      UpdateReplacePolicy: 'Retain',
      DependsOn: Match.arrayWith([Match.stringLikeRegexp('^MlflowArtifactStoreRoleDefaultPolicy')]),
    });
  });

  // CloudFormation "AWS::SageMaker::MlflowApp" return values: Fn::GetAtt Arn; the id in the ARN is generated (DescribeMlflowApp).
  test('the tracking URI is the app\'s Arn attribute, never built from its name', () => {
    expect(stack.resolve(backend.tracking)).toEqual({
      trackingUri: { 'Fn::GetAtt': [expect.stringMatching(/^MlflowApp/), 'Arn'] },
      experimentName: 'player-churn',
      clientVersion: MLFLOW_VERSIONS.client,
    });
    template.hasOutput('MlflowArn', { Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^MlflowApp'), 'Arn'] } });
  });

  test('the app\'s role: trusted by SageMaker, read/write on mlflow/* only, the project key', () => {
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' } }] },
      Description: Match.stringLikeRegexp('MLflow App of player-churn'),
    });
    const policies = Object.entries<any>(template.findResources('AWS::IAM::Policy')).filter(([id]) => id.startsWith('MlflowArtifactStoreRole'));
    expect(policies).toHaveLength(1);
    const sids = policies[0][1].Properties.PolicyDocument.Statement.map((s: any) => [s.Sid, s.Action]);
    expect(sids).toEqual([
      ['ReadWriteArtifacts', ['s3:GetObject', 's3:PutObject']],
      ['ListArtifacts', ['s3:GetBucketLocation', 's3:ListBucket']],
      ['UseArtifactKey', ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey']],
    ]);
    expect(stack.resolve(policies[0][1].Properties.PolicyDocument.Statement[0].Resource))
      .toEqual({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [expect.stringMatching(/^ArtifactsBucket/), 'Arn'] }, '/mlflow/*']] });
  });

  // Service Authorization Reference "Amazon SageMaker" (sagemaker:CallMlflowAppApi, DescribeMlflowApp on mlflow-app);
  // SageMaker Developer Guide "Set up IAM permissions for MLflow Apps" (authorization for sagemaker-mlflow actions must be
  // configured) and the AWS managed policy AmazonSageMakerJobFullAccess (both namespaces on arn:aws:sagemaker:*:*:mlflow-app/*).
  test('the steps\' role: CallMlflowAppApi, DescribeMlflowApp and the sagemaker-mlflow actions, in one statement on the app only', () => {
    const log = statement(template, 'LogToMlflowApp');
    expect(log.Action).toEqual([...MLFLOW_APP_ACTIONS, ...MLFLOW_TRACKING_SERVER_ACTIONS].sort());
    expect(log.Action).toEqual(expect.arrayContaining(['sagemaker:CallMlflowAppApi', 'sagemaker:DescribeMlflowApp', 'sagemaker-mlflow:LogModel']));
    expect(log.Action).toHaveLength(22);
    expect(log.Resource).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^MlflowApp/), 'Arn'] });
    expect(statement(template, 'LogToMlflowTrackingServer')).toBeUndefined();
    expect(roleStatements(template).filter((s) => JSON.stringify(s).includes('sagemaker-mlflow:')).map((s) => s.Sid)).toEqual(['LogToMlflowApp']);
  });

  test('the steps\' role reads and writes the artifact store (the client uploads artifacts) with the project key', () => {
    expect(statement(template, 'ReadWriteMlflowArtifacts')).toMatchObject({ Action: ['s3:GetObject', 's3:PutObject'] });
    expect(stack.resolve(statement(template, 'ReadWriteMlflowArtifacts').Resource))
      .toEqual({ 'Fn::Join': ['', ['arn:aws:s3:::', { Ref: expect.stringMatching(/^ArtifactsBucket/) }, '/mlflow/*']] });
    expect(statement(template, 'ListMlflowArtifacts')).toMatchObject({ Action: 's3:ListBucket', Condition: { StringLike: { 's3:prefix': ['mlflow/*'] } } });
    expect(statement(template, 'UseMlflowArtifactKey')).toMatchObject({
      Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: { 'Fn::GetAtt': [expect.stringMatching(/^ArtifactsKey/), 'Arn'] },
    });
  });

  test('the model-deploy stacks learn the ARN, bucket and key from SSM parameters', () => {
    const names = mlflowParameterNames('player-churn');
    expect(names).toEqual({
      trackingUri: '/sagemaker-gitops/player-churn/mlflow/tracking-uri',
      artifactBucket: '/sagemaker-gitops/player-churn/mlflow/artifact-bucket',
      artifactKeyArn: '/sagemaker-gitops/player-churn/mlflow/artifact-key-arn',
    });
    template.hasResourceProperties('AWS::SSM::Parameter', { Name: names.trackingUri, Type: 'String', Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^MlflowApp'), 'Arn'] } });
    template.hasResourceProperties('AWS::SSM::Parameter', { Name: names.artifactBucket, Value: { Ref: Match.stringLikeRegexp('^ArtifactsBucket') } });
    template.hasResourceProperties('AWS::SSM::Parameter', { Name: names.artifactKeyArn, Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ArtifactsKey'), 'Arn'] } });
  });

  test('automatic model registration, when asked for', () => {
    const { template: auto } = synth(testConfig({ mlflow: { app: { automaticModelRegistration: true } } }));
    auto.hasResourceProperties('AWS::SageMaker::MlflowApp', { ModelRegistrationMode: 'AutoModelRegistrationEnabled', WeeklyMaintenanceWindowStart: Match.absent() });
  });

  const storeStatements = (t: Template): any[] => Object.entries<any>(t.findResources('AWS::IAM::Policy'))
    .filter(([id]) => id.startsWith('MlflowArtifactStoreRole'))
    .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement);

  // SageMaker developer guide, "Set up IAM permissions for MLflow Apps": the app service role needs sagemaker:AddTags,
  // CreateModelPackageGroup, CreateModelPackage, UpdateModelPackage and DescribeModelPackageGroup to register models;
  // "Automatically register SageMaker AI models with SageMaker Model Registry": the group is <registered model name>-<6 hash characters>.
  test('with automatic registration, the app\'s role may register models in the groups the app names, never in the pipeline\'s group', () => {
    const config = testConfig({ mlflow: { app: { automaticModelRegistration: true } } });
    const buildAuto = (stack: Stack) => {
      const store = new ArtifactStore(stack, 'Artifacts', { keyAlias: 'test', description: 'test' });
      new MlflowBackend(stack, 'Mlflow', { projectName: 'player-churn', mlflow: config.mlflow!, bucket: store.bucket, key: store.key, modelPackageGroupName: 'Churn-Models' });
    };
    const stack = new Stack(validatedApp(), 'Auto', { env: { region: 'us-east-1', account: '123456789012' } });
    buildAuto(stack);
    const statements = storeStatements(Template.fromStack(stack));
    const register = statements.find((s) => s.Sid === 'RegisterMlflowModels');
    expect(register.Effect).toBe('Allow');
    expect(register.Action).toEqual(expect.arrayContaining([...MLFLOW_APP_REGISTRATION_ACTIONS]));
    expect(register.Action).toHaveLength(MLFLOW_APP_REGISTRATION_ACTIONS.length);
    expect(stack.resolve(register.Resource)).toEqual([
      'arn:aws:sagemaker:us-east-1:123456789012:model-package-group/*-??????',
      'arn:aws:sagemaker:us-east-1:123456789012:model-package/*-??????/*',
    ]);
    // The pipeline's group would match the pattern ("-models"): the deny keeps its approval gate the pipeline's.
    const keep = statements.find((s) => s.Sid === 'KeepPipelineModelPackageGroup');
    expect(keep.Effect).toBe('Deny');
    expect([...keep.Action].sort()).toEqual(['sagemaker:AddTags', 'sagemaker:CreateModelPackage', 'sagemaker:UpdateModelPackage']);
    expect(stack.resolve(keep.Resource)).toEqual([
      'arn:aws:sagemaker:us-east-1:123456789012:model-package-group/churn-models',
      'arn:aws:sagemaker:us-east-1:123456789012:model-package/churn-models/*',
    ]);
    expect(findingsOfStack(buildAuto)).toEqual([]);
  });

  test('without automatic registration, the app\'s role has no Model Registry permission', () => {
    const statements = storeStatements(template);
    expect(JSON.stringify(statements)).not.toMatch(/ModelPackage|AddTags/);
  });
});

describe('MlflowBackend: a tracking server', () => {
  const { stack, backend, template } = synth(testConfig({ mlflow: { trackingServer: { size: 'Medium', weeklyMaintenanceWindowStart: 'Tue:03:30' } } }));

  // CloudFormation "AWS::SageMaker::MlflowTrackingServer": TrackingServerName, ArtifactStoreUri, RoleArn, MlflowVersion, TrackingServerSize.
  test('the server: named after the project, the pinned MLflow version, retained, no app', () => {
    template.resourceCountIs('AWS::SageMaker::MlflowApp', 0);
    template.hasResource('AWS::SageMaker::MlflowTrackingServer', {
      Properties: {
        TrackingServerName: 'player-churn',
        ArtifactStoreUri: { 'Fn::Join': ['', ['s3://', { Ref: Match.stringLikeRegexp('^ArtifactsBucket') }, '/mlflow']] },
        RoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^MlflowArtifactStoreRole'), 'Arn'] },
        TrackingServerSize: 'Medium',
        MlflowVersion: MLFLOW_VERSIONS.trackingServer,
        AutomaticModelRegistration: false,
        WeeklyMaintenanceWindowStart: 'Tue:03:30',
      },
      DeletionPolicy: 'RetainExceptOnCreate',
      UpdateReplacePolicy: 'Retain',
    });
    expect(stack.resolve(backend.tracking.trackingUri)).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^MlflowTrackingServer/), 'TrackingServerArn'] });
    template.hasOutput('MlflowArn', { Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^MlflowTrackingServer'), 'TrackingServerArn'] } });
  });

  // Service Authorization Reference "Amazon SageMaker with MLflow": actions on the mlflow-tracking-server resource type.
  test('the steps\' role: the minimal sagemaker-mlflow actions on the server only, no app statement', () => {
    const log = statement(template, 'LogToMlflowTrackingServer');
    expect(log.Action).toEqual([...MLFLOW_TRACKING_SERVER_ACTIONS].sort());
    expect(log.Action).toHaveLength(20);
    expect(log.Action).toEqual(expect.arrayContaining([
      'sagemaker-mlflow:GetExperimentByName', 'sagemaker-mlflow:CreateExperiment', 'sagemaker-mlflow:CreateRun', 'sagemaker-mlflow:UpdateRun',
      'sagemaker-mlflow:LogBatch', 'sagemaker-mlflow:LogInputs', 'sagemaker-mlflow:LogModel', 'sagemaker-mlflow:FinalizeLoggedModel', 'sagemaker-mlflow:SearchRuns',
    ]));
    expect(log.Action.every((a: string) => a.startsWith('sagemaker-mlflow:') && !a.includes('*') && !a.includes('Delete'))).toBe(true);
    expect(log.Resource).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^MlflowTrackingServer/), 'TrackingServerArn'] });
    expect(statement(template, 'LogToMlflowApp')).toBeUndefined();
    expect(JSON.stringify(roleStatements(template))).not.toContain('CallMlflowAppApi');
  });
});

describe('MlflowBackend: an existing backend', () => {
  test('an existing app: nothing created, its ARN reaches the steps, the role gets the app statement and the given store and key', () => {
    const { stack, backend, template } = synth(testConfig({ mlflow: { arn: APP_ARN, artifactStoreUri: 's3://team-mlflow/churn/', artifactKmsKeyArn: KEY_ARN } }));
    template.resourceCountIs('AWS::SageMaker::MlflowApp', 0);
    template.resourceCountIs('AWS::SageMaker::MlflowTrackingServer', 0);
    template.resourceCountIs('AWS::SSM::Parameter', 0);
    expect(backend.tracking.trackingUri).toBe(APP_ARN);
    template.hasOutput('MlflowArn', { Value: APP_ARN });
    expect(statement(template, 'LogToMlflowApp').Resource).toBe(APP_ARN);
    expect(stack.resolve(statement(template, 'ReadWriteMlflowArtifacts').Resource))
      .toBe('arn:aws:s3:::team-mlflow/churn/*');
    expect(statement(template, 'ListMlflowArtifacts').Condition).toEqual({ StringLike: { 's3:prefix': ['churn/*'] } });
    expect(statement(template, 'UseMlflowArtifactKey').Resource).toBe(KEY_ARN);
  });

  test('an existing server with a store without a key: the server statement, S3, and no key statement; the steps get its clientVersion', () => {
    const { backend, template } = synth(testConfig({ mlflow: { arn: SERVER_ARN, artifactStoreUri: 's3://team-mlflow', clientVersion: '2.16.2' } }));
    expect(statement(template, 'LogToMlflowTrackingServer').Resource).toBe(SERVER_ARN);
    expect(statement(template, 'ReadWriteMlflowArtifacts').Resource).toBe('arn:aws:s3:::team-mlflow/*');
    expect(statement(template, 'ListMlflowArtifacts').Condition).toBeUndefined();
    expect(statement(template, 'UseMlflowArtifactKey')).toBeUndefined();
    expect(backend.tracking.clientVersion).toBe('2.16.2');
  });

  // The MLflow client uploads artifacts to the store with the job's credentials: a role without the store's S3 access
  // would have every upload denied, so no config gives a backend without its store (the deprecated ARN named none).
  test('the deprecated mlflowTrackingServerArn no longer reaches a stack: it is a ConfigError', () => {
    expect(() => testConfig({ mlflowTrackingServerArn: SERVER_ARN })).toThrow(/^mlflowTrackingServerArn is no longer accepted/);
  });
});

describe('MlflowBackend passes cdk-nag and the Control Tower controls', () => {
  test.each([
    ['an app', { mlflow: {} }],
    ['a tracking server', { mlflow: { trackingServer: {} } }],
    ['an existing backend', { mlflow: { arn: APP_ARN, artifactStoreUri: 's3://team-mlflow/churn', artifactKmsKeyArn: KEY_ARN } }],
  ])('%s', (_what, overrides) => {
    expect(findingsOfStack((stack) => build(stack, testConfig(overrides)))).toEqual([]);
  });
});

describe('mlflowOfStage: the backend as a stage stack sees it', () => {
  const stageStack = () => new Stack(undefined, 'Stage', { env: { region: 'us-east-1' } });

  test('off without MLflow', () => {
    expect(mlflowOfStage(stageStack(), testConfig(), 'prod')).toBeUndefined();
  });

  test('a created app, same account and region: the ARN, bucket and key from the SSM parameters, resolved at deploy time', () => {
    const stack = stageStack();
    const stage = mlflowOfStage(stack, testConfig({ mlflow: {} }), 'prod')!;
    expect(stage.access.kind).toBe('app');
    expect(stage.tracking.experimentName).toBe('player-churn');
    const params = Template.fromStack(stack).toJSON().Parameters;
    const names = Object.values<any>(params).map((p) => [p.Type, p.Default]);
    expect(names).toEqual(expect.arrayContaining([
      ['AWS::SSM::Parameter::Value<String>', '/sagemaker-gitops/player-churn/mlflow/tracking-uri'],
      ['AWS::SSM::Parameter::Value<String>', '/sagemaker-gitops/player-churn/mlflow/artifact-bucket'],
      ['AWS::SSM::Parameter::Value<String>', '/sagemaker-gitops/player-churn/mlflow/artifact-key-arn'],
    ]));
    expect(stack.resolve(stage.tracking.trackingUri)).toEqual({ Ref: expect.stringMatching(/^SsmParameterValue.*trackinguri/i) });
  });

  test('an existing backend reaches a stage in another region (its ARN is in the config)', () => {
    const config = testConfig({ mlflow: { arn: APP_ARN, artifactStoreUri: 's3://team-mlflow/churn' }, environments: { prod: { region: 'eu-west-1' } } });
    expect(mlflowOfStage(stageStack(), config, 'prod')?.tracking.trackingUri).toBe(APP_ARN);
  });

  test('a created backend does not reach a stage in another region (SSM parameters are regional)', () => {
    expect(mlflowOfStage(stageStack(), testConfig({ mlflow: {}, environments: { prod: { region: 'eu-west-1' } } }), 'prod')).toBeUndefined();
    expect(mlflowOfStage(stageStack(), testConfig({ mlflow: {}, environments: { prod: { region: 'eu-west-1' } } }), 'staging')).toBeDefined();
  });

  test('no backend reaches a stage in another account (SageMaker MLflow has no resource policy for other accounts)', () => {
    const config = testConfig({
      mlflow: { arn: APP_ARN, artifactStoreUri: 's3://team-mlflow/churn' },
      environments: { build: { account: '123456789012' }, prod: { account: '222222222222' } },
    });
    expect(mlflowOfStage(stageStack(), config, 'prod')).toBeUndefined();
    expect(mlflowOfStage(stageStack(), config, 'staging')).toBeDefined();
  });
});
