import { checkObject } from './config-checks';
import { ConfigError } from './errors';
import { checkAccount, checkRegion } from './validators';

/** The package name the generated repositories depend on (src/app-context/versions.ts's LIBRARY_NAME). */
const TOOLKIT_PACKAGE = 'sagemaker-gitops';

/** A private AWS CodeArtifact repository that serves the toolkit. */
export interface CodeArtifactRepositoryOptions {
  /** The CodeArtifact domain. */
  readonly domain: string;
  /** The 12-digit id of the account that owns the domain. */
  readonly domainOwner: string;
  /** The repository in that domain. */
  readonly repository: string;
  /** The domain's region. */
  readonly region: string;
}

/** Where the generated repositories install the toolkit from, when not vendored. */
export interface ToolkitSourceOptions {
  /**
   * The toolkit in a registry, as npm takes it after `sagemaker-gitops@`: a published version, a
   * range or a dist-tag (`0.2.0`, `^0.2.0`); package-lock.json then pins the version it resolves to.
   */
  readonly spec: string;
  /**
   * The private CodeArtifact repository that serves it: the generated README's install command
   * and the pipelines' synth step log in to it first (`aws codeartifact login --tool npm`), and
   * the synth step's role may read it.
   * @default - the registry npm is configured with
   */
  readonly codeArtifact?: CodeArtifactRepositoryOptions;
}

/** The spec types npm-package-arg gives a registry dependency. */
const REGISTRY_SPEC_TYPES = new Set(['version', 'range', 'tag']);

/**
 * CodeArtifact's name rules (API reference, CreateDomain `domain` and CreateRepository
 * `repository`): a domain is 2-50 lowercase letters, digits and inner hyphens; a repository 2-100
 * letters, digits, dots, underscores and hyphens, not starting with one of the last three.
 */
const DOMAIN_PATTERN = /^[a-z][a-z0-9-]{0,48}[a-z0-9]$/;
const REPOSITORY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{1,99}$/;

/** Checks a toolkit source option; `undefined` (the toolkit vendored) stays undefined. */
export function resolveToolkitSource(option: string, value: ToolkitSourceOptions | undefined): ToolkitSourceOptions | undefined {
  if (value === undefined) {
    return undefined;
  }
  checkObject(option, value, ['spec', 'codeArtifact']);
  checkSpec(`${option}.spec`, value.spec);
  if (value.codeArtifact === undefined) {
    return { spec: value.spec };
  }
  const where = `${option}.codeArtifact`;
  checkObject(where, value.codeArtifact, ['domain', 'domainOwner', 'repository', 'region']);
  const { domain, domainOwner, repository, region } = value.codeArtifact;
  if (typeof domain !== 'string' || !DOMAIN_PATTERN.test(domain)) {
    throw new ConfigError(`${where}.domain must be a CodeArtifact domain name (2-50 lowercase letters, digits or inner hyphens, ${DOMAIN_PATTERN.source}), got ${JSON.stringify(domain)}`);
  }
  checkAccount(`${where}.domainOwner`, domainOwner);
  if (typeof repository !== 'string' || !REPOSITORY_PATTERN.test(repository)) {
    throw new ConfigError(`${where}.repository must be a CodeArtifact repository name (2-100 letters, digits, dots, underscores or hyphens, ${REPOSITORY_PATTERN.source}), got ${JSON.stringify(repository)}`);
  }
  checkRegion(`${where}.region`, region);
  return { spec: value.spec, codeArtifact: { domain, domainOwner, repository, region } };
}

function checkSpec(option: string, spec: unknown): void {
  const allowed = `a version, range or dist-tag of ${TOOLKIT_PACKAGE} in a registry, such as "0.2.0" or "^0.2.0"`;
  if (typeof spec !== 'string' || spec.trim() === '') {
    throw new ConfigError(`${option} must be ${allowed}, got ${JSON.stringify(spec)}`);
  }
  // Loaded here: the CDK apps read the config file, and only a registry source needs it.
  const npa: typeof import('npm-package-arg') = require('npm-package-arg');
  let type: string;
  try {
    type = npa(`${TOOLKIT_PACKAGE}@${spec}`).type;
  } catch (err) {
    throw new ConfigError(`${option} must be ${allowed}, got ${JSON.stringify(spec)}: ${(err as Error).message}`);
  }
  if (!REGISTRY_SPEC_TYPES.has(type)) {
    throw new ConfigError(`${option} must be ${allowed}, got ${JSON.stringify(spec)} (npm reads it as a spec of type ${type}; leave the option out to vendor the toolkit)`);
  }
}

/** The command that logs npm in to a CodeArtifact repository (CodeArtifact user guide, "Configure and use npm with CodeArtifact"). */
export function codeArtifactLoginCommand(repo: CodeArtifactRepositoryOptions): string {
  return `aws codeartifact login --tool npm --domain ${repo.domain} --domain-owner ${repo.domainOwner} --repository ${repo.repository} --region ${repo.region}`;
}
