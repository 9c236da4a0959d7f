import * as fs from 'node:fs';
import * as path from 'node:path';
import { CDK_ASSETS_VERSION, TOOL_VERSIONS, VALIDATION_PLUGIN_VERSIONS } from '../src/app-context/versions';

/**
 * The README's "Versions" section names the versions the toolkit is built with; each must be the
 * one declared in src/app-context/versions.ts (it once said jest 30 while the toolkit used 29).
 */
const README = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf-8');
const ROOT_PACKAGE = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf-8'));

/** The first paragraph of the section. */
function versionsParagraph(): string {
  const start = README.indexOf('\n## Versions\n');
  expect(start).toBeGreaterThanOrEqual(0);
  return README.slice(start).split(/\n\n/)[1].replace(/\s+/g, ' ');
}

/** What the README calls each tool, and the version declared for it. */
const DECLARED: Record<string, string> = {
  'TypeScript': TOOL_VERSIONS.typescript,
  'aws-cdk-lib': TOOL_VERSIONS['aws-cdk-lib'],
  'aws-cdk CLI': TOOL_VERSIONS['aws-cdk'],
  'projen': ROOT_PACKAGE.devDependencies.projen,
  'cdk-nag': VALIDATION_PLUGIN_VERSIONS['cdk-nag'],
  'jest': TOOL_VERSIONS.jest,
};

describe('README: Versions', () => {
  test.each(Object.keys(DECLARED))('names the declared version of %s', (tool) => {
    const named = new RegExp(`(?:^|[ ,])${tool.replace(/[-]/g, '\\-')} (\\S+?)[ ,(]`).exec(versionsParagraph());
    expect(named).not.toBeNull();
    // The README may shorten a version (~5.9 for ~5.9.3, ^3 for ^3.0.2, 29 for ^29), never change it.
    const [, shownRange, shown] = /^([~^]?)(.*)$/.exec(named![1])!;
    const [, declaredRange, declared] = /^([~^]?)(.*)$/.exec(DECLARED[tool])!;
    expect(declared === shown || declared.startsWith(`${shown}.`)).toBe(true);
    if (shownRange !== '') {
      expect(shownRange).toBe(declaredRange);
    }
  });
});

test('"What the apps deploy" names the cdk-assets version the Assets stage installs', () => {
  expect(README.replace(/\s+/g, ' ')).toContain(`otherwise it uploads the code bundle and sample data with cdk-assets ${CDK_ASSETS_VERSION}, pinned:`);
});
