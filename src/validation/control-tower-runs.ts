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
   * {@link ControlTowerRule.followsReferences}): then they are cached per resource. Otherwise they are
   * cached per copy: the resources of the template that the run reads.
   */
  readonly perResource: boolean;
}

/**
 * The runs that check `rules`, each on copies of the templates holding only the resource types its
 * rules mention: the rules about IAM principals and policies; the other rules that check each
 * resource by its own properties; and the rules that follow a reference from one resource to
 * another (or name no type).
 *
 * cfn-guard walks the whole of every template for every rule, so a rule's time grows with the
 * template, not with what the rule checks: on the model-deploy pipeline's templates the 29 rules
 * took 2.0 s in one run, and 1.2-1.4 s in two (IAM's inline policies are 40% of the bytes, and
 * CT.IAM.PR.5 is the slowest rule). A rule sees exactly what it would in the whole template: a
 * Control Tower rule selects resources by the types it names (`Resources.*[ Type == ... ]`) and
 * follows a `Ref` or `Fn::GetAtt` only to check the type of the resource it names, so the copies of
 * the third run also keep every resource a kept one names that way ({@link templateFor}): absent, a
 * lookup makes cfn-guard report what the plugin cannot read.
 *
 * The first two runs' rules check each resource by its own properties (as the hook form of each
 * rule checks one resource), and most resources of a project's templates are the same from one
 * synth to the next, or from one variant of the project to another: their findings are cached per
 * resource ({@link GuardRun.perResource}), and the third run's per copy, so that a template that
 * changed elsewhere is checked only where it changed.
 */
export function guardRuns(rules: readonly ControlTowerRule[]): GuardRun[] {
  const aboutIam = (rule: ControlTowerRule) => rule.resourceTypes.length > 0 && rule.resourceTypes.every((type) => type.startsWith('AWS::IAM::'));
  const local = (rule: ControlTowerRule) => rule.resourceTypes.length > 0 && !rule.followsReferences;
  return [
    rules.filter(aboutIam),
    rules.filter((rule) => !aboutIam(rule) && local(rule)),
    rules.filter((rule) => !aboutIam(rule) && !local(rule)),
  ]
    .filter((group) => group.length > 0)
    .map((group) => {
      const keep = group.some((rule) => rule.resourceTypes.length === 0) ? undefined : new Set(group.flatMap((rule) => rule.resourceTypes));
      return { rules: group, keep, perResource: keep !== undefined && group.every((rule) => !rule.followsReferences) };
    });
}

/**
 * The template with only the resources whose type `keep` holds (every other section as it is), or
 * undefined when it has none of them: the run's rules would only SKIP it. With `referenced`, it also
 * keeps every resource those name with `Ref` or `Fn::GetAtt`, and those these name, and so on: the
 * resources a rule that follows references may look up.
 */
export function templateFor(template: Record<string, unknown>, keep: ReadonlySet<string> | undefined, referenced = false): Record<string, unknown> | undefined {
  if (keep === undefined) {
    return template;
  }
  const all = (template.Resources ?? {}) as Record<string, { readonly Type?: unknown }>;
  const kept = new Set(Object.keys(all).filter((id) => typeof all[id]?.Type === 'string' && keep.has(all[id].Type as string)));
  if (kept.size === 0) {
    return undefined;
  }
  for (const id of referenced ? kept : []) {
    for (const name of namedResources(all[id])) {
      if (name in all) {
        kept.add(name); // a Set iterates over what is added while it iterates
      }
    }
  }
  return { ...template, Resources: Object.fromEntries(Object.entries(all).filter(([id]) => kept.has(id))) };
}

/** The logical ids a resource names with `Ref` or `Fn::GetAtt` (either form). */
function namedResources(value: unknown, names: string[] = []): string[] {
  if (Array.isArray(value)) {
    value.forEach((item) => namedResources(item, names));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'Ref' && typeof inner === 'string') {
        names.push(inner);
      } else if (key === 'Fn::GetAtt') {
        const target = Array.isArray(inner) ? inner[0] : typeof inner === 'string' ? inner.split('.')[0] : undefined;
        if (typeof target === 'string') {
          names.push(target);
        }
      }
      namedResources(inner, names);
    }
  }
  return names;
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
 * cfn-guard's findings (under its rule names) on each template (read and parsed once, by the plugin), by {@link guardRuns}:
 * each run on copies of the templates (in a temporary folder) that keep the resources its rules see, and only what the
 * cache does not hold: in a per-resource run the resources whose findings are not cached, in the other run the copies
 * whose findings are not. cfn-guard names each template by its canonical path: each finding is attributed by it to the
 * template it was copied from, and a finding of no template given (none can be) fails the check rather than being
 * dropped. A template's findings are one violation per rule, as one cfn-guard run reports them.
 *
 * A cached result is keyed by the resources it is about and by the rules of the run that mention their types (a rule
 * selects resources by the types it names, so no other rule can find anything there), and not by the template's other
 * sections: a Control Tower rule reads a template's `Resources` only (and whether it has any, in `is_cfn_template`).
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
      const cache = options.cache;
      /** The key of the findings of the run's rules on `resources` (a resource, or a copy's resources). */
      const keyOf = (resources: Record<string, unknown>) => {
        const types = new Set(Object.values(resources).map((resource) => (resource as { readonly Type?: unknown }).Type));
        const about = run.rules.filter((rule) => rule.resourceTypes.length === 0 || rule.resourceTypes.some((type) => types.has(type)));
        return templateResultKey(options.guardVersion, about, JSON.stringify({ Resources: resources }));
      };
      const original = new Map<string, string>();
      /** What each template's copy left for cfn-guard, by the key its findings are cached under. */
      const unchecked = new Map<string, Array<{ readonly key: string; readonly ids: ReadonlySet<string> }>>();
      templates.forEach((template, position) => {
        const templatePath = templatePaths[position];
        let copy = templateFor(template, run.keep, !run.perResource);
        if (copy !== undefined && cache !== undefined) {
          const resources = copy.Resources as Record<string, unknown>;
          const parts = run.perResource
            ? Object.entries(resources).map(([id, resource]) => ({ key: keyOf({ [id]: resource }), ids: new Set([id]) }))
            : [{ key: keyOf(resources), ids: new Set(Object.keys(resources)) }];
          const notCached = parts.filter(({ key }) => {
            const cached = cache.get(key, templatePath);
            found.get(templatePath)!.push(...cached ?? []);
            return cached === undefined;
          });
          unchecked.set(templatePath, notCached);
          const left = Object.entries(resources).filter(([id]) => notCached.some((part) => part.ids.has(id)));
          copy = left.length === 0 ? undefined : { ...copy, Resources: Object.fromEntries(left) };
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
      for (const [templatePath, parts] of unchecked) {
        const violations = attributed.get(templatePath) ?? [];
        if (!run.perResource) {
          // One part at most, the whole copy: every finding of the run on it, those that name no resource too.
          parts.forEach(({ key }) => cache?.set(key, violations));
          continue;
        }
        if (violations.some((v) => v.violatingResources.some((r) => r.resourceLogicalId === undefined))) {
          continue; // a finding that names no resource belongs to no part: nothing of this template is cached
        }
        for (const { key, ids } of parts) {
          const own = violations.map((v) => ({ ...v, violatingResources: v.violatingResources.filter((r) => ids.has(r.resourceLogicalId!)) }));
          cache?.set(key, own.filter((v) => v.violatingResources.length > 0));
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
