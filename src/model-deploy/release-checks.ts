import * as path from 'node:path';
import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as pipelines from 'aws-cdk-lib/pipelines';
import { IConstruct } from 'constructs';
import { ProjectConfig } from '../config';
import { BUILD_ENV } from '../constructs';
import { RELEASE_VARIABLES, resourceNamesOf } from '../app-context/resource-names';
import { acknowledgeWildcardResource } from '../validation/acknowledge';
import { Stage, endpointName } from './endpoint-stack';
import { MODEL_INPUTS_FILE, RELEASE_EVALUATION_FILE, RELEASE_PAYLOAD_FILE } from './release-payload';
import { RELEASE_TOOLS_DIR, optionNumber, releaseToolsCommand } from '../constructs/release-tools';
import { RESOLVED_MODEL_FILE } from '../app-context/resolved-model';

/**
 * The payload the live tests send when the release's model version has none of its own (it was
 * registered before evaluate.py wrote payload.csv), in a model-deploy repository.
 */
export const TEST_PAYLOAD = path.join('test', 'payload.csv');

/** Where a live test writes its report (the check action's output artifact). */
export const TEST_REPORT_DIR = 'test-report';

/** Where a check step finds the synth step's output (the cloud assembly, with the release's resolved-model.json). */
export const RELEASE_INPUT_DIR = 'release';

/** The resolved model of the running release, as a check step reads it. */
export const RELEASE_MODEL_FILE = `${RELEASE_INPUT_DIR}/${RESOLVED_MODEL_FILE}`;

/** The release's test split (label first) and evaluation, as a check step reads them from the synth output. */
export const RELEASE_PAYLOAD = `${RELEASE_INPUT_DIR}/${RELEASE_PAYLOAD_FILE}`;
export const RELEASE_EVALUATION = `${RELEASE_INPUT_DIR}/${RELEASE_EVALUATION_FILE}`;

/** Rows of the payload the production smoke test sends. */
export const PROD_SMOKE_TEST_ROWS = 20;

/** The production check action, after the production deploy. */
export const PROD_CHECK_ACTION = 'VerifyRelease';


/** The name of the role in a stage's own account that the pipeline's checks assume. */
export function endpointTesterRoleName(config: ProjectConfig, stage: Stage): string {
  return `${config.projectName}-${stage}-endpoint-tester`;
}

/** The name of the role in a separate staging account that the live test assumes. */
export function stagingTesterRoleName(config: ProjectConfig): string {
  return endpointTesterRoleName(config, 'staging');
}

/** Whether a stage deploys to another account than the pipeline's. */
export function isCrossAccount(config: ProjectConfig, stage: Stage): boolean {
  const account = config.environments[stage].account;
  return account !== undefined && account !== config.environments.build.account;
}

/**
 * What a check needs to read in the stage's account: the endpoint (describe, invoke), its
 * endpoint configurations and models (named by CloudFormation at deploy time), and the endpoint
 * stack's resources.
 */
export function releaseCheckStatements(scope: Stack, config: ProjectConfig, stage: Stage): iam.PolicyStatement[] {
  const env = config.environments[stage];
  const at = (resource: string, resourceName: string, service = 'sagemaker') =>
    scope.formatArn({ service, region: env.region, account: env.account ?? scope.account, resource, resourceName });
  const endpoint = at('endpoint', endpointName(config, stage).toLowerCase());
  return [
    new iam.PolicyStatement({ actions: ['sagemaker:InvokeEndpoint', 'sagemaker:DescribeEndpoint'], resources: [endpoint] }),
    new iam.PolicyStatement({ actions: ['sagemaker:DescribeEndpointConfig'], resources: [at('endpoint-config', '*')] }),
    new iam.PolicyStatement({ actions: ['sagemaker:DescribeModel'], resources: [at('model', '*')] }),
    new iam.PolicyStatement({
      actions: ['cloudformation:DescribeStacks', 'cloudformation:ListStackResources'],
      resources: [at('stack', `${resourceNamesOf(config).endpointStack(stage)}/*`, 'cloudformation')],
    }),
  ];
}

/** Acknowledges the wildcards of `releaseCheckStatements` on `scope`, each with its reason. */
export function acknowledgeReleaseCheckWildcards(scope: Stack, config: ProjectConfig, stage: Stage, on: IConstruct = scope): void {
  const env = config.environments[stage];
  const arn = (resource: string, resourceName: string, service = 'sagemaker') =>
    scope.formatArn({ service, region: env.region, account: env.account ?? scope.account, resource, resourceName, arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
  acknowledgeWildcardResource(on, arn('endpoint-config', '*'),
    `verify-release describes the endpoint configuration ${endpointName(config, stage)} serves; CloudFormation names it at deploy time, and the action is read-only`);
  acknowledgeWildcardResource(on, arn('model', '*'),
    `verify-release describes the models ${endpointName(config, stage)} serves; CloudFormation names them at deploy time, and the action is read-only`);
  acknowledgeWildcardResource(on, arn('stack', `${resourceNamesOf(config).endpointStack(stage)}/*`, 'cloudformation'),
    'the stack id ends in a UUID CloudFormation assigns at creation; the wildcard covers only this stack name, for read-only calls');
}

export interface ReleaseCheckProps {
  readonly config: ProjectConfig;
  readonly stage: Stage;
  /** The repository (the test payload). */
  readonly input: pipelines.IFileSetProducer;
  /** The synth step: its output holds the release's resolved-model.json. */
  readonly release: pipelines.IFileSetProducer;
  /** The synth step's release tools bundle (`ProjectPipeline.releaseTools`), which runs the checks without an install. */
  readonly tools: pipelines.IFileSetProducer;
  /** Send only the first rows of the payload. @default - all of it */
  readonly limit?: number;
  /**
   * Export the release's version, AUC, package and input comparison as CodePipeline variables (RELEASE_VARIABLES), the
   * comparison's line cut to `inputsMaxLength` characters (releaseInputsMaxLength).
   * @default - none exported
   */
  readonly exportReleaseVariables?: { readonly inputsMaxLength: number };
}

/**
 * A post-deploy check of a stage, as a CodeBuild step running the synth step's release tools
 * bundle (no install of the repository): `verify-release` (the endpoint serves the
 * configuration and model the stack deployed, from the release's resolved model, not the
 * previous ones after an automatic rollback), then `test-endpoint` on the live endpoint. Both
 * read the release from the synth output at run time. A stage in another account is checked as
 * its tester role (`endpointTesterRoleName`), which the stage's endpoint stack creates.
 */
export function releaseCheckStep(scope: Stack, id: string, props: ReleaseCheckProps): pipelines.CodeBuildStep {
  const { config, stage } = props;
  const env = config.environments[stage];
  const endpoint = endpointName(config, stage);
  const testerRoleArn = isCrossAccount(config, stage) ? `arn:${scope.partition}:iam::${env.account}:role/${endpointTesterRoleName(config, stage)}` : undefined;
  const aws = `--region ${env.region}${testerRoleArn ? ` --profile ${stage}` : ''}`;
  const step = new pipelines.CodeBuildStep(id, {
    input: props.input,
    additionalInputs: { [RELEASE_INPUT_DIR]: props.release, [RELEASE_TOOLS_DIR]: props.tools },
    env: BUILD_ENV,
    commands: [
      ...(testerRoleArn ? [
        // The endpoint is in another account: the checks run as that account's tester role.
        'mkdir -p ~/.aws',
        `printf '[profile ${stage}]\\nrole_arn = ${testerRoleArn}\\ncredential_source = EcsContainer\\n' >> ~/.aws/config`,
      ] : []),
      releaseToolsCommand(RELEASE_TOOLS_DIR, `verify-release --stack ${resourceNamesOf(config).endpointStack(stage)} --endpoint ${endpoint} --model ${RELEASE_MODEL_FILE} ${aws}`),
      endpointTestCommand(config, stage, `${TEST_REPORT_DIR}/report.json`, aws, props.limit),
      ...(props.exportReleaseVariables ? releaseVariableCommands(props.exportReleaseVariables.inputsMaxLength) : []),
    ],
    primaryOutputDirectory: TEST_REPORT_DIR,
    timeout: Duration.minutes(30),
    rolePolicyStatements: testerRoleArn
      ? [new iam.PolicyStatement({ actions: ['sts:AssumeRole'], resources: [testerRoleArn] })]
      : releaseCheckStatements(scope, config, stage),
  });
  if (!testerRoleArn) {
    acknowledgeReleaseCheckWildcards(scope, config, stage);
  }
  if (props.exportReleaseVariables) {
    // Each one exported, also those the approval's comment does not name: approve-release reads them all.
    Object.values(RELEASE_VARIABLES).forEach((name) => step.exportedVariable(name));
  }
  return step;
}

/**
 * The live test of a stage's endpoint: with the release's own test rows (`RELEASE_PAYLOAD`, the
 * label first), the payload's width is checked against the model's feature count from the
 * release's evaluation.json, and on staging (no `limit`) the AUC over the labels must reproduce
 * (within `EXPECTED_AUC_TOLERANCE`, either side) the AUC the model scored on the same rows in the Evaluate step (evaluation.json's `payload.auc`:
 * evaluate.py samples a large test split, so the quality gate's threshold may be out of a sample's
 * reach by chance), or, for a version whose evaluation.json does not record it, reach the quality
 * gate's threshold (`qualityThreshold`) over the whole split. Production's smoke test checks the
 * first `limit` rows' answers only. Without a release payload (a version registered before
 * evaluate.py wrote one), the repository's `TEST_PAYLOAD` is sent without labels, with a warning.
 */
export function endpointTestCommand(config: ProjectConfig, stage: Stage, report: string, aws: string, limit?: number): string {
  const endpoint = endpointName(config, stage);
  // A serverless endpoint takes smaller request bodies than a real-time one (test-endpoint --endpoint-type).
  const type = config.endpoints[stage].type === 'serverless' ? ' --endpoint-type serverless' : '';
  const common = `--max-p95-ms ${optionNumber(config.release.maxP95LatencyMs)} --report ${report}${type}${limit === undefined ? '' : ` --limit ${limit}`} ${aws}`;
  const features = `"$(node -p "require('./${RELEASE_EVALUATION}').model_features")"`;
  // Unquoted where it is used, so that its option and value are two words; a failing node stops the test.
  const quality = limit === undefined
    ? `QUALITY="$(node -p "const p = require('./${RELEASE_EVALUATION}').payload || {}; `
      + `Number.isFinite(p.auc) ? '--expected-auc ' + p.auc.toFixed(6) : p.sampled_from !== undefined `
      + `? (console.error('error: evaluation.json records a sampled payload without its AUC (payload.auc): nothing to hold the endpoint to'), process.exit(1)) `
      + `: (console.error('${legacyPayloadNote(config)}'), '--min-auc ${optionNumber(config.qualityThreshold)}')")" && `
    : '';
  const release = quality + releaseToolsCommand(RELEASE_TOOLS_DIR,
    `test-endpoint --endpoint ${endpoint} --payload ${RELEASE_PAYLOAD} --label-column first --model-features ${features}${quality ? ' $QUALITY' : ''} ${common}`);
  const fallback = releaseToolsCommand(RELEASE_TOOLS_DIR, `test-endpoint --endpoint ${endpoint} --payload ${TEST_PAYLOAD} ${common}`);
  const warning = `echo "WARNING: the release's model version has no test split of its own (${RELEASE_PAYLOAD}): sending ${TEST_PAYLOAD}, whose width and labels are not checked against the model"`;
  return `if [ -f ${RELEASE_PAYLOAD} ]; then ${release}; else ${warning} && ${fallback}; fi`;
}

/**
 * What the staging test says of a release whose evaluation.json records no `payload.auc`: its
 * evaluate.py (seed code, never overwritten) predates the capped payload, so the whole test split
 * is sent, however large. Inside single quotes of a double-quoted shell string: no quote, no `$`.
 */
function legacyPayloadNote(config: ProjectConfig): string {
  return 'note: evaluation.json records no payload.auc (its evaluate.py predates the capped staging payload), so the test sends the whole '
    + `test split and holds its AUC to qualityThreshold ${optionNumber(config.qualityThreshold)}; the seed evaluate.py of the toolkit sends at most 10000 rows `
    + '(PAYLOAD_MAX_ROWS) and records their AUC';
}

/**
 * Shell commands that set RELEASE_VARIABLES from the release's resolved model (CodeBuild exports them at the end of the
 * build), input-check's line cut to `inputsMaxLength` characters.
 */
export function releaseVariableCommands(inputsMaxLength: number): string[] {
  if (!Number.isInteger(inputsMaxLength) || inputsMaxLength < 1) {
    throw new Error(`inputsMaxLength must be a positive integer, got ${inputsMaxLength}`);
  }
  const read = (expression: string) => `"$(node -p "const m = require('./${RELEASE_MODEL_FILE}'); ${expression}")"`;
  // input-check's comparison from the synth step; a release synthesized without it (or an unreadable one) says so.
  const inputs = (expression: string, otherwise: string) =>
    `"$(node -p "try { ${expression} } catch { '${otherwise}' }" 2>/dev/null || echo '${otherwise}')"`;
  const comparison = `require('./${RELEASE_INPUT_DIR}/${MODEL_INPUTS_FILE}')`;
  return [
    `export ${RELEASE_VARIABLES.version}=${read('m.version')}`,
    `export ${RELEASE_VARIABLES.auc}=${read('m.auc === undefined ? \'not recorded\' : m.auc.toFixed(4)')}`,
    `export ${RELEASE_VARIABLES.packageArn}=${read('m.modelPackageArn')}`,
    `export ${RELEASE_VARIABLES.inputs}=${inputs(`String(${comparison}.summary ?? '').split(/\\r?\\n/)[0].slice(0, ${inputsMaxLength}) || 'not compared'`, 'not compared')}`,
    `export ${RELEASE_VARIABLES.inputsBase}=${inputs(`String(${comparison}.base?.version ?? 'none')`, 'none')}`,
  ];
}
