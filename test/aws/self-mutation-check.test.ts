import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CloudFormationClient, DescribeStacksCommand, GetTemplateCommand, StackStatus } from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { SelfMutationStack, checkSelfMutation, selfMutationStacks } from '../../src/aws';

const TEMPLATE = { Resources: { Topic: { Type: 'AWS::SNS::Topic' } } };

/** A cloud assembly with a pipeline stack depending on its asset manifest and a support stack in another region. */
function assembly(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'self-mutation-'));
  const artifacts = {
    'pipeline.assets': { type: 'cdk:asset-manifest', properties: { file: 'pipeline.assets.json' } },
    'pipeline-support-eu-west-1': { type: 'aws:cloudformation:stack', environment: 'aws://111111111111/eu-west-1', properties: { templateFile: 'support.template.json' } },
    'pipeline': {
      type: 'aws:cloudformation:stack',
      environment: 'aws://unknown-account/us-east-1',
      properties: { templateFile: 'pipeline.template.json', stackName: 'team-pipeline', tags: { project: 'player-churn' }, terminationProtection: true },
      dependencies: ['pipeline.assets', 'pipeline-support-eu-west-1'],
    },
    'other': { type: 'aws:cloudformation:stack', environment: 'aws://unknown-account/us-east-1', properties: { templateFile: 'other.template.json' } },
    'Tree': { type: 'cdk:tree' },
  };
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ version: '48.0.0', artifacts }));
  fs.writeFileSync(path.join(dir, 'pipeline.template.json'), JSON.stringify(TEMPLATE));
  fs.writeFileSync(path.join(dir, 'support.template.json'), JSON.stringify({ Resources: {} }));
  return dir;
}

describe('selfMutationStacks', () => {
  test('the pipeline stack after the stacks it depends on, without asset manifests or unrelated stacks', () => {
    const stacks = selfMutationStacks(assembly(), 'pipeline');
    expect(stacks.map(({ artifactId, stackName, region, tags, terminationProtection }) => ({ artifactId, stackName, region, tags, terminationProtection }))).toEqual([
      { artifactId: 'pipeline-support-eu-west-1', stackName: 'pipeline-support-eu-west-1', region: 'eu-west-1', tags: {}, terminationProtection: false },
      { artifactId: 'pipeline', stackName: 'team-pipeline', region: 'us-east-1', tags: { project: 'player-churn' }, terminationProtection: true },
    ]);
    expect(stacks[1].template).toEqual(TEMPLATE);
  });

  test('a missing stack is named with the stacks the assembly has', () => {
    expect(() => selfMutationStacks(assembly(), 'pipline')).toThrow(/has no stack pipline \(its stacks: pipeline-support-eu-west-1, pipeline, other\)/);
  });

  test('an artifact that is not a stack is refused', () => {
    expect(() => selfMutationStacks(assembly(), 'Tree')).toThrow(/Tree in .*manifest.json is a cdk:tree, not a stack/);
  });
});

describe('checkSelfMutation', () => {
  const cfn = mockClient(CloudFormationClient);
  const stack: SelfMutationStack = { artifactId: 'pipeline', stackName: 'team-pipeline', region: 'us-east-1', template: TEMPLATE, tags: { project: 'player-churn' }, terminationProtection: false };
  const regions: string[] = [];
  const check = (stacks: SelfMutationStack[] = [stack]) => checkSelfMutation(stacks, async (region) => {
    regions.push(region);
    return new CloudFormationClient({ region });
  });
  const deployed = (status: StackStatus = 'UPDATE_COMPLETE', tags = [{ Key: 'project', Value: 'player-churn' }], protection = false) => {
    cfn.on(DescribeStacksCommand).resolves({ Stacks: [{ StackName: 'team-pipeline', StackStatus: status, CreationTime: new Date(), Tags: tags, EnableTerminationProtection: protection }] });
  };

  beforeEach(() => {
    cfn.reset();
    regions.length = 0;
  });

  // "GetTemplate" (AWS CloudFormation API Reference): TemplateStage Original is the template as submitted.
  test('not-needed when the deployed stack has the synthesized template (as submitted), tags and protection', async () => {
    deployed();
    cfn.on(GetTemplateCommand, { StackName: 'team-pipeline', TemplateStage: 'Original' }).resolves({ TemplateBody: JSON.stringify(TEMPLATE, null, 1) });
    await expect(check()).resolves.toEqual({ verdict: 'not-needed', reasons: ['team-pipeline (us-east-1): deployed as synthesized'] });
    expect(regions).toEqual(['us-east-1']);
  });

  test.each([
    ['the template differs', () => { deployed(); cfn.on(GetTemplateCommand).resolves({ TemplateBody: JSON.stringify({ Resources: {} }) }); }, 'template differs'],
    ['the deployed template is YAML', () => { deployed(); cfn.on(GetTemplateCommand).resolves({ TemplateBody: 'Resources: {}\n' }); }, 'its deployed template is not JSON'],
    ['the tags differ', () => { deployed('UPDATE_COMPLETE', []); cfn.on(GetTemplateCommand).resolves({ TemplateBody: JSON.stringify(TEMPLATE) }); }, 'stack tags differ'],
    ['termination protection differs', () => { deployed('UPDATE_COMPLETE', undefined, true); cfn.on(GetTemplateCommand).resolves({ TemplateBody: JSON.stringify(TEMPLATE) }); }, 'termination protection differs'],
    // After a failed update the stack's template is the previous one; an update in progress may still change it.
    ['the last update rolled back', () => deployed('UPDATE_ROLLBACK_COMPLETE'), 'status UPDATE_ROLLBACK_COMPLETE'],
    ['an update is in progress', () => deployed('UPDATE_IN_PROGRESS'), 'status UPDATE_IN_PROGRESS'],
    // "DescribeStacks" (AWS CloudFormation API Reference): a missing stack is a ValidationError.
    ['the stack does not exist', () => { cfn.on(DescribeStacksCommand).rejects(Object.assign(new Error('Stack with id team-pipeline does not exist'), { name: 'ValidationError' })); },
      'could not be read (ValidationError: Stack with id team-pipeline does not exist)'],
    ['the role may not read it', () => { cfn.on(DescribeStacksCommand).rejects(Object.assign(new Error('not authorized to perform: cloudformation:DescribeStacks'), { name: 'AccessDenied' })); },
      'could not be read (AccessDenied: not authorized to perform: cloudformation:DescribeStacks)'],
  ])('needed when %s', async (_case, arrange, reason) => {
    arrange();
    await expect(check()).resolves.toEqual({ verdict: 'needed', reasons: [`team-pipeline (us-east-1): ${reason}`] });
  });

  test('needed when any one of the stacks differs, each stack read in its own region', async () => {
    const support: SelfMutationStack = { ...stack, artifactId: 'support', stackName: 'team-pipeline-support', region: 'eu-west-1', tags: {} };
    cfn.on(DescribeStacksCommand, { StackName: 'team-pipeline-support' }).resolves({ Stacks: [{ StackName: 'team-pipeline-support', StackStatus: 'CREATE_COMPLETE', CreationTime: new Date() }] });
    cfn.on(GetTemplateCommand, { StackName: 'team-pipeline-support' }).resolves({ TemplateBody: JSON.stringify(TEMPLATE) });
    cfn.on(DescribeStacksCommand, { StackName: 'team-pipeline' }).resolves({ Stacks: [{ StackName: 'team-pipeline', StackStatus: 'UPDATE_COMPLETE', CreationTime: new Date(), Tags: [{ Key: 'project', Value: 'player-churn' }] }] });
    cfn.on(GetTemplateCommand, { StackName: 'team-pipeline' }).resolves({ TemplateBody: '{"Resources":{}}' });
    await expect(check([support, stack])).resolves.toEqual({
      verdict: 'needed',
      reasons: ['team-pipeline-support (eu-west-1): deployed as synthesized', 'team-pipeline (us-east-1): template differs'],
    });
    expect(regions).toEqual(['eu-west-1', 'us-east-1']);
  });
});
