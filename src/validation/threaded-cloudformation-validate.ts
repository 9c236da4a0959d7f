import {
  App, CloudFormationValidatePlugin, CloudFormationValidatePluginProps, IPolicyValidationContext, IPolicyValidationPlugin, PolicyValidationPluginReport,
} from 'aws-cdk-lib';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { IConstruct } from 'constructs';
import { PendingValidation, validationWorker } from './validation-worker';

export { WORKER_IDLE_MS, _resetValidationWorker, _validationWorkerSettings, _validationWorkerState } from './validation-worker';

/**
 * aws-cdk-lib's CloudFormation validator, run on a worker thread so that it overlaps the other
 * validation plugins.
 *
 * Building the validator's engine takes more than a second of WebAssembly work at every synth,
 * and cdk-nag then spends a few hundred milliseconds loading the aws-cdk-lib modules its rules
 * test against. Here {@link ThreadedCloudFormationValidation.start}, a plugin registered before
 * the others, hands the written templates to the worker; the other plugins run meanwhile; and the
 * validator plugin itself, registered last, waits for the worker's report. On two cores this
 * took 0.1 to 0.2 s off each app's synth (bench/README.md); the more cores, the more it overlaps.
 *
 * The worker runs aws-cdk-lib's own `CloudFormationValidatePlugin`, with its defaults (the same
 * class and rules as the validator aws-cdk-lib adds to an app by itself) or with the rules the
 * app was given; the plugin registered
 * here is a subclass, so aws-cdk-lib does not add its own (it allows one), trusts it as it
 * trusts its own, and reports its findings under the same name. When the worker cannot be used
 * (it failed to start, stopped, or gave no answer within {@link WORKER_TIMEOUT_MS}), the templates
 * are validated on the main thread, as aws-cdk-lib would, and so are those of every later synth
 * of the process.
 *
 * Because this registers a CloudFormationValidatePlugin, an app cannot register another one:
 * aws-cdk-lib allows one per app. Rules of the app's own go in `props` instead.
 */
export class ThreadedCloudFormationValidation {
  /**
   * The plugins to register on `app`, in this order around the other plugins: `start` first,
   * `validator` last. Returns none when the app has aws-cdk-lib's validator turned off
   * (`builtinCloudFormationValidation: false` or CDK_VALIDATION=false), as aws-cdk-lib then
   * runs none, and none for a scope that is not an app (aws-cdk-lib accepts the validator only on
   * the root, and adds its own there).
   *
   * @param props the validator's settings, as aws-cdk-lib's plugin takes them: rules of the app's
   * own (Rego or Guard), or the built-in rules off. Default: aws-cdk-lib's defaults.
   */
  public static forApp(app: IConstruct, props: CloudFormationValidatePluginProps = {}): ThreadedCloudFormationValidation | undefined {
    if (!App.isApp(app) || !app._builtinCloudFormationValidation) {
      return undefined;
    }
    if (process.env.CDK_VALIDATION === 'false') {
      return undefined;
    }
    // Started now, the worker loads aws-cdk-lib and the validator while the app is built.
    validationWorker();
    return new ThreadedCloudFormationValidation(props);
  }

  /** Hands the templates to the worker and reports nothing itself. */
  public readonly start: IPolicyValidationPlugin;
  /** The CloudFormation validator: the worker's report of the templates `start` handed over. */
  public readonly validator: CloudFormationValidatePlugin;

  private pending?: PendingValidation;

  private constructor(props: CloudFormationValidatePluginProps) {
    this.start = {
      name: 'CloudFormation Validate (worker start)',
      validate: (context) => {
        this.pending = validationWorker()?.request(props, context.stackTemplates);
        return { success: true, violations: [] };
      },
    };
    this.validator = new WorkerCloudFormationValidatePlugin(props, () => this.takePending());
  }

  private takePending(): PendingValidation | undefined {
    const pending = this.pending;
    this.pending = undefined;
    return pending;
  }
}

/**
 * aws-cdk-lib's CloudFormation validator with `props`, validating on the process's worker thread,
 * which keeps one engine for every synth of the process (on the main thread, as aws-cdk-lib would,
 * when the worker cannot be used). What {@link ThreadedCloudFormationValidation.validator} is,
 * without a `start` plugin: the worker gets the templates when this plugin runs.
 */
export function workerCloudFormationValidatePlugin(props: CloudFormationValidatePluginProps = {}): CloudFormationValidatePlugin {
  return new WorkerCloudFormationValidatePlugin(props, () => undefined);
}

/** How long the validator waits for the worker's report before validating on the main thread. */
export const WORKER_TIMEOUT_MS = 10 * 60_000;

/**
 * The validator's version as aws-cdk-lib's plugin gives it: `version()` of
 * @aws/cloudformation-validate, its package's version, read here from the package.json of the copy
 * aws-cdk-lib resolves; undefined when it cannot be read.
 */
function validatorPackageVersion(): string | undefined {
  try {
    const file = require.resolve('@aws/cloudformation-validate/package.json', { paths: [path.dirname(require.resolve('aws-cdk-lib/package.json'))] });
    const version: unknown = JSON.parse(fs.readFileSync(file, 'utf-8')).version;
    return typeof version === 'string' ? version : undefined;
  } catch {
    return undefined;
  }
}

let validatorVersion: { readonly value?: string } | undefined;

class WorkerCloudFormationValidatePlugin extends CloudFormationValidatePlugin {
  public constructor(private readonly settings: CloudFormationValidatePluginProps, private readonly takePending: () => PendingValidation | undefined) {
    super(settings);
  }

  /**
   * The validator's version, which aws-cdk-lib reads for the CDKMetadata resource (with version
   * reporting on, as the CDK CLI runs an app) and for the validation report. aws-cdk-lib's getter
   * instantiates the validator's WebAssembly module to ask it (about 0.3 s on the main thread, which
   * validates only when the worker cannot); the package's version is the same answer.
   */
  public get version(): string | undefined {
    validatorVersion ??= { value: validatorPackageVersion() };
    return validatorVersion.value ?? super.version;
  }

  /** The rule identifiers aws-cdk-lib's plugin gives for the CDKMetadata resource: the version alone. */
  public get ruleIds(): string[] | undefined {
    const version = this.version;
    return version === undefined ? super.ruleIds : [version];
  }

  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const started = this.takePending();
    const pending = started?.isFor(context.stackTemplates) ? started : validationWorker()?.request(this.settings, context.stackTemplates);
    const answer = pending?.wait(WORKER_TIMEOUT_MS);
    if (answer === undefined) {
      return super.validate(context);
    }
    if ('error' in answer) {
      // As on the main thread, the plugin failed; its WebAssembly instance may not be usable again.
      pending!.abandonWorker();
      throw new Error(answer.error);
    }
    return answer.report;
  }
}
