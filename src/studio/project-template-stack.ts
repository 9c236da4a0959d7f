import { Aws, BootstraplessSynthesizer, CfnCondition, CfnMapping, CfnOutput, CfnParameter, Fn, RemovalPolicy, Stack, StackProps, Tags, Validations } from 'aws-cdk-lib';
import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
import { Construct } from 'constructs';
import { PROJECT_TAG_KEY } from '../constructs/project-app';
import { PARAMETER_RULES, ParameterRule } from './parameter-patterns';
import { ProjectBootstrap } from './project-bootstrap';
import { CONNECTION_TAG } from '../app-context/studio-names';
import { SAGEMAKER_PROJECT_ID_TAG, SAGEMAKER_PROJECT_NAME_TAG, studioModelPackageGroupName } from '../app-context/studio-project';

/** The git providers a CodeConnections connection of the template may point at, with CodeBuild's source type and host. */
export const GIT_PROVIDERS = {
  GitHub: { SourceType: 'GITHUB', Host: 'github.com' },
  GitLab: { SourceType: 'GITLAB', Host: 'gitlab.com' },
  Bitbucket: { SourceType: 'BITBUCKET', Host: 'bitbucket.org' },
} as const;

/** The project template's parameters, by name. */
export const PROJECT_TEMPLATE_PARAMETERS = [
  'SageMakerProjectName', 'SageMakerProjectId', 'GitProvider', 'CodeConnectionArn',
  'ModelBuildRepository', 'ModelBuildBranch', 'ModelDeployRepository', 'ModelDeployBranch',
  'StagingAccountId', 'ProdAccountId',
] as const;

/** The read actions a stage account needs on the group, as the ModelPackageGroup construct grants them. */
const READER_GROUP_ACTIONS = ['sagemaker:DescribeModelPackageGroup'];
/** The actions a stage account needs on the group's versions to deploy one. */
const READER_PACKAGE_ACTIONS = ['sagemaker:DescribeModelPackage', 'sagemaker:ListModelPackages', 'sagemaker:CreateModel'];

/**
 * The SageMaker project template (`templates/sagemaker-project.yaml`): what a team gets when it
 * launches a project from Studio (an S3-based organization template) or from a Service Catalog
 * product. It creates the project's model package group `<name>-<id>` and starts a one-time
 * bootstrap build that deploys the model-build and model-deploy pipeline stacks from the two
 * repositories; the pipelines update themselves from git afterwards. Every resource is tagged
 * with the project's name and id.
 *
 * The template needs no CDK bootstrap to be launched: it has no assets and no bootstrap version
 * check, and it creates no IAM resource (its build and function run as the domain template's use
 * roles). The bootstrap build's `cdk deploy` does need the account (and region) to be
 * CDK-bootstrapped.
 */
export class ProjectTemplateStack extends Stack {
  public readonly modelPackageGroup: sagemaker.CfnModelPackageGroup;
  public readonly bootstrap: ProjectBootstrap;

  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, {
      description: 'sagemaker-gitops SageMaker project: the model package group <name>-<id> and a one-time build that deploys the model-build and ' +
        'model-deploy pipelines from your two repositories (needs a CDK-bootstrapped account and the roles of the sagemaker-gitops domain template)',
      ...props,
      synthesizer: new BootstraplessSynthesizer(),
    });
    this.templateOptions.templateFormatVersion = '2010-09-09';

    const parameter = (name: typeof PROJECT_TEMPLATE_PARAMETERS[number], description: string, rule?: ParameterRule, defaultValue?: string) =>
      new CfnParameter(this, name, {
        type: 'String',
        description,
        default: defaultValue,
        ...(rule ? { allowedPattern: rule.pattern, constraintDescription: rule.description, maxLength: rule.maxLength } : {}),
        // A parameter that may be left empty has the empty string as its default.
        ...(defaultValue === '' ? {} : { minLength: 1 }),
      });
    const projectName = parameter('SageMakerProjectName', 'Name of the SageMaker project (SageMaker fills it in)', PARAMETER_RULES.projectName);
    const projectId = parameter('SageMakerProjectId', 'Id of the SageMaker project (SageMaker fills it in)', PARAMETER_RULES.projectId);
    const provider = new CfnParameter(this, 'GitProvider', {
      type: 'String',
      description: 'Where the two repositories are hosted: the provider of the CodeConnections connection',
      allowedValues: Object.keys(GIT_PROVIDERS),
      default: 'GitHub',
    });
    const connectionArn = parameter('CodeConnectionArn',
      `ARN of the AWS CodeConnections connection to the provider, AVAILABLE and tagged ${CONNECTION_TAG.key}=${CONNECTION_TAG.value}`, PARAMETER_RULES.connectionArn);
    const buildRepository = parameter('ModelBuildRepository', 'The model-build repository, as owner/name', PARAMETER_RULES.repository);
    const buildBranch = parameter('ModelBuildBranch', 'The model-build branch the pipeline deploys', PARAMETER_RULES.branch, 'main');
    const deployRepository = parameter('ModelDeployRepository', 'The model-deploy repository, as owner/name', PARAMETER_RULES.repository);
    const deployBranch = parameter('ModelDeployBranch', 'The model-deploy branch the pipeline deploys', PARAMETER_RULES.branch, 'main');
    const stagingAccount = parameter('StagingAccountId', 'Account of the staging endpoint, allowed to deploy the group\'s versions; empty: this account (an account the repositories\' config names for it in this region must be given here too)', PARAMETER_RULES.optionalAccount, '');
    const prodAccount = parameter('ProdAccountId', 'Account of the production endpoint, allowed to deploy the group\'s versions; empty: this account (an account the repositories\' config names for it in this region must be given here too)', PARAMETER_RULES.optionalAccount, '');

    this.templateOptions.metadata = {
      'AWS::CloudFormation::Interface': {
        ParameterGroups: [
          { Label: { default: 'SageMaker project' }, Parameters: ['SageMakerProjectName', 'SageMakerProjectId'] },
          { Label: { default: 'Repositories' }, Parameters: ['GitProvider', 'CodeConnectionArn', 'ModelBuildRepository', 'ModelBuildBranch', 'ModelDeployRepository', 'ModelDeployBranch'] },
          { Label: { default: 'Stage accounts (optional)' }, Parameters: ['StagingAccountId', 'ProdAccountId'] },
        ],
      },
    };

    const providers = new CfnMapping(this, 'GitProviders', { mapping: GIT_PROVIDERS });
    const hasStagingAccount = new CfnCondition(this, 'HasStagingAccount', { expression: Fn.conditionNot(Fn.conditionEquals(stagingAccount.valueAsString, '')) });
    const hasProdAccount = new CfnCondition(this, 'HasProdAccount', { expression: Fn.conditionNot(Fn.conditionEquals(prodAccount.valueAsString, '')) });
    const hasReaderAccounts = new CfnCondition(this, 'HasReaderAccounts', { expression: Fn.conditionOr(hasStagingAccount, hasProdAccount) });
    // One account for both stages is one principal: SageMaker refuses a policy that names one twice ("Duplicate principal").
    const hasOtherProdAccount = new CfnCondition(this, 'HasOtherProdAccount', {
      expression: Fn.conditionAnd(hasProdAccount, Fn.conditionNot(Fn.conditionEquals(prodAccount.valueAsString, stagingAccount.valueAsString))),
    });
    // aws-cdk-lib's validator reads this Fn::Equals of two parameters as always false (W8003); cfn-lint 1.51 finds nothing here.
    Validations.of(this).acknowledge({
      id: 'CloudFormation-Validate::W8003',
      reason: 'HasOtherProdAccount compares two parameters, StagingAccountId and ProdAccountId, which a launch may set to the same account: the condition is then false',
    });

    const name = projectName.valueAsString;
    const projectIdValue = projectId.valueAsString;
    this.modelPackageGroup = new sagemaker.CfnModelPackageGroup(this, 'ModelPackageGroup', {
      modelPackageGroupName: studioModelPackageGroupName(name, projectIdValue),
      modelPackageGroupDescription: `Model versions of the SageMaker project ${name}`,
      modelPackageGroupPolicy: Fn.conditionIf(hasReaderAccounts.logicalId,
        this.readerPolicy(studioModelPackageGroupName(name, projectIdValue), hasStagingAccount, stagingAccount.valueAsString, hasOtherProdAccount, prodAccount.valueAsString), Aws.NO_VALUE),
    });
    // Registered model versions are never lost as a side effect of deleting the project. Plain Retain,
    // not RetainExceptOnCreate as in the project's own stacks (constructs/retention.ts): the launch role
    // cannot delete groups, and the name holds the launch's project id, so a new launch never collides.
    this.modelPackageGroup.applyRemovalPolicy(RemovalPolicy.RETAIN);

    this.bootstrap = new ProjectBootstrap(this, 'Bootstrap', {
      projectName: name,
      projectId: projectIdValue,
      connectionArn: connectionArn.valueAsString,
      sourceType: providers.findInMap(provider.valueAsString, 'SourceType'),
      sourceHost: providers.findInMap(provider.valueAsString, 'Host'),
      modelBuild: { repository: buildRepository.valueAsString, branch: buildBranch.valueAsString },
      modelDeploy: { repository: deployRepository.valueAsString, branch: deployBranch.valueAsString },
      stagingAccount: stagingAccount.valueAsString,
      hasStagingAccount,
      prodAccount: prodAccount.valueAsString,
      hasProdAccount,
    });
    // The pipelines deployed by the bootstrap register into the group: it exists first.
    this.bootstrap.start.node.addDependency(this.modelPackageGroup);

    Tags.of(this).add(SAGEMAKER_PROJECT_NAME_TAG, name);
    Tags.of(this).add(SAGEMAKER_PROJECT_ID_TAG, projectIdValue);
    Tags.of(this).add(PROJECT_TAG_KEY, name);

    new CfnOutput(this, 'ModelPackageGroupName', { value: studioModelPackageGroupName(name, projectIdValue), description: 'The model registry of the project' });
    new CfnOutput(this, 'BootstrapProjectName', { value: this.bootstrap.project.ref, description: 'The CodeBuild project that deployed the two pipeline stacks: its log shows the deploy' });
    new CfnOutput(this, 'BootstrapBuildId', { value: this.bootstrap.start.getAttString('BuildId'), description: 'The bootstrap build' });
  }

  /**
   * The group's resource policy for the stage accounts: they read the group `groupName` and
   * deploy its versions, named by ARN, not by wildcard; the production account is named only when
   * it is not the staging account (`hasProd`). SageMaker writes names in lower case in
   * the ARNs it authorizes against, and the template's name and id parameters allow only lower
   * case (PARAMETER_RULES), so these ARNs match.
   */
  private readerPolicy(groupName: string, hasStaging: CfnCondition, staging: string, hasProd: CfnCondition, prod: string): Record<string, unknown> {
    const principals = [
      Fn.conditionIf(hasStaging.logicalId, `arn:${Aws.PARTITION}:iam::${staging}:root`, Aws.NO_VALUE),
      Fn.conditionIf(hasProd.logicalId, `arn:${Aws.PARTITION}:iam::${prod}:root`, Aws.NO_VALUE),
    ];
    const arn = (resource: string) => `arn:${Aws.PARTITION}:sagemaker:${Aws.REGION}:${Aws.ACCOUNT_ID}:${resource}`;
    const arnName = groupName;
    return {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'ReadGroup', Effect: 'Allow', Principal: { AWS: principals }, Action: READER_GROUP_ACTIONS, Resource: arn(`model-package-group/${arnName}`) },
        { Sid: 'ReadAndDeployModelPackages', Effect: 'Allow', Principal: { AWS: principals }, Action: READER_PACKAGE_ACTIONS, Resource: arn(`model-package/${arnName}/*`) },
      ],
    };
  }
}
