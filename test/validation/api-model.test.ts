/**
 * What the toolkit asks SageMaker to do, checked against SageMaker's API model (test/helpers/api-model.ts):
 * every pipeline step's arguments are the request of the API its step type calls (Processing:
 * CreateProcessingJob, Training: CreateTrainingJob, ...; "Pipeline Steps", developer guide), and
 * every SageMaker resource of the templates is the request of the API CloudFormation calls for it.
 * The API Reference states each limit ("Length Constraints", "Valid Range", "Valid Values",
 * "Pattern", "Required"); a value outside them fails the execution or the deployment in AWS, which
 * the CloudFormation validator and the pipeline-definition schema do not see.
 *
 * The apps: the example project with the other choices a team makes (its jobs in a VPC, an MLflow
 * tracking server, Model Monitor, a canary release); the example with every opt-in on is checked in
 * test/all-features.test.ts. Then the check itself, and the check of mocked SDK calls.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DescribePipelineExecutionCommand, SageMakerClient, UpdateModelPackageCommand } from '@aws-sdk/client-sagemaker';
import { Template } from 'aws-cdk-lib/assertions';
import { mockClient } from 'aws-sdk-client-mock';
import { parse } from 'yaml';
import { LIVE_MODEL_FILE } from '../../src/app-context/resolved-model';
import { ProjectConfig, ProjectOptions, resolveProjectConfig } from '../../src/config';
import { ModelBuildApp } from '../../src/model-build';
import { ModelDeployApp } from '../../src/model-deploy';
import { checkRequest, patternRegex, serviceModel } from '../helpers/api-model';
import { EXAMPLE, exampleConfig } from '../helpers/all-features-config';
import { isolateAwsEnvironment, stubJsonHttp } from '../helpers/aws-http';
import { acceptRequestsTheApiRejects, uncheckedCallProblems } from '../helpers/api-model-setup';
import { checkResources, uncoveredTypes } from '../helpers/api-model-resources';
import { ACKNOWLEDGED_ACTIONS, checkPolicies } from '../helpers/iam-reference';
import { pipelineVariableProblems } from '../helpers/pipeline-variables';
import { checkTemplates, judgedValues, operationsOf, problemsOf } from '../helpers/api-model-templates';
import { synthValidated } from '../helpers/validated-synth';
import { MODEL, NEXT_MODEL, repo } from '../model-deploy/fixtures';

/** The longest project name the config allows (32 characters, PROJECT_NAME_MAX_LENGTH), with capitals: every name derived from it is at its longest. */
const LONGEST_PROJECT_NAME = 'Churn-Predictions-For-Team-A-001';

/**
 * The example's config with the other choices a team makes: the longest project name, with
 * capitals (the model package group keeps the fixtures' name); the jobs in its VPC, an MLflow
 * tracking server, a real-time staging endpoint, Model Monitor in both stages and a canary release
 * on two instances.
 */
function otherChoices(): ProjectConfig {
  const example = exampleConfig();
  return resolveProjectConfig({
    ...example,
    projectName: LONGEST_PROJECT_NAME,
    modelPackageGroupName: example.modelPackageGroupName ?? example.projectName,
    jobNetwork: { subnetIds: ['subnet-0123456789abcdef0', 'subnet-0fedcba9876543210'], securityGroupIds: ['sg-0123456789abcdef0'] },
    mlflow: { backend: 'tracking-server', trackingServer: { size: 'Small' }, experimentName: 'player-churn', clientVersion: '3.0.0' },
    endpoints: {
      // Model Monitor in staging too: its rule `<project>-staging-data-quality-completed` is the longest name of a rule (63 of 64 characters).
      staging: { type: 'realtime', instanceType: 'ml.c5.large', instanceCount: 1, dataCapture: {}, modelMonitor: { schedule: 'cron(0 6 ? * * *)' } },
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


describe('SageMaker\'s API model', () => {
  const model = serviceModel('sagemaker');

  // The example with every opt-in on is checked in test/all-features.test.ts, with the apps it synthesizes.
  describe('the example with the longest project name, a VPC, a tracking server, a real-time staging, Model Monitor and a canary', () => {
    const templates = templatesOf(otherChoices());
    const checks = checkTemplates(model, templates);

    test('accepts every pipeline step\'s request and every SageMaker resource', () => {
      expect(problemsOf(checks)).toEqual([]);
    });

    test('judges the requests: every step type and resource the apps emit, most values known before run time', () => {
      expect(operationsOf(checks)).toEqual([
        'CreateDataQualityJobDefinition', 'CreateEndpoint', 'CreateEndpointConfig', 'CreateMlflowTrackingServer', 'CreateModel', 'CreateModelPackage',
        'CreateModelPackageGroup', 'CreateMonitoringSchedule', 'CreatePipeline', 'CreateProcessingJob', 'CreateTrainingJob', 'UpdateEndpoint',
      ]);
      const { judged, unjudged } = judgedValues(checks);
      expect(judged).toBeGreaterThan(10 * unjudged);
    });

    // The requests CloudFormation makes of IAM, KMS, Logs, Lambda, EventBridge, Scheduler,
    // CloudWatch, CodeBuild, CodePipeline and Systems Manager for the other resources
    // (test/helpers/api-model-resources.ts), with every name at its longest.
    test('accepts the requests for every other resource, and leaves no resource type unexplained', () => {
      const resources = checkResources(templates);
      expect(problemsOf(resources)).toEqual([]);
      expect(operationsOf(resources)).toEqual(expect.arrayContaining(['CreatePipeline', 'CreateProject', 'CreateRole', 'PutMetricAlarm', 'PutRolePolicy', 'PutRule', 'PutTargets']));
      expect(uncoveredTypes(templates)).toEqual([]);
      const { judged, unjudged } = judgedValues(resources);
      expect(judged).toBeGreaterThan(10 * unjudged);
    });

    // Service Authorization Reference (test/helpers/iam-reference.ts): every action, condition key and
    // resource of the apps' policies is one IAM applies, so no grant fails silently at run time.
    // CodePipeline User Guide, "Variables reference": every #{namespace.variable} of the pipelines'
    // actions and stage conditions resolves (test/helpers/pipeline-variables.ts).
    test('refers only to pipeline variables that an earlier action exports', () => {
      const { problems, references } = pipelineVariableProblems(templates);
      expect(problems).toEqual([]);
      expect(references.length).toBeGreaterThanOrEqual(5);
    });

    test('grants only actions, condition keys and resources IAM applies', async () => {
      const { problems, judged } = await checkPolicies(templates, ACKNOWLEDGED_ACTIONS);
      expect(problems).toEqual([]);
      expect(judged.resources).toBeGreaterThan(300);
    });
  });

  test('accepts the Studio templates\' SageMaker resources and the requests for their other resources', () => {
    const templates = studioTemplates();
    const checks = checkTemplates(model, templates);
    expect(operationsOf(checks)).toEqual(['CreateDomain', 'CreateMlflowTrackingServer', 'CreateModelPackageGroup', 'CreateUserProfile']);
    expect(problemsOf(checks)).toEqual([]);
    expect(problemsOf(checkResources(templates))).toEqual([]);
    expect(uncoveredTypes(templates)).toEqual([]);
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

  // CodePipeline API Reference, ActionDeclaration: configuration values are 1 to 1000 characters,
  // action names match [A-Za-z0-9.@\-_]+; IAM API Reference, CreateRole: Description holds only
  // Latin-1 characters; EventBridge API Reference, RetryPolicy: MaximumRetryAttempts 0 to 185;
  // CodeBuild API Reference, CreateProject: timeoutInMinutes 5 to 2160 (camelCase, matched to
  // CloudFormation's TimeoutInMinutes); Rule names are at most 64 characters, which a name
  // CloudFormation generates from a long stack name is cut to.
  test('checks the requests CloudFormation makes for other resources, as each service\'s API spells them', () => {
    const role = { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'codebuild.amazonaws.com' }, Action: 'sts:AssumeRole' }] }, Description: 'builds → deploys' } };
    const template = {
      Resources: {
        Role: role,
        Project: { Type: 'AWS::CodeBuild::Project', Properties: { ServiceRole: { 'Fn::GetAtt': ['Role', 'Arn'] }, TimeoutInMinutes: 3000, Source: { Type: 'CODEPIPELINE', BuildSpec: '{}' }, Artifacts: { Type: 'CODEPIPELINE' }, Environment: { Type: 'LINUX_CONTAINER', Image: 'aws/codebuild/standard:7.0', ComputeType: 'BUILD_GENERAL1_SMALL' } } },
        Pipeline: {
          Type: 'AWS::CodePipeline::Pipeline',
          Properties: {
            RoleArn: { 'Fn::GetAtt': ['Role', 'Arn'] }, RestartExecutionOnUpdate: false, ArtifactStore: { Type: 'S3', Location: 'artifact-bucket' },
            Stages: [{ Name: 'Build', Actions: [{ Name: 'Build it', ActionTypeId: { Category: 'Build', Owner: 'AWS', Provider: 'CodeBuild', Version: '1' }, Configuration: { ProjectName: { Ref: 'Project' }, EnvironmentVariables: 'x'.repeat(1001) } }] }],
          },
        },
        Rule: { Type: 'AWS::Events::Rule', Properties: { EventPattern: { source: ['aws.sagemaker'] }, Targets: [{ Id: 'pipeline', Arn: 'arn:aws:codepipeline:us-east-1:123456789012:p', RetryPolicy: { MaximumRetryAttempts: 200 } }] } },
      },
    };
    expect(problemsOf(checkResources({ [`stack-${'s'.repeat(60)}`]: template })).map((p) => p.replace(/^stack-s+ /, ''))).toEqual([
      expect.stringMatching(/^Role \(CreateRole\): CreateRole.Description: "builds → deploys" does not match the pattern/),
      'Project (CreateProject): CreateProject.TimeoutInMinutes: 3000 as the value; the maximum is 2160',
      'Pipeline (CreatePipeline): CreatePipeline.pipeline.Stages[0].Actions[0].Name: "Build it" does not match the pattern [A-Za-z0-9.@\\-_]+',
      'Pipeline (CreatePipeline): CreatePipeline.pipeline.Stages[0].Actions[0].Configuration["EnvironmentVariables"]: 1001 characters; the maximum is 1000',
      'Rule (PutTargets): PutTargets.Targets[0].RetryPolicy.MaximumRetryAttempts: 200 as the value; the maximum is 185',
    ]);
    expect(uncoveredTypes({ t: { Resources: { ...template.Resources, Queue: { Type: 'AWS::SQS::Queue' }, Table: { Type: 'AWS::DynamoDB::Table' } } } })).toEqual(['AWS::DynamoDB::Table']);
  });

  test('reads the models\' Java patterns: POSIX classes and a quantified end anchor', () => {
    expect(patternRegex('arn:[\\p{Alnum}\\-]+:lambda:.*').test('arn:aws-cn:lambda:x')).toBe(true);
    expect(patternRegex('([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)${1,256}').test('team data')).toBe(true);
    expect(patternRegex('[a-z]+').test('abc1')).toBe(false);
    // Java quotes "_" (EventBridge's InputTransformerPathKey, for one): JavaScript's unicode mode refuses "\_".
    expect(patternRegex('[A-Za-z0-9\\_\\-]+').test('Model_Package-1')).toBe(true);
    expect(patternRegex('[A-Za-z0-9\\_\\-]+').test('a b')).toBe(false);
    // Application Auto Scaling's PolicyName: printable ASCII only.
    expect(patternRegex('\\p{Print}+').test('player-churn-prod-invocations-per-instance')).toBe(true);
    expect(patternRegex('\\p{Print}+').test('tab\there')).toBe(false);
  });
});

// API Reference, UpdateModelPackage: ApprovalDescription is at most 1024 characters; ModelApprovalStatus
// one of Approved, Rejected, PendingManualApproval.
describe('the check of mocked calls (test/helpers/api-model-setup.ts, run after every test)', () => {
  const sagemaker = mockClient(SageMakerClient);
  afterAll(() => sagemaker.restore());

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

describe('the check of real clients\' calls (test/helpers/api-model-setup.ts)', () => {
  isolateAwsEnvironment({ credentials: true });

  // API Reference, DescribePipelineExecution: PipelineExecutionArn has the pattern
  // arn:aws[a-z\-]*:sagemaker:[a-z0-9\-]*:[0-9]{12}:pipeline/.*/execution/.* (what moto or a
  // recorded HTTP answer would accept anyway).
  test('finds a request the API rejects among the commands an unmocked client sent', async () => {
    const client = new SageMakerClient({ region: 'us-east-1' });
    const requests = stubJsonHttp(client, () => [200, { PipelineExecutionStatus: 'Succeeded' }]);
    const good = 'arn:aws:sagemaker:us-east-1:123456789012:pipeline/churn/execution/0a1b2c3d4e5f';
    await client.send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: good }));
    expect(uncheckedCallProblems()).toEqual([]);
    await client.send(new DescribePipelineExecutionCommand({ PipelineExecutionArn: 'exec-1' }));
    // The requests reached the HTTP handler: the client was not a mock's.
    expect(requests.map((r) => r.operation)).toEqual(['DescribePipelineExecution', 'DescribePipelineExecution']);
    expect(uncheckedCallProblems()).toEqual([expect.stringMatching(/^SageMakerClient DescribePipelineExecution.PipelineExecutionArn: "exec-1" does not match the pattern/)]);
  });
});

