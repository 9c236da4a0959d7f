import { PathContext, PipelineSpec, commandWork, criticalPath } from '../../bench/critical-path';
import { ACTION_MODEL, ActionModel } from '../../bench/pipeline-model';
import { twoReleases } from '../../bench/release-restart';
import { testConfig } from '../helpers/validated-synth';

const MODEL: ActionModel = {
  ...ACTION_MODEL,
  sourceFetch: { minutes: 1, basis: 'assumption', note: '' },
  codeBuildStart: { minutes: 1, basis: 'assumption', note: '' },
  npmCi: { minutes: 2, basis: 'assumption', note: '' },
  npmGlobalInstall: { minutes: 0.5, basis: 'assumption', note: '' },
  cdkSynth: { minutes: 0.5, basis: 'assumption', note: '' },
  selfMutateDeploy: { minutes: 0.5, basis: 'assumption', note: '' },
  selfMutateUpdate: { minutes: 1.5, basis: 'assumption', note: '' },
  assetPublish: { minutes: 0.5, basis: 'assumption', note: '' },
};

const COMMANDS: Record<string, string[]> = {
  Synth: ['npm ci', 'npx cdk synth'],
  SelfMutate: ['npm install -g aws-cdk@2', 'cdk -a . deploy pipeline --require-approval=never'],
  FileAssets: ['npm install -g cdk-assets', 'cdk-assets --path "x" publish "y"'],
};

const spec: PipelineSpec = {
  name: 'deploy',
  stages: ['Source', 'Build', 'UpdatePipeline', 'Assets'].map((stage, i) => ({
    name: stage,
    actions: [{ stage, name: ['Source', 'Synth', 'SelfMutate', 'FileAssets'][i], runOrder: 1, category: i === 0 ? 'Source' : 'Build', provider: i === 0 ? 'CodeStarSourceConnection' : 'CodeBuild', configuration: {} }],
  })),
};

const context = (releaseChangesPipeline?: boolean): PathContext => ({
  model: MODEL,
  scenario: 'update',
  commandsOf: (action) => COMMANDS[action.name],
  stackTemplate: () => undefined,
  sageMakerPipeline: () => undefined,
  releaseChangesPipeline,
});

describe('a release that changes the pipeline stack', () => {
  test('without: the self-mutation finds nothing to change', () => {
    const path = criticalPath(spec, context());
    // Source 1; Synth 1 + 2 + 0.5; SelfMutate 1 + 0.5 + 0.5; Assets 1 + 0.5 + 0.5.
    expect(path.groups.map((g) => g.minutes)).toEqual([1, 3.5, 2, 2]);
    expect(criticalPath(spec, context(false)).totalMinutes).toBe(path.totalMinutes);
  });

  test('with: the pipeline is updated and the execution restarts, running Source to UpdatePipeline again', () => {
    const path = criticalPath(spec, context(true));
    const selfMutate = path.groups[2].actions[0];
    expect(selfMutate.work.slice(-2)).toEqual([
      { what: 'the release changed the pipeline stack: CodePipeline updated', minutes: 1.5, basis: 'assumption' },
      { what: 'execution restarted: the actions up to the self-mutation run again', minutes: 1 + 3.5 + 2, basis: 'documented' },
    ]);
    expect(path.totalMinutes).toBe(criticalPath(spec, context()).totalMinutes + 1.5 + 6.5);
  });
});

describe('commandWork for the release checks', () => {
  test('verify-release takes its figure; the variable exports, the input link and copies are shell only', () => {
    const ctx = context();
    expect(commandWork('npx sagemaker-gitops verify-release --stack s --endpoint e --model release/resolved-model.json', ctx))
      .toEqual([{ what: 'verify-release (the endpoint serves the release)', minutes: ACTION_MODEL.releaseVerify.minutes, basis: 'assumption' }]);
    expect(commandWork('export MODEL_VERSION="$(node -p "1")"', ctx)).toEqual([]);
    expect(commandWork('[ ! -d "release" ] || { exit 1; } && ln -s -- "$CODEBUILD_SRC_DIR_Synth_Output" "release"', ctx)).toEqual([]);
    expect(commandWork('cp resolved-model.json cdk.out/resolved-model.json', ctx)).toEqual([]);
    expect(commandWork('npx sagemaker-gitops test-endpoint --endpoint e --limit 20', ctx)).toEqual([expect.objectContaining({ what: 'live endpoint test' })]);
  });
});

test('the two releases the bench synthesizes differ in version, package, artifact and AUC', () => {
  const [first, second] = twoReleases(testConfig());
  expect(second.version).toBe(first.version + 1);
  expect(second.modelPackageArn).not.toBe(first.modelPackageArn);
  expect(second.modelDataUrl).not.toBe(first.modelDataUrl);
  expect(second.auc).not.toBe(first.auc);
});
