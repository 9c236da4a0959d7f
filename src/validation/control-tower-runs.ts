import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import type { IPolicyValidationContext, PolicyViolation } from 'aws-cdk-lib';
import { ControlTowerResultCache, templateResultKey } from './control-tower-cache';
import type { ControlTowerRule } from './control-tower-rules';

/**
 * One cfn-guard run of the Control Tower checks: some rules, on copies of the templates that keep
 * only the resources those rules can see.
 */
export interface GuardRun {
  readonly rules: readonly ControlTowerRule[];
  /** The resource types the copies keep; undefined keeps every resource (a rule that names no type sees them all). */
  readonly keep: ReadonlySet<string> | undefined;
  /**
   * Whether a resource's findings depend on that resource alone (no rule of the run follows a reference,
   * {@link ControlTowerRule.followsReferences}): then they are cached per resource, not only per template.
   */
  readonly perResource: boolean;
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
 *
 * The IAM rules check each role, user, group and policy by its own properties (as the hook form of
 * each rule checks one resource), and the roles and policies of one project barely change from one
 * synth to the next: their findings are cached per resource ({@link GuardRun.perResource}).
 */
export function guardRuns(rules: readonly ControlTowerRule[]): GuardRun[] {
  const aboutIam = (rule: ControlTowerRule) => rule.resourceTypes.length > 0 && rule.resourceTypes.every((type) => type.startsWith('AWS::IAM::'));
  return [rules.filter(aboutIam), rules.filter((rule) => !aboutIam(rule))]
    .filter((group) => group.length > 0)
    .map((group) => {
      const keep = group.some((rule) => rule.resourceTypes.length === 0) ? undefined : new Set(group.flatMap((rule) => rule.resourceTypes));
      return { rules: group, keep, perResource: keep !== undefined && group.every((rule) => !rule.followsReferences) };
    });
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

/** Where and how {@link runGuard} caches and runs cfn-guard. */
export interface GuardRunOptions {
  /** The findings cache; per-resource findings go there too. Undefined: none. */
  readonly cache?: ControlTowerResultCache;
  /** The version of the package that ships cfn-guard and the rules (a part of every cache key). */
  readonly guardVersion: string;
  /** cfn-guard's output buffer. */
  readonly maxBuffer: number;
}

/**
 * cfn-guard's findings (under its rule names) on each template (read and parsed once, by the plugin), by {@link guardRuns}: each run on copies of the
 * templates (in a temporary folder) that keep the resources its rules see, and, in a per-resource run, only those
 * whose findings are not cached. cfn-guard names each template by its canonical path: each finding is attributed
 * by it to the template it was copied from, and a finding of no template given (none can be) fails the check
 * rather than being dropped. A template's findings are one violation per rule, as one cfn-guard run reports them.
 */
export function runGuard(
  context: IPolicyValidationContext, rules: readonly ControlTowerRule[],
  toCheck: ReadonlyArray<{ readonly templatePath: string; readonly template: Record<string, unknown> }>, options: GuardRunOptions,
): Map<string, PolicyViolation[]> {
  const templatePaths = toCheck.map((t) => t.templatePath);
  const templates = toCheck.map((t) => t.template);
  const found = new Map<string, PolicyViolation[]>(templatePaths.map((templatePath) => [templatePath, []]));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'control-tower-'));
  try {
    for (const [index, run] of guardRuns(rules).entries()) {
      const cache = run.perResource ? options.cache : undefined;
      const resourceKey = (id: string, resource: unknown) => templateResultKey(options.guardVersion, run.rules, JSON.stringify({ Resources: { [id]: resource } }));
      const original = new Map<string, string>();
      const unchecked = new Map<string, Array<[string, unknown]>>();
      templates.forEach((template, position) => {
        const templatePath = templatePaths[position];
        let copy = templateFor(template, run.keep);
        if (copy !== undefined && cache !== undefined) {
          const notCached = Object.entries(copy.Resources as Record<string, unknown>).filter(([id, resource]) => {
            const cached = cache.get(resourceKey(id, resource), templatePath);
            found.get(templatePath)!.push(...cached ?? []);
            return cached === undefined;
          });
          unchecked.set(templatePath, notCached);
          copy = notCached.length === 0 ? undefined : { ...copy, Resources: Object.fromEntries(notCached) };
        }
        if (copy !== undefined) {
          const file = path.join(work, `${index}-${position}.template.json`);
          fs.writeFileSync(file, JSON.stringify(copy));
          original.set(fs.realpathSync(file), templatePath);
        }
      });
      const fresh = original.size === 0 ? [] : new CfnGuardValidator({ controlTowerRulesEnabled: false, rules: run.rules.map((rule) => rule.file), maxBuffer: options.maxBuffer })
        .validate({ ...context, templatePaths: [...original.keys()] }).violations;
      const attributed = new Map<string, PolicyViolation[]>();
      for (const violation of fresh) {
        const files = new Set(violation.violatingResources.map((r) => r.templatePath && original.get(fs.realpathSync(r.templatePath))));
        const [file] = files;
        if (files.size !== 1 || file === undefined) {
          throw new Error(`cfn-guard reported ${violation.ruleName} on ${violation.violatingResources.map((r) => r.templatePath).join(', ')}, not one of the templates it was given: ${templatePaths.join(', ')}`);
        }
        const onTemplate = { ...violation, violatingResources: violation.violatingResources.map((r) => ({ ...r, templatePath: file })) };
        attributed.set(file, [...attributed.get(file) ?? [], onTemplate]);
        found.get(file)!.push(onTemplate);
      }
      for (const [templatePath, resources] of unchecked) {
        for (const [id, resource] of resources) {
          const own = (attributed.get(templatePath) ?? []).map((v) => ({ ...v, violatingResources: v.violatingResources.filter((r) => r.resourceLogicalId === id) }));
          cache?.set(resourceKey(id, resource), own.filter((v) => v.violatingResources.length > 0));
        }
      }
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return new Map([...found].map(([templatePath, violations]) => [templatePath, byRule(violations)]));
}

/** One violation per rule, with the resources of all of that rule's violations (cached per resource, or fresh). */
function byRule(violations: readonly PolicyViolation[]): PolicyViolation[] {
  const rules = new Map<string, PolicyViolation>();
  for (const violation of violations) {
    const seen = rules.get(violation.ruleName);
    rules.set(violation.ruleName, seen === undefined ? violation : { ...seen, violatingResources: [...seen.violatingResources, ...violation.violatingResources] });
  }
  return [...rules.values()];
}
