/**
 * A deployed project takes every release and every edit of its options as a stack update. None
 * may need CloudFormation to replace a resource that keeps a fixed name: CloudFormation refuses
 * that update (AWS CloudFormation User Guide, "Name type"), and the stack rolls back. The rules
 * and the resource specification they read are in test/helpers/stack-update.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { App } from 'aws-cdk-lib';
import { ModelBuildApp } from '../../src/model-build';
import { ResolvedModel } from '../../src/model-deploy';
import { ReplacementConflict, TemplateJson, describeConflict, nameProperties, replacementConflicts } from '../helpers/stack-update';
import { testConfig } from '../helpers/validated-synth';
import { MODEL, NEXT_MODEL, app as deployApp } from '../model-deploy/fixtures';

/** Every stack of an app (its stages' too), by its path in the app. */
function templatesOf(app: App): Map<string, TemplateJson> {
  return new Map(app.synth().stacksRecursively.map((stack) => [stack.hierarchicalId, stack.template as TemplateJson]));
}

const conflictLines = (conflicts: ReplacementConflict[]) => conflicts.map(describeConflict);
/** Whether an edit changes what is deployed at all (an edit that does not tests nothing here). */
const changesTemplates = (before: Map<string, TemplateJson>, after: Map<string, TemplateJson>) => JSON.stringify([...before]) !== JSON.stringify([...after]);

describe('the check itself, on small templates', () => {
  const stack = (resources: TemplateJson['Resources']) => new Map([['Stack', { Resources: resources }]]);
  const variant = (instanceType: string, extra: Record<string, unknown> = {}) => ({
    Type: 'AWS::SageMaker::EndpointConfig',
    Properties: { ProductionVariants: [{ VariantName: 'AllTraffic', InstanceType: instanceType, ModelName: 'm' }], ...extra },
  });

  // CloudFormation Template Reference, AWS::SageMaker::EndpointConfig: ProductionVariants "Update requires: Replacement".
  test('a named resource whose replacing property changes is a conflict; a new name or a generated one is not', () => {
    const named = { EndpointConfigName: 'churn-prod' };
    expect(conflictLines(replacementConflicts(stack({ Config: variant('ml.m5.large', named) }), stack({ Config: variant('ml.m5.xlarge', named) }))))
      .toEqual(['Stack Config (AWS::SageMaker::EndpointConfig, {"EndpointConfigName":"churn-prod"}) must be replaced (ProductionVariants changed) but keeps its name']);
    expect(replacementConflicts(stack({ Config: variant('ml.m5.large', named) }), stack({ Config: variant('ml.m5.xlarge', { EndpointConfigName: 'churn-prod-2' }) }))).toEqual([]);
    expect(replacementConflicts(stack({ Config: variant('ml.m5.large') }), stack({ Config: variant('ml.m5.xlarge') }))).toEqual([]);
  });

  // CloudFormation Template Reference, AWS::CloudWatch::Alarm: Threshold "Update requires: No interruption".
  test('a change that updates in place is no conflict', () => {
    const alarm = (threshold: number) => ({ Type: 'AWS::CloudWatch::Alarm', Properties: { AlarmName: 'churn-prod-5xx', Threshold: threshold } });
    expect(replacementConflicts(stack({ Alarm: alarm(1) }), stack({ Alarm: alarm(5) }))).toEqual([]);
  });

  // "Update behaviors of stack resources": a resource referring to a replaced one gets its new name or ARN.
  test('a named resource that refers to a replaced one is replaced too', () => {
    const model = (image: string) => ({ Type: 'AWS::SageMaker::Model', Properties: { ExecutionRoleArn: 'arn:aws:iam::111111111111:role/r', PrimaryContainer: { Image: image } } });
    const config = {
      Type: 'AWS::SageMaker::EndpointConfig',
      Properties: { EndpointConfigName: 'churn-prod', ProductionVariants: [{ VariantName: 'AllTraffic', ModelName: { 'Fn::GetAtt': ['Model', 'ModelName'] } }] },
    };
    expect(replacementConflicts(stack({ Model: model('image:1'), Config: config }), stack({ Model: model('image:2'), Config: config })))
      .toEqual([expect.objectContaining({ logicalId: 'Config', kind: 'replaced', because: ['ProductionVariants'] })]);
  });

  // CloudFormation Template Reference, AWS::CloudFormation::CustomResource: ServiceToken "Updates aren't supported".
  test('a custom resource sent to another function, to its function replaced, or of another type is a conflict; a new logical ID is not', () => {
    const fn = (name?: string) => ({ Type: 'AWS::Lambda::Function', Properties: { Runtime: 'nodejs24.x', ...(name && { FunctionName: name }) } });
    const copy = (functionId: string, key: string) => ({ Type: 'Custom::StageModelCopy', Properties: { ServiceToken: { 'Fn::GetAtt': [functionId, 'Arn'] }, Key: key } });
    expect(conflictLines(replacementConflicts(stack({ Old: fn(), Copy: copy('Old', 'v7') }), stack({ New: fn(), Copy: copy('New', 'v8') }))))
      .toEqual(['Stack Copy (Custom::StageModelCopy) would change its ServiceToken, which CloudFormation cannot update: give the resource a new logical ID']);
    expect(replacementConflicts(stack({ Fn: fn('copy-a'), Copy: copy('Fn', 'v7') }), stack({ Fn: fn('copy-b'), Copy: copy('Fn', 'v7') })))
      .toEqual([expect.objectContaining({ logicalId: 'Copy', kind: 'service-token' })]);
    expect(replacementConflicts(stack({ Fn: fn(), Copy: copy('Fn', 'v7') }), stack({ Fn: fn(), Copy: copy('Fn', 'v8') }))).toEqual([]);
    expect(replacementConflicts(stack({ Old: fn(), Copy: copy('Old', 'v7') }), stack({ New: fn(), CopyAgain: copy('New', 'v7') }))).toEqual([]);
    expect(conflictLines(replacementConflicts(stack({ Fn: fn(), Copy: copy('Fn', 'v7') }), stack({ Fn: fn(), Copy: { ...copy('Fn', 'v7'), Type: 'Custom::ModelCopy' } }))))
      .toEqual(['Stack Copy would change from Custom::StageModelCopy to Custom::ModelCopy, which CloudFormation cannot update: give the resource a new logical ID']);
  });

  // Amazon SageMaker API Reference, UpdateEndpoint: "To update an endpoint, you must create a new EndpointConfig."
  test('an endpoint updated with the configuration it has is a conflict; with a new configuration, or only its tags, it is not', () => {
    const endpoint = (wait: number, configId: string, tags: unknown[] = []) => ({
      Type: 'AWS::SageMaker::Endpoint',
      Properties: {
        EndpointName: 'churn-prod', EndpointConfigName: { 'Fn::GetAtt': [configId, 'EndpointConfigName'] }, Tags: tags,
        DeploymentConfig: { BlueGreenUpdatePolicy: { TrafficRoutingConfiguration: { Type: 'ALL_AT_ONCE', WaitIntervalInSeconds: wait } } },
      },
    });
    expect(conflictLines(replacementConflicts(stack({ Config: variant('ml.m5.large'), Endpoint: endpoint(300, 'Config') }), stack({ Config: variant('ml.m5.large'), Endpoint: endpoint(600, 'Config') }))))
      .toEqual(['Stack Endpoint (AWS::SageMaker::Endpoint, {"EndpointName":"churn-prod"}) would be updated (DeploymentConfig changed) with the endpoint configuration it has: UpdateEndpoint takes a new one']);
    // The configuration replaced (a replacing property changed) or under a new logical ID: a new one.
    expect(replacementConflicts(stack({ Config: variant('ml.m5.large'), Endpoint: endpoint(300, 'Config') }), stack({ Config: variant('ml.m5.xlarge'), Endpoint: endpoint(600, 'Config') }))).toEqual([]);
    expect(replacementConflicts(stack({ Config: variant('ml.m5.large'), Endpoint: endpoint(300, 'Config') }), stack({ Config2: variant('ml.m5.large'), Endpoint: endpoint(600, 'Config2') }))).toEqual([]);
    expect(replacementConflicts(stack({ Config: variant('ml.m5.large'), Endpoint: endpoint(300, 'Config') }), stack({ Config: variant('ml.m5.large'), Endpoint: endpoint(300, 'Config', [{ Key: 'team', Value: 'ml' }]) }))).toEqual([]);
  });

  // aws-cloudformation-resource-providers-sagemaker, aws-sagemaker-mlflowtrackingserver ImmutabilityHelper; SageMaker API
  // Reference, UpdateMlflowTrackingServer (no MlflowVersion, no RoleArn).
  test('a tracking server given another MLflow version or role is a conflict, also from none to one; leaving the version out is not', () => {
    const server = (properties: Record<string, unknown>) => ({
      Type: 'AWS::SageMaker::MlflowTrackingServer',
      Properties: { TrackingServerName: 'churn', ArtifactStoreUri: 's3://b/mlflow', RoleArn: 'arn:aws:iam::111111111111:role/store', ...properties },
    });
    expect(conflictLines(replacementConflicts(stack({ Server: server({ MlflowVersion: '2.16' }) }), stack({ Server: server({ MlflowVersion: '3.0' }) }))))
      .toEqual(['Stack Server (AWS::SageMaker::MlflowTrackingServer, {"TrackingServerName":"churn"}) would change MlflowVersion, which its handler refuses to update: the update fails']);
    expect(replacementConflicts(stack({ Server: server({}) }), stack({ Server: server({ MlflowVersion: '3.0' }) }))).toEqual([expect.objectContaining({ kind: 'refused', because: ['MlflowVersion'] })]);
    expect(replacementConflicts(stack({ Server: server({}) }), stack({ Server: server({ RoleArn: 'arn:aws:iam::111111111111:role/other' }) }))).toEqual([expect.objectContaining({ kind: 'refused', because: ['RoleArn'] })]);
    expect(replacementConflicts(stack({ Server: server({ MlflowVersion: '3.0' }) }), stack({ Server: server({}) }))).toEqual([]);
    expect(replacementConflicts(stack({ Server: server({ TrackingServerSize: 'Small' }) }), stack({ Server: server({ TrackingServerSize: 'Medium' }) }))).toEqual([]);
  });

  test('a name that moves to another logical ID collides with the resource it leaves', () => {
    const alarm = { Type: 'AWS::CloudWatch::Alarm', Properties: { AlarmName: 'churn-prod-5xx', Threshold: 1 } };
    expect(conflictLines(replacementConflicts(stack({ Old: alarm }), stack({ New: alarm }))))
      .toEqual(['Stack New (AWS::CloudWatch::Alarm, {"AlarmName":"churn-prod-5xx"}) takes the name of Stack Old, which is deleted only after it is created']);
  });

  test('names: the primary identifier when the template sets it, else the type\'s own name property, else none', () => {
    expect(nameProperties('AWS::IAM::Role', { RoleName: 'r', AssumeRolePolicyDocument: {} })).toEqual(['RoleName']);
    expect(nameProperties('AWS::IAM::Role', { AssumeRolePolicyDocument: {} })).toEqual([]);
    expect(nameProperties('AWS::Events::Rule', { Name: 'rule' })).toEqual(['Name']);
    expect(nameProperties('AWS::SageMaker::DataQualityJobDefinition', { JobDefinitionName: 'dq' })).toEqual(['JobDefinitionName']);
    expect(nameProperties('AWS::ApplicationAutoScaling::ScalableTarget', { ResourceId: 'endpoint/e/variant/v', ScalableDimension: 'd', ServiceNamespace: 'sagemaker' }))
      .toEqual(['ResourceId', 'ScalableDimension', 'ServiceNamespace']);
    // Its primary identifier includes the generated Id: CloudFormation names the permission.
    expect(nameProperties('AWS::Lambda::Permission', { FunctionName: 'f', Action: 'lambda:InvokeFunction', Principal: 's3.amazonaws.com' })).toEqual([]);
  });
});

/** A resolved model with the Model Monitor baseline, so that every option can be on. */
const monitored = (model: ResolvedModel): ResolvedModel => ({
  ...model,
  dataQualityStatisticsUri: `${model.baselineDataUri}/../BaselineDataQuality/monitoring_output/statistics.json`,
  dataQualityConstraintsUri: `${model.baselineDataUri}/../BaselineDataQuality/monitoring_output/constraints.json`,
});

const realtime = (prod: Record<string, unknown>) => ({ endpoints: { prod: { type: 'realtime', ...prod } } });
const MONITOR = { schedule: 'cron(0 6 ? * * *)' };
const BATCH = { inputUri: 's3://acme-churn-scoring/players/daily' };
/** Everything that adds resources to the production stage on at once. */
const ALL_ON = { ...realtime({ modelMonitor: MONITOR }), batchScoring: BATCH, release: { reviewerEmails: ['ml-leads@example.com'], alertEmails: ['ops@example.com'] } };

describe('model-deploy: releases and option edits update every stack in place', () => {
  // Most edits start from the defaults: each app is synthesized once.
  const synthesized = new Map<string, Map<string, TemplateJson>>();
  const deployTemplates = (options: Record<string, unknown>, model: ResolvedModel = MODEL) => {
    const key = JSON.stringify([options, model.version]);
    if (!synthesized.has(key)) {
      synthesized.set(key, templatesOf(deployApp(options, monitored(model))));
    }
    return synthesized.get(key)!;
  };

  test.each([
    ['the defaults', {}],
    ['every opt-in on', ALL_ON],
    // The copies of each version's files into the stage region (Custom::StageModelCopy) stay with their function.
    ['production in another region than the registry', { environments: { build: { account: '111111111111' }, staging: { account: '111111111111' }, prod: { account: '333333333333', region: 'eu-west-1' } } }],
  ])('a release (version 7, then 8) with %s', (_, options) => {
    expect(conflictLines(replacementConflicts(deployTemplates(options, MODEL), deployTemplates(options, NEXT_MODEL)))).toEqual([]);
  });

  // CloudFormation User Guide, "Update request for CloudFormation custom resources": when a later resource fails, a
  // rollback sends each updated custom resource an Update back to its old properties. A copy of the previous version's
  // files would then run as the function's role, already rolled forward to grant only the next version's files, be
  // denied, and leave the stack UPDATE_ROLLBACK_FAILED. So a release never updates a copy: each version's copies are
  // resources of their own (the previous ones go in the cleanup phase, whose Delete copies and deletes nothing).
  test('a release (version 7, then 8) with production in another region updates no copy of a version\'s files', () => {
    const options = { environments: { build: { account: '111111111111' }, staging: { account: '111111111111' }, prod: { account: '333333333333', region: 'eu-west-1' } } };
    const copies = (templates: Map<string, TemplateJson>) => [...templates].flatMap(([stack, template]) => Object.entries(template.Resources ?? {})
      .filter(([, r]) => r.Type === 'Custom::StageModelCopy').map(([id]) => `${stack}/${id}`));
    const before = copies(deployTemplates(options, MODEL));
    const after = copies(deployTemplates(options, NEXT_MODEL));
    // The artifact, the baseline and the data-quality statistics and constraints of each version.
    expect(before).toHaveLength(4);
    expect(after).toHaveLength(4);
    expect(after.filter((id) => before.includes(id))).toEqual([]);
  });

  // "Continue rolling back an update" (AWS CloudFormation User Guide): an update that fails after the endpoint moved
  // rolls the endpoint back to the previous configuration, whose new instances read the previous version's image and
  // artifact as the model role. So no policy that grants a version's files changes in place on a release: the next
  // version's grants come in a policy of their own, and the previous one goes in the cleanup phase, after success.
  // (Batch scoring's model starts no instance during an update: its policy rolls back with it.)
  test.each([
    ['the defaults', {}],
    ['every opt-in on', ALL_ON],
  ])('a release (version 7, then 8) with %s keeps version 7\'s grants until the update has succeeded', (_, options) => {
    const grants = (templates: Map<string, TemplateJson>) => new Map([...templates].filter(([stack]) => /Endpoint$/.test(stack)).flatMap(([stack, template]) => Object.entries(template.Resources ?? {})
      .filter(([, r]) => r.Type === 'AWS::IAM::Policy' && /ModelArtifact/.test(JSON.stringify(r.Properties)))
      .map(([id, r]) => [`${stack}/${id}`, JSON.stringify(r.Properties)] as const)));
    const before = grants(deployTemplates(options, MODEL));
    const after = grants(deployTemplates(options, NEXT_MODEL));
    expect(before.size).toBeGreaterThan(0);
    for (const [id, properties] of before) {
      // Gone (deleted after success) or unchanged (another version's, such as batch scoring's own role), never edited.
      expect([undefined, properties]).toContain(after.get(id));
    }
    const artifactOf = (model: ResolvedModel) => model.modelDataUrl!.replace(/^s3:\/\//, 'arn:aws:s3:::');
    expect([...after].filter(([id, properties]) => !before.has(id) && properties.includes(artifactOf(NEXT_MODEL)))).not.toEqual([]);
    expect([...after.values()].some((properties) => properties.includes(artifactOf(MODEL)))).toBe(false);
  });

  // UpdateEndpoint: "To update an endpoint, you must create a new EndpointConfig" (endpoint-deployment.ts).
  test('the endpoint configuration\'s logical ID follows the guardrails, not the release; a serverless stage keeps its own', () => {
    const configIds = (templates: Map<string, TemplateJson>) => Object.fromEntries([...templates].filter(([stack]) => /Endpoint$/.test(stack))
      .map(([stack, template]) => [stack.split('/')[1], Object.entries(template.Resources ?? {}).filter(([, r]) => r.Type === 'AWS::SageMaker::EndpointConfig').map(([id]) => id)]));
    const defaults = configIds(deployTemplates({}));
    expect(defaults).toEqual({ Staging: ['EndpointConfig'], Prod: [expect.stringMatching(/^EndpointConfig[0-9A-F]{8}$/)] });
    expect(configIds(deployTemplates({}, NEXT_MODEL))).toEqual(defaults);
    expect(configIds(deployTemplates(realtime({ deploymentGuardrails: { waitMinutes: 10, terminationWaitMinutes: 5 } }))).Prod).not.toEqual(defaults.Prod);
  });

  // Each edit is deployed in both directions: a team turns options on, and off again. Independent edits go together in
  // one variant (a synth of the app costs seconds): a fixed name does not depend on these options, so an edit that
  // needs a named resource replaced is found beside the others, and the failure names the resource and the property.
  const IN_PLACE_EDITS = {
    endpoints: {
      staging: { type: 'serverless', memorySizeInMb: 4096, maxConcurrency: 10 },
      prod: {
        type: 'realtime', instanceType: 'ml.m5.xlarge',
        autoscaling: { minInstances: 2, maxInstances: 6, invocationsPerInstance: 200 },
        dataCapture: { samplingPercentage: 50, retentionDays: 30 },
        deploymentGuardrails: { waitMinutes: 10, maxModelLatencyMs: 500 },
        driftMonitoring: { schedule: 'cron(0 5 * * ? *)', instanceType: 'ml.m5.xlarge', psiThreshold: 0.3 },
      },
    },
    release: { reviewerEmails: ['ml-leads@example.com'], alertEmails: ['ops@example.com'] },
  };
  const FEATURES_OFF = {
    endpoints: {
      staging: { type: 'realtime', instanceType: 'ml.m5.large' },
      prod: { type: 'realtime', autoscaling: false, instanceCount: 2, dataCapture: false, driftMonitoring: false, deploymentGuardrails: false },
    },
    release: { alertTopicArn: 'arn:aws:sns:us-east-1:123456789012:ops-alerts' },
  };
  const FIXED_FLEET = realtime({ autoscaling: false, instanceCount: 2 });
  const ALL_ON_EDITED = {
    ...ALL_ON,
    ...realtime({ instanceType: 'ml.m5.xlarge', modelMonitor: { schedule: 'cron(0 7 ? * * *)', instanceType: 'ml.m5.large' } }),
    batchScoring: { inputUri: 's3://acme-churn-scoring/players/weekly', outputUri: 's3://acme-churn-scoring/scores', instanceType: 'ml.m5.xlarge', instanceCount: 2, schedule: 'cron(0 3 * * ? *)' },
  };

  test.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['the production instance type, autoscaling limits, capture share and retention, baking period, drift check and serverless staging size; e-mails', {}, IN_PLACE_EDITS],
    ['autoscaling, data capture, the drift check and guardrails off, a real-time staging endpoint and a team\'s alert topic', {}, FEATURES_OFF],
    ['a canary on a fixed fleet', FIXED_FLEET, realtime({ autoscaling: false, instanceCount: 2, deploymentGuardrails: { strategy: 'canary', canaryInstances: 1 } })],
    // Only the endpoint's DeploymentConfig changes: UpdateEndpoint still needs a new endpoint configuration.
    ['a longer baking period and a termination wait, nothing else', {}, realtime({ deploymentGuardrails: { waitMinutes: 10, terminationWaitMinutes: 5 } })],
    ['guardrails off, nothing else', {}, realtime({ deploymentGuardrails: false })],
    ['Model Monitor, batch scoring and e-mails on', {}, ALL_ON],
    ['Model Monitor and batch scoring on other instances and schedules, another production instance type and batch input', ALL_ON, ALL_ON_EDITED],
  ])('%s', (_, from, to) => {
    const [before, after] = [deployTemplates(from), deployTemplates(to)];
    expect(changesTemplates(before, after)).toBe(true);
    expect(conflictLines([...replacementConflicts(before, after), ...replacementConflicts(after, before)])).toEqual([]);
  });
});

describe('model-build: option edits update every stack in place', () => {
  const synthesized = new Map<string, Map<string, TemplateJson>>();
  const buildTemplates = (options: Record<string, unknown>) => {
    const key = JSON.stringify(options);
    if (!synthesized.has(key)) {
      synthesized.set(key, templatesOf(new ModelBuildApp({ config: testConfig(options), repoDir: path.join(__dirname, '..', '..', 'model-build') })));
    }
    return synthesized.get(key)!;
  };

  test.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['larger instances, scale-out, another quality threshold, the current containers, another MLflow experiment, and the MLflow App\'s maintenance window and model registration', {}, {
      instanceTypes: { processing: 'ml.m5.xlarge', training: 'ml.m5.2xlarge' },
      instanceCounts: { processing: 4, training: 2 },
      qualityThreshold: 0.85,
      containers: { xgboost: '3.0-5', sklearn: '1.4-2' },
      mlflow: { experimentName: 'churn-experiments', app: { weeklyMaintenanceWindowStart: 'Sun:03:00', automaticModelRegistration: true } },
    }],
    ['a larger MLflow tracking server', { mlflow: { trackingServer: { size: 'Small' } } }, { mlflow: { trackingServer: { size: 'Medium', weeklyMaintenanceWindowStart: 'Sun:03:00' } } }],
  ])('%s', (_, from, to) => {
    const [before, after] = [buildTemplates(from), buildTemplates(to)];
    expect(changesTemplates(before, after)).toBe(true);
    expect(conflictLines([...replacementConflicts(before, after), ...replacementConflicts(after, before)])).toEqual([]);
  });
});

// A tracking server's MLflow version cannot be updated (UpdateMlflowTrackingServer has no version; the resource
// handler refuses the change: test/helpers/stack-update.ts, UPDATE_REFUSED). A toolkit version that asked for another
// one could not update the model-build stack of a project with a tracking server, nor a Studio domain stack with one.
test('the tracking servers ask for the MLflow version deployed servers run', () => {
  const build = [...templatesOf(new ModelBuildApp({ config: testConfig({ mlflow: { trackingServer: { size: 'Small' } } }), repoDir: path.join(__dirname, '..', '..', 'model-build') })).values()];
  const servers = build.flatMap((template) => Object.values(template.Resources ?? {})).filter((resource) => resource.Type === 'AWS::SageMaker::MlflowTrackingServer');
  expect(servers.map((server) => server.Properties?.MlflowVersion)).toEqual(['3.0']);
  const domain = fs.readFileSync(path.join(__dirname, '..', '..', 'templates', 'sagemaker-domain.yaml'), 'utf-8');
  expect(domain.match(/MlflowVersion: .*/g)).toEqual(['MlflowVersion: "3.0"']);
});

// CloudFormation Template Reference, AWS::SageMaker::ModelPackageGroup: ModelPackageGroupDescription
// "Update requires: Replacement", and the group keeps its fixed name. A toolkit version that words the
// description differently could not update the model-build stack of any deployed project (nor the
// project stack of a Studio launch), so the words stay as they are.
test('the model package group\'s description is worded as deployed projects have it', () => {
  const build = [...templatesOf(new ModelBuildApp({ config: testConfig(), repoDir: path.join(__dirname, '..', '..', 'model-build') })).values()];
  const groups = build.flatMap((template) => Object.values(template.Resources ?? {})).filter((resource) => resource.Type === 'AWS::SageMaker::ModelPackageGroup');
  expect(groups.map((group) => group.Properties?.ModelPackageGroupDescription)).toEqual(['Model versions of the SageMaker project player-churn']);
  const studio = fs.readFileSync(path.join(__dirname, '..', '..', 'templates', 'sagemaker-project.yaml'), 'utf-8');
  expect(studio).toContain('ModelPackageGroupDescription:\n        Fn::Join:\n          - ""\n          - - "Model versions of the SageMaker project "\n            - Ref: SageMakerProjectName\n');
});
