import { parsePredictions } from './endpoint-test-answers';

/**
 * Reading SageMaker data capture files (pure functions; the S3 calls are in shadow-capture-s3.ts).
 *
 * "Capture data from real-time endpoint" (SageMaker developer guide): the files are JSON Lines under
 * `<DestinationS3Uri>/<endpoint-name>/<variant-name>/yyyy/mm/dd/hh/<file>.jsonl`, one record per
 * request: `captureData.endpointInput` and `captureData.endpointOutput` (`observedContentType`,
 * `mode`, `data`, `encoding` CSV | BASE64 | JSON), `eventMetadata` (`eventId`, generated per
 * invocation; `inferenceId` when the caller passed InvokeEndpoint's InferenceId; `inferenceTime`)
 * and `eventVersion`. "Create a shadow test": data capture logs the requests and responses of both
 * the production and the shadow variant, each under its own variant folder.
 */

/** The predictions of one captured request. */
export interface CapturedAnswer {
  /** What pairs it with the other variant's record of the same request: `inferenceId`, else `eventId`. */
  readonly key: string;
  /** Which of the two the key is. */
  readonly keyKind: 'inferenceId' | 'eventId';
  readonly predictions: readonly number[];
}

/** What the capture files of one variant hold for the window. */
export interface VariantCapture {
  readonly answers: readonly CapturedAnswer[];
  /** Records without a readable output (not JSON, no endpointOutput, not numbers). */
  readonly unreadable: number;
  /** The first reason a record was unreadable, for the report. */
  readonly firstUnreadable?: string;
  /** Records whose inferenceTime lies outside the window (the first and last hour folders hold some). */
  readonly outsideWindow: number;
}

/** The window `[start, end)` records must fall in. */
export interface TimeWindow {
  readonly start: Date;
  readonly end: Date;
}

interface CaptureRecord {
  readonly captureData?: { readonly endpointOutput?: { readonly data?: unknown; readonly encoding?: unknown; readonly observedContentType?: unknown } };
  readonly eventMetadata?: { readonly eventId?: unknown; readonly inferenceId?: unknown; readonly inferenceTime?: unknown };
}

/** Parses the JSON Lines of one variant's capture files; records outside `window` (when given) are left out. */
export function readVariantCapture(lines: Iterable<string>, window?: TimeWindow): VariantCapture {
  const answers: CapturedAnswer[] = [];
  let unreadable = 0;
  let outsideWindow = 0;
  let firstUnreadable: string | undefined;
  for (const line of lines) {
    if (line.trim() === '') {
      continue;
    }
    const parsed = parseRecord(line, window);
    if (parsed === 'outside') {
      outsideWindow++;
    } else if (typeof parsed === 'string') {
      unreadable++;
      firstUnreadable ??= parsed;
    } else {
      answers.push(parsed);
    }
  }
  return { answers, unreadable, outsideWindow, ...(firstUnreadable === undefined ? {} : { firstUnreadable }) };
}

function parseRecord(line: string, window?: TimeWindow): CapturedAnswer | 'outside' | string {
  let record: CaptureRecord;
  try {
    record = JSON.parse(line) as CaptureRecord;
  } catch {
    return 'a line is not JSON';
  }
  const meta = record?.eventMetadata ?? {};
  if (window !== undefined && typeof meta.inferenceTime === 'string') {
    const time = Date.parse(meta.inferenceTime);
    if (Number.isFinite(time) && (time < window.start.getTime() || time >= window.end.getTime())) {
      return 'outside';
    }
  }
  const key = typeof meta.inferenceId === 'string' && meta.inferenceId !== '' ? { key: meta.inferenceId, keyKind: 'inferenceId' as const }
    : typeof meta.eventId === 'string' && meta.eventId !== '' ? { key: meta.eventId, keyKind: 'eventId' as const } : undefined;
  if (key === undefined) {
    return 'a record has neither eventMetadata.inferenceId nor eventMetadata.eventId';
  }
  const output = record.captureData?.endpointOutput;
  if (output === undefined || typeof output.data !== 'string') {
    return 'a record has no captureData.endpointOutput.data (is CaptureMode Output captured?)';
  }
  const text = decode(output.data, output.encoding);
  if (text === undefined) {
    return `a record's output has the encoding ${String(output.encoding)}, not CSV, JSON or BASE64`;
  }
  const predictions = parsePredictions(new TextEncoder().encode(text), typeof output.observedContentType === 'string' ? output.observedContentType : undefined);
  return typeof predictions === 'string' ? predictions : { ...key, predictions };
}

function decode(data: string, encoding: unknown): string | undefined {
  const name = typeof encoding === 'string' ? encoding.toUpperCase() : 'CSV';
  if (name === 'CSV' || name === 'JSON') {
    return data;
  }
  return name === 'BASE64' ? Buffer.from(data, 'base64').toString('utf-8') : undefined;
}

/** The hour folders `yyyy/mm/dd/hh/` (UTC) that overlap `[start, end)`. */
export function captureHourFolders(window: TimeWindow): string[] {
  const folders: string[] = [];
  const hour = new Date(window.start.getTime());
  hour.setUTCMinutes(0, 0, 0);
  for (; hour.getTime() < window.end.getTime(); hour.setUTCHours(hour.getUTCHours() + 1)) {
    const pad = (n: number) => String(n).padStart(2, '0');
    folders.push(`${hour.getUTCFullYear()}/${pad(hour.getUTCMonth() + 1)}/${pad(hour.getUTCDate())}/${pad(hour.getUTCHours())}/`);
  }
  return folders;
}

/**
 * The key prefix of the endpoint's captured data, `<prefix>/<endpoint-name>/`, from the capture URI:
 * the DataCaptureConfig's DestinationS3Uri, or that URI with the endpoint's folder already appended.
 */
export function endpointCapturePrefix(uriPrefix: string, endpointName: string): string {
  const trimmed = uriPrefix.replace(/\/+$/, '');
  const last = trimmed.split('/').pop();
  const base = last === endpointName ? trimmed : trimmed === '' ? endpointName : `${trimmed}/${endpointName}`;
  return `${base}/`;
}
