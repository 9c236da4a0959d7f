import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ModelPackageGroup, dedupeReaderAccounts } from '../../src/constructs';
import { ModelBuildApp } from '../../src/model-build';
import { MLFLOW_APP_ACTIONS, MLFLOW_TRACKING_SERVER_ACTIONS } from '../../src/model-build/sagemaker-execution-role';
import { SEED_MODEL_BUILD_REPO as SEED_REPO, synthStack, synthValidated, testConfig, validatedApp } from '../helpers/validated-synth';

const buildApp = (config = testConfig()) => new ModelBuildApp({ config, repoDir: SEED_REPO });

/**
 * The default project's app, built and synthesized (with every check) once for the tests that
 * read it; none of them adds to it.
 */
let defaultApp: ModelBuildApp | undefined;
const sharedDefaultApp = () => (defaultApp ??= buildApp());

describe('ModelBuildApp', () => {
  test('synthesizes the pipeline stack and the model-build stack; both pass the validator, cdk-nag and the guardrails', () => {
    const templates = synthValidated(sharedDefaultApp());
    expect(Object.keys(templates).sort()).toEqual(['player-churn-model-build', 'player-churn-model-build-pipeline']);
  });

  test('with an MLflow App (the default backend), it still passes every check', () => {
    expect(Object.keys(synthValidated(buildApp(testConfig({ mlflow: {} }))))).toHaveLength(2);
  });

  test('with an MLflow server to create, and across accounts, it still passes every check', () => {
    const config = testConfig({
      mlflow: { trackingServer: { size: 'Medium' } },
      environments: { build: { account: '111111111111' }, staging: { account: '222222222222' }, prod: { account: '333333333333' } },
    });
    expect(Object.keys(synthValidated(buildApp(config)))).toHaveLength(2);
  });

  // The stage accounts decrypt the pipeline's outputs only through S3. A stage in another region gets the
  // version's files by a CopyObject sent to its own region (StageModelCopy); which region's S3 then calls KMS
  // is not documented, so the key allows S3 of the build region and of each stage account's region.
  test('stage accounts decrypt the pipeline outputs through S3 of the build region and of their own', () => {
    const statementOf = (environments: Record<string, unknown>) => {
      const keys = Template.fromStack(buildApp(testConfig({ environments })).modelBuildStack).findResources('AWS::KMS::Key');
      return Object.values<any>(keys).flatMap((key) => key.Properties.KeyPolicy.Statement).find((statement) => statement.Sid === 'StageAccountsDecryptPipelineOutputs');
    };
    expect(statementOf({ build: { account: '111111111111' }, prod: { account: '333333333333' } }).Condition)
      .toEqual({ StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } });
    expect(statementOf({ build: { account: '111111111111' }, staging: { account: '222222222222' }, prod: { account: '333333333333', region: 'eu-west-1' } }).Condition)
      .toEqual({ StringEquals: { 'kms:ViaService': ['s3.us-east-1.amazonaws.com', 's3.eu-west-1.amazonaws.com'] } });
    expect(statementOf({})).toBeUndefined();
  });

  test('with MLflow and a production stage in another account, the model-build stack creates the role its drift check logs through', () => {
    const config = testConfig({ mlflow: {}, environments: { build: { account: '111111111111' }, prod: { account: '333333333333' } } });
    const stack = buildApp(config).modelBuildStack;
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', { RoleName: 'player-churn-mlflow-drift-logger' });
    expect(Template.fromStack(buildApp(testConfig({ mlflow: {} })).modelBuildStack).findResources('AWS::IAM::Role', { Properties: { RoleName: 'player-churn-mlflow-drift-logger' } })).toEqual({});
  });
});

describe('ModelBuildStack', () => {
  const app = sharedDefaultApp();
  const template = Template.fromStack(app.modelBuildStack);

  test('deploys to the build environment', () => {
    expect(app.modelBuildStack.region).toBe('us-east-1');
  });

  test('a rotated, retained KMS key with an alias', () => {
    template.hasResource('AWS::KMS::Key', { Properties: { EnableKeyRotation: true }, DeletionPolicy: 'RetainExceptOnCreate', UpdateReplacePolicy: 'Retain' });
    template.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/player-churn-model-build' });
  });

  test('a versioned, KMS-encrypted, retained artifact bucket with public access blocked and access logs', () => {
    template.hasResource('AWS::S3::Bucket', {
      Properties: Match.objectLike({
        VersioningConfiguration: { Status: 'Enabled' },
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ BucketKeyEnabled: true, ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: Match.anyValue() } }] },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        LoggingConfiguration: Match.objectLike({ DestinationBucketName: Match.anyValue() }),
      }),
      DeletionPolicy: 'Retain',
    });
  });

  test('every bucket refuses requests without TLS', () => {
    const policies = template.findResources('AWS::S3::BucketPolicy');
    expect(Object.keys(policies)).toHaveLength(2);
    for (const policy of Object.values<any>(policies)) {
      expect(policy.Properties.PolicyDocument.Statement).toContainEqual(expect.objectContaining({
        Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }));
    }
  });

  test('the model package group is the project\'s, retained, without a policy in a single account', () => {
    template.hasResource('AWS::SageMaker::ModelPackageGroup', {
      Properties: Match.objectLike({ ModelPackageGroupName: 'player-churn', ModelPackageGroupPolicy: Match.absent() }),
      DeletionPolicy: 'RetainExceptOnCreate',
    });
  });

  test('staging and production accounts may read the group, each once', () => {
    const config = testConfig({
      environments: { build: { account: '111111111111' }, staging: { account: '222222222222' }, prod: { account: '222222222222' } },
    });
    const multi = Template.fromStack(buildApp(config).modelBuildStack);
    const groups = multi.findResources('AWS::SageMaker::ModelPackageGroup');
    const policy = Object.values<any>(groups)[0].Properties.ModelPackageGroupPolicy;
    expect(policy.Statement).toHaveLength(2);
    for (const statement of policy.Statement) {
      expect(statement.Principal).toEqual({ AWS: 'arn:aws:iam::222222222222:root' });
    }
    expect(policy.Statement[1].Action).toEqual(['sagemaker:CreateModel', 'sagemaker:DescribeModelPackage', 'sagemaker:ListModelPackages']);
    expect(policy.Statement[1].Resource).toBe('arn:aws:sagemaker:us-east-1:111111111111:model-package/player-churn/*');
  });
});

/** Every statement of every IAM policy of a template. */
function statements(template: Template): any[] {
  return Object.values<any>(template.findResources('AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement);
}
const asList = (v: unknown) => (Array.isArray(v) ? v : [v]);

describe('SageMaker execution role and pipeline', () => {
  const app = sharedDefaultApp();
  const stack = app.modelBuildStack;
  const template = Template.fromStack(stack);
  const roleStatements = () => {
    const policies = template.findResources('AWS::IAM::Policy');
    return Object.values<any>(policies).flatMap((p) => p.Properties.PolicyDocument.Statement);
  };

  test('the role is assumed by SageMaker and has no managed policy', () => {
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'sagemaker.amazonaws.com' } })] },
      ManagedPolicyArns: Match.absent(),
    });
  });

  test('no write action on "*"; the only "*" statements are ECR login and SageMaker metrics', () => {
    const star = roleStatements().filter((s) => asList(s.Resource).includes('*'));
    // Neither action has a resource type in IAM, so "*" is the only resource they take.
    expect(star.flatMap((s) => asList(s.Action)).sort()).toEqual(['cloudwatch:PutMetricData', 'ecr:GetAuthorizationToken']);
    expect(star.find((s) => s.Action === 'cloudwatch:PutMetricData').Condition).toEqual({ StringLike: { 'cloudwatch:namespace': ['/aws/sagemaker/*'] } });
  });

  test('iam:PassRole only on itself, only to SageMaker', () => {
    const pass = roleStatements().filter((s) => asList(s.Action).includes('iam:PassRole'));
    expect(pass).toHaveLength(1);
    expect(pass[0].Resource).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^ExecutionRole/), 'Arn'] });
    expect(pass[0].Condition).toEqual({ StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } });
  });

  test('pulls only the sklearn and XGBoost repositories of the region', () => {
    const pull = roleStatements().find((s) => s.Sid === 'PullStepImages');
    expect(pull.Resource).toEqual([
      'arn:aws:ecr:us-east-1:683313688378:repository/sagemaker-scikit-learn',
      'arn:aws:ecr:us-east-1:683313688378:repository/sagemaker-xgboost',
    ]);
  });

  test('writes only under the pipeline\'s prefix and never deletes objects', () => {
    const s3 = roleStatements().filter((s) => asList(s.Action).some((a: string) => a.startsWith('s3:')));
    expect(s3.flatMap((s) => asList(s.Action)).filter((a: string) => /Delete/.test(a))).toEqual([]);
    const write = s3.find((s) => s.Sid === 'ReadWriteExecutionData');
    expect(JSON.stringify(write.Resource)).toContain('/player-churn-training/*');
  });

  test('registers only into the project\'s model package group', () => {
    const register = roleStatements().find((s) => asList(s.Action).includes('sagemaker:CreateModelPackage'));
    expect(register.Resource).toEqual([
      { 'Fn::Join': ['', ['arn:aws:sagemaker:us-east-1:', { Ref: 'AWS::AccountId' }, ':model-package-group/player-churn']] },
      { 'Fn::Join': ['', ['arn:aws:sagemaker:us-east-1:', { Ref: 'AWS::AccountId' }, ':model-package/player-churn/*']] },
    ]);
  });

  test('the pipeline resource carries the definition, runs as the role and waits for its policy', () => {
    const pipelines = template.findResources('AWS::SageMaker::Pipeline');
    const [resource] = Object.values<any>(pipelines);
    expect(resource.Properties.PipelineName).toBe('player-churn-training');
    expect(resource.Properties.RoleArn).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^ExecutionRole/), 'Arn'] });
    expect(resource.DependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/^ExecutionRoleDefaultPolicy/)]));
    const body = stack.resolve(resource.Properties.PipelineDefinition.PipelineDefinitionBody);
    expect(JSON.stringify(body)).toContain('"Name\\":\\"Preprocess');
    expect(stack.definition.steps.map((s) => s.name)).toEqual(['Preprocess', 'Train', 'Evaluate', 'CheckAuc', 'Register', 'AucBelowThreshold']);
  });

  test('the step code is one bundle and runproc.sh, uploaded as file assets and run under their asset names', () => {
    const preprocess: any = stack.definition.toJSON().Steps[0];
    expect(preprocess.Arguments.AppSpecification.ContainerEntrypoint).toEqual(['/bin/bash', expect.stringMatching(/^\/opt\/ml\/processing\/input\/entrypoint\/[0-9a-f]{64}\.sh$/), 'preprocess.py']);
    const code = preprocess.Arguments.ProcessingInputs.find((i: any) => i.InputName === 'code');
    expect(stack.resolve(code.S3Input.S3Uri)).toEqual(expect.objectContaining({ 'Fn::Sub': expect.stringMatching(/^s3:\/\/cdk-.*-assets-.*\/[0-9a-f]{64}\.gz$/) }));
  });

  // Amazon S3 User Guide, "Using server-side encryption with AWS KMS keys": reading an SSE-KMS object needs kms:Decrypt
  // on its key, and S3 passes the object's (or, with a bucket key, the bucket's) ARN as the aws:s3:arn encryption
  // context. The CDK bootstrap bucket may have a customer managed key (cdk bootstrap --bootstrap-customer-key), which
  // the app cannot name: the role decrypts through S3 of this region, only for the asset bucket's objects, once.
  test('the role may decrypt the asset bucket\'s objects with its key, whatever key cdk bootstrap gave it', () => {
    const decrypts = roleStatements().filter((s: any) => s.Action === 'kms:Decrypt' && JSON.stringify(s.Resource).includes(':key/*'));
    expect(decrypts).toHaveLength(1);
    const [statement] = stack.resolve(decrypts);
    expect(statement.Condition.StringEquals).toEqual({ 'kms:ViaService': 's3.us-east-1.amazonaws.com' });
    const bucketArn = { 'Fn::Join': ['', ['arn:aws:s3:::', { 'Fn::Sub': 'cdk-hnb659fds-assets-${AWS::AccountId}-us-east-1' }]] };
    expect(statement.Condition.StringLike['kms:EncryptionContext:aws:s3:arn']).toEqual([
      bucketArn, { 'Fn::Join': ['', [...bucketArn['Fn::Join'][1], '/*']] },
    ]);
  });

  test('the committed data sample is the default input, uploaded as an asset the role may read', () => {
    const input: any = stack.definition.toJSON().Parameters.find((p) => p.Name === 'InputDataUrl');
    expect(stack.resolve(input.DefaultValue)).toEqual(expect.objectContaining({ 'Fn::Sub': expect.stringMatching(/^s3:\/\/cdk-.*-assets-.*\/[0-9a-f]{64}\.csv$/) }));
  });

  test('without a data sample, the default input is the project bucket\'s input/ prefix', () => {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'model-build-no-data-'));
    fs.cpSync(path.join(SEED_REPO, 'pipelines'), path.join(repo, 'pipelines'), { recursive: true });
    const noData = new ModelBuildApp({ config: testConfig(), repoDir: repo }).modelBuildStack;
    const input: any = noData.definition.toJSON().Parameters.find((p) => p.Name === 'InputDataUrl');
    expect(noData.resolve(input.DefaultValue)).toEqual({ 'Fn::Join': ['', ['s3://', { Ref: expect.stringMatching(/^ArtifactsBucket/) }, '/input/']] });
  });

  // A renamed sample would otherwise switch the default input to the input/ prefix without a word.
  test('data/ with CSV files but not the sample: a synth warning names them, the sample file and the default input', () => {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'model-build-other-data-'));
    fs.cpSync(path.join(SEED_REPO, 'pipelines'), path.join(repo, 'pipelines'), { recursive: true });
    fs.mkdirSync(path.join(repo, 'data'));
    fs.writeFileSync(path.join(repo, 'data', 'orders.csv'), 'id,label\n1,0\n');
    fs.writeFileSync(path.join(repo, 'data', 'README.md'), 'notes');
    // The warning as the stack's metadata holds it (what `cdk synth` prints), read without synthesizing the app.
    const warnings = (scope: Stack) => scope.node.metadata.filter((m) => m.type === 'aws:cdk:warning').map((m) => String(m.data));
    const renamed = new ModelBuildApp({ config: testConfig(), repoDir: repo }).modelBuildStack;
    expect(warnings(renamed)).toEqual([
      'data/ holds orders.csv but not data/player-churn.csv, the only sample file the stack uploads: the pipeline\'s default input is '
      + 'the artifact bucket\'s input/ prefix. Name the sample data/player-churn.csv, or put the data under that prefix [ack: sagemaker-gitops:unused-sample-data]',
    ]);
    // With the sample, or with no CSV file beside it, nothing to say.
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('unused-sample-data'))).toEqual([]);
    fs.rmSync(path.join(repo, 'data', 'orders.csv'));
    expect(warnings(new ModelBuildApp({ config: testConfig(), repoDir: repo }).modelBuildStack)).toEqual([]);
  });

  test('Preprocess on several instances: the default input is the input/ prefix, not the single sample file (ShardedByS3Key gives each instance whole files)', () => {
    // API reference "S3DataSource" (S3DataDistributionType ShardedByS3Key): each instance gets whole objects,
    // so one sample file would feed one instance; ScanInput stops an execution whose input has fewer files.
    const scaled = buildApp(testConfig({ instanceCounts: { processing: 2 } })).modelBuildStack;
    const input: any = scaled.definition.toJSON().Parameters.find((p) => p.Name === 'InputDataUrl');
    expect(scaled.resolve(input.DefaultValue)).toEqual({ 'Fn::Join': ['', ['s3://', { Ref: expect.stringMatching(/^ArtifactsBucket/) }, '/input/']] });
  });

  test('an existing MLflow tracking server: the steps get its ARN and experiment, the role may log to it and its artifact store', () => {
    const arn = 'arn:aws:sagemaker:us-east-1:123456789012:mlflow-tracking-server/churn';
    const withMlflow = buildApp(testConfig({ mlflow: { arn, artifactStoreUri: 's3://team-mlflow/churn', experimentName: 'churn-exp', clientVersion: '3.0.0' } })).modelBuildStack;
    const steps: any[] = withMlflow.definition.toJSON().Steps;
    expect(steps[0].Arguments.Environment).toMatchObject({ MLFLOW_TRACKING_URI: arn, MLFLOW_EXPERIMENT_NAME: 'churn-exp' });
    const t = Template.fromStack(withMlflow);
    // Service Authorization Reference "Amazon SageMaker with MLflow": sagemaker-mlflow actions on the mlflow-tracking-server resource type.
    const log = statements(t).find((s) => s.Sid === 'LogToMlflowTrackingServer');
    expect(log.Resource).toBe(arn);
    expect(log.Action.every((a: string) => a.startsWith('sagemaker-mlflow:'))).toBe(true);
    expect(statements(t).find((s) => s.Sid === 'LogToMlflowApp')).toBeUndefined();
    expect(statements(t).find((s) => s.Sid === 'ReadWriteMlflowArtifacts').Resource).toBe('arn:aws:s3:::team-mlflow/churn/*');
    t.resourceCountIs('AWS::SageMaker::MlflowTrackingServer', 0);
    t.resourceCountIs('AWS::SageMaker::MlflowApp', 0);
    t.hasOutput('MlflowArn', { Value: arn });
  });

  test('an MLflow server to create: retained, artifacts in the project bucket, its ARN reaches the steps', () => {
    const created = buildApp(testConfig({ mlflow: { trackingServer: {} } })).modelBuildStack;
    const t = Template.fromStack(created);
    t.hasResource('AWS::SageMaker::MlflowTrackingServer', {
      Properties: Match.objectLike({ TrackingServerName: 'player-churn', TrackingServerSize: 'Small' }),
      DeletionPolicy: 'RetainExceptOnCreate',
    });
    t.resourceCountIs('AWS::SageMaker::MlflowApp', 0);
    const env = (created.definition.toJSON().Steps[0] as any).Arguments.Environment;
    expect(created.resolve(env.MLFLOW_TRACKING_URI)).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^MlflowTrackingServer/), 'TrackingServerArn'] });
  });

  // CloudFormation "AWS::SageMaker::MlflowApp": Fn::GetAtt Arn (the id in the ARN is generated, never the name).
  test('an MLflow App (mlflow: {}): retained, its Arn attribute reaches the steps and the role, and is a stack output', () => {
    const created = buildApp(testConfig({ mlflow: {} })).modelBuildStack;
    const t = Template.fromStack(created);
    t.hasResource('AWS::SageMaker::MlflowApp', {
      Properties: Match.objectLike({ Name: 'player-churn-mlflow', ModelRegistrationMode: 'AutoModelRegistrationDisabled' }),
      DeletionPolicy: 'RetainExceptOnCreate',
    });
    t.resourceCountIs('AWS::SageMaker::MlflowTrackingServer', 0);
    const appArn = { 'Fn::GetAtt': [expect.stringMatching(/^MlflowApp/), 'Arn'] };
    const env = (created.definition.toJSON().Steps[0] as any).Arguments.Environment;
    expect(created.resolve(env.MLFLOW_TRACKING_URI)).toEqual(appArn);
    expect(env.MLFLOW_EXPERIMENT_NAME).toBe('player-churn');
    // Service Authorization Reference "Amazon SageMaker": sagemaker:CallMlflowAppApi on the mlflow-app resource type; the AWS
    // managed policy AmazonSageMakerJobFullAccess grants the sagemaker-mlflow actions on mlflow-app/* as well.
    expect(statements(t).find((s) => s.Sid === 'LogToMlflowApp')).toEqual(expect.objectContaining({
      Action: [...MLFLOW_APP_ACTIONS, ...MLFLOW_TRACKING_SERVER_ACTIONS].sort(), Resource: appArn,
    }));
    expect(statements(t).find((s) => s.Sid === 'LogToMlflowTrackingServer')).toBeUndefined();
    t.hasOutput('MlflowArn', { Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^MlflowApp'), 'Arn'] } });
  });

  test('without MLflow: no backend, no MLflow statement, no MLflow environment', () => {
    const t = Template.fromStack(sharedDefaultApp().modelBuildStack);
    t.resourceCountIs('AWS::SageMaker::MlflowApp', 0);
    t.resourceCountIs('AWS::SageMaker::MlflowTrackingServer', 0);
    expect(JSON.stringify(statements(t))).not.toMatch(/mlflow/i);
    expect(Object.keys(t.findOutputs('MlflowArn'))).toEqual([]);
  });

  test('a region without the SageMaker images is an error that names it', () => {
    expect(() => buildApp(testConfig({ region: 'mx-central-1' }))).toThrow(/not published in "mx-central-1"; supported regions: af-south-1/);
  });

  test('a repository without the step scripts is an error that names the file', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'empty-repo-'));
    expect(() => new ModelBuildApp({ config: testConfig(), repoDir: empty })).toThrow(/the model-build repository has no pipelines\/preprocess\.py/);
  });
});

describe('ModelPackageGroup', () => {
  test('de-duplicates reader accounts and drops the group\'s own account', () => {
    expect(dedupeReaderAccounts(['333333333333', '222222222222', '333333333333', '111111111111'], '111111111111')).toEqual(['222222222222', '333333333333']);
    expect(() => dedupeReaderAccounts(['12345'], '111111111111')).toThrow(/readerAccounts must be a 12-digit AWS account id .*got "12345"/);
  });

  test('rejects a bad group name', () => {
    const stack = new Stack(validatedApp(), 'S');
    expect(() => new ModelPackageGroup(stack, 'G', { modelPackageGroupName: 'bad name' })).toThrow(/modelPackageGroupName must be 1 to 63 .*got "bad name"/);
  });

  test('grantRead lets a role describe the group and its packages, nothing else', () => {
    const app = validatedApp();
    const stack = new Stack(app, 'S', { env: { account: '111111111111', region: 'eu-west-1' } });
    const group = new ModelPackageGroup(stack, 'G', { modelPackageGroupName: 'Churn' });
    const role = new iam.Role(stack, 'Reader', { assumedBy: new iam.ServicePrincipal('codebuild.amazonaws.com') });
    group.grantRead(role);
    const template = synthStack(stack);
    // Synthesized without findings: only the version wildcard of this group is acknowledged.
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [{
          Effect: 'Allow',
          Action: ['sagemaker:DescribeModelPackage', 'sagemaker:DescribeModelPackageGroup', 'sagemaker:ListModelPackages'],
          Resource: [
            'arn:aws:sagemaker:eu-west-1:111111111111:model-package-group/churn',
            'arn:aws:sagemaker:eu-west-1:111111111111:model-package/churn/*',
          ],
        }],
      },
    });
  });

  test('the acknowledgement covers only the group\'s version wildcard', () => {
    const app = validatedApp();
    const stack = new Stack(app, 'S', { env: { region: 'eu-west-1' } });
    const group = new ModelPackageGroup(stack, 'G', { modelPackageGroupName: 'churn' });
    const role = new iam.Role(stack, 'Reader', { assumedBy: new iam.ServicePrincipal('codebuild.amazonaws.com') });
    group.grantRead(role);
    role.addToPolicy(new iam.PolicyStatement({ actions: ['sagemaker:DescribeModelPackage'], resources: ['*'] }));
    expect(() => synthValidated(app)).toThrow(/AwsSolutions-IAM5\[Resource::\*\]: S\/Reader\/DefaultPolicy\/Resource/);
  });
});

describe('Model Monitor baseline (when a stage opts in to Model Monitor)', () => {
  const config = testConfig({ endpoints: { prod: { type: 'realtime', modelMonitor: {} } } });
  const app = buildApp(config);
  const stack = app.modelBuildStack;
  const json: any = stack.definition.toJSON();

  test('the pipeline suggests the data-quality baseline from the training baseline, and passes every check', () => {
    expect(Object.keys(synthValidated(app))).toHaveLength(2);
    expect(stack.definition.steps.map((s) => s.name)).toEqual(['Preprocess', 'Train', 'Evaluate', 'BaselineDataQuality', 'CheckAuc', 'Register', 'AucBelowThreshold']);
    const step = json.Steps.find((s: any) => s.Name === 'BaselineDataQuality');
    expect(step.Arguments.AppSpecification.ImageUri).toBe('156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer:latest');
    expect(step.Arguments.Environment).toEqual({
      dataset_format: '{"csv":{"header":true,"output_columns_position":"START"}}',
      dataset_source: '/opt/ml/processing/input/baseline_dataset_input',
      output_path: '/opt/ml/processing/output',
      publish_cloudwatch_metrics: 'Disabled',
    });
    expect(step.Arguments.ProcessingInputs).toHaveLength(1);
    expect(step.Arguments.ProcessingInputs[0].S3Input.S3Uri).toEqual({ Get: "Steps.Evaluate.ProcessingOutputConfig.Outputs['monitor_baseline'].S3Output.S3Uri" });
  });

  // SageMaker developer guide, "Container Contract Inputs": a monitoring job reads each captured request as
  // endpointInput and endpointOutput, the output first (output_columns_position START), and checks it against the
  // baseline's columns by position. The features alone would put every captured column one place off, so Evaluate,
  // which has the model, writes the training baseline with the model's output first (evaluate.py's pytest checks the file).
  test('the analyzer reads the training baseline with the model\'s output first, which Evaluate writes', () => {
    const evaluate = json.Steps.find((s: any) => s.Name === 'Evaluate').Arguments;
    expect(evaluate.AppSpecification.ContainerArguments.slice(-4)).toEqual([
      '--baseline-dir', '/opt/ml/processing/baseline', '--monitor-baseline-dir', '/opt/ml/processing/monitor_baseline',
    ]);
    const input = evaluate.ProcessingInputs.find((i: any) => i.InputName === 'baseline');
    expect(input.S3Input).toMatchObject({ S3Uri: { Get: "Steps.Preprocess.ProcessingOutputConfig.Outputs['baseline'].S3Output.S3Uri" }, LocalPath: '/opt/ml/processing/baseline' });
    const output = evaluate.ProcessingOutputConfig.Outputs.find((o: any) => o.OutputName === 'monitor_baseline');
    expect(output.S3Output.LocalPath).toBe('/opt/ml/processing/monitor_baseline');
    expect(JSON.stringify(output.S3Output.S3Uri)).toContain('"Evaluate","monitor_baseline"');
    // Without Model Monitor, Evaluate reads and writes no baseline of its own.
    const plain = (buildApp().modelBuildStack.definition.toJSON() as any).Steps.find((s: any) => s.Name === 'Evaluate').Arguments;
    expect(plain.AppSpecification.ContainerArguments).not.toContain('--baseline-dir');
    expect(plain.ProcessingInputs.map((i: any) => i.InputName)).toEqual(['code', 'entrypoint', 'model', 'test']);
  });

  test('the registered version carries the suggested statistics and constraints', () => {
    const condition = json.Steps.find((s: any) => s.Name === 'CheckAuc');
    const register = condition.Arguments.IfSteps.find((s: any) => s.Name === 'Register');
    const quality = register.Arguments.ModelMetrics.ModelDataQuality;
    const output = { Get: "Steps.BaselineDataQuality.ProcessingOutputConfig.Outputs['monitoring_output'].S3Output.S3Uri" };
    expect(quality).toEqual({
      Statistics: { ContentType: 'application/json', S3Uri: { 'Std:Join': { On: '/', Values: [output, 'statistics.json'] } } },
      Constraints: { ContentType: 'application/json', S3Uri: { 'Std:Join': { On: '/', Values: [output, 'constraints.json'] } } },
    });
  });

  test('the execution role may pull the analyzer image too', () => {
    const statements = Object.values<any>(Template.fromStack(stack).findResources('AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement);
    const pull = statements.find((s) => s.Sid === 'PullStepImages');
    expect(pull.Resource).toContain('arn:aws:ecr:us-east-1:156813124566:repository/sagemaker-model-monitor-analyzer');
  });

  test('without Model Monitor, no baseline step and no data-quality metrics', () => {
    const plain: any = buildApp().modelBuildStack.definition.toJSON();
    expect(JSON.stringify(plain)).not.toContain('BaselineDataQuality');
    expect(JSON.stringify(plain)).not.toContain('ModelDataQuality');
  });
});
