import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { S3Client } from '@aws-sdk/client-s3';
import { DescribeEndpointCommand, ProductionVariantSummary, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { SHADOW_SETTLE_MINUTES } from '../config/shadow-config';
import { CliError, ifExists } from './errors';
import { endpointCapturePrefix } from './shadow-capture';
import { readCapturedVariant } from './shadow-capture-s3';
import { ShadowModel, describeShadowModel, shadowModelProblem } from './shadow-model';
import { VariantMetrics, readShadowMetrics } from './shadow-metrics';
import { PredictionComparison, comparePredictions } from './shadow-stats';
import { LatencyComparison, ShadowThresholds, shadowVerdict } from './shadow-verdict';

/** What `compare-shadow` compares. */
export interface ShadowComparisonOptions {
  readonly endpointName: string;
  readonly productionVariant: string;
  readonly shadowVariant: string;
  /** The DataCaptureConfig's DestinationS3Uri (or that URI with the endpoint's folder). */
  readonly capture: { readonly bucket: string; readonly prefix: string };
  /** The window: `minutes` minutes, ending SHADOW_SETTLE_MINUTES before `now` (the last captures are still on their way to S3). */
  readonly minutes: number;
  readonly thresholds: ShadowThresholds;
  /**
   * The model package the shadow must serve (the release's candidate): the comparison fails when
   * the shadow variant's model was created from another one.
   * @default - the shadow's model is not checked
   */
  readonly expectedShadowModelPackage?: string;
  /**
   * The instances the shadow variant must run (the configured count): the comparison fails when it
   * runs another number, as a shadow left by an earlier release does (see {@link shadowInstancesProblem}).
   * @default - the count is only reported
   */
  readonly expectedShadowInstances?: number;
  /**
   * The current time in milliseconds; the window ends SHADOW_SETTLE_MINUTES before its minute.
   * @default Date.now
   */
  readonly now?: () => number;
}

/** The comparison's report (report.json): every number, the verdict and its reasons. */
export interface ShadowReport {
  readonly endpointName: string;
  readonly productionVariant: string;
  readonly shadowVariant: string;
  readonly window: { readonly start: string; readonly end: string; readonly minutes: number; readonly metricPeriodSeconds: number };
  /** What DescribeEndpoint said when the comparison ran: the status and each variant's instances now. */
  readonly endpoint: ShadowEndpoint;
  /** What the shadow variant serves, when the comparison was asked to check it (expectedShadowModelPackage). */
  readonly shadowModel?: ShadowModel & { readonly expected: string };
  readonly thresholds: ShadowThresholds;
  readonly metrics: { readonly production: VariantMetrics; readonly shadow: VariantMetrics };
  readonly latency: LatencyComparison;
  readonly predictions: PredictionComparison & {
    readonly captureUri: string;
    readonly files: { readonly production: number; readonly shadow: number };
  };
  readonly verdict: 'PASS' | 'FAIL';
  readonly passed: boolean;
  readonly reasons: readonly string[];
}

/** The endpoint as DescribeEndpoint describes it, for the report. */
export interface ShadowEndpoint {
  readonly status: string;
  readonly instances: { readonly production: number | null; readonly shadow: number | null };
  /** The shadow variant's DesiredInstanceCount: what an update that retains variant properties keeps. */
  readonly shadowDesiredInstances: number | null;
  /** The endpoint configuration in service. */
  readonly endpointConfigName?: string;
}

/**
 * Checks that the endpoint serves the two variants compared: `production` among its
 * ProductionVariants and `shadow` among its ShadowProductionVariants (DescribeEndpoint API reference:
 * ShadowProductionVariants, "the shadow variants hosted on the endpoint"). Without this, an endpoint
 * without the shadow (a deploy that did not add it, a wrong name) would only show up as a shadow
 * with no invocations.
 *
 * @throws CliError when the endpoint does not exist or does not serve one of the variants
 */
export async function describeShadowEndpoint(client: SageMakerClient, endpointName: string, variants: { readonly production: string; readonly shadow: string }): Promise<ShadowEndpoint> {
  const endpoint = await ifExists(() => client.send(new DescribeEndpointCommand({ EndpointName: endpointName })));
  if (!endpoint) {
    const region = await client.config.region();
    throw new CliError(`the endpoint ${endpointName} does not exist in ${region} (--endpoint, --region): nothing to compare`);
  }
  const find = (list: ProductionVariantSummary[] | undefined, name: string) => (list ?? []).find((variant) => variant.VariantName === name);
  const names = (list: ProductionVariantSummary[] | undefined) => ((list ?? []).length === 0 ? 'none' : list!.map((variant) => variant.VariantName).join(', '));
  const production = find(endpoint.ProductionVariants, variants.production);
  if (!production) {
    throw new CliError(`the endpoint ${endpointName} has no production variant ${variants.production} (--production-variant); its production variants: ${names(endpoint.ProductionVariants)}`);
  }
  const shadow = find(endpoint.ShadowProductionVariants, variants.shadow);
  if (!shadow) {
    throw new CliError(
      `the endpoint ${endpointName} (${endpoint.EndpointStatus ?? 'status unknown'}) serves no shadow variant ${variants.shadow} (--shadow-variant); its shadow variants: ` +
      `${names(endpoint.ShadowProductionVariants)}. The shadow phase's deploy must add it (EndpointConfig ShadowProductionVariants) before the comparison`,
    );
  }
  return {
    status: endpoint.EndpointStatus ?? 'Unknown',
    instances: { production: production.CurrentInstanceCount ?? null, shadow: shadow.CurrentInstanceCount ?? null },
    shadowDesiredInstances: shadow.DesiredInstanceCount ?? shadow.CurrentInstanceCount ?? null,
    ...(endpoint.EndpointConfigName ? { endpointConfigName: endpoint.EndpointConfigName } : {}),
  };
}

/**
 * Why the shadow variant's instance count (its DesiredInstanceCount) is not the configured one, or
 * undefined when it is.
 *
 * When production autoscales, its endpoint is updated with RetainAllVariantProperties, which keeps
 * production's capacity and also the instance count of any variant the endpoint already has under
 * the same name ("Update endpoints that use auto scaling"; UpdateEndpoint API Reference,
 * RetainAllVariantProperties, and ExcludeRetainedVariantProperties, which excludes a property for
 * every variant, production's included). A shadow variant left in place by an earlier release (its
 * comparison failed, or its approval was rejected) so keeps its count after
 * `endpoints.prod.shadow.instanceCount` changes, and the latency comparison would be of another
 * fleet than the one configured. Each later shadow phase would fail the same way, so the message
 * says how to end it.
 */
export function shadowInstancesProblem(desired: number | null, expected: number, what: string): string | undefined {
  if (desired === expected) {
    return undefined;
  }
  return `${what} runs ${desired ?? 'an unknown number of'} instance(s), not the ${expected} configured (endpoints.prod.shadow.instanceCount). `
    + 'When production autoscales, its endpoint is updated with RetainAllVariantProperties, which keeps the instance count of a variant the endpoint '
    + 'already has, such as a shadow left in place by an earlier release whose comparison failed or whose approval was rejected; every shadow phase '
    + 'fails so until that shadow is gone. Release once with endpoints.prod.shadow off (the production deploy removes the shadow variant), '
    + `or set endpoints.prod.shadow.instanceCount back to ${desired ?? 'the count it runs'}`;
}

/**
 * Compares the shadow variant with production over `minutes` that ended SHADOW_SETTLE_MINUTES ago
 * (so that their captured data has reached S3): after checking that the
 * endpoint serves both variants, latency and error rate from CloudWatch, the prediction distribution
 * from both variants' captured responses in S3.
 */
export async function compareShadow(
  clients: { readonly cloudWatch: CloudWatchClient; readonly s3: S3Client; readonly sageMaker: SageMakerClient }, options: ShadowComparisonOptions,
): Promise<ShadowReport> {
  const end = new Date(Math.floor((options.now ?? Date.now)() / 60_000) * 60_000 - SHADOW_SETTLE_MINUTES * 60_000);
  const window = { start: new Date(end.getTime() - options.minutes * 60_000), end };
  const variants = { production: options.productionVariant, shadow: options.shadowVariant };
  const endpoint = await describeShadowEndpoint(clients.sageMaker, options.endpointName, variants);
  const expected = options.expectedShadowModelPackage;
  const shadowModel = expected === undefined ? undefined
    : { ...(endpoint.endpointConfigName ? await describeShadowModel(clients.sageMaker, endpoint.endpointConfigName, variants.shadow) : {}), expected };
  const modelProblem = shadowModel && shadowModelProblem(shadowModel, shadowModel.expected, `the shadow variant ${variants.shadow} of ${options.endpointName}`);
  const metrics = await readShadowMetrics(clients.cloudWatch, options.endpointName, variants, window, (options.now ?? Date.now)());
  const location = { bucket: options.capture.bucket, endpointPrefix: endpointCapturePrefix(options.capture.prefix, options.endpointName) };
  const production = await readCapturedVariant(clients.s3, location, variants.production, window);
  const shadow = await readCapturedVariant(clients.s3, location, variants.shadow, window);
  const predictions = comparePredictions(production, shadow, options.thresholds.minInvocations);
  const captureUri = `s3://${location.bucket}/${location.endpointPrefix}`;
  const verdict = shadowVerdict({
    minutes: options.minutes, variants, metrics, predictions, shadowCaptureUri: `${captureUri}${variants.shadow}/`,
  }, options.thresholds);
  const instancesProblem = options.expectedShadowInstances === undefined ? undefined
    : shadowInstancesProblem(endpoint.shadowDesiredInstances, options.expectedShadowInstances, `the shadow variant ${variants.shadow} of ${options.endpointName}`);
  const reasons = [...(modelProblem ? [modelProblem] : []), ...(instancesProblem ? [instancesProblem] : []), ...verdict.reasons];
  return {
    endpointName: options.endpointName,
    productionVariant: variants.production,
    shadowVariant: variants.shadow,
    window: { start: window.start.toISOString(), end: window.end.toISOString(), minutes: options.minutes, metricPeriodSeconds: metrics.periodSeconds },
    endpoint,
    ...(shadowModel ? { shadowModel } : {}),
    thresholds: options.thresholds,
    metrics: { production: metrics.production, shadow: metrics.shadow },
    latency: verdict.latency,
    predictions: { ...predictions, captureUri, files: { production: production.files, shadow: shadow.files } },
    verdict: reasons.length === 0 ? 'PASS' : 'FAIL',
    passed: reasons.length === 0,
    reasons,
  };
}
