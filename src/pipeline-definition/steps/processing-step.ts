import { PropertyFile, StepProperty, Value } from '../expressions';
import { checkPipelineName } from '../names';
import { JobResources, checkJobResources, checkPositiveIntegerValue, renderClusterConfig, renderVpcConfig } from './job-resources';
import { CacheConfig, RetryPolicy, renderCacheConfig, renderRetryPolicies } from './policies';
import { REQUEST_LIMITS, countProblem, listProblem, literalText, mapProblem, maximumProblem } from './request-limits';
import { Step, StepProps } from './step';

/** Local paths of processing inputs and outputs must be under this folder. */
export const PROCESSING_ROOT = '/opt/ml/processing';

/** Data a processing job downloads before it starts. */
export interface ProcessingInput {
  /** The input's name, unique among the step's inputs and outputs. */
  readonly name: string;
  /** The S3 URI of the object or prefix to download. */
  readonly source: Value<string>;
  /** Where the job finds it, under /opt/ml/processing. */
  readonly destination: string;
  /**
   * `File` downloads before the job starts; `Pipe` streams.
   * @default "File"
   */
  readonly inputMode?: 'File' | 'Pipe';
  /**
   * With several instances: `FullyReplicated` gives each instance everything.
   * @default "FullyReplicated"
   */
  readonly distribution?: 'FullyReplicated' | 'ShardedByS3Key';
}

/** A folder a processing job uploads to S3 when it ends. */
export interface ProcessingOutput {
  /** The output's name, unique among the step's inputs and outputs. */
  readonly name: string;
  /** The folder the job writes, under /opt/ml/processing. */
  readonly source: string;
  /** The S3 URI to upload it to. */
  readonly destination: Value<string>;
}

export interface ProcessingStepProps extends StepProps, JobResources {
  /** The container image. */
  readonly imageUri: Value<string>;
  /** The IAM role the job runs as. */
  readonly roleArn: Value<string>;
  /**
   * The container's entrypoint, e.g. `['python3', '/opt/ml/processing/input/code/preprocess.py']`.
   * @default - the image's entrypoint
   */
  readonly entrypoint?: ReadonlyArray<Value<string>>;
  /**
   * Arguments passed to the entrypoint.
   * @default - none
   */
  readonly arguments?: ReadonlyArray<Value<string>>;
  /**
   * Environment variables of the container.
   * @default - none
   */
  readonly environment?: Readonly<Record<string, Value<string>>>;
  /** @default - none */
  readonly inputs?: readonly ProcessingInput[];
  /** @default - none */
  readonly outputs?: readonly ProcessingOutput[];
  /**
   * KMS key that encrypts the outputs in S3.
   * @default - the bucket's default encryption
   */
  readonly outputKmsKeyId?: Value<string>;
  /**
   * The job is stopped after this many seconds.
   * @default 3600
   */
  readonly maxRuntimeSeconds?: Value<number>;
  /**
   * JSON files the job writes into its outputs that later steps read with `JsonGet`.
   * @default - none
   */
  readonly propertyFiles?: readonly PropertyFile[];
  /** @default - no retries beyond SageMaker's defaults */
  readonly retryPolicies?: readonly RetryPolicy[];
  /** @default - no caching */
  readonly cache?: CacheConfig;
}

/** A SageMaker processing job. */
export class ProcessingStep extends Step {
  public readonly type = 'Processing';
  private readonly policies: Record<string, unknown>;
  public readonly inputs: readonly ProcessingInput[];
  public readonly outputs: readonly ProcessingOutput[];
  public readonly propertyFiles: readonly PropertyFile[];

  constructor(private readonly props: ProcessingStepProps) {
    super(props);
    // Policies are checked (and rendered) when the step is created.
    this.policies = {
      RetryPolicies: renderRetryPolicies(this.name, props.retryPolicies, true),
      CacheConfig: renderCacheConfig(this.name, props.cache),
    };
    this.inputs = props.inputs ?? [];
    this.outputs = props.outputs ?? [];
    this.propertyFiles = props.propertyFiles ?? [];
    checkJobResources(this.name, props);
    const limits = REQUEST_LIMITS.processing;
    this.refuse(
      mapProblem(props.environment, 'environment', limits.environment, limits.api, literalText),
      listProblem(props.entrypoint, 'entrypoint', limits.containerList, limits.api, literalText),
      listProblem(props.arguments, 'arguments', limits.containerList, limits.api, literalText),
      countProblem(props.inputs, 'inputs', limits.maxInputs, limits.api), countProblem(props.outputs, 'outputs', limits.maxOutputs, limits.api),
      maximumProblem(props.instanceCount, 'instanceCount', limits.maxInstanceCount, limits.api),
      maximumProblem(props.volumeSizeInGb, 'volumeSizeInGb', limits.maxVolumeSizeInGb, limits.api),
      maximumProblem(props.maxRuntimeSeconds, 'maxRuntimeSeconds', limits.maxRuntimeSeconds, limits.api));
    const seen = new Set<string>();
    for (const channel of [...this.inputs, ...this.outputs]) {
      checkPipelineName(`step ${this.name}: input or output name`, channel.name);
      if (seen.has(channel.name)) {
        this.fail(`the name ${JSON.stringify(channel.name)} is used by two inputs or outputs; each needs a name of its own`);
      }
      seen.add(channel.name);
    }
    // CreateProcessingJob refuses two inputs with one destination, and an input and output at one path.
    const folders = new Map<string, string>();
    for (const [what, folder] of [...this.inputs.map((i) => [`input ${i.name}`, i.destination]), ...this.outputs.map((o) => [`output ${o.name}`, o.source])]) {
      this.checkLocalPath(what, folder);
      const other = folders.get(folder.replace(/\/+$/, ''));
      if (other !== undefined) {
        this.fail(`${other} and ${what} share the local path ${folder}; each input and output needs a folder of its own`);
      }
      folders.set(folder.replace(/\/+$/, ''), what);
    }
    const fileNames = new Set<string>();
    for (const file of this.propertyFiles) {
      checkPipelineName(`step ${this.name}: property file name`, file.name);
      if (fileNames.has(file.name)) {
        this.fail(`two property files are named ${file.name}`);
      }
      fileNames.add(file.name);
      if (!this.outputs.some((o) => o.name === file.outputName)) {
        this.fail(
          `property file ${file.name} is written to output ${JSON.stringify(file.outputName)}, which the step does not have; outputs: ${this.outputs.map((o) => o.name).join(', ') || 'none'}`,
        );
      }
      file.bind(this.name);
    }
    checkPositiveIntegerValue(this.name, 'maxRuntimeSeconds', props.maxRuntimeSeconds);
  }

  /** The S3 URI an output was uploaded to (`ProcessingOutputConfig.Outputs['<name>'].S3Output.S3Uri`). */
  public outputUri(outputName: string): StepProperty<string> {
    if (!this.outputs.some((o) => o.name === outputName)) {
      this.fail(`has no output named ${JSON.stringify(outputName)}; outputs: ${this.outputs.map((o) => o.name).join(', ') || 'none'}`);
    }
    return this.property(`ProcessingOutputConfig.Outputs['${outputName}'].S3Output.S3Uri`);
  }

  /** The local folder of an output, as the container sees it. */
  public outputLocalPath(outputName: string): string {
    const output = this.outputs.find((o) => o.name === outputName);
    if (output === undefined) {
      this.fail(`has no output named ${JSON.stringify(outputName)}`);
    }
    return output.source;
  }

  protected renderExtras(): Record<string, unknown> {
    return {
      ...this.policies,
      ...(this.propertyFiles.length > 0 ? {
        PropertyFiles: this.propertyFiles.map((f) => ({ PropertyFileName: f.name, OutputName: f.outputName, FilePath: f.filePath })),
      } : {}),
    };
  }

  protected renderArguments(): unknown {
    const p = this.props;
    return {
      ProcessingResources: { ClusterConfig: renderClusterConfig(p) },
      AppSpecification: { ImageUri: p.imageUri, ContainerEntrypoint: p.entrypoint, ContainerArguments: p.arguments },
      RoleArn: p.roleArn,
      Environment: p.environment,
      ProcessingInputs: this.inputs.length > 0 ? this.inputs.map((input) => ({
        InputName: input.name,
        S3Input: {
          S3Uri: input.source,
          LocalPath: input.destination,
          S3DataType: 'S3Prefix',
          S3InputMode: input.inputMode ?? 'File',
          S3DataDistributionType: input.distribution ?? 'FullyReplicated',
          S3CompressionType: 'None',
        },
      })) : undefined,
      ProcessingOutputConfig: this.outputs.length > 0 ? {
        Outputs: this.outputs.map((output) => ({
          OutputName: output.name,
            S3Output: { S3Uri: output.destination, LocalPath: output.source, S3UploadMode: 'EndOfJob' },
        })),
        KmsKeyId: p.outputKmsKeyId,
      } : undefined,
      StoppingCondition: { MaxRuntimeInSeconds: p.maxRuntimeSeconds ?? 3600 },
      NetworkConfig: p.vpcConfig && { VpcConfig: renderVpcConfig(p.vpcConfig) },
    };
  }

  private checkLocalPath(what: string, localPath: string): void {
    if (typeof localPath !== 'string' || !localPath.startsWith(`${PROCESSING_ROOT}/`) || localPath.includes('..')) {
      this.fail(`${what}: the local path must be a folder under ${PROCESSING_ROOT}/, got ${JSON.stringify(localPath)}`);
    }
  }
}
