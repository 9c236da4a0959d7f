import { DescribeEndpointCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { EndpointTypeCheck, StageEndpointType } from './endpoint-type-spec';
import { CliError, ifExists } from './errors';

/** The variant every stage's endpoint configuration names (endpoint-stack's VARIANT_NAME). */
const VARIANT = 'AllTraffic';

/**
 * SageMaker Developer Guide, "Deploy models with Amazon SageMaker Serverless Inference" (Feature
 * exclusions): an instance-based (real-time) endpoint cannot be updated to serverless; UpdateEndpoint
 * answers ValidationError. A serverless endpoint can be updated to real-time, but never back.
 */
const SERVERLESS_PAGE = 'SageMaker Developer Guide, "Deploy models with Amazon SageMaker Serverless Inference" (Feature exclusions)';

/**
 * Whether the release may deploy the stage's endpoint as `check.type`, from what the endpoint runs
 * now (DescribeEndpoint alone: a serverless variant reports its serverless configuration, an
 * instance-based one its instance count). CloudFormation updates an endpoint of a fixed name in
 * place, so a type AWS cannot convert to fails the deploy; this refuses it before anything deploys.
 *
 * @returns a line for the build log: what the endpoint runs and what the release does with it
 * @throws CliError when the endpoint runs on instances and the release deploys it serverless
 */
export async function checkEndpointTypeChange(client: SageMakerClient, check: EndpointTypeCheck): Promise<string> {
  const { stage, endpointName, type } = check;
  const option = `endpoints.${stage}.type`;
  const endpoint = await ifExists(() => client.send(new DescribeEndpointCommand({ EndpointName: endpointName })));
  if (!endpoint) {
    return `${endpointName}: no such endpoint yet, the release creates it ${type}`;
  }
  const variants = endpoint.ProductionVariants ?? [];
  const variant = variants.find((v) => v.VariantName === VARIANT) ?? variants[0];
  const running: StageEndpointType | undefined = variant?.CurrentServerlessConfig || variant?.DesiredServerlessConfig ? 'serverless'
    : variant?.CurrentInstanceCount !== undefined || variant?.DesiredInstanceCount !== undefined ? 'realtime' : undefined;
  if (running === undefined) {
    return `${endpointName} (${endpoint.EndpointStatus ?? 'status unknown'}) reports no variant that tells serverless from real-time: the deploy finds out`;
  }
  if (running === 'realtime' && type === 'serverless') {
    const instances = variant?.CurrentInstanceCount ?? variant?.DesiredInstanceCount;
    // The stage's stack is named after its endpoint (resource-names.ts: endpointStack and endpoint). Production's stack
    // keeps its endpoint, and SageMaker does not let the endpoint configuration of a live endpoint be deleted
    // (API Reference, DeleteEndpointConfig): the endpoint goes first, as `sagemaker-gitops cleanup` deletes them.
    const deleteFirst = stage === 'prod'
      ? `aws sagemaker delete-endpoint --endpoint-name ${endpointName}, then aws cloudformation delete-stack --stack-name ${endpointName}-endpoint; production serves nothing until the release has created it again`
      : `aws cloudformation delete-stack --stack-name ${endpointName}-endpoint, which deletes the endpoint`;
    throw new CliError(
      `${option} is 'serverless', but the endpoint ${endpointName} runs on instances (${instances === undefined ? 'count unknown' : `${instances} now`}): SageMaker cannot update an ` +
      `instance-based endpoint to serverless (UpdateEndpoint answers ValidationError; ${SERVERLESS_PAGE}), so this release would fail ` +
      `at its ${stage} deploy. Set ${option} back to 'realtime', or remove the endpoint so that the release creates it serverless: ${deleteFirst}`,
    );
  }
  if (running === 'serverless' && type === 'realtime') {
    return `${endpointName} is serverless and this release makes it real-time (${option}): SageMaker allows that once and never back, ` +
      'so a failed deploy\'s rollback cannot make it serverless again either';
  }
  return `${endpointName} is ${running}, as ${option} has it`;
}
