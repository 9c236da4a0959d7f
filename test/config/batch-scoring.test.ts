import { ConfigError, checkCsvFilter, resolveProjectConfig } from '../../src/config';
import { testConfig, testProjectOptions } from '../helpers/validated-synth';

const INPUT = 's3://acme-scoring/players/daily';
const scoring = (options: Record<string, unknown>) => testConfig({ batchScoring: { inputUri: INPUT, ...options } }).batchScoring;
const rejects = (options: Record<string, unknown>, message: RegExp) => {
  expect(() => scoring(options)).toThrow(ConfigError);
  expect(() => scoring(options)).toThrow(message);
};

describe('batchScoring defaults', () => {
  test('off unless set', () => {
    expect(testConfig().batchScoring).toBeUndefined();
  });

  test('daily at 04:00 UTC, the transform instance type, one instance, joined, whole records, 6 MB multi-record requests', () => {
    expect(scoring({})).toEqual({
      inputUri: INPUT, schedule: 'cron(0 4 * * ? *)', instanceType: 'ml.m5.large', instanceCount: 1,
      joinInputs: true, inputFilter: '$', outputFilter: '$', maxPayloadInMB: 6, batchStrategy: 'MultiRecord',
    });
    expect(testConfig({ instanceTypes: { transform: 'ml.c5.xlarge' }, batchScoring: { inputUri: INPUT } }).batchScoring!.instanceType).toBe('ml.c5.xlarge');
  });

  test('resolving a resolved config gives the same config', () => {
    const config = testConfig({ batchScoring: { inputUri: INPUT, outputUri: 's3://acme-scoring/scores', kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/abc-123' } });
    expect(resolveProjectConfig({ ...testProjectOptions(), batchScoring: config.batchScoring }).batchScoring).toEqual(config.batchScoring);
  });

  test('unknown fields are named', () => {
    rejects({ inputPath: 'x' }, /batchScoring has an unknown field "inputPath"/);
  });
});

describe('S3 locations', () => {
  // API reference "TransformS3DataSource" (S3Uri) and "TransformOutput" (S3OutputPath): s3:// URIs of at most 1024 characters;
  // S3 user guide "General purpose bucket naming rules": 3-63 lowercase letters, digits, dots, hyphens.
  test.each([
    ['https://acme-scoring.s3.amazonaws.com/players'], ['s3://acme-scoring'], ['s3://acme-scoring/'], ['s3://Acme/players'], ['s3://ab/players'],
    [42],
  ])('inputUri %p is not an S3 prefix the roles can be scoped to', (inputUri) => {
    rejects({ inputUri }, /batchScoring.inputUri must be an S3 URI with a key prefix, s3:\/\/<bucket>\/<prefix>/);
  });

  test('an inputUri longer than 1024 characters is refused', () => {
    rejects({ inputUri: `s3://acme-scoring/${'k'.repeat(1024)}` }, /batchScoring.inputUri must be an S3 URI with a key prefix/);
  });

  test('outputUri is checked the same way', () => {
    rejects({ outputUri: 's3://acme-scoring' }, /batchScoring.outputUri must be an S3 URI with a key prefix/);
  });

  // API reference "TransformOutput": S3OutputPath is at most 1024 characters, and each run writes under
  // <outputUri>/<pipeline execution id> (12 characters).
  test('outputUri leaves room for the run\'s execution id in the transform job\'s output path', () => {
    const uri = (length: number) => `s3://other-bucket/${'k'.repeat(length - 'S3://other-bucket/'.length)}`;
    expect(scoring({ outputUri: uri(1011) })!.outputUri).toHaveLength(1011);
    rejects({ outputUri: uri(1012) },
      /batchScoring.outputUri is 1012 characters: each run writes under <outputUri>\/<execution id> \(12 characters\), and a transform job's output path takes at most 1024, so outputUri may have at most 1011/);
  });

  test('results inside the scored prefix (or around it) would be scored by the next run', () => {
    rejects({ outputUri: `${INPUT}/scores` }, /must not be inside batchScoring.inputUri/);
    rejects({ outputUri: 's3://acme-scoring/players' }, /must not be inside batchScoring.inputUri/);
    expect(scoring({ outputUri: 's3://acme-scoring/players/scores' })!.outputUri).toBe('s3://acme-scoring/players/scores');
    expect(scoring({ outputUri: 's3://other-bucket/players/daily' })!.outputUri).toBe('s3://other-bucket/players/daily');
  });

  // API reference "TransformS3DataSource" S3DataType S3Prefix: "SageMaker uses all objects with the specified key name
  // prefix for batch transform": s3://b/players/daily also reads s3://b/players/daily-scores/..., unless the URI ends with "/".
  test('results under a key that starts with the input prefix would be read by the next run', () => {
    rejects({ outputUri: 's3://acme-scoring/players/daily-scores' },
      /batchScoring.outputUri s3:\/\/acme-scoring\/players\/daily-scores starts with the key prefix of batchScoring.inputUri s3:\/\/acme-scoring\/players\/daily: .*end inputUri with "\/"/);
    expect(scoring({ inputUri: `${INPUT}/`, outputUri: 's3://acme-scoring/players/daily-scores' })!.outputUri).toBe('s3://acme-scoring/players/daily-scores');
  });
});

describe('transform resources', () => {
  // API reference "TransformResources": InstanceCount 1 or more; "The default value is 1, and the maximum is 100".
  test.each([[0], [101], [1.5], ['2']])('instanceCount %p is outside 1..100', (instanceCount) => {
    rejects({ instanceCount }, /batchScoring.instanceCount must be a whole number in 1..100 \(CreateTransformJob TransformResources.InstanceCount\)/);
  });

  test('100 instances are allowed', () => {
    expect(scoring({ instanceCount: 100 })!.instanceCount).toBe(100);
  });

  // SageMaker pricing page, batch transform instance list: no burstable t types (src/config/instance-types.ts).
  test('a type SageMaker does not offer for batch transform is refused', () => {
    rejects({ instanceType: 'ml.t2.medium' }, /batchScoring.instanceType must be a SageMaker transform instance type/);
  });

  // API reference "TransformResources" InstanceType valid values (the SDK's TransformInstanceType enum): batch transform has
  // its own list, with no ml.r5 types, which endpoints and training take (test/config/instance-types.test.ts checks the
  // whole transform table against it).
  test('an instance type outside CreateTransformJob TransformResources.InstanceType is refused', () => {
    rejects({ instanceType: 'ml.r5.large' }, /batchScoring.instanceType must be a SageMaker transform instance type such as ml.m5.large, got "ml.r5.large"; transform instance families: ml.m4, ml.m5, ml.m6i, ml.c4, ml.c5, ml.g4dn, ml.g5, ml.p3 /);
    expect(() => testConfig({ instanceTypes: { transform: 'ml.r5.xlarge' }, batchScoring: { inputUri: INPUT } }))
      .toThrow(/instanceTypes.transform must be a SageMaker transform instance type such as ml.m5.large, got "ml.r5.xlarge"/);
    expect(scoring({ instanceType: 'ml.c5.xlarge' })!.instanceType).toBe('ml.c5.xlarge');
  });

  // API reference "CreateTransformJob" MaxPayloadInMB: "cannot be greater than 100 MB"; 0 (HTTP chunked encoding)
  // "works only in supported algorithms. Currently, SageMaker built-in algorithms do not support HTTP chunked encoding".
  test.each([[0], [101]])('maxPayloadInMB %p is refused', (maxPayloadInMB) => {
    rejects({ maxPayloadInMB }, /batchScoring.maxPayloadInMB must be a whole number in 1..100 \(CreateTransformJob MaxPayloadInMB; 0, chunked encoding/);
  });

  // API reference "CreateTransformJob" BatchStrategy: MultiRecord | SingleRecord.
  test('batchStrategy is MultiRecord or SingleRecord', () => {
    rejects({ batchStrategy: 'Multi' }, /batchScoring.batchStrategy must be one of MultiRecord, SingleRecord, got "Multi"/);
    expect(scoring({ batchStrategy: 'SingleRecord' })!.batchStrategy).toBe('SingleRecord');
  });
});

describe('schedule, key and region', () => {
  // EventBridge Scheduler "Schedule types": rate(value unit) or cron(6 fields).
  test('a schedule that is not an EventBridge Scheduler expression is refused', () => {
    rejects({ schedule: 'daily' }, /batchScoring.schedule must be an EventBridge Scheduler expression/);
    expect(scoring({ schedule: 'rate(12 hours)' })!.schedule).toBe('rate(12 hours)');
  });

  // API reference "TransformOutput" KmsKeyId (key ID, key ARN, alias): the role is granted the key, so only a key ARN of the region.
  test('kmsKeyArn must be a key ARN of the production region', () => {
    rejects({ kmsKeyArn: 'alias/scores' }, /batchScoring.kmsKeyArn must be a KMS key ARN/);
    rejects({ kmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/abc' }, /is a key of eu-west-1 but batch scoring runs in us-east-1/);
    rejects({ inputKmsKeyArn: 'alias/aws/s3' }, /batchScoring.inputKmsKeyArn must be a KMS key ARN/);
    rejects({ inputKmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/abc' }, /batchScoring.inputKmsKeyArn is a key of eu-west-1/);
  });

  // API reference "CreateModel" (Containers.ModelPackageName): a model package of the model's own region.
  test('production in another region than the registry is refused', () => {
    expect(() => testConfig({
      environments: { build: { account: '111111111111' }, staging: { account: '222222222222' }, prod: { account: '333333333333', region: 'eu-west-1' } },
      batchScoring: { inputUri: INPUT },
    })).toThrow(/batchScoring needs the production environment in the model registry's region \(us-east-1\)/);
  });
});

describe('data processing filters', () => {
  // Developer guide "Associate Prediction Results with Input Records", supported JSONPath operators: a CSV record is an
  // array; $, [index], [i1,i2], [start:] and unions such as $[0,5:]; API reference "DataProcessing": at most 63 characters.
  test.each([['$'], ['$[1:]'], ['$[0,-1]'], ['$[0,5:]'], ['$[-1]'], ['$[1,2,3,4]']])('%p selects CSV columns', (filter) => {
    expect(() => checkCsvFilter('f', filter)).not.toThrow();
    expect(scoring({ inputFilter: filter, outputFilter: filter })!.inputFilter).toBe(filter);
  });

  test.each([['$.features'], ["$['id','SageMakerOutput']"], ['$[*]'], ['1:'], ['$[]'], [`$[${'1,'.repeat(40)}1]`]])('%p is not a CSV column filter', (filter) => {
    rejects({ inputFilter: filter }, /batchScoring.inputFilter must be a JSONPath of CSV columns of at most 63 characters/);
    rejects({ outputFilter: filter }, /batchScoring.outputFilter must be a JSONPath of CSV columns/);
  });

  // The same page documents "$[1:4]" as "the second through fifth columns" (an inclusive end) where JsonPath stops before
  // the end; and batch transform refuses several ranges in one filter ("only single range filters of format (eg: [1:5])
  // are supported", aws/sagemaker-python-sdk#1112). A closed range is listed column by column instead.
  test.each([['$[1:4]'], ['$[:3]'], ['$[0:2,5:]'], ['$[1:,3:]'], ['$[-2:]']])('%p is refused: a closed, negative or second slice', (filter) => {
    rejects({ inputFilter: filter }, /list the columns of a closed range, "\$\[1,2,3,4\]": SageMaker documents "\$\[1:4\]" as columns 1 to 4 where JsonPath ends at 3/);
  });

  // API reference "DataProcessing" OutputFilter: "If you specify indexes that aren't within the dimension size of the
  // joined dataset, you get an error"; without JoinSource the record is the model's output alone (one probability).
  test('without joinInputs the output filter may only select the prediction', () => {
    rejects({ joinInputs: false, outputFilter: '$[0,3]' }, /batchScoring.outputFilter "\$\[0,3\]" selects column 3, but without joinInputs the output record is the prediction alone/);
    expect(scoring({ joinInputs: false, outputFilter: '$[-1]' })!.outputFilter).toBe('$[-1]');
    // The same for an open slice that starts past the prediction: "$[1:]" of a one-column record selects nothing.
    rejects({ joinInputs: false, outputFilter: '$[1:]' }, /batchScoring.outputFilter "\$\[1:\]" selects column 1, but without joinInputs the output record is the prediction alone/);
    rejects({ joinInputs: false, outputFilter: '$[0,2:]' }, /batchScoring.outputFilter "\$\[0,2:\]" selects column 2/);
    expect(scoring({ joinInputs: false, outputFilter: '$[0:]' })!.outputFilter).toBe('$[0:]');
    expect(scoring({ joinInputs: true, outputFilter: '$[0,3]' })!.outputFilter).toBe('$[0,3]');
  });

  test('joinInputs is a boolean', () => {
    rejects({ joinInputs: 'yes' }, /batchScoring.joinInputs must be true or false/);
    expect(scoring({ joinInputs: false })!.joinInputs).toBe(false);
  });
});
