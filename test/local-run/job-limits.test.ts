import { checkProcessingJobLimits, checkTrainingJobLimits } from '../../src/local-run/job-limits';
import { localPipeline } from '../../src/local-run';
import { SEED_MODEL_BUILD_REPO, testConfig } from '../helpers/validated-synth';
import { localRunRefusal } from '../helpers/local-run-refusal';

const WHERE = 'step Preprocess';

// SageMaker API Reference, CreateProcessingJob (service model shapes ProcessingEnvironmentMap: at most 100 entries, keys
// [a-zA-Z_][a-zA-Z0-9_]* of at most 256, values of at most 256; ContainerEntrypoint and ContainerArguments: 1 to 100
// items of at most 256; ProcessingInputs and ProcessingOutputs: at most 10).
describe('a processing job\'s resolved arguments, as CreateProcessingJob takes them', () => {
  test('an environment value over 256 characters, a bad key, too many entries', () => {
    expect(() => checkProcessingJobLimits({ Environment: { MLFLOW_EXPERIMENT_NAME: 'e'.repeat(256) } }, WHERE)).not.toThrow();
    expect(localRunRefusal(() => checkProcessingJobLimits({ Environment: { MLFLOW_EXPERIMENT_NAME: 'e'.repeat(257) } }, WHERE)))
      .toBe('step Preprocess: Environment.MLFLOW_EXPERIMENT_NAME resolved to 257 characters; CreateProcessingJob takes at most 256');
    expect(localRunRefusal(() => checkProcessingJobLimits({ Environment: { '1ST': 'x' } }, WHERE)))
      .toBe('step Preprocess: Environment key "1ST" is not one CreateProcessingJob takes (a letter or _ then letters, digits or _, at most 256 characters)');
    const many = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`V${i}`, 'x']));
    expect(localRunRefusal(() => checkProcessingJobLimits({ Environment: many }, WHERE))).toBe('step Preprocess: Environment has 101 entries; CreateProcessingJob takes at most 100');
  });

  test('empty or oversized entrypoint and argument lists, and more than 10 inputs', () => {
    expect(localRunRefusal(() => checkProcessingJobLimits({ AppSpecification: { ContainerArguments: [] } }, WHERE)))
      .toBe('step Preprocess: ContainerArguments must be a list of 1 to 100 strings (CreateProcessingJob), got []');
    expect(localRunRefusal(() => checkProcessingJobLimits({ AppSpecification: { ContainerEntrypoint: ['python3', 'x'.repeat(257)] } }, WHERE)))
      .toMatch(/^step Preprocess: ContainerEntrypoint has an item of 257 characters; CreateProcessingJob takes at most 256/);
    expect(localRunRefusal(() => checkProcessingJobLimits({ ProcessingInputs: Array.from({ length: 11 }, () => ({})) }, WHERE)))
      .toBe('step Preprocess: ProcessingInputs has 11 entries; CreateProcessingJob takes at most 10');
  });
});

// SageMaker API Reference, CreateTrainingJob (HyperParameters: at most 100, keys of at most 256, values of at most 2500;
// TrainingEnvironmentMap: at most 100, keys and values of at most 512).
describe('a training job\'s resolved arguments, as CreateTrainingJob takes them', () => {
  test('hyperparameter values over 2500 characters and environment values over 512 are refused', () => {
    expect(() => checkTrainingJobLimits({ HyperParameters: { eta: '0.2' }, Environment: { A: 'x'.repeat(512) } }, 'step Train')).not.toThrow();
    expect(localRunRefusal(() => checkTrainingJobLimits({ HyperParameters: { sagemaker_program: 'x'.repeat(2501) } }, 'step Train')))
      .toBe('step Train: HyperParameters.sagemaker_program resolved to 2501 characters; CreateTrainingJob takes at most 2500');
    expect(localRunRefusal(() => checkTrainingJobLimits({ Environment: { A: 'x'.repeat(513) } }, 'step Train')))
      .toBe('step Train: Environment.A resolved to 513 characters; CreateTrainingJob takes at most 512');
  });
});

test('the project\'s own steps are within the limits, with MLflow on and off', () => {
  for (const options of [{}, { mlflow: {} }]) {
    const definition = localPipeline({ repoDir: SEED_MODEL_BUILD_REPO, config: testConfig(options) }).definition.toJSON() as any;
    const steps = [...definition.Steps, ...definition.Steps.flatMap((s: any) => [...(s.Arguments?.IfSteps ?? []), ...(s.Arguments?.ElseSteps ?? [])])];
    for (const step of steps) {
      if (step.Type === 'Processing') {
        expect(() => checkProcessingJobLimits(step.Arguments, `step ${step.Name}`)).not.toThrow();
      } else if (step.Type === 'Training') {
        expect(() => checkTrainingJobLimits(step.Arguments, `step ${step.Name}`)).not.toThrow();
      }
    }
    expect(steps.some((s: any) => s.Type === 'Processing')).toBe(true);
  }
});
