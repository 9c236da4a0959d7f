import { START_BUILD_HANDLER_CODE } from '../../src/studio';
import { CFN_RESPONSE_ATTEMPTS } from '../../src/constructs/cfn-response-code';
import { ANSWER_HANDOVERS, BUILD_NOT_FOUND_LOOKS, STARTER_MARGIN_SECONDS } from '../../src/studio/start-build-handler';
import { checkRequest, serviceModel } from '../helpers/api-model';
import { InlineHandler, SentResponse, loadInlineHandler } from '../helpers/inline-handler';

/** What the fake CodeBuild answers BatchGetBuilds with: a build, or an error to throw. */
/** null: CodeBuild does not know the build (yet). */
type BuildAnswer = Record<string, unknown> | Error | null;

/**
 * Loads the inline function code as the Lambda runtime would, with the SDK's CodeBuild and Lambda
 * clients replaced: `startBuild` answers StartBuild, `builds` answer BatchGetBuilds in turn (the
 * last one again when they run out), `invoke` answers Invoke; `sent` collects what the function
 * PUTs to CloudFormation's response URL. Every request is checked against the service's API model
 * (CodeBuild and Lambda API References; test/helpers/api-model.ts).
 */
function load(
  startBuild: (input: { projectName: string; idempotencyToken?: string }) => Promise<unknown>,
  builds: readonly BuildAnswer[] = [{ buildStatus: 'SUCCEEDED' }],
  invoke: () => Promise<unknown> = async () => ({ StatusCode: 202 }),
  statuses: readonly number[] = [],
): { handler: InlineHandler; sent: SentResponse[]; started: string[]; polled: string[][]; invoked: Record<string, any>[] } {
  const started: string[] = [];
  const polled: string[][] = [];
  const invoked: Record<string, any>[] = [];
  class StartBuildCommand {
    constructor(public readonly input: { projectName: string; idempotencyToken?: string }) {}
  }
  class BatchGetBuildsCommand {
    constructor(public readonly input: { ids: string[] }) {}
  }
  class CodeBuildClient {
    async send(command: StartBuildCommand | BatchGetBuildsCommand) {
      if (command instanceof BatchGetBuildsCommand) {
        expect(checkRequest(serviceModel('codebuild'), 'BatchGetBuilds', command.input).problems).toEqual([]);
        polled.push(command.input.ids);
        const answer = builds[Math.min(polled.length - 1, builds.length - 1)];
        if (answer instanceof Error) {
          throw answer;
        }
        return { builds: answer === null ? [] : [{ id: command.input.ids[0], ...answer }] };
      }
      expect(checkRequest(serviceModel('codebuild'), 'StartBuild', command.input).problems).toEqual([]);
      started.push(command.input.projectName);
      return startBuild(command.input);
    }
  }
  class InvokeCommand {
    constructor(public readonly input: { FunctionName: string; InvocationType: string; Payload: Uint8Array }) {}
  }
  class LambdaClient {
    async send(command: InvokeCommand) {
      expect(checkRequest(serviceModel('lambda'), 'Invoke', { ...command.input, Payload: 'blob' }).problems).toEqual([]);
      invoked.push({ ...command.input, Payload: JSON.parse(Buffer.from(command.input.Payload).toString('utf-8')) });
      return invoke();
    }
  }
  const modules = {
    '@aws-sdk/client-codebuild': { CodeBuildClient, StartBuildCommand, BatchGetBuildsCommand },
    '@aws-sdk/client-lambda': { LambdaClient, InvokeCommand },
  };
  return { ...loadInlineHandler(START_BUILD_HANDLER_CODE, modules, statuses), started, polled, invoked };
}

const EVENT = {
  ResponseURL: 'https://cloudformation-custom-resource-response.s3.amazonaws.com/response?signature',
  StackId: 'arn:aws:cloudformation:eu-west-1:111111111111:stack/SP-churn/abc',
  RequestId: 'request-1',
  LogicalResourceId: 'BootstrapStartBootstrap40363A90',
  ResourceProperties: { ServiceToken: 'arn:aws:lambda:eu-west-1:111111111111:function:starter', ProjectName: 'sagemaker-gitops-p-abc-bootstrap', PollSeconds: '0' },
};
const FUNCTION_ARN = 'arn:aws:lambda:eu-west-1:111111111111:function:sagemaker-gitops-p-abc-start-bootstrap';
/** An invocation with 15 minutes left. */
const CONTEXT = { logStreamName: '2025/01/01/[$LATEST]abc', invokedFunctionArn: FUNCTION_ARN, getRemainingTimeInMillis: () => 15 * 60_000 };

describe('the starter function', () => {
  let log: jest.SpyInstance;
  let error: jest.SpyInstance;

  beforeEach(() => {
    log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => {
    log.mockRestore();
    error.mockRestore();
  });

  test('on Create starts one build, follows it and answers SUCCESS with its id once it has succeeded', async () => {
    const { handler, sent, started, polled } = load(async () => ({ build: { id: 'sagemaker-gitops-p-abc-bootstrap:1234' } }),
      [{ buildStatus: 'IN_PROGRESS' }, { buildStatus: 'IN_PROGRESS' }, { buildStatus: 'SUCCEEDED' }]);
    await handler({ ...EVENT, RequestType: 'Create' }, CONTEXT);
    expect(started).toEqual(['sagemaker-gitops-p-abc-bootstrap']);
    expect(polled).toEqual(Array(3).fill(['sagemaker-gitops-p-abc-bootstrap:1234']));
    expect(sent).toEqual([{
      url: EVENT.ResponseURL,
      options: { method: 'PUT', headers: { 'content-type': '', 'content-length': expect.any(Number) } },
      body: {
        Status: 'SUCCESS',
        Reason: `see CloudWatch Logs stream ${CONTEXT.logStreamName}`,
        PhysicalResourceId: 'sagemaker-gitops-p-abc-bootstrap:1234',
        StackId: EVENT.StackId,
        RequestId: EVENT.RequestId,
        LogicalResourceId: EVENT.LogicalResourceId,
        Data: { BuildId: 'sagemaker-gitops-p-abc-bootstrap:1234' },
      },
    }]);
    expect(sent[0].options.headers['content-length']).toBe(Buffer.byteLength(JSON.stringify(sent[0].body)));
  });

  // CloudFormation User Guide, "Custom resource response objects": Fn::GetAtt reads the Data of the latest response, and
  // the template's output reads BuildId, so an Update (a new template version of the provisioned product) must carry it too.
  test.each(['Update', 'Delete'])('on %s starts nothing, keeps the resource id and still answers its BuildId', async (requestType) => {
    const { handler, sent, started } = load(async () => ({ build: { id: 'never' } }));
    await handler({ ...EVENT, RequestType: requestType, PhysicalResourceId: 'sagemaker-gitops-p-abc-bootstrap:1234' }, CONTEXT);
    expect(started).toEqual([]);
    expect(sent.map((s) => [s.body.Status, s.body.PhysicalResourceId, s.body.Data])).toEqual([
      ['SUCCESS', 'sagemaker-gitops-p-abc-bootstrap:1234', { BuildId: 'sagemaker-gitops-p-abc-bootstrap:1234' }],
    ]);
  });

  test('a build that cannot start fails the resource with the reason', async () => {
    const { handler, sent } = load(async () => {
      throw Object.assign(new Error('User is not authorized to perform: codebuild:StartBuild'), { name: 'AccessDeniedException' });
    });
    await handler({ ...EVENT, RequestType: 'Create' }, CONTEXT);
    expect(sent.map((s) => [s.body.Status, s.body.Reason, s.body.PhysicalResourceId])).toEqual([
      ['FAILED', 'cannot start the bootstrap build: AccessDeniedException: User is not authorized to perform: codebuild:StartBuild', 'bootstrap-not-started'],
    ]);
  });

  // A launch whose bootstrap failed has no pipelines: CloudFormation must see the failure (the stack ends
  // CREATE_FAILED, which Studio shows), as the first-party templates' stacks, which hold their pipelines, do.
  test.each([
    ['FAILED', [{ phaseType: 'INSTALL', phaseStatus: 'SUCCEEDED' }, { phaseType: 'BUILD', phaseStatus: 'FAILED', contexts: [{ statusCode: 'COMMAND_EXECUTION_ERROR', message: 'Error while executing command: npx cdk deploy. Reason: exit status 1' }] }],
      ' in its BUILD phase (COMMAND_EXECUTION_ERROR: Error while executing command: npx cdk deploy. Reason: exit status 1)'],
    ['TIMED_OUT', [{ phaseType: 'BUILD', phaseStatus: 'TIMED_OUT', contexts: [{ statusCode: '', message: '' }] }], ' in its BUILD phase'],
    ['STOPPED', [], ''],
  ])('a build that ended %s fails the resource, naming the phase and the log', async (buildStatus, phases, detail) => {
    const logs = { groupName: '/aws/codebuild/sagemaker-gitops-p-abc-bootstrap', streamName: '0a1b2c' };
    const { handler, sent } = load(async () => ({ build: { id: 'b:1' } }), [{ buildStatus: 'IN_PROGRESS' }, { buildStatus, phases, logs }]);
    await handler({ ...EVENT, RequestType: 'Create' }, CONTEXT);
    expect(sent.map((s) => [s.body.Status, s.body.PhysicalResourceId, s.body.Data, s.body.Reason])).toEqual([[
      'FAILED', 'b:1', { BuildId: 'b:1' },
      `the bootstrap build b:1 ended ${buildStatus}${detail}, so the pipeline stacks are not (all) deployed: see CloudWatch Logs group ${logs.groupName}, stream ${logs.streamName}`,
    ]]);
  });

  test('near the end of its invocation it hands the watch to a new invocation of itself, which answers', async () => {
    const { handler, sent, started, polled, invoked } = load(async () => ({ build: { id: 'b:2' } }),
      [{ buildStatus: 'IN_PROGRESS' }, { buildStatus: 'IN_PROGRESS' }, { buildStatus: 'SUCCEEDED' }]);
    // Less than the margin left: one look at the build, then the hand-over, and no answer yet.
    const ending = { ...CONTEXT, getRemainingTimeInMillis: () => (STARTER_MARGIN_SECONDS - 1) * 1000 };
    await handler({ ...EVENT, RequestType: 'Create' }, ending);
    expect(sent).toEqual([]);
    expect(polled).toHaveLength(1);
    expect(invoked).toEqual([{ FunctionName: FUNCTION_ARN, InvocationType: 'Event', Payload: { ...EVENT, RequestType: 'Create', BootstrapBuildId: 'b:2' } }]);
    // The new invocation gets that event: it starts no second build and answers for the first.
    await handler(invoked[0].Payload, CONTEXT);
    expect(started).toEqual(['sagemaker-gitops-p-abc-bootstrap']);
    expect(polled).toHaveLength(3);
    expect(sent.map((s) => [s.body.Status, s.body.PhysicalResourceId, s.body.RequestId])).toEqual([['SUCCESS', 'b:2', EVENT.RequestId]]);
  });

  test('StartBuild carries the request id as idempotency token: Lambda\'s retry of an invocation that failed early gets the same build', async () => {
    const tokens: unknown[] = [];
    const { handler } = load(async (input) => {
      tokens.push(input.idempotencyToken);
      return { build: { id: 'b:4' } };
    });
    await handler({ ...EVENT, RequestType: 'Create' }, CONTEXT);
    expect(tokens).toEqual([EVENT.RequestId]);
  });

  test('a build that CodeBuild does not know yet is looked for a few times before the starter stops following it', async () => {
    const { handler, sent, polled } = load(async () => ({ build: { id: 'b:5' } }), [null, null, { buildStatus: 'FAILED', phases: [] }]);
    await handler({ ...EVENT, RequestType: 'Create' }, CONTEXT);
    expect(polled).toHaveLength(3);
    expect(sent.map((s) => s.body.Status)).toEqual(['FAILED']);
    const never = load(async () => ({ build: { id: 'b:6' } }), [null]);
    await never.handler({ ...EVENT, RequestType: 'Create' }, CONTEXT);
    expect(never.polled).toHaveLength(BUILD_NOT_FOUND_LOOKS + 1);
    expect(never.sent.map((s) => [s.body.Status, s.body.Reason])).toEqual([['SUCCESS', expect.stringContaining('the starter cannot follow it (BuildNotFound: CodeBuild does not know the build b:6)')]]);
  });

  test('a refused answer for a started build goes to a new invocation, never to Lambda\'s retry, which would start another build', async () => {
    jest.useFakeTimers();
    try {
      const refused = Array(CFN_RESPONSE_ATTEMPTS).fill(500);
      const { handler, sent, started, invoked } = load(async () => ({ build: { id: 'b:7' } }), [{ buildStatus: 'SUCCEEDED' }], undefined, [...refused, ...refused, ...refused]);
      const run = async (event: Record<string, unknown>) => {
        const done = handler(event, CONTEXT);
        await jest.advanceTimersByTimeAsync(60_000);
        await done; // resolves: the invocation does not fail, so Lambda does not retry it
      };
      await run({ ...EVENT, RequestType: 'Create' });
      expect(sent).toHaveLength(CFN_RESPONSE_ATTEMPTS);
      expect(invoked.map((i) => [i.Payload.BootstrapBuildId, i.Payload.AnswerHandovers])).toEqual([['b:7', 1]]);
      await run(invoked[0].Payload);
      await run({ ...invoked[0].Payload, AnswerHandovers: ANSWER_HANDOVERS });
      // The second invocation handed over once more; the last one gave up. One build all along.
      expect(invoked.map((i) => i.Payload.AnswerHandovers)).toEqual([1, 2]);
      expect(started).toEqual(['sagemaker-gitops-p-abc-bootstrap']);
      expect(sent).toHaveLength(3 * CFN_RESPONSE_ATTEMPTS);
    } finally {
      jest.useRealTimers();
    }
  });

  test.each([
    ['the starter role of an older domain stack may not read builds', [Object.assign(new Error('not authorized to perform: codebuild:BatchGetBuilds'), { name: 'AccessDeniedException' })], undefined,
      'the bootstrap build b:3 started, but the starter cannot follow it (AccessDeniedException: not authorized to perform: codebuild:BatchGetBuilds): deploy the current domain template, whose starter role may call codebuild:BatchGetBuilds and lambda:InvokeFunction; aws codebuild batch-get-builds --ids b:3 says how it ended'],
    ['the hand-over is refused', [{ buildStatus: 'IN_PROGRESS' }], Object.assign(new Error('throttled'), { name: 'TooManyRequestsException' }),
      'the bootstrap build b:3 started, but the starter cannot follow it (TooManyRequestsException: throttled); aws codebuild batch-get-builds --ids b:3 says how it ended'],
  ])('a launch never fails for want of watching: when %s, it answers SUCCESS and says why', async (_case, builds, invokeError, reason) => {
    const { handler, sent } = load(async () => ({ build: { id: 'b:3' } }), builds as BuildAnswer[], async () => {
      if (invokeError) {
        throw invokeError;
      }
      return { StatusCode: 202 };
    });
    await handler({ ...EVENT, RequestType: 'Create' }, { ...CONTEXT, getRemainingTimeInMillis: () => 1000 });
    expect(sent.map((s) => [s.body.Status, s.body.PhysicalResourceId, s.body.Reason])).toEqual([['SUCCESS', 'b:3', reason]]);
  });
});
