import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../aws';
import { ConfigError, PLACEHOLDER_CONNECTION_ARN, checkProjectName, checkRegion, resolveProjectConfig } from '../config';
import { supportedImageRegions } from '../images';
import { LIBRARY_NAME, MIN_NODE_VERSION, TOOL_VERSIONS } from '../app-context/versions';

/** What `init` needs to write a new projen project. */
export interface NewProjectSpec {
  /** The SageMaker project's name (MlopsProject `projectName`). */
  readonly projectName: string;
  /** The project's AWS region. */
  readonly region: string;
  /** The vendored toolkit's tarball, relative to the new project (`vendor/sagemaker-gitops-<version>.tgz`). */
  readonly tarball: string;
  /** The projen version the toolkit is built with. */
  readonly projenVersion: string;
}

/** The folder of the new project that holds the vendored toolkit. */
export const INIT_VENDOR_DIR = 'vendor';

/** The folders MlopsProject generates by default. */
export const INIT_REPO_DIRS = ['model-build', 'model-deploy'] as const;

/** Entries of a folder that do not make it "non-empty" for `init`: a fresh `git init` leaves `.git`. */
const IGNORED_ENTRIES: ReadonlySet<string> = new Set(['.git']);

/**
 * Checks a project name and region as `.projenrc.ts` will (MlopsProject's own rules), and that
 * SageMaker publishes the images the pipelines use in the region.
 *
 * @param nameSource how to name the name in an error: `--name`, or the folder it was taken from
 * @throws ConfigError naming the option, the value and what is allowed
 */
export function checkNewProject(projectName: string, nameSource: string, region: string): void {
  checkProjectName(nameSource, projectName);
  checkRegion('--region', region);
  for (const framework of ['sklearn', 'xgboost'] as const) {
    const regions = supportedImageRegions(framework);
    if (!regions.includes(region)) {
      throw new ConfigError(`--region must be a region where SageMaker publishes the ${framework} image the pipelines use, got ${JSON.stringify(region)}; supported: ${regions.join(', ')}`);
    }
  }
  // The very options the rendered .projenrc.ts passes, so it cannot fail on them later.
  resolveProjectConfig(mlopsOptions(projectName, region));
}

function mlopsOptions(projectName: string, region: string) {
  return {
    projectName,
    region,
    source: {
      modelBuild: { connectionArn: PLACEHOLDER_CONNECTION_ARN, repository: `example-org/${projectName}-model-build` },
      modelDeploy: { connectionArn: PLACEHOLDER_CONNECTION_ARN, repository: `example-org/${projectName}-model-deploy` },
    },
  };
}

/**
 * The paths, relative to the new project, that `init` writes or that `npm install` and
 * `npx projen` then write or rewrite (projen's managed files, listed in `.projen/files.json`, the
 * generated repositories, the lock file). A folder stands for everything in it. README.md is
 * not here: projen writes it only when it is missing.
 */
export function initPaths(tarball: string): string[] {
  return [
    '.projenrc.ts', 'package.json', 'package-lock.json', '.projen', tarball,
    '.gitignore', '.gitattributes', '.npmignore', 'tsconfig.json', 'projenrc/tsconfig.json', 'test/tsconfig.json',
    ...INIT_REPO_DIRS,
  ];
}

/**
 * Checks the folder `init` writes into, before anything is written.
 *
 * @throws UsageError (exit 2) when it is a file; when it is not empty (entries other than `.git`) and
 * `force` is not set; with `force`, when any path `init` or projen would write exists there,
 * naming each of them
 */
export function checkTargetDir(dir: string, tarball: string, force: boolean): void {
  if (!fs.existsSync(dir)) {
    return;
  }
  if (!fs.statSync(dir).isDirectory()) {
    throw new UsageError(`${dir} is a file, not a folder: give the folder to create the project in`);
  }
  const entries = fs.readdirSync(dir).filter((entry) => !IGNORED_ENTRIES.has(entry)).sort();
  if (entries.length === 0) {
    return;
  }
  if (!force) {
    const shown = entries.slice(0, 10).join(', ') + (entries.length > 10 ? `, and ${entries.length - 10} more` : '');
    throw new UsageError(`${dir} is not empty (${shown}): choose a new or empty folder, or pass --force to add the project beside these files (none is ever overwritten)`);
  }
  const conflicts = initPaths(tarball).filter((entry) => fs.existsSync(path.join(dir, entry)));
  if (conflicts.length > 0) {
    throw new UsageError(`${dir} already has ${conflicts.join(', ')}, which init or projen would write: nothing was written; move them away or choose another folder`);
  }
}

/** The files `init` writes, by path relative to the new project; the tarball is written apart. */
export function renderInitFiles(spec: NewProjectSpec): Record<string, string> {
  return {
    '.projenrc.ts': renderProjenrc(spec),
    'package.json': json(bootstrapPackageJson(spec)),
    // The `default` task projen runs on `npx projen`: the first run rewrites this file with the rest.
    '.projen/tasks.json': json({ tasks: { default: { name: 'default', description: 'Synthesize project files', steps: [{ exec: 'tsx .projenrc.ts' }] } } }),
  };
}

/**
 * Just enough package.json for `npm install` to install what `.projenrc.ts` imports: projen, the
 * vendored toolkit, aws-cdk-lib and constructs (its peers), TypeScript and tsx (which runs it).
 * The first `npx projen` replaces it with the full, managed one.
 */
function bootstrapPackageJson(spec: NewProjectSpec): Record<string, unknown> {
  return {
    name: spec.projectName.toLowerCase(),
    private: true,
    devDependencies: {
      'projen': spec.projenVersion,
      [LIBRARY_NAME]: `file:${spec.tarball}`,
      'aws-cdk-lib': TOOL_VERSIONS['aws-cdk-lib'],
      'constructs': TOOL_VERSIONS.constructs,
      'tsx': TOOL_VERSIONS.tsx,
      'typescript': TOOL_VERSIONS.typescript,
    },
    engines: { node: `>= ${MIN_NODE_VERSION}` },
  };
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** The new project's `.projenrc.ts`: a complete, working declaration of the project. */
export function renderProjenrc(spec: NewProjectSpec): string {
  const { projectName, region, tarball, projenVersion } = spec;
  const q = (value: string) => `'${value}'`;
  return `import { javascript, typescript } from 'projen';
import { PLACEHOLDER_CONNECTION_ARN } from '${LIBRARY_NAME}/lib/config';
import { MlopsProject, TOOL_VERSIONS } from '${LIBRARY_NAME}/lib/project';

const project = new typescript.TypeScriptProject({
  name: ${q(projectName.toLowerCase())},
  defaultReleaseBranch: 'main',
  // npm, explicitly: projen's default (yarn) fails where yarn is not installed.
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  projenVersion: ${q(projenVersion)},
  typescriptVersion: TOOL_VERSIONS.typescript,
  minNodeVersion: ${q(MIN_NODE_VERSION)},
  // \`npx projen\` runs this file with tsx: no type-check on every run (\`npx projen build\` does it).
  projenrcTsOptions: { runner: typescript.TypeScriptRunner.tsx() },
  github: false,
  release: false,
  eslint: false,
  jest: false,
  sampleCode: false,
  licensed: false,
  devDeps: [
    // ${LIBRARY_NAME}, vendored. To upgrade: replace the tarball in ${INIT_VENDOR_DIR}/, change this path, then
    // \`npx projen --no-post && npm install && npx projen\` (the last run generates with the new version).
    '${LIBRARY_NAME}@file:${tarball}',
    // The generated repositories' tools, so this one install serves them too.
    ...Object.entries(TOOL_VERSIONS).map(([name, version]) => \`\${name}@\${version}\`),
  ],
});
project.package.addField('private', true);
project.gitignore.include('/${INIT_VENDOR_DIR}/*.tgz');
project.gitignore.exclude('cdk.out/');

// PLACEHOLDER_CONNECTION_ARN names no real connection: replace it with the ARN of your own
// AWS CodeConnections connection (and the repositories with yours) before deploying.
const mlops = new MlopsProject(project, {
  projectName: ${q(projectName)},
  region: ${q(region)},
  source: {
    modelBuild: { connectionArn: PLACEHOLDER_CONNECTION_ARN, repository: ${q(`example-org/${projectName}-model-build`)} },
    modelDeploy: { connectionArn: PLACEHOLDER_CONNECTION_ARN, repository: ${q(`example-org/${projectName}-model-deploy`)} },
  },
  // Every pipeline step and the drift check log to a serverless MLflow App the model-build stack
  // creates (no additional cost while idle). Other backends: see MlflowOptions; without this option
  // nothing is logged.
  mlflow: {},
});

// \`npx projen build\`: type-checks this file, then type-checks, tests and synthesizes each repository.
project.compileTask.reset('tsc --noEmit -p projenrc/tsconfig.json');
project.packageTask.reset();
for (const repo of [mlops.modelBuild.dir, mlops.modelDeploy.dir]) {
  project.testTask.exec(\`npm --prefix \${repo} run build && npm --prefix \${repo} test && npm --prefix \${repo} run synth\`);
}

project.synth();
`;
}
