/**
 * How much memory the pipelines' synth step has in CodeBuild, read from a synthesized cloud
 * assembly, so the bench can set an app's measured synth against it: a synth that outgrows its
 * build container is killed there, however fast it is here.
 */
import { AssemblyStack, assemblyStacks } from './assembly';

/**
 * Memory of CodeBuild's EC2 compute types, in MiB, by environment type and compute type.
 * Source: AWS CodeBuild User Guide, "Build environment compute modes and types"
 * (https://docs.aws.amazon.com/codebuild/latest/userguide/build-env-ref-compute-types.html), read
 * 2026-12-07: LINUX_CONTAINER small 3 GB, medium 7 GB, large 15 GB, xlarge 70 GB, 2xlarge 145 GB;
 * ARM_CONTAINER small 4 GB, medium 8 GB, large 16 GB, xlarge 64 GB, 2xlarge 96 GB.
 */
export const CODEBUILD_MEMORY_MB: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  LINUX_CONTAINER: {
    BUILD_GENERAL1_SMALL: 3 * 1024,
    BUILD_GENERAL1_MEDIUM: 7 * 1024,
    BUILD_GENERAL1_LARGE: 15 * 1024,
    BUILD_GENERAL1_XLARGE: 70 * 1024,
    BUILD_GENERAL1_2XLARGE: 145 * 1024,
  },
  ARM_CONTAINER: {
    BUILD_GENERAL1_SMALL: 4 * 1024,
    BUILD_GENERAL1_MEDIUM: 8 * 1024,
    BUILD_GENERAL1_LARGE: 16 * 1024,
    BUILD_GENERAL1_XLARGE: 64 * 1024,
    BUILD_GENERAL1_2XLARGE: 96 * 1024,
  },
};

/** The build container of a pipeline's synth step. */
export interface SynthEnvironment {
  /** The pipeline stack that holds the synth project. */
  readonly stackName: string;
  /** `LINUX_CONTAINER`, `ARM_CONTAINER`, ... */
  readonly type: string;
  /** `BUILD_GENERAL1_SMALL`, ... */
  readonly computeType: string;
  readonly memoryMb: number;
}

interface CodeBuildProject {
  readonly Type: string;
  readonly Properties?: { readonly Source?: { readonly BuildSpec?: unknown }; readonly Environment?: { readonly Type?: string; readonly ComputeType?: string } };
}

/**
 * The build container of the synth step of the pipeline in `assemblyDir`: the CodeBuild project
 * whose inline buildspec runs `cdk synth`.
 *
 * @throws Error when no stack has such a project, when two do, or when its compute type is not in
 *   {@link CODEBUILD_MEMORY_MB} (add it from the page cited there)
 */
export function synthEnvironment(assemblyDir: string): SynthEnvironment {
  return synthEnvironmentOf(assemblyStacks(assemblyDir), assemblyDir);
}

/** {@link synthEnvironment} of stacks already read. */
export function synthEnvironmentOf(stacks: readonly AssemblyStack[], where: string): SynthEnvironment {
  const found = stacks.flatMap((stack) => Object.values(stack.template.Resources ?? {})
    .map((resource) => resource as CodeBuildProject)
    .filter((resource) => resource.Type === 'AWS::CodeBuild::Project' && /\bcdk synth\b/.test(JSON.stringify(resource.Properties?.Source?.BuildSpec ?? '')))
    .map((project) => ({ stackName: stack.stackName, environment: project.Properties?.Environment ?? {} })));
  if (found.length !== 1) {
    throw new Error(`expected one CodeBuild project running \`cdk synth\` in ${where}, found ${found.length}`);
  }
  const [{ stackName, environment }] = found;
  const type = environment.Type ?? '(none)';
  const computeType = environment.ComputeType ?? '(none)';
  const memoryMb = CODEBUILD_MEMORY_MB[type]?.[computeType];
  if (memoryMb === undefined) {
    throw new Error(`the synth project of ${stackName} runs on ${type} ${computeType}, whose memory bench/codebuild-memory.ts does not list`);
  }
  return { stackName, type, computeType, memoryMb };
}
