import { EndpointsOptions, ReleaseOptions, ResolvedEndpoint, ResolvedRelease, hasAlarms, resolveEndpoint, resolveRelease } from './endpoint-config';
import { checkObject } from './config-checks';
import { ConfigError } from './errors';
import { JobKind, checkInstanceTypeFor } from './instance-types';
import { MlflowOptions, MlflowTrackingServerOptions, ResolvedMlflow, resolveMlflow } from './mlflow-config';
import { ToolkitSourceOptions, resolveToolkitSource } from './toolkit-source';
import {
  checkAccount, checkBranch, checkCodeCommitRepository, checkConnectionArn, checkFraction,
  checkModelPackageGroupName, checkProjectName, checkRegion, checkRepository,
} from './validators';

export * from './mlflow-config';

/** Where one stage of the project runs. */
export interface EnvironmentOptions {
  /**
   * The 12-digit AWS account id.
   * @default - the build environment's account; for the build environment itself, the account
   * of the credentials that deploy the stacks (environment-agnostic)
   */
  readonly account?: string;
  /**
   * The AWS region.
   * @default - the build environment's region, which defaults to the project's `region`
   */
  readonly region?: string;
}

/** The build, staging and production environments. */
export interface ProjectEnvironmentsOptions {
  /**
   * Where the model-build pipeline, the SageMaker pipeline, the model registry and the
   * model-deploy pipeline live.
   * @default - the project's `region`, the deploying credentials' account
   */
  readonly build?: EnvironmentOptions;
  /**
   * Where the staging endpoint runs.
   * @default - the build environment
   */
  readonly staging?: EnvironmentOptions;
  /**
   * Where the production endpoint runs.
   * @default - the build environment
   */
  readonly prod?: EnvironmentOptions;
}

/**
 * Where one repository's code comes from: either an AWS CodeConnections connection
 * (GitHub, GitLab, Bitbucket) with `connectionArn` and `repository`, or an AWS CodeCommit
 * repository with `codeCommitRepository`. Never both.
 */
export interface RepositorySourceOptions {
  /**
   * ARN of the CodeConnections connection, in either form
   * (`arn:aws:codeconnections:…` or `arn:aws:codestar-connections:…`).
   * @default - none; required unless `codeCommitRepository` is given
   */
  readonly connectionArn?: string;
  /**
   * The repository behind the connection, as `owner/name`.
   * @default - none; required with `connectionArn`
   */
  readonly repository?: string;
  /**
   * Name of a CodeCommit repository in the build account and region.
   * @default - none: the source is a CodeConnections connection
   */
  readonly codeCommitRepository?: string;
  /**
   * The branch whose commits run the pipeline.
   * @default "main"
   */
  readonly branch?: string;
}

/** The source of both generated repositories. */
export interface ProjectSourceOptions {
  /** Source of the model-build repository. */
  readonly modelBuild: RepositorySourceOptions;
  /** Source of the model-deploy repository. */
  readonly modelDeploy: RepositorySourceOptions;
}

/** SageMaker instance types (each must start with `ml.`). */
export interface InstanceTypeOptions {
  /**
   * Instance type of the processing steps (preprocessing, evaluation).
   * @default "ml.m5.large"
   */
  readonly processing?: string;
  /**
   * Instance type of the training step.
   * @default "ml.m5.xlarge"
   */
  readonly training?: string;
  /**
   * Instance type registered with the model for real-time inference.
   * @default "ml.m5.large"
   */
  readonly inference?: string;
  /**
   * Instance type registered with the model for batch transform.
   * @default "ml.m5.large"
   */
  readonly transform?: string;
}

/** What describes one SageMaker MLOps project. */
export interface ProjectOptions {
  /**
   * The SageMaker project name: it names the stacks, the pipelines and the endpoints.
   * Must match `^[a-zA-Z](-*[a-zA-Z0-9])*$` and be at most 32 characters.
   */
  readonly projectName: string;
  /** The AWS region of the project (the build environment's region unless it names another). */
  readonly region: string;
  /**
   * Account and region of the build, staging and production environments.
   * @default - all three in the project's region and in one account
   */
  readonly environments?: ProjectEnvironmentsOptions;
  /** Where the code of the model-build and the model-deploy repositories comes from. */
  readonly source: ProjectSourceOptions;
  /**
   * Name of the SageMaker model package group that model-build registers into and model-deploy deploys from.
   * @default - the project name
   */
  readonly modelPackageGroupName?: string;
  /**
   * Instance types of the pipeline steps and of the registered model.
   * @default - see each field
   */
  readonly instanceTypes?: InstanceTypeOptions;
  /**
   * The quality gate: the minimum test AUC (0..1) a model needs to be registered.
   * @default 0.75
   */
  readonly qualityThreshold?: number;
  /**
   * MLflow tracking of every pipeline step and of the drift check: `{}` creates a serverless MLflow
   * App (no additional cost), `{ trackingServer: {} }` a tracking server (billed per hour while it
   * runs), `{ arn, artifactStoreUri }` uses an existing one. See {@link MlflowOptions}.
   * @default - no MLflow tracking
   */
  readonly mlflow?: MlflowOptions;
  /**
   * ARN of an existing tracking server. It names no artifact store, so the role gets no S3 access to it.
   * @deprecated use mlflow.arn (with mlflow.artifactStoreUri)
   */
  readonly mlflowTrackingServerArn?: string;
  /**
   * Create a tracking server.
   * @deprecated use mlflow.trackingServer
   */
  readonly mlflowTrackingServer?: MlflowTrackingServerOptions;
  /**
   * How the staging and production endpoints serve the model.
   * @default - staging serverless; production real-time with autoscaling, data capture,
   * canary deployment guardrails and a daily drift check
   */
  readonly endpoints?: EndpointsOptions;
  /**
   * The release from staging to production: the live test's latency budget and the reviewers.
   * @default - a 1000 ms p95 budget, no reviewer emails
   */
  readonly release?: ReleaseOptions;
  /**
   * Where the generated repositories install sagemaker-gitops from, when not vendored.
   * @default - vendored: each repository commits the toolkit as `vendor/sagemaker-gitops-<version>.tgz`
   */
  readonly toolkit?: ToolkitSourceOptions;
}

export interface ResolvedEnvironment {
  /** Undefined: the account of the credentials that deploy (environment-agnostic). */
  readonly account?: string;
  readonly region: string;
}

export interface ResolvedRepositorySource {
  readonly connectionArn?: string;
  readonly repository?: string;
  readonly codeCommitRepository?: string;
  readonly branch: string;
}

export interface ResolvedInstanceTypes {
  readonly processing: string;
  readonly training: string;
  readonly inference: string;
  readonly transform: string;
}

/**
 * A project with every default filled in: what the generated repositories' config file holds.
 * Resolving a resolved config again gives the same config.
 */
export interface ProjectConfig {
  readonly projectName: string;
  readonly region: string;
  readonly environments: {
    readonly build: ResolvedEnvironment;
    readonly staging: ResolvedEnvironment;
    readonly prod: ResolvedEnvironment;
  };
  readonly source: {
    readonly modelBuild: ResolvedRepositorySource;
    readonly modelDeploy: ResolvedRepositorySource;
  };
  readonly modelPackageGroupName: string;
  readonly instanceTypes: ResolvedInstanceTypes;
  readonly qualityThreshold: number;
  /** The MLflow backend; absent when MLflow is off. */
  readonly mlflow?: ResolvedMlflow;
  readonly endpoints: { readonly staging: ResolvedEndpoint; readonly prod: ResolvedEndpoint };
  readonly release: ResolvedRelease;
  /** The toolkit's registry source; absent when the repositories vendor it. */
  readonly toolkit?: ToolkitSourceOptions;
}

export const DEFAULT_INSTANCE_TYPES: ResolvedInstanceTypes = {
  processing: 'ml.m5.large',
  training: 'ml.m5.xlarge',
  inference: 'ml.m5.large',
  transform: 'ml.m5.large',
};
export const DEFAULT_QUALITY_THRESHOLD = 0.75;
export const DEFAULT_BRANCH = 'main';

const PROJECT_KEYS = ['projectName', 'region', 'environments', 'source', 'modelPackageGroupName', 'instanceTypes', 'qualityThreshold', 'mlflow', 'mlflowTrackingServerArn', 'mlflowTrackingServer', 'endpoints', 'release', 'toolkit'];

/**
 * Checks every option and fills in the defaults. Throws a {@link ConfigError} that names the
 * first option that is not allowed, its value and what is allowed.
 */
export function resolveProjectConfig(options: ProjectOptions): ProjectConfig {
  checkObject('options', options, PROJECT_KEYS);
  checkProjectName('projectName', options.projectName);
  checkRegion('region', options.region);

  const environments = resolveEnvironments(options);
  const modelPackageGroupName = options.modelPackageGroupName ?? options.projectName;
  checkModelPackageGroupName('modelPackageGroupName', modelPackageGroupName);

  checkObject('source', options.source, ['modelBuild', 'modelDeploy']);
  const source = {
    modelBuild: resolveSource('source.modelBuild', options.source.modelBuild),
    modelDeploy: resolveSource('source.modelDeploy', options.source.modelDeploy),
  };

  checkObject('instanceTypes', options.instanceTypes ?? {}, Object.keys(DEFAULT_INSTANCE_TYPES));
  const instanceTypes: ResolvedInstanceTypes = { ...DEFAULT_INSTANCE_TYPES, ...options.instanceTypes };
  for (const [kind, type] of Object.entries(instanceTypes)) {
    checkInstanceTypeFor(`instanceTypes.${kind}`, kind as JobKind, type);
  }

  const qualityThreshold = options.qualityThreshold ?? DEFAULT_QUALITY_THRESHOLD;
  checkFraction('qualityThreshold', qualityThreshold);

  const mlflow = resolveMlflow({
    ...options, buildRegion: { name: environments.build.region, option: options.environments?.build?.region !== undefined ? 'environments.build.region' : 'region' },
  });

  checkObject('endpoints', options.endpoints ?? {}, ['staging', 'prod']);
  const endpoints = {
    staging: resolveEndpoint('endpoints.staging', options.endpoints?.staging, 'staging'),
    prod: resolveEndpoint('endpoints.prod', options.endpoints?.prod, 'prod'),
  };
  const alerted = (['staging', 'prod'] as const)
    .filter((stage) => hasAlarms(endpoints[stage]))
    .map((stage) => ({ option: `endpoints.${stage}`, region: environments[stage].region }));
  const release = resolveRelease('release', options.release, alerted);
  const toolkit = resolveToolkitSource('toolkit', options.toolkit);

  return {
    projectName: options.projectName,
    region: options.region,
    environments,
    source,
    modelPackageGroupName,
    instanceTypes,
    qualityThreshold,
    ...(mlflow !== undefined ? { mlflow } : {}),
    endpoints,
    release,
    ...(toolkit !== undefined ? { toolkit } : {}),
  };
}

function resolveEnvironments(options: ProjectOptions): ProjectConfig['environments'] {
  const given = options.environments ?? {};
  checkObject('environments', given, ['build', 'staging', 'prod']);
  const build = resolveEnvironment('environments.build', given.build, { region: options.region });
  const staging = resolveEnvironment('environments.staging', given.staging, build);
  const prod = resolveEnvironment('environments.prod', given.prod, build);
  if (build.account === undefined) {
    for (const [stage, env] of [['staging', staging], ['prod', prod]] as const) {
      if (env.account !== undefined) {
        throw new ConfigError(
          `environments.${stage}.account is ${JSON.stringify(env.account)} but environments.build.account is not set: ` +
          'name the build account too when a stage runs in an account of its own',
        );
      }
    }
  }
  return { build, staging, prod };
}

function resolveEnvironment(option: string, given: EnvironmentOptions | undefined, defaults: ResolvedEnvironment): ResolvedEnvironment {
  checkObject(option, given ?? {}, ['account', 'region']);
  const account = given?.account ?? defaults.account;
  const region = given?.region ?? defaults.region;
  if (account !== undefined) {
    checkAccount(`${option}.account`, account);
  }
  checkRegion(`${option}.region`, region);
  return account !== undefined ? { account, region } : { region };
}

function resolveSource(option: string, given: RepositorySourceOptions | undefined): ResolvedRepositorySource {
  if (given === undefined || given === null) {
    throw new ConfigError(`${option} is required: give either connectionArn and repository (CodeConnections) or codeCommitRepository`);
  }
  checkObject(option, given, ['connectionArn', 'repository', 'codeCommitRepository', 'branch']);
  const branch = given.branch ?? DEFAULT_BRANCH;
  checkBranch(`${option}.branch`, branch);

  if (given.codeCommitRepository !== undefined) {
    if (given.connectionArn !== undefined || given.repository !== undefined) {
      const other = given.connectionArn !== undefined ? 'connectionArn' : 'repository';
      throw new ConfigError(
        `${option} gives both codeCommitRepository (${JSON.stringify(given.codeCommitRepository)}) and ${other} ` +
        `(${JSON.stringify(given[other])}): a repository comes either from CodeCommit or from a CodeConnections connection, not both`,
      );
    }
    checkCodeCommitRepository(`${option}.codeCommitRepository`, given.codeCommitRepository);
    return { codeCommitRepository: given.codeCommitRepository, branch };
  }
  if (given.connectionArn === undefined) {
    throw new ConfigError(`${option}.connectionArn is required (or give codeCommitRepository for a CodeCommit source)`);
  }
  checkConnectionArn(`${option}.connectionArn`, given.connectionArn);
  if (given.repository === undefined) {
    throw new ConfigError(`${option}.repository is required with a connection: the repository as owner/name`);
  }
  checkRepository(`${option}.repository`, given.repository);
  return { connectionArn: given.connectionArn, repository: given.repository, branch };
}

