/**
 * CodePipeline User Guide, "Quotas in AWS CodePipeline": a CodeBuild build action times out after 8 hours. The
 * model-build CodePipeline's RunSageMakerPipeline action waits for the SageMaker execution, so every chain of steps
 * must end within that wait, each job at its StoppingCondition.MaxRuntimeInSeconds (SageMaker API Reference,
 * StoppingCondition; CreateTrainingJob's default is 86,400 seconds, a day).
 */
import { AWS_CONSTRAINTS, ConfigError } from '../../src/config';
import {
  CODEBUILD_ACTION_TIMEOUT_MINUTES, JOB_START_MINUTES, ModelBuildApp, RUN_PIPELINE_WAIT_MINUTES, TRAINING_MAX_RUNTIME_SECONDS, checkRunFitsWait, longestRun,
  playerChurnPipeline,
} from '../../src/model-build';
import { ParameterInteger, PipelineDefinition, ProcessingStep, TrainingStep } from '../../src/pipeline-definition';
import { SEED_MODEL_BUILD_REPO, testConfig } from '../helpers/validated-synth';
import { MLFLOW_TRACKING, playerChurnProps, projectConfig } from '../pipeline-definition/fixtures';

const JOB = JOB_START_MINUTES;

describe('the player-churn pipeline', () => {
  test('Train may run 3 hours, not CreateTrainingJob\'s day', () => {
    const train = (playerChurnPipeline(playerChurnProps()).toJSON().Steps as any[]).find((s) => s.Name === 'Train');
    expect(train.Arguments.StoppingCondition).toEqual({ MaxRuntimeInSeconds: TRAINING_MAX_RUNTIME_SECONDS });
    expect(TRAINING_MAX_RUNTIME_SECONDS).toBe(3 * 3600);
  });

  test('its longest execution is Preprocess → Train → Evaluate → CheckAuc, each job at its maximum, and fits the wait', () => {
    const run = checkRunFitsWait(playerChurnPipeline(playerChurnProps()));
    expect(run.path.slice(0, 4)).toEqual([`Preprocess ${60 + JOB} min`, `Train ${180 + JOB} min`, `Evaluate ${60 + JOB} min`, 'CheckAuc 0 min']);
    // Then a branch of the quality gate, which takes no time: registering, or failing the execution.
    expect(['Register 0 min', 'AucBelowThreshold 0 min']).toContain(run.path[4]);
    expect(run.minutes).toBe(300 + 3 * JOB);
  });

  test('with scale-out and MLflow, the longest one (ScanInput and TagMlflowRun too) still fits', () => {
    const definition = playerChurnPipeline(playerChurnProps({ config: projectConfig({ instanceCounts: { processing: 4, training: 2 } }), mlflow: MLFLOW_TRACKING }));
    const run = checkRunFitsWait(definition);
    expect(run.path[0]).toBe(`ScanInput ${60 + JOB} min`);
    expect(run.path.at(-1)).toBe(`TagMlflowRun ${60 + JOB} min`);
    expect(run.minutes).toBe(420 + 5 * JOB);
    expect(run.minutes).toBeLessThanOrEqual(RUN_PIPELINE_WAIT_MINUTES);
  });
});

describe('a definition of a team\'s own', () => {
  const job = { roleArn: 'arn:aws:iam::111111111111:role/run', imageUri: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3', instanceType: 'ml.m5.large' };
  const processing = (name: string, maxRuntimeSeconds?: number | ParameterInteger, dependsOn: string[] = []) =>
    new ProcessingStep({ ...job, name, entrypoint: ['python3', 'run.py'], maxRuntimeSeconds, dependsOn });

  test('parallel chains: the longest counts', () => {
    const definition = new PipelineDefinition({ steps: [processing('A', 600), processing('B', 7200), processing('C', 600, ['A', 'B'])] });
    expect(longestRun(definition)).toEqual({ minutes: 130 + 2 * JOB, path: [`B ${120 + JOB} min`, `C ${10 + JOB} min`] });
  });

  test('a training left at its day is refused, naming the chain, the wait and CodePipeline\'s limit', () => {
    const train = new TrainingStep({
      ...job, name: 'Train', imageUri: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1', instanceType: 'ml.m5.xlarge',
      inputs: { train: { s3Uri: 's3://bucket/train' } }, outputPath: 's3://bucket/model', dependsOn: ['Prepare'],
    });
    const definition = new PipelineDefinition({ steps: [processing('Prepare', 3600), train] });
    expect(() => checkRunFitsWait(definition)).toThrow(ConfigError);
    expect(() => checkRunFitsWait(definition)).toThrow(
      `an execution of the model-build SageMaker pipeline may take ${60 + 1440 + 2 * JOB} minutes (Prepare ${60 + JOB} min → Train ${1440 + JOB} min; each job at its ` +
      `MaxRuntimeInSeconds plus ${JOB} minutes to start), but RunSageMakerPipeline waits at most ${RUN_PIPELINE_WAIT_MINUTES} minutes: ` +
      `CodePipeline stops a CodeBuild action after ${CODEBUILD_ACTION_TIMEOUT_MINUTES / 60} hours; lower the steps' maxRuntimeSeconds`,
    );
  });

  test('a maximum running time from a parameter counts at its default', () => {
    const limit = new ParameterInteger({ name: 'Limit', defaultValue: 9000 });
    expect(longestRun(new PipelineDefinition({ parameters: [limit], steps: [processing('A', limit)] })).minutes).toBe(150 + JOB);
  });
});

test('a model-build app whose pipeline may outlast the wait is refused at synth, before anything deploys', () => {
  // The team's definition: the player-churn one with Train at CreateTrainingJob's default of a day.
  const longTraining = (props: Parameters<typeof playerChurnPipeline>[0]) => {
    const definition = playerChurnPipeline(props);
    const json = definition.toJSON();
    (json.Steps as any[]).find((s) => s.Name === 'Train').Arguments.StoppingCondition.MaxRuntimeInSeconds = 86_400;
    return Object.assign(Object.create(definition) as PipelineDefinition, { toJSON: () => json, toString: () => JSON.stringify(json) });
  };
  expect(() => new ModelBuildApp({ config: testConfig(), repoDir: SEED_MODEL_BUILD_REPO, pipelineDefinition: longTraining }))
    .toThrow(/may take \d+ minutes \(Preprocess 65 min → Train 1445 min → Evaluate 65 min → CheckAuc 0 min → \w+ 0 min; .*waits at most 465 minutes/);
  expect(() => new ModelBuildApp({ config: testConfig(), repoDir: SEED_MODEL_BUILD_REPO })).not.toThrow();
});

test('the AWS-limits table states the same figures', () => {
  const row = AWS_CONSTRAINTS.find((c) => c.option.startsWith('the model-build pipeline'))!;
  expect(row.rule).toContain(`plus ${JOB_START_MINUTES} minutes to start, within the ${RUN_PIPELINE_WAIT_MINUTES} minutes RunSageMakerPipeline waits (a CodeBuild action runs at most ${CODEBUILD_ACTION_TIMEOUT_MINUTES / 60} hours)`);
  expect(row.rule).toContain(`Train runs at most ${TRAINING_MAX_RUNTIME_SECONDS / 3600} hours`);
});
