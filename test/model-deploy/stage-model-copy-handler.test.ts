import { AUTHORIZATION_ANSWER_MARGIN_MS, AUTHORIZATION_RETRY_DELAYS_MS } from '../../src/constructs/authorization-retry-code';
import { STAGE_MODEL_COPY_HANDLER_CODE } from '../../src/model-deploy/stage-model-copy-handler';
import { STAGE_MODEL_COPY_TYPE } from '../../src/model-deploy/stage-model-copy';
import { checkRequest, serviceModel } from '../helpers/api-model';
import { Environment, allows, deployTimeText, resolveText, roleStatements } from '../helpers/iam-policy';
import { InlineHandler, SentResponse, loadInlineHandler, sendRequest } from '../helpers/inline-handler';
import { synthValidated } from '../helpers/validated-synth';
import { MODEL, app } from './fixtures';

/**
 * The function behind a cross-region stage's Custom::StageModelCopy resources, loaded as the Lambda
 * runtime loads it, with the SDK's S3 client replaced by one that checks each request against S3's API
 * model and answers as S3 would, IAM's propagation delay included (IAM User Guide, "Troubleshoot IAM":
 * "Changes that I make are not always immediately visible"; CloudFormation runs the resource as soon as
 * the role's policy is updated).
 */

const COPY = {
  Bucket: 'player-churn-prod-stage-bucket',
  Key: 'models/v7/model.tar.gz',
  CopySource: 'build-bucket/player-churn-training/exec%201/Train/output/model.tar.gz',
  KmsKeyId: 'arn:aws:kms:eu-west-1:333333333333:key/11111111-2222-3333-4444-555555555555',
};

class FakeS3 {
  readonly requests: Array<Record<string, unknown>> = [];
  /** How many requests IAM still denies, as it does until a new statement reaches every endpoint. */
  deniedRequests = 0;
  failWith?: Error;

  modules(): Record<string, unknown> {
    const s3 = this;
    class CopyObjectCommand {
      constructor(public readonly input: Record<string, unknown>) {}
    }
    class S3Client {
      async send(command: CopyObjectCommand) {
        // A request S3 accepts (its API model: Amazon S3 API Reference, CopyObject; test/helpers/api-model.ts).
        expect(checkRequest(serviceModel('s3'), 'CopyObject', command.input).problems).toEqual([]);
        s3.requests.push(command.input);
        if (s3.deniedRequests > 0) {
          s3.deniedRequests -= 1;
          throw Object.assign(new Error('User: arn:aws:sts::333333333333:assumed-role/copy/fn is not authorized to perform: s3:GetObject'), { name: 'AccessDenied' });
        }
        if (s3.failWith) {
          throw s3.failWith;
        }
        return { CopyObjectResult: { ETag: '"abc"' } };
      }
    }
    return { '@aws-sdk/client-s3': { S3Client, CopyObjectCommand } };
  }
}

let s3: FakeS3;
let handler: InlineHandler;
let sent: SentResponse[];
let log: jest.SpyInstance;

beforeEach(() => {
  s3 = new FakeS3();
  ({ handler, sent } = loadInlineHandler(STAGE_MODEL_COPY_HANDLER_CODE, s3.modules()));
  log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

/** Sends one request to the function (5 minutes, its timeout) and returns its answer to CloudFormation. */
function request(requestType: 'Create' | 'Update' | 'Delete', properties: Record<string, string> = COPY, physicalId?: string, invocationMs = 300_000): Promise<Record<string, any>> {
  return sendRequest(handler, sent, {
    requestType,
    stackId: 'arn:aws:cloudformation:eu-west-1:333333333333:stack/player-churn-prod-endpoint/abc',
    logicalResourceId: 'ModelCopyCopyModelArtifact',
    physicalResourceId: physicalId,
    resourceProperties: { ServiceToken: 'arn:aws:lambda:eu-west-1:333333333333:function:copy', ...properties },
  }, invocationMs);
}

/** Runs `answer` with Node's timers faked, moving the clock on until it settles; returns it and the time it took. */
async function withFakeClock<T>(answer: () => Promise<T>): Promise<{ value: T; waitedMs: number }> {
  jest.useFakeTimers();
  const started = Date.now();
  const pending = answer();
  let settled = false;
  void pending.finally(() => {
    settled = true;
  });
  while (!settled) {
    await jest.advanceTimersByTimeAsync(500);
  }
  return { value: await pending, waitedMs: Date.now() - started };
}

describe('the stage model copy function', () => {
  test('Create copies the object once, SSE-KMS with the stage key and an S3 Bucket Key, without the source\'s tags', async () => {
    expect(await request('Create')).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 's3://player-churn-prod-stage-bucket/models/v7/model.tar.gz' });
    expect(s3.requests).toEqual([{ ...COPY, ServerSideEncryption: 'aws:kms', SSEKMSKeyId: COPY.KmsKeyId, BucketKeyEnabled: true, TaggingDirective: 'REPLACE' }].map(({ KmsKeyId, ...input }) => input));
  });

  // CloudFormation User Guide, "Custom resource request types": a new physical id on Update replaces the resource,
  // and CloudFormation then sends Delete for the old one, which must not remove the copy the previous version serves.
  test('a release copies the new version\'s file under its own key; the old copy\'s Delete touches nothing', async () => {
    const next = { ...COPY, Key: 'models/v8/model.tar.gz', CopySource: 'build-bucket/player-churn-training/exec2/Train/output/model.tar.gz' };
    expect(await request('Update', next, 's3://player-churn-prod-stage-bucket/models/v7/model.tar.gz'))
      .toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 's3://player-churn-prod-stage-bucket/models/v8/model.tar.gz' });
    expect(s3.requests.map((r) => r.Key)).toEqual(['models/v8/model.tar.gz']);
    expect(await request('Delete', COPY, 's3://player-churn-prod-stage-bucket/models/v7/model.tar.gz'))
      .toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 's3://player-churn-prod-stage-bucket/models/v7/model.tar.gz' });
    expect(s3.requests).toHaveLength(1);
  });

  test('a copy IAM denies while the role\'s new statements propagate succeeds once they apply', async () => {
    s3.deniedRequests = 3;
    const { value, waitedMs } = await withFakeClock(() => request('Update', COPY, 'old'));
    expect(value).toMatchObject({ Status: 'SUCCESS' });
    expect(s3.requests).toHaveLength(4);
    // 1 + 2 + 4 seconds: it waits, and no longer than it needs.
    expect(waitedMs).toBeGreaterThanOrEqual(7_000);
    expect(waitedMs).toBeLessThan(8_000);
    expect(log.mock.calls.map(([line]) => line)).toContainEqual(expect.stringMatching(/^AccessDenied: .*not authorized to perform: s3:GetObject \(IAM may not apply a new policy statement yet\): trying again in 1 s$/));
  });

  test('a denial that lasts fails the resource with S3\'s message after about a minute, the source and target named', async () => {
    s3.deniedRequests = Number.MAX_SAFE_INTEGER;
    const { value, waitedMs } = await withFakeClock(() => request('Create'));
    expect(s3.requests).toHaveLength(AUTHORIZATION_RETRY_DELAYS_MS.length + 1);
    expect(waitedMs).toBeGreaterThanOrEqual(AUTHORIZATION_RETRY_DELAYS_MS.reduce((a, b) => a + b, 0));
    expect(waitedMs).toBeLessThan(90_000);
    expect(value).toMatchObject({
      Status: 'FAILED',
      Reason: `cannot copy ${COPY.CopySource} to s3://${COPY.Bucket}/${COPY.Key}: AccessDenied: User: arn:aws:sts::333333333333:assumed-role/copy/fn is not authorized to perform: s3:GetObject`
        // Amazon S3 API Reference, GetObject ("Permissions"): without s3:ListBucket, a missing key is a 403 too.
        + ' (S3 also answers so when the source object does not exist: the function may not list its bucket)',
    });
  });

  // Lambda Developer Guide, "Lambda context object in Node.js" (getRemainingTimeInMillis): a function that runs out of
  // time never answers, and CloudFormation reports only a timeout after the resource's ServiceTimeout.
  test('the retries stop in time to answer within the invocation', async () => {
    s3.deniedRequests = Number.MAX_SAFE_INTEGER;
    // An invocation with 20 s left for the calls once the time kept to answer CloudFormation is set aside.
    const { value, waitedMs } = await withFakeClock(() => request('Create', COPY, undefined, 20_000 + AUTHORIZATION_ANSWER_MARGIN_MS));
    expect(value).toMatchObject({ Status: 'FAILED', Reason: expect.stringContaining('AccessDenied') });
    // 1 + 2 + 4 + 8 s; the next 15 s would end past those 20 s.
    expect(waitedMs).toBeGreaterThanOrEqual(15_000);
    expect(waitedMs).toBeLessThan(15_500);
    expect(s3.requests).toHaveLength(5);
  });

  test('any other error fails the resource at once; a failed update keeps the resource\'s id', async () => {
    s3.failWith = Object.assign(new Error('The operation is not valid for the object\'s storage class'), { name: 'InvalidObjectState' });
    expect(await request('Update', COPY, 's3://player-churn-prod-stage-bucket/models/v6/model.tar.gz')).toMatchObject({
      Status: 'FAILED',
      PhysicalResourceId: 's3://player-churn-prod-stage-bucket/models/v6/model.tar.gz',
      Reason: `cannot copy ${COPY.CopySource} to s3://${COPY.Bucket}/${COPY.Key}: InvalidObjectState: The operation is not valid for the object's storage class`,
    });
    expect(s3.requests).toHaveLength(1);
  });
});

/*
 * Amazon S3 API Reference, CopyObject ("Permissions"): read access to the source object, write access to the
 * destination; with SSE-KMS, the key's GenerateDataKey for the copy and Decrypt for a source encrypted with a KMS key
 * (Amazon S3 User Guide, "Using server-side encryption with AWS KMS keys"). Each copy of a cross-region stage, as
 * the function sends it from the resource's properties, must be allowed by the function's role.
 */
describe('the function\'s role', () => {
  test('allows each copy of a stage in another region than the registry, and every copy goes through the function', () => {
    const env: Environment = { account: '333333333333', region: 'eu-west-1' };
    const template = synthValidated(app({ environments: { build: { account: '111111111111' }, staging: { account: '111111111111' }, prod: { account: '333333333333', region: 'eu-west-1' } } }))['player-churn-prod-endpoint'];
    const functions = Object.entries<any>(template.findResources('AWS::Lambda::Function')).filter(([, f]) => f.Properties.Code?.ZipFile === STAGE_MODEL_COPY_HANDLER_CODE);
    expect(functions).toHaveLength(1);
    const [[functionId, fn]] = functions;
    const statements = roleStatements(template, fn.Properties.Role['Fn::GetAtt'][0]);
    const copies = Object.values<any>(template.findResources(STAGE_MODEL_COPY_TYPE));
    expect(copies).toHaveLength(2);
    const denied = copies.flatMap(({ Properties: p }) => {
      expect(p.ServiceToken).toEqual({ 'Fn::GetAtt': [functionId, 'Arn'] });
      const [sourceBucket, ...sourceKey] = resolveText(p.CopySource, env).split('/');
      const target = `${deployTimeText({ 'Fn::GetAtt': [p.Bucket.Ref, 'Arn'] })}/${p.Key}`;
      const needed: Array<[string, string]> = [
        ['s3:GetObject', `arn:aws:s3:::${sourceBucket}/${sourceKey.map(decodeURIComponent).join('/')}`],
        ['s3:PutObject', target],
        ['kms:GenerateDataKey', resolveText(p.KmsKeyId, env)],
        ['kms:Decrypt', MODEL.artifactKmsKeyArn!],
      ];
      return needed.filter(([action, resource]) => !allows(statements, action, resource, env)).map(([action, resource]) => `${action} on ${resource}`);
    });
    expect(denied).toEqual([]);
    // aws-cdk-lib's AwsCustomResource provider, which made the copies before and cannot wait for IAM, is gone.
    expect(Object.keys(template.findResources('AWS::Lambda::Function')).filter((id) => id.startsWith('AWS'))).toEqual([]);
  });
});
