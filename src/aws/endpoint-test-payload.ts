import * as fs from 'node:fs';
import { NUMBER, quote } from './endpoint-test-answers';
import { CliError, missingFile } from './errors';

/** Where a payload keeps each row's known label. */
export type PayloadLabelColumn = 'none' | 'first';

/** The label columns `readLabelledPayload` knows. */
export const PAYLOAD_LABEL_COLUMNS: readonly PayloadLabelColumn[] = ['none', 'first'];

/** How to read a payload. */
export interface PayloadOptions {
  /**
   * `first`: the first field of each row is its known label (0 or 1), as in the model-build
   * pipeline's test split; it is not sent. `none`: every field is a feature.
   * @default 'none'
   */
  readonly labelColumn?: PayloadLabelColumn;
  /**
   * The number of features the model takes: every row must send exactly that many.
   * @default - not checked
   */
  readonly modelFeatures?: number;
}

/** A payload: the CSV rows to send (features only) and, with a label column, their known labels. */
export interface Payload {
  readonly rows: string[];
  /** One 0/1 label per row, when the payload has a label column. */
  readonly labels?: number[];
  /** Features per row. */
  readonly features: number;
}

/**
 * Reads a CSV payload for `testEndpoint`: header-less rows of numeric features, every row with the
 * same number of fields. Blank lines are skipped.
 *
 * @returns the non-blank lines, trimmed
 * @throws CliError naming the file, and the line and what it found when a line is wrong
 */
export function readPayload(file: string): string[] {
  return readLabelledPayload(file).rows;
}

/**
 * Reads a payload as `readPayload` does, then splits off the label column (each label 0 or 1) and
 * checks the feature count against the model's: XGBoost reads the columns a row lacks as missing
 * values and answers anyway, so a payload made for another model would pass unnoticed.
 *
 * @throws CliError naming the file and the line, or both feature counts
 */
export function readLabelledPayload(file: string, options: PayloadOptions = {}): Payload {
  const labelColumn = options.labelColumn ?? 'none';
  if (!PAYLOAD_LABEL_COLUMNS.includes(labelColumn)) {
    throw new CliError(`labelColumn must be one of ${PAYLOAD_LABEL_COLUMNS.join(', ')}, got ${labelColumn}`);
  }
  if (options.modelFeatures !== undefined && !(Number.isInteger(options.modelFeatures) && options.modelFeatures > 0)) {
    throw new CliError(`modelFeatures must be a positive whole number of features, got ${options.modelFeatures}`);
  }
  const lines = checkedLines(file);
  const fields = lines[0].line.split(',').length;
  const features = labelColumn === 'first' ? fields - 1 : fields;
  if (features < 1) {
    throw new CliError(`payload ${file} has 1 field per row, the label: it needs at least one feature after it`);
  }
  if (options.modelFeatures !== undefined && features !== options.modelFeatures) {
    const label = labelColumn === 'first' ? ' after the label column' : '';
    throw new CliError(
      `payload ${file} has ${features} features per row${label}, the model takes ${options.modelFeatures}: ` +
      'the payload was made for another model (use the test split of the run that trained this one)',
    );
  }
  if (labelColumn === 'none') {
    return { rows: lines.map(({ line }) => line), features };
  }
  const labels = lines.map(({ number, line }) => {
    const value = Number(line.slice(0, line.indexOf(',')).trim());
    if (value !== 0 && value !== 1) {
      throw new CliError(`payload ${file} line ${number} has the label ${line.slice(0, line.indexOf(',')).trim()} in its first column; a label must be 0 or 1`);
    }
    return value;
  });
  return { rows: lines.map(({ line }) => line.slice(line.indexOf(',') + 1).trim()), labels, features };
}

/** The non-blank lines of a numeric CSV file, each with the same number of fields. */
function checkedLines(file: string): Array<{ number: number; line: string }> {
  const text = readText(file);
  const lines = text.split(/\r?\n/).map((line, i) => ({ number: i + 1, line: line.trim() })).filter(({ line }) => line !== '');
  if (lines.length === 0) {
    throw new CliError(`payload ${file} is empty; it needs header-less CSV rows of numeric features`);
  }
  const fields = lines[0].line.split(',').length;
  for (const { number, line } of lines) {
    const values = line.split(',').map((value) => value.trim());
    const bad = values.findIndex((value) => !NUMBER.test(value));
    if (number === lines[0].number && !values.some((value) => NUMBER.test(value))) {
      throw new CliError(`payload ${file} line ${number} is not numeric (found "${quote(line)}"); if it is a header, remove it: the endpoint takes header-less CSV`);
    }
    if (values.length !== fields) {
      throw new CliError(`payload ${file} line ${number} has ${values.length} fields, line ${lines[0].number} has ${fields}; every row needs the same number of comma-separated fields`);
    }
    if (bad >= 0) {
      const found = values[bad] === '' ? 'an empty field' : `"${quote(values[bad])}"`;
      throw new CliError(`payload ${file} line ${number} field ${bad + 1} is not a number (found ${found}); every field must be numeric`);
    }
  }
  return lines;
}

function readText(file: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw missingFile(new CliError(`payload file ${file} does not exist`), file);
  }
  if (!stat.isFile()) {
    throw new CliError(`payload ${file} is not a file`);
  }
  return fs.readFileSync(file, 'utf-8').replace(/^\uFEFF/, '');
}
