/**
 * The data-scale benchmark's arithmetic and tables: how the local pipeline's wall time and memory
 * grow with the rows of player data, and what sharding does. Pure functions only (the runs are in
 * bench/data-scale-run.ts, the memory sampling in bench/proc-memory.ts).
 */
import { formatTable, seconds, times, verdict } from './report';
import { LINEAR_GROWTH_TOLERANCE } from './stats';

/** The row counts of the generated data. */
export const DATA_SCALE_ROWS = [10_000, 100_000, 1_000_000] as const;

/** The shard counts of the sharded runs (instanceCounts.processing and .training). */
export const DATA_SCALE_SHARDS = [1, 4] as const;

/** One local run of the pipeline on generated data. */
export interface DataRun {
  readonly rows: number;
  /** Instances of Preprocess and Train (1: the default pipeline). */
  readonly shards: number;
  /** Wall time of the whole pipeline run. */
  readonly seconds: number;
  /** The largest sum of the resident memory of the run's processes at one time (MB). */
  readonly peakRssMb: number;
  /** The largest resident memory of one process (its VmHWM, MB). */
  readonly maxProcessRssMb: number;
  /** Seconds per step. */
  readonly steps: Readonly<Record<string, number>>;
  readonly auc?: number;
}

/** How a cost grows between the sizes: the marginal cost per million added rows of each step up, and the last over the first. */
export interface RowGrowth {
  readonly marginal: ReadonlyArray<{ readonly from: number; readonly to: number; readonly perMillionRows: number }>;
  /** The last marginal cost over the first; undefined when the first is not positive. */
  readonly growthRatio?: number;
  readonly tolerance: number;
  /**
   * The growth ratio is at most the tolerance: each added row costs about what the earlier ones
   * did; undefined when the first step's cost is not positive (within the noise of the fixed cost).
   */
  readonly nearLinear?: boolean;
}

/** Rows per second of a run. */
export function rowsPerSecond(rows: number, wallSeconds: number): number {
  if (!(wallSeconds > 0) || !Number.isFinite(wallSeconds)) {
    throw new Error(`rows per second needs a wall time > 0, got ${wallSeconds}`);
  }
  if (!(rows >= 0) || !Number.isInteger(rows)) {
    throw new Error(`rows per second needs a whole number of rows >= 0, got ${rows}`);
  }
  return rows / wallSeconds;
}

/**
 * The growth of a cost (seconds, MB) with the rows: the marginal cost per million added rows
 * between consecutive sizes, and the ratio of the last to the first. The fixed cost of a run
 * (python start-up, imports, files) cancels out of the marginal costs, so a ratio near 1 is
 * linear growth, below 1 better, and above the tolerance ({@link LINEAR_GROWTH_TOLERANCE}) worse.
 */
export function rowGrowth(points: ReadonlyArray<{ readonly rows: number; readonly value: number }>, tolerance = LINEAR_GROWTH_TOLERANCE): RowGrowth {
  const sorted = [...points].sort((a, b) => a.rows - b.rows);
  if (sorted.length < 3) {
    throw new Error(`growth needs at least 3 sizes, got ${sorted.length}`);
  }
  if (sorted.some((p, i) => !(p.rows > 0) || !Number.isFinite(p.value) || (i > 0 && p.rows === sorted[i - 1].rows))) {
    throw new Error(`growth needs distinct row counts > 0 and finite values, got ${JSON.stringify(sorted)}`);
  }
  const marginal = sorted.slice(1).map((to, i) => ({
    from: sorted[i].rows, to: to.rows, perMillionRows: ((to.value - sorted[i].value) / (to.rows - sorted[i].rows)) * 1e6,
  }));
  const first = marginal[0].perMillionRows;
  const last = marginal[marginal.length - 1].perMillionRows;
  const growthRatio = first > 0 ? last / first : undefined;
  return { marginal, growthRatio, tolerance, ...(growthRatio === undefined ? {} : { nearLinear: growthRatio <= tolerance }) };
}

/** `10k`, `100k`, `1M`, `1.5M`. */
export function rowLabel(rows: number): string {
  if (rows >= 1e6) {
    return `${Number((rows / 1e6).toFixed(2))}M`;
  }
  return rows >= 1e3 ? `${Number((rows / 1e3).toFixed(1))}k` : String(rows);
}

/** `1,234,567`. */
export const thousands = (value: number) => Math.round(value).toLocaleString('en-US');

/** `512 MB`. */
export const megabytes = (value: number) => `${Math.round(value)} MB`;

/**
 * The table of the one-instance runs by size: wall time, rows per second, peak memory (all the
 * run's processes at once, and the largest one), the slowest steps, and the growth from the
 * previous size (time and rows ratio).
 */
export function dataScaleTable(runs: readonly DataRun[]): string {
  const sorted = [...runs].sort((a, b) => a.rows - b.rows);
  return formatTable(
    ['rows', 'wall', 'rows/s', 'peak RSS (all)', 'peak RSS (1 process)', 'x time vs previous', 'x rows', 'steps'],
    sorted.map((run, i) => [
      rowLabel(run.rows), seconds(run.seconds), thousands(rowsPerSecond(run.rows, run.seconds)), megabytes(run.peakRssMb), megabytes(run.maxProcessRssMb),
      i === 0 ? '' : times(run.seconds / sorted[i - 1].seconds), i === 0 ? '' : times(run.rows / sorted[i - 1].rows), stepSummary(run.steps),
    ]),
    ['right', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
  );
}

/** The growth lines under the size table: time and memory per million added rows, and whether they are near-linear. */
export function growthSummary(runs: readonly DataRun[]): string {
  const time = rowGrowth(runs.map((r) => ({ rows: r.rows, value: r.seconds })));
  const memory = rowGrowth(runs.map((r) => ({ rows: r.rows, value: r.peakRssMb })));
  const describe = (g: RowGrowth, unit: (v: number) => string) =>
    `${g.marginal.map((m) => `${rowLabel(m.from)}→${rowLabel(m.to)} ${unit(m.perMillionRows)}/M rows`).join(', ')}; growth ratio `
    + (g.growthRatio === undefined ? 'n/a (the first step is within the noise of the fixed cost)'
      : `${g.growthRatio.toFixed(2)} (${g.nearLinear ? `near-linear: <= ${g.tolerance}` : `SUPER-LINEAR: > ${g.tolerance}`})`);
  const largest = [...runs].sort((a, b) => b.rows - a.rows)[0];
  const steps = Object.keys(largest.steps).filter((step) => runs.every((r) => (r.steps[step] ?? 0) >= 0.05));
  const byStep = steps.map((step) => {
    const g = rowGrowth(runs.map((r) => ({ rows: r.rows, value: r.steps[step] })));
    return `${step} ${g.growthRatio === undefined ? 'n/a' : g.growthRatio.toFixed(2)}`;
  });
  return [
    `time: ${describe(time, (v) => seconds(v))}`,
    ...(byStep.length > 0 ? [`time growth ratio per step: ${byStep.join(', ')} (Train also grows with the rounds early stopping keeps)`] : []),
    `memory: ${describe(memory, megabytes)}`,
    `rows per second at ${rowLabel(largest.rows)} rows: ${thousands(rowsPerSecond(largest.rows, largest.seconds))} (whole pipeline, wall time)`,
  ].join('\n');
}

/** The table of the sharded runs: per row count, 1 and N shards side by side, and the speed-up. */
export function shardTable(runs: readonly DataRun[]): string {
  const byRows = new Map<number, DataRun[]>();
  for (const run of runs) {
    byRows.set(run.rows, [...(byRows.get(run.rows) ?? []), run]);
  }
  const rows = [...byRows.entries()].sort(([a], [b]) => a - b).flatMap(([, group]) => {
    const sorted = [...group].sort((a, b) => a.shards - b.shards);
    const base = sorted.find((r) => r.shards === 1);
    return sorted.map((run) => [
      rowLabel(run.rows), String(run.shards), seconds(run.seconds), thousands(rowsPerSecond(run.rows, run.seconds)), megabytes(run.peakRssMb),
      megabytes(run.maxProcessRssMb), base && run !== base ? times(base.seconds / run.seconds) : '', run.auc === undefined ? '' : run.auc.toFixed(4),
      stepSummary(run.steps),
    ]);
  });
  return formatTable(
    ['rows', 'shards', 'wall', 'rows/s', 'peak RSS (all)', 'peak RSS (1 process)', 'speed-up', 'test AUC', 'steps'],
    rows, ['right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
  );
}

/** `Preprocess 12.3 s, Train 8.0 s, ...` (steps that took at least 0.05 s). */
export function stepSummary(steps: Readonly<Record<string, number>>): string {
  return Object.entries(steps).filter(([, s]) => s >= 0.05).map(([name, s]) => `${name} ${s.toFixed(1)} s`).join(', ');
}

/** `pass`/`FAIL` for near-linear growth, `n/a` when it cannot be told. */
export const growthVerdict = (g: RowGrowth) => (g.nearLinear === undefined ? 'n/a' : verdict(g.nearLinear));

// ---- /proc parsing (Linux) ----

/** The pid and parent pid of a `/proc/<pid>/stat` line (the command may hold spaces and parentheses). */
export function parseProcStat(text: string): { readonly pid: number; readonly ppid: number } | undefined {
  const close = text.lastIndexOf(')');
  const pid = Number.parseInt(text, 10);
  if (close < 0 || !Number.isInteger(pid)) {
    return undefined;
  }
  const fields = text.slice(close + 2).split(' ');
  const ppid = Number(fields[1]);
  return Number.isInteger(ppid) ? { pid, ppid } : undefined;
}

/** A field of `/proc/<pid>/status` in kB (`VmRSS`, `VmHWM`); undefined when absent (a kernel thread, a zombie). */
export function statusKb(text: string, field: 'VmRSS' | 'VmHWM'): number | undefined {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(text);
  return match ? Number(match[1]) : undefined;
}

/** The processes below `root` (not itself), from each process's parent. */
export function descendantsOf(root: number, parents: ReadonlyMap<number, number>): Set<number> {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents) {
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const found = new Set<number>();
  const queue = [...(children.get(root) ?? [])];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    if (!found.has(pid)) {
      found.add(pid);
      queue.push(...(children.get(pid) ?? []));
    }
  }
  return found;
}
