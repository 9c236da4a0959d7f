import * as fs from 'node:fs';
import * as path from 'node:path';
import { Annotations, CfnOutput, Stack, StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3assets from 'aws-cdk-lib/aws-s3-assets';
import { Construct } from 'constructs';
import { ConfigError, ProjectConfig, containersOf, instanceCountsOf, usesModelMonitor } from '../config';
import { ArtifactStore, ModelPackageGroup, cdkEnvironment } from '../constructs';
import { modelMonitorImage, sklearnImage, xgboostImage } from '../images';
import { PipelineDefinition } from '../pipeline-definition';
import { resourceNamesOf } from '../app-context/resource-names';
import { studioProjectFromContext } from '../app-context/studio-project';
import { PLAYER_CHURN, PlayerChurnPipelineProps, StepScript, playerChurnPipeline } from './player-churn-pipeline';
import { MlflowBackend } from './mlflow-backend';
import { mlflowStepScripts } from './mlflow-steps';
import { SageMakerExecutionRole } from './sagemaker-execution-role';
import { StepCodeBundleAssets } from './step-code-bundle-assets';
import { checkStepScripts, stepCodeRequirements } from './step-code-bundle';
import { jobVpcOf } from './job-network-steps';
import { crossAccountDriftChecks } from './mlflow-drift-logger';
import { StepImageRepository } from './step-image-repository';
import { stepImageRepositoryName, stepImagesOf } from './step-images';
import { DefinitionDelivery, SageMakerPipeline } from './sagemaker-pipeline';

/** Where a model-build repository keeps its step scripts and its sample data. */
export const MODEL_BUILD_LAYOUT = {
  scriptsDir: 'pipelines',
  /** The scripts the pipeline runs; the code bundle holds every script of `scriptsDir` but tests. */
  scripts: PLAYER_CHURN.scripts,
  sampleDataFile: path.join('data', 'player-churn.csv'),
} as const;

/** Key prefix of the project bucket where a team may put its own input data. */
export const INPUT_DATA_PREFIX = 'input';

export interface ModelBuildStackProps extends StackProps {
  /** The project. The stack deploys to its build environment. */
  readonly config: ProjectConfig;
  /** The model-build repository: its `pipelines/` scripts and `data/` sample are uploaded as assets. */
  readonly repoDir: string;
  /**
   * Builds the SageMaker pipeline definition from the stack's resources.
   * @default playerChurnPipeline
   */
  readonly pipelineDefinition?: (props: PlayerChurnPipelineProps) => PipelineDefinition;
  /**
   * How the definition reaches CloudFormation: in the template, or through an S3 object
   * when it is too large for one.
   * @default 'auto'
   */
  readonly definitionDelivery?: DefinitionDelivery;
}

/**
 * The model-build side of a project: KMS key, artifact bucket, the model package group, the
 * SageMaker execution role, the step scripts (assets), the SageMaker pipeline
 * (`AWS::SageMaker::Pipeline`) and, when asked for, a managed MLflow tracking server.
 */
export class ModelBuildStack extends Stack {
  public readonly artifacts: ArtifactStore;
  public readonly modelPackageGroup: ModelPackageGroup;
  public readonly executionRole: iam.Role;
  /** The definition the pipeline resource carries. */
  public readonly definition: PipelineDefinition;
  public readonly pipeline: SageMakerPipeline;
  /** The SageMaker pipeline's name. */
  public readonly pipelineName: string;
  /** The MLflow App or tracking server the steps log to, if any. */
  public readonly mlflow?: MlflowBackend;
  /** The repository of the derived step images, when the jobs have no internet access and MLflow is on. */
  public readonly stepImageRepository?: StepImageRepository;

  constructor(scope: Construct, id: string, props: ModelBuildStackProps) {
    const { config, repoDir, pipelineDefinition, definitionDelivery, ...stackProps } = props;
    super(scope, id, {
      description: `sagemaker-gitops ${config.projectName}: the SageMaker pipeline, its artifacts and the model registry`,
      ...stackProps,
      env: cdkEnvironment(config.environments.build),
    });
    const region = config.environments.build.region;
    this.pipelineName = modelBuildPipelineName(config);

    this.artifacts = new ArtifactStore(this, 'Artifacts', {
      keyAlias: `${config.projectName}-model-build`,
      description: `Encrypts the model-build artifacts of the SageMaker project ${config.projectName}`,
    });
    this.modelPackageGroup = new ModelPackageGroup(this, 'ModelPackageGroup', {
      modelPackageGroupName: config.modelPackageGroupName,
      description: `Model versions of the SageMaker project ${config.projectName}`,
      readerAccounts: readerAccountsOf(config),
      // A project launched from Studio: the project template created the group.
      existing: studioProjectFromContext(this) !== undefined,
    });

    this.shareArtifactsWith(readerAccountsOf(config), readerRegionsOf(config));

    this.mlflow = this.createMlflowBackend(config);
    // A stage with a Model Monitor schedule needs the data-quality baseline of each registered version.
    const monitorImage = usesModelMonitor(config) ? modelMonitorImage(region) : undefined;
    const containers = containersOf(config);
    const images = [sklearnImage(region, containers.sklearn), xgboostImage(region, containers.xgboost), ...(monitorImage ? [monitorImage] : [])];
    // Jobs without internet access: the steps run derived images with the MLflow packages (step-images.ts).
    const stepImages = stepImagesOf(config);
    const stepImageRepository = stepImages.length === 0 ? undefined : new StepImageRepository(this, 'StepImages', {
      repositoryName: stepImageRepositoryName(config), key: this.artifacts.key,
    });
    this.stepImageRepository = stepImageRepository;
    const stepImageUri = (name: string, fallback: string) => {
      const image = stepImages.find((i) => i.name === name);
      return image === undefined || stepImageRepository === undefined ? fallback : stepImageRepository.uriForTag(image.tag);
    };
    const role = new SageMakerExecutionRole(this, 'ExecutionRole', {
      bucket: this.artifacts.bucket,
      key: this.artifacts.key,
      writePrefixes: [this.pipelineName],
      readPrefixes: [INPUT_DATA_PREFIX],
      modelPackageGroup: this.modelPackageGroup,
      images,
      imageRepositoryArns: stepImageRepository ? [stepImageRepository.repository.repositoryArn] : undefined,
      vpc: config.jobNetwork !== undefined,
      mlflow: this.mlflow?.access,
    });
    this.executionRole = role.role;

    const upload = (id: string, file: string): { script: StepScript; asset: s3assets.Asset } => {
      if (!fs.existsSync(file)) {
        throw new ConfigError(`the model-build repository has no ${path.relative(repoDir, file)} (looked in ${repoDir}); the pipeline runs it`);
      }
      const asset = new s3assets.Asset(this, id, { path: file });
      role.grantReadObject(asset.s3BucketName, asset.s3ObjectKey);
      // A file asset's object key is its hash and extension; SageMaker downloads it under that name.
      return { script: { s3Uri: asset.s3ObjectUrl, fileName: `${asset.assetHash}${path.extname(file)}` }, asset };
    };
    // The scripts as one code bundle (with the MLflow requirements when MLflow is on) and runproc.sh.
    const scriptsDir = path.join(repoDir, MODEL_BUILD_LAYOUT.scriptsDir);
    checkStepScripts(repoDir, MODEL_BUILD_LAYOUT.scriptsDir, [...Object.values(MODEL_BUILD_LAYOUT.scripts), ...mlflowStepScripts(this.mlflow?.tracking)]);
    // With derived images the packages are in the image: the bundle carries no requirements.txt.
    const requirements = stepImageRepository === undefined ? stepCodeRequirements(this.mlflow?.tracking) : undefined;
    const stepCode = new StepCodeBundleAssets(this, 'StepCode', { scriptsDir, requirements });
    for (const asset of [stepCode.bundleAsset, stepCode.entrypointAsset]) {
      role.grantReadObject(asset.s3BucketName, asset.s3ObjectKey);
    }
    // The default input: the repository's sample file, or the bucket's input prefix. Preprocess on
    // several instances gets whole files (ShardedByS3Key), so one sample file cannot feed them: the
    // default is then the prefix, where the team puts at least as many CSV files as instances
    // (each ScanInput instance, sharded as Preprocess is, stops an execution when its shard has no
    // CSV file or has other objects, naming the host and the instance count).
    const sampleData = path.join(repoDir, MODEL_BUILD_LAYOUT.sampleDataFile);
    warnOfUnusedData(this, repoDir, sampleData);
    const inputDataUri = fs.existsSync(sampleData) && instanceCountsOf(config).processing === 1
      ? upload('SampleData', sampleData).script.s3Uri
      : `s3://${this.artifacts.bucket.bucketName}/${INPUT_DATA_PREFIX}/`;

    this.definition = (pipelineDefinition ?? playerChurnPipeline)({
      config,
      pipelineName: this.pipelineName,
      roleArn: this.executionRole.roleArn,
      bucketName: this.artifacts.bucket.bucketName,
      kmsKeyArn: this.artifacts.key.keyArn,
      sklearnImageUri: stepImageUri('sklearn', images[0].uri),
      xgboostImageUri: stepImageUri('xgboost', images[1].uri),
      modelImageUri: stepImageRepository === undefined ? undefined : images[1].uri,
      jobVpc: jobVpcOf(config.jobNetwork),
      modelMonitorImageUri: monitorImage?.uri,
      code: stepCode.code,
      inputDataUri,
      mlflow: this.mlflow?.tracking,
    });
    this.pipeline = new SageMakerPipeline(this, 'Pipeline', {
      pipelineName: this.pipelineName,
      description: `Trains, evaluates and registers the model of the SageMaker project ${config.projectName}`,
      role: this.executionRole,
      definition: this.definition,
      bucket: this.artifacts.bucket,
      delivery: definitionDelivery,
    });

    new CfnOutput(this, 'SageMakerPipelineName', { value: this.pipelineName, description: 'Start it with: npx sagemaker-gitops run-pipeline --name <this> --wait' });
    new CfnOutput(this, 'ArtifactBucketName', { value: this.artifacts.bucket.bucketName, description: `Put your own input data under s3://<this>/${INPUT_DATA_PREFIX}/` });
  }

  /**
   * Staging and production accounts read the model artifacts and baselines (the pipeline's
   * outputs) to create their models and run the drift check: the bucket policy and the key
   * policy let them, and their own roles' policies decide which of their principals may.
   */
  private shareArtifactsWith(accounts: readonly string[], regions: readonly string[]): void {
    if (accounts.length === 0) {
      return;
    }
    const principals = accounts.map((account) => new iam.AccountPrincipal(account));
    const outputs = this.artifacts.bucket.arnForObjects(`${this.pipelineName}/*`);
    this.artifacts.bucket.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'StageAccountsReadPipelineOutputs', principals, actions: ['s3:GetObject'], resources: [outputs],
    }));
    this.artifacts.bucket.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'StageAccountsListPipelineOutputs', principals, actions: ['s3:ListBucket'], resources: [this.artifacts.bucket.bucketArn],
      conditions: { StringLike: { 's3:prefix': [`${this.pipelineName}/*`] } },
    }));
    this.artifacts.key.addToResourcePolicy(new iam.PolicyStatement({
      sid: 'StageAccountsDecryptPipelineOutputs', principals, actions: ['kms:Decrypt'], resources: ['*'],
      // S3 of the build region decrypts for a read; for a stage in another region, the copy of the
      // version's files (StageModelCopy: CopyObject sent to the stage region) may reach KMS through
      // S3 of that region, which AWS does not document either way, so both may.
      conditions: { StringEquals: { 'kms:ViaService': oneOrList([...new Set([this.region, ...regions])].map((region) => `s3.${region}.amazonaws.com`)) } },
    }));
  }

  /** The MLflow App (the default), tracking server or existing backend of `config.mlflow`, if any. */
  private createMlflowBackend(config: ProjectConfig): MlflowBackend | undefined {
    if (config.mlflow === undefined) {
      return undefined;
    }
    return new MlflowBackend(this, 'Mlflow', {
      projectName: config.projectName, mlflow: config.mlflow, bucket: this.artifacts.bucket, key: this.artifacts.key, driftChecks: crossAccountDriftChecks(config),
      modelPackageGroupName: config.modelPackageGroupName,
    });
  }
}


/** The staging and production accounts other than the build account. */
function readerAccountsOf(config: ProjectConfig): string[] {
  const { build, staging, prod } = config.environments;
  return [...new Set([staging.account, prod.account])].filter((a): a is string => a !== undefined && a !== build.account);
}

const oneOrList = (values: string[]): string | string[] => (values.length === 1 ? values[0] : values);

/** The regions of the staging and production stages in accounts other than the build account. */
function readerRegionsOf(config: ProjectConfig): string[] {
  const { build, staging, prod } = config.environments;
  return [staging, prod].filter((env) => env.account !== undefined && env.account !== build.account).map((env) => env.region);
}

/** The SageMaker pipeline's name: `<project>-training`. */
export function modelBuildPipelineName(config: ProjectConfig): string {
  return resourceNamesOf(config).trainingPipeline;
}

/**
 * A synth warning when the repository's data folder holds CSV files but not the sample file, the
 * only one the stack uploads: a sample renamed (or another table put in its place) would
 * otherwise leave the pipeline's default input the bucket's `input/` prefix, without a word.
 */
function warnOfUnusedData(stack: Stack, repoDir: string, sampleData: string): void {
  const dataDir = path.dirname(sampleData);
  if (fs.existsSync(sampleData) || !fs.existsSync(dataDir) || !fs.statSync(dataDir).isDirectory()) {
    return;
  }
  const csvFiles = fs.readdirSync(dataDir).filter((file) => file.toLowerCase().endsWith('.csv')).sort();
  if (csvFiles.length > 0) {
    const relative = (file: string) => path.relative(repoDir, file).split(path.sep).join('/');
    Annotations.of(stack).addWarningV2('sagemaker-gitops:unused-sample-data',
      `${relative(dataDir)}/ holds ${csvFiles.join(', ')} but not ${relative(sampleData)}, the only sample file the stack uploads: `
      + `the pipeline's default input is the artifact bucket's ${INPUT_DATA_PREFIX}/ prefix. Name the sample ${relative(sampleData)}, `
      + 'or put the data under that prefix');
  }
}
