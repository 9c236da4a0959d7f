import {
  DescribePipelineExecutionCommand,
  ListPipelineExecutionStepsCommand,
  ResourceNotFound,
  SageMakerClient,
  SageMakerServiceException,
  StartPipelineExecutionCommand,
  StepStatus,
} from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { CliError, isNotFound, isThrottling, startPipelineExecution, startPipelineExecutionProblem, StepStatusChange, Heartbeat, waitForPipelineExecution } from '../../src/aws';

const sm = mockClient(SageMakerClient);
const client = new SageMakerClient({ region: 'eu-west-1' });
const ARN = 'arn:aws:sagemaker:eu-west-1:123456789012:pipeline/churn/execution/abc123';

function serviceError(name: string, message: string): SageMakerServiceException {
  return new SageMakerServiceException({ name, message, $fault: 'client', $metadata: {} });
}

type Step = [name: string, status: StepStatus, failureReason?: string];
interface PollScript {
  readonly status: 'Executing' | 'Stopping' | 'Stopped' | 'Failed' | 'Succeeded';
  readonly steps: Step[];
  readonly failureReason?: string;
}

/** Each DescribePipelineExecution answers the next poll; ListPipelineExecutionSteps answers the steps of the current one. */
function script(...polls: PollScript[]): void {
  let current = -1;
  sm.on(DescribePipelineExecutionCommand).callsFake(() => {
    current = Math.min(current + 1, polls.length - 1);
    return { PipelineExecutionArn: ARN, PipelineExecutionStatus: polls[current].status, FailureReason: polls[current].failureReason };
  });
  sm.on(ListPipelineExecutionStepsCommand).callsFake(() => ({
    PipelineExecutionSteps: polls[current].steps.map(([StepName, StepStatus, FailureReason]) => ({ StepName, StepStatus, FailureReason })),
  }));
}

/** A clock that only moves when the waiter sleeps. */
function fakeTime() {
  const sleeps: number[] = [];
  let now = 1_000_000;
  return {
    sleeps,
    clock: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

beforeEach(() => {
  sm.reset();
});

describe('startPipelineExecution', () => {
  test('starts the named pipeline with its parameters and a client request token', async () => {
    sm.on(StartPipelineExecutionCommand).resolves({ PipelineExecutionArn: ARN });
    const arn = await startPipelineExecution(client, { pipelineName: 'churn', parameters: { ModelApprovalStatus: 'Approved', Epochs: '5' }, displayName: 'ci-42' });
    expect(arn).toBe(ARN);
    expect(sm).toHaveReceivedCommandWith(StartPipelineExecutionCommand, {
      PipelineName: 'churn',
      PipelineExecutionDisplayName: 'ci-42',
      PipelineParameters: [{ Name: 'ModelApprovalStatus', Value: 'Approved' }, { Name: 'Epochs', Value: '5' }],
    });
    const token = sm.commandCalls(StartPipelineExecutionCommand)[0].args[0].input.ClientRequestToken;
    expect(token).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('without parameters the pipeline defaults apply', async () => {
    sm.on(StartPipelineExecutionCommand).resolves({ PipelineExecutionArn: ARN });
    await startPipelineExecution(client, { pipelineName: 'churn' });
    expect(sm.commandCalls(StartPipelineExecutionCommand)[0].args[0].input.PipelineParameters).toBeUndefined();
  });

  test.each([
    ['ValidationException', serviceError('ValidationException', 'Pipeline \'churn\' could not be found.')],
    ['ResourceNotFound', new ResourceNotFound({ message: 'Pipeline arn:aws:sagemaker:eu-west-1:123456789012:pipeline/churn does not exist.', $metadata: {} })],
  ])('a pipeline that does not exist (%s) is named with the region', async (_name, error) => {
    sm.on(StartPipelineExecutionCommand).rejects(error);
    const started = startPipelineExecution(client, { pipelineName: 'churn' });
    await expect(started).rejects.toThrow(CliError);
    await expect(startPipelineExecution(client, { pipelineName: 'churn' })).rejects.toThrow(/^pipeline churn not found in region eu-west-1: /);
  });

  /**
   * Amazon SageMaker API Reference, StartPipelineExecution: PipelineExecutionDisplayName is 1 to 82
   * characters of [a-zA-Z0-9](-*[a-zA-Z0-9]){0,81}; PipelineParameters holds at most 200 items; the
   * Parameter data type: Name 1 to 256 of [A-Za-z0-9\-_], Value at most 1024 characters.
   */
  test.each<[string, Parameters<typeof startPipelineExecution>[1], string]>([
    ['a display name of 83 characters', { pipelineName: 'churn', displayName: 'a'.repeat(83) }, 'the execution\'s display name must be 1 to 82 letters, digits and hyphens'],
    ['a display name with an underscore', { pipelineName: 'churn', displayName: 'ci_42' }, 'got "ci_42"'],
    ['an empty display name', { pipelineName: 'churn', displayName: '' }, 'got ""'],
    ['201 parameters', { pipelineName: 'churn', parameters: Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`P${i}`, '1'])) },
      'StartPipelineExecution takes at most 200 pipeline parameters, got 201'],
    ['a parameter name with a dot', { pipelineName: 'churn', parameters: { 'Input.Url': 's3://b/k' } }, 'parameter name must be 1 to 256 letters, digits, hyphens and underscores'],
    ['a value of 1025 characters', { pipelineName: 'churn', parameters: { Query: 'q'.repeat(1025) } }, 'parameter Query must have a value of at most 1024 characters (StartPipelineExecution), got 1025'],
  ])('%s is refused before StartPipelineExecution', async (_what, options, message) => {
    await expect(startPipelineExecution(client, options)).rejects.toThrow(new CliError(`pipeline churn: ${startPipelineExecutionProblem(options)}`));
    expect(startPipelineExecutionProblem(options)).toContain(message);
    expect(sm).not.toHaveReceivedAnyCommand();
  });

  test('a display name of 82 characters, 200 parameters and a value of 1024 characters are sent as they are', async () => {
    sm.on(StartPipelineExecutionCommand).resolves({ PipelineExecutionArn: ARN });
    const parameters = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`P_${i}-x`, 'v'.repeat(1024)]));
    await startPipelineExecution(client, { pipelineName: 'churn', displayName: `a-${'b'.repeat(80)}`, parameters });
    expect(sm).toHaveReceivedCommandWith(StartPipelineExecutionCommand, { PipelineExecutionDisplayName: `a-${'b'.repeat(80)}` });
    expect(sm.commandCalls(StartPipelineExecutionCommand)[0].args[0].input.PipelineParameters).toHaveLength(200);
  });

  test('other errors are rethrown as they are', async () => {
    const denied = serviceError('AccessDeniedException', 'not authorized to perform sagemaker:StartPipelineExecution');
    sm.on(StartPipelineExecutionCommand).rejects(denied);
    await expect(startPipelineExecution(client, { pipelineName: 'churn' })).rejects.toBe(denied);
  });
});

describe('waitForPipelineExecution', () => {
  test('a heartbeat every 5 quiet minutes names the steps still running and for how long (issue 21, item 7)', async () => {
    const training = { status: 'Executing' as const, steps: [['Preprocess', 'Succeeded'], ['Train', 'Executing']] as Step[] };
    script(
      { status: 'Executing', steps: [['Preprocess', 'Executing']] },
      { status: 'Executing', steps: [['Preprocess', 'Succeeded'], ['Train', 'Executing']] },
      ...Array.from({ length: 14 }, () => training),
      { status: 'Succeeded', steps: [['Preprocess', 'Succeeded'], ['Train', 'Succeeded']] },
    );
    const time = fakeTime();
    const heartbeats: Heartbeat[] = [];
    await waitForPipelineExecution(client, ARN, { timeoutMs: 3_600_000, pollIntervalMs: 60_000, onHeartbeat: (h) => heartbeats.push(h), ...time });
    // Train starts at 1 min; quiet from then: heartbeats at 6 and 11 min; at 16 min the execution has ended.
    expect(heartbeats).toEqual([
      { elapsedMs: 360_000, running: [{ name: 'Train', status: 'Executing', forMs: 300_000 }] },
      { elapsedMs: 660_000, running: [{ name: 'Train', status: 'Executing', forMs: 600_000 }] },
    ]);
  });

  test('no heartbeat while steps keep changing, or with nothing running', async () => {
    script(
      { status: 'Executing', steps: [] },
      { status: 'Executing', steps: [] },
      { status: 'Executing', steps: [['A', 'Executing']] },
      { status: 'Succeeded', steps: [['A', 'Succeeded']] },
    );
    const heartbeats: Heartbeat[] = [];
    await waitForPipelineExecution(client, ARN, { timeoutMs: 3_600_000, pollIntervalMs: 200_000, heartbeatMs: 300_000, onHeartbeat: (h) => heartbeats.push(h), ...fakeTime() });
    expect(heartbeats).toEqual([]);
  });

  test('reports each step status once per change and returns on success', async () => {
    script(
      { status: 'Executing', steps: [['Preprocess', 'Executing']] },
      { status: 'Executing', steps: [['Preprocess', 'Executing']] },
      { status: 'Executing', steps: [['Preprocess', 'Succeeded'], ['Train', 'Starting']] },
      { status: 'Executing', steps: [['Preprocess', 'Succeeded'], ['Train', 'Executing']] },
      { status: 'Succeeded', steps: [['Preprocess', 'Succeeded'], ['Train', 'Succeeded']] },
    );
    const time = fakeTime();
    const changes: StepStatusChange[] = [];
    const result = await waitForPipelineExecution(client, ARN, { timeoutMs: 3_600_000, pollIntervalMs: 30_000, onProgress: (c) => changes.push(c), ...time });

    expect(changes).toEqual([
      { name: 'Preprocess', status: 'Executing', elapsedMs: 0 },
      { name: 'Preprocess', status: 'Succeeded', elapsedMs: 60_000 },
      { name: 'Train', status: 'Starting', elapsedMs: 60_000 },
      { name: 'Train', status: 'Executing', elapsedMs: 90_000 },
      { name: 'Train', status: 'Succeeded', elapsedMs: 120_000 },
    ]);
    expect(result).toEqual({
      executionArn: ARN,
      status: 'Succeeded',
      executionStatus: 'Succeeded',
      failureReason: undefined,
      steps: [{ name: 'Preprocess', status: 'Succeeded' }, { name: 'Train', status: 'Succeeded' }],
      failedSteps: [],
      elapsedMs: 120_000,
    });
    expect(time.sleeps).toEqual([30_000, 30_000, 30_000, 30_000]);
    expect(sm).toHaveReceivedCommandTimes(DescribePipelineExecutionCommand, 5);
    expect(sm).toHaveReceivedCommandWith(ListPipelineExecutionStepsCommand, { PipelineExecutionArn: ARN, SortOrder: 'Ascending' });
  });

  test('a failed execution returns the failed steps with their reasons and the execution reason', async () => {
    script(
      { status: 'Executing', steps: [['Train', 'Executing']] },
      {
        status: 'Failed',
        failureReason: 'Step failure: One or multiple steps failed.',
        steps: [['Train', 'Failed', 'AlgorithmError: ran out of memory'], ['Evaluate', 'Succeeded']],
      },
    );
    const result = await waitForPipelineExecution(client, ARN, { timeoutMs: 3_600_000, ...fakeTime() });
    expect(result.status).toBe('Failed');
    expect(result.failedSteps).toEqual([{ name: 'Train', status: 'Failed', failureReason: 'AlgorithmError: ran out of memory' }]);
    expect(result.failureReason).toBe('Step failure: One or multiple steps failed.');
  });

  // SageMaker's API model (botocore's PipelineExecutionStatus) lists CompletedWithFailures beside the five statuses of
  // the API Reference's DescribePipelineExecution page: an ended execution that did not succeed, not one to wait on.
  test('CompletedWithFailures ends the wait as a failure, keeping the status', async () => {
    script(
      { status: 'Executing', steps: [['Train', 'Executing']] },
      { status: 'CompletedWithFailures' as 'Failed', steps: [['Train', 'Failed', 'ClientError: bad input'], ['Evaluate', 'Succeeded']] },
    );
    const result = await waitForPipelineExecution(client, ARN, { timeoutMs: 3_600_000, ...fakeTime() });
    expect(result).toMatchObject({ status: 'Failed', executionStatus: 'CompletedWithFailures', failedSteps: [{ name: 'Train', status: 'Failed' }] });
    expect(sm).toHaveReceivedCommandTimes(DescribePipelineExecutionCommand, 2);
  });

  test('stopping keeps polling until stopped', async () => {
    script(
      { status: 'Executing', steps: [['Train', 'Executing']] },
      { status: 'Stopping', steps: [['Train', 'Stopping']] },
      { status: 'Stopped', steps: [['Train', 'Stopped']] },
    );
    const result = await waitForPipelineExecution(client, ARN, { timeoutMs: 3_600_000, ...fakeTime() });
    expect(result).toMatchObject({ status: 'Stopped', executionStatus: 'Stopped', failedSteps: [], steps: [{ name: 'Train', status: 'Stopped' }] });
    expect(sm).toHaveReceivedCommandTimes(DescribePipelineExecutionCommand, 3);
  });

  test('a throttled poll is retried later with a doubling delay', async () => {
    sm.on(DescribePipelineExecutionCommand)
      .rejectsOnce(serviceError('ThrottlingException', 'Rate exceeded'))
      .rejectsOnce(serviceError('ThrottlingException', 'Rate exceeded'))
      .resolves({ PipelineExecutionStatus: 'Succeeded' });
    sm.on(ListPipelineExecutionStepsCommand).resolves({ PipelineExecutionSteps: [{ StepName: 'Train', StepStatus: 'Succeeded' }] });
    const time = fakeTime();
    const throttled: Array<[string, number]> = [];
    const result = await waitForPipelineExecution(client, ARN, {
      timeoutMs: 3_600_000,
      pollIntervalMs: 10_000,
      onThrottled: (err, delayMs) => throttled.push([err.name, delayMs]),
      ...time,
    });
    expect(result.status).toBe('Succeeded');
    expect(throttled).toEqual([['ThrottlingException', 10_000], ['ThrottlingException', 20_000]]);
    expect(time.sleeps).toEqual([10_000, 20_000]);
    expect(sm).toHaveReceivedCommandTimes(DescribePipelineExecutionCommand, 3);
  });

  test('other errors end the wait', async () => {
    const denied = serviceError('AccessDeniedException', 'not authorized to perform sagemaker:DescribePipelineExecution');
    sm.on(DescribePipelineExecutionCommand).rejects(denied);
    await expect(waitForPipelineExecution(client, ARN, { timeoutMs: 3_600_000, ...fakeTime() })).rejects.toBe(denied);
  });

  test('an execution that does not exist is named', async () => {
    sm.on(DescribePipelineExecutionCommand).rejects(new ResourceNotFound({ message: 'Pipeline execution does not exist.', $metadata: {} }));
    await expect(waitForPipelineExecution(client, ARN, { timeoutMs: 3_600_000, ...fakeTime() }))
      .rejects.toThrow(`pipeline execution ${ARN} not found: Pipeline execution does not exist.`);
  });

  test('at the timeout it returns TimedOut with the last status, the last sleep cut to the time left', async () => {
    script({ status: 'Executing', steps: [['Train', 'Executing']] });
    const time = fakeTime();
    const result = await waitForPipelineExecution(client, ARN, { timeoutMs: 70_000, pollIntervalMs: 30_000, ...time });
    expect(result).toMatchObject({ status: 'TimedOut', executionStatus: 'Executing', elapsedMs: 70_000, steps: [{ name: 'Train', status: 'Executing' }] });
    expect(time.sleeps).toEqual([30_000, 30_000, 10_000]);
    expect(sm).toHaveReceivedCommandTimes(DescribePipelineExecutionCommand, 4);
  });

  test('reads every page of steps', async () => {
    sm.on(DescribePipelineExecutionCommand).resolves({ PipelineExecutionStatus: 'Failed' });
    sm.on(ListPipelineExecutionStepsCommand).callsFake((input) => (input.NextToken === 'page-2'
      ? { PipelineExecutionSteps: [{ StepName: 'Evaluate', StepStatus: 'Failed', FailureReason: 'accuracy below 0.8' }] }
      : { PipelineExecutionSteps: [{ StepName: 'Preprocess', StepStatus: 'Succeeded' }, { StepName: 'Train', StepStatus: 'Succeeded' }], NextToken: 'page-2' }));
    const changes: string[] = [];
    const result = await waitForPipelineExecution(client, ARN, { timeoutMs: 60_000, onProgress: (c) => changes.push(`${c.name} ${c.status}`), ...fakeTime() });
    expect(result.steps.map((step) => step.name)).toEqual(['Preprocess', 'Train', 'Evaluate']);
    expect(result.failedSteps).toEqual([{ name: 'Evaluate', status: 'Failed', failureReason: 'accuracy below 0.8' }]);
    expect(changes).toEqual(['Preprocess Succeeded', 'Train Succeeded', 'Evaluate Failed']);
    expect(sm).toHaveReceivedCommandTimes(ListPipelineExecutionStepsCommand, 2);
    expect(sm).toHaveReceivedNthSpecificCommandWith(2, ListPipelineExecutionStepsCommand, { PipelineExecutionArn: ARN, NextToken: 'page-2' });
  });

  // ListPipelineExecutionSteps API reference: a Fail step's metadata is Metadata.Fail.ErrorMessage
  // ("A message that you define and then is processed and rendered by the Fail step"); the step has no FailureReason.
  test('a Fail step without a FailureReason reports its Metadata.Fail.ErrorMessage', async () => {
    sm.on(DescribePipelineExecutionCommand).resolves({ PipelineExecutionStatus: 'Failed', FailureReason: '' });
    sm.on(ListPipelineExecutionStepsCommand).resolves({
      PipelineExecutionSteps: [
        { StepName: 'Evaluate', StepStatus: 'Succeeded' },
        { StepName: 'QualityGateFailed', StepStatus: 'Failed', Metadata: { Fail: { ErrorMessage: 'AUC 0.61 is below the quality gate 0.75' } } },
      ],
    });
    const result = await waitForPipelineExecution(client, ARN, { timeoutMs: 60_000, ...fakeTime() });
    expect(result.failedSteps).toEqual([{ name: 'QualityGateFailed', status: 'Failed', failureReason: 'AUC 0.61 is below the quality gate 0.75' }]);
    expect(result.failureReason).toBe('');
  });

  test('a step\'s FailureReason wins over its Fail metadata', async () => {
    sm.on(DescribePipelineExecutionCommand).resolves({ PipelineExecutionStatus: 'Failed' });
    sm.on(ListPipelineExecutionStepsCommand).resolves({
      PipelineExecutionSteps: [{ StepName: 'Gate', StepStatus: 'Failed', FailureReason: 'the step failed', Metadata: { Fail: { ErrorMessage: 'rendered' } } }],
    });
    const result = await waitForPipelineExecution(client, ARN, { timeoutMs: 60_000, ...fakeTime() });
    expect(result.failedSteps).toEqual([{ name: 'Gate', status: 'Failed', failureReason: 'the step failed' }]);
  });

  test('with the default sleep, jest fake timers drive the wait', async () => {
    jest.useFakeTimers();
    try {
      script({ status: 'Executing', steps: [] }, { status: 'Succeeded', steps: [] });
      const waiting = waitForPipelineExecution(client, ARN, { timeoutMs: 600_000, pollIntervalMs: 45_000 });
      await jest.advanceTimersByTimeAsync(45_000);
      await expect(waiting).resolves.toMatchObject({ status: 'Succeeded', elapsedMs: 45_000 });
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('error mapping', () => {
  test.each([
    [new ResourceNotFound({ message: 'x', $metadata: {} }), true],
    [serviceError('ResourceNotFoundException', 'x'), true],
    [serviceError('ValidationException', 'Pipeline \'churn\' could not be found.'), true],
    [serviceError('ValidationException', 'Could not find model package group churn.'), true],
    [serviceError('ValidationException', 'Pipeline arn:x does not exist.'), true],
    [serviceError('ValidationException', 'Value \'x y\' at \'pipelineName\' failed to satisfy constraint'), false],
    [serviceError('AccessDeniedException', 'resource not found or not authorized'), false],
    [new Error('not found'), false],
    ['not found', false],
    [undefined, false],
  ])('isNotFound(%p) is %p', (err, expected) => {
    expect(isNotFound(err)).toBe(expected);
  });

  test.each([
    [serviceError('ThrottlingException', 'Rate exceeded'), true],
    [serviceError('TooManyRequestsException', 'x'), true],
    [Object.assign(new Error('slow down'), { $retryable: { throttling: true } }), true],
    [Object.assign(new Error('x'), { $metadata: { httpStatusCode: 429 } }), true],
    [serviceError('ValidationException', 'x'), false],
    [null, false],
  ])('isThrottling(%p) is %p', (err, expected) => {
    expect(isThrottling(err)).toBe(expected);
  });
});
