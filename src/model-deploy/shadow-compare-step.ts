import { CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as pipelines from 'aws-cdk-lib/pipelines';
import { ProjectConfig, ResolvedShadowRelease, SHADOW_COMPARE_MINUTES, SHADOW_SETTLE_MINUTES } from '../config';
import { SHADOW_VARIABLES, ShadowVariable } from '../aws/shadow-report';
import { BUILD_ENV } from '../constructs';
import { VARIANT_NAME, endpointName } from './endpoint-stack';
import { RELEASE_INPUT_DIR, RELEASE_MODEL_FILE } from './release-checks';
import { RELEASE_TOOLS_DIR, optionNumber, releaseToolsCommand } from '../constructs/release-tools';
import { LIVE_MODEL_FILE } from '../app-context/resolved-model';
import { shadowCompareRoleName } from './shadow-compare-access';
import { SHADOW_VARIANT_NAME } from './shadow-variant';

/** The comparison action, after the shadow phase's deploy. */
export const SHADOW_COMPARE_ACTION = 'CompareShadow';

/** Where the comparison writes its report (the action's output artifact). */
export const SHADOW_REPORT_DIR = 'shadow-report';
export const SHADOW_REPORT = `${SHADOW_REPORT_DIR}/report.json`;

/** compare-shadow's env file: one `NAME=value` line per SHADOW_VARIABLES entry (`--variables-file`). */
export const SHADOW_ENV_FILE = `${SHADOW_REPORT_DIR}/shadow.env`;

/** The verdict the step exports when there was no shadow phase (production served no model yet). */
export const NO_SHADOW_VERDICT = 'SKIPPED (first release: production served no model to compare with)';

/** The live model as a comparison step reads it from the synth output. */
const RELEASE_LIVE_MODEL = `${RELEASE_INPUT_DIR}/${LIVE_MODEL_FILE}`;

export interface CompareShadowProps {
  readonly config: ProjectConfig;
  readonly shadow: ResolvedShadowRelease;
  /** The repository (the step's primary input). */
  readonly input: pipelines.IFileSetProducer;
  /** The synth step: its output holds the live model (whether there is a shadow phase). */
  readonly release: pipelines.IFileSetProducer;
  /** The synth step's release tools bundle, which runs compare-shadow without an install. */
  readonly tools: pipelines.IFileSetProducer;
  /** The production stack's capture location output (ShadowCompareAccess.captureUri). */
  readonly captureUri: CfnOutput;
}

/**
 * The comparison after the shadow phase, as a CodeBuild step: with a live model, it waits
 * `minutes` while the shadow receives a copy of production's traffic, then runs `compare-shadow`
 * (which also checks that the shadow serves the release's candidate, not a shadow left by an earlier release)
 * as the production account's comparison role (`shadowCompareRoleName`), which fails the step,
 * and so stops the release, when the shadow exceeds a threshold (its log shows the table and the
 * reasons); otherwise the numbers (compare-shadow's env file) are exported as SHADOW_VARIABLES for
 * the approval. Without a live model (the first release) it logs why there is no shadow phase and
 * exports NO_SHADOW_VERDICT.
 */
export function compareShadowStep(scope: Stack, props: CompareShadowProps): pipelines.CodeBuildStep {
  const { config, shadow } = props;
  const env = config.environments.prod;
  const endpoint = endpointName(config, 'prod');
  const roleArn = `arn:${scope.partition}:iam::${env.account ?? scope.account}:role/${shadowCompareRoleName(config)}`;
  const compare = releaseToolsCommand(RELEASE_TOOLS_DIR, [
    'compare-shadow', `--endpoint ${endpoint}`, `--production-variant ${VARIANT_NAME}`, `--shadow-variant ${SHADOW_VARIANT_NAME}`,
    '--capture-uri "$CAPTURE_URI"', `--minutes ${shadow.minutes}`, `--max-latency-increase-percent ${optionNumber(shadow.maxLatencyIncreasePercent)}`,
    `--max-error-rate ${optionNumber(shadow.maxErrorRate)}`, `--max-prediction-psi ${optionNumber(shadow.maxPredictionPsi)}`, `--min-invocations ${shadow.minInvocations}`,
    `--shadow-model-package "$(node -p "require('./${RELEASE_MODEL_FILE}').modelPackageArn")"`,
    `--shadow-instances ${shadow.instanceCount}`,
    `--region ${env.region} --profile shadow`, `--out ${SHADOW_REPORT}`, `--variables-file ${SHADOW_ENV_FILE}`,
  ].join(' '));
  const live = (expression: string) => `"$(node -p "const l = require('./${RELEASE_LIVE_MODEL}'); ${expression}")"`;
  return new pipelines.CodeBuildStep(SHADOW_COMPARE_ACTION, {
    input: props.input,
    additionalInputs: { [RELEASE_INPUT_DIR]: props.release, [RELEASE_TOOLS_DIR]: props.tools },
    env: BUILD_ENV,
    envFromCfnOutputs: { CAPTURE_URI: props.captureUri },
    commands: [
      `mkdir -p ~/.aws ${SHADOW_REPORT_DIR}`,
      `printf '[profile shadow]\\nrole_arn = ${roleArn}\\ncredential_source = EcsContainer\\n' >> ~/.aws/config`,
      `if [ ${live('Boolean(l.model)')} = true ]; then ` +
        `echo "Shadow phase: version ${live('l.model.version')} serves ${endpoint}; the candidate receives a copy of its traffic for ${shadow.minutes} minutes" && ` +
        `sleep ${(shadow.minutes + SHADOW_SETTLE_MINUTES) * 60} && ${compare}; ` +
        `else echo "No shadow phase: "${live('l.none')}; fi`,
      ...shadowVariableCommands(),
    ],
    primaryOutputDirectory: SHADOW_REPORT_DIR,
    timeout: Duration.minutes(shadow.minutes + SHADOW_SETTLE_MINUTES + SHADOW_COMPARE_MINUTES),
    rolePolicyStatements: [new iam.PolicyStatement({ actions: ['sts:AssumeRole'], resources: [roleArn] })],
  });
}

/**
 * Shell commands that export SHADOW_VARIABLES (CodeBuild exports them at the end of the build):
 * from compare-shadow's env file, or NO_SHADOW_VERDICT without a shadow phase; a value compare-shadow
 * left empty (no data) reads `-`, so every variable the approval names has a value.
 */
export function shadowVariableCommands(): string[] {
  return [
    `if [ -s ${SHADOW_ENV_FILE} ]; then set -a && . ./${SHADOW_ENV_FILE} && set +a; else export SHADOW_VERDICT='${NO_SHADOW_VERDICT}'; fi`,
    ...SHADOW_VARIABLES.map((name) => `export ${name}="\${${name}:--}"`),
  ];
}

/**
 * The comparison's part of the release approval comment: the numbers as CodePipeline variables
 * (`variable(name)` gives the syntax), so the pipeline's definition is the same for every release.
 */
export function shadowApprovalText(shadow: ResolvedShadowRelease, variable: (name: ShadowVariable) => string): string {
  return ` Shadow comparison over ${shadow.minutes} min: ${variable('SHADOW_VERDICT')}. Shadow vs production: p95 latency ${variable('SHADOW_LATENCY_P95_MS')} vs ` +
    `${variable('PROD_LATENCY_P95_MS')} ms (shadow p50 ${variable('SHADOW_LATENCY_P50_MS')} ms), error rate ${variable('SHADOW_ERROR_RATE')} vs ${variable('PROD_ERROR_RATE')}, ` +
    `prediction PSI ${variable('SHADOW_PREDICTION_PSI')}, over ${variable('SHADOW_REQUESTS')} shadow requests.`;
}
