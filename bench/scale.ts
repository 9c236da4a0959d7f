/**
 * The scale benchmark's shared names: how many endpoint stacks each synth has, and the CDK
 * context key that tells bench/scale-app.ts the count.
 */

/** The stack counts synthesized (1, 5 and 20 model variants). */
export const SCALE_SIZES = [1, 5, 20] as const;

/** CDK context key: how many endpoint stacks the scale app synthesizes. */
export const SCALE_CONTEXT = 'bench:endpoint-stacks';

/** The most stacks the scale app accepts. */
export const MAX_SCALE_STACKS = 100;

/** The project name of the i-th variant (1-based) of a project. */
export function variantProjectName(projectName: string, index: number): string {
  return `${projectName}-v${index}`;
}

/** Reads the stack count from a context value (string from `-c`, or a number). */
export function scaleCount(value: unknown): number {
  const count = typeof value === 'string' ? Number(value) : value;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_SCALE_STACKS) {
    throw new Error(`${SCALE_CONTEXT} must be a whole number in 1..${MAX_SCALE_STACKS}, got ${JSON.stringify(value)}`);
  }
  return count;
}
