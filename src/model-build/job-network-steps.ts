import { ResolvedJobNetwork } from '../config';
import { ProcessingStep, ProcessingStepProps, TrainingStep, TrainingStepProps } from '../pipeline-definition';

/** The jobs' VPC as the SageMaker API takes it (`VpcConfig`: Subnets and SecurityGroupIds). */
export interface JobVpcConfig {
  readonly subnetIds: readonly string[];
  readonly securityGroupIds: readonly string[];
}

/** `VpcConfig` of CreateProcessingJob (`NetworkConfig.VpcConfig`) and CreateTrainingJob. */
export function renderVpcConfig(vpc: JobVpcConfig): { SecurityGroupIds: string[]; Subnets: string[] } {
  return { SecurityGroupIds: [...vpc.securityGroupIds], Subnets: [...vpc.subnetIds] };
}

/** The VPC of the jobs of `network`, if any. */
export function jobVpcOf(network: ResolvedJobNetwork | undefined): JobVpcConfig | undefined {
  return network === undefined ? undefined : { subnetIds: network.subnetIds, securityGroupIds: network.securityGroupIds };
}

/** A processing job in a VPC: `NetworkConfig.VpcConfig` (CreateProcessingJob). */
class VpcProcessingStep extends ProcessingStep {
  private readonly vpcConfig: ReturnType<typeof renderVpcConfig>;

  constructor(props: ProcessingStepProps, vpc: JobVpcConfig) {
    super(props);
    this.vpcConfig = renderVpcConfig(vpc);
  }

  protected renderArguments(): unknown {
    return { ...(super.renderArguments() as Record<string, unknown>), NetworkConfig: { VpcConfig: this.vpcConfig } };
  }
}

/** A training job in a VPC: `VpcConfig` (CreateTrainingJob). */
class VpcTrainingStep extends TrainingStep {
  private readonly vpcConfig: ReturnType<typeof renderVpcConfig>;

  constructor(props: TrainingStepProps, vpc: JobVpcConfig) {
    super(props);
    this.vpcConfig = renderVpcConfig(vpc);
  }

  protected renderArguments(): unknown {
    return { ...(super.renderArguments() as Record<string, unknown>), VpcConfig: this.vpcConfig };
  }
}

/** A processing step, in `vpc` when given (otherwise on SageMaker's network, exactly as before). */
export function processingStep(props: ProcessingStepProps, vpc: JobVpcConfig | undefined): ProcessingStep {
  return vpc === undefined ? new ProcessingStep(props) : new VpcProcessingStep(props, vpc);
}

/** A training step, in `vpc` when given (otherwise on SageMaker's network, exactly as before). */
export function trainingStep(props: TrainingStepProps, vpc: JobVpcConfig | undefined): TrainingStep {
  return vpc === undefined ? new TrainingStep(props) : new VpcTrainingStep(props, vpc);
}
