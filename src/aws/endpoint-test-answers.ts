import { TextDecoder } from 'node:util';

/** A decimal number as CSV writers print it: no hex, no `Infinity`, no blanks. */
export const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** What some serving containers print for values that are not finite. */
const NON_FINITE: Readonly<Record<string, number>> = { 'nan': NaN, 'inf': Infinity, '+inf': Infinity, '-inf': -Infinity, 'infinity': Infinity, '-infinity': -Infinity };

/** How much of an unparseable answer a failure quotes. */
const QUOTE_CHARS = 80;

/** How many bad values one failure lists. */
const LISTED_VALUES = 3;

/** The predictions in an answer, or why it could not be read. */
export function parsePredictions(body: Uint8Array | undefined, contentType?: string): number[] | string {
  const text = body ? new TextDecoder('utf-8').decode(body).trim() : '';
  if (text === '') {
    return 'the endpoint answered with an empty body';
  }
  const json = /json/i.test(contentType ?? '') || text.startsWith('{') || text.startsWith('[');
  return json ? parseJsonPredictions(text) : parseCsvPredictions(text);
}

/** XGBoost's CSV: one value per line, or values separated by commas. */
function parseCsvPredictions(text: string): number[] | string {
  const values: number[] = [];
  for (const [i, raw] of text.split(/\r?\n|,/).entries()) {
    const token = raw.trim();
    const value = NUMBER.test(token) ? Number(token) : NON_FINITE[token.toLowerCase()];
    if (value === undefined) {
      return `prediction ${i + 1} is ${token === '' ? 'empty' : `"${quote(token)}"`}, not a number; the answer should be CSV numbers or JSON, got: ${quote(text)}`;
    }
    values.push(value);
  }
  return values;
}

/** `[0.1, ...]` or `{"predictions": [{"score": 0.1}, ...]}` (a bare number in `predictions` is also taken). */
function parseJsonPredictions(text: string): number[] | string {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return `the answer is not valid JSON: ${quote(text)}`;
  }
  const list = Array.isArray(document) ? document : (document as { predictions?: unknown } | null)?.predictions;
  if (!Array.isArray(list)) {
    return `the JSON answer is neither an array of numbers nor {"predictions": [{"score": ...}]}: ${quote(text)}`;
  }
  const values: number[] = [];
  for (const [i, item] of list.entries()) {
    const value = typeof item === 'object' && item !== null ? (item as { score?: unknown }).score : item;
    if (typeof value !== 'number') {
      return `prediction ${i + 1} of the JSON answer is ${quote(JSON.stringify(item) ?? String(item))}, not a number or {"score": <number>}`;
    }
    values.push(value);
  }
  return values;
}

/** Why the predictions for `rowsSent` rows are wrong, or undefined when they are right. */
export function checkPredictions(values: readonly number[], rowsSent: number): string | undefined {
  if (values.length !== rowsSent) {
    return `sent ${rowsSent} rows, got ${values.length} predictions`;
  }
  const bad = values
    .map((value, i) => ({ value, i }))
    .filter(({ value }) => !(Number.isFinite(value) && value >= 0 && value <= 1));
  if (bad.length === 0) {
    return undefined;
  }
  const listed = bad.slice(0, LISTED_VALUES).map(({ value, i }) => `prediction ${i + 1} is ${value}`).join(', ');
  const more = bad.length > LISTED_VALUES ? ` and ${bad.length - LISTED_VALUES} more` : '';
  return `${listed}${more}: a probability must be a finite number in [0, 1]`;
}

/** `ModelError (status 500): <message>`, with the model's log stream when SageMaker names it. */
export function describeError(err: unknown): string {
  const { name, message, OriginalStatusCode, OriginalMessage, LogStreamArn, $metadata } = (typeof err === 'object' && err !== null ? err : {}) as {
    name?: string;
    message?: string;
    OriginalStatusCode?: number;
    OriginalMessage?: string;
    LogStreamArn?: string;
    $metadata?: { httpStatusCode?: number };
  };
  const status = OriginalStatusCode ?? $metadata?.httpStatusCode;
  const detail = message || OriginalMessage || String(err);
  const logs = LogStreamArn ? ` (logs: ${LogStreamArn})` : '';
  return `${name ?? 'Error'}${status !== undefined ? ` (status ${status})` : ''}: ${detail}${logs}`;
}

export function quote(text: string): string {
  return text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS)}...` : text;
}
