import { BootstraplessSynthesizer, CfnCondition, CfnDeletionPolicy, CfnOutput, CfnParameter, CfnResource, Duration, Fn, Stack, StackProps, Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
import { Construct } from 'constructs';
import { MLFLOW_TRACKING_SERVER_CLIENTS, MLFLOW_TRACKING_SERVER_SIZES, MLFLOW_VERSIONS } from '../config';
import { accessLogsBucket } from '../constructs/artifact-store';
import { enableEventBridgeNotifications, limitGrantsToAwsServices, noncurrentVersionsRule } from '../constructs/bucket-controls';
import { acknowledgeWildcardResource } from '../validation/acknowledge';
import { ProjectUseRoles } from './project-use-roles';
import { ProjectsLaunchRole } from './projects-launch-role';
import { StudioExecutionRole } from './studio-execution-role';
import { PROJECT_TEMPLATES_LOCATION_TAG, PROJECT_TEMPLATES_PREFIX, PROJECT_TEMPLATE_FILE } from '../app-context/studio-names';
import { RETAIN_BUCKET, RETAIN_UNLESS_CREATE_FAILS } from '../constructs/retention';

/** The tag every resource of the domain template carries. */
export const DOMAIN_TAG = { key: 'sagemaker-gitops:component', value: 'studio-domain' } as const;

/** The origins from which Studio reads the templates in the browser. */
export const STUDIO_ORIGINS = ['https://*.sagemaker.aws'];

/** SageMaker's pattern for domain and user profile names. */
const STUDIO_NAME_PATTERN = '[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}';

/**
 * The SageMaker Studio domain template (`templates/sagemaker-domain.yaml`), deployed once per
 * account and region by an administrator: an IAM-authenticated domain in the given VPC and
 * subnets with one user profile, the Studio execution role, the S3 bucket of the organization's
 * project templates (CORS open to Studio, the domain tagged with its location), the role
 * SageMaker Projects has CloudFormation assume to launch a project, the roles a launch's
 * bootstrap build and starter function run as and, optionally, a managed MLflow tracking server.
 * It names IAM roles, so it is deployed with `CAPABILITY_NAMED_IAM`.
 */
export class DomainTemplateStack extends Stack {
  public readonly domain: sagemaker.CfnDomain;
  public readonly templatesBucket: s3.Bucket;
  /** The key of the templates bucket: Studio users decrypt the templates they launch with it. */
  public readonly templatesKey: kms.Key;
  public readonly studioRole: StudioExecutionRole;
  public readonly launchRole: ProjectsLaunchRole;
  public readonly useRoles: ProjectUseRoles;

  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, {
      description: 'sagemaker-gitops SageMaker Studio domain: a user profile, the Studio execution role, the bucket of the project templates, ' +
        'the project launch role and use roles, and an optional MLflow tracking server',
      ...props,
      synthesizer: new BootstraplessSynthesizer(),
    });
    this.templateOptions.templateFormatVersion = '2010-09-09';

    const domainName = new CfnParameter(this, 'DomainName', {
      type: 'String', default: 'sagemaker-gitops', allowedPattern: STUDIO_NAME_PATTERN, minLength: 1, maxLength: 63,
      description: 'Name of the Studio domain', constraintDescription: '1 to 63 letters, digits and inner hyphens',
    });
    const userProfileName = new CfnParameter(this, 'UserProfileName', {
      type: 'String', default: 'data-scientist', allowedPattern: STUDIO_NAME_PATTERN, minLength: 1, maxLength: 63,
      description: 'Name of the first user profile', constraintDescription: '1 to 63 letters, digits and inner hyphens',
    });
    const vpcId = new CfnParameter(this, 'VpcId', { type: 'AWS::EC2::VPC::Id', description: 'The VPC of the Studio apps' });
    const subnetIds = new CfnParameter(this, 'SubnetIds', { type: 'List<AWS::EC2::Subnet::Id>', description: 'Subnets of the VPC for the Studio apps (private subnets with a NAT gateway for VpcOnly)' });
    const networkAccess = new CfnParameter(this, 'AppNetworkAccessType', {
      type: 'String', default: 'PublicInternetOnly', allowedValues: ['PublicInternetOnly', 'VpcOnly'],
      description: 'PublicInternetOnly: SageMaker gives the apps internet access; VpcOnly: all traffic goes through your VPC (it needs a NAT gateway or VPC endpoints)',
    });
    const createMlflowParameter = new CfnParameter(this, 'CreateMlflowTrackingServer', {
      type: 'String', default: 'false', allowedValues: ['true', 'false'],
      description: 'Whether to create a SageMaker managed MLflow tracking server for the domain\'s experiments',
    });
    const mlflowSize = new CfnParameter(this, 'MlflowTrackingServerSize', {
      type: 'String', default: 'Small', allowedValues: [...MLFLOW_TRACKING_SERVER_SIZES],
      description: 'Size of the MLflow tracking server, when one is created',
    });
    this.templateOptions.metadata = {
      'AWS::CloudFormation::Interface': {
        ParameterGroups: [
          { Label: { default: 'Domain' }, Parameters: ['DomainName', 'UserProfileName'] },
          { Label: { default: 'Network' }, Parameters: ['VpcId', 'SubnetIds', 'AppNetworkAccessType'] },
          { Label: { default: 'Experiment tracking' }, Parameters: ['CreateMlflowTrackingServer', 'MlflowTrackingServerSize'] },
        ],
      },
    };

    const accessLogs = accessLogsBucket(this, 'AccessLogs', ACCESS_LOG_RETENTION, 'the templates bucket');
    this.templatesKey = projectKey(this, 'TemplatesKey', 'Encrypts the SageMaker project templates of the sagemaker-gitops Studio domain');
    this.templatesBucket = new s3.Bucket(this, 'TemplatesBucket', {
      ...VERSIONED_KMS_BUCKET,
      encryptionKey: this.templatesKey,
      lifecycleRules: [noncurrentVersionsRule('templates bucket noncurrentVersionRetention')],
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'templates/',
      // Studio reads the templates from the browser.
      cors: [{
        allowedOrigins: STUDIO_ORIGINS,
        allowedMethods: [s3.HttpMethods.GET, s3.HttpMethods.HEAD],
        allowedHeaders: ['*'],
        exposedHeaders: ['ETag', 'x-amz-version-id'],
        maxAge: 3000,
      }],
      removalPolicy: RETAIN_BUCKET,
    });
    enableEventBridgeNotifications(this.templatesBucket);
    const templatesLocation = `s3://${this.templatesBucket.bucketName}/${PROJECT_TEMPLATES_PREFIX}`;

    this.useRoles = new ProjectUseRoles(this, 'ProjectUseRoles');
    this.launchRole = new ProjectsLaunchRole(this, 'ProjectsLaunch', { buildRole: this.useRoles.buildRole, starterRole: this.useRoles.starterRole });
    this.studioRole = new StudioExecutionRole(this, 'StudioExecutionRole', {
      templatesBucket: this.templatesBucket,
      templatesKey: this.templatesKey,
      templatesPrefix: PROJECT_TEMPLATES_PREFIX,
      launchRole: this.launchRole.role,
    });

    const appsSecurityGroup = new ec2.CfnSecurityGroup(this, 'StudioAppsSecurityGroup', {
      vpcId: vpcId.valueAsString,
      groupDescription: 'Studio apps of the sagemaker-gitops domain: traffic between the apps and to the domain file system',
    });
    // What Studio needs between its apps in VpcOnly mode: NFS to the domain's file system, and the apps' own ports.
    for (const [id, from, to] of [['Nfs', 2049, 2049], ['Apps', 8192, 65535]] as const) {
      new ec2.CfnSecurityGroupIngress(this, `StudioApps${id}Ingress`, {
        groupId: appsSecurityGroup.attrGroupId,
        sourceSecurityGroupId: appsSecurityGroup.attrGroupId,
        ipProtocol: 'tcp', fromPort: from, toPort: to,
        description: `Studio apps to each other, TCP ${from}-${to}`,
      });
    }

    this.domain = new sagemaker.CfnDomain(this, 'Domain', {
      domainName: domainName.valueAsString,
      authMode: 'IAM',
      vpcId: vpcId.valueAsString,
      subnetIds: subnetIds.valueAsList,
      appNetworkAccessType: networkAccess.valueAsString,
      defaultUserSettings: {
        executionRole: this.studioRole.role.roleArn,
        securityGroups: [appsSecurityGroup.attrGroupId],
        studioWebPortal: 'ENABLED',
        defaultLandingUri: 'studio::',
      },
      tags: [{ key: PROJECT_TEMPLATES_LOCATION_TAG, value: templatesLocation }],
    });
    this.studioRole.allowStudioIn(this.domain.attrDomainId);
    const userProfile = new sagemaker.CfnUserProfile(this, 'UserProfile', {
      domainId: this.domain.attrDomainId,
      userProfileName: userProfileName.valueAsString,
      userSettings: { executionRole: this.studioRole.role.roleArn },
    });

    // DomainName, VpcId, SubnetIds, AppNetworkAccessType and Tags of a domain, and what names a user profile, are
    // replaced on change (AWS CloudFormation Template Reference, AWS::SageMaker::Domain and ::UserProfile: "Update
    // requires: Replacement"). A deploy with other subnets or another network mode would make a second domain and
    // delete this one with its user profiles; kept instead (the README says to use `aws sagemaker update-domain`).
    for (const resource of [this.domain, userProfile]) {
      resource.cfnOptions.updateReplacePolicy = CfnDeletionPolicy.RETAIN;
      resource.cfnOptions.deletionPolicy = CfnDeletionPolicy.DELETE;
    }

    const createMlflow = new CfnCondition(this, 'MlflowTrackingServerWanted', { expression: Fn.conditionEquals(createMlflowParameter.valueAsString, 'true') });
    const mlflow = this.createMlflowTrackingServer(domainName.valueAsString, mlflowSize.valueAsString, createMlflow);

    Tags.of(this).add(DOMAIN_TAG.key, DOMAIN_TAG.value);

    new CfnOutput(this, 'DomainId', { value: this.domain.attrDomainId, description: 'The Studio domain' });
    new CfnOutput(this, 'UserProfileArn', { value: userProfile.attrUserProfileArn, description: 'The first user profile' });
    new CfnOutput(this, 'StudioExecutionRoleArn', { value: this.studioRole.role.roleArn, description: 'Execution role of the domain\'s users' });
    new CfnOutput(this, 'ProjectsLaunchRoleArn', { value: this.launchRole.role.roleArn, description: 'Give this role ARN when you create a project from the sagemaker-gitops template' });
    new CfnOutput(this, 'TemplatesBucketName', { value: this.templatesBucket.bucketName, description: 'The bucket of the organization\'s project templates' });
    new CfnOutput(this, 'ProjectTemplatesLocation', { value: templatesLocation, description: `The domain's ${PROJECT_TEMPLATES_LOCATION_TAG} tag` });
    new CfnOutput(this, 'PublishTemplateCommand', {
      value: `npx sagemaker-gitops publish-templates --bucket ${this.templatesBucket.bucketName} --prefix ${PROJECT_TEMPLATES_PREFIX}`,
      description: `Uploads ${PROJECT_TEMPLATE_FILE} with the tag that shows it in Studio`,
    });
    new CfnOutput(this, 'MlflowTrackingServerArn', { value: mlflow.arn, description: `The MLflow ${MLFLOW_VERSIONS.trackingServer} tracking server (mlflow.arn of .projenrc.ts, with mlflow.clientVersion '${MLFLOW_TRACKING_SERVER_CLIENTS[MLFLOW_VERSIONS.trackingServer]}')`, condition: createMlflow });
    new CfnOutput(this, 'MlflowArtifactStoreUri', { value: mlflow.artifactStoreUri, description: 'Its artifact store (mlflow.artifactStoreUri of .projenrc.ts)', condition: createMlflow });
    new CfnOutput(this, 'MlflowArtifactKmsKeyArn', { value: mlflow.keyArn, description: 'The key of its artifact store (mlflow.artifactKmsKeyArn of .projenrc.ts)', condition: createMlflow });
  }

  /**
   * The tracking server, its artifact bucket and its role, and the Studio role's access to it:
   * all created only under `condition`.
   */
  private createMlflowTrackingServer(domainName: string, size: string, condition: CfnCondition): { arn: string; artifactStoreUri: string; keyArn: string } {
    const scope = new Construct(this, 'Mlflow');
    const accessLogs = accessLogsBucket(scope, 'AccessLogs', ACCESS_LOG_RETENTION, 'the MLflow artifacts bucket');
    const key = projectKey(scope, 'ArtifactsKey', 'Encrypts the MLflow artifacts of the sagemaker-gitops Studio domain');
    const artifacts = new s3.Bucket(scope, 'Artifacts', {
      ...VERSIONED_KMS_BUCKET,
      encryptionKey: key,
      lifecycleRules: [noncurrentVersionsRule('mlflow artifacts bucket noncurrentVersionRetention')],
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'artifacts/',
      removalPolicy: RETAIN_BUCKET,
    });
    enableEventBridgeNotifications(artifacts);
    const role = new iam.Role(scope, 'ServerRole', {
      description: 'Lets the domain\'s MLflow tracking server keep its artifacts in its bucket',
      assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com'),
      inlinePolicies: {
        Artifacts: new iam.PolicyDocument({
          statements: [
            new iam.PolicyStatement({ actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], resources: [artifacts.arnForObjects('*')] }),
            new iam.PolicyStatement({ actions: ['s3:ListBucket', 's3:GetBucketLocation'], resources: [artifacts.bucketArn] }),
            // What S3 asks of the key to write and read the bucket's objects, through S3 only.
            new iam.PolicyStatement({
              actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
              resources: [key.keyArn],
              conditions: { StringEquals: { 'kms:ViaService': `s3.${this.region}.amazonaws.com` } },
            }),
          ],
        }),
      },
    });
    // Kept with the server it belongs to (kept below): a server left by a deleted stack, or by
    // CreateMlflowTrackingServer turned off, still reads and writes its artifacts.
    role.applyRemovalPolicy(RETAIN_UNLESS_CREATE_FAILS);
    acknowledgeWildcardResource(role, artifacts.arnForObjects('*'), 'MLflow names its artifact objects at run time; the bucket holds nothing else');
    const server = new sagemaker.CfnMlflowTrackingServer(scope, 'Server', {
      trackingServerName: `${domainName}-mlflow`,
      artifactStoreUri: `s3://${artifacts.bucketName}/mlflow`,
      roleArn: role.roleArn,
      trackingServerSize: size,
      // The version the project's steps pin their mlflow client to (a server serves clients of its version and older).
      mlflowVersion: MLFLOW_VERSIONS.trackingServer,
      automaticModelRegistration: false,
    });
    server.applyRemovalPolicy(RETAIN_UNLESS_CREATE_FAILS);
    server.node.addDependency(role);
    const access = this.studioRole.allowMlflow(server.attrTrackingServerArn, { bucket: artifacts, prefix: 'mlflow', key });
    for (const resource of [...scope.node.findAll(), ...access.node.findAll()]) {
      if (resource instanceof CfnResource) {
        resource.cfnOptions.condition = condition;
      }
    }
    return { arn: server.attrTrackingServerArn, artifactStoreUri: `s3://${artifacts.bucketName}/mlflow`, keyArn: key.keyArn };
  }
}

/** How long the domain template's buckets keep their server access logs. */
const ACCESS_LOG_RETENTION = Duration.days(365);

/**
 * The settings of the domain template's content buckets: a key of their own (AWS Control
 * Tower's CT.S3.PR.10), versioned with Object Lock available (no default retention), SSL only,
 * public access blocked.
 */
const VERSIONED_KMS_BUCKET: s3.BucketProps = {
  encryption: s3.BucketEncryption.KMS,
  bucketKeyEnabled: true,
  versioned: true,
  objectLockEnabled: true,
  blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  enforceSSL: true,
  objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
};

/** A rotated key, retained with the stack, that grants only to AWS services (CT.KMS.PR.3). */
function projectKey(scope: Construct, id: string, description: string): kms.Key {
  const key = new kms.Key(scope, id, { description, enableKeyRotation: true, removalPolicy: RETAIN_UNLESS_CREATE_FAILS });
  limitGrantsToAwsServices(key);
  return key;
}
