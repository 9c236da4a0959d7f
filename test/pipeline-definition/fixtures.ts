import { MlflowTracking, ProjectConfig, ProjectOptions } from '../../src/config';
import { testConfig } from '../helpers/validated-synth';
import { PlayerChurnPipelineProps } from '../../src/model-build/player-churn-pipeline';
import {
  FailStep, PipelineDefinition, PipelineDefinitionError, ProcessingStep, ProcessingStepProps, PropertyFile,
  Reference, RegisterModelStep, RegisterModelStepProps, RenderContext, TrainingStep, TrainingStepProps,
} from '../../src/pipeline-definition';

export const ROLE_ARN = 'arn:aws:iam::123456789012:role/sagemaker-pipeline-execution';
export const KMS_KEY_ARN = 'arn:aws:kms:us-east-1:123456789012:key/0d2f1c3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
export const SKLEARN_IMAGE = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3';
/** The preprocessing step's image (Python 3.10). */
export const SKLEARN_PIPELINE_IMAGE = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.4-2-cpu-py3';
export const XGBOOST_IMAGE = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1';
export const MLFLOW_ARN = 'arn:aws:sagemaker:us-east-1:123456789012:mlflow-tracking-server/player-churn';
/** The pipeline's MLflow settings with the tracking server {@link MLFLOW_ARN}. */
export const MLFLOW_TRACKING: MlflowTracking = { trackingUri: MLFLOW_ARN, experimentName: 'player-churn', clientVersion: '3.0.0' };
/** The code bundle and runproc.sh of the default pipeline's props, as the stack uploads them (keys are asset hashes). */
export const CODE_BUNDLE_URI = 's3://player-churn-artifacts-123456789012/0a1b2c.tar.gz';
export const RUNPROC_URI = 's3://player-churn-artifacts-123456789012/3d4e5f.sh';

/** The error `fn` throws, which must be a PipelineDefinitionError. */
export function errorOf(fn: () => unknown): PipelineDefinitionError {
  try {
    fn();
  } catch (err) {
    if (err instanceof PipelineDefinitionError) {
      return err;
    }
    throw err;
  }
  throw new Error('expected a PipelineDefinitionError, but nothing was thrown');
}

/** A render context that records the references an expression makes. */
export function recorder(): { readonly ctx: RenderContext; readonly refs: Reference[] } {
  const refs: Reference[] = [];
  return { ctx: { reference: (ref) => refs.push(ref) }, refs };
}

/** A processing step with one input and one output (named `train`); `overrides` replace any prop. */
export function processingStep(overrides: Partial<ProcessingStepProps> = {}): ProcessingStep {
  return new ProcessingStep({
    name: 'Preprocess',
    imageUri: SKLEARN_IMAGE,
    roleArn: ROLE_ARN,
    instanceType: 'ml.m5.large',
    entrypoint: ['python3', '/opt/ml/processing/input/code/preprocess.py'],
    inputs: [{ name: 'data', source: 's3://bucket/raw/players.csv', destination: '/opt/ml/processing/input/data' }],
    outputs: [{ name: 'train', source: '/opt/ml/processing/output/train', destination: 's3://bucket/out/train' }],
    ...overrides,
  });
}

/** A processing step named `Evaluate` that writes the property file `EvaluationReport` into its output `evaluation`. */
export function evaluationStep(overrides: Partial<ProcessingStepProps> = {}): { step: ProcessingStep; report: PropertyFile } {
  const report = new PropertyFile('EvaluationReport', 'evaluation', 'evaluation.json');
  const step = processingStep({
    name: 'Evaluate',
    outputs: [{ name: 'evaluation', source: '/opt/ml/processing/evaluation', destination: 's3://bucket/out/evaluation' }],
    propertyFiles: [report],
    ...overrides,
  });
  return { step, report };
}

/** A training step named `Train` with a literal train channel; `overrides` replace any prop. */
export function trainingStep(overrides: Partial<TrainingStepProps> = {}): TrainingStep {
  return new TrainingStep({
    name: 'Train',
    imageUri: XGBOOST_IMAGE,
    roleArn: ROLE_ARN,
    instanceType: 'ml.m5.xlarge',
    inputs: { train: { s3Uri: 's3://bucket/out/train', contentType: 'text/csv' } },
    outputPath: 's3://bucket/model',
    ...overrides,
  });
}

/** A register step named `Register` with literal arguments; `overrides` replace any prop. */
export function registerStep(overrides: Partial<RegisterModelStepProps> = {}): RegisterModelStep {
  return new RegisterModelStep({
    name: 'Register',
    modelPackageGroupName: 'player-churn',
    image: XGBOOST_IMAGE,
    modelDataUrl: 's3://bucket/model/model.tar.gz',
    contentTypes: ['text/csv'],
    responseTypes: ['text/csv'],
    inferenceInstanceTypes: ['ml.m5.large'],
    transformInstanceTypes: ['ml.m5.large'],
    ...overrides,
  });
}

export function failStep(name = 'Fail', errorMessage = 'the model is not good enough'): FailStep {
  return new FailStep({ name, errorMessage });
}

/** The JSON of the step named `name` in a definition, at the top level or in a condition's branch. */
export function stepJson(definition: PipelineDefinition, name: string): any {
  const find = (steps: any[]): any => {
    for (const step of steps ?? []) {
      if (step.Name === name) {
        return step;
      }
      const nested = find([...(step.Arguments?.IfSteps ?? []), ...(step.Arguments?.ElseSteps ?? [])]);
      if (nested !== undefined) {
        return nested;
      }
    }
    return undefined;
  };
  const step = find(definition.toJSON().Steps);
  if (step === undefined) {
    throw new Error(`no step ${name} in the definition`);
  }
  return step;
}

/** A valid project config (the shared testConfig()), with `overrides`. */
export function projectConfig(overrides: Partial<ProjectOptions> = {}): ProjectConfig {
  return testConfig(overrides as Record<string, unknown>);
}

/** Literal props of the default pipeline, with `overrides`. */
export function playerChurnProps(overrides: Partial<PlayerChurnPipelineProps> = {}): PlayerChurnPipelineProps {
  return {
    config: projectConfig(),
    pipelineName: 'player-churn',
    roleArn: ROLE_ARN,
    bucketName: 'player-churn-artifacts-123456789012',
    kmsKeyArn: KMS_KEY_ARN,
    sklearnImageUri: SKLEARN_PIPELINE_IMAGE,
    xgboostImageUri: XGBOOST_IMAGE,
    code: {
      bundle: { s3Uri: CODE_BUNDLE_URI, fileName: '0a1b2c.tar.gz' },
      entrypoint: { s3Uri: RUNPROC_URI, fileName: '3d4e5f.sh' },
    },
    inputDataUri: 's3://player-churn-artifacts-123456789012/data/players.csv',
    ...overrides,
  };
}
