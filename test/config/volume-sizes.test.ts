import { MAX_VOLUME_SIZE_GB, parseProjectConfig, renderConfigFile, volumeSizesOf } from '../../src/config';
import { playerChurnPipeline } from '../../src/model-build/player-churn-pipeline';
import { SCALE_OUT_STEPS } from '../../src/model-build/scale-out-steps';
import { pipelineDefinitionSchemaErrors } from '../../src/pipeline-definition';
import { MLFLOW_TRACKING, playerChurnProps, projectConfig } from '../pipeline-definition/fixtures';
import { configErrorOf, testConfig } from '../helpers/validated-synth';

const MONITOR_IMAGE = '156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer';

/** Each job step's volume size, by step name: ClusterConfig of processing, ResourceConfig of training. */
function volumes(options: Parameters<typeof projectConfig>[0]): Record<string, unknown> {
  const definition = playerChurnPipeline(playerChurnProps({ config: projectConfig(options), modelMonitorImageUri: MONITOR_IMAGE, mlflow: MLFLOW_TRACKING })).toJSON();
  expect(pipelineDefinitionSchemaErrors(definition)).toEqual([]);
  const sizes: Record<string, unknown> = {};
  const visit = (steps: ReadonlyArray<{ Name: string; Type: string; Arguments?: any }>) => {
    for (const step of steps) {
      if (step.Type === 'Processing') {
        sizes[step.Name] = step.Arguments.ProcessingResources.ClusterConfig.VolumeSizeInGB;
      } else if (step.Type === 'Training') {
        sizes[step.Name] = step.Arguments.ResourceConfig.VolumeSizeInGB;
      } else if (step.Type === 'Condition') {
        visit([...(step.Arguments.IfSteps ?? []), ...(step.Arguments.ElseSteps ?? [])]);
      }
    }
  };
  visit(definition.Steps as any);
  return sizes;
}

describe('volumeSizesInGb', () => {
  test('absent: the config has none, every job keeps a 30 GB volume, as before the option existed', () => {
    const config = testConfig();
    expect('volumeSizesInGb' in config).toBe(false);
    expect(volumeSizesOf(config)).toEqual({ processing: 30, training: 30 });
    expect(new Set(Object.values(volumes({})))).toEqual(new Set([30]));
  });

  test('each field defaults alone, and the resolved config survives the generated config file', () => {
    expect(testConfig({ volumeSizesInGb: {} }).volumeSizesInGb).toEqual({ processing: 30, training: 30 });
    expect(testConfig({ volumeSizesInGb: { training: 100 } }).volumeSizesInGb).toEqual({ processing: 30, training: 100 });
    const config = testConfig({ volumeSizesInGb: { processing: 200, training: 100 } });
    expect(parseProjectConfig(JSON.stringify(renderConfigFile(config)), 'sagemaker-gitops.json')).toEqual(config);
  });

  test('the processing jobs that read the data get the processing size, Train the training size, TagMlflowRun keeps 30 GB', () => {
    expect(volumes({ volumeSizesInGb: { processing: 200, training: 100 } })).toEqual({
      Preprocess: 200, Train: 100, Evaluate: 200, BaselineDataQuality: 200, TagMlflowRun: 30,
    });
    // Scaled out: each instance of the scan and the merge holds its shards, as Preprocess's do.
    const scaled = volumes({ volumeSizesInGb: { processing: 200, training: 100 }, instanceCounts: { processing: 4, training: 2 } });
    expect(scaled).toMatchObject({ [SCALE_OUT_STEPS.scan]: 200, Preprocess: 200, [SCALE_OUT_STEPS.mergeBaseline]: 200, Train: 100, Evaluate: 200 });
  });

  test('an unknown field is named with the allowed ones', () => {
    expect(configErrorOf({ volumeSizesInGb: { transform: 50 } })).toBe('volumeSizesInGb has an unknown field "transform"; allowed: processing, training');
  });

  /*
   * SageMaker API Reference, ProcessingClusterConfig: VolumeSizeInGB 1..16384. ResourceConfig: a
   * training job's volume is General Purpose SSD (gp2) only, and the Amazon EBS User Guide ("Amazon
   * EBS General Purpose SSD volumes") puts gp2 at 1 GiB..16 TiB.
   */
  test.each([
    ['processing', 0, '0'], ['processing', 16_385, '16385'], ['processing', 2.5, '2.5'], ['processing', '50', '"50"'],
    ['training', 0, '0'], ['training', -30, '-30'], ['training', 16_385, '16385'], ['training', null, 'null'],
  ])('%s %p is rejected: a whole number of GB in 1..16384', (kind, value, shown) => {
    expect(configErrorOf({ volumeSizesInGb: { [kind]: value } })).toBe(
      `volumeSizesInGb.${kind} must be a whole number of GB in 1..16384 (SageMaker's VolumeSizeInGB of a ${kind} job; 16384 GB is the largest volume), got ${shown}`,
    );
  });

  test('1 and 16384 GB are allowed', () => {
    expect(MAX_VOLUME_SIZE_GB).toBe(16_384);
    expect(testConfig({ volumeSizesInGb: { processing: 1, training: 16_384 } }).volumeSizesInGb).toEqual({ processing: 1, training: 16_384 });
  });
});
