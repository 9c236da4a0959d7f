/**
 * The per-action time model of the critical-path estimate: how many minutes each kind of work in
 * a CodePipeline action takes, with the basis of every figure. The estimate reads the actions
 * from the synthesized pipelines and adds up these figures; only `cdkSynth` is measured by the
 * bench itself. Figures marked `assumption` are round, stated guesses for a small model like the
 * example's (a few thousand rows): AWS documents no durations for them, so change them here when
 * your own pipeline runs say otherwise.
 */

/** Where a figure comes from. */
export type Basis =
  /** Timed on this machine (by this bench or as recorded in the project's notes). */
  | 'measured'
  /** Set by code or configuration we can read (a poll interval, a configured wait). */
  | 'documented'
  /** A stated guess; see the note. */
  | 'assumption';

/** One figure of the model. */
export interface Figure {
  readonly minutes: number;
  readonly basis: Basis;
  /** What it covers and why this value. */
  readonly note: string;
}

/** Every kind of work the critical path is made of. */
export interface ActionModel {
  /** A CodeConnections source action: the push is detected and the commit zipped into the artifact bucket. */
  readonly sourceFetch: Figure;
  /** An EventBridge rule starting the pipeline (model approved in the registry). */
  readonly eventTrigger: Figure;
  /** CodeBuild's queue, provisioning and source download before the first command (on-demand, small, curated image). */
  readonly codeBuildStart: Figure;
  /** `npm ci` of a generated repository in CodeBuild, without a cache. */
  readonly npmCi: Figure;
  /** `npm install -g` of one CLI (aws-cdk, cdk-assets). */
  readonly npmGlobalInstall: Figure;
  /** `pip install` of the SageMaker SDK or boto3/awscli in the first-party template's build steps. */
  readonly pipInstall: Figure;
  /** `cdk synth` of a generated app (replaced by this bench's measurement of it). */
  readonly cdkSynth: Figure;
  /** The synth step bundling the release tools (src/constructs/release-tools.ts) for the later steps, which then run without `npm ci`. */
  readonly releaseToolsBundle: Figure;
  /** `sagemaker-gitops resolve-model`: one list and one describe call, and DescribeEndpoint of each stage in the pipeline's account. */
  readonly resolveModel: Figure;
  /** The first-party template's build.py and `aws cloudformation package`. */
  readonly templateBuild: Figure;
  /** The synth step copying the release's evaluation report and test split (src/model-deploy/release-payload.ts): DescribeModelPackage and two small S3 downloads. */
  readonly releasePayload: Figure;
  /** `sagemaker-gitops self-mutation-check` in the synth step: DescribeStacks and GetTemplate per pipeline stack, compared with the synthesized templates. */
  readonly selfMutationCheck: Figure;
  /** `sagemaker-gitops assets-check` in the synth step: the caller's identity, the publishing role assumed, one ListObjectsV2 per file asset. */
  readonly assetsCheck: Figure;
  /** `sagemaker-gitops input-check` in the model-deploy synth step: ListModelPackages and DescribeModelPackage, then one ranged GetObject per baseline. */
  readonly inputCheck: Figure;
  /** `sagemaker-gitops prod-change-check` in the model-deploy synth step: the pipeline's state and executions, then DescribeStacks and GetTemplate per production stack. */
  readonly prodChangeCheck: Figure;
  /** CDK Pipelines' self-mutation `cdk deploy` of the pipeline stack when nothing changed. */
  readonly selfMutateDeploy: Figure;
  /**
   * The self-mutation when a release changed the pipeline stack: CloudFormation updates the
   * CodePipeline, which then restarts the execution (the restart is timed from the path itself).
   */
  readonly selfMutateUpdate: Figure;
  /** `cdk-assets publish` of a few small files. */
  readonly assetPublish: Figure;
  /** CloudFormation creating a change set on an existing stack. */
  readonly cfnChangeSet: Figure;
  /** CloudFormation executing a change set: the quick resources (roles, keys, configs, alarms, schedules). */
  readonly cfnExecute: Figure;
  /** A real-time endpoint's new instance fleet: launch, image pull, model load, health checks. */
  readonly realtimeFleet: Figure;
  /** A serverless endpoint taking its new configuration. */
  readonly serverlessUpdate: Figure;
  /** The live endpoint test: a payload of held-out rows, latency measured. */
  readonly endpointTest: Figure;
  /** `sagemaker-gitops verify-release`: the stack's resources and the endpoint, its config and model described. */
  readonly releaseVerify: Figure;
  /** Upserting a SageMaker pipeline definition and starting an execution. */
  readonly pipelineStart: Figure;
  /** A CodePipeline Lambda invoke action whose function makes one API call and reports the job's result (the release's registry check). */
  readonly lambdaInvoke: Figure;
  /** A SageMaker processing job on the sample (ml.m5.large). */
  readonly processingStep: Figure;
  /** A SageMaker training job on the sample (XGBoost, ml.m5.xlarge). */
  readonly trainingStep: Figure;
  /** A condition step. */
  readonly conditionStep: Figure;
  /** A RegisterModel (or model) step. */
  readonly registerStep: Figure;
  /** Any other step type. */
  readonly otherStep: Figure;
  /** Any other build command. */
  readonly otherCommand: Figure;
}

/** The figures; `cdkSynth` is replaced by the bench's own measurement when it has one. */
export const ACTION_MODEL: ActionModel = {
  sourceFetch: { minutes: 0.5, basis: 'assumption', note: 'webhook to CodePipeline, then the commit zipped into S3' },
  eventTrigger: { minutes: 0.2, basis: 'assumption', note: 'EventBridge delivers the model package state change and starts the pipeline' },
  codeBuildStart: { minutes: 1, basis: 'assumption', note: 'on-demand BUILD_GENERAL1_SMALL with a curated image: QUEUED, PROVISIONING and DOWNLOAD_SOURCE phases' },
  npmCi: {
    minutes: 1.2, basis: 'assumption',
    note: 'a generated repository installs ~370 MB of packages: ~70 s cold measured on this machine kind (shared/TOOLCHAIN.md); CodeBuild has no npm cache here',
  },
  npmGlobalInstall: { minutes: 0.5, basis: 'assumption', note: 'one CLI package and its dependencies, no lock file' },
  pipInstall: { minutes: 1, basis: 'assumption', note: 'the SageMaker Python SDK (or boto3/awscli) from PyPI into the build image' },
  cdkSynth: { minutes: 0.15, basis: 'assumption', note: 'replaced by the measured `cdk synth` of the app when the bench runs it (CodeBuild small: 2 vCPUs, like this machine)' },
  releaseToolsBundle: {
    minutes: 0.07, basis: 'measured',
    note: 'esbuild bundle of run-pipeline, verify-release and test-endpoint into one ~5 MB file: 2.8-4 s on this machine (from the compiled package and from source), Node.js start included',
  },
  resolveModel: { minutes: 0.1, basis: 'assumption', note: 'Node.js start, ListModelPackages + DescribeModelPackage, DescribeEndpoint of each stage endpoint (its type)' },
  templateBuild: { minutes: 0.5, basis: 'assumption', note: 'build.py finds the approved package; `aws cloudformation package` uploads the template' },
  releasePayload: { minutes: 0.05, basis: 'assumption', note: 'the AWS CLI\'s start, DescribeModelPackage, then evaluation.json and payload.csv (a few KB) from S3' },
  selfMutationCheck: { minutes: 0.05, basis: 'assumption', note: 'Node.js start, then DescribeStacks and GetTemplate of the pipeline stack (and of any cross-region support stack)' },
  assetsCheck: { minutes: 0.05, basis: 'assumption', note: 'Node.js start, GetCallerIdentity, AssumeRole of the publishing role, then ListObjectsV2 of each file asset (a few)' },
  inputCheck: { minutes: 0.05, basis: 'assumption', note: 'Node.js start, ListPipelineExecutions and ListActionExecutions of the model-deploy pipeline (ListModelPackages when its history does not tell), DescribeModelPackage, then the first bytes of two baseline.csv files from S3' },
  prodChangeCheck: { minutes: 0.05, basis: 'assumption', note: 'Node.js start, GetPipelineState and ListPipelineExecutions, then DescribeStacks and GetTemplate of each production stack' },
  selfMutateDeploy: { minutes: 0.7, basis: 'assumption', note: 'cdk deploy of the pipeline stack with no change: the change set is created and found empty' },
  selfMutateUpdate: {
    minutes: 1.5, basis: 'assumption',
    note: 'cdk deploy of the pipeline stack when a release changed it: change set, update of the CodePipeline and its IAM policies; the restarted execution is added from the path',
  },
  assetPublish: { minutes: 0.3, basis: 'assumption', note: 'a few small files (scripts, sample data) uploaded to the bootstrap bucket' },
  cfnChangeSet: { minutes: 0.5, basis: 'assumption', note: 'CreateChangeSet on an existing stack and waiting for CREATE_COMPLETE' },
  cfnExecute: { minutes: 0.5, basis: 'assumption', note: 'ExecuteChangeSet of the quick resources (IAM, KMS, S3 policies, endpoint configs, alarms, schedules)' },
  realtimeFleet: {
    minutes: 6, basis: 'assumption',
    note: 'one ml.m5.large: instance launch, XGBoost image pull, model load and health checks; SageMaker documents no figure, "several minutes" is typical',
  },
  serverlessUpdate: { minutes: 3, basis: 'assumption', note: 'SageMaker provisions the serverless configuration; no instance fleet to launch' },
  endpointTest: { minutes: 0.3, basis: 'assumption', note: 'a few dozen invocations and the latency check' },
  releaseVerify: { minutes: 0.1, basis: 'assumption', note: 'DescribeStacks, ListStackResources, DescribeEndpoint, DescribeEndpointConfig, DescribeModel' },
  lambdaInvoke: {
    minutes: 0.1, basis: 'assumption',
    note: 'CodePipeline invokes the function (a cold start of about a second), DescribeModelPackage, PutJobSuccessResult, and CodePipeline starts the next action',
  },
  pipelineStart: { minutes: 0.1, basis: 'assumption', note: 'UpdatePipeline/StartPipelineExecution calls' },
  processingStep: { minutes: 5, basis: 'assumption', note: '~4 min to provision ml.m5.large and pull the scikit-learn image, ~1 min on the sample (local run: ~1 s per step)' },
  trainingStep: { minutes: 5, basis: 'assumption', note: '~4 min to start ml.m5.xlarge and download the data, ~1 min of XGBoost on the sample' },
  conditionStep: { minutes: 0.1, basis: 'assumption', note: 'evaluated by the SageMaker Pipelines service, no job' },
  registerStep: { minutes: 0.2, basis: 'assumption', note: 'CreateModelPackage, no job' },
  otherStep: { minutes: 1, basis: 'assumption', note: 'a step type the model has no figure for' },
  otherCommand: { minutes: 0.1, basis: 'assumption', note: 'a shell command the model does not recognise' },
};

/** How often the model-build pipeline polls the SageMaker execution, in seconds (src/aws/pipeline-execution.ts). */
export const OUR_POLL_SECONDS = 30;

/** How often the first-party template's run-pipeline polls (`execution.wait(max_attempts=120, delay=60)`), in seconds. */
export const FIRST_PARTY_POLL_SECONDS = 60;

/** The model with `cdkSynth` set from a measured time in seconds (leaves the model as is without one). */
export function withMeasuredSynth(model: ActionModel, synthSeconds: number | undefined, label: string): ActionModel {
  if (synthSeconds === undefined) {
    return model;
  }
  if (!(synthSeconds > 0)) {
    throw new Error(`a measured synth time must be > 0 seconds, got ${synthSeconds}`);
  }
  return {
    ...model,
    cdkSynth: { minutes: synthSeconds / 60, basis: 'measured', note: `median \`cdk synth\` of ${label} in this bench run (${synthSeconds.toFixed(1)} s)` },
  };
}
