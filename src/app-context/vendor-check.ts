/**
 * The check a generated repository runs before `npm ci` when it vendors the toolkit. Without it,
 * a vendored tarball that is missing or does not match package-lock.json makes `npm ci` fail with
 * npm's bare ENOENT or EINTEGRITY (on a machine with an empty cache, such as CodeBuild), or, worse,
 * install the tarball the lock pins from npm's cache without a word (on a machine that installed it
 * before). The check names the file, the integrity the lock expects and what to run.
 */

/** The check script's path inside a generated repository. */
export const VENDOR_CHECK_SCRIPT = 'vendor/check-toolkit.js';

/** The command that runs the check: nothing to check (and no file) when the repository vendors nothing. */
export const VENDOR_CHECK_COMMAND = `[ ! -f ${VENDOR_CHECK_SCRIPT} ] || node ${VENDOR_CHECK_SCRIPT}`;

/**
 * The check script: plain Node.js, no dependency (it runs before anything is installed). It checks
 * every `file:` tarball dependency of package.json against its entry in package-lock.json.
 *
 * @param projenProject the name of the projen project that generates the repository, for the error message
 */
export function renderVendorCheck(projenProject: string): string[] {
  const fix = `vendor/ and package-lock.json are written together by \`npx projen\` in the projen project ${projenProject} that generates this repository: run it there and commit both.`;
  return [
    '\'use strict\';',
    '// Before `npm ci`: every tarball package.json installs from this repository is present and matches',
    '// the integrity package-lock.json pins (npm would fail with a bare EINTEGRITY, or install the pinned',
    '// tarball from its cache without a word).',
    'const fs = require(\'node:fs\');',
    'const path = require(\'node:path\');',
    'const { createHash } = require(\'node:crypto\');',
    '',
    'const root = path.join(__dirname, \'..\');',
    `const fix = ${JSON.stringify(fix)};`,
    'const read = (file) => JSON.parse(fs.readFileSync(path.join(root, file), \'utf-8\'));',
    'const fail = (problems) => {',
    '  console.error([...problems, fix].join(\'\\n\'));',
    '  process.exit(1);',
    '};',
    '',
    'const manifest = read(\'package.json\');',
    'let lock;',
    'try {',
    '  lock = read(\'package-lock.json\');',
    '} catch (err) {',
    '  fail([`package-lock.json cannot be read: ${err.message}`]);',
    '}',
    'const problems = [];',
    'for (const [name, spec] of Object.entries({ ...manifest.devDependencies, ...manifest.dependencies })) {',
    '  if (!/^file:.+\\.(tgz|tar\\.gz|tar)$/.test(spec)) {',
    '    continue;',
    '  }',
    '  const file = spec.slice(\'file:\'.length);',
    '  const expected = lock.packages?.[`node_modules/${name}`]?.integrity;',
    '  if (expected === undefined) {',
    '    problems.push(`package-lock.json has no integrity for ${name} (${spec}): it is out of date.`);',
    '  } else if (!fs.existsSync(path.join(root, file))) {',
    '    problems.push(`${file} is missing: package.json installs ${name} from it and package-lock.json expects integrity ${expected}.`);',
    '  } else {',
    '    const actual = `sha512-${createHash(\'sha512\').update(fs.readFileSync(path.join(root, file))).digest(\'base64\')}`;',
    '    if (actual !== expected) {',
    '      problems.push(`${file} does not match package-lock.json: the lock expects integrity ${expected}, the file has ${actual}.`);',
    '    }',
    '  }',
    '}',
    'if (problems.length > 0) {',
    '  fail(problems);',
    '}',
  ];
}
