import * as fs from 'node:fs';
import * as path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { CONFIG_FILE_NAME, ConfigError, ProjectOptions, readProjectConfig, resolveProjectConfig } from '../../src/config';
import { DATA_CAPTURE_PREFIX, EndpointStack, LIVE_MODEL_FILE, LiveModel, ModelDeployApp, ResolvedModel, placeholderModel } from '../../src/model-deploy';
import { SHADOW_VARIABLES } from '../../src/aws/shadow-report';
import { NO_SHADOW_VERDICT, shadowVariableCommands } from '../../src/model-deploy/shadow-compare-step';
import { synthValidated, testConfig, validatedApp } from '../helpers/validated-synth';
import { MODEL, NEXT_MODEL, app, buildSpecs, repo } from './fixtures';

const SHADOW = { minutes: 45, maxLatencyIncreasePercent: 15, maxErrorRate: 0.02, maxPredictionPsi: 0.25 };

/** The model-deploy app with `endpoints.prod.shadow` on, releasing NEXT_MODEL while production serves `live`. */
function shadowApp(live: LiveModel | undefined, overrides: Record<string, unknown> = {}, candidate: ResolvedModel = NEXT_MODEL): ModelDeployApp {
  const dir = repo();
  if (live) {
    fs.writeFileSync(path.join(dir, LIVE_MODEL_FILE), JSON.stringify(live));
  }
  return new ModelDeployApp({ config: testConfig({ endpoints: { prod: { type: 'realtime', shadow: SHADOW } }, ...overrides }), repoDir: dir, model: candidate });
}

const pipelineOf = (template: Template) => Object.values<any>(template.findResources('AWS::CodePipeline::Pipeline'))[0].Properties;
const actionsOf = (pipeline: any, stage: string) => pipeline.Stages.find((s: any) => s.Name === stage).Actions.sort((a: any, b: any) => a.RunOrder - b.RunOrder);
const endpointConfigOf = (template: Template) => Object.values<any>(template.findResources('AWS::SageMaker::EndpointConfig'))[0].Properties;

describe('a shadow release while production serves version 7', () => {
  const deploy = shadowApp({ endpointName: 'player-churn-prod', model: MODEL });
  // The same validators as the defaults: CloudFormation validator, cdk-nag AwsSolutions and the Control Tower guardrails, on every stack.
  const templates = synthValidated(deploy);
  const pipelineTemplate = templates['player-churn-model-deploy-pipeline'];
  const pipeline = pipelineOf(pipelineTemplate);
  // A buildspec with a token (the comparison role's account) is an Fn::Join: its tokens read as <token>.
  const specs = [...buildSpecs(pipelineTemplate), ...Object.values<any>(pipelineTemplate.findResources('AWS::CodeBuild::Project'))
    .map((p) => p.Properties.Source.BuildSpec)
    .filter((spec: any) => spec?.['Fn::Join'])
    .map((spec: any) => JSON.parse(spec['Fn::Join'][1].map((part: unknown) => typeof part === 'string' ? part : '<token>').join('')))];
  const commandsOf = (text: string) => specs.find((spec) => JSON.stringify(spec.phases.build.commands).includes(text)).phases.build.commands as string[];
  const shadowStack = Template.fromStack(deploy.pipelineStack.prodShadow!.endpoint!);
  const prodStack = Template.fromStack(deploy.pipelineStack.prod.endpoint);

  // The approval's comment carries the shadow comparison too: the staging check leaves input-check's line the room that remains
  // (releaseInputsMaxLength, "Variables reference": 1000 characters per configuration field).
  test('the staging check exports input-check\'s line cut to the room the shadow comparison leaves in the approval\'s comment', () => {
    expect(commandsOf('export MODEL_INPUTS=').find((c) => c.startsWith('export MODEL_INPUTS='))).toContain('.slice(0, 338)');
  });

  test('Staging → TestStaging → ProdShadow (CheckReleaseOrder, deploy, CompareShadow) → Prod (ApproveRelease, CheckRegistryApproval, deploy, VerifyRelease), all validated', () => {
    expect(pipeline.Stages.map((s: any) => s.Name)).toEqual(['Source', 'Build', 'UpdatePipeline', 'Assets', 'Staging', 'ProdShadow', 'Prod']);
    expect(actionsOf(pipeline, 'ProdShadow').map((a: any) => a.Name)).toEqual(['CheckReleaseOrder', 'player-churn-prod-endpoint.Deploy', 'CompareShadow']);
    expect(actionsOf(pipeline, 'Prod').map((a: any) => a.Name)).toEqual(['ApproveRelease', 'CheckRegistryApproval', 'player-churn-prod-endpoint.Deploy', 'VerifyRelease']);
    // Both stages deploy the one production stack: the shadow phase, then the guarded update.
    expect(actionsOf(pipeline, 'ProdShadow')[1].Configuration).toMatchObject({ ActionMode: 'CREATE_UPDATE', StackName: 'player-churn-prod-endpoint' });
    expect(actionsOf(pipeline, 'Prod')[2].Configuration).toMatchObject({ ActionMode: 'CREATE_UPDATE', StackName: 'player-churn-prod-endpoint' });
    // A release production already serves skips both production stages (the check compares the Prod stage's stack, the final state).
    expect(pipeline.Stages.filter((s: any) => s.BeforeEntry?.Conditions[0].Rules[0].Name === 'ProductionChanged').map((s: any) => s.Name)).toEqual(['ProdShadow', 'Prod']);
    expect(commandsOf('cdk synth')).toContain(
      'PROD_CHANGE=$(npx sagemaker-gitops prod-change-check --assembly cdk.out/assembly-player-churn-model-deploy-pipeline-Prod --pipeline player-churn-model-deploy) || PROD_CHANGE=needed');
  });

  // "How pipeline executions work" (AWS CodePipeline User Guide): in SUPERSEDED mode this execution may reach the
  // shadow phase while an older one holds Prod (waiting at ApproveRelease, or deploying). The shadow deploy would update
  // the production stack under it, so the phase first fails while an older execution is in flight.
  test('the shadow phase first checks that no older release still holds production, from the release tools bundle', () => {
    // ... and that production still serves the live model this execution resolved (a retried stage reruns this execution's artifacts).
    expect(commandsOf('release-order-check')).toEqual([
      'node release-tools/sagemaker-gitops.js release-order-check --pipeline player-churn-model-deploy --stage ProdShadow --live-model release/live-model.json --endpoint player-churn-prod',
    ]);
    const [orderAction] = actionsOf(pipeline, 'ProdShadow');
    expect(orderAction.RunOrder).toBeLessThan(actionsOf(pipeline, 'ProdShadow')[1].RunOrder);
    const project = pipelineTemplate.toJSON().Resources[orderAction.Configuration.ProjectName.Ref];
    const roleId = project.Properties.ServiceRole['Fn::GetAtt'][0];
    const reads = Object.values<any>(pipelineTemplate.findResources('AWS::IAM::Policy')).filter((p) => JSON.stringify(p.Properties.Roles).includes(roleId))
      .flatMap((p) => p.Properties.PolicyDocument.Statement).filter((st) => JSON.stringify(st.Action).includes('codepipeline:'));
    expect(reads).toEqual([{
      Effect: 'Allow', Action: ['codepipeline:GetPipelineState', 'codepipeline:ListPipelineExecutions'],
      Resource: { 'Fn::Join': ['', ['arn:aws:codepipeline:us-east-1:', { Ref: 'AWS::AccountId' }, ':player-churn-model-deploy']] },
    }]);
  });

  // CreateEndpointConfig (API reference), ShadowProductionVariants: "you can only specify one variant for ProductionVariants and one
  // variant for ShadowProductionVariants"; "Testing models with shadow variants": one model per variant.
  test('the shadow phase keeps version 7 as the one production variant and adds version 8 as the one shadow variant, on the same hardware', () => {
    const config = endpointConfigOf(shadowStack);
    expect(config.ProductionVariants).toEqual([expect.objectContaining({ VariantName: 'AllTraffic', InstanceType: 'ml.m5.large', InitialInstanceCount: 1 })]);
    expect(config.ShadowProductionVariants).toEqual([{ VariantName: 'Shadow', ModelName: expect.anything(), InstanceType: 'ml.m5.large', InitialInstanceCount: 1, InitialVariantWeight: 1 }]);
    const models = Object.values<any>(shadowStack.findResources('AWS::SageMaker::Model')).map((m) => m.Properties.PrimaryContainer.ModelPackageName);
    expect(models.sort()).toEqual([MODEL.modelPackageArn, NEXT_MODEL.modelPackageArn]);
    // The production variant's model is the live stack's own (same logical id and properties): CloudFormation leaves it alone.
    expect(shadowStack.toJSON().Resources.Model.Properties).toEqual(Template.fromStack(app().pipelineStack.prod.endpoint).toJSON().Resources.Model.Properties);
    // Data capture stays on: SageMaker captures both variants, which the comparison reads.
    expect(config.DataCaptureConfig).toMatchObject({ EnableCapture: true, CaptureOptions: [{ CaptureMode: 'Input' }, { CaptureMode: 'Output' }] });
  });

  test('the model role reads the candidate\'s artifact too', () => {
    const statements = Object.values<any>(shadowStack.findResources('AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement);
    expect(statements).toContainEqual(expect.objectContaining({ Sid: 'ReadShadowModelArtifact', Resource: 'arn:aws:s3:::build-bucket/player-churn-training/exec2/Train/output/model.tar.gz' }));
    expect(statements).toContainEqual(expect.objectContaining({ Sid: 'ReadModelArtifact', Resource: 'arn:aws:s3:::build-bucket/player-churn-training/exec1/Train/output/model.tar.gz' }));
  });

  test('the production stage serves the candidate alone, through the guarded blue/green update', () => {
    const config = endpointConfigOf(prodStack);
    expect(config.ShadowProductionVariants).toBeUndefined();
    prodStack.hasResourceProperties('AWS::SageMaker::Model', { PrimaryContainer: { ModelPackageName: NEXT_MODEL.modelPackageArn } });
    const [endpoint] = Object.values<any>(prodStack.findResources('AWS::SageMaker::Endpoint'));
    expect(endpoint.Properties.DeploymentConfig.BlueGreenUpdatePolicy).toBeDefined();
  });

  test('the synth step also writes what production serves, and may describe only that endpoint and its configuration and models', () => {
    const synth = commandsOf('cdk synth');
    expect(synth[0]).toBe('npx sagemaker-gitops resolve-model --group player-churn --out resolved-model.json ' +
      '--endpoint-type staging:player-churn-staging=serverless --endpoint-type prod:player-churn-prod=realtime --live-endpoint player-churn-prod --live-out live-model.json');
    expect(synth).toContain('cp live-model.json cdk.out/live-model.json');
    const statements = Object.values<any>(pipelineTemplate.findResources('AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement);
    const describe = statements.find((st: any) => st.Action === 'sagemaker:DescribeEndpoint' && JSON.stringify(st.Resource).includes('endpoint/player-churn-prod'));
    expect(describe).toBeDefined();
  });

  test('CompareShadow waits the window, then runs compare-shadow with the thresholds as the production comparison role', () => {
    const commands = commandsOf('compare-shadow');
    // 45 minutes of traffic, then 5 more for the last captures to reach S3 (SHADOW_SETTLE_MINUTES).
    expect(commands.join('\n')).toContain('sleep 3000');
    const compare = commands.find((c) => c.includes('compare-shadow'))!;
    for (const part of [
      'node release-tools/sagemaker-gitops.js compare-shadow --endpoint player-churn-prod --production-variant AllTraffic --shadow-variant Shadow',
      '--capture-uri "$CAPTURE_URI" --minutes 45 --max-latency-increase-percent 15 --max-error-rate 0.02 --max-prediction-psi 0.25',
      '--min-invocations 100 --shadow-model-package "$(node -p "require(\'./release/resolved-model.json\').modelPackageArn")"',
      '--region us-east-1 --profile shadow --out shadow-report/report.json --variables-file shadow-report/shadow.env',
    ]) {
      expect(compare).toContain(part);
    }
    // The count the shadow variant is configured with: compare-shadow fails when the shadow runs another.
    const [shadowConfig] = Object.values<any>(shadowStack.findResources('AWS::SageMaker::EndpointConfig'));
    const configured = shadowConfig.Properties.ShadowProductionVariants[0].InitialInstanceCount;
    expect(compare).toContain(`--shadow-instances ${configured}`);
    expect(commands.join('\n')).toContain('role/player-churn-prod-shadow-compare');
    const project = Object.values<any>(pipelineTemplate.findResources('AWS::CodeBuild::Project'))
      .find((p) => JSON.stringify(p.Properties.Source.BuildSpec).includes('compare-shadow'));
    expect(project.Properties.TimeoutInMinutes).toBe(45 + 5 + 30);
    const spec = specs.find((s) => JSON.stringify(s).includes('compare-shadow'));
    expect(spec.env['exported-variables']).toEqual(expect.arrayContaining([...SHADOW_VARIABLES]));
  });

  test('the approval comes after the comparison and its comment carries the comparison\'s numbers, within CodePipeline\'s 1000 characters', () => {
    const [approval] = actionsOf(pipeline, 'Prod');
    const comment = JSON.stringify(approval.Configuration.CustomData);
    for (const variable of SHADOW_VARIABLES) {
      expect(comment).toContain(`.${variable}}`);
    }
    expect(comment).toContain('Shadow comparison over 45 min');
    expect(approval.Configuration.CustomData.length ?? comment.length).toBeLessThanOrEqual(1000);
  });

  test('the production stack has the comparison role: metrics, and only its own capture prefix and key', () => {
    for (const template of [shadowStack, prodStack]) {
      template.hasResourceProperties('AWS::IAM::Role', { RoleName: 'player-churn-prod-shadow-compare' });
      // compare-shadow reads <capture uri>/<endpoint>/<variant>/...: the uri is the endpoint configuration's DestinationS3Uri.
      expect(JSON.stringify(template.toJSON().Outputs)).toContain(`"/${DATA_CAPTURE_PREFIX}"`);
      expect(JSON.stringify(endpointConfigOf(template).DataCaptureConfig.DestinationS3Uri)).toContain(`"/${DATA_CAPTURE_PREFIX}"`);
    }
    const statements = Object.values<any>(shadowStack.findResources('AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement);
    expect(statements).toContainEqual(expect.objectContaining({ Sid: 'ReadVariantMetrics', Action: ['cloudwatch:GetMetricData', 'cloudwatch:GetMetricStatistics'], Resource: '*' }));
    expect(statements).toContainEqual(expect.objectContaining({ Sid: 'DecryptCapturedData', Action: 'kms:Decrypt' }));
  });
});

describe('the first release (production serves nothing yet)', () => {
  const deploy = shadowApp({ endpointName: 'player-churn-prod', none: 'the endpoint player-churn-prod does not exist in us-east-1' }, {}, MODEL);
  const templates = synthValidated(deploy);

  test('the shadow phase deploys the production stack\'s storage only: no endpoint before the approval', () => {
    const stage = deploy.pipelineStack.prodShadow!;
    expect(stage.endpoint).toBeUndefined();
    const stack = Template.fromStack(stage.firstRelease!);
    stack.resourceCountIs('AWS::SageMaker::Endpoint', 0);
    stack.resourceCountIs('AWS::SageMaker::EndpointConfig', 0);
    expect(templates['player-churn-prod-endpoint']).toBeDefined();
    // The storage has the full stack's logical ids, so the production deploy completes that same stack.
    const full = Template.fromStack(deploy.pipelineStack.prod.endpoint).toJSON().Resources;
    for (const [id, resource] of Object.entries<any>(stack.toJSON().Resources)) {
      if (resource.Type === 'AWS::KMS::Key' || resource.Type === 'AWS::S3::Bucket') {
        expect(full[id]?.Type).toBe(resource.Type);
      }
    }
  });

  test('the comparison exports SKIPPED without a shadow phase, and every variable has a value', () => {
    const commands = shadowVariableCommands();
    expect(commands[0]).toBe(`if [ -s shadow-report/shadow.env ]; then set -a && . ./shadow-report/shadow.env && set +a; else export SHADOW_VERDICT='${NO_SHADOW_VERDICT}'; fi`);
    expect(commands.slice(1)).toEqual(SHADOW_VARIABLES.map((name) => `export ${name}="\${${name}:--}"`));
  });
});

describe('a shadow release does not change the release pipeline', () => {
  // The ModelDeployPipelineStack contract: the pipeline's definition is the same for every release, or a release would make it
  // update (and restart) itself. With shadow releases that holds for every live version, and for the first release.
  test('first release, 7 beside 8 and 6 beside 7 synthesize a byte-identical pipeline stack', () => {
    const pipelineFile = (live: LiveModel, candidate: ResolvedModel) => {
      const assembly = shadowApp(live, {}, candidate).synth();
      const stack = assembly.stacksRecursively.find((s) => s.stackName === 'player-churn-model-deploy-pipeline')!;
      return fs.readFileSync(path.join(stack.assembly.directory, stack.templateFile), 'utf-8');
    };
    const v6: ResolvedModel = { ...MODEL, version: 6, modelPackageArn: MODEL.modelPackageArn.replace(/7$/, '6'), modelDataUrl: 's3://build-bucket/v6/model.tar.gz' };
    const first = pipelineFile({ endpointName: 'player-churn-prod', none: 'the endpoint player-churn-prod does not exist in us-east-1' }, MODEL);
    const sevenBesideSix = pipelineFile({ endpointName: 'player-churn-prod', model: v6 }, MODEL);
    const eightBesideSeven = pipelineFile({ endpointName: 'player-churn-prod', model: MODEL }, NEXT_MODEL);
    expect(sevenBesideSix).toBe(first);
    expect(eightBesideSeven).toBe(first);
    expect(first).not.toMatch(/player-churn\/[678]\b|exec[12]|0\.8312|0\.8477/);
  });
});

describe('the example project with shadow releases on', () => {
  // The example model-deploy repository's sagemaker-gitops.json (MLflow, real-time production with guardrails, autoscaling
  // and drift monitoring) with endpoints.prod.shadow on passes the same validators as the defaults, in both layouts.
  const example = readProjectConfig(path.join(__dirname, '..', '..', 'model-deploy', CONFIG_FILE_NAME));
  const config = resolveProjectConfig({ ...example, endpoints: { ...example.endpoints, prod: { ...example.endpoints.prod, shadow: SHADOW } } } as ProjectOptions);
  test.each([
    ['production serves version 7', { endpointName: 'player-churn-prod', model: MODEL }],
    ['the first release', { endpointName: 'player-churn-prod', none: 'the endpoint player-churn-prod does not exist in us-east-1' }],
  ])('%s', (_, live) => {
    const dir = repo();
    fs.writeFileSync(path.join(dir, LIVE_MODEL_FILE), JSON.stringify(live));
    const templates = synthValidated(new ModelDeployApp({ config, repoDir: dir, model: NEXT_MODEL }));
    expect(Object.keys(templates)).toContain('player-churn-prod-endpoint');
    const stages = pipelineOf(templates['player-churn-model-deploy-pipeline']).Stages.map((s: any) => s.Name);
    expect(stages.slice(-3)).toEqual(['Staging', 'ProdShadow', 'Prod']);
  });
});

describe('bad shadow releases', () => {
  test('a local synth with the placeholder model has the first-release layout', () => {
    const app = shadowApp(undefined, {}, placeholderModel('player-churn', 'us-east-1'));
    expect(app.pipelineStack.prodShadow!.firstRelease).toBeDefined();
  });

  test('a real synth without live-model.json fails, naming the command that writes it', () => {
    expect(() => shadowApp(undefined)).toThrow(/no live model: .*live-model.json does not exist.*--live-endpoint <production endpoint> --live-out live-model.json/);
  });

  test('a live model of another endpoint is refused', () => {
    expect(() => shadowApp({ endpointName: 'other-prod', model: MODEL })).toThrow(/describes the endpoint other-prod, but the production endpoint is player-churn-prod/);
  });

  // CreateModel from a model package works only in the package's region: the shadow variant's model comes from the candidate's package.
  test('production in another region than the registry is refused', () => {
    const environments = { build: { account: '111111111111', region: 'us-east-1' }, staging: { account: '111111111111', region: 'us-east-1' }, prod: { account: '111111111111', region: 'eu-west-1' } };
    expect(() => shadowApp({ endpointName: 'player-churn-prod', model: MODEL }, { environments }))
      .toThrow(/endpoints.prod.shadow needs environments.prod.region to be the model registry's region \(us-east-1\), got eu-west-1/);
  });

  test('production in an account of its own is refused, saying why', () => {
    const environments = { build: { account: '111111111111', region: 'us-east-1' }, staging: { account: '111111111111', region: 'us-east-1' }, prod: { account: '222222222222', region: 'us-east-1' } };
    expect(() => shadowApp({ endpointName: 'player-churn-prod', model: MODEL }, { environments }))
      .toThrow(/endpoints.prod.shadow needs environments.prod.account to be the build account \(111111111111\), got 222222222222/);
  });

  test('an endpoint stack given a shadow model without endpoints.prod.shadow is refused', () => {
    expect(() => new EndpointStack(validatedApp(), 'E', { config: testConfig(), stage: 'prod', model: MODEL, shadow: NEXT_MODEL, repoDir: repo() }))
      .toThrow(ConfigError);
  });

  test('the live-model file must name a model or why there is none', () => {
    expect(() => shadowApp({ endpointName: 'player-churn-prod' } as LiveModel)).toThrow(/must name either the live model \(model\) or why there is none/);
  });
});
