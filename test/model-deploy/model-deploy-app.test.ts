import { Template } from 'aws-cdk-lib/assertions';
import { ModelDeployApp, StageStorageStack } from '../../src/model-deploy';
import { synthValidated, testConfig, validatedApp } from '../helpers/validated-synth';

describe('ModelDeployApp', () => {
  test('synthesizes a storage stack per stage that passes the validator, cdk-nag and the guardrails', () => {
    const templates = synthValidated(new ModelDeployApp({ config: testConfig() }));
    expect(Object.keys(templates).sort()).toEqual(['player-churn-prod-storage', 'player-churn-staging-storage']);
    for (const template of Object.values(templates)) {
      template.resourceCountIs('AWS::KMS::Key', 1);
      template.hasResource('AWS::S3::Bucket', { Properties: { VersioningConfiguration: { Status: 'Enabled' } }, DeletionPolicy: 'Retain' });
    }
  });

  test('each stage lands in its own account and region', () => {
    const config = testConfig({
      environments: { build: { account: '111111111111' }, staging: { account: '222222222222' }, prod: { account: '333333333333', region: 'eu-west-1' } },
    });
    const app = new ModelDeployApp({ config });
    expect([app.stageStorage.staging.account, app.stageStorage.staging.region]).toEqual(['222222222222', 'us-east-1']);
    expect([app.stageStorage.prod.account, app.stageStorage.prod.region]).toEqual(['333333333333', 'eu-west-1']);
    synthValidated(app);
  });

  test('keys are aliased per stage', () => {
    const app = new ModelDeployApp({ config: testConfig() });
    Template.fromStack(app.stageStorage.prod).hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/player-churn-prod-data' });
  });

  test('an unknown stage is rejected', () => {
    expect(() => new StageStorageStack(validatedApp(), 'X', { config: testConfig(), stage: 'qa' as any })).toThrow(/stage must be one of staging, prod, got "qa"/);
  });
});
