import { INSTALL_COMMAND } from '../constructs/project-pipeline';
import { PLACEHOLDER_MODEL_CONTEXT } from '../app-context/model-context';
import { ProjectResourceNames } from '../app-context/resource-names';
import { CODEBUILD_NODE_VERSION } from '../app-context/versions';
import { STUDIO_CONTEXT_KEYS } from '../app-context/studio-project';

/** The environment variables of the bootstrap build that carry the launch's parameters. */
export const BOOTSTRAP_ENV = {
  projectName: 'SAGEMAKER_PROJECT_NAME',
  projectId: 'SAGEMAKER_PROJECT_ID',
  // CodeBuild sets AWS_REGION to the project's region.
  region: 'AWS_REGION',
  buildAccount: 'BUILD_ACCOUNT',
  connectionArn: 'CODE_CONNECTION_ARN',
  modelBuildRepository: 'MODEL_BUILD_REPOSITORY',
  modelBuildBranch: 'MODEL_BUILD_BRANCH',
  modelDeployRepository: 'MODEL_DEPLOY_REPOSITORY',
  modelDeployBranch: 'MODEL_DEPLOY_BRANCH',
  stagingAccount: 'STAGING_ACCOUNT',
  prodAccount: 'PROD_ACCOUNT',
} as const satisfies Record<keyof typeof STUDIO_CONTEXT_KEYS, string>;

/** What the bootstrap build gets for an optional account left empty (CodeBuild wants a value). */
export const NO_ACCOUNT = 'none';

/** The CodeBuild source identifier of the model-deploy repository (its directory is `$CODEBUILD_SRC_DIR_model_deploy`). */
export const MODEL_DEPLOY_SOURCE_ID = 'model_deploy';

const OPTIONAL: ReadonlySet<string> = new Set(['stagingAccount', 'prodAccount']);

/**
 * The `-c key=value` arguments that pass the launch to a repository's CDK app, read from the
 * build's environment; an optional account given as `none` passes nothing.
 */
export function bootstrapContextArguments(): string {
  return Object.entries(BOOTSTRAP_ENV).map(([field, variable]) => {
    const key = STUDIO_CONTEXT_KEYS[field as keyof typeof STUDIO_CONTEXT_KEYS];
    return OPTIONAL.has(field)
      ? `$([ "$${variable}" = ${NO_ACCOUNT} ] || printf -- '-c ${key}=%s' "$${variable}")`
      : `-c "${key}=$${variable}"`;
  }).join(' ');
}

/**
 * The buildspec of the one-time bootstrap: in each repository (model-build is the primary source,
 * model-deploy the secondary one), install it and `cdk deploy` its pipeline stack by name, with the
 * launch passed as context. Deploying by name also checks that the app took the launch's project
 * name: an app that ignores the context has no stack of that name and the deploy fails.
 */
export function bootstrapBuildSpec(): Record<string, unknown> {
  const names = new ProjectResourceNames(`$${BOOTSTRAP_ENV.projectName}`);
  const context = bootstrapContextArguments();
  const deploy = (stack: string, extra: string) => `npx cdk deploy "${stack}" --require-approval never --no-notices${extra} ${context}`;
  return {
    version: '0.2',
    env: {
      shell: 'bash',
      variables: { CI: 'true' },
    },
    phases: {
      install: {
        'runtime-versions': { nodejs: CODEBUILD_NODE_VERSION },
      },
      build: {
        'on-failure': 'ABORT',
        'commands': [
          `cd "$CODEBUILD_SRC_DIR" && ${INSTALL_COMMAND} && ${deploy(names.modelBuildPipelineStack, '')}`,
          // No model is approved yet: the pipeline stack deploys with the placeholder, and the
          // pipeline resolves the real model before it deploys any endpoint.
          `cd "$CODEBUILD_SRC_DIR_${MODEL_DEPLOY_SOURCE_ID}" && ${INSTALL_COMMAND} && ${deploy(names.modelDeployPipelineStack, ` -c ${PLACEHOLDER_MODEL_CONTEXT}=true`)}`,
        ],
      },
    },
  };
}
