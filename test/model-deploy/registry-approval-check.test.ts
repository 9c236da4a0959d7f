/**
 * The Prod stage's CheckRegistryApproval action: the function's code, run as the Lambda runtime runs it for a
 * CodePipeline job against a fake SageMaker and CodePipeline (each request checked against the service's API
 * model), and the action and role the pipeline stack deploys. AWS CodePipeline User Guide, "AWS Lambda invoke
 * action reference" (the function must call PutJobSuccessResult or PutJobFailureResult, else the action runs until
 * it times out; the event's artifactCredentials must not be logged); CodePipeline API Reference, FailureDetails
 * (message 1-5000 characters) and ExecutionDetails (summary 1-2048); SageMaker API Reference,
 * DescribeModelPackage (ModelApprovalStatus: Approved, Rejected, PendingManualApproval).
 */
import { Template } from 'aws-cdk-lib/assertions';
import { RELEASE_PIPELINE } from '../../src/app-context/resource-names';
import {
  JOB_FAILURE_MESSAGE_MAX, REGISTRY_CHECK_ANSWER_MARGIN_MS, REGISTRY_CHECK_GROUP_VARIABLE, REGISTRY_CHECK_HANDLER_CODE, REGISTRY_CHECK_SHADOW_VARIABLE,
} from '../../src/model-deploy/registry-approval-check-handler';
import { REGISTRY_CHECK_TIMEOUT } from '../../src/model-deploy/registry-approval-check';
import { checkRequest, serviceModel } from '../helpers/api-model';
import { Environment, allows, roleStatements } from '../helpers/iam-policy';
import { loadInlineHandler } from '../helpers/inline-handler';
import { synthValidated } from '../helpers/validated-synth';
import { app } from './fixtures';

const GROUP = 'player-churn';
const ARN = 'arn:aws:sagemaker:us-east-1:111111111111:model-package/player-churn/7';
const SECRET = 'secret-access-key-of-the-artifact-credentials';

/** Every request the function sent in this file's scenarios (the role test holds them against the role). */
const everyCall: Array<{ readonly name: string; readonly input: any }> = [];

/** What DescribeModelPackage answers: a version, an error to throw, or a promise that never settles. */
type Registry = Record<string, unknown> | Error | 'hang';

/** A SageMaker whose registry answers `registry`, and a CodePipeline that records the job results (and throws `answerError` for them). */
function fakeAccount(registry: Registry, answerError?: Error) {
  const results: Array<{ name: string; input: any }> = [];
  const command = (name: string) => class {
    readonly name = name;
    constructor(public readonly input: any) {}
  };
  const client = (service: string) => class {
    async send(c: { name: string; input: any }) {
      expect(checkRequest(serviceModel(service), c.name, c.input).problems).toEqual([]);
      everyCall.push({ name: c.name, input: c.input });
      if (c.name === 'DescribeModelPackage') {
        if (registry === 'hang') {
          return new Promise(() => undefined);
        }
        if (registry instanceof Error) {
          throw registry;
        }
        return registry;
      }
      results.push(c);
      if (answerError) {
        throw answerError;
      }
      return {};
    }
  };
  const modules = {
    '@aws-sdk/client-sagemaker': { SageMakerClient: client('sagemaker'), DescribeModelPackageCommand: command('DescribeModelPackage') },
    '@aws-sdk/client-codepipeline': {
      CodePipelineClient: client('codepipeline'),
      PutJobSuccessResultCommand: command('PutJobSuccessResult'),
      PutJobFailureResultCommand: command('PutJobFailureResult'),
    },
  };
  return { modules, results };
}

/** A CodePipeline job of the action, as the Lambda invoke action sends it (its artifact credentials included). */
const jobEvent = (userParameters: string | null = ARN) => ({
  'CodePipeline.job': {
    id: '11111111-abcd-1111-abcd-111111abcdef',
    accountId: '111111111111',
    data: {
      actionConfiguration: { configuration: { FunctionName: 'check', ...(userParameters === null ? {} : { UserParameters: userParameters }) } },
      inputArtifacts: [],
      outputArtifacts: [],
      artifactCredentials: { secretAccessKey: SECRET, sessionToken: 'token', accessKeyId: 'AKIAIOSFODNN7EXAMPLE' },
    },
  },
});

const version = (status: string, extra: Record<string, unknown> = {}) => ({
  ModelPackageGroupName: GROUP, ModelPackageVersion: 7, ModelPackageArn: ARN, ModelPackageStatus: 'Completed',
  CreationTime: new Date('2026-12-01T10:00:00Z'), LastModifiedTime: new Date('2026-12-07T09:30:00Z'), ModelApprovalStatus: status, ...extra,
});

interface InvokeOptions {
  readonly remainingMs?: number;
  /** The shadow stage the function's environment names. */
  readonly shadowStage?: string;
  /** What CodePipeline answers the job result with, when it refuses it. */
  readonly answerError?: Error;
}

async function invoke(registry: Registry, event: unknown = jobEvent(), options: InvokeOptions = {}) {
  const { remainingMs = REGISTRY_CHECK_TIMEOUT.toMilliseconds(), shadowStage, answerError } = options;
  const account = fakeAccount(registry, answerError);
  const previous = process.env[REGISTRY_CHECK_GROUP_VARIABLE];
  const previousShadow = process.env[REGISTRY_CHECK_SHADOW_VARIABLE];
  process.env[REGISTRY_CHECK_GROUP_VARIABLE] = GROUP;
  if (shadowStage === undefined) {
    delete process.env[REGISTRY_CHECK_SHADOW_VARIABLE];
  } else {
    process.env[REGISTRY_CHECK_SHADOW_VARIABLE] = shadowStage;
  }
  const deadline = Date.now() + remainingMs;
  const logged: string[] = [];
  jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    logged.push(args.map(String).join(' '));
  });
  try {
    const { handler } = loadInlineHandler(REGISTRY_CHECK_HANDLER_CODE, account.modules);
    const error = await handler(event as Record<string, unknown>, { logStreamName: 'stream', getRemainingTimeInMillis: () => deadline - Date.now() })
      .then(() => undefined, (err: Error) => err);
    return { ...account, error, logged };
  } finally {
    jest.restoreAllMocks();
    for (const [name, value] of [[REGISTRY_CHECK_GROUP_VARIABLE, previous], [REGISTRY_CHECK_SHADOW_VARIABLE, previousShadow]] as const) {
      if (value === undefined) {
        delete process.env[name];
      } else {
        process.env[name] = value;
      }
    }
  }
}

/** The one job result the function reported: `success` with its summary, or `failure` with its message. */
function outcome(results: Array<{ name: string; input: any }>): { result: 'success' | 'failure'; text: string } {
  expect(results).toHaveLength(1);
  const [only] = results;
  expect(only.input.jobId).toBe('11111111-abcd-1111-abcd-111111abcdef');
  if (only.name === 'PutJobSuccessResult') {
    return { result: 'success', text: only.input.executionDetails.summary };
  }
  expect(only.input.failureDetails.type).toBe('JobFailed');
  return { result: 'failure', text: only.input.failureDetails.message };
}

describe('the registry check before the production deploy', () => {
  test('a version still Approved passes', async () => {
    const { results, error, logged } = await invoke(version('Approved'));
    expect(error).toBeUndefined();
    expect(outcome(results)).toEqual({ result: 'success', text: 'version 7 of player-churn is Approved in the model registry: the release may deploy' });
    expect(everyCall.at(-2)).toEqual({ name: 'DescribeModelPackage', input: { ModelPackageName: ARN } });
    expect(logged.join('\n')).not.toContain(SECRET);
  });

  test('a version rejected while its release waited fails the action, with the reason and what comes next', async () => {
    const { results, error, logged } = await invoke(version('Rejected', { ApprovalDescription: 'drifts on the new cohort' }));
    expect(error).toBeUndefined();
    const { result, text } = outcome(results);
    expect(result).toBe('failure');
    expect(text).toBe('version 7 of player-churn is Rejected in the model registry ("drifts on the new cohort") (the version was last modified 2026-12-07T09:30:00.000Z), '
      + 'no longer Approved: this run does not deploy it to production, which keeps serving what it serves. The rejection started a release of the newest '
      + 'approved version, which comes up for approval after this run. sagemaker-gitops approve-release refuses such a release before it is approved; the CodePipeline console does not');
    // Nothing of the event in the log, which would hold the artifact credentials ("AWS Lambda invoke action reference").
    expect(logged).toEqual([`failed: ${text}`]);
  });

  // The shadow phase (README, "Shadow releases") deployed the candidate as production's shadow variant before the approval,
  // and its CheckReleaseOrder fails while an older run holds Prod: the message says both.
  test('with a shadow phase, a rejected version\'s failure says the shadow variant stays and how the next release gets through', async () => {
    const { text } = outcome((await invoke(version('Rejected'), jobEvent(), { shadowStage: 'ProdShadow' })).results);
    expect(text).toContain('The rejection started a release of the newest approved version, which comes up for approval after this run. The ProdShadow stage of this run '
      + 'put the version into the production endpoint as its shadow variant, which receives a copy of every request, answers none, and keeps running (and costing) '
      + 'until the next release; if that release stopped at CheckReleaseOrder while this run held the Prod stage, start the pipeline again (Release change). sagemaker-gitops approve-release');
  });

  // "Invoking a Lambda function asynchronously" (Lambda Developer Guide): an event may be delivered more than once; CodePipeline
  // refuses a second result for a job (PutJobSuccessResult, API Reference: InvalidJobStateException).
  test('a job answered already by an earlier delivery of the event ends the invocation quietly; another refusal fails it', async () => {
    const answered = Object.assign(new Error('The job is in an invalid state'), { name: 'InvalidJobStateException' });
    const again = await invoke(version('Approved'), jobEvent(), { answerError: answered });
    expect(again.error).toBeUndefined();
    expect(again.logged).toEqual(['the job was answered already (InvalidJobStateException: The job is in an invalid state): nothing to do']);
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    expect((await invoke(version('Approved'), jobEvent(), { answerError: throttled })).error).toBe(throttled);
  });

  test('a version set back to PendingManualApproval fails it: its status change starts no release, approving again does', async () => {
    const { text } = outcome((await invoke(version('PendingManualApproval'))).results);
    expect(text).toMatch(/^version 7 of player-churn is PendingManualApproval in the model registry \(the version was last modified 2026-12-07T09:30:00.000Z\), no longer Approved: /);
    expect(text).toContain('Its status change starts no release: approving it again (sagemaker-gitops approve-model) starts one');
  });

  test('a deleted version, or a registry the role may not read, fails it naming SageMaker\'s error; production is not changed', async () => {
    const missing = Object.assign(new Error('ModelPackage arn:aws:sagemaker:us-east-1:111111111111:model-package/player-churn/7 does not exist.'), { name: 'ValidationException' });
    const { text, result } = outcome((await invoke(missing)).results);
    expect(result).toBe('failure');
    expect(text).toBe('the release could not be checked against the model registry: ValidationException: ModelPackage '
      + 'arn:aws:sagemaker:us-east-1:111111111111:model-package/player-churn/7 does not exist.. Production was not changed; retry the stage\'s failed actions once this is fixed');
  });

  test('a registry that does not answer fails the job before the invocation ends, never leaving the action to time out', async () => {
    const started = Date.now();
    const { results, error } = await invoke('hang', jobEvent(), { remainingMs: REGISTRY_CHECK_ANSWER_MARGIN_MS + 300 });
    expect(error).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(REGISTRY_CHECK_ANSWER_MARGIN_MS);
    expect(outcome(results).text).toMatch(/^the release could not be checked against the model registry: Timeout: the model registry did not answer DescribeModelPackage within 0 s\./);
  });

  test.each([
    ['no UserParameters', null, 'the action names no model package version (its UserParameters is "", not '],
    ['a variable CodePipeline left unresolved', '#{Staging@TestStaging.MODEL_PACKAGE_ARN}', 'the action names no model package version (its UserParameters is "#{Staging@TestStaging.MODEL_PACKAGE_ARN}"'],
    ['a group\'s ARN, no version', 'arn:aws:sagemaker:us-east-1:111111111111:model-package-group/player-churn', 'the action names no model package version'],
    ['a version of another group', 'arn:aws:sagemaker:us-east-1:111111111111:model-package/other-model/3',
      'the release names arn:aws:sagemaker:us-east-1:111111111111:model-package/other-model/3, a version of other-model, not of the project\'s model package group player-churn'],
  ])('%s fails it without asking the registry', async (_, parameters, message) => {
    const before = everyCall.filter((c) => c.name === 'DescribeModelPackage').length;
    const { results } = await invoke(version('Approved'), jobEvent(parameters));
    expect(outcome(results)).toEqual({ result: 'failure', text: expect.stringContaining(message) });
    expect(everyCall.filter((c) => c.name === 'DescribeModelPackage')).toHaveLength(before);
  });

  test('the group is matched as SageMaker writes ARNs, in lower case', async () => {
    const { results } = await invoke(version('Approved'), jobEvent(ARN.replace(GROUP, GROUP.toUpperCase())));
    expect(outcome(results).result).toBe('success');
  });

  test('a failure message longer than CodePipeline takes is cut to its 5,000 characters', async () => {
    const { results } = await invoke(version('Rejected', { ApprovalDescription: 'x'.repeat(6000) }));
    expect(outcome(results).text).toHaveLength(JOB_FAILURE_MESSAGE_MAX);
  });

  test('an event that is no CodePipeline job fails the invocation, answering nothing', async () => {
    const { results, error } = await invoke(version('Approved'), { detail: {} });
    expect(results).toEqual([]);
    expect(error?.message).toBe('the event is no CodePipeline job (it has no CodePipeline.job.id)');
  });
});

describe('the action in the model-deploy pipeline', () => {
  const template: Template = synthValidated(app())['player-churn-model-deploy-pipeline'];
  const resources = template.toJSON().Resources;
  const [pipeline] = Object.values<any>(template.findResources('AWS::CodePipeline::Pipeline'));
  const prod = pipeline.Properties.Stages.find((s: any) => s.Name === RELEASE_PIPELINE.prodStage).Actions;
  const check = prod.find((a: any) => a.Name === RELEASE_PIPELINE.registryCheckAction);
  const functionId: string = check.Configuration.FunctionName.Ref;

  test('runs after the approval and before the production deploy, on the release\'s ARN as the staging check exports it', () => {
    const order = (name: string) => prod.find((a: any) => a.Name === name).RunOrder;
    expect(check.ActionTypeId).toEqual({ Category: 'Invoke', Owner: 'AWS', Provider: 'Lambda', Version: '1' });
    expect(order(RELEASE_PIPELINE.approvalAction)).toBeLessThan(check.RunOrder);
    expect(check.RunOrder).toBeLessThan(order('player-churn-prod-endpoint.Deploy'));
    expect(check.Configuration.UserParameters).toBe('#{Staging@TestStaging.MODEL_PACKAGE_ARN}');
    expect(resources[functionId].Properties).toMatchObject({
      Runtime: 'nodejs24.x', Timeout: REGISTRY_CHECK_TIMEOUT.toSeconds(), Environment: { Variables: { [REGISTRY_CHECK_GROUP_VARIABLE]: GROUP } },
    });
  });

  test('its function may make every request the scenarios above made, on this group\'s versions only, and nothing else', () => {
    const env: Environment = { account: '111111111111', region: 'us-east-1' };
    const role: string = resources[functionId].Properties.Role['Fn::GetAtt'][0];
    const statements = roleStatements(template, role);
    const requests = everyCall.map(({ name, input }): [string, string] => {
      switch (name) {
        case 'DescribeModelPackage': return ['sagemaker:DescribeModelPackage', input.ModelPackageName.toLowerCase()];
        // Service Authorization Reference: PutJobSuccessResult and PutJobFailureResult have no resource type.
        case 'PutJobSuccessResult': return ['codepipeline:PutJobSuccessResult', '*'];
        case 'PutJobFailureResult': return ['codepipeline:PutJobFailureResult', '*'];
        default: throw new Error(`no IAM action known for ${name}: add its row (Service Authorization Reference) to this test`);
      }
    });
    expect(new Set(everyCall.map((c) => c.name))).toEqual(new Set(['DescribeModelPackage', 'PutJobSuccessResult', 'PutJobFailureResult']));
    expect(requests.filter(([action, resource]) => !allows(statements, action, resource, env))).toEqual([]);
    expect(allows(statements, 'sagemaker:DescribeModelPackage', 'arn:aws:sagemaker:us-east-1:111111111111:model-package/other-model/3', env)).toBe(false);
    expect(allows(statements, 'sagemaker:UpdateModelPackage', ARN, env)).toBe(false);
    const actions = new Set(statements.flatMap((s: any) => [s.Action].flat()));
    expect(actions).toEqual(new Set(['logs:CreateLogStream', 'logs:PutLogEvents', 'sagemaker:DescribeModelPackage', 'codepipeline:PutJobSuccessResult', 'codepipeline:PutJobFailureResult']));
  });
});
