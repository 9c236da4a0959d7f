import {
  DATA_SCALE_ROWS, DATA_SCALE_SHARDS, DataRun, dataScaleTable, descendantsOf, growthSummary, growthVerdict, parseProcStat, rowGrowth, rowLabel,
  rowsPerSecond, shardTable, statusKb, stepSummary,
} from '../../bench/data-scale';
import { TreeMemorySampler } from '../../bench/proc-memory';
import { LINEAR_GROWTH_TOLERANCE } from '../../bench/stats';

const run = (rows: number, secondsTaken: number, extra: Partial<DataRun> = {}): DataRun => ({
  rows, shards: 1, seconds: secondsTaken, peakRssMb: 200 + rows / 1000, maxProcessRssMb: 150 + rows / 2000, steps: { Preprocess: secondsTaken / 2, Train: secondsTaken / 4, CheckAuc: 0 }, ...extra,
});

describe('the sizes', () => {
  test('10k, 100k and 1M rows, 1 and 4 shards', () => {
    expect(DATA_SCALE_ROWS).toEqual([10_000, 100_000, 1_000_000]);
    expect(DATA_SCALE_SHARDS).toEqual([1, 4]);
    expect(DATA_SCALE_ROWS.map(rowLabel)).toEqual(['10k', '100k', '1M']);
    expect([2500, 1_500_000, 999].map(rowLabel)).toEqual(['2.5k', '1.5M', '999']);
  });
});

describe('rowsPerSecond', () => {
  test('rows over wall seconds; refuses a time that is not positive', () => {
    expect(rowsPerSecond(100_000, 20)).toBe(5000);
    expect(() => rowsPerSecond(10, 0)).toThrow(/wall time > 0, got 0/);
    expect(() => rowsPerSecond(1.5, 1)).toThrow(/whole number of rows/);
  });
});

describe('rowGrowth', () => {
  test('a fixed cost plus a cost per row is linear: the marginal costs are equal, the ratio 1', () => {
    const g = rowGrowth([10_000, 100_000, 1_000_000].map((rows) => ({ rows, value: 8 + rows * 20e-6 })));
    expect(g.marginal.map((m) => m.perMillionRows)).toEqual([expect.closeTo(20, 9), expect.closeTo(20, 9)]);
    expect(g.growthRatio).toBeCloseTo(1, 9);
    expect(g.nearLinear).toBe(true);
    expect(g.tolerance).toBe(LINEAR_GROWTH_TOLERANCE);
  });

  test('a cost per row that rises with the rows (n log n steep enough, or n^2) is super-linear', () => {
    const quadratic = rowGrowth([10_000, 100_000, 1_000_000].map((rows) => ({ rows, value: 5 + (rows / 1e5) ** 2 })));
    expect(quadratic.growthRatio).toBeGreaterThan(5);
    expect(quadratic.nearLinear).toBe(false);
    expect(growthVerdict(quadratic)).toBe('FAIL');
  });

  test('points are sorted; a first step within the noise gives no ratio', () => {
    const g = rowGrowth([{ rows: 1e6, value: 30 }, { rows: 1e4, value: 10 }, { rows: 1e5, value: 9 }]);
    expect(g.marginal.map((m) => [m.from, m.to])).toEqual([[1e4, 1e5], [1e5, 1e6]]);
    expect(g.growthRatio).toBeUndefined();
    expect(g.nearLinear).toBeUndefined();
    expect(growthVerdict(g)).toBe('n/a');
  });

  test('refuses fewer than 3 sizes, repeated sizes and values that are not numbers', () => {
    expect(() => rowGrowth([{ rows: 1, value: 1 }, { rows: 2, value: 2 }])).toThrow(/at least 3 sizes, got 2/);
    expect(() => rowGrowth([{ rows: 1, value: 1 }, { rows: 1, value: 2 }, { rows: 3, value: 3 }])).toThrow(/distinct row counts/);
    expect(() => rowGrowth([{ rows: 1, value: 1 }, { rows: 2, value: NaN }, { rows: 3, value: 3 }])).toThrow(/finite values/);
  });
});

describe('tables', () => {
  test('the size table: rows, wall, rows/s, peaks, the growth from the previous size and the steps', () => {
    const text = dataScaleTable([run(100_000, 20), run(10_000, 10), run(1_000_000, 110)]);
    expect(text.split('\n')).toEqual([
      'rows     wall  rows/s  peak RSS (all)  peak RSS (1 process)  x time vs previous  x rows  steps',
      '----  -------  ------  --------------  --------------------  ------------------  ------  -------------------------------',
      ' 10k   10.0 s   1,000          210 MB                155 MB                              Preprocess 5.0 s, Train 2.5 s',
      '100k   20.0 s   5,000          300 MB                200 MB               2.00x  10.00x  Preprocess 10.0 s, Train 5.0 s',
      '  1M  110.0 s   9,091         1200 MB                650 MB               5.50x  10.00x  Preprocess 55.0 s, Train 27.5 s',
    ]);
  });

  test('the growth summary states the ratios and the rows per second of the largest size', () => {
    const summary = growthSummary([run(10_000, 10), run(100_000, 20), run(1_000_000, 110)]);
    expect(summary).toContain('time: 10k→100k 111.1 s/M rows, 100k→1M 100.0 s/M rows; growth ratio 0.90 (near-linear: <= 1.25)');
    expect(summary).toContain('memory: 10k→100k 1000 MB/M rows, 100k→1M 1000 MB/M rows; growth ratio 1.00 (near-linear: <= 1.25)');
    expect(summary).toContain('rows per second at 1M rows: 9,091 (whole pipeline, wall time)');
    // The steps are half and a quarter of the wall time: the same ratio; CheckAuc (0 s) is left out.
    expect(summary).toContain('time growth ratio per step: Preprocess 0.90, Train 0.90 (Train also grows with the rounds early stopping keeps)');
  });

  test('the shard table puts 1 and 4 shards side by side with the speed-up over 1 shard', () => {
    const lines = shardTable([run(100_000, 12, { shards: 4, auc: 0.88 }), run(100_000, 24, { auc: 0.8812 })]).split('\n');
    expect(lines[0]).toBe('rows  shards    wall  rows/s  peak RSS (all)  peak RSS (1 process)  speed-up  test AUC  steps');
    expect(lines[2]).toMatch(/^100k\s+1\s+24\.0 s\s+4,167\s+300 MB\s+200 MB\s+0\.8812  Preprocess 12\.0 s, Train 6\.0 s$/);
    expect(lines[3]).toMatch(/^100k\s+4\s+12\.0 s\s+8,333\s+300 MB\s+200 MB\s+2\.00x\s+0\.8800  Preprocess 6\.0 s, Train 3\.0 s$/);
  });

  test('steps under 0.05 s are left out of the summary', () => {
    expect(stepSummary({ Preprocess: 1.26, CheckAuc: 0, Register: 0.01 })).toBe('Preprocess 1.3 s');
  });
});

describe('/proc parsing', () => {
  test('the parent pid of a stat line, even when the command has spaces and parentheses', () => {
    expect(parseProcStat('1234 (python3) S 1200 1234 1200 0 -1 4194304')).toEqual({ pid: 1234, ppid: 1200 });
    expect(parseProcStat('77 (tricky ) name) R 5 77 5')).toEqual({ pid: 77, ppid: 5 });
    expect(parseProcStat('garbage')).toBeUndefined();
  });

  test('VmRSS and VmHWM in kB; absent for a kernel thread', () => {
    const status = 'Name:\tpython3\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\nThreads:\t4\n';
    expect(statusKb(status, 'VmRSS')).toBe(102400);
    expect(statusKb(status, 'VmHWM')).toBe(204800);
    expect(statusKb('Name:\tkthreadd\n', 'VmRSS')).toBeUndefined();
  });

  test('the descendants of a process: children, grandchildren, not the process itself or others', () => {
    const parents = new Map([[10, 1], [11, 10], [12, 10], [13, 11], [20, 1], [21, 20]]);
    expect([...descendantsOf(10, parents)].sort()).toEqual([11, 12, 13]);
    expect(descendantsOf(13, parents).size).toBe(0);
  });

  test('the sampler sees a child process\'s memory', async () => {
    const { spawn } = await import('node:child_process');
    const sampler = new TreeMemorySampler(process.pid, 20);
    sampler.start();
    // A child that holds about 64 MB for a moment.
    const child = spawn(process.execPath, ['-e', 'const b = Buffer.alloc(64 * 2 ** 20, 1); setTimeout(() => console.log(b[0]), 400);']);
    await new Promise((resolve) => child.on('exit', resolve));
    const peak = sampler.stop();
    expect(peak.samples).toBeGreaterThan(3);
    expect(peak.maxProcessRssMb).toBeGreaterThan(64);
    expect(peak.peakRssMb).toBeGreaterThan(64);
  });
});
