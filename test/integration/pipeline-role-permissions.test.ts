/**
 * What each step of the synthesized SageMaker pipeline needs is allowed by the roles that run it,
 * derived from the definition the stack deploys, not listed by hand.
 *
 * SageMaker Pipelines starts every job as the pipeline's role, which must be allowed the step's
 * Create action and to pass the job's role ("IAM Access Management", SageMaker Pipelines; "Grant
 * users permissions to pass roles", IAM User Guide). A job then runs as its own role, which reads
 * each input and writes each output in S3 ("SageMaker AI execution roles": CreateProcessingJob and
 * CreateTrainingJob permissions), pulls its image from ECR, creates a grant on its volume key
 * (kms:CreateGrant), and encrypts its outputs with the output key (S3 PutObject under SSE-KMS needs
 * kms:GenerateDataKey; a read of an SSE-KMS object needs kms:Decrypt: Amazon S3 User Guide, "Using
 * server-side encryption with AWS KMS keys"). A training job in script mode also downloads its
 * `sagemaker_submit_directory`. A step whose role lacks one of these fails at run time.
 *
 * Only identity policies are read here; the key and bucket policies these calls also pass through
 * have their own tests (test/constructs/bucket-controls.test.ts, test/model-build/model-build-stack.test.ts).
 */
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ModelBuildApp } from '../../src/model-build';
import { Environment, Statement, allows, deployTimeText, resolveText, roleStatements } from '../helpers/iam-policy';
import { SEED_MODEL_BUILD_REPO, synthValidated, testConfig } from '../helpers/validated-synth';
import { app as modelDeployApp } from '../model-deploy/fixtures';

const ENV: Environment = { account: '111111111111', region: 'us-east-1' };
const EXECUTION_ID = 'exec1a2b3c';
const JOB = 'pipelines-exec1a2b3c-step-1a2b3c4d5e';

/** The definition as CloudFormation deploys it: pseudo parameters resolved, the stack's own values as `deployTimeText` reads them. */
function definitionOf(body: unknown): any {
  return JSON.parse(resolveText(body, ENV));
}

/** The steps of a definition, those of condition branches included. */
function stepsOf(steps: any[]): any[] {
  return steps.flatMap((step) => (step.Type === 'Condition' ? [step, ...stepsOf(step.Arguments.IfSteps ?? []), ...stepsOf(step.Arguments.ElseSteps ?? [])] : [step]));
}

/** Resolves a pipeline expression for one execution: parameters at their defaults, step properties from the steps' arguments. */
function resolver(definition: any): (value: any) => string {
  const parameters = Object.fromEntries(definition.Parameters.map((p: any) => [p.Name, p.DefaultValue]));
  const steps = Object.fromEntries(stepsOf(definition.Steps).map((s: any) => [s.Name, s]));
  const resolve = (value: any): string => {
    if (typeof value === 'string' || typeof value === 'number') {
      return String(value);
    }
    if (value['Std:Join']) {
      return value['Std:Join'].Values.map(resolve).join(value['Std:Join'].On);
    }
    if (value['Std:JsonGet']) {
      return '0.9'; // a value read from a property file at run time (a metric), never an S3 location
    }
    const path: string | undefined = value.Get;
    if (path === undefined) {
      throw new Error(`no value for the pipeline expression ${JSON.stringify(value)}: add it to this test`);
    }
    if (path === 'Execution.PipelineExecutionId') {
      return EXECUTION_ID;
    }
    if (path.startsWith('Parameters.')) {
      return resolve(parameters[path.slice('Parameters.'.length)]);
    }
    const output = /^Steps\.(\w+)\.ProcessingOutputConfig\.Outputs\['(\w+)'\]\.S3Output\.S3Uri$/.exec(path);
    if (output) {
      return resolve(steps[output[1]].Arguments.ProcessingOutputConfig.Outputs.find((o: any) => o.OutputName === output[2]).S3Output.S3Uri);
    }
    if (path === 'Execution.PipelineExecutionArn') {
      return `arn:aws:sagemaker:${ENV.region}:${ENV.account}:pipeline/${definition.PipelineName ?? 'pipeline'}/execution/${EXECUTION_ID}`;
    }
    const registered = /^Steps\.(\w+)\.ModelPackageArn$/.exec(path);
    if (registered) {
      return `arn:aws:sagemaker:${ENV.region}:${ENV.account}:model-package/${resolve(steps[registered[1]].Arguments.ModelPackageGroupName)}/1`;
    }
    const model = /^Steps\.(\w+)\.ModelArtifacts\.S3ModelArtifacts$/.exec(path);
    if (model) {
      // CreateTrainingJob, OutputDataConfig: SageMaker writes model.tar.gz under <S3OutputPath>/<job name>/output/.
      return `${resolve(steps[model[1]].Arguments.OutputDataConfig.S3OutputPath)}/${JOB}/output/model.tar.gz`;
    }
    throw new Error(`no value for the pipeline expression ${JSON.stringify(value)}: add it to this test`);
  };
  return resolve;
}

interface Need { readonly role: string; readonly action: string; readonly resource: string; readonly why: string }

/** The S3 ARN of an object key in a bucket the stack creates (`ref-<id>`, as a GetAtt Arn) or another bucket. */
function s3Arn(bucket: string, ids: readonly string[], key?: string): string {
  const id = ids.find((candidate) => `ref-${candidate.toLowerCase()}` === bucket);
  const base = id === undefined ? `arn:aws:s3:::${bucket}` : `<${id}.Arn>`;
  return key === undefined ? base : `${base}/${key}`;
}

/** What reading an input URI (an object, or every object under a prefix) and writing under an output URI take. */
function s3Needs(role: string, uri: string, mode: 'read' | 'write', why: string, ids: readonly string[], key: string | undefined): Need[] {
  const [, bucket, path] = /^s3:\/\/([^/]+)\/(.*)$/.exec(uri)!;
  const object = mode === 'write' || !/\.[a-z0-9]+$/.test(path) ? `${path.replace(/\/$/, '')}/part-00000` : path;
  const ours = ids.some((id) => `ref-${id.toLowerCase()}` === bucket);
  const needs: Need[] = mode === 'read'
    ? [{ role, action: 's3:ListBucket', resource: s3Arn(bucket, ids), why }, { role, action: 's3:GetObject', resource: s3Arn(bucket, ids, object), why }]
    : [{ role, action: 's3:PutObject', resource: s3Arn(bucket, ids, object), why }];
  if (ours && key !== undefined) {
    needs.push({ role, action: mode === 'read' ? 'kms:Decrypt' : 'kms:GenerateDataKey', resource: key, why: `${why} (the bucket's KMS key)` });
  }
  return needs;
}

/** The ECR repository ARN of an image URI, and what pulling it takes. */
function imageNeeds(role: string, image: string, why: string): Need[] {
  const [, account, region, repository] = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com\/([^:@]+)/.exec(image)!;
  const arn = `arn:aws:ecr:${region}:${account}:repository/${repository}`;
  return [
    { role, action: 'ecr:GetAuthorizationToken', resource: '*', why },
    { role, action: 'ecr:BatchGetImage', resource: arn, why },
    { role, action: 'ecr:GetDownloadUrlForLayer', resource: arn, why },
  ];
}

/** Everything each step of `definition` needs, run by the pipeline role `pipelineRole`. */
function needsOf({ definition, pipelineRole, resources, bucketKey }: Pipeline): Need[] {
  const ids = Object.keys(resources);
  const resolve = resolver(definition);
  const job = (kind: string) => `arn:aws:sagemaker:${ENV.region}:${ENV.account}:${kind}/${JOB}`;
  return stepsOf(definition.Steps).flatMap((step): Need[] => {
    const a = step.Arguments ?? {};
    const why = `${step.Name} (${step.Type})`;
    switch (step.Type) {
      case 'Processing': {
        const role = resolve(a.RoleArn);
        const volumeKey = a.ProcessingResources.ClusterConfig.VolumeKmsKeyId;
        const outputKey = a.ProcessingOutputConfig?.KmsKeyId;
        return [
          { role: pipelineRole, action: 'sagemaker:CreateProcessingJob', resource: job('processing-job'), why },
          { role: pipelineRole, action: 'iam:PassRole', resource: role, why },
          ...imageNeeds(role, resolve(a.AppSpecification.ImageUri), why),
          ...(volumeKey ? [{ role, action: 'kms:CreateGrant', resource: resolve(volumeKey), why: `${why} volume` }] : []),
          ...(a.ProcessingInputs ?? []).flatMap((input: any) => s3Needs(role, resolve(input.S3Input.S3Uri), 'read', `${why} input ${input.InputName}`, ids, bucketKey)),
          // An S3 location among the container's arguments is one its script reads itself, as the job's role (the drift check's captured data).
          ...(a.AppSpecification.ContainerArguments ?? []).map(resolve).filter((arg: string) => arg.startsWith('s3://'))
            .flatMap((uri: string) => s3Needs(role, uri, 'read', `${why} argument ${uri}`, ids, bucketKey)),
          ...(a.ProcessingOutputConfig?.Outputs ?? []).flatMap((output: any) => s3Needs(role, resolve(output.S3Output.S3Uri), 'write', `${why} output ${output.OutputName}`, ids, outputKey ? resolve(outputKey) : bucketKey)),
        ];
      }
      case 'Training': {
        const role = resolve(a.RoleArn);
        const submit = a.HyperParameters?.sagemaker_submit_directory;
        const outputKey = a.OutputDataConfig.KmsKeyId;
        return [
          { role: pipelineRole, action: 'sagemaker:CreateTrainingJob', resource: job('training-job'), why },
          { role: pipelineRole, action: 'iam:PassRole', resource: role, why },
          ...imageNeeds(role, resolve(a.AlgorithmSpecification.TrainingImage), why),
          ...(a.ResourceConfig.VolumeKmsKeyId ? [{ role, action: 'kms:CreateGrant', resource: resolve(a.ResourceConfig.VolumeKmsKeyId), why: `${why} volume` }] : []),
          ...(submit ? s3Needs(role, resolve(submit).replace(/^"(.*)"$/, "$1"), 'read', `${why} sagemaker_submit_directory`, ids, bucketKey) : []),
          ...a.InputDataConfig.flatMap((channel: any) => s3Needs(role, resolve(channel.DataSource.S3DataSource.S3Uri), 'read', `${why} channel ${channel.ChannelName}`, ids, bucketKey)),
          ...s3Needs(role, resolve(a.OutputDataConfig.S3OutputPath), 'write', `${why} model`, ids, outputKey ? resolve(outputKey) : bucketKey),
        ];
      }
      case 'Transform': {
        // CreateTransformJob takes no role: the job reads and writes S3 as its model's execution role
        // (CreateModel, ExecutionRoleArn: "...for deployment on ML compute instances or for batch transform jobs").
        const modelId = /^<(.+)\.ModelName>$/.exec(resolve(a.ModelName))?.[1];
        const model = modelId === undefined ? undefined : resources[modelId];
        if (model?.Type !== 'AWS::SageMaker::Model') {
          throw new Error(`${why}: its model ${resolve(a.ModelName)} is not a model of the stack`);
        }
        const role = deployTimeText(model.Properties.ExecutionRoleArn);
        const outputKey = a.TransformOutput.KmsKeyId;
        return [
          { role: pipelineRole, action: 'sagemaker:CreateTransformJob', resource: job('transform-job'), why },
          ...s3Needs(role, resolve(a.TransformInput.DataSource.S3DataSource.S3Uri), 'read', `${why} input`, ids, bucketKey),
          ...s3Needs(role, resolve(a.TransformOutput.S3OutputPath), 'write', `${why} output`, ids, outputKey ? resolve(outputKey) : bucketKey),
        ];
      }
      case 'RegisterModel':
        // CreateModelPackage of a version of the group: resource model-package/<group>/<version> (Service Authorization Reference).
        return [{ role: pipelineRole, action: 'sagemaker:CreateModelPackage', resource: `arn:aws:sagemaker:${ENV.region}:${ENV.account}:model-package/${a.ModelPackageGroupName}/1`, why }];
      case 'Condition':
      case 'Fail':
        return [];
      default:
        throw new Error(`no permission rule for a ${step.Type} step (${step.Name}): add it to this test`);
    }
  });
}

/** The needs a role of `template` does not allow, as readable lines. */
function unmet(template: Template, needs: readonly Need[]): string[] {
  const statements = new Map<string, Statement[]>();
  return needs.filter((need) => {
    const id = /^<(.+)\.Arn>$/.exec(need.role)?.[1];
    if (id === undefined) {
      return true; // a role the template does not define: nothing here can allow it
    }
    if (!statements.has(id)) {
      statements.set(id, roleStatements(template, id));
    }
    return !allows(statements.get(id)!, need.action, need.resource, ENV);
  }).map((need) => `${need.role} may not ${need.action} on ${need.resource}: ${need.why}`);
}

/** A SageMaker pipeline a stack deploys, with what the needs are read against. */
interface Pipeline {
  readonly stack: string;
  readonly template: Template;
  readonly definition: any;
  readonly pipelineRole: string;
  readonly resources: Record<string, any>;
  /** The KMS key of the stack's bucket, as `deployTimeText` reads it. */
  readonly bucketKey?: string;
}

/** Every SageMaker pipeline of every stack of `app`. */
function pipelinesOf(app: App): Pipeline[] {
  return Object.entries(synthValidated(app)).flatMap(([stack, template]) => {
    const resources = template.toJSON().Resources ?? {};
    const key = Object.values<any>(template.findResources('AWS::S3::Bucket'))
      .map((b) => b.Properties.BucketEncryption?.ServerSideEncryptionConfiguration?.[0]?.ServerSideEncryptionByDefault?.KMSMasterKeyID).find(Boolean);
    return Object.values<any>(template.findResources('AWS::SageMaker::Pipeline')).map((pipeline) => ({
      stack,
      template,
      definition: definitionOf(pipeline.Properties.PipelineDefinition.PipelineDefinitionBody),
      pipelineRole: deployTimeText(pipeline.Properties.RoleArn),
      resources,
      bucketKey: key === undefined ? undefined : deployTimeText(key),
    }));
  });
}

const BATCH_SCORING = { inputUri: 's3://acme-churn-scoring/players/daily', inputFilter: '$[1:]', outputFilter: '$[0,-1]', instanceCount: 2 };

describe.each([
  ['model-build, the defaults', () => new ModelBuildApp({ config: testConfig(), repoDir: SEED_MODEL_BUILD_REPO })],
  // Preprocess sharded over 4 instances adds ScanInput and MergeBaseline, each with inputs and outputs of its own.
  ['model-build, Preprocess on 4 instances and Train on 2', () => new ModelBuildApp({ config: testConfig({ instanceCounts: { processing: 4, training: 2 } }), repoDir: SEED_MODEL_BUILD_REPO })],
  ['model-build, an MLflow App (the TagMlflowRun step)', () => new ModelBuildApp({ config: testConfig({ mlflow: {} }), repoDir: SEED_MODEL_BUILD_REPO })],
  // Production's daily drift check, and the scheduled batch scoring (a Transform step).
  ['model-deploy, drift check and batch scoring', () => modelDeployApp({ batchScoring: BATCH_SCORING })],
])('the SageMaker pipelines of %s', (_label, build) => {
  const pipelines = pipelinesOf(build());

  test.each(pipelines.map((p) => [`${p.stack}: ${stepsOf(p.definition.Steps).map((s: any) => s.Name).join(', ')}`, p] as const))('%s: every step\'s needs are allowed by the role that has them', (_name, pipeline) => {
    expect(unmet(pipeline.template, needsOf(pipeline))).toEqual([]);
  });

  test('the needs cover every job step: its Create action, its image, its inputs and any outputs', () => {
    const jobSteps = pipelines.flatMap((p) => stepsOf(p.definition.Steps).filter((s) => ['Processing', 'Training', 'Transform'].includes(s.Type)).map((step) => ({ step, needs: needsOf(p) })));
    expect(jobSteps.length).toBeGreaterThanOrEqual(1);
    for (const { step, needs } of jobSteps) {
      const mine = needs.filter((n) => n.why.startsWith(`${step.Name} (`)).map((n) => n.action);
      const create = { Processing: 'sagemaker:CreateProcessingJob', Training: 'sagemaker:CreateTrainingJob', Transform: 'sagemaker:CreateTransformJob' }[step.Type as string]!;
      const writes = step.Type !== 'Processing' || (step.Arguments.ProcessingOutputConfig?.Outputs ?? []).length > 0;
      const ownRole = step.Type === 'Transform' ? [] : ['iam:PassRole', 'ecr:BatchGetImage', 'kms:CreateGrant'];
      expect(mine).toEqual(expect.arrayContaining([create, ...ownRole, 's3:GetObject', ...(writes ? ['s3:PutObject'] : [])]));
    }
  });
});
