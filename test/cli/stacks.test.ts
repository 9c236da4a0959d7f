import { Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { ArtifactStore } from '../../src/constructs';
import { formatSummary, runCli, summarizeAssembly } from '../../src/cli';
import { acknowledgeControl } from '../../src/validation/acknowledge';
import { validatedApp } from '../helpers/validated-synth';
import { captureOutput as capture } from '../helpers/cli-output';

function synthAssembly(): string {
  const app = validatedApp();
  new ArtifactStore(new Stack(app, 'Data', { env: { region: 'eu-west-1' } }), 'Store', { keyAlias: 'x', description: 'x' });
  const key = new kms.Key(new Stack(app, 'Keys', { env: { account: '123456789012', region: 'us-east-1' } }), 'Key', { enableKeyRotation: true });
  acknowledgeControl(key, 'CT.KMS.PR.3', 'a test key of the stacks summary, never deployed');
  return app.synth().directory;
}

describe('summarizeAssembly', () => {
  const dir = synthAssembly();

  test('one row per stack with its environment and resource count', () => {
    const rows = summarizeAssembly(dir, 'demo');
    expect(rows.map(({ template: _t, ...row }) => row)).toEqual([
      { app: 'demo', stack: 'Data', environment: 'unknown-account/eu-west-1', resources: 6 },
      { app: 'demo', stack: 'Keys', environment: '123456789012/us-east-1', resources: 1 },
    ]);
  });

  test('the table totals the resources and warns near the CloudFormation limit', () => {
    const text = formatSummary([
      { app: 'a', stack: 'Big', environment: 'e', resources: 450, template: 't' },
      { app: 'a', stack: 'Small', environment: 'e', resources: 3, template: 't' },
    ]);
    expect(text.split('\n')[0]).toMatch(/^app\s+stack\s+environment\s+resources$/);
    expect(text).toContain('2 stack(s), 453 resource(s)');
    expect(text).toContain('warning: Big has 450 resources, close to CloudFormation\'s limit of 500');
    expect(text).not.toContain('warning: Small');
  });

  test('a folder that is not an assembly is named', () => {
    expect(() => summarizeAssembly('/tmp')).toThrow(/\/tmp is not a synthesized cloud assembly \(no manifest\.json\): run `cdk synth` first/);
  });
});

describe('sagemaker-gitops CLI', () => {
  const dir = synthAssembly();

  test('stacks prints the table', async () => {
    const out = capture();
    expect(await runCli(['stacks', dir], out)).toBe(0);
    expect(String(out.results[0])).toMatch(/Data\s+unknown-account\/eu-west-1\s+6/);
  });

  test('stacks --json prints the rows', async () => {
    const out = capture();
    expect(await runCli(['--json', 'stacks', dir], out)).toBe(0);
    expect(out.results[0]).toEqual([expect.objectContaining({ stack: 'Data', resources: 6 }), expect.objectContaining({ stack: 'Keys', resources: 1 })]);
  });

  test('a missing input exits 2 with its message (as a missing file does in every command)', async () => {
    const out = capture();
    expect(await runCli(['stacks', '/nonexistent/cdk.out'], out)).toBe(2);
    expect(out.infos).toEqual(['error: /nonexistent/cdk.out is not a synthesized cloud assembly (no manifest.json): run `cdk synth` first']);
  });

  test.each([[['no-such-command']], [['stacks', '--no-such-option']], [['--no-such-global']]])('usage errors exit 2: %j', async (argv) => {
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await runCli(argv, capture())).toBe(2);
      expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toMatch(/error: (unknown command|unknown option)/);
    } finally {
      stderr.mockRestore();
    }
  });

  test('--help and --version exit 0', async () => {
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await runCli(['--help'], capture())).toBe(0);
      expect(await runCli(['--version'], capture())).toBe(0);
      const printed = stdout.mock.calls.map((c) => String(c[0])).join('');
      expect(printed).toContain('stacks');
      expect(printed).toMatch(/^\d+\.\d+\.\d+$/m);
    } finally {
      stdout.mockRestore();
    }
  });
});
