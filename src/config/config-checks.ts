import { ConfigError } from './errors';

/** Checks that `value` is a whole number in `min..max`, naming the option and what it got. */
export function checkInteger(option: string, value: unknown, min: number, max: number, why = ''): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${option} must be a whole number in ${min}..${max}${why}, got ${JSON.stringify(value)}`);
  }
}

/** Checks that `value` is a finite number in `min..max`; `allowed` says what is allowed. */
export function checkNumber(option: string, value: unknown, min: number, max: number, allowed: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new ConfigError(`${option} must be ${allowed}, got ${JSON.stringify(value)}`);
  }
}

export function checkPlainObject(option: string, value: unknown): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError(`${option} must be an object, got ${JSON.stringify(value)}`);
  }
}

export function checkKeys(option: string, value: object, allowed: readonly string[]): void {
  const unknown = Object.keys(value).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) {
    throw new ConfigError(`${option} has an unknown field ${JSON.stringify(unknown[0])}; allowed: ${allowed.join(', ')}`);
  }
}

/** Checks that `value` is a plain object whose fields are all among `allowed`. */
export function checkObject(option: string, value: unknown, allowed: readonly string[]): void {
  checkPlainObject(option, value);
  checkKeys(option, value as object, allowed);
}

/**
 * A feature that may be `false` (off), an object (on, with defaults filled in) or absent (the
 * stage's default). Unknown fields are errors; `extraKeys` are fields allowed without a default.
 */
export function feature<T extends object>(
  given: Partial<T> | false | undefined, onByDefault: boolean, defaults: Required<T>, option: string, extraKeys: readonly string[] = [],
): Required<T> | false {
  if (given === false) {
    return false;
  }
  if (given === undefined) {
    return onByDefault ? { ...defaults } : false;
  }
  checkPlainObject(option, given);
  checkKeys(option, given, [...Object.keys(defaults), ...extraKeys]);
  return { ...defaults, ...given } as Required<T>;
}
