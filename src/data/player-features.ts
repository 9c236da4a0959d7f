import { PlayerType } from './personas';

/** Seconds in a day. */
export const DAY_SECONDS = 86_400;

/**
 * A player has churned after this many days without a session: the last days of a simulation are
 * the churn window, and a player who begins no session in them has churned.
 */
export const CHURN_DAYS = 5;

/** The event types a session produces. */
export const EVENT_TYPES = ['begin', 'end'] as const;

/** The sampled values of each event type and period. */
export const VARIANTS = ['count', 'time_of_day_mean', 'time_of_day_std'] as const;

/**
 * The periods events are grouped by, counted back from the player's last event: `day_1` is the
 * 24 hours up to it, `day_2` the 24 hours before, and so on; a week is 7 days, a month 4 weeks.
 */
export const PERIODS: readonly string[] = [
  'day_1', 'day_2', 'day_3', 'day_4', 'day_5', 'day_6', 'day_7', 'week_1', 'week_2', 'week_3', 'month_1', 'month_2',
];

/** The label column. */
export const LABEL_COLUMN = 'player_churn';

/**
 * The columns of the player data, in order (79): the player's identity, cohort and totals, the
 * label, then `{begin,end}_session_{count,time_of_day_mean,time_of_day_std}_last_{period}`.
 */
export const PLAYER_DATA_COLUMNS: readonly string[] = [
  'player_id', 'cohort_id', 'cohort_day_of_week', 'player_type', 'player_lifetime', 'session_count', LABEL_COLUMN,
  ...VARIANTS.flatMap((variant) => PERIODS.flatMap((period) => EVENT_TYPES.map((type) => `${type}_session_${variant}_last_${period}`))),
];

/** The events of one player's sessions, in seconds since midnight (UTC) of the first simulated day. */
export interface PlayerSessions {
  readonly playerId: string;
  readonly playerType: PlayerType;
  /** Session begin times, ascending; the first one within the observation window. */
  readonly begins: readonly number[];
  /** Session end times, ascending (a session still running when the simulation ends has none). */
  readonly ends: readonly number[];
}

/** The events of one type within one period. */
export interface PeriodStats {
  readonly count: number;
  /** Seconds after midnight of the events' mean time; 0 without events. */
  readonly timeOfDayMean: number;
  /** Standard deviation (n - 1) of the events' times in seconds; 0 without events, NaN with one. */
  readonly timeOfDayStd: number;
}

/** One row of the player data. */
export interface PlayerFeatures {
  readonly playerId: string;
  /** The day of the first event, `YYYY_MM_DD`. */
  readonly cohortId: string;
  /** The weekday of the first event, Monday 0 to Sunday 6. */
  readonly cohortDayOfWeek: number;
  readonly playerType: PlayerType;
  /** Seconds from the first event to the last. */
  readonly playerLifetime: number;
  readonly sessionCount: number;
  /** Whether the player began no session in the churn window (the `CHURN_DAYS` days after the observation window). */
  readonly playerChurn: boolean;
  /** Per event type, the stats of every period in `PERIODS` order. */
  readonly periods: Readonly<Record<(typeof EVENT_TYPES)[number], readonly PeriodStats[]>>;
}

/**
 * When a simulation happens: the features describe the events of the observation window, from
 * `startMs` to `cutoffSeconds`; the label looks at the churn window after it, up to `endSeconds`.
 */
export interface ObservationWindow {
  /** Midnight (UTC) of the first simulated day, in milliseconds since the epoch. */
  readonly startMs: number;
  /** The end of the observation window (the start of the churn window), in seconds since `startMs`. */
  readonly cutoffSeconds: number;
  /** The end of the churn window, in seconds since `startMs`. */
  readonly endSeconds: number;
}

/**
 * Derives a player's row: the features from their events up to the window's cutoff (relative
 * to the last of them), the label from whether they began a session between the cutoff and the end.
 */
export function derivePlayerFeatures(player: PlayerSessions, window: ObservationWindow): PlayerFeatures {
  const begins = player.begins.filter((time) => time <= window.cutoffSeconds);
  const ends = player.ends.filter((time) => time <= window.cutoffSeconds);
  if (begins.length === 0) {
    throw new RangeError(`player ${player.playerId} has no session in the observation window`);
  }
  const returned = player.begins.some((time) => time > window.cutoffSeconds && time <= window.endSeconds);
  const first = begins[0];
  const last = Math.max(begins[begins.length - 1], ends.length > 0 ? ends[ends.length - 1] : -Infinity);
  const cohortDay = Math.floor(first / DAY_SECONDS);
  const cohortDate = new Date(window.startMs + cohortDay * DAY_SECONDS * 1000);
  return {
    playerId: player.playerId,
    cohortId: cohortDate.toISOString().slice(0, 10).replace(/-/g, '_'),
    cohortDayOfWeek: (cohortDate.getUTCDay() + 6) % 7,
    playerType: player.playerType,
    playerLifetime: last - first,
    sessionCount: begins.length,
    playerChurn: !returned,
    periods: { begin: periodStats(begins, last), end: periodStats(ends, last) },
  };
}

/** Running count, mean and sum of squared deviations (Welford) of one period's event times. */
class Accumulator {
  public count = 0;
  private mean = 0;
  private m2 = 0;

  public add(time: number): void {
    this.count++;
    const delta = time - this.mean;
    this.mean += delta / this.count;
    this.m2 += delta * (time - this.mean);
  }

  public stats(): PeriodStats {
    if (this.count === 0) {
      return { count: 0, timeOfDayMean: 0, timeOfDayStd: 0 };
    }
    return {
      count: this.count,
      timeOfDayMean: ((this.mean % DAY_SECONDS) + DAY_SECONDS) % DAY_SECONDS,
      timeOfDayStd: this.count > 1 ? Math.sqrt(this.m2 / (this.count - 1)) : NaN,
    };
  }
}

/** The stats of each period (in `PERIODS` order) of one event type's times. */
function periodStats(times: readonly number[], last: number): PeriodStats[] {
  const accumulators = PERIODS.map(() => new Accumulator());
  for (const time of times) {
    const elapsed = last - time;
    const day = Math.floor(elapsed / DAY_SECONDS);
    if (day < 7) {
      accumulators[day].add(time);
    }
    const week = Math.floor(elapsed / (7 * DAY_SECONDS));
    if (week < 3) {
      accumulators[7 + week].add(time);
    }
    const month = Math.floor(elapsed / (28 * DAY_SECONDS));
    if (month < 2) {
      accumulators[10 + month].add(time);
    }
  }
  return accumulators.map((accumulator) => accumulator.stats());
}

/** The CSV line (without newline) of a row, columns in `PLAYER_DATA_COLUMNS` order. */
export function formatPlayerRow(row: PlayerFeatures): string {
  const { begin, end } = row.periods;
  let line = `${row.playerId},${row.cohortId},${row.cohortDayOfWeek},${row.playerType},${formatNumber(row.playerLifetime)},${row.sessionCount},${row.playerChurn ? 'True' : 'False'}`;
  for (let p = 0; p < PERIODS.length; p++) {
    line += `,${begin[p].count},${end[p].count}`;
  }
  for (let p = 0; p < PERIODS.length; p++) {
    line += `,${formatNumber(begin[p].timeOfDayMean)},${formatNumber(end[p].timeOfDayMean)}`;
  }
  for (let p = 0; p < PERIODS.length; p++) {
    line += `,${formatNumber(begin[p].timeOfDayStd)},${formatNumber(end[p].timeOfDayStd)}`;
  }
  return line;
}

/**
 * A non-negative number rounded to milliseconds (half up), without trailing zeros: `12.5`, `3`,
 * `0.042`. NaN (a missing value) is an empty field.
 */
export function formatNumber(value: number): string {
  if (value === 0) {
    return '0';
  }
  if (Number.isNaN(value)) {
    return '';
  }
  const millis = Math.round(value * 1000);
  const whole = Math.floor(millis / 1000);
  let fraction = millis - whole * 1000;
  if (fraction === 0) {
    return String(whole);
  }
  let digits = 3;
  while (fraction % 10 === 0) {
    fraction /= 10;
    digits--;
  }
  return `${whole}.${String(fraction).padStart(digits, '0')}`;
}
