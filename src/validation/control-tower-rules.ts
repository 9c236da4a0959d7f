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
  /**
   * The resource types whose presence makes the rule evaluate anything: every primary rule of the
   * file checks templates only `when` a variable holding the template's resources of these types
   * is `not empty` (the layout of the Control Tower rule files); without one the rule only SKIPs.
   * A file whose primary rules are not all of that form keeps every type it mentions
   * ({@link resourceTypes}). CT.CLOUDFRONT.PR.10 mentions S3 buckets, but evaluates distributions.
   */
  readonly evaluatedTypes: readonly string[];
  /**
   * Whether the file looks a resource up by its logical id (`Resources[ keys == ... ]`, to check what a `Ref` or
   * `Fn::GetAtt` names): then its finding on one resource may depend on another. Without, it checks each
   * resource of its types by that resource's own properties, as a Control Tower hook checks one resource.
   */
  readonly followsReferences: boolean;
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
 * The rules that evaluate a resource of templates holding `presentTypes` ({@link
 * ControlTowerRule.evaluatedTypes}), plus those that name no type. The others would only SKIP,
 * and leaving them out keeps cfn-guard fast: it reads every template again for every rule it is
 * given (a rule costs about 70 ms on a pipeline stack's template).
 */
export function rulesFor(presentTypes: ReadonlySet<string>, all: readonly ControlTowerRule[] = controlTowerRules()): ControlTowerRule[] {
  return all.filter((rule) => rule.evaluatedTypes.length === 0 || rule.evaluatedTypes.some((type) => presentTypes.has(type)));
}

const TYPE = /AWS::[A-Za-z0-9]+::[A-Za-z0-9]+/;

/**
 * The types a rule file's primary rules evaluate (see {@link ControlTowerRule.evaluatedTypes}), or
 * undefined when one of them is not `rule <name> when is_cfn_template(...) %<variable> not empty {`
 * with `let <variable> = Resources.*[ Type == <type> ]` (or `Type in [<types>]`), each type a
 * literal or a `let` constant holding one, or when the file has a rule that is neither such a
 * rule, one with parameters nor one for hooks (`when is_cfn_hook(...)`).
 */
export function evaluatedTypesOf(text: string): string[] | undefined {
  const constants = new Map([...text.matchAll(new RegExp(`^let\\s+(\\w+)\\s*=\\s*["'](${TYPE.source})["']\\s*$`, 'gm'))].map((m) => [m[1], m[2]]));
  const variables = new Map<string, string[]>();
  const typeOf = (operand: string) => (operand.startsWith('%') ? constants.get(operand.slice(1)) : /^["'](.*)["']$/.exec(operand)?.[1]);
  // `Resources.*[ Type == <type> ]`, `... Type == <type> or Type == <type> ... ]` (on several lines), `Resources.*[ Type in [<types>] ]`.
  for (const m of text.matchAll(/^let\s+(\w+)\s*=\s*Resources\.\*\[\s*(Type\s+in\s*\[[^\]]*\]|Type\s*==\s*\S+(?:\s+or\s+Type\s*==\s*\S+)*)\s*\]\s*$/gm)) {
    const operands = m[2].startsWith('Type in')
      ? m[2].replace(/^Type\s+in\s*\[/, '').replace(/\]$/, '').split(',').map((operand) => operand.trim())
      : m[2].split(/\s+or\s+/).map((clause) => clause.replace(/^Type\s*==\s*/, '').trim());
    const types = operands.map(typeOf);
    if (types.every((type): type is string => type !== undefined && new RegExp(`^${TYPE.source}$`).test(type))) {
      variables.set(m[1], types);
    }
  }
  // Every other rule of the file must be one cfn-guard evaluates only when called (it takes
  // parameters) or only on a hook's input (`when is_cfn_hook(...)`, never true of a template).
  const others = [...text.matchAll(/^rule\s+\w+\s*(.*)$/gm)].filter((m) => !/^\(/.test(m[1]) && !/^when\s+is_cfn_(template|hook)\b/.test(m[1]));
  if (others.length > 0) {
    return undefined;
  }
  const primaries = [...text.matchAll(/^rule\s+\w+\s+when\s+is_cfn_template\b[^\n]*$/gm)];
  const evaluated = primaries.map((m) => {
    const clause = /^rule\s+\w+\s+when\s+is_cfn_template\(%?\w+\)\s*\n?\s*%(\w+)\s+(?:not\s+empty|!empty)\s*\{/.exec(text.slice(m.index));
    return clause ? variables.get(clause[1]) : undefined;
  });
  if (evaluated.length === 0 || evaluated.some((types) => types === undefined)) {
    return undefined;
  }
  return [...new Set(evaluated.flat() as string[])].sort();
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
    const resourceTypes = [...new Set([...text.matchAll(new RegExp(TYPE.source, 'g'))].map((m) => m[0]))].sort();
    return {
      controlId: controlIdOf(file), ruleName: primary, file, resourceTypes, evaluatedTypes: evaluatedTypesOf(text) ?? resourceTypes,
      followsReferences: /\bResources\s*\[/.test(text),
    };
  });
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}
