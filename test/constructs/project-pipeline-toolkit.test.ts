/**
 * ProjectPipeline's synth step installs exactly from the lock file, after checking a vendored
 * toolkit; with the toolkit in a private CodeArtifact repository it logs npm in first, and its role
 * has exactly the permissions CodeArtifact documents for that.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { INSTALL_COMMAND, SYNTH_INSTALL_COMMANDS } from '../../src/constructs/project-pipeline';
import { ModelBuildApp } from '../../src/model-build';
import { SEED_MODEL_BUILD_REPO, findingsOfApp, testConfig } from '../helpers/validated-synth';

const CODE_ARTIFACT = { domain: 'acme', domainOwner: '111122223333', repository: 'npm-private', region: 'eu-west-1' };

function synthProject(template: Template): any {
  return Object.values<any>(template.findResources('AWS::CodeBuild::Project')).find((p) => JSON.stringify(p.Properties.Source.BuildSpec).includes('cdk synth'));
}

function statementsOfRole(template: Template, roleLogicalId: string): any[] {
  return Object.values<any>(template.findResources('AWS::IAM::Policy'))
    .filter((p) => JSON.stringify(p.Properties.Roles).includes(roleLogicalId))
    .flatMap((p) => p.Properties.PolicyDocument.Statement);
}

describe('the synth step\'s install', () => {
  test('is the vendored toolkit\'s check, then `npm ci` (never `npm install`)', () => {
    expect(INSTALL_COMMAND).toBe('npm ci --no-audit --no-fund');
    expect(SYNTH_INSTALL_COMMANDS).toEqual(['[ ! -f vendor/check-toolkit.js ] || node vendor/check-toolkit.js', 'npm ci --no-audit --no-fund']);
  });
});

describe('the toolkit from a private CodeArtifact repository', () => {
  const config = testConfig({ toolkit: { spec: '0.2.0', codeArtifact: CODE_ARTIFACT } });
  const app = new ModelBuildApp({ config, repoDir: SEED_MODEL_BUILD_REPO, outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'codeartifact-')) });
  const template = Template.fromStack(app.pipelineStack);
  const synth = synthProject(template);

  // "Configure and use npm with CodeArtifact" (https://docs.aws.amazon.com/codeartifact/latest/ug/npm-auth.html).
  test('the synth step logs npm in before it installs', () => {
    expect(JSON.parse(synth.Properties.Source.BuildSpec).phases.install.commands).toEqual([
      'aws codeartifact login --tool npm --domain acme --domain-owner 111122223333 --repository npm-private --region eu-west-1',
      ...SYNTH_INSTALL_COMMANDS,
    ]);
  });

  // "AWS CodeArtifact permissions reference" (https://docs.aws.amazon.com/codeartifact/latest/ug/auth-and-access-control-permissions-reference.html):
  // GetAuthorizationToken is a domain action, GetRepositoryEndpoint and ReadFromRepository repository actions (ARN
  // arn:aws:codeartifact:region:account:repository/domain/repo). "Provision an IAM user"
  // (https://docs.aws.amazon.com/codeartifact/latest/ug/get-set-up-provision-user.html): GetAuthorizationToken needs
  // sts:GetServiceBearerToken, in an identity policy, with the condition sts:AWSServiceName codeartifact.amazonaws.com.
  test('its role may log in to and read that repository, and nothing more of CodeArtifact', () => {
    const roleId = synth.Properties.ServiceRole['Fn::GetAtt'][0];
    const statements = statementsOfRole(template, roleId);
    const arn = (resource: string) => `arn:aws:codeartifact:eu-west-1:111122223333:${resource}`;
    expect(statements).toEqual(expect.arrayContaining([
      { Effect: 'Allow', Action: 'codeartifact:GetAuthorizationToken', Resource: arn('domain/acme') },
      { Effect: 'Allow', Action: ['codeartifact:GetRepositoryEndpoint', 'codeartifact:ReadFromRepository'], Resource: arn('repository/acme/npm-private') },
      { Effect: 'Allow', Action: 'sts:GetServiceBearerToken', Resource: '*', Condition: { StringEquals: { 'sts:AWSServiceName': 'codeartifact.amazonaws.com' } } },
    ]));
    const codeArtifactActions = Object.values<any>(template.findResources('AWS::IAM::Policy'))
      .flatMap((p) => p.Properties.PolicyDocument.Statement)
      .flatMap((s) => [s.Action].flat())
      .filter((action: string) => action.startsWith('codeartifact:') || action === 'sts:GetServiceBearerToken');
    expect(codeArtifactActions.sort()).toEqual(['codeartifact:GetAuthorizationToken', 'codeartifact:GetRepositoryEndpoint', 'codeartifact:ReadFromRepository', 'sts:GetServiceBearerToken']);
  });

  test('the app still passes cdk-nag, AWS Control Tower\'s controls and the guardrails', () => {
    expect(findingsOfApp(new ModelBuildApp({ config, repoDir: SEED_MODEL_BUILD_REPO, outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'codeartifact-')) }))).toEqual([]);
  }, 300_000);
});

describe('a vendored toolkit', () => {
  test('gives the synth role no CodeArtifact permission and runs no login', () => {
    const template = Template.fromStack(new ModelBuildApp({ config: testConfig(), repoDir: SEED_MODEL_BUILD_REPO, outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'vendored-')) }).pipelineStack);
    expect(JSON.stringify(template.toJSON())).not.toMatch(/codeartifact|GetServiceBearerToken/);
    expect(JSON.parse(synthProject(template).Properties.Source.BuildSpec).phases.install.commands).toEqual(SYNTH_INSTALL_COMMANDS);
  });
});
