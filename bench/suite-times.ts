/**
 * Per-suite times of a jest run: the wall time of the run, the slowest suites, and optionally
 * the change from an earlier run.
 *
 *   npx jest --ci --json --outputFile=/tmp/after.json
 *   npx tsx bench/suite-times.ts /tmp/after.json                    # total and the 10 slowest
 *   npx tsx bench/suite-times.ts /tmp/after.json --top 20
 *   npx tsx bench/suite-times.ts /tmp/after.json --before /tmp/before.json
 *
 * The input is jest's own JSON result (`--json --outputFile`), so the figures are jest's.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';

/** One test file's result, as jest's JSON output has it (the fields read here). */
export interface JestSuiteResult {
  readonly name: string;
  readonly startTime: number;
  readonly endTime: number;
  readonly status: string;
}

/** jest's `--json` output (the fields read here). */
export interface JestJsonResult {
  readonly startTime: number;
  readonly numTotalTestSuites: number;
  readonly numFailedTestSuites: number;
  readonly success: boolean;
  readonly testResults: readonly JestSuiteResult[];
}

export interface SuiteTime {
  /** The test file, relative to the repository root. */
  readonly suite: string;
  readonly seconds: number;
  readonly passed: boolean;
}

export interface RunTimes {
  /** From jest's start to the end of its last suite. */
  readonly wallSeconds: number;
  /** The suites' times added up (the work the workers shared). */
  readonly sumSeconds: number;
  readonly suites: readonly SuiteTime[];
  readonly failed: number;
}

/** The times of a jest JSON result; suites slowest first. */
export function runTimes(result: JestJsonResult, rootDir: string): RunTimes {
  if (!Array.isArray(result?.testResults) || typeof result.startTime !== 'number') {
    throw new Error('not a jest JSON result: expected startTime and testResults (run jest with --json --outputFile=FILE)');
  }
  const suites = result.testResults
    .map((r) => ({ suite: path.relative(rootDir, r.name), seconds: (r.endTime - r.startTime) / 1000, passed: r.status === 'passed' }))
    .sort((a, b) => b.seconds - a.seconds || a.suite.localeCompare(b.suite));
  const lastEnd = Math.max(result.startTime, ...result.testResults.map((r) => r.endTime));
  return {
    wallSeconds: (lastEnd - result.startTime) / 1000,
    sumSeconds: suites.reduce((sum, s) => sum + s.seconds, 0),
    suites,
    failed: suites.filter((s) => !s.passed).length,
  };
}

const secs = (s: number | undefined) => (s === undefined ? '-' : `${s.toFixed(1)} s`);

/** A text report: totals and the `top` slowest suites, beside their times in `before` when given. */
export function report(after: RunTimes, top: number, before?: RunTimes): string {
  const lines: string[] = [];
  const total = (label: string, t: RunTimes) =>
    `${label}: ${secs(t.wallSeconds)} wall (${(t.wallSeconds / 60).toFixed(1)} min), ${secs(t.sumSeconds)} summed over ${t.suites.length} suites, ${t.failed} failed`;
  if (before) {
    lines.push(total('before', before));
  }
  lines.push(total(before ? 'after ' : 'run', after));
  const beforeOf = new Map(before?.suites.map((s) => [s.suite, s.seconds]));
  const rows = (title: string, list: readonly SuiteTime[], other?: Map<string, number>) => {
    lines.push('', title);
    list.slice(0, top).forEach((s, i) => {
      const compared = other ? `  (${other === beforeOf ? 'before' : 'after'} ${secs(other.get(s.suite))})` : '';
      lines.push(`${String(i + 1).padStart(3)}. ${secs(s.seconds).padStart(8)}  ${s.suite}${s.passed ? '' : '  FAILED'}${compared}`);
    });
  };
  if (before) {
    rows(`slowest ${top} before`, before.suites, new Map(after.suites.map((s) => [s.suite, s.seconds])));
    rows(`slowest ${top} after`, after.suites, beforeOf);
  } else {
    rows(`slowest ${top}`, after.suites);
  }
  return lines.join('\n');
}

function read(file: string): RunTimes {
  return runTimes(JSON.parse(fs.readFileSync(file, 'utf-8')), path.join(__dirname, '..'));
}

if (require.main === module) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { top: { type: 'string', default: '10' }, before: { type: 'string' } },
  });
  const top = Number(values.top);
  if (positionals.length !== 1 || !Number.isInteger(top) || top < 1) {
    process.stderr.write('usage: npx tsx bench/suite-times.ts JEST_JSON [--top N (a positive integer)] [--before EARLIER_JEST_JSON]\n');
    process.exit(2);
  }
  try {
    process.stdout.write(`${report(read(positionals[0]), top, values.before ? read(values.before) : undefined)}\n`);
  } catch (err) {
    process.stderr.write(`suite-times: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
