/**
 * The shape of an AWS region name: the union of the `regionRegex` of every partition the SDK knows
 * (aws `^(us|eu|ap|sa|ca|me|af|il|mx)-\\w+-\\d+$`, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e,
 * aws-iso-f, aws-eusc), so a new region of a known shape is accepted without a toolkit update. No SDK
 * import: the CLI's option parsers use it while reading the command line.
 */
export const AWS_REGION_PATTERN = /^[a-z]{2,4}(?:-[a-z]+)+-\d+$/;
