import { Tags } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ConfigError, ProjectConfig, ResolvedEnvironment, resolveProjectConfig } from '../config';

/** The tag SageMaker Projects reads to list a resource under a project: the project's name. */
export const SAGEMAKER_PROJECT_NAME_TAG = 'sagemaker:project-name';
/** The tag SageMaker Projects reads to list a resource under a project: the project's id. */
export const SAGEMAKER_PROJECT_ID_TAG = 'sagemaker:project-id';

/** SageMaker's pattern for project ids (`p-` and twelve characters when SageMaker generates one). */
export const SAGEMAKER_PROJECT_ID_PATTERN = /^[a-zA-Z0-9](-*[a-zA-Z0-9])*$/;
/** SageMaker limits project ids to 20 characters. */
export const SAGEMAKER_PROJECT_ID_MAX_LENGTH = 20;

/**
 * A SageMaker project launched from the Studio project template, as its bootstrap build passes
 * it to the model-build and model-deploy apps: the launch's name, id, repositories and accounts
 * replace the ones of the repositories' config file, so the stacks and pipelines the apps deploy
 * carry the names SageMaker knows the project by.
 */
export interface StudioProject {
  /** The SageMaker project name (the template's `SageMakerProjectName`). */
  readonly projectName: string;
  /** The SageMaker project id (the template's `SageMakerProjectId`). */
  readonly projectId: string;
  /** The region the project was launched in: the build environment's region. */
  readonly region: string;
  /** The account the project was launched in: the build environment's account. */
  readonly buildAccount: string;
  /** The CodeConnections connection both repositories come through. */
  readonly connectionArn: string;
  /** The model-build repository (`owner/name`) and branch. */
  readonly modelBuild: { readonly repository: string; readonly branch: string };
  /** The model-deploy repository (`owner/name`) and branch. */
  readonly modelDeploy: { readonly repository: string; readonly branch: string };
  /**
   * The staging account.
   * @default - the config file's staging account, if any
   */
  readonly stagingAccount?: string;
  /**
   * The production account.
   * @default - the config file's production account, if any
   */
  readonly prodAccount?: string;
}

/** The CDK context keys that carry a {@link StudioProject}, one plain string each. */
export const STUDIO_CONTEXT_KEYS = {
  projectName: 'sagemaker-gitops:studio:project-name',
  projectId: 'sagemaker-gitops:studio:project-id',
  region: 'sagemaker-gitops:studio:region',
  buildAccount: 'sagemaker-gitops:studio:build-account',
  connectionArn: 'sagemaker-gitops:studio:connection-arn',
  modelBuildRepository: 'sagemaker-gitops:studio:model-build-repository',
  modelBuildBranch: 'sagemaker-gitops:studio:model-build-branch',
  modelDeployRepository: 'sagemaker-gitops:studio:model-deploy-repository',
  modelDeployBranch: 'sagemaker-gitops:studio:model-deploy-branch',
  stagingAccount: 'sagemaker-gitops:studio:staging-account',
  prodAccount: 'sagemaker-gitops:studio:prod-account',
} as const;

type StudioContextField = keyof typeof STUDIO_CONTEXT_KEYS;
const OPTIONAL_FIELDS: ReadonlySet<StudioContextField> = new Set(['stagingAccount', 'prodAccount']);

/** The model package group of a Studio project: `<name>-<id>`, as SageMaker's own templates name it. */
export function studioModelPackageGroupName(projectName: string, projectId: string): string {
  return `${projectName}-${projectId}`;
}

/** The context values of a Studio project, by key (optional accounts only when set). */
export function studioProjectContext(project: StudioProject): Record<string, string> {
  const values: Record<StudioContextField, string | undefined> = {
    projectName: project.projectName,
    projectId: project.projectId,
    region: project.region,
    buildAccount: project.buildAccount,
    connectionArn: project.connectionArn,
    modelBuildRepository: project.modelBuild.repository,
    modelBuildBranch: project.modelBuild.branch,
    modelDeployRepository: project.modelDeploy.repository,
    modelDeployBranch: project.modelDeploy.branch,
    stagingAccount: project.stagingAccount,
    prodAccount: project.prodAccount,
  };
  return Object.fromEntries(Object.entries(values)
    .filter((entry): entry is [StudioContextField, string] => entry[1] !== undefined)
    .map(([field, value]) => [STUDIO_CONTEXT_KEYS[field], value]));
}

/**
 * The `cdk` arguments (`-c key=value` pairs, each value shell-quoted) that pass a Studio project
 * on: a pipeline's synth step adds them so that every later synth keeps the launch's names.
 */
export function studioContextArguments(project: StudioProject): string[] {
  return Object.entries(studioProjectContext(project)).flatMap(([key, value]) => ['-c', shellQuote(`${key}=${value}`)]);
}

/**
 * Reads a Studio project from the CDK context of `scope`. No project-name key: not launched from
 * Studio, `undefined`. A project-name key without the other required keys, or a project id that
 * SageMaker would not generate, is a {@link ConfigError} naming the key.
 */
export function studioProjectFromContext(scope: IConstruct): StudioProject | undefined {
  const read = (field: StudioContextField): string | undefined => {
    const value: unknown = scope.node.tryGetContext(STUDIO_CONTEXT_KEYS[field]);
    if (value === undefined || value === '') {
      return undefined;
    }
    if (typeof value !== 'string') {
      throw new ConfigError(`the context ${STUDIO_CONTEXT_KEYS[field]} must be a string, got ${JSON.stringify(value)}`);
    }
    return value;
  };
  if (read('projectName') === undefined) {
    return undefined;
  }
  const missing = (Object.keys(STUDIO_CONTEXT_KEYS) as StudioContextField[]).filter((field) => !OPTIONAL_FIELDS.has(field) && read(field) === undefined);
  if (missing.length > 0) {
    throw new ConfigError(
      `the context sets ${STUDIO_CONTEXT_KEYS.projectName} but not ${missing.map((field) => STUDIO_CONTEXT_KEYS[field]).join(', ')}: ` +
      'a Studio project needs every one of them (the project template\'s bootstrap build passes them all)',
    );
  }
  const projectId = read('projectId')!;
  if (!SAGEMAKER_PROJECT_ID_PATTERN.test(projectId) || projectId.length > SAGEMAKER_PROJECT_ID_MAX_LENGTH) {
    throw new ConfigError(
      `${STUDIO_CONTEXT_KEYS.projectId} must be a SageMaker project id of 1 to ${SAGEMAKER_PROJECT_ID_MAX_LENGTH} letters, digits and inner hyphens ` +
      `(${SAGEMAKER_PROJECT_ID_PATTERN.source}), got ${JSON.stringify(projectId)}`,
    );
  }
  return {
    projectName: read('projectName')!,
    projectId,
    region: read('region')!,
    buildAccount: read('buildAccount')!,
    connectionArn: read('connectionArn')!,
    modelBuild: { repository: read('modelBuildRepository')!, branch: read('modelBuildBranch')! },
    modelDeploy: { repository: read('modelDeployRepository')!, branch: read('modelDeployBranch')! },
    ...definedAccount('stagingAccount', read('stagingAccount')),
    ...definedAccount('prodAccount', read('prodAccount')),
  };
}

/**
 * The project config of a Studio launch: the config file's options with the launch's project
 * name, model package group (`<name>-<id>`), sources, build account and region, and stage
 * accounts. A stage that ran in the config's build region follows the launch's region; a stage
 * in a region of its own keeps it. Every value is checked again as `.projenrc.ts` options are.
 *
 * @throws ConfigError naming the first value that is not allowed
 */
export function applyStudioProject(config: ProjectConfig, project: StudioProject): ProjectConfig {
  const { build, staging, prod } = config.environments;
  const stage = (env: ResolvedEnvironment, account: string | undefined): ResolvedEnvironment => {
    const region = env.region === build.region ? project.region : env.region;
    const stageAccount = account ?? (env.account === build.account ? project.buildAccount : env.account);
    return { account: stageAccount, region };
  };
  const stages = { staging: stage(staging, project.stagingAccount), prod: stage(prod, project.prodAccount) };
  checkStageAccountsNamed(stages, project);
  return resolveProjectConfig({
    ...config,
    projectName: project.projectName,
    region: project.region,
    modelPackageGroupName: studioModelPackageGroupName(project.projectName, project.projectId),
    environments: { build: { account: project.buildAccount, region: project.region }, ...stages },
    source: {
      modelBuild: { connectionArn: project.connectionArn, ...project.modelBuild },
      modelDeploy: { connectionArn: project.connectionArn, ...project.modelDeploy },
    },
  });
}

/**
 * For the apps of a project: when the CDK context carries a Studio project, tags every resource
 * of `app` with SageMaker's project tags and returns the config of that launch; otherwise returns
 * `config` unchanged.
 */
export function applyStudioProjectContext(app: IConstruct, config: ProjectConfig): ProjectConfig {
  const project = studioProjectFromContext(app);
  if (project === undefined) {
    return config;
  }
  Tags.of(app).add(SAGEMAKER_PROJECT_NAME_TAG, project.projectName);
  Tags.of(app).add(SAGEMAKER_PROJECT_ID_TAG, project.projectId);
  return applyStudioProject(config, project);
}

/** The `cdk` arguments of the Studio project in the context of `scope`; none outside a Studio launch. */
export function studioContextArgumentsOf(scope: IConstruct): string[] {
  const project = studioProjectFromContext(scope);
  return project === undefined ? [] : studioContextArguments(project);
}

function definedAccount(field: 'stagingAccount' | 'prodAccount', value: string | undefined): Partial<StudioProject> {
  return value === undefined ? {} : { [field]: value };
}

/** `value` in single quotes for a POSIX shell. */
function shellQuote(value: string): string {
  return `'${value.replace(/'/g, '\'\\\'\'')}'`;
}

/**
 * Throws unless every stage account that creates models from the group's versions is one the
 * launch named: the project template's group policy grants the accounts of its StagingAccountId
 * and ProdAccountId parameters only (SageMaker Developer Guide, "Deploy a Model Version from a
 * Different Account": the group's resource policy must allow the deploying account). A stage in
 * another region copies the version's files instead and needs no grant.
 */
function checkStageAccountsNamed(stages: { staging: ResolvedEnvironment; prod: ResolvedEnvironment }, project: StudioProject): void {
  const named = { staging: [project.stagingAccount, 'StagingAccountId'], prod: [project.prodAccount, 'ProdAccountId'] } as const;
  for (const name of ['staging', 'prod'] as const) {
    const { account, region } = stages[name];
    const [given, parameter] = named[name];
    if (given === undefined && account !== undefined && account !== project.buildAccount && region === project.region) {
      throw new ConfigError(
        `environments.${name}.account is ${account} in the repositories' config, but the Studio launch did not name it (${parameter}): `
        + `the launch's model package group lets only the accounts the launch names create models from its versions, so the ${name} deploy would be refused. `
        + `Launch the project with ${parameter}=${account}`,
      );
    }
  }
}
