import { Duration } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { RETAIN_UNLESS_CREATE_FAILS } from '../constructs/retention';

/** How long an untagged image (a layer set no tag points to any more) is kept. */
export const UNTAGGED_IMAGE_DAYS = 7;

export interface StepImageRepositoryProps {
  /** The repository's name (stepImageRepositoryName): the model-build CodePipeline pushes to it by name. */
  readonly repositoryName: string;
  /** The project key: the images are encrypted with it at rest. */
  readonly key: kms.IKey;
}

/**
 * The ECR repository of the derived step images: encrypted with the project key, scanned on
 * push (Control Tower CT.ECR.PR.2), immutable tags (CT.ECR.PR.3: a content tag always names the
 * same image), retained with the stack, and a lifecycle policy (CT.ECR.PR.1) that expires
 * untagged images only: a tagged image may still be what an older pipeline execution runs.
 *
 * The key needs no statement for the pushing and pulling roles: when a repository is created with a
 * KMS key, ECR adds grants to the key with the repository as grantee and encrypts and decrypts the
 * layers itself ("Encryption at rest", Amazon ECR User Guide).
 */
export class StepImageRepository extends Construct {
  public readonly repository: ecr.Repository;

  constructor(scope: Construct, id: string, props: StepImageRepositoryProps) {
    super(scope, id);
    this.repository = new ecr.Repository(this, 'Resource', {
      repositoryName: props.repositoryName,
      encryption: ecr.RepositoryEncryption.KMS,
      encryptionKey: props.key,
      imageScanOnPush: true,
      imageTagMutability: ecr.TagMutability.IMMUTABLE,
      removalPolicy: RETAIN_UNLESS_CREATE_FAILS,
      lifecycleRules: [{
        description: `Expire untagged images after ${UNTAGGED_IMAGE_DAYS} days; tagged images are kept`,
        tagStatus: ecr.TagStatus.UNTAGGED,
        maxImageAge: Duration.days(UNTAGGED_IMAGE_DAYS),
      }],
    });
  }

  /** The URI of the image `tag` in this repository. */
  public uriForTag(tag: string): string {
    return this.repository.repositoryUriForTag(tag);
  }
}
