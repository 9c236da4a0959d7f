import {
  CHURN_DAYS, DAY_SECONDS, ObservationWindow, PERIODS, PLAYER_DATA_COLUMNS, PeriodStats, PlayerSessions, derivePlayerFeatures, formatNumber, formatPlayerRow,
} from '../../src/data';

const HOUR = 3600;
/** Monday 2 September 2024; 10 observed days, then the 5-day churn window. */
const WINDOW: ObservationWindow = { startMs: Date.UTC(2024, 8, 2), cutoffSeconds: 10 * DAY_SECONDS, endSeconds: (10 + CHURN_DAYS) * DAY_SECONDS };
const at = (day: number, hours: number) => day * DAY_SECONDS + hours * HOUR;

/** Four sessions in the observation window, one in the churn window. */
const PLAYER: PlayerSessions = {
  playerId: 'p1',
  playerType: 'casual',
  begins: [at(0, 10), at(0, 20), at(2, 23), at(9, 12), at(12, 20)],
  ends: [at(0, 10.5), at(0, 21), at(3, 1), at(9, 12.5), at(12, 21)],
};

const sampleSd = (values: number[]) => {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
};
const NONE: PeriodStats = { count: 0, timeOfDayMean: 0, timeOfDayStd: 0 };
const period = (stats: readonly PeriodStats[], name: string) => stats[PERIODS.indexOf(name)];

describe('PLAYER_DATA_COLUMNS', () => {
  test('is the workshop schema: 7 player columns then 72 session columns', () => {
    expect(PLAYER_DATA_COLUMNS).toHaveLength(79);
    expect(new Set(PLAYER_DATA_COLUMNS).size).toBe(79);
    expect(PLAYER_DATA_COLUMNS.slice(0, 10)).toEqual([
      'player_id', 'cohort_id', 'cohort_day_of_week', 'player_type', 'player_lifetime', 'session_count', 'player_churn',
      'begin_session_count_last_day_1', 'end_session_count_last_day_1', 'begin_session_count_last_day_2',
    ]);
    expect(PLAYER_DATA_COLUMNS[30]).toBe('end_session_count_last_month_2');
    expect(PLAYER_DATA_COLUMNS[31]).toBe('begin_session_time_of_day_mean_last_day_1');
    expect(PLAYER_DATA_COLUMNS[55]).toBe('begin_session_time_of_day_std_last_day_1');
    expect(PLAYER_DATA_COLUMNS[78]).toBe('end_session_time_of_day_std_last_month_2');
  });

  test('holds the 17 features the workshop selected', () => {
    const selected = [
      'cohort_day_of_week', 'begin_session_time_of_day_std_last_week_1', 'player_lifetime', 'begin_session_time_of_day_mean_last_day_1',
      'end_session_time_of_day_mean_last_week_1', 'begin_session_time_of_day_mean_last_week_1', 'cohort_id', 'player_type',
      'begin_session_time_of_day_std_last_day_1', 'end_session_time_of_day_mean_last_day_1', 'begin_session_time_of_day_mean_last_day_2',
      'end_session_time_of_day_std_last_week_1', 'end_session_time_of_day_std_last_day_1', 'session_count',
      'end_session_time_of_day_mean_last_day_3', 'begin_session_time_of_day_mean_last_day_3', 'end_session_time_of_day_mean_last_day_2',
    ];
    expect(PLAYER_DATA_COLUMNS).toEqual(expect.arrayContaining(selected));
  });
});

describe('derivePlayerFeatures', () => {
  const row = derivePlayerFeatures(PLAYER, WINDOW);

  test('player columns come from the events of the observation window', () => {
    expect(row).toMatchObject({
      playerId: 'p1',
      cohortId: '2024_09_02',
      cohortDayOfWeek: 0,
      playerType: 'casual',
      playerLifetime: at(9, 12.5) - at(0, 10),
      sessionCount: 4,
      playerChurn: false,
    });
  });

  test('periods count back from the last event: days of 24 hours, weeks of 7 days, months of 28 days', () => {
    const begin = row.periods.begin;
    expect(period(begin, 'day_1')).toEqual({ count: 1, timeOfDayMean: 12 * HOUR, timeOfDayStd: NaN });
    for (const name of ['day_2', 'day_3', 'day_4', 'day_5', 'day_6', 'week_3', 'month_2']) {
      expect(period(begin, name)).toEqual(NONE);
    }
    // 23:00 on day 2 is 6.6 days before the last event (12:30 on day 9).
    expect(period(begin, 'day_7')).toEqual({ count: 1, timeOfDayMean: 23 * HOUR, timeOfDayStd: NaN });
    expect(period(begin, 'week_1').count).toBe(2);
    expect(period(begin, 'week_1').timeOfDayMean).toBeCloseTo((at(9, 12) + at(2, 23)) / 2 - 6 * DAY_SECONDS, 6);
    expect(period(begin, 'week_1').timeOfDayStd).toBeCloseTo(sampleSd([at(9, 12), at(2, 23)]), 6);
    expect(period(begin, 'week_2')).toMatchObject({ count: 2, timeOfDayMean: 15 * HOUR });
    expect(period(begin, 'week_2').timeOfDayStd).toBeCloseTo(sampleSd([at(0, 10), at(0, 20)]), 6);
    expect(period(begin, 'month_1').count).toBe(4);
    expect(period(begin, 'month_1').timeOfDayStd).toBeCloseTo(sampleSd(PLAYER.begins.slice(0, 4)), 6);

    const end = row.periods.end;
    expect(period(end, 'day_1')).toEqual({ count: 1, timeOfDayMean: 12.5 * HOUR, timeOfDayStd: NaN });
    expect(period(end, 'day_7')).toEqual({ count: 1, timeOfDayMean: 1 * HOUR, timeOfDayStd: NaN });
    expect(period(end, 'week_2').count).toBe(2);
  });

  test('the time of day is the time of the mean event, across midnight too', () => {
    const night = derivePlayerFeatures({ playerId: 'p2', playerType: 'hardcore', begins: [at(1, 23), at(2, 1)], ends: [] }, WINDOW);
    expect(night).toMatchObject({ cohortId: '2024_09_03', cohortDayOfWeek: 1, sessionCount: 2, playerLifetime: 2 * HOUR });
    expect(period(night.periods.begin, 'day_1')).toMatchObject({ count: 2, timeOfDayMean: 0 });
    expect(night.periods.end.every((stats) => stats.count === 0)).toBe(true);
  });

  test('a player who begins no session in the churn window has churned', () => {
    const quiet = { ...PLAYER, begins: PLAYER.begins.slice(0, 4), ends: PLAYER.ends.slice(0, 4) };
    expect(derivePlayerFeatures(quiet, WINDOW).playerChurn).toBe(true);
    // A session that begins at the cutoff is observed, not a return; one at the very end is a return.
    expect(derivePlayerFeatures({ ...quiet, begins: [at(0, 10), WINDOW.cutoffSeconds] }, WINDOW)).toMatchObject({ sessionCount: 2, playerChurn: true });
    expect(derivePlayerFeatures({ ...quiet, begins: [at(0, 10), WINDOW.endSeconds] }, WINDOW)).toMatchObject({ sessionCount: 1, playerChurn: false });
  });

  test('a player needs a session in the observation window', () => {
    expect(() => derivePlayerFeatures({ ...PLAYER, begins: [at(11, 9)], ends: [] }, WINDOW)).toThrow('player p1 has no session in the observation window');
  });
});

describe('formatPlayerRow', () => {
  test('writes the 79 columns in order, NaN as an empty field', () => {
    const fields = formatPlayerRow(derivePlayerFeatures(PLAYER, WINDOW)).split(',');
    expect(fields).toHaveLength(79);
    const value = (column: string) => fields[PLAYER_DATA_COLUMNS.indexOf(column)];
    expect(fields.slice(0, 7)).toEqual(['p1', '2024_09_02', '0', 'casual', '786600', '4', 'False']);
    expect(value('begin_session_count_last_week_2')).toBe('2');
    expect(value('begin_session_time_of_day_mean_last_day_1')).toBe('43200');
    expect(value('begin_session_time_of_day_std_last_day_1')).toBe('');
    expect(value('begin_session_time_of_day_std_last_day_2')).toBe('0');
    expect(value('begin_session_time_of_day_std_last_week_2')).toBe('25455.844');
  });
});

describe('formatNumber', () => {
  test.each([
    [0, '0'], [3, '3'], [12.5, '12.5'], [0.0424, '0.042'], [0.0426, '0.043'], [86399.99951, '86400'], [123456.789, '123456.789'], [Number.NaN, ''],
  ])('%p is %p', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });
});
