/**
 * The critical path of a synthesized CodePipeline: its actions in the order they run (stages in
 * sequence, actions of one stage by run order, actions with the same run order in parallel), the
 * work each does as read from the templates (CodeBuild commands, the stacks CloudFormation
 * deploys, the SageMaker pipeline a build step runs), and minutes from the per-action model.
 * Manual approvals are kept out of the minutes and reported as the point where people take over.
 * Pure functions over template objects; reading cdk.out is in assembly.ts.
 */
import { ActionModel, Basis, FIRST_PARTY_POLL_SECONDS, Figure, OUR_POLL_SECONDS } from './pipeline-model';

/** The part of a CloudFormation template the estimates read. */
export interface Template {
  readonly Resources?: Readonly<Record<string, { readonly Type: string; readonly Properties?: any }>>;
}

/** One action of a CodePipeline, as synthesized. */
export interface PipelineAction {
  readonly stage: string;
  readonly name: string;
  readonly runOrder: number;
  readonly category: string;
  readonly provider: string;
  readonly configuration: Readonly<Record<string, unknown>>;
}

/** A CodePipeline as synthesized: its name and its actions, stage by stage. */
export interface PipelineSpec {
  readonly name: string;
  readonly stages: readonly PipelineStage[];
}

/** A stage: its actions and, when it has one, the variable check that skips it. */
export interface PipelineStage {
  readonly name: string;
  readonly actions: readonly PipelineAction[];
  /** A VariableCheck rule of a BeforeEntry condition whose result is SKIP: the stage runs only when the check passes. */
  readonly skipUnless?: { readonly variable: string; readonly operator: string; readonly value: string };
}

/** The `AWS::CodePipeline::Pipeline` resources of a template. */
export function codePipelinesOf(template: Template): PipelineSpec[] {
  return Object.entries(template.Resources ?? {})
    .filter(([, resource]) => resource.Type === 'AWS::CodePipeline::Pipeline')
    .map(([logicalId, resource]) => ({
      name: typeof resource.Properties?.Name === 'string' ? resource.Properties.Name : logicalId,
      stages: (resource.Properties?.Stages ?? []).map((stage: any): PipelineStage => ({
        name: stage.Name,
        skipUnless: skipCheckOf(stage.BeforeEntry),
        actions: (stage.Actions ?? []).map((action: any) => ({
          stage: stage.Name,
          name: action.Name,
          runOrder: action.RunOrder ?? 1,
          category: action.ActionTypeId.Category,
          provider: action.ActionTypeId.Provider,
          configuration: action.Configuration ?? {},
        })),
      })),
    }));
}

/** The VariableCheck of a stage entry condition with the SKIP result, if any. */
function skipCheckOf(beforeEntry: any): PipelineStage['skipUnless'] {
  const condition = (beforeEntry?.Conditions ?? []).find((c: any) => c.Result === 'SKIP');
  const rule = (condition?.Rules ?? []).find((r: any) => r.RuleTypeId?.Provider === 'VariableCheck');
  return rule ? { variable: String(rule.Configuration.Variable), operator: String(rule.Configuration.Operator), value: String(rule.Configuration.Value) } : undefined;
}

/** The synth step's self-mutation verdict variable (src/constructs/project-pipeline.ts). */
const SELF_MUTATION_CHECK = /\.SELF_MUTATION\}$/;

/** The synth step's asset verdict variable (src/constructs/project-pipeline.ts). */
const ASSETS_CHECK = /\.ASSET_PUBLISHING\}$/;

/** A piece of work inside an action and its minutes. */
export interface Work {
  readonly what: string;
  readonly minutes: number;
  readonly basis: Basis;
  /** The work that registers the model version (a RegisterModel step): from its end, people may approve the version. */
  readonly registers?: boolean;
}

/** An action with the work it does and its minutes (0 for a manual approval, which people decide). */
export interface TimedAction {
  readonly stage: string;
  readonly name: string;
  readonly runOrder: number;
  readonly approval: boolean;
  readonly work: readonly Work[];
  readonly minutes: number;
}

/** Actions of one stage with the same run order: they run in parallel, the slowest sets the time. */
export interface ActionGroup {
  readonly stage: string;
  readonly runOrder: number;
  readonly actions: readonly TimedAction[];
  readonly minutes: number;
  /** Minutes from the pipeline's start to the end of this group. */
  readonly endsAt: number;
  /** Why the whole stage is skipped (its entry condition), when it is: then the group has no actions. */
  readonly skipped?: string;
}

/** The critical path of one pipeline. */
export interface CriticalPath {
  readonly pipeline: string;
  readonly groups: readonly ActionGroup[];
  /** The manual approval actions (`stage/name`), whose waits are not in the minutes. */
  readonly approvals: readonly string[];
  /** Minutes until the first manual approval starts waiting (the whole path without one). */
  readonly minutesBeforeApproval: number;
  /** Minutes after the first manual approval is given (0 without one). */
  readonly minutesAfterApproval: number;
  /** All minutes, approvals excluded. */
  readonly totalMinutes: number;
  /**
   * Minutes until a model version is registered (the end of a RegisterModel step on the path),
   * when the pipeline registers one: the version can be approved from then, while the steps after
   * registration and the wait for the execution's end still run.
   */
  readonly minutesToRegistration?: number;
}

/** A new model version on existing endpoints, or the first deployment. */
export type Scenario = 'update' | 'create';

/** What the estimate needs besides the pipeline. */
export interface PathContext {
  readonly model: ActionModel;
  readonly scenario: Scenario;
  /** The commands a CodeBuild action runs, in phase order (undefined when they cannot be read). */
  commandsOf(action: PipelineAction): readonly string[] | undefined;
  /** The template of the stack a CloudFormation action deploys. */
  stackTemplate(stackName: string): Template | undefined;
  /** The definition of the SageMaker pipeline a `run-pipeline` command starts. */
  sageMakerPipeline(command: string): PipelineDefinition | undefined;
  /**
   * Whether a new model version changes the pipeline's own stack (release data in its definition):
   * then the self-mutation updates the pipeline and CodePipeline restarts the execution.
   * @default false
   */
  readonly releaseChangesPipeline?: boolean;
  /**
   * Whether every file asset of the pipeline's stages is already in its bucket when the run
   * starts (a release whose repository and assets did not change since the last run): then the
   * synth step's `assets-check` answers `not-needed` and the Assets stage is skipped.
   * @default false
   */
  readonly assetsPublished?: boolean;
}

const work = (what: string, figure: Figure, minutes = figure.minutes): Work => ({ what, minutes, basis: figure.basis });

/** The commands of a CodeBuild buildspec object, install phase first, in phase order. */
export function buildSpecCommands(buildSpec: any): string[] {
  const phases = buildSpec?.phases ?? {};
  return ['install', 'pre_build', 'build', 'post_build'].flatMap((phase) => (phases[phase]?.commands ?? []).map(String));
}

const SHELL_ONLY = /^\s*(mkdir|printf|echo|cd|export|cat|cp|ln|\[)(\s|$)/;

/** The work of one build command. */
export function commandWork(command: string, context: PathContext): Work[] {
  const { model } = context;
  if (/\bnpm ci\b/.test(command) || (/\bnpm install\b/.test(command) && !/\s-g\b/.test(command))) {
    return [work('npm ci', model.npmCi)];
  }
  if (/\bnpm install -g\b/.test(command)) {
    return [work(`npm install -g ${command.split(/\s+/).slice(3).join(' ')}`, model.npmGlobalInstall)];
  }
  if (/\bpip3? install\b/.test(command)) {
    return [work('pip install', model.pipInstall)];
  }
  if (/\bcdk synth\b/.test(command)) {
    return [work('cdk synth', model.cdkSynth)];
  }
  if (/\bbundleReleaseTools\b/.test(command)) {
    return [work('release tools bundled', model.releaseToolsBundle)];
  }
  if (/\bresolve-model\b/.test(command)) {
    return [work('resolve-model', model.resolveModel)];
  }
  if (/\baws sagemaker describe-model-package\b.*\baws s3 cp\b/.test(command)) {
    return [work('release payload copied (evaluation report and test split)', model.releasePayload)];
  }
  if (/\bprod-change-check\b/.test(command)) {
    return [work('prod-change-check (deployed production stacks compared)', model.prodChangeCheck)];
  }
  if (/\bself-mutation-check\b/.test(command)) {
    return [work('self-mutation-check (deployed pipeline stacks compared)', model.selfMutationCheck)];
  }
  if (/\binput-check\b/.test(command)) {
    return [work('input-check (the model inputs compared with the version production serves)', model.inputCheck)];
  }
  if (/\bassets-check\b/.test(command)) {
    return [work('assets-check (file assets looked up in their buckets)', model.assetsCheck)];
  }
  if (/\bcdk(\s+-a\s+\S+)?\s+deploy\b/.test(command)) {
    return [work('cdk deploy (self-mutation, no change)', model.selfMutateDeploy)];
  }
  if (/\bcdk-assets\b.*\bpublish\b/.test(command)) {
    return [work('cdk-assets publish', model.assetPublish)];
  }
  if (/\brun-pipeline\b/.test(command)) {
    return runPipelineWork(command, context);
  }
  if (/\bverify-release\b/.test(command)) {
    return [work('verify-release (the endpoint serves the release)', model.releaseVerify)];
  }
  if (/\btest-endpoint\b|\btest\/test\.py\b/.test(command)) {
    return [work('live endpoint test', model.endpointTest)];
  }
  if (/\bbuild\.py\b/.test(command)) {
    return [work('build.py (find the approved model, write the stage configs)', model.templateBuild)];
  }
  if (SHELL_ONLY.test(command)) {
    return [];
  }
  return [work(`command: ${command.trim().split(/\s+/).slice(0, 3).join(" ")}`, model.otherCommand)];
}

/** Starting a SageMaker pipeline, its steps on the critical path, and half a poll interval on average. */
function runPipelineWork(command: string, context: PathContext): Work[] {
  const { model } = context;
  const pollArg = /--poll-interval[ =](\d+)/.exec(command);
  const pollSeconds = pollArg ? Number(pollArg[1]) : /sagemaker-gitops(\.js)?\s+run-pipeline/.test(command) ? OUR_POLL_SECONDS : FIRST_PARTY_POLL_SECONDS;
  const definition = context.sageMakerPipeline(command);
  const steps: Work[] = definition
    ? sageMakerCriticalPath(definition, model).map((step) => ({
      ...work(`SageMaker step ${step.name} (${step.type})`, stepFigure(step.type, model)),
      ...(step.type === 'RegisterModel' ? { registers: true } : {}),
    }))
    : [work('SageMaker pipeline (definition not found)', model.otherStep)];
  return [
    work('start the SageMaker pipeline', model.pipelineStart),
    ...steps,
    { what: `notice the end (half the ${pollSeconds} s poll interval)`, minutes: pollSeconds / 2 / 60, basis: 'documented' },
  ];
}

/** A SageMaker pipeline definition (JSON, Version 2020-12-01): the parts the estimate reads. */
export interface PipelineDefinition {
  readonly Steps: readonly PipelineStep[];
}

export interface PipelineStep {
  readonly Name: string;
  readonly Type: string;
  readonly DependsOn?: readonly string[];
  readonly Arguments?: any;
}

function stepFigure(type: string, model: ActionModel): Figure {
  switch (type) {
    case 'Processing': return model.processingStep;
    case 'Training': return model.trainingStep;
    case 'Condition': return model.conditionStep;
    case 'RegisterModel':
    case 'Model': return model.registerStep;
    case 'Fail': return { minutes: 0, basis: 'documented', note: 'a Fail step ends the execution' };
    default: return model.otherStep;
  }
}

/**
 * The steps on the longest chain of a SageMaker pipeline's success path (a condition's If
 * steps, not its Else steps), in order. A step waits for the steps it names in DependsOn and
 * for those whose properties it reads (`Steps.<name>` references); a condition's branch waits
 * for the condition. Durations are the step types' figures.
 */
export function sageMakerCriticalPath(definition: PipelineDefinition, model?: ActionModel): { name: string; type: string }[] {
  const steps = new Map<string, { type: string; deps: Set<string> }>();
  const add = (step: PipelineStep, parent?: string) => {
    if (steps.has(step.Name)) {
      throw new Error(`the pipeline definition has two steps named ${step.Name}`);
    }
    // A condition's references are in its conditions; its branches are steps of their own.
    const read = step.Type === 'Condition' ? step.Arguments?.Conditions : step.Arguments;
    const deps = new Set<string>([...(step.DependsOn ?? []), ...stepReferences(read), ...(parent ? [parent] : [])]);
    deps.delete(step.Name);
    steps.set(step.Name, { type: step.Type, deps });
    if (step.Type === 'Condition') {
      for (const branchStep of step.Arguments?.IfSteps ?? []) {
        add(branchStep, step.Name);
      }
    }
  };
  for (const step of definition.Steps) {
    add(step);
  }
  const minutesOf = (type: string) => (model ? stepFigure(type, model).minutes : defaultStepWeight(type));
  const finish = new Map<string, { at: number; via?: string }>();
  const visiting = new Set<string>();
  const finishOf = (name: string): number => {
    const known = finish.get(name);
    if (known) {
      return known.at;
    }
    const step = steps.get(name);
    if (!step) {
      return 0; // a reference to an Else-branch step or to something outside the definition
    }
    if (visiting.has(name)) {
      throw new Error(`the pipeline definition has a dependency cycle through ${name}`);
    }
    visiting.add(name);
    let start = 0;
    let via: string | undefined;
    for (const dep of step.deps) {
      const at = finishOf(dep);
      if (steps.has(dep) && (via === undefined || at > start)) {
        start = at;
        via = dep;
      }
    }
    visiting.delete(name);
    const at = start + minutesOf(step.type);
    finish.set(name, { at, via });
    return at;
  };
  let last: string | undefined;
  for (const name of steps.keys()) {
    if (last === undefined || finishOf(name) > finishOf(last)) {
      last = name;
    }
  }
  const chain: { name: string; type: string }[] = [];
  for (let name = last; name !== undefined; name = finish.get(name)!.via) {
    chain.unshift({ name, type: steps.get(name)!.type });
  }
  return chain;
}

/** Relative weights for choosing the longest chain when no model is given (jobs outweigh the rest). */
function defaultStepWeight(type: string): number {
  return type === 'Processing' || type === 'Training' ? 5 : type === 'Fail' ? 0 : 0.1;
}

/** The step names a value reads through `{"Get": "Steps.<name>..."}` or `Steps.<name>` strings. */
function stepReferences(value: unknown): string[] {
  const text = JSON.stringify(value ?? null);
  return [...text.matchAll(/Steps\.([A-Za-z0-9_-]+)/g)].map((match) => match[1]);
}

/**
 * The definition of an `AWS::SageMaker::Pipeline` resource when its body is inline (a string, or
 * an Fn::Join/Fn::Sub whose tokens stand in string values): tokens become the text "TOKEN".
 */
export function pipelineDefinitionOf(resource: { readonly Properties?: any }): PipelineDefinition | undefined {
  const body = resource.Properties?.PipelineDefinition?.PipelineDefinitionBody;
  let text: string | undefined;
  if (typeof body === 'string') {
    text = body;
  } else if (Array.isArray(body?.['Fn::Join']?.[1])) {
    text = body['Fn::Join'][1].map((part: unknown) => (typeof part === 'string' ? part : 'TOKEN')).join(body['Fn::Join'][0]);
  } else if (typeof body?.['Fn::Sub'] === 'string') {
    text = body['Fn::Sub'];
  }
  if (text === undefined) {
    return undefined;
  }
  try {
    const parsed = JSON.parse(text);
    return Array.isArray(parsed?.Steps) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The SageMaker pipelines of a template, by PipelineName. */
export function sageMakerPipelinesOf(template: Template): Map<string, PipelineDefinition> {
  const result = new Map<string, PipelineDefinition>();
  for (const resource of Object.values(template.Resources ?? {})) {
    if (resource.Type === 'AWS::SageMaker::Pipeline' && typeof resource.Properties?.PipelineName === 'string') {
      const definition = pipelineDefinitionOf(resource);
      if (definition) {
        result.set(resource.Properties.PipelineName, definition);
      }
    }
  }
  return result;
}

/** The blue/green settings of an endpoint deployment (from the synthesized DeploymentConfig). */
export interface BlueGreen {
  readonly type: 'ALL_AT_ONCE' | 'CANARY' | 'LINEAR';
  readonly waitIntervalSeconds: number;
  readonly terminationWaitSeconds: number;
  /** LINEAR: the share moved per step, in percent. */
  readonly linearStepPercent?: number;
}

/** One endpoint of a stack as the estimates see it. */
export interface EndpointSpec {
  readonly logicalId: string;
  readonly endpointName?: string;
  readonly serverless: boolean;
  /** Real-time: the production variants' instance type and count. */
  readonly variants: readonly { readonly variantName?: string; readonly instanceType?: string; readonly instanceCount?: number; readonly serverless: boolean; readonly provisionedConcurrency?: number }[];
  /** Undefined: SageMaker's default update, blue/green all at once without waits. */
  readonly blueGreen?: BlueGreen;
}

/** The `AWS::SageMaker::Endpoint` resources of a template, with their endpoint configs resolved. */
export function endpointsOf(template: Template): EndpointSpec[] {
  const resources = template.Resources ?? {};
  return Object.entries(resources)
    .filter(([, resource]) => resource.Type === 'AWS::SageMaker::Endpoint')
    .map(([logicalId, resource]) => {
      const configRef = resource.Properties?.EndpointConfigName;
      const configId = configRef?.['Fn::GetAtt']?.[0] ?? configRef?.Ref;
      const config = typeof configId === 'string' ? resources[configId] : undefined;
      if (!config || config.Type !== 'AWS::SageMaker::EndpointConfig') {
        throw new Error(`endpoint ${logicalId} names no endpoint config of the same template (${JSON.stringify(configRef)})`);
      }
      const variants = (config.Properties?.ProductionVariants ?? []).map((variant: any) => ({
        variantName: variant.VariantName,
        serverless: variant.ServerlessConfig !== undefined,
        instanceType: variant.InstanceType,
        instanceCount: variant.InitialInstanceCount,
        provisionedConcurrency: variant.ServerlessConfig?.ProvisionedConcurrency,
      }));
      const policy = resource.Properties?.DeploymentConfig?.BlueGreenUpdatePolicy;
      const routing = policy?.TrafficRoutingConfiguration;
      return {
        logicalId,
        endpointName: typeof resource.Properties?.EndpointName === 'string' ? resource.Properties.EndpointName : undefined,
        serverless: variants.length > 0 && variants.every((variant: { serverless: boolean }) => variant.serverless),
        variants,
        blueGreen: routing ? {
          type: routing.Type,
          waitIntervalSeconds: routing.WaitIntervalInSeconds ?? 0,
          terminationWaitSeconds: policy.TerminationWaitInSeconds ?? 0,
          linearStepPercent: routing.LinearStepSize?.Value,
        } : undefined,
      };
    });
}

/**
 * The endpoint's part of a CloudFormation deploy. Creating: the fleet (or serverless config)
 * comes up. Updating a real-time endpoint: the new (green) fleet comes up, then the configured
 * baking periods (one for canary and all-at-once, one per step for linear), then the termination
 * wait, during which the old fleet is kept and the endpoint is still updating.
 */
export function endpointWork(endpoint: EndpointSpec, scenario: Scenario, model: ActionModel): Work[] {
  const name = endpoint.endpointName ?? endpoint.logicalId;
  if (endpoint.serverless) {
    return [work(`${name}: serverless endpoint ${scenario === 'create' ? 'created' : 'updated'}`, model.serverlessUpdate)];
  }
  const fleet = work(`${name}: ${scenario === 'create' ? 'instance fleet' : 'new (green) instance fleet'}`, model.realtimeFleet);
  if (scenario === 'create' || !endpoint.blueGreen) {
    return [fleet];
  }
  const bg = endpoint.blueGreen;
  const periods = bg.type === 'LINEAR' ? Math.ceil(100 / (bg.linearStepPercent ?? 100)) : 1;
  const result = [fleet];
  if (bg.waitIntervalSeconds > 0) {
    result.push({ what: `${name}: ${bg.type.toLowerCase().replace(/_/g, '-')} baking ${periods} x ${bg.waitIntervalSeconds / 60} min`, minutes: periods * bg.waitIntervalSeconds / 60, basis: 'documented' });
  }
  if (bg.terminationWaitSeconds > 0) {
    result.push({ what: `${name}: old fleet kept ${bg.terminationWaitSeconds / 60} min (termination wait)`, minutes: bg.terminationWaitSeconds / 60, basis: 'documented' });
  }
  return result;
}

/** The work of one action. */
export function actionWork(action: PipelineAction, context: PathContext): Work[] {
  const { model } = context;
  if (action.category === 'Approval') {
    return [];
  }
  if (action.category === 'Source') {
    return [work(`source (${action.provider})`, model.sourceFetch)];
  }
  if (action.provider === 'CodeBuild') {
    const commands = context.commandsOf(action);
    return [
      work('CodeBuild start', model.codeBuildStart),
      ...(commands ? commands.flatMap((command) => commandWork(command, context)) : [work('build commands (not found)', model.otherCommand)]),
    ];
  }
  if (action.provider === 'CloudFormation') {
    const mode = String(action.configuration.ActionMode ?? 'CREATE_UPDATE');
    const stackName = String(action.configuration.StackName);
    if (mode === 'CHANGE_SET_REPLACE') {
      return [work(`change set of ${stackName}`, model.cfnChangeSet)];
    }
    const template = context.stackTemplate(stackName);
    const endpoints = template ? endpointsOf(template) : [];
    // Endpoints of one stack are deployed in parallel: the slowest counts.
    const slowest = endpoints.map((endpoint) => endpointWork(endpoint, context.scenario, model))
      .reduce<Work[]>((max, items) => (total(items) > total(max) ? items : max), []);
    return [
      ...(mode === 'CHANGE_SET_EXECUTE' ? [] : [work(`changes of ${stackName} computed`, model.cfnChangeSet)]),
      work(`${stackName} deployed${template ? '' : ' (template not found)'}`, model.cfnExecute),
      ...slowest,
    ];
  }
  if (action.category === 'Invoke' && action.provider === 'Lambda') {
    return [work(`Lambda function ${functionNameOf(action.configuration.FunctionName)} invoked`, model.lambdaInvoke)];
  }
  return [work(`${action.category} action (${action.provider})`, model.otherCommand)];
}

/** A Lambda invoke action's function as the template names it: its name, or the logical id it refers to. */
function functionNameOf(name: unknown): string {
  if (typeof name === 'string') {
    return name;
  }
  const ref = (name as { Ref?: unknown } | undefined)?.Ref;
  return typeof ref === 'string' ? ref : JSON.stringify(name);
}

const total = (items: readonly Work[]) => items.reduce((sum, item) => sum + item.minutes, 0);

/** Times every action of a pipeline and puts them on its critical path. */
export function criticalPath(spec: PipelineSpec, context: PathContext): CriticalPath {
  const groups: ActionGroup[] = [];
  const approvals: string[] = [];
  let elapsed = 0;
  let beforeApproval: number | undefined;
  let registration: number | undefined;
  for (const stage of spec.stages) {
    const skip = skipped(stage, context);
    if (skip !== undefined) {
      groups.push({ stage: stage.name, runOrder: 1, actions: [], minutes: 0, endsAt: elapsed, skipped: `skipped: ${skip}` });
      continue;
    }
    const orders = [...new Set(stage.actions.map((action) => action.runOrder))].sort((a, b) => a - b);
    for (const runOrder of orders) {
      const actions = stage.actions.filter((action) => action.runOrder === runOrder).map((action): TimedAction => {
        let items = actionWork(action, context);
        if (context.releaseChangesPipeline && items.some((item) => item.what.startsWith('cdk deploy (self-mutation'))) {
          items = [...items, ...releaseRestart(items, elapsed, context.model)];
        }
        return { stage: action.stage, name: action.name, runOrder, approval: action.category === 'Approval', work: items, minutes: total(items) };
      });
      for (const action of actions) {
        const at = action.work.findIndex((item) => item.registers);
        if (at >= 0) {
          registration ??= elapsed + total(action.work.slice(0, at + 1));
        }
      }
      for (const action of actions.filter((a) => a.approval)) {
        approvals.push(`${action.stage}/${action.name}`);
        beforeApproval ??= elapsed;
      }
      const minutes = Math.max(0, ...actions.map((action) => action.minutes));
      elapsed += minutes;
      groups.push({ stage: stage.name, runOrder, actions, minutes, endsAt: elapsed });
    }
  }
  return {
    pipeline: spec.name,
    groups,
    approvals,
    minutesBeforeApproval: beforeApproval ?? elapsed,
    minutesAfterApproval: beforeApproval === undefined ? 0 : elapsed - beforeApproval,
    totalMinutes: elapsed,
    ...(registration === undefined ? {} : { minutesToRegistration: registration }),
  };
}

/**
 * Why the path skips a stage, if it does: the UpdatePipeline stage whose entry condition skips it
 * unless the synth step's self-mutation check says otherwise, when the run does not change the
 * pipeline's stacks; the Assets stage likewise, when every asset is already published (each check
 * answers `not-needed`, which fails the NE rule).
 */
function skipped(stage: PipelineStage, context: PathContext): string | undefined {
  const check = stage.skipUnless;
  const verdicts: Array<[RegExp, boolean, string]> = [
    [SELF_MUTATION_CHECK, !context.releaseChangesPipeline, 'the self-mutation check found the pipeline stacks deployed as synthesized'],
    [ASSETS_CHECK, context.assetsPublished === true, 'the assets check found every file asset in its bucket'],
  ];
  const known = check === undefined ? undefined : verdicts.find(([variable]) => variable.test(check.variable));
  if (check === undefined || known === undefined) {
    return undefined;
  }
  const verdict = known[1] ? 'not-needed' : 'needed';
  const passes = check.operator === 'NE' ? verdict !== check.value : check.operator === 'EQ' ? verdict === check.value : true;
  return passes ? undefined : known[2];
}

/**
 * What a self-mutation costs on top of the no-change case when the release changed the pipeline
 * stack: the pipeline's update, then CodePipeline restarts the execution (`restartExecutionOnUpdate`),
 * which runs every action up to this one again, this time with nothing to change.
 */
function releaseRestart(selfMutation: readonly Work[], elapsedBefore: number, model: ActionModel): Work[] {
  return [
    work('the release changed the pipeline stack: CodePipeline updated', model.selfMutateUpdate),
    { what: 'execution restarted: the actions up to the self-mutation run again', minutes: elapsedBefore + total(selfMutation), basis: 'documented' },
  ];
}

/** A commit to the model-build repository, followed through both pipelines. */
export interface EndToEnd {
  /** Commit to model-build → new version registered (pending approval). */
  readonly commitToRegistered: number;
  /** Version approved in the registry → staging endpoint serving it, tested (the deploy pipeline up to its approval). */
  readonly approvedToStaging: number;
  /** Commit → staging, both people's waits excluded. */
  readonly commitToStaging: number;
  /** Release approved → production endpoint serving the version. */
  readonly releaseToProd: number;
  /** Commit → production, both people's waits excluded. */
  readonly commitToProd: number;
}

/**
 * The end-to-end minutes of a model-build and a model-deploy pipeline (people's approvals
 * excluded). The release path leaves model-build when the version is registered (approving it
 * starts model-deploy), not when model-build's last action ends.
 */
export function endToEnd(build: CriticalPath, deploy: CriticalPath, model: ActionModel): EndToEnd {
  const commitToRegistered = build.minutesToRegistration ?? build.totalMinutes;
  const approvedToStaging = model.eventTrigger.minutes + deploy.minutesBeforeApproval;
  const commitToStaging = commitToRegistered + approvedToStaging;
  return {
    commitToRegistered,
    approvedToStaging,
    commitToStaging,
    releaseToProd: deploy.minutesAfterApproval,
    commitToProd: commitToStaging + deploy.minutesAfterApproval,
  };
}
