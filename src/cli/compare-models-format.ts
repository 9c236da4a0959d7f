import { ComparedVersion, MetricRow, MlflowBackendArn, MlflowUiLink, ModelComparison } from '../aws';

/**
 * The lines `compare-models` prints: which versions, the metrics table (candidate, production,
 * candidate minus production), what is missing, and where to look in the MLflow UI.
 */
export function formatComparison(comparison: ModelComparison, backend: MlflowBackendArn, link: MlflowUiLink | undefined, linkProblem: string | undefined): string[] {
  const { candidate, production, candidateIsProduction } = comparison;
  const lines = [
    `model package group ${comparison.modelPackageGroupName}, MLflow ${backend.kind === 'app' ? 'App' : 'tracking server'} ${backend.arn}`,
    `candidate:  ${describeVersion(candidate)}`,
    production
      ? `production: ${candidateIsProduction ? `the same version ${production.version}, the newest Approved (what model-deploy deploys)` : `${describeVersion(production)}, the newest Approved (what model-deploy deploys)`}`
      : 'production: no version is approved, so model-deploy deploys nothing yet',
    '',
  ];
  const rows = comparison.metrics;
  const registryRow: MetricRow = aucRow(candidate, production);
  if (rows.length === 0) {
    lines.push('no MLflow metrics to compare');
  }
  const header = ['metric', `candidate (v${candidate.version})`, production ? `production (v${production.version})` : 'production', 'difference'];
  const body = [...rows, ...(registryRow.candidate !== undefined || registryRow.production !== undefined ? [registryRow] : [])]
    .map((row) => [row.name, formatValue(row.candidate), formatValue(row.production), formatDifference(row.difference)]);
  lines.push(...table(header, body));
  for (const side of noteSides(candidate, production)) {
    lines.push(`version ${side.version}: ${side.note}`);
  }
  lines.push('', ...linkLines(candidate, candidateIsProduction ? undefined : production, link, linkProblem));
  return lines;
}

function describeVersion(side: ComparedVersion): string {
  const run = side.run ? `, MLflow run ${side.run.runId}${side.run.runName ? ` (${side.run.runName})` : ''} ${side.run.status}` : '';
  return `version ${side.version} (${side.approvalStatus})${run}`;
}

/** The AUC the Register step wrote to the registry, as a last row: it is what the quality gate compared. */
function aucRow(candidate: ComparedVersion, production: ComparedVersion | undefined): MetricRow {
  const [c, p] = [candidate.auc, production?.auc];
  return {
    name: 'registry auc',
    ...(c !== undefined ? { candidate: c } : {}),
    ...(p !== undefined ? { production: p } : {}),
    ...(c !== undefined && p !== undefined ? { difference: c - p } : {}),
  };
}

function noteSides(candidate: ComparedVersion, production: ComparedVersion | undefined): ComparedVersion[] {
  const sides = production && production.modelPackageArn !== candidate.modelPackageArn ? [candidate, production] : [candidate];
  return sides.filter((side) => side.note !== undefined);
}

function linkLines(candidate: ComparedVersion, production: ComparedVersion | undefined, link: MlflowUiLink | undefined, problem: string | undefined): string[] {
  const runs = [candidate, production].filter((side): side is ComparedVersion => side?.run !== undefined);
  const paths = runs.map((side) => `  version ${side.version}: ${side.run!.uiPath}`);
  if (!link) {
    return problem ? [`MLflow UI: no link (${problem})`, ...(paths.length > 0 ? ['the runs in the MLflow UI:', ...paths] : [])] : [];
  }
  return [
    `MLflow UI (the link opens once, within ${link.expiresInSeconds} s): ${link.url}`,
    ...(paths.length > 0 ? ['then the runs, after the UI address:', ...paths] : []),
  ];
}

/** Integers as they are (rounds, best iteration), other numbers to 4 decimals. */
function formatValue(value: number | undefined): string {
  if (value === undefined) {
    return '-';
  }
  return Number.isInteger(value) ? String(value) : value.toFixed(4);
}

function formatDifference(value: number | undefined): string {
  if (value === undefined) {
    return '-';
  }
  const text = formatValue(value);
  return value > 0 ? `+${text}` : text;
}

/** Columns padded to their widest cell; the last one is left as it is. */
function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => row[column].length)));
  return all.map((row) => row.map((cell, column) => (column < row.length - 1 ? cell.padEnd(widths[column]) : cell)).join('  ').trimEnd());
}
