/**
 * The example repositories of this monorepo (model-build/, model-deploy/) are what this toolkit
 * version generates: their seed files (the step scripts, their tests, the MLflow stand-in, the
 * sample data) are the seed-code copies. A seed file is written once into a team's repository and
 * never overwritten by `npx projen` (projen's SampleFile), so a change to seed-code/ reaches the
 * examples only when it is copied there; this test says which file was left behind.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const SEED = path.join(ROOT, 'seed-code');

/** The files under `dir`, relative to it (no Python caches). */
function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.parentPath.split(path.sep).includes('__pycache__'))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

describe.each(['model-build', 'model-deploy'])('the example %s repository', (repo) => {
  const seeds = filesUnder(path.join(SEED, repo));

  test('has every seed file of this version, as seed-code has it', () => {
    expect(seeds.length).toBeGreaterThan(0);
    const stale = seeds.filter((file) => {
      const example = path.join(ROOT, repo, file);
      return !fs.existsSync(example) || !fs.readFileSync(example).equals(fs.readFileSync(path.join(SEED, repo, file)));
    });
    expect(stale).toEqual([]);
  });
});
