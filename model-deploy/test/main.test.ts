import * as fs from 'node:fs';
import * as path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { CONFIG_FILE_NAME, ModelDeployApp, PLACEHOLDER_MODEL_CONTEXT, RESOLVED_MODEL_FILE, placeholderModel, readProjectConfig } from 'sagemaker-gitops/lib/app';

const repoDir = path.join(__dirname, '..');
const config = readProjectConfig(path.join(repoDir, CONFIG_FILE_NAME));
// A stand-in for the model the pipeline resolves: these tests need no AWS account.
const model = { ...placeholderModel(config.modelPackageGroupName, config.environments.build.region), placeholder: false, auc: 0.8 };

test('the app synthesizes the pipeline and both endpoint stacks; all pass the validator, cdk-nag and the guardrails', () => {
  const app = new ModelDeployApp({ config, repoDir, model });
  // synth() throws when a validation plugin reports a finding.
  const assembly = app.synth();
  expect(assembly.stacksRecursively.map((stack) => stack.stackName).sort()).toEqual([
    `${config.projectName}-model-deploy-pipeline`,
    `${config.projectName}-prod-endpoint`,
    `${config.projectName}-staging-endpoint`,
  ]);
});

test('each stage serves the model from its own account and region', () => {
  const app = new ModelDeployApp({ config, repoDir, model });
  for (const stage of ['staging', 'prod'] as const) {
    const stack = app.pipelineStack[stage].endpoint;
    expect(stack.region).toBe(config.environments[stage].region);
    Template.fromStack(stack).hasResourceProperties('AWS::SageMaker::Endpoint', { EndpointName: `${config.projectName}-${stage}` });
  }
});

test('a local synth uses the placeholder only when asked to, and only without a resolved model', () => {
  const resolved = fs.existsSync(path.join(repoDir, RESOLVED_MODEL_FILE));
  const app = new ModelDeployApp({ config, repoDir, context: { [PLACEHOLDER_MODEL_CONTEXT]: 'true' } });
  expect(app.model.placeholder === true).toBe(!resolved);
});
