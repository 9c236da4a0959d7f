/**
 * A TypeScript script of the tests bundled into one CommonJS file, for suites that run it as a
 * separate process many times: tsx compiles and resolves each of the script's few hundred modules
 * again in every process (about 2 s per start of test/fixtures/step-permissions/world.ts), the
 * bundle loads in a third of that. The packages stay outside the bundle and are required from the
 * repository's node_modules, as tsx would (a `node_modules` link beside the bundle); each module keeps its own `__dirname` and `__filename`,
 * so the files it reads beside itself (schemas, seed code, fixtures) are the same files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadEsbuild } from '../../src/constructs/release-tools';

const ROOT = path.join(__dirname, '..', '..');

/**
 * Bundles `entry` into `outfile`, and links the repository's node_modules beside it; the bundle
 * is run with `node` (or required) from anywhere. Give it a folder of its own: a process started
 * in that folder or below it finds the repository's packages too.
 */
export async function bundleScript(entry: string, outfile: string): Promise<string> {
  const esbuild = loadEsbuild(ROOT);
  const packages = path.join(path.dirname(outfile), 'node_modules');
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  if (!fs.existsSync(packages)) {
    fs.symlinkSync(path.join(ROOT, 'node_modules'), packages, 'dir');
  }
  await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'error',
    plugins: [{
      name: 'module-dirname',
      setup(build) {
        // A module's __dirname is its own folder, as when tsx runs it (esbuild would give every module the bundle's).
        build.onLoad({ filter: /\.ts$/ }, (args) => {
          const { code } = esbuild.transformSync(fs.readFileSync(args.path, 'utf-8'), {
            loader: 'ts',
            sourcefile: args.path,
            define: { __dirname: JSON.stringify(path.dirname(args.path)), __filename: JSON.stringify(args.path) },
          });
          return { contents: code, loader: 'js' };
        });
      },
    }],
  });
  return outfile;
}
