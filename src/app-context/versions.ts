/**
 * The version of this package. The root project writes it into package.json and the
 * generated repositories depend on `^LIBRARY_VERSION`, so both always agree.
 */
export const LIBRARY_VERSION = '0.1.0';
export const LIBRARY_NAME = 'sagemaker-gitops';

/**
 * The one set of tool versions of the whole toolkit: the sagemaker-gitops package is built
 * and tested with these, and the generated repositories are given the same, so a synth there
 * runs on the very aws-cdk-lib, CDK CLI and TypeScript the library was tested with.
 */
export const TOOL_VERSIONS = {
  /** Pinned: exactly one aws-cdk-lib in any synth. */
  'aws-cdk-lib': '2.276.0',
  'constructs': '^10.5.1',
  /** The `latest` tag (3.0.0) is an old build that rejects cloud-assembly schema 55. */
  'aws-cdk': '^2.1148.1',
  /** 7.x has no JS API: ts-node and ts-jest break. */
  'typescript': '~5.9.3',
  'tsx': '^4.23.0',
  /**
   * 29, not 30: jest 30 resolves modules with unrs-resolver, whose per-platform optional
   * packages are not all on every registry mirror; a lock file missing them fails `npm ci`.
   */
  'jest': '^29',
  'ts-jest': '^29',
  '@types/jest': '^29',
  '@types/node': '^20',
} as const;

/**
 * The validation plugins every synth runs (src/validation/app-validations.ts). They are
 * dependencies of the sagemaker-gitops package itself, so a generated repository, whose app
 * calls `addProjectValidations` through the library, gets exactly these through it.
 */
export const VALIDATION_PLUGIN_VERSIONS = {
  'cdk-nag': '^3.0.2',
  /**
   * AWS Control Tower's proactive controls, run by the cfn-guard binary the package ships (no
   * download at install or synth). Exact: 0.0.x releases may change the rule set.
   */
  '@cdklabs/cdk-validator-cfnguard': '0.0.62',
} as const;

/**
 * npm's libraries that vendor the toolkit into a generated repository: npm-packlist (the files
 * `npm pack` packs), tar (the tarball, written as pacote writes it), ssri (its integrity, as the
 * lock file records it) and npm-package-arg (registry specs). The majors npm 11 bundles; their
 * next majors need Node.js 22.
 */
export const PACKING_LIBRARY_VERSIONS = {
  'npm-packlist': '^10.0.4',
  'tar': '^7.5.22',
  'ssri': '^13.0.1',
  'npm-package-arg': '^13.0.2',
} as const;

/** The oldest Node.js the toolkit and the generated repositories support. */
export const MIN_NODE_VERSION = '20.0.0';

/**
 * The Node.js major version the pipelines' CodeBuild projects run (`runtime-versions`), on the
 * standard Ubuntu 7.0 image, which offers 18, 20, 22 and 24 (aws-codebuild-docker-images,
 * ubuntu/standard/7.0/runtimes.yml at 1590e48787084015430500926ea922130dbe9367). Node.js 20 left
 * maintenance in April 2026, and the AWS SDK for JavaScript v3 warns on it at every client it
 * builds that its versions from January 2027 need Node.js 22 or newer.
 */
export const CODEBUILD_NODE_VERSION = '22';

/** Version specs of what a generated repository depends on. */
export interface GeneratedRepoVersions {
  readonly dependencies: Record<string, string>;
  readonly devDependencies: Record<string, string>;
  readonly node: string;
}

/**
 * The dependencies of a generated repository.
 *
 * @param librarySpec the spec of sagemaker-gitops itself (`file:vendor/...` when vendored); `^LIBRARY_VERSION` by default
 */
export function generatedRepoVersions(librarySpec?: string): GeneratedRepoVersions {
  const { 'aws-cdk-lib': cdkLib, constructs, ...devDependencies } = TOOL_VERSIONS;
  return {
    dependencies: { [LIBRARY_NAME]: librarySpec ?? `^${LIBRARY_VERSION}`, 'aws-cdk-lib': cdkLib, constructs },
    devDependencies,
    node: `>= ${MIN_NODE_VERSION}`,
  };
}

/**
 * The cdk-assets version the pipelines' Assets stage installs (`npm install -g cdk-assets@<this>`), in place of
 * CDK Pipelines' default, the `latest` tag. cdk-assets refuses an asset manifest whose cloud-assembly schema is newer
 * than the one it reads; 4.x bundles its copy of the schema package, and the newest 4.x the registry serves (4.7.3)
 * reads schema 54, while aws-cdk-lib 2.276 writes 55, so every Assets action would fail (the failure of aws/aws-cdk
 * issue 32744). 3.3.1 takes `@aws-cdk/cloud-assembly-schema` as `>=44.5.0`, so its install gets the newest schema
 * there is. test/integration/asset-publishing.test.ts installs this version and runs both pipelines' Assets
 * commands against a local S3.
 */
export const CDK_ASSETS_VERSION = '3.3.1';
