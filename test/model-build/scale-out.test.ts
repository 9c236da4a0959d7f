import { allowedInstanceTypes } from '../../src/config';
import { playerChurnPipeline } from '../../src/model-build/player-churn-pipeline';
import { SCALE_OUT_STEPS } from '../../src/model-build/scale-out-steps';
import { assertValidPipelineDefinition, pipelineDefinitionSchemaErrors } from '../../src/pipeline-definition';
import { playerChurnProps, projectConfig, stepJson } from '../pipeline-definition/fixtures';

const MONITOR_IMAGE = '156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer';
const outputUri = (step: string, output: string) => ({ Get: `Steps.${step}.ProcessingOutputConfig.Outputs['${output}'].S3Output.S3Uri` });

function scaled(processing: number, training: number, extra: Record<string, unknown> = {}) {
  const config = projectConfig({ instanceCounts: { processing, training }, ...extra });
  return playerChurnPipeline(playerChurnProps({ config, modelMonitorImageUri: MONITOR_IMAGE }));
}

describe('scale-out of the player-churn pipeline (instanceCounts)', () => {
  test('counts of 1 give exactly the definition of a project without instanceCounts', () => {
    const props = { modelMonitorImageUri: MONITOR_IMAGE };
    const defaults = playerChurnPipeline(playerChurnProps(props)).toJSON();
    const ones = playerChurnPipeline(playerChurnProps({ ...props, config: projectConfig({ instanceCounts: { processing: 1, training: 1 } }) })).toJSON();
    expect(ones).toEqual(defaults);
    expect(defaults.Steps.map((s) => s.Name)).not.toContain(SCALE_OUT_STEPS.scan);
  });

  describe('4 processing and 2 training instances', () => {
    const definition = scaled(4, 2);
    const json = definition.toJSON();
    const args = (name: string) => stepJson(definition, name).Arguments;

    test('ScanInput before Preprocess, MergeBaseline after it, the Model Monitor baseline after Evaluate', () => {
      expect(json.Steps.map((s) => s.Name)).toEqual([
        'ScanInput', 'Preprocess', 'MergeBaseline', 'Train', 'Evaluate', 'BaselineDataQuality', 'CheckAuc',
      ]);
    });

    test('the definition passes the official pipeline schema', () => {
      expect(pipelineDefinitionSchemaErrors(json)).toEqual([]);
      expect(() => assertValidPipelineDefinition(json)).not.toThrow();
    });

    /*
     * SageMaker API reference, S3Input.S3DataDistributionType (CreateProcessingJob): ShardedByS3Key
     * gives each instance 1/N of the S3 objects; FullyReplicated gives every instance everything.
     */
    test('Preprocess runs on 4 instances over a shard of the input, with the scans of every shard', () => {
      const preprocess = args('Preprocess');
      expect(preprocess.ProcessingResources.ClusterConfig.InstanceCount).toBe(4);
      const inputs = Object.fromEntries(preprocess.ProcessingInputs.map((i: any) => [i.InputName, i.S3Input]));
      expect(inputs.data).toMatchObject({ S3Uri: { Get: 'Parameters.InputDataUrl' }, S3DataDistributionType: 'ShardedByS3Key' });
      expect(inputs.scan).toMatchObject({ S3Uri: outputUri('ScanInput', 'scan'), S3DataDistributionType: 'FullyReplicated' });
      expect(inputs.code.S3DataDistributionType).toBe('FullyReplicated');
      expect(preprocess.AppSpecification.ContainerArguments.slice(-2)).toEqual(['--scan-dir', inputs.scan.LocalPath]);
    });

    /*
     * SageMaker API reference, ProcessingS3Input S3InputMode: File copies the input onto the
     * instance's ML storage volume (ProcessingClusterConfig VolumeSizeInGB), so a one-instance scan
     * of all the data would need the storage of all of it: the scan is sharded as Preprocess is.
     */
    test('ScanInput runs preprocess.py on as many instances as Preprocess, over the same shards', () => {
      const scan = args('ScanInput');
      const preprocess = args('Preprocess');
      expect(scan.ProcessingResources.ClusterConfig.InstanceCount).toBe(4);
      expect(scan.AppSpecification.ContainerEntrypoint.at(-1)).toBe('preprocess.py');
      expect(scan.AppSpecification.ContainerArguments).toEqual(['--scan', '--input-dir', '/opt/ml/processing/input/data', '--output-dir', '/opt/ml/processing/output']);
      const data = (step: any) => step.ProcessingInputs.find((i: any) => i.InputName === 'data').S3Input;
      expect(data(scan)).toEqual(data(preprocess));
      expect(data(scan).S3DataDistributionType).toBe('ShardedByS3Key');
    });

    test('MergeBaseline runs preprocess.py on one instance over every baseline shard', () => {
      const merge = args('MergeBaseline');
      expect(merge.ProcessingResources.ClusterConfig.InstanceCount).toBe(1);
      expect(merge.AppSpecification.ContainerArguments[0]).toBe('--merge-baseline');
      const shards = merge.ProcessingInputs.find((i: any) => i.InputName === 'baseline_shards').S3Input;
      expect(shards).toMatchObject({ S3Uri: outputUri('Preprocess', 'baseline'), S3DataDistributionType: 'FullyReplicated' });
    });

    test('the baseline statistics and the registered baseline are the merged baseline of all the training rows', () => {
      const evaluateBaseline = args('Evaluate').ProcessingInputs.find((i: any) => i.InputName === 'baseline');
      expect(evaluateBaseline.S3Input.S3Uri).toEqual(outputUri('MergeBaseline', 'baseline'));
      expect(args('BaselineDataQuality').ProcessingInputs[0].S3Input.S3Uri).toEqual(outputUri('Evaluate', 'monitor_baseline'));
      const register = stepJson(definition, 'Register');
      expect(register.Arguments.CustomerMetadataProperties.baselineDataUri).toEqual(outputUri('MergeBaseline', 'baseline'));
    });

    /*
     * Amazon SageMaker Developer Guide, "XGBoost algorithm with Amazon SageMaker AI": for distributed
     * training, ShardedByS3Key on the train channel with the data divided into several files;
     * SageMaker API reference, S3DataSource.S3DataDistributionType (CreateTrainingJob).
     */
    test('Train runs on 2 instances, each on its own train files, every one on all the validation rows', () => {
      const train = args('Train');
      expect(train.ResourceConfig.InstanceCount).toBe(2);
      const channel = (name: string) => train.InputDataConfig.find((c: any) => c.ChannelName === name).DataSource.S3DataSource;
      expect(channel('train').S3DataDistributionType).toBe('ShardedByS3Key');
      expect(channel('validation').S3DataDistributionType).toBe('FullyReplicated');
    });

    test('an execution cannot choose a GPU type for the distributed training', () => {
      const enumValues = json.Parameters.find((p) => p.Name === 'TrainingInstanceType')!.EnumValues as string[];
      expect(enumValues).not.toContain('ml.p3.2xlarge');
      expect(enumValues).toContain('ml.m5.xlarge');
      expect(allowedInstanceTypes('training')).toContain('ml.p3.2xlarge');
    });
  });

  test('4 processing instances and 1 training instance: the train channel stays fully replicated', () => {
    const definition = scaled(4, 1);
    const train = stepJson(definition, 'Train').Arguments;
    expect(train.ResourceConfig.InstanceCount).toBe(1);
    expect(train.InputDataConfig.map((c: any) => c.DataSource.S3DataSource.S3DataDistributionType)).toEqual(['FullyReplicated', 'FullyReplicated']);
    expect(definition.toJSON().Parameters.find((p) => p.Name === 'TrainingInstanceType')!.EnumValues).toEqual(allowedInstanceTypes('training'));
    expect(pipelineDefinitionSchemaErrors(definition.toJSON())).toEqual([]);
  });
});
