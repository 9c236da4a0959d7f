import { javascript, typescript } from 'projen';
import { LIBRARY_NAME, LIBRARY_VERSION } from '../src/app-context/versions';
import { LockSeed } from './lock-seed';
import { REVIEWED_INSTALL_SCRIPTS } from '../src/project/repo-files';

/** The tsconfig file of `npm test`'s type-check of everything outside src/ (compile checks src/). */
export const TYPE_CHECK_TSCONFIG = 'tsconfig.check.json';

/** The folders of the example project's generated repositories. */
export const GENERATED_REPO_DIRS = ['model-build', 'model-deploy'];

/**
 * Root-only settings that have no option in TypeScriptProjectOptions: the package version,
 * what is ignored and packed, and the tasks behind `npm run synth` and `npm test`.
 */
export function configureRootProject(project: typescript.TypeScriptProject): void {
  project.package.addField('version', LIBRARY_VERSION);
  project.package.addField('files', ['lib/', 'seed-code/', 'schemas/', 'templates/']);
  // The install scripts reviewed, as in the generated repositories (src/project/repo-files.ts).
  project.package.addField('allowScripts', { ...REVIEWED_INSTALL_SCRIPTS });
  // Python's byte code: the seed tests put seed-code/model-build/tests/mlflow_stub on PYTHONPATH.
  project.gitignore.exclude('cdk.out/', '.cdk.staging/', '/bench/results.json', '__pycache__/', '*.pyc');
  project.npmignore?.exclude(...GENERATED_REPO_DIRS.map((dir) => `/${dir}/`), '/projenrc/', '/bench/', '/.ci/', 'cdk.out/', '__pycache__/', '*.pyc');
  project.package.setScript('synth', 'npx projen synth');
  // Added before the example project, so that the seed is written before the toolkit is packed.
  new LockSeed(project, GENERATED_REPO_DIRS[0]);
  project.package.setScript('bench', 'npx projen bench');

  project.addTask('bench', {
    description: 'Benchmarks: synth and projen against their floors, scale, critical path and idle cost beside the first-party template, the local run; writes bench/results.json',
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    exec: 'tsx bench/run.ts',
    receiveArgs: true,
  });
  project.addTask('templates', {
    description: 'Synthesize the SageMaker Studio project and domain templates into templates/',
    exec: 'tsx projenrc/generate-templates.ts',
  });
  project.addTask('schema-validators', {
    description: 'Precompile the pipeline-definition schema\'s validator into schemas/pipeline-definition.validators.js',
    exec: 'tsx projenrc/generate-schema-validators.ts',
  });
  project.addTask('synth', {
    description: 'Generates the example repos, then synthesizes every stack of their apps into their cdk.out (no AWS credentials needed) and prints a summary',
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    // `npx projen` vendors the compiled library (and templates/) into the repos: compile and render first.
    steps: [
      { spawn: 'compile' },
      { spawn: 'templates' },
      { spawn: 'default' },
      { exec: `tsx projenrc/synth-apps.ts ${GENERATED_REPO_DIRS.join(' ')}` },
    ],
  });
  // `npm ci` links no bin for the package's link to itself while lib/ is not compiled: the generated
  // repos' scripts (`npm run local`) need it. Linking also makes its target executable, which a lib/
  // compiled anew (after `rm -rf lib`) is not: then the link is made again.
  const bin = `node_modules/.bin/${LIBRARY_NAME}`;
  project.compileTask.exec(`rm -f ${bin} && npm rebuild ${LIBRARY_NAME} --ignore-scripts --no-audit --no-fund`, {
    name: 'link the package\'s bin, executable, for the generated repos\' scripts',
    condition: `[ ! -x ${bin} ]`,
  });

  project.testTask.reset();
  project.testTask.env('AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED', 'true');
  project.testTask.exec('bash scripts/test-deps.sh', {
    name: 'the Python modules and moto the tests need: installs the Debian packages when allowed (root or passwordless sudo), else stops with the command to run',
  });
  project.testTask.spawn(project.compileTask);
  project.testTask.exec('tsx projenrc/check-generated.ts', { name: 'fail when `npx projen` would change committed files (it vendors the compiled lib/)' });
  // One program for .projenrc.ts, projenrc/, the tests and the benchmarks: their tsconfig files differ
  // only in what they include, and none declares globals, so one program reports what the three
  // would, reading src/ and aws-cdk-lib's types once (20 s instead of 45 s for three programs).
  new javascript.TypescriptConfig(project, {
    fileName: TYPE_CHECK_TSCONFIG,
    extends: javascript.TypescriptConfigExtends.fromPaths(['./tsconfig.json']),
    compilerOptions: { noEmit: true, rootDir: '.' },
    include: ['.projenrc.ts', 'projenrc/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    exclude: ['node_modules'],
  });
  project.testTask.exec(`tsc --noEmit -p ${TYPE_CHECK_TSCONFIG}`, { name: 'type-check .projenrc.ts, projenrc/, the tests and the benchmarks, in one program' });
  project.testTask.exec('jest --ci', { name: 'library tests' });
  project.addTask('test:coverage', {
    description: 'The library tests with a coverage report in coverage/ (npm test leaves coverage out: it cost a quarter of the time)',
    steps: [{ spawn: 'compile' }, { exec: 'jest --ci --coverage' }],
  });
  project.addTask('test:integration', {
    description: 'Integration tests of the CLI against a local moto server (installs moto first)',
    steps: [{ exec: 'bash scripts/install-moto.sh' }, { exec: 'jest --ci test/integration' }],
  });
  project.testTask.exec('bash scripts/python-tests.sh', { name: 'pytest: the seed step scripts and the drift check' });
  for (const dir of GENERATED_REPO_DIRS) {
    project.testTask.exec(`bash scripts/generated-repo-tests.sh ${dir}`, { name: `${dir}: type-check and its own tests, with a temporary folder removed afterwards` });
  }
}
