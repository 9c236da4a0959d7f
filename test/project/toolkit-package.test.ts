/**
 * The vendored toolkit is the package as `npm pack` makes it. Needs `lib/` compiled (`npm test`
 * compiles before jest).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigError } from '../../src/config';
import {
  LIBRARY_VERSION, digestOfEntries, entriesOfFiles, entriesOfTarball, packlistOf, readToolkitManifest, toolkitPackageDir, writePackageTarball,
} from '../../src/project';

const ROOT = path.join(__dirname, '..', '..');

describe('the toolkit package', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'toolkit-pack-'));
  const dir = toolkitPackageDir();
  const manifest = readToolkitManifest(dir);
  const files = packlistOf(dir);

  test('is this repository, at the library\'s version', () => {
    expect(fs.realpathSync(dir)).toBe(fs.realpathSync(ROOT));
    expect(manifest.version).toBe(LIBRARY_VERSION);
  });

  test('packs the files and contents `npm pack` packs, with its bin executable', () => {
    const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: dir, encoding: 'utf-8' }))[0];
    const byNpm = entriesOfTarball(path.join(work, packed.filename));
    const ours = path.join(work, 'ours.tgz');
    writePackageTarball(dir, files, manifest, ours);
    const byUs = entriesOfTarball(ours);
    const withoutMode = (entries: typeof byUs) => entries.map(({ path: file, sha256 }) => `${file} ${sha256}`).sort();
    expect(withoutMode(byUs)).toEqual(withoutMode(byNpm));
    expect(byUs.map((e) => e.path).sort()).toEqual(packed.files.map((f: { path: string }) => f.path).sort());
    // npm pack makes the bin executable only when it is on disk (pacote's bin check misses paths in folders);
    // the vendored tarball always does, so it does not depend on whether npm has linked the bin here.
    expect(byUs.find((e) => e.path === 'lib/cli/main.js')?.executable).toBe(true);
    expect(byUs.filter((e) => e.executable).map((e) => e.path)).toEqual(['lib/cli/main.js']);
    expect(digestOfEntries(byUs)).toBe(digestOfEntries(entriesOfFiles(dir, files, manifest)));
  }, 60_000);

  test('the entries digest ignores their order and the gzip bytes, not a content or mode change', () => {
    const entries = entriesOfFiles(dir, files, manifest);
    expect(digestOfEntries([...entries].reverse())).toBe(digestOfEntries(entries));
    expect(digestOfEntries([{ ...entries[0], sha256: '0'.repeat(64) }, ...entries.slice(1)])).not.toBe(digestOfEntries(entries));
    expect(digestOfEntries([{ ...entries[0], executable: !entries[0].executable }, ...entries.slice(1)])).not.toBe(digestOfEntries(entries));
  });

  test('a package folder that is not sagemaker-gitops, or not compiled, is refused', () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'not-toolkit-'));
    fs.writeFileSync(path.join(other, 'package.json'), JSON.stringify({ name: 'left-pad', version: '1.0.0' }));
    expect(() => readToolkitManifest(other)).toThrow(ConfigError);
    expect(() => readToolkitManifest(other)).toThrow(/package\.json must be the sagemaker-gitops package's manifest, got name "left-pad"/);
    fs.writeFileSync(path.join(other, 'package.json'), JSON.stringify({ name: 'sagemaker-gitops', version: '1.0.0', main: 'lib/index.js' }));
    expect(() => readToolkitManifest(other)).toThrow(/lib\/index\.js does not exist: compile the sagemaker-gitops package at .* \(`npx tsc --build`\) before `npx projen` vendors it/);
    expect(() => readToolkitManifest(path.join(other, 'missing'))).toThrow(/cannot read the sagemaker-gitops package's manifest/);
  });
});
