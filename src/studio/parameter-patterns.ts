import { ACCOUNT_PATTERN, CONNECTION_ARN_PATTERN, PROJECT_NAME_MAX_LENGTH, PROJECT_NAME_PATTERN, REPOSITORY_PATTERN, S3_RESERVED_BUCKET_PREFIXES } from '../config';
import { SAGEMAKER_PROJECT_ID_MAX_LENGTH, SAGEMAKER_PROJECT_ID_PATTERN } from '../app-context/studio-project';

/**
 * What a CloudFormation parameter of the Studio templates allows. CloudFormation matches an
 * `AllowedPattern` against the whole value, so the patterns carry no anchors; they use only
 * the regular-expression syntax that CloudFormation and JavaScript read alike.
 */
export interface ParameterRule {
  /** The parameter's `AllowedPattern`. */
  readonly pattern: string;
  /** The parameter's `MaxLength`, if any. */
  readonly maxLength?: number;
  /** The `ConstraintDescription` CloudFormation shows when a value does not match. */
  readonly description: string;
}

/** The body of an anchored regular expression (`^...$`), as an `AllowedPattern`. */
export function allowedPatternOf(regex: RegExp): string {
  const source = regex.source;
  if (!source.startsWith('^') || !source.endsWith('$') || regex.flags !== '') {
    throw new Error(`an AllowedPattern needs an anchored regular expression without flags, got /${source}/${regex.flags}`);
  }
  return source.slice(1, -1);
}

/**
 * The rules of the project template's parameters. The project name, repository, connection
 * ARN and account rules are those of `.projenrc.ts` options, so a launch passes the same checks
 * a generated repository does (but the project name's S3 prefixes, which the bootstrap build's
 * synth checks).
 */
export const PARAMETER_RULES = {
  // Lower case only (a subset of the .projenrc.ts rule): the model package group's resource
  // policy names the group <name>-<id> by ARN, SageMaker writes names in lower case in its ARNs,
  // and CloudFormation has no function to lower a parameter.
  projectName: {
    // The prefixes Amazon S3 reserves (checkProjectBucketPrefix) would need a lookahead, which these patterns avoid:
    // the bootstrap build's synth refuses them, before any of the project's stacks is deployed.
    pattern: lowerCaseOnly(allowedPatternOf(PROJECT_NAME_PATTERN)),
    maxLength: PROJECT_NAME_MAX_LENGTH,
    description: `1 to ${PROJECT_NAME_MAX_LENGTH} characters: a lower-case letter, then lower-case letters, digits and hyphens, not ending with a hyphen, ` +
      `not starting with ${S3_RESERVED_BUCKET_PREFIXES.join(', ')}`,
  },
  projectId: {
    pattern: lowerCaseOnly(allowedPatternOf(SAGEMAKER_PROJECT_ID_PATTERN)),
    maxLength: SAGEMAKER_PROJECT_ID_MAX_LENGTH,
    description: `the id SageMaker gives the project: 1 to ${SAGEMAKER_PROJECT_ID_MAX_LENGTH} lower-case letters, digits and inner hyphens`,
  },
  repository: {
    pattern: allowedPatternOf(REPOSITORY_PATTERN),
    maxLength: 200,
    description: 'a repository as owner/name (GitLab subgroups as group/subgroup/name), e.g. acme/player-churn-model-build',
  },
  branch: {
    // A subset of git's branch names with no character a shell treats specially.
    pattern: '[A-Za-z0-9_]([A-Za-z0-9._/-]*[A-Za-z0-9_])?',
    maxLength: 200,
    description: 'a branch name of letters, digits, ".", "_", "/" and "-", starting and ending with a letter, digit or "_", e.g. main',
  },
  connectionArn: {
    pattern: allowedPatternOf(CONNECTION_ARN_PATTERN),
    description: 'an AWS CodeConnections connection ARN: arn:aws:codeconnections:<region>:<account>:connection/<id> or arn:aws:codestar-connections:<region>:<account>:connection/<id>',
  },
  optionalAccount: {
    pattern: `(${allowedPatternOf(ACCOUNT_PATTERN)})?`,
    description: 'a 12-digit AWS account id, or empty for this account',
  },
} as const satisfies Record<string, ParameterRule>;

/** A pattern without the upper-case range `A-Z` of its classes. */
function lowerCaseOnly(pattern: string): string {
  return pattern.replace(/A-Z/g, '');
}

/** Whether `value` matches `pattern` as CloudFormation matches an `AllowedPattern`: the whole value. */
export function matchesAllowedPattern(pattern: string, value: string): boolean {
  return new RegExp(`^(?:${pattern})$`).test(value);
}
