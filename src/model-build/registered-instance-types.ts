import { ProjectConfig } from '../config';
import { Value } from '../pipeline-definition';

/**
 * The instance types a registered version says it runs on (InferenceSpecification
 * SupportedRealtimeInferenceInstanceTypes and SupportedTransformInstanceTypes: "the instance types that
 * are used to generate inferences in real-time" and "on which a transformation job can be run",
 * SageMaker API Reference, InferenceSpecification): the pipeline's instance-type parameter, then
 * each other type the project deploys the version on: a real-time endpoint's instanceType for
 * inference, batch scoring's for transform. The registry then lists the types the release uses,
 * whichever of them a team sets apart from `instanceTypes` (SageMaker Studio offers these types
 * when a version is deployed from the registry).
 */
export function registeredInstanceTypes(config: ProjectConfig, kind: 'inference' | 'transform', parameter: Value<string>): Value<string>[] {
  const deployed = kind === 'inference'
    ? [config.endpoints.staging, config.endpoints.prod].flatMap((endpoint) => (endpoint.type === 'realtime' ? [endpoint.instanceType] : []))
    : config.batchScoring ? [config.batchScoring.instanceType] : [];
  return [parameter, ...new Set(deployed.filter((type) => type !== config.instanceTypes[kind]))];
}
