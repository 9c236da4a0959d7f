import * as path from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { CONFIG_FILE_NAME, ModelBuildApp, readProjectConfig } from 'sagemaker-gitops';

const config = readProjectConfig(path.join(__dirname, '..', CONFIG_FILE_NAME));

test('the app synthesizes and passes the validator, cdk-nag and the guardrails', () => {
  const app = new ModelBuildApp({ config });
  // synth() throws when a validation plugin reports a finding.
  const assembly = app.synth();
  expect(assembly.stacks.map((stack) => stack.stackName)).toEqual([`${config.projectName}-model-build`]);
});

test('the model package group is the project\'s and is retained', () => {
  const template = Template.fromStack(new ModelBuildApp({ config }).modelBuildStack);
  template.hasResource('AWS::SageMaker::ModelPackageGroup', {
    Properties: Match.objectLike({ ModelPackageGroupName: config.modelPackageGroupName }),
    DeletionPolicy: 'Retain',
  });
});
