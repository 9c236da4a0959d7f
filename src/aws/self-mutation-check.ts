import * as fs from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { CloudFormationClient, DescribeStacksCommand, GetTemplateCommand, Stack } from '@aws-sdk/client-cloudformation';

/**
 * The value of the synth step's `SELF_MUTATION` variable: the pipeline's UpdatePipeline stage runs
 * only on `needed` (a stage entry condition skips it otherwise).
 */
export type SelfMutationVerdict = 'needed' | 'not-needed';

/** A stack that CDK Pipelines' self-mutation (`cdk deploy <pipeline stack>`) deploys. */
export interface SelfMutationStack {
  /** The artifact's id in the cloud assembly. */
  readonly artifactId: string;
  readonly stackName: string;
  /** The region of the stack's environment. */
  readonly region: string;
  /** The synthesized template, parsed. */
  readonly template: unknown;
  /** The stack tags the deploy sets. */
  readonly tags: Readonly<Record<string, string>>;
  readonly terminationProtection: boolean;
}

/** Whether the self-mutation would change anything, and why. */
export interface SelfMutationCheck {
  readonly verdict: SelfMutationVerdict;
  /** One line per stack: what differs, or that it is deployed as synthesized. */
  readonly reasons: readonly string[];
}

interface ManifestArtifact {
  readonly type: string;
  readonly environment?: string;
  readonly dependencies?: readonly string[];
  readonly properties?: { readonly templateFile?: string; readonly stackName?: string; readonly tags?: Record<string, string>; readonly terminationProtection?: boolean };
}

/** CloudFormation stack statuses after which the deployed template is the one last submitted successfully. */
const SETTLED_STATUSES: ReadonlySet<string> = new Set(['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'IMPORT_COMPLETE']);

/**
 * The stacks `cdk deploy <pipelineStack>` deploys, read from a cloud assembly: the pipeline
 * stack and, transitively, the stacks it depends on (the cross-region support stacks aws-cdk-lib
 * adds), in dependency order. Asset manifests among the dependencies are not stacks: a changed
 * asset changes its hash in the template that references it.
 *
 * @throws Error when the assembly has no such stack or a stack's template or environment is missing
 */
export function selfMutationStacks(assemblyDir: string, pipelineStackId: string): SelfMutationStack[] {
  const manifestFile = path.join(assemblyDir, 'manifest.json');
  const artifacts: Record<string, ManifestArtifact> = JSON.parse(fs.readFileSync(manifestFile, 'utf8')).artifacts ?? {};
  const stacks: SelfMutationStack[] = [];
  const seen = new Set<string>();
  const visit = (id: string, dependedOnBy?: string) => {
    if (seen.has(id)) {
      return;
    }
    seen.add(id);
    const artifact = artifacts[id];
    if (artifact === undefined) {
      throw new Error(dependedOnBy === undefined
        ? `the cloud assembly ${assemblyDir} has no stack ${pipelineStackId} (its stacks: ${stackIds(artifacts).join(', ') || 'none'})`
        : `the cloud assembly ${assemblyDir} has no artifact ${id}, a dependency of ${dependedOnBy}`);
    }
    if (artifact.type !== 'aws:cloudformation:stack') {
      if (dependedOnBy === undefined) {
        throw new Error(`${pipelineStackId} in ${manifestFile} is a ${artifact.type}, not a stack`);
      }
      return;
    }
    for (const dependency of artifact.dependencies ?? []) {
      visit(dependency, id);
    }
    stacks.push(stackOf(assemblyDir, id, artifact));
  };
  visit(pipelineStackId);
  return stacks;
}

/**
 * Every stack of a cloud assembly, not of the assemblies nested in it: for a CDK Pipelines stage,
 * pass the assembly nested for that stage (two stages may deploy one stack name).
 *
 * @throws Error when the assembly has no stack, or a stack's template or environment is missing
 */
export function assemblyStacks(assemblyDir: string): SelfMutationStack[] {
  const artifacts: Record<string, ManifestArtifact> = JSON.parse(fs.readFileSync(path.join(assemblyDir, 'manifest.json'), 'utf8')).artifacts ?? {};
  const stacks = Object.entries(artifacts).filter(([, artifact]) => artifact.type === 'aws:cloudformation:stack').map(([id, artifact]) => stackOf(assemblyDir, id, artifact));
  if (stacks.length === 0) {
    throw new Error(`the cloud assembly ${assemblyDir} has no stack`);
  }
  return stacks;
}

function stackIds(artifacts: Record<string, ManifestArtifact>): string[] {
  return Object.entries(artifacts).filter(([, a]) => a.type === 'aws:cloudformation:stack').map(([id]) => id);
}

function stackOf(assemblyDir: string, id: string, artifact: ManifestArtifact): SelfMutationStack {
  const region = /^aws:\/\/[^/]+\/([a-z0-9-]+)$/.exec(artifact.environment ?? '')?.[1];
  if (region === undefined || region === 'unknown-region') {
    throw new Error(`stack ${id} has no region in its environment (${artifact.environment ?? 'none'}): the pipeline's stacks must name their region`);
  }
  const templateFile = artifact.properties?.templateFile;
  if (templateFile === undefined) {
    throw new Error(`stack ${id} names no template file in the cloud assembly`);
  }
  return {
    artifactId: id,
    stackName: artifact.properties?.stackName ?? id,
    region,
    template: JSON.parse(fs.readFileSync(path.join(assemblyDir, templateFile), 'utf8')),
    tags: artifact.properties?.tags ?? {},
    terminationProtection: artifact.properties?.terminationProtection ?? false,
  };
}

/**
 * Whether the self-mutation would change the deployed pipeline: `not-needed` only when every
 * stack it deploys exists in a settled state (created or updated, not rolled back, nothing in
 * progress) with exactly the synthesized template (GetTemplate's `Original` stage: the template as
 * submitted, "GetTemplate", AWS CloudFormation API Reference), the same stack tags and the same
 * termination protection. Any failure to tell (a missing stack, a call that fails, a body that is
 * not JSON) answers `needed`: running the self-mutation without need costs minutes, skipping it
 * wrongly would leave the pipeline behind its repository.
 */
export async function checkSelfMutation(stacks: readonly SelfMutationStack[], cloudFormationIn: (region: string) => Promise<CloudFormationClient>): Promise<SelfMutationCheck> {
  const reasons: string[] = [];
  let needed = false;
  for (const stack of stacks) {
    const difference = await deployedDifference(stack, await cloudFormationIn(stack.region));
    needed ||= difference !== undefined;
    reasons.push(`${stack.stackName} (${stack.region}): ${difference ?? 'deployed as synthesized'}`);
  }
  return { verdict: needed ? 'needed' : 'not-needed', reasons };
}

/**
 * What differs between a stack as synthesized and as deployed, or undefined when it is deployed
 * exactly as synthesized, in a settled state (see `checkSelfMutation`); a failure to tell is a
 * difference.
 */
export async function deployedDifference(stack: SelfMutationStack, cloudFormation: CloudFormationClient): Promise<string | undefined> {
  let deployed: Stack | undefined;
  let body: string | undefined;
  try {
    deployed = (await cloudFormation.send(new DescribeStacksCommand({ StackName: stack.stackName }))).Stacks?.[0];
    if (deployed === undefined) {
      return 'not deployed';
    }
    if (!SETTLED_STATUSES.has(String(deployed.StackStatus))) {
      return `status ${deployed.StackStatus}`;
    }
    body = (await cloudFormation.send(new GetTemplateCommand({ StackName: stack.stackName, TemplateStage: 'Original' }))).TemplateBody;
  } catch (err) {
    const { name, message } = err as Error;
    return `could not be read (${name}: ${message})`;
  }
  let template: unknown;
  try {
    template = JSON.parse(body ?? '');
  } catch {
    return 'its deployed template is not JSON';
  }
  if (!isDeepStrictEqual(template, stack.template)) {
    return 'template differs';
  }
  const tags = Object.fromEntries((deployed.Tags ?? []).map((tag) => [tag.Key, tag.Value]));
  if (!isDeepStrictEqual(tags, stack.tags)) {
    return 'stack tags differ';
  }
  if ((deployed.EnableTerminationProtection ?? false) !== stack.terminationProtection) {
    return 'termination protection differs';
  }
  return undefined;
}
