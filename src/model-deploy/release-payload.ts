import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ProjectConfig } from '../config';
import { PLAYER_CHURN } from '../model-build/player-churn-names';
import { resourceNamesOf } from '../app-context/resource-names';
import { acknowledgeWildcardResource } from '../validation/acknowledge';
import { BASELINE_FILE_NAME, RESOLVED_MODEL_FILE } from '../app-context/resolved-model';

/**
 * The release's evaluation (evaluate.py's evaluation.json: the model's feature count and the
 * payload's name), which the synth step copies into its output next to the resolved model.
 */
export const RELEASE_EVALUATION_FILE = 'evaluation.json';

/** Test rows the release's model was scored on (evaluate.py's payload.csv: the test split up to 10,000 rows, the label first), in the synth output. */
export const RELEASE_PAYLOAD_FILE = 'payload.csv';

/**
 * The synth step's command that copies the release's evaluation.json and payload.csv into the
 * cloud assembly (`cdk.out`), from the folder the model package's ModelQuality statistics name
 * (the pipeline registers evaluation.json there). A version registered before evaluate.py wrote a
 * payload has none: then only evaluation.json is copied and the staging test says so.
 */
export function releasePayloadDownloadCommand(): string {
  const arn = `"$(node -p "require('./${RESOLVED_MODEL_FILE}').modelPackageArn")"`;
  const copy = [
    `aws s3 cp "$EVALUATION_URI" cdk.out/${RELEASE_EVALUATION_FILE}`,
    `PAYLOAD="$(node -p "(require('./cdk.out/${RELEASE_EVALUATION_FILE}').payload || {}).file || ''")"`,
    `if [ -n "$PAYLOAD" ]; then aws s3 cp "\${EVALUATION_URI%/*}/$PAYLOAD" cdk.out/${RELEASE_PAYLOAD_FILE}; fi`,
  ].join(' && ');
  // No `exit`: CodeBuild runs a phase's commands in one shell, and a failing copy must fail the step.
  return `EVALUATION_URI="$(aws sagemaker describe-model-package --model-package-name ${arn} --query ModelMetrics.ModelQuality.Statistics.S3Uri --output text)" && ` +
    'if [ -z "$EVALUATION_URI" ] || [ "$EVALUATION_URI" = None ]; then ' +
    'echo "the model package has no ModelQuality statistics (evaluation.json): the staging test sends the repository\'s test payload, without labels"; ' +
    `else ${copy}; fi`;
}

/**
 * input-check's comparison (`--json`: the line for the approval, and the version compared with),
 * which the synth step writes into its output; the staging check exports both for the release
 * approval.
 */
export const MODEL_INPUTS_FILE = 'model-inputs.json';

/** What the synth step writes into `MODEL_INPUTS_FILE` when input-check itself fails. */
const INPUT_CHECK_FAILED = 'not compared: input-check failed (see the Synth step log)';

/**
 * The synth step's command that compares the release's model inputs with the version production
 * serves (the one the model-deploy pipeline, `pipelineName`, released last), or else the version
 * approved before it (`input-check`), into `cdk.out/MODEL_INPUTS_FILE`. It never fails the step: a
 * check that cannot run says so in the file, and the release's reviewer reads it in the approval.
 */
export function inputCheckShellCommand(pipelineName: string): string {
  const out = `cdk.out/${MODEL_INPUTS_FILE}`;
  return `npx sagemaker-gitops --json input-check --model ${RESOLVED_MODEL_FILE} --pipeline ${pipelineName} > ${out} `
    + `|| echo '${JSON.stringify({ summary: INPUT_CHECK_FAILED })}' > ${out}`;
}

/**
 * What input-check reads of the model-deploy pipeline: its executions, and the variables the
 * staging check of the last succeeded one exported (the version production serves).
 * "Actions, resources, and condition keys for AWS CodePipeline": both take the pipeline.
 */
export function inputCheckPipelineStatement(scope: Stack, config: ProjectConfig): iam.PolicyStatement {
  return new iam.PolicyStatement({
    actions: ['codepipeline:ListPipelineExecutions', 'codepipeline:ListActionExecutions'],
    resources: [scope.formatArn({ service: 'codepipeline', resource: resourceNamesOf(config).modelDeployCodePipeline, arnFormat: ArnFormat.NO_RESOURCE_NAME })],
  });
}

/**
 * What the synth step needs to copy the release's evaluation: read the Evaluate step's outputs
 * of the training pipeline in the build account (the artifact bucket's name is made by
 * CloudFormation, so any bucket of that account, under the pipeline's prefix), and decrypt them
 * through S3 with the build account's keys.
 */
export function releasePayloadReadStatements(scope: Stack, config: ProjectConfig): iam.PolicyStatement[] {
  const { account, region } = config.environments.build;
  const evaluations = evaluationObjects(scope, config);
  return [
    new iam.PolicyStatement({
      actions: ['s3:GetObject'],
      resources: [evaluations],
      conditions: { StringEquals: { 's3:ResourceAccount': account ?? scope.account } },
    }),
    // input-check reads the header of the release's baseline and of the version it compares with.
    new iam.PolicyStatement({
      actions: ['s3:GetObject'],
      resources: [baselineObjects(scope, config)],
      conditions: { StringEquals: { 's3:ResourceAccount': account ?? scope.account } },
    }),
    new iam.PolicyStatement({
      actions: ['kms:Decrypt'],
      resources: [keysOf(scope, config)],
      conditions: { StringEquals: { 'kms:ViaService': `s3.${region}.amazonaws.com` } },
    }),
  ];
}

/** Acknowledges the wildcards of `releasePayloadReadStatements`, each with its reason. */
export function acknowledgeReleasePayloadWildcards(scope: Stack, config: ProjectConfig): void {
  acknowledgeWildcardResource(scope, evaluationObjects(scope, config),
    'the synth step reads the evaluation of the release\'s model version, which the training pipeline wrote under its execution\'s id into the artifact bucket, whose name CloudFormation makes; '
    + 'the statement is conditioned on the build account, and read-only');
  acknowledgeWildcardResource(scope, baselineObjects(scope, config),
    'input-check reads the baseline header of the release\'s model version and of the version production serves (or the version approved before it), which the training pipeline wrote under each execution\'s id into the artifact bucket, whose name CloudFormation makes; '
    + 'the statement is conditioned on the build account, and read-only');
  acknowledgeWildcardResource(scope, keysOf(scope, config),
    'the artifact key\'s id is made by CloudFormation in the model-build stack; the statement only decrypts through S3 in the build region');
}

function evaluationObjects(scope: Stack, config: ProjectConfig): string {
  return `arn:${scope.partition}:s3:::*/${resourceNamesOf(config).trainingPipeline}/*/${PLAYER_CHURN.steps.evaluate}/evaluation/*`;
}

/** Preprocess's baseline, or MergeBaseline's when Preprocess is scaled out: `<pipeline>/<execution>/<step>/baseline/baseline.csv`. */
function baselineObjects(scope: Stack, config: ProjectConfig): string {
  return `arn:${scope.partition}:s3:::*/${resourceNamesOf(config).trainingPipeline}/*/baseline/${BASELINE_FILE_NAME}`;
}

function keysOf(scope: Stack, config: ProjectConfig): string {
  const { account, region } = config.environments.build;
  return scope.formatArn({ service: 'kms', region, account: account ?? scope.account, resource: 'key', resourceName: '*' });
}
