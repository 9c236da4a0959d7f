import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Command } from 'commander';
import { CliError } from '../aws';
import { ConfigError } from '../config';
import { toolkitPackageDir } from '../project/toolkit-package';
import { writeToolkitTarballs } from '../project/toolkit-tarball';
import { LIBRARY_NAME } from '../app-context/versions';
import { StackSummary, formatSummary, summarizeAssembly } from './assembly-summary';
import { INIT_REPO_DIRS, INIT_VENDOR_DIR, checkNewProject, checkTargetDir, renderInitFiles } from './init-files';
import { GlobalOptions, Output } from './output';

/** Runs one command in a folder; throws when it fails. Tests inject their own. */
export type CommandRunner = (command: string, args: readonly string[], cwd: string) => void;

export interface InitDeps {
  /**
   * Runs `npm install`, `npx projen` and the synths.
   * @default - runs them with this process's environment, their output on this process's stderr
   */
  readonly run?: CommandRunner;
  /**
   * The sagemaker-gitops package folder to vendor.
   * @default - the package this code belongs to
   */
  readonly toolkitDir?: string;
}

interface InitOptions {
  readonly name?: string;
  readonly force?: boolean;
  readonly install: boolean;
}

/** What `init --json` prints. */
export interface InitResult {
  readonly dir: string;
  readonly projectName: string;
  readonly region: string;
  /** The vendored toolkit, relative to `dir`. */
  readonly tarball: string;
  /** The files written, relative to `dir` (before `npx projen` adds its own). */
  readonly written: string[];
  /** The commands run, in order, each with its folder (relative to `dir`) and duration (none with --no-install). */
  readonly ran: RanCommand[];
  /** The stacks the two synths wrote into each repository's cdk.out (none with --no-install). */
  readonly stacks: StackSummary[];
  readonly nextSteps: string[];
}

/** One command `init` ran. */
export interface RanCommand {
  readonly dir: string;
  readonly command: string;
  readonly seconds: number;
}

const DEFAULT_REGION = 'us-east-1';

/** What `init` runs to install the new project and generate the repositories (unless --no-install). */
export const INSTALL_STEPS = 'npm install && npx projen --no-post && npm install && npx projen';

/**
 * `init <dir> [--name <project>] [--region <region>] [--force] [--no-install]`: creates a projen
 * TypeScript project in `<dir>` that declares one MlopsProject, with this toolkit vendored as a
 * tarball, then installs it, generates model-build/ and model-deploy/ and synthesizes both.
 */
export function initCommand(output: Output, deps: InitDeps = {}): Command {
  return new Command('init')
    .description('create a new projen project declaring a SageMaker MLOps project, with this toolkit vendored; install it, generate model-build/ and model-deploy/ and synthesize both')
    .argument('<dir>', 'the folder to create the project in: new, empty (a .git folder is allowed) or, with --force, without any file init would write')
    .option('--name <project-name>', 'the SageMaker project name (default: the folder\'s name)')
    .option('--force', 'add the project to a non-empty folder; it still refuses when a file it would write exists there')
    .option('--no-install', `only write the files: skip the install (${INSTALL_STEPS}) and the synths`)
    .addHelpText('after', `
The project's region is the global --region (default: AWS_REGION, AWS_DEFAULT_REGION, then ${DEFAULT_REGION}).
No AWS call is made and no AWS credentials are needed; npm install needs the npm registry (or its cache).`)
    .action(function (this: Command, dir: string, opts: InitOptions) {
      const { json, region: regionOption } = this.optsWithGlobals<GlobalOptions & { region?: string }>();
      const target = path.resolve(dir);
      const projectName = opts.name ?? path.basename(target);
      const region = regionOption ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? DEFAULT_REGION;
      const toolkitDir = deps.toolkitDir ?? toolkitPackageDir();
      const manifest = readToolkitManifest(toolkitDir);
      const tarball = `${INIT_VENDOR_DIR}/${LIBRARY_NAME}-${manifest.version}.tgz`;
      try {
        checkNewProject(projectName, opts.name === undefined ? `the project name (the folder's name; pass --name to choose another)` : '--name', region);
      } catch (err) {
        if (err instanceof ConfigError) {
          this.error(`error: ${err.message}`, { exitCode: 2, code: 'sagemaker-gitops.usage' });
        }
        throw err;
      }
      checkTargetDir(target, tarball, opts.force === true);

      const files = renderInitFiles({ projectName, region, tarball, projenVersion: manifest.projenVersion });
      // The toolkit as `npm pack` packs it, and as `npx projen` vendors it into each repository: the same content.
      writeToolkitTarballs(toolkitDir, [path.join(target, tarball)]);
      for (const [file, content] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
        fs.writeFileSync(path.join(target, file), content, { flag: 'wx' });
      }
      output.info(`wrote ${[...Object.keys(files), tarball].join(', ')} in ${target}`);

      const ran: RanCommand[] = [];
      const stacks: StackSummary[] = [];
      if (opts.install) {
        const run = deps.run ?? runInherited;
        const step = (command: string, args: string[], cwd: string) => {
          const entry = { dir: path.relative(target, cwd) || '.', command: [command, ...args].join(' ') };
          output.info(`running ${entry.command} in ${cwd}`);
          const started = performance.now();
          run(command, args, cwd);
          ran.push({ ...entry, seconds: Math.round((performance.now() - started) / 100) / 10 });
        };
        // projen's own install after a synth is `npm ci` where CI is set, which the bootstrap lock
        // file cannot pass: the first synth skips it, init installs, and the second synth (its
        // package.json unchanged, so no install) writes the repositories' lock files.
        step('npm', ['install', '--no-audit', '--no-fund'], target);
        step('npx', ['projen', '--no-post'], target);
        step('npm', ['install', '--no-audit', '--no-fund'], target);
        step('npx', ['projen'], target);
        for (const repo of INIT_REPO_DIRS) {
          step('npm', ['run', 'synth'], path.join(target, repo));
          stacks.push(...summarizeAssembly(path.join(target, repo, 'cdk.out'), repo));
        }
      }
      const result: InitResult = {
        dir: target, projectName, region, tarball, written: [...Object.keys(files), tarball], ran, stacks, nextSteps: nextSteps(dir, opts.install),
      };
      output.result(json ? result : formatResult(result), json);
    });
}

/** The toolkit's version and the projen version it is built with, from its package.json. */
function readToolkitManifest(dir: string): { version: string; projenVersion: string } {
  const file = path.join(dir, 'package.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf-8'));
  const projenVersion = manifest.devDependencies?.projen ?? manifest.peerDependencies?.projen;
  if (manifest.name !== LIBRARY_NAME || typeof projenVersion !== 'string') {
    throw new CliError(`${file} is not the ${LIBRARY_NAME} package with its projen version: reinstall ${LIBRARY_NAME}`);
  }
  const main = manifest.main ?? 'index.js';
  if (!fs.existsSync(path.join(dir, main))) {
    throw new CliError(`the ${LIBRARY_NAME} package at ${dir} is not compiled (no ${main}): run \`npm run compile\` there first`);
  }
  return { version: manifest.version, projenVersion };
}

/** Runs a command with its output on stderr (stdout stays for the result). */
function runInherited(command: string, args: readonly string[], cwd: string): void {
  const result = spawnSync(command, args, {
    cwd,
    stdio: ['ignore', process.stderr, process.stderr],
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  if (result.status !== 0) {
    throw new CliError(`\`${[command, ...args].join(' ')}\` failed in ${cwd} (${result.error?.message ?? `exit ${result.status ?? result.signal}`}); fix the cause and run it again there`);
  }
}

function nextSteps(dir: string, installed: boolean): string[] {
  return [
    `cd ${dir}`,
    ...(installed ? [] : [`${INSTALL_STEPS}   # install, generate model-build/ and model-deploy/ and their lock files`]),
    'edit .projenrc.ts: replace PLACEHOLDER_CONNECTION_ARN and the example-org repositories with your own, then run `npx projen`',
    'npx projen build   # type-check .projenrc.ts; type-check, test and synthesize both repositories',
    'npx sagemaker-gitops quotas --config model-deploy/sagemaker-gitops.json   # with AWS credentials: the SageMaker quotas the project needs against the account\'s',
    'push model-build/ and model-deploy/ to their own repositories, then deploy each pipeline once (see their README.md)',
  ];
}

function formatResult(result: InitResult): string {
  return [
    `created the projen project ${result.projectName} (${result.region}) in ${result.dir}`,
    `  ${LIBRARY_NAME} vendored as ${result.tarball}`,
    ...(result.ran.length > 0 ? ['ran:', ...result.ran.map((ran) => `  ${ran.dir}: ${ran.command} (${ran.seconds.toFixed(1)} s)`)] : []),
    ...(result.stacks.length > 0 ? ['synthesized:', ...formatSummary(result.stacks).split('\n').map((line) => `  ${line}`)] : []),
    'next steps:',
    ...result.nextSteps.map((step) => `  ${step}`),
  ].join('\n');
}
