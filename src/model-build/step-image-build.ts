import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as pipelines from 'aws-cdk-lib/pipelines';
import { Construct } from 'constructs';
import { ProjectConfig } from '../config';
import { BUILD_ENV } from '../constructs';
import { acknowledgeControl, acknowledgeWildcardResource } from '../validation/acknowledge';
import { StepImage, stepImageRepositoryName, stepImagesOf } from './step-images';

/** The actions that pull an image ("Amazon ECR repository policy examples", pulling images). */
export const ECR_PULL_ACTIONS = ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'] as const;
/**
 * What pushing an image needs (Amazon ECR User Guide, "IAM permissions for pushing an image to an Amazon ECR private
 * repository": the layer uploads, PutImage, and BatchGetImage, with which a client reads a manifest back, as clients
 * that check the tag's manifest before or after the push do), and DescribeImages, which finds whether the tag is
 * there already.
 */
export const ECR_PUSH_ACTIONS = [
  'ecr:BatchCheckLayerAvailability', 'ecr:InitiateLayerUpload', 'ecr:UploadLayerPart', 'ecr:CompleteLayerUpload', 'ecr:PutImage', 'ecr:BatchGetImage',
  'ecr:DescribeImages',
] as const;

/** The registry host of an image URI (`<account>.dkr.ecr.<region>.amazonaws.com`). */
function registryOf(uri: string): string {
  return uri.slice(0, uri.indexOf('/'));
}

/**
 * The commands that build and push each image unless its tag is there: DescribeImages first, and
 * only ImageNotFoundException leads to a build (any other error fails the step). The Dockerfile
 * goes to `docker build` on stdin (it copies nothing, so there is no build context).
 */
export function stepImageBuildCommands(region: string, images: readonly StepImage[]): string[] {
  const login = (registry: string) => `aws ecr get-login-password --region ${region} | docker login --username AWS --password-stdin ${registry}`;
  const bases = [...new Set(images.map((image) => registryOf(image.base.uri)))];
  return [
    ...bases.map(login),
    login('"$STEP_IMAGE_REGISTRY"'),
    ...images.map((image) => {
      const target = `"$STEP_IMAGE_REGISTRY/$STEP_IMAGE_REPOSITORY:${image.tag}"`;
      const lines = image.dockerfile.split('\n').filter((line) => line !== '').map((line) => `'${line}'`).join(' ');
      return [
        `if aws ecr describe-images --repository-name "$STEP_IMAGE_REPOSITORY" --image-ids imageTag=${image.tag} > /dev/null 2> describe-${image.name}.err;`,
        `then echo "${image.tag} is in the repository already: not built again";`,
        `elif grep -q ImageNotFoundException describe-${image.name}.err;`,
        `then printf '%s\\n' ${lines} | docker build --pull --tag ${target} - && docker push ${target};`,
        `else cat describe-${image.name}.err >&2; exit 1; fi`,
      ].join(' ');
    }),
  ];
}

export interface StepImageBuildProps {
  readonly config: ProjectConfig;
}

/**
 * The model-build CodePipeline's `BuildStepImages` step: builds the derived step images
 * (step-images.ts) on CodeBuild and pushes each to the model-build stack's repository when its
 * content tag is not there yet. Its role pulls the base images from the AWS registry of the
 * region and pushes to the project's repository only.
 *
 * `docker build` needs the Docker daemon, which CodeBuild runs only in privileged mode ("Docker in
 * custom image sample", AWS CodeBuild User Guide); the step runs no code of the repository, only
 * the Dockerfiles the toolkit writes, FROM the AWS images, with pinned packages.
 */
export class StepImageBuild extends Construct {
  public readonly step: pipelines.CodeBuildStep;
  public readonly images: readonly StepImage[];

  constructor(scope: Construct, id: string, props: StepImageBuildProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const region = props.config.environments.build.region;
    this.images = stepImagesOf(props.config);
    const repositoryName = stepImageRepositoryName(props.config);
    const repositoryArn = stack.formatArn({ service: 'ecr', region, resource: 'repository', resourceName: repositoryName });
    this.step = new pipelines.CodeBuildStep('BuildStepImages', {
      env: {
        ...BUILD_ENV,
        STEP_IMAGE_REGISTRY: `${stack.account}.dkr.ecr.${region}.${stack.urlSuffix}`,
        STEP_IMAGE_REPOSITORY: repositoryName,
      },
      buildEnvironment: { privileged: true },
      commands: stepImageBuildCommands(region, this.images),
      rolePolicyStatements: [
        new iam.PolicyStatement({ sid: 'PullBaseImages', actions: [...ECR_PULL_ACTIONS], resources: [...new Set(this.images.map((image) => image.base.repositoryArn))] }),
        new iam.PolicyStatement({ sid: 'PushStepImages', actions: [...ECR_PUSH_ACTIONS], resources: [repositoryArn] }),
        // ecr:GetAuthorizationToken has no resource type: IAM only accepts "*" for it.
        new iam.PolicyStatement({ sid: 'EcrLogin', actions: ['ecr:GetAuthorizationToken'], resources: ['*'] }),
      ],
    });
  }

  /**
   * Acknowledges, on the built project, AWS Control Tower's CT.CODEBUILD.PR.4 (no privileged mode),
   * which privileged mode trips (cdk-nag's AwsSolutions pack has no rule on it), and gives the role's
   * one "*" its own reason. Call after the pipeline is built.
   */
  public acknowledgeFindings(): void {
    const project = this.step.project;
    acknowledgeControl(project, 'CT.CODEBUILD.PR.4', 'docker build needs the Docker daemon, which CodeBuild runs only in privileged mode; the project builds only '
      + 'the toolkit\'s Dockerfiles FROM the AWS scikit-learn and XGBoost images with pinned packages and runs no code of the repository');
    if (project.role !== undefined) {
      acknowledgeWildcardResource(project.role, '*', 'only ecr:GetAuthorizationToken uses "*": it has no resource type in IAM');
    }
  }
}
