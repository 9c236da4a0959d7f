import {
  PathContext, PipelineSpec, Template, actionWork, buildSpecCommands, codePipelinesOf, commandWork, criticalPath, endToEnd, endpointWork,
  endpointsOf, pipelineDefinitionOf, sageMakerCriticalPath,
} from '../../bench/critical-path';
import { ACTION_MODEL, ActionModel, withMeasuredSynth } from '../../bench/pipeline-model';

/** A model with round figures, so that sums are easy to check. */
const MODEL: ActionModel = {
  ...ACTION_MODEL,
  sourceFetch: { minutes: 1, basis: 'assumption', note: '' },
  eventTrigger: { minutes: 0.5, basis: 'assumption', note: '' },
  codeBuildStart: { minutes: 1, basis: 'assumption', note: '' },
  npmCi: { minutes: 2, basis: 'assumption', note: '' },
  cdkSynth: { minutes: 0.5, basis: 'assumption', note: '' },
  cfnChangeSet: { minutes: 1, basis: 'assumption', note: '' },
  cfnExecute: { minutes: 1, basis: 'assumption', note: '' },
  realtimeFleet: { minutes: 6, basis: 'assumption', note: '' },
  serverlessUpdate: { minutes: 3, basis: 'assumption', note: '' },
  endpointTest: { minutes: 0.5, basis: 'assumption', note: '' },
  pipelineStart: { minutes: 0, basis: 'assumption', note: '' },
  processingStep: { minutes: 5, basis: 'assumption', note: '' },
  trainingStep: { minutes: 4, basis: 'assumption', note: '' },
  conditionStep: { minutes: 0, basis: 'assumption', note: '' },
  registerStep: { minutes: 1, basis: 'assumption', note: '' },
};

const realtimeStack = (deploymentConfig?: object): Template => ({
  Resources: {
    Config: { Type: 'AWS::SageMaker::EndpointConfig', Properties: { ProductionVariants: [{ VariantName: 'AllTraffic', InstanceType: 'ml.m5.large', InitialInstanceCount: 2 }] } },
    Endpoint: {
      Type: 'AWS::SageMaker::Endpoint',
      Properties: { EndpointName: 'demo-prod', EndpointConfigName: { 'Fn::GetAtt': ['Config', 'EndpointConfigName'] }, DeploymentConfig: deploymentConfig },
    },
  },
});

const serverlessStack: Template = {
  Resources: {
    Config: { Type: 'AWS::SageMaker::EndpointConfig', Properties: { ProductionVariants: [{ VariantName: 'AllTraffic', ServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5 } }] } },
    Endpoint: { Type: 'AWS::SageMaker::Endpoint', Properties: { EndpointName: 'demo-staging', EndpointConfigName: { 'Fn::GetAtt': ['Config', 'EndpointConfigName'] } } },
  },
};

const canary = (waitSeconds: number, terminationSeconds: number) => ({
  BlueGreenUpdatePolicy: {
    TrafficRoutingConfiguration: { Type: 'CANARY', WaitIntervalInSeconds: waitSeconds, CanarySize: { Type: 'CAPACITY_PERCENT', Value: 10 } },
    TerminationWaitInSeconds: terminationSeconds,
  },
});

function context(overrides: Partial<PathContext> = {}): PathContext {
  return {
    model: MODEL,
    scenario: 'update',
    commandsOf: () => undefined,
    stackTemplate: () => undefined,
    sageMakerPipeline: () => undefined,
    ...overrides,
  };
}

const sum = (items: readonly { minutes: number }[]) => items.reduce((total, item) => total + item.minutes, 0);
const last = <T>(items: readonly T[]): T => items[items.length - 1];

describe('codePipelinesOf', () => {
  test('reads stages and actions with run orders (1 when absent), category, provider and configuration', () => {
    const template: Template = {
      Resources: {
        Bucket: { Type: 'AWS::S3::Bucket' },
        Pipe: {
          Type: 'AWS::CodePipeline::Pipeline',
          Properties: {
            Name: 'demo',
            Stages: [
              { Name: 'Source', Actions: [{ Name: 'Src', ActionTypeId: { Category: 'Source', Provider: 'CodeStarSourceConnection' }, Configuration: { BranchName: 'main' } }] },
              { Name: 'Prod', Actions: [{ Name: 'Ok', RunOrder: 2, ActionTypeId: { Category: 'Approval', Provider: 'Manual' } }] },
            ],
          },
        },
      },
    };
    expect(codePipelinesOf(template)).toEqual([{
      name: 'demo',
      stages: [
        { name: 'Source', actions: [{ stage: 'Source', name: 'Src', runOrder: 1, category: 'Source', provider: 'CodeStarSourceConnection', configuration: { BranchName: 'main' } }] },
        { name: 'Prod', actions: [{ stage: 'Prod', name: 'Ok', runOrder: 2, category: 'Approval', provider: 'Manual', configuration: {} }] },
      ],
    }]);
  });

  test('a pipeline without a literal name is named by its logical id; no pipeline, no result', () => {
    expect(codePipelinesOf({ Resources: { P: { Type: 'AWS::CodePipeline::Pipeline', Properties: { Name: { Ref: 'X' }, Stages: [] } } } })[0].name).toBe('P');
    expect(codePipelinesOf({})).toEqual([]);
  });
});

describe('buildSpecCommands', () => {
  test('lists install, pre_build, build and post_build commands in that order', () => {
    expect(buildSpecCommands({ phases: { build: { commands: ['b'] }, post_build: { commands: ['p'] }, install: { commands: ['i1', 'i2'] } } })).toEqual(['i1', 'i2', 'b', 'p']);
    expect(buildSpecCommands({ version: '0.2' })).toEqual([]);
  });
});

describe('commandWork', () => {
  const whatOf = (command: string) => commandWork(command, context()).map((w) => w.what);

  test('recognises the commands of the synthesized buildspecs', () => {
    expect(whatOf('if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi')).toEqual(['npm ci']);
    expect(whatOf('npm install -g aws-cdk@2')).toEqual(['npm install -g aws-cdk@2']);
    expect(whatOf('npx cdk synth --no-notices')).toEqual(['cdk synth']);
    expect(whatOf('npx sagemaker-gitops resolve-model --group g --out resolved-model.json')).toEqual(['resolve-model']);
    expect(whatOf('cdk -a . deploy demo-pipeline --require-approval=never --verbose')).toEqual(['cdk deploy (self-mutation, no change)']);
    expect(whatOf('cdk-assets --path "assembly/x.assets.json" --verbose publish "abc:current_account-us-east-1"')).toEqual(['cdk-assets publish']);
    expect(whatOf('npx sagemaker-gitops test-endpoint --endpoint demo-staging --payload test/payload.csv')).toEqual(['live endpoint test']);
    expect(whatOf('pip install --upgrade boto3')).toEqual(['pip install']);
    expect(whatOf('mkdir -p ~/.aws')).toEqual([]);
    expect(whatOf('make lint')).toEqual(['command: make lint']);
    expect(whatOf('EVALUATION_URI="$(aws sagemaker describe-model-package --model-package-name a --query q --output text)" && aws s3 cp "$EVALUATION_URI" cdk.out/e.json'))
      .toEqual(['release payload copied (evaluation report and test split)']);
    expect(whatOf('SELF_MUTATION=$(npx sagemaker-gitops self-mutation-check --stack p) || SELF_MUTATION=needed'))
      .toEqual(['self-mutation-check (deployed pipeline stacks compared)']);
  });

  test('the synth step\'s release tools bundle is its own (measured) work; the steps that run the bundle install nothing', () => {
    expect(whatOf('node -e "require(\'sagemaker-gitops/lib/model-deploy/release-tools\').bundleReleaseTools(\'release-tools\')"')).toEqual(['release tools bundled']);
    expect(commandWork('node -e "require(\'x\').bundleReleaseTools(\'release-tools\')"', context())[0].basis).toBe('measured');
    expect(whatOf('node release-tools/sagemaker-gitops.js verify-release --stack s --endpoint e --model release/resolved-model.json'))
      .toEqual(['verify-release (the endpoint serves the release)']);
    expect(whatOf('node release-tools/sagemaker-gitops.js test-endpoint --endpoint e --limit 20')).toEqual(['live endpoint test']);
  });

  test('a run-pipeline command adds the SageMaker steps and half the poll interval', () => {
    const definition = { Steps: [{ Name: 'Prep', Type: 'Processing' }, { Name: 'Fit', Type: 'Training', DependsOn: ['Prep'] }] };
    const ctx = context({ sageMakerPipeline: (command) => (command.includes('--name demo') ? definition : undefined) });
    const ours = commandWork('npx sagemaker-gitops run-pipeline --name demo --wait', ctx);
    expect(ours.map((w) => w.what)).toEqual(['start the SageMaker pipeline', 'SageMaker step Prep (Processing)', 'SageMaker step Fit (Training)', 'notice the end (half the 30 s poll interval)']);
    expect(sum(ours)).toBeCloseTo(5 + 4 + 0.25);
    // The first-party run-pipeline polls every 60 s; --poll-interval overrides either.
    expect(last(commandWork('run-pipeline --module-name pipelines.abalone.pipeline', ctx)).what).toMatch(/60 s poll/);
    expect(last(commandWork('npx sagemaker-gitops run-pipeline --name demo --poll-interval 10', ctx)).minutes).toBeCloseTo(5 / 60);
    expect(commandWork('npx sagemaker-gitops run-pipeline --name other', ctx).map((w) => w.what)).toContain('SageMaker pipeline (definition not found)');
    // The model-build post step runs the synth step's bundle of our CLI: our poll interval.
    expect(last(commandWork('node ./sagemaker-gitops.js run-pipeline --name demo --wait', ctx)).what).toBe('notice the end (half the 30 s poll interval)');
  });
});

describe('sageMakerCriticalPath', () => {
  test('follows property references and DependsOn, and the If branch of a condition', () => {
    const definition = {
      Steps: [
        { Name: 'Preprocess', Type: 'Processing', Arguments: {} },
        { Name: 'Train', Type: 'Training', Arguments: { Input: { Get: 'Steps.Preprocess.ProcessingOutputConfig.Outputs[\'train\'].S3Output.S3Uri' } } },
        { Name: 'Evaluate', Type: 'Processing', Arguments: { Model: { Get: 'Steps.Train.ModelArtifacts.S3ModelArtifacts' } } },
        {
          Name: 'Check',
          Type: 'Condition',
          Arguments: {
            Conditions: [{ LeftValue: { 'Std:JsonGet': { PropertyFile: { Get: 'Steps.Evaluate.PropertyFiles.Report' } } } }],
            IfSteps: [{ Name: 'Register', Type: 'RegisterModel', Arguments: { Model: { Get: 'Steps.Train.ModelArtifacts.S3ModelArtifacts' } } }],
            ElseSteps: [{ Name: 'Stop', Type: 'Fail', Arguments: {} }],
          },
        },
        { Name: 'Side', Type: 'Processing', DependsOn: ['Preprocess'], Arguments: {} },
      ],
    };
    expect(sageMakerCriticalPath(definition, MODEL).map((s) => s.name)).toEqual(['Preprocess', 'Train', 'Evaluate', 'Check', 'Register']);
  });

  test('takes the longest of parallel branches', () => {
    const definition = {
      Steps: [
        { Name: 'A', Type: 'Processing' },
        { Name: 'Short', Type: 'Condition', DependsOn: ['A'], Arguments: { Conditions: [] } },
        { Name: 'Long', Type: 'Training', DependsOn: ['A'] },
      ],
    };
    expect(sageMakerCriticalPath(definition, MODEL).map((s) => s.name)).toEqual(['A', 'Long']);
  });

  test('refuses a dependency cycle and repeated step names', () => {
    expect(() => sageMakerCriticalPath({ Steps: [{ Name: 'A', Type: 'Processing', DependsOn: ['B'] }, { Name: 'B', Type: 'Processing', DependsOn: ['A'] }] }, MODEL))
      .toThrow(/dependency cycle through/);
    expect(() => sageMakerCriticalPath({ Steps: [{ Name: 'A', Type: 'Processing' }, { Name: 'A', Type: 'Training' }] }, MODEL)).toThrow(/two steps named A/);
  });
});

describe('pipelineDefinitionOf', () => {
  const definition = { Version: '2020-12-01', Steps: [{ Name: 'Prep', Type: 'Processing', Arguments: { Role: 'r' } }] };

  test('reads a literal body and an Fn::Join body whose tokens stand in strings', () => {
    expect(pipelineDefinitionOf({ Properties: { PipelineDefinition: { PipelineDefinitionBody: JSON.stringify(definition) } } })).toEqual(definition);
    const joined = { 'Fn::Join': ['', ['{"Version":"2020-12-01","Steps":[{"Name":"Prep","Type":"Processing","Arguments":{"Role":"', { 'Fn::GetAtt': ['Role', 'Arn'] }, '"}}]}']] };
    expect(pipelineDefinitionOf({ Properties: { PipelineDefinition: { PipelineDefinitionBody: joined } } })!.Steps[0].Arguments).toEqual({ Role: 'TOKEN' });
  });

  test('gives nothing for a definition in S3, or a body that is not a definition', () => {
    expect(pipelineDefinitionOf({ Properties: { PipelineDefinition: { PipelineDefinitionS3Location: { Bucket: 'b', Key: 'k' } } } })).toBeUndefined();
    expect(pipelineDefinitionOf({ Properties: { PipelineDefinition: { PipelineDefinitionBody: 'not json' } } })).toBeUndefined();
    expect(pipelineDefinitionOf({ Properties: { PipelineDefinition: { PipelineDefinitionBody: '{"Steps":3}' } } })).toBeUndefined();
  });
});

describe('endpointsOf and endpointWork', () => {
  test('reads a real-time endpoint with its config and blue/green policy', () => {
    expect(endpointsOf(realtimeStack(canary(300, 600)))).toEqual([{
      logicalId: 'Endpoint',
      endpointName: 'demo-prod',
      serverless: false,
      variants: [{ variantName: 'AllTraffic', serverless: false, instanceType: 'ml.m5.large', instanceCount: 2, provisionedConcurrency: undefined }],
      blueGreen: { type: 'CANARY', waitIntervalSeconds: 300, terminationWaitSeconds: 600, linearStepPercent: undefined },
    }]);
  });

  test('an endpoint whose config is not in the template is an error', () => {
    expect(() => endpointsOf({ Resources: { E: { Type: 'AWS::SageMaker::Endpoint', Properties: { EndpointConfigName: 'elsewhere' } } } })).toThrow(/names no endpoint config/);
  });

  test('updating with canary guardrails: new fleet, one baking period, the termination wait', () => {
    const [endpoint] = endpointsOf(realtimeStack(canary(300, 600)));
    const items = endpointWork(endpoint, 'update', MODEL);
    expect(items.map((w) => w.minutes)).toEqual([6, 5, 10]);
    expect(items.map((w) => w.basis)).toEqual(['assumption', 'documented', 'documented']);
  });

  test('linear guardrails bake once per step', () => {
    const linear = { BlueGreenUpdatePolicy: { TrafficRoutingConfiguration: { Type: 'LINEAR', WaitIntervalInSeconds: 120, LinearStepSize: { Type: 'CAPACITY_PERCENT', Value: 25 } }, TerminationWaitInSeconds: 0 } };
    const [endpoint] = endpointsOf(realtimeStack(linear));
    expect(sum(endpointWork(endpoint, 'update', MODEL))).toBe(6 + 4 * 2);
  });

  test('without a deployment config (SageMaker default all at once) and when creating: the fleet only', () => {
    const [plain] = endpointsOf(realtimeStack());
    expect(sum(endpointWork(plain, 'update', MODEL))).toBe(6);
    const [guarded] = endpointsOf(realtimeStack(canary(300, 600)));
    expect(sum(endpointWork(guarded, 'create', MODEL))).toBe(6);
  });

  test('a serverless endpoint takes the serverless figure either way', () => {
    const [endpoint] = endpointsOf(serverlessStack);
    expect(endpoint.serverless).toBe(true);
    expect(sum(endpointWork(endpoint, 'update', MODEL))).toBe(3);
    expect(sum(endpointWork(endpoint, 'create', MODEL))).toBe(3);
  });
});

describe('actionWork', () => {
  const action = (category: string, provider: string, configuration: Record<string, unknown> = {}) =>
    ({ stage: 'S', name: 'A', runOrder: 1, category, provider, configuration });

  test('CloudFormation: a change set alone; its execution with the stack\'s endpoint; a direct update with both', () => {
    const ctx = context({ stackTemplate: (name) => (name === 'demo-prod' ? realtimeStack(canary(300, 600)) : undefined) });
    expect(sum(actionWork(action('Deploy', 'CloudFormation', { ActionMode: 'CHANGE_SET_REPLACE', StackName: 'demo-prod' }), ctx))).toBe(1);
    expect(sum(actionWork(action('Deploy', 'CloudFormation', { ActionMode: 'CHANGE_SET_EXECUTE', StackName: 'demo-prod' }), ctx))).toBe(1 + 21);
    expect(sum(actionWork(action('Deploy', 'CloudFormation', { ActionMode: 'CREATE_UPDATE', StackName: 'demo-prod' }), ctx))).toBe(1 + 1 + 21);
    expect(actionWork(action('Deploy', 'CloudFormation', { ActionMode: 'CHANGE_SET_EXECUTE', StackName: 'unknown' }), ctx).map((w) => w.what))
      .toEqual(['unknown deployed (template not found)']);
  });

  test('CodeBuild: the start, then each command; unreadable commands are said so', () => {
    const ctx = context({ commandsOf: () => ['npm ci', 'npx cdk synth'] });
    expect(actionWork(action('Build', 'CodeBuild'), ctx).map((w) => w.what)).toEqual(['CodeBuild start', 'npm ci', 'cdk synth']);
    expect(actionWork(action('Build', 'CodeBuild'), context()).map((w) => w.what)).toEqual(['CodeBuild start', 'build commands (not found)']);
  });

  test('a source takes the source figure, an approval nothing', () => {
    expect(sum(actionWork(action('Source', 'CodeStarSourceConnection'), context()))).toBe(1);
    expect(actionWork(action('Approval', 'Manual'), context())).toEqual([]);
  });
});

describe('criticalPath and endToEnd', () => {
  const spec: PipelineSpec = {
    name: 'deploy',
    stages: [
      { name: 'Source', actions: [{ stage: 'Source', name: 'Src', runOrder: 1, category: 'Source', provider: 'CodeStarSourceConnection', configuration: {} }] },
      {
        name: 'Staging',
        actions: [
          { stage: 'Staging', name: 'Deploy', runOrder: 1, category: 'Deploy', provider: 'CloudFormation', configuration: { ActionMode: 'CREATE_UPDATE', StackName: 'demo-staging' } },
          { stage: 'Staging', name: 'Lint', runOrder: 1, category: 'Build', provider: 'CodeBuild', configuration: {} },
          { stage: 'Staging', name: 'Test', runOrder: 2, category: 'Build', provider: 'CodeBuild', configuration: {} },
        ],
      },
      {
        name: 'Prod',
        actions: [
          { stage: 'Prod', name: 'Approve', runOrder: 1, category: 'Approval', provider: 'Manual', configuration: {} },
          { stage: 'Prod', name: 'Deploy', runOrder: 2, category: 'Deploy', provider: 'CloudFormation', configuration: { ActionMode: 'CREATE_UPDATE', StackName: 'demo-prod' } },
        ],
      },
    ],
  };
  const ctx = context({
    commandsOf: (a) => (a.name === 'Test' ? ['npx sagemaker-gitops test-endpoint --endpoint demo-staging'] : ['npm ci', 'npm ci', 'npm ci', 'npm ci', 'npm ci']),
    stackTemplate: (name) => (name === 'demo-staging' ? serverlessStack : realtimeStack(canary(300, 600))),
  });
  const path = criticalPath(spec, ctx);

  test('stages run in sequence; actions of a run order in parallel, the slowest counting', () => {
    // Deploy: 1 + 1 + 3 = 5; Lint: 1 + 5 x 2 = 11 (slower, in parallel).
    expect(path.groups.map((g) => [g.stage, g.runOrder, g.minutes])).toEqual([
      ['Source', 1, 1], ['Staging', 1, 11], ['Staging', 2, 1.5], ['Prod', 1, 0], ['Prod', 2, 1 + 1 + 21],
    ]);
    expect(path.groups.map((g) => g.endsAt)).toEqual([1, 12, 13.5, 13.5, 36.5]);
  });

  test('the manual approval splits the path and adds no minutes', () => {
    expect(path.approvals).toEqual(['Prod/Approve']);
    expect(path.minutesBeforeApproval).toBe(13.5);
    expect(path.minutesAfterApproval).toBe(23);
    expect(path.totalMinutes).toBe(36.5);
  });

  test('a pipeline without an approval is all "before"', () => {
    const build = criticalPath({ name: 'build', stages: [spec.stages[0]] }, ctx);
    expect(build).toMatchObject({ approvals: [], minutesBeforeApproval: 1, minutesAfterApproval: 0, totalMinutes: 1 });
  });

  test('end to end: build, the approval event, the deploy pipeline up to and after its approval', () => {
    const build = criticalPath({ name: 'build', stages: [spec.stages[0]] }, ctx);
    expect(endToEnd(build, path, MODEL)).toEqual({
      commitToRegistered: 1,
      approvedToStaging: 0.5 + 13.5,
      commitToStaging: 1 + 0.5 + 13.5,
      releaseToProd: 23,
      commitToProd: 1 + 0.5 + 13.5 + 23,
    });
  });
});

describe('the self-mutation stage and the registration point', () => {
  const updateStage = {
    Name: 'UpdatePipeline',
    BeforeEntry: { Conditions: [{ Result: 'SKIP', Rules: [{ Name: 'R', RuleTypeId: { Provider: 'VariableCheck' }, Configuration: { Variable: '#{SynthVariables.SELF_MUTATION}', Operator: 'NE', Value: 'not-needed' } }] }] },
    Actions: [{ Name: 'SelfMutate', RunOrder: 1, ActionTypeId: { Category: 'Build', Provider: 'CodeBuild' }, Configuration: {} }],
  };
  const template: Template = {
    Resources: {
      Pipeline: {
        Type: 'AWS::CodePipeline::Pipeline',
        Properties: {
          Name: 'build',
          Stages: [
            { Name: 'Source', Actions: [{ Name: 'Src', ActionTypeId: { Category: 'Source', Provider: 'CodeStarSourceConnection' }, Configuration: {} }] },
            updateStage,
            { Name: 'Deploy', Actions: [{ Name: 'Run', RunOrder: 1, ActionTypeId: { Category: 'Build', Provider: 'CodeBuild' }, Configuration: {} }] },
          ],
        },
      },
    },
  };
  const [spec] = codePipelinesOf(template);
  const definition = {
    Steps: [
      { Name: 'Prep', Type: 'Processing' },
      { Name: 'Fit', Type: 'Training', DependsOn: ['Prep'] },
      { Name: 'Register', Type: 'RegisterModel', DependsOn: ['Fit'] },
      { Name: 'Tag', Type: 'Processing', Arguments: { ContainerArguments: [{ Get: 'Steps.Register.ModelPackageArn' }] } },
    ],
  };
  const ctx = (releaseChangesPipeline?: boolean) => context({
    releaseChangesPipeline,
    commandsOf: (a) => (a.name === 'SelfMutate' ? ['npm install -g aws-cdk@2', 'cdk -a . deploy build --require-approval=never'] : ['npx sagemaker-gitops run-pipeline --name demo --wait']),
    sageMakerPipeline: () => definition,
  });

  test('codePipelinesOf reads a stage\'s SKIP entry condition', () => {
    expect(spec.stages.map((stage) => stage.skipUnless)).toEqual([undefined, { variable: '#{SynthVariables.SELF_MUTATION}', operator: 'NE', value: 'not-needed' }, undefined]);
  });

  // The synth step's check answers not-needed when the run leaves the pipeline's stacks as deployed
  // (a model version, a commit that does not touch the pipeline): the NE rule fails, the stage is skipped.
  test('the UpdatePipeline stage is skipped unless the run changes the pipeline, and then it runs', () => {
    const skipped = criticalPath(spec, ctx(false));
    expect(skipped.groups.find((g) => g.stage === 'UpdatePipeline')).toMatchObject({ actions: [], minutes: 0, skipped: expect.stringMatching(/^skipped: /) });
    const run = criticalPath(spec, ctx(true));
    expect(run.groups.find((g) => g.stage === 'UpdatePipeline')?.minutes).toBeGreaterThan(0);
    expect(run.totalMinutes).toBeGreaterThan(skipped.totalMinutes);
  });

  // The version can be approved once Register has run: the Tag step after it and the poll for the
  // execution's end are not on the release path.
  test('a version is registered at the end of the Register step, before the rest of the run', () => {
    const path = criticalPath(spec, ctx(false));
    // Source 1; Run: CodeBuild start 1, start 0, Prep 5, Fit 4, Register 1 (then Tag 5 and half a 30 s poll).
    expect(path.minutesToRegistration).toBe(1 + 1 + 0 + 5 + 4 + 1);
    expect(path.totalMinutes).toBeCloseTo(12 + 5 + 0.25);
    const deploy = criticalPath({ name: 'deploy', stages: [spec.stages[0]] }, ctx(false));
    expect(endToEnd(path, deploy, MODEL)).toMatchObject({ commitToRegistered: 12, commitToStaging: 12 + 0.5 + 1 });
  });
});

describe('withMeasuredSynth', () => {
  test('replaces the synth figure with the measured seconds, marked measured', () => {
    const model = withMeasuredSynth(ACTION_MODEL, 9, 'the model-deploy app');
    expect(model.cdkSynth).toEqual({ minutes: 0.15, basis: 'measured', note: 'median `cdk synth` of the model-deploy app in this bench run (9.0 s)' });
    expect(model.npmCi).toBe(ACTION_MODEL.npmCi);
  });

  test('keeps the model without a measurement and refuses a time that is not positive', () => {
    expect(withMeasuredSynth(ACTION_MODEL, undefined, 'x')).toBe(ACTION_MODEL);
    expect(() => withMeasuredSynth(ACTION_MODEL, 0, 'x')).toThrow(/must be > 0 seconds, got 0/);
  });
});
