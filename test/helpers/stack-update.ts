/**
 * Which updates of a deployed app CloudFormation refuses, or carries out by losing a resource,
 * because a resource with a fixed name would have to be replaced. The rules:
 *
 * - AWS CloudFormation User Guide, "Name type": "If you specify a name, you can't perform updates
 *   that require replacement of this resource. You can perform updates that require no or some
 *   interruption. If you must replace the resource, specify a new name." The update fails
 *   ("CloudFormation cannot update a stack when a custom-named resource requires replacing").
 * - AWS CloudFormation User Guide, "Update behaviors of stack resources": a replacement creates
 *   the new resource first, then deletes the old one. A changed value of a property that a
 *   reference resolves (Ref, Fn::GetAtt, Fn::Sub) counts too: a resource that refers to a
 *   replaced one gets the new value.
 * - The same order when a resource moves to another logical ID (or stack) under the same name:
 *   the create collides with the old resource, or, for APIs whose create overwrites (an alarm,
 *   a scaling policy), the old resource's delete removes what the create made.
 * - Properties a resource handler refuses to change although the specification updates them in
 *   place (UPDATE_REFUSED): the update fails ("Resource update request is invalid").
 * - Amazon SageMaker API Reference, UpdateEndpoint: "To update an endpoint, you must create a new
 *   EndpointConfig." CloudFormation updates an AWS::SageMaker::Endpoint in place with UpdateEndpoint,
 *   so an update that changes how the endpoint deploys (DeploymentConfig, the retained variant
 *   properties) must also give it a new endpoint configuration.
 *
 * Which properties replace their resource comes from the CloudFormation resource specification
 * as aws-cdk's service specification (`@aws-cdk/aws-service-spec`) carries it
 * (`causesReplacement: 'yes'`).
 */
import { loadAwsServiceSpecSync } from '@aws-cdk/aws-service-spec';
import type { Resource, SpecDatabase } from '@aws-cdk/service-spec-types';

/** A synthesized CloudFormation template, as far as this check reads it. */
export interface TemplateJson {
  readonly Resources?: Record<string, { readonly Type: string; readonly Properties?: Record<string, unknown> }>;
}

/** An update CloudFormation refuses, or completes by deleting what it created. */
export interface ReplacementConflict {
  /** The stack (its path in the app) holding the resource after the update. */
  readonly stack: string;
  readonly logicalId: string;
  readonly type: string;
  /**
   * `replaced`: a property that replaces the resource changed; `moved`: another logical ID or stack takes its name;
   * `service-token`: a custom resource would be sent to another function or topic; `type`: a logical ID would hold a
   * resource of another type; `endpoint-config`: an endpoint would be updated with the endpoint configuration it has;
   * `refused`: a property its handler does not update would change (UPDATE_REFUSED).
   */
  readonly kind: 'replaced' | 'moved' | 'service-token' | 'type' | 'endpoint-config' | 'refused';
  /** The properties that changed (for `moved`: where the resource was before). */
  readonly because: readonly string[];
  /** The name (identifying properties and their values) the old and the new resource share. */
  readonly name: Readonly<Record<string, unknown>>;
}

let database: SpecDatabase | undefined;

function specOf(type: string): Resource | undefined {
  database ??= loadAwsServiceSpecSync();
  return database.lookup('resource', 'cloudFormationType', 'equals', type)[0];
}

/**
 * Name properties that are neither the resource's primary identifier nor called `<Type>Name` or
 * `Name`. A scaling policy's name is unique per scalable target (Application Auto Scaling API
 * Reference, PutScalingPolicy: a policy of an existing name is updated).
 */
const IRREGULAR_NAMES: Readonly<Record<string, readonly string[]>> = {
  'AWS::SageMaker::DataQualityJobDefinition': ['JobDefinitionName'],
  'AWS::SageMaker::ModelQualityJobDefinition': ['JobDefinitionName'],
  'AWS::SageMaker::ModelBiasJobDefinition': ['JobDefinitionName'],
  'AWS::SageMaker::ModelExplainabilityJobDefinition': ['JobDefinitionName'],
  'AWS::ApplicationAutoScaling::ScalingPolicy': ['PolicyName', 'ScalingTargetId', 'ResourceId', 'ScalableDimension'],
};

/**
 * The properties that name a resource, when the template sets them (an empty list when
 * CloudFormation generates its name): its primary identifier when every part of it is a property
 * the template sets, or else its name property that replaces it when changed.
 */
export function nameProperties(type: string, properties: Readonly<Record<string, unknown>> = {}): string[] {
  const spec = specOf(type);
  if (!spec) {
    return [];
  }
  const identifier = spec.primaryIdentifier ?? [];
  if (identifier.length > 0 && identifier.every((name) => spec.properties[name] !== undefined && properties[name] !== undefined)) {
    return [...identifier];
  }
  const short = type.split('::')[2];
  const candidates = IRREGULAR_NAMES[type] ?? [`${short}Name`, 'Name'];
  return candidates.filter((name) => properties[name] !== undefined && spec.properties[name]?.causesReplacement === 'yes');
}

/** The logical IDs a value refers to (Ref, Fn::GetAtt, the `${...}` of Fn::Sub). */
export function referencedIds(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) {
    value.forEach((item) => referencedIds(item, into));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'Ref' && typeof inner === 'string') {
        into.add(inner);
      } else if (key === 'Fn::GetAtt') {
        into.add(Array.isArray(inner) ? String(inner[0]) : String(inner).split('.')[0]);
      } else if (key === 'Fn::Sub') {
        const [text, variables] = Array.isArray(inner) ? inner : [inner, undefined];
        for (const match of String(text).matchAll(/\$\{([^}!.]+)[^}]*\}/g)) {
          if (!(variables && typeof variables === 'object' && match[1] in variables)) {
            into.add(match[1]);
          }
        }
        referencedIds(variables, into);
      } else {
        referencedIds(inner, into);
      }
    }
  }
  return into;
}

/**
 * Properties that the specification updates in place but whose handler refuses any new value (a value
 * left out is no change). AWS::SageMaker::MlflowTrackingServer: UpdateMlflowTrackingServer (SageMaker
 * API Reference) takes neither the MLflow version nor the role, and the resource handler refuses an
 * update that changes either (aws-cloudformation-resource-providers-sagemaker,
 * aws-sagemaker-mlflowtrackingserver, ImmutabilityHelper: "Only allow update requests if the MLFlow
 * Version is the same"), also from no version to one.
 */
const UPDATE_REFUSED: Readonly<Record<string, readonly string[]>> = {
  'AWS::SageMaker::MlflowTrackingServer': ['MlflowVersion', 'RoleArn'],
};

const ENDPOINT_TYPE = 'AWS::SageMaker::Endpoint';
/** An endpoint's properties that change without UpdateEndpoint (its tags), or that are its configuration's name. */
const ENDPOINT_KEPT_BY_UPDATE: readonly string[] = ['EndpointConfigName', 'Tags'];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Whether a resource type is a custom resource (`AWS::CloudFormation::CustomResource` or `Custom::<name>`). */
const isCustomResource = (type: string) => type === 'AWS::CloudFormation::CustomResource' || type.startsWith('Custom::');

/** The resources of one stack that `after` replaces, with the properties that cause it. */
function replacements(before: TemplateJson, after: TemplateJson): Map<string, string[]> {
  const replaced = new Map<string, string[]>();
  const old = before.Resources ?? {};
  const current = after.Resources ?? {};
  for (let grew = true; grew;) {
    grew = false;
    for (const [id, next] of Object.entries(current)) {
      const previous = old[id];
      if (!previous || replaced.has(id)) {
        continue;
      }
      if (previous.Type !== next.Type) {
        replaced.set(id, ['Type']);
        grew = true;
        continue;
      }
      const spec = specOf(next.Type);
      const changed = Object.keys({ ...previous.Properties, ...next.Properties }).filter((key) =>
        !same(previous.Properties?.[key], next.Properties?.[key])
        || [...referencedIds(next.Properties?.[key])].some((ref) => replaced.has(ref)));
      const causes = changed.filter((key) => spec?.properties[key]?.causesReplacement === 'yes');
      if (causes.length > 0) {
        replaced.set(id, causes);
        grew = true;
      }
    }
  }
  return replaced;
}

/**
 * The conflicts of deploying `after` over `before`: two apps' templates keyed by stack path
 * (`hierarchicalId`). A stack present in only one of them is created or deleted whole; its
 * resources count for `moved` only.
 */
export function replacementConflicts(before: ReadonlyMap<string, TemplateJson>, after: ReadonlyMap<string, TemplateJson>): ReplacementConflict[] {
  const conflicts: ReplacementConflict[] = [];
  for (const [stack, next] of after) {
    const previous = before.get(stack);
    if (!previous) {
      continue;
    }
    for (const [id, causes] of replacements(previous, next)) {
      const resource = next.Resources![id];
      const name = nameProperties(resource.Type, resource.Properties);
      // Its name is kept when no name property changed, by its own value or by what it refers to.
      const kept = name.length > 0 && !name.some((key) => causes.includes(key)) && name.every((key) => same(previous.Resources![id].Properties?.[key], resource.Properties?.[key]));
      if (kept) {
        conflicts.push({ stack, logicalId: id, type: resource.Type, kind: 'replaced', because: causes, name: pick(resource.Properties, name) });
      }
    }
  }
  // The resources updated in place, each checked for what CloudFormation or the service refuses to update.
  for (const [stack, next] of after) {
    const previous = before.get(stack);
    const replaced = previous ? replacements(previous, next) : new Map<string, string[]>();
    for (const [id, resource] of Object.entries(next.Resources ?? {})) {
      const old = previous?.Resources?.[id];
      if (!old) {
        continue;
      }
      // CloudFormation User Guide, "Update request for CloudFormation custom resources": the type cannot change in
      // an update; nor can any resource's ("Update of resource type is not permitted").
      if (old.Type !== resource.Type) {
        conflicts.push({ stack, logicalId: id, type: resource.Type, kind: 'type', because: [old.Type], name: {} });
        continue;
      }
      if (replaced.has(id)) {
        continue;
      }
      const differs = (key: string) => !same(old.Properties?.[key], resource.Properties?.[key]) || [...referencedIds(resource.Properties?.[key])].some((ref) => replaced.has(ref));
      // CloudFormation Template Reference, AWS::CloudFormation::CustomResource: ServiceToken "Updates aren't supported",
      // whether the template names another function or the function it names is replaced (its ARN changes).
      if (isCustomResource(resource.Type) && differs('ServiceToken')) {
        conflicts.push({ stack, logicalId: id, type: resource.Type, kind: 'service-token', because: ['ServiceToken'], name: {} });
      }
      const refused = (UPDATE_REFUSED[resource.Type] ?? []).filter((key) => resource.Properties?.[key] !== undefined && differs(key));
      if (refused.length > 0) {
        conflicts.push({ stack, logicalId: id, type: resource.Type, kind: 'refused', because: refused, name: pick(resource.Properties, nameProperties(resource.Type, resource.Properties)) });
      }
      // UpdateEndpoint takes a new endpoint configuration: an endpoint update that keeps its configuration is refused.
      const updated = resource.Type === ENDPOINT_TYPE ? Object.keys({ ...old.Properties, ...resource.Properties }).filter((key) => !ENDPOINT_KEPT_BY_UPDATE.includes(key) && differs(key)) : [];
      if (updated.length > 0 && !differs('EndpointConfigName')) {
        conflicts.push({ stack, logicalId: id, type: resource.Type, kind: 'endpoint-config', because: updated, name: pick(resource.Properties, ['EndpointName']) });
      }
    }
  }
  // A name that leaves one place and appears at another.
  const key = (type: string, properties: Record<string, unknown> | undefined, name: string[]) => `${type} ${JSON.stringify(pick(properties, name))}`;
  const gone = new Map<string, string>();
  for (const [stack, template] of before) {
    for (const [id, resource] of Object.entries(template.Resources ?? {})) {
      const name = nameProperties(resource.Type, resource.Properties);
      if (name.length > 0 && after.get(stack)?.Resources?.[id]?.Type !== resource.Type) {
        gone.set(key(resource.Type, resource.Properties, name), `${stack} ${id}`);
      }
    }
  }
  for (const [stack, template] of after) {
    for (const [id, resource] of Object.entries(template.Resources ?? {})) {
      const name = nameProperties(resource.Type, resource.Properties);
      const from = name.length > 0 && before.get(stack)?.Resources?.[id]?.Type !== resource.Type ? gone.get(key(resource.Type, resource.Properties, name)) : undefined;
      if (from) {
        conflicts.push({ stack, logicalId: id, type: resource.Type, kind: 'moved', because: [from], name: pick(resource.Properties, name) });
      }
    }
  }
  return conflicts;
}

function pick(properties: Readonly<Record<string, unknown>> | undefined, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, properties?.[key]]));
}

/** One line per conflict, for a test's failure message. */
export function describeConflict(conflict: ReplacementConflict): string {
  const name = JSON.stringify(conflict.name);
  switch (conflict.kind) {
    case 'replaced':
      return `${conflict.stack} ${conflict.logicalId} (${conflict.type}, ${name}) must be replaced (${conflict.because.join(', ')} changed) but keeps its name`;
    case 'moved':
      return `${conflict.stack} ${conflict.logicalId} (${conflict.type}, ${name}) takes the name of ${conflict.because[0]}, which is deleted only after it is created`;
    case 'type':
      return `${conflict.stack} ${conflict.logicalId} would change from ${conflict.because[0]} to ${conflict.type}, which CloudFormation cannot update: give the resource a new logical ID`;
    case 'service-token':
      return `${conflict.stack} ${conflict.logicalId} (${conflict.type}) would change its ServiceToken, which CloudFormation cannot update: give the resource a new logical ID`;
    case 'refused':
      return `${conflict.stack} ${conflict.logicalId} (${conflict.type}, ${name}) would change ${conflict.because.join(', ')}, which its handler refuses to update: the update fails`;
    case 'endpoint-config':
      return `${conflict.stack} ${conflict.logicalId} (${conflict.type}, ${name}) would be updated (${conflict.because.join(', ')} changed) with the endpoint configuration it has: UpdateEndpoint takes a new one`;
  }
}
