import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as s3assets from 'aws-cdk-lib/aws-s3-assets';
import * as YAML from 'yaml';
import {
  GIT_PROVIDERS, MODEL_DEPLOY_SOURCE_ID, PROJECT_TEMPLATE_PARAMETERS, ProjectTemplateStack, SAGEMAKER_PROJECT_ID_TAG, SAGEMAKER_PROJECT_NAME_TAG,
  matchesAllowedPattern,
} from '../../src/studio';
import { PROJECT_TAG_KEY } from '../../src/constructs';
import { BUILD_POLL_SECONDS } from '../../src/studio/start-build-handler';
import { synthValidated, validatedApp } from '../helpers/validated-synth';

type Json = any;

let stack: ProjectTemplateStack;
let template: Template;
let json: Json;

beforeAll(() => {
  const app = validatedApp();
  stack = new ProjectTemplateStack(app, 'SageMakerProject');
  // Fails on any finding of the CloudFormation validator, cdk-nag AwsSolutions or the guardrails.
  template = synthValidated(app).SageMakerProject;
  json = template.toJSON();
});

/** Whether CloudFormation accepts `value` for `name`: its AllowedValues, lengths and AllowedPattern (whole value). */
function accepts(name: string, value: string): boolean {
  const parameter = json.Parameters[name];
  return (parameter.AllowedValues === undefined || parameter.AllowedValues.includes(value))
    && (parameter.MinLength === undefined || value.length >= parameter.MinLength)
    && (parameter.MaxLength === undefined || value.length <= parameter.MaxLength)
    && (parameter.AllowedPattern === undefined || matchesAllowedPattern(parameter.AllowedPattern, value));
}

const CONNECTION = 'arn:aws:codeconnections:eu-west-1:123456789012:connection/4f4b3c2a-1d2e-4f5a-9b8c-7d6e5f4a3b2c';

describe('ProjectTemplateStack: a template without CDK bootstrap', () => {
  test('has exactly the project parameters: no asset parameters, no BootstrapVersion, no rules', () => {
    expect(Object.keys(json.Parameters)).toEqual([...PROJECT_TEMPLATE_PARAMETERS]);
    expect(json.Rules).toBeUndefined();
    expect(JSON.stringify(json)).not.toMatch(/AssetParameters|BootstrapVersion|cdk-bootstrap|CDKMetadata/);
  });

  test('an asset cannot even be added: the synthesizer needs no bucket', () => {
    const app = validatedApp();
    const other = new ProjectTemplateStack(app, 'Other');
    expect(() => new s3assets.Asset(other, 'File', { path: __filename })).toThrow(/Cannot add assets to a Stack that uses the BootstraplessSynthesizer/);
  });

  test('creates no IAM resource: the build and the function run as the domain template\'s roles', () => {
    const types = Object.values<Json>(json.Resources).map((resource) => resource.Type);
    expect(types.filter((type) => type.startsWith('AWS::IAM::'))).toEqual([]);
    expect(new Set(types)).toEqual(new Set([
      'AWS::SageMaker::ModelPackageGroup', 'AWS::Logs::LogGroup', 'AWS::CodeBuild::Project', 'AWS::Lambda::Function', 'Custom::StartBootstrapBuild',
    ]));
  });
});

describe('ProjectTemplateStack parameters', () => {
  test.each([
    ['SageMakerProjectName', ['player-churn', 'a', 'churn2', 'a--b', 'a'.repeat(32)], ['', 'Churn2', '1churn', '-churn', 'churn-', 'churn_model', 'churn model', 'a'.repeat(33)]],
    ['SageMakerProjectId', ['p-abcdefghijkl', 'p1', 'a'.repeat(20)], ['', 'P-1', '-p', 'p_1', 'p-', 'a'.repeat(21)]],
    ['ModelBuildRepository', ['acme/player-churn-model-build', 'my.org/repo_1', 'group/subgroup/name'], ['', 'player-churn', 'acme/', '/acme/repo', 'acme//repo', 'acme/re po', 'https://github.com/acme/repo', 'acme/repo;rm']],
    ['ModelDeployRepository', ['acme/player-churn-model-deploy'], ['acme', 'acme:repo']],
    ['ModelBuildBranch', ['main', 'release/1.2', 'feature_x', 'a'], ['', 'ma in', '-main', 'main/', 'main;ls', '$(id)', 'a'.repeat(201)]],
    ['CodeConnectionArn',
      [CONNECTION, CONNECTION.replace('codeconnections', 'codestar-connections'), CONNECTION.replace('arn:aws:', 'arn:aws-cn:')],
      [
        '',
        'arn:aws:codecommit:eu-west-1:123456789012:player-churn-model-build',
        'arn:aws:codestar-notifications:eu-west-1:123456789012:notificationrule/4f4b3c2a1d2e4f5a9b8c7d6e5f4a3b2c',
        CONNECTION.replace(':connection/', ':host/'),
        CONNECTION.replace('123456789012', '12345678901'),
        `${CONNECTION}0`,
        CONNECTION.slice(0, -1),
      ]],
    ['StagingAccountId', ['', '123456789012'], ['12345678901', '1234567890123', 'abcdefghijkl', ' 123456789012']],
    ['ProdAccountId', ['', '210987654321'], ['0', 'prod']],
    ['GitProvider', Object.keys(GIT_PROVIDERS), ['github', 'CodeCommit', '']],
  ])('%s accepts what SageMaker and the project allow, and nothing else', (name, good, bad) => {
    for (const value of good) {
      expect([value, accepts(name, value)]).toEqual([value, true]);
    }
    for (const value of bad) {
      expect([value, accepts(name, value)]).toEqual([value, false]);
    }
  });

  // Amazon SageMaker API Reference, CreateProject: ProjectName [a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}; the template takes its
  // lower-case part (the group policy names the group by ARN) that starts with a letter (the name starts the pipeline
  // stacks' names, and CloudFormation API Reference, CreateStack: a stack name starts with an alphabetic character).
  test('the project name follows SageMaker\'s pattern and length, in lower case', () => {
    expect(json.Parameters.SageMakerProjectName).toMatchObject({ AllowedPattern: '[a-z](-*[a-z0-9])*', MinLength: 1, MaxLength: 32 });
  });

  test('patterns use no syntax that CloudFormation reads differently from JavaScript', () => {
    for (const parameter of Object.values<Json>(json.Parameters)) {
      if (parameter.AllowedPattern !== undefined) {
        // No lookaround, no Unicode classes, no class nested in a class (a union in Java's syntax).
        expect(parameter.AllowedPattern).not.toMatch(/\(\?|\\p\{|\[[^\]]*\[/);
        expect(parameter.ConstraintDescription).toEqual(expect.any(String));
      }
    }
  });

  test('only the stage accounts may stay empty; the rest are required', () => {
    for (const name of PROJECT_TEMPLATE_PARAMETERS) {
      const parameter = json.Parameters[name];
      expect([name, parameter.Default === '' ? 'optional' : parameter.MinLength ?? parameter.AllowedValues?.length])
        .toEqual([name, ['StagingAccountId', 'ProdAccountId'].includes(name) ? 'optional' : expect.any(Number)]);
    }
  });
});

describe('ProjectTemplateStack resources', () => {
  const ref = (name: string) => ({ Ref: name });

  test('the model package group is <name>-<id>, retained, readable by the stage accounts only when given', () => {
    const [id, group] = Object.entries<Json>(template.findResources('AWS::SageMaker::ModelPackageGroup'))[0];
    expect(id).toBe('ModelPackageGroup');
    expect(group.DeletionPolicy).toBe('Retain');
    expect(group.Properties.ModelPackageGroupName).toEqual({ 'Fn::Join': ['', [ref('SageMakerProjectName'), '-', ref('SageMakerProjectId')]] });
    const policy = group.Properties.ModelPackageGroupPolicy['Fn::If'];
    expect(policy[0]).toBe('HasReaderAccounts');
    expect(policy[2]).toEqual(ref('AWS::NoValue'));
    expect(policy[1].Statement.map((s: Json) => [s.Sid, s.Action])).toEqual([
      ['ReadGroup', ['sagemaker:DescribeModelPackageGroup']],
      ['ReadAndDeployModelPackages', ['sagemaker:DescribeModelPackage', 'sagemaker:ListModelPackages', 'sagemaker:CreateModel']],
    ]);
    expect(policy[1].Statement[0].Principal.AWS.map((p: Json) => p['Fn::If'][0])).toEqual(['HasStagingAccount', 'HasOtherProdAccount']);
    expect(json.Conditions.HasStagingAccount).toEqual({ 'Fn::Not': [{ 'Fn::Equals': [ref('StagingAccountId'), ''] }] });
  });

  // SageMaker refuses a model package group policy that names a principal twice ("Invalid policy provided:
  // Duplicate principal", as awslabs/aiops-modules#397 met with this template pattern); one account may host both stages.
  test.each([
    ['', ''], ['222222222222', ''], ['', '333333333333'], ['222222222222', '333333333333'], ['222222222222', '222222222222'],
  ])('staging %j and production %j: the group policy names each stage account once', (staging, prod) => {
    const parameters: Record<string, string> = { StagingAccountId: staging, ProdAccountId: prod, 'AWS::Partition': 'aws' };
    const value = (expression: Json): Json => {
      if (Array.isArray(expression)) {
        return expression.map(value).filter((item) => item !== NO_VALUE);
      }
      if (expression === null || typeof expression !== 'object') {
        return expression;
      }
      const [[key, argument]] = Object.entries<Json>(expression);
      switch (key) {
        case 'Ref': return argument === 'AWS::NoValue' ? NO_VALUE : parameters[argument] ?? `<${argument}>`;
        case 'Condition': return value(json.Conditions[argument]);
        case 'Fn::Not': return !value(argument[0]);
        case 'Fn::Equals': return value(argument[0]) === value(argument[1]);
        case 'Fn::And': return argument.every((item: Json) => value(item));
        case 'Fn::Or': return argument.some((item: Json) => value(item));
        case 'Fn::If': return value(value(json.Conditions[argument[0]]) ? argument[1] : argument[2]);
        case 'Fn::Join': return value(argument[1]).join(argument[0]);
        default: return Object.fromEntries(Object.entries<Json>(expression).map(([k, v]) => [k, value(v)]));
      }
    };
    const NO_VALUE = Symbol('AWS::NoValue');
    const [group] = Object.values<Json>(template.findResources('AWS::SageMaker::ModelPackageGroup'));
    const policy = value(group.Properties.ModelPackageGroupPolicy);
    const expected = [...new Set([staging, prod].filter(Boolean))].map((account) => `arn:aws:iam::${account}:root`);
    if (expected.length === 0) {
      expect(policy).toBe(NO_VALUE);
    } else {
      expect(policy.Statement.map((statement: Json) => statement.Principal.AWS)).toEqual([expected, expected]);
    }
  });

  test('every resource that takes tags carries the SageMaker project name and id', () => {
    const tagged = Object.entries<Json>(json.Resources).filter(([, resource]) => resource.Type !== 'Custom::StartBootstrapBuild');
    expect(tagged).toHaveLength(5);
    for (const [id, resource] of tagged) {
      expect([id, resource.Properties.Tags]).toEqual([id, expect.arrayContaining([
        { Key: SAGEMAKER_PROJECT_NAME_TAG, Value: ref('SageMakerProjectName') },
        { Key: SAGEMAKER_PROJECT_ID_TAG, Value: ref('SageMakerProjectId') },
        { Key: PROJECT_TAG_KEY, Value: ref('SageMakerProjectName') },
      ])]);
    }
  });

  test('the bootstrap build clones both repositories through the connection and runs as the domain\'s build role', () => {
    const source = (repository: string) => ({
      Type: { 'Fn::FindInMap': ['GitProviders', ref('GitProvider'), 'SourceType'] },
      Location: { 'Fn::Join': ['', ['https://', { 'Fn::FindInMap': ['GitProviders', ref('GitProvider'), 'Host'] }, '/', ref(repository), '.git']] },
      Auth: { Type: 'CODECONNECTIONS', Resource: ref('CodeConnectionArn') },
      GitCloneDepth: 1,
    });
    template.hasResourceProperties('AWS::CodeBuild::Project', {
      Name: { 'Fn::Join': ['', ['sagemaker-gitops-', ref('SageMakerProjectId'), '-bootstrap']] },
      Source: { ...source('ModelBuildRepository'), BuildSpec: Match.anyValue() },
      SourceVersion: ref('ModelBuildBranch'),
      SecondarySources: [{ ...source('ModelDeployRepository'), SourceIdentifier: MODEL_DEPLOY_SOURCE_ID }],
      SecondarySourceVersions: [{ SourceIdentifier: MODEL_DEPLOY_SOURCE_ID, SourceVersion: ref('ModelDeployBranch') }],
      Artifacts: { Type: 'NO_ARTIFACTS' },
      ServiceRole: { 'Fn::Join': ['', ['arn:', ref('AWS::Partition'), ':iam::', ref('AWS::AccountId'), ':role/sagemaker-gitops/sagemaker-gitops-bootstrap-build-', ref('AWS::Region')]] },
      Environment: Match.objectLike({ Image: 'aws/codebuild/standard:7.0', PrivilegedMode: Match.absent() }),
    });
    expect(json.Mappings.GitProviders).toEqual(GIT_PROVIDERS);
  });

  test('the build gets the launch\'s parameters; an empty stage account is passed as none', () => {
    const variables = Object.values<Json>(template.findResources('AWS::CodeBuild::Project'))[0].Properties.Environment.EnvironmentVariables;
    expect(Object.fromEntries(variables.map((v: Json) => [v.Name, v.Value]))).toEqual({
      SAGEMAKER_PROJECT_NAME: ref('SageMakerProjectName'),
      SAGEMAKER_PROJECT_ID: ref('SageMakerProjectId'),
      BUILD_ACCOUNT: ref('AWS::AccountId'),
      CODE_CONNECTION_ARN: ref('CodeConnectionArn'),
      MODEL_BUILD_REPOSITORY: ref('ModelBuildRepository'),
      MODEL_BUILD_BRANCH: ref('ModelBuildBranch'),
      MODEL_DEPLOY_REPOSITORY: ref('ModelDeployRepository'),
      MODEL_DEPLOY_BRANCH: ref('ModelDeployBranch'),
      STAGING_ACCOUNT: { 'Fn::If': ['HasStagingAccount', ref('StagingAccountId'), 'none'] },
      PROD_ACCOUNT: { 'Fn::If': ['HasProdAccount', ref('ProdAccountId'), 'none'] },
    });
  });

  test('the buildspec deploys each repository\'s pipeline stack by the project\'s name', () => {
    const buildSpec = YAML.parse(Object.values<Json>(template.findResources('AWS::CodeBuild::Project'))[0].Properties.Source.BuildSpec);
    expect(buildSpec.phases.install['runtime-versions']).toEqual({ nodejs: '22' });
    const [build, deploy] = buildSpec.phases.build.commands as string[];
    expect(build).toMatch(/^cd "\$CODEBUILD_SRC_DIR" && .*npm ci.* && npx cdk deploy "\$SAGEMAKER_PROJECT_NAME-model-build-pipeline" --require-approval never /);
    expect(deploy).toMatch(/^cd "\$CODEBUILD_SRC_DIR_model_deploy" && .*npm ci.* && npx cdk deploy "\$SAGEMAKER_PROJECT_NAME-model-deploy-pipeline" --require-approval never --no-notices -c sagemaker-gitops:placeholder-model=true /);
    expect(buildSpec.phases.build['on-failure']).toBe('ABORT');
  });

  test('a custom resource backed by an inline function starts the build once the group exists', () => {
    template.hasResource('Custom::StartBootstrapBuild', {
      Properties: {
        ServiceToken: { 'Fn::GetAtt': [Match.stringLikeRegexp('^BootstrapStarter'), 'Arn'] },
        ProjectName: { Ref: Match.stringLikeRegexp('^BootstrapProject') },
        PollSeconds: 15,
        ServiceTimeout: '3600',
      },
      DependsOn: ['ModelPackageGroup'],
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Timeout: 900,
      Handler: 'index.handler',
      Code: { ZipFile: Match.stringLikeRegexp('StartBuildCommand') },
      Role: { 'Fn::Join': ['', ['arn:', ref('AWS::Partition'), ':iam::', ref('AWS::AccountId'), ':role/sagemaker-gitops/sagemaker-gitops-bootstrap-starter-', ref('AWS::Region')]] },
      FunctionName: { 'Fn::Join': ['', ['sagemaker-gitops-', ref('SageMakerProjectId'), '-start-bootstrap']] },
    });
    expect(json.Outputs.BootstrapBuildId.Value).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^BootstrapStartBootstrap/), 'BuildId'] });
  });

  // The starter answers when the build has ended, so the build's queued and running limits must end within the custom
  // resource's wait: CloudFormation User Guide, AWS::CloudFormation::CustomResource, ServiceTimeout (1 to 3600 s);
  // CodeBuild API Reference, CreateProject: queuedTimeoutInMinutes 5 to 480, timeoutInMinutes 5 to 2160; AWS Lambda
  // Developer Guide, "Configure Lambda function timeout": at most 900 s per invocation (the starter hands over).
  test('the bootstrap build ends, queued or running, before CloudFormation stops waiting for the starter', () => {
    const project = Object.values<Json>(template.findResources('AWS::CodeBuild::Project'))[0].Properties;
    const serviceTimeout = Number(Object.values<Json>(template.findResources('Custom::StartBootstrapBuild'))[0].Properties.ServiceTimeout);
    expect(serviceTimeout).toBeLessThanOrEqual(3600);
    expect(project.QueuedTimeoutInMinutes).toBeGreaterThanOrEqual(5);
    expect(project.TimeoutInMinutes).toBeGreaterThanOrEqual(5);
    // The last look at the build comes at most one poll interval after it ended; a timed-out build still finalizes and
    // a hand-over to a new invocation takes its own time: 3 minutes are kept for both.
    expect((project.QueuedTimeoutInMinutes + project.TimeoutInMinutes + 3) * 60 + BUILD_POLL_SECONDS).toBeLessThanOrEqual(serviceTimeout);
    expect(project).toMatchObject({ QueuedTimeoutInMinutes: 5, TimeoutInMinutes: 50 });
  });

  test('the log groups are the ones the CodeBuild project and the function write to, kept a year', () => {
    template.resourceCountIs('AWS::Logs::LogGroup', 2);
    template.hasResourceProperties('AWS::CodeBuild::Project', {
      LogsConfig: { CloudWatchLogs: { Status: 'ENABLED', GroupName: { Ref: Match.stringLikeRegexp('^BootstrapBuildLogs') } } },
    });
    template.hasResourceProperties('AWS::Lambda::Function', { LoggingConfig: { LogGroup: { Ref: Match.stringLikeRegexp('^BootstrapStarterLogs') } } });
    template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 365 });
  });

  test('is the stack it says it is', () => {
    expect(Stack.of(stack.bootstrap)).toBe(stack);
    expect(json.AWSTemplateFormatVersion).toBe('2010-09-09');
  });
});
