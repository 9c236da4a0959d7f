import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigError } from '../config/errors';
import { PackCache, packCacheFile } from './toolkit-pack-cache';
import {
  PackageManifest, digestOfEntries, entriesOfFiles, entriesOfTarball, packlistOf, readToolkitManifest, staleCompiledFiles, writePackageTarball,
} from './toolkit-package';

/**
 * Writes the tarball `npm pack` makes of the sagemaker-gitops package in `toolkitDir` to each of
 * `targets` that does not already hold a tarball of the same content (paths, contents, executable
 * bits; not the gzip bytes, which vary with zlib builds). A tarball of the same content packed
 * before (for another target, or by an earlier run: {@link PackCache}) is copied; the package is
 * listed, read and hashed again only when one of its files changed.
 *
 * @throws ConfigError when the package is not packable (readToolkitManifest), or its lib/ holds
 * compiled files without a source, which a fresh clone's tarball would not have
 */
export function writeToolkitTarballs(toolkitDir: string, targets: readonly string[]): void {
  const manifest = readToolkitManifest(toolkitDir);
  const cache = new PackCache(packCacheFile(toolkitDir));
  const packed = packageContent(toolkitDir, manifest, cache);
  const stale = staleCompiledFiles(toolkitDir, packed.files);
  if (stale.length > 0) {
    throw new ConfigError(`${stale.join(', ')} in ${toolkitDir} ${stale.length === 1 ? 'has' : 'have'} no source in src/ any more (compiled before a rename or a deletion); vendored, ${stale.length === 1 ? 'it' : 'they'} would make the tarball differ from a fresh clone's: remove lib/ and compile again (\`rm -rf lib && npx projen compile\`)`);
  }
  for (const target of targets) {
    if (!fs.existsSync(target) || tarballDigest(target, cache) !== packed.digest) {
      const same = cache.tarballWithDigest(packed.digest);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      if (same !== undefined) {
        fs.copyFileSync(same, target);
      } else {
        writePackageTarball(toolkitDir, packed.files, manifest, target);
      }
      cache.setTarball(target, packed.digest, true);
    }
  }
  cache.save();
}

/** The package's file list and entries digest: from the cache when no file changed since. */
function packageContent(toolkitDir: string, manifest: PackageManifest & { files?: unknown }, cache: PackCache): { files: string[]; digest: string } {
  const folders = packageFolders(manifest.files);
  const cached = folders && cache.package(toolkitDir, folders);
  if (cached) {
    return cached;
  }
  const files = packlistOf(toolkitDir);
  const digest = digestOfEntries(entriesOfFiles(toolkitDir, files, manifest));
  if (folders) {
    cache.setPackage(toolkitDir, folders, files, digest);
  }
  return { files, digest };
}

function tarballDigest(file: string, cache: PackCache): string {
  const cached = cache.tarball(file);
  if (cached !== undefined) {
    return cached;
  }
  let digest: string;
  try {
    digest = digestOfEntries(entriesOfTarball(file));
  } catch {
    // Not a readable tarball: packed again.
    return '';
  }
  cache.setTarball(file, digest);
  return digest;
}

/**
 * The top-level files and folders a package.json `files` list names, or `undefined` when it has
 * none or a pattern (then any file may be packed, and nothing is cached).
 */
function packageFolders(files: unknown): string[] | undefined {
  if (!Array.isArray(files) || files.some((entry) => typeof entry !== 'string' || /[*?[\]{}!]/.test(entry))) {
    return undefined;
  }
  return [...new Set((files as string[]).map((entry) => entry.replace(/^\.?\//, '').split('/')[0]).filter((first) => first !== ''))];
}
