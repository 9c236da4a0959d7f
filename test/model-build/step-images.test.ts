import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { mlflowRequirements } from '../../src/config';
import { stepImageBuildCommands } from '../../src/model-build/step-image-build';
import { stepImageDockerfile, stepImageRepositoryName, stepImageTag, stepImagesOf } from '../../src/model-build/step-images';
import { testConfig } from '../helpers/validated-synth';

const NETWORK = { subnetIds: ['subnet-0123456789abcdef0'], securityGroupIds: ['sg-0123456789abcdef0'], internetAccess: false };
const SKLEARN = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.4-2-cpu-py3';
const XGBOOST = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1';

describe('stepImagesOf', () => {
  test('offline jobs with MLflow: scikit-learn 1.4-2 and XGBoost 1.7-1 of the region, with the pinned requirements', () => {
    const images = stepImagesOf(testConfig({ mlflow: {}, jobNetwork: NETWORK }));
    expect(images.map((i) => [i.name, i.base.uri])).toEqual([['sklearn', SKLEARN], ['xgboost', XGBOOST]]);
    const frameworks = [{ name: 'scikit-learn', version: '1.4.2' }, { name: 'xgboost', version: '1.7.4' }];
    images.forEach((image, i) => {
      expect(image.requirements).toBe(mlflowRequirements());
      expect(image.dockerfile).toBe(stepImageDockerfile(image.base.uri, mlflowRequirements(), frameworks[i]));
      expect(image.tag).toMatch(new RegExp(`^${image.name}-[0-9a-f]{24}$`));
    });
    const frankfurt = stepImagesOf(testConfig({ region: 'eu-central-1', mlflow: {}, jobNetwork: NETWORK }));
    expect(frankfurt[0].base.uri).toBe('492215442770.dkr.ecr.eu-central-1.amazonaws.com/sagemaker-scikit-learn:1.4-2-cpu-py3');
  });

  // The project's containers option: the derived images are built FROM the selected versions and check their libraries
  // (aws/sagemaker-xgboost-container release-3.0.5 docker/3.0-5/base/Dockerfile.cpu: XGBOOST_VERSION=3.0.5;
  // aws/sagemaker-scikit-learn-container 1.2-1 requirements.txt: scikit-learn==1.2.1).
  test('containers: XGBoost 3.0-5 and scikit-learn 1.2-1 are the bases, with their library checks and other tags', () => {
    const images = stepImagesOf(testConfig({ mlflow: {}, jobNetwork: NETWORK, containers: { xgboost: '3.0-5', sklearn: '1.2-1' } }));
    expect(images.map((i) => i.base.uri)).toEqual([SKLEARN.replace('1.4-2', '1.2-1'), XGBOOST.replace('1.7-1', '3.0-5')]);
    expect(images[0].dockerfile).toContain('RUN test "$(python3 -c "import sklearn; print(sklearn.__version__)")" = 1.2.1\n');
    expect(images[1].dockerfile).toContain('RUN test "$(python3 -c "import xgboost; print(xgboost.__version__)")" = 3.0.5\n');
    const defaults = stepImagesOf(testConfig({ mlflow: {}, jobNetwork: NETWORK }));
    expect(images.map((i) => i.tag)).not.toContain(defaults[0].tag);
    expect(images.map((i) => i.tag)).not.toContain(defaults[1].tag);
  });

  test('none with internet access or without MLflow', () => {
    expect(stepImagesOf(testConfig({ mlflow: {}, jobNetwork: { ...NETWORK, internetAccess: true } }))).toEqual([]);
    expect(stepImagesOf(testConfig({ jobNetwork: NETWORK }))).toEqual([]);
    expect(stepImagesOf(testConfig())).toEqual([]);
  });

  test('the repository is named after the project, in lower case', () => {
    expect(stepImageRepositoryName(testConfig({ projectName: 'Player-Churn' }))).toBe('player-churn-step-images');
  });
});

describe('stepImageDockerfile and stepImageTag', () => {
  test('FROM the base, the pins installed with pip under the base\'s own library versions, and a check that mlflow and the plugin import', () => {
    expect(stepImageDockerfile(SKLEARN, 'mlflow==3.0.0\nsagemaker-mlflow==0.3.0\n')).toBe([
      `FROM ${SKLEARN}`,
      'RUN python3 -m pip freeze | grep -iE "^(numpy|pandas|scikit-learn|xgboost)==" > /tmp/container-libraries.txt; '
        + 'python3 -m pip install --no-cache-dir --disable-pip-version-check -c /tmp/container-libraries.txt mlflow==3.0.0 sagemaker-mlflow==0.3.0',
      'RUN python3 -c "import mlflow, sagemaker_mlflow"',
      '',
    ].join('\n'));
  });

  /**
   * The RUN lines, run by sh (as Docker runs them) against a stub python3 that plays the base image: pip freeze
   * lists its packages, pip install records its arguments and the constraints file, `-c` prints the library version.
   */
  function runDockerfile(dockerfile: string, installed: string, version: string): { status: number | null; calls: string; constraints: string } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'step-image-run-'));
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, 'python3'), [
      '#!/bin/bash',
      `echo "python3 $*" >> ${dir}/calls`,
      `if [ "$2" = pip ] && [ "$3" = freeze ]; then printf '${installed}'; exit 0; fi`,
      `if [ "$2" = pip ] && [ "$3" = install ]; then cp /tmp/container-libraries.txt ${dir}/constraints; exit 0; fi`,
      `if [ "$1" = -c ]; then echo ${version}; fi`,
    ].join('\n'), { mode: 0o755 });
    const runs = dockerfile.split('\n').filter((line) => line.startsWith('RUN ')).map((line) => line.slice(4));
    const result = spawnSync('sh', ['-c', runs.map((r) => `(${r}) || exit 1`).join('\n')], { cwd: dir, encoding: 'utf-8', env: { PATH: `${bin}:/usr/bin:/bin` } });
    const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf-8') : '');
    return { status: result.status, calls: read(path.join(dir, 'calls')), constraints: read(path.join(dir, 'constraints')) };
  }

  test('pip installs the pins constrained to the base\'s numpy, pandas, scikit-learn and xgboost, and the library check passes', () => {
    const dockerfile = stepImageDockerfile(XGBOOST, 'mlflow==3.0.0\n', { name: 'xgboost', version: '3.0.5' });
    const { status, calls, constraints } = runDockerfile(dockerfile, 'boto3==1.38.0\\nnumpy==2.1.0\\npandas==2.2.3\\nscikit-learn==1.5.2\\nxgboost==3.0.5\\n', '3.0.5');
    expect(status).toBe(0);
    expect(constraints).toBe('numpy==2.1.0\npandas==2.2.3\nscikit-learn==1.5.2\nxgboost==3.0.5\n');
    expect(calls).toContain('python3 -m pip install --no-cache-dir --disable-pip-version-check -c /tmp/container-libraries.txt mlflow==3.0.0\n');
  });

  test('a base whose framework library is not the version the table names fails the build', () => {
    const dockerfile = stepImageDockerfile(XGBOOST, 'mlflow==3.0.0\n', { name: 'xgboost', version: '3.0.5' });
    expect(runDockerfile(dockerfile, 'xgboost==1.7.4\\n', '1.7.4').status).toBe(1);
  });

  test('a requirement that is not an exact pin is refused (a content tag must name one image)', () => {
    expect(() => stepImageDockerfile(SKLEARN, 'mlflow>=3\n')).toThrow('a step image requirement must be a pin such as mlflow==3.0.0, got "mlflow>=3"');
    expect(() => stepImageDockerfile(SKLEARN, 'mlflow==3.0.0; rm -rf /\n')).toThrow(/must be a pin/);
  });

  test('the tag is a hash of the content: the same base and requirements give the same tag, another base or pin another', () => {
    const tag = (base: string, requirements: string) => stepImageTag('sklearn', stepImageDockerfile(base, requirements));
    const reqs = mlflowRequirements('3.0.0');
    expect(tag(SKLEARN, reqs)).toBe(tag(SKLEARN, reqs));
    expect(tag(SKLEARN, reqs)).not.toBe(tag(SKLEARN.replace('1.4-2', '1.2-1'), reqs));
    expect(tag(SKLEARN, reqs)).not.toBe(tag(SKLEARN, mlflowRequirements('3.1.0')));
    // An ECR image tag: at most 128 characters of [a-zA-Z0-9-_.] (PutImage, imageTag).
    expect(tag(SKLEARN, reqs)).toMatch(/^[a-zA-Z0-9_.-]{1,128}$/);
  });
});

/**
 * The build commands, run by bash against stub `aws` and `docker` commands that record their
 * arguments: DescribeImages decides whether an image is built and pushed.
 */
describe('stepImageBuildCommands', () => {
  const images = stepImagesOf(testConfig({ mlflow: {}, jobNetwork: NETWORK }));
  const commands = stepImageBuildCommands('us-east-1', images);

  function run(describe: 'found' | 'not-found' | 'denied'): { status: number | null; calls: string[]; dockerfiles: string; stderr: string } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'step-image-build-'));
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin);
    const log = path.join(dir, 'calls.log');
    const stub = (name: string, body: string) => fs.writeFileSync(path.join(bin, name), `#!/bin/bash\necho "${name} $*" >> ${log}\n${body}\n`, { mode: 0o755 });
    stub('aws', [
      'if [ "$2" = get-login-password ]; then echo token; exit 0; fi',
      describe === 'found' ? 'exit 0' : describe === 'not-found'
        ? 'echo "An error occurred (ImageNotFoundException) when calling the DescribeImages operation" >&2; exit 254'
        : 'echo "An error occurred (AccessDeniedException) when calling the DescribeImages operation" >&2; exit 254',
    ].join('\n'));
    stub('docker', `if [ "$1" = build ]; then cat >> ${path.join(dir, 'dockerfiles')}; fi; cat > /dev/null; exit 0`);
    const script = ['set -e', ...commands].join('\n');
    const result = spawnSync('bash', ['-c', script], {
      cwd: dir, encoding: 'utf-8',
      env: { PATH: `${bin}:/usr/bin:/bin`, STEP_IMAGE_REGISTRY: '123456789012.dkr.ecr.us-east-1.amazonaws.com', STEP_IMAGE_REPOSITORY: 'player-churn-step-images' },
    });
    const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf-8') : '');
    return { status: result.status, calls: read(log).trim().split('\n'), dockerfiles: read(path.join(dir, 'dockerfiles')), stderr: result.stderr };
  }

  test('logs in to the AWS registry of the region and to the project\'s', () => {
    const { calls } = run('found');
    expect(calls.filter((c) => c.startsWith('docker login'))).toEqual([
      'docker login --username AWS --password-stdin 683313688378.dkr.ecr.us-east-1.amazonaws.com',
      'docker login --username AWS --password-stdin 123456789012.dkr.ecr.us-east-1.amazonaws.com',
    ]);
  });

  test('a tag already in the repository is neither built nor pushed', () => {
    const { status, calls } = run('found');
    expect(status).toBe(0);
    expect(calls.filter((c) => c.startsWith('aws ecr describe-images'))).toEqual(images.map((i) =>
      `aws ecr describe-images --repository-name player-churn-step-images --image-ids imageTag=${i.tag}`));
    expect(calls.filter((c) => /^docker (build|push)/.test(c))).toEqual([]);
  });

  test('a missing tag is built from the Dockerfile and pushed under that tag', () => {
    const { status, calls, dockerfiles } = run('not-found');
    expect(status).toBe(0);
    const target = (tag: string) => `123456789012.dkr.ecr.us-east-1.amazonaws.com/player-churn-step-images:${tag}`;
    expect(calls.filter((c) => /^docker (build|push)/.test(c))).toEqual(images.flatMap((i) => [
      `docker build --pull --tag ${target(i.tag)} -`,
      `docker push ${target(i.tag)}`,
    ]));
    expect(dockerfiles).toBe(images.map((i) => i.dockerfile).join(''));
  });

  test('any other DescribeImages error fails the step, and nothing is built', () => {
    const { status, calls, stderr } = run('denied');
    expect(status).toBe(1);
    expect(stderr).toContain('AccessDeniedException');
    expect(calls.filter((c) => c.startsWith('docker build'))).toEqual([]);
  });
});
