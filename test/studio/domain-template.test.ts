import { Match, Template } from 'aws-cdk-lib/assertions';
import { findViolations } from '../../src/validation';
import { MLFLOW_VERSIONS } from '../../src/config';
import { DomainTemplateStack, ProjectTemplateStack, STUDIO_ORIGINS } from '../../src/studio';
import { synthValidated, validatedApp } from '../helpers/validated-synth';

type Json = any;

let template: Template;
let json: Json;
let project: Json;

beforeAll(() => {
  const app = validatedApp();
  new DomainTemplateStack(app, 'SageMakerDomain');
  new ProjectTemplateStack(app, 'SageMakerProject');
  // Fails on any finding of the CloudFormation validator, cdk-nag AwsSolutions or the guardrails.
  const templates = synthValidated(app);
  template = templates.SageMakerDomain;
  json = template.toJSON();
  project = templates.SageMakerProject.toJSON();
});

const ref = (name: string) => ({ Ref: name });

/** The one resource of `type` whose logical id starts with `prefix`. */
function resource(type: string, prefix: string): Json {
  const found = Object.entries<Json>(template.findResources(type)).filter(([id]) => id.startsWith(prefix));
  expect(found.map(([id]) => id)).toHaveLength(1);
  return found[0][1];
}

/** Statements of a role's inline policies, by Sid: [actions, resources, conditions]. */
function statementsOf(role: Json): Record<string, Json> {
  const statements = role.Properties.Policies.flatMap((policy: Json) => policy.PolicyDocument.Statement);
  return Object.fromEntries(statements.map((s: Json) => [s.Sid, { Action: [s.Action].flat(), Resource: s.Resource, Condition: s.Condition }]));
}

/** A string as a regular expression that matches it literally. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A CloudFormation value rendered as text, intrinsic functions as their JSON. */
function flat(value: Json): string {
  return value?.['Fn::Join'] ? value['Fn::Join'][1].map((part: Json) => (typeof part === 'string' ? part : JSON.stringify(part))).join('') : JSON.stringify(value);
}

describe('DomainTemplateStack: a template without CDK bootstrap', () => {
  test('has only its own parameters: no asset parameters, no BootstrapVersion, no rules', () => {
    expect(Object.keys(json.Parameters)).toEqual(['DomainName', 'UserProfileName', 'VpcId', 'SubnetIds', 'AppNetworkAccessType', 'CreateMlflowTrackingServer', 'MlflowTrackingServerSize']);
    expect(json.Rules).toBeUndefined();
    expect(JSON.stringify(json)).not.toMatch(/AssetParameters|BootstrapVersion|cdk-bootstrap|CDKMetadata/);
  });

  test('no AWS-managed policy at all, and no iam:PassRole on every role', () => {
    for (const [id, res] of Object.entries<Json>(json.Resources)) {
      expect([id, res.Properties?.ManagedPolicyArns]).toEqual([id, undefined]);
      expect([id, findViolations(res)]).toEqual([id, { fullAccess: [], passRole: [] }]);
    }
  });
});

describe('the domain and its user profile', () => {
  test('an IAM domain in the given VPC and subnets, tagged with the location of the project templates', () => {
    template.hasResourceProperties('AWS::SageMaker::Domain', {
      AuthMode: 'IAM',
      DomainName: ref('DomainName'),
      VpcId: ref('VpcId'),
      SubnetIds: ref('SubnetIds'),
      AppNetworkAccessType: ref('AppNetworkAccessType'),
      DefaultUserSettings: {
        ExecutionRole: { 'Fn::GetAtt': [Match.stringLikeRegexp('^StudioExecutionRole'), 'Arn'] },
        SecurityGroups: [{ 'Fn::GetAtt': ['StudioAppsSecurityGroup', 'GroupId'] }],
        StudioWebPortal: 'ENABLED',
      },
      Tags: Match.arrayWith([{
        Key: 'sagemaker:projectS3TemplatesLocation',
        Value: { 'Fn::Join': ['', ['s3://', { Ref: Match.stringLikeRegexp('^TemplatesBucket') }, '/templates/']] },
      }]),
    });
    expect(json.Parameters.VpcId.Type).toBe('AWS::EC2::VPC::Id');
    expect(json.Parameters.SubnetIds.Type).toBe('List<AWS::EC2::Subnet::Id>');
  });

  test('a user profile of the domain with the Studio execution role', () => {
    template.hasResourceProperties('AWS::SageMaker::UserProfile', {
      DomainId: { 'Fn::GetAtt': ['Domain', 'DomainId'] },
      UserProfileName: ref('UserProfileName'),
      UserSettings: { ExecutionRole: { 'Fn::GetAtt': [Match.stringLikeRegexp('^StudioExecutionRole'), 'Arn'] } },
    });
  });

  // AWS CloudFormation Template Reference, AWS::SageMaker::Domain (DomainName, VpcId, SubnetIds, AppNetworkAccessType,
  // Tags) and AWS::SageMaker::UserProfile (DomainId, UserProfileName, Tags): "Update requires: Replacement". A deploy
  // with other subnets would otherwise delete the domain and its user profiles once their replacements exist.
  test('a deploy that would replace the domain or the user profile keeps the old ones; deleting the stack deletes them', () => {
    for (const type of ['AWS::SageMaker::Domain', 'AWS::SageMaker::UserProfile']) {
      expect(Object.values<Json>(template.findResources(type)).map((r) => [r.UpdateReplacePolicy, r.DeletionPolicy])).toEqual([['Retain', 'Delete']]);
    }
  });

  test('the apps talk to each other inside their security group only', () => {
    const ingress = Object.values<Json>(template.findResources('AWS::EC2::SecurityGroupIngress')).map((r) => r.Properties);
    expect(ingress.map((r) => [r.FromPort, r.ToPort, r.SourceSecurityGroupId, r.CidrIp])).toEqual([
      [2049, 2049, { 'Fn::GetAtt': ['StudioAppsSecurityGroup', 'GroupId'] }, undefined],
      [8192, 65535, { 'Fn::GetAtt': ['StudioAppsSecurityGroup', 'GroupId'] }, undefined],
    ]);
  });
});

describe('the templates bucket', () => {
  test('Studio reads it from its own origins only; versioned, encrypted, logged, private', () => {
    const bucket = resource('AWS::S3::Bucket', 'TemplatesBucket');
    expect(bucket.Properties.CorsConfiguration.CorsRules).toEqual([expect.objectContaining({
      AllowedOrigins: STUDIO_ORIGINS, AllowedMethods: ['GET', 'HEAD'],
    })]);
    expect(STUDIO_ORIGINS).toEqual(['https://*.sagemaker.aws']);
    expect(bucket.Properties).toMatchObject({
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: { DestinationBucketName: { Ref: expect.stringMatching(/^AccessLogs/) } },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
    });
    expect(bucket.DeletionPolicy).toBe('Retain');
  });
});

describe('the use roles of project launches', () => {
  test('the bootstrap build role can only write build logs, read repositories through SageMaker connections and assume the CDK bootstrap roles', () => {
    const role = resource('AWS::IAM::Role', 'ProjectUseRolesBuildRole');
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([{
      Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'codebuild.amazonaws.com' },
      Condition: { StringEquals: { 'aws:SourceAccount': ref('AWS::AccountId') } },
    }]);
    const statements = statementsOf(role);
    expect(Object.keys(statements)).toEqual(['WriteBuildLogs', 'CloneThroughSageMakerConnections', 'AssumeCdkBootstrapRoles']);
    expect(statements.WriteBuildLogs.Action).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
    expect(flat(statements.WriteBuildLogs.Resource)).toMatch(/:log-group:\/aws\/codebuild\/sagemaker-gitops-\*-bootstrap:\*$/);
    expect(statements.CloneThroughSageMakerConnections.Action)
      .toEqual(['codeconnections:GetConnection', 'codeconnections:GetConnectionToken', 'codestar-connections:GetConnection', 'codestar-connections:GetConnectionToken']);
    expect(statements.CloneThroughSageMakerConnections.Condition).toEqual({ StringEquals: { 'aws:ResourceTag/sagemaker': 'true' } });
    expect(statements.CloneThroughSageMakerConnections.Resource.map(flat)).toEqual([
      expect.stringMatching(/:codeconnections:.*:connection\/\*$/), expect.stringMatching(/:codestar-connections:.*:connection\/\*$/),
    ]);
    expect(statements.AssumeCdkBootstrapRoles.Action).toEqual(['sts:AssumeRole']);
    expect(statements.AssumeCdkBootstrapRoles.Condition).toEqual({ StringEquals: { 'iam:ResourceTag/aws-cdk:bootstrap-role': ['deploy', 'file-publishing'] } });
    expect(statements.AssumeCdkBootstrapRoles.Resource.map(flat)).toEqual([
      'arn:{"Ref":"AWS::Partition"}:iam::{"Ref":"AWS::AccountId"}:role/cdk-*-deploy-role-{"Ref":"AWS::AccountId"}-*',
      'arn:{"Ref":"AWS::Partition"}:iam::{"Ref":"AWS::AccountId"}:role/cdk-*-file-publishing-role-{"Ref":"AWS::AccountId"}-*',
    ]);
  });

  test('the starter role can only start and follow bootstrap builds, hand its watch to a new invocation of a starter, and write its logs', () => {
    const role = resource('AWS::IAM::Role', 'ProjectUseRolesStarterRole');
    expect(role.Properties.AssumeRolePolicyDocument.Statement[0].Principal).toEqual({ Service: 'lambda.amazonaws.com' });
    const statements = statementsOf(role);
    expect(Object.fromEntries(Object.entries<Json>(statements).map(([sid, s]) => [sid, [s.Action, flat(s.Resource)]]))).toEqual({
      WriteFunctionLogs: [['logs:CreateLogStream', 'logs:PutLogEvents'], expect.stringMatching(/:log-group:\/aws\/lambda\/sagemaker-gitops-\*-start-bootstrap:\*$/)],
      StartAndFollowBootstrapBuilds: [['codebuild:BatchGetBuilds', 'codebuild:StartBuild'], expect.stringMatching(/:codebuild:.*:project\/sagemaker-gitops-\*-bootstrap$/)],
      ContinueInANewInvocation: [['lambda:InvokeFunction'], expect.stringMatching(/:lambda:.*:function:sagemaker-gitops-\*-start-bootstrap$/)],
    });
  });

  test('are the roles the project template runs its build and function as', () => {
    const codeBuild = Object.values<Json>(project.Resources).find((r) => r.Type === 'AWS::CodeBuild::Project');
    const fn = Object.values<Json>(project.Resources).find((r) => r.Type === 'AWS::Lambda::Function');
    for (const [prefix, used] of [['ProjectUseRolesBuildRole', codeBuild.Properties.ServiceRole], ['ProjectUseRolesStarterRole', fn.Properties.Role]]) {
      const role = resource('AWS::IAM::Role', prefix).Properties;
      expect(flat(used)).toBe(`arn:{"Ref":"AWS::Partition"}:iam::{"Ref":"AWS::AccountId"}:role${role.Path}${flat(role.RoleName)}`);
    }
  });
});

describe('the projects launch role', () => {
  let statements: Record<string, Json>;

  beforeAll(() => {
    statements = statementsOf(resource('AWS::IAM::Role', 'ProjectsLaunchRole'));
  });

  test('is assumed by CloudFormation only', () => {
    expect(resource('AWS::IAM::Role', 'ProjectsLaunchRole').Properties.AssumeRolePolicyDocument.Statement)
      .toEqual([{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'cloudformation.amazonaws.com' } }]);
  });

  test('creates no IAM resource and passes only the two use roles, each to its service', () => {
    const actions = Object.values<Json>(statements).flatMap((s) => s.Action);
    expect(actions.filter((a: string) => a.startsWith('iam:'))).toEqual(['iam:PassRole', 'iam:PassRole']);
    expect(statements.PassBuildRole).toEqual({
      Action: ['iam:PassRole'],
      Resource: { 'Fn::GetAtt': [expect.stringMatching(/^ProjectUseRolesBuildRole/), 'Arn'] },
      Condition: { StringEquals: { 'iam:PassedToService': 'codebuild.amazonaws.com' } },
    });
    expect(statements.PassStarterRole).toEqual({
      Action: ['iam:PassRole'],
      Resource: { 'Fn::GetAtt': [expect.stringMatching(/^ProjectUseRolesStarterRole/), 'Arn'] },
      Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
    });
  });

  test('covers every resource type of the project template, on the names a launch gives them', () => {
    const types = new Set(Object.values<Json>(project.Resources).map((r) => r.Type));
    const byType: Record<string, [string, RegExp]> = {
      'AWS::SageMaker::ModelPackageGroup': ['ModelPackageGroups', /:model-package-group\/\*$/],
      'AWS::CodeBuild::Project': ['BootstrapProjects', /:project\/sagemaker-gitops-\*-bootstrap$/],
      'AWS::Lambda::Function': ['StarterFunctions', /:function:sagemaker-gitops-\*-start-bootstrap$/],
      'AWS::Logs::LogGroup': ['LaunchLogGroups', /:log-group:\/aws\/codebuild\/sagemaker-gitops-\*-bootstrap$/],
      // CloudFormation invokes the starter function with the launch role.
      'Custom::StartBootstrapBuild': ['StarterFunctions', /:function:sagemaker-gitops-\*-start-bootstrap$/],
    };
    expect([...types].sort()).toEqual(Object.keys(byType).sort());
    for (const [sid, pattern] of Object.values(byType)) {
      expect([sid, [statements[sid].Resource].flat().map(flat)]).toEqual([sid, expect.arrayContaining([expect.stringMatching(pattern)])]);
    }
    expect(statements.StarterFunctions.Action).toContain('lambda:InvokeFunction');
    expect(statements.ModelPackageGroups.Action).toEqual(expect.arrayContaining(['sagemaker:CreateModelPackageGroup', 'sagemaker:PutModelPackageGroupPolicy', 'sagemaker:AddTags']));
    expect(statements.ModelPackageGroups.Action).not.toContain('sagemaker:DeleteModelPackageGroup');
  });

  // CloudFormation resource schemas (CloudFormation User Guide, "Resource type schema": handlers.<create|read>.permissions)
  // of AWS::Lambda::Function and AWS::Logs::LogGroup: a create ends with a read, so the role needs the read handler's actions too.
  test('may read back what it creates, as CloudFormation\'s Lambda and log group handlers do', () => {
    expect(statements.StarterFunctions.Action).toEqual(expect.arrayContaining([
      'lambda:CreateFunction', 'lambda:GetFunction', 'lambda:GetFunctionCodeSigningConfig', 'lambda:GetFunctionRecursionConfig',
    ]));
    expect(statements.LaunchLogGroups.Action).toEqual(expect.arrayContaining([
      'logs:CreateLogGroup', 'logs:PutRetentionPolicy', 'logs:ListTagsForResource', 'logs:GetDataProtectionPolicy',
    ]));
    // Service Authorization Reference, "Actions defined by Amazon CloudWatch Logs": DescribeLogGroups and
    // DescribeIndexPolicies list no resource type, so a statement grants them only with Resource "*".
    expect(statements.FindLogGroups).toMatchObject({ Action: ['logs:DescribeIndexPolicies', 'logs:DescribeLogGroups'], Resource: '*' });
    // CloudWatch Logs User Guide, "Overview of managing access permissions to your CloudWatch Logs resources": the
    // group's own ARN and the one ending in :* (which CreateLogGroup and PutRetentionPolicy are checked against).
    const logGroupArns = [statements.LaunchLogGroups.Resource].flat().map(flat);
    for (const name of ['/aws/codebuild/sagemaker-gitops-*-bootstrap', '/aws/lambda/sagemaker-gitops-*-start-bootstrap']) {
      expect(logGroupArns).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`:log-group:${escape(name)}$`)), expect.stringMatching(new RegExp(`:log-group:${escape(name)}:\\*$`))]));
    }
    // Reading only: the launch role can neither delete a log group nor change its policies.
    expect(statements.LaunchLogGroups.Action.filter((a: string) => /Delete|PutDataProtection|PutIndex|PutResourcePolicy/.test(a))).toEqual([]);
  });
});

describe('the Studio execution role', () => {
  let role: Json;
  let statements: Record<string, Json>;

  beforeAll(() => {
    role = resource('AWS::IAM::Role', 'StudioExecutionRole');
    statements = statementsOf(role);
  });

  test('is assumed by SageMaker', () => {
    expect(role.Properties.AssumeRolePolicyDocument.Statement[0].Principal).toEqual({ Service: 'sagemaker.amazonaws.com' });
  });

  test('launches projects with the launch role only', () => {
    const launchRole = { 'Fn::GetAtt': [expect.stringMatching(/^ProjectsLaunchRole/), 'Arn'] };
    expect(statements.PassOnlyTheLaunchRole).toEqual({
      Action: ['iam:PassRole'], Resource: launchRole, Condition: { StringEquals: { 'iam:PassedToService': 'cloudformation.amazonaws.com' } },
    });
    expect(statements.ProjectStacksWithTheLaunchRole.Action).toEqual(['cloudformation:CreateStack']);
    expect(statements.ProjectStacksWithTheLaunchRole.Condition).toEqual({ StringEquals: { 'cloudformation:RoleArn': launchRole } });
    expect(flat(statements.ProjectStacksWithTheLaunchRole.Resource)).toMatch(/:stack\/SP-\*$/);
    // Service Authorization Reference (CloudFormation): cloudformation:RoleArn is set only when the request names a
    // role, and DeleteStack / UpdateStack need not (the stack keeps its role); IAM User Guide, "...IfExists condition
    // operators". Deleting or updating a project works without a role, and with one only with the launch role.
    expect(statements.ChangeProjectStacksWithTheLaunchRole.Action.sort()).toEqual(['cloudformation:DeleteStack', 'cloudformation:UpdateStack']);
    expect(statements.ChangeProjectStacksWithTheLaunchRole.Condition).toEqual({ StringEqualsIfExists: { 'cloudformation:RoleArn': launchRole } });
    expect(flat(statements.ChangeProjectStacksWithTheLaunchRole.Resource)).toMatch(/:stack\/SP-\*$/);
    expect(flat(statements.ReadTemplates.Resource)).toMatch(/\/templates\/\*$/);
    expect(statements.ReadTemplates.Action).toEqual(['s3:GetObject', 's3:GetObjectTagging']);
  });

  test('runs only pipelines of sagemaker-gitops projects and reviews model versions', () => {
    expect(statements.RunProjectPipelines.Condition).toEqual({ Null: { 'aws:ResourceTag/sagemaker-gitops:project': 'false' } });
    expect(statements.RunProjectPipelines.Action).toContain('sagemaker:StartPipelineExecution');
    expect(statements.ReviewModelVersions.Action).toEqual(['sagemaker:DescribeModelPackage', 'sagemaker:UpdateModelPackage']);
    expect(statements.DecryptModelBuildArtifacts.Condition).toEqual({
      'StringEquals': { 'kms:ViaService': { 'Fn::Join': ['', ['s3.', ref('AWS::Region'), '.amazonaws.com']] } },
      'ForAnyValue:StringLike': { 'kms:ResourceAliases': ['alias/*-model-build'] },
    });
    // CloudFormation names the model-build buckets (truncating long stack names): the name pattern keeps to the
    // account's buckets ("Amazon S3 condition key examples", s3:ResourceAccount), not another account's.
    expect(statements.ReadModelBuildArtifacts.Condition).toEqual({ StringEquals: { 's3:ResourceAccount': ref('AWS::AccountId') } });
  });

  test('uses Studio in its own domain only', () => {
    const policy = resource('AWS::IAM::Policy', 'StudioExecutionRoleStudioApps');
    const [inDomain] = policy.Properties.PolicyDocument.Statement;
    // Sorted, as the policy minimization of aws-cdk-lib writes them.
    expect(inDomain.Resource.map(flat)).toEqual([
      expect.stringMatching(/:app\/{"Fn::GetAtt":\["Domain","DomainId"\]}\/\*$/),
      expect.stringMatching(/:domain\/{"Fn::GetAtt":\["Domain","DomainId"\]}$/),
      expect.stringMatching(/:space\/{"Fn::GetAtt":\["Domain","DomainId"\]}\/\*$/),
      expect.stringMatching(/:user-profile\/{"Fn::GetAtt":\["Domain","DomainId"\]}\/\*$/),
    ]);
  });
});

describe('the optional MLflow tracking server', () => {
  test('exists only when asked for, with everything it needs, and the Studio role may use it then', () => {
    expect(json.Conditions.MlflowTrackingServerWanted).toEqual({ 'Fn::Equals': [ref('CreateMlflowTrackingServer'), 'true'] });
    const conditional = Object.entries<Json>(json.Resources).filter(([, r]) => r.Condition === 'MlflowTrackingServerWanted').map(([id, r]) => [id.replace(/[0-9A-F]{8}$/, ''), r.Type]);
    expect(conditional.sort()).toEqual([
      ['MlflowAccessLogs', 'AWS::S3::Bucket'],
      ['MlflowAccessLogsPolicy', 'AWS::S3::BucketPolicy'],
      ['MlflowArtifacts', 'AWS::S3::Bucket'],
      ['MlflowArtifactsKey', 'AWS::KMS::Key'],
      ['MlflowArtifactsPolicy', 'AWS::S3::BucketPolicy'],
      ['MlflowServer', 'AWS::SageMaker::MlflowTrackingServer'],
      ['MlflowServerRole', 'AWS::IAM::Role'],
      ['StudioExecutionRoleMlflowAccess', 'AWS::IAM::Policy'],
    ]);
    template.hasResourceProperties('AWS::SageMaker::MlflowTrackingServer', {
      TrackingServerSize: ref('MlflowTrackingServerSize'),
      AutomaticModelRegistration: false,
      ArtifactStoreUri: { 'Fn::Join': ['', ['s3://', { Ref: Match.stringLikeRegexp('^MlflowArtifacts') }, '/mlflow']] },
      // The version the steps' mlflow client is pinned to: a server serves clients of its own version and older.
      MlflowVersion: MLFLOW_VERSIONS.trackingServer,
    });
    // What a project that logs to this server sets: mlflow.arn, mlflow.artifactStoreUri and mlflow.artifactKmsKeyArn.
    for (const output of ['MlflowTrackingServerArn', 'MlflowArtifactStoreUri', 'MlflowArtifactKmsKeyArn']) {
      expect(json.Outputs[output].Condition).toBe('MlflowTrackingServerWanted');
    }
    expect(json.Outputs.MlflowTrackingServerArn.Description).toContain('mlflow.arn');
    expect(flat(json.Outputs.MlflowArtifactStoreUri.Value)).toMatch(/^s3:\/\/{"Ref":"MlflowArtifacts[0-9A-F]{8}"}\/mlflow$/);
    expect(flat(json.Outputs.MlflowArtifactKmsKeyArn.Value)).toMatch(/^{"Fn::GetAtt":\["MlflowArtifactsKey[0-9A-F]{8}","Arn"\]}$/);
  });

  // SageMaker Developer Guide, "Set up IAM permissions for MLflow": the tracking server's role reaches the artifact store
  // for the server; the MLflow client puts and gets artifacts in S3 itself, with the caller's role (the pipeline's step
  // roles get the same grant, src/model-build/sagemaker-execution-role.ts), and Studio's MLflow page lists the servers.
  test('the Studio role may list the servers and read and write the server\'s artifact store, through S3 only for its key', () => {
    const policy = resource('AWS::IAM::Policy', 'StudioExecutionRoleMlflowAccess');
    const statements = Object.fromEntries(policy.Properties.PolicyDocument.Statement.map((st: Json) => [st.Sid, st]));
    expect(statements.FindTrackingServers).toMatchObject({ Action: 'sagemaker:ListMlflowTrackingServers', Resource: '*' });
    expect(statements.ReadWriteMlflowArtifacts.Action).toEqual(['s3:GetObject', 's3:PutObject']);
    expect(flat(statements.ReadWriteMlflowArtifacts.Resource)).toMatch(/^{"Fn::GetAtt":\["MlflowArtifacts[0-9A-F]{8}","Arn"\]}\/mlflow\/\*$/);
    expect(statements.ListMlflowArtifacts).toMatchObject({ Action: 's3:ListBucket', Condition: { StringLike: { 's3:prefix': ['mlflow/*'] } } });
    expect(statements.UseMlflowArtifactKey).toMatchObject({
      Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
      Resource: { 'Fn::GetAtt': [expect.stringMatching(/^MlflowArtifactsKey/), 'Arn'] },
      Condition: { StringEquals: { 'kms:ViaService': { 'Fn::Join': ['', ['s3.', { Ref: 'AWS::Region' }, '.amazonaws.com']] } } },
    });
  });
});

test('the outputs say how to publish the project template and which role to launch it with', () => {
  expect(Object.keys(json.Outputs)).toEqual(expect.arrayContaining(['DomainId', 'TemplatesBucketName', 'ProjectTemplatesLocation', 'ProjectsLaunchRoleArn', 'PublishTemplateCommand']));
  expect(flat(json.Outputs.PublishTemplateCommand.Value)).toMatch(/^npx sagemaker-gitops publish-templates --bucket {"Ref":"TemplatesBucket[0-9A-F]{8}"} --prefix templates\/$/);
});
