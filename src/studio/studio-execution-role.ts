import { ArnFormat, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { PROJECT_TAG_KEY } from '../constructs/project-app';
import { acknowledgeWildcardResource } from '../validation/acknowledge';

export interface StudioExecutionRoleProps {
  /** The bucket of the organization's project templates. */
  readonly templatesBucket: s3.IBucket;
  /** The key the templates bucket encrypts its objects with. */
  readonly templatesKey: kms.IKey;
  /** The key prefix of the templates in the bucket, ending with `/`. */
  readonly templatesPrefix: string;
  /** The role Studio users pass to CloudFormation to launch a project. */
  readonly launchRole: iam.IRole;
}

/**
 * SageMaker pipelines of sagemaker-gitops projects are tagged by the project app with this key:
 * the Studio role may run and inspect only those.
 */
const PROJECT_RESOURCE = { Null: { [`aws:ResourceTag/${PROJECT_TAG_KEY}`]: 'false' } };

/**
 * The execution role of the Studio domain's users, for this workflow: open Studio and its apps
 * in the domain, launch SageMaker projects from the organization's templates (with the launch
 * role only), run and inspect the projects' SageMaker pipelines, read and approve the versions
 * in the model registry, and read what the model-build pipelines write. No AWS-managed policy.
 */
export class StudioExecutionRole extends Construct {
  public readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: StudioExecutionRoleProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const arn = (service: string, resource: string, resourceName: string, arnFormat?: ArnFormat) =>
      stack.formatArn({ service, resource, resourceName, ...(arnFormat ? { arnFormat } : {}) });
    const projects = arn('sagemaker', 'project', '*');
    const projectStacks = arn('cloudformation', 'stack', 'SP-*');
    const templates = props.templatesBucket.arnForObjects(`${props.templatesPrefix}*`);
    const pipelines = arn('sagemaker', 'pipeline', '*');
    const executions = arn('sagemaker', 'pipeline', '*/execution/*');
    const groups = arn('sagemaker', 'model-package-group', '*');
    const packages = arn('sagemaker', 'model-package', '*');
    const artifactBuckets = `arn:${stack.partition}:s3:::*artifactsbucket*`;
    const keys = arn('kms', 'key', '*');

    this.role = new iam.Role(this, 'Resource', {
      description: 'Execution role of the Studio users of the sagemaker-gitops domain',
      assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com'),
      inlinePolicies: {
        Projects: new iam.PolicyDocument({
          statements: [
            new iam.PolicyStatement({
              sid: 'ListWhatStudioShows',
              actions: ['sagemaker:ListProjects', 'sagemaker:ListPipelines', 'sagemaker:ListModelPackageGroups', 'sagemaker:ListModelPackages', 'sagemaker:Search'],
              resources: ['*'],
            }),
            new iam.PolicyStatement({
              sid: 'LaunchProjects',
              actions: ['sagemaker:CreateProject', 'sagemaker:DescribeProject', 'sagemaker:UpdateProject', 'sagemaker:DeleteProject', 'sagemaker:AddTags', 'sagemaker:ListTags'],
              resources: [projects],
            }),
            new iam.PolicyStatement({
              sid: 'PassOnlyTheLaunchRole',
              actions: ['iam:PassRole'],
              resources: [props.launchRole.roleArn],
              conditions: { StringEquals: { 'iam:PassedToService': 'cloudformation.amazonaws.com' } },
            }),
            new iam.PolicyStatement({
              sid: 'ProjectStacksWithTheLaunchRole',
              actions: ['cloudformation:CreateStack'],
              resources: [projectStacks],
              conditions: { StringEquals: { 'cloudformation:RoleArn': props.launchRole.roleArn } },
            }),
            // An update or delete may name no role (CloudFormation then uses the stack's own, the launch
            // role): the condition key is absent then, so it is checked only when present.
            new iam.PolicyStatement({
              sid: 'ChangeProjectStacksWithTheLaunchRole',
              actions: ['cloudformation:UpdateStack', 'cloudformation:DeleteStack'],
              resources: [projectStacks],
              conditions: { StringEqualsIfExists: { 'cloudformation:RoleArn': props.launchRole.roleArn } },
            }),
            new iam.PolicyStatement({
              sid: 'FollowProjectStacks',
              actions: ['cloudformation:DescribeStacks', 'cloudformation:DescribeStackEvents', 'cloudformation:TagResource', 'cloudformation:UntagResource'],
              resources: [projectStacks],
            }),
            new iam.PolicyStatement({ sid: 'ReadTemplates', actions: ['s3:GetObject', 's3:GetObjectTagging'], resources: [templates] }),
            // CloudFormation reads a launched template with the caller's credentials.
            new iam.PolicyStatement({
              sid: 'DecryptTemplates',
              actions: ['kms:Decrypt'],
              resources: [props.templatesKey.keyArn],
              conditions: { StringEquals: { 'kms:ViaService': `s3.${stack.region}.amazonaws.com` } },
            }),
            new iam.PolicyStatement({
              sid: 'ListTemplates',
              actions: ['s3:ListBucket'],
              resources: [props.templatesBucket.bucketArn],
              conditions: { StringLike: { 's3:prefix': [`${props.templatesPrefix}*`] } },
            }),
          ],
        }),
        Pipelines: new iam.PolicyDocument({
          statements: [
            new iam.PolicyStatement({
              sid: 'RunProjectPipelines',
              actions: ['sagemaker:DescribePipeline', 'sagemaker:StartPipelineExecution', 'sagemaker:ListPipelineExecutions', 'sagemaker:DescribePipelineDefinitionForExecution'],
              resources: [pipelines],
              conditions: PROJECT_RESOURCE,
            }),
            new iam.PolicyStatement({
              sid: 'FollowPipelineExecutions',
              actions: ['sagemaker:DescribePipelineExecution', 'sagemaker:ListPipelineExecutionSteps'],
              resources: [executions],
            }),
            new iam.PolicyStatement({ sid: 'ReadModelRegistry', actions: ['sagemaker:DescribeModelPackageGroup'], resources: [groups] }),
            new iam.PolicyStatement({ sid: 'ReviewModelVersions', actions: ['sagemaker:DescribeModelPackage', 'sagemaker:UpdateModelPackage'], resources: [packages] }),
            // CloudFormation names the model-build bucket after its stack and truncates long names, so only the logical
            // id's part is sure to stay: the statement keeps to this account's buckets ("s3:ResourceAccount", IAM User Guide).
            new iam.PolicyStatement({
              sid: 'ReadModelBuildArtifacts',
              actions: ['s3:GetObject', 's3:ListBucket'],
              resources: [artifactBuckets, `${artifactBuckets}/*`],
              conditions: { StringEquals: { 's3:ResourceAccount': stack.account } },
            }),
            new iam.PolicyStatement({
              sid: 'DecryptModelBuildArtifacts',
              actions: ['kms:Decrypt'],
              resources: [keys],
              conditions: {
                'StringEquals': { 'kms:ViaService': `s3.${stack.region}.amazonaws.com` },
                'ForAnyValue:StringLike': { 'kms:ResourceAliases': ['alias/*-model-build'] },
              },
            }),
          ],
        }),
      },
    });

    const ack = (resource: string, reason: string) => acknowledgeWildcardResource(this.role, resource, reason);
    ack('*', 'the SageMaker List* and Search actions Studio calls to show projects, pipelines and model versions have no resource type in IAM');
    ack(projects, 'SageMaker project names are chosen by the users who launch them');
    ack(projectStacks, 'SageMaker Projects names the stack of a project SP-<id>; creating one needs the launch role, and changing one can name no other role');
    ack(templates, `every template under ${props.templatesPrefix} is one the Studio users may launch`);
    ack(pipelines, `limited to pipelines tagged ${PROJECT_TAG_KEY}, which every sagemaker-gitops project tags its pipelines with`);
    ack(executions, 'SageMaker names pipeline executions at run time; only describing them is allowed');
    ack(groups, 'model package groups are named after projects launched later; only describing them is allowed');
    ack(packages, 'model versions are named <group>/<version> at run time; reviewers approve or reject them');
    ack(artifactBuckets, 'CloudFormation names the project buckets after their construct (ArtifactsBucket) at deploy time; objects can only be decrypted with a model-build key');
    ack(`${artifactBuckets}/*`, 'the model-build pipeline writes one prefix per execution; objects can only be decrypted with a model-build key');
    ack(keys, 'the model-build keys are created per project; decrypting is limited to keys aliased <project>-model-build, through S3');
  }

  /**
   * Lets the role open Studio in the domain `domainId`: its user profiles, spaces and apps.
   * Added as a policy of its own, which depends on the domain (the domain depends on the role).
   */
  public allowStudioIn(domainId: string): iam.Policy {
    const stack = Stack.of(this);
    const inDomain = (resource: string) => stack.formatArn({ service: 'sagemaker', resource, resourceName: `${domainId}/*` });
    const resources = [stack.formatArn({ service: 'sagemaker', resource: 'domain', resourceName: domainId }), inDomain('user-profile'), inDomain('space'), inDomain('app')];
    const policy = new iam.Policy(this, 'StudioApps', {
      roles: [this.role],
      statements: [
        new iam.PolicyStatement({
          sid: 'UseStudioInTheDomain',
          actions: [
            'sagemaker:DescribeDomain', 'sagemaker:DescribeUserProfile', 'sagemaker:CreateSpace', 'sagemaker:UpdateSpace', 'sagemaker:DeleteSpace', 'sagemaker:DescribeSpace',
            'sagemaker:CreateApp', 'sagemaker:DeleteApp', 'sagemaker:DescribeApp', 'sagemaker:AddTags', 'sagemaker:ListTags',
          ],
          resources,
        }),
        new iam.PolicyStatement({ sid: 'ListStudioResources', actions: ['sagemaker:ListApps', 'sagemaker:ListSpaces', 'sagemaker:ListUserProfiles'], resources: ['*'] }),
      ],
    });
    for (const resource of resources.slice(1)) {
      acknowledgeWildcardResource(policy, resource, 'Studio names the spaces and apps of the domain as users create them; the wildcard covers only this domain');
    }
    acknowledgeWildcardResource(policy, '*', 'sagemaker:ListApps, ListSpaces and ListUserProfiles have no resource type in IAM');
    return policy;
  }

  /**
   * Lets the role open and log to the MLflow tracking server `serverArn`, find it (Studio's MLflow
   * page lists the tracking servers), and read and write its artifact store: the MLflow client
   * puts and gets artifacts (logged models, files, figures) in S3 itself, with the caller's
   * credentials, under the server's ArtifactStoreUri (`artifacts.prefix` of `artifacts.bucket`,
   * encrypted with `artifacts.key`).
   */
  public allowMlflow(serverArn: string, artifacts: { readonly bucket: s3.IBucket; readonly prefix: string; readonly key: kms.IKey }): iam.Policy {
    const stack = Stack.of(this);
    const objects = artifacts.bucket.arnForObjects(`${artifacts.prefix}/*`);
    const policy = new iam.Policy(this, 'MlflowAccess', {
      roles: [this.role],
      statements: [
        new iam.PolicyStatement({ sid: 'OpenTrackingServer', actions: ['sagemaker:DescribeMlflowTrackingServer', 'sagemaker:CreatePresignedMlflowTrackingServerUrl'], resources: [serverArn] }),
        new iam.PolicyStatement({ sid: 'FindTrackingServers', actions: ['sagemaker:ListMlflowTrackingServers'], resources: ['*'] }),
        new iam.PolicyStatement({ sid: 'UseTrackingServer', actions: ['sagemaker-mlflow:*'], resources: [serverArn] }),
        new iam.PolicyStatement({ sid: 'ReadWriteMlflowArtifacts', actions: ['s3:GetObject', 's3:PutObject'], resources: [objects] }),
        new iam.PolicyStatement({
          sid: 'ListMlflowArtifacts', actions: ['s3:ListBucket'], resources: [artifacts.bucket.bucketArn],
          conditions: { StringLike: { 's3:prefix': [`${artifacts.prefix}/*`] } },
        }),
        // What S3 asks of the bucket's key to write and read its objects, through S3 only.
        new iam.PolicyStatement({
          sid: 'UseMlflowArtifactKey', actions: ['kms:Decrypt', 'kms:GenerateDataKey'], resources: [artifacts.key.keyArn],
          conditions: { StringEquals: { 'kms:ViaService': `s3.${stack.region}.amazonaws.com` } },
        }),
      ],
    });
    Validations.of(policy).acknowledge({
      id: 'AwsSolutions-IAM5[Action::sagemaker-mlflow:*]',
      reason: 'the MLflow API (experiments, runs, models, artifacts, the UI) is one service of about forty actions, all on the domain\'s own tracking server only',
    });
    acknowledgeWildcardResource(policy, '*', 'sagemaker:ListMlflowTrackingServers has no resource type in IAM');
    acknowledgeWildcardResource(policy, objects, 'MLflow names its artifact objects at run time; the wildcard covers only the tracking server\'s artifact store');
    return policy;
  }
}
