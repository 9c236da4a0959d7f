import { createHash } from 'node:crypto';
import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { acknowledgeWildcardResource } from '../validation/acknowledge';
import { DeployStageName } from '../app-context/resource-names';
import { ResolvedModel } from '../app-context/resolved-model';
import { modelImageRepositoryArn, s3ObjectArn } from './artifact-arns';

export interface ModelRoleProps {
  readonly model: ResolvedModel;
  readonly stage: DeployStageName;
  readonly endpointName: string;
  /** The image's repository when the stage serves an image of its own region. */
  readonly imageRepositoryArn?: string;
}

/** The role the model runs as: pull its image, read its artifact, write its logs. */
export function createModelRole(stack: Stack, props: ModelRoleProps): iam.Role {
  const { model, stage, endpointName, imageRepositoryArn } = props;
  const region = stack.region;
  const role = new iam.Role(stack, 'ModelRole', {
    assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com'),
    description: `Runs the ${stage} model of ${stack.stackName}: pulls its image, reads its artifact, writes its logs`,
  });
  const image = { repositoryArn: imageRepositoryArn ?? modelImageRepositoryArn(model, region) };
  grantVersion(role, 'Version', model, [
    new iam.PolicyStatement({
      sid: 'PullImage', actions: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'], resources: [image.repositoryArn],
    }),
    ...(model.modelDataUrl ? [new iam.PolicyStatement({ sid: 'ReadModelArtifact', actions: ['s3:GetObject'], resources: [s3ObjectArn(stack, model.modelDataUrl, 'the model artifact')] })] : []),
    ...(model.artifactKmsKeyArn ? [new iam.PolicyStatement({ sid: 'DecryptModelArtifact', actions: ['kms:Decrypt'], resources: [model.artifactKmsKeyArn] })] : []),
  ]);
  // ecr:GetAuthorizationToken and cloudwatch:PutMetricData have no resource type: IAM only accepts "*" for them.
  role.addToPolicy(new iam.PolicyStatement({ sid: 'EcrLogin', actions: ['ecr:GetAuthorizationToken'], resources: ['*'] }));
  role.addToPolicy(new iam.PolicyStatement({
    sid: 'Metrics', actions: ['cloudwatch:PutMetricData'], resources: ['*'], conditions: { StringLike: { 'cloudwatch:namespace': '/aws/sagemaker/*' } },
  }));
  acknowledgeWildcardResource(role, '*', 'only ecr:GetAuthorizationToken and cloudwatch:PutMetricData (limited to the /aws/sagemaker/ namespaces) use "*": neither action has a resource type in IAM');
  // logs:CreateLogGroup is authorized on the log group's own ARN; the streams are under `<group>:*`.
  const logGroup = stack.formatArn({ service: 'logs', resource: 'log-group', resourceName: `/aws/sagemaker/Endpoints/${endpointName}`, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
  role.addToPolicy(new iam.PolicyStatement({ sid: 'CreateLogGroup', actions: ['logs:CreateLogGroup'], resources: [logGroup] }));
  role.addToPolicy(new iam.PolicyStatement({ sid: 'Logs', actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'], resources: [`${logGroup}:*`] }));
  acknowledgeWildcardResource(role, `${logGroup}:*`, 'SageMaker writes one log stream per instance of this endpoint, named at run time');
  return role;
}

/**
 * Grants `role` what one model version needs (its image, its artifact, the artifact's key) in a
 * policy of its own, a child of the role named after the version's package: a release creates
 * the next version's policy, and CloudFormation deletes this one only once the whole update has
 * succeeded (in its cleanup phase). An update that fails after the endpoint moved rolls the
 * endpoint back to the previous configuration, whose new instances read the previous version's
 * artifact as this role; had the grant been replaced in place, that read would be denied and the
 * stack would stop in UPDATE_ROLLBACK_FAILED, which a CREATE_UPDATE deploy cannot update
 * ("Continue rolling back an update", AWS CloudFormation User Guide). What depends on the role
 * (the model) waits for its children, this policy among them.
 */
export function grantVersion(role: iam.Role, id: string, model: ResolvedModel, statements: readonly iam.PolicyStatement[]): iam.Policy | undefined {
  if (statements.length === 0) {
    return undefined;
  }
  const version = createHash('sha256').update(model.modelPackageArn).digest('hex').slice(0, 8);
  return new iam.Policy(role, `${id}${version}`, { roles: [role], statements: [...statements] });
}
