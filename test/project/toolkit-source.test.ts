/**
 * The `toolkit` option: the generated repositories install sagemaker-gitops from a registry (a
 * published version, or a private CodeArtifact repository) instead of vendoring it.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Project, Testing } from 'projen';
import { ConfigError, ToolkitSourceOptions, parseProjectConfig, resolveToolkitSource } from '../../src/config';
import { MlopsProject, MlopsProjectOptions } from '../../src/project';
import { testProjectOptions } from '../helpers/validated-synth';

const options: MlopsProjectOptions = testProjectOptions();
const CODE_ARTIFACT = { domain: 'acme', domainOwner: '111122223333', repository: 'npm-private', region: 'eu-west-1' };

function synth(toolkit: ToolkitSourceOptions): Record<string, any> {
  const project = new Project({ name: 'host', outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'toolkit-source-')) });
  new MlopsProject(project, { ...options, toolkit });
  return Testing.synth(project);
}

describe('a published version', () => {
  const out = synth({ spec: '^0.2.0' });

  test.each(['model-build', 'model-deploy'])('%s depends on it, vendors nothing and installs with plain `npm ci`', (dir) => {
    expect(out[`${dir}/package.json`].dependencies['sagemaker-gitops']).toBe('^0.2.0');
    expect(Object.keys(out).filter((file) => file.startsWith(`${dir}/vendor/`))).toEqual([]);
    expect(out[`${dir}/README.md`]).toContain('npm ci             # install exactly what package-lock.json pins');
    expect(out[`${dir}/README.md`]).toContain('package.json installs `sagemaker-gitops@^0.2.0` from the registry npm is configured with');
    expect(parseProjectConfig(JSON.stringify(out[`${dir}/sagemaker-gitops.json`]), dir).toolkit).toEqual({ spec: '^0.2.0' });
  });

  test('the example\'s vendored config file carries no toolkit field', () => {
    const vendored = new Project({ name: 'host', outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'toolkit-source-')) });
    new MlopsProject(vendored, options);
    expect(Testing.synth(vendored)['model-build/sagemaker-gitops.json'].toolkit).toBeUndefined();
  });
});

describe('a private CodeArtifact repository', () => {
  const out = synth({ spec: '0.2.0', codeArtifact: CODE_ARTIFACT });

  // "Configure and use npm with CodeArtifact" (https://docs.aws.amazon.com/codeartifact/latest/ug/npm-auth.html):
  // `aws codeartifact login --tool npm --domain --domain-owner --repository` sets npm's registry and token.
  test('the README logs npm in before `npm ci` and names the permissions it needs', () => {
    const readme: string = out['model-build/README.md'];
    expect(readme).toContain('aws codeartifact login --tool npm --domain acme --domain-owner 111122223333 --repository npm-private --region eu-west-1 && npm ci');
    expect(readme).toContain('the private CodeArtifact repository `npm-private` (domain `acme`, owner 111122223333, eu-west-1)');
    // CodeArtifact user guide, "Domain policies" and "Repository policies": a domain of another account must grant
    // GetAuthorizationToken on the domain and ReadFromRepository on the repository; after the login npm reads every
    // package there, so the repository needs the public npm registry as an upstream.
    expect(readme).toContain('an external connection to `public:npmjs`');
    expect(readme).toContain('the domain policy must also grant the pipeline\'s account `codeartifact:GetAuthorizationToken`');
    expect(readme).toMatch(/`codeartifact:GetAuthorizationToken` on the domain, `codeartifact:GetRepositoryEndpoint` and\n`codeartifact:ReadFromRepository` on the repository, and `sts:GetServiceBearerToken`/);
    expect(parseProjectConfig(JSON.stringify(out['model-deploy/sagemaker-gitops.json']), 'model-deploy').toolkit).toEqual({ spec: '0.2.0', codeArtifact: CODE_ARTIFACT });
  });
});

describe('bad toolkit options', () => {
  test.each([
    // npm-package-arg: a file, a git URL, an alias or a tarball URL is no registry spec.
    ['file:../sagemaker-gitops.tgz', /toolkit\.spec must be a version, range or dist-tag of sagemaker-gitops in a registry, such as "0\.2\.0" or "\^0\.2\.0", got "file:\.\.\/sagemaker-gitops\.tgz" \(npm reads it as a spec of type file;/],
    ['git+https://example.com/acme/toolkit.git', /toolkit\.spec .*got "git\+https:\/\/example\.com\/acme\/toolkit\.git" \(npm reads it as a spec of type git;/],
    ['npm:left-pad@1', /toolkit\.spec .*got "npm:left-pad@1" \(npm reads it as a spec of type alias;/],
    ['not a spec!!', /toolkit\.spec .*got "not a spec!!": Invalid tag name/],
    ['', /toolkit\.spec .*got ""/],
  ])('spec %j', (spec, message) => {
    expect(() => resolveToolkitSource('toolkit', { spec })).toThrow(ConfigError);
    expect(() => resolveToolkitSource('toolkit', { spec })).toThrow(message);
  });

  // CodeArtifact API reference: CreateDomain `domain` (2-50, [a-z][a-z0-9\-]{0,48}[a-z0-9]) and CreateRepository
  // `repository` (2-100, [A-Za-z0-9][A-Za-z0-9._\-]{1,99}); a domain owner is an account id.
  test.each([
    [{ domain: 'Acme' }, /toolkit\.codeArtifact\.domain must be a CodeArtifact domain name .*got "Acme"/],
    [{ domain: 'a' }, /toolkit\.codeArtifact\.domain .*got "a"/],
    [{ domainOwner: '1111' }, /toolkit\.codeArtifact\.domainOwner must be a 12-digit AWS account id .*got "1111"/],
    [{ repository: '-npm' }, /toolkit\.codeArtifact\.repository must be a CodeArtifact repository name .*got "-npm"/],
    [{ region: 'mars-1' }, /toolkit\.codeArtifact\.region must be an AWS region .*got "mars-1"/],
    [{ token: 'x' }, /toolkit\.codeArtifact has an unknown field "token"; allowed: domain, domainOwner, repository, region/],
  ])('codeArtifact %j', (bad, message) => {
    expect(() => resolveToolkitSource('toolkit', { spec: '0.2.0', codeArtifact: { ...CODE_ARTIFACT, ...bad } })).toThrow(message);
  });

  test('a bad option fails before anything is written', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'toolkit-source-'));
    expect(() => new MlopsProject(new Project({ name: 'host', outdir }), { ...options, toolkit: { spec: 'file:x.tgz' } })).toThrow(/toolkit\.spec/);
    expect(fs.readdirSync(outdir)).toEqual([]);
  });
});
