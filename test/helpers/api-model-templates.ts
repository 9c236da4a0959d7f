/**
 * The requests a project's templates make of SageMaker, checked against its API model
 * (test/helpers/api-model.ts): every pipeline step's arguments are the request of the API its step
 * type calls (Processing: CreateProcessingJob, Training: CreateTrainingJob, ...; "Pipeline Steps",
 * developer guide), and every SageMaker resource is the request of the API CloudFormation calls for
 * it. Values known only at run time are resolved where they can be (pipeline parameters' defaults
 * and EnumValues, pseudo parameters, the ARNs of the template's roles and keys, its buckets' names)
 * and counted where not.
 */
import { RequestCheck, RunTimeValue, ServiceModel, checkRequest } from './api-model';

/** A CloudFormation reference in a pipeline definition body (Fn::Join parts that are not text). */
const CFN_REF = '@@cloudformation-reference@@';

/** A pipeline execution id as the Get Execution.PipelineExecutionId expression gives it (12 lower-case letters and digits). */
const SAMPLE_EXECUTION_ID = 'a1b2c3d4e5f6';

/** The values CloudFormation gives the pseudo parameters in the example (account and region of the apps' tests). */
const PSEUDO: Record<string, string> = { 'AWS::AccountId': '123456789012', 'AWS::Region': 'us-east-1', 'AWS::Partition': 'aws', 'AWS::URLSuffix': 'amazonaws.com' };

// --- CloudFormation values ---------------------------------------------------------------

/** A template and its stack name: what a reference to one of its resources is resolved in. */
export interface TemplateContext {
  readonly stack: string;
  readonly template: any;
}

/** A key id as KMS gives it (a UUID). */
export const SAMPLE_KEY_ID = '0d2f1c3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';

/**
 * The name property of each resource type that the templates reference by name, and the length
 * CloudFormation cuts a generated name to ("Name type", CloudFormation User Guide; each type's
 * reference gives the limit of its name).
 */
const NAMES: Record<string, { readonly property: string; readonly limit: number; readonly lowerCase?: boolean }> = {
  'AWS::IAM::Role': { property: 'RoleName', limit: 64 },
  'AWS::S3::Bucket': { property: 'BucketName', limit: 63, lowerCase: true },
  'AWS::CodeBuild::Project': { property: 'Name', limit: 150 },
  'AWS::CodePipeline::Pipeline': { property: 'Name', limit: 100 },
  'AWS::SNS::Topic': { property: 'TopicName', limit: 256 },
  'AWS::SQS::Queue': { property: 'QueueName', limit: 80 },
  'AWS::Logs::LogGroup': { property: 'LogGroupName', limit: 512 },
  'AWS::CloudWatch::Alarm': { property: 'AlarmName', limit: 255 },
  'AWS::Lambda::Function': { property: 'FunctionName', limit: 64 },
  'AWS::Events::Rule': { property: 'Name', limit: 64 },
  'AWS::Scheduler::Schedule': { property: 'Name', limit: 64 },
  'AWS::SSM::Parameter': { property: 'Name', limit: 2048 },
};

/**
 * The physical name CloudFormation gives a resource: its name property when the template sets one,
 * else the name it generates (`<stack>-<logical id>-<12 random characters>`, cut to the type's
 * limit; "Name type", CloudFormation User Guide), lower-case for buckets.
 */
export function physicalName(ctx: TemplateContext, id: string): string | undefined {
  const resource = ctx.template.Resources?.[id];
  const naming = NAMES[resource?.Type];
  if (naming === undefined) {
    return undefined;
  }
  const given = resource.Properties?.[naming.property];
  if (given !== undefined) {
    return cfnText(given, ctx);
  }
  const generated = `${ctx.stack.slice(0, naming.limit - 30)}-${id}`.slice(0, naming.limit - 13) + '-A1B2C3D4E5F6';
  return naming.lowerCase ? generated.toLowerCase() : generated;
}

/**
 * The value of a resource's name in the requests for it: its physical name where it is known before
 * deployment ({@link physicalName}), else the template's expression for it, which is not judged.
 */
export function nameValue(ctx: TemplateContext, id: string): unknown {
  const resource = ctx.template.Resources?.[id];
  return physicalName(ctx, id) ?? resource?.Properties?.[NAMES[resource?.Type]?.property ?? ''];
}

const ARN_PREFIX = (service: string) => `arn:aws:${service}:${PSEUDO['AWS::Region']}:${PSEUDO['AWS::AccountId']}:`;

/** What `Ref` returns for a resource of the template (each type's "Return values", CloudFormation reference). */
function refOf(ctx: TemplateContext, id: string): string | undefined {
  const type = ctx.template.Resources?.[id]?.Type;
  const name = () => physicalName(ctx, id);
  switch (type) {
    case 'AWS::KMS::Key':
      return SAMPLE_KEY_ID;
    case 'AWS::SNS::Topic':
      return name() && `${ARN_PREFIX('sns')}${name()}`;
    case 'AWS::SQS::Queue':
      return name() && `https://sqs.${PSEUDO['AWS::Region']}.amazonaws.com/${PSEUDO['AWS::AccountId']}/${name()}`;
    default:
      return NAMES[type] === undefined ? undefined : name();
  }
}

/** What `Fn::GetAtt` returns for an attribute of a resource of the template, where it is known before deployment. */
function attributeOf(ctx: TemplateContext, id: string, attribute: string): string | undefined {
  const type = ctx.template.Resources?.[id]?.Type;
  const name = physicalName(ctx, id);
  if (attribute === 'Arn') {
    switch (type) {
      case 'AWS::IAM::Role':
        return `arn:aws:iam::${PSEUDO['AWS::AccountId']}:role/${name}`;
      case 'AWS::KMS::Key':
        return `${ARN_PREFIX('kms')}key/${SAMPLE_KEY_ID}`;
      case 'AWS::S3::Bucket':
        return `arn:aws:s3:::${name}`;
      case 'AWS::Logs::LogGroup':
        return `${ARN_PREFIX('logs')}log-group:${name}:*`;
      case 'AWS::CodeBuild::Project':
        return `${ARN_PREFIX('codebuild')}project/${name}`;
      case 'AWS::SQS::Queue':
        return `${ARN_PREFIX('sqs')}${name}`;
      case 'AWS::Lambda::Function':
        return `${ARN_PREFIX('lambda')}function:${name}`;
      case 'AWS::Events::Rule':
        return `${ARN_PREFIX('events')}rule/${name}`;
      default:
        return undefined;
    }
  }
  return (type === 'AWS::SQS::Queue' && attribute === 'QueueName') ? name : undefined;
}

/**
 * A CloudFormation value's text where it can be known before deployment: pseudo parameters,
 * parameter defaults, the names and ARNs the template's resources get ({@link refOf},
 * {@link attributeOf}), `Fn::Sub` of pseudo parameters, and joins of them; else undefined.
 */
export function cfnText(value: unknown, ctx: TemplateContext): string | undefined {
  if (typeof value === 'string') {
    return value;
  }
  if (!isObject(value)) {
    return undefined;
  }
  if (typeof value.Ref === 'string') {
    if (PSEUDO[value.Ref] !== undefined) {
      return PSEUDO[value.Ref];
    }
    const parameter = ctx.template.Parameters?.[value.Ref];
    if (parameter !== undefined) {
      // An `AWS::SSM::Parameter::Value<...>` parameter's default names the SSM parameter; its value is read at deployment.
      const known = typeof parameter.Default === 'string' && parameter.Default !== '' && !String(parameter.Type).startsWith('AWS::SSM::Parameter::Value');
      return known ? parameter.Default : undefined;
    }
    return refOf(ctx, value.Ref);
  }
  if (Array.isArray(value['Fn::GetAtt'])) {
    const [id, attribute] = value['Fn::GetAtt'] as [string, string];
    return attributeOf(ctx, id, attribute);
  }
  if (typeof value['Fn::Sub'] === 'string') {
    const texts = new Map([...value['Fn::Sub'].matchAll(/\$\{([^}]+)\}/g)].map((m) => [m[1], cfnText({ Ref: m[1] }, ctx)]));
    return [...texts.values()].every((t) => t !== undefined) ? value['Fn::Sub'].replace(/\$\{([^}]+)\}/g, (_, n: string) => texts.get(n)!) : undefined;
  }
  if (Array.isArray(value['Fn::Join'])) {
    const [on, parts] = value['Fn::Join'] as [string, unknown[]];
    const texts = parts.map((part) => cfnText(part, ctx));
    return texts.every((t) => t !== undefined) ? texts.join(on) : undefined;
  }
  return undefined;
}

/** Whether a value is a CloudFormation intrinsic (`Ref`, `Fn::...`). */
export function isIntrinsic(value: unknown): value is Record<string, unknown> {
  return isObject(value) && Object.keys(value).length === 1 && Object.keys(value).some((key) => key === 'Ref' || key.startsWith('Fn::'));
}

/**
 * A structure with every intrinsic inside it replaced by its text ({@link cfnText}) or, where that
 * is known only at deployment, by `placeholder`: what a JSON document property (a policy, an event
 * pattern) becomes when CloudFormation sends it as a string. `unresolved` counts the placeholders.
 */
export function cfnDocument(value: unknown, ctx: TemplateContext, placeholder = 'resolved-at-deployment'): { readonly value: unknown; readonly unresolved: number } {
  let unresolved = 0;
  const walk = (v: unknown): unknown => {
    if (isIntrinsic(v)) {
      const text = cfnText(v, ctx);
      if (text === undefined) {
        unresolved++;
      }
      return text ?? placeholder;
    }
    if (Array.isArray(v)) {
      return v.map(walk);
    }
    return isObject(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)])) : v;
  };
  return { value: walk(value), unresolved };
}

/** Resolves CloudFormation intrinsics: a value known before deployment is judged, any other is not. */
export function cfnResolver(ctx: TemplateContext): (value: unknown) => RunTimeValue | undefined {
  return (value) => {
    if (!isIntrinsic(value)) {
      return undefined;
    }
    const text = cfnText(value, ctx);
    return { candidates: text === undefined ? [] : [text] };
  };
}

// --- pipeline definitions ----------------------------------------------------------------

/** The SageMaker pipeline definitions of the templates, by pipeline resource; references to other resources become CFN_REF. */
function pipelineDefinitions(templates: Record<string, any>): Array<{ readonly where: string; readonly definition: any }> {
  return Object.entries(templates).flatMap(([stack, template]) => Object.entries<any>(template.Resources ?? {})
    .filter(([, resource]) => resource.Type === 'AWS::SageMaker::Pipeline')
    .map(([id, resource]) => {
      const body = resource.Properties.PipelineDefinition.PipelineDefinitionBody;
      const text = typeof body === 'string' ? body : body['Fn::Join'][1].map((part: unknown) => cfnText(part, { stack, template }) ?? CFN_REF).join('');
      return { where: `${stack} ${id}`, definition: JSON.parse(text) };
    }));
}

/**
 * Resolves pipeline expressions: a parameter to its default and each of its EnumValues, the
 * execution id to a sample one, a Std:Join of resolvable parts to each text it can give; a step's
 * property and a value holding a CloudFormation reference are known only at run time.
 */
function pipelineResolver(definition: any): (value: unknown) => RunTimeValue | undefined {
  const parameters = new Map<string, any>((definition.Parameters ?? []).map((p: any) => [p.Name, p]));
  const candidatesOf = (value: unknown): unknown[] | undefined => {
    if (typeof value === 'string') {
      return value.includes(CFN_REF) ? undefined : [value];
    }
    if (!isObject(value)) {
      return [value];
    }
    if (typeof value.Get === 'string') {
      if (value.Get === 'Execution.PipelineExecutionId') {
        return [SAMPLE_EXECUTION_ID];
      }
      const parameter = /^Parameters\.(\w+)$/.exec(value.Get) && parameters.get(value.Get.slice('Parameters.'.length));
      if (!parameter || parameter.DefaultValue === undefined) {
        return undefined;
      }
      return [...new Set([parameter.DefaultValue, ...(parameter.EnumValues ?? [])])];
    }
    if (isObject(value['Std:Join'])) {
      const join = value['Std:Join'] as { On: string; Values: unknown[] };
      let texts: string[] = [''];
      for (const [i, part] of join.Values.entries()) {
        const options = candidatesOf(part);
        if (options === undefined || texts.length * options.length > 100) {
          return undefined;
        }
        texts = texts.flatMap((text) => options.map((option) => `${text}${i > 0 ? join.On : ''}${String(option)}`));
      }
      return texts;
    }
    return Object.keys(value).some((key) => key === 'Get' || key.startsWith('Std:')) ? undefined : [value];
  };
  return (value) => {
    const expression = isObject(value) && Object.keys(value).some((key) => key === 'Get' || key.startsWith('Std:'));
    if (!expression && !(typeof value === 'string' && value.includes(CFN_REF))) {
      return undefined;
    }
    return { candidates: candidatesOf(value) ?? [] };
  };
}

/** The API each step type calls, and the request members SageMaker Pipelines fills in itself. */
const STEP_APIS: Record<string, { readonly operation: string; readonly filledByCaller: string[] }> = {
  Processing: { operation: 'CreateProcessingJob', filledByCaller: ['ProcessingJobName'] },
  Training: { operation: 'CreateTrainingJob', filledByCaller: ['TrainingJobName'] },
  Transform: { operation: 'CreateTransformJob', filledByCaller: ['TransformJobName'] },
  Model: { operation: 'CreateModel', filledByCaller: ['ModelName'] },
  RegisterModel: { operation: 'CreateModelPackage', filledByCaller: [] },
};

/** Every step of a definition, the branches of condition steps included. */
function stepsOf(steps: any[]): any[] {
  return steps.flatMap((step) => [step, ...(step.Type === 'Condition' ? stepsOf([...(step.Arguments.IfSteps ?? []), ...(step.Arguments.ElseSteps ?? [])]) : [])]);
}

// --- SageMaker resources -----------------------------------------------------------------

/**
 * The API CloudFormation calls for each SageMaker resource type the toolkit emits (CloudFormation
 * reference, "AWS::SageMaker::<type>", and the API Reference of the operation), and the properties
 * that are CloudFormation's own.
 */
const RESOURCE_APIS: Record<string, Array<{ readonly operation: string; readonly notOfTheApi: string[]; readonly filledByCaller?: string[] }>> = {
  // A name left out is generated by CloudFormation ("Name type", CloudFormation User Guide).
  'AWS::SageMaker::Model': [{ operation: 'CreateModel', notOfTheApi: [], filledByCaller: ['ModelName'] }],
  'AWS::SageMaker::EndpointConfig': [{ operation: 'CreateEndpointConfig', notOfTheApi: [], filledByCaller: ['EndpointConfigName'] }],
  'AWS::SageMaker::Endpoint': [
    { operation: 'CreateEndpoint', notOfTheApi: ['RetainAllVariantProperties', 'ExcludeRetainedVariantProperties', 'RetainDeploymentConfig'] },
    { operation: 'UpdateEndpoint', notOfTheApi: ['Tags'] },
  ],
  'AWS::SageMaker::ModelPackageGroup': [{ operation: 'CreateModelPackageGroup', notOfTheApi: ['ModelPackageGroupPolicy'] }],
  'AWS::SageMaker::MonitoringSchedule': [{ operation: 'CreateMonitoringSchedule', notOfTheApi: ['EndpointName', 'FailureReason', 'LastMonitoringExecutionSummary', 'MonitoringScheduleStatus'] }],
  'AWS::SageMaker::DataQualityJobDefinition': [{ operation: 'CreateDataQualityJobDefinition', notOfTheApi: ['EndpointName'] }],
  // CloudFormation sends the idempotency token; the definition is checked step by step above.
  'AWS::SageMaker::Pipeline': [{ operation: 'CreatePipeline', notOfTheApi: ['PipelineDefinition'], filledByCaller: ['ClientRequestToken'] }],
  'AWS::SageMaker::MlflowApp': [{ operation: 'CreateMlflowApp', notOfTheApi: [] }],
  'AWS::SageMaker::MlflowTrackingServer': [{ operation: 'CreateMlflowTrackingServer', notOfTheApi: [] }],
  'AWS::SageMaker::Domain': [{ operation: 'CreateDomain', notOfTheApi: [] }],
  'AWS::SageMaker::UserProfile': [{ operation: 'CreateUserProfile', notOfTheApi: [] }],
};

/** The checks of every pipeline step and SageMaker resource of the templates, by where they are. */
export function checkTemplates(model: ServiceModel, templates: Record<string, any>): Array<{ readonly where: string; readonly check: RequestCheck }> {
  const checks: Array<{ where: string; check: RequestCheck }> = [];
  for (const { where, definition } of pipelineDefinitions(templates)) {
    const resolve = pipelineResolver(definition);
    for (const step of stepsOf(definition.Steps)) {
      const api = STEP_APIS[step.Type];
      if (api !== undefined) {
        checks.push({ where: `${where} step ${step.Name} (${api.operation})`, check: checkRequest(model, api.operation, step.Arguments, { filledByCaller: api.filledByCaller, resolve }) });
      }
    }
  }
  for (const [stack, template] of Object.entries(templates)) {
    for (const [id, resource] of Object.entries<any>(template.Resources ?? {})) {
      for (const api of RESOURCE_APIS[resource.Type] ?? []) {
        checks.push({ where: `${stack} ${id} (${api.operation})`, check: checkRequest(model, api.operation, resource.Properties ?? {}, { notOfTheApi: api.notOfTheApi, filledByCaller: api.filledByCaller, resolve: cfnResolver({ stack, template }) }) });
      }
    }
  }
  return checks;
}

export const problemsOf = (checks: Array<{ where: string; check: RequestCheck }>) => checks.flatMap(({ where, check }) => check.problems.map((problem) => `${where}: ${problem}`));

export function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The operations the checks judged requests of. */
export function operationsOf(checks: Array<{ readonly where: string }>): string[] {
  return [...new Set(checks.map(({ where }) => /\((\w+)\)$/.exec(where)![1]))].sort();
}

/** How many values the checks judged, and how many they could not (known only at run time). */
export function judgedValues(checks: Array<{ readonly check: RequestCheck }>): { judged: number; unjudged: number } {
  return {
    judged: checks.reduce((n, { check }) => n + check.judged, 0),
    unjudged: checks.reduce((n, { check }) => n + check.unjudged.length, 0),
  };
}
