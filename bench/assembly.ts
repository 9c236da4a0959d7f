/**
 * Reads what the estimates need from synthesized cloud assemblies (cdk.out folders): every
 * stack's template (nested stage assemblies included), the commands of the CodeBuild projects
 * the pipelines run (inline buildspecs and buildspec files), and the SageMaker pipeline
 * definitions the build steps start.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { parse as parseYaml } from 'yaml';
import { DEPLOY_STAGES, DeployStageName, ProjectResourceNames } from '../src/app-context/resource-names';
import { PathContext, PipelineAction, PipelineDefinition, Scenario, Template, buildSpecCommands, sageMakerPipelinesOf } from './critical-path';
import { ActionModel } from './pipeline-model';

/** One synthesized stack. */
export interface AssemblyStack {
  readonly stackName: string;
  readonly region: string;
  readonly template: Template;
  /** The root assembly folder, where CDK Pipelines writes buildspec files. */
  readonly rootDir: string;
}

/** Every stack of an assembly and of its nested (stage) assemblies. */
export function assemblyStacks(dir: string): AssemblyStack[] {
  if (!fs.existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`${dir} is not a synthesized cloud assembly (no manifest.json)`);
  }
  return new CloudAssembly(dir).stacksRecursively.map((stack) => ({
    stackName: stack.stackName,
    region: stack.environment.region,
    template: stack.template,
    rootDir: dir,
  }));
}

/** The commands of a CodeBuild project of a template; the buildspec inline (JSON or YAML) or a file of the assembly. */
export function projectCommands(stack: AssemblyStack, projectRef: unknown): string[] | undefined {
  const logicalId = (projectRef as { Ref?: unknown } | undefined)?.Ref;
  const project = typeof logicalId === 'string' ? stack.template.Resources?.[logicalId] : undefined;
  const spec = project?.Properties?.Source?.BuildSpec;
  if (typeof spec !== 'string') {
    return undefined;
  }
  const file = path.join(stack.rootDir, spec);
  const text = /\.ya?ml$/.test(spec) && fs.existsSync(file) ? fs.readFileSync(file, 'utf-8') : spec;
  return buildSpecCommands(parseYaml(text));
}

/**
 * The context that times the actions of the pipelines in `stack`: CloudFormation actions find
 * their stacks, and run-pipeline commands their SageMaker pipeline (by `--name`), among `all`.
 */
export function assemblyContext(stack: AssemblyStack, all: readonly AssemblyStack[], model: ActionModel, scenario: Scenario): PathContext {
  const pipelines = new Map<string, PipelineDefinition>();
  for (const other of all) {
    for (const [name, definition] of sageMakerPipelinesOf(other.template)) {
      pipelines.set(name, definition);
    }
  }
  return {
    model,
    scenario,
    commandsOf: (action: PipelineAction) => projectCommands(stack, action.configuration.ProjectName),
    stackTemplate: (stackName: string) => all.find((other) => other.stackName === stackName)?.template,
    sageMakerPipeline: (command: string) => {
      const name = /--name[ =](\S+)/.exec(command)?.[1];
      return name === undefined ? undefined : pipelines.get(name);
    },
  };
}

/** The endpoint stacks of a model-deploy assembly, by stage. */
export function endpointStacksByStage(stacks: readonly AssemblyStack[], names: ProjectResourceNames): { stage: DeployStageName; stack: AssemblyStack }[] {
  return DEPLOY_STAGES.map((stage) => {
    const stack = stacks.find((s) => s.stackName === names.endpointStack(stage));
    if (!stack) {
      throw new Error(`the assembly has no stack ${names.endpointStack(stage)} (the ${stage} endpoint)`);
    }
    return { stage, stack };
  });
}
