import { createHash } from 'node:crypto';
import { Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
import { Construct } from 'constructs';
import { ConfigError } from '../config';
import { PipelineDefinition, assertValidPipelineDefinition } from '../pipeline-definition';
import { acknowledgeControl, acknowledgeWildcardResource } from '../validation/acknowledge';

/**
 * The most a definition may take up inside the template (escaped, as CloudFormation reads it)
 * before it goes through S3. A template may be 1 MB; half of it leaves room for the stack's
 * other resources.
 */
export const INLINE_DEFINITION_LIMIT = 512 * 1024;

/** Key prefix, in the project bucket, of definitions that are too large for the template. */
export const DEFINITION_PREFIX = 'pipeline-definitions';

/** How the definition reaches CloudFormation. */
export type DefinitionDelivery =
  /** In the template when it fits (see INLINE_DEFINITION_LIMIT), otherwise through S3. */
  | 'auto'
  /** Always in the template; a definition that does not fit is an error. */
  | 'inline'
  /** Always through an S3 object in the project bucket. */
  | 's3';

const DELIVERIES: readonly DefinitionDelivery[] = ['auto', 'inline', 's3'];

export interface SageMakerPipelineProps {
  readonly pipelineName: string;
  readonly description: string;
  /** The role the pipeline's jobs run as. */
  readonly role: iam.IRole;
  readonly definition: PipelineDefinition;
  /** Where a definition that goes through S3 is written (under `pipeline-definitions/`). */
  readonly bucket: s3.IBucket;
  /** @default 'auto' */
  readonly delivery?: DefinitionDelivery;
  /**
   * The largest escaped body kept in the template when `delivery` is `auto`, in bytes.
   * @default INLINE_DEFINITION_LIMIT
   */
  readonly inlineLimit?: number;
}

/**
 * An `AWS::SageMaker::Pipeline` whose definition is validated against the SageMaker schema
 * at synth time and carried either in the template or, when it is too large for a template,
 * as a JSON object in the project bucket.
 *
 * The definition holds deploy-time values (role and key ARNs, bucket and asset locations), so
 * the S3 object cannot be a plain file asset: a BucketDeployment writes it at deploy time with
 * those values substituted. Its key holds a hash of the definition, so every change is a new
 * object and an update of the pipeline; older objects are kept (the bucket is versioned and
 * nothing here deletes).
 */
export class SageMakerPipeline extends Construct {
  public readonly resource: sagemaker.CfnPipeline;
  /** How the definition was delivered. */
  public readonly delivery: 'inline' | 's3';
  /** The escaped size of the definition as it would sit in the template, in bytes. */
  public readonly templateBytes: number;
  /** The definition's S3 object key, when it goes through S3. */
  public readonly definitionKey?: string;

  constructor(scope: Construct, id: string, props: SageMakerPipelineProps) {
    super(scope, id);
    const requested = props.delivery ?? 'auto';
    if (!DELIVERIES.includes(requested)) {
      throw new ConfigError(`definition delivery ${JSON.stringify(requested)} is not one of ${DELIVERIES.join(', ')}`);
    }
    const limit = props.inlineLimit ?? INLINE_DEFINITION_LIMIT;
    if (!Number.isInteger(limit) || limit < 0) {
      throw new ConfigError(`inlineLimit ${limit} is not a whole number of bytes >= 0`);
    }

    const json = props.definition.toJSON();
    assertValidPipelineDefinition(json);
    const stack = Stack.of(this);
    const body = stack.toJsonString(json);
    // What the body costs in the template: its deploy-time values as intrinsics, its quotes escaped.
    const resolved = JSON.stringify(stack.resolve(body));
    this.templateBytes = Buffer.byteLength(resolved);

    if (requested === 'inline' && this.templateBytes > limit) {
      throw new ConfigError(
        `the definition of pipeline ${props.pipelineName} takes ${this.templateBytes} bytes in the template, over the inline limit of ${limit}; deliver it with 'auto' or 's3'`,
      );
    }
    this.delivery = requested === 's3' || (requested === 'auto' && this.templateBytes > limit) ? 's3' : 'inline';

    let pipelineDefinition: Record<string, unknown>;
    let upload: s3deploy.BucketDeployment | undefined;
    if (this.delivery === 'inline') {
      pipelineDefinition = { PipelineDefinitionBody: body };
    } else {
      const hash = createHash('sha256').update(resolved).digest('hex').slice(0, 32);
      const fileName = `${hash}.json`;
      const prefix = `${DEFINITION_PREFIX}/${props.pipelineName}`;
      this.definitionKey = `${prefix}/${fileName}`;
      upload = new s3deploy.BucketDeployment(this, 'Upload', {
        sources: [s3deploy.Source.jsonData(fileName, json)],
        ...this.uploadFunctionSettings(props.pipelineName),
        destinationBucket: props.bucket,
        destinationKeyPrefix: prefix,
        // Earlier definitions stay: nothing is deleted, neither on update nor with the stack.
        prune: false,
        retainOnDelete: true,
        contentType: 'application/json',
      });
      this.restrictUpload(upload, props.bucket);
      this.acknowledgeUploadFindings(upload, props.bucket);
      pipelineDefinition = { PipelineDefinitionS3Location: { Bucket: props.bucket.bucketName, Key: this.definitionKey } };
    }

    this.resource = new sagemaker.CfnPipeline(this, 'Resource', {
      pipelineName: props.pipelineName,
      pipelineDisplayName: props.pipelineName,
      pipelineDescription: props.description,
      roleArn: props.role.roleArn,
      // The property is untyped JSON in aws-cdk-lib: its keys are not converted, so they are written as CloudFormation spells them.
      pipelineDefinition,
    });
    // The pipeline must not start before its role may run the steps, nor before its definition is written.
    this.resource.node.addDependency(props.role);
    if (upload) {
      this.resource.node.addDependency(upload);
    }
  }

  /** The upload function's own role (no managed policy) and log group. */
  private uploadFunctionSettings(pipelineName: string): Pick<s3deploy.BucketDeploymentProps, 'role' | 'logGroup'> {
    const logGroup = new logs.LogGroup(this, 'UploadLogs', { retention: logs.RetentionDays.ONE_YEAR });
    acknowledgeControl(logGroup, 'CT.CLOUDWATCH.PR.3',
      'CloudWatch Logs encrypts every log group at rest; this one holds only the upload\'s object keys, not the definition');
    const role = new iam.Role(this, 'UploadRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Writes the definition of the SageMaker pipeline ${pipelineName} to the project bucket at deploy time`,
    });
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }));
    return { role, logGroup };
  }

  /** The findings on aws-cdk-lib's upload function that cannot be fixed here, each with its reason. */
  private acknowledgeUploadFindings(upload: s3deploy.BucketDeployment, bucket: s3.IBucket): void {
    const role = upload.handlerRole;
    const grants: Record<string, string> = {
      's3:GetBucket*': 'the asset bucket and the project bucket',
      's3:GetObject*': 'the asset bucket and the project bucket',
      's3:List*': 'the asset bucket and the project bucket',
      's3:Abort*': 'the project bucket (multipart uploads of the definition)',
      's3:DeleteObject*': 'the project bucket; an explicit deny in the same role forbids every delete',
      'kms:GenerateDataKey*': 'the project key, to encrypt the definition object',
      'kms:ReEncrypt*': 'the project key',
    };
    for (const [action, scope] of Object.entries(grants)) {
      Validations.of(role).acknowledge({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason: `aws-cdk-lib's BucketDeployment grants ${action} on ${scope}; the grant is not configurable`,
      });
    }
    acknowledgeWildcardResource(role, bucket.arnForObjects('*'),
      'the function writes the definition object, whose key holds its hash, under this prefix of the project bucket; aws-cdk-lib grants the whole bucket');
    for (const assetObjects of this.sourceObjectArns(role, bucket)) {
      acknowledgeWildcardResource(role, assetObjects,
        'the function reads the definition\'s asset, named by its hash at synth time, from the CDK asset bucket; aws-cdk-lib grants the whole bucket');
    }
    // The function itself is a singleton that aws-cdk-lib places at the top of the stack.
    const stack = Stack.of(this);
    for (const handler of stack.node.children.filter((c) => c instanceof lambda.Function && c.node.id.startsWith('Custom::CDKBucketDeployment'))) {
      Validations.of(handler).acknowledge({
        id: 'AwsSolutions-L1',
        reason: `aws-cdk-lib's BucketDeployment fixes its handler's runtime (${(handler as lambda.Function).runtime.name}); it moves with aws-cdk-lib`,
      });
      acknowledgeControl(handler, 'CT.LAMBDA.PR.3',
        'the upload function only reads the CDK asset bucket, writes the project bucket and answers CloudFormation\'s response URL at deploy time; in a VPC it would need a NAT gateway or endpoints for each');
    }
  }

  /** The object ARNs the upload function may read other than the project bucket's: its source asset bucket. */
  private sourceObjectArns(role: iam.IRole, bucket: s3.IBucket): string[] {
    const policy = role.node.tryFindChild('DefaultPolicy') as iam.Policy | undefined;
    const stack = Stack.of(this);
    const own = JSON.stringify(stack.resolve(bucket.arnForObjects('*')));
    const statements: any[] = stack.resolve(policy?.document)?.Statement ?? [];
    return statements
      .filter((statement) => [statement.Action].flat().includes('s3:GetObject*'))
      .flatMap((statement) => [statement.Resource].flat())
      .filter((resource) => JSON.stringify(resource) !== own && JSON.stringify(resource).includes('/*'));
  }

  /**
   * aws-cdk-lib grants the upload function read-write on the whole bucket; an explicit deny
   * keeps it, and any other deployment sharing its role, from ever deleting an object.
   */
  private restrictUpload(upload: s3deploy.BucketDeployment, bucket: s3.IBucket): void {
    upload.handlerRole.addToPrincipalPolicy(new iam.PolicyStatement({
      effect: iam.Effect.DENY,
      actions: ['s3:DeleteObject*'],
      resources: [bucket.arnForObjects('*')],
    }));
  }
}
