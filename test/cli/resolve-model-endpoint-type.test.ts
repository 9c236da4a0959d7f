/**
 * `resolve-model --endpoint-type`: the model-deploy synth step refuses a release that would update a
 * stage's instance-based endpoint to serverless, before anything deploys.
 *
 * SageMaker Developer Guide, "Deploy models with Amazon SageMaker Serverless Inference" (Feature
 * exclusions): "You cannot convert your instance-based, real-time endpoint to a serverless
 * endpoint" (UpdateEndpoint answers ValidationError); a serverless endpoint may be converted to
 * real-time, but cannot be rolled back to serverless. CloudFormation updates an endpoint of a fixed
 * name in place (UpdateEndpoint), so the deploy of such a release would fail, for production only
 * after staging and the reviewer's approval.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DescribeEndpointCommand, DescribeModelPackageCommand, ListModelPackagesCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { CliDeps, runCli } from '../../src/cli';
import { parseEndpointTypeCheck } from '../../src/aws';
import { captureOutput as capture, withStderr } from '../helpers/cli-output';

const sm = mockClient(SageMakerClient);
const GROUP = 'churn-models';
const arn = `arn:aws:sagemaker:eu-west-1:123456789012:model-package/${GROUP}/5`;
/** The regions of the clients the command built, in order. */
let regions: (string | undefined)[];

const deps = (): CliDeps => ({
  sageMakerClient: async (options) => {
    regions.push(options.region);
    return new SageMakerClient({ region: options.region ?? 'eu-west-1' });
  },
});

async function run(argv: string[]) {
  const out = capture();
  const code = await runCli(argv, out, deps());
  return { code, out };
}

/** The newest approved version is 5. */
function approved(): void {
  sm.on(ListModelPackagesCommand, { ModelApprovalStatus: 'Approved' })
    .resolves({ ModelPackageSummaryList: [{ ModelPackageArn: arn, ModelPackageGroupName: GROUP, ModelPackageVersion: 5, CreationTime: new Date(0), ModelPackageStatus: 'Completed' }] });
  sm.on(DescribeModelPackageCommand, { ModelPackageName: arn }).resolves({
    ModelPackageArn: arn, ModelPackageGroupName: GROUP, ModelPackageVersion: 5, ModelApprovalStatus: 'Approved', CreationTime: new Date(0),
    InferenceSpecification: { Containers: [{ Image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/xgboost:1.7-1', ModelDataUrl: 's3://artifacts/v5/model.tar.gz' }], SupportedContentTypes: [], SupportedResponseMIMETypes: [] },
  });
}

/** DescribeEndpoint's answer for an endpoint on instances or serverless (ProductionVariantSummary). */
function endpoint(name: string, kind: 'instances' | 'serverless' | 'no variants'): void {
  const variants = kind === 'no variants' ? undefined : [kind === 'instances'
    ? { VariantName: 'AllTraffic', CurrentInstanceCount: 2, DesiredInstanceCount: 2 }
    : { VariantName: 'AllTraffic', CurrentServerlessConfig: { MemorySizeInMB: 2048, MaxConcurrency: 5 } }];
  sm.on(DescribeEndpointCommand, { EndpointName: name }).resolves({
    EndpointName: name, EndpointArn: `arn:aws:sagemaker:eu-west-1:123456789012:endpoint/${name}`, EndpointConfigName: `${name}-config`,
    EndpointStatus: kind === 'no variants' ? 'Creating' : 'InService', CreationTime: new Date(0), LastModifiedTime: new Date(0), ProductionVariants: variants,
  });
}

function missing(name: string): void {
  sm.on(DescribeEndpointCommand, { EndpointName: name }).rejects({ name: 'ValidationException', message: `Could not find endpoint "${name}".` });
}

let dir: string;
beforeEach(() => {
  sm.reset();
  regions = [];
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resolve-type-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('resolve-model --endpoint-type', () => {
  test('a real-time production endpoint that the release makes serverless fails the synth, naming the option and both ways out, and writes nothing', async () => {
    approved();
    missing('churn-staging');
    endpoint('churn-prod', 'instances');
    const out = path.join(dir, 'resolved-model.json');
    const { code, out: output } = await run(['resolve-model', '--group', GROUP, '--out', out,
      '--endpoint-type', 'staging:churn-staging=serverless', '--endpoint-type', 'prod:churn-prod=serverless']);
    expect(code).toBe(1);
    const [error] = output.infos;
    expect(error).toMatch(/^error: endpoints\.prod\.type is 'serverless', but the endpoint churn-prod runs on instances \(2 now\): SageMaker cannot update an instance-based endpoint to serverless \(UpdateEndpoint answers ValidationError; SageMaker Developer Guide, "Deploy models with Amazon SageMaker Serverless Inference" \(Feature exclusions\)\), so this release would fail at its prod deploy\./);
    expect(error).toContain("Set endpoints.prod.type back to 'realtime'");
    // Production's stack keeps the endpoint when deleted (retention), and DeleteEndpointConfig must not delete the
    // configuration of a live endpoint (SageMaker API Reference): the endpoint is deleted first, then its stack.
    expect(error).toContain('aws sagemaker delete-endpoint --endpoint-name churn-prod, then aws cloudformation delete-stack --stack-name churn-prod-endpoint; ' +
      'production serves nothing until the release has created it again');
    expect(fs.existsSync(out)).toBe(false);
  });

  test('for staging, deleting its stack deletes the endpoint', async () => {
    approved();
    endpoint('churn-staging', 'instances');
    const { code, out } = await run(['resolve-model', '--group', GROUP, '--endpoint-type', 'staging:churn-staging=serverless']);
    expect(code).toBe(1);
    expect(out.infos[0]).toMatch(/endpoints\.staging\.type is 'serverless'.*remove the endpoint so that the release creates it serverless: aws cloudformation delete-stack --stack-name churn-staging-endpoint, which deletes the endpoint$/);
  });

  test('endpoints that do not exist yet, or already run as the release has them, pass, each with a log line', async () => {
    approved();
    missing('churn-staging');
    endpoint('churn-prod', 'instances');
    const { code, out } = await run(['resolve-model', '--group', GROUP, '--endpoint-type', 'staging:churn-staging=serverless', '--endpoint-type', 'prod:churn-prod=realtime']);
    expect(code).toBe(0);
    expect(out.infos).toEqual([
      'churn-staging: no such endpoint yet, the release creates it serverless',
      'churn-prod is realtime, as endpoints.prod.type has it',
    ]);
    expect(sm).toHaveReceivedCommandTimes(DescribeEndpointCommand, 2);
  });

  test('a serverless endpoint may become real-time (AWS allows it once), with a log line saying it is one way', async () => {
    approved();
    endpoint('churn-staging', 'serverless');
    const { code, out } = await run(['resolve-model', '--group', GROUP, '--endpoint-type', 'staging:churn-staging=realtime']);
    expect(code).toBe(0);
    expect(out.infos).toEqual([expect.stringMatching(/^churn-staging is serverless and this release makes it real-time \(endpoints\.staging\.type\): SageMaker allows that once and never back/)]);
  });

  test('an endpoint whose variants do not tell its type (still creating) is left to the deploy', async () => {
    approved();
    endpoint('churn-prod', 'no variants');
    const { code, out } = await run(['resolve-model', '--group', GROUP, '--endpoint-type', 'prod:churn-prod=serverless']);
    expect(code).toBe(0);
    expect(out.infos).toEqual(['churn-prod (Creating) reports no variant that tells serverless from real-time: the deploy finds out']);
  });

  test('an endpoint of another region is read with a client of that region', async () => {
    approved();
    endpoint('churn-prod', 'instances');
    const { code } = await run(['resolve-model', '--group', GROUP, '--endpoint-type', 'prod:churn-prod@us-west-2=realtime']);
    expect(code).toBe(0);
    expect(regions).toEqual([undefined, 'us-west-2']);
  });

  test('an access error is not taken for a missing endpoint', async () => {
    approved();
    sm.on(DescribeEndpointCommand).rejects({ name: 'AccessDeniedException', message: 'not authorized to perform: sagemaker:DescribeEndpoint' });
    const { code, out } = await run(['resolve-model', '--group', GROUP, '--endpoint-type', 'prod:churn-prod=realtime']);
    expect(code).toBe(1);
    expect(out.infos.join('\n')).toMatch(/sagemaker:DescribeEndpoint/);
  });

  test.each([
    ['prod=realtime', /expected <stage>:<endpoint>\[@<region>\]=<serverless\|realtime> with the stage one of staging, prod, got "prod=realtime"/],
    ['dev:churn-dev=realtime', /the stage must be one of staging, prod, got "dev"/],
    // A stage in another case is named as a stage, with the ones allowed, not as a malformed value.
    ['Staging:churn-staging=serverless', /the stage must be one of staging, prod, got "Staging"/],
    ['prod:churn-prod=gpu', /the type must be serverless or realtime, got "gpu"/],
    ['prod:churn_prod=realtime', /the endpoint must be an endpoint name .*got "churn_prod"/],
    ['prod:churn-prod@mars=realtime', /the region must be an AWS region name .*got "mars"/],
  ])('--endpoint-type %s is a usage error that calls nothing', async (value, message) => {
    const { value: result, stderr } = await withStderr(() => run(['resolve-model', '--group', GROUP, '--endpoint-type', value]));
    expect(result.code).toBe(2);
    expect(stderr).toMatch(message);
    expect(sm).not.toHaveReceivedAnyCommand();
  });

  test('a stage given twice is a usage error', async () => {
    const { value, stderr } = await withStderr(() => run(['resolve-model', '--group', GROUP, '--endpoint-type', 'prod:a=realtime', '--endpoint-type', 'prod:b=serverless']));
    expect(value.code).toBe(2);
    expect(stderr).toMatch(/--endpoint-type: the stage prod is given twice/);
  });
});

describe('parseEndpointTypeCheck', () => {
  test('reads the stage, the endpoint, the optional region and the type', () => {
    expect(parseEndpointTypeCheck('prod:churn-prod@eu-west-1=realtime')).toEqual({ stage: 'prod', endpointName: 'churn-prod', region: 'eu-west-1', type: 'realtime' });
    expect(parseEndpointTypeCheck('staging:churn-staging=serverless')).toEqual({ stage: 'staging', endpointName: 'churn-staging', type: 'serverless' });
  });
});
