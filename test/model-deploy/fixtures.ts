import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ModelDeployApp, ResolvedModel } from '../../src/model-deploy';
import { MODEL } from './models';
import { testConfig } from '../helpers/validated-synth';

/** A model-deploy repository with the drift script (its content does not matter to synth). */
export function repo(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'model-deploy-'));
  fs.mkdirSync(path.join(dir, 'monitoring'));
  fs.writeFileSync(path.join(dir, 'monitoring', 'drift_check.py'), 'print("drift")\n');
  return dir;
}

export { MODEL, NEXT_MODEL } from './models';

/** A model-deploy app of the test project with `overrides`, deploying `model`. */
export const app = (overrides: Record<string, unknown> = {}, model: ResolvedModel = MODEL) =>
  new ModelDeployApp({ config: testConfig(overrides), repoDir: repo(), model });

/**
 * Evaluates an EventBridge pattern on an event, for the operators the trigger uses (exact values, anything-but, exists,
 * $or). A field whose value in the event is an array matches a value rule when one of its elements does (EventBridge
 * user guide, "Arrays in Amazon EventBridge event patterns").
 */
export function matches(pattern: any, event: any): boolean {
  return Object.entries(pattern).every(([key, expected]) => {
    if (key === '$or') {
      return (expected as any[]).some((alternative) => matches(alternative, event));
    }
    const value = event?.[key];
    if (Array.isArray(expected)) {
      return expected.some((rule: any) => {
        if (typeof rule === 'object' && rule !== null && 'exists' in rule) {
          return (value !== undefined) === rule.exists;
        }
        const candidates: unknown[] = Array.isArray(value) ? value : [value];
        return candidates.some((candidate) => (typeof rule === 'object' && rule !== null && 'anything-but' in rule
          ? candidate !== undefined && !rule['anything-but'].includes(candidate)
          : rule === candidate));
      });
    }
    // A nested pattern on a missing object matches only when all it asks is that its fields do not exist.
    return matches(expected, typeof value === 'object' && value !== null ? value : {});
  });
}

/** The parsed buildspecs of a template's CodeBuild projects. */
export function buildSpecs(template: { findResources(type: string): Record<string, any> }): any[] {
  return Object.values<any>(template.findResources('AWS::CodeBuild::Project'))
    .map((p) => p.Properties.Source.BuildSpec)
    .filter((spec: unknown): spec is string => typeof spec === 'string' && spec.startsWith('{'))
    .map((spec) => JSON.parse(spec));
}

/**
 * A "SageMaker Model Package State Change" event as the SageMaker developer guide's page "Events that Amazon SageMaker
 * AI sends to Amazon EventBridge" shows it (its detail: group, version, ARN, ModelPackageStatus, ModelApprovalStatus),
 * for version 3 in account 111111111111.
 */
export const modelPackageEvent = (approval: string, status = 'Completed', group = 'player-churn') => ({
  'version': '0',
  'detail-type': 'SageMaker Model Package State Change',
  'source': 'aws.sagemaker',
  'account': '111111111111',
  'region': 'us-east-1',
  'detail': {
    ModelPackageGroupName: group,
    ModelPackageVersion: 3,
    ModelPackageArn: `arn:aws:sagemaker:us-east-1:111111111111:model-package/${group}/3`,
    ModelPackageStatus: status,
    ModelApprovalStatus: approval,
  },
});
