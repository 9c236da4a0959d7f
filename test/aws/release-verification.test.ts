import { CloudFormationClient, DescribeStacksCommand, ListStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { DescribeEndpointCommand, DescribeEndpointConfigCommand, DescribeModelCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import { CliError, formatReleaseVerification, verifyRelease } from '../../src/aws';
import { MODEL } from '../model-deploy/fixtures';

const cfn = mockClient(CloudFormationClient);
const sm = mockClient(SageMakerClient);
const clients = { cloudFormation: new CloudFormationClient({ region: 'us-east-1' }), sageMaker: new SageMakerClient({ region: 'us-east-1' }) };
const ARN = 'arn:aws:sagemaker:us-east-1:111111111111';
const options = { stackName: 'player-churn-prod-endpoint', endpointName: 'player-churn-prod', model: MODEL };

/**
 * A stack that deployed EndpointConfig-New and Model-New (physical ids as CloudFormation reports them for these types:
 * their ARNs, SageMaker's lowercased names), and an endpoint serving `serving` (the new config, or the old one after a
 * rollback), whose model comes from `modelPackage`.
 */
function world({ serving = 'EndpointConfig-New', status = 'InService', stackStatus = 'UPDATE_COMPLETE', modelPackage = MODEL.modelPackageArn, failureReason = undefined as string | undefined } = {}) {
  cfn.on(DescribeStacksCommand).resolves({ Stacks: [{ StackName: options.stackName, StackStatus: stackStatus as any, CreationTime: new Date() }] });
  cfn.on(ListStackResourcesCommand).resolvesOnce({
    StackResourceSummaries: [
      { LogicalResourceId: 'EndpointConfig', ResourceType: 'AWS::SageMaker::EndpointConfig', PhysicalResourceId: `${ARN}:endpoint-config/endpointconfig-new`, ResourceStatus: 'UPDATE_COMPLETE', LastUpdatedTimestamp: new Date() },
    ],
    NextToken: 'page-2',
  }).resolvesOnce({
    StackResourceSummaries: [
      { LogicalResourceId: 'Model', ResourceType: 'AWS::SageMaker::Model', PhysicalResourceId: `${ARN}:model/model-new`, ResourceStatus: 'UPDATE_COMPLETE', LastUpdatedTimestamp: new Date() },
      { LogicalResourceId: 'Endpoint', ResourceType: 'AWS::SageMaker::Endpoint', PhysicalResourceId: `${ARN}:endpoint/player-churn-prod`, ResourceStatus: 'UPDATE_COMPLETE', LastUpdatedTimestamp: new Date() },
    ],
  });
  sm.on(DescribeEndpointCommand).resolves({ EndpointName: options.endpointName, EndpointStatus: status as any, EndpointConfigName: serving, FailureReason: failureReason } as any);
  const model = serving === 'EndpointConfig-New' ? 'Model-New' : 'Model-Old';
  sm.on(DescribeEndpointConfigCommand).resolves({
    EndpointConfigName: serving, EndpointConfigArn: `${ARN}:endpoint-config/${serving.toLowerCase()}`, ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: model }],
  } as any);
  sm.on(DescribeModelCommand).resolves({ ModelName: model, ModelArn: `${ARN}:model/${model.toLowerCase()}`, Containers: [{ ModelPackageName: modelPackage }] } as any);
}

beforeEach(() => {
  cfn.reset();
  sm.reset();
});

describe('verifyRelease', () => {
  test('passes when the endpoint serves the stack\'s endpoint configuration and model, from the resolved package', async () => {
    world();
    const report = await verifyRelease(clients, options);
    expect(report).toMatchObject({
      passed: true, failures: [], stackStatus: 'UPDATE_COMPLETE', endpointStatus: 'InService',
      deployed: { endpointConfig: `${ARN}:endpoint-config/endpointconfig-new`, model: `${ARN}:model/model-new` },
      serving: { endpointConfigName: 'EndpointConfig-New', modelNames: ['Model-New'], modelPackages: [MODEL.modelPackageArn] },
    });
    expect(cfn.commandCalls(ListStackResourcesCommand).map((c) => c.args[0].input.NextToken)).toEqual([undefined, 'page-2']);
    expect(formatReleaseVerification(report)).toMatch(/passed$/);
  });

  // SageMaker developer guide, "Auto-Rollback Configuration and Monitoring" (blue/green deployments): when an alarm
  // fires during the baking period, SageMaker shifts traffic back to the old fleet; the endpoint is InService again on
  // the previous endpoint configuration, which CloudFormation can report as a completed update.
  test('fails after an automatic rollback: the endpoint is InService on the previous configuration', async () => {
    world({ serving: 'EndpointConfig-Old', failureReason: 'Deployment was rolled back: alarm player-churn-prod-5xx-errors in ALARM' });
    const report = await verifyRelease(clients, options);
    expect(report.passed).toBe(false);
    expect(report.failures).toEqual([
      expect.stringMatching(/^endpoint player-churn-prod serves the endpoint configuration EndpointConfig-Old, not endpointconfig-new that player-churn-prod-endpoint deployed: .*automatic rollback \(SageMaker: Deployment was rolled back: alarm player-churn-prod-5xx-errors in ALARM\)$/),
      'a production variant of EndpointConfig-Old serves the model Model-Old, not model-new that player-churn-prod-endpoint deployed',
    ]);
    expect(formatReleaseVerification(report)).toMatch(/failed: 2 failures$/);
  });

  test('fails when the model comes from another package, the endpoint is not InService or the stack rolled back', async () => {
    world({ modelPackage: `${ARN}:model-package/player-churn/6` });
    expect((await verifyRelease(clients, options)).failures).toEqual([`model Model-New serves the model package ${ARN}:model-package/player-churn/6, not ${MODEL.modelPackageArn} resolved for this release`]);
    cfn.reset();
    sm.reset();
    world({ status: 'Updating', stackStatus: 'UPDATE_ROLLBACK_COMPLETE' });
    expect((await verifyRelease(clients, options)).failures).toEqual([
      'stack player-churn-prod-endpoint is UPDATE_ROLLBACK_COMPLETE, not CREATE_COMPLETE or UPDATE_COMPLETE: the deploy did not complete',
      'endpoint player-churn-prod is Updating, not InService',
    ]);
  });

  test('a model from a copied artifact (a stage in another region) must carry the resolved version', async () => {
    world();
    sm.on(DescribeModelCommand).resolves({ ModelName: 'Model-New', ModelArn: `${ARN}:model/model-new`, PrimaryContainer: { ModelDataUrl: 's3://stage-bucket/models/v7/model.tar.gz' } } as any);
    expect((await verifyRelease(clients, options)).passed).toBe(true);
    cfn.reset();
    sm.reset();
    world();
    sm.on(DescribeModelCommand).resolves({ ModelName: 'Model-New', ModelArn: `${ARN}:model/model-new`, PrimaryContainer: { ModelDataUrl: 's3://stage-bucket/models/v6/model.tar.gz' } } as any);
    expect((await verifyRelease(clients, options)).failures).toEqual(['model Model-New serves the artifact s3://stage-bucket/models/v6/model.tar.gz, not version 7 of player-churn']);
  });

  test('a missing stack or endpoint is an error that says so', async () => {
    cfn.on(DescribeStacksCommand).rejects(Object.assign(new Error('Stack with id player-churn-prod-endpoint does not exist'), { name: 'ValidationError' }));
    await expect(verifyRelease(clients, options)).rejects.toThrow(new CliError('stack player-churn-prod-endpoint does not exist in the client\'s account and region'));
    cfn.reset();
    world();
    sm.on(DescribeEndpointCommand).rejects(Object.assign(new Error('Could not find endpoint "player-churn-prod".'), { name: 'ValidationException' }));
    await expect(verifyRelease(clients, options)).rejects.toThrow(/endpoint player-churn-prod does not exist in the client's account and region/);
  });
});
