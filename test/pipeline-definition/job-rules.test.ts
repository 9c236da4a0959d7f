import {
  BUILT_IN_ALGORITHM_REPOSITORIES, ParameterString, imageRepository, runsBuiltInAlgorithm,
} from '../../src/pipeline-definition';
import { KMS_KEY_ARN, XGBOOST_IMAGE, errorOf, processingStep, trainingStep } from './fixtures';

/*
 * Built-in algorithms and metric definitions. Developer guide, "Define metrics and environment
 * variables": "If you use one of the SageMaker built-in algorithms, metrics are already defined
 * for you"; "Tune an XGBoost Model" lists the metrics the XGBoost algorithm computes
 * (validation:auc, ...). CreateTrainingJob's refusal of custom metric definitions for a built-in
 * algorithm ("You can't override the metric definitions for Amazon SageMaker algorithms", as
 * issue 16 quotes it) was not found in the stored AWS pages. Limits: API reference,
 * AlgorithmSpecification (MetricDefinitions: at most 20 items) and MetricDefinition (Name 1-255,
 * Regex 1-500 characters).
 */
describe('TrainingStep metric definitions', () => {
  const metric = { name: 'validation:auc', regex: 'validation-auc:([0-9\\.]+)' };

  test('are rejected for the built-in XGBoost algorithm (its image without sagemaker_program)', () => {
    expect(errorOf(() => trainingStep({ hyperparameters: { num_round: 10 }, metricDefinitions: [metric] })).message).toBe(
      'step Train: metricDefinitions are not allowed for the built-in algorithm of image sagemaker-xgboost (no sagemaker_program hyperparameter): '
      + 'CreateTrainingJob rejects them, and the algorithm publishes its own metrics (for XGBoost validation:auc and the other validation:<eval_metric>); '
      + 'leave metricDefinitions out, or run a training script (sagemaker_program) that prints the metrics',
    );
  });

  test('are rejected for another built-in algorithm image', () => {
    const image = '382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1';
    expect(errorOf(() => trainingStep({ imageUri: image, metricDefinitions: [metric] })).message).toMatch(/built-in algorithm of image linear-learner/);
  });

  test('are rendered for a training script in the XGBoost image (script mode) and for an own image', () => {
    const script = trainingStep({ hyperparameters: { sagemaker_program: 'train.py' }, metricDefinitions: [metric] });
    expect(script).toBeDefined();
    const own = trainingStep({ imageUri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/churn-trainer:3', metricDefinitions: [metric] });
    expect(own).toBeDefined();
    // An image given as a parameter is not judged (it is not known before the execution).
    const image = new ParameterString({ name: 'TrainingImage', defaultValue: XGBOOST_IMAGE });
    expect(trainingStep({ imageUri: image, metricDefinitions: [metric] })).toBeDefined();
  });

  test('none at all is the built-in default', () => {
    expect(trainingStep({ hyperparameters: { num_round: 10 } })).toBeDefined();
  });

  test.each([
    [Array.from({ length: 21 }, (_, i) => ({ name: `m${i}`, regex: 'x:(\\d+)' })), 'step Train: 21 metricDefinitions; SageMaker allows at most 20'],
    [[{ name: '', regex: 'x:(\\d+)' }], 'step Train: a metric name must be 1 to 255 characters, got ""'],
    [[{ name: 'loss', regex: 'x'.repeat(501) }], `step Train: metric loss: the regex must be 1 to 500 characters, got "${'x'.repeat(501)}"`],
    [[{ name: 'loss', regex: 'a:(\\d+)' }, { name: 'loss', regex: 'b:(\\d+)' }], 'step Train: metric loss is defined twice'],
  ])('a script step\'s %# metric definitions out of bounds are rejected', (definitions, message) => {
    expect(errorOf(() => trainingStep({ hyperparameters: { sagemaker_program: 'train.py' }, metricDefinitions: definitions })).message).toBe(message);
  });

  test('the built-in algorithm repositories are recognized from the image URI', () => {
    expect(imageRepository(XGBOOST_IMAGE)).toBe('sagemaker-xgboost');
    expect(imageRepository('683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost@sha256:abc')).toBe('sagemaker-xgboost');
    expect(imageRepository('python:3.11')).toBeUndefined();
    expect(BUILT_IN_ALGORITHM_REPOSITORIES.has('sagemaker-scikit-learn')).toBe(false);
    expect(runsBuiltInAlgorithm(XGBOOST_IMAGE, {})).toBe(true);
    expect(runsBuiltInAlgorithm(XGBOOST_IMAGE, { sagemaker_program: 'train.py' })).toBe(false);
  });
});

/*
 * SageMaker API reference, ResourceConfig.VolumeKmsKeyId (CreateTrainingJob) and
 * ProcessingClusterConfig.VolumeKmsKeyId (CreateProcessingJob): "Certain Nitro-based instances
 * include local storage ... You can't request a VolumeKmsKeyId when using an instance type with
 * local storage."
 */
describe('volume KMS keys and instance types with local storage', () => {
  test('a literal type with local storage and a volume key is rejected, for training and processing', () => {
    expect(errorOf(() => trainingStep({ instanceType: 'ml.g4dn.xlarge', volumeKmsKeyId: KMS_KEY_ARN })).message).toBe(
      'step Train: instance type ml.g4dn.xlarge, which has instance-store (NVMe) volumes; SageMaker rejects a volumeKmsKeyId on such types: '
      + 'use EBS-backed instance types, or leave volumeKmsKeyId out',
    );
    expect(errorOf(() => processingStep({ instanceType: 'ml.m5d.large', volumeKmsKeyId: KMS_KEY_ARN })).message).toMatch(/^step Preprocess: instance type ml\.m5d\.large, which has/);
  });

  test('without a volume key, a type with local storage is fine; with one, an EBS-backed type is', () => {
    expect(trainingStep({ instanceType: 'ml.g4dn.xlarge' })).toBeDefined();
    expect(trainingStep({ instanceType: 'ml.p3.2xlarge', volumeKmsKeyId: KMS_KEY_ARN })).toBeDefined();
  });

  test('an instance-type parameter whose default or allowed values include a type with local storage is rejected', () => {
    const byDefault = new ParameterString({ name: 'TrainingInstanceType', defaultValue: 'ml.g5.xlarge' });
    expect(errorOf(() => trainingStep({ instanceType: byDefault, volumeKmsKeyId: KMS_KEY_ARN })).message)
      .toMatch(/^step Train: instance type parameter TrainingInstanceType allows ml\.g5\.xlarge, which has instance-store/);
    const allowed = new ParameterString({ name: 'TrainingInstanceType', defaultValue: 'ml.m5.xlarge', allowedValues: ['ml.m5.xlarge', 'ml.g4dn.xlarge', 'ml.p4d.24xlarge'] });
    expect(errorOf(() => trainingStep({ instanceType: allowed, volumeKmsKeyId: KMS_KEY_ARN })).message)
      .toMatch(/^step Train: instance type parameter TrainingInstanceType allows ml\.g4dn\.xlarge, ml\.p4d\.24xlarge, which have instance-store/);
    const ebsOnly = new ParameterString({ name: 'TrainingInstanceType', defaultValue: 'ml.m5.xlarge', allowedValues: ['ml.m5.xlarge', 'ml.p3.2xlarge'] });
    expect(trainingStep({ instanceType: ebsOnly, volumeKmsKeyId: KMS_KEY_ARN })).toBeDefined();
  });
});
