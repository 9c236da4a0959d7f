import type { ControlTowerRule } from './control-tower-rules';

/**
 * One cfn-guard run of the Control Tower checks: some rules, on copies of the templates that keep
 * only the resources those rules can see.
 */
export interface GuardRun {
  readonly rules: readonly ControlTowerRule[];
  /** The resource types the copies keep; undefined keeps every resource (a rule that names no type sees them all). */
  readonly keep: ReadonlySet<string> | undefined;
}

/**
 * The runs that check `rules`: the rules about IAM principals and policies apart from the others,
 * each run on copies of the templates holding only the resource types its rules mention.
 *
 * cfn-guard walks the whole of every template for every rule, so a rule's time grows with the
 * template, not with what the rule checks: on the model-deploy pipeline's templates the 29 rules
 * took 2.0 s in one run, and 1.2-1.4 s in these two (IAM's inline policies are 40% of the bytes,
 * and CT.IAM.PR.5 is the slowest rule). A rule sees exactly what it would in the whole template:
 * a Control Tower rule selects resources by the types it names (`Resources.*[ Type == ... ]`) and
 * follows a `Ref` or `Fn::GetAtt` only to check that the resource has a type it names, so a
 * resource of a type it does not name can only fail that check, there or absent alike.
 */
export function guardRuns(rules: readonly ControlTowerRule[]): GuardRun[] {
  const aboutIam = (rule: ControlTowerRule) => rule.resourceTypes.length > 0 && rule.resourceTypes.every((type) => type.startsWith('AWS::IAM::'));
  return [rules.filter(aboutIam), rules.filter((rule) => !aboutIam(rule))]
    .filter((group) => group.length > 0)
    .map((group) => ({
      rules: group,
      keep: group.some((rule) => rule.resourceTypes.length === 0) ? undefined : new Set(group.flatMap((rule) => rule.resourceTypes)),
    }));
}

/**
 * The template with only the resources whose type `keep` holds (every other section as it is), or
 * undefined when it has none of them: the run's rules would only SKIP it.
 */
export function templateFor(template: Record<string, unknown>, keep: ReadonlySet<string> | undefined): Record<string, unknown> | undefined {
  if (keep === undefined) {
    return template;
  }
  const resources = Object.entries((template.Resources ?? {}) as Record<string, { readonly Type?: unknown }>)
    .filter(([, resource]) => typeof resource?.Type === 'string' && keep.has(resource.Type));
  return resources.length === 0 ? undefined : { ...template, Resources: Object.fromEntries(resources) };
}
