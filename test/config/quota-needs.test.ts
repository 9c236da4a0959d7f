/**
 * What a project needs of SageMaker's account-level quotas. Service Quotas names them
 * `<instance type> for <training job|processing job|transform job|endpoint> usage` (the names in
 * ResourceLimitExceeded: "The account-level service limit 'ml.m5.large for training job usage' is 0
 * Instances"), and SageMaker updates an endpoint blue/green: the new fleet starts before the old one
 * stops (SageMaker Developer Guide, "Blue/Green Deployments"), so a release holds its fleet twice.
 */
import { CODEBUILD_LINUX_SMALL_QUOTA, SERVERLESS_CONCURRENCY_QUOTA, quotaNeeds } from '../../src/config';
import { testConfig } from '../helpers/validated-synth';

const brief = (overrides: Record<string, unknown> = {}) => quotaNeeds(testConfig(overrides)).map(({ account, region, quotaName, minimum, atMaximum, environments }) =>
  [account ?? '(credentials)', region, quotaName, minimum, atMaximum, environments.join(',')]);

describe('quotaNeeds', () => {
  test('the defaults, in one account and region: a job of each kind, staging\'s concurrency, production\'s fleet twice and its drift check', () => {
    expect(brief()).toEqual([
      ['(credentials)', 'us-east-1', 'ml.m5.large for processing job usage', 1, 1, 'build'],
      ['(credentials)', 'us-east-1', 'ml.m5.xlarge for training job usage', 1, 1, 'build'],
      ['(credentials)', 'us-east-1', SERVERLESS_CONCURRENCY_QUOTA, 5, 5, 'staging'],
      // Autoscaling 1..4: one instance, and one more while a release starts the new fleet; at the maximum 4 + 4.
      ['(credentials)', 'us-east-1', 'ml.m5.large for endpoint usage', 2, 8, 'prod'],
      ['(credentials)', 'us-east-1', 'ml.t3.medium for processing job usage', 1, 1, 'prod'],
      // Quotas for AWS CodeBuild: every action of both pipelines is a Linux/Small build in the build account; one at a
      // time runs them, two let a release run during a SageMaker pipeline run.
      ['(credentials)', 'us-east-1', CODEBUILD_LINUX_SMALL_QUOTA, 1, 2, 'build'],
    ]);
    expect(quotaNeeds(testConfig()).map((n) => n.service)).toEqual(['sagemaker', 'sagemaker', 'sagemaker', 'sagemaker', 'sagemaker', 'codebuild']);
  });

  test('two real-time stages of one type in one place: both fleets, and one release\'s second fleet at a time', () => {
    const needs = brief({
      endpoints: {
        staging: { type: 'realtime', instanceType: 'ml.c5.large', instanceCount: 2, autoscaling: false, dataCapture: false, deploymentGuardrails: false, driftMonitoring: false },
        prod: { type: 'realtime', instanceType: 'ml.c5.large', instanceCount: 3, autoscaling: false },
      },
    });
    expect(needs.find((n) => n[2] === 'ml.c5.large for endpoint usage')).toEqual(['(credentials)', 'us-east-1', 'ml.c5.large for endpoint usage', 2 + 3 + 3, 8, 'staging,prod']);
  });

  test('scale-out counts, a shadow variant and batch scoring', () => {
    const needs = brief({
      instanceCounts: { processing: 3, training: 2 },
      endpoints: { prod: { type: 'realtime', shadow: { instanceCount: 2 } } },
      batchScoring: { inputUri: 's3://team-data/scoring', instanceType: 'ml.c5.xlarge', instanceCount: 2 },
    });
    expect(needs).toEqual(expect.arrayContaining([
      ['(credentials)', 'us-east-1', 'ml.m5.large for processing job usage', 3, 3, 'build'],
      ['(credentials)', 'us-east-1', 'ml.m5.xlarge for training job usage', 2, 2, 'build'],
      // The shadow phase adds the shadow variant's 2 instances to the release's second fleet.
      ['(credentials)', 'us-east-1', 'ml.m5.large for endpoint usage', 1 + 1 + 2, 4 + 4 + 2, 'prod'],
      ['(credentials)', 'us-east-1', 'ml.c5.xlarge for transform job usage', 2, 2, 'prod'],
    ]));
  });

  test('stages in accounts and regions of their own are needs of those places', () => {
    const needs = brief({ environments: { build: { account: '111111111111' }, staging: { account: '222222222222' }, prod: { account: '333333333333', region: 'eu-west-1' } } });
    expect(needs.map((n) => [n[0], n[1], n[2]])).toEqual([
      ['111111111111', 'us-east-1', 'ml.m5.large for processing job usage'],
      ['111111111111', 'us-east-1', 'ml.m5.xlarge for training job usage'],
      ['222222222222', 'us-east-1', SERVERLESS_CONCURRENCY_QUOTA],
      ['333333333333', 'eu-west-1', 'ml.m5.large for endpoint usage'],
      ['333333333333', 'eu-west-1', 'ml.t3.medium for processing job usage'],
      ['111111111111', 'us-east-1', CODEBUILD_LINUX_SMALL_QUOTA],
    ]);
  });
});
