import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodePipelineClient, GetPipelineStateCommand, PipelineNotFoundException } from '@aws-sdk/client-codepipeline';
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  CreateModelPackageCommand,
  CreateModelPackageGroupCommand,
  DeleteEndpointConfigCommand,
  DeleteModelCommand,
  DescribeEndpointCommand,
  ProductionVariant,
  SageMakerClient,
  UpdateModelPackageCommand,
} from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import { ProjectStatus, describeEndpointModel, formatServedModel } from '../../src/aws';
import { runCli } from '../../src/cli';
import { MOTO_ACCOUNT, MOTO_REGION, MotoServer, describeWithMoto, motoClient, motoDeps, startMoto, useDummyCredentials } from './moto';
import { captureOutput as capture } from '../helpers/cli-output';

jest.setTimeout(60_000);

const GROUP = 'player-churn';
const IMAGE = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1';
const BUCKET = `s3://player-churn-artifacts-${MOTO_ACCOUNT}`;
const ROLE_ARN = `arn:aws:iam::${MOTO_ACCOUNT}:role/player-churn-endpoint`;
const SERVERLESS = { MemorySizeInMB: 2048, MaxConcurrency: 5 };

let server: MotoServer;
let sm: SageMakerClient;
let restoreEnv: () => void;
let dir: string;

function packageArn(version: number, group = GROUP): string {
  return `arn:aws:sagemaker:${MOTO_REGION}:${MOTO_ACCOUNT}:model-package/${group}/${version}`;
}

function metadata(auc: number): Record<string, string> {
  return { auc: String(auc) };
}

async function register(auc: number, group = GROUP): Promise<string> {
  const response = await sm.send(new CreateModelPackageCommand({
    ModelPackageGroupName: group,
    ModelApprovalStatus: 'Approved',
    CustomerMetadataProperties: metadata(auc),
    InferenceSpecification: {
      Containers: [{ Image: IMAGE, ModelDataUrl: `${BUCKET}/train/auc-${auc}/model.tar.gz` }],
      SupportedContentTypes: ['text/csv'],
      SupportedResponseMIMETypes: ['text/csv'],
    },
  }));
  return response.ModelPackageArn!;
}

/**
 * What the endpoint stack deploys: a model from a model package (or, for `image`, from an image
 * and an artifact), an endpoint configuration with one variant, and the endpoint.
 */
async function deploy(endpointName: string, model: { packageArn: string } | { image: string }, variant: Omit<ProductionVariant, 'VariantName' | 'ModelName'>): Promise<void> {
  const modelName = `${endpointName}-model`;
  const container = 'packageArn' in model
    ? { ModelPackageName: model.packageArn }
    : { Image: model.image, ModelDataUrl: `${BUCKET}/train/manual/model.tar.gz` };
  await sm.send(new CreateModelCommand({ ModelName: modelName, ExecutionRoleArn: ROLE_ARN, Containers: [container] }));
  await sm.send(new CreateEndpointConfigCommand({
    EndpointConfigName: `${endpointName}-config`,
    ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: modelName, ...variant }],
  }));
  await sm.send(new CreateEndpointCommand({ EndpointName: endpointName, EndpointConfigName: `${endpointName}-config` }));
}

async function cli(argv: string[]) {
  const out = capture();
  const code = await runCli(['--region', MOTO_REGION, ...argv], out, motoDeps(server));
  return { code, out };
}

/** Queues the answers moto's SageMaker Runtime gives to the next distinct InvokeEndpoint requests. */
async function queueAnswers(...bodies: string[]): Promise<void> {
  await server.motoApi('/moto-api/static/sagemaker/endpoint-results', {
    account_id: MOTO_ACCOUNT,
    region: MOTO_REGION,
    results: bodies.map((body) => ({ Body: body, ContentType: 'text/csv', InvokedProductionVariant: 'AllTraffic' })),
  });
}

describeWithMoto('endpoints against moto', () => {
  beforeAll(async () => {
    restoreEnv = useDummyCredentials();
    server = await startMoto();
    sm = await motoClient(SageMakerClient, server);
    await sm.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: GROUP }));
    await register(0.81);
    await register(0.85);
    await deploy('player-churn-staging', { packageArn: packageArn(2) }, { ServerlessConfig: SERVERLESS });
    await deploy('player-churn-prod', { packageArn: packageArn(1) }, { InstanceType: 'ml.m5.large', InitialInstanceCount: 2 });
  });

  afterAll(async () => {
    sm?.destroy();
    await server?.stop();
    restoreEnv?.();
  });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'endpoints-moto-'));
  });

  afterEach(() => {
    if (dir) {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('describeEndpointModel (the endpoints of `status`)', () => {
    test('a serverless endpoint and the model version it serves', async () => {
      const endpoint = await sm.send(new DescribeEndpointCommand({ EndpointName: 'player-churn-staging' }));
      const described = await describeEndpointModel(sm, 'player-churn-staging');
      expect(described).toEqual({
        endpointName: 'player-churn-staging',
        status: 'InService',
        lastModifiedTime: endpoint.LastModifiedTime!.toISOString(),
        endpointConfigName: 'player-churn-staging-config',
        capacity: { type: 'serverless', memorySizeInMb: 2048, maxConcurrency: 5 },
        model: {
          modelName: 'player-churn-staging-model',
          modelPackageArn: packageArn(2),
          modelPackageGroupName: GROUP,
          version: 2,
          auc: 0.85,
          approvalStatus: 'Approved',
        },
      });
      expect(formatServedModel(described!.model)).toBe(`version 2 of ${GROUP} (AUC 0.8500)`);
    });

    test('an endpoint on instances, whose version has been rejected since it was deployed', async () => {
      // moto clears the metadata on an update without it (SageMaker keeps it), so it is sent again.
      await sm.send(new UpdateModelPackageCommand({
        ModelPackageArn: packageArn(1),
        ModelApprovalStatus: 'Rejected',
        ApprovalDescription: 'drift in production',
        CustomerMetadataProperties: metadata(0.81),
      }));
      const described = await describeEndpointModel(sm, 'player-churn-prod');
      expect(described?.capacity).toEqual({ type: 'instances', instanceType: 'ml.m5.large', instanceCount: 2 });
      expect(described?.model).toEqual({
        modelName: 'player-churn-prod-model',
        modelPackageArn: packageArn(1),
        modelPackageGroupName: GROUP,
        version: 1,
        auc: 0.81,
        approvalStatus: 'Rejected',
      });
      expect(formatServedModel(described!.model)).toBe(`version 1 of ${GROUP} (AUC 0.8100, now Rejected)`);
    });

    test('an endpoint that does not exist is undefined', async () => {
      await expect(describeEndpointModel(sm, 'player-churn-nowhere')).resolves.toBeUndefined();
    });

    test('the version is unknown, with the reason, when the model is not from a package or was deleted', async () => {
      await deploy('player-churn-manual', { image: IMAGE }, { ServerlessConfig: SERVERLESS });
      expect((await describeEndpointModel(sm, 'player-churn-manual'))?.model).toEqual({
        modelName: 'player-churn-manual-model',
        unknownReason: 'model player-churn-manual-model was not created from a model package, so it has no registry version',
      });

      await deploy('player-churn-orphan', { packageArn: packageArn(2) }, { ServerlessConfig: SERVERLESS });
      await sm.send(new DeleteModelCommand({ ModelName: 'player-churn-orphan-model' }));
      expect((await describeEndpointModel(sm, 'player-churn-orphan'))?.model).toEqual({
        modelName: 'player-churn-orphan-model',
        unknownReason: 'model player-churn-orphan-model no longer exists',
      });

      await sm.send(new DeleteEndpointConfigCommand({ EndpointConfigName: 'player-churn-orphan-config' }));
      const orphan = await describeEndpointModel(sm, 'player-churn-orphan');
      expect(orphan?.capacity).toBeUndefined();
      expect(orphan?.model).toEqual({ unknownReason: 'endpoint configuration player-churn-orphan-config no longer exists' });
    });
  });

  describe('test-endpoint through SageMaker Runtime', () => {
    test('every row gets a probability: exit 0, and --report holds the --json report', async () => {
      const payload = path.join(dir, 'payload.csv');
      fs.writeFileSync(payload, '1,0.5,3\n0,0.1,7\n1,0.9,2\n');
      // The warm-up request repeats batch 1, which moto answers as before.
      await queueAnswers('0.12\n0.87', '0.5');
      const report = path.join(dir, 'reports', 'endpoint-test.json');
      const { code, out } = await cli(['--json', 'test-endpoint', '--endpoint', 'player-churn-staging', '--payload', payload, '--batch-size', '2', '--report', report]);
      expect(code).toBe(0);
      expect(out.results).toEqual([expect.objectContaining({
        endpointName: 'player-churn-staging',
        rows: 3,
        batchSize: 2,
        warmupRequests: 1,
        requests: 20,
        predictions: 30,
        failures: [],
        passed: true,
      })]);
      expect(JSON.parse(fs.readFileSync(report, 'utf-8'))).toEqual(out.results[0]);
    });

    test('an answer that is not a probability: exit 1 naming the batch', async () => {
      const payload = path.join(dir, 'payload.csv');
      fs.writeFileSync(payload, '1,0.5,4\n0,0.2,8\n');
      await queueAnswers('0.3\n1.7');
      const { code, out } = await cli(['test-endpoint', '--endpoint', 'player-churn-staging', '--payload', payload]);
      expect(code).toBe(1);
      expect(out.results).toHaveLength(1);
      expect(out.results[0]).toMatch(/batch 1: .*1\.7/);
      expect(out.infos).toEqual(['error: endpoint player-churn-staging failed the test with 2 failures']);
    });
  });

  describe('status: the endpoints and the registry from SageMaker', () => {
    const PROJECT = 'churn-status';
    const codePipeline = mockClient(CodePipelineClient);

    beforeAll(async () => {
      await sm.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: PROJECT }));
      await register(0.8, PROJECT);
      await register(0.82, PROJECT);
      await deploy(`${PROJECT}-staging`, { packageArn: packageArn(2, PROJECT) }, { ServerlessConfig: SERVERLESS });
    });

    beforeEach(() => {
      // moto has no GetPipelineState: the CodePipelines are mocked as not deployed yet.
      codePipeline.reset();
      codePipeline.on(GetPipelineStateCommand).rejects(new PipelineNotFoundException({ message: 'pipeline not found', $metadata: {} }));
    });

    afterAll(() => {
      codePipeline.restore();
    });

    async function status(argv: string[]) {
      const out = capture();
      const code = await runCli(['--region', MOTO_REGION, ...argv], out, {
        ...motoDeps(server),
        codePipelineClient: async (options) => new CodePipelineClient({ region: options.region }),
      });
      return { code, out };
    }

    test('--json: the staging endpoint serves version 2, production is not deployed, version 2 deploys next', async () => {
      const { code, out } = await status(['--json', 'status', '--project', PROJECT]);
      expect(code).toBe(0);
      const report = out.results[0] as ProjectStatus;
      expect(report.region).toBe(MOTO_REGION);
      expect(report.endpoints).toEqual([
        expect.objectContaining({
          stage: 'staging',
          deployed: true,
          endpointName: `${PROJECT}-staging`,
          status: 'InService',
          capacity: { type: 'serverless', memorySizeInMb: 2048, maxConcurrency: 5 },
          model: expect.objectContaining({ modelPackageArn: packageArn(2, PROJECT), version: 2, auc: 0.82, approvalStatus: 'Approved' }),
        }),
        { stage: 'prod', endpointName: `${PROJECT}-prod`, deployed: false },
      ]);
      expect(report.registry).toEqual({ modelPackageGroupName: PROJECT, exists: true, newestApproved: { version: 2, arn: packageArn(2, PROJECT) } });
    });

    test('for people: one row per stage and the registry line', async () => {
      const { code, out } = await status(['status', '--project', PROJECT]);
      expect(code).toBe(0);
      const text = out.results[0] as string;
      expect(text).toMatch(new RegExp(`staging\\s+${PROJECT}-staging\\s+InService\\s+serverless 2048 MB, max concurrency 5\\s+version 2 of ${PROJECT} \\(AUC 0\\.8200\\)`));
      expect(text).toMatch(new RegExp(`prod\\s+${PROJECT}-prod\\s+not deployed`));
      expect(text).toContain(`model registry: group ${PROJECT}; newest approved version 2, what model-deploy deploys on its next run`);
    });

    test('a project whose group does not exist yet', async () => {
      const { code, out } = await status(['--json', 'status', '--project', 'churn-nothing']);
      expect(code).toBe(0);
      const report = out.results[0] as ProjectStatus;
      expect(report.registry).toEqual({ modelPackageGroupName: 'churn-nothing', exists: false });
      expect(report.endpoints.map((endpoint) => endpoint.deployed)).toEqual([false, false]);
    });
  });
});
