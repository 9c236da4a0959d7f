import { CfnOutput, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { ProjectConfig } from '../config';
import { ArtifactStore } from '../constructs';
import { acknowledgeWildcardResource } from '../validation/acknowledge';

/** Key prefix of captured requests in the stage bucket (the endpoint stack's DATA_CAPTURE_PREFIX). */
const CAPTURE_PREFIX = 'datacapture';

/** The role in the production account that the pipeline's shadow comparison runs as. */
export function shadowCompareRoleName(config: ProjectConfig): string {
  return `${config.projectName}-prod-shadow-compare`;
}

export interface ShadowCompareAccessProps {
  readonly config: ProjectConfig;
  /** The production stage's storage: the captured requests of both variants. */
  readonly storage: ArtifactStore;
  readonly endpointName: string;
}

/**
 * What the pipeline's CompareShadow step needs in the production stack of a project with shadow
 * releases: a role (`shadowCompareRoleName`) the pipeline's account may assume, which reads the
 * endpoint's CloudWatch metrics and its captured data (both variants' requests and responses,
 * under `datacapture/<endpoint>/`) and describes the endpoint, its configuration and the shadow's model; and the capture location (the
 * endpoint configuration's DestinationS3Uri, `s3://<bucket>/datacapture`) as an output
 * (`CaptureUri`), which the step receives as an environment variable.
 */
export class ShadowCompareAccess extends Construct {
  public readonly role: iam.Role;
  public readonly captureUri: CfnOutput;

  constructor(scope: Construct, id: string, props: ShadowCompareAccessProps) {
    super(scope, id);
    const { config, storage: { bucket, key }, endpointName } = props;
    const stack = Stack.of(this);
    const prefix = `${CAPTURE_PREFIX}/${endpointName}`;
    this.role = new iam.Role(this, 'Role', {
      roleName: shadowCompareRoleName(config),
      assumedBy: new iam.AccountPrincipal(config.environments.build.account ?? stack.account),
      description: `Lets the model-deploy pipeline compare the shadow and production variants of ${endpointName}`,
    });
    this.role.addToPolicy(new iam.PolicyStatement({ sid: 'ReadCapturedData', actions: ['s3:GetObject'], resources: [bucket.arnForObjects(`${prefix}/*`)] }));
    this.role.addToPolicy(new iam.PolicyStatement({
      sid: 'ListCapturedData', actions: ['s3:ListBucket'], resources: [bucket.bucketArn], conditions: { StringLike: { 's3:prefix': [`${prefix}/*`, `${prefix}/`] } },
    }));
    this.role.addToPolicy(new iam.PolicyStatement({ sid: 'DecryptCapturedData', actions: ['kms:Decrypt'], resources: [key.keyArn] }));
    this.role.addToPolicy(new iam.PolicyStatement({
      sid: 'DescribeEndpoint', actions: ['sagemaker:DescribeEndpoint'],
      resources: [stack.formatArn({ service: 'sagemaker', resource: 'endpoint', resourceName: endpointName.toLowerCase() })],
    }));
    // The shadow variant's model, to check it is the release's candidate: CloudFormation names the configuration and the model at deploy time.
    this.role.addToPolicy(new iam.PolicyStatement({
      sid: 'DescribeShadowModel', actions: ['sagemaker:DescribeEndpointConfig', 'sagemaker:DescribeModel'],
      resources: [stack.formatArn({ service: 'sagemaker', resource: 'endpoint-config', resourceName: '*' }), stack.formatArn({ service: 'sagemaker', resource: 'model', resourceName: '*' })],
    }));
    acknowledgeWildcardResource(this.role, stack.formatArn({ service: 'sagemaker', resource: 'endpoint-config', resourceName: '*' }),
      `compare-shadow describes the endpoint configuration ${endpointName} serves, which CloudFormation names at deploy time; the action is read-only`);
    acknowledgeWildcardResource(this.role, stack.formatArn({ service: 'sagemaker', resource: 'model', resourceName: '*' }),
      `compare-shadow describes the shadow variant's model, which CloudFormation names at deploy time; the action is read-only`);
    // CloudWatch's metric reads have no resource type in IAM ("Actions, resources, and condition keys for Amazon CloudWatch").
    this.role.addToPolicy(new iam.PolicyStatement({ sid: 'ReadVariantMetrics', actions: ['cloudwatch:GetMetricStatistics', 'cloudwatch:GetMetricData'], resources: ['*'] }));
    acknowledgeWildcardResource(this.role, '*',
      'cloudwatch:GetMetricStatistics and GetMetricData have no resource type in IAM: they accept only "*"; the role may only read metrics, for the shadow comparison');
    acknowledgeWildcardResource(this.role, bucket.arnForObjects(`${prefix}/*`),
      'SageMaker names the captured-data files by variant, hour and request batch; the wildcard covers only this endpoint\'s capture prefix, read-only');
    this.captureUri = new CfnOutput(this, 'CaptureUri', {
      value: `s3://${bucket.bucketName}/${CAPTURE_PREFIX}`,
      description: `Where ${endpointName} captures both variants' requests and responses (under <endpoint>/<variant>/)`,
    });
  }
}
