import {
  DescribeEndpointCommand,
  DescribeEndpointCommandOutput,
  DescribeEndpointConfigCommand,
  DescribeEndpointConfigCommandOutput,
  DescribeModelCommand,
  DescribeModelCommandOutput,
  DescribeModelPackageCommand,
  DescribeModelPackageCommandOutput,
  EndpointStatus,
  ModelApprovalStatus,
  ProductionVariant,
  SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import { ifExists } from './errors';
import { parseAuc } from './model-registry';

/** How an endpoint's variant runs: serverless (memory and concurrency) or on instances. */
export type EndpointCapacity =
  | { readonly type: 'serverless'; readonly memorySizeInMb?: number; readonly maxConcurrency?: number }
  | { readonly type: 'instances'; readonly instanceType?: string; readonly instanceCount?: number };

/**
 * The model an endpoint serves. `version` is set when the model was created from a versioned
 * model package that still exists; otherwise `unknownReason` says why the version is unknown.
 */
export interface ServedModel {
  /** The SageMaker model behind the endpoint's first production variant, if the endpoint configuration names one. */
  readonly modelName?: string;
  /** The model package the model was created from, if any. */
  readonly modelPackageArn?: string;
  /** The model package's group. */
  readonly modelPackageGroupName?: string;
  /** The model package's version in its group. */
  readonly version?: number;
  /** The test AUC the model-build pipeline recorded on the package, if any. */
  readonly auc?: number;
  /** The package's approval status now (a served version may have been rejected since). */
  readonly approvalStatus?: ModelApprovalStatus;
  /** Why the version is unknown; set exactly when `version` is not. */
  readonly unknownReason?: string;
}

/** A deployed endpoint: its status and the model version it serves. */
export interface EndpointModel {
  readonly endpointName: string;
  /** `InService`, `Creating`, `Updating`, `Failed`, ...; `Unknown` when SageMaker gives none. */
  readonly status: EndpointStatus | 'Unknown';
  /** Why the endpoint failed, when SageMaker says so. */
  readonly failureReason?: string;
  /** When the endpoint last changed (ISO 8601). */
  readonly lastModifiedTime?: string;
  /** The endpoint configuration in service. */
  readonly endpointConfigName?: string;
  /** The endpoint configuration being deployed while the endpoint is creating or updating. */
  readonly pendingEndpointConfigName?: string;
  /** How the first production variant runs, when the endpoint configuration still exists. */
  readonly capacity?: EndpointCapacity;
  /** The model served by the first production variant. */
  readonly model: ServedModel;
}

/**
 * The status of an endpoint and the model version it serves: DescribeEndpoint, then the endpoint
 * configuration's first production variant, its model and the model package that model was
 * created from (for version, AUC and approval status). A configuration, model or package deleted
 * since leaves the version unknown, with the reason.
 *
 * @returns undefined when the endpoint does not exist (in the client's account and region)
 */
export async function describeEndpointModel(client: SageMakerClient, endpointName: string): Promise<EndpointModel | undefined> {
  const endpoint = await ifExists(() => client.send(new DescribeEndpointCommand({ EndpointName: endpointName })));
  if (!endpoint) {
    return undefined;
  }
  const configName = endpoint.EndpointConfigName;
  const config = configName === undefined ? undefined : await ifExists(() => client.send(new DescribeEndpointConfigCommand({ EndpointConfigName: configName })));
  const variant = config?.ProductionVariants?.[0];
  return withoutUndefined<EndpointModel>({
    endpointName: endpoint.EndpointName ?? endpointName,
    status: endpoint.EndpointStatus ?? 'Unknown',
    failureReason: endpoint.FailureReason || undefined,
    lastModifiedTime: endpoint.LastModifiedTime?.toISOString(),
    endpointConfigName: configName,
    pendingEndpointConfigName: endpoint.PendingDeploymentSummary?.EndpointConfigName,
    capacity: variant && capacityOf(variant, endpoint),
    model: await servedModel(client, configName, config, variant),
  });
}

/**
 * A served model in one line: `version 7 of churn (AUC 0.8123)`, with its approval status when it
 * is no longer `Approved`, or `version unknown: <why>`.
 */
export function formatServedModel(model: ServedModel): string {
  if (model.version === undefined) {
    return `version unknown: ${model.unknownReason ?? 'no model package'}`;
  }
  const auc = model.auc === undefined ? 'AUC not recorded' : `AUC ${model.auc.toFixed(4)}`;
  const status = model.approvalStatus === undefined || model.approvalStatus === 'Approved' ? '' : `, now ${model.approvalStatus}`;
  return `version ${model.version} of ${model.modelPackageGroupName ?? 'an unnamed group'} (${auc}${status})`;
}

/** The model of the variant, down to its package version, or the reason it cannot be known. */
async function servedModel(
  client: SageMakerClient,
  configName: string | undefined,
  config: DescribeEndpointConfigCommandOutput | undefined,
  variant: ProductionVariant | undefined,
): Promise<ServedModel> {
  if (configName === undefined) {
    return { unknownReason: 'the endpoint names no endpoint configuration' };
  }
  if (!config) {
    return { unknownReason: `endpoint configuration ${configName} no longer exists` };
  }
  const modelName = variant?.ModelName;
  if (modelName === undefined) {
    return { unknownReason: `endpoint configuration ${configName} has no production variant with a model` };
  }
  const model = await ifExists(() => client.send(new DescribeModelCommand({ ModelName: modelName })));
  if (!model) {
    return { modelName, unknownReason: `model ${modelName} no longer exists` };
  }
  const packageName = modelPackageOf(model);
  if (packageName === undefined) {
    return { modelName, unknownReason: `model ${modelName} was not created from a model package, so it has no registry version` };
  }
  const described = await ifExists(() => client.send(new DescribeModelPackageCommand({ ModelPackageName: packageName })));
  if (!described) {
    return { modelName, modelPackageArn: packageName, unknownReason: `model package ${packageName} no longer exists` };
  }
  return fromPackage(modelName, packageName, described);
}

function fromPackage(modelName: string, packageName: string, described: DescribeModelPackageCommandOutput): ServedModel {
  const modelPackageArn = described.ModelPackageArn ?? packageName;
  const version = described.ModelPackageVersion;
  return withoutUndefined({
    modelName,
    modelPackageArn,
    modelPackageGroupName: described.ModelPackageGroupName,
    version,
    auc: parseAuc(described.CustomerMetadataProperties?.auc),
    approvalStatus: described.ModelApprovalStatus,
    unknownReason: version === undefined ? `model package ${modelPackageArn} is not a version of a model package group` : undefined,
  });
}

/** The package of the primary container, else of the first container. */
export function modelPackageOf(model: DescribeModelCommandOutput): string | undefined {
  return model.PrimaryContainer?.ModelPackageName || model.Containers?.[0]?.ModelPackageName || undefined;
}

/** The variant's capacity, preferring what the endpoint runs now over what the configuration asked for. */
function capacityOf(variant: ProductionVariant, endpoint: DescribeEndpointCommandOutput): EndpointCapacity {
  const live = endpoint.ProductionVariants?.find((summary) => summary.VariantName === variant.VariantName);
  if (variant.ServerlessConfig || live?.CurrentServerlessConfig) {
    const serverless = live?.CurrentServerlessConfig ?? variant.ServerlessConfig;
    return withoutUndefined({ type: 'serverless', memorySizeInMb: serverless?.MemorySizeInMB, maxConcurrency: serverless?.MaxConcurrency });
  }
  return withoutUndefined({ type: 'instances', instanceType: variant.InstanceType, instanceCount: live?.CurrentInstanceCount ?? variant.InitialInstanceCount });
}


/** The object without its undefined fields, so they do not show up as keys (in tests and JSON alike). */
function withoutUndefined<T extends object>(values: T): T {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as T;
}
