import { ConfigError, DEFAULT_SHADOW_RELEASE, SHADOW_MAX_MINUTES, resolveEndpoint, resolveShadowRelease } from '../../src/config';
import { testConfig } from '../helpers/validated-synth';

const prod = (shadow: unknown, extra: Record<string, unknown> = {}) => () => testConfig({ endpoints: { prod: { type: 'realtime', shadow, ...extra } } });

describe('shadow release options', () => {
  test('off by default, in both stages', () => {
    const { endpoints } = testConfig();
    expect(endpoints.prod).toMatchObject({ shadow: false });
    expect(resolveEndpoint('e', { type: 'realtime' }, 'staging')).toMatchObject({ shadow: false });
  });

  test('on with defaults: an hour, production\'s smallest fleet, 20 % latency, 1 % errors, PSI 0.2', () => {
    const { endpoints } = prod({})();
    expect(endpoints.prod).toMatchObject({ shadow: { ...DEFAULT_SHADOW_RELEASE, instanceCount: 1 } });
    expect(DEFAULT_SHADOW_RELEASE).toEqual({ minutes: 60, maxLatencyIncreasePercent: 20, maxErrorRate: 0.01, maxPredictionPsi: 0.2, minInvocations: 100 });
  });

  test('the shadow fleet defaults to production\'s autoscaling minimum, and can be set', () => {
    expect(prod({}, { autoscaling: { minInstances: 3, maxInstances: 6 } })().endpoints.prod).toMatchObject({ shadow: { instanceCount: 3 } });
    expect(prod({ instanceCount: 2, minutes: 30 })().endpoints.prod).toMatchObject({ shadow: { instanceCount: 2, minutes: 30 } });
  });
});

describe('bad shadow options', () => {
  test.each([
    // "Create a shadow test" (SageMaker developer guide, prerequisites): serverless endpoints cannot have a shadow variant.
    [() => testConfig({ endpoints: { prod: { type: 'serverless', shadow: {} } } }), /endpoints.prod.shadow is set on a serverless endpoint: SageMaker does not support shadow variants on serverless endpoints/],
    // "Create a shadow test" (prerequisites): endpoints on Inf1 (Inferentia) instances cannot have a shadow variant
    // (the inference instance table has no Inf1 type today; the shadow check holds if it grows one).
    [() => resolveShadowRelease('endpoints.prod.shadow', {}, { stage: 'prod', instanceType: 'ml.inf1.xlarge', instanceCount: 1, capturePercentage: 100 }),
      /endpoints.prod.shadow needs an instance type with shadow variants, but the endpoint's instanceType is ml.inf1.xlarge: SageMaker does not support shadow variants on endpoints that use Inf1/],
    // "Testing models with shadow variants": SageMaker captures the shadow's responses beside production's; the comparison reads them.
    [prod({}, { dataCapture: false, driftMonitoring: false }), /endpoints.prod.shadow needs data capture, but dataCapture is off/],
    [prod({}, { dataCapture: { samplingPercentage: 0 } }), /endpoints.prod.shadow needs captured requests, but dataCapture.samplingPercentage is 0/],
    // CodePipeline User Guide, "Quotas in AWS CodePipeline": a CodeBuild build or test action times out after
    // 8 hours, whatever the project's own timeout (CodeBuild allows up to 2160 minutes), counted from the action's
    // start, the build's queue and start included: the comparison step keeps 15 minutes for those, waits `minutes`
    // and 5 more, and keeps 30 for the comparison.
    [prod({ minutes: SHADOW_MAX_MINUTES + 1 }), /endpoints.prod.shadow.minutes must be a whole number in 5..430 \(the comparison step waits them in a CodeBuild action, which CodePipeline stops after 480 minutes, keeping 15 for the build's start, 5 for the last captures to reach S3 and 30 for the comparison\)/],
    [prod({ minutes: 2 }), /endpoints.prod.shadow.minutes must be a whole number in 5..430/],
    [prod({ instanceCount: 0 }), /endpoints.prod.shadow.instanceCount must be a whole number in 1..100, got 0/],
    [prod({ maxErrorRate: 1.5 }), /endpoints.prod.shadow.maxErrorRate must be a rate in 0..1, got 1.5/],
    [prod({ maxPredictionPsi: 0 }), /endpoints.prod.shadow.maxPredictionPsi must be a number > 0, got 0/],
    [prod({ minInvocations: 0 }), /endpoints.prod.shadow.minInvocations must be a whole number in 1..1000000000, got 0/],
    [prod({ maxLatencyIncreasePercent: -1 }), /endpoints.prod.shadow.maxLatencyIncreasePercent must be a percentage >= 0, got -1/],
    [prod({ samplingPercentage: 50 }), /endpoints.prod.shadow has an unknown field "samplingPercentage"; allowed: minutes, maxLatencyIncreasePercent, maxErrorRate, maxPredictionPsi, minInvocations, instanceCount/],
  ])('%#: %s', (synth, message) => {
    expect(synth).toThrow(ConfigError);
    expect(synth).toThrow(message);
  });

  test('the longest shadow phase leaves CodePipeline\'s 8 hours 15 minutes for the build to start', () => {
    expect(SHADOW_MAX_MINUTES).toBe(430);
    expect(480 - (SHADOW_MAX_MINUTES + 5 + 30)).toBe(15);
  });

  test('only production has live traffic to copy: a staging shadow is refused', () => {
    expect(() => resolveEndpoint('endpoints.staging', { type: 'realtime', dataCapture: {}, shadow: {} }, 'staging'))
      .toThrow(/endpoints.staging.shadow is set on the staging endpoint: a shadow release copies live production traffic, so only endpoints.prod may have shadow/);
  });
});
