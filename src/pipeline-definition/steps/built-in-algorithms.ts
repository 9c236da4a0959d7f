import { Value } from '../expressions';

/**
 * ECR repositories of SageMaker's built-in algorithms (developer guide, "Docker Registry Paths
 * and Example Code"; the repository names of the SageMaker Python SDK's image_uri_config):
 * a training image from one of them runs the built-in algorithm, unless the job names a
 * training script (the `sagemaker_program` hyperparameter, which only the framework images
 * such as sagemaker-xgboost run: "script mode").
 */
export const BUILT_IN_ALGORITHM_REPOSITORIES: ReadonlySet<string> = new Set([
  'sagemaker-xgboost', 'xgboost', 'linear-learner', 'kmeans', 'pca', 'factorization-machines', 'ntm', 'randomcutforest', 'lda',
  'blazingtext', 'image-classification', 'object-detection', 'semantic-segmentation', 'seq2seq', 'forecasting-deepar', 'knn',
  'object2vec', 'ipinsights',
]);

/** The hyperparameter that names the training script of a framework image ("script mode"). */
export const SCRIPT_MODE_HYPERPARAMETER = 'sagemaker_program';

/** The repository of an ECR image URI (`<registry>/<repository>:<tag>` or `@<digest>`); undefined when it is not a literal URI. */
export function imageRepository(imageUri: Value<string>): string | undefined {
  if (typeof imageUri !== 'string') {
    return undefined;
  }
  return /^[^/]+\.dkr\.ecr\.[^/]+\/([^:@]+)[:@]/.exec(imageUri)?.[1];
}

/**
 * True when a training job of this image and these hyperparameters runs a SageMaker built-in
 * algorithm: the image is one of {@link BUILT_IN_ALGORITHM_REPOSITORIES} and no
 * `sagemaker_program` names a script. False when the image is not a literal (a parameter).
 */
export function runsBuiltInAlgorithm(imageUri: Value<string>, hyperparameters: Readonly<Record<string, unknown>> | undefined): boolean {
  const repository = imageRepository(imageUri);
  if (repository === undefined || !BUILT_IN_ALGORITHM_REPOSITORIES.has(repository)) {
    return false;
  }
  return hyperparameters?.[SCRIPT_MODE_HYPERPARAMETER] === undefined;
}
