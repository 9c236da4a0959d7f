/**
 * The example project with every opt-in of issue 19 turned on at once: scale-out of Preprocess and
 * Train (instanceCounts), the current XGBoost container (containers), a shadow release before the
 * production update (endpoints.prod.shadow) and scheduled batch scoring (batchScoring). Both apps
 * synthesize and pass the validators every template passes (the CloudFormation validator, cdk-nag,
 * AWS Control Tower's proactive controls), the SageMaker pipelines pass the official schema, and
 * every request of the templates passes SageMaker's API model.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import type { PolicyViolation } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { LIVE_MODEL_FILE } from '../src/app-context/resolved-model';
import { ModelBuildApp } from '../src/model-build';
import { ModelDeployApp } from '../src/model-deploy';
import { pipelineDefinitionSchemaErrors } from '../src/pipeline-definition';
import { EXAMPLE, allFeatures } from './helpers/all-features-config';
import { serviceModel } from './helpers/api-model';
import { checkResources, uncoveredTypes } from './helpers/api-model-resources';
import { ACKNOWLEDGED_ACTIONS, checkPolicies } from './helpers/iam-reference';
import { pipelineVariableProblems } from './helpers/pipeline-variables';
import { checkTemplates, judgedValues, operationsOf, problemsOf } from './helpers/api-model-templates';
import { ControlTowerChecks, guardRuns, rulesFor } from '../src/validation';
import { synthValidated } from './helpers/validated-synth';
import { MODEL, NEXT_MODEL, repo } from './model-deploy/fixtures';

/** The SageMaker pipeline definitions of a template, references replaced by a placeholder. */
function definitionsOf(template: Template): any[] {
  return Object.values<any>(template.findResources('AWS::SageMaker::Pipeline')).map((pipeline) => {
    const body = pipeline.Properties.PipelineDefinition.PipelineDefinitionBody;
    const text = typeof body === 'string' ? body : body['Fn::Join'][1].map((part: unknown) => (typeof part === 'string' ? part : 'REF')).join('');
    return JSON.parse(text);
  });
}

const config = allFeatures();
let buildApp: ModelBuildApp;
let templates: Record<string, Template>;
/** The same templates as JSON, for the checks that read templates (test/helpers/api-model-*.ts, iam-reference.ts, pipeline-variables.ts). */
let templateJsons: Record<string, any>;

beforeAll(() => {
  buildApp = new ModelBuildApp({ config, repoDir: path.join(EXAMPLE, 'model-build') });
  const build = synthValidated(buildApp);
  const dir = repo();
  // Production serves the previous version: the candidate runs as its shadow variant first.
  fs.writeFileSync(path.join(dir, LIVE_MODEL_FILE), JSON.stringify({ endpointName: 'player-churn-prod', model: MODEL }));
  templates = { ...build, ...synthValidated(new ModelDeployApp({ config, repoDir: dir, model: NEXT_MODEL })) };
  templateJsons = Object.fromEntries(Object.entries(templates).map(([name, template]) => [name, template.toJSON()]));
});

test('model-build: Preprocess on 4 instances between ScanInput and MergeBaseline, Train on 2 with XGBoost 3.0-5', () => {
  const definition = buildApp.modelBuildStack.definition.toJSON();
  expect(pipelineDefinitionSchemaErrors(definition)).toEqual([]);
  const steps = Object.fromEntries(definition.Steps.map((step: any) => [step.Name, step.Arguments]));
  expect(Object.keys(steps)).toEqual(expect.arrayContaining(['ScanInput', 'Preprocess', 'MergeBaseline', 'Train', 'Evaluate']));
  expect(steps.Preprocess.ProcessingResources.ClusterConfig.InstanceCount).toBe(4);
  expect(steps.Train.ResourceConfig.InstanceCount).toBe(2);
  expect(JSON.stringify(steps.Train.AlgorithmSpecification.TrainingImage)).toContain('sagemaker-xgboost:3.0-5');
});

test('model-deploy: a shadow phase before production, and the batch-scoring stack in production', () => {
  const pipeline = Object.values<any>(templates['player-churn-model-deploy-pipeline'].findResources('AWS::CodePipeline::Pipeline'))[0].Properties;
  expect(pipeline.Stages.map((stage: any) => stage.Name).slice(-3)).toEqual(['Staging', 'ProdShadow', 'Prod']);
  const [scoring] = definitionsOf(templates['player-churn-batch-scoring']);
  expect(pipelineDefinitionSchemaErrors(scoring)).toEqual([]);
  expect(scoring.Steps[0].Arguments.TransformResources.InstanceCount).toBe(2);
});

// SageMaker's API model (API Reference of each operation: "Length Constraints", "Valid Range",
// "Valid Values", "Pattern", "Required"; test/helpers/api-model-templates.ts): every pipeline step's
// arguments and every SageMaker resource of both apps are requests AWS accepts.
test('SageMaker\'s API model accepts every pipeline step\'s request and every SageMaker resource of both apps', () => {
  const checks = checkTemplates(serviceModel('sagemaker'), templateJsons);
  expect(problemsOf(checks)).toEqual([]);
  expect(operationsOf(checks)).toEqual([
    'CreateEndpoint', 'CreateEndpointConfig', 'CreateMlflowApp', 'CreateModel', 'CreateModelPackage', 'CreateModelPackageGroup',
    'CreatePipeline', 'CreateProcessingJob', 'CreateTrainingJob', 'CreateTransformJob', 'UpdateEndpoint',
  ]);
  // Most values are known before run time: the check judges them, not only their shape.
  const { judged, unjudged } = judgedValues(checks);
  expect(judged).toBeGreaterThan(10 * unjudged);
});

// The other services' API models (IAM, KMS, Logs, Lambda, EventBridge, Scheduler, CloudWatch,
// CodeBuild, CodePipeline, Systems Manager; test/helpers/api-model-resources.ts): the requests
// CloudFormation makes for every other resource of both apps.
test('the other services\' API models accept the requests for every other resource of both apps', () => {
  const checks = checkResources(templateJsons);
  expect(problemsOf(checks)).toEqual([]);
  expect(uncoveredTypes(templateJsons)).toEqual([]);
  const { judged, unjudged } = judgedValues(checks);
  expect(judged).toBeGreaterThan(10 * unjudged);
});

// The Service Authorization Reference (test/helpers/iam-reference.ts): the policies of both apps with
// every opt-in grant only actions, condition keys and resources IAM applies.
test('every policy of both apps grants what IAM applies', async () => {
  const { problems, judged } = await checkPolicies(templateJsons, ACKNOWLEDGED_ACTIONS);
  expect(problems).toEqual([]);
  expect(judged.resources).toBeGreaterThan(300);
});

// CodePipeline User Guide, "Variables reference": every #{namespace.variable} of both pipelines,
// the shadow phase's included, resolves to a variable an earlier action exports (test/helpers/pipeline-variables.ts).
test('every pipeline variable reference of both apps resolves', () => {
  const { problems, references } = pipelineVariableProblems(templateJsons);
  expect(problems).toEqual([]);
  expect(references.length).toBeGreaterThanOrEqual(5);
});


// The Control Tower checks run cfn-guard three times (the IAM rules, the other rules that check one resource, the rules
// that follow references), each on copies of the templates holding
// only the resource types its rules name (src/validation/control-tower-runs.ts). Every template of both apps gets
// exactly the findings, resource by resource and property by property, that one run of every rule on the whole
// templates gives (acknowledged ones included: the plugin reports them, and aws-cdk-lib applies the acknowledgements).
test('the Control Tower checks find on the templates\' resource types alone what cfn-guard finds on the whole templates', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'control-tower-runs-'));
  const files = Object.entries(templateJsons).map(([name, json]) => {
    const file = path.join(dir, `${name}.template.json`);
    fs.writeFileSync(file, JSON.stringify(json));
    return file;
  });
  // And the template with the most resources with a role and a bucket changed, for the cache below (checked in the same runs).
  const [largest] = Object.entries(templateJsons).sort(([, a], [, b]) => Object.keys(b.Resources).length - Object.keys(a.Resources).length);
  const changed = structuredClone(largest[1]);
  for (const type of ['AWS::IAM::Role', 'AWS::S3::Bucket']) {
    const id = Object.keys(changed.Resources).find((key) => changed.Resources[key].Type === type)!;
    expect(id).toBeDefined();
    changed.Resources[id] = { ...changed.Resources[id], Properties: { ...changed.Resources[id].Properties, Tags: [{ Key: 'changed', Value: 'yes' }] } };
  }
  const changedFile = path.join(dir, `${largest[0]}-changed.template.json`);
  fs.writeFileSync(changedFile, JSON.stringify(changed));
  const rules = rulesFor(new Set(Object.values(templateJsons).flatMap((json) => Object.values<any>(json.Resources).map((r) => r.Type))));
  expect(guardRuns(rules).map((run) => run.perResource)).toEqual([true, true, false]);
  const controlOf = new Map(rules.map((rule) => [rule.ruleName, rule.controlId]));
  const rows = (violations: PolicyViolation[], name: (rule: string) => string | undefined, only?: string) => violations.flatMap((v) => v.violatingResources
    .filter((r) => only === undefined || r.templatePath === only)
    .map((r) => `${name(v.ruleName)} ${path.basename(r.templatePath ?? 'none')} ${r.resourceLogicalId} ${[...r.locations].sort().join(',')}`)).sort();
  const whole = new CfnGuardValidator({ controlTowerRulesEnabled: false, rules: rules.map((rule) => rule.file), maxBuffer: 64 * 1024 * 1024 })
    .validate({ templatePaths: [...files, changedFile] } as any);
  const wholeRows = (only?: string) => rows(whole.violations, (rule) => controlOf.get(rule), only);
  const runs = new ControlTowerChecks({ cacheDir: false }).validate({ templatePaths: [...files, changedFile] } as any);
  expect(wholeRows()).toEqual(rows(runs.violations, (rule) => rule));
  expect(rows(runs.violations, (rule) => rule).length).toBeGreaterThan(10);
  // Each finding names the template it is about, not the copy cfn-guard read.
  expect(runs.violations.flatMap((v) => v.violatingResources.map((r) => r.templatePath)).filter((file) => ![...files, changedFile].includes(file!))).toEqual([]);
  // With a cache: the findings on templates whose resources are unchanged come from it (per resource, and per copy for
  // the rules that follow references), and are the same; so are they on the template with a changed role and bucket,
  // checked again only where it changed.
  const cacheDir = path.join(dir, 'cache');
  new ControlTowerChecks({ cacheDir }).validate({ templatePaths: files } as any);
  for (const file of files) {
    fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf-8')), Description: 'changed elsewhere' }));
  }
  const cached = new ControlTowerChecks({ cacheDir }).validate({ templatePaths: files } as any);
  expect(rows(cached.violations, (rule) => rule)).toEqual(files.flatMap((file) => wholeRows(file)).sort());
  const partlyCached = new ControlTowerChecks({ cacheDir }).validate({ templatePaths: [changedFile] } as any);
  expect(rows(partlyCached.violations, (rule) => rule)).toEqual(wholeRows(changedFile));
  fs.rmSync(dir, { recursive: true, force: true });
});
