import { Duration, Stack, StackProps, Stage, StageProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as pipelines from 'aws-cdk-lib/pipelines';
import { Construct } from 'constructs';
import { ProjectConfig, usesStepImages } from '../config';
import { BUILD_ENV, ProjectPipeline, cdkEnvironment, tagProjectResources } from '../constructs';
import { releaseToolsCommand } from '../constructs/release-tools';
import { resourceNamesOf } from '../app-context/resource-names';
import { PipelineSource } from '../source';
import { acknowledgeWildcardResource } from '../validation/acknowledge';
import { BuildFailureNotice } from './build-failure-notice';
import { ModelBuildStack, ModelBuildStackProps, modelBuildPipelineName } from './model-build-stack';
import { CODEBUILD_ACTION_TIMEOUT_MINUTES, checkRunFitsWait, runPipelineArguments } from './run-pipeline-wait';
import { StepImageBuild } from './step-image-build';


/** What a model-build app may change in the model-build stack. */
export type ModelBuildOptions = Pick<ModelBuildStackProps, 'pipelineDefinition' | 'definitionDelivery'>;

export interface ModelBuildPipelineStackProps extends StackProps, ModelBuildOptions {
  readonly config: ProjectConfig;
  /** The model-build repository (scripts and sample data). */
  readonly repoDir: string;
}

/** The stage the pipeline deploys: the model-build stack in the build environment. */
export class ModelBuildStage extends Stage {
  public readonly modelBuildStack: ModelBuildStack;

  constructor(scope: Construct, id: string, props: StageProps & ModelBuildOptions & { readonly config: ProjectConfig; readonly repoDir: string }) {
    const { config, repoDir, pipelineDefinition, definitionDelivery, ...stageProps } = props;
    super(scope, id, stageProps);
    tagProjectResources(this);
    this.modelBuildStack = new ModelBuildStack(this, 'ModelBuild', {
      config, repoDir, pipelineDefinition, definitionDelivery, stackName: resourceNamesOf(config).modelBuildStack,
    });
  }
}

/**
 * The model-build CodePipeline (CDK Pipelines, V2): on every push to the branch it
 * synthesizes the app, deploys the model-build stack (the SageMaker pipeline) and then
 * starts a SageMaker pipeline execution and waits for it, failing when the execution fails.
 */
export class ModelBuildPipelineStack extends Stack {
  public readonly codePipeline: pipelines.CodePipeline;
  public readonly stage: ModelBuildStage;
  /** Tells buildFailureEmails of a failed stage. */
  public readonly failureNotice: BuildFailureNotice;

  constructor(scope: Construct, id: string, props: ModelBuildPipelineStackProps) {
    const { config, repoDir, pipelineDefinition, definitionDelivery, ...stackProps } = props;
    const env = cdkEnvironment(config.environments.build);
    super(scope, id, {
      description: `sagemaker-gitops ${config.projectName}: the model-build CodePipeline`,
      ...stackProps,
      env,
    });
    const source = new PipelineSource(this, 'ModelBuildSource', config.source.modelBuild);
    const project = new ProjectPipeline(this, 'ModelBuild', {
      pipelineName: resourceNamesOf(config).modelBuildCodePipeline,
      source: source.input,
      projectName: config.projectName,
      toolkit: config.toolkit,
    });
    this.codePipeline = project.pipeline;

    this.stage = new ModelBuildStage(this, 'Deploy', { config, repoDir, pipelineDefinition, definitionDelivery, env });
    // The wait must outlast an execution's longest chain of steps, each at its maximum running time.
    checkRunFitsWait(this.stage.modelBuildStack.definition);
    const sageMakerPipelineName = modelBuildPipelineName(config);
    const pipelineArn = this.formatArn({ service: 'sagemaker', resource: 'pipeline', resourceName: sageMakerPipelineName.toLowerCase() });
    const executions = `${pipelineArn}/execution/*`;
    // The versions an execution registers: run-pipeline reads whether MLflow recorded their training (mlflow-recorded.ts).
    const versions = this.formatArn({ service: 'sagemaker', resource: 'model-package', resourceName: `${config.modelPackageGroupName.toLowerCase()}/*` });
    // Jobs without internet access run derived images with the MLflow packages: built before the pipeline runs.
    const imageBuild = usesStepImages(config) ? new StepImageBuild(this, 'StepImages', { config }) : undefined;
    // The synth step's bundle of the CLI's run-pipeline: no second install of the repository.
    const runPipeline = new pipelines.CodeBuildStep('RunSageMakerPipeline', {
      input: project.releaseTools,
      env: BUILD_ENV,
      // An execution still running when the wait ends (its time, or an error while polling) is stopped: the commit fails, so it must not register a version later.
      commands: [releaseToolsCommand('.', runPipelineArguments(sageMakerPipelineName))],
      timeout: Duration.minutes(CODEBUILD_ACTION_TIMEOUT_MINUTES),
      rolePolicyStatements: [
        new iam.PolicyStatement({ actions: ['sagemaker:StartPipelineExecution'], resources: [pipelineArn] }),
        new iam.PolicyStatement({ actions: ['sagemaker:DescribePipelineExecution', 'sagemaker:ListPipelineExecutionSteps', 'sagemaker:StopPipelineExecution'], resources: [executions] }),
        new iam.PolicyStatement({ actions: ['sagemaker:DescribeModelPackage'], resources: [versions] }),
      ],
    });
    if (imageBuild !== undefined) {
      runPipeline.addStepDependency(imageBuild.step);
    }
    this.codePipeline.addStage(this.stage, { post: imageBuild === undefined ? [runPipeline] : [imageBuild.step, runPipeline] });
    project.build();
    imageBuild?.acknowledgeFindings();
    source.configure(this.codePipeline.pipeline);
    acknowledgeWildcardResource(this, executions, 'SageMaker names each execution of the pipeline at run time; the wildcard covers only the executions of this pipeline');
    acknowledgeWildcardResource(this, versions, 'SageMaker numbers each registered version of the group; the wildcard covers only the versions of the project\'s group');
    this.failureNotice = new BuildFailureNotice(this, 'BuildFailed', { config, key: project.artifacts.key });
  }
}
