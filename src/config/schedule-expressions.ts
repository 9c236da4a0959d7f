import { ConfigError } from './errors';

const RATE = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/;

/** Checks an EventBridge Scheduler recurring expression: `rate(value unit)` or `cron(6 fields)`. */
export function checkScheduleExpression(option: string, value: string): void {
  const allowed = 'an EventBridge Scheduler expression such as rate(1 day), rate(12 hours) or cron(0 3 * * ? *)';
  if (typeof value !== 'string') {
    throw new ConfigError(`${option} must be ${allowed}, got ${JSON.stringify(value)}`);
  }
  const rate = RATE.exec(value);
  if (rate) {
    const amount = Number(rate[1]);
    const singular = !rate[2].endsWith('s');
    if (amount < 1 || (amount === 1) !== singular) {
      throw new ConfigError(`${option} ${JSON.stringify(value)} is not a valid rate: the value must be >= 1, with a singular unit for 1 (rate(1 day)) and a plural one otherwise (rate(2 days))`);
    }
    return;
  }
  if (value.startsWith('cron(') && value.endsWith(')')) {
    checkCron(option, value);
    return;
  }
  throw new ConfigError(`${option} must be ${allowed}, got ${JSON.stringify(value)}`);
}

/**
 * The fields of an EventBridge Scheduler cron expression, in order, with the values and wildcards
 * each takes (EventBridge Scheduler User Guide, "Schedule types on EventBridge Scheduler", cron-based
 * schedules; the same table as the EventBridge User Guide's "Cron expressions reference").
 */
const CRON_FIELDS: readonly CronField[] = [
  { name: 'minutes', min: 0, max: 59, wildcards: ',-*/' },
  { name: 'hours', min: 0, max: 23, wildcards: ',-*/' },
  { name: 'day-of-month', min: 1, max: 31, wildcards: ',-*?/LW' },
  { name: 'month', min: 1, max: 12, wildcards: ',-*/', names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] },
  { name: 'day-of-week', min: 1, max: 7, wildcards: ',-*?L#', names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
  { name: 'year', min: 1970, max: 2199, wildcards: ',-*/' },
];

interface CronField {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  /** The wildcard characters the field takes besides its values. */
  readonly wildcards: string;
  /** Names that stand for the values min.. in order. */
  readonly names?: readonly string[];
}

/** cron(minutes hours day-of-month month day-of-week year), one of the two day fields `?`. */
function checkCron(option: string, value: string): void {
  const fields = value.slice(5, -1).trim().split(/\s+/);
  if (fields.length !== 6) {
    throw new ConfigError(`${option} ${JSON.stringify(value)} is not a valid cron expression: it needs 6 fields (minutes hours day-of-month month day-of-week year), such as cron(0 3 * * ? *)`);
  }
  fields.forEach((text, index) => {
    const spec = CRON_FIELDS[index];
    if (!cronFieldValid(spec, text)) {
      const values = spec.names ? `${spec.min}-${spec.max} or ${spec.names[0]}-${spec.names[spec.names.length - 1]}` : `${spec.min}-${spec.max}`;
      throw new ConfigError(`${option} ${JSON.stringify(value)} is not a valid cron expression: its ${spec.name} field ${JSON.stringify(text)} is not one EventBridge Scheduler takes (values ${values}, wildcards ${[...spec.wildcards].join(' ')}${spec.wildcards.includes('#') ? '; # only in a single expression such as 3#2' : ''})`);
    }
  });
  if ((fields[2] === '?') === (fields[4] === '?')) {
    throw new ConfigError(`${option} ${JSON.stringify(value)} is not a valid cron expression: exactly one of day-of-month (3rd field) and day-of-week (5th field) must be '?'`);
  }
}

/** Whether one field of a cron expression is a comma-separated list of items the field takes. */
function cronFieldValid(spec: CronField, text: string): boolean {
  const takes = (wildcard: string) => spec.wildcards.includes(wildcard);
  if (text === '?') {
    return takes('?');
  }
  // "If you use the '#' character, you can define only one expression in the day-of-week field."
  if (text.includes('#') && text.includes(',')) {
    return false;
  }
  return text.split(',').every((item) => {
    const [range, step, ...rest] = item.split('/');
    if (rest.length > 0 || (step !== undefined && (!takes('/') || !/^[0-9]+$/.test(step) || Number(step) < 1))) {
      return false;
    }
    if (range === '*') {
      return true;
    }
    const bounds = range.split('-');
    if (step === undefined) {
      if (takes('W') && (range === 'L' || range === 'LW' || /^L-[0-9]+$/.test(range) && Number(range.slice(2)) < spec.max)) {
        return true;
      }
      if (takes('W') && range.endsWith('W') && !range.includes('-')) {
        return cronValue(spec, range.slice(0, -1)) !== undefined;
      }
      if (takes('#') && /^[^#]+#[1-5]$/.test(range)) {
        return cronValue(spec, range.split('#')[0]) !== undefined;
      }
      if (takes('L') && !takes('W') && range.endsWith('L') && !range.includes('-')) {
        return range === 'L' || cronValue(spec, range.slice(0, -1)) !== undefined;
      }
    }
    if (bounds.length > 2 || (bounds.length === 2 && !takes('-'))) {
      return false;
    }
    return bounds.every((bound) => cronValue(spec, bound) !== undefined);
  });
}

/** The number a cron value stands for, when it is within the field's values. */
function cronValue(spec: CronField, text: string): number | undefined {
  const named = spec.names?.indexOf(text.toUpperCase()) ?? -1;
  const number = named >= 0 ? spec.min + named : /^[0-9]+$/.test(text) ? Number(text) : NaN;
  return number >= spec.min && number <= spec.max ? number : undefined;
}
