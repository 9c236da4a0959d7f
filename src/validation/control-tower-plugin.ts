import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import type { IPolicyValidationContext, IPolicyValidationPlugin, PolicyValidationPluginReport, PolicyViolation } from 'aws-cdk-lib';
import { ControlTowerResultCache, controlTowerCacheDir, templateResultKey } from './control-tower-cache';
import { ControlTowerRule, controlTowerRules, rulesFor } from './control-tower-rules';
import { guardRuns, templateFor } from './control-tower-runs';

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
 * last one reuses them instead of running cfn-guard, about 2 s of CPU per app.
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
   * resource types ({@link guardRuns}: two runs, each on the resources its rules see); the findings
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
    const toRun: Array<{ readonly templatePath: string; readonly rules: ControlTowerRule[]; readonly key: string }> = [];
    const templatePaths = context.templatePaths.map((templatePath) => path.resolve(templatePath));
    for (const templatePath of templatePaths) {
      const template = fs.readFileSync(templatePath, 'utf-8');
      const rules = rulesFor(resourceTypesOf(template));
      const key = templateResultKey(guardVersion, rules, template);
      const cached = rules.length === 0 ? [] : cache?.get(key, templatePath);
      if (cached !== undefined) {
        findings.set(templatePath, cached);
      } else {
        toRun.push({ templatePath, rules, key });
      }
    }
    if (toRun.length > 0) {
      const selected = [...new Map(toRun.flatMap((t) => t.rules).map((rule) => [rule.file, rule])).values()];
      const attributed = runGuard(context, selected, toRun.map((t) => t.templatePath));
      for (const { templatePath, key } of toRun) {
        cache?.set(key, attributed.get(templatePath)!);
        findings.set(templatePath, attributed.get(templatePath)!);
      }
    }
    const violations = templatePaths.flatMap((templatePath) => findings.get(templatePath) ?? []).map((violation) => withControlId(violation));
    return { success: violations.length === 0, violations };
  }
}

/**
 * cfn-guard's findings on each template, by {@link guardRuns}: each run on copies of the templates (in a temporary
 * folder) that keep the resources its rules see. cfn-guard names each template by its canonical path: each finding
 * is attributed by it to the template it was copied from, and a finding of no template given (none can be) fails
 * the check rather than being dropped.
 */
function runGuard(context: IPolicyValidationContext, rules: readonly ControlTowerRule[], templatePaths: readonly string[]): Map<string, PolicyViolation[]> {
  const attributed = new Map<string, PolicyViolation[]>(templatePaths.map((templatePath) => [templatePath, []]));
  const templates = templatePaths.map((templatePath) => JSON.parse(fs.readFileSync(templatePath, 'utf-8')));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'control-tower-'));
  try {
    for (const [run, { rules: runRules, keep }] of guardRuns(rules).entries()) {
      const original = new Map<string, string>();
      templates.forEach((template, index) => {
        const copy = templateFor(template, keep);
        if (copy !== undefined) {
          const file = path.join(work, `${run}-${index}.template.json`);
          fs.writeFileSync(file, JSON.stringify(copy));
          original.set(fs.realpathSync(file), templatePaths[index]);
        }
      });
      if (original.size === 0) {
        continue;
      }
      const guard = new CfnGuardValidator({ controlTowerRulesEnabled: false, rules: runRules.map((rule) => rule.file), maxBuffer: GUARD_MAX_BUFFER });
      const report = guard.validate({ ...context, templatePaths: [...original.keys()] });
      for (const violation of report.violations) {
        const files = new Set(violation.violatingResources.map((r) => r.templatePath && original.get(fs.realpathSync(r.templatePath))));
        const [file] = files;
        if (files.size !== 1 || file === undefined) {
          throw new Error(`cfn-guard reported ${violation.ruleName} on ${violation.violatingResources.map((r) => r.templatePath).join(', ')}, not one of the templates it was given: ${templatePaths.join(', ')}`);
        }
        attributed.get(file)!.push({ ...violation, violatingResources: violation.violatingResources.map((r) => ({ ...r, templatePath: file })) });
      }
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return attributed;
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
function resourceTypesOf(template: string): Set<string> {
  const types = new Set<string>();
  for (const resource of Object.values<any>(JSON.parse(template).Resources ?? {})) {
    if (typeof resource?.Type === 'string') {
      types.add(resource.Type);
    }
  }
  return types;
}
