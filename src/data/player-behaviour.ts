import { PERSONAS, Persona, PlayerType, engagementOn } from './personas';
import { CHURN_DAYS, DAY_SECONDS, ObservationWindow, PLAYER_DATA_COLUMNS, PlayerSessions, derivePlayerFeatures, formatPlayerRow } from './player-features';
import { MAX_SEED, Prng } from './prng';

/** The most players one run simulates. */
export const MAX_PLAYERS = 1_000_000;

/** The fewest days one run simulates: one day of observation and the churn window. */
export const MIN_DAYS = CHURN_DAYS + 1;

/** The most days one run simulates. */
export const MAX_DAYS = 366;

/** The first simulated day when none is given (a Monday). */
export const DEFAULT_START_DATE = '2024-09-02';

/** What `generatePlayerData` simulates. */
export interface PlayerDataOptions {
  /** How many players are acquired over the simulated days: one row each. From 1 to `MAX_PLAYERS`. */
  readonly players: number;
  /**
   * How many days are simulated: players are acquired and observed during all but the last
   * `CHURN_DAYS`, which are the churn window. From `CHURN_DAYS + 1` to `MAX_DAYS`.
   */
  readonly days: number;
  /** The seed of the random numbers: the same options give the same bytes. From 0 to 2^32 - 1. */
  readonly seed: number;
  /**
   * The first simulated day, `YYYY-MM-DD` (UTC).
   * @default DEFAULT_START_DATE
   */
  readonly startDate?: string;
}

/** What one run produced. */
export interface PlayerDataSummary {
  readonly rows: number;
  /** Rows whose `player_churn` is True. */
  readonly churned: number;
  /** Rows per `player_type`. */
  readonly playerTypes: Readonly<Record<PlayerType, number>>;
  /** Characters written (the data is ASCII: also its size in bytes). */
  readonly bytes: number;
}

/** How many more players the acquisition campaign brings on each weekday, Monday first. */
const ACQUISITION_BY_WEEKDAY = [1, 1, 1, 1, 1.2, 1.5, 1.5];

/** The first session starts between these hours of the acquisition day. */
const FIRST_SESSION_HOURS = [8, 23.5] as const;

/** A session never starts less than this many seconds after the previous one ended. */
const MIN_GAP_SECONDS = 300;

/** A player who starts losing interest plays this much less until they stop. */
const FADING_FACTOR = 0.35;

const CHUNK_CHARS = 1 << 16;

/**
 * Checks the options and resolves the defaults.
 *
 * @throws RangeError naming the bad value and what is allowed
 */
export function resolvePlayerDataOptions(options: PlayerDataOptions): Required<PlayerDataOptions> {
  const integerIn = (name: string, value: number, min: number, max: number) => {
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new RangeError(`${name} must be an integer from ${min} to ${max}, got ${value}`);
    }
  };
  integerIn('players', options.players, 1, MAX_PLAYERS);
  integerIn('days', options.days, MIN_DAYS, MAX_DAYS);
  integerIn('seed', options.seed, 0, MAX_SEED);
  const startDate = options.startDate ?? DEFAULT_START_DATE;
  parseStartDate(startDate);
  return { players: options.players, days: options.days, seed: options.seed, startDate };
}

/**
 * Midnight (UTC) of a `YYYY-MM-DD` date, in milliseconds since the epoch.
 *
 * @throws RangeError when it is not a real calendar date from 1970 on
 */
export function parseStartDate(value: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (!match || Number(match[1]) < 1970 || new Date(ms).toISOString().slice(0, 10) !== value) {
    throw new RangeError(`start date must be a calendar date YYYY-MM-DD from 1970 on, got ${value}`);
  }
  return ms;
}

/**
 * Simulates the players and writes their rows as CSV (header first, `\n` line ends) through
 * `write`, in chunks, in the order of the players' first session. Memory stays bounded by one
 * day's players, so a million players stream out.
 *
 * The last `CHURN_DAYS` (5) days are the churn window, the days before it the observation window.
 * Each player is acquired on a day of the observation window (more at weekends) with a first
 * session that day, gets a persona (hardcore : casual : churner = 1 : 2 : 20), and then plays the
 * sessions of the persona's week with chances that follow the persona's engagement curve, the
 * player's own appetite and clock; every day they may start losing interest, play less for a few
 * days and stop. Each session is a begin event and, unless it still runs at the end, an end event.
 * The row's features are derived from the events of the observation window (see
 * `derivePlayerFeatures`); the player has churned when they begin no session in the churn window,
 * that is after 5 days without a session.
 */
export function generatePlayerData(options: PlayerDataOptions, write: (chunk: string) => void): PlayerDataSummary {
  const resolved = resolvePlayerDataOptions(options);
  const observedDays = resolved.days - CHURN_DAYS;
  const window: ObservationWindow = {
    startMs: parseStartDate(resolved.startDate),
    cutoffSeconds: observedDays * DAY_SECONDS,
    endSeconds: resolved.days * DAY_SECONDS,
  };
  const firstWeekday = (new Date(window.startMs).getUTCDay() + 6) % 7;
  const prng = new Prng(resolved.seed);

  const acquisitions = new Array<number>(observedDays).fill(0);
  const dayWeights = acquisitions.map((_, day) => ACQUISITION_BY_WEEKDAY[(firstWeekday + day) % 7]);
  const pickDay = cumulativePicker(dayWeights);
  for (let i = 0; i < resolved.players; i++) {
    acquisitions[pickDay(prng.next())]++;
  }

  const pickPersona = cumulativePicker(PERSONAS.map((persona) => persona.weight));
  const summary = { rows: 0, churned: 0, playerTypes: { hardcore: 0, casual: 0, churner: 0 }, bytes: 0 };
  let buffer = `${PLAYER_DATA_COLUMNS.join(',')}\n`;
  const flush = () => {
    write(buffer);
    summary.bytes += buffer.length;
    buffer = '';
  };
  for (let day = 0; day < observedDays; day++) {
    const players: PlayerSessions[] = [];
    for (let i = 0; i < acquisitions[day]; i++) {
      const persona = PERSONAS[pickPersona(prng.next())];
      players.push(simulatePlayer(prng, persona, { acquisitionDay: day, days: resolved.days, firstWeekday }));
    }
    players.sort((a, b) => a.begins[0] - b.begins[0]);
    for (const player of players) {
      const row = derivePlayerFeatures(player, window);
      summary.rows++;
      summary.churned += row.playerChurn ? 1 : 0;
      summary.playerTypes[row.playerType]++;
      buffer += `${formatPlayerRow(row)}\n`;
      if (buffer.length >= CHUNK_CHARS) {
        flush();
      }
    }
  }
  flush();
  return summary;
}

interface SimulationDays {
  /** The day the player is acquired (0 is the first simulated day). */
  readonly acquisitionDay: number;
  /** How many days are simulated. */
  readonly days: number;
  /** The weekday of day 0, Monday 0. */
  readonly firstWeekday: number;
}

/** One player's sessions from acquisition to the end of the last simulated day. */
export function simulatePlayer(prng: Prng, persona: Persona, days: SimulationDays): PlayerSessions {
  const playerId = prng.hex(32);
  const appetite = prng.uniform(0.6, 1.15);
  const clockShift = prng.normal(0, 40 * 60);
  const fadingDays = 2 + Math.floor(prng.uniform(0, 4));
  const end = days.days * DAY_SECONDS;
  const begins: number[] = [];
  const ends: number[] = [];
  const play = (start: number, durationSeconds: number) => {
    begins.push(start);
    const stop = start + Math.max(60, durationSeconds);
    if (stop <= end) {
      ends.push(stop);
    }
    return stop;
  };

  const acquisitionStart = days.acquisitionDay * DAY_SECONDS;
  let lastStop = play(acquisitionStart + prng.uniform(FIRST_SESSION_HOURS[0], FIRST_SESSION_HOURS[1]) * 3600, prng.normal(45, 15) * 60);
  let stopsPlayingOn = Infinity;
  for (let day = days.acquisitionDay; day < days.days && day < stopsPlayingOn; day++) {
    const age = day - days.acquisitionDay;
    if (age > 0 && stopsPlayingOn === Infinity && prng.chance(persona.dailyQuitChance)) {
      stopsPlayingOn = day + fadingDays;
    }
    const keenness = engagementOn(persona, age) * appetite * (stopsPlayingOn === Infinity ? 1 : FADING_FACTOR);
    for (const [slot, chance] of persona.week[(days.firstWeekday + day) % 7]) {
      if (!prng.chance(chance * keenness)) {
        continue;
      }
      const start = day * DAY_SECONDS + slot.startHour * 3600 + clockShift + prng.normal(0, slot.startSdMinutes * 60);
      const durationSeconds = prng.normal(slot.durationMinutes, slot.durationSdMinutes) * 60;
      if (start >= end) {
        break;
      }
      if (start >= lastStop + MIN_GAP_SECONDS) {
        lastStop = play(start, durationSeconds);
      }
    }
  }
  return { playerId, playerType: persona.type, begins, ends };
}

/** Maps a uniform number in [0, 1) to an index with probability proportional to its weight (binary search). */
function cumulativePicker(weights: readonly number[]): (u: number) => number {
  const cumulative: number[] = [];
  let total = 0;
  for (const weight of weights) {
    total += weight;
    cumulative.push(total);
  }
  return (u) => {
    const target = u * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > target) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  };
}
