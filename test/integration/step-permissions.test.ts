/**
 * Every AWS call a CodeBuild step of the two pipelines makes is allowed by that step's role.
 *
 * IAM denies what no identity policy allows ("Policy evaluation logic", IAM User Guide), so a
 * step whose role lacks one action fails with AccessDenied the first time a team's pipeline runs
 * it, although every template validates. The tests here derive the calls from the code itself:
 * each step's buildspec commands run as written, in bash, in a folder laid out as CodeBuild lays
 * out the step's inputs (the synthesized assembly, the synth step's outputs as `release/`, the
 * bundled release tools), with `sagemaker-gitops` run against a recorded AWS that answers the happy
 * path (test/fixtures/step-permissions/world.ts) and the AWS CLI replaced by a recording stand-in.
 * Each recorded call is then mapped to its IAM action and resource (Service Authorization
 * Reference: the action is named after the API operation; the resource is the one the operation's
 * row lists) and checked against the role's policies as the template defines them.
 *
 * `npm ci`, `cdk synth` and the release-tools bundle are not run: they make no AWS call.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ModelBuildApp } from '../../src/model-build';
import { Environment, allows, deployTimeText, resolveText, roleStatements, trustsAccount } from '../helpers/iam-policy';
import { SEED_MODEL_BUILD_REPO, synthValidated, testConfig } from '../helpers/validated-synth';
import { LIVE_MODEL_FILE } from '../../src/app-context/resolved-model';
import { ModelDeployApp } from '../../src/model-deploy';
import { MODEL, NEXT_MODEL, app as modelDeployApp, repo } from '../model-deploy/fixtures';
import { bundleScript } from '../helpers/script-bundle';
import { checkRequest, serviceModel } from '../helpers/api-model';
import { actionProblem } from '../helpers/iam-reference';

jest.setTimeout(240_000);

const ROOT = path.join(__dirname, '..', '..');
const SHIM = path.join(ROOT, 'test', 'fixtures', 'step-permissions');
const ENV = { account: '111111111111', region: 'us-east-1' };
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'step-permissions-'));
/** The recorded world, bundled once into a folder of its own: every CLI invocation of the steps runs it. */
const WORLD = path.join(work, 'world', 'world.js');
beforeAll(() => bundleScript(path.join(SHIM, 'world.ts'), WORLD));

/** A call the step made: a CLI client call or an AWS CLI invocation; or the CLI's exit. */
interface Recorded {
  readonly service?: string;
  readonly operation?: string;
  readonly input?: any;
  readonly argv?: string[];
  readonly exit?: number;
}

interface Step {
  readonly name: string;
  readonly role: string;
  readonly commands: string[];
}

/** The CodeBuild projects of a pipeline stack whose buildspec is inline, with their role and commands in order. */
function stepsOf(template: Template): Step[] {
  return Object.entries<any>(template.findResources('AWS::CodeBuild::Project')).flatMap(([id, project]) => {
    const text = resolveText(project.Properties.Source.BuildSpec, ENV);
    if (!text.startsWith('{')) {
      return []; // a buildspec file of the assembly: CDK Pipelines' asset publishing (cdk-assets)
    }
    const spec = JSON.parse(text);
    const commands = ['install', 'pre_build', 'build', 'post_build'].flatMap((phase) => spec.phases?.[phase]?.commands ?? []);
    return [{ name: id, role: project.Properties.ServiceRole['Fn::GetAtt'][0], commands }];
  });
}

/** The synth step's release tools as a later step gets them (and model-build's run step, at its root): the CLI in the recorded world. */
const RELEASE_TOOLS = path.join(work, 'release-tools-input');
fs.mkdirSync(RELEASE_TOOLS, { recursive: true });
fs.writeFileSync(path.join(RELEASE_TOOLS, 'sagemaker-gitops.js'), `require(${JSON.stringify(path.join(SHIM, 'sagemaker-gitops.js'))});\n`);

/** Commands that make no AWS call and need what this test does not lay out (the registry, the CDK CLI). */
const NOT_RUN = /\bnpm (ci|install)\b|\bcdk (synth|-a \. deploy)\b|check-toolkit|bundleReleaseTools/;

/**
 * Runs the step's commands in `cwd` as one CodeBuild phase runs them; the calls it made. `failing`: the step is
 * expected to fail (its last command exits 1 in the world `inputs` set up), and its calls are returned all the same.
 */
function runStep(step: Step, cwd: string, assembly: string, inputs: Record<string, string> = {}, failing = false): Recorded[] {
  const calls = path.join(cwd, '.calls.jsonl');
  fs.writeFileSync(calls, '');
  fs.copyFileSync(path.join(RELEASE_TOOLS, 'sagemaker-gitops.js'), path.join(cwd, 'sagemaker-gitops.js'));
  const script = ['set -euo pipefail', ...step.commands.filter((command) => !NOT_RUN.test(command))].join('\n');
  const result = spawnSync('bash', ['-c', script], {
    cwd,
    encoding: 'utf-8',
    env: {
      // No AWS settings of this machine (a profile, credentials, an endpoint) reach the steps: only the region below.
      ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^AWS_/.test(name))),
      PATH: `${path.join(SHIM, 'bin')}${path.delimiter}${process.env.PATH}`,
      AWS_REGION: ENV.region,
      HOME: cwd,
      STEP_CALLS: calls,
      STEP_ASSEMBLY: assembly,
      STEP_SHIM_DIR: SHIM,
      STEP_WORLD: WORLD,
      CODEBUILD_SRC_DIR_Synth_release_tools: RELEASE_TOOLS,
      ...inputs,
    },
  });
  if ((result.status !== 0) !== failing) {
    throw new Error(`${step.name} ${failing ? 'passed' : 'failed'} (exit ${result.status}):\n${script}\n${result.stdout}\n${result.stderr}`);
  }
  const recorded: Recorded[] = fs.readFileSync(calls, 'utf-8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
  const failed = recorded.filter((r) => r.exit !== undefined && r.exit !== 0);
  if ((failed.length > 0 && !failing) || recorded.some((r) => r.operation === 'UNANSWERED')) {
    throw new Error(`${step.name}: a command did not succeed in the recorded world:\n${fs.readFileSync(calls, 'utf-8')}\n${result.stderr}`);
  }
  // Each request is one the service accepts: its API model's required members, valid values,
  // lengths, ranges and patterns (API Reference of each operation; test/helpers/api-model.ts).
  const rejected = recorded.filter((r) => r.service !== undefined && r.operation !== undefined)
    .flatMap((r) => checkRequest(serviceModel(r.service!), r.operation!, r.input ?? {}).problems.map((problem) => `${r.service} ${problem}`));
  if (rejected.length > 0) {
    throw new Error(`${step.name}: requests that AWS rejects:\n${rejected.join('\n')}`);
  }
  return recorded;
}

/** A step's folder: the synthesized assembly as the synth step leaves it (`cdk.out`). */
function stepFolder(name: string, assembly: string): string {
  const dir = path.join(work, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.cpSync(assembly, path.join(dir, 'cdk.out'), { recursive: true });
  return dir;
}

/** Every IAM action and resource a recorded call was mapped to, checked against the Service Authorization Reference at the end. */
const mapped = new Map<string, { action: string; resource: string }>();

/** The IAM action and resource of each AWS request of a recorded call in `env` (Service Authorization Reference). */
function requestsOf(call: Recorded, env: Environment, templates: Record<string, Template>): Array<{ action: string; resource: string }> {
  const requests = mapRequests(call, env, templates);
  requests.forEach((r) => mapped.set(`${r.action} ${r.resource}`, r));
  return requests;
}

function mapRequests(call: Recorded, env: Environment, templates: Record<string, Template>): Array<{ action: string; resource: string }> {
  const input = call.input ?? {};
  const sageMakerArn = (resource: string) => `arn:aws:sagemaker:${env.region}:${env.account}:${resource.toLowerCase()}`;
  if (call.service === 'aws-cli') {
    const [service, command, ...rest] = call.argv!;
    if (service === 's3' && command === 'cp') {
      const object = /^s3:\/\/(.+)$/.exec(rest[0])![1];
      // An object under SSE-KMS is decrypted with its key: GetObject needs kms:Decrypt on it (Amazon S3 User Guide, "Using server-side encryption with AWS KMS keys").
      return [{ action: 's3:GetObject', resource: `arn:aws:s3:::${object}` }, { action: 'kms:Decrypt', resource: MODEL.artifactKmsKeyArn! }];
    }
    const operation = command.split('-').map((word) => word[0].toUpperCase() + word.slice(1)).join('');
    return [{ action: `${service}:${operation}`, resource: rest[rest.indexOf('--model-package-name') + 1] }];
  }
  if (call.service === 's3') {
    // A bucket the app creates: its name is the Ref of its logical id (deployTimeText).
    const bucket = /^ref-(.+)$/.test(input.Bucket) ? Object.values(templates).flatMap((t) => Object.keys(t.toJSON().Resources))
      .find((id) => `ref-${id.toLowerCase()}` === input.Bucket) : undefined;
    const bucketArn = bucket === undefined ? `arn:aws:s3:::${input.Bucket}` : `<${bucket}.Arn>`;
    return call.operation === 'ListObjectsV2'
      ? [{ action: 's3:ListBucket', resource: bucketArn }]
      : [{ action: `s3:${call.operation}`, resource: `${bucketArn}/${input.Key}` }, ...bucketKeys(templates, bucket).map((key) => ({ action: 'kms:Decrypt', resource: key }))];
  }
  if (call.service === 'cloudwatch') {
    // CloudWatch's metric reads have no resource type ("Actions, resources, and condition keys for Amazon CloudWatch").
    return [{ action: `cloudwatch:${call.operation}`, resource: '*' }];
  }
  if (call.service === 'ssm') {
    // "Actions, resources, and condition keys for AWS Systems Manager": GetParameters takes each parameter.
    return input.Names.map((name: string) => ({ action: 'ssm:GetParameters', resource: `arn:aws:ssm:${env.region}:${env.account}:parameter${name}` }));
  }
  if (call.service === 'codepipeline') {
    // "Actions, resources, and condition keys for AWS CodePipeline": GetPipelineState and ListPipelineExecutions take the pipeline.
    return [{ action: `codepipeline:${call.operation}`, resource: `arn:aws:codepipeline:${env.region}:${env.account}:${input.name ?? input.pipelineName}` }];
  }
  if (call.service === 'cloudformation') {
    return [{ action: `cloudformation:${call.operation}`, resource: `arn:aws:cloudformation:${env.region}:${env.account}:stack/${input.StackName}/5f0d7c2e-0000-4000-8000-000000000000` }];
  }
  const resources: Record<string, string | undefined> = {
    ListModelPackages: '*',
    DescribeModelPackage: input.ModelPackageName,
    DescribeModelPackageGroup: input.ModelPackageGroupName && sageMakerArn(`model-package-group/${input.ModelPackageGroupName}`),
    StartPipelineExecution: input.PipelineName && sageMakerArn(`pipeline/${input.PipelineName}`),
    DescribePipelineExecution: input.PipelineExecutionArn,
    ListPipelineExecutionSteps: input.PipelineExecutionArn,
    StopPipelineExecution: input.PipelineExecutionArn,
    DescribeEndpoint: input.EndpointName && sageMakerArn(`endpoint/${input.EndpointName}`),
    InvokeEndpoint: input.EndpointName && sageMakerArn(`endpoint/${input.EndpointName}`),
    DescribeEndpointConfig: input.EndpointConfigName && sageMakerArn(`endpoint-config/${input.EndpointConfigName}`),
    DescribeModel: input.ModelName && sageMakerArn(`model/${input.ModelName}`),
  };
  const resource = resources[call.operation!];
  if (resource === undefined) {
    throw new Error(`no IAM resource known for ${call.service} ${call.operation}: add its row (Service Authorization Reference) to this test`);
  }
  return [{ action: `sagemaker:${call.operation}`, resource }];
}

/** The KMS key a bucket of the app encrypts its objects with (reading one decrypts with it), as `<Key.Arn>`. */
function bucketKeys(templates: Record<string, Template>, bucket: string | undefined): string[] {
  const definition = bucket === undefined ? undefined : Object.values(templates).map((t) => t.toJSON().Resources[bucket]).find((r) => r?.Type === 'AWS::S3::Bucket');
  const key = definition?.Properties.BucketEncryption?.ServerSideEncryptionConfiguration?.[0]?.ServerSideEncryptionByDefault?.KMSMasterKeyID;
  return key === undefined ? [] : [typeof key === 'string' ? key : deployTimeText(key)];
}

/** The environment CodePipeline gives a step from the stacks' outputs (`envFromCfnOutputs`): the shadow phase's capture location. */
function outputsEnv(templates: Record<string, Template>): Record<string, string> {
  const outputs = Object.values(templates).flatMap((t) => Object.entries<any>(t.toJSON().Outputs ?? {}));
  const capture = outputs.find(([id]) => /CaptureUri/.test(id));
  return capture === undefined ? {} : { CAPTURE_URI: resolveText(capture[1].Value, ENV) };
}

/** Each CLI invocation's calls (the calls before its exit record) with its argv; the AWS CLI's calls on their own. */
function invocations(calls: Recorded[]): Array<{ argv: string[]; calls: Recorded[] }> {
  const out: Array<{ argv: string[]; calls: Recorded[] }> = [];
  let pending: Recorded[] = [];
  for (const call of calls) {
    if (call.service === 'sleep') {
      continue; // a wait, no call
    } else if (call.service === 'aws-cli') {
      out.push({ argv: [], calls: [call] });
    } else if (call.exit !== undefined) {
      out.push({ argv: call.argv!, calls: pending });
      pending = [];
    } else {
      pending.push(call);
    }
  }
  return out;
}

/** The role a `--profile` of the step assumes, from the AWS config file the step wrote in its home. */
function profileRole(home: string, profile: string): string {
  const config = fs.readFileSync(path.join(home, '.aws', 'config'), 'utf-8');
  const section = config.split(/^\[/m).find((s) => s.startsWith(`profile ${profile}]`)) ?? '';
  const role = /^role_arn\s*=\s*(\S+)$/m.exec(section)?.[1];
  if (role === undefined || !/^credential_source\s*=\s*EcsContainer$/m.test(section)) {
    throw new Error(`profile ${profile} in ${home}/.aws/config has no role_arn with the CodeBuild container's credentials:\n${config}`);
  }
  return role;
}

/**
 * The requests of a step's calls that its roles do not allow: the calls of a `--profile` go to the
 * role that profile assumes (in the stage's account, defined by a stage template), which the
 * step's role must be allowed to assume and which must trust the pipeline's account.
 */
function denied(templates: Record<string, Template>, pipeline: Template, step: Step, calls: Recorded[], home: string): string[] {
  const problems: string[] = [];
  for (const { argv, calls: made } of invocations(calls)) {
    const profile = argv.includes('--profile') ? argv[argv.indexOf('--profile') + 1] : undefined;
    let statements = roleStatements(pipeline, step.role);
    let env: Environment = ENV;
    if (profile !== undefined) {
      const role = profileRole(home, profile);
      if (!allows(statements, 'sts:AssumeRole', role, ENV)) {
        problems.push(`sts:AssumeRole on ${role}`);
      }
      const [, account, name] = /^arn:aws:iam::(\d{12}):role\/(.+)$/.exec(role)!;
      const owner = Object.values(templates).find((t) => Object.keys(t.findResources('AWS::IAM::Role', { Properties: { RoleName: name } })).length > 0);
      if (owner === undefined) {
        problems.push(`no stack of the app defines the role ${role}`);
        continue;
      }
      const [roleId, definition] = Object.entries<any>(owner.findResources('AWS::IAM::Role', { Properties: { RoleName: name } }))[0];
      if (!trustsAccount(definition.Properties.AssumeRolePolicyDocument, ENV.account, { ...ENV, account })) {
        problems.push(`${role} does not trust the pipeline account ${ENV.account}: ${JSON.stringify(definition.Properties.AssumeRolePolicyDocument)}`);
      }
      statements = roleStatements(owner, roleId);
      env = { ...ENV, account };
    }
    problems.push(...made.flatMap((call) => requestsOf(call, env, templates))
      .filter((r) => !allows(statements, r.action, r.resource, env))
      .map((r) => `${r.action} on ${r.resource}${profile ? ` (profile ${profile})` : ''}`));
  }
  return problems;
}

/** The app's templates, its pipeline stack's, and its assembly folder. */
function synthesized(app: App, stackName: string): { templates: Record<string, Template>; template: Template; assembly: string } {
  const templates = synthValidated(app);
  return { templates, template: templates[stackName], assembly: app.synth().directory };
}

describe('model-build', () => {
  const { templates, template, assembly } = synthesized(new ModelBuildApp({ config: testConfig(), repoDir: SEED_MODEL_BUILD_REPO }), 'player-churn-model-build-pipeline');
  const steps = stepsOf(template);
  const made: Recorded[] = [];

  test.each(steps.map((s) => [s.name, s] as const))('%s: its role allows every call its commands make', (_name, step) => {
    const folder = stepFolder(`build-${step.name}`, assembly);
    const calls = runStep(step, folder, assembly);
    made.push(...calls);
    expect(denied(templates, template, step, calls, folder)).toEqual([]);
  });

  test('the steps made the calls of a commit: the pipeline stack compared, the SageMaker pipeline started and watched, its version read', () => {
    const operations = made.map((c) => c.operation).filter(Boolean);
    // DescribeModelPackage: whether MLflow recorded the registered version's training (src/aws/mlflow-recorded.ts).
    expect(new Set(operations)).toEqual(new Set(['DescribeStacks', 'GetTemplate', 'StartPipelineExecution', 'DescribePipelineExecution', 'ListPipelineExecutionSteps', 'DescribeModelPackage']));
  });

  // SageMaker developer guide, "Retry Policy for Pipeline Steps": a retried job is a new job with its own stopping
  // condition, so an execution can outlast the step's wait; the step then stops it (StopPipelineExecution, whose
  // resource is the execution: Service Authorization Reference) and fails.
  test('RunSageMakerPipeline, when the execution outlasts its wait: it stops the execution, which its role allows, and fails', () => {
    const step = steps.find((s) => s.commands.some((c) => c.includes('run-pipeline')))!;
    const folder = stepFolder('build-outlasts-the-wait', assembly);
    const calls = runStep(step, folder, assembly, { STEP_WORLD_PIPELINE: 'outlasts-the-wait' }, true);
    const stops = calls.filter((c) => c.operation === 'StopPipelineExecution');
    expect(stops).toHaveLength(1);
    expect(stops[0].input.PipelineExecutionArn).toBe('arn:aws:sagemaker:us-east-1:111111111111:pipeline/player-churn-training/execution/0a1b2c3d4e5f');
    expect(calls.filter((c) => c.exit !== undefined).map((c) => c.exit)).toEqual([1]);
    expect(denied(templates, template, step, calls, folder)).toEqual([]);
  });
});

/** A release of version 8 with a shadow phase in production, while production serves version 7. */
function shadowRelease(): ModelDeployApp {
  const dir = repo();
  fs.writeFileSync(path.join(dir, LIVE_MODEL_FILE), JSON.stringify({ endpointName: 'player-churn-prod', model: MODEL }));
  const shadow = { minutes: 45, maxLatencyIncreasePercent: 15, maxErrorRate: 0.02, maxPredictionPsi: 0.25 };
  return new ModelDeployApp({ config: testConfig({ endpoints: { prod: { type: 'realtime', shadow } } }), repoDir: dir, model: NEXT_MODEL });
}

describe.each([
  ['one account', () => modelDeployApp()],
  // The stages in accounts of their own: the checks assume each stage's tester role ("Switching to an IAM role (AWS CLI)",
  // IAM User Guide: role_arn with credential_source EcsContainer in a CodeBuild container).
  ['staging and production in their own accounts', () => modelDeployApp({ environments: { build: { account: ENV.account }, staging: { account: '222222222222' }, prod: { account: '333333333333' } } })],
  // The steps the one-account case runs are the same here; only the shadow comparison is new.
  ['a shadow phase before production', shadowRelease, /Shadow/],
])('model-deploy, %s', (label, build, only?: RegExp) => {
  const { templates, template, assembly } = synthesized(build(), 'player-churn-model-deploy-pipeline');
  const steps = stepsOf(template);
  const synth = steps.find((s) => /Synth/.test(s.name))!;
  const prefix = label.replace(/\W+/g, '-');
  const synthFolder = stepFolder(`${prefix}-synth`, assembly);
  // The later steps read what the synth step wrote: it runs first.
  let synthCalls: Recorded[] = [];
  beforeAll(() => {
    synthCalls = runStep(synth, synthFolder, assembly);
  });
  /** The later steps' inputs: the synth step's output (its cdk.out) as `release/`. */
  const inputs = { CODEBUILD_SRC_DIR_Synth_Output: path.join(synthFolder, 'cdk.out'), ...outputsEnv(templates) };

  test('the synth step: its role allows resolving the model, reading its evaluation report and test split, comparing the pipeline stack', () => {
    expect(synthCalls.map((c) => c.operation ?? c.argv?.slice(0, 2).join(' ')).filter(Boolean)).toEqual(expect.arrayContaining([
      'ListModelPackages', 'DescribeModelPackage', 'sagemaker describe-model-package', 's3 cp', 'DescribeStacks', 'GetTemplate']));
    expect(fs.existsSync(path.join(synthFolder, 'cdk.out', 'payload.csv'))).toBe(true);
    // input-check read, from the pipeline's history, the version its last succeeded execution released (which production
    // serves), then the header of that version's baseline and of the release's, and wrote its comparison.
    const baselines = synthCalls.filter((c) => c.operation === 'GetObject' && /\/baseline\/baseline\.csv$/.test(c.input?.Key ?? ''));
    expect(baselines.map((c) => c.input.Key).sort()).toEqual(['player-churn-training/exec0/Preprocess/baseline/baseline.csv', 'player-churn-training/exec1/Preprocess/baseline/baseline.csv']);
    expect(JSON.parse(fs.readFileSync(path.join(synthFolder, 'cdk.out', 'model-inputs.json'), 'utf-8')))
      .toEqual({ summary: 'the same 2 columns as version 6, which production serves', changed: false, details: [], base: { version: 6, source: 'production' } });
    const pipelineReads = synthCalls.filter((c) => c.service === 'codepipeline');
    const inputCheckReads = ['ListPipelineExecutions', 'ListActionExecutions'];
    // With production in the pipeline's account, the synth step also compares production's stack, after telling its own execution.
    // It reads the SSM parameters the production stack resolves at deploy (the MLflow backend's, for its drift check) too.
    const prodReads = synthCalls.filter((c) => c.service === 'ssm' || (c.service === 'cloudformation' && c.input?.StackName === 'player-churn-prod-endpoint'));
    const resolvesSsm = Object.entries<any>(templates['player-churn-prod-endpoint'].toJSON().Parameters ?? {}).some(([key, p]) => key !== 'BootstrapVersion' && /SSM/.test(p.Type));
    const prodCheck = synth.commands.some((c) => c.includes('prod-change-check'));
    expect(pipelineReads.map((c) => c.operation)).toEqual([...inputCheckReads, ...(prodCheck ? ['GetPipelineState', 'ListPipelineExecutions'] : [])]);
    expect(prodReads.map((c) => c.operation)).toEqual(!prodCheck ? [] : ['DescribeStacks', 'GetTemplate', ...(resolvesSsm ? ['DescribeStacks', 'GetParameters'] : [])]);
    expect(denied(templates, template, synth, synthCalls, synthFolder)).toEqual([]);
  });

  test.each(steps.filter((s) => s !== synth && (only === undefined || only.test(s.name))).map((s) => [s.name, s] as const))('%s: its roles allow every call its commands make', (_name, step) => {
    const folder = stepFolder(`${prefix}-${step.name}`, assembly);
    const calls = runStep(step, folder, assembly, inputs);
    expect(denied(templates, template, step, calls, folder)).toEqual([]);
    if (/CompareShadow/.test(step.name)) {
      // The shadow phase waited its 45 minutes and 5 for the last captures, then checked that the shadow serves the candidate
      // and read both variants' metrics and captured data, through its comparison role.
      expect(calls.filter((c) => c.service === 'sleep').map((c) => c.argv)).toEqual([['3000']]);
      expect(new Set(calls.map((c) => c.operation).filter(Boolean)))
        .toEqual(new Set(['DescribeEndpoint', 'DescribeEndpointConfig', 'DescribeModel', 'GetMetricData', 'ListObjectsV2', 'GetObject']));
    }
    if (label.includes('own accounts') && /Test|Verify/.test(step.name)) {
      // The checks' calls went to the stage's account, through its tester role.
      expect(invocations(calls).filter((i) => i.argv.length > 0).every((i) => i.argv.includes('--profile'))).toBe(true);
    }
  });
});

// The mapping above is this test's own: each action it names exists, and acts on the resource it
// gives (the ARN formats of the action's resource types in the Service Authorization Reference, or
// "*" where it lists none; test/helpers/iam-reference.ts). A wrong row would check a grant IAM never uses.
describe('the calls\' IAM actions and resources', () => {
  test('are ones the Service Authorization Reference has, for every call the steps made', async () => {
    expect(mapped.size).toBeGreaterThan(10);
    const problems = (await Promise.all([...mapped.values()].map(({ action, resource }) => actionProblem(action, resource)))).filter((p) => p !== undefined);
    expect(problems).toEqual([]);
  });
});
