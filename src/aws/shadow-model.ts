import { DescribeEndpointConfigCommand, DescribeModelCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { modelPackageOf } from './endpoint-model';
import { ifExists } from './errors';

/** What a shadow variant serves: its model and the model package that model was created from. */
export interface ShadowModel {
  readonly modelName?: string;
  readonly modelPackageArn?: string;
}

/**
 * The model of the shadow variant `variant` in the endpoint configuration `endpointConfigName`
 * (DescribeEndpointConfig: ShadowProductionVariants), and the model package it was created from
 * (DescribeModel: PrimaryContainer or Containers, ModelPackageName). A configuration or model
 * deleted since, or a model not created from a package, leaves the package undefined.
 */
export async function describeShadowModel(client: SageMakerClient, endpointConfigName: string, variant: string): Promise<ShadowModel> {
  const config = await ifExists(() => client.send(new DescribeEndpointConfigCommand({ EndpointConfigName: endpointConfigName })));
  const modelName = config?.ShadowProductionVariants?.find((shadow) => shadow.VariantName === variant)?.ModelName;
  if (modelName === undefined) {
    return {};
  }
  const model = await ifExists(() => client.send(new DescribeModelCommand({ ModelName: modelName })));
  return { modelName, modelPackageArn: model ? modelPackageOf(model) : undefined };
}

/**
 * Why the shadow is not the candidate `expected` (a model package ARN), if it is not. CloudFormation
 * may report the shadow phase's endpoint update as complete after a deployment guardrail rolled it
 * back, and a shadow left by an earlier release would then be compared in the candidate's place.
 */
export function shadowModelProblem(served: ShadowModel, expected: string, where: string): string | undefined {
  if (served.modelPackageArn !== undefined && served.modelPackageArn.toLowerCase() === expected.toLowerCase()) {
    return undefined;
  }
  const serves = served.modelName === undefined ? 'no model we could describe'
    : `the model ${served.modelName} ${served.modelPackageArn ? `of ${served.modelPackageArn}` : 'not created from a model package'}`;
  return `${where} serves ${serves}, not the candidate ${expected}: the shadow phase's deploy did not take effect `
    + '(SageMaker kept or restored the previous endpoint configuration, as after a deployment guardrail\'s rollback), so its numbers are not the candidate\'s';
}
