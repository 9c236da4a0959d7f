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

/** cron(minutes hours day-of-month month day-of-week year), one of the two day fields `?`. */
function checkCron(option: string, value: string): void {
  const fields = value.slice(5, -1).trim().split(/\s+/);
  const field = /^[0-9A-Za-z*?,\-/#L]+$/;
  if (fields.length !== 6 || !fields.every((f) => field.test(f))) {
    throw new ConfigError(`${option} ${JSON.stringify(value)} is not a valid cron expression: it needs 6 fields (minutes hours day-of-month month day-of-week year), such as cron(0 3 * * ? *)`);
  }
  if ((fields[2] === '?') === (fields[4] === '?')) {
    throw new ConfigError(`${option} ${JSON.stringify(value)} is not a valid cron expression: exactly one of day-of-month (3rd field) and day-of-week (5th field) must be '?'`);
  }
}
