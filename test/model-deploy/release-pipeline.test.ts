import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as cpactions from 'aws-cdk-lib/aws-codepipeline-actions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { ConfigError } from '../../src/config';
import { ACTION_CONFIGURATION_MAX_LENGTH, MODEL_INPUTS_MAX_LENGTH, REPLACE_ON_FAILURE, releaseApprovalComment, releaseInputsMaxLength, replaceFailedStack } from '../../src/model-deploy';
import { NO_SHADOW_VERDICT } from '../../src/model-deploy/shadow-compare-step';
import { endpointTestCommand, releaseVariableCommands } from '../../src/model-deploy/release-checks';
import { inputCheckShellCommand, releasePayloadDownloadCommand } from '../../src/model-deploy/release-payload';
import { synthValidated, testConfig } from '../helpers/validated-synth';
import { policiesThePipelineDoesNotWaitFor } from '../helpers/pipeline-policy-order';
import { MODEL, NEXT_MODEL, app, buildSpecs } from './fixtures';

describe('the model-deploy pipeline', () => {
  const deploy = app({ release: { reviewerEmails: ['reviewer@example.com'], maxP95LatencyMs: 250 } });
  const templates = synthValidated(deploy);
  const pipelineTemplate = templates['player-churn-model-deploy-pipeline'];
  const [codePipeline] = Object.values<any>(pipelineTemplate.findResources('AWS::CodePipeline::Pipeline'));
  const stages = codePipeline.Properties.Stages;
  const actions = (stage: string) => stages.find((s: any) => s.Name === stage).Actions.sort((a: any, b: any) => a.RunOrder - b.RunOrder);
  const specs = buildSpecs(pipelineTemplate);
  const commandsOf = (text: string) => specs.find((spec) => JSON.stringify(spec.phases.build.commands).includes(text)).phases.build.commands;
  const statements = Object.values<any>(pipelineTemplate.findResources('AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement);

  test('three stacks pass the validator, cdk-nag and the guardrails', () => {
    expect(Object.keys(templates).sort()).toEqual(['player-churn-model-deploy-pipeline', 'player-churn-prod-endpoint', 'player-churn-staging-endpoint']);
  });

  test('V2: Source → Build → UpdatePipeline → Assets → Staging (deploy, TestStaging) → Prod (approval, registry check, deploy, VerifyRelease)', () => {
    expect(codePipeline.Properties.PipelineType).toBe('V2');
    expect(stages.map((s: any) => s.Name)).toEqual(['Source', 'Build', 'UpdatePipeline', 'Assets', 'Staging', 'Prod']);
    expect(actions('Staging').map((a: any) => a.Name)).toEqual(['player-churn-staging-endpoint.Deploy', 'TestStaging']);
    expect(actions('Prod').map((a: any) => a.Name)).toEqual(['ApproveRelease', 'CheckRegistryApproval', 'player-churn-prod-endpoint.Deploy', 'VerifyRelease']);
  });

  // "AWS CloudFormation configuration properties reference" (CloudFormation user guide), ActionMode: REPLACE_ON_FAILURE
  // deletes a stack in a failed state (ROLLBACK_COMPLETE among them) and creates it again; CREATE_UPDATE fails on it.
  // Staging replaces a stack that a failed first deploy left in ROLLBACK_COMPLETE; production never is replaced.
  test('item 7: staging deploys with REPLACE_ON_FAILURE, production with CREATE_UPDATE', () => {
    expect(actions('Staging')[0].Configuration).toMatchObject({ ActionMode: REPLACE_ON_FAILURE, StackName: 'player-churn-staging-endpoint' });
    expect(actions('Staging')[0].Configuration.TemplatePath).toBeDefined();
    expect(actions('Prod')[2].Configuration).toMatchObject({ ActionMode: 'CREATE_UPDATE', StackName: 'player-churn-prod-endpoint' });
  });

  test('the synth step resolves the newest approved version, synthesizes, and keeps the resolved model in its output', () => {
    expect(commandsOf('cdk synth')).toEqual([
      // Both stages are in the pipeline's account: resolve-model checks that their endpoints can become the release's types.
      'npx sagemaker-gitops resolve-model --group player-churn --out resolved-model.json ' +
        '--endpoint-type staging:player-churn-staging=serverless --endpoint-type prod:player-churn-prod=realtime',
      'npx cdk synth --no-notices',
      'cp resolved-model.json cdk.out/resolved-model.json',
      releasePayloadDownloadCommand(),
      // The release's model inputs against the version production serves, for the release approval.
      inputCheckShellCommand('player-churn-model-deploy'),
      // Production is in the pipeline's account: whether the release would change it (a failed check keeps `needed`).
      'PROD_CHANGE=$(npx sagemaker-gitops prod-change-check --assembly cdk.out/assembly-player-churn-model-deploy-pipeline-Prod --pipeline player-churn-model-deploy) || PROD_CHANGE=needed',
      'node -e "require(\'sagemaker-gitops/lib/model-deploy/release-tools\').bundleReleaseTools(\'release-tools\')"',
      'SELF_MUTATION=$(npx sagemaker-gitops self-mutation-check --stack player-churn-model-deploy-pipeline) || SELF_MUTATION=needed',
      'ASSET_PUBLISHING=$(npx sagemaker-gitops assets-check) || ASSET_PUBLISHING=needed',
    ]);
    expect(statements).toContainEqual(expect.objectContaining({ Action: 'sagemaker:ListModelPackages' }));
    expect(statements).toContainEqual(expect.objectContaining({ Action: 'sagemaker:DescribeModelPackage' }));
    // "Actions, resources, and condition keys for Amazon SageMaker AI": DescribeModelPackageGroup takes the model-package-group resource.
    const describeGroup = statements.filter((st: any) => st.Action === 'sagemaker:DescribeModelPackageGroup');
    expect(describeGroup.map((st: any) => JSON.stringify(st.Resource))).toEqual([expect.stringMatching(/:sagemaker:us-east-1:.*:model-package-group\/player-churn"\]\]\}$/)]);
    expect(statements).toContainEqual(expect.objectContaining({ Action: 's3:GetObject', Condition: { StringEquals: { 's3:ResourceAccount': expect.anything() } } }));
    // input-check reads each version's baseline.csv (Preprocess's, or MergeBaseline's when scaled out), and nothing else of the pipeline's outputs.
    const baselineReads = statements.filter((st: any) => st.Action === 's3:GetObject' && JSON.stringify(st.Resource).includes('baseline'));
    expect(baselineReads.map((st: any) => st.Resource)).toEqual([[
      'arn:aws:s3:::*/player-churn-training/*/Evaluate/evaluation/*', 'arn:aws:s3:::*/player-churn-training/*/baseline/baseline.csv',
    ]]);
    expect(baselineReads[0].Condition).toEqual({ StringEquals: { 's3:ResourceAccount': expect.anything() } });
    expect(statements).toContainEqual(expect.objectContaining({ Action: 'kms:Decrypt', Condition: { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } } }));
  });

  // "Configure conditions for a stage" (AWS CodePipeline User Guide): an entry condition with the SKIP
  // result takes LambdaInvoke or VariableCheck rules; the stage is skipped when the rule fails. So Prod
  // runs unless the synth step's check says exactly `not-needed`, and a release production already
  // serves (a push that touches only staging, an event for the version already released) asks no
  // reviewer to approve it.
  test('Prod is skipped when the synth step found production deployed as this release synthesizes it; Staging always runs', () => {
    expect(stages.find((st: any) => st.Name === 'Prod').BeforeEntry).toEqual({
      Conditions: [{
        Result: 'SKIP',
        Rules: [{
          Name: 'ProductionChanged',
          RuleTypeId: { Category: 'Rule', Owner: 'AWS', Provider: 'VariableCheck', Version: '1' },
          Configuration: { Variable: '#{SynthVariables.PROD_CHANGE}', Operator: 'NE', Value: 'not-needed' },
        }],
      }],
    });
    expect(stages.filter((st: any) => st.BeforeEntry !== undefined).map((st: any) => st.Name)).toEqual(['UpdatePipeline', 'Assets', 'Prod']);
    const synth = specs.find((spec) => JSON.stringify(spec.phases.build.commands).includes('cdk synth'));
    expect(synth.env['exported-variables']).toEqual(['PROD_CHANGE', 'SELF_MUTATION', 'ASSET_PUBLISHING']);
    const [synthProject] = Object.values<any>(pipelineTemplate.findResources('AWS::CodeBuild::Project'))
      .filter((p) => JSON.stringify(p.Properties.Source.BuildSpec).includes('cdk synth'));
    expect(synthProject.Properties.Environment.EnvironmentVariables).toEqual(expect.arrayContaining([{ Name: 'PROD_CHANGE', Type: 'PLAINTEXT', Value: 'needed' }]));
    // "Actions, resources, and condition keys for AWS CodePipeline" (Service Authorization Reference): GetPipelineState,
    // ListPipelineExecutions and ListActionExecutions (input-check's) take the pipeline resource, arn:${Partition}:codepipeline:${Region}:${Account}:${PipelineName}.
    expect(statements).toContainEqual({
      Effect: 'Allow',
      Action: ['codepipeline:GetPipelineState', 'codepipeline:ListActionExecutions', 'codepipeline:ListPipelineExecutions'],
      Resource: { 'Fn::Join': ['', ['arn:aws:codepipeline:us-east-1:', { Ref: 'AWS::AccountId' }, ':player-churn-model-deploy']] },
    });
    // "Actions, resources, and condition keys for AWS Systems Manager": GetParameters takes each parameter. The role reads
    // exactly the SSM parameters production's stack resolves at deploy: none here (the example's: batch-scoring-stack.test.ts).
    const resolved = Object.entries<any>(templates['player-churn-prod-endpoint'].toJSON().Parameters ?? {})
      .filter(([key, p]) => key !== 'BootstrapVersion' && /^AWS::SSM::Parameter::Value</.test(p.Type)).map(([, p]) => p.Default).sort();
    const parameterReads = statements.filter((st: any) => st.Action === 'ssm:GetParameters').flatMap((st: any) => st.Resource)
      .map((arn: any) => JSON.stringify(arn).replace(/^.*:parameter(\/[^"]+)".*$/, '$1')).sort();
    expect(parameterReads).toEqual(resolved);
    // The synth role reads the production stack besides the pipeline stack, and no other.
    const stackReads = statements.filter((st: any) => JSON.stringify(st.Action) === '["cloudformation:DescribeStacks","cloudformation:GetTemplate"]');
    expect(stackReads.flatMap((st: any) => [st.Resource].flat()).map((arn: any) => JSON.stringify(arn).replace(/^.*:stack\/([^/]+)\/\*.*$/, '$1')).sort())
      .toEqual(['player-churn-model-deploy-pipeline', 'player-churn-prod-endpoint']);
  });

  // "AWS::IAM::Policy" (CloudFormation template reference): a resource that names the same role as a policy should
  // depend on the policy; a new pipeline starts an execution at once, which fails with AccessDenied while an action's
  // role lacks its policy (aws/aws-cdk#38861).
  test('the pipeline is created after the policies of its action roles and of its CodeBuild projects\' roles', () => {
    expect(policiesThePipelineDoesNotWaitFor(pipelineTemplate)).toEqual([]);
  });

  test('TestStaging verifies the release, runs the live test with the budget, keeps the report and exports the release', () => {
    const spec = specs.find((s) => JSON.stringify(s).includes('--endpoint player-churn-staging '));
    expect(spec.phases.install.commands[0]).toContain('ln -s -- "$CODEBUILD_SRC_DIR_Synth_Output" "release"');
    // The synth step's release tools bundle runs the checks: no install of the repository.
    expect(spec.phases.install.commands.join('\n')).toContain('ln -s -- "$CODEBUILD_SRC_DIR_Synth_release_tools" "release-tools"');
    expect(spec.phases.install.commands.join('\n')).not.toMatch(/npm (ci|install)/);
    expect(spec.phases.build.commands.slice(0, 2)).toEqual([
      'node release-tools/sagemaker-gitops.js verify-release --stack player-churn-staging-endpoint --endpoint player-churn-staging --model release/resolved-model.json --region us-east-1',
      endpointTestCommand(deploy.config, 'staging', 'test-report/report.json', '--region us-east-1'),
    ]);
    expect(spec.env['exported-variables']).toEqual(['MODEL_VERSION', 'MODEL_AUC', 'MODEL_PACKAGE_ARN', 'MODEL_INPUTS', 'MODEL_INPUTS_BASE']);
    expect(spec.phases.build.commands.slice(2).map((c: string) => c.split('=')[0]))
      .toEqual(['export MODEL_VERSION', 'export MODEL_AUC', 'export MODEL_PACKAGE_ARN', 'export MODEL_INPUTS', 'export MODEL_INPUTS_BASE']);
    expect(spec.artifacts['base-directory']).toBe('test-report');
    expect(actions('Staging')[1].Namespace).toBe('Staging@TestStaging');
  });

  /** MODEL_INPUTS and MODEL_INPUTS_BASE as TestStaging exports them, in a folder whose release/ holds `file` as model-inputs.json (none when undefined). */
  function exportedInputs(file?: string, before: string[] = []): [string, string] {
    const spec = specs.find((s) => JSON.stringify(s).includes('--endpoint player-churn-staging '));
    const exports = spec.phases.build.commands.filter((c: string) => c.startsWith('export MODEL_INPUTS'));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'model-inputs-'));
    fs.mkdirSync(path.join(dir, 'release'));
    if (file !== undefined) {
      fs.writeFileSync(path.join(dir, 'release', 'model-inputs.json'), file);
    }
    const script = [...before, ...exports, 'printf "%s|%s" "$MODEL_INPUTS" "$MODEL_INPUTS_BASE"'].join(' && ');
    return execFileSync('bash', ['-c', script], { cwd: dir, encoding: 'utf-8' }).split('|') as [string, string];
  }

  test('TestStaging exports input-check\'s line and the version it compared with from the synth output, and says when it has none', () => {
    expect(exportedInputs(JSON.stringify({ summary: 'the same 31 columns as version 6, which production serves', changed: false, details: [], base: { version: 6, source: 'production' } }, null, 2)))
      .toEqual(['the same 31 columns as version 6, which production serves', '6']);
    expect(exportedInputs(JSON.stringify({ summary: 'no version approved before this one to compare with', changed: false, details: [] })))
      .toEqual(['no version approved before this one to compare with', 'none']);
    // No file, an unreadable one, an empty line: nothing to show, said so.
    expect(exportedInputs()).toEqual(['not compared', 'none']);
    expect(exportedInputs('not json')).toEqual(['not compared', 'none']);
    expect(exportedInputs(JSON.stringify({ summary: '' }))).toEqual(['not compared', 'none']);
    expect(exportedInputs('{}')).toEqual(['not compared', 'none']);
    // One line of at most 400 characters: the approval's comment carries it.
    expect(exportedInputs(JSON.stringify({ summary: `${'x'.repeat(500)}\nsecond line` }))[0]).toBe('x'.repeat(400));
    // Quotes and a $ in the line reach the variable as written.
    expect(exportedInputs(JSON.stringify({ summary: 'it\'s "$HOME"' }))[0]).toBe('it\'s "$HOME"');
  });

  test('the synth step writes input-check\'s comparison into its output, and a comparison saying so when the check fails', () => {
    const synth = specs.find((s) => JSON.stringify(s).includes('cdk synth'));
    const command = 'npx sagemaker-gitops --json input-check --model resolved-model.json --pipeline player-churn-model-deploy > cdk.out/model-inputs.json '
      + '|| echo \'{"summary":"not compared: input-check failed (see the Synth step log)"}\' > cdk.out/model-inputs.json';
    expect(synth.phases.build.commands).toEqual(expect.arrayContaining([command]));
    // The failure's file, as the staging check reads it (the synth output is its release/).
    const failed = command.replace('npx sagemaker-gitops', 'false').replace(/cdk\.out\//g, 'release/');
    expect(exportedInputs(undefined, [failed])).toEqual(['not compared: input-check failed (see the Synth step log)', 'none']);
  });

  test('VerifyRelease, after the production deploy: the endpoint serves the release, then a 20-row smoke test', () => {
    expect(commandsOf('--endpoint player-churn-prod ')).toEqual([
      'node release-tools/sagemaker-gitops.js verify-release --stack player-churn-prod-endpoint --endpoint player-churn-prod --model release/resolved-model.json --region us-east-1',
      endpointTestCommand(deploy.config, 'prod', 'test-report/report.json', '--region us-east-1', 20),
    ]);
    expect(actions('Prod')[3].RunOrder).toBeGreaterThan(actions('Prod')[2].RunOrder);
  });

  test('the checks may invoke and describe only the two endpoints, and read only their stacks', () => {
    const invoke = statements.filter((s) => JSON.stringify(s.Action).includes('sagemaker:InvokeEndpoint'));
    expect(invoke.map((s) => JSON.stringify(s.Resource)).sort()).toEqual([
      expect.stringContaining(':endpoint/player-churn-prod'), expect.stringContaining(':endpoint/player-churn-staging'),
    ]);
    const stacks = statements.filter((s) => JSON.stringify(s.Action).includes('cloudformation:ListStackResources'));
    expect(stacks.map((s) => JSON.stringify(s.Resource)).sort()).toEqual([
      expect.stringContaining(':stack/player-churn-prod-endpoint/*'), expect.stringContaining(':stack/player-churn-staging-endpoint/*'),
    ]);
  });

  // CodePipeline "Variables reference": a variable resolves in the configuration of any action that runs after the
  // action producing it (a later stage), referenced as #{namespace.variable}.
  test('item 8: the approval names the version, AUC and package through the staging check\'s variables', () => {
    const approval = actions('Prod')[0];
    expect(approval.ActionTypeId).toMatchObject({ Category: 'Approval', Provider: 'Manual' });
    expect(approval.Configuration.CustomData).toBe('Release model version #{Staging@TestStaging.MODEL_VERSION} of player-churn (test AUC #{Staging@TestStaging.MODEL_AUC}) ' +
      'to the production endpoint player-churn-prod. It passed the live test on player-churn-staging. Package: #{Staging@TestStaging.MODEL_PACKAGE_ARN}. '
      + 'Model inputs: #{Staging@TestStaging.MODEL_INPUTS}');
    expect(approval.Configuration.ExternalEntityLink).toBe('https://us-east-1.console.aws.amazon.com/sagemaker/home?region=us-east-1#/endpoints/player-churn-staging');
    expect(approval.Configuration.NotificationArn).toBeDefined();
    pipelineTemplate.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'reviewer@example.com' });
  });
});

describe('item 8: a release does not change the release pipeline', () => {
  test('two releases synthesize a byte-identical pipeline stack; only the endpoint stacks differ', () => {
    const files = (model: typeof MODEL) => {
      const assembly = app({}, model).synth();
      return Object.fromEntries(assembly.stacksRecursively.map((s) => [s.stackName, fs.readFileSync(path.join(s.assembly.directory, s.templateFile), 'utf-8')]));
    };
    const [v7, v8] = [files(MODEL), files(NEXT_MODEL)];
    expect(v8['player-churn-model-deploy-pipeline']).toBe(v7['player-churn-model-deploy-pipeline']);
    expect(v8['player-churn-model-deploy-pipeline']).not.toMatch(/player-churn\/[78]\b|exec[12]|0\.8312|0\.8477/);
    expect(v8['player-churn-staging-endpoint']).not.toBe(v7['player-churn-staging-endpoint']);
    expect(v8['player-churn-prod-endpoint']).not.toBe(v7['player-churn-prod-endpoint']);
  });
});

describe('replaceFailedStack', () => {
  /** A pipeline deploying the stacks staging and prod with CloudFormation actions in `mode`. */
  function pipeline(mode: 'CREATE_UPDATE' | 'CHANGE_SET_REPLACE'): codepipeline.Pipeline {
    const stack = new Stack(new App(), 'Pipeline', { env: { account: '111111111111', region: 'us-east-1' } });
    const source = new codepipeline.Artifact('Source');
    const result = new codepipeline.Pipeline(stack, 'Pipeline', { pipelineType: codepipeline.PipelineType.V2 });
    result.addStage({ stageName: 'Source', actions: [new cpactions.S3SourceAction({ actionName: 'Source', bucket: s3.Bucket.fromBucketName(stack, 'B', 'source-bucket'), bucketKey: 'k', output: source })] });
    result.addStage({
      stageName: 'Deploy',
      actions: ['staging', 'prod'].map((name) => (mode === 'CREATE_UPDATE'
        ? new cpactions.CloudFormationCreateUpdateStackAction({ actionName: name, stackName: name, templatePath: source.atPath('t.json'), adminPermissions: true })
        : new cpactions.CloudFormationCreateReplaceChangeSetAction({ actionName: name, stackName: name, changeSetName: 'c', templatePath: source.atPath('t.json'), adminPermissions: true }))),
    });
    return result;
  }

  test('switches exactly the named stack\'s CREATE_UPDATE action', () => {
    const p = pipeline('CREATE_UPDATE');
    replaceFailedStack(p, 'staging', ['prod']);
    const [{ Properties: { Stages: stages } }] = Object.values<any>(Template.fromStack(Stack.of(p)).findResources('AWS::CodePipeline::Pipeline'));
    expect(stages[1].Actions.map((a: any) => a.Configuration.ActionMode)).toEqual([REPLACE_ON_FAILURE, 'CREATE_UPDATE']);
  });

  // REPLACE_ON_FAILURE may delete the stack: never for production. It is a mode of the stack action, not of change sets.
  test('refuses production, and a pipeline that deploys with change sets', () => {
    expect(() => replaceFailedStack(pipeline('CREATE_UPDATE'), 'prod', ['prod'])).toThrow(ConfigError);
    expect(() => replaceFailedStack(pipeline('CREATE_UPDATE'), 'prod', ['prod'])).toThrow(/prod must not use REPLACE_ON_FAILURE: it deletes a stack in a failed state/);
    expect(() => replaceFailedStack(pipeline('CHANGE_SET_REPLACE'), 'staging', ['prod'])).toThrow(/REPLACE_ON_FAILURE needs one CloudFormation CREATE_UPDATE action for staging .*; got CHANGE_SET_REPLACE/);
  });
});

// CodePipeline "Variables reference": "When you enter variable syntax in the action configuration fields, do not exceed
// the 1000-character limit for the configuration fields."
describe('releaseApprovalComment', () => {
  test('within CodePipeline\'s 1000 characters; a longer one is refused naming the option', () => {
    const ref = (name: string) => `#{Staging@TestStaging.${name}}`;
    expect(releaseApprovalComment(testConfig(), ref).length).toBeLessThanOrEqual(ACTION_CONFIGURATION_MAX_LENGTH);
    const long = { ...testConfig(), modelPackageGroupName: 'g'.repeat(900) };
    expect(() => releaseApprovalComment(long, ref)).toThrow(ConfigError);
    expect(() => releaseApprovalComment(long, ref)).toThrow(/release approval comment for modelPackageGroupName g+ must be at most 1000 characters .*; got 1\d{3}/);
  });
});

// CodePipeline User Guide, "Variables reference": an action configuration field holds at most 1000 characters, the
// variables as written; whether the text is checked again once they are resolved is not documented. So the staging
// check cuts input-check's line to the room left with every other variable at its longest.
describe('the approval comment as CodePipeline resolves it', () => {
  const longestNames = { projectName: 'Churn-Predictions-For-Team-A-001', modelPackageGroupName: 'g'.repeat(63) };
  const shadow = { endpoints: { prod: { type: 'realtime', shadow: { minutes: 60 } } } };
  /** Every variable at its longest: 10-digit version, "not recorded", the ARN in aws-iso-b, String() of a double, the first-release verdict. */
  const resolved = (config: ReturnType<typeof testConfig>) => {
    const longest: Record<string, string> = {
      MODEL_VERSION: '9999999999', MODEL_AUC: 'not recorded', MODEL_INPUTS: 'x'.repeat(releaseInputsMaxLength(config)),
      MODEL_PACKAGE_ARN: `arn:aws-iso-b:sagemaker:us-east-1:123456789012:model-package/${config.modelPackageGroupName.toLowerCase()}/9999999999`,
      SHADOW_VERDICT: NO_SHADOW_VERDICT,
    };
    return releaseApprovalComment(config, (name) => longest[name] ?? '-1.2345678901234567e-100', (name) => longest[name] ?? '-1.2345678901234567e-100');
  };

  test.each([
    ['the example', {}, MODEL_INPUTS_MAX_LENGTH],
    ['the longest names', longestNames, MODEL_INPUTS_MAX_LENGTH],
    ['a shadow phase', shadow, 338],
    ['the longest names and a shadow phase', { ...longestNames, ...shadow }, 196],
  ])('%s: input-check\'s line gets the room left, and the resolved comment stays within 1000 characters', (_, overrides, room) => {
    const config = testConfig(overrides);
    expect(releaseInputsMaxLength(config)).toBe(room);
    expect(resolved(config).length).toBeLessThanOrEqual(ACTION_CONFIGURATION_MAX_LENGTH);
    // Below the cap, the line fills exactly what is left.
    expect(room === MODEL_INPUTS_MAX_LENGTH || resolved(config).length === ACTION_CONFIGURATION_MAX_LENGTH).toBe(true);
  });

  test('the staging check cuts the line it exports to that room', () => {
    expect(releaseVariableCommands(196).find((c) => c.startsWith('export MODEL_INPUTS='))).toContain('.slice(0, 196)');
    expect(() => releaseVariableCommands(0)).toThrow('inputsMaxLength must be a positive integer, got 0');
  });
});
