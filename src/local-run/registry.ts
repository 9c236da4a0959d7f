import * as fs from 'node:fs';
import * as path from 'node:path';
import { MODEL_APPROVAL_STATUSES, ModelApprovalStatus } from '../pipeline-definition';
import { customerMetadataProblem, resolvedText } from '../pipeline-definition/steps/request-limits';
import { LocalRunError } from './errors';
import { EvaluationScope, evaluateExpressions } from './evaluator';
import { LocalModelVersion } from './model-version';
import { StepContext, StepJson, StepRun } from './step-json';

export type { LocalModelVersion } from './model-version';

/** The account ARNs of a local run name (no AWS account is involved). */
export const LOCAL_ACCOUNT = '000000000000';

/** The format version of the local registry file. */
export const LOCAL_REGISTRY_VERSION = 1;

/** The local registry file: each model package group's versions, oldest first. */
export interface LocalRegistryFile {
  readonly registryVersion: typeof LOCAL_REGISTRY_VERSION;
  readonly modelPackageGroups: Readonly<Record<string, readonly LocalModelVersion[]>>;
}

/**
 * Reads the local registry file; a file that does not exist is an empty registry.
 *
 * @throws LocalRunError when the file cannot be read or is not a registry file
 */
export function readLocalRegistry(file: string): LocalRegistryFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf-8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      return { registryVersion: LOCAL_REGISTRY_VERSION, modelPackageGroups: {} };
    }
    throw new LocalRunError(`cannot read the local model registry ${file}: ${(err as Error).message}`);
  }
  let data: Partial<LocalRegistryFile>;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new LocalRunError(`the local model registry ${file} is not JSON (${(err as Error).message}): fix it or remove it to start a new one`);
  }
  if (data?.registryVersion !== LOCAL_REGISTRY_VERSION || typeof data.modelPackageGroups !== 'object' || data.modelPackageGroups === null) {
    throw new LocalRunError(
      `${file} is not a local model registry of version ${LOCAL_REGISTRY_VERSION} (registryVersion and modelPackageGroups): fix it or remove it to start a new one`,
    );
  }
  return data as LocalRegistryFile;
}

/**
 * Adds a version to a model package group of the local registry file (created when missing)
 * and returns it. The file is replaced at once (written to a temporary file, then renamed).
 */
export function addLocalModelVersion(
  file: string,
  region: string,
  entry: Omit<LocalModelVersion, 'version' | 'modelPackageArn' | 'createdAt'>,
  now: Date = new Date(),
): LocalModelVersion {
  const registry = readLocalRegistry(file);
  const { modelPackageGroupName: group, ...rest } = entry;
  const versions = registry.modelPackageGroups[group] ?? [];
  const version = versions.reduce((max, v) => Math.max(max, v.version), 0) + 1;
  const added: LocalModelVersion = {
    modelPackageGroupName: group,
    version,
    modelPackageArn: `arn:aws:sagemaker:${region}:${LOCAL_ACCOUNT}:model-package/${group.toLowerCase()}/${version}`,
    createdAt: now.toISOString(),
    ...rest,
  };
  const updated: LocalRegistryFile = {
    registryVersion: LOCAL_REGISTRY_VERSION,
    modelPackageGroups: { ...registry.modelPackageGroups, [group]: [...versions, added] },
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(updated, null, 2)}\n`);
  fs.renameSync(temporary, file);
  return added;
}

interface RegisterModelArguments {
  readonly ModelPackageGroupName?: unknown;
  readonly ModelPackageDescription?: unknown;
  readonly ModelApprovalStatus?: unknown;
  readonly InferenceSpecification?: { readonly Containers?: ReadonlyArray<{ readonly Image?: unknown; readonly ModelDataUrl?: unknown }> };
  readonly ModelMetrics?: unknown;
  readonly CustomerMetadataProperties?: Readonly<Record<string, unknown>>;
}

/**
 * Runs a RegisterModel step: adds a version to the local registry file with the approval
 * status, model artifact, metrics and metadata the step resolves to.
 *
 * @throws LocalRunError when the group, status or model artifact is not usable
 */
export async function runRegisterModelStep(step: StepJson, scope: EvaluationScope, context: StepContext): Promise<StepRun> {
  const args = evaluateExpressions(step.Arguments ?? {}, scope) as RegisterModelArguments;
  const where = `step ${step.Name}`;
  const group = args.ModelPackageGroupName;
  if (typeof group !== 'string' || group === '') {
    throw new LocalRunError(`${where}: ModelPackageGroupName must be a string, got ${JSON.stringify(group)}`);
  }
  const status = args.ModelApprovalStatus ?? 'PendingManualApproval';
  if (!(MODEL_APPROVAL_STATUSES as readonly unknown[]).includes(status)) {
    throw new LocalRunError(`${where}: approval status must be one of ${MODEL_APPROVAL_STATUSES.join(', ')}, got ${JSON.stringify(status)}`);
  }
  const container = args.InferenceSpecification?.Containers?.[0];
  const modelDataUrl = container?.ModelDataUrl;
  if (typeof modelDataUrl !== 'string') {
    throw new LocalRunError(`${where}: the inference container needs a ModelDataUrl, got ${JSON.stringify(modelDataUrl)}`);
  }
  const modelDataPath = context.storage.localPath(modelDataUrl);
  if (!fs.existsSync(modelDataPath)) {
    throw new LocalRunError(`${where}: the model artifact ${modelDataUrl} does not exist (${modelDataPath})`);
  }
  const customerMetadata = checkCustomerMetadata(args.CustomerMetadataProperties ?? {}, where);
  const version = addLocalModelVersion(context.registryFile, context.region, {
    modelPackageGroupName: group,
    approvalStatus: status as ModelApprovalStatus,
    pipelineName: context.pipelineName,
    executionId: context.executionId,
    description: typeof args.ModelPackageDescription === 'string' ? args.ModelPackageDescription : undefined,
    image: typeof container?.Image === 'string' ? container.Image : undefined,
    modelDataUrl,
    modelDataPath,
    modelMetrics: args.ModelMetrics === undefined ? undefined : withLocalPaths(args.ModelMetrics, context),
    customerMetadata,
    inferenceSpecification: args.InferenceSpecification,
  });
  return {
    properties: {
      ...args,
      ModelApprovalStatus: status,
      ModelPackageArn: version.modelPackageArn,
      ModelPackageVersion: version.version,
      ModelPackageGroupName: group,
    },
    registeredVersion: version,
  };
}

/** The tree with `LocalPath` next to each `S3Uri` the local run stands in for. */
function withLocalPaths(tree: unknown, context: StepContext): unknown {
  if (Array.isArray(tree)) {
    return tree.map((item) => withLocalPaths(item, context));
  }
  if (typeof tree !== 'object' || tree === null) {
    return tree;
  }
  const entries = Object.entries(tree).map(([key, value]) => [key, withLocalPaths(value, context)] as const);
  const uri = (tree as { S3Uri?: unknown }).S3Uri;
  if (typeof uri === 'string') {
    try {
      return { ...Object.fromEntries(entries), LocalPath: context.storage.localPath(uri) };
    } catch {
      // A document outside the stand-in buckets has no local copy.
    }
  }
  return Object.fromEntries(entries);
}

/**
 * The step's CustomerMetadataProperties as strings, refused as SageMaker refuses them (SageMaker API
 * Reference, CreateModelPackage: at most 50 entries; keys 1..128 and values 1..256 characters of letters,
 * spaces, digits and `_.:/=+-@`): a value that resolves empty fails Register in the cloud, so it fails here.
 *
 * @throws LocalRunError naming the entry and the rule
 */
function checkCustomerMetadata(properties: Readonly<Record<string, unknown>>, where: string): Record<string, string> {
  const problem = customerMetadataProblem(properties, 'CustomerMetadataProperties', resolvedText, 'resolved to');
  if (problem !== undefined) {
    throw new LocalRunError(`${where}: ${problem}`);
  }
  return Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, String(value)]));
}
