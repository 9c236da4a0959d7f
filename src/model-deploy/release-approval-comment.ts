import { Token } from 'aws-cdk-lib';
import { ConfigError, ProjectConfig } from '../config';
import { ACTION_CONFIGURATION_MAX_LENGTH } from '../constructs/pipeline-limits';
import { RELEASE_VARIABLES } from '../app-context/resource-names';
import { endpointName } from './endpoint-stack';
import { NO_SHADOW_VERDICT, shadowApprovalText } from './shadow-compare-step';
import { shadowReleaseOf } from './shadow-release';

/** The most of input-check's line the staging check exports (MODEL_INPUTS), when the approval's comment has room for it. */
export const MODEL_INPUTS_MAX_LENGTH = 400;

/** The longest text JavaScript's String() gives a double (sign, 17 digits, point, exponent). */
const LONGEST_NUMBER = '-1.2345678901234567e-100';

function commentText(config: ProjectConfig, variable: (name: string) => string, shadowVariable?: (name: string) => string): string {
  const shadow = shadowReleaseOf(config);
  return `Release model version ${variable(RELEASE_VARIABLES.version)} of ${config.modelPackageGroupName} (test AUC ${variable(RELEASE_VARIABLES.auc)}) ` +
    `to the production endpoint ${endpointName(config, 'prod')}. It passed the live test on ${endpointName(config, 'staging')}. Package: ${variable(RELEASE_VARIABLES.packageArn)}. ` +
    `Model inputs: ${variable(RELEASE_VARIABLES.inputs)}` +
    (shadow && shadowVariable ? shadowApprovalText(shadow, shadowVariable) : '');
}

/**
 * The release approval's comment (CustomData): the version, AUC and package as CodePipeline
 * variables that the staging check exports from the release's resolved model, so the pipeline's
 * definition is the same for every release ("Variables reference": variables resolve in the
 * configuration of any action that runs after the producing one).
 *
 * @throws ConfigError when the comment is longer than CodePipeline accepts
 */
export function releaseApprovalComment(config: ProjectConfig, variable: (name: string) => string, shadowVariable?: (name: string) => string): string {
  const comment = commentText(config, variable, shadowVariable);
  if (!Token.isUnresolved(comment) && comment.length > ACTION_CONFIGURATION_MAX_LENGTH) {
    throw new ConfigError(`the release approval comment for modelPackageGroupName ${config.modelPackageGroupName} must be at most ${ACTION_CONFIGURATION_MAX_LENGTH} characters (CodePipeline action configuration); got ${comment.length}`);
  }
  return comment;
}

/**
 * The longest value each variable of the comment takes at run time: a version number of 10 digits, the AUC as the
 * staging check writes it (4 decimals, or "not recorded"), the package ARN in the longest partition, the shadow
 * comparison's numbers as String() writes a double, its verdict PASS, FAIL or NO_SHADOW_VERDICT.
 */
function longestValue(config: ProjectConfig, name: string): string {
  switch (name) {
    case RELEASE_VARIABLES.version: return '9'.repeat(10);
    case RELEASE_VARIABLES.auc: return 'not recorded';
    case RELEASE_VARIABLES.packageArn:
      return `arn:aws-iso-b:sagemaker:${config.environments.build.region}:123456789012:model-package/${config.modelPackageGroupName.toLowerCase()}/${'9'.repeat(10)}`;
    case RELEASE_VARIABLES.inputs: return '';
    case 'SHADOW_VERDICT': return NO_SHADOW_VERDICT;
    default: return LONGEST_NUMBER;
  }
}

/**
 * How much of input-check's line the staging check exports: the room the approval's comment leaves for it once
 * CodePipeline has put in the other variables at their longest, so that the comment as resolved stays within
 * CodePipeline's 1000 characters too (whether CodePipeline checks the resolved text is not documented: "Variables
 * reference" gives the limit for the configuration as written), up to MODEL_INPUTS_MAX_LENGTH. The longest names the
 * config accepts, with a shadow phase, leave 196 characters.
 */
export function releaseInputsMaxLength(config: ProjectConfig): number {
  const longest = (name: string) => longestValue(config, name);
  return Math.min(ACTION_CONFIGURATION_MAX_LENGTH - commentText(config, longest, longest).length, MODEL_INPUTS_MAX_LENGTH);
}
