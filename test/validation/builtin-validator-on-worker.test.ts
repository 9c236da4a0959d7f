import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, CloudFormationValidatePlugin, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
import { PROJECT_APP_CONTEXT } from '../../src/validation';
import { _validationWorkerState } from '../../src/validation/threaded-cloudformation-validate';
import '../helpers/suite-validation-worker';

/**
 * test/helpers/suite-validation-worker.ts, which the suites that synthesize import: the
 * CloudFormation validator aws-cdk-lib adds by itself to a plain app runs on the process's worker
 * thread, with aws-cdk-lib's own rules, so a finding still fails the synth, and the test's main
 * thread builds no engine.
 */
function plainApp(): App {
  return new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-test-')), context: { ...PROJECT_APP_CONTEXT } });
}

afterEach(() => jest.restoreAllMocks());

test('a plain app\'s finding (F3031: a name SageMaker does not allow) fails its synth, validated on the worker', () => {
  const onMainThread = jest.spyOn(CloudFormationValidatePlugin.prototype, 'validate');
  const app = plainApp();
  new sagemaker.CfnModelPackageGroup(new Stack(app, 'Invalid', { env: { region: 'us-east-1' } }), 'Group', { modelPackageGroupName: 'not_valid!' });
  expect(() => app.synth()).toThrow(/F3031/);
  const report = JSON.parse(fs.readFileSync(path.join(app.outdir, 'validation-report.json'), 'utf-8'));
  const validator = report.pluginReports.find((p: any) => p.pluginName === CloudFormationValidatePlugin.PLUGIN_NAME);
  expect(validator.violations.map((v: any) => v.ruleName)).toEqual(['F3031']);
  expect(_validationWorkerState()).toBe('running');
  expect(onMainThread).not.toHaveBeenCalled();
});

test('a valid plain app synthesizes as before (Template.fromStack)', () => {
  const onMainThread = jest.spyOn(CloudFormationValidatePlugin.prototype, 'validate');
  const stack = new Stack(plainApp(), 'Valid', { env: { region: 'us-east-1' } });
  new sagemaker.CfnModelPackageGroup(stack, 'Group', { modelPackageGroupName: 'valid-group' });
  Template.fromStack(stack).resourceCountIs('AWS::SageMaker::ModelPackageGroup', 1);
  expect(onMainThread).not.toHaveBeenCalled();
});
