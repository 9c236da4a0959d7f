/** Options every command accepts. */
export interface GlobalOptions {
  readonly json?: boolean;
}

/** Where commands write: injected so tests can read it. */
export interface Output {
  /** A command's result: JSON when `json`, text otherwise. */
  result(value: unknown, json?: boolean): void;
  /** A message for people (stderr). */
  info(message: string): void;
}

export const processOutput: Output = {
  result(value, json) {
    process.stdout.write(`${json ? JSON.stringify(value, null, 2) : String(value)}\n`);
  },
  info(message) {
    process.stderr.write(`${message}\n`);
  },
};
