import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import * as tar from 'tar';
import { MLFLOW_VERSIONS, mlflowRequirements } from '../../src/config';
import { sklearnImage } from '../../src/images';
import { MLFLOW_APP_ACTIONS, MLFLOW_TRACKING_SERVER_ACTIONS } from '../../src/model-build/sagemaker-execution-role';
import { StepCodeBundleAssets } from '../../src/model-build/step-code-bundle-assets';
import { EndpointStack } from '../../src/model-deploy';
import { synthValidated, testConfig, validatedApp } from '../helpers/validated-synth';
import { MODEL, repo } from './fixtures';

/** The seed model-deploy repository: monitoring/ has drift_check.py, its tests and conftest.py. */
const SEED_MODEL_DEPLOY_REPO = path.join(__dirname, '..', '..', 'seed-code', 'model-deploy');

const APP_ARN = 'arn:aws:sagemaker:us-east-1:123456789012:mlflow-app/app-K53I5ZJMEUHZ';
const SERVER_ARN = 'arn:aws:sagemaker:us-east-1:123456789012:mlflow-tracking-server/team';
const KEY_ARN = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

/** The production endpoint stack (with its daily drift check) of a project with `overrides`, through every check. */
function synthProd(overrides: Record<string, unknown>, repoDir = repo()): { template: Template; stack: EndpointStack } {
  const app = validatedApp();
  const stack = new EndpointStack(app, 'prod-endpoint', { config: testConfig(overrides), stage: 'prod', model: MODEL, repoDir });
  return { template: synthValidated(app)[stack.stackName], stack };
}

/** The drift pipeline's definition as CloudFormation gets it, with each token (a Ref) in place of its string. */
function driftDefinition(template: Template): any {
  const pipelines = Object.values<any>(template.findResources('AWS::SageMaker::Pipeline'));
  expect(pipelines).toHaveLength(1);
  const body = pipelines[0].Properties.PipelineDefinition.PipelineDefinitionBody;
  const parts: unknown[] = typeof body === 'string' ? [body] : body['Fn::Join'][1];
  const text = parts.map((part, i) => (typeof part === 'string' ? part : `@@token${i}@@`)).join('');
  const restore = (value: any): any => {
    if (typeof value === 'string') {
      const token = /^@@token(\d+)@@$/.exec(value);
      return token ? parts[Number(token[1])] : value;
    }
    if (Array.isArray(value)) {
      return value.map(restore);
    }
    return value !== null && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, restore(v)])) : value;
  };
  return restore(JSON.parse(text));
}
const driftEnvironment = (template: Template): Record<string, unknown> => driftDefinition(template).Steps[0].Arguments.Environment;
const driftStatements = (template: Template): any[] => Object.entries<any>(template.findResources('AWS::IAM::Policy'))
  .filter(([id]) => id.startsWith('DriftMonitorRole'))
  .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement);
const sid = (template: Template, name: string) => driftStatements(template).find((s) => s.Sid === name);

describe('the drift check logs to MLflow', () => {
  test('without MLflow: no MLflow environment and no MLflow statement', () => {
    const { template } = synthProd({});
    // The drift check reads the production variant's captured requests only: a shadow variant's folder holds
    // copies of them (SageMaker Developer Guide, "Shadow variants"; drift_check.py reads CAPTURE_VARIANT).
    expect(driftEnvironment(template)).toEqual({ AWS_DEFAULT_REGION: 'us-east-1', CAPTURE_VARIANT: 'AllTraffic' });
    expect(JSON.stringify(driftStatements(template))).not.toMatch(/mlflow/i);
  });

  test('a created app: the ARN, bucket and key come from the model-build stack\'s SSM parameters; the monitoring experiment is <experiment>-monitoring', () => {
    const { template } = synthProd({ mlflow: { experimentName: 'churn' } });
    const env = driftEnvironment(template);
    expect(env).toEqual({
      AWS_DEFAULT_REGION: 'us-east-1',
      CAPTURE_VARIANT: 'AllTraffic',
      MLFLOW_TRACKING_URI: { Ref: expect.stringMatching(/^SsmParameterValue.*trackinguri/i) },
      MLFLOW_EXPERIMENT_NAME: 'churn',
      MLFLOW_MONITORING_EXPERIMENT_NAME: 'churn-monitoring',
    });
    const parameters = template.toJSON().Parameters;
    expect(Object.values<any>(parameters).filter((p) => p.Type === 'AWS::SSM::Parameter::Value<String>' && p.Default.startsWith('/sagemaker-gitops/')).map((p) => p.Default).sort()).toEqual([
      '/sagemaker-gitops/player-churn/mlflow/artifact-bucket',
      '/sagemaker-gitops/player-churn/mlflow/artifact-key-arn',
      '/sagemaker-gitops/player-churn/mlflow/tracking-uri',
    ]);
    // Service Authorization Reference "Amazon SageMaker": sagemaker:CallMlflowAppApi on the mlflow-app resource; the AWS
    // managed policy AmazonSageMakerJobFullAccess also grants the sagemaker-mlflow actions on mlflow-app/* ("Set up IAM
    // permissions for MLflow Apps": authorization for sagemaker-mlflow actions must be configured).
    expect(sid(template, 'LogToMlflowApp')).toMatchObject({
      Action: [...MLFLOW_APP_ACTIONS, ...MLFLOW_TRACKING_SERVER_ACTIONS].sort(), Resource: { Ref: expect.stringMatching(/trackinguri/i) },
    });
    expect(sid(template, 'LogToMlflowTrackingServer')).toBeUndefined();
    expect(sid(template, 'ReadWriteMlflowArtifacts').Resource).toEqual({
      'Fn::Join': ['', ['arn:aws:s3:::', { Ref: expect.stringMatching(/artifactbucket/i) }, '/mlflow/*']],
    });
    expect(sid(template, 'UseMlflowArtifactKey')).toMatchObject({ Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: { Ref: expect.stringMatching(/artifactkeyarn/i) } });
  });

  test('an existing tracking server: its ARN from the config, the sagemaker-mlflow actions on it, its artifact store and key', () => {
    const { template } = synthProd({ mlflow: { arn: SERVER_ARN, artifactStoreUri: 's3://team-mlflow/churn', artifactKmsKeyArn: KEY_ARN, clientVersion: '3.0.0' } });
    expect(driftEnvironment(template)).toMatchObject({ MLFLOW_TRACKING_URI: SERVER_ARN, MLFLOW_EXPERIMENT_NAME: 'player-churn', MLFLOW_MONITORING_EXPERIMENT_NAME: 'player-churn-monitoring' });
    // Service Authorization Reference "Amazon SageMaker with MLflow": the mlflow-tracking-server resource type.
    expect(sid(template, 'LogToMlflowTrackingServer').Resource).toBe(SERVER_ARN);
    expect(sid(template, 'LogToMlflowApp')).toBeUndefined();
    expect(sid(template, 'ReadWriteMlflowArtifacts').Resource).toBe('arn:aws:s3:::team-mlflow/churn/*');
    expect(sid(template, 'UseMlflowArtifactKey').Resource).toBe(KEY_ARN);
  });

  test('an existing app reaches a production stage in another region; the app statement is on its ARN', () => {
    const { template } = synthProd({ mlflow: { arn: APP_ARN, artifactStoreUri: 's3://team-mlflow' }, environments: { build: { account: '123456789012' }, prod: { account: '123456789012', region: 'eu-west-1' } } });
    expect(driftEnvironment(template)).toMatchObject({ MLFLOW_TRACKING_URI: APP_ARN });
    expect(sid(template, 'LogToMlflowApp').Resource).toBe(APP_ARN);
  });

  /*
   * SageMaker MLflow Apps and tracking servers have no resource-based policy, so a stage in another account logs
   * through the build account's <project>-mlflow-drift-logger role. IAM User Guide "IAM tutorial: Delegate access
   * across AWS accounts using IAM roles": the other account's principal needs sts:AssumeRole on the role's ARN in its
   * own policy as well as the role's trust; "AWS global condition context keys", aws:PrincipalArn: the request
   * context of a role's session holds the role's ARN (arn:aws:iam::<account>:role/<name>), so the job role gets the
   * fixed name the logger's trust policy names.
   */
  test('a production stage in another account logs through the build account\'s drift logger role, which its job role alone may assume', () => {
    const { template } = synthProd({ mlflow: { experimentName: 'churn' }, environments: { build: { account: '111111111111' }, prod: { account: '333333333333' } } });
    expect(driftEnvironment(template)).toEqual({
      AWS_DEFAULT_REGION: 'us-east-1',
      CAPTURE_VARIANT: 'AllTraffic',
      // A created App's ARN ends with an id SageMaker generates: the job reads it, with the assumed role, from the build account's parameter.
      MLFLOW_TRACKING_URI_PARAMETER: 'arn:aws:ssm:us-east-1:111111111111:parameter/sagemaker-gitops/player-churn/mlflow/tracking-uri',
      MLFLOW_EXPERIMENT_NAME: 'churn',
      MLFLOW_MONITORING_EXPERIMENT_NAME: 'churn-monitoring',
      MLFLOW_ASSUME_ROLE_ARN: 'arn:aws:iam::111111111111:role/player-churn-mlflow-drift-logger',
    });
    expect(sid(template, 'AssumeMlflowDriftLogger')).toEqual({
      Sid: 'AssumeMlflowDriftLogger', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::111111111111:role/player-churn-mlflow-drift-logger',
    });
    // Nothing else of MLflow or STS: the job role cannot reach the backend, its artifacts or its key itself.
    expect(driftStatements(template).filter((s) => /mlflow|sts:/i.test(JSON.stringify(s)))).toHaveLength(1);
    const roles = Object.entries<any>(template.findResources('AWS::IAM::Role')).filter(([id]) => id.startsWith('DriftMonitorRole'));
    expect(roles.map(([, role]) => role.Properties.RoleName)).toEqual(['player-churn-prod-drift-check']);
    // No SSM parameter of the build account is read at deploy time (CloudFormation reads parameters of its own account only).
    expect(JSON.stringify(template.toJSON().Parameters ?? {})).not.toContain('/sagemaker-gitops/');
  });

  test('an existing backend of the build account reaches a stage in another account by its ARN, through the drift logger role', () => {
    const { template } = synthProd({
      mlflow: { arn: SERVER_ARN, artifactStoreUri: 's3://team-mlflow/churn', clientVersion: '3.0.0' }, environments: { build: { account: '123456789012' }, prod: { account: '333333333333' } },
    });
    expect(driftEnvironment(template)).toMatchObject({ MLFLOW_TRACKING_URI: SERVER_ARN, MLFLOW_ASSUME_ROLE_ARN: 'arn:aws:iam::123456789012:role/player-churn-mlflow-drift-logger' });
    expect(driftEnvironment(template)).not.toHaveProperty('MLFLOW_TRACKING_URI_PARAMETER');
    expect(sid(template, 'LogToMlflowTrackingServer')).toBeUndefined();
  });

  test('a stage in another region of the build account, with a created backend, logs through the drift logger role too', () => {
    // "Systems Manager Parameter Store": a parameter is read in its own region; the stage stack cannot resolve the build
    // region's tracking-uri parameter, so the job reads it at run time with the logger role, as from another account.
    const { template } = synthProd({ mlflow: {}, environments: { build: { account: '111111111111' }, prod: { account: '111111111111', region: 'eu-west-1' } } });
    expect(driftEnvironment(template)).toMatchObject({
      MLFLOW_TRACKING_URI_PARAMETER: 'arn:aws:ssm:us-east-1:111111111111:parameter/sagemaker-gitops/player-churn/mlflow/tracking-uri',
      MLFLOW_ASSUME_ROLE_ARN: 'arn:aws:iam::111111111111:role/player-churn-mlflow-drift-logger',
    });
    expect(sid(template, 'AssumeMlflowDriftLogger')).toBeDefined();
    expect(JSON.stringify(template.toJSON().Parameters ?? {})).not.toContain('/sagemaker-gitops/');
  });

  test('a stage in the build account keeps logging with its own role: no assume-role, no fixed role name', () => {
    const { template } = synthProd({ mlflow: {}, environments: { build: { account: '111111111111' }, prod: { account: '111111111111' } } });
    expect(driftEnvironment(template)).not.toHaveProperty('MLFLOW_ASSUME_ROLE_ARN');
    expect(sid(template, 'AssumeMlflowDriftLogger')).toBeUndefined();
    expect(sid(template, 'LogToMlflowApp')).toBeDefined();
    const roles = Object.entries<any>(template.findResources('AWS::IAM::Role')).filter(([id]) => id.startsWith('DriftMonitorRole'));
    expect(roles.map(([, role]) => role.Properties.RoleName)).toEqual([undefined]);
  });

  test('bad input: an existing backend outside the build account cannot be reached from a stage in another account', () => {
    // No resource-based policy: only a role of the backend's own account may call it, and the drift logger role is in the build account.
    expect(() => synthProd({
      mlflow: { arn: APP_ARN, artifactStoreUri: 's3://team-mlflow' }, environments: { build: { account: '111111111111' }, prod: { account: '333333333333' } },
    })).toThrow(/mlflow\.arn is in the account 123456789012, but the project's build account is 111111111111 \(environments\.build\.account\).*no resource-based policy/);
  });
});

/** Folders the job runs leave, removed after the tests. */
const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** The drift job's code bundle and runproc.sh assets. */
const driftCode = (stack: EndpointStack) => stack.driftMonitor!.node.findChild('Code') as StepCodeBundleAssets;

/** The bundle's entries and their text. */
function bundleEntries(bundle: string): Record<string, string> {
  const entries: Record<string, string> = {};
  tar.t({
    file: bundle, sync: true,
    onReadEntry: (entry) => {
      const chunks: Buffer[] = [];
      entry.on('data', (chunk: Buffer) => chunks.push(chunk));
      entry.on('end', () => { entries[entry.path] = Buffer.concat(chunks).toString('utf-8'); });
    },
  });
  return entries;
}

/**
 * The job as SageMaker runs it: the bundle in the code folder under its S3 name (`<hash>.gz`), then
 * `ContainerEntrypoint + ContainerArguments`, with `bin` first on PATH.
 */
function runJob(stack: EndpointStack, step: any, bin: string): ReturnType<typeof spawnSync> & { code: string } {
  const { files, code: s3 } = driftCode(stack);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'drift-job-'));
  scratch.push(work);
  const code = path.join(work, 'code');
  fs.mkdirSync(code);
  fs.copyFileSync(files.bundle, path.join(code, s3.bundle.fileName));
  const [shell, , ...args] = step.Arguments.AppSpecification.ContainerEntrypoint as string[];
  const containerArgs = (step.Arguments.AppSpecification.ContainerArguments as unknown[]).map((a) => (typeof a === 'string' ? a : 'token'));
  const run = spawnSync(shell, [files.entrypoint, ...args, ...containerArgs], {
    encoding: 'utf-8', env: { PATH: `${bin}:/usr/bin:/bin`, SAGEMAKER_GITOPS_CODE_DIR: code },
  });
  return { ...run, code };
}

/*
 * The SageMaker Python SDK's FrameworkProcessor (src/sagemaker/processing.py): the code as one
 * sourcedir.tar.gz in ProcessingInput "code", a generated runproc.sh in ProcessingInput "entrypoint"
 * and ContainerEntrypoint ["/bin/bash", "/opt/ml/processing/input/entrypoint/runproc.sh", <script>], which
 * pip-installs the bundle's requirements.txt. The scikit-learn 1.4-2 image has Python 3.10
 * (aws/sagemaker-scikit-learn-container docker/1.4-2/base/Dockerfile.cpu), numpy 2.1.0, scipy, pandas
 * (docker/1.4-2/final/Dockerfile.cpu); the 1.2-1 image's Python 3.9 cannot install the pinned mlflow.
 */
describe('the drift job gets its packages as the model-build steps do', () => {
  test('scikit-learn 1.4-2 image, the role pulls from its repository; runproc.sh runs drift_check.py from the code bundle', () => {
    const { template, stack } = synthProd({});
    const step = driftDefinition(template).Steps[0];
    const image = sklearnImage('us-east-1', '1.4-2');
    expect(image.uri).toBe('683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.4-2-cpu-py3');
    expect(step.Arguments.AppSpecification.ImageUri).toBe(image.uri);
    expect(sid(template, 'PullStepImages').Resource).toBe('arn:aws:ecr:us-east-1:683313688378:repository/sagemaker-scikit-learn');
    const { bundleAsset, entrypointAsset } = driftCode(stack);
    expect(step.Arguments.AppSpecification.ContainerEntrypoint).toEqual(['/bin/bash', `/opt/ml/processing/input/entrypoint/${entrypointAsset.assetHash}.sh`, 'drift_check.py']);
    expect(step.Arguments.AppSpecification.ContainerArguments.slice(0, 2)).toEqual(['--capture-s3-uri', expect.anything()]);
    const inputs = step.Arguments.ProcessingInputs;
    expect(inputs.map((i: any) => [i.InputName, i.S3Input.LocalPath])).toEqual([
      ['code', '/opt/ml/processing/input/code'], ['entrypoint', '/opt/ml/processing/input/entrypoint'], ['baseline', '/opt/ml/processing/input/baseline'],
    ]);
    const assetUri = (file: string) => ({ 'Fn::Sub': `s3://cdk-hnb659fds-assets-\${AWS::AccountId}-us-east-1/${file}` });
    expect(inputs[0].S3Input.S3Uri).toEqual(assetUri(`${bundleAsset.assetHash}.gz`));
    expect(inputs[1].S3Input.S3Uri).toEqual(assetUri(`${entrypointAsset.assetHash}.sh`));
    // The role reads both objects and nothing else of the assets bucket.
    const reads = driftStatements(template).filter((s) => s.Action === 's3:GetObject' && s.Sid === undefined).flatMap((s) => s.Resource);
    expect(reads.map((r: any) => r['Fn::Join'][1][2])).toEqual([`/${bundleAsset.assetHash}.gz`, `/${entrypointAsset.assetHash}.sh`]);
  });

  test('without MLflow the bundle is drift_check.py alone: no tests, no conftest.py, no requirements.txt (nothing is installed)', () => {
    const { stack } = synthProd({}, SEED_MODEL_DEPLOY_REPO);
    expect(fs.readdirSync(path.join(SEED_MODEL_DEPLOY_REPO, 'monitoring'))).toEqual(expect.arrayContaining(['conftest.py', 'test_drift_check.py']));
    expect(bundleEntries(driftCode(stack).files.bundle)).toEqual({
      'drift_check.py': fs.readFileSync(path.join(SEED_MODEL_DEPLOY_REPO, 'monitoring', 'drift_check.py'), 'utf-8'),
    });
  });

  test('with MLflow the bundle adds the requirements.txt of the pinned client, or of an existing backend\'s clientVersion', () => {
    const created = driftCode(synthProd({ mlflow: {} }).stack);
    expect(Object.keys(bundleEntries(created.files.bundle))).toEqual(['drift_check.py', 'requirements.txt']);
    expect(bundleEntries(created.files.bundle)['requirements.txt']).toBe(mlflowRequirements(MLFLOW_VERSIONS.client));
    const existing = driftCode(synthProd({ mlflow: { arn: SERVER_ARN, artifactStoreUri: 's3://team-mlflow/churn', clientVersion: '3.1.4' } }).stack);
    expect(bundleEntries(existing.files.bundle)['requirements.txt']).toBe(`mlflow==3.1.4\nsagemaker-mlflow==${MLFLOW_VERSIONS.sagemakerMlflow}\n`);
  });

  test('a stage in another account logs to MLflow too, so its bundle installs the pinned requirements as in the build account', () => {
    const { stack } = synthProd({ mlflow: {}, environments: { build: { account: '111111111111' }, prod: { account: '333333333333' } } });
    expect(bundleEntries(driftCode(stack).files.bundle)).toMatchObject({ 'requirements.txt': mlflowRequirements(MLFLOW_VERSIONS.client) });
    expect(Object.keys(bundleEntries(driftCode(stack).files.bundle))).toEqual(['drift_check.py', 'requirements.txt']);
  });

  test('without MLflow the job runs the seed drift_check.py from the unpacked bundle with the image\'s packages alone', () => {
    const { template, stack } = synthProd({}, SEED_MODEL_DEPLOY_REPO);
    const step = driftDefinition(template).Steps[0];
    // The real python3 (numpy, pandas and scipy, as the image has); --help stops after the imports and argument parsing.
    step.Arguments.AppSpecification.ContainerArguments = ['--help'];
    const run = runJob(stack, step, path.join(os.tmpdir(), 'no-such-bin'));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^usage: drift_check\.py /);
    expect(run.stdout).not.toContain('installing');
  });

  test('with MLflow runproc.sh installs the pinned requirements, then runs drift_check.py with the job\'s arguments', () => {
    const { template, stack } = synthProd({ mlflow: {} });
    const step = driftDefinition(template).Steps[0];
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'drift-bin-'));
    scratch.push(bin);
    const calls = path.join(bin, 'calls.txt');
    fs.writeFileSync(path.join(bin, 'python3'), `#!/bin/bash\necho "python3 $*" >> ${calls}\n`, { mode: 0o755 });
    const run = runJob(stack, step, bin);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`installing requirements.txt of the code bundle:\n${mlflowRequirements(MLFLOW_VERSIONS.client)}`);
    const lines = fs.readFileSync(calls, 'utf-8').trim().split('\n');
    expect(lines[0]).toBe('python3 -m pip install --no-cache-dir --disable-pip-version-check -r requirements.txt');
    expect(lines[1]).toMatch(/^python3 drift_check\.py --capture-s3-uri s3:\/\/\S+\/datacapture\/player-churn-prod\/ --lookback-hours token --baseline-dir \/opt\/ml\/processing\/input\/baseline .* --publish-metrics$/);
    expect(lines).toHaveLength(2);
    expect(fs.readFileSync(path.join(run.code, 'requirements.txt'), 'utf-8')).toBe(mlflowRequirements(MLFLOW_VERSIONS.client));
  });
});
