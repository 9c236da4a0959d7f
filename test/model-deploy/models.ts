import type { ResolvedModel } from '../../src/app-context/resolved-model';

/*
 * The resolved model versions of the model-deploy tests, in a file of their own that imports no code
 * (a type only): test/fixtures/step-permissions/world.ts, bundled and run as the CLI of every step the
 * suite runs, takes them from here without loading the CDK apps that fixtures.ts builds.
 */

/** A resolved model version 7 of player-churn, with its artifact, baseline and key. */
export const MODEL: ResolvedModel = {
  modelPackageGroupName: 'player-churn',
  modelPackageArn: 'arn:aws:sagemaker:us-east-1:111111111111:model-package/player-churn/7',
  version: 7,
  approvalStatus: 'Approved',
  creationTime: '2026-11-20T10:00:00.000Z',
  auc: 0.8312,
  imageUri: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1',
  modelDataUrl: 's3://build-bucket/player-churn-training/exec1/Train/output/model.tar.gz',
  baselineDataUri: 's3://build-bucket/player-churn-training/exec1/Preprocess/baseline',
  artifactKmsKeyArn: 'arn:aws:kms:us-east-1:111111111111:key/0d2f1c3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
};

/** The next release: version 8, another artifact and AUC. */
export const NEXT_MODEL: ResolvedModel = {
  ...MODEL,
  modelPackageArn: 'arn:aws:sagemaker:us-east-1:111111111111:model-package/player-churn/8',
  version: 8,
  creationTime: '2026-11-27T10:00:00.000Z',
  auc: 0.8477,
  modelDataUrl: 's3://build-bucket/player-churn-training/exec2/Train/output/model.tar.gz',
  baselineDataUri: 's3://build-bucket/player-churn-training/exec2/Preprocess/baseline',
};
