/**
 * What a generated repository's CDK app loads: `sagemaker-gitops/lib/app` (src/app.ts) gives the
 * constructs and apps without the AWS SDK or the CLI, which only the pipelines' steps and people
 * run. An SDK client loaded there costs every `cdk synth` its start-up and nothing else: a constant
 * imported from src/aws/model-approval.ts once loaded the SageMaker and STS clients (about 0.25 s
 * of each synth). Lambda handlers require the SDK inside their code strings, at run time in Lambda.
 * Needs `lib/` compiled (`npm test` compiles before running jest), as the repositories load it.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const LIB_APP = path.join(__dirname, '..', '..', 'lib', 'app.js');

test('lib/app loads no AWS SDK client and no module of the CLI', () => {
  const loaded: string[] = JSON.parse(execFileSync(process.execPath, ['-e', `require(${JSON.stringify(LIB_APP)}); process.stdout.write(JSON.stringify(Object.keys(require.cache)))`], { encoding: 'utf-8' }));
  expect(loaded).toContain(LIB_APP);
  expect(loaded.some((file) => /[\\/]node_modules[\\/]aws-cdk-lib[\\/]/.test(file))).toBe(true);
  expect(loaded.filter((file) => /[\\/]node_modules[\\/]@aws-sdk[\\/]/.test(file) || /[\\/]lib[\\/]cli[\\/]/.test(file))).toEqual([]);
});
