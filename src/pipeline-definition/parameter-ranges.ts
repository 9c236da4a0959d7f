/**
 * A Float parameter's range, kept in the definition's top-level `Metadata` (a map of strings: keys
 * of 1 to 128 letters, digits, `-` and `_`, values of at most 1024 characters, in the pipeline
 * definition schema). SageMaker takes any number for a Float parameter and checks no range, so the
 * definition carries it for the tools that start executions: `run-pipeline --parameter` reads it
 * back from DescribePipeline and refuses a value outside it before StartPipelineExecution. No
 * import here, so the CLI loads this file alone.
 */

/** The prefix of a range's metadata key; the parameter's name (1 to 64 characters) follows it. */
export const PARAMETER_RANGE_METADATA_PREFIX = 'ParameterRange-';

/** The metadata entry of a parameter's range: `ParameterRange-<name>` → `[min,max]` (JSON). */
export function parameterRangeEntry(name: string, range: readonly [number, number]): [string, string] {
  return [`${PARAMETER_RANGE_METADATA_PREFIX}${name}`, JSON.stringify([range[0], range[1]])];
}

/** The ranges a definition's `Metadata` declares, by parameter name; entries that do not read as a range are left out. */
export function parameterRangesOf(metadata: unknown): Map<string, readonly [number, number]> {
  const ranges = new Map<string, readonly [number, number]>();
  if (typeof metadata !== 'object' || metadata === null) {
    return ranges;
  }
  for (const [key, value] of Object.entries(metadata)) {
    if (!key.startsWith(PARAMETER_RANGE_METADATA_PREFIX) || typeof value !== 'string') {
      continue;
    }
    let range: unknown;
    try {
      range = JSON.parse(value);
    } catch {
      continue;
    }
    if (Array.isArray(range) && range.length === 2 && range.every((n) => typeof n === 'number' && Number.isFinite(n)) && range[0] <= range[1]) {
      ranges.set(key.slice(PARAMETER_RANGE_METADATA_PREFIX.length), [range[0], range[1]]);
    }
  }
  return ranges;
}
