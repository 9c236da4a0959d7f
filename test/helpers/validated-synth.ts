import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, AppProps, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ConfigError, ProjectConfig, ProjectOptions, resolveProjectConfig } from '../../src/config';
import { PROJECT_APP_CONTEXT, addProjectValidations } from '../../src/validation';
import './suite-validation-worker';

/**
 * An app that synthesizes exactly as the generated apps do: the project's CDK context (the
 * CloudFormation validator on) and its validation plugins (cdk-nag AwsSolutions, guardrails).
 */
export function validatedApp(props: AppProps = {}): App {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-test-')), ...props, context: { ...PROJECT_APP_CONTEXT, ...props.context } });
  addProjectValidations(app);
  return app;
}

/** A finding of a validation plugin, as the validation report lists it. */
export interface Finding {
  readonly plugin: string;
  readonly rule: string;
  readonly constructs: string[];
}

/** Thrown when synth fails validation; the message lists every finding. */
export class ValidationFailed extends Error {
  constructor(public readonly findings: Finding[]) {
    super(`validation failed:\n${findings.map((f) => `  ${f.plugin} ${f.rule}: ${f.constructs.join(', ')}`).join('\n')}`);
  }
}

/**
 * Synthesizes `app` (whose validation plugins must be added: a ProjectApp, or validatedApp())
 * and returns a Template per stack. Throws ValidationFailed naming each finding, so a test
 * shows which rule a construct breaks.
 */
export function synthValidated(app: App): Record<string, Template> {
  let assembly;
  try {
    assembly = app.synth();
  } catch (err) {
    const report = path.join(app.outdir, 'validation-report.json');
    if (fs.existsSync(report)) {
      throw new ValidationFailed(readFindings(report));
    }
    throw err;
  }
  return Object.fromEntries(assembly.stacksRecursively.map((stack) => [stack.stackName, Template.fromJSON(stack.template)]));
}

function readFindings(reportFile: string): Finding[] {
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf-8'));
  return report.pluginReports.flatMap((plugin: any) =>
    (plugin.violations ?? []).map((violation: any) => ({
      plugin: plugin.pluginName,
      rule: violation.ruleName,
      constructs: (violation.violatingConstructs ?? violation.violatingResources ?? []).map((c: any) => c.constructPath ?? c.resourceLogicalId),
    })),
  );
}

/** The findings that fail the synth of `app` (a ProjectApp, or a validatedApp()); none when it passes. */
export function findingsOfApp(app: App): Finding[] {
  try {
    synthValidated(app);
  } catch (err) {
    if (err instanceof ValidationFailed) {
      return err.findings;
    }
    throw err;
  }
  return [];
}

/** The findings of a validatedApp() holding one stack `Test` in us-east-1 that `build` fills. */
export function findingsOfStack(build: (stack: Stack) => void): Finding[] {
  const app = validatedApp();
  build(new Stack(app, 'Test', { env: { region: 'us-east-1' } }));
  return findingsOfApp(app);
}

/** Synthesizes a single stack of a validatedApp() and returns its template. */
export function synthStack(stack: Stack): Template {
  const templates = synthValidated(stack.node.root as App);
  return templates[stack.stackName];
}

/** The seed model-build repository: its pipelines/ scripts are what the model-build stack uploads. */
export const SEED_MODEL_BUILD_REPO = path.join(__dirname, '..', '..', 'seed-code', 'model-build');

/** The options of a valid project, single account in us-east-1. */
export function testProjectOptions(): ProjectOptions {
  return {
    projectName: 'player-churn',
    region: 'us-east-1',
    source: {
      modelBuild: { connectionArn: CONNECTION_ARN, repository: 'acme/player-churn-model-build' },
      modelDeploy: { connectionArn: CONNECTION_ARN, repository: 'acme/player-churn-model-deploy' },
    },
  };
}

/** A valid project ({@link testProjectOptions}) with `overrides` applied. */
export function testConfig(overrides: Record<string, unknown> = {}): ProjectConfig {
  return resolveProjectConfig({ ...testProjectOptions(), ...overrides });
}

/** The message of the ConfigError that resolving {@link testConfig} with `overrides` throws; fails the test when it throws none. */
export function configErrorOf(overrides: Record<string, unknown>): string {
  try {
    testConfig(overrides);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

export const CONNECTION_ARN = 'arn:aws:codeconnections:us-east-1:123456789012:connection/4f4b3c2a-1d2e-4f5a-9b8c-7d6e5f4a3b2c';
