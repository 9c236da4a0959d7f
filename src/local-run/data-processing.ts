import { LocalRunError } from './errors';

/**
 * Batch transform's data processing of a CSV record, as "Associate Prediction Results with Input
 * Records" describes it: a CSV record is an array of columns; `InputFilter` selects the columns
 * sent to the model, `JoinSource` `Input` appends the prediction's columns to the whole input
 * record, and `OutputFilter` selects the columns written out. The JSONPath forms are those
 * batchScoring allows (`checkCsvFilter`): `$`, and `$[...]` of indexes (negative from the end)
 * and one open slice `start:`, comma-separated; a slice with an end, or a second slice, is refused
 * (SageMaker reads the end as inclusive where JsonPath does not, and takes one range per filter).
 */

/** The columns of one CSV line: split on commas outside double quotes, each column's text kept as it is. */
export function csvColumns(line: string): string[] {
  const columns: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of line) {
    if (char === '"') {
      quoted = !quoted;
    }
    if (char === ',' && !quoted) {
      columns.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  columns.push(current);
  return columns;
}

/**
 * The columns a filter selects, in the filter's order.
 *
 * @param what names the filter and record in errors, such as "step Score: OutputFilter $[5] on line 3 of a.csv"
 * @throws LocalRunError for an index outside the record (SageMaker fails the job) or a filter it cannot read
 */
export function selectColumns(filter: string, columns: readonly string[], what: string): string[] {
  const compact = filter.replace(/\s/g, '');
  if (compact === '$') {
    return [...columns];
  }
  const body = /^\$\[(.+)\]$/.exec(compact)?.[1];
  if (body === undefined) {
    throw new LocalRunError(`${what}: the local run reads CSV filters "$" or "$[...]" of indexes and slices, got ${JSON.stringify(filter)}`);
  }
  const parts = body.split(',');
  if (parts.filter((part) => part.includes(':')).length > 1) {
    throw new LocalRunError(`${what}: ${JSON.stringify(filter)} has more than one slice; batch transform takes one range per filter`);
  }
  return parts.flatMap((part) => {
    const slice = /^(-?\d*):(-?\d*)$/.exec(part);
    if (slice !== null && slice[2] !== '') {
      // SageMaker documents "$[1:4]" as the second through fifth columns, JsonPath as the second through fourth.
      throw new LocalRunError(`${what}: the slice ${part} has an end, which SageMaker reads as inclusive and JsonPath as exclusive; list the columns instead`);
    }
    if (slice !== null) {
      const start = slice[1] === '' ? 0 : clamp(Number(slice[1]), columns.length);
      const end = slice[2] === '' ? columns.length : clamp(Number(slice[2]), columns.length);
      return columns.slice(start, Math.max(start, end));
    }
    if (!/^-?\d+$/.test(part)) {
      throw new LocalRunError(`${what}: ${JSON.stringify(part)} is not an index or a slice of CSV columns`);
    }
    const index = Number(part) < 0 ? columns.length + Number(part) : Number(part);
    if (index < 0 || index >= columns.length) {
      throw new LocalRunError(`${what}: index ${part} is outside the record's ${columns.length} columns`);
    }
    return [columns[index]];
  });
}

/** A slice bound as Python reads it: negative from the end, clamped to 0..length. */
function clamp(bound: number, length: number): number {
  return Math.min(Math.max(bound < 0 ? length + bound : bound, 0), length);
}

/** What a transform job does with each record besides scoring it. */
export interface RecordProcessing {
  /** `$` or a column filter. */
  readonly inputFilter: string;
  /** Whether the prediction is appended to the whole input record (JoinSource Input). */
  readonly joinInput: boolean;
  /** `$` or a column filter of the joined (or predicted) record. */
  readonly outputFilter: string;
}

/** The line written for one record: its prediction columns, after the input when joined, through the output filter. */
export function outputLine(processing: RecordProcessing, input: readonly string[], prediction: readonly string[], what: string): string {
  const joined = processing.joinInput ? [...input, ...prediction] : [...prediction];
  return selectColumns(processing.outputFilter, joined, `${what}: OutputFilter`).join(',');
}
