/**
 * The requests CloudFormation makes of the other services for the templates' resources, checked
 * against each service's API model (test/helpers/api-model.ts), as api-model-templates.ts does for
 * SageMaker: IAM, KMS, CloudWatch Logs, Lambda, EventBridge, EventBridge Scheduler, CloudWatch,
 * CodeBuild, CodePipeline and Systems Manager. Each resource type's CloudFormation reference names
 * the API its handler calls; a property CloudFormation sends as a JSON string (a policy, an event
 * pattern) is checked as that string, with each reference known only at deployment in place.
 *
 * Resource types whose APIs' models state nothing a template can break (Amazon SNS's CreateTopic,
 * Amazon SQS's CreateQueue: names and attributes without constraints in the model) or whose requests
 * CloudFormation builds from another shape (S3's lifecycle and policies) are listed in UNCHECKED.
 */
import { RequestCheck, checkRequest, serviceModel } from './api-model';
import { SAMPLE_KEY_ID, TemplateContext, cfnDocument, cfnResolver, isIntrinsic, isObject, nameValue } from './api-model-templates';

/** One API request CloudFormation makes for a resource. */
interface ResourceRequest {
  /** botocore's name of the service (its folder under botocore/data). */
  readonly service: string;
  readonly operation: string;
  readonly request: Record<string, unknown>;
  /** References inside JSON documents that are known only at deployment (see cfnDocument). */
  readonly unresolved?: number;
  /** The API spells its members in camelCase where CloudFormation uses PascalCase. */
  readonly ignoreMemberCase?: boolean;
}

/** A JSON document property as CloudFormation sends it: a string. */
function json(value: unknown, ctx: TemplateContext): { readonly text: string | undefined; readonly unresolved: number } {
  if (value === undefined) {
    return { text: undefined, unresolved: 0 };
  }
  const resolved = cfnDocument(value, ctx);
  return { text: typeof resolved.value === 'string' ? resolved.value : JSON.stringify(resolved.value), unresolved: resolved.unresolved };
}

/** The properties without `names` (CloudFormation's own, or sent in another request). */
function without(props: Record<string, unknown>, ...names: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([name]) => !names.includes(name)));
}

/** CloudFormation's `[{ Key, Value }]` tags as an API's map of tags. */
function tagMap(tags: unknown): Record<string, unknown> | undefined {
  return Array.isArray(tags) ? Object.fromEntries(tags.map((tag: any) => [tag.Key, tag.Value])) : undefined;
}

/** The requests for each resource type, from its properties (CloudFormation reference of the type, and the API Reference of each operation). */
const REQUESTS: Record<string, (props: Record<string, any>, ctx: TemplateContext, id: string) => ResourceRequest[]> = {
  // IAM: CreateRole, then PutRolePolicy per inline policy and AttachRolePolicy per managed policy.
  'AWS::IAM::Role': (props, ctx, id) => {
    const roleName = nameValue(ctx, id);
    const trust = json(props.AssumeRolePolicyDocument, ctx);
    return [
      { service: 'iam', operation: 'CreateRole', request: { ...without(props, 'Policies', 'ManagedPolicyArns'), RoleName: roleName, AssumeRolePolicyDocument: trust.text }, unresolved: trust.unresolved },
      ...(props.Policies ?? []).map((policy: any) => {
        const document = json(policy.PolicyDocument, ctx);
        return { service: 'iam', operation: 'PutRolePolicy', request: { RoleName: roleName, PolicyName: policy.PolicyName, PolicyDocument: document.text }, unresolved: document.unresolved };
      }),
      ...(props.ManagedPolicyArns ?? []).map((arn: unknown) => ({ service: 'iam', operation: 'AttachRolePolicy', request: { RoleName: roleName, PolicyArn: arn } })),
    ];
  },
  'AWS::IAM::Policy': (props, ctx) => {
    const document = json(props.PolicyDocument, ctx);
    return (props.Roles ?? []).map((role: unknown) => ({
      service: 'iam', operation: 'PutRolePolicy', request: { RoleName: role, PolicyName: props.PolicyName, PolicyDocument: document.text }, unresolved: document.unresolved,
    }));
  },
  'AWS::IAM::ManagedPolicy': (props, ctx, id) => {
    const document = json(props.PolicyDocument, ctx);
    return [{
      service: 'iam', operation: 'CreatePolicy', unresolved: document.unresolved,
      request: { PolicyName: props.ManagedPolicyName ?? `${ctx.stack}-${id}-A1B2C3D4E5F6`.slice(-128), Path: props.Path, Description: props.Description, PolicyDocument: document.text },
    }];
  },
  // KMS: CreateKey (KeyPolicy is its Policy), then EnableKeyRotation and, on deletion, ScheduleKeyDeletion.
  'AWS::KMS::Key': (props, ctx) => {
    const policy = json(props.KeyPolicy, ctx);
    const tags = Array.isArray(props.Tags) ? props.Tags.map((tag: any) => ({ TagKey: tag.Key, TagValue: tag.Value })) : undefined;
    return [
      {
        service: 'kms', operation: 'CreateKey', unresolved: policy.unresolved,
        request: { ...without(props, 'KeyPolicy', 'EnableKeyRotation', 'RotationPeriodInDays', 'PendingWindowInDays', 'Enabled', 'Tags'), Policy: policy.text, Tags: tags },
      },
      ...(props.EnableKeyRotation === true ? [{ service: 'kms', operation: 'EnableKeyRotation', request: { KeyId: SAMPLE_KEY_ID, RotationPeriodInDays: props.RotationPeriodInDays } }] : []),
      ...(props.PendingWindowInDays !== undefined ? [{ service: 'kms', operation: 'ScheduleKeyDeletion', request: { KeyId: SAMPLE_KEY_ID, PendingWindowInDays: props.PendingWindowInDays } }] : []),
    ];
  },
  'AWS::KMS::Alias': (props) => [{ service: 'kms', operation: 'CreateAlias', request: props }],
  // CloudWatch Logs: CreateLogGroup, then PutRetentionPolicy.
  'AWS::Logs::LogGroup': (props, ctx, id) => {
    const logGroupName = nameValue(ctx, id);
    return [
      { service: 'logs', operation: 'CreateLogGroup', ignoreMemberCase: true, request: { ...without(props, 'RetentionInDays', 'DataProtectionPolicy', 'FieldIndexPolicies', 'Tags'), LogGroupName: logGroupName, tags: tagMap(props.Tags) } },
      ...(props.RetentionInDays !== undefined ? [{ service: 'logs', operation: 'PutRetentionPolicy', ignoreMemberCase: true, request: { logGroupName, retentionInDays: props.RetentionInDays } }] : []),
    ];
  },
  // Lambda: CreateFunction; its reserved concurrency is PutFunctionConcurrency. The inline code is a blob, not judged.
  'AWS::Lambda::Function': (props, ctx, id) => [
    {
      service: 'lambda', operation: 'CreateFunction', ignoreMemberCase: true,
      request: { ...without(props, 'ReservedConcurrentExecutions', 'RecursiveLoop', 'RuntimeManagementConfig', 'Tags'), FunctionName: nameValue(ctx, id), Tags: tagMap(props.Tags) },
    },
    ...(props.ReservedConcurrentExecutions !== undefined
      ? [{ service: 'lambda', operation: 'PutFunctionConcurrency', request: { FunctionName: nameValue(ctx, id), ReservedConcurrentExecutions: props.ReservedConcurrentExecutions } }]
      : []),
  ],
  // Lambda: AddPermission; CloudFormation's handler makes up the statement id, which is not judged (an expression).
  'AWS::Lambda::Permission': (props, _ctx, id) => [{ service: 'lambda', operation: 'AddPermission', request: { ...props, StatementId: { Ref: id } } }],
  // Lambda: PutFunctionEventInvokeConfig (the retries and destinations of asynchronous invocations).
  'AWS::Lambda::EventInvokeConfig': (props) => [{ service: 'lambda', operation: 'PutFunctionEventInvokeConfig', request: props }],
  // EventBridge: PutRule (the event pattern as a string), then PutTargets.
  'AWS::Events::Rule': (props, ctx, id) => {
    const name = nameValue(ctx, id);
    const pattern = json(props.EventPattern, ctx);
    return [
      { service: 'events', operation: 'PutRule', unresolved: pattern.unresolved, request: { ...without(props, 'Targets'), Name: name, EventPattern: pattern.text } },
      ...(props.Targets !== undefined ? [{ service: 'events', operation: 'PutTargets', request: { Rule: name, EventBusName: props.EventBusName, Targets: props.Targets } }] : []),
    ];
  },
  'AWS::Scheduler::Schedule': (props, ctx, id) => [{ service: 'scheduler', operation: 'CreateSchedule', request: { ...props, Name: nameValue(ctx, id) } }],
  'AWS::CloudWatch::Alarm': (props, ctx, id) => [{ service: 'cloudwatch', operation: 'PutMetricAlarm', request: { ...props, AlarmName: nameValue(ctx, id) } }],
  // CodeBuild: CreateProject (camelCase members); its webhook and visibility are other requests.
  'AWS::CodeBuild::Project': (props, ctx, id) => [{
    service: 'codebuild', operation: 'CreateProject', ignoreMemberCase: true,
    request: { ...without(props, 'Triggers', 'Visibility', 'ResourceAccessRole'), Name: nameValue(ctx, id) },
  }],
  // CodePipeline: CreatePipeline (camelCase members under `pipeline`); an action's configuration is a map of strings.
  'AWS::CodePipeline::Pipeline': (props, ctx, id) => {
    const stages = (props.Stages ?? []).map((stage: any) => ({
      ...without(stage, 'Blockers'),
      Actions: (stage.Actions ?? []).map((action: any) => ({
        ...action,
        Configuration: action.Configuration === undefined ? undefined : Object.fromEntries(Object.entries<unknown>(action.Configuration).map(([key, value]) => [key, configurationValue(value, ctx)])),
      })),
    }));
    const artifactStores = Array.isArray(props.ArtifactStores) ? Object.fromEntries(props.ArtifactStores.map((store: any) => [store.Region, store.ArtifactStore])) : undefined;
    return [{
      service: 'codepipeline', operation: 'CreatePipeline', ignoreMemberCase: true,
      request: {
        pipeline: { ...without(props, 'RestartExecutionOnUpdate', 'DisableInboundStageTransitions', 'Tags', 'Stages', 'ArtifactStores'), Name: nameValue(ctx, id), Stages: stages, ArtifactStores: artifactStores },
        tags: props.Tags,
      },
    }];
  },
  'AWS::SSM::Parameter': (props, ctx, id) => [{
    service: 'ssm', operation: 'PutParameter',
    request: { ...without(props, 'Tags'), Name: nameValue(ctx, id), Tags: isObject(props.Tags) ? Object.entries(props.Tags).map(([Key, Value]) => ({ Key, Value })) : undefined },
  }],
};

/** An action configuration value as CodePipeline stores it: text (a JSON value other than a string is sent as its JSON). */
function configurationValue(value: unknown, ctx: TemplateContext): unknown {
  if (typeof value === 'string' || isIntrinsic(value)) {
    return value;
  }
  return json(value, ctx).text;
}

/**
 * The resource types not checked here, and why: their APIs' models state no constraint a template
 * property could break, or CloudFormation's handler sends them in another shape, or they are the
 * SageMaker resources api-model-templates.ts checks, or they are not AWS's.
 */
export const UNCHECKED: Readonly<Record<string, string>> = {
  'AWS::SNS::Topic': 'CreateTopic\'s model has no constraint on Name or Attributes',
  'AWS::SNS::TopicPolicy': 'SetTopicAttributes\' model has no constraint on the policy',
  'AWS::SNS::Subscription': 'Subscribe\'s model has no constraint on its members',
  'AWS::SQS::Queue': 'CreateQueue\'s model has no constraint on QueueName or Attributes',
  'AWS::SQS::QueuePolicy': 'SetQueueAttributes\' model has no constraint on the policy',
  'AWS::S3::Bucket': 'CloudFormation builds CreateBucket and the Put*Configuration requests from another shape',
  'AWS::S3::BucketPolicy': 'PutBucketPolicy\'s model has no constraint on the policy',
  'AWS::EC2::SecurityGroup': 'CreateSecurityGroup\'s model has no constraint on its members',
  'AWS::EC2::SecurityGroupIngress': 'AuthorizeSecurityGroupIngress\' model has no constraint on its members',
  'AWS::EC2::SecurityGroupEgress': 'AuthorizeSecurityGroupEgress\' model has no constraint on its members',
  'AWS::CDK::Metadata': 'not a resource of AWS: CloudFormation creates nothing for it',
};

/** Whether a resource type is checked by api-model-templates.ts (SageMaker) or here. */
export function isCheckedType(type: string): boolean {
  return type.startsWith('AWS::SageMaker::') || REQUESTS[type] !== undefined || type.startsWith('Custom::');
}

/** The checks of every request CloudFormation makes for the templates' non-SageMaker resources, by where they are. */
export function checkResources(templates: Record<string, any>): Array<{ readonly where: string; readonly check: RequestCheck }> {
  const checks: Array<{ where: string; check: RequestCheck }> = [];
  for (const [stack, template] of Object.entries(templates)) {
    const ctx = { stack, template };
    for (const [id, resource] of Object.entries<any>(template.Resources ?? {})) {
      for (const { service, operation, request, unresolved, ignoreMemberCase } of REQUESTS[resource.Type]?.(resource.Properties ?? {}, ctx, id) ?? []) {
        const check = checkRequest(serviceModel(service), operation, request, { resolve: cfnResolver(ctx), ignoreMemberCase });
        checks.push({
          where: `${stack} ${id} (${operation})`,
          check: { ...check, unjudged: [...check.unjudged, ...Array.from({ length: unresolved ?? 0 }, () => `${operation} document reference`)] },
        });
      }
    }
  }
  return checks;
}

/** The resource types of the templates that neither check covers and UNCHECKED does not explain. */
export function uncoveredTypes(templates: Record<string, any>): string[] {
  const types = new Set(Object.values(templates).flatMap((template) => Object.values<any>(template.Resources ?? {}).map((r) => r.Type as string)));
  return [...types].filter((type) => !isCheckedType(type) && UNCHECKED[type] === undefined).sort();
}
