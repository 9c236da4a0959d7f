import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Command, InvalidArgumentError } from 'commander';
import { CliError } from '../aws';
import {
  DEFAULT_START_DATE, MAX_DAYS, MAX_PLAYERS, MAX_SEED, MIN_DAYS, PlayerDataOptions, PlayerDataSummary, generatePlayerData, parseStartDate,
} from '../data';
import { numberOption } from './option-parsers';
import { GlobalOptions, Output } from './output';

/** The options of the sample committed in a model-build repository (`data/player-churn.csv`): the defaults. */
export const SAMPLE_DATA_DEFAULTS = { players: 4000, days: 18, seed: 42, startDate: DEFAULT_START_DATE } as const;

interface SampleDataOptions {
  readonly players: number;
  readonly days: number;
  readonly seed: number;
  readonly startDate: string;
  readonly out: string;
}

/** What `sample-data --json` prints. */
export interface SampleDataResult extends PlayerDataSummary {
  /** The file written. */
  readonly file: string;
  /** The options used (with the defaults resolved): the same options give the same bytes. */
  readonly options: Required<PlayerDataOptions>;
  /** Wall-clock time of the generation, in seconds. */
  readonly seconds: number;
  readonly rowsPerSecond: number;
}

/**
 * `sample-data [--players <n>] [--days <d>] [--seed <s>] [--start-date <YYYY-MM-DD>] --out <file>`:
 * simulates the sessions of a game's players and writes one row of the player-churn schema per
 * player (79 columns). The same options give the same bytes. The defaults make the sample a
 * model-build repository commits.
 */
export function sampleDataCommand(output: Output): Command {
  return new Command('sample-data')
    .description('simulate player sessions (hardcore, casual, churner) and write the player-churn data set as CSV, one row per player')
    .option('--players <n>', `how many players to acquire: one row each (1 to ${MAX_PLAYERS})`,
      integerIn('players', 1, MAX_PLAYERS), SAMPLE_DATA_DEFAULTS.players)
    .option('--days <d>', `how many days to simulate, the last 5 being the churn window (${MIN_DAYS} to ${MAX_DAYS})`,
      integerIn('days', MIN_DAYS, MAX_DAYS), SAMPLE_DATA_DEFAULTS.days)
    .option('--seed <s>', `the random seed: the same options write the same bytes (0 to ${MAX_SEED})`,
      integerIn('seed', 0, MAX_SEED), SAMPLE_DATA_DEFAULTS.seed)
    .option('--start-date <date>', 'the first simulated day, YYYY-MM-DD in UTC',
      parseDate, SAMPLE_DATA_DEFAULTS.startDate)
    .requiredOption('--out <file>', 'the CSV file to write (its folder is created when missing; an existing file is replaced)', parseOutFile)
    .action(function (this: Command, opts: SampleDataOptions) {
      const { json } = this.optsWithGlobals<GlobalOptions>();
      const options: Required<PlayerDataOptions> = { players: opts.players, days: opts.days, seed: opts.seed, startDate: opts.startDate };
      const started = performance.now();
      const summary = writeSampleData(opts.out, options);
      const seconds = (performance.now() - started) / 1000;
      const result: SampleDataResult = {
        file: opts.out, options, ...summary, seconds: round(seconds, 3), rowsPerSecond: Math.round(summary.rows / Math.max(seconds, 1e-6)),
      };
      output.result(json ? result : formatResult(result), json);
    });
}

/** Writes through a temporary file next to `file`, renamed at the end: a failed run leaves no half-written data. */
function writeSampleData(file: string, options: Required<PlayerDataOptions>): PlayerDataSummary {
  const folder = path.dirname(file);
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch (err) {
    throw new CliError(`cannot create the folder ${folder} for ${file}: ${(err as Error).message}`);
  }
  const temporary = path.join(folder, `.${path.basename(file)}.${process.pid}.tmp`);
  const fail = (err: unknown) => new CliError(`cannot write the sample data to ${file}: ${(err as Error).message}`);
  let fd: number;
  try {
    fd = fs.openSync(temporary, 'wx');
  } catch (err) {
    throw fail(err);
  }
  let open = true;
  try {
    const summary = generatePlayerData(options, (chunk) => fs.writeSync(fd, chunk));
    fs.closeSync(fd);
    open = false;
    fs.renameSync(temporary, file);
    return summary;
  } catch (err) {
    if (open) {
      fs.closeSync(fd);
    }
    fs.rmSync(temporary, { force: true });
    throw fail(err);
  }
}

function formatResult(result: SampleDataResult): string {
  const share = result.rows > 0 ? ((100 * result.churned) / result.rows).toFixed(1) : '0.0';
  const types = Object.entries(result.playerTypes).map(([type, count]) => `${count} ${type}`).join(', ');
  return [
    `wrote ${result.rows} players to ${result.file} (${(result.bytes / 1e6).toFixed(2)} MB)`,
    `churned: ${result.churned} (${share}%); player types: ${types}`,
    `generated in ${result.seconds.toFixed(2)} s (${result.rowsPerSecond} rows/s)`,
  ].join('\n');
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Commander parser of a whole number within bounds (digits only: no sign, exponent or fraction). */
function integerIn(name: string, min: number, max: number): (value: string) => number {
  return numberOption(`--${name}`, { min, max, whole: true });
}

function parseDate(value: string): string {
  try {
    parseStartDate(value);
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
  return value;
}

function parseOutFile(value: string): string {
  if (value.trim() === '') {
    throw new InvalidArgumentError('out must be a file path, got an empty value');
  }
  if (value.endsWith('/') || value.endsWith(path.sep) || (fs.existsSync(value) && fs.statSync(value).isDirectory())) {
    throw new InvalidArgumentError(`out must be a file path, got ${value}, which is a folder: add a file name such as ${path.join(value, 'player-churn.csv')}`);
  }
  return value;
}
