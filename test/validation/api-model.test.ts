/**
 * What the toolkit asks SageMaker to do, checked against SageMaker's API model (test/helpers/api-model.ts):
 * every pipeline step's arguments are the request of the API its step type calls (Processing:
 * CreateProcessingJob, Training: CreateTrainingJob, ...; "Pipeline Steps", developer guide), and
 * every SageMaker resource of the templates is the request of the API CloudFormation calls for it.
 * The API Reference states each limit ("Length Constraints", "Valid Range", "Valid Values",
 * "Pattern", "Required"); a value outside them fails the execution or the deployment in AWS, which
 * the CloudFormation validator and the pipeline-definition schema do not see.
 *
 * The apps: the example project (model-build/ and model-deploy/), and the example with every
 * opt-in on (test/all-features.test.ts), whose production also has a shadow phase and batch scoring.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { parse } from 'yaml';
import { LIVE_MODEL_FILE } from '../../src/app-context/resolved-model';
import { CONFIG_FILE_NAME, ProjectConfig, ProjectOptions, readProjectConfig, resolveProjectConfig } from '../../src/config';
import { ModelBuildApp } from '../../src/model-build';
import { ModelDeployApp } from '../../src/model-deploy';
import { SageMakerClient, UpdateModelPackageCommand } from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import { RequestCheck, RunTimeValue, ServiceModel, checkRequest, patternRegex, serviceModel } from '../helpers/api-model';
import { acceptRequestsTheApiRejects, uncheckedCallProblems } from '../helpers/api-model-setup';
import { synthValidated } from '../helpers/validated-synth';
import { MODEL, NEXT_MODEL, repo } from '../model-deploy/fixtures';

const EXAMPLE = path.join(__dirname, '..', '..');

/** A CloudFormation reference in a pipeline definition body (Fn::Join parts that are not text). */
const CFN_REF = '@@cloudformation-reference@@';

/** A pipeline execution id as the Get Execution.PipelineExecutionId expression gives it (12 lower-case letters and digits). */
const SAMPLE_EXECUTION_ID = 'a1b2c3d4e5f6';

/** The values CloudFormation gives the pseudo parameters in the example (account and region of the apps' tests). */
const PSEUDO: Record<string, string> = { 'AWS::AccountId': '123456789012', 'AWS::Region': 'us-east-1', 'AWS::Partition': 'aws', 'AWS::URLSuffix': 'amazonaws.com' };

function exampleConfig(): ProjectConfig {
  return readProjectConfig(path.join(EXAMPLE, 'model-deploy', CONFIG_FILE_NAME));
}

/** The example's config with every opt-in of test/all-features.test.ts on. */
function allFeatures(): ProjectConfig {
  const example = exampleConfig();
  return resolveProjectConfig({
    ...example,
    instanceCounts: { processing: 4, training: 2 },
    containers: { xgboost: '3.0-5', sklearn: '1.4-2' },
    endpoints: {
      ...example.endpoints,
      prod: { ...example.endpoints.prod, shadow: { minutes: 60, maxLatencyIncreasePercent: 20, maxErrorRate: 0.01, maxPredictionPsi: 0.2 } },
    },
    batchScoring: { inputUri: 's3://acme-churn-scoring/players/daily', inputFilter: '$[1:]', outputFilter: '$[0,-1]', instanceCount: 2 },
  } as ProjectOptions);
}

/**
 * The example's config with the other choices a team makes: the jobs in its VPC, an MLflow tracking
 * server, a real-time staging endpoint, Model Monitor in production and a canary release on two instances.
 */
function otherChoices(): ProjectConfig {
  const example = exampleConfig();
  return resolveProjectConfig({
    ...example,
    jobNetwork: { subnetIds: ['subnet-0123456789abcdef0', 'subnet-0fedcba9876543210'], securityGroupIds: ['sg-0123456789abcdef0'] },
    mlflow: { backend: 'tracking-server', trackingServer: { size: 'Small' }, experimentName: 'player-churn', clientVersion: '3.0.0' },
    endpoints: {
      staging: { type: 'realtime', instanceType: 'ml.c5.large', instanceCount: 1 },
      prod: {
        ...example.endpoints.prod,
        instanceCount: 2,
        autoscaling: { minInstances: 2, maxInstances: 6, invocationsPerInstance: 500 },
        deploymentGuardrails: { ...(example.endpoints.prod as any).deploymentGuardrails, strategy: 'canary', canaryInstances: 1 },
        modelMonitor: { schedule: 'cron(0 * ? * * *)', instanceType: 'ml.m5.xlarge' },
      },
    },
  } as ProjectOptions);
}

/** Every template of a project's two apps, by stack name. */
function templatesOf(config: ProjectConfig): Record<string, any> {
  const build = synthValidated(new ModelBuildApp({ config, repoDir: path.join(EXAMPLE, 'model-build') }));
  const dir = repo();
  // Production serves the previous version, so a shadow release (when configured) has a candidate to shadow.
  fs.writeFileSync(path.join(dir, LIVE_MODEL_FILE), JSON.stringify({ endpointName: `${config.projectName}-prod`, model: MODEL }));
  // The version carries the data-quality baseline that Model Monitor needs (model-build's BaselineDataQuality step).
  const model = {
    ...NEXT_MODEL,
    dataQualityStatisticsUri: 's3://build-bucket/player-churn-training/exec2/BaselineDataQuality/monitoring_output/statistics.json',
    dataQualityConstraintsUri: 's3://build-bucket/player-churn-training/exec2/BaselineDataQuality/monitoring_output/constraints.json',
  };
  const deploy = synthValidated(new ModelDeployApp({ config, repoDir: dir, model }));
  return Object.fromEntries(Object.entries({ ...build, ...deploy }).map(([name, template]) => [name, (template as Template).toJSON()]));
}

/** The Studio templates as a launch deploys them (templates/, generated from src/studio). */
function studioTemplates(): Record<string, any> {
  return Object.fromEntries(['sagemaker-project', 'sagemaker-domain'].map((name) => [name, parse(fs.readFileSync(path.join(EXAMPLE, 'templates', `${name}.yaml`), 'utf-8'))]));
}

// --- CloudFormation values ---------------------------------------------------------------

/** A template and its stack name: what a reference to one of its resources is resolved in. */
interface TemplateContext {
  readonly stack: string;
  readonly template: any;
}

/** A key id as KMS gives it (a UUID). */
const SAMPLE_KEY_ID = '0d2f1c3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';

/**
 * The physical name CloudFormation gives a resource: its name property when the template sets one,
 * else the name it generates (`<stack>-<logical id>-<12 random characters>`, cut to the type's
 * limit; "Name type", CloudFormation User Guide), lower-case for buckets.
 */
function physicalName(ctx: TemplateContext, id: string, nameProperty: string, limit: number, lowerCase = false): string | undefined {
  const resource = ctx.template.Resources?.[id];
  const given = resource?.Properties?.[nameProperty];
  if (given !== undefined) {
    return cfnText(given, ctx);
  }
  const generated = `${ctx.stack.slice(0, limit - 30)}-${id}`.slice(0, limit - 13) + '-A1B2C3D4E5F6';
  return lowerCase ? generated.toLowerCase() : generated;
}

/**
 * A CloudFormation value's text where it can be known before deployment: pseudo parameters,
 * parameter defaults, the ARN of a role or key and the name of a bucket of the template, and joins
 * of them; else undefined.
 */
function cfnText(value: unknown, ctx: TemplateContext): string | undefined {
  if (typeof value === 'string') {
    return value;
  }
  if (!isObject(value)) {
    return undefined;
  }
  if (typeof value.Ref === 'string') {
    if (PSEUDO[value.Ref] !== undefined) {
      return PSEUDO[value.Ref];
    }
    const parameter = ctx.template.Parameters?.[value.Ref];
    if (parameter !== undefined) {
      return typeof parameter.Default === 'string' && parameter.Default !== '' ? parameter.Default : undefined;
    }
    if (ctx.template.Resources?.[value.Ref]?.Type === 'AWS::S3::Bucket') {
      return physicalName(ctx, value.Ref, 'BucketName', 63, true);
    }
    return undefined;
  }
  if (Array.isArray(value['Fn::GetAtt']) && value['Fn::GetAtt'][1] === 'Arn') {
    const id = value['Fn::GetAtt'][0] as string;
    switch (ctx.template.Resources?.[id]?.Type) {
      case 'AWS::IAM::Role':
        return `arn:aws:iam::${PSEUDO['AWS::AccountId']}:role/${physicalName(ctx, id, 'RoleName', 64)}`;
      case 'AWS::KMS::Key':
        return `arn:aws:kms:${PSEUDO['AWS::Region']}:${PSEUDO['AWS::AccountId']}:key/${SAMPLE_KEY_ID}`;
      default:
        return undefined;
    }
  }
  if (Array.isArray(value['Fn::Join'])) {
    const [on, parts] = value['Fn::Join'] as [string, unknown[]];
    const texts = parts.map((part) => cfnText(part, ctx));
    return texts.every((t) => t !== undefined) ? texts.join(on) : undefined;
  }
  return undefined;
}

/** Resolves CloudFormation intrinsics: a value known before deployment is judged, any other is not. */
function cfnResolver(ctx: TemplateContext): (value: unknown) => RunTimeValue | undefined {
  return (value) => {
    if (!isObject(value) || !Object.keys(value).some((key) => key === 'Ref' || key.startsWith('Fn::'))) {
      return undefined;
    }
    const text = cfnText(value, ctx);
    return { candidates: text === undefined ? [] : [text] };
  };
}

// --- pipeline definitions ----------------------------------------------------------------

/** The SageMaker pipeline definitions of the templates, by pipeline resource; references to other resources become CFN_REF. */
function pipelineDefinitions(templates: Record<string, any>): Array<{ readonly where: string; readonly definition: any }> {
  return Object.entries(templates).flatMap(([stack, template]) => Object.entries<any>(template.Resources ?? {})
    .filter(([, resource]) => resource.Type === 'AWS::SageMaker::Pipeline')
    .map(([id, resource]) => {
      const body = resource.Properties.PipelineDefinition.PipelineDefinitionBody;
      const text = typeof body === 'string' ? body : body['Fn::Join'][1].map((part: unknown) => cfnText(part, { stack, template }) ?? CFN_REF).join('');
      return { where: `${stack} ${id}`, definition: JSON.parse(text) };
    }));
}

/**
 * Resolves pipeline expressions: a parameter to its default and each of its EnumValues, the
 * execution id to a sample one, a Std:Join of resolvable parts to each text it can give; a step's
 * property and a value holding a CloudFormation reference are known only at run time.
 */
function pipelineResolver(definition: any): (value: unknown) => RunTimeValue | undefined {
  const parameters = new Map<string, any>((definition.Parameters ?? []).map((p: any) => [p.Name, p]));
  const candidatesOf = (value: unknown): unknown[] | undefined => {
    if (typeof value === 'string') {
      return value.includes(CFN_REF) ? undefined : [value];
    }
    if (!isObject(value)) {
      return [value];
    }
    if (typeof value.Get === 'string') {
      if (value.Get === 'Execution.PipelineExecutionId') {
        return [SAMPLE_EXECUTION_ID];
      }
      const parameter = /^Parameters\.(\w+)$/.exec(value.Get) && parameters.get(value.Get.slice('Parameters.'.length));
      if (!parameter || parameter.DefaultValue === undefined) {
        return undefined;
      }
      return [...new Set([parameter.DefaultValue, ...(parameter.EnumValues ?? [])])];
    }
    if (isObject(value['Std:Join'])) {
      const join = value['Std:Join'] as { On: string; Values: unknown[] };
      let texts: string[] = [''];
      for (const [i, part] of join.Values.entries()) {
        const options = candidatesOf(part);
        if (options === undefined || texts.length * options.length > 100) {
          return undefined;
        }
        texts = texts.flatMap((text) => options.map((option) => `${text}${i > 0 ? join.On : ''}${String(option)}`));
      }
      return texts;
    }
    return Object.keys(value).some((key) => key === 'Get' || key.startsWith('Std:')) ? undefined : [value];
  };
  return (value) => {
    const expression = isObject(value) && Object.keys(value).some((key) => key === 'Get' || key.startsWith('Std:'));
    if (!expression && !(typeof value === 'string' && value.includes(CFN_REF))) {
      return undefined;
    }
    return { candidates: candidatesOf(value) ?? [] };
  };
}

/** The API each step type calls, and the request members SageMaker Pipelines fills in itself. */
const STEP_APIS: Record<string, { readonly operation: string; readonly filledByCaller: string[] }> = {
  Processing: { operation: 'CreateProcessingJob', filledByCaller: ['ProcessingJobName'] },
  Training: { operation: 'CreateTrainingJob', filledByCaller: ['TrainingJobName'] },
  Transform: { operation: 'CreateTransformJob', filledByCaller: ['TransformJobName'] },
  Model: { operation: 'CreateModel', filledByCaller: ['ModelName'] },
  RegisterModel: { operation: 'CreateModelPackage', filledByCaller: [] },
};

/** Every step of a definition, the branches of condition steps included. */
function stepsOf(steps: any[]): any[] {
  return steps.flatMap((step) => [step, ...(step.Type === 'Condition' ? stepsOf([...(step.Arguments.IfSteps ?? []), ...(step.Arguments.ElseSteps ?? [])]) : [])]);
}

// --- SageMaker resources -----------------------------------------------------------------

/**
 * The API CloudFormation calls for each SageMaker resource type the toolkit emits (CloudFormation
 * reference, "AWS::SageMaker::<type>", and the API Reference of the operation), and the properties
 * that are CloudFormation's own.
 */
const RESOURCE_APIS: Record<string, Array<{ readonly operation: string; readonly notOfTheApi: string[]; readonly filledByCaller?: string[] }>> = {
  // A name left out is generated by CloudFormation ("Name type", CloudFormation User Guide).
  'AWS::SageMaker::Model': [{ operation: 'CreateModel', notOfTheApi: [], filledByCaller: ['ModelName'] }],
  'AWS::SageMaker::EndpointConfig': [{ operation: 'CreateEndpointConfig', notOfTheApi: [], filledByCaller: ['EndpointConfigName'] }],
  'AWS::SageMaker::Endpoint': [
    { operation: 'CreateEndpoint', notOfTheApi: ['RetainAllVariantProperties', 'ExcludeRetainedVariantProperties', 'RetainDeploymentConfig'] },
    { operation: 'UpdateEndpoint', notOfTheApi: ['Tags'] },
  ],
  'AWS::SageMaker::ModelPackageGroup': [{ operation: 'CreateModelPackageGroup', notOfTheApi: ['ModelPackageGroupPolicy'] }],
  'AWS::SageMaker::MonitoringSchedule': [{ operation: 'CreateMonitoringSchedule', notOfTheApi: ['EndpointName', 'FailureReason', 'LastMonitoringExecutionSummary', 'MonitoringScheduleStatus'] }],
  'AWS::SageMaker::DataQualityJobDefinition': [{ operation: 'CreateDataQualityJobDefinition', notOfTheApi: ['EndpointName'] }],
  // CloudFormation sends the idempotency token; the definition is checked step by step above.
  'AWS::SageMaker::Pipeline': [{ operation: 'CreatePipeline', notOfTheApi: ['PipelineDefinition'], filledByCaller: ['ClientRequestToken'] }],
  'AWS::SageMaker::MlflowApp': [{ operation: 'CreateMlflowApp', notOfTheApi: [] }],
  'AWS::SageMaker::MlflowTrackingServer': [{ operation: 'CreateMlflowTrackingServer', notOfTheApi: [] }],
  'AWS::SageMaker::Domain': [{ operation: 'CreateDomain', notOfTheApi: [] }],
  'AWS::SageMaker::UserProfile': [{ operation: 'CreateUserProfile', notOfTheApi: [] }],
};

/** The checks of every pipeline step and SageMaker resource of the templates, by where they are. */
function checkTemplates(model: ServiceModel, templates: Record<string, any>): Array<{ readonly where: string; readonly check: RequestCheck }> {
  const checks: Array<{ where: string; check: RequestCheck }> = [];
  for (const { where, definition } of pipelineDefinitions(templates)) {
    const resolve = pipelineResolver(definition);
    for (const step of stepsOf(definition.Steps)) {
      const api = STEP_APIS[step.Type];
      if (api !== undefined) {
        checks.push({ where: `${where} step ${step.Name} (${api.operation})`, check: checkRequest(model, api.operation, step.Arguments, { filledByCaller: api.filledByCaller, resolve }) });
      }
    }
  }
  for (const [stack, template] of Object.entries(templates)) {
    for (const [id, resource] of Object.entries<any>(template.Resources ?? {})) {
      for (const api of RESOURCE_APIS[resource.Type] ?? []) {
        checks.push({ where: `${stack} ${id} (${api.operation})`, check: checkRequest(model, api.operation, resource.Properties ?? {}, { notOfTheApi: api.notOfTheApi, filledByCaller: api.filledByCaller, resolve: cfnResolver({ stack, template }) }) });
      }
    }
  }
  return checks;
}

const problemsOf = (checks: Array<{ where: string; check: RequestCheck }>) => checks.flatMap(({ where, check }) => check.problems.map((problem) => `${where}: ${problem}`));

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

describe('SageMaker\'s API model', () => {
  const model = serviceModel('sagemaker');

  describe.each([
    ['the example project', exampleConfig],
    ['the example with every opt-in on', allFeatures],
    ['the example with a VPC, a tracking server, a real-time staging, Model Monitor and a canary', otherChoices],
  ])('%s', (_name, config) => {
    const checks = checkTemplates(model, templatesOf(config()));

    test('accepts every pipeline step\'s request and every SageMaker resource', () => {
      expect(problemsOf(checks)).toEqual([]);
    });

    test('judges the requests: every step type and resource the apps emit, most values known before run time', () => {
      const operations = new Set(checks.map(({ where }) => /\((\w+)\)$/.exec(where)![1]));
      expect([...operations]).toEqual(expect.arrayContaining(['CreateProcessingJob', 'CreateTrainingJob', 'CreateModelPackage', 'CreateModel', 'CreateEndpointConfig', 'CreateEndpoint', 'CreateModelPackageGroup', 'CreatePipeline']));
      const judged = checks.reduce((n, { check }) => n + check.judged, 0);
      const unjudged = checks.reduce((n, { check }) => n + check.unjudged.length, 0);
      expect(judged).toBeGreaterThan(10 * unjudged);
    });
  });

  test('accepts the Studio templates\' SageMaker resources', () => {
    const checks = checkTemplates(model, studioTemplates());
    expect(checks.map(({ where }) => /\((\w+)\)$/.exec(where)![1]).sort()).toEqual(['CreateDomain', 'CreateMlflowTrackingServer', 'CreateModelPackageGroup', 'CreateUserProfile']);
    expect(problemsOf(checks)).toEqual([]);
  });
});

describe('the check itself', () => {
  const model = serviceModel('sagemaker');
  const job = {
    AppSpecification: { ImageUri: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3' },
    ProcessingResources: { ClusterConfig: { InstanceCount: 1, InstanceType: 'ml.m5.large', VolumeSizeInGB: 30 } },
    RoleArn: 'arn:aws:iam::123456789012:role/build',
  };
  const problems = (request: unknown, options = {}) => checkRequest(model, 'CreateProcessingJob', request, options).problems;

  // API Reference, CreateProcessingJob: ProcessingJobName is required, with the pattern below;
  // ProcessingResources.ClusterConfig.InstanceCount is 1 to 100; InstanceType one of the valid values.
  test('reports a missing required member, a value out of range, an unknown instance type and an unknown member', () => {
    expect(problems(job)).toEqual(['CreateProcessingJob: the required member ProcessingJobName is missing']);
    expect(problems(job, { filledByCaller: ['ProcessingJobName'] })).toEqual([]);
    const bad = { ...job, ProcessingJobName: 'x', ProcessingResources: { ClusterConfig: { InstanceCount: 101, InstanceType: 'ml.m5.huge', VolumeSizeInGB: 30 } }, Extra: 1 };
    expect(problems(bad)).toEqual([
      expect.stringMatching(/^CreateProcessingJob.ProcessingResources.ClusterConfig.InstanceCount: 101 as the value; the maximum is 100$/),
      expect.stringMatching(/^CreateProcessingJob.ProcessingResources.ClusterConfig.InstanceType: "ml.m5.huge" is not one of the valid values/),
      expect.stringMatching(/^CreateProcessingJob: the API has no member Extra here/),
    ]);
  });

  // A pattern is matched against the whole value, as SageMaker does: "my_job" has a match of
  // [a-zA-Z0-9](-*[a-zA-Z0-9]){0,62} inside it, and CreateProcessingJob still rejects it.
  test('matches patterns against the whole value, and lengths in characters', () => {
    expect(problems({ ...job, ProcessingJobName: 'my_job' })).toEqual([expect.stringMatching(/ProcessingJobName: "my_job" does not match the pattern/)]);
    expect(problems({ ...job, ProcessingJobName: 'a'.repeat(64) })).toEqual([
      expect.stringMatching(/ProcessingJobName: 64 characters; the maximum is 63$/), expect.stringMatching(/ProcessingJobName: "a{64}" does not match the pattern/),
    ]);
    expect(problems({ ...job, ProcessingJobName: 'my-job-1', Environment: { 'BAD KEY': 'x' } })).toEqual([expect.stringMatching(/Environment key "BAD KEY": .* does not match the pattern/)]);
  });

  test('judges each value a run-time value can take, and counts the values it cannot judge', () => {
    const resolve = (value: unknown) => (typeof value === 'object' && value !== null && 'Get' in value ? { candidates: (value as any).Get === 'known' ? ['ml.m5.large', 'ml.m5.huge'] : [] } : undefined);
    const request = { ...job, ProcessingJobName: 'j', ProcessingResources: { ClusterConfig: { InstanceCount: { Get: 'unknown' }, InstanceType: { Get: 'known' }, VolumeSizeInGB: 30 } } };
    const check = checkRequest(model, 'CreateProcessingJob', request, { resolve });
    expect(check.problems).toEqual([expect.stringMatching(/InstanceType \("ml.m5.huge"\): "ml.m5.huge" is not one of the valid values/)]);
    expect(check.unjudged).toEqual(['CreateProcessingJob.ProcessingResources.ClusterConfig.InstanceCount']);
  });

  test('reads the models\' Java patterns: POSIX classes and a quantified end anchor', () => {
    expect(patternRegex('arn:[\\p{Alnum}\\-]+:lambda:.*').test('arn:aws-cn:lambda:x')).toBe(true);
    expect(patternRegex('([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)${1,256}').test('team data')).toBe(true);
    expect(patternRegex('[a-z]+').test('abc1')).toBe(false);
    // Application Auto Scaling's PolicyName: printable ASCII only.
    expect(patternRegex('\\p{Print}+').test('player-churn-prod-invocations-per-instance')).toBe(true);
    expect(patternRegex('\\p{Print}+').test('tab\there')).toBe(false);
  });
});

// API Reference, UpdateModelPackage: ApprovalDescription is at most 1024 characters; ModelApprovalStatus
// one of Approved, Rejected, PendingManualApproval.
describe('the check of mocked calls (test/helpers/api-model-setup.ts, run after every test)', () => {
  const sagemaker = mockClient(SageMakerClient);

  test('finds a request the API rejects among the calls of the test', async () => {
    sagemaker.on(UpdateModelPackageCommand).resolves({});
    const client = new SageMakerClient({ region: 'us-east-1' });
    await client.send(new UpdateModelPackageCommand({ ModelPackageArn: 'arn:aws:sagemaker:us-east-1:123456789012:model-package/churn/1', ModelApprovalStatus: 'Approved', ApprovalDescription: 'ok' }));
    expect(uncheckedCallProblems()).toEqual([]);
    await client.send(new UpdateModelPackageCommand({ ModelPackageArn: 'arn:aws:sagemaker:us-east-1:123456789012:model-package/churn/1', ModelApprovalStatus: 'Approve' as any, ApprovalDescription: 'x'.repeat(1025) }));
    expect(uncheckedCallProblems()).toEqual([
      expect.stringMatching(/^SageMakerClient UpdateModelPackage.ModelApprovalStatus: "Approve" is not one of the valid values/),
      'SageMakerClient UpdateModelPackage.ApprovalDescription: 1025 characters; the maximum is 1024',
    ]);
  });

  test('lets a test send such a request on purpose', async () => {
    acceptRequestsTheApiRejects();
    sagemaker.on(UpdateModelPackageCommand).rejects(Object.assign(new Error('1 validation error detected'), { name: 'ValidationException' }));
    await expect(new SageMakerClient({ region: 'us-east-1' }).send(new UpdateModelPackageCommand({ ModelPackageArn: 'not-an-arn' }))).rejects.toThrow('1 validation error');
  });
});
