import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { acknowledgeWildcardResource } from '../validation/acknowledge';
import { STUDIO_RESOURCE_PREFIX, bootstrapProjectName, startBootstrapFunctionName } from '../app-context/studio-names';

/**
 * What CloudFormation's AWS::Lambda::Function handler calls to create, update, tag and read back
 * the starter function (the resource schema's handlers: its read handler reads the function's
 * recursion setting with lambda:GetFunctionRecursionConfig, so a role without it fails the create),
 * and lambda:InvokeFunction, with which CloudFormation calls the custom resource's function.
 */
export const STARTER_FUNCTION_ACTIONS = [
  'lambda:CreateFunction', 'lambda:DeleteFunction', 'lambda:GetFunction', 'lambda:GetFunctionConfiguration', 'lambda:UpdateFunctionCode',
  'lambda:UpdateFunctionConfiguration', 'lambda:GetFunctionCodeSigningConfig', 'lambda:GetFunctionRecursionConfig', 'lambda:GetRuntimeManagementConfig',
  'lambda:TagResource', 'lambda:UntagResource', 'lambda:ListTags', 'lambda:InvokeFunction',
] as const;

/**
 * What CloudFormation's AWS::Logs::LogGroup handler calls to create, tag and read back a launch's
 * log groups (besides {@link LOG_GROUP_LOOKUP_ACTIONS}): its read handler also reads the group's data
 * protection policy.
 */
export const LAUNCH_LOG_GROUP_ACTIONS = [
  'logs:CreateLogGroup', 'logs:PutRetentionPolicy', 'logs:TagResource', 'logs:UntagResource', 'logs:ListTagsForResource',
  'logs:GetDataProtectionPolicy',
] as const;

/**
 * What the same handler's read calls that take no log-group resource: the Service Authorization
 * Reference ("Actions defined by Amazon CloudWatch Logs") lists no resource type for
 * DescribeLogGroups and DescribeIndexPolicies, so IAM grants them only on `*`.
 */
export const LOG_GROUP_LOOKUP_ACTIONS = ['logs:DescribeLogGroups', 'logs:DescribeIndexPolicies'] as const;

export interface ProjectsLaunchRoleProps {
  /** The role the bootstrap builds run as. */
  readonly buildRole: iam.IRole;
  /** The role the starter functions run as. */
  readonly starterRole: iam.IRole;
}

/**
 * The role SageMaker Projects has CloudFormation assume to create a project from the project
 * template (the role ARN given at launch). It can create exactly what the template has: the
 * model package group, the bootstrap CodeBuild project, the starter function and their log
 * groups, all named after the launch, and invoke the starter. It creates no IAM role: it can only
 * pass the two use roles, each to its own service.
 */
export class ProjectsLaunchRole extends Construct {
  public readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: ProjectsLaunchRoleProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const arn = (service: string, resource: string, resourceName: string, arnFormat?: ArnFormat) =>
      stack.formatArn({ service, resource, resourceName, ...(arnFormat ? { arnFormat } : {}) });
    // Both forms of each group's ARN: the group itself (`log-group:NAME`, the Service Authorization Reference's
    // log-group resource) and `log-group:NAME:*`, which CloudWatch Logs checks CreateLogGroup, PutRetentionPolicy
    // and the read calls against (CloudWatch Logs User Guide, "Overview of managing access permissions to your
    // CloudWatch Logs resources"); the role's other statements on log groups grant both forms too.
    const logGroups = [`/aws/codebuild/${bootstrapProjectName('*')}`, `/aws/lambda/${startBootstrapFunctionName('*')}`]
      .flatMap((name) => [name, `${name}:*`].map((resourceName) => arn('logs', 'log-group', resourceName, ArnFormat.COLON_RESOURCE_NAME)));
    const codeBuildProjects = arn('codebuild', 'project', bootstrapProjectName('*'));
    const functions = arn('lambda', 'function', startBootstrapFunctionName('*'), ArnFormat.COLON_RESOURCE_NAME);
    const groups = arn('sagemaker', 'model-package-group', '*');
    const connections = ['codeconnections', 'codestar-connections'].map((service) => arn(service, 'connection', '*'));

    this.role = new iam.Role(this, 'Role', {
      description: 'Assumed by CloudFormation to create a sagemaker-gitops SageMaker project from the project template',
      assumedBy: new iam.ServicePrincipal('cloudformation.amazonaws.com'),
      inlinePolicies: {
        LaunchProject: new iam.PolicyDocument({
          statements: [
            new iam.PolicyStatement({
              sid: 'ModelPackageGroups',
              actions: [
                'sagemaker:CreateModelPackageGroup', 'sagemaker:DescribeModelPackageGroup', 'sagemaker:AddTags', 'sagemaker:DeleteTags', 'sagemaker:ListTags',
                'sagemaker:PutModelPackageGroupPolicy', 'sagemaker:GetModelPackageGroupPolicy', 'sagemaker:DeleteModelPackageGroupPolicy',
              ],
              resources: [groups],
            }),
            new iam.PolicyStatement({
              sid: 'PassBuildRole',
              actions: ['iam:PassRole'],
              resources: [props.buildRole.roleArn],
              conditions: { StringEquals: { 'iam:PassedToService': 'codebuild.amazonaws.com' } },
            }),
            new iam.PolicyStatement({
              sid: 'PassStarterRole',
              actions: ['iam:PassRole'],
              resources: [props.starterRole.roleArn],
              conditions: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
            }),
            new iam.PolicyStatement({
              sid: 'BootstrapProjects',
              actions: ['codebuild:CreateProject', 'codebuild:UpdateProject', 'codebuild:DeleteProject', 'codebuild:BatchGetProjects'],
              resources: [codeBuildProjects],
            }),
            new iam.PolicyStatement({
              sid: 'ConnectBootstrapProjects',
              actions: [
                'codeconnections:GetConnection', 'codeconnections:PassConnection', 'codeconnections:UseConnection',
                'codestar-connections:GetConnection', 'codestar-connections:PassConnection', 'codestar-connections:UseConnection',
              ],
              resources: connections,
            }),
            new iam.PolicyStatement({
              sid: 'StarterFunctions',
              actions: [...STARTER_FUNCTION_ACTIONS],
              resources: [functions],
            }),
            new iam.PolicyStatement({
              sid: 'LaunchLogGroups',
              actions: [...LAUNCH_LOG_GROUP_ACTIONS],
              resources: logGroups,
            }),
            new iam.PolicyStatement({ sid: 'FindLogGroups', actions: [...LOG_GROUP_LOOKUP_ACTIONS], resources: ['*'] }),
          ],
        }),
      },
    });

    const ack = (resource: string, reason: string) => acknowledgeWildcardResource(this.role, resource, reason);
    const named = `named after the project id, known only at launch; the wildcard covers only names starting with ${STUDIO_RESOURCE_PREFIX}`;
    logGroups.forEach((group) => ack(group, `the log groups of a launch are ${named}`));
    ack(codeBuildProjects, `the bootstrap CodeBuild project is ${named}`);
    ack(functions, `the starter function is ${named}`);
    ack(groups, 'the model package group is named <project name>-<project id>, known only at launch; the role cannot delete groups');
    ack('*', 'logs:DescribeLogGroups and logs:DescribeIndexPolicies, which CloudFormation calls to read a log group back, take no resource ARN (Service Authorization Reference); they only read names and index policies');
    connections.forEach((connection) => ack(connection, 'the connection is a launch parameter; the launch role only reads it and hands it to the bootstrap CodeBuild project'));
  }
}
