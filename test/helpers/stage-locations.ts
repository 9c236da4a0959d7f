import type { GetPipelineCommandOutput } from '@aws-sdk/client-codepipeline';

/**
 * GetPipeline's answer for a model-deploy pipeline in account 111111111111 (eu-west-1) that deploys
 * staging there (us-east-1) and production to account 222222222222 (us-west-2), as CDK Pipelines
 * writes the CloudFormation deploy actions: each with its region and a deploy role of its account.
 */
export function pipelineDeployingStages(pipelineName: string): Partial<GetPipelineCommandOutput> {
  const deploy = (stack: string, region: string, account: string) => ({
    name: `${stack}.Deploy`, region, roleArn: `arn:aws:iam::${account}:role/cdk-hnb659fds-deploy-role-${account}-${region}`,
    actionTypeId: { category: 'Deploy' as const, owner: 'AWS' as const, provider: 'CloudFormation', version: '1' },
    configuration: { StackName: stack, ActionMode: 'CREATE_UPDATE' },
  });
  return {
    pipeline: { name: pipelineName, roleArn: 'arn:aws:iam::111111111111:role/p', stages: [
      { name: 'Staging', actions: [deploy('churn-staging-endpoint', 'us-east-1', '111111111111')] },
      { name: 'Prod', actions: [deploy('churn-prod-endpoint', 'us-west-2', '222222222222')] },
    ] },
    metadata: { pipelineArn: `arn:aws:codepipeline:eu-west-1:111111111111:${pipelineName}` },
  };
}
