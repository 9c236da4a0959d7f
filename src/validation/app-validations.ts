import { CloudFormationValidatePluginProps, Validations } from 'aws-cdk-lib';
import { CURRENTLY_RECOMMENDED_FLAGS, NEW_PROJECT_DEFAULT_CONTEXT, VALIDATE_AGAINST_DEFAULT_RULES } from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { ControlTowerChecks } from './control-tower-plugin';
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

/** Settings of the checks {@link addProjectValidations} adds. */
export interface ProjectValidationOptions {
  /**
   * aws-cdk-lib's CloudFormation validator's settings: rules of your own (Rego or Guard) beside
   * its built-in ones, or the built-in ones off. Give them here: the project registers the
   * validator, and aws-cdk-lib allows one per app.
   * @default - the validator's defaults
   */
  readonly cloudFormation?: CloudFormationValidatePluginProps;
}

/**
 * Adds the checks every synthesized template must pass to an app: cdk-nag's AwsSolutions
 * rules, the project's guardrails, AWS Control Tower's proactive controls
 * ({@link ControlTowerChecks}, acknowledged with `acknowledgeControl`) and aws-cdk-lib's
 * CloudFormation validator (registered here so that it runs on a worker thread, beside the
 * others: {@link ThreadedCloudFormationValidation}).
 * Findings fail the synth; acknowledge a finding with
 * `Validations.of(construct).acknowledge({ id, reason })` and a specific reason.
 */
export function addProjectValidations(app: IConstruct, options: ProjectValidationOptions = {}): void {
  const cloudFormation = ThreadedCloudFormationValidation.forApp(app, options.cloudFormation);
  Validations.of(app).addPlugins(
    ...(cloudFormation ? [cloudFormation.start] : []),
    new AwsSolutionsChecks(app),
    new GuardrailsPlugin(),
    new ControlTowerChecks(),
    ...(cloudFormation ? [cloudFormation.validator] : []),
  );
}
