import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PolicyViolation } from 'aws-cdk-lib';
import type { ControlTowerRule } from './control-tower-rules';

/**
 * The environment variable that places the Control Tower results cache (a folder), or turns it
 * off (`off`).
 */
export const VALIDATION_CACHE_ENV = 'SAGEMAKER_GITOPS_VALIDATION_CACHE';

/** The cache's folder below the nearest node_modules. */
const CACHE_SUBDIR = path.join('.cache', 'sagemaker-gitops', 'control-tower');

/**
 * Where the Control Tower results are cached: the folder {@link VALIDATION_CACHE_ENV} names, or
 * `node_modules/.cache/sagemaker-gitops/control-tower` of the nearest folder, from `cwd` up, that
 * has node_modules (where build tools keep their caches: only who may change the installed code
 * may write there); undefined (no cache) when the variable is `off` or there is no node_modules.
 */
export function controlTowerCacheDir(cwd: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): string | undefined {
  const setting = env[VALIDATION_CACHE_ENV];
  if (setting === 'off') {
    return undefined;
  }
  if (setting !== undefined && setting !== '') {
    return path.resolve(cwd, setting);
  }
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'node_modules'))) {
      return path.join(dir, 'node_modules', CACHE_SUBDIR);
    }
    if (path.dirname(dir) === dir) {
      return undefined;
    }
  }
}

const ruleDigests = new Map<string, string>();

function ruleDigest(file: string): string {
  let digest = ruleDigests.get(file);
  if (digest === undefined) {
    digest = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    ruleDigests.set(file, digest);
  }
  return digest;
}

/**
 * The cache key of one template's result: the cfn-guard package's version (it ships the binary
 * and the rules), each rule's file name and content, and the template's content. A rule about
 * types the template lacks only SKIPs, so a result computed with more rules is the same result.
 */
export function templateResultKey(guardVersion: string, rules: readonly ControlTowerRule[], template: string): string {
  const hash = createHash('sha256').update(`cfn-guard ${guardVersion}\n`);
  for (const rule of [...rules].sort((a, b) => a.file.localeCompare(b.file))) {
    hash.update(`${path.basename(rule.file)} ${ruleDigest(rule.file)}\n`);
  }
  return hash.update('\n').update(template).digest('hex');
}

/** A violation as cached: cfn-guard's findings on one template, the template's path left out. */
type CachedViolation = Omit<PolicyViolation, 'violatingResources'> & {
  readonly violatingResources: Array<Omit<PolicyViolation['violatingResources'][number], 'templatePath'>>;
};

/**
 * cfn-guard's findings per template, on disk: a result is only ever reused for a template with
 * the same content checked by the same rules of the same cfn-guard, so a synth that reuses one
 * reports exactly what running cfn-guard would. A file that cannot be read or parsed is a miss;
 * a cache that cannot be written is no cache (it only saves time).
 */
export class ControlTowerResultCache {
  constructor(private readonly dir: string) {}

  /** The cached findings on a template, with `templatePath` set to where the template is now. */
  public get(key: string, templatePath: string): PolicyViolation[] | undefined {
    let cached: CachedViolation[];
    try {
      cached = JSON.parse(fs.readFileSync(this.file(key), 'utf-8'));
    } catch {
      return undefined;
    }
    if (!Array.isArray(cached)) {
      return undefined;
    }
    return cached.map((violation) => ({
      ...violation,
      violatingResources: violation.violatingResources.map((resource) => ({ ...resource, templatePath })),
    }));
  }

  /** Stores a template's findings (written to a temporary file, then renamed: readers never see half a file). */
  public set(key: string, violations: readonly PolicyViolation[]): void {
    const cached: CachedViolation[] = violations.map((violation) => ({
      ...violation,
      violatingResources: violation.violatingResources.map(({ templatePath: _, ...resource }) => resource),
    }));
    const file = this.file(key);
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      fs.writeFileSync(temporary, JSON.stringify(cached));
      fs.renameSync(temporary, file);
    } catch {
      fs.rmSync(temporary, { force: true });
    }
  }

  private file(key: string): string {
    return path.join(this.dir, `${key}.json`);
  }
}
