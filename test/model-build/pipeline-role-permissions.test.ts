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
import { Template } from 'aws-cdk-lib/assertions';
import { ModelBuildApp } from '../../src/model-build';
import { Environment, Statement, allows, deployTimeText, roleStatements } from '../helpers/iam-policy';
import { SEED_MODEL_BUILD_REPO, synthValidated, testConfig } from '../helpers/validated-synth';

const ENV: Environment = { account: '111111111111', region: 'us-east-1' };
const EXECUTION_ID = 'exec1a2b3c';
const JOB = 'pipelines-exec1a2b3c-step-1a2b3c4d5e';

/** The definition as CloudFormation deploys it: pseudo parameters resolved, the stack's own values as `deployTimeText` reads them. */
function definitionOf(body: any): any {
  if (typeof body === 'string') {
    return JSON.parse(body);
  }
  const pseudo: Record<string, string> = { 'AWS::AccountId': ENV.account, 'AWS::Region': ENV.region, 'AWS::Partition': 'aws', 'AWS::URLSuffix': 'amazonaws.com' };
  const text = (body['Fn::Join'][1] as any[]).map((part) => {
    if (typeof part === 'string') {
      return part;
    }
    if ('Fn::Sub' in part) {
      return String(part['Fn::Sub']).replace(/\$\{([^}]+)\}/g, (_, name) => pseudo[name] ?? deployTimeText({ Ref: name }));
    }
    return pseudo[part.Ref] ?? deployTimeText(part);
  }).join(body['Fn::Join'][0]);
  return JSON.parse(text);
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
    const path: string = value.Get;
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
function needsOf(definition: any, pipelineRole: string, ids: readonly string[], bucketKey: string | undefined): Need[] {
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

function pipelineOf(app: ModelBuildApp): { template: Template; definition: any; pipelineRole: string; ids: string[]; bucketKey?: string } {
  const template = synthValidated(app)[app.modelBuildStack.stackName];
  const resources = template.toJSON().Resources;
  const [pipeline] = Object.values<any>(template.findResources('AWS::SageMaker::Pipeline'));
  const bucket = Object.values<any>(template.findResources('AWS::S3::Bucket'))
    .map((b) => b.Properties.BucketEncryption?.ServerSideEncryptionConfiguration?.[0]?.ServerSideEncryptionByDefault?.KMSMasterKeyID).find(Boolean);
  return {
    template,
    definition: definitionOf(pipeline.Properties.PipelineDefinition.PipelineDefinitionBody),
    pipelineRole: deployTimeText(pipeline.Properties.RoleArn),
    ids: Object.keys(resources),
    bucketKey: bucket === undefined ? undefined : deployTimeText(bucket),
  };
}

describe.each([
  ['the defaults', {}],
  // Preprocess sharded over 4 instances adds ScanInput and MergeBaseline, each with inputs and outputs of its own.
  ['Preprocess on 4 instances and Train on 2', { instanceCounts: { processing: 4, training: 2 } }],
  ['an MLflow App (the TagMlflowRun step)', { mlflow: {} }],
])('the SageMaker pipeline with %s', (_label, overrides) => {
  const { template, definition, pipelineRole, ids, bucketKey } = pipelineOf(new ModelBuildApp({ config: testConfig(overrides), repoDir: SEED_MODEL_BUILD_REPO }));
  const needs = needsOf(definition, pipelineRole, ids, bucketKey);

  test('every step\'s needs are allowed by the role that has them', () => {
    expect(unmet(template, needs)).toEqual([]);
  });

  test('the needs cover every job step: its Create action, its image, its inputs and any outputs', () => {
    const jobSteps = stepsOf(definition.Steps).filter((s) => ['Processing', 'Training'].includes(s.Type));
    expect(jobSteps.length).toBeGreaterThanOrEqual(3);
    for (const step of jobSteps) {
      const mine = needs.filter((n) => n.why.startsWith(`${step.Name} (`)).map((n) => n.action);
      const writes = step.Type === 'Training' || (step.Arguments.ProcessingOutputConfig?.Outputs ?? []).length > 0;
      expect(mine).toEqual(expect.arrayContaining([step.Type === 'Processing' ? 'sagemaker:CreateProcessingJob' : 'sagemaker:CreateTrainingJob',
        'iam:PassRole', 'ecr:BatchGetImage', 's3:GetObject', 'kms:CreateGrant', ...(writes ? ['s3:PutObject'] : [])]));
    }
  });
});
