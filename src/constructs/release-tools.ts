/**
 * The release tools: the CLI commands the pipelines run after their synth step (run-pipeline in
 * model-build; verify-release and test-endpoint in the release checks), bundled into one file by
 * the synth step, which has the repository's node_modules installed anyway. The steps after it
 * receive the bundle as an input and run it with `node`, instead of each paying `npm ci` of the
 * whole repository (aws-cdk-lib, the CDK CLI, TypeScript, jest) for three commands that need the
 * AWS SDK clients and commander only. Loading this file loads no dependency: the synth step calls
 * `bundleReleaseTools` through `node -e`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The synth step's second output directory: the bundle. */
export const RELEASE_TOOLS_DIR = 'release-tools';

/** The bundle's file name in RELEASE_TOOLS_DIR. */
export const RELEASE_TOOLS_FILE = 'sagemaker-gitops.js';

/** The bundle's entry, next to this file (compiled .js in the package, .ts when run from source). */
export function releaseToolsEntry(dir: string = __dirname): string {
  const compiled = path.join(dir, '..', 'cli', 'release-tools-cli.js');
  return fs.existsSync(compiled) ? compiled : path.join(dir, '..', 'cli', 'release-tools-cli.ts');
}

/**
 * esbuild, as the repository has it: tsx (the apps' TypeScript runner, a dev dependency of every
 * generated repository) depends on it, so it is resolved from tsx's own folder.
 */
export function loadEsbuild(from: string): typeof import('esbuild') {
  let base = from;
  try {
    base = path.dirname(require.resolve('tsx/package.json', { paths: [from] }));
  } catch {
    // No tsx: esbuild may still be installed on its own.
  }
  return require(require.resolve('esbuild', { paths: [base, from] }));
}

/**
 * Bundles the release tools into `outDir`/RELEASE_TOOLS_FILE: one CommonJS file for the CodeBuild
 * image's Node.js 20, with every dependency inside, so it runs without node_modules.
 * @returns the bundle's path
 */
export function bundleReleaseTools(outDir: string, options: { readonly entry?: string; readonly from?: string } = {}): string {
  const outfile = path.resolve(outDir, RELEASE_TOOLS_FILE);
  const from = options.from ?? process.cwd();
  loadEsbuild(from).buildSync({
    entryPoints: [options.entry ?? releaseToolsEntry()],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'error',
    nodePaths: [path.join(from, 'node_modules')],
  });
  return outfile;
}

/** The command the synth step runs after `cdk synth` to write the bundle into RELEASE_TOOLS_DIR. */
export function bundleReleaseToolsCommand(libraryName: string): string {
  return `node -e "require('${libraryName}/lib/model-deploy/release-tools').bundleReleaseTools('${RELEASE_TOOLS_DIR}')"`;
}

/** How a step that received the bundle in `inputDir` runs one of its commands. */
export function releaseToolsCommand(inputDir: string, args: string): string {
  return `node ${inputDir}/${RELEASE_TOOLS_FILE} ${args}`;
}

/**
 * A number as the release tools' numeric options take it: plain decimal digits (the CLI refuses
 * exponents). `String()` writes 5e-7 for a shadow.maxErrorRate of 0.0000005, and 1e+21 for large ones.
 */
export function optionNumber(value: number): string {
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}
