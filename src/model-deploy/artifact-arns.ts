import { Stack } from 'aws-cdk-lib';
import { ConfigError } from '../config';
import { xgboostImage } from '../images';
import { ResolvedModel } from '../app-context/resolved-model';

/** An ECR image URI: `<account>.dkr.ecr.<region>.amazonaws.com[.cn]/<repository>[:tag|@digest]`. */
const ECR_IMAGE_URI = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([^:@]+)/;

/**
 * The ARN of the ECR repository an image URI names (commercial partition, as the image tables of
 * src/images/ are); `what` names the image in the error.
 */
export function imageRepositoryArn(uri: string, what: string): string {
  const match = ECR_IMAGE_URI.exec(uri);
  if (!match) {
    throw new ConfigError(`${what} ${uri} is not an ECR image URI (<account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>)`);
  }
  return `arn:aws:ecr:${match[2]}:${match[1]}:repository/${match[3]}`;
}

/** The repository of a model version's image: the one it was registered with, else the region's SageMaker XGBoost image. */
export function modelImageRepositoryArn(model: ResolvedModel, region: string): string {
  return model.imageUri !== undefined ? imageRepositoryArn(model.imageUri, 'the model\'s image') : xgboostImage(region).repositoryArn;
}

/** The bucket and key of an `s3://bucket/key` URI; `what` names the object in the error. */
export function s3Location(uri: string, what: string): { readonly bucket: string; readonly key: string } {
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
  if (!match) {
    throw new ConfigError(`${what} ${uri} is not an s3://bucket/key URI`);
  }
  return { bucket: match[1], key: match[2] };
}

/** The ARN of the S3 object an `s3://bucket/key` URI names; `what` names the object in the error. */
export function s3ObjectArn(stack: Stack, uri: string, what: string): string {
  const { bucket, key } = s3Location(uri, what);
  return `arn:${stack.partition}:s3:::${bucket}/${key}`;
}
