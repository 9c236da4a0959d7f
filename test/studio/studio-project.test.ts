import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as sns from 'aws-cdk-lib/aws-sns';
import { ConfigError } from '../../src/config';
import { resourceNamesOf } from '../../src/app-context/resource-names';
import {
  STUDIO_CONTEXT_KEYS, StudioProject, applyStudioProject, applyStudioProjectContext, bootstrapBuildSpec, studioContextArguments,
  studioContextArgumentsOf, studioProjectContext, studioProjectFromContext,
} from '../../src/studio';
import { testConfig } from '../helpers/validated-synth';

const LAUNCH_CONNECTION = 'arn:aws:codestar-connections:eu-west-1:111111111111:connection/0a1b2c3d-4e5f-4a5b-8c7d-9e8f7a6b5c4d';

const PROJECT: StudioProject = {
  projectName: 'churn-studio',
  projectId: 'p-abcdefghijkl',
  region: 'eu-west-1',
  buildAccount: '111111111111',
  connectionArn: LAUNCH_CONNECTION,
  modelBuild: { repository: 'team/churn-build', branch: 'main' },
  modelDeploy: { repository: 'team/churn-deploy', branch: 'release/2' },
};

function appWith(context: Record<string, string>): App {
  return new App({ context });
}

describe('studioProjectFromContext', () => {
  test('no project name in the context: not a Studio launch', () => {
    expect(studioProjectFromContext(appWith({}))).toBeUndefined();
    expect(studioProjectFromContext(appWith({ [STUDIO_CONTEXT_KEYS.projectName]: '' }))).toBeUndefined();
    expect(studioContextArgumentsOf(appWith({}))).toEqual([]);
  });

  test('reads back what studioProjectContext writes, with and without stage accounts', () => {
    expect(studioProjectFromContext(appWith(studioProjectContext(PROJECT)))).toEqual(PROJECT);
    const withStages = { ...PROJECT, stagingAccount: '222222222222', prodAccount: '333333333333' };
    expect(studioProjectFromContext(appWith(studioProjectContext(withStages)))).toEqual(withStages);
  });

  test('a project name without the other keys names the missing ones', () => {
    const { [STUDIO_CONTEXT_KEYS.connectionArn]: _connection, [STUDIO_CONTEXT_KEYS.modelDeployBranch]: _branch, ...partial } = studioProjectContext(PROJECT);
    expect(() => studioProjectFromContext(appWith(partial))).toThrow(new ConfigError(
      'the context sets sagemaker-gitops:studio:project-name but not sagemaker-gitops:studio:connection-arn, sagemaker-gitops:studio:model-deploy-branch: ' +
      'a Studio project needs every one of them (the project template\'s bootstrap build passes them all)',
    ));
  });

  test.each(['p_1', '-p', 'a'.repeat(21)])('project id %p is not one SageMaker gives', (projectId) => {
    expect(() => studioProjectFromContext(appWith(studioProjectContext({ ...PROJECT, projectId }))))
      .toThrow(`sagemaker-gitops:studio:project-id must be a SageMaker project id of 1 to 20 letters, digits and inner hyphens (^[a-zA-Z0-9](-*[a-zA-Z0-9])*$), got ${JSON.stringify(projectId)}`);
  });

  test('a value that is not a string is refused', () => {
    const app = new App({ context: { ...studioProjectContext(PROJECT), [STUDIO_CONTEXT_KEYS.region]: 42 } });
    expect(() => studioProjectFromContext(app)).toThrow('the context sagemaker-gitops:studio:region must be a string, got 42');
  });
});

describe('applyStudioProject', () => {
  // Amazon S3 User Guide, "General purpose bucket naming rules": the template's AllowedPattern has no lookahead to
  // refuse these prefixes, so the bootstrap build's synth does, before any of the project's stacks is deployed.
  test.each(['sthree-churn', 'xn--churn', 'amzn-s3-demo-churn'])('a launch named %p stops at the synth, naming the prefix', (projectName) => {
    expect(() => applyStudioProject(testConfig(), { ...PROJECT, projectName })).toThrow(new RegExp(`^projectName "${projectName}" starts with ".*", which Amazon S3 reserves`));
  });

  test('the launch names the project, its group, sources and build environment', () => {
    const config = applyStudioProject(testConfig(), PROJECT);
    expect(config).toMatchObject({
      projectName: 'churn-studio',
      region: 'eu-west-1',
      modelPackageGroupName: 'churn-studio-p-abcdefghijkl',
      environments: {
        build: { account: '111111111111', region: 'eu-west-1' },
        staging: { account: '111111111111', region: 'eu-west-1' },
        prod: { account: '111111111111', region: 'eu-west-1' },
      },
      source: {
        modelBuild: { connectionArn: LAUNCH_CONNECTION, repository: 'team/churn-build', branch: 'main' },
        modelDeploy: { connectionArn: LAUNCH_CONNECTION, repository: 'team/churn-deploy', branch: 'release/2' },
      },
    });
    // Everything else comes from the config file.
    expect(config.instanceTypes).toEqual(testConfig().instanceTypes);
    expect(config.endpoints).toEqual(testConfig().endpoints);
  });

  test('the stacks and pipelines take the launch\'s names', () => {
    const names = resourceNamesOf(applyStudioProject(testConfig(), PROJECT));
    expect([names.modelBuildPipelineStack, names.modelDeployPipelineStack, names.modelPackageGroup])
      .toEqual(['churn-studio-model-build-pipeline', 'churn-studio-model-deploy-pipeline', 'churn-studio-p-abcdefghijkl']);
  });

  test('stage accounts of the launch win; a stage in a region of its own keeps it', () => {
    const config = testConfig({ environments: { build: { account: '999999999999' }, prod: { account: '888888888888', region: 'us-west-2' } } });
    const applied = applyStudioProject(config, { ...PROJECT, stagingAccount: '222222222222' });
    expect(applied.environments).toEqual({
      build: { account: '111111111111', region: 'eu-west-1' },
      staging: { account: '222222222222', region: 'eu-west-1' },
      prod: { account: '888888888888', region: 'us-west-2' },
    });
  });

  // SageMaker Developer Guide, "Deploy a Model Version from a Different Account": the account that creates a
  // model from a version needs the group's resource policy, and the Studio template's group grants only the
  // accounts the launch names (StagingAccountId, ProdAccountId).
  test('a stage account of the config file in the launch region must be named by the launch too', () => {
    const config = testConfig({ environments: { build: { account: '999999999999', region: 'eu-west-1' }, staging: { account: '222222222222' }, prod: { account: '333333333333' } } });
    expect(() => applyStudioProject(config, PROJECT)).toThrow(new ConfigError(
      'environments.staging.account is 222222222222 in the repositories\' config, but the Studio launch did not name it (StagingAccountId): '
      + 'the launch\'s model package group lets only the accounts the launch names create models from its versions, so the staging deploy would be refused. '
      + 'Launch the project with StagingAccountId=222222222222',
    ));
    expect(() => applyStudioProject(config, { ...PROJECT, stagingAccount: '222222222222' })).toThrow(/^environments\.prod\.account is 333333333333 .* \(ProdAccountId\)/);
    expect(applyStudioProject(config, { ...PROJECT, stagingAccount: '222222222222', prodAccount: '333333333333' }).environments.prod.account).toBe('333333333333');
  });

  test('every value is checked as .projenrc.ts options are', () => {
    expect(() => applyStudioProject(testConfig(), { ...PROJECT, modelBuild: { repository: 'no-owner', branch: 'main' } }))
      .toThrow(/^source.modelBuild.repository must be a repository in the form owner\/name/);
    expect(() => applyStudioProject(testConfig(), { ...PROJECT, projectName: '9lives' })).toThrow(/^projectName must start with a letter/);
  });
});

describe('applyStudioProjectContext', () => {
  test('outside a Studio launch the config is unchanged and nothing is tagged', () => {
    const app = appWith({});
    const config = testConfig();
    expect(applyStudioProjectContext(app, config)).toBe(config);
    const stack = new Stack(app, 'S');
    new sns.Topic(stack, 'Topic');
    expect(JSON.stringify(Template.fromStack(stack).toJSON())).not.toContain('sagemaker:project');
  });

  test('in a Studio launch every resource is tagged with the project\'s name and id', () => {
    const app = appWith(studioProjectContext(PROJECT));
    expect(applyStudioProjectContext(app, testConfig()).projectName).toBe('churn-studio');
    const stack = new Stack(app, 'S');
    new sns.Topic(stack, 'Topic');
    Template.fromStack(stack).hasResourceProperties('AWS::SNS::Topic', {
      Tags: [{ Key: 'sagemaker:project-id', Value: 'p-abcdefghijkl' }, { Key: 'sagemaker:project-name', Value: 'churn-studio' }],
    });
  });

  test('studioContextArguments passes the launch on, each value shell-quoted', () => {
    const args = studioContextArguments({ ...PROJECT, modelDeploy: { repository: 'team/churn-deploy', branch: 'it\'s' } });
    expect(args.slice(0, 4)).toEqual(['-c', '\'sagemaker-gitops:studio:project-name=churn-studio\'', '-c', '\'sagemaker-gitops:studio:project-id=p-abcdefghijkl\'']);
    const words = execFileSync('bash', ['-c', `printf '%s\\n' ${args.join(' ')}`], { encoding: 'utf-8', stdio: 'pipe' }).trimEnd().split('\n');
    expect(words).toContain('sagemaker-gitops:studio:model-deploy-branch=it\'s');
    expect(words.filter((word) => word === '-c')).toHaveLength(9);
  });
});

describe('the bootstrap buildspec, run by bash', () => {
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bootstrap-'));
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin);
    // Stand-ins for npm and npx: npm installs nothing, npx records its arguments, one per line.
    fs.writeFileSync(path.join(bin, 'npm'), '#!/bin/bash\necho "npm $*" >> "$CALLS"\n', { mode: 0o755 });
    fs.writeFileSync(path.join(bin, 'npx'), '#!/bin/bash\nprintf "%s\\n" "$PWD" "$@" > "$CALLS.npx.$(ls "$CALLS".npx.* 2>/dev/null | wc -l)"\n', { mode: 0o755 });
    for (const repo of ['build', 'deploy']) {
      fs.mkdirSync(path.join(dir, repo));
      fs.writeFileSync(path.join(dir, repo, 'package-lock.json'), '{}');
    }
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Runs the build phase's commands as CodeBuild would, with the launch's environment; returns each npx call. */
  function runBuild(env: Record<string, string>): Array<{ cwd: string; args: string[] }> {
    const calls = path.join(dir, 'calls');
    const spec = bootstrapBuildSpec() as { phases: { build: { commands: string[] } } };
    for (const command of spec.phases.build.commands) {
      execFileSync('bash', ['-c', command], {
        stdio: 'pipe',
        env: {
          PATH: `${path.join(dir, 'bin')}:${process.env.PATH}`,
          CALLS: calls,
          CODEBUILD_SRC_DIR: path.join(dir, 'build'),
          CODEBUILD_SRC_DIR_model_deploy: path.join(dir, 'deploy'),
          AWS_REGION: 'eu-west-1',
          SAGEMAKER_PROJECT_NAME: 'churn-studio',
          SAGEMAKER_PROJECT_ID: 'p-abcdefghijkl',
          BUILD_ACCOUNT: '111111111111',
          CODE_CONNECTION_ARN: LAUNCH_CONNECTION,
          MODEL_BUILD_REPOSITORY: 'team/churn-build',
          MODEL_BUILD_BRANCH: 'main',
          MODEL_DEPLOY_REPOSITORY: 'team/churn-deploy',
          MODEL_DEPLOY_BRANCH: 'release/2',
          ...env,
        },
      });
    }
    expect(fs.readFileSync(calls, 'utf-8')).toBe('npm ci --no-audit --no-fund\nnpm ci --no-audit --no-fund\n');
    return [0, 1].map((n) => {
      const [cwd, ...args] = fs.readFileSync(`${calls}.npx.${n}`, 'utf-8').trimEnd().split('\n');
      return { cwd, args };
    });
  }

  /** The context of `cdk` arguments. */
  function contextOf(args: string[]): Record<string, string> {
    const context: Record<string, string> = {};
    args.forEach((arg, i) => {
      if (arg === '-c') {
        const [key, ...value] = args[i + 1].split('=');
        context[key] = value.join('=');
      }
    });
    return context;
  }

  test('deploys each repository\'s pipeline stack, named as the apps name it for the launch', () => {
    const [build, deploy] = runBuild({ STAGING_ACCOUNT: 'none', PROD_ACCOUNT: 'none' });
    expect(build.cwd).toBe(path.join(dir, 'build'));
    expect(deploy.cwd).toBe(path.join(dir, 'deploy'));
    expect(build.args.slice(0, 6)).toEqual(['cdk', 'deploy', 'churn-studio-model-build-pipeline', '--require-approval', 'never', '--no-notices']);
    expect(deploy.args.slice(0, 8)).toEqual(['cdk', 'deploy', 'churn-studio-model-deploy-pipeline', '--require-approval', 'never', '--no-notices', '-c', 'sagemaker-gitops:placeholder-model=true']);

    for (const call of [build, deploy]) {
      const project = studioProjectFromContext(appWith(contextOf(call.args)));
      expect(project).toEqual(PROJECT);
      const names = resourceNamesOf(applyStudioProject(testConfig(), project!));
      expect([names.modelBuildPipelineStack, names.modelDeployPipelineStack]).toContain(call.args[2]);
    }
  });

  test('stage accounts reach the apps only when given', () => {
    const [build] = runBuild({ STAGING_ACCOUNT: '222222222222', PROD_ACCOUNT: 'none' });
    expect(studioProjectFromContext(appWith(contextOf(build.args)))).toEqual({ ...PROJECT, stagingAccount: '222222222222' });
  });

  test('a failing install stops before the deploy', () => {
    fs.writeFileSync(path.join(dir, 'bin', 'npm'), '#!/bin/bash\nexit 1\n', { mode: 0o755 });
    expect(() => runBuild({ STAGING_ACCOUNT: 'none', PROD_ACCOUNT: 'none' })).toThrow();
    expect(fs.readdirSync(dir).filter((file) => file.startsWith('calls.npx'))).toEqual([]);
  });
});
