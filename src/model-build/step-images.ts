import { createHash } from 'node:crypto';
import { ProjectConfig, containersOf, mlflowRequirements, stepImageRepositoryNameFor, usesStepImages } from '../config';
import { SageMakerImage, frameworkLibrary, sklearnImage, xgboostImage } from '../images';

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

/** The libraries whose container versions a derived image keeps: what the steps import. */
export const CONTAINER_LIBRARIES = ['numpy', 'pandas', 'scikit-learn', 'xgboost'] as const;

/** The import name of each PyPI distribution the derived images check. */
const IMPORT_NAMES: Readonly<Record<string, string>> = { 'xgboost': 'xgboost', 'scikit-learn': 'sklearn' };

/**
 * The Dockerfile of a derived image: the base; the requirements installed with pip under a
 * constraints file of the base's own numpy, pandas, scikit-learn and xgboost versions (`pip freeze`
 * in the base), so that pip keeps them or fails the build rather than replace them; a check that
 * mlflow imports; and, given the container's framework library, a check that the base has the
 * version the toolkit's table names (aws/sagemaker-xgboost-container and
 * aws/sagemaker-scikit-learn-container, src/images/container-libraries.ts). The build fails rather
 * than push an image the steps cannot use. Each requirement is one line of `requirements.txt`
 * (`name==version`), passed to pip as is. No line has a single quote: the build passes each line
 * single-quoted to printf (step-image-build.ts).
 */
export function stepImageDockerfile(baseUri: string, requirements: string, framework?: { readonly name: string; readonly version: string }): string {
  const pins = requirements.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  for (const pin of pins) {
    if (!/^[A-Za-z0-9._-]+==[A-Za-z0-9.*+!-]+$/.test(pin)) {
      throw new Error(`a step image requirement must be a pin such as mlflow==3.0.0, got ${JSON.stringify(pin)}`);
    }
  }
  const check = framework === undefined ? [] : [
    `RUN test "$(python3 -c "import ${IMPORT_NAMES[framework.name] ?? framework.name}; print(${IMPORT_NAMES[framework.name] ?? framework.name}.__version__)")" = ${framework.version}`,
  ];
  return [
    `FROM ${baseUri}`,
    `RUN python3 -m pip freeze | grep -iE "^(${CONTAINER_LIBRARIES.join('|')})==" > /tmp/container-libraries.txt; `
      + `python3 -m pip install --no-cache-dir --disable-pip-version-check -c /tmp/container-libraries.txt ${pins.join(' ')}`,
    'RUN python3 -c "import mlflow, sagemaker_mlflow"',
    ...check,
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
  const containers = containersOf(config);
  const requirements = mlflowRequirements(config.mlflow.clientVersion);
  const image = (name: StepImage['name'], base: SageMakerImage): StepImage => {
    const dockerfile = stepImageDockerfile(base.uri, requirements, frameworkLibrary(name, base.version));
    return { name, base, requirements, dockerfile, tag: stepImageTag(name, dockerfile) };
  };
  return [image('sklearn', sklearnImage(region, containers.sklearn)), image('xgboost', xgboostImage(region, containers.xgboost))];
}

/** The ECR repository of the derived images: `<project>-step-images` (lower case, as ECR requires). */
export function stepImageRepositoryName(config: ProjectConfig): string {
  return stepImageRepositoryNameFor(config.projectName);
}
