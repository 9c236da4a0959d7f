import { ArnFormat, Aws, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { acknowledgeWildcardResource } from '../validation/acknowledge';
import {
  CONNECTION_TAG, STUDIO_ROLE_PATH, bootstrapBuildRoleName, bootstrapProjectName, bootstrapStarterRoleName, startBootstrapFunctionName,
} from '../app-context/studio-names';

/** The ARN of a role of the domain template under {@link STUDIO_ROLE_PATH}, in `stack`'s account. */
export function studioRoleArn(stack: Stack, roleName: string): string {
  return stack.formatArn({ service: 'iam', region: '', resource: 'role', resourceName: `${STUDIO_ROLE_PATH.slice(1)}${roleName}` });
}

/**
 * The CDK bootstrap roles that `cdk deploy` assumes in an account bootstrapped with `cdk bootstrap`:
 * the deploy role, which hands CloudFormation its execution role, and the file-publishing role,
 * which uploads the stack's template. The pipeline stacks have no container images and need no
 * context lookups, so the image-publishing and lookup roles are not needed.
 */
export const CDK_BOOTSTRAP_ROLES = ['deploy', 'file-publishing'] as const;

/**
 * The roles the resources of every project launch run as ("use roles", created once with the
 * domain): the bootstrap build's and the starter function's. A launch passes them and creates
 * no role itself.
 *
 * The build role can only do what `cdk deploy` of the two pipeline stacks needs: write the
 * bootstrap builds' logs, read repositories through the account's connections opened to
 * SageMaker projects (tagged `sagemaker=true`), and assume the account's CDK deploy and
 * file-publishing roles, which do the deploying. The starter role can only start and follow bootstrap
 * builds, invoke the starter functions (a starter hands its watch over to a new invocation) and write its logs.
 */
export class ProjectUseRoles extends Construct {
  public readonly buildRole: iam.Role;
  public readonly starterRole: iam.Role;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const stack = Stack.of(this);
    const logStreams = (logGroupPattern: string) =>
      stack.formatArn({ service: 'logs', resource: 'log-group', resourceName: `${logGroupPattern}:*`, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
    const buildLogs = logStreams(`/aws/codebuild/${bootstrapProjectName('*')}`);
    const starterLogs = logStreams(`/aws/lambda/${startBootstrapFunctionName('*')}`);
    const connections = ['codeconnections', 'codestar-connections'].map((service) => stack.formatArn({ service, resource: 'connection', resourceName: '*' }));
    const bootstrapRoles = CDK_BOOTSTRAP_ROLES.map((role) => `arn:${Aws.PARTITION}:iam::${Aws.ACCOUNT_ID}:role/cdk-*-${role}-role-${Aws.ACCOUNT_ID}-*`);
    const bootstrapProjects = stack.formatArn({ service: 'codebuild', resource: 'project', resourceName: bootstrapProjectName('*') });
    const starterFunctions = stack.formatArn({ service: 'lambda', resource: 'function', resourceName: startBootstrapFunctionName('*'), arnFormat: ArnFormat.COLON_RESOURCE_NAME });

    this.buildRole = new iam.Role(this, 'BuildRole', {
      roleName: bootstrapBuildRoleName(Aws.REGION),
      path: STUDIO_ROLE_PATH,
      description: 'Runs the one-time bootstrap build of sagemaker-gitops projects: cdk deploy of their two pipeline stacks',
      assumedBy: new iam.PrincipalWithConditions(new iam.ServicePrincipal('codebuild.amazonaws.com'), { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } }),
      inlinePolicies: {
        Bootstrap: new iam.PolicyDocument({
          statements: [
            new iam.PolicyStatement({ sid: 'WriteBuildLogs', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [buildLogs] }),
            new iam.PolicyStatement({
              sid: 'CloneThroughSageMakerConnections',
              actions: ['codeconnections:GetConnection', 'codeconnections:GetConnectionToken', 'codestar-connections:GetConnection', 'codestar-connections:GetConnectionToken'],
              resources: connections,
              conditions: { StringEquals: { [`aws:ResourceTag/${CONNECTION_TAG.key}`]: CONNECTION_TAG.value } },
            }),
            new iam.PolicyStatement({
              sid: 'AssumeCdkBootstrapRoles',
              actions: ['sts:AssumeRole'],
              resources: bootstrapRoles,
              conditions: { StringEquals: { 'iam:ResourceTag/aws-cdk:bootstrap-role': [...CDK_BOOTSTRAP_ROLES] } },
            }),
          ],
        }),
      },
    });
    this.starterRole = new iam.Role(this, 'StarterRole', {
      roleName: bootstrapStarterRoleName(Aws.REGION),
      path: STUDIO_ROLE_PATH,
      description: 'Starts the bootstrap build of a sagemaker-gitops project when the project is created, and follows it to its end',
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      inlinePolicies: {
        StartBootstrap: new iam.PolicyDocument({
          statements: [
            new iam.PolicyStatement({ sid: 'WriteFunctionLogs', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [starterLogs] }),
            new iam.PolicyStatement({ sid: 'StartAndFollowBootstrapBuilds', actions: ['codebuild:StartBuild', 'codebuild:BatchGetBuilds'], resources: [bootstrapProjects] }),
            // The starter watches a build longer than one invocation may run: it hands over to a new invocation of itself.
            new iam.PolicyStatement({ sid: 'ContinueInANewInvocation', actions: ['lambda:InvokeFunction'], resources: [starterFunctions] }),
          ],
        }),
      },
    });

    const ack = (role: iam.Role, resource: string, reason: string) => acknowledgeWildcardResource(role, resource, reason);
    ack(this.buildRole, buildLogs, 'the bootstrap projects are named after project ids known only at launch, and CodeBuild names one log stream per build');
    for (const connection of connections) {
      ack(this.buildRole, connection, `the connection is a launch parameter; only connections tagged ${CONNECTION_TAG.key}=${CONNECTION_TAG.value} (opened to SageMaker projects) can be read`);
    }
    for (const role of bootstrapRoles) {
      ack(this.buildRole, role, 'cdk deploy assumes the CDK bootstrap roles cdk-<qualifier>-<role>-<account>-<region> of this account: the qualifier is chosen at cdk bootstrap and a stage in another region has a support stack there; only roles tagged as CDK deploy or file-publishing roles');
    }
    ack(this.starterRole, starterLogs, 'the starter functions are named after project ids known only at launch, and Lambda names its log streams at run time');
    ack(this.starterRole, bootstrapProjects, `the bootstrap projects are named after project ids known only at launch; only names matching ${bootstrapProjectName('*')}`);
    ack(this.starterRole, starterFunctions, `the starter functions are named after project ids known only at launch; a starter invokes only functions named ${startBootstrapFunctionName('*')}, to go on watching its build`);
  }
}
