import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, MLFLOW_VERSIONS, ProjectConfig, mlflowRequirements, renderConfigFile } from '../../src/config';
import {
  LOCAL_ARTIFACT_BUCKET, LocalRunError, fileUri, localMlflowTracking, localPipeline, newExecutionId, runModelBuildLocally,
} from '../../src/local-run';
import { ModelBuildApp } from '../../src/model-build';
import { writeStepCode } from '../../src/model-build/step-code-bundle';
import { SEED_MODEL_BUILD_REPO, testConfig } from '../helpers/validated-synth';

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-model-build-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A model-build repository in the test folder: the config file, and the seed's scripts and sample data. */
function repo(config: ProjectConfig = testConfig()): string {
  const root = path.join(dir, 'repo');
  fs.mkdirSync(root, { recursive: true });
  fs.writeFileSync(path.join(root, CONFIG_FILE_NAME), JSON.stringify(renderConfigFile(config)));
  fs.cpSync(path.join(SEED_MODEL_BUILD_REPO, 'pipelines'), path.join(root, 'pipelines'), { recursive: true });
  fs.cpSync(path.join(SEED_MODEL_BUILD_REPO, 'data'), path.join(root, 'data'), { recursive: true });
  return root;
}

/**
 * A definition's JSON with the values that differ between the deployed stack and a local run
 * (CDK tokens for the role, bucket, key and script assets; the local stand-ins) replaced by <resource>.
 */
function normalized(json: unknown): unknown {
  return JSON.parse(JSON.stringify(json), (_key, value) => {
    if (typeof value !== 'string') {
      return value;
    }
    if (value.includes('${Token[') || value.startsWith('file://') || value === LOCAL_ARTIFACT_BUCKET || /^arn:aws:(iam|kms):[^:]*:000000000000:/.test(value)) {
      return '<resource>';
    }
    // The stack names runproc.sh by its asset hash, the local run by its file name.
    return value.replace(/^\/opt\/ml\/processing\/input\/entrypoint\/[^/]+\.sh$/, '/opt/ml/processing/input/entrypoint/<runproc>.sh');
  });
}

describe('localPipeline', () => {
  test('builds the definition the model-build stack deploys: same steps, parameters, arguments, property files and conditions', () => {
    const config = testConfig();
    const deployed = new ModelBuildApp({ config, repoDir: SEED_MODEL_BUILD_REPO }).modelBuildStack.definition;
    const local = localPipeline({ repoDir: SEED_MODEL_BUILD_REPO, config });
    expect(local.pipelineName).toBe('player-churn-training');
    expect(local.region).toBe('us-east-1');
    expect(local.buckets).toEqual([LOCAL_ARTIFACT_BUCKET]);
    expect(local.definition.steps.map((s) => s.name)).toEqual(deployed.steps.map((s) => s.name));
    expect(normalized(local.definition.toJSON())).toEqual(normalized(deployed.toJSON()));
  });

  test('the stand-ins: the code bundle, runproc.sh and the sample as file:// URIs, the artifact bucket, account 000000000000', () => {
    const definition = localPipeline({ repoDir: SEED_MODEL_BUILD_REPO, config: testConfig() }).definition.toJSON();
    const json = JSON.stringify(definition);
    const code = writeStepCode(path.join(SEED_MODEL_BUILD_REPO, 'pipelines'));
    expect(json).toContain(`"S3Uri":"${fileUri(code.bundle)}"`);
    expect(json).toContain(`"sagemaker_submit_directory":"${fileUri(code.bundle)}"`);
    expect(json).toContain(`"S3Uri":"${fileUri(code.entrypoint)}"`);
    expect(json).toContain('["/bin/bash","/opt/ml/processing/input/entrypoint/runproc.sh","preprocess.py"]');
    expect(json).toContain(`"DefaultValue":"${fileUri(path.join(SEED_MODEL_BUILD_REPO, 'data', 'player-churn.csv'))}"`);
    // Nothing is written into the repository (the bundle goes to a temporary folder named after its content).
    expect(fs.existsSync(path.join(SEED_MODEL_BUILD_REPO, '.local-run'))).toBe(false);
    expect(json).not.toContain('MLFLOW_TRACKING_URI');
    expect(json).toContain(`"s3:/","${LOCAL_ARTIFACT_BUCKET}","player-churn-training"`);
    expect(json).toContain('arn:aws:iam::000000000000:role/sagemaker-gitops-local-run');
  });

  test('with MLflow, the steps get the config\'s experiment and the bundle pins its client, as in the stack', () => {
    const arn = 'arn:aws:sagemaker:us-east-1:123456789012:mlflow-app/app-abcdef123456';
    const config = testConfig({ mlflow: { arn, artifactStoreUri: 's3://mlflow-artifacts-123456789012/player-churn', experimentName: 'churn-experiments' } });
    const definition = localPipeline({ repoDir: SEED_MODEL_BUILD_REPO, config }).definition.toJSON();
    const train = definition.Steps.find((step) => step.Name === 'Train') as any;
    expect(train.Arguments.Environment).toMatchObject({ MLFLOW_TRACKING_URI: arn, MLFLOW_EXPERIMENT_NAME: 'churn-experiments' });
    const code = writeStepCode(path.join(SEED_MODEL_BUILD_REPO, 'pipelines'), { requirements: mlflowRequirements(config.mlflow!.clientVersion) });
    expect(train.Arguments.HyperParameters.sagemaker_submit_directory).toBe(fileUri(code.bundle));
  });

  test('localMlflowTracking: an existing backend\'s ARN; for one the stack creates, an ARN of account 000000000000', () => {
    expect(localMlflowTracking(testConfig())).toBeUndefined();
    expect(localMlflowTracking(testConfig({ mlflow: {} }))).toEqual({
      trackingUri: 'arn:aws:sagemaker:us-east-1:000000000000:mlflow-app/app-local', experimentName: 'player-churn', clientVersion: MLFLOW_VERSIONS.client,
    });
    expect(localMlflowTracking(testConfig({ mlflow: { trackingServer: {} } }))?.trackingUri)
      .toBe('arn:aws:sagemaker:us-east-1:000000000000:mlflow-tracking-server/player-churn');
  });

  test('a repository without the step scripts is an error', () => {
    const root = repo();
    fs.rmSync(path.join(root, 'pipelines', 'evaluate.py'));
    expect(() => localPipeline({ repoDir: root, config: testConfig() }))
      .toThrow(new LocalRunError(`the model-build repository has no pipelines/evaluate.py (looked in ${root}); the pipeline runs it`));
  });
});

describe('runModelBuildLocally', () => {
  test('a folder without the config file is not a model-build repository', async () => {
    await expect(runModelBuildLocally({ repoDir: dir })).rejects.toThrow(
      `${dir} is not a model-build repository: it has no sagemaker-gitops.json; run the command in one, or give --repo <folder>`,
    );
  });

  test('with Model Monitor on, the baseline step cannot run locally and nothing runs', async () => {
    const root = repo(testConfig({ endpoints: { prod: { type: 'realtime', modelMonitor: {} } } }));
    await expect(runModelBuildLocally({ repoDir: root })).rejects.toThrow(
      /^step BaselineDataQuality is a Processing step that runs SageMaker Model Monitor's analyzer \(.*sagemaker-model-monitor-analyzer:latest\), which the local run cannot run/,
    );
    expect(fs.existsSync(path.join(root, '.local-run'))).toBe(false);
  });
});

describe('newExecutionId', () => {
  test('local-<UTC date>-<time>-<4 hex digits>, unique per call', () => {
    const now = new Date('2025-03-04T05:06:07.891Z');
    expect(newExecutionId(now)).toMatch(/^local-20250304-050607-[0-9a-f]{4}$/);
    const ids = new Set(Array.from({ length: 20 }, () => newExecutionId(now)));
    expect(ids.size).toBeGreaterThan(1);
  });
});
