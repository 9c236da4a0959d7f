import { MessageChannel, MessagePort, Worker, receiveMessageOnPort } from 'node:worker_threads';
import { CloudFormationValidatePluginProps, PolicyValidationPluginReport, PolicyValidationStack } from 'aws-cdk-lib';

/**
 * The worker thread that runs aws-cdk-lib's CloudFormation validator for
 * ThreadedCloudFormationValidation (threaded-cloudformation-validate.ts): one per process, started
 * on first use, exiting when idle, answering each request through a shared flag the main thread
 * blocks on (a synth never yields to the event loop).
 */

/** The worker's answer to one request: the validator's report, or the message of its error. */
export type Answer = { readonly report: PolicyValidationPluginReport } | { readonly error: string };

/** Values of a request's shared flag. */
const PENDING = 0;
const ANSWERED = 1;

/** A validation handed to the worker. */
export class PendingValidation {
  public constructor(
    private readonly owner: ValidationWorker,
    private readonly stackTemplates: readonly PolicyValidationStack[],
    private readonly port: MessagePort,
    private readonly done: Int32Array,
  ) {}

  /** Whether this validation is of exactly these templates. */
  public isFor(stackTemplates: readonly PolicyValidationStack[]): boolean {
    return JSON.stringify(stackTemplates) === JSON.stringify(this.stackTemplates);
  }

  /**
   * Blocks until the worker answers. Undefined when the worker is gone without answering or has
   * not answered within `timeoutMs`; the worker is then not used again.
   */
  public wait(timeoutMs: number): Answer | undefined {
    const deadline = Date.now() + timeoutMs;
    // Short waits, so that a worker that died with this request queued is noticed.
    while (Atomics.load(this.done, 0) === PENDING && this.owner.alive && Date.now() < deadline) {
      Atomics.wait(this.done, 0, PENDING, 250);
    }
    const answer = Atomics.load(this.done, 0) === ANSWERED ? receiveMessageOnPort(this.port)?.message as Answer | undefined : undefined;
    this.port.close();
    if (answer === undefined) {
      this.abandonWorker();
    }
    return answer;
  }

  /** Stops the worker; this process validates on the main thread from now on. */
  public abandonWorker(): void {
    this.owner.fail();
  }
}

/**
 * Values of the worker's shared state once it has exited: idle, or for any other reason (it could
 * not load the validator, or failed). Otherwise the state counts the requests not answered yet.
 */
const EXITED_IDLE = -1;
const FAILED = -2;

/** How long the worker waits, idle, before it exits (a later synth starts a new one). */
export const WORKER_IDLE_MS = 5_000;

/** Settings of the workers started from now on; for tests. */
export const _validationWorkerSettings: { idleMs: number; awsCdkLib: string } = {
  idleMs: WORKER_IDLE_MS,
  awsCdkLib: require.resolve('aws-cdk-lib'),
};

/**
 * A validation worker. It exits by itself after {@link WORKER_IDLE_MS} without a request (a test
 * run builds many apps in one process; an idle worker holds the validator's memory), and never
 * keeps the process alive. The shared state counts the requests not answered yet; the worker
 * exits when idle only by swapping 0 for {@link EXITED_IDLE}, and a request is posted only after
 * incrementing a state that is not negative, so no request is posted to a worker that has decided
 * to exit.
 */
export class ValidationWorker {
  private readonly worker: Worker;
  private readonly state = new Int32Array(new SharedArrayBuffer(4));

  public constructor() {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      // Without the app runner's loader hooks (tsx): the worker loads only JavaScript.
      execArgv: [],
      workerData: { ..._validationWorkerSettings, state: this.state },
    });
    this.worker.unref();
    // The worker's failure is in its shared state (FAILED), which the main thread reads while it
    // waits; the event itself comes later, if ever (a synth never yields to the event loop).
    this.worker.on('error', () => Atomics.store(this.state, 0, FAILED));
  }

  public get alive(): boolean {
    return Atomics.load(this.state, 0) >= 0;
  }

  public get failed(): boolean {
    return Atomics.load(this.state, 0) === FAILED;
  }

  /** Hands the templates to the worker, to validate with a plugin of these settings; undefined when it has exited. */
  public request(props: CloudFormationValidatePluginProps, stackTemplates: readonly PolicyValidationStack[]): PendingValidation | undefined {
    for (;;) {
      const outstanding = Atomics.load(this.state, 0);
      if (outstanding < 0) {
        return undefined;
      }
      if (Atomics.compareExchange(this.state, 0, outstanding, outstanding + 1) === outstanding) {
        break;
      }
    }
    const { port1, port2 } = new MessageChannel();
    const done = new Int32Array(new SharedArrayBuffer(4));
    this.worker.postMessage({ props, stackTemplates, port: port2, done }, [port2]);
    return new PendingValidation(this, stackTemplates, port1, done);
  }

  /** Stops a worker that failed; no worker is started again in this process. */
  public fail(): void {
    Atomics.store(this.state, 0, FAILED);
    void this.worker.terminate();
  }
}

/**
 * The process's worker, kept on a Node built-in module (one object per process) so that it also
 * serves a host that loads this file anew in the same process: jest does for every test file.
 */
const shared = (require('node:worker_threads')[Symbol.for('sagemaker-gitops/validation-worker')] ??= {}) as { current?: ValidationWorker; unavailable?: boolean };

/** Forgets the process's worker (stopping it) and any failure; for tests. */
export function _resetValidationWorker(): void {
  if (shared.current?.alive) {
    shared.current.fail();
  }
  shared.current = undefined;
  shared.unavailable = false;
}

/** Whether this process validates on a worker (one is running, or would be started); for tests. */
export function _validationWorkerState(): 'running' | 'none' | 'unavailable' {
  if (shared.unavailable || shared.current?.failed) {
    return 'unavailable';
  }
  return shared.current?.alive ? 'running' : 'none';
}

/**
 * The process's validation worker, started on first use and again after an idle one has exited;
 * undefined once a worker could not be started or failed.
 */
export function validationWorker(): ValidationWorker | undefined {
  if (shared.current?.failed) {
    shared.unavailable = true;
  }
  if (shared.unavailable) {
    return undefined;
  }
  if (shared.current === undefined || !shared.current.alive) {
    try {
      shared.current = new ValidationWorker();
    } catch {
      shared.unavailable = true;
      shared.current = undefined;
    }
  }
  return shared.current;
}

/**
 * The worker: one aws-cdk-lib CloudFormationValidatePlugin per settings (each with one engine,
 * reused as aws-cdk-lib reuses its own), validating the templates of each request. Every request is
 * answered, with the report or the error, and then signalled through its shared flag. If the
 * worker cannot load the validator, or stops for any reason, its state says so and the waiting
 * main thread validates by itself.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { state, idleMs } = workerData;
process.on('exit', () => {
  if (Atomics.load(state, 0) !== ${EXITED_IDLE}) {
    Atomics.store(state, 0, ${FAILED});
  }
});
const { CloudFormationValidatePlugin } = require(workerData.awsCdkLib);
const plugins = new Map();
const pluginFor = (props) => {
  const key = JSON.stringify(props);
  if (!plugins.has(key)) {
    plugins.set(key, new CloudFormationValidatePlugin(props));
  }
  return plugins.get(key);
};
// Loads and compiles the validator's WebAssembly module before the first request.
void pluginFor({}).version;
let idle;
const exitWhenIdle = () => {
  clearTimeout(idle);
  idle = setTimeout(() => {
    if (Atomics.compareExchange(state, 0, 0, ${EXITED_IDLE}) === 0) {
      process.exit(0);
    }
    exitWhenIdle();
  }, idleMs);
};
exitWhenIdle();
parentPort.on('message', ({ props, stackTemplates, port, done }) => {
  let answer;
  try {
    answer = { report: pluginFor(props).validate({ stackTemplates, templatePaths: stackTemplates.map((s) => s.templatePath) }) };
  } catch (e) {
    answer = { error: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(answer);
  port.close();
  Atomics.store(done, 0, ${ANSWERED});
  Atomics.notify(done, 0);
  Atomics.sub(state, 0, 1);
  exitWhenIdle();
});
`;
