import {
  DescribeModelPackageCommand,
  DescribePipelineCommand,
  DescribePipelineExecutionCommand,
  ListPipelineExecutionStepsCommand,
  SageMakerClient,
  SageMakerServiceException,
  StartPipelineExecutionCommand,
  StepStatus,
  StopPipelineExecutionCommand,
} from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { AwsClientOptions } from '../../src/aws';
import { CliDeps, runCli } from '../../src/cli';
import { captureOutput as capture, withStderr } from '../helpers/cli-output';

const sm = mockClient(SageMakerClient);
const ARN = 'arn:aws:sagemaker:eu-west-1:123456789012:pipeline/churn/execution/abc123';

/** Clients in eu-west-1 (no region lookup on disk); records the options the command asked for. */
function deps(): CliDeps & { requested: AwsClientOptions[] } {
  const requested: AwsClientOptions[] = [];
  return {
    requested,
    sageMakerClient: async (options) => {
      requested.push(options);
      return new SageMakerClient({ region: 'eu-west-1' });
    },
  };
}

function serviceError(name: string, message: string): SageMakerServiceException {
  return new SageMakerServiceException({ name, message, $fault: 'client', $metadata: {} });
}

type Poll = [status: 'Executing' | 'Stopping' | 'Stopped' | 'Failed' | 'Succeeded', steps: Array<[string, StepStatus, string?]>, failureReason?: string];

/** Each DescribePipelineExecution answers the next poll (the last one repeats); the steps follow the current poll. */
function script(...polls: Poll[]): void {
  let current = -1;
  sm.on(DescribePipelineExecutionCommand).callsFake(() => {
    current = Math.min(current + 1, polls.length - 1);
    return { PipelineExecutionStatus: polls[current][0], FailureReason: polls[current][2] };
  });
  sm.on(ListPipelineExecutionStepsCommand).callsFake(() => ({
    PipelineExecutionSteps: polls[current][1].map(([StepName, StepStatus, FailureReason]) => ({ StepName, StepStatus, FailureReason })),
  }));
}

/** Runs the CLI to its end, letting fake time pass for every sleep. */
async function run(argv: string[], out = capture(), injected: CliDeps = deps()): Promise<{ code: number; out: ReturnType<typeof capture> }> {
  const running = runCli(argv, out, injected);
  await jest.runAllTimersAsync();
  return { code: await running, out };
}

/** The usage errors commander writes to stderr. */
async function usageError(argv: string[]): Promise<{ code: number; stderr: string }> {
  const { value, stderr } = await withStderr(() => run(argv));
  return { code: value.code, stderr };
}

beforeEach(() => {
  sm.reset();
  sm.on(StartPipelineExecutionCommand).resolves({ PipelineExecutionArn: ARN });
  jest.useFakeTimers();
});

afterEach(() => {
  jest.useRealTimers();
});

/** A definition declaring the parameters `run-pipeline --parameter` is checked against. */
const DEFINITION = JSON.stringify({
  Version: '2020-12-01',
  Parameters: [
    { Name: 'Epochs', Type: 'Integer', DefaultValue: 10 },
    { Name: 'Query', Type: 'String' },
    { Name: 'AucThreshold', Type: 'Float', DefaultValue: 0.75 },
  ],
  Steps: [],
});

describe('run-pipeline without --wait', () => {
  test('starts the execution with the parameters and prints its ARN', async () => {
    sm.on(DescribePipelineCommand).resolves({ PipelineDefinition: DEFINITION });
    const injected = deps();
    const { code, out } = await run(['--region', 'eu-west-1', '--profile', 'ml-dev', 'run-pipeline', '--name', 'churn', '--parameter', 'Epochs=5', '--parameter', 'Query=a=b'], capture(), injected);
    expect(code).toBe(0);
    expect(out.results).toEqual([ARN]);
    expect(injected.requested).toEqual([{ region: 'eu-west-1', profile: 'ml-dev' }]);
    expect(sm).toHaveReceivedCommandWith(StartPipelineExecutionCommand, {
      PipelineName: 'churn',
      PipelineParameters: [{ Name: 'Epochs', Value: '5' }, { Name: 'Query', Value: 'a=b' }],
    });
    expect(sm).not.toHaveReceivedCommand(DescribePipelineExecutionCommand);
  });

  test('--request-timeout reaches the client factory in milliseconds', async () => {
    const injected = deps();
    const { code } = await run(['--region', 'eu-west-1', '--request-timeout', '2.5', 'run-pipeline', '--name', 'churn'], capture(), injected);
    expect(code).toBe(0);
    expect(injected.requested).toEqual([{ region: 'eu-west-1', requestTimeoutMs: 2_500 }]);
  });

  // DescribePipeline's PipelineDefinition declares the parameters; SageMaker would reject an undeclared one only after the start.
  test('an undeclared --parameter is a usage error (exit 2) before starting, naming it and the declared ones', async () => {
    sm.on(DescribePipelineCommand).resolves({ PipelineDefinition: DEFINITION });
    const { code, out } = await run(['run-pipeline', '--name', 'churn', '--parameter', 'NoSuchParam=1']);
    expect(code).toBe(2);
    expect(out.infos).toEqual(['error: --parameter NoSuchParam: pipeline churn has no parameter NoSuchParam; its parameters: Epochs (Integer), Query (String), AucThreshold (Float)']);
    expect(sm).not.toHaveReceivedCommand(StartPipelineExecutionCommand);
  });

  // SageMaker Developer Guide, "Pipeline parameters": ParameterInteger, ParameterFloat, ParameterBoolean.
  test('a value that does not fit its parameter\'s type is a usage error (exit 2) before starting', async () => {
    sm.on(DescribePipelineCommand).resolves({ PipelineDefinition: DEFINITION });
    const { code, out } = await run(['run-pipeline', '--name', 'churn', '--parameter', 'Epochs=five']);
    expect(code).toBe(2);
    expect(out.infos).toEqual(['error: --parameter Epochs=five: Epochs is a parameter of type Integer in pipeline churn; the value must be an integer, e.g. 2']);
    expect(sm).not.toHaveReceivedCommand(StartPipelineExecutionCommand);
  });

  // Pipeline definition schema: a FloatParameter has no bounds, so SageMaker would start an execution with
  // TestScoreThreshold=75 (meant as 75 %) and fail every model at the quality gate. The definition's Metadata keeps
  // the range (ParameterRange-<name>), and a value outside it is refused before the start.
  test('a Float value outside the range the definition keeps is a usage error (exit 2) before starting; one inside starts', async () => {
    sm.on(DescribePipelineCommand).resolves({ PipelineDefinition: JSON.stringify({ ...JSON.parse(DEFINITION), Metadata: { 'ParameterRange-AucThreshold': '[0,1]' } }) });
    const { code, out } = await run(['run-pipeline', '--name', 'churn', '--parameter', 'AucThreshold=75']);
    expect(code).toBe(2);
    expect(out.infos).toEqual(['error: --parameter AucThreshold=75: pipeline churn takes AucThreshold from 0 to 1 (the range its definition declares; SageMaker would take any number)']);
    expect(sm).not.toHaveReceivedCommand(StartPipelineExecutionCommand);
    expect((await run(['run-pipeline', '--name', 'churn', '--parameter', 'AucThreshold=-0.1'])).code).toBe(2);
    expect((await run(['run-pipeline', '--name', 'churn', '--parameter', 'AucThreshold=1'])).code).toBe(0);
    expect(sm).toHaveReceivedCommandWith(StartPipelineExecutionCommand, { PipelineParameters: [{ Name: 'AucThreshold', Value: '1' }] });
  });

  test('without --parameter the definition is not read', async () => {
    const { code } = await run(['run-pipeline', '--name', 'churn']);
    expect(code).toBe(0);
    expect(sm).not.toHaveReceivedCommand(DescribePipelineCommand);
  });

  test('--json prints the ARN in an object', async () => {
    const { code, out } = await run(['--json', 'run-pipeline', '--name', 'churn']);
    expect(code).toBe(0);
    expect(out.results).toEqual([{ pipelineName: 'churn', executionArn: ARN }]);
  });

  test('a pipeline that does not exist is named', async () => {
    sm.on(StartPipelineExecutionCommand).rejects(serviceError('ValidationException', 'Pipeline \'churn\' could not be found.'));
    const { code, out } = await run(['run-pipeline', '--name', 'churn', '--wait']);
    expect(code).toBe(1);
    expect(out.infos).toEqual(['error: pipeline churn not found in region eu-west-1: Pipeline \'churn\' could not be found.']);
  });
});

describe('run-pipeline --wait', () => {
  test('prints each step once per status change and exits 0 on success', async () => {
    script(
      ['Executing', [['Preprocess', 'Executing']]],
      ['Executing', [['Preprocess', 'Executing']]],
      ['Executing', [['Preprocess', 'Succeeded'], ['Train', 'Executing']]],
      ['Executing', [['Preprocess', 'Succeeded'], ['Train', 'Executing']]],
      ['Succeeded', [['Preprocess', 'Succeeded'], ['Train', 'Succeeded']]],
    );
    const { code, out } = await run(['run-pipeline', '--name', 'churn', '--wait', '--poll-interval', '65']);
    expect(code).toBe(0);
    expect(out.infos).toEqual([
      `started ${ARN}; waiting up to 120 minutes`,
      '  0s  Preprocess  Executing',
      '  2m10s  Preprocess  Succeeded',
      '  2m10s  Train  Executing',
      '  4m20s  Train  Succeeded',
    ]);
    expect(out.results).toEqual([`pipeline churn succeeded in 4m20s: ${ARN}`]);
    expect(sm).toHaveReceivedCommandTimes(DescribePipelineExecutionCommand, 5);
  });

  test('a failed execution exits 1 naming the failed step and its reason', async () => {
    script(
      ['Executing', [['Train', 'Executing']]],
      ['Failed', [['Train', 'Failed', 'AlgorithmError: ran out of memory'], ['Evaluate', 'Succeeded']], 'Step failure: One or multiple steps failed.'],
    );
    const { code, out } = await run(['run-pipeline', '--name', 'churn', '--wait']);
    expect(code).toBe(1);
    expect(out.results).toEqual([]);
    expect(out.infos.slice(1)).toEqual([
      '  0s  Train  Executing',
      '  30s  Train  Failed',
      '  30s  Evaluate  Succeeded',
      [
        'error: pipeline churn failed after 30s',
        '  step Train failed: AlgorithmError: ran out of memory',
        '  execution failure reason: Step failure: One or multiple steps failed.',
        `  execution: ${ARN}`,
      ].join('\n'),
    ]);
  });

  // A tracking error never fails a step (seed-code/model-build/pipelines/tracking.py), and evaluate.py gives the version the
  // mlflowRunId "not-logged" when training logged no run: a run that succeeded says when MLflow recorded nothing.
  describe('after success, whether MLflow recorded the training of the version it registered', () => {
    const VERSION = 'arn:aws:sagemaker:eu-west-1:123456789012:model-package/churn/4';
    function registered(): void {
      sm.on(DescribePipelineExecutionCommand).resolves({ PipelineExecutionStatus: 'Succeeded' });
      sm.on(ListPipelineExecutionStepsCommand).resolves({ PipelineExecutionSteps: [
        { StepName: 'Train', StepStatus: 'Succeeded' },
        { StepName: 'Register', StepStatus: 'Succeeded', Metadata: { RegisterModel: { Arn: VERSION } } },
      ] });
    }

    test('not recorded: a warning naming the version and where to look; the run still succeeds', async () => {
      registered();
      sm.on(DescribeModelPackageCommand, { ModelPackageName: VERSION }).resolves({ ModelPackageArn: VERSION, CustomerMetadataProperties: { auc: '0.81', mlflowRunId: 'not-logged' } });
      const { code, out } = await run(['run-pipeline', '--name', 'churn', '--wait']);
      expect(code).toBe(0);
      expect(out.infos[out.infos.length - 1]).toMatch(new RegExp(`^WARNING: ${VERSION} was registered, but MLflow recorded no training run \\(its mlflowRunId is not-logged\\): the Train and Evaluate steps' logs say why`));
    });

    test('recorded, or MLflow off (no run id at all): nothing to say', async () => {
      registered();
      sm.on(DescribeModelPackageCommand, { ModelPackageName: VERSION }).resolvesOnce({ CustomerMetadataProperties: { mlflowRunId: '0f1e2d3c4b5a69788796a5b4c3d2e1f0' } })
        .resolves({ CustomerMetadataProperties: { auc: '0.81' } });
      for (let i = 0; i < 2; i += 1) {
        const { code, out } = await run(['run-pipeline', '--name', 'churn', '--wait']);
        expect(code).toBe(0);
        expect(out.infos.filter((line) => /WARNING|could not check/.test(line))).toEqual([]);
      }
    });

    test('a version the caller may not describe is named as not checked; the run still succeeds', async () => {
      registered();
      sm.on(DescribeModelPackageCommand).rejects(serviceError('AccessDeniedException', 'not authorized to perform: sagemaker:DescribeModelPackage'));
      const { code, out } = await run(['run-pipeline', '--name', 'churn', '--wait']);
      expect(code).toBe(0);
      expect(out.infos[out.infos.length - 1]).toBe(`could not check whether MLflow recorded the training of ${VERSION}: AccessDeniedException: not authorized to perform: sagemaker:DescribeModelPackage`);
    });

    test('an execution that registered nothing reads nothing', async () => {
      script(['Succeeded', [['Train', 'Succeeded']]]);
      expect((await run(['run-pipeline', '--name', 'churn', '--wait'])).code).toBe(0);
      expect(sm).not.toHaveReceivedCommand(DescribeModelPackageCommand);
    });
  });

  test('a stopped execution exits 1', async () => {
    script(['Stopping', [['Train', 'Stopping']]], ['Stopped', [['Train', 'Stopped']]]);
    const { code, out } = await run(['run-pipeline', '--name', 'churn', '--wait']);
    expect(code).toBe(1);
    expect(out.infos[out.infos.length - 1]).toBe(`error: pipeline churn was stopped after 30s\n  step Train stopped\n  execution: ${ARN}`);
  });

  test('a throttled poll is retried', async () => {
    sm.on(DescribePipelineExecutionCommand)
      .rejectsOnce(serviceError('ThrottlingException', 'Rate exceeded'))
      .resolves({ PipelineExecutionStatus: 'Succeeded' });
    sm.on(ListPipelineExecutionStepsCommand).resolves({ PipelineExecutionSteps: [{ StepName: 'Train', StepStatus: 'Succeeded' }] });
    const { code, out } = await run(['run-pipeline', '--name', 'churn', '--wait', '--poll-interval', '10']);
    expect(code).toBe(0);
    expect(out.infos).toContain('  throttled (ThrottlingException: Rate exceeded); polling again in 10s');
    expect(out.infos).toContain('  10s  Train  Succeeded');
    expect(sm).toHaveReceivedCommandTimes(DescribePipelineExecutionCommand, 2);
  });

  test('at the timeout it exits 1, naming the minutes waited and the ARN, and leaves the execution running', async () => {
    script(['Executing', [['Preprocess', 'Succeeded'], ['Train', 'Executing']]]);
    const { code, out } = await run(['run-pipeline', '--name', 'churn', '--wait', '--timeout', '2']);
    expect(code).toBe(1);
    expect(out.infos[out.infos.length - 1]).toBe([
      'error: pipeline churn did not finish within 2 minutes (waited 2m00s); the execution was left running (status Executing)',
      '  step Train executing',
      `  execution: ${ARN}`,
    ].join('\n'));
    expect(sm).toHaveReceivedCommandTimes(DescribePipelineExecutionCommand, 5);
    expect(sm).not.toHaveReceivedCommand(StopPipelineExecutionCommand);
  });

  // SageMaker API Reference, StopPipelineExecution: ClientRequestToken is required (32 to 128 characters); the
  // execution ends Stopped. A wait in a CodePipeline action that gives up must not leave a run that registers a version.
  test('--stop-unfinished stops an execution still running at the timeout, once, and says so', async () => {
    script(['Executing', [['Preprocess', 'Succeeded'], ['Train', 'Executing']]]);
    sm.on(StopPipelineExecutionCommand).resolves({ PipelineExecutionArn: ARN });
    const { code, out } = await run(['run-pipeline', '--name', 'churn', '--wait', '--timeout', '2', '--stop-unfinished']);
    expect(code).toBe(1);
    expect(out.infos[out.infos.length - 1]).toBe([
      'error: pipeline churn did not finish within 2 minutes (waited 2m00s); the execution was asked to stop (StopPipelineExecution; '
        + 'it was Executing); steps that already ended keep what they wrote',
      '  step Train executing',
      `  execution: ${ARN}`,
    ].join('\n'));
    expect(sm).toHaveReceivedCommandTimes(StopPipelineExecutionCommand, 1);
    const token = sm.commandCalls(StopPipelineExecutionCommand)[0].args[0].input;
    expect(token.PipelineExecutionArn).toBe(ARN);
    expect(token.ClientRequestToken!.length).toBeGreaterThanOrEqual(32);
    expect(token.ClientRequestToken!.length).toBeLessThanOrEqual(128);
  });

  test('--stop-unfinished leaves an execution that ends in time alone, and one already stopping is not asked again', async () => {
    script(['Executing', [['Train', 'Executing']]], ['Succeeded', [['Train', 'Succeeded']]]);
    expect((await run(['run-pipeline', '--name', 'churn', '--wait', '--stop-unfinished'])).code).toBe(0);
    script(['Stopping', [['Train', 'Stopping']]]);
    const { code, out } = await run(['run-pipeline', '--name', 'churn', '--wait', '--timeout', '1', '--stop-unfinished']);
    expect(code).toBe(1);
    expect(out.infos[out.infos.length - 1]).toMatch(/did not finish within 1 minute \(waited 1m00s\); the execution was already stopping \(status Stopping\)/);
    expect(sm).not.toHaveReceivedCommand(StopPipelineExecutionCommand);
  });

  // An error other than throttling ends the wait (a 5xx after the SDK's retries, a network error): the execution
  // would run on unwatched and could register a version after the build failed. It is stopped; without the option it is not.
  test('--stop-unfinished also stops the execution when the wait fails on an error while polling', async () => {
    sm.on(DescribePipelineExecutionCommand).rejects(serviceError('InternalFailure', 'We encountered an internal error'));
    sm.on(StopPipelineExecutionCommand).resolves({ PipelineExecutionArn: ARN });
    const stopped = await run(['run-pipeline', '--name', 'churn', '--wait', '--stop-unfinished']);
    expect(stopped.code).toBe(1);
    expect(stopped.out.infos.at(-1)).toBe(`error: waiting for ${ARN} failed: We encountered an internal error; the execution was asked to stop (StopPipelineExecution)`);
    expect(sm).toHaveReceivedCommandTimes(StopPipelineExecutionCommand, 1);
    sm.resetHistory();
    const left = await run(['run-pipeline', '--name', 'churn', '--wait']);
    expect(left.code).toBe(1);
    expect(sm).not.toHaveReceivedCommand(StopPipelineExecutionCommand);
  });

  test('--stop-unfinished whose stop is refused still exits 1, with the wait\'s report and the refusal', async () => {
    script(['Executing', [['Train', 'Executing']]]);
    sm.on(StopPipelineExecutionCommand).rejects(serviceError('AccessDeniedException', 'not authorized to perform: sagemaker:StopPipelineExecution'));
    const { code, out } = await run(['--json', 'run-pipeline', '--name', 'churn', '--wait', '--timeout', '2', '--stop-unfinished']);
    expect(code).toBe(1);
    expect(out.results[0]).toMatchObject({ status: 'TimedOut', stopRequested: false, stopError: 'AccessDeniedException: not authorized to perform: sagemaker:StopPipelineExecution' });
    expect(JSON.stringify(out.infos)).toMatch(/stopping the execution failed \(AccessDeniedException: .*\): it may still run and register a model version/);
  });

  test('steps on every page are followed', async () => {
    sm.on(DescribePipelineExecutionCommand).resolves({ PipelineExecutionStatus: 'Succeeded' });
    sm.on(ListPipelineExecutionStepsCommand)
      .resolvesOnce({ PipelineExecutionSteps: [{ StepName: 'Preprocess', StepStatus: 'Succeeded' }], NextToken: 'page-2' })
      .resolvesOnce({ PipelineExecutionSteps: [{ StepName: 'Train', StepStatus: 'Succeeded' }] });
    const { code, out } = await run(['run-pipeline', '--name', 'churn', '--wait']);
    expect(code).toBe(0);
    expect(out.infos.slice(1)).toEqual(['  0s  Preprocess  Succeeded', '  0s  Train  Succeeded']);
  });

  // ListPipelineExecutionSteps: a Fail step (the quality gate) has no FailureReason, only Metadata.Fail.ErrorMessage.
  test('a Fail step\'s error message explains the failure when the execution gives no reason', async () => {
    sm.on(DescribePipelineExecutionCommand).resolves({ PipelineExecutionStatus: 'Failed', FailureReason: '' });
    sm.on(ListPipelineExecutionStepsCommand).resolves({
      PipelineExecutionSteps: [
        { StepName: 'Evaluate', StepStatus: 'Succeeded' },
        { StepName: 'CheckAucFailed', StepStatus: 'Failed', Metadata: { Fail: { ErrorMessage: 'AUC 0.61 is below the quality gate 0.75' } } },
      ],
    });
    const { code, out } = await run(['run-pipeline', '--name', 'churn', '--wait']);
    expect(code).toBe(1);
    expect(out.infos[out.infos.length - 1]).toBe([
      'error: pipeline churn failed after 0s',
      '  step CheckAucFailed failed: AUC 0.61 is below the quality gate 0.75',
      `  execution: ${ARN}`,
    ].join('\n'));
  });

  // botocore's PipelineExecutionStatus: CompletedWithFailures is an end that did not succeed (see pipeline-execution.test.ts).
  test('an execution that ends CompletedWithFailures fails the command at once, naming the status', async () => {
    sm.on(DescribePipelineExecutionCommand).resolves({ PipelineExecutionStatus: 'CompletedWithFailures' as 'Failed' });
    sm.on(ListPipelineExecutionStepsCommand).resolves({ PipelineExecutionSteps: [{ StepName: 'Train', StepStatus: 'Failed', FailureReason: 'ClientError: bad input' }] });
    const { code, out } = await run(['run-pipeline', '--name', 'churn', '--wait']);
    expect(code).toBe(1);
    expect(out.infos[out.infos.length - 1]).toBe([
      'error: pipeline churn failed after 0s (status CompletedWithFailures)',
      '  step Train failed: ClientError: bad input',
      `  execution: ${ARN}`,
    ].join('\n'));
  });

  test('--json prints the result object, also when it fails', async () => {
    script(['Failed', [['Train', 'Failed', 'AlgorithmError: bad input']], 'Step failure: One or multiple steps failed.']);
    const { code, out } = await run(['--json', 'run-pipeline', '--name', 'churn', '--wait']);
    expect(code).toBe(1);
    expect(out.results).toEqual([{
      pipelineName: 'churn',
      executionArn: ARN,
      status: 'Failed',
      executionStatus: 'Failed',
      failureReason: 'Step failure: One or multiple steps failed.',
      steps: [{ name: 'Train', status: 'Failed', failureReason: 'AlgorithmError: bad input' }],
      elapsedSeconds: 0,
    }]);
    // With --json the failure is one JSON object on stderr too.
    const { error } = JSON.parse(out.infos[out.infos.length - 1]);
    expect(error).toMatchObject({ name: 'CliError', message: expect.stringMatching(/^pipeline churn failed after 0s\n {2}step Train failed: AlgorithmError: bad input/) });
  });
});

describe('run-pipeline usage errors exit 2 and call nothing', () => {
  test.each([
    [['run-pipeline'], /error: required option '--name <pipeline>' not specified/],
    [['run-pipeline', '--name', 'my_pipeline'], /pipeline name must be 1 to 256 letters, digits and hyphens.*got my_pipeline/],
    [['run-pipeline', '--name', '-churn'], /pipeline name must be .*got -churn/],
    // CreatePipeline PipelineName: at most 256 characters, hyphens included.
    [['run-pipeline', '--name', `a${'-b'.repeat(128)}`], /pipeline name must be 1 to 256 letters/],
    [['run-pipeline', '--name', 'churn', '--parameter', 'Epochs'], /parameter must be KEY=VALUE with a non-empty KEY, got Epochs/],
    [['run-pipeline', '--name', 'churn', '--parameter', '=5'], /parameter must be KEY=VALUE with a non-empty KEY, got =5/],
    [['run-pipeline', '--name', 'churn', '--parameter', 'A=1', '--parameter', 'A=2'], /parameter A is given twice/],
    [['run-pipeline', '--name', 'churn', '--wait', '--timeout', '0'], /--timeout must be a number of minutes from 1 to 40320 .*got 0/],
    [['run-pipeline', '--name', 'churn', '--wait', '--timeout', '-1'], /--timeout must be a number of minutes from 1 to 40320 .*got -1/],
    [['run-pipeline', '--name', 'churn', '--wait', '--timeout', 'abc'], /--timeout must be a number of minutes from 1 to 40320 .*got abc/],
    // A SageMaker pipeline execution runs at most 672 hours (SageMaker Developer Guide, "Feature Processor
    // constraints, limits and quotas": pipeline execution timeout): a longer wait has nothing to wait for.
    [['run-pipeline', '--name', 'churn', '--wait', '--timeout', '40321'], /--timeout must be a number of minutes from 1 to 40320 \(a pipeline execution runs at most 672 hours\), got 40321/],
    [['run-pipeline', '--name', 'churn', '--wait', '--timeout', '0x10'], /--timeout must be a number of minutes from 1 to 40320 .*got 0x10/],
    [['run-pipeline', '--name', 'churn', '--wait', '--timeout', '1e-9'], /--timeout must be a number of minutes from 1 to 40320 .*got 1e-9/],
    [['run-pipeline', '--name', 'churn', '--wait', '--poll-interval', '0'], /--poll-interval must be a number of seconds from 1 to 3600, got 0/],
    [['run-pipeline', '--name', 'churn', '--wait', '--poll-interval', '0.001'], /--poll-interval must be a number of seconds from 1 to 3600, got 0\.001/],
    [['run-pipeline', '--name', 'churn', '--wait', '--poll-interval', '1e12'], /--poll-interval must be a number of seconds from 1 to 3600, got 1e12/],
    [['run-pipeline', '--name', 'churn', '--wait', '--poll-interval', 'soon'], /--poll-interval must be a number of seconds from 1 to 3600, got soon/],
    [['--region', 'eu-west-1x', 'run-pipeline', '--name', 'churn'], /--region must be an AWS region name such as us-east-1, us-gov-west-1 or cn-north-1 \(.*\), got "eu-west-1x"/],
    [['--region', 'Frankfurt', 'run-pipeline', '--name', 'churn'], /--region must be an AWS region name .* got "Frankfurt"/],
    [['--request-timeout', '0', 'run-pipeline', '--name', 'churn'], /--request-timeout must be a number of seconds from 1 to 900, got 0/],
    [['--request-timeout', '1e6', 'run-pipeline', '--name', 'churn'], /--request-timeout must be a number of seconds from 1 to 900, got 1e6/],
    [['run-pipeline', '--name', 'churn', '--timeout', '30'], /--timeout, --stop-unfinished and --poll-interval only apply with --wait/],
    [['run-pipeline', '--name', 'churn', '--stop-unfinished'], /--timeout, --stop-unfinished and --poll-interval only apply with --wait/],
  ])('%j', async (argv, message) => {
    const { code, stderr } = await usageError(argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(sm).not.toHaveReceivedAnyCommand();
  });
});

/**
 * Amazon SageMaker API Reference, StartPipelineExecution: PipelineParameters holds 0 to 200 items;
 * the Parameter data type: Name is 1 to 256 characters of [A-Za-z0-9\-_], Value at most 1024
 * characters. A value outside these is refused before DescribePipeline or StartPipelineExecution.
 */
describe('run-pipeline --parameter within StartPipelineExecution\'s limits', () => {
  test.each([
    [['run-pipeline', '--name', 'churn', '--parameter', `Query=${'x'.repeat(1025)}`],
      /parameter Query must have a value of at most 1024 characters \(StartPipelineExecution\), got 1025: "x{40}"\.\.\./],
    [['run-pipeline', '--name', 'churn', '--parameter', `Query=${'\u00e9'.repeat(600)}${'\u{1F600}'.repeat(250)}`],
      /parameter Query must have a value of at most 1024 characters \(StartPipelineExecution\), got 1100/],
    [['run-pipeline', '--name', 'churn', '--parameter', 'Input.Url=s3://b/k'], /parameter name must be 1 to 256 letters, digits, hyphens and underscores .*got "Input\.Url"/],
    [['run-pipeline', '--name', 'churn', '--parameter', `${'P'.repeat(257)}=1`], /parameter name must be 1 to 256 letters, digits, hyphens and underscores/],
    [['run-pipeline', '--name', 'churn', ...Array.from({ length: 201 }, (_, i) => ['--parameter', `P${i}=1`]).flat()],
      /--parameter may be given at most 200 times \(StartPipelineExecution takes at most 200 pipeline parameters\), got 201/],
  ])('%#: refused with exit 2 before any call', async (argv, message) => {
    const { code, stderr } = await usageError(argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(sm).not.toHaveReceivedAnyCommand();
  });

  test('a value of exactly 1024 characters and a name of 256 reach StartPipelineExecution as given', async () => {
    const name = `Q${'_'.repeat(254)}-`;
    sm.on(DescribePipelineCommand).resolves({ PipelineDefinition: JSON.stringify({ Parameters: [{ Name: name, Type: 'String' }] }) });
    const value = 'v'.repeat(1024);
    const { code } = await run(['run-pipeline', '--name', 'churn', '--parameter', `${name}=${value}`]);
    expect(code).toBe(0);
    expect(sm).toHaveReceivedCommandWith(StartPipelineExecutionCommand, { PipelineName: 'churn', PipelineParameters: [{ Name: name, Value: value }] });
  });
});

describe('run-pipeline without a region', () => {
  const names = ['AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_PROFILE', 'AWS_CONFIG_FILE'];
  const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));

  beforeEach(() => {
    jest.useRealTimers();
    names.forEach((name) => delete process.env[name]);
    process.env.AWS_CONFIG_FILE = '/nonexistent/aws-config';
  });

  afterEach(() => {
    names.forEach((name) => (saved[name] === undefined ? delete process.env[name] : (process.env[name] = saved[name])));
  });

  test('exits 1 saying how to set one', async () => {
    const out = capture();
    expect(await runCli(['run-pipeline', '--name', 'churn', '--wait'], out)).toBe(1);
    expect(out.infos).toEqual(['error: no AWS region configured: pass --region <region> or set AWS_REGION (or set a region in the AWS profile)']);
    expect(sm).not.toHaveReceivedAnyCommand();
  });
});
