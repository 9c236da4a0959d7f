/**
 * Run after each test file's environment is set up (jest's setupFilesAfterEnv): every request a
 * test sends through an SDK client, to a client mocked with aws-sdk-client-mock, to the local moto
 * server or to a recorded HTTP answer, is checked, after each test, against the service's API model
 * (test/helpers/api-model.ts). A mock or moto answers much that AWS refuses, so a request AWS would
 * reject (a name with an underscore, a description over its length, a value outside an enum) would
 * otherwise pass every test and fail in the account.
 *
 * A test that sends such a request on purpose says so with `acceptRequestsTheApiRejects()`.
 * Skipped where the moto integration tests are skipped (SAGEMAKER_GITOPS_SKIP_MOTO=1, outside CI):
 * the models come with moto's botocore.
 */
import { motoSkipped } from '../integration/moto-installation';
import { checkRequest, serviceModel } from './api-model';

/** botocore's name of the service of each SDK client class the toolkit and the tests use. */
export const CLIENT_SERVICES: Record<string, string> = {
  SageMakerClient: 'sagemaker',
  SageMakerRuntimeClient: 'sagemaker-runtime',
  CloudFormationClient: 'cloudformation',
  CloudWatchClient: 'cloudwatch',
  CodePipelineClient: 'codepipeline',
  S3Client: 's3',
  STSClient: 'sts',
  ServiceQuotasClient: 'service-quotas',
  SNSClient: 'sns',
  SSMClient: 'ssm',
};

interface Stub {
  clientName(): string;
  calls(): Array<{ readonly args: unknown[] }>;
}

/**
 * The stubs of the test file and the commands already checked, kept on the global object: jest loads
 * this file as a setup file and again when a test imports it, and both must see the same state.
 */
const state: {
  readonly stubs: Set<Stub>;
  /** The commands real (unmocked) clients sent, by client class name. */
  readonly sent: Array<{ readonly client: string; readonly command: unknown }>;
  readonly checked: WeakSet<object>;
  accepted: boolean;
} = ((globalThis as any)[Symbol.for('sagemaker-gitops.api-model-setup')] ??= {
  stubs: new Set<Stub>(), sent: [], checked: new WeakSet<object>(), accepted: false,
});

/** The SDK package of each client class of CLIENT_SERVICES. */
const CLIENT_PACKAGES: Record<string, string> = {
  SageMakerClient: '@aws-sdk/client-sagemaker',
  SageMakerRuntimeClient: '@aws-sdk/client-sagemaker-runtime',
  CloudFormationClient: '@aws-sdk/client-cloudformation',
  CloudWatchClient: '@aws-sdk/client-cloudwatch',
  CodePipelineClient: '@aws-sdk/client-codepipeline',
  S3Client: '@aws-sdk/client-s3',
  STSClient: '@aws-sdk/client-sts',
  ServiceQuotasClient: '@aws-sdk/client-service-quotas',
  SNSClient: '@aws-sdk/client-sns',
  SSMClient: '@aws-sdk/client-ssm',
};

/** Lets the current test send requests the API model rejects (a test of how an AWS error is handled). */
export function acceptRequestsTheApiRejects(): void {
  state.accepted = true;
}

/** The problems of the calls made since the last check, as `<client> <operation>: <problem>`. */
export function uncheckedCallProblems(): string[] {
  const calls = [
    // sinon makes a new call object each time it is asked: the command sent is what stays the same.
    ...[...state.stubs].flatMap((stub) => stub.calls().map((call) => ({ client: stub.clientName(), command: call.args[0] }))),
    ...state.sent,
  ];
  const problems: string[] = [];
  for (const { client, command } of calls) {
    if (typeof command !== 'object' || command === null || state.checked.has(command)) {
      continue;
    }
    state.checked.add(command);
    const service = CLIENT_SERVICES[client];
    if (service === undefined) {
      problems.push(`${client} has no API model here: add its botocore service name to CLIENT_SERVICES (test/helpers/api-model-setup.ts)`);
      continue;
    }
    const { constructor, input } = command as { constructor: { name: string }; input?: unknown };
    const operation = constructor.name.replace(/Command$/, '');
    problems.push(...checkRequest(serviceModel(service), operation, input ?? {}).problems.map((problem) => `${client} ${problem}`));
  }
  state.sent.length = 0;
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

  // Every command a real client sends (to moto, or to a recorded HTTP answer): each SDK package's
  // client records it before sending. A mock's stub replaces send while it is installed, and its calls
  // are read from the stub. A factory per package, so that a suite loads only the packages it uses.
  for (const [client, sdkPackage] of Object.entries(CLIENT_PACKAGES)) {
    jest.mock(sdkPackage, () => {
      const actual = jest.requireActual(sdkPackage);
      const prototype = actual[client].prototype;
      const send = prototype.send;
      prototype.send = function recordedSend(this: unknown, command: unknown, ...rest: unknown[]) {
        state.sent.push({ client, command });
        return send.call(this, command, ...rest);
      };
      return actual;
    });
  }

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
