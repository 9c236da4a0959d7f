/** The two repositories a project consists of. */
export type RepoKind = 'model-build' | 'model-deploy';

/** The library class each repository's CDK app instantiates. */
export const APP_CLASS: Record<RepoKind, string> = {
  'model-build': 'ModelBuildApp',
  'model-deploy': 'ModelDeployApp',
};
