import { instanceCountsOf } from './instance-counts';
import { ProjectConfig } from './project-config';

/**
 * How many SageMaker instances (or how much serverless concurrency) a project needs of each
 * account-level quota, per account and region, read from its config. A new AWS account often has
 * 0 for most instance types, and SageMaker then refuses the job or the endpoint with
 * ResourceLimitExceeded ("The account-level service limit 'ml.m5.xlarge for training job usage' is 0
 * Instances"), at the first pipeline run or release, long after the deploy.
 *
 * Service Quotas names SageMaker's instance quotas `<instance type> for <use> usage`: training job,
 * processing job, transform job, endpoint (Service Quotas console, Amazon SageMaker; "Amazon
 * SageMaker AI endpoints and quotas", AWS General Reference). A use of an instance quota counts:
 *   - `steady`: what it holds while it runs (a job's instances; an endpoint's fleet, at
 *     autoscaling's minimum);
 *   - `surge`: what it holds in addition while it changes: SageMaker updates an endpoint blue/green,
 *     starting the new fleet before it stops the old one (Developer Guide, "Blue/Green Deployments"),
 *     so a release holds its fleet twice; a shadow phase adds the shadow variant's instances;
 *   - the same two at autoscaling's maximum, for a release while the fleet is scaled out.
 * Uses of one quota in one account and region add up (a drift check may run while the pipeline
 * runs); of the surges only the largest counts (releases of two stages do not overlap).
 */

/** The project's environments. */
export type QuotaEnvironment = 'build' | 'staging' | 'prod';

/** Service Quotas' name of the instance quota of a kind of use. */
export function instanceQuotaName(instanceType: string, use: 'training job' | 'processing job' | 'transform job' | 'endpoint'): string {
  return `${instanceType} for ${use} usage`;
}

/** Service Quotas' name of the regional quota on the concurrency serverless endpoints allocate together. */
export const SERVERLESS_CONCURRENCY_QUOTA = 'Maximum total concurrency that can be allocated across all serverless endpoints';

/**
 * Service Quotas' name of CodeBuild's quota on concurrently running builds of the compute type every
 * CodeBuild action of the two pipelines uses (LINUX_CONTAINER, BUILD_GENERAL1_SMALL): "Quotas for AWS
 * CodeBuild" (per platform and compute type; a new account's can be very low, and at 0 a build fails with
 * "Cannot have more than 0 builds in queue for the account"). Builds over the quota queue ("Builds in AWS
 * CodeBuild"), so one build at a time works, but a release then waits behind RunSageMakerPipeline, which
 * holds its build for the whole SageMaker pipeline run (up to 8 hours).
 */
export const CODEBUILD_LINUX_SMALL_QUOTA = 'Concurrently running builds for Linux/Small environment';

/** The Service Quotas service code of a quota's service. */
export type QuotaService = 'sagemaker' | 'codebuild';

/** One use of a quota. */
export interface QuotaUse {
  readonly environment: QuotaEnvironment;
  /** @default 'sagemaker' */
  readonly service?: QuotaService;
  readonly quotaName: string;
  /** What uses it, with the options that size it, such as "the prod drift check (endpoints.prod.driftMonitoring.instanceType)". */
  readonly what: string;
  readonly steady: number;
  readonly surge: number;
  readonly steadyAtMax: number;
  readonly surgeAtMax: number;
  /** When the `AtMax` counts apply. @default 'a release while autoscaled to the maximum' */
  readonly atMaximumWhen?: string;
}

/** What one account and region needs of one quota. */
export interface QuotaNeed {
  /** The account: undefined for the account of the credentials (an environment that names none). */
  readonly account?: string;
  readonly region: string;
  readonly service: QuotaService;
  readonly quotaName: string;
  /** Below this, a first release or run fails. */
  readonly minimum: number;
  /** Below this, a release while autoscaled to the maximum fails (or scaling out stops short). */
  readonly atMaximum: number;
  readonly environments: readonly QuotaEnvironment[];
  readonly uses: readonly string[];
  /** When `atMaximum` applies, such as "a release while autoscaled to the maximum". */
  readonly atMaximumWhen: string;
}

const job = (environment: QuotaEnvironment, quotaName: string, what: string, count: number): QuotaUse =>
  ({ environment, quotaName, what, steady: count, surge: 0, steadyAtMax: count, surgeAtMax: 0 });

/** Every use of a quota the project makes, environment by environment. */
export function quotaUses(config: ProjectConfig): QuotaUse[] {
  const counts = instanceCountsOf(config);
  const uses: QuotaUse[] = [
    job('build', instanceQuotaName(config.instanceTypes.processing, 'processing job'), 'the model-build pipeline\'s processing steps (instanceTypes.processing, instanceCounts.processing)', counts.processing),
    job('build', instanceQuotaName(config.instanceTypes.training, 'training job'), 'the model-build pipeline\'s Train step (instanceTypes.training, instanceCounts.training)', counts.training),
  ];
  for (const stage of ['staging', 'prod'] as const) {
    const endpoint = config.endpoints[stage];
    const option = `endpoints.${stage}`;
    if (endpoint.type === 'serverless') {
      const c = endpoint.maxConcurrency;
      uses.push({ environment: stage, quotaName: SERVERLESS_CONCURRENCY_QUOTA, what: `the ${stage} endpoint (${option}.maxConcurrency)`, steady: c, surge: 0, steadyAtMax: c, surgeAtMax: 0 });
      continue;
    }
    const min = endpoint.autoscaling === false ? endpoint.instanceCount : endpoint.autoscaling.minInstances;
    const max = endpoint.autoscaling === false ? endpoint.instanceCount : endpoint.autoscaling.maxInstances;
    const shadow = endpoint.shadow === false ? 0 : endpoint.shadow.instanceCount;
    uses.push({
      environment: stage, quotaName: instanceQuotaName(endpoint.instanceType, 'endpoint'),
      what: `the ${stage} endpoint (${option}.instanceType; its fleet twice during a release${shadow > 0 ? ', and the shadow variant' : ''})`,
      steady: min, surge: min + shadow, steadyAtMax: max, surgeAtMax: max + shadow,
    });
    if (endpoint.driftMonitoring !== false) {
      uses.push(job(stage, instanceQuotaName(endpoint.driftMonitoring.instanceType, 'processing job'), `the ${stage} drift check (${option}.driftMonitoring.instanceType)`, 1));
    }
    if (endpoint.modelMonitor !== false) {
      uses.push(job(stage, instanceQuotaName(endpoint.modelMonitor.instanceType, 'processing job'), `the ${stage} Model Monitor schedule (${option}.modelMonitor.instanceType)`, 1));
    }
  }
  if (config.batchScoring !== undefined) {
    uses.push(job('prod', instanceQuotaName(config.batchScoring.instanceType, 'transform job'), 'batch scoring (batchScoring.instanceType, instanceCount)', config.batchScoring.instanceCount));
  }
  // Every CodeBuild action of both pipelines runs in the build account and region: one build at a time is needed, two
  // let a release run while a SageMaker pipeline run holds RunSageMakerPipeline's build.
  const builds = { environment: 'build' as const, service: 'codebuild' as const, quotaName: CODEBUILD_LINUX_SMALL_QUOTA, surge: 0, atMaximumWhen: 'a release while the model-build pipeline runs' };
  uses.push(
    { ...builds, what: 'the model-build CodePipeline\'s CodeBuild actions (RunSageMakerPipeline for the whole SageMaker pipeline run)', steady: 1, steadyAtMax: 1, surgeAtMax: 0 },
    { ...builds, what: 'the model-deploy CodePipeline\'s CodeBuild actions', steady: 0, steadyAtMax: 1, surgeAtMax: 0 },
  );
  return uses;
}

/** The uses added up per account, region and quota ({@link quotaUses}), in the order they first appear. */
export function quotaNeeds(config: ProjectConfig): QuotaNeed[] {
  const groups = new Map<string, { account?: string; region: string; service: QuotaService; quotaName: string; uses: QuotaUse[] }>();
  const build = config.environments.build;
  for (const use of quotaUses(config)) {
    const env = config.environments[use.environment];
    const account = env.account ?? build.account;
    const service = use.service ?? 'sagemaker';
    const key = `${account ?? ''}/${env.region}/${service}/${use.quotaName}`;
    const group = groups.get(key) ?? { ...(account === undefined ? {} : { account }), region: env.region, service, quotaName: use.quotaName, uses: [] };
    group.uses.push(use);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ uses, ...group }) => ({
    ...group,
    minimum: uses.reduce((sum, u) => sum + u.steady, 0) + Math.max(0, ...uses.map((u) => u.surge)),
    atMaximum: uses.reduce((sum, u) => sum + u.steadyAtMax, 0) + Math.max(0, ...uses.map((u) => u.surgeAtMax)),
    environments: [...new Set(uses.map((u) => u.environment))],
    uses: uses.map((u) => u.what),
    atMaximumWhen: uses.find((u) => u.atMaximumWhen !== undefined)?.atMaximumWhen ?? 'a release while autoscaled to the maximum',
  }));
}
