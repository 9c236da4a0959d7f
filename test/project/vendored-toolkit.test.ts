/**
 * MlopsProject vendors the toolkit into each generated repository, packing again only when the
 * package's content differs from the tarball's. Needs `lib/` compiled (`npm test` compiles first).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { Project } from 'projen';
import * as tar from 'tar';
import {
  LIBRARY_VERSION, MlopsProject, MlopsProjectOptions, VENDOR_CHECK_SCRIPT, VendoredToolkit, digestOfEntries, entriesOfFiles, entriesOfTarball,
  packlistOf, readToolkitManifest, staleCompiledFiles, toolkitPackageDir,
} from '../../src/project';
import { testProjectOptions } from '../helpers/validated-synth';

const options: MlopsProjectOptions = testProjectOptions();
const TARBALL = `vendor/sagemaker-gitops-${LIBRARY_VERSION}.tgz`;

/** `npx projen --no-post` of a project with the example MlopsProject (lock files are repo-lockfile.test.ts's). */
function synth(outdir: string, toolkitDir?: string): Project {
  const project = new Project({ name: 'host', outdir });
  if (toolkitDir === undefined) {
    new MlopsProject(project, options);
  } else {
    new VendoredToolkit(project, { repoDirs: ['model-build'], toolkitDir });
  }
  process.env.PROJEN_DISABLE_POST = 'true';
  try {
    project.synth();
  } finally {
    delete process.env.PROJEN_DISABLE_POST;
  }
  return project;
}

const toolkit = toolkitPackageDir();
const packageDigest = digestOfEntries(entriesOfFiles(toolkit, packlistOf(toolkit), readToolkitManifest(toolkit)));

describe('the vendored toolkit', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'vendored-'));
  synth(outdir);
  const tarballIn = (repo: string) => path.join(outdir, repo, TARBALL);

  test('each repository gets the package\'s tarball, committed (not ignored), and the check script', () => {
    for (const repo of ['model-build', 'model-deploy']) {
      expect(digestOfEntries(entriesOfTarball(tarballIn(repo)))).toBe(packageDigest);
      expect(fs.readFileSync(path.join(outdir, repo, '.gitignore'), 'utf-8')).not.toMatch(/tgz/);
      expect(fs.readFileSync(path.join(outdir, repo, VENDOR_CHECK_SCRIPT), 'utf-8')).toMatch(/npx projen/);
      expect(JSON.parse(fs.readFileSync(path.join(outdir, repo, 'package.json'), 'utf-8')).dependencies['sagemaker-gitops']).toBe(`file:${TARBALL}`);
    }
    // `npx projen --no-post` (PROJEN_DISABLE_POST): no npm process, so no lock file is written.
    expect(fs.existsSync(path.join(outdir, 'model-build', 'package-lock.json'))).toBe(false);
    // Projen's own .gitignore of a Node.js project ignores *.tgz: the project's .gitignore lets these through.
    expect(fs.readFileSync(path.join(outdir, '.gitignore'), 'utf-8')).toMatch(/^!\/model-build\/vendor\/\*\.tgz$/m);
  });

  test('a second `npx projen` leaves the tarball as it is', () => {
    const before = fs.statSync(tarballIn('model-build'));
    const bytes = fs.readFileSync(tarballIn('model-build'));
    synth(outdir);
    expect(fs.statSync(tarballIn('model-build')).mtimeMs).toBe(before.mtimeMs);
    expect(fs.readFileSync(tarballIn('model-build')).equals(bytes)).toBe(true);
  });

  test('a tarball with the same entries but other gzip bytes (another zlib) is kept', () => {
    const regzipped = zlib.gzipSync(zlib.gunzipSync(fs.readFileSync(tarballIn('model-build'))), { level: 1 });
    fs.writeFileSync(tarballIn('model-build'), regzipped);
    synth(outdir);
    expect(fs.readFileSync(tarballIn('model-build')).equals(regzipped)).toBe(true);
  });

  test('a tarball with other content, or not a tarball, is packed again; other versions are removed, other files kept', () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'other-'));
    fs.writeFileSync(path.join(other, 'package.json'), '{"name":"sagemaker-gitops","version":"0.0.1"}');
    tar.c({ sync: true, gzip: true, file: tarballIn('model-build'), cwd: other, prefix: 'package/' }, ['package.json']);
    fs.writeFileSync(tarballIn('model-deploy'), 'not a tarball');
    fs.writeFileSync(path.join(outdir, 'model-build', 'vendor', 'sagemaker-gitops-0.0.1.tgz'), 'old version');
    fs.writeFileSync(path.join(outdir, 'model-build', 'vendor', 'left-pad-1.0.0.tgz'), 'a team\'s own');
    synth(outdir);
    for (const repo of ['model-build', 'model-deploy']) {
      expect(digestOfEntries(entriesOfTarball(tarballIn(repo)))).toBe(packageDigest);
    }
    expect(fs.readdirSync(path.join(outdir, 'model-build', 'vendor')).sort()).toEqual(['check-toolkit.js', 'left-pad-1.0.0.tgz', `sagemaker-gitops-${LIBRARY_VERSION}.tgz`]);
  });

  test('a toolkit whose package.json and library disagree on the version is refused', () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'toolkit-copy-'));
    fs.mkdirSync(path.join(copy, 'lib'));
    fs.writeFileSync(path.join(copy, 'lib', 'index.js'), '');
    fs.writeFileSync(path.join(copy, 'package.json'), JSON.stringify({ name: 'sagemaker-gitops', version: '9.9.9', main: 'lib/index.js', files: ['lib/'] }));
    expect(() => synth(fs.mkdtempSync(path.join(os.tmpdir(), 'vendored-')), copy))
      .toThrow(new RegExp(`the sagemaker-gitops package at .* has version 9\\.9\\.9, but its library says ${LIBRARY_VERSION.replace(/\./g, '\\.')}: reinstall or recompile it`));
  });

  // tsc writes outputs but never removes those of a renamed or deleted source: vendored, they make the tarball
  // differ from the one a fresh clone packs (the generated-files check of CI fails there, not here).
  test('in the source repository, a compiled file whose source is gone is refused before anything is vendored', () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'toolkit-copy-'));
    for (const file of ['src/index.ts', 'src/model-deploy/notices.ts', 'lib/index.js', 'lib/index.d.ts', 'lib/model-deploy/notices.js', 'lib/model-deploy/old-name.js', 'lib/model-deploy/old-name.d.ts']) {
      fs.mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
      fs.writeFileSync(path.join(copy, file), '');
    }
    fs.writeFileSync(path.join(copy, 'package.json'), JSON.stringify({ name: 'sagemaker-gitops', version: LIBRARY_VERSION, main: 'lib/index.js', files: ['lib/'] }));
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'vendored-'));
    expect(() => synth(outdir, copy)).toThrow(
      `lib/model-deploy/old-name.d.ts, lib/model-deploy/old-name.js in ${copy} have no source in src/ any more (compiled before a rename or a deletion); ` +
      'vendored, they would make the tarball differ from a fresh clone\'s: remove lib/ and compile again (`rm -rf lib && npx projen compile`)',
    );
    expect(fs.existsSync(path.join(outdir, 'model-build', TARBALL))).toBe(false);
    // An installed package has no src/: nothing to compare with.
    expect(staleCompiledFiles(copy, ['lib/model-deploy/old-name.js'])).toEqual(['lib/model-deploy/old-name.js']);
    fs.rmSync(path.join(copy, 'src'), { recursive: true });
    expect(staleCompiledFiles(copy, ['lib/model-deploy/old-name.js'])).toEqual([]);
  });
});
