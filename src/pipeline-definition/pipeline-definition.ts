import { PipelineDefinitionError } from './errors';
import { Reference, RenderContext } from './expressions';
import { PARAMETER_RANGE_METADATA_PREFIX, parameterRangeEntry } from './parameter-ranges';
import { Parameter, ParameterFloat } from './parameters';
import { BRANCH_STEP_TYPES } from './steps/condition-step';
import { ProcessingStep } from './steps/processing-step';
import { Step } from './steps/step';

/** The only definition format version SageMaker has. */
export const PIPELINE_DEFINITION_VERSION = '2020-12-01';

export interface PipelineDefinitionProps {
  /**
   * The parameters every execution may set. Each parameter a step uses must be declared here.
   * @default - none
   */
  readonly parameters?: readonly Parameter[];
  /**
   * The steps. Steps of a condition's branches may be listed here or only in the branch;
   * either way the definition puts them inside the branch.
   */
  readonly steps: readonly Step[];
  /**
   * Free-form metadata kept with the definition. Keys starting `ParameterRange-` are the
   * definition's own: each Float parameter's range goes there (parameter-ranges.ts).
   * @default - none
   */
  readonly metadata?: Readonly<Record<string, string>>;
}

/** The JSON document `CreatePipeline` and `AWS::SageMaker::Pipeline` take. */
export interface PipelineDefinitionJson {
  readonly Version: typeof PIPELINE_DEFINITION_VERSION;
  readonly Metadata: Record<string, string>;
  readonly Parameters: Array<Record<string, unknown>>;
  readonly Steps: Array<Record<string, unknown>>;
}

/**
 * A SageMaker pipeline definition, checked when it is built: step and parameter names, that
 * every step, parameter and property file referred to exists, that condition branches name
 * steps of the pipeline, and that the steps have no cycle. Each problem is a
 * {@link PipelineDefinitionError} that names it.
 */
export class PipelineDefinition {
  public readonly parameters: readonly Parameter[];
  /** Every step, including those in condition branches, in an order that runs each after what it needs. */
  public readonly steps: readonly Step[];
  private readonly json: PipelineDefinitionJson;
  private readonly dependencies: ReadonlyMap<string, ReadonlySet<string>>;

  constructor(props: PipelineDefinitionProps) {
    this.parameters = props.parameters ?? [];
    const parameters = indexParameters(this.parameters);
    const { byName, topLevel, parentOf } = collectSteps(props.steps);
    const resolve = (name: string): Step => byName.get(name)!;

    const dependencies = new Map<string, Set<string>>();
    const rendered = new Map<string, Record<string, unknown>>();
    for (const step of byName.values()) {
      const refs: Reference[] = [];
      const ctx: RenderContext = { reference: (ref) => refs.push(ref) };
      rendered.set(step.name, step.render(ctx, resolve));
      const needs = new Set<string>();
      // A step in a branch runs after its condition step. A condition step renders its branches
      // without collecting their references (each branch step's are checked as its own below), so
      // what it refers to is its conditions' only; one that reads a step of its own branches is a cycle.
      const parent = parentOf.get(step.name);
      if (parent !== undefined) {
        needs.add(parent);
      }
      for (const name of step.dependsOnNames) {
        if (!byName.has(name)) {
          throw new PipelineDefinitionError(`step ${step.name} depends on step ${JSON.stringify(name)}, which is not in the pipeline; steps: ${[...byName.keys()].join(', ')}`);
        }
        needs.add(name);
      }
      for (const ref of refs) {
        const target = checkReference(step, ref, byName, parameters);
        if (target !== undefined) {
          needs.add(target);
        }
      }
      if (needs.has(step.name)) {
        throw new PipelineDefinitionError(`step ${step.name} refers to itself: a step cannot use its own properties or depend on itself`);
      }
      dependencies.set(step.name, needs);
    }
    this.dependencies = dependencies;
    this.steps = topologicalOrder(byName, dependencies);
    const reserved = Object.keys(props.metadata ?? {}).filter((key) => key.startsWith(PARAMETER_RANGE_METADATA_PREFIX));
    if (reserved.length > 0) {
      throw new PipelineDefinitionError(`metadata ${reserved.join(', ')}: keys starting ${PARAMETER_RANGE_METADATA_PREFIX} hold the Float parameters' ranges`);
    }
    const ranges = this.parameters.flatMap((p) => (p instanceof ParameterFloat && p.range !== undefined ? [parameterRangeEntry(p.name, p.range)] : []));
    this.json = {
      Version: PIPELINE_DEFINITION_VERSION,
      Metadata: { ...props.metadata, ...Object.fromEntries(ranges) },
      Parameters: this.parameters.map((p) => p.declaration()),
      Steps: topLevel.map((s) => rendered.get(s.name)!),
    };
  }

  /** The step of a name. */
  public step(name: string): Step {
    const step = this.steps.find((s) => s.name === name);
    if (step === undefined) {
      throw new PipelineDefinitionError(`the pipeline has no step named ${JSON.stringify(name)}; steps: ${this.steps.map((s) => s.name).join(', ')}`);
    }
    return step;
  }

  /** Names of the steps a step waits for: its explicit `DependsOn`, the steps it reads from, its condition step. */
  public dependenciesOf(name: string): string[] {
    return [...(this.dependencies.get(this.step(name).name) ?? [])].sort();
  }

  /** The definition document. */
  public toJSON(): PipelineDefinitionJson {
    return JSON.parse(JSON.stringify(this.json));
  }

  /** The definition as the JSON string SageMaker takes. */
  public toString(): string {
    return JSON.stringify(this.json);
  }
}

function indexParameters(parameters: readonly Parameter[]): Map<string, Parameter> {
  const byName = new Map<string, Parameter>();
  for (const parameter of parameters) {
    if (byName.has(parameter.name)) {
      throw new PipelineDefinitionError(`two parameters are named ${parameter.name}; parameter names must be unique`);
    }
    byName.set(parameter.name, parameter);
  }
  return byName;
}

interface CollectedSteps {
  readonly byName: Map<string, Step>;
  readonly topLevel: Step[];
  readonly parentOf: Map<string, string>;
}

/** Every step by name (top level and nested in branches), which are top level, and each nested step's condition. */
function collectSteps(steps: readonly Step[]): CollectedSteps {
  if (!Array.isArray(steps) || steps.length === 0) {
    throw new PipelineDefinitionError('a pipeline needs at least one step');
  }
  const byName = new Map<string, Step>();
  const add = (step: Step) => {
    const existing = byName.get(step.name);
    if (existing !== undefined && existing !== step) {
      throw new PipelineDefinitionError(`two steps are named ${step.name}; step names must be unique in a pipeline`);
    }
    byName.set(step.name, step);
    for (const nested of step.nestedSteps) {
      if (typeof nested !== 'string') {
        add(nested);
      }
    }
  };
  const listed = new Set<Step>();
  for (const step of steps) {
    if (listed.has(step)) {
      throw new PipelineDefinitionError(`step ${step.name} is listed twice`);
    }
    listed.add(step);
    add(step);
  }

  const parentOf = new Map<string, string>();
  for (const step of byName.values()) {
    for (const nested of step.nestedSteps) {
      const name = typeof nested === 'string' ? nested : nested.name;
      const child = byName.get(name);
      if (child === undefined) {
        throw new PipelineDefinitionError(
          `condition step ${step.name} names step ${JSON.stringify(name)} in a branch, but the pipeline has no such step; steps: ${[...byName.keys()].join(', ')}`,
        );
      }
      if (!BRANCH_STEP_TYPES.includes(child.type)) {
        throw new PipelineDefinitionError(
          `condition step ${step.name}: step ${name} is a ${child.type} step, which cannot be in a condition branch; allowed there: ${BRANCH_STEP_TYPES.join(', ')}`,
        );
      }
      const other = parentOf.get(name);
      if (other !== undefined) {
        throw new PipelineDefinitionError(
          `step ${name} is in a branch of condition step ${other} and of ${other === step.name ? 'both its branches' : `condition step ${step.name}`}; a step can be in one branch only`,
        );
      }
      parentOf.set(name, step.name);
    }
  }
  const topLevel = [...byName.values()].filter((s) => !parentOf.has(s.name));
  return { byName, topLevel, parentOf };
}

/** Checks one reference of `step`; returns the name of the step it makes `step` wait for. */
function checkReference(step: Step, ref: Reference, steps: Map<string, Step>, parameters: Map<string, Parameter>): string | undefined {
  switch (ref.kind) {
    case 'parameter': {
      const declared = parameters.get(ref.name);
      if (declared === undefined) {
        const known = [...parameters.keys()];
        throw new PipelineDefinitionError(
          `step ${step.name} uses parameter ${ref.name}, which the pipeline does not declare; declared: ${known.length > 0 ? known.join(', ') : 'none'}`,
        );
      }
      if (declared.parameterType !== ref.type) {
        throw new PipelineDefinitionError(
          `step ${step.name} uses parameter ${ref.name} as ${ref.type}, but the pipeline declares it as ${declared.parameterType}`,
        );
      }
      return undefined;
    }
    case 'step':
      if (!steps.has(ref.stepName)) {
        throw new PipelineDefinitionError(
          `step ${step.name} refers to a property of step ${JSON.stringify(ref.stepName)}, which is not in the pipeline; steps: ${[...steps.keys()].join(', ')}`,
        );
      }
      return ref.stepName;
    case 'propertyFile': {
      const owner = steps.get(ref.stepName);
      if (owner === undefined) {
        throw new PipelineDefinitionError(
          `step ${step.name} reads property file ${ref.propertyFileName} of step ${JSON.stringify(ref.stepName)}, which is not in the pipeline`,
        );
      }
      const files = owner instanceof ProcessingStep ? owner.propertyFiles.map((f) => f.name) : [];
      if (!files.includes(ref.propertyFileName)) {
        throw new PipelineDefinitionError(
          `step ${step.name} reads property file ${JSON.stringify(ref.propertyFileName)} of step ${ref.stepName}, which declares ${files.length > 0 ? `only ${files.join(', ')}` : 'no property files'}`,
        );
      }
      return ref.stepName;
    }
  }
}

/** Steps in an order where each comes after what it needs; throws on a cycle, naming it. */
function topologicalOrder(steps: Map<string, Step>, needs: Map<string, Set<string>>): Step[] {
  const order: Step[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, path: string[]) => {
    const s = state.get(name);
    if (s === 'done') {
      return;
    }
    if (s === 'visiting') {
      const cycle = [...path.slice(path.indexOf(name)), name];
      throw new PipelineDefinitionError(`the steps form a cycle: ${cycle.join(' -> ')} (each needs the next to finish first)`);
    }
    state.set(name, 'visiting');
    for (const dep of [...(needs.get(name) ?? [])].sort()) {
      visit(dep, [...path, name]);
    }
    state.set(name, 'done');
    order.push(steps.get(name)!);
  };
  for (const name of steps.keys()) {
    visit(name, []);
  }
  return order;
}
