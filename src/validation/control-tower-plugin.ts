import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { IPolicyValidationContext, IPolicyValidationPlugin, PolicyValidationPluginReport, PolicyViolation } from 'aws-cdk-lib';
import { ControlTowerResultCache, controlTowerCacheDir, templateResultKey } from './control-tower-cache';
import { ControlTowerRule, controlTowerRules, rulesFor } from './control-tower-rules';
import { runGuard } from './control-tower-runs';

/** The name the plugin reports under; acknowledgement ids are `ControlTower::<control id>`. */
export const CONTROL_TOWER_PLUGIN_NAME = 'ControlTower';

/**
 * The platforms `@cdklabs/cdk-validator-cfnguard` ships a cfn-guard binary for (it is in the npm
 * package: nothing is downloaded at install or at synth).
 */
const SUPPORTED_PLATFORMS = new Set(['linux/x64', 'linux/arm64', 'darwin/x64', 'darwin/arm64']);

/** cfn-guard's JSON report of many findings can pass Node's default 1 MB output buffer. */
const GUARD_MAX_BUFFER = 64 * 1024 * 1024;

/**
 * AWS Control Tower's proactive controls (the Guard rules of `@cdklabs/cdk-validator-cfnguard`,
 * run by the cfn-guard binary it ships) as a CDK policy validation plugin. A finding is reported
 * under the control's id (`CT.S3.PR.10`) and fails the synth unless acknowledged:
 * `Validations.of(construct).acknowledge({ id: 'ControlTower::CT.S3.PR.10', reason })`
 * (see {@link acknowledgeControl}).
 *
 * Only the rules that evaluate a resource type the templates hold are run (see {@link rulesFor}):
 * another rule would only SKIP, and cfn-guard reads every template again for every rule it is
 * given, so the full set of 237 rules took seconds per synth where the relevant ones take a fraction.
 *
 * cfn-guard's findings are cached per template (ControlTowerResultCache, keyed by the template's
 * content, the rules and cfn-guard's version): a synth whose templates did not change since the
 * last one reuses them instead of running cfn-guard, about 2 s of CPU per app. A template that
 * changed is checked only where it changed: {@link runGuard} caches per resource, or per copy of
 * the resources the rules that follow references read.
 *
 * On a platform the package has no cfn-guard binary for (Windows), the controls cannot run: the
 * plugin says so on stderr and reports nothing; the pipelines' synth, on Linux, runs them.
 */
export class ControlTowerChecks implements IPolicyValidationPlugin {
  public readonly name = CONTROL_TOWER_PLUGIN_NAME;
  private readonly cacheDir: string | undefined;

  /**
   * @param options.cacheDir where cfn-guard's findings are cached per template (see
   * {@link ControlTowerResultCache}), or false for none. Default: {@link controlTowerCacheDir}.
   */
  constructor(options: { readonly cacheDir?: string | false } = {}) {
    this.cacheDir = options.cacheDir === false ? undefined : options.cacheDir ?? controlTowerCacheDir();
  }

  public get ruleIds(): string[] {
    return controlTowerRules().map((rule) => rule.controlId);
  }

  /**
   * Runs cfn-guard on the templates whose findings are not cached, with the rules about their
   * resource types ({@link guardRuns}: three runs, each on the resources its rules see); the findings
   * on the others come from the cache. cfn-guard reports per template, so the result is the one a
   * run over every template gives.
   */
  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const platform = `${os.platform()}/${os.arch()}`;
    if (!SUPPORTED_PLATFORMS.has(platform)) {
      process.stderr.write(`AWS Control Tower proactive controls skipped: cfn-guard has no binary for ${platform}\n`);
      return { success: true, violations: [] };
    }
    const cache = this.cacheDir === undefined ? undefined : new ControlTowerResultCache(this.cacheDir);
    const guardVersion = guardPackageVersion();
    const findings = new Map<string, PolicyViolation[]>();
    const toRun: Array<{ readonly templatePath: string; readonly template: Record<string, unknown>; readonly rules: ControlTowerRule[]; readonly key: string }> = [];
    const templatePaths = context.templatePaths.map((templatePath) => path.resolve(templatePath));
    for (const templatePath of templatePaths) {
      const text = fs.readFileSync(templatePath, 'utf-8');
      const template = JSON.parse(text);
      const rules = rulesFor(resourceTypesOf(template));
      const key = templateResultKey(guardVersion, rules, text);
      const cached = rules.length === 0 ? [] : cache?.get(key, templatePath);
      if (cached !== undefined) {
        findings.set(templatePath, cached);
      } else {
        toRun.push({ templatePath, template, rules, key });
      }
    }
    if (toRun.length > 0) {
      const selected = [...new Map(toRun.flatMap((t) => t.rules).map((rule) => [rule.file, rule])).values()];
      const attributed = runGuard(context, selected, toRun, { cache, guardVersion, maxBuffer: GUARD_MAX_BUFFER });
      for (const { templatePath, key } of toRun) {
        cache?.set(key, attributed.get(templatePath)!);
        findings.set(templatePath, attributed.get(templatePath)!);
      }
    }
    const violations = templatePaths.flatMap((templatePath) => findings.get(templatePath) ?? []).map((violation) => withControlId(violation));
    return { success: violations.length === 0, violations };
  }
}

/** The version of `@cdklabs/cdk-validator-cfnguard`, which ships cfn-guard and the rules. */
function guardPackageVersion(): string {
  guardVersion ??= JSON.parse(fs.readFileSync(require.resolve('@cdklabs/cdk-validator-cfnguard/package.json'), 'utf-8')).version as string;
  return guardVersion;
}
let guardVersion: string | undefined;

/**
 * The violation under its control's id, with `error` severity: aws-cdk-lib counts a report with
 * acknowledged findings as failed only while an unacknowledged one has an error severity.
 */
function withControlId(violation: PolicyViolation): PolicyViolation {
  const rule = controlTowerRules().find((r) => r.ruleName === violation.ruleName);
  return {
    ...violation,
    ruleName: rule?.controlId ?? violation.ruleName,
    description: rule ? `${violation.description} (Guard rule ${rule.ruleName})` : violation.description,
    severity: 'error',
    ruleMetadata: { ...violation.ruleMetadata, DocumentationUrl: 'https://docs.aws.amazon.com/controltower/latest/controlreference/proactive-controls.html' },
  };
}

/** The resource types of a template. */
function resourceTypesOf(template: Record<string, unknown>): Set<string> {
  const types = new Set<string>();
  for (const resource of Object.values<any>(template.Resources ?? {})) {
    if (typeof resource?.Type === 'string') {
      types.add(resource.Type);
    }
  }
  return types;
}
