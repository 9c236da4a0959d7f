import { Template } from 'aws-cdk-lib/assertions';

/**
 * The IAM policies a pipeline stack's CodePipeline does not depend on although its first execution
 * needs them: those attached to the roles its actions name (RoleArn) and to the service roles of
 * its CodeBuild projects. Empty when the pipeline waits for all of them.
 */
export function policiesThePipelineDoesNotWaitFor(template: Template): string[] {
  const resources = template.toJSON().Resources as Record<string, any>;
  const [pipelineId, pipeline] = Object.entries(resources).find(([, r]) => r.Type === 'AWS::CodePipeline::Pipeline')!;
  const roleOf = (arn: any): string | undefined => arn?.['Fn::GetAtt']?.[0];
  const roles = new Set<string>([
    ...pipeline.Properties.Stages.flatMap((stage: any) => stage.Actions.map((action: any) => roleOf(action.RoleArn))),
    ...Object.values(resources).filter((r) => r.Type === 'AWS::CodeBuild::Project').map((project) => roleOf(project.Properties.ServiceRole)),
  ].filter((role): role is string => role !== undefined));
  const needed = Object.entries(resources)
    .filter(([, r]) => r.Type === 'AWS::IAM::Policy' && r.Properties.Roles.some((role: any) => roles.has(role.Ref)))
    .map(([id]) => id);
  expect(needed.length).toBeGreaterThan(0);
  const waits = new Set<string>([resources[pipelineId].DependsOn ?? []].flat());
  return needed.filter((id) => !waits.has(id));
}
