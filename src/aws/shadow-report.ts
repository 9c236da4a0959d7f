import { ShadowReport } from './shadow-compare';

/**
 * The variables a CodeBuild step exports to CodePipeline (buildspec `env.exported-variables`): the
 * step sources the env file (`set -a; . ./shadow.env; set +a`) and CodePipeline then resolves
 * `#{<namespace>.SHADOW_VERDICT}` and the others in later actions, e.g. the approval's message.
 * Values are numbers, PASS or FAIL, or empty when there was no data.
 */
export const SHADOW_VARIABLES = [
  'SHADOW_VERDICT',
  'SHADOW_LATENCY_P50_MS',
  'SHADOW_LATENCY_P95_MS',
  'PROD_LATENCY_P95_MS',
  'SHADOW_ERROR_RATE',
  'PROD_ERROR_RATE',
  'SHADOW_PREDICTION_PSI',
  'SHADOW_REQUESTS',
] as const;

export type ShadowVariable = typeof SHADOW_VARIABLES[number];

/** The variables' values; SHADOW_REQUESTS is the shadow variant's Invocations in the window. */
export function shadowVariables(report: ShadowReport): Record<ShadowVariable, string> {
  const text = (value: number | null) => (value === null ? '' : String(value));
  const { production, shadow } = report.metrics;
  return {
    SHADOW_VERDICT: report.verdict,
    SHADOW_LATENCY_P50_MS: text(shadow.latencyMs.p50),
    SHADOW_LATENCY_P95_MS: text(shadow.latencyMs.p95),
    PROD_LATENCY_P95_MS: text(production.latencyMs.p95),
    SHADOW_ERROR_RATE: text(shadow.errorRate),
    PROD_ERROR_RATE: text(production.errorRate),
    SHADOW_PREDICTION_PSI: text(report.predictions.psi),
    SHADOW_REQUESTS: String(shadow.invocations),
  };
}

/** The env file: one `NAME=value` line per variable (values need no quoting: numbers, PASS, FAIL or empty). */
export function formatShadowEnv(report: ShadowReport): string {
  return Object.entries(shadowVariables(report)).map(([name, value]) => `${name}=${value}\n`).join('');
}

/** The table people read: one row per measure, production beside shadow, then the verdict and its reasons. */
export function formatShadowReport(report: ShadowReport): string {
  const { production: p, shadow: s } = report.metrics;
  const pred = report.predictions;
  const num = (value: number | null) => (value === null ? '-' : String(value));
  const pct = (value: number | null) => (value === null ? '-' : `${value > 0 ? '+' : ''}${value}%`);
  const rows: Array<[string, string, string, string]> = [
    ['', report.productionVariant, report.shadowVariant, 'change'],
    ['instances now', num(report.endpoint.instances.production), num(report.endpoint.instances.shadow), report.endpoint.status],
    ['invocations', String(p.invocations), String(s.invocations), ''],
    ['errors (4XX/5XX/model)', `${p.invocation4xxErrors}/${p.invocation5xxErrors}/${p.invocationModelErrors}`, `${s.invocation4xxErrors}/${s.invocation5xxErrors}/${s.invocationModelErrors}`, ''],
    ['error rate', num(p.errorRate), num(s.errorRate), `max ${report.thresholds.maxErrorRate}`],
    ['model latency p50 ms', num(p.latencyMs.p50), num(s.latencyMs.p50), pct(report.latency.increasePercent.p50)],
    ['model latency p95 ms', num(p.latencyMs.p95), num(s.latencyMs.p95), pct(report.latency.increasePercent.p95)],
    ['model latency avg ms', num(p.latencyMs.average), num(s.latencyMs.average), pct(report.latency.increasePercent.average)],
    ['overhead latency p95 ms', num(p.overheadLatencyMs.p95), num(s.overheadLatencyMs.p95), ''],
    ['captured requests', String(pred.production.requests), String(pred.shadow.requests), `${pred.pairedRequests} paired`],
    ['mean prediction', num(pred.production.mean), num(pred.shadow.mean), num(pred.meanDifference)],
    ['prediction PSI', '', num(pred.psi), `max ${report.thresholds.maxPredictionPsi} (${pred.basis})`],
  ];
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column].length)));
  const table = rows.map((row) => row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]) : cell)).join('  ').trimEnd());
  return [
    `shadow ${report.shadowVariant} vs production ${report.productionVariant} of endpoint ${report.endpointName}, ${report.window.start} to ${report.window.end} (${report.window.minutes} minutes)`,
    ...table,
    ...report.reasons.map((reason) => `  ${reason}`),
    report.passed ? 'PASS' : `FAIL: ${report.reasons.length} ${report.reasons.length === 1 ? 'reason' : 'reasons'}`,
  ].join('\n');
}
