/**
 * A model package group's ARN (`arn:<partition>:sagemaker:<region>:<account>:model-package-group/<group>`),
 * which users pass where a version, or a group's name, is wanted. No SDK import: the CLI's option
 * parsers use it while reading the command line.
 */
const MODEL_PACKAGE_GROUP_ARN_PATTERN = /^arn:aws(?:-[a-z]+)*:sagemaker:[^:]*:\d{12}:model-package-group\/([^/]+)$/;

/** The group a model package group ARN names, or undefined for any other text. */
export function groupOfModelPackageGroupArn(text: string): string | undefined {
  return MODEL_PACKAGE_GROUP_ARN_PATTERN.exec(text)?.[1];
}
