import { Aspects, CfnResource, IAspect, Lazy, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * Leaves out of a resource's `DependsOn` the resources it already references with `Ref`,
 * `Fn::GetAtt` or `Fn::Sub`: CloudFormation orders those by the reference itself, and a second
 * declaration is what cfn-lint reports as W3005. aws-cdk-lib adds such entries whenever a
 * construct depends on another whose attribute it also reads (a resource on its role, for the
 * role's policy). Only the redundant entries go; the others, a role's policy for example, stay.
 */
class DropRedundantDependsOn implements IAspect {
  public visit(node: IConstruct): void {
    if (!CfnResource.isCfnResource(node)) {
      return;
    }
    node.addOverride('DependsOn', Lazy.any({ produce: () => necessaryDependsOn(node) }, { omitEmptyArray: true }));
  }
}

/** Adds, once per scope, the aspect that drops DependsOn entries a reference already implies. */
export function dropRedundantDependsOn(scope: IConstruct): void {
  if (!Aspects.of(scope).all.some((aspect) => aspect instanceof DropRedundantDependsOn)) {
    Aspects.of(scope).add(new DropRedundantDependsOn());
  }
}

/** The logical ids of `resource`'s dependencies that it does not reference, sorted as aws-cdk-lib renders them. */
function necessaryDependsOn(resource: CfnResource): string[] | undefined {
  const stack = Stack.of(resource);
  const referenced = new Set<string>();
  // The overrides hold this very DependsOn: leave it out, or resolving it would call this again.
  const { DependsOn: _self, ...overrides } = (resource as unknown as { rawOverrides: Record<string, unknown> }).rawOverrides;
  collectReferences(stack.resolve({ properties: (resource as unknown as { cfnProperties: unknown }).cfnProperties, overrides }), referenced);
  const ids = resource.obtainDependencies()
    .filter((dependency): dependency is CfnResource => CfnResource.isCfnResource(dependency) && Stack.of(dependency) === stack)
    .map((dependency) => stack.resolve(dependency.logicalId) as string)
    .filter((id) => !referenced.has(id));
  return ids.length > 0 ? [...new Set(ids)].sort() : undefined;
}

/** Collects the logical ids named by `Ref`, `Fn::GetAtt` and `${Id}` / `${Id.Attr}` of `Fn::Sub`. */
function collectReferences(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    value.forEach((item) => collectReferences(item, into));
    return;
  }
  if (typeof value !== 'object' || value === null) {
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    if (key === 'Ref' && typeof item === 'string') {
      into.add(item);
    } else if (key === 'Fn::GetAtt' && Array.isArray(item) && typeof item[0] === 'string') {
      into.add(item[0]);
    } else if (key === 'Fn::Sub') {
      const template = Array.isArray(item) ? item[0] : item;
      for (const match of typeof template === 'string' ? template.matchAll(/\$\{([A-Za-z0-9]+)(?:\.[A-Za-z0-9.]+)?\}/g) : []) {
        into.add(match[1]);
      }
    }
    collectReferences(item, into);
  }
}
