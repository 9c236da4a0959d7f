import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { ConfigError } from '../../src/config';
import { DefinitionDelivery, INLINE_DEFINITION_LIMIT, ModelBuildApp, PlayerChurnPipelineProps, SageMakerPipeline, playerChurnPipeline } from '../../src/model-build';
import { FailStep, Join, PipelineDefinition, assertValidPipelineDefinition } from '../../src/pipeline-definition';
import { SEED_MODEL_BUILD_REPO, synthValidated, testConfig } from '../helpers/validated-synth';

const MARKER = /<<marker:0xbaba:(\d+)>>/g;

/** The player-churn pipeline plus `count` Fail steps with long messages that carry deploy-time values. */
function padded(count: number, messageLength = 2000) {
  return (props: PlayerChurnPipelineProps): PipelineDefinition => {
    const base = playerChurnPipeline(props);
    const filler = Array.from({ length: count }, (_, i) => new FailStep({
      name: `Filler${i}`,
      errorMessage: new Join(' ', [props.roleArn, 'x'.repeat(messageLength), props.bucketName]),
    }));
    return new PipelineDefinition({ parameters: base.parameters, steps: [...base.steps, ...filler] });
  };
}

function buildApp(options: { delivery?: DefinitionDelivery; pipelineDefinition?: (p: PlayerChurnPipelineProps) => PipelineDefinition } = {}) {
  return new ModelBuildApp({
    config: testConfig(), repoDir: SEED_MODEL_BUILD_REPO, definitionDelivery: options.delivery, pipelineDefinition: options.pipelineDefinition,
  });
}

/** The pipeline resource of a template. */
function pipelineResource(template: Template): any {
  const pipelines = Object.values<any>(template.findResources('AWS::SageMaker::Pipeline'));
  expect(pipelines).toHaveLength(1);
  return pipelines[0];
}

/** The file the BucketDeployment uploads, as staged in the cloud assembly, and the markers the custom resource substitutes. */
function stagedDefinition(app: ModelBuildApp, template: Template): { text: string; markers: Record<string, unknown>; resource: any } {
  const uploads = Object.values<any>(template.findResources('Custom::CDKBucketDeployment'));
  expect(uploads).toHaveLength(1);
  const [resource] = uploads;
  const key = app.modelBuildStack.pipeline.definitionKey!;
  const assetHash = String(resource.Properties.SourceObjectKeys[0]).replace(/\.zip$/, '');
  // Directory assets are staged, unzipped, at the top of the cloud assembly.
  const dir = path.join(app.outdir, `asset.${assetHash}`);
  const text = fs.readFileSync(path.join(dir, path.basename(key)), 'utf-8');
  return { text, markers: resource.Properties.SourceMarkers[0], resource };
}

describe('SageMakerPipeline in the model-build stack', () => {
  test('the default definition fits the template: it is inline and nothing is uploaded', () => {
    const app = buildApp();
    const template = synthValidated(app)['player-churn-model-build'];
    const resource = pipelineResource(template);
    expect(resource.Properties.PipelineDefinition.PipelineDefinitionBody).toBeDefined();
    expect(resource.Properties.PipelineDefinition.PipelineDefinitionS3Location).toBeUndefined();
    expect(template.findResources('Custom::CDKBucketDeployment')).toEqual({});
    expect(app.modelBuildStack.pipeline.delivery).toBe('inline');
    expect(app.modelBuildStack.pipeline.templateBytes).toBeLessThan(INLINE_DEFINITION_LIMIT / 10);
  });

  describe('a definition too large for the template goes through S3', () => {
    // About 300 steps of 2 kB each: some 600 kB once escaped, above the 512 KiB inline limit.
    const app = buildApp({ pipelineDefinition: padded(300) });
    const stack = app.modelBuildStack;
    const template = synthValidated(app)['player-churn-model-build'];
    const resource = pipelineResource(template);

    test('the pipeline reads its definition from the project bucket, under a key that holds its hash', () => {
      expect(stack.pipeline.delivery).toBe('s3');
      expect(stack.pipeline.templateBytes).toBeGreaterThan(INLINE_DEFINITION_LIMIT);
      const definition = resource.Properties.PipelineDefinition;
      expect(definition.PipelineDefinitionBody).toBeUndefined();
      expect(definition.PipelineDefinitionS3Location).toEqual({
        Bucket: { Ref: expect.stringMatching(/^ArtifactsBucket/) },
        Key: expect.stringMatching(/^pipeline-definitions\/player-churn-training\/[0-9a-f]{32}\.json$/),
      });
      expect(definition.PipelineDefinitionS3Location.Key).toBe(stack.pipeline.definitionKey);
    });

    test('the template stays far below CloudFormation\'s 1 MB', () => {
      expect(Buffer.byteLength(JSON.stringify(template.toJSON()))).toBeLessThan(100 * 1024);
    });

    test('the pipeline is created only after the upload and its role', () => {
      const [uploadId] = Object.keys(template.findResources('Custom::CDKBucketDeployment'));
      expect(resource.DependsOn).toEqual(expect.arrayContaining([uploadId, expect.stringMatching(/^ExecutionRoleDefaultPolicy/)]));
    });

    test('the upload keeps every earlier definition: no pruning, retained on delete, JSON content type', () => {
      const { resource: upload } = stagedDefinition(app, template);
      expect(upload.Properties).toMatchObject({
        Prune: false,
        RetainOnDelete: true,
        DestinationBucketKeyPrefix: 'pipeline-definitions/player-churn-training',
        SystemMetadata: { 'content-type': 'application/json' },
      });
    });

    test('the uploaded file is the definition with its deploy-time values substituted at deploy time', () => {
      const { text, markers } = stagedDefinition(app, template);
      const used = new Set([...text.matchAll(MARKER)].map((m) => `<<marker:0xbaba:${m[1]}>>`));
      expect(used.size).toBeGreaterThan(0);
      // Every marker in the file has a value; the values are the stack's own resources and the account.
      expect(Object.keys(markers).sort()).toEqual([...used].sort());
      const values = JSON.stringify(Object.values(markers));
      expect(values).toMatch(/ExecutionRole[0-9A-F]+/);
      expect(values).toMatch(/ArtifactsBucket[0-9A-F]+/);
      expect(values).toMatch(/ArtifactsKey[0-9A-F]+/);
      // With stand-ins for the deploy-time values the file is a valid definition of the same pipeline.
      const substituted = JSON.parse(text.replace(MARKER, (_, n) => `value-${n}`));
      assertValidPipelineDefinition(substituted);
      expect(substituted.Steps.map((s: any) => s.Name)).toEqual(stack.definition.toJSON().Steps.map((s: any) => s.Name));
      // Preprocess, Train, Evaluate, CheckAuc (with Register and Fail inside) and the 300 fillers.
      expect(substituted.Steps).toHaveLength(304);
    });

    test('the upload function has its own role: no managed policy, logs only to its log group, and may never delete', () => {
      const uploadRole = stack.pipeline.node.findChild('UploadRole') as iam.Role;
      const roleId = stack.resolve(uploadRole.roleName).Ref;
      const role = template.toJSON().Resources[roleId];
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
      const policies = Object.values<any>(template.findResources('AWS::IAM::Policy'))
        .filter((p) => p.Properties.Roles.some((r: any) => r.Ref === roleId));
      const statements = policies.flatMap((p) => p.Properties.PolicyDocument.Statement);
      expect(statements).toContainEqual({
        Effect: 'Deny',
        Action: 's3:DeleteObject*',
        Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [expect.stringMatching(/^ArtifactsBucket/), 'Arn'] }, '/*']] },
      });
      expect(statements).toContainEqual(expect.objectContaining({
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: { 'Fn::GetAtt': [expect.stringMatching(/UploadLogs/), 'Arn'] },
      }));
      template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365 });
    });
  });

  test('the object key changes when the definition changes, and not between two synths of the same one', () => {
    const key = (app: ModelBuildApp) => app.modelBuildStack.pipeline.definitionKey;
    const first = key(buildApp({ delivery: 's3' }));
    expect(first).toMatch(/^pipeline-definitions\/player-churn-training\/[0-9a-f]{32}\.json$/);
    expect(key(buildApp({ delivery: 's3' }))).toBe(first);
    expect(key(buildApp({ delivery: 's3', pipelineDefinition: padded(1, 10) }))).not.toBe(first);
  });

  test('delivery s3 on a small definition passes the validator and cdk-nag too', () => {
    const app = buildApp({ delivery: 's3' });
    const template = synthValidated(app)['player-churn-model-build'];
    expect(pipelineResource(template).Properties.PipelineDefinition.PipelineDefinitionS3Location).toBeDefined();
  });

  test('delivery inline refuses a definition too large for the template, naming its size and the limit', () => {
    expect(() => buildApp({ delivery: 'inline', pipelineDefinition: padded(300) })).toThrow(ConfigError);
    expect(() => buildApp({ delivery: 'inline', pipelineDefinition: padded(300) })).toThrow(
      /the definition of pipeline player-churn-training takes \d+ bytes in the template, over the inline limit of 524288; deliver it with 'auto' or 's3'/,
    );
  });
});

describe('SageMakerPipeline on its own', () => {
  function make(props: { delivery?: any; inlineLimit?: number } = {}) {
    const app = new App();
    const stack = new Stack(app, 'Stack', { env: { account: '111111111111', region: 'eu-west-1' } });
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com') });
    const bucket = new s3.Bucket(stack, 'Bucket');
    const definition = new PipelineDefinition({ steps: [new FailStep({ name: 'Stop', errorMessage: new Join(' ', ['role', role.roleArn]) })] });
    return new SageMakerPipeline(stack, 'Pipeline', { pipelineName: 'demo', description: 'demo', role, definition, bucket, ...props });
  }

  test('auto goes through S3 once the escaped body is above the limit', () => {
    const small = make();
    expect(small.delivery).toBe('inline');
    expect(make({ inlineLimit: small.templateBytes }).delivery).toBe('inline');
    expect(make({ inlineLimit: small.templateBytes - 1 }).delivery).toBe('s3');
  });

  test('the size counts the escaped body with its intrinsics, as the template holds it', () => {
    const pipeline = make();
    const stack = Stack.of(pipeline);
    const body = stack.resolve(Template.fromStack(stack).toJSON().Resources[stack.getLogicalId(pipeline.resource)].Properties.PipelineDefinition.PipelineDefinitionBody);
    expect(pipeline.templateBytes).toBe(Buffer.byteLength(JSON.stringify(body)));
  });

  test.each([
    [{ delivery: 'always' }, /definition delivery "always" is not one of auto, inline, s3/],
    [{ inlineLimit: -1 }, /inlineLimit -1 is not a whole number of bytes >= 0/],
    [{ inlineLimit: 1.5 }, /inlineLimit 1.5 is not a whole number of bytes >= 0/],
  ])('bad option %j is an error', (props, message) => {
    expect(() => make(props)).toThrow(ConfigError);
    expect(() => make(props)).toThrow(message);
  });

  test('an invalid definition fails before anything is created', () => {
    const stack = new Stack(new App(), 'Stack');
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('sagemaker.amazonaws.com') });
    const definition = new PipelineDefinition({ steps: [new FailStep({ name: 'Stop', errorMessage: 'stop' })] });
    jest.spyOn(definition, 'toJSON').mockReturnValue({ ...definition.toJSON(), Version: '1999-01-01' } as any);
    expect(() => new SageMakerPipeline(stack, 'Pipeline', { pipelineName: 'demo', description: 'demo', role, definition, bucket: new s3.Bucket(stack, 'B') }))
      .toThrow(/Version/);
    expect(stack.node.tryFindChild('Pipeline')?.node.children ?? []).toHaveLength(0);
  });
});
