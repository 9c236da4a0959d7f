/**
 * cfn-guard's findings cached per template: a template checked before (same content, same rules,
 * same cfn-guard) is not checked again, and its findings are reported as cfn-guard reports them.
 */
// The module object itself (not an ES namespace), so that jest can spy on its functions.
import childProcess = require('node:child_process');
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ControlTowerChecks, VALIDATION_CACHE_ENV, controlTowerCacheDir, rulesFor, templateResultKey } from '../../src/validation';

/** A KMS key whose policy lets anyone use it: a finding under CT.KMS.PR.3 (among others). */
const OPEN_KEY = { Resources: { Key: { Type: 'AWS::KMS::Key', Properties: { KeyPolicy: { Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:*', Resource: '*' }] } } } } };
/** A key that rotates: fewer findings. */
const ROTATED_KEY = { Resources: { Key: { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true, KeyPolicy: { Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'kms:*', Resource: '*' }] } } } } };

function writeTemplate(dir: string, name: string, template: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(template));
  return file;
}

/**
 * The templates cfn-guard was given (`--data`) in each of its runs while `run` ran: the checks give it copies that
 * keep the resources its rules see (src/validation/control-tower-runs.ts), each named here by the one of
 * `templates` whose resources it holds.
 */
function guardRuns(run: () => void, templates: string[]): string[][] {
  return guardData(run).map((copies) => copies.map((copy) => sourceOf(copy, templates)));
}

/** The resources of each template cfn-guard was given, per run, while `run` ran. */
function guardResources(run: () => void): string[][][] {
  return guardData(run).map((copies) => copies.map((copy) => Object.keys(JSON.parse(fs.readFileSync(copy, 'utf-8')).Resources)));
}

/** The files cfn-guard was given (`--data`) in each of its runs while `run` ran, kept past the run (the checks delete them). */
function guardData(run: () => void): string[][] {
  const spawnSync = childProcess.spawnSync;
  const kept = fs.mkdtempSync(path.join(os.tmpdir(), 'guard-data-'));
  const runs: string[][] = [];
  const spawn = jest.spyOn(childProcess, 'spawnSync').mockImplementation(((command: string, args: string[], options: childProcess.SpawnSyncOptions) => {
    if (String(command).endsWith('cfn-guard')) {
      runs.push(args.filter((_, i, all) => all[i - 1] === '--data').map((file, i) => {
        const copy = path.join(kept, `${runs.length}-${i}.json`);
        fs.copyFileSync(file, copy);
        return copy;
      }));
    }
    return spawnSync(command, args, options);
  }) as typeof childProcess.spawnSync);
  try {
    run();
    return runs;
  } finally {
    spawn.mockRestore();
  }
}

/** The template of `templates` that holds every resource of `copy`, as it is there. */
function sourceOf(copy: string, templates: string[]): string {
  const resources = Object.entries<unknown>(JSON.parse(fs.readFileSync(copy, 'utf-8')).Resources);
  const sources = templates.filter((template) => {
    const whole = JSON.parse(fs.readFileSync(template, 'utf-8')).Resources;
    return resources.every(([id, resource]) => JSON.stringify(whole[id]) === JSON.stringify(resource));
  });
  if (sources.length !== 1) {
    throw new Error(`cfn-guard read ${copy}, a copy of ${sources.length} of ${templates.join(', ')}`);
  }
  return sources[0];
}

describe('the Control Tower results cache', () => {
  let work: string;
  let cacheDir: string;
  beforeEach(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'ct-cache-'));
    cacheDir = path.join(work, 'cache');
  });

  test('a template checked before is not checked again; its findings are the same, at its new path', () => {
    const first = writeTemplate(work, 'a.template.json', OPEN_KEY);
    const checks = new ControlTowerChecks({ cacheDir });
    let before: ReturnType<ControlTowerChecks['validate']> | undefined;
    expect(guardRuns(() => before = checks.validate({ templatePaths: [first] } as any), [first])).toEqual([[first]]);
    expect(before!.success).toBe(false);
    expect(before!.violations.map((v) => v.ruleName)).toContain('CT.KMS.PR.3');

    const moved = writeTemplate(fs.mkdtempSync(path.join(os.tmpdir(), 'ct-cache-')), 'b.template.json', OPEN_KEY);
    let after: ReturnType<ControlTowerChecks['validate']> | undefined;
    expect(guardRuns(() => after = new ControlTowerChecks({ cacheDir }).validate({ templatePaths: [moved] } as any), [moved])).toEqual([]);
    const atNewPath = JSON.parse(JSON.stringify(before!.violations).split(JSON.stringify(first).slice(1, -1)).join(JSON.stringify(moved).slice(1, -1)));
    expect(after).toEqual({ success: false, violations: atNewPath });
  });

  test('only the changed template of several is checked, and the report is the one of an uncached run', () => {
    const open = writeTemplate(work, 'open.template.json', OPEN_KEY);
    const rotated = writeTemplate(work, 'rotated.template.json', ROTATED_KEY);
    const uncached = new ControlTowerChecks({ cacheDir: false }).validate({ templatePaths: [open, rotated] } as any);

    const checks = new ControlTowerChecks({ cacheDir });
    expect(guardRuns(() => checks.validate({ templatePaths: [open] } as any), [open, rotated])).toEqual([[open]]);
    let report: ReturnType<ControlTowerChecks['validate']> | undefined;
    expect(guardRuns(() => report = checks.validate({ templatePaths: [open, rotated] } as any), [open, rotated])).toEqual([[rotated]]);
    expect(report).toEqual(uncached);
  });

  test('templates given by relative paths, as `cdk synth` gives them (cdk.out/...): the findings are cached and reported', () => {
    writeTemplate(work, 'a.template.json', OPEN_KEY);
    const cwd = process.cwd();
    process.chdir(work);
    try {
      const uncached = new ControlTowerChecks({ cacheDir: false }).validate({ templatePaths: ['a.template.json'] } as any);
      expect(uncached.violations.length).toBeGreaterThan(0);
      const checks = new ControlTowerChecks({ cacheDir });
      expect(checks.validate({ templatePaths: ['a.template.json'] } as any)).toEqual(uncached);
      let cached: ReturnType<ControlTowerChecks['validate']> | undefined;
      expect(guardRuns(() => cached = checks.validate({ templatePaths: ['./a.template.json'] } as any), ['a.template.json'])).toEqual([]);
      expect(cached).toEqual(uncached);
    } finally {
      process.chdir(cwd);
    }
  });

  test('a cache file that is not JSON is a miss, and is written again', () => {
    const template = writeTemplate(work, 'a.template.json', OPEN_KEY);
    const checks = new ControlTowerChecks({ cacheDir });
    checks.validate({ templatePaths: [template] } as any);
    const [file] = fs.readdirSync(cacheDir);
    fs.writeFileSync(path.join(cacheDir, file), '{"half');
    expect(guardRuns(() => checks.validate({ templatePaths: [template] } as any), [template])).toEqual([[template]]);
    expect(Array.isArray(JSON.parse(fs.readFileSync(path.join(cacheDir, file), 'utf-8')))).toBe(true);
  });

  test('no cache (cacheDir false) runs cfn-guard every time and writes nothing', () => {
    const template = writeTemplate(work, 'a.template.json', OPEN_KEY);
    const checks = new ControlTowerChecks({ cacheDir: false });
    expect(guardRuns(() => {
      checks.validate({ templatePaths: [template] } as any);
      checks.validate({ templatePaths: [template] } as any);
    }, [template])).toEqual([[template], [template]]);
    expect(fs.existsSync(cacheDir)).toBe(false);
  });

  // The IAM controls check each role and policy by its own properties (control-tower-runs.ts): a template that
  // differs from one checked before in one policy is checked again in that policy alone, and its report is the one
  // of an uncached run.
  test('an IAM resource checked before is not checked again, in a template that changed elsewhere', () => {
    const wide = { Type: 'AWS::IAM::Policy', Properties: { PolicyName: 'wide', Roles: ['r'], PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] } } };
    const narrow = { Type: 'AWS::IAM::Policy', Properties: { PolicyName: 'narrow', Roles: ['r'], PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] } } };
    const admin = { Type: 'AWS::IAM::Policy', Properties: { PolicyName: 'admin', Roles: ['r'], PolicyDocument: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } } };
    const bucket = { Type: 'AWS::S3::Bucket', Properties: {} };
    const first = writeTemplate(work, 'first.template.json', { Resources: { Wide: wide, Narrow: narrow, Bucket: bucket } });
    const changed = writeTemplate(work, 'changed.template.json', { Resources: { Wide: wide, Narrow: admin, Bucket: bucket } });
    const checks = new ControlTowerChecks({ cacheDir });
    // Three runs: the IAM rules, the other rules that check one resource, the rules that follow references (CT.S3.PR.2).
    expect(guardResources(() => checks.validate({ templatePaths: [first] } as any))).toEqual([[['Wide', 'Narrow']], [['Bucket']], [['Bucket']]]);
    let report: ReturnType<ControlTowerChecks['validate']> | undefined;
    // The IAM run gets the changed policy alone; the bucket's findings, by its own rules and by those that follow
    // references (its copy holds the same bucket), come from the cache.
    expect(guardResources(() => report = checks.validate({ templatePaths: [changed] } as any))).toEqual([[['Narrow']]]);
    const uncached = new ControlTowerChecks({ cacheDir: false }).validate({ templatePaths: [changed] } as any);
    const rows = (r: typeof uncached) => r.violations.flatMap((v) => v.violatingResources.map((res) => `${v.ruleName} ${res.resourceLogicalId} ${res.templatePath}`)).sort();
    expect(rows(report!)).toEqual(rows(uncached));
    expect(rows(uncached)).toEqual(expect.arrayContaining([`CT.IAM.PR.1 Narrow ${changed}`, `CT.IAM.PR.5 Wide ${changed}`]));
    expect(report!.violations.filter((v) => v.ruleName === 'CT.IAM.PR.5')).toHaveLength(1);
  });

  test('a copy for the rules that follow references is checked again when one of its resources changed, with only those rules', () => {
    const bucket = { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'kept' } };
    const policy = (action: string) => ({
      Type: 'AWS::S3::BucketPolicy',
      Properties: { Bucket: { Ref: 'Bucket' }, PolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: action, Resource: '*' }] } },
    });
    const queue = { Type: 'AWS::SQS::Queue', Properties: {} };
    const first = writeTemplate(work, 'refs-first.template.json', { Resources: { Bucket: bucket, Policy: policy('s3:GetObject'), Queue: queue } });
    const checks = new ControlTowerChecks({ cacheDir });
    const before = guardResources(() => checks.validate({ templatePaths: [first] } as any));
    expect(before).toHaveLength(2); // the rules that check one resource, those that follow references
    // The same resources under other sections: no run at all.
    const described = writeTemplate(work, 'refs-described.template.json', { Description: 'other sections', Outputs: { O: { Value: 'x' } }, Resources: { Bucket: bucket, Policy: policy('s3:GetObject'), Queue: queue } });
    expect(guardResources(() => checks.validate({ templatePaths: [described] } as any))).toEqual([]);
    // The policy changed: the copy again for the rules that follow references; the rules that check one resource
    // have nothing to do (the bucket and the queue are cached, and none of them is about bucket policies).
    const changed = writeTemplate(work, 'refs-changed.template.json', { Resources: { Bucket: bucket, Policy: policy('s3:*'), Queue: queue } });
    let report: ReturnType<ControlTowerChecks['validate']> | undefined;
    const after = guardResources(() => report = checks.validate({ templatePaths: [changed] } as any));
    expect(after).toEqual([before[1]]);
    expect(before[1][0]).toEqual(['Bucket', 'Policy', 'Queue']);
    const uncached = new ControlTowerChecks({ cacheDir: false }).validate({ templatePaths: [changed] } as any);
    const rows = (r: typeof uncached) => r.violations.flatMap((v) => v.violatingResources.map((res) => `${v.ruleName} ${res.resourceLogicalId} ${[...res.locations].sort()} ${res.templatePath}`)).sort();
    expect(rows(report!)).toEqual(rows(uncached));
    expect(rows(uncached).length).toBeGreaterThan(0);
  });

  // A rule that follows a reference looks the named resource up in the template it reads; a copy without it made
  // cfn-guard report a lookup the plugin cannot read. Some findings name no resource (CT.SQS.PR.2 on a key of another
  // queue adds one without a logical id): they are cached with the copy, and reported from the cache as when checked.
  test('the rules that follow references see the resources named by the kept ones, and their findings naming no resource are cached', () => {
    const logs = { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 30, KmsKeyId: { 'Fn::GetAtt': ['ExportsReader', '/cdk/exports/key'] } } };
    const reader = { Type: 'Custom::CrossRegionExportReader', Properties: { ServiceToken: 'x' } };
    const queue = { Type: 'AWS::SQS::Queue', Properties: { KmsMasterKeyId: { 'Fn::GetAtt': ['Other', 'Arn'] } } };
    const other = { Type: 'AWS::SQS::Queue', Properties: { SqsManagedSseEnabled: true } };
    const template = writeTemplate(work, 'refs-named.template.json', { Resources: { Logs: logs, ExportsReader: reader, Q: queue, Other: other } });
    const rows = (r: ReturnType<ControlTowerChecks['validate']>) => r.violations.flatMap((v) => v.violatingResources.map((res) => `${v.ruleName} ${res.resourceLogicalId} ${res.templatePath}`)).sort();
    const uncached = new ControlTowerChecks({ cacheDir: false }).validate({ templatePaths: [template] } as any);
    expect(rows(uncached)).toEqual(expect.arrayContaining([`CT.CLOUDWATCH.PR.3 Logs ${template}`, `CT.SQS.PR.2 undefined ${template}`]));
    // The copy for the rules that follow references holds the custom resource the log group names.
    const runs = guardResources(() => new ControlTowerChecks({ cacheDir }).validate({ templatePaths: [template] } as any));
    expect(runs.some((copies) => copies.some((ids) => ids.includes('Logs') && ids.includes('ExportsReader')))).toBe(true);
    const described = writeTemplate(work, 'refs-named-described.template.json', { Description: 'changed elsewhere', Resources: { Logs: logs, ExportsReader: reader, Q: queue, Other: other } });
    let cached: ReturnType<ControlTowerChecks['validate']> | undefined;
    expect(guardResources(() => cached = new ControlTowerChecks({ cacheDir }).validate({ templatePaths: [described] } as any))).toEqual([]);
    expect(rows(cached!)).toEqual(rows(uncached).map((row) => row.replace(template, described)));
  });

  test('the key changes with the template, the rules and cfn-guard\'s version', () => {
    const rules = rulesFor(new Set(['AWS::KMS::Key']));
    const key = templateResultKey('0.0.62', rules, JSON.stringify(OPEN_KEY));
    expect(templateResultKey('0.0.62', [...rules].reverse(), JSON.stringify(OPEN_KEY))).toBe(key);
    expect(templateResultKey('0.0.62', rules, JSON.stringify(ROTATED_KEY))).not.toBe(key);
    expect(templateResultKey('0.0.62', rules.slice(1), JSON.stringify(OPEN_KEY))).not.toBe(key);
    expect(templateResultKey('0.0.63', rules, JSON.stringify(OPEN_KEY))).not.toBe(key);
  });
});

describe('controlTowerCacheDir', () => {
  test('is below the nearest node_modules from the working folder up; none without one', () => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'ct-project-'));
    fs.mkdirSync(path.join(project, 'node_modules'));
    fs.mkdirSync(path.join(project, 'src', 'deep'), { recursive: true });
    expect(controlTowerCacheDir(path.join(project, 'src', 'deep'), {})).toBe(path.join(project, 'node_modules', '.cache', 'sagemaker-gitops', 'control-tower'));
    expect(controlTowerCacheDir('/', {})).toBeUndefined();
  });

  test(`${VALIDATION_CACHE_ENV} places it, or turns it off`, () => {
    expect(controlTowerCacheDir('/work', { [VALIDATION_CACHE_ENV]: 'cache/ct' })).toBe(path.resolve('/work', 'cache/ct'));
    expect(controlTowerCacheDir(process.cwd(), { [VALIDATION_CACHE_ENV]: 'off' })).toBeUndefined();
  });
});
