import { AUTHORIZATION_ANSWER_MARGIN_MS, AUTHORIZATION_RETRY_DELAYS_MS } from '../../src/constructs/authorization-retry-code';
import { RECONCILE_TIMEOUT } from '../../src/model-deploy/endpoint-autoscaling';
import { ENDPOINT_POLL_MS, SCALABLE_TARGET_HANDLER_CODE } from '../../src/model-deploy/scalable-target-handler';
import { checkRequest, serviceModel } from '../helpers/api-model';
import { Environment, allows, roleStatements } from '../helpers/iam-policy';
import { synthValidated } from '../helpers/validated-synth';
import { app } from './fixtures';
import { InlineHandler, SentResponse, loadInlineHandler, sendRequest } from '../helpers/inline-handler';

/**
 * The function behind ScalableTargetBeforeUpdate and ScalableTargetAfterUpdate, run against a fake
 * account that keeps one endpoint's instance type and its variant's scalable target, and refuses what
 * SageMaker refuses (Developer Guide, "Update endpoints that use auto scaling": an update that changes
 * the instance type of a variant registered as a scalable target fails). The scenarios follow the order
 * CloudFormation runs the resources in, forward and rolled back (CloudFormation User Guide, "Custom
 * resource request types": a rollback sends Update with the old properties).
 */

const RESOURCE_ID = 'endpoint/player-churn-prod/variant/AllTraffic';

/** Every request the function sent, in every scenario of this file (the last test holds them against the function's role). */
const everyCall: Array<{ readonly name: string; readonly input: any }> = [];

/** The name of the endpoint configuration of an instance type: a name SageMaker accepts (letters, digits and hyphens). */
const configName = (instanceType: string | undefined) => `config-${String(instanceType).replace(/[^a-zA-Z0-9]/g, '-')}`;

class FakeAccount {
  endpointType?: string;
  /** The endpoint's status at each DescribeEndpoint, the last one for good (an autoscaling activity: Updating, then InService). */
  statuses: string[] = ['InService'];
  /** The endpoint configuration the endpoint runs was deleted. */
  configGone = false;
  target?: { min: number; max: number };
  policy?: Record<string, unknown>;
  readonly calls: string[] = [];
  failWith?: Error;
  /** How many calls IAM still denies, as it does until a new policy reaches every endpoint. */
  deniedCalls = 0;
  /** One call that fails once with `error`. */
  failOnce?: { call: string; error: Error };
  /** Run at each call, after it is recorded. */
  onCall?: () => void;

  /** The endpoint's update, as SageMaker allows it. */
  updateEndpoint(instanceType: string): void {
    if (this.statuses[0] !== 'InService') {
      throw new Error(`Cannot update in-progress endpoint: it is ${this.statuses[0]}`);
    }
    if (this.target && this.endpointType !== instanceType) {
      throw new Error(`UpdateEndpoint to ${instanceType} refused: the variant is registered as a scalable target`);
    }
    this.endpointType = instanceType;
  }

  modules(): Record<string, unknown> {
    const account = this;
    const command = (name: string) => class {
      readonly name = name;
      constructor(public readonly input: any) {}
    };
    const sm = { DescribeEndpointCommand: command('DescribeEndpoint'), DescribeEndpointConfigCommand: command('DescribeEndpointConfig') };
    const aas = {
      DeregisterScalableTargetCommand: command('DeregisterScalableTarget'),
      RegisterScalableTargetCommand: command('RegisterScalableTarget'),
      PutScalingPolicyCommand: command('PutScalingPolicy'),
    };
    // Each request is one the service accepts (its API model: API Reference, RegisterScalableTarget,
    // PutScalingPolicy, ...; test/helpers/api-model.ts).
    const client = (service: string) => class {
      async send(c: { name: string; input: any }) {
        expect(checkRequest(serviceModel(service), c.name, c.input).problems).toEqual([]);
        account.calls.push(c.name);
        everyCall.push({ name: c.name, input: c.input });
        account.onCall?.();
        if (account.failOnce?.call === c.name) {
          const { error } = account.failOnce;
          account.failOnce = undefined;
          throw error;
        }
        if (account.deniedCalls > 0) {
          account.deniedCalls -= 1;
          throw Object.assign(new Error(`User is not authorized to perform: ${c.name}`), { name: 'AccessDeniedException' });
        }
        if (account.failWith) {
          throw account.failWith;
        }
        return account.answer(c.name, c.input);
      }
    };
    return {
      '@aws-sdk/client-sagemaker': { ...sm, SageMakerClient: client('sagemaker') },
      '@aws-sdk/client-application-auto-scaling': { ...aas, ApplicationAutoScalingClient: client('application-autoscaling') },
    };
  }

  private answer(name: string, input: any): unknown {
    const error = (errorName: string, message: string) => Object.assign(new Error(message), { name: errorName });
    switch (name) {
      case 'DescribeEndpoint':
        if (this.endpointType === undefined) {
          throw error('ValidationException', `Could not find endpoint "${input.EndpointName}".`);
        }
        return { EndpointName: input.EndpointName, EndpointConfigName: configName(this.endpointType), EndpointStatus: this.statuses.length > 1 ? this.statuses.shift() : this.statuses[0] };
      case 'DescribeEndpointConfig':
        expect(input.EndpointConfigName).toBe(configName(this.endpointType));
        if (this.configGone) {
          throw error('ValidationException', `Could not find endpoint configuration "${input.EndpointConfigName}".`);
        }
        return { ProductionVariants: [{ VariantName: 'AllTraffic', InstanceType: this.endpointType, InitialInstanceCount: 1 }] };
      case 'DeregisterScalableTarget':
        expect(input).toEqual({ ServiceNamespace: 'sagemaker', ResourceId: RESOURCE_ID, ScalableDimension: 'sagemaker:variant:DesiredInstanceCount' });
        if (!this.target) {
          throw error('ObjectNotFoundException', 'No scalable target registered');
        }
        this.target = undefined;
        this.policy = undefined;
        return {};
      case 'RegisterScalableTarget':
        this.target = { min: input.MinCapacity, max: input.MaxCapacity };
        return {};
      case 'PutScalingPolicy':
        if (!this.target) {
          throw error('ObjectNotFoundException', 'No scalable target registered');
        }
        this.policy = input;
        return {};
      default:
        throw new Error(`unexpected call ${name}`);
    }
  }
}

/** The properties the template gives both resources (CloudFormation passes numbers and booleans as strings). */
const properties = (instanceType: string, scaling: { targetValue?: number; max?: number } | false = {}) => ({
  ServiceToken: 'arn:aws:lambda:us-east-1:111111111111:function:reconcile',
  EndpointName: 'player-churn-prod', VariantName: 'AllTraffic', InstanceType: instanceType,
  ...(scaling === false ? { Autoscaling: 'false' } : {
    Autoscaling: 'true', MinCapacity: '1', MaxCapacity: String(scaling.max ?? 4), PolicyName: 'player-churn-prod-invocations-per-instance',
    TargetValue: String(scaling.targetValue ?? 200), ScaleInCooldown: '300', ScaleOutCooldown: '60',
  }),
});

let account: FakeAccount;
let handler: InlineHandler;
let sent: SentResponse[];

/** The time an invocation has: the function's timeout (src/model-deploy/endpoint-autoscaling.ts), unless a test says less. */
let invocationMs = RECONCILE_TIMEOUT.toMilliseconds();

/**
 * Sends one request to the function as the before-update resource (which waits for the endpoint) or the after-update
 * one, and returns its answer to CloudFormation.
 */
function request(
  requestType: 'Create' | 'Update' | 'Delete', instanceType: string, scaling: Parameters<typeof properties>[1] = {}, side: 'before' | 'after' = 'before',
  nextConfig = 'config-of-the-release',
): Promise<Record<string, any>> {
  return sendRequest(handler, sent, {
    requestType,
    stackId: 'arn:aws:cloudformation:us-east-1:111111111111:stack/player-churn-prod-endpoint/abc',
    logicalResourceId: side === 'before' ? 'ScalableTargetBeforeUpdate' : 'ScalableTargetAfterUpdate',
    physicalResourceId: requestType === 'Create' ? undefined : RESOURCE_ID,
    resourceProperties: { ...properties(instanceType, scaling), ...(side === 'before' ? { WaitForEndpoint: 'true', NextEndpointConfigName: nextConfig } : {}) },
  }, invocationMs);
}

beforeEach(() => {
  invocationMs = RECONCILE_TIMEOUT.toMilliseconds();
  account = new FakeAccount();
  ({ handler, sent } = loadInlineHandler(SCALABLE_TARGET_HANDLER_CODE, account.modules()));
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => jest.restoreAllMocks());

/** A deployed production endpoint on ml.m5.large, registered as the function left it. */
function deployed(): void {
  account.endpointType = 'ml.m5.large';
  account.target = { min: 1, max: 4 };
  account.policy = { PolicyName: 'player-churn-prod-invocations-per-instance' };
}

describe('the scalable-target function', () => {
  test('first create: before the endpoint exists it does nothing; after, it registers the target and its policy', async () => {
    expect(await request('Create', 'ml.m5.large')).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: RESOURCE_ID });
    expect(account.calls).toEqual(['DescribeEndpoint']);
    account.endpointType = 'ml.m5.large';
    expect(await request('Create', 'ml.m5.large')).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: RESOURCE_ID });
    expect(account.target).toEqual({ min: 1, max: 4 });
    expect(account.policy).toMatchObject({
      ServiceNamespace: 'sagemaker', ResourceId: RESOURCE_ID, PolicyName: 'player-churn-prod-invocations-per-instance', PolicyType: 'TargetTrackingScaling',
      TargetTrackingScalingPolicyConfiguration: { TargetValue: 200, PredefinedMetricSpecification: { PredefinedMetricType: 'SageMakerVariantInvocationsPerInstance' }, ScaleInCooldown: 300, ScaleOutCooldown: 60 },
    });
  });

  test('an instance-type change: deregistered before the endpoint update, which SageMaker then allows; registered again after', async () => {
    deployed();
    expect(() => account.updateEndpoint('ml.c5.xlarge')).toThrow(/registered as a scalable target/);
    expect((await request('Update', 'ml.c5.xlarge')).Status).toBe('SUCCESS');
    expect(account.target).toBeUndefined();
    account.updateEndpoint('ml.c5.xlarge');
    expect((await request('Update', 'ml.c5.xlarge')).Status).toBe('SUCCESS');
    expect(account.target).toEqual({ min: 1, max: 4 });
    expect(account.policy).toBeDefined();
  });

  test('the endpoint update fails: the rollback of the before resource registers the target again', async () => {
    deployed();
    await request('Update', 'ml.c5.xlarge');
    expect(account.target).toBeUndefined();
    // The endpoint's blue/green update rolls back: it runs ml.m5.large again. Then CloudFormation rolls the
    // before resource back (an Update with the old properties).
    expect((await request('Update', 'ml.m5.large')).Status).toBe('SUCCESS');
    expect(account.target).toEqual({ min: 1, max: 4 });
    expect(account.policy).toBeDefined();
  });

  test('a later resource fails: the after resource\'s rollback deregisters, so the endpoint can roll back; the before\'s registers', async () => {
    deployed();
    await request('Update', 'ml.c5.xlarge');
    account.updateEndpoint('ml.c5.xlarge');
    await request('Update', 'ml.c5.xlarge');
    expect(account.target).toBeDefined();
    // Rollback, in reverse order: after (old properties), the endpoint, before (old properties).
    await request('Update', 'ml.m5.large');
    expect(account.target).toBeUndefined();
    account.updateEndpoint('ml.m5.large');
    await request('Update', 'ml.m5.large');
    expect(account.target).toEqual({ min: 1, max: 4 });
    expect(account.endpointType).toBe('ml.m5.large');
  });

  // Application Auto Scaling API Reference, PutScalingPolicy: "You cannot create a scaling policy until you have registered
  // the resource as a scalable target"; DeregisterScalableTarget deletes the target's policies. So the new values of a
  // release that also changes the instance type are registered after the endpoint update, by the function itself.
  test('an instance-type change with a new target value and limits: the after side registers the new values', async () => {
    deployed();
    const scaling = { targetValue: 500, max: 6 };
    await request('Update', 'ml.c5.xlarge', scaling);
    expect(account.target).toBeUndefined();
    account.updateEndpoint('ml.c5.xlarge');
    expect((await request('Update', 'ml.c5.xlarge', scaling)).Status).toBe('SUCCESS');
    expect(account.target).toEqual({ min: 1, max: 6 });
    expect(account.policy).toMatchObject({ TargetTrackingScalingPolicyConfiguration: { TargetValue: 500 } });
  });

  test('new limits or target value on the same instance type: both sides register them; the endpoint update is allowed', async () => {
    deployed();
    await request('Update', 'ml.m5.large', { targetValue: 300, max: 8 });
    expect(account.target).toEqual({ min: 1, max: 8 });
    expect(account.policy).toMatchObject({ TargetTrackingScalingPolicyConfiguration: { TargetValue: 300 } });
    expect(() => account.updateEndpoint('ml.m5.large')).not.toThrow();
  });

  test('autoscaling turned on for a running endpoint: registered on create, before the endpoint update', async () => {
    account.endpointType = 'ml.m5.large';
    expect((await request('Create', 'ml.m5.large')).Status).toBe('SUCCESS');
    expect(account.target).toEqual({ min: 1, max: 4 });
    expect(account.policy).toBeDefined();
  });

  // SageMaker Developer Guide, "Update endpoints that use auto scaling": removing autoscaling in the release that changes
  // the instance type still needs the variant deregistered before UpdateEndpoint.
  test('autoscaling turned off: deregistered before the endpoint update, which may then change the instance type; the rollback registers again', async () => {
    deployed();
    expect((await request('Update', 'ml.c5.xlarge', false)).Status).toBe('SUCCESS');
    expect(account.target).toBeUndefined();
    expect(account.policy).toBeUndefined();
    expect(() => account.updateEndpoint('ml.c5.xlarge')).not.toThrow();
    expect((await request('Update', 'ml.c5.xlarge', false)).Status).toBe('SUCCESS');
    expect(account.target).toBeUndefined();
    // The release fails later: after (old properties) deregisters, the endpoint returns to ml.m5.large, before registers.
    await request('Update', 'ml.m5.large');
    account.updateEndpoint('ml.m5.large');
    await request('Update', 'ml.m5.large');
    expect(account.target).toEqual({ min: 1, max: 4 });
  });

  test('autoscaling turned off on the same instance type: deregistered, so the endpoint stops scaling', async () => {
    deployed();
    expect((await request('Update', 'ml.m5.large', false)).Status).toBe('SUCCESS');
    expect(account.target).toBeUndefined();
  });

  test('an endpoint without autoscaling, never registered: nothing to deregister is fine', async () => {
    account.endpointType = 'ml.m5.large';
    expect((await request('Create', 'ml.m5.large', false)).Status).toBe('SUCCESS');
    expect(account.calls).toEqual(['DescribeEndpoint', 'DescribeEndpointConfig', 'DeregisterScalableTarget']);
    expect(account.target).toBeUndefined();
  });

  // "Delete endpoints configured for auto scaling": deleting an endpoint deregisters its variants, so Delete leaves the
  // registration to the endpoint (a retained production endpoint keeps scaling after its stack is deleted).
  test('a target already deregistered is fine; Delete calls nothing and keeps the id', async () => {
    account.endpointType = 'ml.m5.large';
    expect((await request('Update', 'ml.c5.xlarge')).Status).toBe('SUCCESS');
    account.calls.length = 0;
    expect(await request('Delete', 'ml.c5.xlarge')).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: RESOURCE_ID });
    expect(account.calls).toEqual([]);
  });

  // SageMaker API Reference, UpdateEndpointWeightsAndCapacities ("sets the endpoint status to Updating"), which Application
  // Auto Scaling calls to scale; SageMaker refuses UpdateEndpoint meanwhile ("Cannot update in-progress endpoint").
  test('before the endpoint update, an autoscaling activity in progress is waited out; after it, nothing is waited for', async () => {
    deployed();
    account.statuses = ['Updating', 'Updating', 'InService'];
    expect(() => account.updateEndpoint('ml.m5.large')).toThrow(/in-progress/);
    jest.useFakeTimers();
    try {
      const answer = request('Update', 'ml.m5.large');
      await jest.advanceTimersByTimeAsync(2 * ENDPOINT_POLL_MS);
      expect(await answer).toMatchObject({ Status: 'SUCCESS' });
    } finally {
      jest.useRealTimers();
    }
    expect(account.calls.slice(0, 4)).toEqual(['DescribeEndpoint', 'DescribeEndpoint', 'DescribeEndpoint', 'DescribeEndpointConfig']);
    expect(() => account.updateEndpoint('ml.m5.large')).not.toThrow();
    account.statuses = ['Updating'];
    account.calls.length = 0;
    expect((await request('Update', 'ml.m5.large', {}, 'after')).Status).toBe('SUCCESS');
    expect(account.calls).toEqual(['DescribeEndpoint', 'DescribeEndpointConfig', 'RegisterScalableTarget', 'PutScalingPolicy']);
  });

  // CloudFormation User Guide, "Custom resources": a rollback sends Update with the old properties, whose configuration the
  // endpoint runs (again, or still: the update never started). No UpdateEndpoint follows, so nothing is waited for: a wait
  // past the deadline would fail the rollback (UPDATE_ROLLBACK_FAILED).
  test('a rollback\'s Update of the before side waits for nothing: the endpoint already runs the configuration it names', async () => {
    deployed();
    account.statuses = ['Updating'];
    expect(await request('Update', 'ml.m5.large', {}, 'before', configName('ml.m5.large'))).toMatchObject({ Status: 'SUCCESS' });
    expect(account.calls).toEqual(['DescribeEndpoint', 'DescribeEndpointConfig', 'RegisterScalableTarget', 'PutScalingPolicy']);
  });

  test('an endpoint still in progress at the function\'s deadline fails the before side, saying why and what to do', async () => {
    deployed();
    account.statuses = ['Updating'];
    // An invocation with 110 s left for the calls once the time kept to answer CloudFormation is set aside.
    invocationMs = 110_000 + AUTHORIZATION_ANSWER_MARGIN_MS;
    jest.useFakeTimers();
    try {
      const answer = request('Update', 'ml.m5.large');
      await jest.advanceTimersByTimeAsync(invocationMs);
      expect(await answer).toMatchObject({
        Status: 'FAILED',
        Reason: 'EndpointInProgress: the endpoint player-churn-prod is still Updating (a scaling activity or another update), and SageMaker refuses to update an endpoint in progress: deploy again once it is InService',
      });
    } finally {
      jest.useRealTimers();
    }
    // Polls every 20 s while a next poll ends within those 110 s.
    expect(account.calls).toEqual(Array(6).fill('DescribeEndpoint'));
  });

  // SageMaker API Reference, DescribeEndpointConfig: a configuration deleted while the endpoint still runs it (the
  // endpoint keeps running) answers "Could not find endpoint configuration".
  test('the configuration the endpoint runs is gone: its instance type is unknown, so the target is deregistered, and registered after', async () => {
    deployed();
    account.configGone = true;
    expect(await request('Update', 'ml.m5.large')).toMatchObject({ Status: 'SUCCESS' });
    expect(account.target).toBeUndefined();
    account.configGone = false;
    account.updateEndpoint('ml.m5.large');
    expect((await request('Update', 'ml.m5.large', {}, 'after')).Status).toBe('SUCCESS');
    expect(account.target).toEqual({ min: 1, max: 4 });
  });

  test('an AWS error fails the resource with its name and message, at once', async () => {
    deployed();
    account.failWith = Object.assign(new Error('Endpoint player-churn-prod is in Updating state'), { name: 'ValidationException' });
    expect(await request('Update', 'ml.c5.xlarge')).toMatchObject({
      Status: 'FAILED', Reason: 'ValidationException: Endpoint player-churn-prod is in Updating state', PhysicalResourceId: RESOURCE_ID,
    });
    expect(account.calls).toEqual(['DescribeEndpoint']);
  });

  // IAM User Guide, "Troubleshoot IAM" ("Changes that I make are not always immediately visible"): on the first create,
  // CloudFormation runs the after-update resource right after the role's policy exists.
  test('calls IAM denies while the role\'s policy propagates are made again; the registration completes', async () => {
    account.endpointType = 'ml.m5.large';
    account.deniedCalls = 2;
    jest.useFakeTimers();
    try {
      const answer = request('Create', 'ml.m5.large');
      await jest.advanceTimersByTimeAsync(AUTHORIZATION_RETRY_DELAYS_MS[0] + AUTHORIZATION_RETRY_DELAYS_MS[1]);
      expect(await answer).toMatchObject({ Status: 'SUCCESS' });
    } finally {
      jest.useRealTimers();
    }
    expect(account.calls).toEqual(['DescribeEndpoint', 'DescribeEndpoint', 'DescribeEndpoint', 'DescribeEndpointConfig', 'RegisterScalableTarget', 'PutScalingPolicy']);
    expect(account.target).toEqual({ min: 1, max: 4 });
  });

  // Application Auto Scaling User Guide, "Permissions validation for Application Auto Scaling API calls on target
  // resources": RegisterScalableTarget checks the caller's SageMaker permissions and answers a missing one with a
  // ValidationException listing it.
  test('Application Auto Scaling\'s check of the caller\'s permissions is waited out too', async () => {
    account.endpointType = 'ml.m5.large';
    account.failOnce = { call: 'RegisterScalableTarget', error: Object.assign(new Error('User is missing the following permissions: sagemaker:UpdateEndpointWeightsAndCapacities'), { name: 'ValidationException' }) };
    jest.useFakeTimers();
    try {
      const answer = request('Create', 'ml.m5.large');
      await jest.advanceTimersByTimeAsync(AUTHORIZATION_RETRY_DELAYS_MS[0]);
      expect(await answer).toMatchObject({ Status: 'SUCCESS' });
    } finally {
      jest.useRealTimers();
    }
    expect(account.calls).toEqual(['DescribeEndpoint', 'DescribeEndpointConfig', 'RegisterScalableTarget', 'RegisterScalableTarget', 'PutScalingPolicy']);
  });

  // Application Auto Scaling API Reference, PutScalingPolicy (Errors): ConcurrentUpdateException, "if you request an update
  // to an Application Auto Scaling resource that already has a pending update".
  test('a call that meets a pending update of the target is made again', async () => {
    account.endpointType = 'ml.m5.large';
    account.failOnce = { call: 'PutScalingPolicy', error: Object.assign(new Error('Concurrent updates are not allowed'), { name: 'ConcurrentUpdateException' }) };
    jest.useFakeTimers();
    try {
      const answer = request('Create', 'ml.m5.large', {}, 'after');
      await jest.advanceTimersByTimeAsync(AUTHORIZATION_RETRY_DELAYS_MS[0]);
      expect(await answer).toMatchObject({ Status: 'SUCCESS' });
    } finally {
      jest.useRealTimers();
    }
    expect(account.calls).toEqual(['DescribeEndpoint', 'DescribeEndpointConfig', 'RegisterScalableTarget', 'PutScalingPolicy', 'PutScalingPolicy']);
    expect(account.policy).toBeDefined();
  });

  // Lambda Developer Guide, "Lambda context object in Node.js": the calls share the invocation's time, and the
  // function keeps some to answer CloudFormation, which otherwise waits out the ServiceTimeout for nothing.
  test('denials on several calls never take the function past its timeout: it answers with the denial', async () => {
    // 110 s left for the calls once the time kept to answer is set aside.
    invocationMs = 110_000 + AUTHORIZATION_ANSWER_MARGIN_MS;
    account.endpointType = 'ml.m5.large';
    account.deniedCalls = 6;
    jest.useFakeTimers();
    const started = Date.now();
    try {
      const answer = request('Create', 'ml.m5.large');
      account.onCall = () => {
        // DescribeEndpoint is let through at its 7th try (after 60 s); from then on every call is denied.
        if (account.calls.length === 8) {
          account.deniedCalls = Number.MAX_SAFE_INTEGER;
        }
      };
      let settled = false;
      void answer.finally(() => {
        settled = true;
      });
      while (!settled) {
        await jest.advanceTimersByTimeAsync(500);
      }
      expect(await answer).toMatchObject({ Status: 'FAILED', Reason: expect.stringMatching(/^AccessDeniedException: /) });
      // Of those 110 s: 60 s, then DescribeEndpointConfig's tries after 1, 2, 4, 8 and 15 s: the next 30 s would end
      // past them.
      expect(Date.now() - started).toBeGreaterThanOrEqual(90_000);
      expect(Date.now() - started).toBeLessThanOrEqual(90_500);
      expect(account.calls.filter((call) => call === 'DescribeEndpointConfig')).toHaveLength(6);
    } finally {
      jest.useRealTimers();
    }
  });

  test('a denial that lasts fails the resource with its name and message after the last retry', async () => {
    deployed();
    account.failWith = Object.assign(new Error('User is not authorized to perform: sagemaker:DescribeEndpoint'), { name: 'AccessDeniedException' });
    jest.useFakeTimers();
    try {
      const answer = request('Update', 'ml.c5.xlarge');
      await jest.advanceTimersByTimeAsync(AUTHORIZATION_RETRY_DELAYS_MS.reduce((a, b) => a + b, 0));
      expect(await answer).toMatchObject({
        Status: 'FAILED', Reason: 'AccessDeniedException: User is not authorized to perform: sagemaker:DescribeEndpoint', PhysicalResourceId: RESOURCE_ID,
      });
    } finally {
      jest.useRealTimers();
    }
    expect(account.calls).toHaveLength(AUTHORIZATION_RETRY_DELAYS_MS.length + 1);
  });
});

/*
 * IAM denies what no identity policy allows ("Policy evaluation logic", IAM User Guide), and CloudFormation would only
 * show it as a failed custom resource in the middle of a release. Each request of the scenarios above, mapped to its
 * action and resource (Service Authorization Reference), must be allowed by the role the production stack gives the
 * function; so must what Application Auto Scaling does with the caller's permissions (Application Auto Scaling User
 * Guide, "Identity and access management": RegisterScalableTarget creates the service-linked role on first use, and a
 * target-tracking PutScalingPolicy creates and describes its CloudWatch alarms).
 */
describe('the function\'s role', () => {
  test('allows every request the scenarios above made, and what Application Auto Scaling does on their behalf', () => {
    const env: Environment = { account: '111111111111', region: 'us-east-1' };
    const template = synthValidated(app())['player-churn-prod-endpoint'];
    const [fn] = Object.values<any>(template.findResources('AWS::Lambda::Function'))
      .filter((f) => String(f.Properties.Code?.ZipFile ?? '').includes('DeregisterScalableTargetCommand'));
    const statements = roleStatements(template, fn.Properties.Role['Fn::GetAtt'][0]);
    const sagemaker = (resource: string) => `arn:aws:sagemaker:${env.region}:${env.account}:${resource.toLowerCase()}`;
    const target = `arn:aws:application-autoscaling:${env.region}:${env.account}:scalable-target/0123456789abcdef0123456789abcdef`;
    const requests = everyCall.flatMap(({ name, input }): Array<[string, string]> => {
      switch (name) {
        case 'DescribeEndpoint': return [['sagemaker:DescribeEndpoint', sagemaker(`endpoint/${input.EndpointName}`)]];
        case 'DescribeEndpointConfig': return [['sagemaker:DescribeEndpointConfig', sagemaker(`endpoint-config/${input.EndpointConfigName}`)]];
        case 'DeregisterScalableTarget': return [['application-autoscaling:DeregisterScalableTarget', target]];
        case 'RegisterScalableTarget': return [
          ['application-autoscaling:RegisterScalableTarget', target],
          ['iam:CreateServiceLinkedRole', `arn:aws:iam::${env.account}:role/aws-service-role/sagemaker.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_SageMakerEndpoint`],
        ];
        case 'PutScalingPolicy': return [
          ['application-autoscaling:PutScalingPolicy', target],
          ...['PutMetricAlarm', 'DescribeAlarms', 'DeleteAlarms'].map((action): [string, string] =>
            [`cloudwatch:${action}`, `arn:aws:cloudwatch:${env.region}:${env.account}:alarm:TargetTracking-${input.ResourceId}-AlarmHigh-1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d`]),
        ];
        default: throw new Error(`no IAM action known for ${name}: add its row (Service Authorization Reference) to this test`);
      }
    });
    expect(new Set(everyCall.map((c) => c.name))).toEqual(new Set(['DescribeEndpoint', 'DescribeEndpointConfig', 'DeregisterScalableTarget', 'RegisterScalableTarget', 'PutScalingPolicy']));
    expect(requests.filter(([action, resource]) => !allows(statements, action, resource, env)).map(([action, resource]) => `${action} on ${resource}`)).toEqual([]);
  });
});
