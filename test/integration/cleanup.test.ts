import { CloudFormationClient, CreateStackCommand, DeleteStackCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { CreateModelPackageGroupCommand, DescribeModelPackageGroupCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { isNotFound } from '../../src/aws';
import { CliDeps, runCli } from '../../src/cli';
import { MOTO_REGION, MotoServer, describeWithMoto, motoClient, motoDeps, startMoto, useDummyCredentials } from './moto';
import { captureOutput as capture } from '../helpers/cli-output';

jest.setTimeout(60_000);

const TEMPLATE = JSON.stringify({
  AWSTemplateFormatVersion: '2010-09-09',
  Resources: { Queue: { Type: 'AWS::SQS::Queue' } },
});

let server: MotoServer;
let cfn: CloudFormationClient;
let sm: SageMakerClient;
let restoreEnv: () => void;

async function cli(argv: string[], deps: CliDeps = motoDeps(server)) {
  const out = capture();
  const code = await runCli(['--region', MOTO_REGION, ...argv], out, { ...deps, sleep: async () => undefined });
  return { code, out };
}

async function createStack(name: string): Promise<void> {
  await cfn.send(new CreateStackCommand({ StackName: name, TemplateBody: TEMPLATE }));
}

async function stackExists(name: string): Promise<boolean> {
  try {
    const stack = (await cfn.send(new DescribeStacksCommand({ StackName: name }))).Stacks?.[0];
    return stack !== undefined && stack.StackStatus !== 'DELETE_COMPLETE';
  } catch (err) {
    if (isNotFound(err)) {
      return false;
    }
    throw err;
  }
}

describeWithMoto('cleanup against moto', () => {
  beforeAll(async () => {
    restoreEnv = useDummyCredentials();
    server = await startMoto();
    cfn = await motoClient(CloudFormationClient, server);
    sm = await motoClient(SageMakerClient, server);
  });

  afterAll(async () => {
    cfn?.destroy();
    sm?.destroy();
    await server?.stop();
    restoreEnv?.();
  });

  // CloudFormation's DescribeStacks API reference: "If the stack doesn't exist, a ValidationError is returned."
  test('moto answers DescribeStacks of a missing stack as CloudFormation does: ValidationError, "Stack with id X does not exist"', async () => {
    const err = await cfn.send(new DescribeStacksCommand({ StackName: 'no-such-stack' })).catch((e: Error) => e);
    expect(err).toMatchObject({ name: 'ValidationError', message: 'Stack with id no-such-stack does not exist' });
    expect(isNotFound(err)).toBe(true);
  });

  // SageMaker's DescribeModelPackageGroup: a missing group is a ValidationException "... does not exist."
  test('a missing model package group is "not found" too', async () => {
    const err = await sm.send(new DescribeModelPackageGroupCommand({ ModelPackageGroupName: 'no-such-group' })).catch((e: Error) => e);
    expect(err).toMatchObject({ name: 'ValidationException' });
    expect(isNotFound(err)).toBe(true);
  });

  test('no stack at all: --dry-run and a run say there is nothing to clean up', async () => {
    for (const argv of [['cleanup', '--project', 'empty', '--dry-run'], ['cleanup', '--project', 'empty', '--yes']]) {
      const { code, out } = await cli(argv);
      expect(out.infos).toEqual([]);
      expect(code).toBe(0);
      expect(out.results).toEqual([`nothing to clean up for project empty in ${MOTO_REGION}`]);
    }
  });

  test('--dry-run with most stacks missing lists them as not found and deletes nothing', async () => {
    await createStack('dry-model-build');
    const { code, out } = await cli(['--json', 'cleanup', '--project', 'dry', '--dry-run']);
    expect(code).toBe(0);
    const plan = out.results[0] as { steps: Array<{ type: string; name: string }>; notFound: Array<{ type: string; name: string }> };
    expect(plan.steps.map((s) => `${s.type} ${s.name}`)).toEqual(['stack dry-model-build']);
    expect(plan.notFound.map((m) => `${m.type} ${m.name}`)).toEqual([
      'stack dry-model-deploy-pipeline', 'stack dry-prod-endpoint', 'stack dry-staging-endpoint', 'stack dry-model-build-pipeline',
      'model-package-group dry',
    ]);
    expect(await stackExists('dry-model-build')).toBe(true);
  });

  test('a run that stops half-way is continued by the next run, which skips what is gone', async () => {
    await createStack('rerun-model-build-pipeline');
    await createStack('rerun-model-build');
    await sm.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'rerun' }));

    // The first run loses its connection when it deletes the second stack.
    const interrupted: CliDeps = {
      ...motoDeps(server),
      cloudFormationClient: async (options) => {
        const client = await motoClient(CloudFormationClient, server, options);
        client.middlewareStack.add((next, context) => async (args) => {
          const input = args.input as { StackName?: string };
          if (context.commandName === 'DeleteStackCommand' && input.StackName?.includes('/rerun-model-build/')) {
            throw Object.assign(new Error('socket hang up'), { name: 'Error', code: 'ECONNRESET' });
          }
          return next(args);
        }, { step: 'initialize', name: 'interruptSecondDeletion' });
        return client;
      },
    };
    const first = await cli(['cleanup', '--project', 'rerun', '--yes'], interrupted);
    expect(first.code).toBe(1);
    expect(first.out.infos).toContain('deleted stack rerun-model-build-pipeline (took 0s)');
    expect(first.out.infos.at(-1)).toMatch(/^error: .*socket hang up/);
    expect(await stackExists('rerun-model-build-pipeline')).toBe(false);
    expect(await stackExists('rerun-model-build')).toBe(true);

    const second = await cli(['cleanup', '--project', 'rerun', '--yes']);
    expect(second.out.infos.filter((line) => line.startsWith('error'))).toEqual([]);
    expect(second.code).toBe(0);
    expect(second.out.infos).toEqual(expect.arrayContaining(['not found here, skipped:', '  stack rerun-model-build-pipeline']));
    expect(String(second.out.results[0])).toContain('deleted stack rerun-model-build');
    expect(await stackExists('rerun-model-build')).toBe(false);

    // The model registry is kept without --purge; a third run has nothing left to delete.
    const third = await cli(['cleanup', '--project', 'rerun', '--yes']);
    expect(third.code).toBe(0);
    expect(third.out.results).toEqual([[
      `nothing to clean up for project rerun in ${MOTO_REGION}`,
      'keep:',
      '  model package group rerun with its 0 versions: --purge deletes them',
    ].join('\n')]);
  });

  test('a stack deleted by hand between the plan and its step is skipped', async () => {
    await createStack('gone-model-build');
    await cfn.send(new DeleteStackCommand({ StackName: 'gone-model-build' }));
    const { code, out } = await cli(['cleanup', '--project', 'gone', '--yes']);
    expect(code).toBe(0);
    expect(out.results).toEqual([`nothing to clean up for project gone in ${MOTO_REGION}`]);
  });
});
