/**
 * Statement ids in the policy documents a template creates (IAM User Guide, "IAM JSON policy elements: Sid": "In
 * IAM, the Sid value must be unique within a JSON policy"; in resource policies such as SNS's and SQS's it is a
 * sub-ID of the document's Id, which names one statement). A document with two statements of one Sid is refused
 * by IAM when CloudFormation creates it, after the stack has started to deploy; resource policies are held to the
 * same rule, as nothing is lost by naming each statement once.
 */

type Json = any;

/** Where a resource type keeps its policy documents (one property, or a list of named policies). */
const DOCUMENT_PROPERTIES = ['PolicyDocument', 'KeyPolicy', 'AssumeRolePolicyDocument'] as const;

/** A policy document with a repeated statement id. */
export interface StatementIdFinding {
  readonly logicalId: string;
  readonly location: string;
  readonly message: string;
}

/** The policy documents of one template resource, with their `Properties/...` locations. */
function documentsOf(resource: Json): Array<[string, Json]> {
  const props = resource?.Properties ?? {};
  const documents: Array<[string, Json]> = DOCUMENT_PROPERTIES.filter((key) => props[key] !== undefined).map((key) => [`Properties/${key}`, props[key]]);
  (Array.isArray(props.Policies) ? props.Policies : []).forEach((policy: Json, i: number) => {
    if (policy?.PolicyDocument !== undefined) {
      documents.push([`Properties/Policies/${i}/PolicyDocument`, policy.PolicyDocument]);
    }
  });
  return documents;
}

/** Each policy document of the template's resources in which a literal Sid names more than one statement. */
export function statementIdFindings(resources: Readonly<Record<string, Json>>): StatementIdFinding[] {
  const findings: StatementIdFinding[] = [];
  for (const [logicalId, resource] of Object.entries(resources)) {
    for (const [location, document] of documentsOf(resource)) {
      const statements: Json[] = Array.isArray(document?.Statement) ? document.Statement : [];
      const counts = new Map<string, number>();
      for (const sid of statements.map((statement) => statement?.Sid).filter((sid): sid is string => typeof sid === 'string')) {
        counts.set(sid, (counts.get(sid) ?? 0) + 1);
      }
      const repeated = [...counts].filter(([, count]) => count > 1).map(([sid, count]) => `"${sid}" (${count} statements)`);
      if (repeated.length > 0) {
        findings.push({ logicalId, location, message: `${location} repeats the statement id ${repeated.join(', ')}; each statement of a policy needs its own Sid` });
      }
    }
  }
  return findings;
}
