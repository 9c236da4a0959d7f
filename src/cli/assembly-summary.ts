import { missingFile } from '../aws/errors';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';

/** CloudFormation's limit on resources per stack. */
export const CLOUDFORMATION_RESOURCE_LIMIT = 500;

export interface StackSummary {
  /** The app (a label, by default the assembly's parent folder name). */
  readonly app: string;
  readonly stack: string;
  /** `account/region`; `unknown-account` when the stack is environment-agnostic in its account. */
  readonly environment: string;
  readonly resources: number;
  /** The template file, relative to the current folder. */
  readonly template: string;
}

/**
 * One row per stack of a synthesized cloud assembly (a `cdk.out` folder), stacks of nested
 * assemblies (CDK Pipelines stages) included.
 */
export function summarizeAssembly(assemblyDir: string, app?: string): StackSummary[] {
  if (!fs.existsSync(path.join(assemblyDir, 'manifest.json'))) {
    throw missingFile(new Error(`${assemblyDir} is not a synthesized cloud assembly (no manifest.json): run \`cdk synth\` first`), path.join(assemblyDir, 'manifest.json'));
  }
  const label = app ?? path.basename(path.dirname(path.resolve(assemblyDir)));
  return new CloudAssembly(assemblyDir).stacksRecursively.map((stack) => ({
    app: label,
    stack: stack.stackName,
    environment: `${stack.environment.account}/${stack.environment.region}`,
    resources: Object.keys(stack.template.Resources ?? {}).length,
    template: path.relative(process.cwd(), stack.templateFullPath),
  }));
}

/** The summary as an aligned text table, with a warning row for stacks near CloudFormation's limit. */
export function formatSummary(rows: readonly StackSummary[]): string {
  const header = ['app', 'stack', 'environment', 'resources'];
  const cells = rows.map((row) => [row.app, row.stack, row.environment, String(row.resources)]);
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((cell) => cell[i].length)));
  const line = (cell: string[]) => cell.map((value, i) => (i === 3 ? value.padStart(widths[i]) : value.padEnd(widths[i]))).join('  ').trimEnd();
  const total = rows.reduce((sum, row) => sum + row.resources, 0);
  const near = rows.filter((row) => row.resources > CLOUDFORMATION_RESOURCE_LIMIT * 0.8);
  return [
    line(header),
    ...cells.map(line),
    `${rows.length} stack(s), ${total} resource(s)`,
    ...near.map((row) => `warning: ${row.stack} has ${row.resources} resources, close to CloudFormation's limit of ${CLOUDFORMATION_RESOURCE_LIMIT}`),
  ].join('\n');
}
