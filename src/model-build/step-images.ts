import { createHash } from 'node:crypto';
import { ProjectConfig, mlflowRequirements, usesStepImages } from '../config';
import { SKLEARN_PIPELINE_VERSION, SageMakerImage, sklearnImage, xgboostImage } from '../images';

/**
 * Derived step images, for jobs in subnets without internet access: the AWS scikit-learn and
 * XGBoost images the steps run, with the pinned MLflow requirements preinstalled, so that nothing
 * is installed from PyPI when a job starts. The model-build CodePipeline builds and pushes them
 * (step-image-build.ts) into the model-build stack's repository (step-image-repository.ts).
 */

/** One derived image: its base, its Dockerfile and the content tag it is pushed under. */
export interface StepImage {
  /** `sklearn` (Preprocess) or `xgboost` (Train, Evaluate, TagMlflowRun). */
  readonly name: 'sklearn' | 'xgboost';
  /** The AWS image it is built `FROM`. */
  readonly base: SageMakerImage;
  /** The requirements it installs (a requirements.txt). */
  readonly requirements: string;
  readonly dockerfile: string;
  /** `<name>-<first 24 hex digits of sha256(dockerfile)>`: the base image URI and the requirements decide it. */
  readonly tag: string;
}

/**
 * The Dockerfile of a derived image: the base, then the requirements installed with pip, and a
 * check that mlflow imports (the build fails rather than push an image the steps cannot use).
 * Each requirement is one line of `requirements.txt` (`name==version`), passed to pip as is.
 */
export function stepImageDockerfile(baseUri: string, requirements: string): string {
  const pins = requirements.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  for (const pin of pins) {
    if (!/^[A-Za-z0-9._-]+==[A-Za-z0-9.*+!-]+$/.test(pin)) {
      throw new Error(`a step image requirement must be a pin such as mlflow==3.0.0, got ${JSON.stringify(pin)}`);
    }
  }
  return [
    `FROM ${baseUri}`,
    `RUN python3 -m pip install --no-cache-dir --disable-pip-version-check ${pins.join(' ')}`,
    'RUN python3 -c "import mlflow, sagemaker_mlflow"',
    '',
  ].join('\n');
}

/** `<name>-<24 hex digits>` of the image's Dockerfile (an ECR tag: at most 128 of `[A-Za-z0-9._-]`). */
export function stepImageTag(name: string, dockerfile: string): string {
  return `${name}-${createHash('sha256').update(dockerfile).digest('hex').slice(0, 24)}`;
}

/** The derived images of `config`: none unless the jobs have no internet access and MLflow is on. */
export function stepImagesOf(config: ProjectConfig): StepImage[] {
  if (!usesStepImages(config) || config.mlflow === undefined) {
    return [];
  }
  const region = config.environments.build.region;
  const requirements = mlflowRequirements(config.mlflow.clientVersion);
  const image = (name: StepImage['name'], base: SageMakerImage): StepImage => {
    const dockerfile = stepImageDockerfile(base.uri, requirements);
    return { name, base, requirements, dockerfile, tag: stepImageTag(name, dockerfile) };
  };
  return [image('sklearn', sklearnImage(region, SKLEARN_PIPELINE_VERSION)), image('xgboost', xgboostImage(region))];
}

/** The ECR repository of the derived images: `<project>-step-images` (lower case, as ECR requires). */
export function stepImageRepositoryName(config: ProjectConfig): string {
  return `${config.projectName.toLowerCase()}-step-images`;
}
