import * as fs from 'node:fs';
import * as path from 'node:path';
import { Component, Project } from 'projen';
import { LOCK_FILE, LOCK_SEED_FILE, lockSeedOf, renderLockSeed } from '../src/project';
import { LIBRARY_NAME } from '../src/app-context/versions';

/**
 * Writes the package's lock seed (seed-code/repo-lock.json, see seedLockfile) from the example
 * repository's committed lock file, during synthesis: before the vendored tarball, which packs it,
 * is compared with the package. The toolkit's own entry is left out, so the seed does not change
 * when only the tarball does (the lock, written after synthesis, then differs in that entry alone).
 */
export class LockSeed extends Component {
  constructor(project: Project, private readonly fromRepo: string) {
    super(project);
  }

  synthesize(): void {
    const lockFile = path.join(this.project.outdir, this.fromRepo, LOCK_FILE);
    if (!fs.existsSync(lockFile)) {
      // A first `npx projen` of the example: the next run, after its lock is written, writes the seed.
      return;
    }
    const content = renderLockSeed(lockSeedOf(JSON.parse(fs.readFileSync(lockFile, 'utf-8')), [LIBRARY_NAME]));
    const target = path.join(this.project.outdir, LOCK_SEED_FILE);
    if (!fs.existsSync(target) || fs.readFileSync(target, 'utf-8') !== content) {
      fs.writeFileSync(target, content);
    }
  }
}
