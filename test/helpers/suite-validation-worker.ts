import { _resetValidationWorker, _validationWorkerSettings } from '../../src/validation/threaded-cloudformation-validate';

/**
 * A test file that synthesizes apps keeps one CloudFormation validation worker from its first
 * synth to its end, and stops it then.
 *
 * The worker exits after 5 s without a request (WORKER_IDLE_MS), and each new one builds the
 * validator's engine again: seconds of WebAssembly work. Between a suite's synths (building the
 * next app, the assertions) more than 5 s often pass on a busy 2-core machine, so a suite started
 * up to one worker per synth. What each synth validates, and how, is unchanged; the idle exit
 * itself has its own test (test/validation/threaded-cloudformation-validate.test.ts), which sets
 * its own idle time.
 *
 * Imported for this side effect by test/helpers/validated-synth.ts and by the suites that
 * synthesize without it; `afterAll` here belongs to the importing test file.
 */
_validationWorkerSettings.idleMs = 30 * 60_000;
afterAll(() => _resetValidationWorker());
