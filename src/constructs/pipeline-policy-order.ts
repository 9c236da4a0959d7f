import { Aspects, IAspect, Stack } from 'aws-cdk-lib';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IConstruct } from 'constructs';

/**
 * Makes the CodePipeline resource wait for the IAM policies its first execution needs: those of
 * its actions' roles (the source action's connection use, the CodeBuild action's StartBuild, the
 * approval's publish) and of the CodeBuild projects the actions start, all of which aws-cdk-lib
 * creates inside `within` (the construct holding the CDK Pipelines pipeline). CloudFormation creates a policy and a resource that both
 * name one role in any order unless the resource depends on the policy (the "AWS::IAM::Policy"
 * resource reference says to add that DependsOn), and a new pipeline starts an execution as soon
 * as it exists, so without the order its first run could fail with AccessDenied
 * (aws/aws-cdk#38861, open). A policy that names the pipeline itself (the role EventBridge starts
 * it with) is left out: depending on it would be a cycle. Runs at synthesis, when every action is
 * bound and every grant made.
 */
export function orderPipelineAfterActionPolicies(pipeline: codepipeline.Pipeline, within: IConstruct): void {
  Aspects.of(pipeline).add(new PipelinePolicyOrder(pipeline, within));
}

class PipelinePolicyOrder implements IAspect {
  constructor(private readonly pipeline: codepipeline.Pipeline, private readonly within: IConstruct) {}

  public visit(node: IConstruct): void {
    if (node !== this.pipeline) {
      return;
    }
    const cfnPipeline = this.pipeline.node.defaultChild as codepipeline.CfnPipeline;
    const stack = Stack.of(this.pipeline);
    const pipelineRef = JSON.stringify(stack.resolve(cfnPipeline.ref));
    for (const policy of this.within.node.findAll().filter((c): c is iam.Policy => c instanceof iam.Policy)) {
      const cfnPolicy = policy.node.defaultChild as iam.CfnPolicy;
      if (!JSON.stringify(stack.resolve(cfnPolicy.policyDocument)).includes(pipelineRef)) {
        cfnPipeline.addResourceDependency(cfnPolicy, 'its first execution needs the permissions this policy grants');
      }
    }
  }
}
