import { CustomResource, Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { ConfigError } from '../config';
import { acknowledgeControl } from '../validation/acknowledge';
import { BASELINE_FILE_NAME, ResolvedModel } from '../app-context/resolved-model';
import { RETAIN_UNLESS_CREATE_FAILS } from '../constructs/retention';
import { STAGE_MODEL_COPY_HANDLER_CODE } from './stage-model-copy-handler';


/**
 * How long one copy may take: Lambda's most, 15 minutes ("Configure Lambda function timeout", Lambda Developer Guide).
 * One CopyObject copies up to 5 GB between regions (S3 API Reference, CopyObject), which can take minutes; the handler
 * answers CloudFormation before the invocation ends (AUTHORIZATION_ANSWER_MARGIN_MS).
 */
export const STAGE_MODEL_COPY_TIMEOUT = Duration.minutes(15);

/** How long CloudFormation waits for the copy's answer: a minute past the function's timeout (at most an hour, AWS::CloudFormation::CustomResource ServiceTimeout). */
export const STAGE_MODEL_COPY_SERVICE_TIMEOUT = Duration.minutes(16);

/** The custom resource type of one copied file. */
export const STAGE_MODEL_COPY_TYPE = 'Custom::StageModelCopy';

/** Key prefix, in the stage bucket, of the model files copied from the registry's region. */
export const COPIED_MODEL_PREFIX = 'models';

/** The file the preprocess step writes into its baseline output; the drift check reads it (and input-check its header). */
export { BASELINE_FILE_NAME };

export interface StageModelCopyProps {
  readonly model: ResolvedModel;
  /** The stage bucket and key the copies go to. */
  readonly bucket: s3.IBucket;
  readonly key: kms.IKey;
  /** The region of the model registry (and of the files to copy). */
  readonly sourceRegion: string;
}

/**
 * Copies a model version's files from the model-build bucket into the stage bucket of a stage in
 * another region, where SageMaker can use them: SageMaker creates models and runs jobs only from
 * S3 objects of its own region. Each file is one S3 CopyObject at deploy time, re-encrypted with
 * the stage key, under `models/v<version>/`; nothing is ever deleted (the copies stay with the
 * retained bucket, so a rollback or a failed update never loses the serving artifact).
 */
export class StageModelCopy extends Construct {
  /** The model with every file it refers to replaced by its copy in the stage region. */
  public readonly model: ResolvedModel;
  public readonly role: iam.Role;
  private readonly copies: CustomResource[] = [];

  constructor(scope: Construct, id: string, props: StageModelCopyProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const { model, bucket, key } = props;
    const prefix = `${COPIED_MODEL_PREFIX}/v${model.version}`;

    const logGroup = new logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.ONE_YEAR, removalPolicy: RETAIN_UNLESS_CREATE_FAILS });
    acknowledgeControl(logGroup, 'CT.CLOUDWATCH.PR.3',
      'CloudWatch Logs encrypts every log group at rest; this one holds only the S3 keys of the copied files, none of their content');
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Copies version ${model.version} of ${model.modelPackageGroupName} from ${props.sourceRegion} into the stage bucket`,
    });
    this.role.addToPolicy(new iam.PolicyStatement({ sid: 'Logs', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }));
    this.role.addToPolicy(new iam.PolicyStatement({ sid: 'EncryptCopies', actions: ['kms:GenerateDataKey', 'kms:Encrypt', 'kms:Decrypt'], resources: [key.keyArn] }));
    if (model.artifactKmsKeyArn) {
      this.role.addToPolicy(new iam.PolicyStatement({ sid: 'DecryptSources', actions: ['kms:Decrypt'], resources: [model.artifactKmsKeyArn] }));
    }

    const fn = new lambda.Function(this, 'Function', {
      description: `Copies the released versions of ${model.modelPackageGroupName} from ${props.sourceRegion} into the stage bucket`,
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline(STAGE_MODEL_COPY_HANDLER_CODE),
      role: this.role,
      logGroup,
      timeout: STAGE_MODEL_COPY_TIMEOUT,
    });
    fn.node.addDependency(this.role);
    acknowledgeControl(fn, 'CT.LAMBDA.PR.3',
      'the function only calls S3 CopyObject and CloudFormation\'s response URL, at deploy time; in a VPC it would need a NAT gateway or endpoints for both');

    // Each file is a resource of its own, ids prefixed `Copy`: the AwsCustomResource ones they replace had
    // another function as ServiceToken, which CloudFormation cannot update in place (CloudFormation Template
    // Reference, AWS::CloudFormation::CustomResource: ServiceToken "Updates aren't supported"), so an upgraded
    // stack creates these and deletes the old ones, whose Delete copies and deletes nothing.
    // The version is in the id too: a release creates the next version's copies and deletes the previous
    // ones after success, so a rollback never sends a copy an Update back to the previous version's
    // files, which the role, rolled forward already (its grants name this version's files), could not read.
    const copy = (name: string, source: string, fileName: string): string => {
      const from = parseS3Uri(source, name);
      const targetKey = `${prefix}/${fileName}`;
      this.role.addToPolicy(new iam.PolicyStatement({ sid: `Read${name}`, actions: ['s3:GetObject'], resources: [`arn:${stack.partition}:s3:::${from.bucket}/${from.key}`] }));
      this.role.addToPolicy(new iam.PolicyStatement({ sid: `Write${name}`, actions: ['s3:PutObject'], resources: [bucket.arnForObjects(targetKey)] }));
      const resource = new CustomResource(this, `Copy${name}V${model.version}`, {
        serviceToken: fn.functionArn,
        resourceType: STAGE_MODEL_COPY_TYPE,
        properties: {
          Bucket: bucket.bucketName,
          Key: targetKey,
          CopySource: `${from.bucket}/${from.key.split('/').map(encodeURIComponent).join('/')}`,
          KmsKeyId: key.keyArn,
        },
        serviceTimeout: STAGE_MODEL_COPY_SERVICE_TIMEOUT,
      });
      this.copies.push(resource);
      return `s3://${bucket.bucketName}/${targetKey}`;
    };

    if (!model.modelDataUrl) {
      throw new ConfigError(`model package ${model.modelPackageArn} has no model artifact (ModelDataUrl) to copy into the stage region`);
    }
    const modelDataUrl = copy('ModelArtifact', model.modelDataUrl, fileNameOf(model.modelDataUrl));
    const baselineDataUri = model.baselineDataUri === undefined ? undefined
      : parentOf(copy('Baseline', `${model.baselineDataUri.replace(/\/$/, '')}/${BASELINE_FILE_NAME}`, `baseline/${BASELINE_FILE_NAME}`));
    const dataQualityStatisticsUri = model.dataQualityStatisticsUri === undefined ? undefined
      : copy('DataQualityStatistics', model.dataQualityStatisticsUri, 'monitoring/statistics.json');
    const dataQualityConstraintsUri = model.dataQualityConstraintsUri === undefined ? undefined
      : copy('DataQualityConstraints', model.dataQualityConstraintsUri, 'monitoring/constraints.json');

    this.model = {
      ...model,
      modelDataUrl,
      ...(baselineDataUri && { baselineDataUri }),
      ...(dataQualityStatisticsUri && { dataQualityStatisticsUri }),
      ...(dataQualityConstraintsUri && { dataQualityConstraintsUri }),
      // The copies are encrypted with the stage key, which the stage's roles use already.
      artifactKmsKeyArn: undefined,
    };
  }

  /** Makes `construct` wait until every copy exists. */
  public addDependent(construct: Construct): void {
    for (const copy of this.copies) {
      construct.node.addDependency(copy);
    }
  }
}

function parseS3Uri(uri: string, what: string): { bucket: string; key: string } {
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
  if (!match) {
    throw new ConfigError(`the ${what} ${uri} is not an s3://bucket/key URI`);
  }
  return { bucket: match[1], key: match[2] };
}

function fileNameOf(uri: string): string {
  return uri.replace(/\/$/, '').split('/').pop()!;
}

function parentOf(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/'));
}
