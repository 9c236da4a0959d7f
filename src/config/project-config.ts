import {
  EndpointsOptions, ReleaseOptions, ResolvedEndpoint, ResolvedRelease, checkEmails, hasAlarms, resolveEndpoint, resolveRelease,
} from './endpoint-config';
import { BatchScoringOptions, ResolvedBatchScoring, resolveBatchScoring } from './batch-scoring';
import { checkObject } from './config-checks';
import { ContainersOptions, DEFAULT_CONTAINERS, ResolvedContainers, checkMlflowClientPython, resolveContainers } from './containers';
import { InstanceCountsOptions, ResolvedInstanceCounts, resolveInstanceCounts } from './instance-counts';
import { ResolvedVolumeSizes, VolumeSizesOptions, resolveVolumeSizes } from './volume-sizes';
import { JobKind, checkInstanceTypeFor } from './instance-types';
import { JobNetworkOptions, ResolvedJobNetwork, checkStepImageRepositoryName, resolveJobNetwork, usesStepImages } from './job-network';
import { MlflowOptions, MlflowTrackingServerOptions, ResolvedMlflow, resolveMlflow } from './mlflow-config';
import { ToolkitSourceOptions, resolveToolkitSource } from './toolkit-source';
import {
  ProjectEnvironmentsOptions, ProjectSourceOptions, ResolvedEnvironment, ResolvedRepositorySource, resolveEnvironments, resolveSource,
} from './project-sources';
import { checkFraction, checkModelPackageGroupName, checkProjectBucketPrefix, checkProjectName, checkRegion } from './validators';

export * from './mlflow-config';
export * from './project-sources';
export * from './job-network';
export * from './containers';
export * from './batch-scoring';
export * from './instance-counts';
export * from './volume-sizes';

/** SageMaker instance types (each must start with `ml.`). */
export interface InstanceTypeOptions {
  /**
   * Instance type of the processing steps (preprocessing, evaluation).
   * @default "ml.m5.large"
   */
  readonly processing?: string;
  /**
   * Instance type of the training step.
   * @default "ml.m5.xlarge"
   */
  readonly training?: string;
  /**
   * Instance type registered with the model for real-time inference.
   * @default "ml.m5.large"
   */
  readonly inference?: string;
  /**
   * Instance type registered with the model for batch transform.
   * @default "ml.m5.large"
   */
  readonly transform?: string;
}

/** What describes one SageMaker MLOps project. */
export interface ProjectOptions {
  /**
   * The SageMaker project name: it names the stacks, the pipelines and the endpoints.
   * Must match `^[a-zA-Z](-*[a-zA-Z0-9])*$` and be at most 32 characters.
   */
  readonly projectName: string;
  /** The AWS region of the project (the build environment's region unless it names another). */
  readonly region: string;
  /**
   * Account and region of the build, staging and production environments.
   * @default - all three in the project's region and in one account
   */
  readonly environments?: ProjectEnvironmentsOptions;
  /** Where the code of the model-build and the model-deploy repositories comes from. */
  readonly source: ProjectSourceOptions;
  /**
   * Name of the SageMaker model package group that model-build registers into and model-deploy deploys from.
   * @default - the project name
   */
  readonly modelPackageGroupName?: string;
  /**
   * Instance types of the pipeline steps and of the registered model.
   * @default - see each field
   */
  readonly instanceTypes?: InstanceTypeOptions;
  /**
   * Instance counts of the model-build pipeline's Preprocess and Train jobs (scale-out). See {@link InstanceCountsOptions}.
   * @default - one instance each
   */
  readonly instanceCounts?: InstanceCountsOptions;
  /**
   * Storage volume of each instance of the model-build pipeline's processing and training jobs, in GB. See {@link VolumeSizesOptions}.
   * @default - 30 GB each
   */
  readonly volumeSizesInGb?: VolumeSizesOptions;
  /**
   * The quality gate: the minimum test AUC (0..1) a model needs to be registered.
   * @default 0.75
   */
  readonly qualityThreshold?: number;
  /**
   * MLflow tracking of every pipeline step and of the drift check: `{}` creates a serverless MLflow
   * App (no additional cost), `{ trackingServer: {} }` a tracking server (billed per hour while it
   * runs), `{ arn, artifactStoreUri }` uses an existing app, `{ arn, artifactStoreUri, clientVersion }`
   * an existing tracking server (the client of its MLflow version). See {@link MlflowOptions}.
   * @default - no MLflow tracking
   */
  readonly mlflow?: MlflowOptions;
  /**
   * ARN of an existing tracking server: no longer accepted (a ConfigError shows what to write instead).
   * It named no artifact store, so the steps' role got no S3 access and every artifact upload was
   * denied, and the client version could not be set to the server's MLflow version.
   * @deprecated use `mlflow: { arn, artifactStoreUri, clientVersion }`
   */
  readonly mlflowTrackingServerArn?: string;
  /**
   * Create a tracking server.
   * @deprecated use mlflow.trackingServer
   */
  readonly mlflowTrackingServer?: MlflowTrackingServerOptions;
  /**
   * The VPC subnets and security groups of the model-build pipeline's processing and training jobs,
   * and whether the subnets reach the internet. See {@link JobNetworkOptions}.
   * @default - the jobs run on SageMaker's network, with internet access
   */
  readonly jobNetwork?: JobNetworkOptions;
  /**
   * How the staging and production endpoints serve the model.
   * @default - staging serverless; production real-time with autoscaling, data capture,
   * canary deployment guardrails and a daily drift check
   */
  readonly endpoints?: EndpointsOptions;
  /**
   * The release from staging to production: the live test's latency budget and the reviewers.
   * @default - a 1000 ms p95 budget, no reviewer emails
   */
  readonly release?: ReleaseOptions;
  /**
   * Email addresses told when a stage of the model-build CodePipeline fails: the synth, the deploy of the
   * SageMaker pipeline, or its execution (a failed step, or a model below `qualityThreshold`). Each address
   * confirms its subscription from the email SNS sends when the stack is deployed.
   * @default - the release.reviewerEmails
   */
  readonly buildFailureEmails?: readonly string[];
  /**
   * The SageMaker XGBoost and scikit-learn container versions the pipeline and the endpoints run.
   * See {@link ContainersOptions}.
   * @default - XGBoost 1.7-1 and scikit-learn 1.4-2
   */
  readonly containers?: ContainersOptions;
  /**
   * Where the generated repositories install sagemaker-gitops from, when not vendored.
   * @default - vendored: each repository commits the toolkit as `vendor/sagemaker-gitops-<version>.tgz`
   */
  readonly toolkit?: ToolkitSourceOptions;
  /**
   * Batch scoring in production: a scheduled SageMaker pipeline whose Transform step scores a dataset in S3
   * with the released model version. See {@link BatchScoringOptions}.
   * @default - no batch scoring
   */
  readonly batchScoring?: BatchScoringOptions;
}

export interface ResolvedInstanceTypes {
  readonly processing: string;
  readonly training: string;
  readonly inference: string;
  readonly transform: string;
}

/**
 * A project with every default filled in: what the generated repositories' config file holds.
 * Resolving a resolved config again gives the same config.
 */
export interface ProjectConfig {
  readonly projectName: string;
  readonly region: string;
  readonly environments: {
    readonly build: ResolvedEnvironment;
    readonly staging: ResolvedEnvironment;
    readonly prod: ResolvedEnvironment;
  };
  readonly source: {
    readonly modelBuild: ResolvedRepositorySource;
    readonly modelDeploy: ResolvedRepositorySource;
  };
  readonly modelPackageGroupName: string;
  readonly instanceTypes: ResolvedInstanceTypes;
  /** The jobs' instance counts; absent when the project names none (one each: instanceCountsOf). */
  readonly instanceCounts?: ResolvedInstanceCounts;
  /** The jobs' volume sizes; absent when the project names none (30 GB each: volumeSizesOf). */
  readonly volumeSizesInGb?: ResolvedVolumeSizes;
  readonly qualityThreshold: number;
  /** The MLflow backend; absent when MLflow is off. */
  readonly mlflow?: ResolvedMlflow;
  /** The model-build jobs' VPC; absent when they run on SageMaker's network. */
  readonly jobNetwork?: ResolvedJobNetwork;
  readonly endpoints: { readonly staging: ResolvedEndpoint; readonly prod: ResolvedEndpoint };
  readonly release: ResolvedRelease;
  /** Who hears of a failed model-build stage. */
  readonly buildFailureEmails: readonly string[];
  /** The toolkit's registry source; absent when the repositories vendor it. */
  readonly toolkit?: ToolkitSourceOptions;
  /** The container versions; absent when the project names none (the defaults: containersOf). */
  readonly containers?: ResolvedContainers;
  /** Batch scoring; absent when it is off. */
  readonly batchScoring?: ResolvedBatchScoring;
}

export const DEFAULT_INSTANCE_TYPES: ResolvedInstanceTypes = {
  processing: 'ml.m5.large',
  training: 'ml.m5.xlarge',
  inference: 'ml.m5.large',
  transform: 'ml.m5.large',
};
export const DEFAULT_QUALITY_THRESHOLD = 0.75;

const PROJECT_KEYS = ['projectName', 'region', 'environments', 'source', 'modelPackageGroupName', 'instanceTypes', 'instanceCounts', 'volumeSizesInGb', 'qualityThreshold', 'mlflow', 'mlflowTrackingServerArn', 'mlflowTrackingServer', 'jobNetwork', 'endpoints', 'release', 'buildFailureEmails', 'toolkit', 'containers', 'batchScoring'];

/**
 * Checks every option and fills in the defaults. Throws a {@link ConfigError} that names the
 * first option that is not allowed, its value and what is allowed.
 */
export function resolveProjectConfig(options: ProjectOptions): ProjectConfig {
  checkObject('options', options, PROJECT_KEYS);
  checkProjectName('projectName', options.projectName);
  checkProjectBucketPrefix('projectName', options.projectName);
  checkRegion('region', options.region);

  const environments = resolveEnvironments(options.region, options.environments);
  const modelPackageGroupName = options.modelPackageGroupName ?? options.projectName;
  checkModelPackageGroupName('modelPackageGroupName', modelPackageGroupName);

  checkObject('source', options.source, ['modelBuild', 'modelDeploy']);
  const source = {
    modelBuild: resolveSource('source.modelBuild', options.source.modelBuild),
    modelDeploy: resolveSource('source.modelDeploy', options.source.modelDeploy),
  };

  checkObject('instanceTypes', options.instanceTypes ?? {}, Object.keys(DEFAULT_INSTANCE_TYPES));
  const instanceTypes: ResolvedInstanceTypes = { ...DEFAULT_INSTANCE_TYPES, ...options.instanceTypes };
  for (const [kind, type] of Object.entries(instanceTypes)) {
    checkInstanceTypeFor(`instanceTypes.${kind}`, kind as JobKind, type);
  }

  const volumeSizesInGb = resolveVolumeSizes('volumeSizesInGb', options.volumeSizesInGb);
  const instanceCounts = resolveInstanceCounts('instanceCounts', options.instanceCounts, { option: 'instanceTypes.training', value: instanceTypes.training });

  const qualityThreshold = options.qualityThreshold ?? DEFAULT_QUALITY_THRESHOLD;
  checkFraction('qualityThreshold', qualityThreshold);

  const mlflow = resolveMlflow({
    ...options, buildRegion: { name: environments.build.region, option: options.environments?.build?.region !== undefined ? 'environments.build.region' : 'region' },
  });

  const jobNetwork = resolveJobNetwork('jobNetwork', options.jobNetwork);
  if (usesStepImages({ jobNetwork, mlflow })) {
    checkStepImageRepositoryName(options.projectName);
  }

  checkObject('endpoints', options.endpoints ?? {}, ['staging', 'prod']);
  const endpoints = {
    staging: resolveEndpoint('endpoints.staging', options.endpoints?.staging, 'staging'),
    prod: resolveEndpoint('endpoints.prod', options.endpoints?.prod, 'prod'),
  };
  const alerted = (['staging', 'prod'] as const)
    .filter((stage) => hasAlarms(endpoints[stage]))
    .map((stage) => ({ option: `endpoints.${stage}`, region: environments[stage].region }));
  const release = resolveRelease('release', options.release, alerted);
  const buildFailureEmails = options.buildFailureEmails === undefined ? release.reviewerEmails : checkEmails('buildFailureEmails', options.buildFailureEmails);
  const toolkit = resolveToolkitSource('toolkit', options.toolkit);
  const containers = resolveContainers('containers', options.containers);
  if (mlflow) {
    checkMlflowClientPython(mlflow.clientVersion, containers ?? DEFAULT_CONTAINERS, containers !== undefined);
  }
  const batchScoring = resolveBatchScoring('batchScoring', options.batchScoring, {
    prodRegion: environments.prod.region, registryRegion: environments.build.region, transformInstanceType: instanceTypes.transform,
  });

  return {
    projectName: options.projectName,
    region: options.region,
    environments,
    source,
    modelPackageGroupName,
    instanceTypes,
    ...(instanceCounts !== undefined ? { instanceCounts } : {}),
    ...(volumeSizesInGb !== undefined ? { volumeSizesInGb } : {}),
    qualityThreshold,
    ...(mlflow !== undefined ? { mlflow } : {}),
    ...(jobNetwork !== undefined ? { jobNetwork } : {}),
    endpoints,
    release,
    buildFailureEmails,
    ...(toolkit !== undefined ? { toolkit } : {}),
    ...(containers !== undefined ? { containers } : {}),
    ...(batchScoring !== undefined ? { batchScoring } : {}),
  };
}
