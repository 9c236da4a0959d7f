import * as fs from 'node:fs';
import * as path from 'node:path';
import { REVIEWED_INSTALL_SCRIPTS } from '../../src/project/repo-files';

/**
 * npm's `allowScripts` (npm CLI docs, "npm-approve-scripts" and "npm-install-scripts"): npm 11.16 and
 * later list, after every install, each dependency whose install script package.json does not
 * review, and npm 12 skips those scripts. A generated repository is installed by its team and by
 * CodeBuild with whatever npm they have, so each package with an install script in a committed
 * lock file is reviewed in REVIEWED_INSTALL_SCRIPTS, and every package.json carries the review:
 * a new dependency with an install script fails here, naming it, until someone decides.
 */
const ROOT = path.join(__dirname, '..', '..');
const PROJECTS = ['.', 'model-build', 'model-deploy'];

/** The packages of a lock file that have an install script, as `name@version`. */
function withInstallScripts(project: string): string[] {
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, project, 'package-lock.json'), 'utf-8'));
  return Object.entries<any>(lock.packages)
    .filter(([, entry]) => entry.hasInstallScript === true)
    .map(([location, entry]) => `${location.slice(location.lastIndexOf('node_modules/') + 'node_modules/'.length)}@${entry.version}`)
    .sort();
}

describe.each(PROJECTS)('%s', (project) => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, project, 'package.json'), 'utf-8'));

  test('package.json carries the reviewed install scripts', () => {
    expect(manifest.allowScripts).toEqual(REVIEWED_INSTALL_SCRIPTS);
  });

  test('every package of the lock file with an install script is reviewed', () => {
    const scripted = withInstallScripts(project);
    // The lock is read, not assumed: esbuild (tsx's compiler) has one in each.
    expect(scripted.map((pkg) => pkg.replace(/@[^@]+$/, ''))).toContain('esbuild');
    const unreviewed = scripted.filter((pkg) => !(pkg.replace(/@[^@]+$/, '') in REVIEWED_INSTALL_SCRIPTS));
    expect(unreviewed).toEqual([]);
  });
});
