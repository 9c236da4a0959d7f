import {
  ConfigError, MLFLOW_RESOURCE_NAME_PATTERN, MLFLOW_TRACKING_SERVER_CLIENTS, MLFLOW_VERSIONS, PROJECT_NAME_MAX_LENGTH, ProjectOptions, mlflowAppName, mlflowBackendKind,
  mlflowMonitoringExperimentName, parseArtifactStoreUri, parseProjectConfig, renderConfigFile, resolveProjectConfig,
} from '../../src/config';
import { testProjectOptions } from '../helpers/validated-synth';

const withOptions = (overrides: object) => ({ ...testProjectOptions(), ...overrides }) as ProjectOptions;
const APP_ARN = 'arn:aws:sagemaker:us-east-1:123456789012:mlflow-app/app-K53I5ZJMEUHZ';
const SERVER_ARN = 'arn:aws:sagemaker:us-east-1:123456789012:mlflow-tracking-server/team';
const STORE = 's3://team-mlflow-artifacts/player-churn';
const KEY_ARN = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const mlflowOf = (mlflow: object) => resolveProjectConfig(withOptions({ mlflow })).mlflow;

describe('the mlflow option', () => {
  test('mlflow: {} creates a serverless MLflow App (the default backend): experiment = project name, the pinned client, no automatic registration', () => {
    expect(mlflowOf({})).toEqual({
      backend: 'app', app: { automaticModelRegistration: false }, experimentName: 'player-churn', clientVersion: MLFLOW_VERSIONS.client,
    });
  });

  test('an app with a maintenance window and automatic model registration', () => {
    expect(mlflowOf({ app: { weeklyMaintenanceWindowStart: 'Sun:03:00', automaticModelRegistration: true }, experimentName: 'churn/experiments' })).toEqual({
      backend: 'app', app: { automaticModelRegistration: true, weeklyMaintenanceWindowStart: 'Sun:03:00' },
      experimentName: 'churn/experiments', clientVersion: MLFLOW_VERSIONS.client,
    });
  });

  test('a tracking server to create: size Small by default', () => {
    expect(mlflowOf({ trackingServer: { weeklyMaintenanceWindowStart: 'Tue:23:59' } })).toEqual({
      backend: 'tracking-server', trackingServer: { size: 'Small', weeklyMaintenanceWindowStart: 'Tue:23:59' },
      experimentName: 'player-churn', clientVersion: MLFLOW_VERSIONS.client,
    });
  });

  test('an existing app or tracking server, with its artifact store, key and client version', () => {
    expect(mlflowOf({ arn: APP_ARN, artifactStoreUri: STORE, artifactKmsKeyArn: KEY_ARN, clientVersion: '3.1.1' })).toEqual({
      backend: 'existing', arn: APP_ARN, artifactStoreUri: STORE, artifactKmsKeyArn: KEY_ARN, experimentName: 'player-churn', clientVersion: '3.1.1',
    });
    const server = mlflowOf({ arn: SERVER_ARN, artifactStoreUri: 's3://team-mlflow-artifacts', clientVersion: '2.16.2' })!;
    expect(server).toEqual({ backend: 'existing', arn: SERVER_ARN, artifactStoreUri: 's3://team-mlflow-artifacts', experimentName: 'player-churn', clientVersion: '2.16.2' });
    expect(mlflowBackendKind(server)).toBe('tracking-server');
    expect(mlflowBackendKind(mlflowOf({ arn: APP_ARN, artifactStoreUri: STORE })!)).toBe('app');
  });

  // SageMaker Developer Guide, "Integrate MLflow with your environment": the client matches a tracking server's
  // version; an MLflow App cannot be given a version and runs MLflow 3.4 or later, newer than the pinned client.
  test('an existing app without clientVersion gets the pinned client; a tracking server gets the client it names', () => {
    expect(mlflowOf({ arn: APP_ARN, artifactStoreUri: STORE })).toMatchObject({ backend: 'existing', clientVersion: MLFLOW_VERSIONS.client });
    for (const clientVersion of Object.values(MLFLOW_TRACKING_SERVER_CLIENTS)) {
      expect(mlflowOf({ arn: SERVER_ARN, artifactStoreUri: STORE, clientVersion })).toMatchObject({ backend: 'existing', clientVersion });
    }
  });

  test('an ARN of GovCloud (the other partition the sagemaker-mlflow plugin serves) in its own region', () => {
    const gov = 'arn:aws-us-gov:sagemaker:us-gov-west-1:123456789012:mlflow-app/app-1';
    expect(resolveProjectConfig(withOptions({ region: 'us-gov-west-1', mlflow: { arn: gov, artifactStoreUri: STORE } })).mlflow).toMatchObject({ arn: gov });
  });

  test('the deprecated mlflowTrackingServer still resolves into mlflow (a tracking server to create)', () => {
    const server = resolveProjectConfig(withOptions({ mlflowTrackingServer: { size: 'Medium' } }));
    expect(server.mlflow).toEqual({ backend: 'tracking-server', trackingServer: { size: 'Medium' }, experimentName: 'player-churn', clientVersion: MLFLOW_VERSIONS.client });
    expect(server).not.toHaveProperty('mlflowTrackingServer');
    expect(server).not.toHaveProperty('mlflowTrackingServerArn');
  });

  test.each([
    ['an app', { mlflow: {} }],
    ['an app with options', { mlflow: { app: { weeklyMaintenanceWindowStart: 'Mon:00:00', automaticModelRegistration: true }, experimentName: 'x' } }],
    ['a tracking server', { mlflow: { trackingServer: { size: 'Large' } } }],
    ['an existing backend', { mlflow: { arn: APP_ARN, artifactStoreUri: STORE, artifactKmsKeyArn: KEY_ARN, clientVersion: '3.1' } }],
    ['an existing app with the pinned client', { mlflow: { arn: APP_ARN, artifactStoreUri: STORE } }],
    ['an existing tracking server (its clientVersion is carried)', { mlflow: { arn: SERVER_ARN, artifactStoreUri: STORE, clientVersion: '2.13.2' } }],
    ['the deprecated server', { mlflowTrackingServer: {} }],
  ])('resolving a resolved config with %s gives the same config, also through the config file', (_what, overrides) => {
    const config = resolveProjectConfig(withOptions(overrides));
    expect(resolveProjectConfig(config)).toEqual(config);
    expect(parseProjectConfig(JSON.stringify(renderConfigFile(config)), 'sagemaker-gitops.json')).toEqual(config);
  });

  test('the monitoring experiment is <experimentName>-monitoring', () => {
    expect(mlflowMonitoringExperimentName(mlflowOf({ experimentName: 'churn' })!)).toBe('churn-monitoring');
  });

  // CloudFormation "AWS::SageMaker::MlflowApp" Name: ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,255}$ (CreateMlflowApp.Name).
  test('the app name <project>-mlflow is a valid MlflowApp Name for every valid project name', () => {
    for (const projectName of ['a', 'player-churn', 'a--b', 'a'.repeat(PROJECT_NAME_MAX_LENGTH)]) {
      expect(resolveProjectConfig(withOptions({ projectName, mlflow: {} })).mlflow?.backend).toBe('app');
      expect(mlflowAppName(projectName)).toMatch(MLFLOW_RESOURCE_NAME_PATTERN);
    }
  });

  test('parseArtifactStoreUri splits bucket and prefix', () => {
    expect(parseArtifactStoreUri('s3://b-1.x/a/b/')).toEqual({ bucket: 'b-1.x', prefix: 'a/b' });
    expect(parseArtifactStoreUri('s3://bucket')).toEqual({ bucket: 'bucket', prefix: '' });
    expect(() => parseArtifactStoreUri('https://bucket/x')).toThrow(ConfigError);
  });
});

describe('bad MLflow options are errors naming the option, the value and what is allowed', () => {
  test.each([
    // API Reference "DescribeMlflowApp": Arn pattern arn:aws[a-z\-]*:sagemaker:[a-z0-9\-]*:[0-9]{12}:mlflow-app/.*, length 1..128.
    ['a malformed ARN', { mlflow: { arn: 'arn:aws:sagemaker:us-east-1:123456789012:endpoint/x', artifactStoreUri: STORE } },
      /mlflow\.arn must be a SageMaker MLflow App ARN, arn:aws:sagemaker:<region>:<account>:mlflow-app\/<id> .*or a tracking server ARN.*got "arn:aws:sagemaker:us-east-1:123456789012:endpoint\/x"/],
    ['an app ARN with a short account', { mlflow: { arn: 'arn:aws:sagemaker:us-east-1:1234:mlflow-app/app-1', artifactStoreUri: STORE } }, /mlflow\.arn must be a SageMaker MLflow App ARN/],
    ['an app ARN over 128 characters', { mlflow: { arn: `arn:aws:sagemaker:us-east-1:123456789012:mlflow-app/app-${'A'.repeat(80)}`, artifactStoreUri: STORE } },
      /mlflow\.arn must be .*at most 128 characters/],
    // The ARN's region: the steps run in the build region (ProjectOptions.region / environments.build.region).
    ['an ARN of another region', { mlflow: { arn: APP_ARN.replace('us-east-1', 'eu-west-1'), artifactStoreUri: STORE } },
      /mlflow\.arn is in eu-west-1 but the project's pipeline runs in us-east-1 \(region\)/],
    ['an ARN of another region than the build environment', { environments: { build: { region: 'eu-west-1' } }, mlflow: { arn: APP_ARN, artifactStoreUri: STORE } },
      /mlflow\.arn is in us-east-1 but the project's pipeline runs in eu-west-1 \(environments\.build\.region\)/],
    ['an ARN in an unknown region', { mlflow: { arn: APP_ARN.replace('us-east-1', 'moon-1'), artifactStoreUri: STORE } }, /the region of mlflow\.arn must be an AWS region/],
    // aws/sagemaker-mlflow mlflow_sagemaker_helpers.py: the plugin resolves ARNs of the aws and aws-us-gov partitions only.
    ['a partition the sagemaker-mlflow plugin does not serve', { region: 'cn-north-1', mlflow: { arn: 'arn:aws-cn:sagemaker:cn-north-1:123456789012:mlflow-app/app-1', artifactStoreUri: STORE } },
      /mlflow\.arn is in the partition "aws-cn", but the sagemaker-mlflow plugin .* serves only aws and aws-us-gov/],
    ['both an ARN and an app to create', { mlflow: { app: {}, arn: APP_ARN, artifactStoreUri: STORE } }, /mlflow\.app and mlflow\.arn are both set: choose one MLflow backend/],
    ['both an ARN and a tracking server to create', { mlflow: { trackingServer: {}, arn: SERVER_ARN, artifactStoreUri: STORE } }, /mlflow\.trackingServer and mlflow\.arn are both set/],
    ['both an app and a tracking server', { mlflow: { app: {}, trackingServer: {} } }, /mlflow\.app and mlflow\.trackingServer are both set/],
    ['the new option and the deprecated ARN', { mlflow: {}, mlflowTrackingServerArn: SERVER_ARN }, /^mlflowTrackingServerArn is no longer accepted/],
    ['the new option and the deprecated server', { mlflow: {}, mlflowTrackingServer: {} }, /mlflow and the deprecated mlflowTrackingServer are both set: use only mlflow \(mlflowTrackingServer is now mlflow\.trackingServer\)/],
    // SageMaker dg "Set up IAM permissions for MLflow Apps" (identity-based permissions only) and aws/sagemaker-mlflow v0.2.0
    // "Cross-Account SageMaker MLflow access using assume_role_arn": no resource-based policy, a role calls its own account's backend.
    ['an ARN of another account than the build account', { environments: { build: { account: '111111111111' } }, mlflow: { arn: APP_ARN, artifactStoreUri: STORE } },
      /mlflow\.arn is in the account 123456789012, but the project's build account is 111111111111 \(environments\.build\.account\): .*no resource-based policy.*got "arn:aws:sagemaker:us-east-1:123456789012:mlflow-app\/app-K53I5ZJMEUHZ"/],
    ['the deprecated ARN with the deprecated server', { mlflowTrackingServerArn: SERVER_ARN, mlflowTrackingServer: {} }, /^mlflowTrackingServerArn is no longer accepted/],
    ['the deprecated ARN, even malformed', { mlflowTrackingServerArn: 'arn:aws:sagemaker:us-east-1:1234:endpoint/x' },
      /^mlflowTrackingServerArn is no longer accepted, got "arn:aws:sagemaker:us-east-1:1234:endpoint\/x".*--tracking-server-name <name> /],
    // mlflow/utils/validation.py _validate_experiment_name: not empty (and at most 500). SageMaker API Reference,
    // CreateProcessingJob: Environment values of at most 256 characters; the steps get the name as MLFLOW_EXPERIMENT_NAME
    // and the drift check's job `<name>-monitoring`, so at most 245.
    ['an empty experiment name', { mlflow: { experimentName: '' } }, /mlflow\.experimentName must be a non-empty name of at most 245 characters \(the steps receive it in their environment, whose values CreateProcessingJob takes up to 256 characters, and the drift check's experiment adds -monitoring\), got ""/],
    ['an experiment name of 246 characters', { mlflow: { experimentName: 'e'.repeat(246) } }, /mlflow\.experimentName must be a non-empty name of at most 245 characters/],
    ['an experiment name of 500 characters (MLflow\'s own limit)', { mlflow: { experimentName: 'e'.repeat(500) } }, /mlflow\.experimentName must be a non-empty name of at most 245 characters/],
    ['an experiment name that is not a string', { mlflow: { experimentName: 7 } }, /mlflow\.experimentName .*got 7/],
    // API Reference "CreateMlflowTrackingServer" / "CreateMlflowApp": ArtifactStoreUri is required; the role must reach it.
    ['an ARN without its artifact store', { mlflow: { arn: APP_ARN } }, /mlflow\.artifactStoreUri is required with mlflow\.arn/],
    // The MLflow client uploads artifacts to the store with the job's credentials: a resolved config without one is refused too.
    ['a resolved existing backend without its artifact store', { mlflow: { backend: 'existing', arn: SERVER_ARN, experimentName: 'player-churn', clientVersion: '3.0.0' } },
      /mlflow\.artifactStoreUri is required with mlflow\.arn/],
    ['an artifact store that is not an S3 URI', { mlflow: { arn: APP_ARN, artifactStoreUri: 'https://bucket/x' } }, /mlflow\.artifactStoreUri must be an S3 URI s3:\/\/<bucket>\/<prefix> .*got "https:\/\/bucket\/x"/],
    // Amazon S3 User Guide "General purpose bucket naming rules": 3..63 lowercase letters, digits, dots, hyphens.
    ['an artifact bucket S3 refuses', { mlflow: { arn: APP_ARN, artifactStoreUri: 's3://Team_Bucket/x' } }, /mlflow\.artifactStoreUri must be .*valid bucket name/],
    // AWS KMS Developer Guide "Key identifiers": IAM policies authorize key use by key ARN, not alias.
    ['an artifact key given as an alias', { mlflow: { arn: APP_ARN, artifactStoreUri: STORE, artifactKmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:alias/mlflow' } },
      /mlflow\.artifactKmsKeyArn must be a KMS key ARN, .*not an alias/],
    ['an artifact store with a created app', { mlflow: { artifactStoreUri: STORE } }, /mlflow\.artifactStoreUri is only for an existing backend \(mlflow\.arn\)/],
    ['an artifact key with a created tracking server', { mlflow: { trackingServer: {}, artifactKmsKeyArn: KEY_ARN } }, /mlflow\.artifactKmsKeyArn is only for an existing backend/],
    ['a client version with a created app', { mlflow: { clientVersion: '3.10.0' } }, /mlflow\.clientVersion is only for an existing backend \(mlflow\.arn\): .*pinned to/],
    ['a client version that is no version', { mlflow: { arn: APP_ARN, artifactStoreUri: STORE, clientVersion: 'latest' } }, /mlflow\.clientVersion must be an mlflow release such as .*got "latest"/],
    // SageMaker Developer Guide, "Integrate MLflow with your environment": the client must match the tracking server's version.
    ['a tracking server ARN without clientVersion', { mlflow: { arn: SERVER_ARN, artifactStoreUri: STORE } },
      /^mlflow\.clientVersion is required with a tracking server ARN \(mlflow\.arn "arn:aws:sagemaker:us-east-1:123456789012:mlflow-tracking-server\/team"\)/],
    // aws/sagemaker-mlflow setup.py install_requires: mlflow>=2.8.
    ['a client older than the sagemaker-mlflow plugin accepts', { mlflow: { arn: SERVER_ARN, artifactStoreUri: STORE, clientVersion: '2.7.1' } }, /at least 2\.8 \(sagemaker-mlflow requires mlflow>=2\.8\), got "2\.7\.1"/],
    // CloudFormation "AWS::SageMaker::MlflowApp" WeeklyMaintenanceWindowStart: (Mon|Tue|Wed|Thu|Fri|Sat|Sun):([01]\d|2[0-3]):([0-5]\d).
    ['a maintenance window in upper case', { mlflow: { app: { weeklyMaintenanceWindowStart: 'SUN:03:00' } } },
      /mlflow\.app\.weeklyMaintenanceWindowStart must be a weekly UTC start time Ddd:HH:MM .*got "SUN:03:00"/],
    ['a maintenance window at hour 24', { mlflow: { app: { weeklyMaintenanceWindowStart: 'Sun:24:00' } } }, /weeklyMaintenanceWindowStart must be .*got "Sun:24:00"/],
    // CloudFormation "AWS::SageMaker::MlflowTrackingServer" WeeklyMaintenanceWindowStart, same pattern.
    ['a tracking server maintenance window without minutes', { mlflow: { trackingServer: { weeklyMaintenanceWindowStart: 'Tue:3' } } },
      /mlflow\.trackingServer\.weeklyMaintenanceWindowStart must be .*got "Tue:3"/],
    // CloudFormation "AWS::SageMaker::MlflowTrackingServer" TrackingServerSize: Small | Medium | Large.
    ['a tracking server size SageMaker does not have', { mlflow: { trackingServer: { size: 'XL' } } }, /mlflow\.trackingServer\.size must be one of Small, Medium, Large, got "XL"/],
    ['automatic registration that is not a boolean', { mlflow: { app: { automaticModelRegistration: 'yes' } } }, /mlflow\.app\.automaticModelRegistration must be true or false, got "yes"/],
    ['an unknown mlflow field', { mlflow: { trackingServerArn: SERVER_ARN } }, /mlflow has an unknown field "trackingServerArn"; allowed: app, trackingServer, arn, artifactStoreUri/],
    ['an unknown app field', { mlflow: { app: { size: 'Small' } } }, /mlflow\.app has an unknown field "size"; allowed: weeklyMaintenanceWindowStart, automaticModelRegistration/],
    ['an unknown tracking server field', { mlflow: { trackingServer: { version: '3.0' } } }, /mlflow\.trackingServer has an unknown field "version"; allowed: size, weeklyMaintenanceWindowStart/],
    ['mlflow that is not an object', { mlflow: true }, /mlflow must be an object, got true/],
    ['a resolved backend that disagrees with its fields', { mlflow: { backend: 'existing', app: {} } }, /mlflow\.backend is "existing" but the fields given make it "app"/],
  ])('%s', (_what, overrides, message) => {
    expect(() => resolveProjectConfig(withOptions(overrides))).toThrow(ConfigError);
    expect(() => resolveProjectConfig(withOptions(overrides))).toThrow(message);
  });

  test('an ARN of the build account is accepted, and so is any account when the build account is not known (environment-agnostic)', () => {
    const inBuild = resolveProjectConfig(withOptions({ environments: { build: { account: '123456789012' } }, mlflow: { arn: APP_ARN, artifactStoreUri: STORE } }));
    expect(inBuild.mlflow).toMatchObject({ backend: 'existing', arn: APP_ARN });
    expect(mlflowOf({ arn: APP_ARN, artifactStoreUri: STORE })).toMatchObject({ backend: 'existing', arn: APP_ARN });
  });

  // SageMaker Developer Guide, "Integrate MLflow with your environment" (tracking server 2.13.x: mlflow==2.13.2,
  // 2.16.x: mlflow==2.16.2, 3.0.x: mlflow==3.0.0); API Reference "DescribeMlflowTrackingServer" (MlflowVersion).
  test('a tracking server ARN without clientVersion: the error names the option, the ARN, the pairing and how to read the server\'s version', () => {
    expect(() => mlflowOf({ arn: SERVER_ARN, artifactStoreUri: STORE })).toThrow(new ConfigError(
      `mlflow.clientVersion is required with a tracking server ARN (mlflow.arn "${SERVER_ARN}"): the mlflow client must match the server's MLflow version ` +
      '(tracking server 2.13.x: mlflow==2.13.2, 2.16.x: mlflow==2.16.2, 3.0.x: mlflow==3.0.0; a 3.x client\'s log_model fails against a 2.x server, ' +
      'and the steps only warn, so the model would silently not be logged); read the server\'s version with ' +
      '`aws sagemaker describe-mlflow-tracking-server --tracking-server-name team --query MlflowVersion`',
    ));
  });

  // API Reference "DescribeMlflowTrackingServer": ArtifactStoreUri and MlflowVersion; the MLflow client uploads
  // artifacts to the store with the job's credentials, so a role without access to it has every upload denied.
  test('the deprecated mlflowTrackingServerArn is refused, showing the mlflow option to write instead', () => {
    expect(() => resolveProjectConfig(withOptions({ mlflowTrackingServerArn: SERVER_ARN }))).toThrow(new ConfigError(
      `mlflowTrackingServerArn is no longer accepted, got "${SERVER_ARN}": it names no artifact store, so the steps' role would get no S3 access ` +
      'and every artifact upload (the model, evaluation.json, figures) would be denied, and the mlflow client version could not be set to the server\'s. ' +
      `Write instead mlflow: { arn: '${SERVER_ARN}', artifactStoreUri: 's3://<bucket>/<prefix>', clientVersion: '<2.13.2, 2.16.2 or 3.0.0, per the server version>' } ` +
      '(tracking server 2.13.x: mlflow==2.13.2, 2.16.x: mlflow==2.16.2, 3.0.x: mlflow==3.0.0); read the server\'s ArtifactStoreUri and MlflowVersion with ' +
      '`aws sagemaker describe-mlflow-tracking-server --tracking-server-name team --query "[ArtifactStoreUri,MlflowVersion]"`',
    ));
  });

  test('an experiment name of exactly 245 characters is accepted', () => {
    expect(mlflowOf({ experimentName: 'e'.repeat(245) })?.experimentName).toHaveLength(245);
  });

  // SageMaker API Reference, CreateProcessingJob: Environment values of at most 256 characters; the steps get the
  // ARN as MLFLOW_TRACKING_URI. A tracking server name may be 256 characters (CreateMlflowTrackingServer), its ARN longer.
  test('a tracking server ARN longer than 256 characters is refused, naming the option and the limit', () => {
    const long = `arn:aws:sagemaker:us-east-1:123456789012:mlflow-tracking-server/${'s'.repeat(200)}`;
    expect(() => mlflowOf({ arn: long, artifactStoreUri: STORE, clientVersion: '3.0.0' })).toThrow(
      `mlflow.arn is ${long.length} characters long; the pipeline's processing steps receive it as MLFLOW_TRACKING_URI, and CreateProcessingJob takes environment values of at most 256 characters`);
    const fits = `arn:aws:sagemaker:us-east-1:123456789012:mlflow-tracking-server/${'s'.repeat(256 - 64)}`;
    expect(fits).toHaveLength(256);
    expect(mlflowOf({ arn: fits, artifactStoreUri: STORE, clientVersion: '3.0.0' })).toMatchObject({ arn: fits });
  });
});
