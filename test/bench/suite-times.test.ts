import * as path from 'node:path';
import { JestJsonResult, report, runTimes } from '../../bench/suite-times';

const ROOT = '/repo';
const suite = (name: string, start: number, end: number, status = 'passed') => ({ name: path.join(ROOT, name), startTime: start, endTime: end, status });
const result = (suites: ReturnType<typeof suite>[]): JestJsonResult => ({
  startTime: 1_000, numTotalTestSuites: suites.length, numFailedTestSuites: suites.filter((s) => s.status !== 'passed').length, success: true, testResults: suites,
});

describe('runTimes', () => {
  test('the wall time runs from jest\'s start to the last suite\'s end; suites slowest first, relative to the root', () => {
    const times = runTimes(result([
      suite('test/a.test.ts', 1_500, 3_500),
      suite('test/b.test.ts', 1_200, 61_200, 'failed'),
      suite('test/c.test.ts', 3_600, 4_100),
    ]), ROOT);
    expect(times.wallSeconds).toBe(60.2);
    expect(times.sumSeconds).toBe(62.5);
    expect(times.suites).toEqual([
      { suite: 'test/b.test.ts', seconds: 60, passed: false },
      { suite: 'test/a.test.ts', seconds: 2, passed: true },
      { suite: 'test/c.test.ts', seconds: 0.5, passed: true },
    ]);
    expect(times.failed).toBe(1);
  });

  test('refuses what is not jest\'s JSON output, saying how to get it', () => {
    expect(() => runTimes({ numPassedTests: 3 } as any, ROOT)).toThrow('not a jest JSON result: expected startTime and testResults (run jest with --json --outputFile=FILE)');
  });
});

describe('report', () => {
  const before = runTimes(result([suite('test/a.test.ts', 1_000, 31_000), suite('test/b.test.ts', 1_000, 21_000), suite('test/c.test.ts', 1_000, 2_000)]), ROOT);
  const after = runTimes(result([suite('test/a.test.ts', 1_000, 6_000), suite('test/b.test.ts', 1_000, 11_000), suite('test/c.test.ts', 11_000, 12_000)]), ROOT);

  test('the total and the N slowest suites', () => {
    expect(report(after, 2)).toBe([
      'run: 11.0 s wall (0.2 min), 16.0 s summed over 3 suites, 0 failed',
      '',
      'slowest 2',
      '  1.   10.0 s  test/b.test.ts',
      '  2.    5.0 s  test/a.test.ts',
    ].join('\n'));
  });

  test('beside an earlier run: both totals, and each list with the other run\'s time of the suite', () => {
    expect(report(after, 2, before)).toBe([
      'before: 30.0 s wall (0.5 min), 51.0 s summed over 3 suites, 0 failed',
      'after : 11.0 s wall (0.2 min), 16.0 s summed over 3 suites, 0 failed',
      '',
      'slowest 2 before',
      '  1.   30.0 s  test/a.test.ts  (after 5.0 s)',
      '  2.   20.0 s  test/b.test.ts  (after 10.0 s)',
      '',
      'slowest 2 after',
      '  1.   10.0 s  test/b.test.ts  (before 20.0 s)',
      '  2.    5.0 s  test/a.test.ts  (before 30.0 s)',
    ].join('\n'));
  });

  test('a suite missing from the other run shows "-"; a failed suite is marked', () => {
    const only = runTimes(result([suite('test/new.test.ts', 1_000, 2_000, 'failed')]), ROOT);
    expect(report(only, 1, before).split('\n').slice(-1)[0]).toBe('  1.    1.0 s  test/new.test.ts  FAILED  (before -)');
  });
});
