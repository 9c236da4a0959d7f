import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { endpointTestCommand } from '../../src/model-deploy/release-checks';
import { releasePayloadDownloadCommand, releasePayloadReadStatements } from '../../src/model-deploy/release-payload';
import { SEED_MODEL_BUILD_REPO, testConfig } from '../helpers/validated-synth';

const config = testConfig({ qualityThreshold: 0.8, release: { maxP95LatencyMs: 250 } });
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'release-payload-'));

afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

/** A folder with a fake `node release-tools/sagemaker-gitops.js` (it prints its arguments) and a fake `aws` on PATH. */
function sandbox(name: string, awsScript = 'echo "aws $*"'): { dir: string; run: (command: string) => string } {
  const dir = path.join(work, name);
  fs.mkdirSync(path.join(dir, 'release-tools'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'bin'));
  fs.writeFileSync(path.join(dir, 'release-tools', 'sagemaker-gitops.js'), 'console.log(["tools", ...process.argv.slice(2)].join(" "));\n');
  fs.writeFileSync(path.join(dir, 'bin', 'aws'), `#!/bin/bash\n${awsScript}\n`, { mode: 0o755 });
  const run = (command: string) => execFileSync('bash', ['-c', command], {
    cwd: dir, encoding: 'utf-8', env: { ...process.env, PATH: `${path.join(dir, 'bin')}:${process.env.PATH}` },
  });
  return { dir, run };
}

describe('the live test of a release', () => {
  test('staging of a version whose evaluation records no payload AUC checks the split\'s AUC against the quality gate', () => {
    const { dir, run } = sandbox('staging');
    fs.mkdirSync(path.join(dir, 'release'));
    fs.writeFileSync(path.join(dir, 'release', 'payload.csv'), '1,0.5,2\n');
    fs.writeFileSync(path.join(dir, 'release', 'evaluation.json'), JSON.stringify({ model_features: 31, payload: { file: 'payload.csv' } }));
    const output = run(`(${endpointTestCommand(config, 'staging', 'test-report/report.json', '--region us-east-1')}) 2>&1`);
    const [note, command] = output.trim().split('\n');
    expect(command).toBe('tools test-endpoint --endpoint player-churn-staging --payload release/payload.csv --label-column first --model-features 31 '
      + '--min-auc 0.8 --max-p95-ms 250 --report test-report/report.json --endpoint-type serverless --region us-east-1');
    // The log says why, and what the seed code of this toolkit does instead.
    expect(note).toBe('note: evaluation.json records no payload.auc (its evaluate.py predates the capped staging payload), so the test sends the whole '
      + 'test split and holds its AUC to qualityThreshold 0.8; the seed evaluate.py of the toolkit sends at most 10000 rows (PAYLOAD_MAX_ROWS) and records their AUC');
    expect(fs.readFileSync(path.join(SEED_MODEL_BUILD_REPO, 'pipelines', 'evaluate.py'), 'utf-8')).toMatch(/^PAYLOAD_MAX_ROWS = 10_000$/m);
  });

  // evaluate.py samples a test split of more than 10,000 rows (its staging test would outlast the step's time limit,
  // and a CloudFormation action's input artifact, the Synth output that carries payload.csv, may hold at most 256 MB:
  // "Quotas in AWS CodePipeline"): the endpoint must reproduce the AUC the model scored on the sample.
  test('staging requires the AUC the Evaluate step recorded for the payload\'s rows, as one option and its value', () => {
    const { dir, run } = sandbox('staging-sampled');
    fs.writeFileSync(path.join(dir, 'release-tools', 'sagemaker-gitops.js'), 'console.log(process.argv.slice(2).join("|"));\n');
    fs.mkdirSync(path.join(dir, 'release'));
    fs.writeFileSync(path.join(dir, 'release', 'payload.csv'), '1,0.5,2\n');
    fs.writeFileSync(path.join(dir, 'release', 'evaluation.json'),
      JSON.stringify({ model_features: 31, payload: { file: 'payload.csv', rows: 10000, sampled_from: 180000, auc: 0.8123456789 } }));
    const output = run(endpointTestCommand(config, 'staging', 'test-report/report.json', '--region us-east-1'));
    expect(output.trim().split('|')).toEqual(['test-endpoint', '--endpoint', 'player-churn-staging', '--payload', 'release/payload.csv', '--label-column', 'first',
      '--model-features', '31', '--expected-auc', '0.812346', '--max-p95-ms', '250', '--report', 'test-report/report.json', '--endpoint-type', 'serverless', '--region', 'us-east-1']);
  });

  test('a sampled payload without its AUC fails the staging test before it sends anything, saying why', () => {
    const { dir } = sandbox('staging-sampled-no-auc');
    fs.mkdirSync(path.join(dir, 'release'));
    fs.writeFileSync(path.join(dir, 'release', 'payload.csv'), '1,0.5,2\n');
    fs.writeFileSync(path.join(dir, 'release', 'evaluation.json'), JSON.stringify({ model_features: 31, payload: { file: 'payload.csv', rows: 10000, sampled_from: 50000 } }));
    const result = spawnSync('bash', ['-c', endpointTestCommand(config, 'staging', 'r.json', '')], { cwd: dir, encoding: 'utf-8' });
    expect(result.status).not.toBe(0);
    expect(result.stdout).not.toContain('test-endpoint');
    expect(result.stderr).toContain('error: evaluation.json records a sampled payload without its AUC (payload.auc): nothing to hold the endpoint to');
  });

  test('an evaluation.json node cannot read fails the staging test before it sends anything', () => {
    const { dir, run } = sandbox('staging-unreadable');
    fs.mkdirSync(path.join(dir, 'release'));
    fs.writeFileSync(path.join(dir, 'release', 'payload.csv'), '1,0.5,2\n');
    fs.writeFileSync(path.join(dir, 'release', 'evaluation.json'), '{"model_features": 31, "payload": {"auc": NaN}}');
    expect(() => run(endpointTestCommand(config, 'staging', 'r.json', ''))).toThrow();
  });

  // "Invoke a serverless endpoint": 4 MB request bodies, against a real-time endpoint's 6 MB
  // ("Amazon SageMaker AI endpoints and quotas"): the test of a serverless stage says so, and
  // test-endpoint holds its batches to it.
  test('a stage with a real-time endpoint is tested as one', () => {
    const realtime = testConfig({ endpoints: { staging: { type: 'realtime' } } });
    expect(endpointTestCommand(realtime, 'staging', 'r.json', '')).not.toContain('--endpoint-type');
    expect(endpointTestCommand(config, 'prod', 'r.json', '')).not.toContain('--endpoint-type');
  });

  test('production\'s smoke test checks the width of the first rows, not the AUC of a few', () => {
    const { dir, run } = sandbox('prod');
    fs.mkdirSync(path.join(dir, 'release'));
    fs.writeFileSync(path.join(dir, 'release', 'payload.csv'), '1,0.5,2\n');
    fs.writeFileSync(path.join(dir, 'release', 'evaluation.json'), JSON.stringify({ model_features: 31 }));
    const output = run(endpointTestCommand(config, 'prod', 'test-report/report.json', '--region us-east-1', 20));
    expect(output.trim()).toBe('tools test-endpoint --endpoint player-churn-prod --payload release/payload.csv --label-column first --model-features 31 '
      + '--max-p95-ms 250 --report test-report/report.json --limit 20 --region us-east-1');
  });

  test('a version without a test split of its own sends the repository\'s payload, with a warning', () => {
    const { run } = sandbox('legacy');
    const output = run(endpointTestCommand(config, 'staging', 'r.json', '--region us-east-1'));
    expect(output).toContain('WARNING: the release\'s model version has no test split of its own (release/payload.csv): sending test/payload.csv');
    expect(output).toContain('tools test-endpoint --endpoint player-churn-staging --payload test/payload.csv --max-p95-ms 250 --report r.json --endpoint-type serverless --region us-east-1');
  });

  test('a failing test fails the command', () => {
    const { dir, run } = sandbox('failing');
    fs.writeFileSync(path.join(dir, 'release-tools', 'sagemaker-gitops.js'), 'process.exit(1);\n');
    expect(() => run(endpointTestCommand(config, 'staging', 'r.json', ''))).toThrow();
  });
});

describe('the synth step copies the release\'s evaluation and test split', () => {
  const fakeAws = 'if [ "$1" = sagemaker ]; then echo "s3://artifacts-abc/player-churn-training/exec1/Evaluate/evaluation/evaluation.json"; ' +
    'else echo "$*" >> aws.log; src="$3"; dst="$4"; case "$src" in *evaluation.json) echo \'{"model_features":31,"payload":{"file":"payload.csv"}}\' > "$dst";; *) echo "1,2" > "$dst";; esac; fi';

  function synthSandbox(name: string, script: string) {
    const box = sandbox(name, script);
    fs.mkdirSync(path.join(box.dir, 'cdk.out'));
    fs.writeFileSync(path.join(box.dir, 'resolved-model.json'), JSON.stringify({ modelPackageArn: 'arn:aws:sagemaker:us-east-1:123456789012:model-package/player-churn/7' }));
    return box;
  }

  test('from the folder of the package\'s ModelQuality statistics', () => {
    const { dir, run } = synthSandbox('synth', fakeAws);
    run(releasePayloadDownloadCommand());
    expect(fs.readFileSync(path.join(dir, 'aws.log'), 'utf-8').trim().split('\n')).toEqual([
      's3 cp s3://artifacts-abc/player-churn-training/exec1/Evaluate/evaluation/evaluation.json cdk.out/evaluation.json',
      's3 cp s3://artifacts-abc/player-churn-training/exec1/Evaluate/evaluation/payload.csv cdk.out/payload.csv',
    ]);
    expect(fs.existsSync(path.join(dir, 'cdk.out', 'payload.csv'))).toBe(true);
  });

  test('a package without ModelQuality statistics copies nothing and says so', () => {
    const { dir, run } = synthSandbox('no-statistics', 'echo None');
    expect(run(releasePayloadDownloadCommand())).toContain('the model package has no ModelQuality statistics');
    expect(fs.readdirSync(path.join(dir, 'cdk.out'))).toEqual([]);
  });

  test('a refused copy fails the step', () => {
    const { run } = synthSandbox('denied', 'if [ "$1" = sagemaker ]; then echo s3://b/k/evaluation.json; else echo AccessDenied >&2; exit 1; fi');
    expect(() => run(releasePayloadDownloadCommand())).toThrow();
  });

  test('a refused describe fails the step', () => {
    const { run } = synthSandbox('describe-denied', 'echo AccessDeniedException >&2; exit 254');
    expect(() => run(releasePayloadDownloadCommand())).toThrow();
  });

  test('the synth role may read only the training pipeline\'s evaluations and baselines in the build account, decrypting through S3', () => {
    const stack = new Stack(new App(), 'Pipeline', { env: { account: '123456789012', region: 'us-east-1' } });
    const statements = releasePayloadReadStatements(stack, config).map((statement) => stack.resolve(statement.toStatementJson()));
    expect(statements).toEqual([
      {
        Action: 's3:GetObject', Effect: 'Allow',
        Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::*/player-churn-training/*/Evaluate/evaluation/*']] },
        Condition: { StringEquals: { 's3:ResourceAccount': '123456789012' } },
      },
      {
        // input-check: the header of each version's baseline (Preprocess's, or MergeBaseline's when scaled out).
        Action: 's3:GetObject', Effect: 'Allow',
        Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::*/player-churn-training/*/baseline/baseline.csv']] },
        Condition: { StringEquals: { 's3:ResourceAccount': '123456789012' } },
      },
      {
        Action: 'kms:Decrypt', Effect: 'Allow',
        Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':kms:us-east-1:123456789012:key/*']] },
        Condition: { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } },
      },
    ]);
  });
});
