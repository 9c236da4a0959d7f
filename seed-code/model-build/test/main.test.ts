import * as path from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { CONFIG_FILE_NAME, ModelBuildApp, readProjectConfig } from 'sagemaker-gitops/lib/app';

const repoDir = path.join(__dirname, '..');
const config = readProjectConfig(path.join(repoDir, CONFIG_FILE_NAME));

test('the app synthesizes the pipeline and model-build stacks, and both pass the validator, cdk-nag and the guardrails', () => {
  const app = new ModelBuildApp({ config, repoDir });
  // synth() throws when a validation plugin reports a finding.
  const assembly = app.synth();
  expect(assembly.stacksRecursively.map((stack) => stack.stackName).sort())
    .toEqual([`${config.projectName}-model-build`, `${config.projectName}-model-build-pipeline`]);
});

test('the SageMaker pipeline runs this repository\'s steps and registers into the project\'s group', () => {
  const stack = new ModelBuildApp({ config, repoDir }).modelBuildStack;
  const template = Template.fromStack(stack);
  template.hasResource('AWS::SageMaker::ModelPackageGroup', {
    Properties: Match.objectLike({ ModelPackageGroupName: config.modelPackageGroupName }),
    // Kept when its stack is deleted (RetainExceptOnCreate: not past a failed first create, which leaves it empty).
    DeletionPolicy: Match.stringLikeRegexp('^Retain'),
  });
  // With MLflow on, TagMlflowRun follows Register: it tags the MLflow runs with the model package ARN.
  const afterRegister = config.mlflow !== undefined ? ['TagMlflowRun'] : [];
  expect(stack.definition.steps.map((step) => step.name)).toEqual(['Preprocess', 'Train', 'Evaluate', 'CheckAuc', 'Register', ...afterRegister, 'AucBelowThreshold']);
});
