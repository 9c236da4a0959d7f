/**
 * A file a command is given or needs that does not exist gives the same exit code in every command:
 * 2, as a usage error, with a message naming the file (issue 21, item 7). No AWS call is made.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../src/cli';
import { withStderr } from '../helpers/cli-output';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'missing-files-'));
const missing = path.join(dir, 'nowhere');
const noAws = () => Promise.reject(new Error('no AWS client may be built for a missing file'));
const deps = { sageMakerClient: noAws, runtimeClient: noAws, cloudFormationClient: noAws, s3Client: noAws, stsClient: noAws } as any;

test.each<[string, string[], RegExp]>([
  ['test-endpoint --payload', ['test-endpoint', '--endpoint', 'churn-staging', '--payload', `${missing}.csv`], /payload file .*nowhere\.csv does not exist/],
  ['verify-release --model', ['verify-release', '--stack', 'churn-prod-endpoint', '--endpoint', 'churn-prod', '--model', `${missing}.json`], /no resolved model: .*nowhere\.json does not exist/],
  ['publish-templates --file', ['publish-templates', '--bucket', 'my-templates', '--file', `${missing}.yaml`], /cannot read the template .*nowhere\.yaml: no such file/],
  ['compare-models --config', ['compare-models', '--config', `${missing}.json`], /config file .*nowhere\.json does not exist \(--config\)/],
  ['local-run --repo', ['local-run', '--repo', dir], /is not a model-build repository: it has no sagemaker-gitops\.json/],
  ['stacks', ['stacks', missing], /nowhere is not a synthesized cloud assembly \(no manifest\.json\)/],
])('%s: exit 2 naming the file', async (_name, argv, message) => {
  const infos: string[] = [];
  // test-endpoint reports payload problems through commander (stderr), the others through the CLI's output.
  const { value: code, stderr } = await withStderr(() => runCli(['--region', 'eu-west-1', ...argv], { result: () => undefined, info: (m) => infos.push(m) }, deps));
  expect(code).toBe(2);
  expect(`${infos.join('\n')}\n${stderr}`).toMatch(message);
});
