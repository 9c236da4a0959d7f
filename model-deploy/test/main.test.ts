import * as path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { CONFIG_FILE_NAME, ModelDeployApp, readProjectConfig } from 'sagemaker-gitops';

const config = readProjectConfig(path.join(__dirname, '..', CONFIG_FILE_NAME));

test('the app synthesizes and passes the validator, cdk-nag and the guardrails', () => {
  const app = new ModelDeployApp({ config });
  // synth() throws when a validation plugin reports a finding.
  const assembly = app.synth();
  expect(assembly.stacks.map((stack) => stack.stackName).sort()).toEqual([
    `${config.projectName}-prod-storage`,
    `${config.projectName}-staging-storage`,
  ]);
});

test('each stage keeps its data in its own account and region', () => {
  const app = new ModelDeployApp({ config });
  for (const stage of ['staging', 'prod'] as const) {
    const stack = app.stageStorage[stage];
    expect(stack.region).toBe(config.environments[stage].region);
    Template.fromStack(stack).resourceCountIs('AWS::KMS::Key', 1);
  }
});
