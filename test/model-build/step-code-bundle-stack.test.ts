import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import * as tar from 'tar';
import { MLFLOW_VERSIONS, mlflowRequirements } from '../../src/config';
import { sklearnImage } from '../../src/images';
import { ModelBuildApp, ModelBuildStack } from '../../src/model-build';
import { StepCodeBundleAssets } from '../../src/model-build/step-code-bundle-assets';
import { SEED_MODEL_BUILD_REPO, testConfig } from '../helpers/validated-synth';

/** The model-build stack of the seed repository, with `mlflow` options. */
const stackOf = (mlflow?: Record<string, unknown>): ModelBuildStack =>
  new ModelBuildApp({ config: testConfig(mlflow === undefined ? {} : { mlflow }), repoDir: SEED_MODEL_BUILD_REPO }).modelBuildStack;

const stepCodeOf = (stack: ModelBuildStack) => stack.node.findChild('StepCode') as StepCodeBundleAssets;

/** The paths and contents of a tar.gz file's entries. */
function entries(file: string): Record<string, string> {
  const found: Record<string, string> = {};
  tar.t({
    file,
    sync: true,
    onReadEntry: (entry) => {
      const chunks: Buffer[] = [];
      entry.on('data', (chunk: Buffer) => chunks.push(chunk));
      entry.on('end', () => { found[entry.path] = Buffer.concat(chunks).toString('utf-8'); });
    },
  });
  return found;
}

describe('the model-build stack\'s step code', () => {
  const plain = stackOf();
  const withMlflow = stackOf({});
  const steps = (stack: ModelBuildStack): any[] => stack.definition.toJSON().Steps;

  test('one tar.gz bundle and runproc.sh, uploaded as file assets; the processing steps run runproc.sh under its asset name', () => {
    const { bundleAsset, entrypointAsset } = stepCodeOf(plain);
    for (const step of [steps(plain)[0], steps(plain)[2]]) {
      expect(step.Arguments.AppSpecification.ContainerEntrypoint).toEqual([
        '/bin/bash', `/opt/ml/processing/input/entrypoint/${entrypointAsset.assetHash}.sh`, `${step.Name.toLowerCase()}.py`,
      ]);
      const inputs = Object.fromEntries(step.Arguments.ProcessingInputs.map((i: any) => [i.InputName, plain.resolve(i.S3Input.S3Uri)]));
      expect(inputs.code).toEqual(plain.resolve(bundleAsset.s3ObjectUrl));
      expect(inputs.entrypoint).toEqual(plain.resolve(entrypointAsset.s3ObjectUrl));
      // The object key (the name SageMaker downloads it as) is <hash>.gz: runproc.sh unpacks the one *.gz there.
      expect(JSON.stringify(inputs.code)).toMatch(new RegExp(`/${bundleAsset.assetHash}\\.gz"`));
    }
  });

  test('Train runs train.py from the same bundle (sagemaker_submit_directory) in script mode', () => {
    const train = steps(plain)[1];
    expect(train.Arguments.HyperParameters.sagemaker_program).toBe('train.py');
    expect(plain.resolve(train.Arguments.HyperParameters.sagemaker_submit_directory)).toEqual(plain.resolve(stepCodeOf(plain).bundleAsset.s3ObjectUrl));
    expect(train.Arguments.HyperParameters.sagemaker_region).toBe('us-east-1');
  });

  test('Preprocess runs on the scikit-learn 1.4-2 image (Python 3.10)', () => {
    expect(steps(plain)[0].Arguments.AppSpecification.ImageUri).toBe(sklearnImage('us-east-1', '1.4-2').uri);
  });

  test('the execution role may read both objects', () => {
    const template = Template.fromStack(plain);
    const statements = Object.values<any>(template.findResources('AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement);
    const resources = JSON.stringify(statements.filter((s) => [s.Action].flat().includes('s3:GetObject')).map((s) => s.Resource));
    for (const asset of [stepCodeOf(plain).bundleAsset, stepCodeOf(plain).entrypointAsset]) {
      expect(resources).toContain(asset.s3ObjectKey);
    }
  });

  test('the bundle holds the seed\'s scripts but not their tests; requirements.txt (the pinned client and plugin) only with MLflow', () => {
    const without = entries(stepCodeOf(plain).files.bundle);
    expect(Object.keys(without)).toEqual(expect.arrayContaining(['preprocess.py', 'train.py', 'evaluate.py', 'tracking.py']));
    expect(Object.keys(without).filter((name) => name.startsWith('test_') || name === 'conftest.py' || name === 'requirements.txt')).toEqual([]);
    expect(without['train.py']).toBe(fs.readFileSync(path.join(SEED_MODEL_BUILD_REPO, 'pipelines', 'train.py'), 'utf-8'));

    const withRequirements = entries(stepCodeOf(withMlflow).files.bundle);
    expect(withRequirements['requirements.txt']).toBe(mlflowRequirements(MLFLOW_VERSIONS.client));
    expect(stepCodeOf(withMlflow).bundleAsset.assetHash).not.toBe(stepCodeOf(plain).bundleAsset.assetHash);
  });

  test('another synthesis of the same repository gives the same asset hashes (the bundle is byte-identical)', () => {
    const again = stackOf();
    expect(stepCodeOf(again).bundleAsset.assetHash).toBe(stepCodeOf(plain).bundleAsset.assetHash);
    expect(stepCodeOf(again).entrypointAsset.assetHash).toBe(stepCodeOf(plain).entrypointAsset.assetHash);
    expect(fs.readFileSync(stepCodeOf(again).files.bundle).equals(fs.readFileSync(stepCodeOf(plain).files.bundle))).toBe(true);
  });

  test('a repository without train.py is refused, naming it', () => {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'model-build-no-train-'));
    try {
      fs.cpSync(path.join(SEED_MODEL_BUILD_REPO, 'pipelines'), path.join(repo, 'pipelines'), { recursive: true });
      fs.rmSync(path.join(repo, 'pipelines', 'train.py'));
      expect(() => new ModelBuildApp({ config: testConfig(), repoDir: repo }))
        .toThrow(`the model-build repository has no pipelines/train.py (looked in ${repo}); the pipeline runs it`);
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
    }
  });
});
