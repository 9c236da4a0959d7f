import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AssemblyStack, assemblyContext, assemblyStacks, endpointStacksByStage, projectCommands } from '../../bench/assembly';
import { synthEnvironment, synthEnvironmentOf } from '../../bench/codebuild-memory';
import { CriticalPath, codePipelinesOf, criticalPath } from '../../bench/critical-path';
import { idleCosts } from '../../bench/idle-cost';
import { ACTION_MODEL } from '../../bench/pipeline-model';
import { ModelBuildApp } from '../../src/model-build';
import { ModelDeployApp, placeholderModel } from '../../src/model-deploy';
import { resourceNamesOf } from '../../src/app-context/resource-names';
import { SEED_MODEL_BUILD_REPO, testConfig } from '../helpers/validated-synth';

const config = testConfig();
const tmp = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

/** Synthesizes both apps of the test project into cloud assemblies, as `cdk synth` writes them. */
function synthesize(): { build: string; deploy: string } {
  // The placeholder model's warning is expected here.
  const quiet = jest.spyOn(console, 'error').mockImplementation(() => {});
  const build = tmp('bench-build-');
  new ModelBuildApp({ config, repoDir: SEED_MODEL_BUILD_REPO, outdir: build }).synth();
  const repo = tmp('bench-deploy-repo-');
  fs.mkdirSync(path.join(repo, 'monitoring'));
  fs.writeFileSync(path.join(repo, 'monitoring', 'drift_check.py'), 'print("drift")\n');
  const deploy = tmp('bench-deploy-');
  new ModelDeployApp({ config, repoDir: repo, model: placeholderModel(config.modelPackageGroupName, 'us-east-1'), outdir: deploy }).synth();
  quiet.mockRestore();
  return { build, deploy };
}

const { build, deploy } = synthesize();

function pathOf(dir: string, assetsPublished = false): CriticalPath {
  const stacks = assemblyStacks(dir);
  const [withPipeline] = stacks.filter((stack) => codePipelinesOf(stack.template).length > 0);
  return criticalPath(codePipelinesOf(withPipeline.template)[0], { ...assemblyContext(withPipeline, stacks, ACTION_MODEL, 'update'), assetsPublished });
}

const actions = (p: CriticalPath) => p.groups.flatMap((g) => g.actions);
const action = (p: CriticalPath, name: string) => {
  const found = actions(p).find((a) => a.name === name);
  if (!found) {
    throw new Error(`no action ${name} in ${actions(p).map((a) => a.name).join(', ')}`);
  }
  return found;
};

describe('assemblyStacks', () => {
  test('lists the stacks of nested stage assemblies with their regions', () => {
    const names = assemblyStacks(deploy).map((s) => [s.stackName, s.region]);
    expect(names).toEqual(expect.arrayContaining([
      ['player-churn-model-deploy-pipeline', 'us-east-1'],
      ['player-churn-staging-endpoint', 'us-east-1'],
      ['player-churn-prod-endpoint', 'us-east-1'],
    ]));
  });

  test('refuses a folder that is not an assembly', () => {
    expect(() => assemblyStacks(tmp('not-an-assembly-'))).toThrow(/is not a synthesized cloud assembly/);
  });
});

describe('projectCommands', () => {
  test('reads inline buildspecs and buildspec files of the assembly; an unknown project has none', () => {
    const [pipelineStack] = assemblyStacks(deploy).filter((s) => codePipelinesOf(s.template).length > 0);
    const all = codePipelinesOf(pipelineStack.template)[0].stages.flatMap((s) => s.actions);
    const synth = all.find((a) => a.name === 'Synth')!;
    expect(projectCommands(pipelineStack, synth.configuration.ProjectName)).toEqual(expect.arrayContaining([
      expect.stringContaining('npm ci'), expect.stringContaining('resolve-model'), expect.stringContaining('cdk synth'),
    ]));
    const assets = all.find((a) => a.name === 'FileAssets')!;
    expect(projectCommands(pipelineStack, assets.configuration.ProjectName)!.some((c) => /cdk-assets .*publish/.test(c))).toBe(true);
    expect(projectCommands(pipelineStack, { Ref: 'NoSuchProject' })).toBeUndefined();
  });
});

describe('the critical paths of the synthesized pipelines', () => {
  const buildPath = pathOf(build);
  const deployPath = pathOf(deploy);

  test('model-build: source, synth, self-mutation, assets, deploy, then the SageMaker pipeline run', () => {
    expect(buildPath.groups.map((g) => g.stage)).toEqual(['Source', 'Build', 'UpdatePipeline', 'Assets', 'Deploy', 'Deploy', 'Deploy']);
    const run = action(buildPath, 'RunSageMakerPipeline');
    expect(run.work.filter((w) => w.what.startsWith('SageMaker step')).map((w) => w.what)).toEqual([
      'SageMaker step Preprocess (Processing)', 'SageMaker step Train (Training)', 'SageMaker step Evaluate (Processing)',
      'SageMaker step CheckAuc (Condition)', 'SageMaker step Register (RegisterModel)',
    ]);
    // The synth step bundles the release tools and checks the deployed pipeline; the run step uses the bundle and installs nothing.
    expect(action(buildPath, 'Synth').work.map((w) => w.what)).toEqual([
      'CodeBuild start', 'npm ci', 'cdk synth', 'release tools bundled', 'self-mutation-check (deployed pipeline stacks compared)', 'assets-check (file assets looked up in their buckets)',
    ]);
    // A commit that leaves the pipeline stack as deployed skips the self-mutation (the stage's entry condition).
    expect(buildPath.groups.find((g) => g.stage === 'UpdatePipeline')).toMatchObject({ minutes: 0, actions: [] });
    expect(buildPath.minutesToRegistration).toBeLessThan(buildPath.totalMinutes);
    expect(run.work.map((w) => w.what)).toEqual(expect.arrayContaining(['CodeBuild start', 'notice the end (half the 30 s poll interval)']));
    expect(run.work.map((w) => w.what)).not.toContain('npm ci');
    expect(buildPath.approvals).toEqual([]);
  });

  test('model-deploy: staging (serverless) and its live test before the release approval, prod after it', () => {
    expect(deployPath.approvals).toEqual(['Prod/ApproveRelease']);
    expect(action(deployPath, 'Synth').work.map((w) => w.what)).toEqual([
      'CodeBuild start', 'npm ci', 'resolve-model', 'cdk synth', 'release payload copied (evaluation report and test split)',
      'input-check (the model inputs compared with the version production serves)', 'prod-change-check (deployed production stacks compared)', 'release tools bundled', 'self-mutation-check (deployed pipeline stacks compared)',
      'assets-check (file assets looked up in their buckets)',
    ]);
    expect(action(deployPath, 'player-churn-staging-endpoint.Deploy').work.map((w) => w.what)).toContain('player-churn-staging: serverless endpoint updated');
    expect(action(deployPath, 'TestStaging').work.map((w) => w.what)).toContain('live endpoint test');
    const before = deployPath.groups.filter((g) => g.endsAt <= deployPath.minutesBeforeApproval).flatMap((g) => g.actions.map((a) => a.name));
    expect(before).toEqual(expect.arrayContaining(['player-churn-staging-endpoint.Deploy', 'TestStaging']));
    expect(before).not.toContain('player-churn-prod-endpoint.Deploy');
  });

  // Developer guide "Use all at once traffic shifting" (the alarms watch the baking period) and API reference
  // "BlueGreenUpdatePolicy" (TerminationWaitInSeconds, default 0): the default release bakes and keeps no old fleet.
  test('after the approval, the registry check; the production deploy waits the default baking period only, then the release is verified and smoke-tested', () => {
    const check = action(deployPath, 'CheckRegistryApproval');
    expect(check.work).toEqual([expect.objectContaining({ what: expect.stringMatching(/^Lambda function RegistryApprovalCheckFunction\w+ invoked$/), minutes: ACTION_MODEL.lambdaInvoke.minutes })]);
    const prod = action(deployPath, 'player-churn-prod-endpoint.Deploy');
    const waits = prod.work.filter((w) => w.basis === 'documented').map((w) => w.what);
    expect(waits).toEqual(['player-churn-prod: all-at-once baking 1 x 5 min']);
    const verify = action(deployPath, 'VerifyRelease');
    expect(verify.work.map((w) => w.what)).toEqual(['CodeBuild start', 'verify-release (the endpoint serves the release)', 'live endpoint test']);
    expect(deployPath.minutesAfterApproval).toBeCloseTo(check.minutes + prod.minutes + verify.minutes);
  });

  // The synth step's assets-check answers not-needed when every file asset is in its bucket: the Assets stage's
  // entry condition then skips it (a release whose repository did not change since the release before).
  test('the Assets stage runs unless every asset is already published, and is then skipped', () => {
    expect(deployPath.groups.find((g) => g.stage === 'Assets')?.actions.map((a) => a.name)).toEqual(['FileAssets']);
    const published = pathOf(deploy, true);
    expect(published.groups.find((g) => g.stage === 'Assets')).toMatchObject({ actions: [], minutes: 0, skipped: 'skipped: the assets check found every file asset in its bucket' });
    expect(deployPath.totalMinutes - published.totalMinutes).toBeCloseTo(action(deployPath, 'FileAssets').minutes);
  });

  test('TestStaging verifies the staging release too, from the release tools bundle (no npm ci); its variable exports cost nothing', () => {
    expect(action(deployPath, 'TestStaging').work.map((w) => w.what)).toEqual(['CodeBuild start', 'verify-release (the endpoint serves the release)', 'live endpoint test']);
  });
});

describe('endpointStacksByStage and idle cost of the synthesized endpoints', () => {
  test('finds both stages\' endpoint stacks by their names; prod idles at the autoscaling minimum', () => {
    const stages = endpointStacksByStage(assemblyStacks(deploy), resourceNamesOf(config));
    expect(stages.map((s) => [s.stage, s.stack.stackName])).toEqual([['staging', 'player-churn-staging-endpoint'], ['prod', 'player-churn-prod-endpoint']]);
    const costs = idleCosts(stages.map(({ stage, stack }) => ({ stage, region: stack.region, template: stack.template })));
    expect(costs.map((c) => [c.stage, c.kind, c.idleInstances, c.maxInstances])).toEqual([['staging', 'serverless', 0, 0], ['prod', 'realtime', 1, 4]]);
  });

  test('a missing endpoint stack is named', () => {
    expect(() => endpointStacksByStage(assemblyStacks(build), resourceNamesOf(config))).toThrow(/has no stack player-churn-staging-endpoint \(the staging endpoint\)/);
  });
});

describe('synthEnvironment', () => {
  // AWS CodeBuild User Guide, "Build environment compute modes and types": BUILD_GENERAL1_SMALL on
  // LINUX_CONTAINER has 3 GB of memory; the bench sets each app's synth against it.
  test('reads the synth step\'s build container from both pipelines: Linux small, 3 GB', () => {
    expect(synthEnvironment(build)).toEqual({ stackName: 'player-churn-model-build-pipeline', type: 'LINUX_CONTAINER', computeType: 'BUILD_GENERAL1_SMALL', memoryMb: 3072 });
    expect(synthEnvironment(deploy)).toMatchObject({ stackName: 'player-churn-model-deploy-pipeline', computeType: 'BUILD_GENERAL1_SMALL', memoryMb: 3072 });
  });

  const project = (buildSpec: string, environment: Record<string, string>) => ({ Type: 'AWS::CodeBuild::Project', Properties: { Source: { BuildSpec: buildSpec }, Environment: environment } });
  const stack = (resources: Record<string, unknown>): AssemblyStack => ({ stackName: 'p', region: 'us-east-1', rootDir: '/x', template: { Resources: resources } as AssemblyStack['template'] });
  const synthSpec = JSON.stringify({ phases: { build: { commands: ['npx cdk synth --no-notices'] } } });

  test('finds the project by its `cdk synth` command, on ARM too', () => {
    const other = project(JSON.stringify({ phases: { build: { commands: ['node tools/run.js'] } } }), { Type: 'LINUX_CONTAINER', ComputeType: 'BUILD_GENERAL1_LARGE' });
    expect(synthEnvironmentOf([stack({ Other: other, Synth: project(synthSpec, { Type: 'ARM_CONTAINER', ComputeType: 'BUILD_GENERAL1_MEDIUM' }) })], 'x').memoryMb).toBe(8192);
  });

  test('refuses an assembly with no synth project, two of them, or a compute type the table lacks', () => {
    expect(() => synthEnvironmentOf([stack({})], 'the assembly')).toThrow('expected one CodeBuild project running `cdk synth` in the assembly, found 0');
    const small = project(synthSpec, { Type: 'LINUX_CONTAINER', ComputeType: 'BUILD_GENERAL1_SMALL' });
    expect(() => synthEnvironmentOf([stack({ A: small }), stack({ B: small })], 'x')).toThrow(/found 2/);
    expect(() => synthEnvironmentOf([stack({ A: project(synthSpec, { Type: 'LINUX_LAMBDA_CONTAINER', ComputeType: 'BUILD_LAMBDA_1GB' }) })], 'x'))
      .toThrow('the synth project of p runs on LINUX_LAMBDA_CONTAINER BUILD_LAMBDA_1GB, whose memory bench/codebuild-memory.ts does not list');
  });
});
