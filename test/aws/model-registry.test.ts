import {
  DescribeModelPackageCommand,
  DescribeModelPackageGroupCommand,
  DescribeModelPackageCommandOutput,
  ListModelPackagesCommand,
  ResourceNotFound,
  SageMakerClient,
  SageMakerServiceException,
} from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { CliError, createAwsClient, findLatestApprovedModel, formatResolvedModel } from '../../src/aws';
import { ConfigError } from '../../src/config';
import { JsonResponse, THROTTLED, byOperation, isolateAwsEnvironment, stubJsonHttp } from '../helpers/aws-http';

// The mock stubs this instance only, so the throttling test can use a real client's retries.
const client = new SageMakerClient({ region: 'eu-west-1' });
const sm = mockClient(client);
const GROUP = 'churn-models';
const packageArn = (version: number) => `arn:aws:sagemaker:eu-west-1:123456789012:model-package/${GROUP}/${version}`;
const CREATED = new Date('2025-03-04T05:06:07.000Z');

function serviceError(name: string, message: string): SageMakerServiceException {
  return new SageMakerServiceException({ name, message, $fault: 'client', $metadata: {} });
}

function summary(version: number) {
  return { ModelPackageArn: packageArn(version), ModelPackageGroupName: GROUP, ModelPackageVersion: version, CreationTime: CREATED, ModelPackageStatus: 'Completed' as const };
}

function described(version: number, metadata?: Record<string, string>): Partial<DescribeModelPackageCommandOutput> {
  return {
    ModelPackageArn: packageArn(version),
    ModelPackageGroupName: GROUP,
    ModelPackageVersion: version,
    ModelApprovalStatus: 'Approved',
    ApprovalDescription: 'AUC above the bar; reviewed by ana',
    CreationTime: CREATED,
    CustomerMetadataProperties: metadata,
    InferenceSpecification: {
      Containers: [
        { Image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/xgboost:1.7-1', ModelDataUrl: 's3://artifacts-bucket/churn/model.tar.gz' },
      ],
      SupportedContentTypes: ['text/csv'],
      SupportedResponseMIMETypes: ['text/csv'],
    },
  };
}

const METADATA = {
  auc: '0.8123',
  baselineDataUri: 's3://artifacts-bucket/churn/baseline',
  artifactKmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555',
  pipelineExecutionArn: 'arn:aws:sagemaker:eu-west-1:123456789012:pipeline/churn/execution/x',
};

/** The ListModelPackages calls for one approval status, in order. */
function listInputs(status: string) {
  return sm.commandCalls(ListModelPackagesCommand).map((call) => call.args[0].input).filter((input) => input.ModelApprovalStatus === status);
}

/** The error a promise rejects with. */
async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a rejection');
}

beforeEach(() => {
  sm.reset();
});

describe('findLatestApprovedModel', () => {
  test('describes the newest approved version and maps the registry entry', async () => {
    sm.on(ListModelPackagesCommand, { ModelApprovalStatus: 'Approved' }).resolves({ ModelPackageSummaryList: [summary(7), summary(5)] });
    sm.on(DescribeModelPackageCommand, { ModelPackageName: packageArn(7) }).resolves(described(7, METADATA));

    const model = await findLatestApprovedModel(client, GROUP);

    expect(model).toEqual({
      modelPackageGroupName: GROUP,
      modelPackageArn: packageArn(7),
      version: 7,
      approvalStatus: 'Approved',
      creationTime: '2025-03-04T05:06:07.000Z',
      approvalDescription: 'AUC above the bar; reviewed by ana',
      auc: 0.8123,
      imageUri: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/xgboost:1.7-1',
      modelDataUrl: 's3://artifacts-bucket/churn/model.tar.gz',
      baselineDataUri: 's3://artifacts-bucket/churn/baseline',
      artifactKmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/11111111-2222-3333-4444-555555555555',
    });
    expect(sm.commandCalls(ListModelPackagesCommand).map((call) => call.args[0].input)).toEqual([
      { ModelPackageGroupName: GROUP, ModelApprovalStatus: 'Approved', SortBy: 'CreationTime', SortOrder: 'Descending' },
    ]);
    expect(sm).toHaveReceivedCommandTimes(DescribeModelPackageCommand, 1);
  });

  test('follows NextToken past empty pages to the first summary', async () => {
    sm.on(ListModelPackagesCommand, { ModelApprovalStatus: 'Approved' })
      .resolvesOnce({ ModelPackageSummaryList: [], NextToken: 'page-2' })
      .resolvesOnce({ NextToken: 'page-3' })
      .resolvesOnce({ ModelPackageSummaryList: [summary(4)], NextToken: 'page-4' });
    sm.on(DescribeModelPackageCommand).resolves(described(4, METADATA));

    expect((await findLatestApprovedModel(client, GROUP)).version).toBe(4);
    expect(listInputs('Approved').map((input) => input.NextToken)).toEqual([undefined, 'page-2', 'page-3']);
    expect(sm).toHaveReceivedCommandWith(DescribeModelPackageCommand, { ModelPackageName: packageArn(4) });
  });

  test('the Model Monitor data-quality baseline of the version, when model-build suggested one', async () => {
    const statistics = 's3://build-bucket/player-churn-training/exec9/BaselineDataQuality/monitoring_output/statistics.json';
    const constraints = 's3://build-bucket/player-churn-training/exec9/BaselineDataQuality/monitoring_output/constraints.json';
    sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [summary(5)] });
    sm.on(DescribeModelPackageCommand).resolves({
      ...described(5, METADATA),
      ModelMetrics: { ModelDataQuality: { Statistics: { ContentType: 'application/json', S3Uri: statistics }, Constraints: { ContentType: 'application/json', S3Uri: constraints } } },
    });

    const model = await findLatestApprovedModel(client, GROUP);

    expect(model).toMatchObject({ dataQualityStatisticsUri: statistics, dataQualityConstraintsUri: constraints });
  });

  // SageMaker Developer Guide, exclusions of "Serverless Inference" and of "Shadow tests": no inference pipelines
  // (several containers); and the stage's model role may read the one artifact the project resolves.
  test('a version of several inference containers is refused, saying why and what to do', async () => {
    sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [summary(2)] });
    const [first] = described(2).InferenceSpecification!.Containers!;
    sm.on(DescribeModelPackageCommand).resolves({ ...described(2), InferenceSpecification: { Containers: [first, { Image: 'preprocessing:1' }] } });

    await expect(findLatestApprovedModel(client, GROUP)).rejects.toThrow(new CliError(
      `model package ${packageArn(2)} (the newest approved version) has 2 inference containers: the project deploys versions of one container `
      + '(the model role reads that one artifact, and serverless endpoints and shadow variants host no inference pipeline: SageMaker Developer Guide, '
      + '"Serverless Inference" and "Shadow tests" exclusions). Register the model with one container, or reject this version',
    ));
  });

  test('without metadata or containers only the required fields are set', async () => {
    sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [summary(1)] });
    sm.on(DescribeModelPackageCommand).resolves({ ...described(1), ApprovalDescription: undefined, InferenceSpecification: undefined });

    const model = await findLatestApprovedModel(client, GROUP);

    expect(model).toStrictEqual({
      modelPackageGroupName: GROUP,
      modelPackageArn: packageArn(1),
      version: 1,
      approvalStatus: 'Approved',
      creationTime: '2025-03-04T05:06:07.000Z',
    });
    expect(formatResolvedModel(model)).toEqual([
      `model package: ${packageArn(1)}`,
      `version: 1 of ${GROUP}`,
      'created: 2025-03-04 05:06 UTC',
      'AUC: not recorded',
      'approver comment: none',
    ]);
  });

  test.each(['', 'n/a', 'NaN', '1.5', '-0.1', 'Infinity'])('an AUC of %j is not recorded', async (auc) => {
    sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [summary(2)] });
    sm.on(DescribeModelPackageCommand).resolves(described(2, { ...METADATA, auc }));
    const model = await findLatestApprovedModel(client, GROUP);
    expect(model).not.toHaveProperty('auc');
    expect(model.baselineDataUri).toBe(METADATA.baselineDataUri);
  });

  test.each([['0', 0], ['1', 1], [' 0.75 ', 0.75]])('an AUC of %j is %p', async (text, auc) => {
    sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [summary(2)] });
    sm.on(DescribeModelPackageCommand).resolves(described(2, { auc: text }));
    expect((await findLatestApprovedModel(client, GROUP)).auc).toBe(auc);
  });

  test('a malformed registry entry fails the resolved-model check, naming the package', async () => {
    sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [summary(3)] });
    sm.on(DescribeModelPackageCommand).resolves(described(3, { baselineDataUri: '/local/baseline' }));
    const err = await failure(findLatestApprovedModel(client, GROUP));
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).toBe(`model package ${packageArn(3)}: baselineDataUri must be an s3:// URI, got "/local/baseline"`);
  });

  test('a version rejected between the listing and the description is not resolved', async () => {
    sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [summary(3)] });
    sm.on(DescribeModelPackageCommand).resolves({ ...described(3), ModelApprovalStatus: 'Rejected' });
    await expect(findLatestApprovedModel(client, GROUP)).rejects.toThrow(`model package ${packageArn(3)}: approvalStatus must be "Approved", got "Rejected"`);
  });

  test.each([
    ['ValidationException', `ModelPackageGroup arn:aws:sagemaker:eu-west-1:123456789012:model-package-group/${GROUP} does not exist.`],
    ['ValidationException', `Could not find model package group ${GROUP}.`],
  ])('a group that does not exist (%s: %s) is named with the region', async (name, message) => {
    sm.on(ListModelPackagesCommand).rejects(serviceError(name, message));
    const err = await failure(findLatestApprovedModel(client, GROUP));
    expect(err).toBeInstanceOf(CliError);
    expect(err.message).toBe(`model package group ${GROUP} does not exist in region eu-west-1: ${message}`);
    expect(sm).not.toHaveReceivedCommand(DescribeModelPackageCommand);
  });

  test('ResourceNotFound is a group that does not exist too', async () => {
    sm.on(ListModelPackagesCommand).rejects(new ResourceNotFound({ message: 'not here', $metadata: {} }));
    await expect(findLatestApprovedModel(client, GROUP)).rejects.toThrow(`model package group ${GROUP} does not exist in region eu-west-1: not here`);
  });

  test('other errors pass through', async () => {
    sm.on(ListModelPackagesCommand).rejects(serviceError('AccessDeniedException', 'not authorized to perform: sagemaker:ListModelPackages'));
    const err = await failure(findLatestApprovedModel(client, GROUP));
    expect(err).not.toBeInstanceOf(CliError);
    expect(err.name).toBe('AccessDeniedException');
  });

  test('no approved version, one pending: names the group, the pending version and how to approve it', async () => {
    sm.on(ListModelPackagesCommand, { ModelApprovalStatus: 'Approved' }).resolves({ ModelPackageSummaryList: [] });
    sm.on(ListModelPackagesCommand, { ModelApprovalStatus: 'PendingManualApproval' })
      .resolvesOnce({ ModelPackageSummaryList: [], NextToken: 'more' })
      .resolvesOnce({ ModelPackageSummaryList: [summary(9), summary(8)] });

    const err = await failure(findLatestApprovedModel(client, GROUP));

    expect(err).toBeInstanceOf(CliError);
    expect(err.message).toBe([
      `model package group ${GROUP} in eu-west-1 has no approved model version, so nothing will be deployed.`,
      `The newest version pending approval is version 9 (${packageArn(9)}). To deploy it, approve it in SageMaker Studio (Models → ${GROUP} → the version → Update status) or with:`,
      `  aws sagemaker update-model-package --model-package-arn ${packageArn(9)} --model-approval-status Approved --approval-description "<why it may go to production>"`,
    ].join('\n'));
    expect(listInputs('PendingManualApproval')).toEqual([
      { ModelPackageGroupName: GROUP, ModelApprovalStatus: 'PendingManualApproval', SortBy: 'CreationTime', SortOrder: 'Descending', MaxResults: 10 },
      { ModelPackageGroupName: GROUP, ModelApprovalStatus: 'PendingManualApproval', SortBy: 'CreationTime', SortOrder: 'Descending', MaxResults: 10, NextToken: 'more' },
    ]);
    expect(sm).not.toHaveReceivedCommand(DescribeModelPackageCommand);
  });

  test('no version at all: says the model-build pipeline registers one', async () => {
    sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [] });

    const err = await failure(findLatestApprovedModel(client, GROUP));

    expect(err).toBeInstanceOf(CliError);
    expect(err.message).toBe([
      `model package group ${GROUP} in eu-west-1 has no approved model version, so nothing will be deployed.`,
      `It has no version pending approval either: the model-build pipeline registers one each time it succeeds. Then approve it in SageMaker Studio (Models → ${GROUP} → the version → Update status) or with:`,
      '  aws sagemaker update-model-package --model-package-arn <model-package-arn> --model-approval-status Approved --approval-description "<why it may go to production>"',
    ].join('\n'));
    expect(listInputs('Approved')).toHaveLength(1);
    expect(listInputs('PendingManualApproval')).toHaveLength(1);
  });
});

describe('findLatestApprovedModel on a group that does not exist', () => {
  beforeEach(() => sm.reset());

  // ListModelPackages answers an empty list for a missing group; DescribeModelPackageGroup answers
  // a ValidationException "ModelPackageGroup <arn> does not exist." (SageMaker, as moto does).
  test('an empty listing of a missing group says the group is missing', async () => {
    sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [] });
    sm.on(DescribeModelPackageGroupCommand).rejects(serviceError('ValidationException', `ModelPackageGroup ${GROUP} does not exist.`));
    const err = await failure(findLatestApprovedModel(client, GROUP));
    expect(err).toBeInstanceOf(CliError);
    expect(err.message).toBe(`model package group ${GROUP} does not exist in region eu-west-1: ModelPackageGroup ${GROUP} does not exist.`);
    expect(sm).toHaveReceivedCommandWith(DescribeModelPackageGroupCommand, { ModelPackageGroupName: GROUP });
  });

  test('the group is only described when no approved version is found (the synth role needs no new permission)', async () => {
    sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [summary(5)] });
    sm.on(DescribeModelPackageCommand).resolves(described(5));
    await findLatestApprovedModel(client, GROUP);
    expect(sm).not.toHaveReceivedCommand(DescribeModelPackageGroupCommand);
  });

  test('without permission to describe the group, the no-approved-version message says the check was not made', async () => {
    sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [] });
    sm.on(DescribeModelPackageGroupCommand).rejects(serviceError('AccessDeniedException', 'not authorized to perform: sagemaker:DescribeModelPackageGroup'));
    const err = await failure(findLatestApprovedModel(client, GROUP));
    expect(err.message).toMatch(/^model package group .* has no approved model version/);
    expect(err.message.split('\n').at(-1)).toBe('(whether the group exists was not checked: AccessDeniedException: not authorized to perform: sagemaker:DescribeModelPackageGroup)');
  });

  test('other errors of the check are thrown', async () => {
    sm.on(ListModelPackagesCommand).resolves({ ModelPackageSummaryList: [] });
    sm.on(DescribeModelPackageGroupCommand).rejects(serviceError('InternalFailure', 'boom'));
    await expect(findLatestApprovedModel(client, GROUP)).rejects.toMatchObject({ name: 'InternalFailure' });
  });
});

describe('formatResolvedModel', () => {
  test('shows the AUC to four places and the approver comment', () => {
    expect(formatResolvedModel({
      modelPackageGroupName: GROUP,
      modelPackageArn: packageArn(7),
      version: 7,
      approvalStatus: 'Approved',
      creationTime: '2025-03-04T05:06:07.000Z',
      approvalDescription: 'ship it',
      auc: 0.81234567,
    })).toEqual([
      `model package: ${packageArn(7)}`,
      `version: 7 of ${GROUP}`,
      'created: 2025-03-04 05:06 UTC',
      'AUC: 0.8123',
      'approver comment: ship it',
    ]);
  });
});

describe('a throttled registry call', () => {
  isolateAwsEnvironment({ credentials: true });

  /** The operations the client called, in order. */
  const respond = (client: SageMakerClient, responses: Record<string, JsonResponse[]>) => stubJsonHttp(client, byOperation(responses));

  test('is retried by the client from createAwsClient and then resolves', async () => {
    const real = await createAwsClient(SageMakerClient, { region: 'eu-west-1', maxAttempts: 3 });
    const created = CREATED.getTime() / 1000;
    const calls = respond(real, {
      ListModelPackages: [
        THROTTLED,
        [200, { ModelPackageSummaryList: [{ ...summary(6), CreationTime: created }] }],
      ],
      DescribeModelPackage: [[200, { ...described(6, METADATA), CreationTime: created }]],
    });

    const model = await findLatestApprovedModel(real, GROUP);

    expect(model).toMatchObject({ version: 6, auc: 0.8123, creationTime: '2025-03-04T05:06:07.000Z' });
    expect(calls.map((c) => c.operation)).toEqual(['ListModelPackages', 'ListModelPackages', 'DescribeModelPackage']);
    real.destroy();
  });
});
