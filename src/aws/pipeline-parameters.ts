import { DescribePipelineCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { parameterRangesOf } from '../pipeline-definition/parameter-ranges';
import { CliError, UsageError, isNotFound } from './errors';

/** A parameter as the pipeline definition declares it. */
export interface DeclaredParameter {
  readonly name: string;
  /** `String`, `Integer`, `Float` or `Boolean`. */
  readonly type: string;
  readonly defaultValue?: unknown;
  /** A String parameter's allowed values, when it declares them. */
  readonly enumValues?: readonly string[];
  /** A Float parameter's smallest and largest value, when the definition's Metadata keeps one (parameter-ranges.ts). */
  readonly range?: readonly [number, number];
}

/**
 * The parameters a pipeline's definition declares (DescribePipeline's `PipelineDefinition`, its
 * `Parameters[]` of `Name`, `Type`, `DefaultValue` and a String's `EnumValues`), with the Float
 * parameters' ranges its `Metadata` keeps.
 *
 * @throws CliError naming the pipeline and region when it does not exist, or when its definition is not JSON
 */
export async function pipelineParameters(client: SageMakerClient, pipelineName: string): Promise<DeclaredParameter[]> {
  let definition: string | undefined;
  try {
    definition = (await client.send(new DescribePipelineCommand({ PipelineName: pipelineName }))).PipelineDefinition;
  } catch (err) {
    if (isNotFound(err)) {
      throw new CliError(`pipeline ${pipelineName} not found in region ${await client.config.region()}: ${(err as Error).message}`);
    }
    throw err;
  }
  let parsed: { Metadata?: unknown; Parameters?: Array<{ Name?: unknown; Type?: unknown; DefaultValue?: unknown; EnumValues?: unknown }> };
  try {
    parsed = JSON.parse(definition ?? '{}');
  } catch (err) {
    throw new CliError(`pipeline ${pipelineName}: its definition is not JSON (${(err as Error).message}), so its parameters cannot be checked`);
  }
  const ranges = parameterRangesOf(parsed.Metadata);
  return (parsed.Parameters ?? []).flatMap((p) => (typeof p.Name === 'string' ? [{
    name: p.Name,
    type: typeof p.Type === 'string' ? p.Type : 'String',
    ...(p.DefaultValue !== undefined ? { defaultValue: p.DefaultValue } : {}),
    ...(Array.isArray(p.EnumValues) ? { enumValues: p.EnumValues.map(String) } : {}),
    ...(p.Type === 'Float' && ranges.has(p.Name) ? { range: ranges.get(p.Name)! } : {}),
  }] : []));
}

/** How each type's value must read (SageMaker Pipelines: ParameterInteger, ParameterFloat, ParameterBoolean). */
const VALUE_RULES: ReadonlyMap<string, { readonly pattern: RegExp; readonly what: string }> = new Map([
  ['Integer', { pattern: /^[+-]?\d+$/, what: 'an integer, e.g. 2' }],
  ['Float', { pattern: /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/, what: 'a number, e.g. 0.75' }],
  ['Boolean', { pattern: /^(true|false)$/i, what: 'true or false' }],
]);

/**
 * Checks the values `run-pipeline --parameter` sets against the declared parameters: every name
 * must be declared, and an Integer, Float or Boolean value (or a String's allowed values, or a
 * Float's range) must fit.
 *
 * @throws CliError naming the unknown parameter and the declared ones, or the value, its parameter and what fits
 */
export function checkPipelineParameters(pipelineName: string, declared: readonly DeclaredParameter[], values: Readonly<Record<string, string>>): void {
  const byName = new Map(declared.map((p) => [p.name, p]));
  for (const [name, value] of Object.entries(values)) {
    const parameter = byName.get(name);
    if (!parameter) {
      const allowed = declared.length > 0 ? declared.map((p) => `${p.name} (${p.type})`).join(', ') : 'none: it declares no parameters';
      throw new UsageError(`--parameter ${name}: pipeline ${pipelineName} has no parameter ${name}; its parameters: ${allowed}`);
    }
    const rule = VALUE_RULES.get(parameter.type);
    if (rule && !rule.pattern.test(value)) {
      throw new UsageError(`--parameter ${name}=${value}: ${name} is a parameter of type ${parameter.type} in pipeline ${pipelineName}; the value must be ${rule.what}`);
    }
    if (parameter.enumValues && !parameter.enumValues.includes(value)) {
      throw new UsageError(`--parameter ${name}=${value}: pipeline ${pipelineName} allows only ${parameter.enumValues.join(', ')} for ${name}`);
    }
    const range = parameter.range;
    if (range && (Number(value) < range[0] || Number(value) > range[1])) {
      throw new UsageError(`--parameter ${name}=${value}: pipeline ${pipelineName} takes ${name} from ${range[0]} to ${range[1]} (the range its definition declares; SageMaker would take any number)`);
    }
  }
}
