/**
 * Text output of the bench: aligned tables and number formats. Pure functions.
 */
import { CriticalPath, Work } from './critical-path';

/** Column alignment: left for text, right for numbers. */
export type Align = 'left' | 'right';

/** An aligned text table: a header row, a rule, then the rows (cells are padded; the last column is not trailed by spaces). */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[] = []): string {
  for (const row of rows) {
    if (row.length !== headers.length) {
      throw new Error(`every row needs ${headers.length} cells, got ${row.length}: ${JSON.stringify(row)}`);
    }
  }
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => row[i].length)));
  const line = (cells: readonly string[]) => cells
    .map((cell, i) => ((align[i] ?? 'left') === 'right' ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
    .join('  ')
    .trimEnd();
  return [line(headers), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

/** Seconds with one decimal (or as many as asked): `4.2 s`. */
export const seconds = (value: number, decimals = 1) => `${value.toFixed(decimals)} s`;

/** Minutes with one decimal: `6.0 min`. */
export const minutes = (value: number) => `${value.toFixed(1)} min`;

/** A ratio: `1.42x`. */
export const times = (value: number) => `${value.toFixed(2)}x`;

/** US dollars: `$83.95`; `n/a` when unknown. */
export const usd = (value: number | undefined) => (value === undefined ? 'n/a' : `$${value.toFixed(2)}`);

/** `pass` or `FAIL`. */
export const verdict = (pass: boolean) => (pass ? 'pass' : 'FAIL');

/**
 * One row per action of a critical path: stage, action, run order, minutes, the minute it ends
 * at, and its main work (manual approvals marked, with no minutes).
 */
export function pathRows(path: CriticalPath): string[][] {
  return path.groups.flatMap((group) => (group.skipped !== undefined ? [[group.stage, '(stage)', '', minutes(0), minutes(group.endsAt), group.skipped]] : group.actions.map((action) => [
    action.stage,
    action.name,
    String(action.runOrder),
    action.approval ? 'people' : minutes(action.minutes),
    action.approval ? '' : minutes(group.endsAt),
    action.approval ? 'manual approval (not timed)' : workSummary(action.work),
  ])));
}

const SAGEMAKER_STEP = /^SageMaker step (\S+) \((\w+)\)$/;

/**
 * The work of an action in a few words: repeated items counted (`cdk-assets publish x3`), the
 * SageMaker steps of a pipeline run as one chain with their minutes.
 */
export function workSummary(work: readonly Work[]): string {
  const parts: { text: string; count: number }[] = [];
  let steps: { names: string[]; minutes: number } | undefined;
  for (const item of work) {
    const step = SAGEMAKER_STEP.exec(item.what);
    if (step) {
      if (!steps) {
        steps = { names: [], minutes: 0 };
        parts.push({ text: '', count: 1 });
      }
      steps.names.push(step[1]);
      steps.minutes += item.minutes;
      parts[parts.length - 1].text = `SageMaker ${steps.names.join(' > ')} (${minutes(steps.minutes)})`;
      continue;
    }
    steps = undefined;
    const last = parts[parts.length - 1];
    if (last && last.text === item.what) {
      last.count++;
    } else {
      parts.push({ text: item.what, count: 1 });
    }
  }
  return parts.map((part) => (part.count > 1 ? `${part.text} x${part.count}` : part.text)).join('; ');
}
