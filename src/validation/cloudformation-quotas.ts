/**
 * CloudFormation's quotas on a template (CloudFormation User Guide, "CloudFormation quotas"),
 * checked on what the project synthesizes: CloudFormation refuses the whole template
 * (CreateStack, UpdateStack, CreateChangeSet: ValidationError) when one is exceeded, so a stack
 * grown by options would fail at its first deploy, for a pipeline stack only after a commit.
 *
 * - Resources: at most 500; outputs, parameters and mappings: at most 200 each; at most 200
 *   attributes per mapping;
 * - resource, output, parameter and mapping names: at most 255 characters;
 * - the description: at most 1,024 bytes;
 * - the template body: at most 1 MB in an S3 object (how CDK and the pipelines deploy, and how
 *   SageMaker reads a project template), counted here as 1,000,000 bytes; at most 51,200 bytes when
 *   passed in the request itself (the README's `aws cloudformation deploy --template-file` of the
 *   Studio domain template, which the AWS CLI sends inline without `--s3-bucket`).
 */

type Json = any;

export const CLOUDFORMATION_QUOTAS = {
  resources: 500,
  outputs: 200,
  parameters: 200,
  mappings: 200,
  mappingAttributes: 200,
  nameLength: 255,
  descriptionBytes: 1_024,
  bodyBytesInS3: 1_000_000,
  bodyBytesInRequest: 51_200,
} as const;

/** How a template reaches CloudFormation: from an S3 object, or in the request (the AWS CLI without --s3-bucket). */
export type TemplateDelivery = 's3' | 'request';

/** One quota a template exceeds. */
export interface CloudFormationQuotaFinding {
  /** Where in the template: `Resources`, `Outputs/<name>`, `Description`, or `(template)` for its size. */
  readonly location: string;
  readonly message: string;
}

/**
 * The quotas `template` exceeds, with `bytes` the size of the file CloudFormation receives (the
 * JSON CDK writes, or the YAML rendered from it).
 */
export function cloudFormationQuotaFindings(template: Json, bytes: number, delivery: TemplateDelivery = 's3'): CloudFormationQuotaFinding[] {
  const q = CLOUDFORMATION_QUOTAS;
  const findings: CloudFormationQuotaFinding[] = [];
  const sections: Array<[string, number]> = [['Resources', q.resources], ['Outputs', q.outputs], ['Parameters', q.parameters], ['Mappings', q.mappings]];
  for (const [section, limit] of sections) {
    const names = Object.keys(template?.[section] ?? {});
    if (names.length > limit) {
      findings.push({ location: section, message: `${names.length} ${section.toLowerCase()}; CloudFormation takes at most ${limit} in a template` });
    }
    for (const name of names.filter((n) => n.length > q.nameLength)) {
      findings.push({ location: `${section}/${name}`, message: `the name is ${name.length} characters; CloudFormation takes at most ${q.nameLength}` });
    }
  }
  for (const [name, mapping] of Object.entries<Json>(template?.Mappings ?? {})) {
    const attributes = Object.keys(mapping ?? {});
    if (attributes.length > q.mappingAttributes) {
      findings.push({ location: `Mappings/${name}`, message: `${attributes.length} attributes; CloudFormation takes at most ${q.mappingAttributes} per mapping` });
    }
  }
  if (typeof template?.Description === 'string' && Buffer.byteLength(template.Description) > q.descriptionBytes) {
    findings.push({ location: 'Description', message: `the description is ${Buffer.byteLength(template.Description)} bytes; CloudFormation takes at most ${q.descriptionBytes}` });
  }
  const limit = delivery === 'request' ? q.bodyBytesInRequest : q.bodyBytesInS3;
  if (bytes > limit) {
    const how = delivery === 'request' ? 'passed in the request (the AWS CLI sends a --template-file inline unless --s3-bucket names a bucket)' : 'read from S3';
    findings.push({ location: '(template)', message: `the template is ${bytes} bytes; CloudFormation takes at most ${limit} ${how}` });
  }
  return findings;
}
