import { checkObject } from './config-checks';
import { ConfigError } from './errors';
import { checkAccount, checkBranch, checkCodeCommitRepository, checkConnectionArn, checkRegion, checkRepository } from './validators';

export const DEFAULT_BRANCH = 'main';

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

/** The build, staging and production environments, resolved. */
export interface ResolvedEnvironments {
  readonly build: ResolvedEnvironment;
  readonly staging: ResolvedEnvironment;
  readonly prod: ResolvedEnvironment;
}

/** The three environments, each defaulting to the build environment, which defaults to `region`. */
export function resolveEnvironments(region: string, environments: ProjectEnvironmentsOptions | undefined): ResolvedEnvironments {
  const given = environments ?? {};
  checkObject('environments', given, ['build', 'staging', 'prod']);
  const build = resolveEnvironment('environments.build', given.build, { region });
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

/** One repository's source: a CodeConnections connection and repository, or a CodeCommit repository. */
export function resolveSource(option: string, given: RepositorySourceOptions | undefined): ResolvedRepositorySource {
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

