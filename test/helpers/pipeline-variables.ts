/**
 * The variable references of CodePipeline actions, checked as CodePipeline resolves them
 * (CodePipeline User Guide, "Variables reference" and "Working with variables"): an action's
 * configuration refers to `#{<namespace>.<variable>}`, where the namespace is declared by another
 * action of the pipeline (its `Namespace`) that runs before it: in an earlier stage, or earlier in
 * the same stage (a lower RunOrder). `#{variables.<name>}` is a pipeline-level variable the pipeline
 * declares, `#{codepipeline.PipelineExecutionId}` the execution's id. A CodeBuild action outputs the
 * variables its buildspec exports (`env.exported-variables`). A reference that resolves to nothing
 * fails the action when the pipeline runs, although the template deploys.
 */
import { parse } from 'yaml';
import { TemplateContext, cfnText, isIntrinsic } from './api-model-templates';

/** The texts of an action configuration's values, with references known only at deployment left out. */
function texts(value: unknown, ctx: TemplateContext): string[] {
  if (typeof value === 'string') {
    return [value];
  }
  if (isIntrinsic(value)) {
    const text = cfnText(value, ctx);
    if (text !== undefined) {
      return [text];
    }
    return Object.values(value).flatMap((part) => texts(part, ctx));
  }
  if (Array.isArray(value)) {
    return value.flatMap((item) => texts(item, ctx));
  }
  return typeof value === 'object' && value !== null ? Object.values(value).flatMap((item) => texts(item, ctx)) : [];
}

/** The variables a CodeBuild project's inline buildspec exports, or undefined when its buildspec is not in the template. */
function exportedVariables(ctx: TemplateContext, projectName: unknown): Set<string> | undefined {
  const id = typeof projectName === 'object' && projectName !== null ? (projectName as any).Ref : undefined;
  const buildSpec = typeof id === 'string' ? ctx.template.Resources?.[id]?.Properties?.Source?.BuildSpec : undefined;
  const text = buildSpec === undefined ? undefined : cfnText(buildSpec, ctx);
  if (text === undefined || !/\n|\{/.test(text)) {
    return undefined; // a buildspec file of the source, not in the template
  }
  const spec = parse(text);
  return new Set<string>(spec?.env?.['exported-variables'] ?? []);
}

/**
 * `<pipeline> <stage>/<action>: <what CodePipeline cannot resolve>`, for every pipeline of the
 * templates, and the references checked (`<namespace>.<variable>`).
 */
export function pipelineVariableProblems(templates: Record<string, any>): { problems: string[]; references: string[] } {
  const problems: string[] = [];
  const references: string[] = [];
  for (const [stack, template] of Object.entries(templates)) {
    const ctx = { stack, template };
    for (const [id, resource] of Object.entries<any>(template.Resources ?? {})) {
      if (resource.Type !== 'AWS::CodePipeline::Pipeline') {
        continue;
      }
      const props = resource.Properties;
      const declared = new Set<string>((props.Variables ?? []).map((v: any) => v.Name));
      const actions = (props.Stages ?? []).flatMap((stage: any, s: number) => (stage.Actions ?? []).map((action: any) => ({ stage: stage.Name, s, order: action.RunOrder ?? 1, action })));
      const namespaces = new Map<string, { s: number; order: number; variables: Set<string> | undefined }>();
      for (const { s, order, action } of actions) {
        if (action.Namespace !== undefined) {
          const variables = action.ActionTypeId?.Provider === 'CodeBuild' ? exportedVariables(ctx, action.Configuration?.ProjectName) : undefined;
          namespaces.set(action.Namespace, { s, order, variables });
        }
      }
      // The rules of a stage's conditions refer to variables too: a BeforeEntry rule before the
      // stage's actions, an OnSuccess or OnFailure rule after them.
      const rules = (props.Stages ?? []).flatMap((stage: any, s: number) => (['BeforeEntry', 'OnSuccess', 'OnFailure'] as const).flatMap((when) =>
        (stage[when]?.Conditions ?? []).flatMap((condition: any) => (condition.Rules ?? []).map((rule: any) => ({
          stage: stage.Name, s, order: when === 'BeforeEntry' ? 0 : Number.POSITIVE_INFINITY, action: { Name: `${when} rule ${rule.Name}`, Configuration: rule.Configuration },
        })))));
      for (const { stage, s, order, action } of [...actions, ...rules]) {
        const where = `${stack} ${id} ${stage}/${action.Name}`;
        for (const text of texts(action.Configuration ?? {}, ctx)) {
          for (const [, namespace, variable] of text.matchAll(/#\{([^.}]+)\.([^}]+)\}/g)) {
            references.push(`${namespace}.${variable}`);
            if (namespace === 'codepipeline') {
              if (variable !== 'PipelineExecutionId') {
                problems.push(`${where}: #{codepipeline.${variable}} is not a variable of CodePipeline's (PipelineExecutionId is)`);
              }
            } else if (namespace === 'variables') {
              if (!declared.has(variable)) {
                problems.push(`${where}: the pipeline declares no variable ${variable}`);
              }
            } else {
              const producer = namespaces.get(namespace);
              if (producer === undefined) {
                problems.push(`${where}: no action of the pipeline declares the namespace ${namespace}`);
              } else if (producer.s > s || (producer.s === s && producer.order >= order)) {
                problems.push(`${where}: the action of the namespace ${namespace} does not run before this one`);
              } else if (producer.variables !== undefined && !producer.variables.has(variable)) {
                problems.push(`${where}: the buildspec of the namespace ${namespace} exports no ${variable} (it exports ${[...producer.variables].join(', ') || 'none'})`);
              }
            }
          }
        }
      }
    }
  }
  return { problems, references };
}
