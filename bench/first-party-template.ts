/**
 * The first-party SageMaker project template "model building, training, and deployment with
 * third-party Git repositories using CodePipeline", written down in the shapes the estimates read
 * from our own cdk.out: its two CodePipelines (stages, actions, run orders), the commands of its
 * CodeBuild projects, its SageMaker pipeline's steps and its endpoint stack with the seed code's
 * stage configs. The same per-action model then times both, side by side.
 *
 * Sources (read 2026-11-24):
 * - the template's CloudFormation, as published in aws-samples/sagemaker-custom-project-templates,
 *   s3_templates/sample-templates/templates/build-train-deploy-monitor-codepipeline.yaml and
 *   deploy-codepipeline.yaml: model-build Source → Build (BuildAndExecuteSageMakerPipeline);
 *   model-deploy Source → Build (BuildDeploymentTemplates) → DeployStaging (DeployResourcesStaging,
 *   TestStaging, ApproveDeployment by run order) → DeployProd (DeployResourcesProd); CodeBuild
 *   BUILD_GENERAL1_SMALL on aws/codebuild/amazonlinux2-x86_64-standard:5.0;
 * - its model-build seed code: codebuild-buildspec.yml (`pip install ... .`, then
 *   `run-pipeline --module-name pipelines.abalone.pipeline ...`, which upserts and starts the
 *   pipeline and waits with `execution.wait(max_attempts=120, delay=60)`); the abalone pipeline:
 *   preprocess (processing) → train (XGBoost training) → evaluate (processing) → MSE condition →
 *   register;
 * - its model-deploy seed code: buildspec.yml (pip install boto3/awscli, build.py,
 *   `aws cloudformation package`), test/buildspec.yml (test/test.py against the staging
 *   endpoint), endpoint-config-template.yml (model, endpoint config, endpoint; no deployment
 *   config, so SageMaker's default all-at-once blue/green update) and staging-config.json /
 *   prod-config.json: EndpointInstanceType ml.m5.large, EndpointInstanceCount 1 in both stages.
 */
import { PipelineAction, PipelineDefinition, PipelineSpec, Template } from './critical-path';

const action = (stage: string, name: string, runOrder: number, category: string, provider: string, configuration: Record<string, unknown> = {}): PipelineAction =>
  ({ stage, name, runOrder, category, provider, configuration });

/** The template's model-build CodePipeline. */
export const FIRST_PARTY_MODEL_BUILD: PipelineSpec = {
  name: 'first-party model-build',
  stages: [
    { name: 'Source', actions: [action('Source', 'ModelBuildWorkflowCode', 1, 'Source', 'CodeStarSourceConnection')] },
    { name: 'Build', actions: [action('Build', 'BuildAndExecuteSageMakerPipeline', 1, 'Build', 'CodeBuild')] },
  ],
};

/** The stack names its model-deploy pipeline deploys (the template names them after the project). */
export const FIRST_PARTY_STAGING_STACK = 'first-party-deploy-staging';
export const FIRST_PARTY_PROD_STACK = 'first-party-deploy-prod';

/** The template's model-deploy CodePipeline. */
export const FIRST_PARTY_MODEL_DEPLOY: PipelineSpec = {
  name: 'first-party model-deploy',
  stages: [
    { name: 'Source', actions: [action('Source', 'ModelDeployInfraCode', 1, 'Source', 'CodeStarSourceConnection')] },
    { name: 'Build', actions: [action('Build', 'BuildDeploymentTemplates', 1, 'Build', 'CodeBuild')] },
    {
      name: 'DeployStaging',
      actions: [
        action('DeployStaging', 'DeployResourcesStaging', 1, 'Deploy', 'CloudFormation', { ActionMode: 'REPLACE_ON_FAILURE', StackName: FIRST_PARTY_STAGING_STACK }),
        action('DeployStaging', 'TestStaging', 2, 'Build', 'CodeBuild'),
        action('DeployStaging', 'ApproveDeployment', 3, 'Approval', 'Manual'),
      ],
    },
    {
      name: 'DeployProd',
      actions: [action('DeployProd', 'DeployResourcesProd', 1, 'Deploy', 'CloudFormation', { ActionMode: 'CREATE_UPDATE', StackName: FIRST_PARTY_PROD_STACK })],
    },
  ],
};

/** The commands of the template's CodeBuild projects, by action name (from its seed code's buildspecs). */
export const FIRST_PARTY_COMMANDS: Readonly<Record<string, readonly string[]>> = {
  BuildAndExecuteSageMakerPipeline: [
    'pip install --upgrade --force-reinstall . "awscli>1.20.30"',
    'export PYTHONUNBUFFERED=TRUE',
    'run-pipeline --module-name pipelines.abalone.pipeline --role-arn $SAGEMAKER_PIPELINE_ROLE_ARN --tags ... --kwargs ...',
  ],
  BuildDeploymentTemplates: [
    'pip install --upgrade --force-reinstall "botocore>1.21.30" "boto3>1.18.30" "awscli>1.20.30"',
    'python build.py --model-execution-role "$MODEL_EXECUTION_ROLE_ARN" --model-package-group-name "$SOURCE_MODEL_PACKAGE_GROUP_NAME" ...',
    'aws cloudformation package --template endpoint-config-template.yml --s3-bucket $ARTIFACT_BUCKET --output-template $EXPORT_TEMPLATE_NAME',
  ],
  TestStaging: [
    'python test/test.py --import-build-config $CODEBUILD_SRC_DIR_BuildArtifact/staging-config-export.json --export-test-results ${EXPORT_TEST_RESULTS}',
  ],
};

/** The abalone pipeline's steps (the template's model-build seed code). */
export const FIRST_PARTY_SAGEMAKER_PIPELINE: PipelineDefinition = {
  Steps: [
    { Name: 'PreprocessAbaloneData', Type: 'Processing', Arguments: {} },
    { Name: 'TrainAbaloneModel', Type: 'Training', Arguments: { InputDataConfig: [{ S3Uri: { Get: 'Steps.PreprocessAbaloneData.ProcessingOutputConfig.Outputs[\'train\'].S3Output.S3Uri' } }] } },
    { Name: 'EvaluateAbaloneModel', Type: 'Processing', Arguments: { ModelArtifacts: { Get: 'Steps.TrainAbaloneModel.ModelArtifacts.S3ModelArtifacts' } } },
    {
      Name: 'CheckMSEAbaloneEvaluation',
      Type: 'Condition',
      Arguments: {
        Conditions: [{ Type: 'LessThanOrEqualTo', LeftValue: { 'Std:JsonGet': { PropertyFile: { Get: 'Steps.EvaluateAbaloneModel.PropertyFiles.AbaloneEvaluationReport' } } }, RightValue: 6 }],
        IfSteps: [{ Name: 'RegisterAbaloneModel', Type: 'RegisterModel', Arguments: {} }],
        ElseSteps: [{ Name: 'CheckMSEAbaloneEvaluationFail', Type: 'Fail', Arguments: {} }],
      },
    },
  ],
};

/** The endpoint stack its endpoint-config-template.yml gives each stage (ml.m5.large x 1, no autoscaling, default update). */
export function firstPartyEndpointStack(stage: 'staging' | 'prod'): Template {
  return {
    Resources: {
      Model: { Type: 'AWS::SageMaker::Model', Properties: {} },
      EndpointConfig: {
        Type: 'AWS::SageMaker::EndpointConfig',
        Properties: {
          ProductionVariants: [{ VariantName: 'AllTraffic', InstanceType: 'ml.m5.large', InitialInstanceCount: 1, InitialVariantWeight: 1, ModelName: { 'Fn::GetAtt': ['Model', 'ModelName'] } }],
        },
      },
      Endpoint: {
        Type: 'AWS::SageMaker::Endpoint',
        Properties: { EndpointName: `first-party-${stage}`, EndpointConfigName: { 'Fn::GetAtt': ['EndpointConfig', 'EndpointConfigName'] } },
      },
    },
  };
}

/** The region the comparison prices the first-party endpoints in (our example's region). */
export const FIRST_PARTY_REGION = 'us-east-1';
