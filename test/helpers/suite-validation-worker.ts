import { CloudFormationValidatePlugin } from 'aws-cdk-lib';
import { _validationWorkerSettings, workerCloudFormationValidatePlugin } from '../../src/validation/threaded-cloudformation-validate';

/**
 * The tests keep the CloudFormation validation worker between synths: a test process starts it
 * once, and the suites that run in that process share it (src/validation keeps it on a Node
 * built-in module, which jest does not load anew for each test file).
 *
 * The worker exits after 5 s without a request (WORKER_IDLE_MS), and each new one builds the
 * validator's engine again: about 5 s of CPU. Between a suite's synths (building the next app,
 * the assertions) more than 5 s often pass on a busy 2-core machine, so a suite started up to
 * one worker per synth, and every suite at least one. What each synth validates, and how, is
 * unchanged; the idle exit itself has its own test
 * (test/validation/threaded-cloudformation-validate.test.ts), which sets its own idle time.
 *
 * Imported for its side effects by test/helpers/validated-synth.ts and by the suites that
 * synthesize without it. The worker never keeps a process alive.
 */
_validationWorkerSettings.idleMs = 30 * 60_000;

/**
 * And the CloudFormation validator aws-cdk-lib adds by itself to an app without one (a plain
 * `new App()`, synthesized by `Template.fromStack` and the like) validates on that worker too, as
 * the project's apps do, instead of on the test's main thread.
 *
 * aws-cdk-lib keeps that validator as a singleton of its module, with its own engine, and jest
 * loads aws-cdk-lib anew for each test file: each file that synthesized a plain app built the
 * engine again on its main thread, 3 to 7 s of CPU each time, 18 times in a full run (57 s). The
 * worker's plugin is aws-cdk-lib's own class with the same (default) settings: each template is
 * validated by the same rules, and a synth fails or passes as before
 * (test/validation/builtin-validator-on-worker.test.ts).
 */
const builtin = CloudFormationValidatePlugin as unknown as { _singletonInstance?: () => CloudFormationValidatePlugin };
if (typeof builtin._singletonInstance !== 'function') {
  throw new Error('aws-cdk-lib\'s CloudFormationValidatePlugin has no _singletonInstance any more: update test/helpers/suite-validation-worker.ts for this aws-cdk-lib');
}
let shared: CloudFormationValidatePlugin | undefined;
builtin._singletonInstance = () => (shared ??= workerCloudFormationValidatePlugin());
