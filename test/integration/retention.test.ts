/**
 * What the project's stacks keep when a deploy fails, and what they keep when they are deleted.
 *
 * CloudFormation Template Reference, "DeletionPolicy attribute": `Retain` keeps a resource when
 * its stack is deleted and also when the operation that created it rolls back; `RetainExceptOnCreate`
 * keeps it like `Retain`, except that it is deleted when the operation that created it rolls back.
 * A stack whose first create failed is left in ROLLBACK_COMPLETE, on which a CodePipeline
 * CloudFormation action fails (CodePipeline User Guide, "AWS CloudFormation deploy action
 * reference"), and which the CDK CLI deletes before it creates the stack again. Either way the
 * stack is created anew, and a kept resource with a fixed name (the model package group, the
 * MLflow App, `<project>-prod`, `/aws/codebuild/<pipeline>`) makes that create fail: the name
 * exists. So every resource the project keeps is `RetainExceptOnCreate`, with `UpdateReplacePolicy:
 * Retain` (a replaced resource is kept too), except:
 * - buckets, which stay `Retain`: CloudFormation deletes only an empty bucket, so a rollback that had
 *   to delete one could itself fail; their names are generated, so none blocks a retry;
 * - the Studio project template's resources: its launch role cannot delete them, and their names hold
 *   the launch's project id, so a new launch never collides.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as YAML from 'yaml';
import { ModelBuildApp } from '../../src/model-build';
import { ModelDeployApp } from '../../src/model-deploy';
import { DOMAIN_TEMPLATE_FILE, PROJECT_TEMPLATE_FILE, STUDIO_TEMPLATES_DIR } from '../../src/studio';
import { SEED_MODEL_BUILD_REPO, testConfig } from '../helpers/validated-synth';
import { MODEL, repo } from '../model-deploy/fixtures';

interface Resource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
}

/** A resource of a synthesized template, named `<template>/<logical id>`. */
interface Found {
  readonly where: string;
  readonly resource: Resource;
}

/** The properties that give each kept resource type its name. */
const NAME_PROPERTIES: Record<string, string> = {
  'AWS::SageMaker::ModelPackageGroup': 'ModelPackageGroupName',
  'AWS::SageMaker::MlflowApp': 'Name',
  'AWS::SageMaker::MlflowTrackingServer': 'TrackingServerName',
  'AWS::SageMaker::Endpoint': 'EndpointName',
  'AWS::Logs::LogGroup': 'LogGroupName',
  'AWS::ECR::Repository': 'RepositoryName',
  'AWS::S3::Bucket': 'BucketName',
};

function resourcesOf(app: ModelBuildApp | ModelDeployApp, label: string): Found[] {
  return app.synth().stacksRecursively.flatMap((stack) =>
    Object.entries<Resource>(stack.template.Resources ?? {}).map(([id, resource]) => ({ where: `${label}: ${stack.hierarchicalId}/${id}`, resource })));
}

function studioResources(file: string): Found[] {
  const template = YAML.parse(fs.readFileSync(path.join(__dirname, '..', '..', STUDIO_TEMPLATES_DIR, file), 'utf-8'), { version: '1.1' });
  return Object.entries<Resource>(template.Resources).map(([id, resource]) => ({ where: `${file}/${id}`, resource }));
}

const NETWORK = { subnetIds: ['subnet-0123456789abcdef0'], securityGroupIds: ['sg-0123456789abcdef0'] };

/** The project's own stacks, with every kind of kept resource: both MLflow backends, the step-image repository, a stage in another region, batch scoring. */
function projectResources(): Found[] {
  return [
    ...resourcesOf(new ModelBuildApp({ config: testConfig({ mlflow: {} }), repoDir: SEED_MODEL_BUILD_REPO }), 'model-build (MLflow App)'),
    ...resourcesOf(new ModelBuildApp({
      config: testConfig({ mlflow: { trackingServer: {} }, jobNetwork: { ...NETWORK, internetAccess: false } }), repoDir: SEED_MODEL_BUILD_REPO,
    }), 'model-build (tracking server, no internet)'),
    ...resourcesOf(new ModelDeployApp({
      config: testConfig({
        environments: { build: { account: '111111111111' }, staging: { account: '111111111111', region: 'eu-west-1' }, prod: { account: '111111111111' } },
        batchScoring: { inputUri: 's3://acme-churn-scoring/players/daily' },
      }),
      repoDir: repo(), model: MODEL,
    }), 'model-deploy (staging in eu-west-1, batch scoring)'),
    ...studioResources(DOMAIN_TEMPLATE_FILE),
  ];
}

const kept = (found: Found) => found.resource.DeletionPolicy === 'Retain' || found.resource.DeletionPolicy === 'RetainExceptOnCreate';

describe('the project\'s stacks and the Studio domain template', () => {
  const resources = projectResources();

  test('keep a resource its rolled-back create made only if it is a bucket', () => {
    const retainedAlways = resources.filter((r) => r.resource.DeletionPolicy === 'Retain');
    expect(retainedAlways.filter((r) => r.resource.Type !== 'AWS::S3::Bucket').map((r) => r.where)).toEqual([]);
    expect(retainedAlways.length).toBeGreaterThan(0);
  });

  test('keep every kind of resource that holds what must not be lost, and replace none without keeping it', () => {
    const types = new Set(resources.filter((r) => r.resource.DeletionPolicy === 'RetainExceptOnCreate').map((r) => r.resource.Type));
    expect([...types].sort()).toEqual([
      'AWS::ECR::Repository', 'AWS::IAM::Policy', 'AWS::IAM::Role', 'AWS::KMS::Key', 'AWS::Logs::LogGroup', 'AWS::S3::BucketPolicy', 'AWS::SageMaker::Endpoint', 'AWS::SageMaker::MlflowApp',
      'AWS::SageMaker::MlflowTrackingServer', 'AWS::SageMaker::ModelPackageGroup',
    ]);
    // The roles kept are the MLflow backends' artifact-store roles and their policies (the domain's tracking server's role
    // has its policy inline): a backend left behind (by a switch of backend, mlflow turned off, or its stack deleted) still
    // reads its artifacts. CloudFormation names them, so none blocks a create.
    const iam = resources.filter((r) => r.resource.DeletionPolicy === 'RetainExceptOnCreate' && r.resource.Type.startsWith('AWS::IAM::'));
    expect(iam.map((r) => r.where.replace(/^.*\//, '').replace(/[0-9A-F]{8}$/, ''))).toEqual([
      'MlflowArtifactStoreRole', 'MlflowArtifactStoreRoleDefaultPolicy', 'MlflowArtifactStoreRole', 'MlflowArtifactStoreRoleDefaultPolicy', 'MlflowServerRole',
    ]);
    expect(iam.filter((r) => r.resource.Type === 'AWS::IAM::Role').map((r) => r.resource.Properties?.RoleName)).toEqual([undefined, undefined, undefined]);
    expect(resources.filter(kept).filter((r) => r.resource.UpdateReplacePolicy !== 'Retain').map((r) => r.where)).toEqual([]);
  });

  test('keep no resource with a fixed name past a failed create; the project\'s buckets are named by CloudFormation', () => {
    const named = resources.filter((r) => kept(r) && r.resource.Properties?.[NAME_PROPERTIES[r.resource.Type] ?? ''] !== undefined);
    // One exception, aws-cdk-lib's own: the replication bucket of CDK Pipelines' cross-region support
    // stack, which aws-cdk-lib names so that the pipeline can use it before the stack exists. That stack
    // holds only it, its key and their policies, and is deployed before the pipeline stack.
    const ours = named.filter((r) => !/: cross-region-stack-\d{12}:[a-z0-9-]+\/CrossRegionCodePipelineReplicationBucket[0-9A-F]{8}$/.test(r.where));
    expect(named.length - ours.length).toBe(1);
    expect(ours.filter((r) => r.resource.DeletionPolicy !== 'RetainExceptOnCreate').map((r) => r.where)).toEqual([]);
    // The production endpoint, the model package group, both MLflow backends, the build log groups and the step-image repository.
    expect(new Set(ours.map((r) => r.resource.Type)).size).toBe(6);
  });

  // CloudFormation Template Reference, "DeletionPolicy attribute": each resource's own. A kept bucket whose policy went with
  // its stack lost its TLS-only deny, a stage account's read of the artifacts it serves and, for an access-log bucket, the
  // grant that lets S3 deliver the logs of the buckets kept with it (Amazon S3 User Guide, "Permissions for log delivery").
  test('keep the policy of every bucket they keep', () => {
    const templates = new Map<string, Record<string, Resource>>();
    for (const { where, resource } of resources) {
      const [template, id] = [where.slice(0, where.lastIndexOf('/')), where.slice(where.lastIndexOf('/') + 1)];
      templates.set(template, { ...templates.get(template), [id]: resource });
    }
    const policies = [...templates].flatMap(([template, byId]) => Object.entries(byId)
      .filter(([, r]) => r.Type === 'AWS::S3::BucketPolicy')
      .map(([id, r]) => ({ where: `${template}/${id}`, policy: r, bucket: byId[(r.Properties?.Bucket as { Ref?: string })?.Ref ?? ''] })));
    expect(policies.length).toBeGreaterThan(10);
    expect(policies.filter((p) => p.bucket === undefined).map((p) => p.where)).toEqual([]);
    expect(policies.filter((p) => kept({ where: '', resource: p.bucket }) && !kept({ where: p.where, resource: p.policy })).map((p) => p.where)).toEqual([]);
  });

  test('delete the staging endpoint with its stack; keep production\'s', () => {
    const endpoints = resources.filter((r) => r.resource.Type === 'AWS::SageMaker::Endpoint');
    const policies = Object.fromEntries(endpoints.map((r) => [String(r.resource.Properties?.EndpointName), r.resource.DeletionPolicy ?? 'Delete']));
    expect(policies).toEqual({ 'player-churn-staging': 'Delete', 'player-churn-prod': 'RetainExceptOnCreate' });
  });
});

describe('the Studio project template', () => {
  test('keeps the group and the log groups of a launch even when the launch fails: its launch role cannot delete them', () => {
    const retained = studioResources(PROJECT_TEMPLATE_FILE).filter(kept);
    expect(retained.map((r) => `${r.resource.Type} ${r.resource.DeletionPolicy}`).sort()).toEqual([
      'AWS::Logs::LogGroup Retain', 'AWS::Logs::LogGroup Retain', 'AWS::SageMaker::ModelPackageGroup Retain',
    ]);
    // Each name holds the launch's project id (a parameter), so the next launch does not collide.
    for (const { resource } of retained) {
      expect(JSON.stringify(resource.Properties?.[NAME_PROPERTIES[resource.Type]])).toContain('SageMakerProjectId');
    }
  });
});
