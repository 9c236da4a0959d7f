import { Validations } from 'aws-cdk-lib';
import { CURRENTLY_RECOMMENDED_FLAGS, NEW_PROJECT_DEFAULT_CONTEXT, VALIDATE_AGAINST_DEFAULT_RULES } from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { GuardrailsPlugin } from './guardrails-plugin';
import { ThreadedCloudFormationValidation } from './threaded-cloudformation-validate';

/**
 * The CDK context every app of the project synthesizes with, and that the generated cdk.json
 * carries: the feature flags aws-cdk-lib recommends for new projects (what `cdk init` writes)
 * and, explicitly, aws-cdk-lib's CloudFormation validator on, its findings failing the synth.
 */
export const PROJECT_APP_CONTEXT: Readonly<Record<string, unknown>> = {
  ...NEW_PROJECT_DEFAULT_CONTEXT,
  ...CURRENTLY_RECOMMENDED_FLAGS,
  [VALIDATE_AGAINST_DEFAULT_RULES]: true,
};

/**
 * Adds the checks every synthesized template must pass to an app: cdk-nag's AwsSolutions
 * rules, the project's guardrails and aws-cdk-lib's CloudFormation validator (registered here so
 * that it runs on a worker thread, beside the others: {@link ThreadedCloudFormationValidation}).
 * Findings fail the synth; acknowledge a finding with
 * `Validations.of(construct).acknowledge({ id, reason })` and a specific reason.
 */
export function addProjectValidations(app: IConstruct): void {
  const cloudFormation = ThreadedCloudFormationValidation.forApp(app);
  Validations.of(app).addPlugins(
    ...(cloudFormation ? [cloudFormation.start] : []),
    new AwsSolutionsChecks(app),
    new GuardrailsPlugin(),
    ...(cloudFormation ? [cloudFormation.validator] : []),
  );
}
