/**
 * Names the two Studio templates and the publish-templates command share: plain values, as the
 * CLI loads this file. Every resource a project launch creates is named with
 * {@link STUDIO_RESOURCE_PREFIX}, so the domain template's launch role and use roles can be
 * limited to them. A launch creates no role: it uses the roles the domain template created under
 * {@link STUDIO_ROLE_PATH}, as SageMaker's own project templates use pre-created roles.
 */

/** The prefix of the CodeBuild projects, Lambda functions and log groups of a project launch. */
export const STUDIO_RESOURCE_PREFIX = 'sagemaker-gitops-';
/** The IAM path of the roles the domain template creates for project launches. */
export const STUDIO_ROLE_PATH = '/sagemaker-gitops/';
/** The key prefix under which the project templates are published in the templates bucket. */
export const PROJECT_TEMPLATES_PREFIX = 'templates/';
/** The object key of the project template under {@link PROJECT_TEMPLATES_PREFIX}. */
export const PROJECT_TEMPLATE_FILE = 'sagemaker-project.yaml';
/** The file of the domain template. */
export const DOMAIN_TEMPLATE_FILE = 'sagemaker-domain.yaml';
/** The domain tag that points SageMaker Projects at the S3 location of the organization's templates. */
export const PROJECT_TEMPLATES_LOCATION_TAG = 'sagemaker:projectS3TemplatesLocation';
/** The S3 object tag that makes a template visible in Studio. */
export const STUDIO_VISIBILITY_TAG = { key: 'sagemaker:studio-visibility', value: 'true' } as const;

/** The bootstrap CodeBuild project of the project with id `projectId`. */
export function bootstrapProjectName(projectId: string): string {
  return `${STUDIO_RESOURCE_PREFIX}${projectId}-bootstrap`;
}

/** The Lambda function that starts the bootstrap build of the project with id `projectId`. */
export function startBootstrapFunctionName(projectId: string): string {
  return `${STUDIO_RESOURCE_PREFIX}${projectId}-start-bootstrap`;
}

/** The role of every bootstrap build (a "use role" of the domain template) of `region`. */
export function bootstrapBuildRoleName(region: string): string {
  return `${STUDIO_RESOURCE_PREFIX}bootstrap-build-${region}`;
}

/** The role of every starter function (a "use role" of the domain template) of `region`. */
export function bootstrapStarterRoleName(region: string): string {
  return `${STUDIO_RESOURCE_PREFIX}bootstrap-starter-${region}`;
}

/**
 * The tag a CodeConnections connection needs for project launches to read repositories through
 * it, as SageMaker's own templates for third-party git repositories require.
 */
export const CONNECTION_TAG = { key: 'sagemaker', value: 'true' } as const;
