import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CloudFormationClient, DescribeStacksCommand, ListStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { DescribeEndpointCommand, DescribeEndpointConfigCommand, DescribeModelCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import { AwsClientOptions } from '../../src/aws';
import { runCli } from '../../src/cli';
import { captureOutput } from '../helpers/cli-output';
import { MODEL } from '../model-deploy/fixtures';

const cfn = mockClient(CloudFormationClient);
const sm = mockClient(SageMakerClient);
const ARN = 'arn:aws:sagemaker:us-east-1:111111111111';
const modelFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'verify-release-')), 'resolved-model.json');
fs.writeFileSync(modelFile, JSON.stringify(MODEL));

/** The stack deployed EndpointConfig-New; the endpoint serves `serving`. */
function world(serving: string): void {
  cfn.on(DescribeStacksCommand).resolves({ Stacks: [{ StackName: 's', StackStatus: 'UPDATE_COMPLETE', CreationTime: new Date() }] });
  cfn.on(ListStackResourcesCommand).resolves({
    StackResourceSummaries: [
      { LogicalResourceId: 'C', ResourceType: 'AWS::SageMaker::EndpointConfig', PhysicalResourceId: `${ARN}:endpoint-config/endpointconfig-new`, ResourceStatus: 'UPDATE_COMPLETE', LastUpdatedTimestamp: new Date() },
      { LogicalResourceId: 'M', ResourceType: 'AWS::SageMaker::Model', PhysicalResourceId: `${ARN}:model/model-new`, ResourceStatus: 'UPDATE_COMPLETE', LastUpdatedTimestamp: new Date() },
    ],
  });
  sm.on(DescribeEndpointCommand).resolves({ EndpointName: 'player-churn-prod', EndpointStatus: 'InService', EndpointConfigName: serving } as any);
  sm.on(DescribeEndpointConfigCommand).resolves({ EndpointConfigName: serving, EndpointConfigArn: `${ARN}:endpoint-config/${serving.toLowerCase()}`, ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: 'Model-New' }] } as any);
  sm.on(DescribeModelCommand).resolves({ ModelName: 'Model-New', ModelArn: `${ARN}:model/model-new`, Containers: [{ ModelPackageName: MODEL.modelPackageArn }] } as any);
}

async function run(argv: string[]) {
  const out = captureOutput();
  const requested: AwsClientOptions[] = [];
  const code = await runCli(argv, out, {
    cloudFormationClient: async (o) => (requested.push(o), new CloudFormationClient({ region: 'eu-west-1' })),
    sageMakerClient: async (o) => (requested.push(o), new SageMakerClient({ region: 'eu-west-1' })),
  });
  return { code, out, requested };
}

const argv = ['verify-release', '--stack', 'player-churn-prod-endpoint', '--endpoint', 'player-churn-prod', '--model', modelFile, '--region', 'eu-west-1'];

beforeEach(() => {
  cfn.reset();
  sm.reset();
});

test('exit 0 when the endpoint serves the release, with the clients in the given region', async () => {
  world('EndpointConfig-New');
  const { code, out, requested } = await run(argv);
  expect(code).toBe(0);
  expect(String(out.results[0])).toMatch(/passed$/);
  expect(requested).toEqual([{ region: 'eu-west-1' }, { region: 'eu-west-1' }]);
  // The global --request-timeout reaches both clients.
  expect((await run(['--request-timeout', '45', ...argv])).requested).toEqual([{ region: 'eu-west-1', requestTimeoutMs: 45_000 }, { region: 'eu-west-1', requestTimeoutMs: 45_000 }]);
});

test('exit 1 naming the cause when the endpoint still serves the previous configuration', async () => {
  world('EndpointConfig-Old');
  const { code, out } = await run([...argv, '--json']);
  expect(code).toBe(1);
  expect((out.results[0] as any).passed).toBe(false);
  // With --json the failure is one JSON object on stderr.
  expect(JSON.parse(out.infos[out.infos.length - 1]).error.message).toMatch(
    /^endpoint player-churn-prod does not serve version 7 of player-churn deployed by player-churn-prod-endpoint: endpoint player-churn-prod serves the endpoint configuration EndpointConfig-Old/);
});

test('a broken model file fails before any call, naming the field', async () => {
  const broken = path.join(path.dirname(modelFile), 'broken.json');
  fs.writeFileSync(broken, JSON.stringify({ ...MODEL, version: 0 }));
  const { code, out, requested } = await run(['verify-release', '--stack', 's', '--endpoint', 'e', '--model', broken]);
  // The model file is the command's input: a usage error, as a missing one is.
  expect(code).toBe(2);
  expect(out.infos.join('\n')).toMatch(/version must be a version number >= 1, got 0/);
  expect(requested).toEqual([]);
});

// Amazon SageMaker API Reference, DescribeEndpoint: EndpointName is 1 to 63 characters of
// [a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}; another name is a usage error before any client is made.
test('an --endpoint name SageMaker would refuse is a usage error that calls nothing', async () => {
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const { code, requested } = await run(['verify-release', '--stack', 's', '--endpoint', 'player_churn_prod', '--model', modelFile]);
    expect(code).toBe(2);
    expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toMatch(/--endpoint must be an endpoint name of 1 to 63 letters, digits and hyphens.*got player_churn_prod/);
    expect(requested).toEqual([]);
  } finally {
    stderr.mockRestore();
  }
});
