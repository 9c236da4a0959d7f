/**
 * The example project with every opt-in of issue 19 turned on at once: scale-out of Preprocess and
 * Train (instanceCounts), the current XGBoost container (containers), a shadow release before the
 * production update (endpoints.prod.shadow) and scheduled batch scoring (batchScoring). Both apps
 * synthesize and pass the validators every template passes (the CloudFormation validator, cdk-nag,
 * AWS Control Tower's proactive controls), and the SageMaker pipelines pass the official schema.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { LIVE_MODEL_FILE } from '../src/app-context/resolved-model';
import { CONFIG_FILE_NAME, ProjectConfig, ProjectOptions, readProjectConfig, resolveProjectConfig } from '../src/config';
import { ModelBuildApp } from '../src/model-build';
import { ModelDeployApp } from '../src/model-deploy';
import { pipelineDefinitionSchemaErrors } from '../src/pipeline-definition';
import { synthValidated } from './helpers/validated-synth';
import { MODEL, NEXT_MODEL, repo } from './model-deploy/fixtures';

const EXAMPLE = path.join(__dirname, '..');

/** The example's config (model-deploy/sagemaker-gitops.json) with every issue-19 option on. */
function allFeatures(): ProjectConfig {
  const example = readProjectConfig(path.join(EXAMPLE, 'model-deploy', CONFIG_FILE_NAME));
  return resolveProjectConfig({
    ...example,
    instanceCounts: { processing: 4, training: 2 },
    containers: { xgboost: '3.0-5', sklearn: '1.4-2' },
    endpoints: {
      ...example.endpoints,
      prod: { ...example.endpoints.prod, shadow: { minutes: 60, maxLatencyIncreasePercent: 20, maxErrorRate: 0.01, maxPredictionPsi: 0.2 } },
    },
    batchScoring: { inputUri: 's3://acme-churn-scoring/players/daily', inputFilter: '$[1:]', outputFilter: '$[0,-1]', instanceCount: 2 },
  } as ProjectOptions);
}

/** The SageMaker pipeline definitions of a template, references replaced by a placeholder. */
function definitionsOf(template: Template): any[] {
  return Object.values<any>(template.findResources('AWS::SageMaker::Pipeline')).map((pipeline) => {
    const body = pipeline.Properties.PipelineDefinition.PipelineDefinitionBody;
    const text = typeof body === 'string' ? body : body['Fn::Join'][1].map((part: unknown) => (typeof part === 'string' ? part : 'REF')).join('');
    return JSON.parse(text);
  });
}

const config = allFeatures();

test('model-build: Preprocess on 4 instances between ScanInput and MergeBaseline, Train on 2 with XGBoost 3.0-5', () => {
  const app = new ModelBuildApp({ config, repoDir: path.join(EXAMPLE, 'model-build') });
  synthValidated(app);
  const definition = app.modelBuildStack.definition.toJSON();
  expect(pipelineDefinitionSchemaErrors(definition)).toEqual([]);
  const steps = Object.fromEntries(definition.Steps.map((step: any) => [step.Name, step.Arguments]));
  expect(Object.keys(steps)).toEqual(expect.arrayContaining(['ScanInput', 'Preprocess', 'MergeBaseline', 'Train', 'Evaluate']));
  expect(steps.Preprocess.ProcessingResources.ClusterConfig.InstanceCount).toBe(4);
  expect(steps.Train.ResourceConfig.InstanceCount).toBe(2);
  expect(JSON.stringify(steps.Train.AlgorithmSpecification.TrainingImage)).toContain('sagemaker-xgboost:3.0-5');
});

test('model-deploy: a shadow phase before production, and the batch-scoring stack in production', () => {
  const dir = repo();
  // Production serves the previous version: the candidate runs as its shadow variant first.
  fs.writeFileSync(path.join(dir, LIVE_MODEL_FILE), JSON.stringify({ endpointName: 'player-churn-prod', model: MODEL }));
  const templates = synthValidated(new ModelDeployApp({ config, repoDir: dir, model: NEXT_MODEL }));
  const pipeline = Object.values<any>(templates['player-churn-model-deploy-pipeline'].findResources('AWS::CodePipeline::Pipeline'))[0].Properties;
  expect(pipeline.Stages.map((stage: any) => stage.Name).slice(-3)).toEqual(['Staging', 'ProdShadow', 'Prod']);
  const [scoring] = definitionsOf(templates['player-churn-batch-scoring']);
  expect(pipelineDefinitionSchemaErrors(scoring)).toEqual([]);
  expect(scoring.Steps[0].Arguments.TransformResources.InstanceCount).toBe(2);
});
