/**
 * The folders a bench runs in, all under one temporary folder, so that `npm run bench` never
 * rewrites a file of the working tree:
 * - a copy of the repository (its tracked and untracked files as they are now, plus the compiled
 *   `lib/`), whose node_modules links to the repository's packages;
 * - the CDK floor: a minimal app with one empty stack, on the same aws-cdk-lib, CLI, tsx and cdk.json;
 * - the projen floor: a bare projen TypeScript project on the same projen and .projenrc.ts runner.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The package name of this repository, linked to itself in node_modules for the generated apps. */
const SELF_PACKAGE = 'sagemaker-gitops';

/** The files of the working tree that git does not ignore: tracked ones and new ones. */
export function workingTreeFiles(repoDir: string): string[] {
  const result = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: repoDir, encoding: 'utf-8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(`cannot list the files of ${repoDir} with git: ${result.error?.message ?? result.stderr}`);
  }
  // A tracked file deleted in the working tree is still listed: only existing files are copied.
  return result.stdout.split('\0').filter((file) => file.length > 0 && fs.existsSync(path.join(repoDir, file)));
}

/**
 * Copies the repository into `dir`: the working tree's files, the compiled library and its build
 * info (so the first `tsc --build` there is incremental), with their timestamps. node_modules is a
 * folder of links to the repository's packages, except the package itself, which links to the copy.
 */
export function copyRepository(repoDir: string, dir: string): void {
  for (const file of workingTreeFiles(repoDir)) {
    const target = path.join(dir, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.cpSync(path.join(repoDir, file), target, { preserveTimestamps: true, dereference: false, verbatimSymlinks: true });
  }
  for (const built of ['lib', 'tsconfig.tsbuildinfo']) {
    if (fs.existsSync(path.join(repoDir, built))) {
      fs.cpSync(path.join(repoDir, built), path.join(dir, built), { recursive: true, preserveTimestamps: true });
    }
  }
  linkNodeModules(repoDir, dir, { self: dir });
}

/**
 * Makes `<dir>/node_modules` a folder of links to `<repoDir>/node_modules/*`. With `self`, the
 * repository's own package links to that folder instead (the generated apps load the library
 * through it).
 */
export function linkNodeModules(repoDir: string, dir: string, options: { readonly self?: string } = {}): void {
  const source = path.join(repoDir, 'node_modules');
  if (!fs.existsSync(source)) {
    throw new Error(`${source} does not exist: run \`npm ci\` in ${repoDir} first`);
  }
  const target = path.join(dir, 'node_modules');
  fs.mkdirSync(target, { recursive: true });
  for (const entry of fs.readdirSync(source)) {
    const link = path.join(target, entry);
    if (entry === SELF_PACKAGE && options.self) {
      fs.symlinkSync(path.relative(target, options.self) || '.', link);
    } else {
      fs.symlinkSync(path.join(source, entry), link);
    }
  }
}

/** The floor's app: one empty stack and nothing else. */
const CDK_FLOOR_APP = `import { App, Stack } from 'aws-cdk-lib';

const app = new App();
new Stack(app, 'Floor');
app.synth();
`;

/**
 * The CDK floor in `dir`: one empty stack, the generated app's cdk.json (its app command, so the
 * same CLI and tsx run it, and its feature flags) and tsconfig.json, and a `synth` script with the
 * same CLI options as the generated apps.
 */
export function createCdkFloor(repoDir: string, templateApp: string, dir: string): void {
  fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'src', 'main.ts'), CDK_FLOOR_APP);
  for (const file of ['cdk.json', 'tsconfig.json']) {
    fs.copyFileSync(path.join(repoDir, templateApp, file), path.join(dir, file));
  }
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({
    name: 'cdk-floor',
    version: '0.0.0',
    private: true,
    scripts: { synth: 'cdk synth --no-notices --quiet' },
  }, null, 2)}\n`);
  linkNodeModules(repoDir, dir);
}

/**
 * The projen floor's .projenrc.ts: a TypeScript project with the root's package manager, node
 * version, projen version and .projenrc.ts runner (tsx without type-check), and the root's
 * switches that turn generated files off (GitHub workflows, release, eslint, sample code), so it
 * does not write files the root does not.
 */
export function projenFloorRc(options: { readonly projenVersion: string; readonly minNodeVersion: string; readonly typescriptVersion: string }): string {
  return `import { javascript, typescript } from 'projen';

const project = new typescript.TypeScriptProject({
  name: 'projen-floor',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  projenVersion: ${JSON.stringify(options.projenVersion)},
  typescriptVersion: ${JSON.stringify(options.typescriptVersion)},
  minNodeVersion: ${JSON.stringify(options.minNodeVersion)},
  runner: typescript.TypeScriptRunner.tsx(),
  projenrcTsOptions: { runner: typescript.TypeScriptRunner.tsx({ typeCheck: false }) },
  github: false,
  release: false,
  eslint: false,
  sampleCode: false,
});
project.synth();
`;
}

/**
 * The projen floor in `dir`: its .projenrc.ts, and node_modules linked to the repository's (the
 * same projen and tsx). `bootstrap` then runs its .projenrc.ts once, which writes
 * .projen/tasks.json and with it the default task that `npx projen` runs.
 */
export function createProjenFloor(repoDir: string, dir: string, rc: string): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, '.projenrc.ts'), rc);
  linkNodeModules(repoDir, dir);
}

/** Reads a field of a package.json. */
export function packageJson(dir: string): Record<string, any> {
  return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf-8'));
}
