/** The player personas of the simulation (the `player_type` column). */
export type PlayerType = 'hardcore' | 'casual' | 'churner';

/** When a kind of session usually starts and how long it lasts. */
export interface SessionSlot {
  /** Mean start, in hours after midnight (UTC). */
  readonly startHour: number;
  /** Standard deviation of the start, in minutes. */
  readonly startSdMinutes: number;
  /** Mean duration, in minutes. */
  readonly durationMinutes: number;
  /** Standard deviation of the duration, in minutes. */
  readonly durationSdMinutes: number;
}

/** The kinds of sessions players have over a day. */
export const SESSION_SLOTS = {
  morning: { startHour: 7, startSdMinutes: 30, durationMinutes: 30, durationSdMinutes: 10 },
  noon: { startHour: 12.5, startSdMinutes: 60, durationMinutes: 40, durationSdMinutes: 15 },
  afternoon: { startHour: 17, startSdMinutes: 60, durationMinutes: 45, durationSdMinutes: 20 },
  evening: { startHour: 20.5, startSdMinutes: 90, durationMinutes: 90, durationSdMinutes: 30 },
} as const satisfies Record<string, SessionSlot>;

/** A session a persona may play on some weekday, and the chance that it does. */
export type ScheduledSlot = readonly [slot: SessionSlot, chance: number];

/** How a kind of player behaves. */
export interface Persona {
  readonly type: PlayerType;
  /** Relative share of acquired players. */
  readonly weight: number;
  /** The sessions the persona may play, per weekday, Monday first. */
  readonly week: readonly (readonly ScheduledSlot[])[];
  /**
   * How keen the player still is, by days since acquisition: `[day, factor]` knots, linear in
   * between, flat after the last. Multiplies every session chance.
   */
  readonly engagement: readonly (readonly [day: number, factor: number])[];
  /** The chance, each day, that the player starts to lose interest and then stops playing for good. */
  readonly dailyQuitChance: number;
}

const { morning, noon, afternoon, evening } = SESSION_SLOTS;

const weekday = (slots: readonly ScheduledSlot[]): readonly ScheduledSlot[] => slots;

/**
 * The three personas and their shares, as in the public player-behaviour generator the AWS game
 * analytics workshops used: few hardcore players who play most days, some casual players who play
 * on some weekdays, and many churners who play a lot at first and stop within about two weeks.
 */
export const PERSONAS: readonly Persona[] = [
  {
    type: 'hardcore',
    weight: 1,
    week: [
      weekday([[noon, 0.2], [evening, 0.7]]),
      weekday([[morning, 0.3], [noon, 0.4], [evening, 0.9]]),
      weekday([[morning, 0.3], [noon, 0.4], [evening, 0.9]]),
      weekday([[morning, 0.3], [noon, 0.4], [evening, 0.9]]),
      weekday([[morning, 0.3], [noon, 0.4], [evening, 0.9]]),
      weekday([[morning, 0.4], [afternoon, 0.7], [evening, 0.9]]),
      weekday([[afternoon, 0.8], [evening, 0.6]]),
    ],
    engagement: [[0, 0.8], [6, 1], [13, 0.85], [27, 0.7]],
    dailyQuitChance: 0.008,
  },
  {
    type: 'casual',
    weight: 2,
    week: [
      weekday([]),
      weekday([[noon, 0.35], [evening, 0.5]]),
      weekday([[noon, 0.35], [evening, 0.5]]),
      weekday([[noon, 0.35], [evening, 0.5]]),
      weekday([[noon, 0.35], [evening, 0.5]]),
      weekday([[afternoon, 0.5]]),
      weekday([[evening, 0.4]]),
    ],
    engagement: [[0, 0.8], [6, 1], [13, 0.6], [27, 0.45]],
    dailyQuitChance: 0.025,
  },
  {
    type: 'churner',
    weight: 20,
    week: [
      weekday([[evening, 0.9]]),
      weekday([[evening, 0.9]]),
      weekday([[evening, 0.9]]),
      weekday([[evening, 0.9]]),
      weekday([[evening, 0.9]]),
      weekday([[afternoon, 0.4], [evening, 0.7]]),
      weekday([[evening, 0.9]]),
    ],
    engagement: [[0, 1], [2, 0.85], [6, 0.45], [10, 0.2], [14, 0]],
    dailyQuitChance: 0.06,
  },
];

/** The engagement factor of a persona `day` days after acquisition. */
export function engagementOn(persona: Persona, day: number): number {
  const knots = persona.engagement;
  if (day <= knots[0][0]) {
    return knots[0][1];
  }
  for (let i = 1; i < knots.length; i++) {
    const [d1, f1] = knots[i];
    if (day <= d1) {
      const [d0, f0] = knots[i - 1];
      return f0 + ((f1 - f0) * (day - d0)) / (d1 - d0);
    }
  }
  return knots[knots.length - 1][1];
}
