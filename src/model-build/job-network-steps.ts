import { ResolvedJobNetwork } from '../config';
import { JobVpcConfig } from '../pipeline-definition';

/** The VPC of the jobs of `network` (the steps' `vpcConfig`), if any. */
export function jobVpcOf(network: ResolvedJobNetwork | undefined): JobVpcConfig | undefined {
  return network === undefined ? undefined : { subnetIds: network.subnetIds, securityGroupIds: network.securityGroupIds };
}
