import { ToolkitSourceOptions, codeArtifactLoginCommand } from '../config/toolkit-source';
import { LOCK_FILE } from './repo-lockfile';
import { VENDOR_CHECK_SCRIPT } from '../app-context/vendor-check';
import { LIBRARY_NAME } from '../app-context/versions';

/** Where a generated repository gets the sagemaker-gitops toolkit from. */
export interface RepoToolkit {
  /**
   * The vendored tarball's path inside the repository.
   * @default - installed from a registry
   */
  readonly vendoredTarball?: string;
  /**
   * The registry source, when not vendored.
   * @default - the registry npm is configured with, at the spec in package.json
   */
  readonly registry?: ToolkitSourceOptions;
}

/** The quick start's install command, with its comment. */
export function installCommandLine(toolkit: RepoToolkit): string {
  if (toolkit.vendoredTarball !== undefined) {
    return `node ${VENDOR_CHECK_SCRIPT} && npm ci   # install exactly what ${LOCK_FILE} pins, once the vendored toolkit is checked against it`;
  }
  const codeArtifact = toolkit.registry?.codeArtifact;
  return codeArtifact !== undefined
    ? `${codeArtifactLoginCommand(codeArtifact)} && npm ci   # log npm in to the CodeArtifact repository, then install exactly what ${LOCK_FILE} pins`
    : `npm ci             # install exactly what ${LOCK_FILE} pins`;
}

/** The README section on the toolkit: where it comes from, what is committed, how to upgrade it. */
export function renderToolkitSection(toolkit: RepoToolkit): string[] {
  const upgrade = [
    `To upgrade ${LIBRARY_NAME}, in the projen project that generates this repository: upgrade its own`,
    `\`${LIBRARY_NAME}\` dependency, then run \`npx projen\` there. That one run rewrites the managed files,`,
  ];
  if (toolkit.vendoredTarball === undefined) {
    const codeArtifact = toolkit.registry?.codeArtifact;
    return [
      `## The ${LIBRARY_NAME} toolkit`,
      '',
      `package.json installs \`${LIBRARY_NAME}@${toolkit.registry?.spec ?? '<spec>'}\` from ${codeArtifact !== undefined
        ? `the private CodeArtifact repository \`${codeArtifact.repository}\` (domain \`${codeArtifact.domain}\`, owner ${codeArtifact.domainOwner}, ${codeArtifact.region})`
        : 'the registry npm is configured with'}, at the version`,
      `\`${LOCK_FILE}\` pins (committed: \`npm ci\` installs exactly that, here and in CodeBuild).`,
      ...(codeArtifact !== undefined ? [
        '',
        `Log npm in first: \`${codeArtifactLoginCommand(codeArtifact)}\` (AWS CLI v2; the token lasts 12 hours).`,
        'It needs `codeartifact:GetAuthorizationToken` on the domain, `codeartifact:GetRepositoryEndpoint` and',
        '`codeartifact:ReadFromRepository` on the repository, and `sts:GetServiceBearerToken` for the service',
        '`codeartifact.amazonaws.com`. The pipeline\'s synth step logs in the same way and its role has exactly these permissions.',
        'After the login npm reads every package from this repository, so it needs an upstream to the public npm registry',
        '(an external connection to `public:npmjs`) or every package the lock file pins. When the domain belongs to another',
        'account than the pipeline\'s, the domain policy must also grant the pipeline\'s account `codeartifact:GetAuthorizationToken`',
        'and the repository policy `codeartifact:ReadFromRepository` (CodeArtifact user guide: "Domain policies", "Repository policies").',
      ] : []),
      '',
      ...upgrade,
      `the dependency and \`${LOCK_FILE}\`; review the diff and commit it.`,
    ];
  }
  return [
    `## The ${LIBRARY_NAME} toolkit`,
    '',
    `The toolkit is vendored: \`${toolkit.vendoredTarball}\` is the package as \`npm pack\` makes it, package.json`,
    `installs it from there (\`file:${toolkit.vendoredTarball}\`) and \`${LOCK_FILE}\` pins its integrity, so the`,
    'repository installs without any registry serving sagemaker-gitops and never from a package someone else',
    `published under that name. Both files are committed. \`${VENDOR_CHECK_SCRIPT}\` (plain Node.js, run before`,
    '`npm ci` here and in CodeBuild) fails with the file and the expected integrity when the tarball is missing or',
    'does not match the lock.',
    '',
    ...upgrade,
    `replaces \`vendor/${LIBRARY_NAME}-<old>.tgz\` by the new version's tarball and updates \`${LOCK_FILE}\`;`,
    'review the diff and commit it.',
  ];
}
