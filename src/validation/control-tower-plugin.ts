import * as fs from 'node:fs';
import * as os from 'node:os';
import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import type { IPolicyValidationContext, IPolicyValidationPlugin, PolicyValidationPluginReport, PolicyViolation } from 'aws-cdk-lib';
import { ControlTowerRule, controlTowerRules, rulesFor } from './control-tower-rules';

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
 * Only the rules about resource types the templates hold are run: a rule about another type
 * would only SKIP, and cfn-guard evaluates every rule it is given against every resource, so
 * the full set of 237 rules took seconds per synth where the relevant ones take a fraction.
 *
 * On a platform the package has no cfn-guard binary for (Windows), the controls cannot run: the
 * plugin says so on stderr and reports nothing; the pipelines' synth, on Linux, runs them.
 */
export class ControlTowerChecks implements IPolicyValidationPlugin {
  public readonly name = CONTROL_TOWER_PLUGIN_NAME;

  public get ruleIds(): string[] {
    return controlTowerRules().map((rule) => rule.controlId);
  }

  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const platform = `${os.platform()}/${os.arch()}`;
    if (!SUPPORTED_PLATFORMS.has(platform)) {
      process.stderr.write(`AWS Control Tower proactive controls skipped: cfn-guard has no binary for ${platform}\n`);
      return { success: true, violations: [] };
    }
    const selected = rulesFor(resourceTypesOf(context.templatePaths));
    if (selected.length === 0 || context.templatePaths.length === 0) {
      return { success: true, violations: [] };
    }
    const guard = new CfnGuardValidator({ controlTowerRulesEnabled: false, rules: selected.map((rule) => rule.file), maxBuffer: GUARD_MAX_BUFFER });
    const report = guard.validate(context);
    const violations = report.violations.map((violation) => withControlId(violation, selected));
    return { success: violations.length === 0, violations };
  }
}

/**
 * The violation under its control's id, with `error` severity: aws-cdk-lib counts a report with
 * acknowledged findings as failed only while an unacknowledged one has an error severity.
 */
function withControlId(violation: PolicyViolation, rules: readonly ControlTowerRule[]): PolicyViolation {
  const rule = rules.find((r) => r.ruleName === violation.ruleName);
  return {
    ...violation,
    ruleName: rule?.controlId ?? violation.ruleName,
    description: rule ? `${violation.description} (Guard rule ${rule.ruleName})` : violation.description,
    severity: 'error',
    ruleMetadata: { ...violation.ruleMetadata, DocumentationUrl: 'https://docs.aws.amazon.com/controltower/latest/controlreference/proactive-controls.html' },
  };
}

/** The resource types of the templates. */
function resourceTypesOf(templatePaths: readonly string[]): Set<string> {
  const types = new Set<string>();
  for (const templatePath of templatePaths) {
    const template = JSON.parse(fs.readFileSync(templatePath, 'utf-8'));
    for (const resource of Object.values<any>(template.Resources ?? {})) {
      if (typeof resource?.Type === 'string') {
        types.add(resource.Type);
      }
    }
  }
  return types;
}
