import { _validationWorkerSettings } from '../../src/validation/threaded-cloudformation-validate';

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
 * Imported for this side effect by test/helpers/validated-synth.ts and by the suites that
 * synthesize without it. The worker never keeps a process alive.
 */
_validationWorkerSettings.idleMs = 30 * 60_000;
