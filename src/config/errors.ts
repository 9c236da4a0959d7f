/**
 * A project option (or a value in a generated config file) that is not allowed.
 * The message names the option, the value and what is allowed.
 */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}
