/**
 * The CloudFormation validator on a worker thread: what it reports, and its worker's life. A worker
 * loads the validator and its specification (seconds each); the tests of its life start their own.
 *
 * @slowSuite (test/slow-first-sequencer.js starts it first)
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, CloudFormationValidatePlugin, Stack, Stage } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sagemaker from 'aws-cdk-lib/aws-sagemaker';
import { ArtifactStore, ProjectApp } from '../../src/constructs';
import { PROJECT_APP_CONTEXT, addProjectValidations } from '../../src/validation';
import { acknowledgeControl } from '../../src/validation/acknowledge';
import {
  ThreadedCloudFormationValidation, WORKER_IDLE_MS, _resetValidationWorker, _validationWorkerSettings, _validationWorkerState,
} from '../../src/validation/threaded-cloudformation-validate';
import { findingsOfApp, testConfig, validatedApp } from '../helpers/validated-synth';

const defaults = { ..._validationWorkerSettings };

/**
 * A test that changed the worker's settings leaves no worker started with them. The other tests
 * share one worker, as the synths of one process do: each new worker builds the validator's engine
 * again, about 5 s of CPU (the tests that need a new worker reset it themselves).
 */
afterEach(() => {
  const changed = (Object.keys(defaults) as (keyof typeof defaults)[]).some((name) => _validationWorkerSettings[name] !== defaults[name]);
  Object.assign(_validationWorkerSettings, defaults);
  if (changed || _validationWorkerState() === 'unavailable') {
    _resetValidationWorker();
  }
  delete process.env.CDK_VALIDATION;
});

/** An app with one valid stack and one with a CloudFormation validator finding (F3031: a name SageMaker does not allow). */
function appWithFinding(props: ConstructorParameters<typeof App>[0] = {}): App {
  const app = validatedApp(props);
  new ArtifactStore(new Stack(app, 'Valid', { env: { region: 'us-east-1' } }), 'Store', { keyAlias: 'test', description: 'test' });
  new sagemaker.CfnModelPackageGroup(new Stack(app, 'Invalid', { env: { region: 'us-east-1' } }), 'Group', { modelPackageGroupName: 'not_valid!' });
  return app;
}

const findingsOf = findingsOfApp;

/** The CloudFormation validator's violations in the app's validation report. */
function reportedViolations(app: App) {
  const report = JSON.parse(fs.readFileSync(path.join(app.outdir, 'validation-report.json'), 'utf-8'));
  return report.pluginReports.filter((p: any) => p.pluginName === CloudFormationValidatePlugin.PLUGIN_NAME).flatMap((p: any) => p.violations);
}

describe('the CloudFormation validator on a worker thread', () => {
  test('reports what aws-cdk-lib\'s own validator reports on the main thread, once', () => {
    const app = appWithFinding();
    expect(findingsOf(app)).toEqual([{ plugin: 'CloudFormation Validate', rule: 'F3031', constructs: ['Invalid/Group'] }]);
    expect(_validationWorkerState()).toBe('running');

    const stackTemplates = ['Valid', 'Invalid'].map((name) => ({
      stackConstructPath: name, templatePath: path.join(app.outdir, `${name}.template.json`), accountId: undefined, region: 'us-east-1',
    }));
    const onMainThread = new CloudFormationValidatePlugin().validate({ stackTemplates, templatePaths: stackTemplates.map((s) => s.templatePath), appConstruct: app });
    expect(onMainThread.success).toBe(false);
    const reported = reportedViolations(app);
    expect(reported.map((v: any) => [v.ruleName, v.description, v.severity])).toEqual(
      onMainThread.violations.map((v) => [v.ruleName, v.description, v.severity]),
    );
  });

  // With version reporting on, as the CDK CLI runs an app, aws-cdk-lib reads each plugin's version and rule ids for the
  // CDKMetadata resource, and the version again for the validation report. aws-cdk-lib's getters instantiate the
  // validator's WebAssembly module (about 0.3 s on the main thread); the package's version is the same answer.
  test('gives the validator\'s version and rule ids without loading the validator on the main thread', () => {
    const ownVersion = jest.spyOn(CloudFormationValidatePlugin.prototype, 'version', 'get');
    const ownRuleIds = jest.spyOn(CloudFormationValidatePlugin.prototype, 'ruleIds', 'get');
    let plugin: CloudFormationValidatePlugin;
    let metadata: string;
    try {
      const app = appWithFinding({ analyticsReporting: true });
      findingsOf(app);
      metadata = JSON.stringify(JSON.parse(fs.readFileSync(path.join(app.outdir, 'Valid.template.json'), 'utf-8')).Resources.CDKMetadata);
      plugin = ((app as any)._validationPlugins as any[]).find((p) => p instanceof CloudFormationValidatePlugin)!;
      expect([plugin.version, plugin.ruleIds]).toBeDefined();
      expect(ownVersion).not.toHaveBeenCalled();
      expect(ownRuleIds).not.toHaveBeenCalled();
    } finally {
      ownVersion.mockRestore();
      ownRuleIds.mockRestore();
    }
    expect(metadata).toBeDefined();
    const own = new CloudFormationValidatePlugin();
    expect(plugin.version).toBe(own.version);
    expect(plugin.ruleIds).toEqual(own.ruleIds);
    expect(plugin.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  test('passes valid templates, with aws-cdk-lib adding no validator of its own', () => {
    const app = validatedApp();
    new ArtifactStore(new Stack(app, 'Valid', { env: { region: 'us-east-1' } }), 'Store', { keyAlias: 'test', description: 'test' });
    expect(findingsOf(app)).toEqual([]);
    const plugins = (app as any)._validationPlugins as object[];
    expect(plugins.filter((p) => p instanceof CloudFormationValidatePlugin)).toHaveLength(1);
    // The worker is handed the templates first; the validator waits for it after the other plugins.
    expect(plugins.map((p: any) => p.name)).toEqual(['CloudFormation Validate (worker start)', 'AwsSolutions', 'SageMakerGitOpsGuardrails', 'ControlTower', 'CloudFormation Validate']);
  });

  describe('with rules of the app\'s own', () => {
    const keyDescription = {
      name: 'key-description.guard',
      content: "let keys = Resources.*[ Type == 'AWS::KMS::Key' ]\nrule key_has_description when %keys !empty {\n  %keys.Properties.Description exists\n}",
    };
    const keyWithoutDescription = (app: App) => {
      const key = new kms.Key(new Stack(app, 'Keys', { env: { region: 'us-east-1' } }), 'Key', { enableKeyRotation: true });
      // Control Tower's CT.KMS.PR.3 (grants only for AWS services) is not what these tests are about.
      acknowledgeControl(key, 'CT.KMS.PR.3', 'a test key of the CloudFormation validator\'s own rules, never deployed');
      return app;
    };

    test('reports their findings beside the built-in rules\' (a Guard rule)', () => {
      expect(findingsOf(keyWithoutDescription(validatedApp()))).toEqual([]);
      const withRules = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-test-')), context: { ...PROJECT_APP_CONTEXT } });
      addProjectValidations(withRules, { cloudFormation: { guardRules: [keyDescription] } });
      new sagemaker.CfnModelPackageGroup(new Stack(withRules, 'Invalid', { env: { region: 'us-east-1' } }), 'Group', { modelPackageGroupName: 'not_valid!' });
      keyWithoutDescription(withRules);
      expect(findingsOf(withRules)).toEqual(expect.arrayContaining([
        { plugin: 'CloudFormation Validate', rule: 'F3031', constructs: ['Invalid/Group'] },
        { plugin: 'CloudFormation Validate', rule: 'key_has_description', constructs: ['Keys/Key/Resource'] },
      ]));
      expect(_validationWorkerState()).toBe('running');
    });

    test('reaches the validator of a project app through its props', () => {
      const app = new ProjectApp({ config: testConfig(), outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-test-')), validation: { cloudFormation: { guardRules: [keyDescription] } } });
      keyWithoutDescription(app);
      expect(findingsOf(app)).toEqual([{ plugin: 'CloudFormation Validate', rule: 'key_has_description', constructs: ['Keys/Key/Resource'] }]);
    });
  });

  test('validates on the main thread when the worker cannot load the validator', () => {
    _resetValidationWorker();
    _validationWorkerSettings.awsCdkLib = path.join(__dirname, 'no-such-module.js');
    expect(findingsOf(appWithFinding())).toEqual([{ plugin: 'CloudFormation Validate', rule: 'F3031', constructs: ['Invalid/Group'] }]);
    expect(_validationWorkerState()).toBe('unavailable');
    // Later synths of the process do not try again.
    expect(findingsOf(appWithFinding())).toEqual([{ plugin: 'CloudFormation Validate', rule: 'F3031', constructs: ['Invalid/Group'] }]);
    expect(_validationWorkerState()).toBe('unavailable');
  });

  // Two synths and a wait in an async test: jest's default 5 s timeout is too short for them on a
  // busy 2-core machine (it failed so there), and a timeout is no part of what this test checks.
  test('an idle worker exits by itself, and the next synth starts another', async () => {
    expect(WORKER_IDLE_MS).toBe(5_000);
    _resetValidationWorker();
    _validationWorkerSettings.idleMs = 100;
    expect(findingsOf(appWithFinding())).toHaveLength(1);
    await waitFor(() => _validationWorkerState() === 'none', 10_000);
    // The next worker with the default idle time: it stays for the tests after this one (no third engine
    // build), and cannot exit before the state is read.
    _validationWorkerSettings.idleMs = defaults.idleMs;
    expect(findingsOf(appWithFinding())).toEqual([{ plugin: 'CloudFormation Validate', rule: 'F3031', constructs: ['Invalid/Group'] }]);
    expect(_validationWorkerState()).toBe('running');
  }, 60_000);

  test('is left to aws-cdk-lib on a scope that is not an app', () => {
    const app = validatedApp();
    const stage = new Stage(app, 'Stage');
    expect(ThreadedCloudFormationValidation.forApp(stage)).toBeUndefined();
    addProjectValidations(stage);
    new sagemaker.CfnModelPackageGroup(new Stack(stage, 'Invalid', { env: { region: 'us-east-1' } }), 'Group', { modelPackageGroupName: 'not_valid!' });
    expect(findingsOf(app)).toEqual([{ plugin: 'CloudFormation Validate', rule: 'F3031', constructs: ['Stage/Invalid/Group'] }]);
  });

  test.each([
    ['CDK_VALIDATION=false', () => { process.env.CDK_VALIDATION = 'false'; return appWithFinding(); }],
    ['builtinCloudFormationValidation: false', () => appWithFinding({ builtinCloudFormationValidation: false })],
  ])('is off as aws-cdk-lib\'s own validator is with %s', (_name, build) => {
    const app = build();
    expect(ThreadedCloudFormationValidation.forApp(app)).toBeUndefined();
    expect(findingsOf(app)).toEqual([]);
  });
});

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error('timed out');
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
