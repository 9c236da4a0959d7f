/** The generated repositories (the same names as src/project's RepoKind, which sits above config). */
export type ConstraintRepo = 'model-build' | 'model-deploy';

/** A rule AWS applies to a value a user sets, which the project checks before anything is deployed. */
export interface AwsConstraint {
  /** The option (or options) of `.projenrc.ts` the rule applies to. */
  readonly option: string;
  /** What AWS accepts, and what the project does about it. */
  readonly rule: string;
  /** The AWS documentation page the rule comes from. */
  readonly source: string;
  /** The generated repositories whose README shows the row. */
  readonly repos: readonly ConstraintRepo[];
}

const BUILD: readonly ConstraintRepo[] = ['model-build'];
const DEPLOY: readonly ConstraintRepo[] = ['model-deploy'];

/**
 * The AWS limits a user of the project can run into, each enforced by a config-time check (and a
 * test naming the same page). The README and the generated repositories' READMEs show them as one
 * table, so a limit is found before a deployment hits it.
 */
export const AWS_CONSTRAINTS: readonly AwsConstraint[] = [
  {
    option: 'projectName',
    rule: 'letters, digits and hyphens, starting with a letter; at most 32 characters (it prefixes the names of the pipelines, endpoints and model package group); not starting with `xn--`, `sthree-` or `amzn-s3-demo-`, which no bucket name may start with (the buckets are named after the stacks); with `jobNetwork.internetAccess: false` and MLflow, no repeated hyphens (the step images\' ECR repository `<project>-step-images` takes single separators)',
    source: 'SageMaker API Reference, CreateProject (ProjectName); Amazon S3 User Guide, "General purpose bucket naming rules"; Amazon ECR API Reference, CreateRepository (repositoryName)',
    repos: [...BUILD, ...DEPLOY],
  },
  {
    option: 'release.maxP95LatencyMs',
    rule: 'above 0 and at most 60000: a model container answers InvokeEndpoint within 60 seconds, so a larger budget could never fail the release\'s endpoint test',
    source: 'Amazon SageMaker Runtime API Reference, InvokeEndpoint',
    repos: DEPLOY,
  },
  {
    option: 'source.*.branch',
    rule: 'a git branch name of at most 255 characters: the pipeline\'s trigger filters pushes on it, and a trigger\'s branch pattern is a glob, so a `{` is written escaped (`\\{`, and counts twice) to match the branch as named',
    source: 'AWS CodePipeline API Reference, GitBranchFilterCriteria; AWS CodePipeline User Guide, "Working with glob patterns in syntax"',
    repos: [...BUILD, ...DEPLOY],
  },
  {
    option: 'instanceTypes.*',
    rule: 'a type SageMaker offers for that kind of job; burstable `ml.t` types process and serve but do not train or transform',
    source: 'Amazon SageMaker pricing, instance types per job kind',
    repos: [...BUILD, ...DEPLOY],
  },
  {
    option: 'instanceTypes.processing, instanceTypes.training, driftMonitoring.instanceType',
    rule: 'types with local instance-store volumes (g4dn, g5, m5d, c5d, p4d, ...) take no volume KMS key, and every job here encrypts its volume with the project key: they are refused, and the pipeline\'s instance-type parameters list only types that accept the key',
    source: 'SageMaker API Reference, ResourceConfig / ProcessingClusterConfig (VolumeKmsKeyId)',
    repos: [...BUILD, ...DEPLOY],
  },
  {
    option: 'volumeSizesInGb.processing, volumeSizesInGb.training',
    rule: 'a whole number of GB per instance, 1..16384: a processing job\'s VolumeSizeInGB takes that range, and a training job\'s volume is General Purpose SSD (gp2), at most 16 TiB; the job copies its S3 inputs onto it before the script starts (default 30 GB)',
    source: 'SageMaker API Reference, ProcessingClusterConfig / ResourceConfig (VolumeSizeInGB); Amazon EBS User Guide, "Amazon EBS General Purpose SSD volumes"',
    repos: BUILD,
  },
  {
    option: 'the Train step (XGBoost script mode)',
    rule: 'metric definitions only in script mode (`sagemaker_program`): a built-in algorithm publishes its own and takes none; Train runs `pipelines/train.py` on the XGBoost 1.7-1 image and declares `train:auc` and `validation:auc` with regular expressions on the lines train.py prints',
    source: 'SageMaker API Reference, AlgorithmSpecification (MetricDefinitions); SageMaker Developer Guide, "How to use SageMaker AI XGBoost" (Use XGBoost as a framework)',
    repos: BUILD,
  },
  {
    option: 'the model-build pipeline (pipelineDefinition, or its steps\' maxRuntimeSeconds)',
    rule: 'its longest chain of steps, each job at its MaxRuntimeInSeconds plus 5 minutes to start, within the 465 minutes RunSageMakerPipeline waits (a CodeBuild action runs at most 8 hours); Train runs at most 3 hours, each processing step 1 hour',
    source: 'CodePipeline User Guide, "Quotas in AWS CodePipeline"; SageMaker API Reference, StoppingCondition',
    repos: BUILD,
  },
  {
    option: 'mlflow.arn, mlflow.experimentName, mlflow.*.weeklyMaintenanceWindowStart',
    rule: 'an MLflow App ARN (`…:mlflow-app/<id>`, an id AWS generates) or tracking server ARN in the partition aws or aws-us-gov (the only ones the sagemaker-mlflow plugin resolves) and in the build region and account (SageMaker MLflow has no resource-based policy), its ARN at most 256 characters; an experiment name of 1..245 characters (the steps receive both in their environment, whose values CreateProcessingJob takes up to 256 characters; the drift check adds `-monitoring`); with a tracking server ARN, the clientVersion its MLflow version takes (2.13.x: 2.13.2, 2.16.x: 2.16.2, 3.0.x: 3.0.0); a clientVersion of 3.2 or later only with containers of Python 3.10 (xgboost 3.0-5, sklearn 1.4-2); a maintenance window `Ddd:HH:MM` (taking it out later leaves a tracking server\'s window as it is: CloudFormation\'s handler keeps a value left out); the app is named `<projectName>-mlflow` (letters, digits, hyphens)',
    source: 'CloudFormation Template Reference, AWS::SageMaker::MlflowApp; SageMaker API Reference, CreateMlflowApp, DescribeMlflowApp and CreateProcessingJob (Environment); SageMaker Developer Guide, "Set up IAM permissions for MLflow Apps" and "Integrate MLflow with your environment"; the AWS::SageMaker::MlflowTrackingServer handler (aws-cloudformation-resource-providers-sagemaker, Translator)',
    repos: [...BUILD, ...DEPLOY],
  },
  {
    option: 'endpoints.*.memorySizeInMb, maxConcurrency (serverless)',
    rule: '1024..6144 MB in steps of 1024; 1..200 concurrent invocations; no data capture, guardrails or autoscaling on a serverless endpoint',
    source: 'SageMaker API Reference, ProductionVariantServerlessConfig',
    repos: DEPLOY,
  },
  {
    option: 'endpoints.*.autoscaling',
    rule: '1 <= minInstances <= maxInstances: a real-time endpoint without inference components does not scale to zero; no autoscaling on a burstable `ml.t2` instance type (on by default in production: set `autoscaling: false` with one)',
    source: 'Application Auto Scaling API Reference, RegisterScalableTarget; SageMaker Developer Guide, "Scale an endpoint to zero instances" and "Register a model" (automatic scaling)',
    repos: DEPLOY,
  },
  {
    option: 'endpoints.*.autoscaling (during a release)',
    rule: 'SageMaker refuses to update an endpoint while a scaling activity runs (it is Updating), and autoscaling cannot change the capacity while the endpoint updates (the whole blue/green deployment, baking periods included): a release first waits about 14 minutes at most for a scaling activity to end, then fails saying so; raise minInstances before a release you expect under peak load',
    source: 'SageMaker Developer Guide, "Update endpoints that use auto scaling"; API Reference, UpdateEndpointWeightsAndCapacities, DescribeEndpoint (EndpointStatus)',
    repos: DEPLOY,
  },
  {
    option: 'endpoints.*.deploymentGuardrails.strategy',
    rule: 'canary and linear need a fleet of at least 2 instances (the autoscaling minimum, else instanceCount); a 1-instance fleet uses all-at-once with a baking period and auto-rollback',
    source: 'SageMaker Developer Guide, "Blue/Green Deployments"; API Reference, TrafficRoutingConfig',
    repos: DEPLOY,
  },
  {
    option: 'deploymentGuardrails.canaryInstances, canaryPercentage',
    rule: 'the canary is at most 50 % of the smallest fleet (1..50 %, or at most half the instances)',
    source: 'SageMaker API Reference, TrafficRoutingConfig (CanarySize), CapacitySize',
    repos: DEPLOY,
  },
  {
    option: 'deploymentGuardrails.linearStepPercentage',
    rule: '10..50 % of the fleet per step',
    source: 'SageMaker API Reference, TrafficRoutingConfig (LinearStepSize)',
    repos: DEPLOY,
  },
  {
    option: 'deploymentGuardrails.waitMinutes, terminationWaitMinutes',
    rule: 'waitMinutes 2..60 with guardrails on (SageMaker rolls back only on alarms that trip in a baking period, and the latency alarm needs 2 one-minute datapoints); terminationWaitMinutes 0..60 (default 0); all waits together within 420 minutes (the 480-minute maximum execution timeout, less an hour for the new fleet to start)',
    source: 'SageMaker API Reference, TrafficRoutingConfig (WaitIntervalInSeconds), BlueGreenUpdatePolicy; Developer Guide, "Auto-Rollback Configuration and Monitoring"; CloudWatch User Guide, "Alarm evaluation"',
    repos: DEPLOY,
  },
  {
    option: 'endpoints.*.deploymentGuardrails, autoscaling (an edit)',
    rule: 'an endpoint is updated only onto a new endpoint configuration: an edit of the guardrails (or turning autoscaling on or off) without a new model version gives the endpoint a new configuration of the same model, deployed as the edited guardrails say (a whole blue/green deployment, baking periods included)',
    source: 'SageMaker API Reference, UpdateEndpoint',
    repos: DEPLOY,
  },
  {
    option: 'endpoints.*.instanceType (with autoscaling)',
    rule: 'an endpoint whose variant is registered with autoscaling cannot change instance type: the release deregisters the scalable target, updates the endpoint and registers it again',
    source: 'SageMaker Developer Guide, "Update endpoints that use auto scaling"',
    repos: DEPLOY,
  },
  {
    option: 'endpoints.*.type (of a deployed endpoint)',
    rule: 'an endpoint on instances cannot become serverless: the model-deploy synth step reads each stage\'s endpoint in the pipeline\'s account and refuses such a release before anything deploys, saying how to keep it real-time or remove it first (a stage in another account fails at its deploy); a serverless endpoint becomes real-time once and never back, not even by the rollback of a deploy that fails after the endpoint\'s update (production\'s stack then needs `aws cloudformation continue-update-rollback --stack-name <project>-prod-endpoint --resources-to-skip Endpoint`; staging\'s, in UPDATE_ROLLBACK_FAILED, the next release replaces)',
    source: 'SageMaker Developer Guide, "Deploy models with Amazon SageMaker Serverless Inference" (Feature exclusions)',
    repos: DEPLOY,
  },
  {
    option: 'endpoints.prod.shadow.minutes',
    rule: '5..430: the shadow phase waits them in a CodeBuild action, which CodePipeline stops after 8 hours counted from its start, 15 minutes for the build to start, 5 more for the last captured data to reach S3, and the comparison keeps 30 minutes',
    source: 'CodePipeline User Guide, "Quotas in AWS CodePipeline" (length of time before an action times out); SageMaker Developer Guide, "Capture data from real-time endpoint"',
    repos: DEPLOY,
  },
  {
    option: 'dataCapture.samplingPercentage, retentionDays',
    rule: 'a whole number 0..100 % (InitialSamplingPercentage is an integer); captured requests expire after retentionDays (a whole number >= 1, default 90), so driftMonitoring.lookbackHours is at most retentionDays x 24',
    source: 'SageMaker API Reference, DataCaptureConfig; Amazon S3 User Guide, lifecycle Expiration',
    repos: DEPLOY,
  },
  {
    option: 'jobNetwork.subnetIds, jobNetwork.securityGroupIds',
    rule: '1..16 subnet IDs and 1..5 security group IDs (`subnet-` or `sg-` and 8 or 17 hexadecimal digits), each named once; the execution role gets the nine EC2 network-interface actions on `*` without a condition, as SageMaker requires for jobs in a VPC',
    source: 'SageMaker API Reference, VpcConfig; SageMaker Developer Guide, "SageMaker AI execution roles" (CreateProcessingJob and CreateTrainingJob API: Execution Role Permissions)',
    repos: BUILD,
  },
  {
    option: 'modelMonitor.schedule',
    rule: 'hourly `cron(0 * ? * * *)`, daily `cron(0 H ? * * *)` or every N hours `cron(0 H/N ? * * *)`',
    source: 'SageMaker Developer Guide, "The cron expression for monitoring schedule"; API Reference, ScheduleConfig',
    repos: DEPLOY,
  },
  {
    option: 'driftMonitoring.schedule, batchScoring.schedule',
    rule: '`rate(N unit)` (singular unit for 1) or `cron(minutes hours day-of-month month day-of-week year)` with one day field `?`, each field within its values (0-59, 0-23, 1-31, 1-12 or JAN-DEC, 1-7 or SUN-SAT, 1970-2199) and wildcards (`L` and `#` only in the day fields, `W` only in day-of-month, `#` alone)',
    source: 'EventBridge Scheduler User Guide, "Schedule types on EventBridge Scheduler"',
    repos: DEPLOY,
  },
  {
    option: 'batchScoring.inputUri, outputUri',
    rule: '`s3://<bucket>/<prefix>` of at most 1024 characters; outputUri at most 1011, since each run writes under `<outputUri>/<execution id>`',
    source: 'SageMaker API Reference, TransformS3DataSource (S3Uri), TransformOutput (S3OutputPath)',
    repos: DEPLOY,
  },
  {
    option: 'batchScoring.inputFilter, outputFilter',
    rule: '`$` or CSV column indexes with at most one open slice (`$[1:]`, `$[0,-1]`, `$[0,5:]`), at most 63 characters; a closed range is listed column by column (`$[1,2,3,4]`): SageMaker documents `$[1:4]` as columns 1 to 4 where JsonPath ends at 3',
    source: 'SageMaker Developer Guide, "Associate Prediction Results with Input Records"; API Reference, DataProcessing',
    repos: DEPLOY,
  },
  {
    option: 'buildFailureEmails',
    rule: 'email addresses, subscribed to the standard topic `<project>-model-build-failures` (SNS emails standard topics only); an address gets nothing until it confirms the subscription from the email SNS sends',
    source: 'Amazon SNS Developer Guide, "Amazon SNS email subscription setup and management"',
    repos: BUILD,
  },
  {
    option: 'release.reviewerEmails, alertEmails, alertTopicArn',
    rule: 'email addresses; or an existing standard SNS topic ARN in the region of the alarms (CloudWatch publishes only to a topic of its own region, and without the MessageGroupId a FIFO topic needs); not both',
    source: 'Amazon SNS Developer Guide, "Encryption at rest"; Amazon SNS API Reference, Publish (MessageGroupId); CloudWatch User Guide, "Using Amazon CloudWatch alarms"',
    repos: DEPLOY,
  },
];

/**
 * The Markdown table of the constraints a repository's users can hit (all of them without `repo`).
 * With `projectName` (a generated repository's README), the rules name its stacks and topics
 * rather than `<project>-...`, so their commands run as written.
 */
export function renderAwsConstraintsTable(repo?: ConstraintRepo, projectName?: string): string[] {
  const rows = AWS_CONSTRAINTS.filter((c) => repo === undefined || c.repos.includes(repo));
  const named = (text: string) => (projectName === undefined ? text : text.replace(/<project(Name)?>/g, projectName));
  return [
    '| option | what AWS accepts | AWS page |',
    '|---|---|---|',
    ...rows.map((c) => `| \`${c.option}\` | ${named(c.rule)} | ${c.source} |`),
  ];
}
