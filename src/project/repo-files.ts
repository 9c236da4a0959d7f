import { CONFIG_FILE_NAME, ProjectConfig } from '../config';
import { PLACEHOLDER_MODEL_CONTEXT, RESOLVED_MODEL_FILE } from '../app-context/model-context';
import { PROJECT_APP_CONTEXT } from '../validation';
import { RepoKind } from './repo-kind';
import { GeneratedRepoVersions } from '../app-context/versions';

/** npm scripts of a generated repository: plain commands, nothing that reaches outside the repo. */
export const REPO_SCRIPTS: Readonly<Record<string, string>> = {
  build: 'tsc --noEmit',
  synth: 'cdk synth --no-notices --quiet',
  diff: 'cdk diff --no-notices',
  deploy: 'cdk deploy --no-notices --all',
  test: 'jest',
};

/**
 * npm's `allowScripts` (package.json, npm 11.16 and later): the dependencies whose install scripts
 * were reviewed, and whether they may run. npm 11 lists an unreviewed install script after each
 * install and runs it; npm 12 skips it. esbuild's postinstall (tsx's TypeScript compiler) only
 * checks its platform binary and swaps the bin shim for it: the repository installs, type-checks,
 * tests and synthesizes (the release tools bundled with esbuild's API) without it, so it does not
 * run, whichever npm installs. Each package with an install script in a committed lock file must
 * be listed here (test/project/install-scripts.test.ts).
 */
export const REVIEWED_INSTALL_SCRIPTS: Readonly<Record<string, boolean>> = { esbuild: false };

/**
 * The scripts of one kind of repository. A model-deploy app needs a resolved model to synthesize;
 * on a laptop its scripts synthesize with the placeholder model unless resolved-model.json exists.
 */
export function repoScripts(kind: RepoKind, config: ProjectConfig): Record<string, string> {
  if (kind === 'model-build') {
    // `npm run local -- --parameter TestScoreThreshold=0.8`: the SageMaker pipeline, run on this machine.
    return { ...REPO_SCRIPTS, local: 'sagemaker-gitops local-run' };
  }
  const placeholder = ` -c ${PLACEHOLDER_MODEL_CONTEXT}=true`;
  return {
    ...REPO_SCRIPTS,
    synth: REPO_SCRIPTS.synth + placeholder,
    diff: REPO_SCRIPTS.diff + placeholder,
    deploy: REPO_SCRIPTS.deploy + placeholder,
    'resolve-model': `sagemaker-gitops resolve-model --group ${config.modelPackageGroupName} --region ${config.environments.build.region} --out ${RESOLVED_MODEL_FILE}`,
  };
}

/**
 * Where `sagemaker-gitops local-run` works in a model-build repository (LOCAL_RUN_DIR of
 * src/local-run, repeated here so generating a repository does not load the local runner).
 */
export const LOCAL_RUN_FOLDER = '.local-run';

/** The local MLflow store the README's `MLFLOW_TRACKING_URI=file:./mlruns npm run local` writes (it holds input examples: data rows). */
export const LOCAL_MLFLOW_FOLDER = 'mlruns';

/**
 * Ignored in every repository; a model-build repository also ignores its local runs and their
 * local MLflow store, a model-deploy repository its resolved model (each run resolves it afresh).
 */
export function repoGitignore(kind: RepoKind): string[] {
  return kind === 'model-deploy' ? [...REPO_GITIGNORE, RESOLVED_MODEL_FILE] : [...REPO_GITIGNORE, `${LOCAL_RUN_FOLDER}/`, `${LOCAL_MLFLOW_FOLDER}/`];
}

export function renderPackageJson(kind: RepoKind, config: ProjectConfig, versions: GeneratedRepoVersions): Record<string, unknown> {
  return {
    name: `${config.projectName.toLowerCase()}-${kind}`,
    version: '0.0.0',
    private: true,
    description: `The ${kind} repository of the SageMaker project ${config.projectName}`,
    scripts: repoScripts(kind, config),
    dependencies: versions.dependencies,
    devDependencies: versions.devDependencies,
    engines: { node: versions.node },
    allowScripts: { ...REVIEWED_INSTALL_SCRIPTS },
    jest: {
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      transform: { '^.+\\.ts$': 'ts-jest' },
    },
  };
}

export function renderTsconfig(): Record<string, unknown> {
  return {
    compilerOptions: {
      target: 'ES2022',
      module: 'CommonJS',
      lib: ['es2022'],
      strict: true,
      noEmit: true,
      esModuleInterop: true,
      resolveJsonModule: true,
      isolatedModules: true,
      skipLibCheck: true,
      noUnusedLocals: true,
      noUnusedParameters: true,
      noImplicitReturns: true,
      types: ['node', 'jest'],
    },
    include: ['src/**/*.ts', 'test/**/*.ts'],
  };
}

export function renderCdkJson(): Record<string, unknown> {
  return {
    // tsx transpiles without type-checking: `npm run build` type-checks once.
    app: 'npx tsx src/main.ts',
    output: 'cdk.out',
    watch: { include: ['src/**/*.ts', CONFIG_FILE_NAME] },
    context: { ...PROJECT_APP_CONTEXT },
  };
}

/** Build output only: the vendored toolkit tarball (`vendor/*.tgz`) and package-lock.json are committed. */
export const REPO_GITIGNORE: readonly string[] = ['node_modules/', 'cdk.out/', '.cdk.staging/', 'coverage/', '*.tsbuildinfo'];
