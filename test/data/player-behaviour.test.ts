import { createHash } from 'node:crypto';
import {
  CHURN_DAYS, DEFAULT_START_DATE, MAX_DAYS, MAX_PLAYERS, MAX_SEED, PERSONAS, PLAYER_DATA_COLUMNS, PlayerDataOptions, PlayerDataSummary, Prng,
  engagementOn, generatePlayerData, parseStartDate, resolvePlayerDataOptions, simulatePlayer,
} from '../../src/data';

interface Generated {
  readonly text: string;
  readonly chunks: string[];
  readonly summary: PlayerDataSummary;
}

function generate(options: PlayerDataOptions): Generated {
  const chunks: string[] = [];
  const summary = generatePlayerData(options, (chunk) => chunks.push(chunk));
  return { text: chunks.join(''), chunks, summary };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Rows as objects keyed by column. */
function rows(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trimEnd().split('\n');
  const columns = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((value, i) => [columns[i], value])));
}

describe('generatePlayerData', () => {
  test('the same options give the same bytes', () => {
    const options = { players: 500, days: 18, seed: 42 };
    expect(sha256(generate(options).text)).toBe(sha256(generate(options).text));
  });

  test('another seed, another start date or another size give other bytes', () => {
    const base = sha256(generate({ players: 500, days: 18, seed: 42 }).text);
    expect(sha256(generate({ players: 500, days: 18, seed: 43 }).text)).not.toBe(base);
    expect(sha256(generate({ players: 500, days: 18, seed: 42, startDate: '2025-01-06' }).text)).not.toBe(base);
    expect(sha256(generate({ players: 500, days: 19, seed: 42 }).text)).not.toBe(base);
  });

  test('the bytes of a seed do not change from one version to the next', () => {
    // Changing the simulation changes every sample generated from a seed: regenerate the committed sample too.
    const { text, summary } = generate({ players: 300, days: 18, seed: 7 });
    expect(sha256(text)).toBe('ae12d59aca20c8fb075c2c81090bc892da63fa47c6860250c07871eb268a476d');
    expect(summary).toEqual({ rows: 300, churned: 143, playerTypes: { hardcore: 13, casual: 26, churner: 261 }, bytes: 104265 });
  });

  test('writes the header, then one complete row per player, with a summary that matches', () => {
    const { text, summary } = generate({ players: 1000, days: 18, seed: 1 });
    const lines = text.split('\n');
    expect(lines[0]).toBe(PLAYER_DATA_COLUMNS.join(','));
    expect(lines[lines.length - 1]).toBe('');
    const data = rows(text);
    expect(data).toHaveLength(1000);
    expect(lines.slice(1, -1).every((line) => line.split(',').length === 79)).toBe(true);
    expect(new Set(data.map((row) => row.player_id)).size).toBe(1000);
    expect(summary.rows).toBe(1000);
    expect(summary.bytes).toBe(text.length);
    expect(summary.churned).toBe(data.filter((row) => row.player_churn === 'True').length);
    expect(data.every((row) => row.player_churn === 'True' || row.player_churn === 'False')).toBe(true);
    for (const type of ['hardcore', 'casual', 'churner'] as const) {
      expect(summary.playerTypes[type]).toBe(data.filter((row) => row.player_type === type).length);
    }
  });

  test('players are acquired during the observation window only, in the order of their first session', () => {
    const data = rows(generate({ players: 2000, days: 12, seed: 5, startDate: '2024-09-02' }).text);
    const cohorts = data.map((row) => row.cohort_id);
    expect(cohorts).toEqual([...cohorts].sort());
    expect(new Set(cohorts)).toEqual(new Set(['2024_09_02', '2024_09_03', '2024_09_04', '2024_09_05', '2024_09_06', '2024_09_07', '2024_09_08']));
    const weekday = Object.fromEntries(data.map((row) => [row.cohort_id, row.cohort_day_of_week]));
    expect(weekday).toMatchObject({ '2024_09_02': '0', '2024_09_07': '5', '2024_09_08': '6' });
    // No lifetime reaches past the observation window (12 - 5 days) of its cohort.
    const lifetimeLimit = (row: Record<string, string>) => (7 - (Number(row.cohort_id.slice(8)) - 2)) * 86_400;
    expect(data.every((row) => Number(row.player_lifetime) < lifetimeLimit(row))).toBe(true);
  });

  test('personas come in the shares 1 : 2 : 20', () => {
    const { summary } = generate({ players: 23_000, days: 8, seed: 9 });
    expect(summary.playerTypes.hardcore / 1000).toBeCloseTo(1, 0);
    expect(summary.playerTypes.casual / 1000).toBeCloseTo(2, 0);
    expect(summary.playerTypes.churner / 1000).toBeCloseTo(20, 0);
  });

  test('churn follows behaviour: churners churn more than hardcore players, old cohorts more than new ones', () => {
    const data = rows(generate({ players: 6000, days: 25, seed: 3 }).text);
    const rate = (filter: (row: Record<string, string>) => boolean) => {
      const selected = data.filter(filter);
      return selected.filter((row) => row.player_churn === 'True').length / selected.length;
    };
    expect(rate((row) => row.player_type === 'churner')).toBeGreaterThan(rate((row) => row.player_type === 'hardcore') + 0.3);
    const cohorts = [...new Set(data.map((row) => row.cohort_id))].sort();
    const oldest = rate((row) => row.cohort_id === cohorts[0]);
    const newest = rate((row) => row.cohort_id === cohorts[cohorts.length - 1]);
    expect(oldest).toBeGreaterThan(0.7);
    expect(newest).toBeLessThan(0.35);
  });

  test('missing time-of-day standard deviations are periods with a single event', () => {
    const data = rows(generate({ players: 500, days: 18, seed: 2 }).text);
    for (const row of data) {
      for (const type of ['begin', 'end']) {
        for (const period of ['day_1', 'week_1', 'month_1']) {
          const count = row[`${type}_session_count_last_${period}`];
          const std = row[`${type}_session_time_of_day_std_last_${period}`];
          expect(std === '').toBe(count === '1');
        }
      }
    }
  });

  test('streams in chunks of about 64 KB', () => {
    const { chunks } = generate({ players: 2000, days: 18, seed: 4 });
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.slice(0, -1).every((chunk) => chunk.length >= 65_536 && chunk.length < 70_000)).toBe(true);
  });

  test('checks its options before writing anything', () => {
    const write = jest.fn();
    expect(() => generatePlayerData({ players: 0, days: 18, seed: 1 }, write)).toThrow(RangeError);
    expect(write).not.toHaveBeenCalled();
  });
});

describe('resolvePlayerDataOptions', () => {
  test('resolves the start date', () => {
    expect(resolvePlayerDataOptions({ players: 1, days: CHURN_DAYS + 1, seed: 0 })).toEqual({ players: 1, days: 6, seed: 0, startDate: DEFAULT_START_DATE });
    expect(resolvePlayerDataOptions({ players: MAX_PLAYERS, days: MAX_DAYS, seed: MAX_SEED, startDate: '2024-02-29' }).startDate).toBe('2024-02-29');
  });

  test.each([
    [{ players: 0 }, 'players must be an integer from 1 to 1000000, got 0'],
    [{ players: 2.5 }, 'players must be an integer from 1 to 1000000, got 2.5'],
    [{ players: MAX_PLAYERS + 1 }, 'players must be an integer from 1 to 1000000, got 1000001'],
    [{ days: 5 }, 'days must be an integer from 6 to 366, got 5'],
    [{ days: 367 }, 'days must be an integer from 6 to 366, got 367'],
    [{ seed: -1 }, 'seed must be an integer from 0 to 4294967295, got -1'],
    [{ seed: 2 ** 32 }, 'seed must be an integer from 0 to 4294967295, got 4294967296'],
    [{ startDate: '2023-02-29' }, 'start date must be a calendar date YYYY-MM-DD from 1970 on, got 2023-02-29'],
    [{ startDate: '2024-9-2' }, 'start date must be a calendar date YYYY-MM-DD from 1970 on, got 2024-9-2'],
    [{ startDate: '1969-12-31' }, 'start date must be a calendar date YYYY-MM-DD from 1970 on, got 1969-12-31'],
  ])('rejects %p', (bad, message) => {
    expect(() => resolvePlayerDataOptions({ players: 10, days: 18, seed: 1, ...bad })).toThrow(new RangeError(message));
  });

  test('parseStartDate gives midnight UTC', () => {
    expect(parseStartDate('2024-09-02')).toBe(Date.UTC(2024, 8, 2));
  });
});

describe('simulatePlayer', () => {
  const churner = PERSONAS.find((persona) => persona.type === 'churner')!;

  test('sessions do not overlap, end after they begin, and the first one is on the acquisition day', () => {
    const prng = new Prng(12);
    for (let i = 0; i < 200; i++) {
      const player = simulatePlayer(prng, PERSONAS[i % 3], { acquisitionDay: 2, days: 30, firstWeekday: 0 });
      expect(Math.floor(player.begins[0] / 86_400)).toBe(2);
      player.ends.forEach((end, k) => {
        expect(end).toBeGreaterThan(player.begins[k]);
        if (k + 1 < player.begins.length) {
          expect(player.begins[k + 1]).toBeGreaterThan(end);
        }
      });
      expect(player.begins.every((begin) => begin < 30 * 86_400)).toBe(true);
    }
  });

  test('churners stop playing within about two weeks', () => {
    const prng = new Prng(13);
    const lastDays = Array.from({ length: 300 }, () => {
      const player = simulatePlayer(prng, churner, { acquisitionDay: 0, days: 60, firstWeekday: 0 });
      return Math.floor(player.begins[player.begins.length - 1] / 86_400);
    });
    expect(Math.max(...lastDays)).toBeLessThanOrEqual(15);
    expect(engagementOn(churner, 14)).toBe(0);
    expect(engagementOn(churner, 1)).toBeCloseTo(0.925, 6);
  });
});
