import { CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as pipelines from 'aws-cdk-lib/pipelines';
import { ProjectConfig, ResolvedShadowRelease, SHADOW_COMPARE_MINUTES } from '../config';
import { BUILD_ENV } from '../constructs';
import { VARIANT_NAME, endpointName } from './endpoint-stack';
import { RELEASE_INPUT_DIR } from './release-checks';
import { RELEASE_TOOLS_DIR, releaseToolsCommand } from './release-tools';
import { LIVE_MODEL_FILE } from './resolved-model';
import { shadowCompareRoleName } from './shadow-compare-access';
import { SHADOW_VARIANT_NAME } from './shadow-variant';

/** The comparison action, after the shadow phase's deploy. */
export const SHADOW_COMPARE_ACTION = 'CompareShadow';

/** Where the comparison writes its report (the action's output artifact). */
export const SHADOW_REPORT_DIR = 'shadow-report';
export const SHADOW_REPORT = `${SHADOW_REPORT_DIR}/report.json`;

/**
 * The CodePipeline variables the comparison exports for the reviewer's approval, each read from
 * a field of compare-shadow's report (`n/a` without a shadow phase, or when the report lacks it).
 */
export const SHADOW_VARIABLES = {
  productionLatencyP50: { name: 'PRODUCTION_LATENCY_P50_MS', field: 'production.latencyP50Ms' },
  shadowLatencyP50: { name: 'SHADOW_LATENCY_P50_MS', field: 'shadow.latencyP50Ms' },
  productionErrorRate: { name: 'PRODUCTION_ERROR_RATE', field: 'production.errorRate' },
  shadowErrorRate: { name: 'SHADOW_ERROR_RATE', field: 'shadow.errorRate' },
  predictionPsi: { name: 'SHADOW_PREDICTION_PSI', field: 'predictionPsi' },
  /** One sentence: the comparison's verdict, or why there was no shadow phase. */
  summary: { name: 'SHADOW_SUMMARY', field: 'summary' },
} as const;

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
 * as the production account's comparison role (`shadowCompareRoleName`), which fails the step,
 * and so stops the release, when the shadow exceeds a threshold; the numbers are in its log and
 * exported as SHADOW_VARIABLES for the approval. Without a live model (the first release) it logs
 * why there is no shadow phase and exports `n/a`.
 */
export function compareShadowStep(scope: Stack, props: CompareShadowProps): pipelines.CodeBuildStep {
  const { config, shadow } = props;
  const env = config.environments.prod;
  const endpoint = endpointName(config, 'prod');
  const roleArn = `arn:${scope.partition}:iam::${env.account ?? scope.account}:role/${shadowCompareRoleName(config)}`;
  const compare = releaseToolsCommand(RELEASE_TOOLS_DIR, [
    'compare-shadow', `--endpoint ${endpoint}`, `--production-variant ${VARIANT_NAME}`, `--shadow-variant ${SHADOW_VARIANT_NAME}`,
    '--capture-uri "$CAPTURE_URI"', `--minutes ${shadow.minutes}`, `--max-latency-increase-percent ${shadow.maxLatencyIncreasePercent}`,
    `--max-error-rate ${shadow.maxErrorRate}`, `--max-prediction-psi ${shadow.maxPredictionPsi}`, `--region ${env.region} --profile shadow`, `--out ${SHADOW_REPORT}`,
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
        `sleep ${shadow.minutes * 60} && ${compare}; ` +
        `else echo "No shadow phase: "${live('l.none')}; fi`,
      ...shadowVariableCommands(),
    ],
    primaryOutputDirectory: SHADOW_REPORT_DIR,
    timeout: Duration.minutes(shadow.minutes + SHADOW_COMPARE_MINUTES),
    rolePolicyStatements: [new iam.PolicyStatement({ actions: ['sts:AssumeRole'], resources: [roleArn] })],
  });
}

/** Shell commands that set SHADOW_VARIABLES from the report, `n/a` for what it lacks (CodeBuild exports them at the end of the build). */
export function shadowVariableCommands(): string[] {
  return Object.values(SHADOW_VARIABLES).map(({ name, field }) => {
    const read = `const fs = require('fs'); const r = fs.existsSync('${SHADOW_REPORT}') ? JSON.parse(fs.readFileSync('${SHADOW_REPORT}', 'utf-8')) : {}; ` +
      `const v = '${field}'.split('.').reduce((o, k) => o == null ? undefined : o[k], r); ` +
      (name === SHADOW_VARIABLES.summary.name
        ? `v === undefined ? (fs.existsSync('${RELEASE_LIVE_MODEL}') && require('./${RELEASE_LIVE_MODEL}').none ? 'no shadow phase: ' + require('./${RELEASE_LIVE_MODEL}').none : 'n/a') : String(v)`
        : 'v === undefined ? \'n/a\' : String(v)');
    return `export ${name}="$(node -p "${read}")"`;
  });
}

/**
 * The comparison's part of the release approval comment: the numbers as CodePipeline variables
 * (`variable(name)` gives the syntax), so the pipeline's definition is the same for every release.
 */
export function shadowApprovalText(shadow: ResolvedShadowRelease, variable: (name: string) => string): string {
  const v = SHADOW_VARIABLES;
  return ` Shadow vs production over ${shadow.minutes} min: p50 latency ${variable(v.shadowLatencyP50.name)} vs ${variable(v.productionLatencyP50.name)} ms, ` +
    `error rate ${variable(v.shadowErrorRate.name)} vs ${variable(v.productionErrorRate.name)}, prediction PSI ${variable(v.predictionPsi.name)}. ${variable(v.summary.name)}`;
}
