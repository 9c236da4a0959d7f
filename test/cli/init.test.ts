import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, CfnWaitConditionHandle, Stack } from 'aws-cdk-lib';
import { runCli } from '../../src/cli';
import { baseProgram } from '../../src/cli/base-program';
import { CommandRunner, InitResult, initCommand } from '../../src/cli/init';
import { initPaths, renderProjenrc } from '../../src/cli/init-files';
import { LIBRARY_VERSION, TOOL_VERSIONS } from '../../src/app-context/versions';
import { digestOfEntries, entriesOfFiles, entriesOfTarball, packlistOf, readToolkitManifest, toolkitPackageDir } from '../../src/project/toolkit-package';
import { captureOutput as capture, withStderr } from '../helpers/cli-output';
// aws-cdk-lib's own CloudFormation validator on the tests' shared worker, not built again on this file's thread.
import '../helpers/suite-validation-worker';

const TARBALL = `vendor/sagemaker-gitops-${LIBRARY_VERSION}.tgz`;
const INIT_FILES = ['.projenrc.ts', 'package.json', '.projen/tasks.json', TARBALL];

let root: string;
const savedEnv = { AWS_REGION: process.env.AWS_REGION, AWS_DEFAULT_REGION: process.env.AWS_DEFAULT_REGION };

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'init-'));
  // The default region comes from these: the tests choose it themselves.
  delete process.env.AWS_REGION;
  delete process.env.AWS_DEFAULT_REGION;
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) {
      delete process.env[name];
    } else {
      process.env[name] = value;
    }
  }
});

async function run(argv: string[]) {
  const out = capture();
  const { value: code, stderr } = await withStderr(() => runCli(argv, out));
  return { code, out, stderr };
}

/** Every file below `dir`, relative to it, sorted. */
function filesBelow(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

describe('init --no-install', () => {
  test('writes a projen project with the toolkit vendored, and names the next steps', async () => {
    const dir = path.join(root, 'churn-mlops');
    const { code, out } = await run(['--json', '--region', 'eu-west-1', 'init', dir, '--no-install']);
    expect(code).toBe(0);
    expect(filesBelow(dir)).toEqual([...INIT_FILES].sort());
    const result = out.results[0] as InitResult;
    expect(result).toMatchObject({ dir, projectName: 'churn-mlops', region: 'eu-west-1', tarball: TARBALL, ran: [] });
    expect(result.nextSteps).toContain('npm install && npx projen --no-post && npm install && npx projen   # install, generate model-build/ and model-deploy/ and their lock files');
    expect(result.nextSteps).toContain('npx sagemaker-gitops quotas --config model-deploy/sagemaker-gitops.json   # with AWS credentials: the SageMaker quotas the project needs against the account\'s');

    // The tarball is the toolkit as npm packs it (npm-packlist's files), with the content `npx projen` vendors into each
    // repository (the committed model-build/ holds what this checkout's `npx projen` vendored).
    expect(fs.readFileSync(path.join(dir, TARBALL)).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    const toolkit = toolkitPackageDir();
    const packed = digestOfEntries(entriesOfTarball(path.join(dir, TARBALL)));
    expect(packed).toBe(digestOfEntries(entriesOfFiles(toolkit, packlistOf(toolkit), readToolkitManifest(toolkit))));
    expect(packed).toBe(digestOfEntries(entriesOfTarball(path.join(toolkit, 'model-build', TARBALL))));
    const packageJson = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf-8'));
    expect(packageJson.devDependencies).toMatchObject({
      'sagemaker-gitops': `file:${TARBALL}`,
      'projen': '0.103.25',
      'aws-cdk-lib': TOOL_VERSIONS['aws-cdk-lib'],
      'typescript': TOOL_VERSIONS.typescript,
      'tsx': TOOL_VERSIONS.tsx,
    });
    // Never the unpublished public name from a registry.
    expect(JSON.stringify(packageJson)).not.toMatch(/"sagemaker-gitops": "[\^~]?\d/);
    const tasks = JSON.parse(fs.readFileSync(path.join(dir, '.projen/tasks.json'), 'utf-8'));
    expect(tasks.tasks.default.steps).toEqual([{ exec: 'tsx .projenrc.ts' }]);

    const projenrc = fs.readFileSync(path.join(dir, '.projenrc.ts'), 'utf-8');
    expect(projenrc).toContain('packageManager: javascript.NodePackageManager.NPM,');
    expect(projenrc).toContain("projectName: 'churn-mlops',");
    expect(projenrc).toContain("region: 'eu-west-1',");
    expect(projenrc).toContain(`'sagemaker-gitops@file:${TARBALL}',`);
    expect(projenrc).toMatch(/PLACEHOLDER_CONNECTION_ARN names no real connection: replace it with the ARN of your own/);
  });

  test('--name sets the project name; the npm name is its lower case', async () => {
    const dir = path.join(root, 'folder');
    const { code, out } = await run(['init', dir, '--name', 'Churn-2', '--no-install']);
    expect(code).toBe(0);
    expect(String(out.results[0])).toMatch(/^created the projen project Churn-2 \(us-east-1\) in /);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf-8')).name).toBe('churn-2');
    expect(fs.readFileSync(path.join(dir, '.projenrc.ts'), 'utf-8')).toContain("projectName: 'Churn-2',");
  });

  test('a folder holding only .git is empty enough', async () => {
    const dir = path.join(root, 'repo');
    fs.mkdirSync(path.join(dir, '.git'), { recursive: true });
    expect((await run(['init', dir, '--no-install'])).code).toBe(0);
    expect(fs.existsSync(path.join(dir, '.projenrc.ts'))).toBe(true);
  });

  test('--force adds the project beside files it does not write, and leaves them alone', async () => {
    const dir = path.join(root, 'existing');
    fs.mkdirSync(path.join(dir, 'notes'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'notes', 'plan.md'), 'mine\n');
    fs.writeFileSync(path.join(dir, 'README.md'), '# mine\n');
    expect((await run(['init', dir, '--force', '--no-install'])).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'README.md'), 'utf-8')).toBe('# mine\n');
    expect(fs.readFileSync(path.join(dir, 'notes', 'plan.md'), 'utf-8')).toBe('mine\n');
    expect(filesBelow(dir)).toEqual([...INIT_FILES, 'README.md', 'notes/plan.md'].sort());
  });
});

describe('init runs the install, projen and both synths', () => {
  test('in order, each in its folder, and reports them', async () => {
    const calls: Array<[string, string]> = [];
    const runner: CommandRunner = (command, args, cwd) => {
      calls.push([[command, ...args].join(' '), cwd]);
      if (args[1] === 'synth') {
        // What a synth leaves: a cloud assembly in the repository's cdk.out.
        const app = new App({ outdir: path.join(cwd, 'cdk.out') });
        new CfnWaitConditionHandle(new Stack(app, `${path.basename(cwd)}-pipeline`, { env: { region: 'us-east-1' } }), 'Handle');
        app.synth();
      }
    };
    const out = capture();
    const program = baseProgram('test').addCommand(initCommand(out, { run: runner }).exitOverride());
    const dir = path.join(root, 'churn');
    await program.parseAsync(['--json', 'init', dir], { from: 'user' });
    expect(calls).toEqual([
      ['npm install --no-audit --no-fund', dir],
      ['npx projen --no-post', dir],
      ['npm install --no-audit --no-fund', dir],
      ['npx projen', dir],
      ['npm run synth', path.join(dir, 'model-build')],
      ['npm run synth', path.join(dir, 'model-deploy')],
    ]);
    const result = out.results[0] as InitResult;
    expect(result.ran.map((ran) => `${ran.dir}: ${ran.command}`)).toEqual([
      '.: npm install --no-audit --no-fund', '.: npx projen --no-post', '.: npm install --no-audit --no-fund', '.: npx projen',
      'model-build: npm run synth', 'model-deploy: npm run synth',
    ]);
    expect(result.nextSteps.join('\n')).not.toContain('npm install');
    expect(result.stacks.map(({ app, stack, resources }) => ({ app, stack, resources }))).toEqual([
      { app: 'model-build', stack: 'model-build-pipeline', resources: 1 },
      { app: 'model-deploy', stack: 'model-deploy-pipeline', resources: 1 },
    ]);
  });

  test('the text output lists the commands run and the stacks synthesized', async () => {
    const out = capture();
    const runner: CommandRunner = (_command, args, cwd) => {
      if (args[1] === 'synth') {
        const app = new App({ outdir: path.join(cwd, 'cdk.out') });
        new CfnWaitConditionHandle(new Stack(app, `${path.basename(cwd)}-pipeline`), 'Handle');
        app.synth();
      }
    };
    const program = baseProgram('test').addCommand(initCommand(out, { run: runner }).exitOverride());
    await program.parseAsync(['init', path.join(root, 'churn')], { from: 'user' });
    const text = String(out.results[0]);
    expect(text).toMatch(/^ran:\n {2}\.: npm install --no-audit --no-fund \(\d+\.\d s\)\n {2}\.: npx projen --no-post /m);
    expect(text).toMatch(/^synthesized:\n {2}app +stack +environment +resources\n {2}model-build +model-build-pipeline +unknown-account\/unknown-region +1$/m);
    expect(text).toContain('  2 stack(s), 2 resource(s)');
  });

  test('a failing step stops init with the command and its folder', async () => {
    const out = capture();
    const runner: CommandRunner = (command, args) => {
      if (args[0] === 'projen') {
        throw new Error(`\`${command} ${args.join(' ')}\` failed`);
      }
    };
    const program = baseProgram('test').addCommand(initCommand(out, { run: runner }).exitOverride());
    await expect(program.parseAsync(['init', path.join(root, 'p')], { from: 'user' })).rejects.toThrow('`npx projen --no-post` failed');
  });
});

describe('init needs a compiled toolkit to vendor', () => {
  async function initWith(toolkitDir: string, dir: string) {
    const program = baseProgram('test').addCommand(initCommand(capture(), { toolkitDir }).exitOverride());
    return program.parseAsync(['init', dir, '--no-install'], { from: 'user' });
  }

  test('a toolkit folder without its compiled lib/ is named, with the command that compiles it', async () => {
    const toolkit = path.join(root, 'toolkit');
    fs.mkdirSync(toolkit);
    fs.writeFileSync(path.join(toolkit, 'package.json'), JSON.stringify({ name: 'sagemaker-gitops', version: '0.1.0', main: 'lib/index.js', devDependencies: { projen: '0.103.25' } }));
    await expect(initWith(toolkit, path.join(root, 'p'))).rejects.toThrow(`the sagemaker-gitops package at ${toolkit} is not compiled (no lib/index.js): run \`npm run compile\` there first`);
    expect(fs.existsSync(path.join(root, 'p'))).toBe(false);
  });

  test('a folder that is not the sagemaker-gitops package', async () => {
    const other = path.join(root, 'other');
    fs.mkdirSync(other);
    fs.writeFileSync(path.join(other, 'package.json'), JSON.stringify({ name: 'left-pad', version: '1.0.0' }));
    await expect(initWith(other, path.join(root, 'p'))).rejects.toThrow(`${path.join(other, 'package.json')} is not the sagemaker-gitops package with its projen version`);
  });
});

// The folder is init's argument: each refusal is a usage error (exit 2), as the README's exit codes say.
describe('init refuses bad input before writing anything', () => {
  test('a non-empty folder without --force, naming what is there', async () => {
    const dir = path.join(root, 'busy');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'data.csv'), 'a,b\n');
    const { code, out } = await run(['init', dir, '--no-install']);
    expect(code).toBe(2);
    expect(out.infos.join('\n')).toContain(`error: ${dir} is not empty (data.csv): choose a new or empty folder, or pass --force`);
    expect(fs.readdirSync(dir)).toEqual(['data.csv']);
  });

  test('with --force, a file init or projen would write, naming every conflicting file', async () => {
    const dir = path.join(root, 'clash');
    fs.mkdirSync(path.join(dir, 'model-build'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'package.json'), '{"name":"mine"}\n');
    fs.writeFileSync(path.join(dir, '.gitignore'), 'secret\n');
    fs.writeFileSync(path.join(dir, 'model-build', 'train.py'), 'print(1)\n');
    const before = filesBelow(dir);
    const { code, out } = await run(['init', dir, '--force']);
    expect(code).toBe(2);
    expect(out.infos.join('\n')).toContain(`error: ${dir} already has package.json, .gitignore, model-build, which init or projen would write: nothing was written`);
    expect(filesBelow(dir)).toEqual(before);
    expect(fs.readFileSync(path.join(dir, 'package.json'), 'utf-8')).toBe('{"name":"mine"}\n');
  });

  test('a folder that is a file', async () => {
    const file = path.join(root, 'a-file');
    fs.writeFileSync(file, 'x');
    const { code, out } = await run(['init', file, '--force']);
    expect(code).toBe(2);
    expect(out.infos.join('\n')).toContain(`error: ${file} is a file, not a folder`);
    expect(fs.readFileSync(file, 'utf-8')).toBe('x');
  });

  // The rule MlopsProject checks: SageMaker's ProjectName (letters, digits, inner hyphens, at most 32;
  // https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateProject.html), starting with
  // a letter as the stack names made of it must (StackName,
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateStack.html).
  const NAME_RULE = '--name must start with a letter, contain only letters, digits and single or repeated hyphens between them (^[a-zA-Z](-*[a-zA-Z0-9])*$) and be at most 32 characters long';
  test.each([
    ['with an underscore', 'churn_model'],
    ['longer than 32 characters', `a${'b'.repeat(32)}`],
    ['starting with a digit', '9lives'],
    ['ending with a hyphen', 'churn-'],
  ])('an invalid project name: --name %s', async (_case, name) => {
    const dir = path.join(root, 'p');
    const { code, stderr } = await run(['init', dir, '--name', name]);
    expect(code).toBe(2);
    expect(stderr).toContain(`error: ${NAME_RULE}, got ${JSON.stringify(name)}`);
    expect(fs.existsSync(dir)).toBe(false);
  });

  test('an invalid folder name as the default project name says to pass --name', async () => {
    const dir = path.join(root, 'my_project');
    const { code, stderr } = await run(['init', dir]);
    expect(code).toBe(2);
    expect(stderr).toContain('error: the project name (the folder\'s name; pass --name to choose another) must start with a letter');
    expect(stderr).toContain('"my_project"');
    expect(fs.existsSync(dir)).toBe(false);
  });

  test('an unknown region', async () => {
    const dir = path.join(root, 'p');
    const { code, stderr } = await run(['--region', 'eu-west-9', 'init', dir]);
    expect(code).toBe(2);
    expect(stderr).toContain('error: --region must be an AWS region such as us-east-1 or eu-west-1, got "eu-west-9"; known regions: ');
    expect(fs.existsSync(dir)).toBe(false);
  });

  test('the region from AWS_REGION is checked too', async () => {
    process.env.AWS_REGION = 'moon-1';
    const { code, stderr } = await run(['init', path.join(root, 'p')]);
    expect(code).toBe(2);
    expect(stderr).toContain('got "moon-1"');
  });

  test('a region where SageMaker does not publish the pipelines\' images', async () => {
    // us-iso-east-1 is a region aws-cdk-lib knows, but not one of the scikit-learn image's registries.
    const { code, stderr } = await run(['--region', 'us-iso-east-1', 'init', path.join(root, 'p')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/error: --region must be a region where SageMaker publishes the sklearn image the pipelines use, got "us-iso-east-1"; supported: .*us-east-1/);
  });
});

describe('the files init and projen write', () => {
  test('the conflict list holds every file init writes', () => {
    const paths = initPaths(TARBALL);
    for (const file of INIT_FILES) {
      expect(paths.some((p) => file === p || file.startsWith(`${p}/`))).toBe(true);
    }
  });

  test('the .projenrc.ts declares npm, the vendored toolkit and the project, with MLflow tracking on (a serverless MLflow App)', () => {
    const text = renderProjenrc({ projectName: 'churn', region: 'us-west-2', tarball: TARBALL, projenVersion: '0.103.25' });
    expect(text).toContain("import { MlopsProject, TOOL_VERSIONS } from 'sagemaker-gitops/lib/project';");
    expect(text).toContain("projenVersion: '0.103.25',");
    expect(text).toContain("modelBuild: { connectionArn: PLACEHOLDER_CONNECTION_ARN, repository: 'example-org/churn-model-build' },");
    expect(text).toContain("project.gitignore.include('/vendor/*.tgz');");
    expect(text).toMatch(/\n  mlflow: \{\},\n\}\);/);
  });
});
