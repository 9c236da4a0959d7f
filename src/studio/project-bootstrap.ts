import { Aws, CfnCondition, CustomResource, Duration, Fn, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as codebuild from 'aws-cdk-lib/aws-codebuild';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import * as YAML from 'yaml';
import { acknowledgeControl } from '../validation/acknowledge';
import { BOOTSTRAP_ENV, MODEL_DEPLOY_SOURCE_ID, NO_ACCOUNT, bootstrapBuildSpec } from './bootstrap-build-spec';
import { BUILD_POLL_SECONDS, STARTER_TIMEOUT_MINUTES, START_BUILD_HANDLER_CODE } from './start-build-handler';
import { studioRoleArn } from './project-use-roles';
import { bootstrapBuildRoleName, bootstrapProjectName, bootstrapStarterRoleName, startBootstrapFunctionName } from '../app-context/studio-names';

/**
 * The custom resource's wait for the starter's answer: CloudFormation's most ("ServiceTimeout",
 * AWS::CloudFormation::CustomResource, CloudFormation User Guide: 1 to 3600 seconds).
 */
export const STARTER_SERVICE_TIMEOUT_MINUTES = 60;
/** The bootstrap build's queued and running limits (CodeBuild CreateProject: queued 5 to 480, running 5 to 2160 minutes), within that hour. */
export const BOOTSTRAP_QUEUED_TIMEOUT_MINUTES = 5;
export const BOOTSTRAP_BUILD_TIMEOUT_MINUTES = 50;

/** A git repository the bootstrap clones: which one, and which branch. */
export interface BootstrapRepository {
  /** `owner/name`. */
  readonly repository: string;
  /** The branch to deploy from. */
  readonly branch: string;
}

export interface ProjectBootstrapProps {
  /** The SageMaker project name. */
  readonly projectName: string;
  /** The SageMaker project id: it names the bootstrap's resources. */
  readonly projectId: string;
  /** The CodeConnections connection both repositories come through (either ARN form). */
  readonly connectionArn: string;
  /** CodeBuild's source type of the connection's provider: `GITHUB`, `GITLAB` or `BITBUCKET`. */
  readonly sourceType: string;
  /** The provider's host, e.g. `github.com`. */
  readonly sourceHost: string;
  readonly modelBuild: BootstrapRepository;
  readonly modelDeploy: BootstrapRepository;
  /** The staging account, passed only under `hasStagingAccount`. */
  readonly stagingAccount: string;
  readonly hasStagingAccount: CfnCondition;
  /** The production account, passed only under `hasProdAccount`. */
  readonly prodAccount: string;
  readonly hasProdAccount: CfnCondition;
  /**
   * How long the build and function logs are kept.
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly logRetention?: logs.RetentionDays;
}

/**
 * The one-time bootstrap of a project launched from Studio: a CodeBuild project that clones the
 * model-build and model-deploy repositories through the CodeConnections connection and deploys
 * each one's pipeline stack with `cdk deploy`, and a custom resource (an inline Lambda function)
 * that starts it once, when the project is created, and answers when it has ended: a failed
 * bootstrap fails the launch. After that the pipelines update themselves from git.
 *
 * It creates no IAM role: the build and the function run as the domain template's use roles
 * (see `ProjectUseRoles`), which allow exactly this.
 */
export class ProjectBootstrap extends Construct {
  public readonly project: codebuild.CfnProject;
  public readonly starter: lambda.Function;
  /** The custom resource that starts the build and answers when it has ended; its `BuildId` attribute is the build's id. */
  public readonly start: CustomResource;

  constructor(scope: Construct, id: string, props: ProjectBootstrapProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const projectName = bootstrapProjectName(props.projectId);
    const functionName = startBootstrapFunctionName(props.projectId);
    const retention = props.logRetention ?? logs.RetentionDays.ONE_YEAR;
    // Plain Retain, not RetainExceptOnCreate (constructs/retention.ts): the launch role cannot delete log
    // groups, and their names hold the launch's project id, so a new launch never collides with them.

    const buildLogs = new logs.LogGroup(this, 'BuildLogs', {
      logGroupName: `/aws/codebuild/${projectName}`,
      retention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const source = (repository: BootstrapRepository) => ({
      type: props.sourceType,
      location: `https://${props.sourceHost}/${repository.repository}.git`,
      auth: { type: 'CODECONNECTIONS', resource: props.connectionArn },
      gitCloneDepth: 1,
    });
    const optionalAccount = (condition: CfnCondition, account: string) => Fn.conditionIf(condition.logicalId, account, NO_ACCOUNT).toString();
    this.project = new codebuild.CfnProject(this, 'Project', {
      name: projectName,
      description: `Deploys the model-build and model-deploy pipeline stacks of the SageMaker project ${props.projectName} once`,
      serviceRole: studioRoleArn(stack, bootstrapBuildRoleName(Aws.REGION)),
      source: { ...source(props.modelBuild), buildSpec: YAML.stringify(bootstrapBuildSpec(), { lineWidth: 0 }) },
      sourceVersion: props.modelBuild.branch,
      secondarySources: [{ ...source(props.modelDeploy), sourceIdentifier: MODEL_DEPLOY_SOURCE_ID }],
      secondarySourceVersions: [{ sourceIdentifier: MODEL_DEPLOY_SOURCE_ID, sourceVersion: props.modelDeploy.branch }],
      artifacts: { type: 'NO_ARTIFACTS' },
      environment: {
        type: 'LINUX_CONTAINER',
        image: codebuild.LinuxBuildImage.STANDARD_7_0.imageId,
        computeType: 'BUILD_GENERAL1_SMALL',
        environmentVariables: [
          { name: BOOTSTRAP_ENV.projectName, value: props.projectName },
          { name: BOOTSTRAP_ENV.projectId, value: props.projectId },
          { name: BOOTSTRAP_ENV.buildAccount, value: Aws.ACCOUNT_ID },
          { name: BOOTSTRAP_ENV.connectionArn, value: props.connectionArn },
          { name: BOOTSTRAP_ENV.modelBuildRepository, value: props.modelBuild.repository },
          { name: BOOTSTRAP_ENV.modelBuildBranch, value: props.modelBuild.branch },
          { name: BOOTSTRAP_ENV.modelDeployRepository, value: props.modelDeploy.repository },
          { name: BOOTSTRAP_ENV.modelDeployBranch, value: props.modelDeploy.branch },
          { name: BOOTSTRAP_ENV.stagingAccount, value: optionalAccount(props.hasStagingAccount, props.stagingAccount) },
          { name: BOOTSTRAP_ENV.prodAccount, value: optionalAccount(props.hasProdAccount, props.prodAccount) },
        ],
      },
      logsConfig: { cloudWatchLogs: { status: 'ENABLED', groupName: buildLogs.logGroupName } },
      // The starter answers CloudFormation when the build has ended, within the custom resource's
      // hour (ServiceTimeout, at most 3600 s): 5 minutes queued and 50 running leave it time to.
      timeoutInMinutes: BOOTSTRAP_BUILD_TIMEOUT_MINUTES,
      queuedTimeoutInMinutes: BOOTSTRAP_QUEUED_TIMEOUT_MINUTES,
    });
    this.project.node.addDependency(buildLogs);
    Validations.of(this.project).acknowledge({
      id: 'AwsSolutions-CB4',
      reason: 'the bootstrap build has no artifacts and no cache: it only writes its CloudWatch log; a customer-managed key would protect nothing and would need kms:CreateKey on "*" in the launch role',
    });

    const starterLogs = new logs.LogGroup(this, 'StarterLogs', {
      logGroupName: `/aws/lambda/${functionName}`,
      retention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.starter = new lambda.Function(this, 'Starter', {
      functionName,
      description: `Starts the bootstrap build ${projectName} once, when the SageMaker project is created, and answers when it has ended`,
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline(START_BUILD_HANDLER_CODE),
      role: iam.Role.fromRoleArn(this, 'StarterRole', studioRoleArn(stack, bootstrapStarterRoleName(Aws.REGION)), { mutable: false }),
      logGroup: starterLogs,
      timeout: Duration.minutes(STARTER_TIMEOUT_MINUTES),
    });

    // The project template creates no key and no VPC: a launch gets only what SageMaker passes.
    for (const logGroup of [buildLogs, starterLogs]) {
      acknowledgeControl(logGroup, 'CT.CLOUDWATCH.PR.3',
        'CloudWatch Logs encrypts every log group at rest; a key of the project\'s own would need kms:CreateKey on "*" in the launch role, and the log holds only the bootstrap deploy\'s output');
    }
    acknowledgeControl(this.starter, 'CT.LAMBDA.PR.3',
      'the starter function only calls the CodeBuild API and CloudFormation\'s response URL; SageMaker passes a launch no VPC, and in one the function would need a NAT gateway or endpoints to reach both');

    this.start = new CustomResource(this, 'StartBootstrap', {
      serviceToken: this.starter.functionArn,
      resourceType: 'Custom::StartBootstrapBuild',
      properties: { ProjectName: this.project.ref, PollSeconds: BUILD_POLL_SECONDS },
      serviceTimeout: Duration.minutes(STARTER_SERVICE_TIMEOUT_MINUTES),
    });
  }
}
