import * as fs from 'node:fs';
import * as path from 'node:path';

/** One AWS Control Tower proactive control, as the cfn-guard rule file that implements it. */
export interface ControlTowerRule {
  /** The control's id, as the Control Tower control reference names it: `CT.S3.PR.10`. */
  readonly controlId: string;
  /** The name of the Guard rule that reports it: `s3_bucket_default_encryption_kms_check`. */
  readonly ruleName: string;
  /** The rule file. */
  readonly file: string;
  /**
   * Every CloudFormation resource type the file mentions. A rule evaluates only resources of
   * these types (a template without any is a SKIP); empty when the file names none, and such a
   * rule always runs.
   */
  readonly resourceTypes: readonly string[];
}

/** The Control Tower rules that `@cdklabs/cdk-validator-cfnguard` ships, read once per process. */
export function controlTowerRules(): readonly ControlTowerRule[] {
  rules ??= readRules(controlTowerRulesDir());
  return rules;
}
let rules: readonly ControlTowerRule[] | undefined;

/** The folder of the Control Tower Guard rules inside `@cdklabs/cdk-validator-cfnguard`. */
export function controlTowerRulesDir(): string {
  const packageDir = path.dirname(require.resolve('@cdklabs/cdk-validator-cfnguard/package.json'));
  return path.join(packageDir, 'rules', 'control-tower', 'cfn-guard');
}

/**
 * The control id of a rule file: `ct-s3-pr-10.guard` is `CT.S3.PR.10`,
 * `ct-network-firewall-pr-1.guard` is `CT.NETWORK-FIREWALL.PR.1`.
 */
export function controlIdOf(file: string): string {
  const match = /^ct-(.+)-pr-(\d+)\.guard$/.exec(path.basename(file));
  if (!match) {
    throw new Error(`not a Control Tower rule file: ${file}`);
  }
  return `CT.${match[1].toUpperCase()}.PR.${match[2]}`;
}

/**
 * The rules whose resource types occur in templates holding `presentTypes`, plus those that
 * name no type. The others would only SKIP, and leaving them out keeps cfn-guard fast: it
 * evaluates every rule it is given against every resource of every template.
 */
export function rulesFor(presentTypes: ReadonlySet<string>, all: readonly ControlTowerRule[] = controlTowerRules()): ControlTowerRule[] {
  return all.filter((rule) => rule.resourceTypes.length === 0 || rule.resourceTypes.some((type) => presentTypes.has(type)));
}

function readRules(dir: string): ControlTowerRule[] {
  const files = listFiles(dir).filter((file) => file.endsWith('.guard')).sort();
  return files.map((file) => {
    const text = fs.readFileSync(file, 'utf-8');
    // The header names the rule "Rule Identifier" in most files and "Rule Name" in a few.
    const header = /^#\s*Rule (?:Identifier|Name):\s*\n#\s+(\S+)/m.exec(text);
    const primary = header?.[1] ?? /^rule\s+(\w+)\s+when\b/m.exec(text)?.[1];
    if (!primary) {
      throw new Error(`cannot find the rule name of the Control Tower rule file ${file}`);
    }
    const resourceTypes = [...new Set([...text.matchAll(/AWS::[A-Za-z0-9]+::[A-Za-z0-9]+/g)].map((m) => m[0]))].sort();
    return { controlId: controlIdOf(file), ruleName: primary, file, resourceTypes };
  });
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}
