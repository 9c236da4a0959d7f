/**
 * Run after each test file's environment is set up (jest's setupFilesAfterEnv): every request a
 * test sends to a client mocked with aws-sdk-client-mock is checked, after each test, against the
 * service's API model (test/helpers/api-model.ts). A mock answers whatever it is sent, so a request
 * AWS would reject (a name with an underscore, a description over its length, a value outside an
 * enum) would otherwise pass every test and fail in the account.
 *
 * A test that sends such a request on purpose says so with `acceptRequestsTheApiRejects()`.
 * Skipped where the moto integration tests are skipped (SAGEMAKER_GITOPS_SKIP_MOTO=1, outside CI):
 * the models come with moto's botocore.
 */
import { motoSkipped } from '../integration/moto-installation';
import { checkRequest, serviceModel } from './api-model';

/** botocore's name of the service of each SDK client class the tests mock. */
export const CLIENT_SERVICES: Record<string, string> = {
  SageMakerClient: 'sagemaker',
  SageMakerRuntimeClient: 'sagemaker-runtime',
  CloudFormationClient: 'cloudformation',
  CloudWatchClient: 'cloudwatch',
  CodePipelineClient: 'codepipeline',
  S3Client: 's3',
  STSClient: 'sts',
  ApplicationAutoScalingClient: 'application-autoscaling',
};

interface Stub {
  clientName(): string;
  calls(): Array<{ readonly args: unknown[] }>;
}

/**
 * The stubs of the test file and the commands already checked, kept on the global object: jest loads
 * this file as a setup file and again when a test imports it, and both must see the same state.
 */
const state: { readonly stubs: Set<Stub>; readonly checked: WeakSet<object>; accepted: boolean } = ((globalThis as any)[Symbol.for('sagemaker-gitops.api-model-setup')] ??= {
  stubs: new Set<Stub>(), checked: new WeakSet<object>(), accepted: false,
});

/** Lets the current test send requests the API model rejects (a test of how an AWS error is handled). */
export function acceptRequestsTheApiRejects(): void {
  state.accepted = true;
}

/** The problems of the calls made since the last check, as `<client> <operation>: <problem>`. */
export function uncheckedCallProblems(): string[] {
  const problems: string[] = [];
  for (const stub of state.stubs) {
    const service = CLIENT_SERVICES[stub.clientName()];
    for (const call of stub.calls()) {
      // sinon makes a new call object each time it is asked: the command sent is what stays the same.
      const command = call.args[0] as { constructor: { name: string }; input?: unknown } | undefined;
      if (typeof command !== 'object' || command === null || state.checked.has(command)) {
        continue;
      }
      state.checked.add(command);
      if (service === undefined) {
        problems.push(`${stub.clientName()} has no API model here: add its botocore service name to CLIENT_SERVICES (test/helpers/api-model-setup.ts)`);
        continue;
      }
      const operation = command.constructor.name.replace(/Command$/, '');
      problems.push(...checkRequest(serviceModel(service), operation, command.input ?? {}).problems.map((problem) => `${stub.clientName()} ${problem}`));
    }
  }
  return problems;
}

if (!motoSkipped()) {
  // Every stub the test file makes with aws-sdk-client-mock's mockClient. A factory, so that a suite
  // that never loads aws-sdk-client-mock does not load it (nor sinon) here either.
  jest.mock('aws-sdk-client-mock', () => {
    const actual = jest.requireActual('aws-sdk-client-mock');
    return {
      ...actual,
      mockClient: (...args: unknown[]) => {
        const stub = actual.mockClient(...args) as Stub;
        state.stubs.add(stub);
        return stub;
      },
    };
  });

  beforeEach(() => {
    state.accepted = false;
  });

  afterEach(() => {
    const problems = uncheckedCallProblems();
    if (problems.length > 0 && !state.accepted) {
      throw new Error(`requests that AWS rejects (its API model; test/helpers/api-model-setup.ts):\n${problems.join('\n')}`);
    }
  });
}
