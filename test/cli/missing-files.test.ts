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

// The README's exit codes: a file the command was given (or reads in its folder) whose content it cannot
// use is a usage error too, 2, naming the file and what is wrong, before any AWS call.
describe('a malformed input file', () => {
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  test.each<[string, () => string[], RegExp]>([
    ['verify-release --model (not JSON)', () => ['verify-release', '--stack', 'churn-prod-endpoint', '--endpoint', 'churn-prod', '--model', write('model.csv', 'a,b\n1,2\n')], /model\.csv is not valid JSON/],
    ['verify-release --model (a field out of shape)', () => ['verify-release', '--stack', 'churn-prod-endpoint', '--endpoint', 'churn-prod', '--model', write('model.json', '[]')], /model\.json must hold a JSON object/],
    ['publish-templates --file (not a template)', () => ['publish-templates', '--bucket', 'my-templates', '--file', write('t.yaml', 'a: 1\n')], /t\.yaml is not a CloudFormation template: it has no Resources section/],
    ['quotas --config (not JSON)', () => ['quotas', '--config', write('config.csv', 'x,y\n')], /config\.csv/],
    ['compare-models --config (not JSON)', () => ['compare-models', '--config', write('config2.csv', 'x,y\n')], /config2\.csv/],
  ])('%s: exit 2 naming the file', async (_name, argv, message) => {
    const infos: string[] = [];
    const { value: code, stderr } = await withStderr(() => runCli(['--region', 'eu-west-1', ...argv()], { result: () => undefined, info: (m) => infos.push(m) }, { ...deps, serviceQuotasClient: noAws }));
    expect(`${infos.join('\n')}\n${stderr}`).toMatch(message);
    expect(code).toBe(2);
  });
});
