import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ProjectConfig } from '../../src/config';
import { ArtifactStore } from '../../src/constructs';
import { MlflowBackend } from '../../src/model-build/mlflow-backend';
import { MlflowDriftLogger, crossAccountDriftChecks, mlflowDriftLoggerRoleArn } from '../../src/model-build/mlflow-drift-logger';
import { MLFLOW_APP_ACTIONS, MLFLOW_TRACKING_SERVER_ACTIONS } from '../../src/model-build/sagemaker-execution-role';
import { findingsOfStack, testConfig, validatedApp } from '../helpers/validated-synth';

const APP_ARN = 'arn:aws:sagemaker:us-east-1:111111111111:mlflow-app/app-K53I5ZJMEUHZ';
const KEY_ARN = 'arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const CROSS_ACCOUNT = { environments: { build: { account: '111111111111' }, prod: { account: '333333333333' } } };
const REALTIME_STAGING = { type: 'realtime', dataCapture: {}, driftMonitoring: {} };

/** The model-build stack's MLflow backend with the drift checks of `config`, as the model-build stack creates it. */
function build(stack: Stack, config: ProjectConfig): MlflowBackend {
  const store = new ArtifactStore(stack, 'Artifacts', { keyAlias: 'test', description: 'test' });
  return new MlflowBackend(stack, 'Mlflow', {
    projectName: config.projectName, mlflow: config.mlflow!, bucket: store.bucket, key: store.key, driftChecks: crossAccountDriftChecks(config),
  });
}

function synth(config: ProjectConfig): { stack: Stack; backend: MlflowBackend; template: Template } {
  const stack = new Stack(validatedApp(), 'Build', { env: { account: '111111111111', region: 'us-east-1' } });
  const backend = build(stack, config);
  return { stack, backend, template: Template.fromStack(stack) };
}

const loggerRole = (template: Template): any => {
  const roles = Object.values<any>(template.findResources('AWS::IAM::Role', { Properties: { RoleName: 'player-churn-mlflow-drift-logger' } }));
  expect(roles).toHaveLength(1);
  return roles[0].Properties;
};
const loggerStatements = (template: Template): any[] => Object.entries<any>(template.findResources('AWS::IAM::Policy'))
  .filter(([id]) => id.startsWith('MlflowDriftLogger'))
  .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement);

describe('crossAccountDriftChecks: the stages whose drift check logs through the build account', () => {
  test('a stage in another region of the build account: with a created backend (its ARN is in a parameter of the build region), not with one named by ARN', () => {
    const otherRegion = { build: { account: '111111111111' }, prod: { account: '111111111111', region: 'eu-west-1' } };
    expect(crossAccountDriftChecks(testConfig({ mlflow: {}, environments: otherRegion }))).toEqual([{ stage: 'prod', account: '111111111111', roleName: 'player-churn-prod-drift-check' }]);
    expect(crossAccountDriftChecks(testConfig({ mlflow: { arn: APP_ARN, artifactStoreUri: 's3://team-mlflow' }, environments: otherRegion }))).toEqual([]);
  });

  test('none without MLflow, or with every stage in the build account', () => {
    expect(crossAccountDriftChecks(testConfig(CROSS_ACCOUNT))).toEqual([]);
    expect(crossAccountDriftChecks(testConfig({ mlflow: {}, environments: { build: { account: '111111111111' }, prod: { account: '111111111111' } } }))).toEqual([]);
    expect(crossAccountDriftChecks(testConfig({ mlflow: {} }))).toEqual([]);
  });

  test('production in another account, with its fixed drift job role name; not staging (serverless: no captured data, no drift check)', () => {
    expect(crossAccountDriftChecks(testConfig({ mlflow: {}, environments: { build: { account: '111111111111' }, staging: { account: '222222222222' }, prod: { account: '333333333333' } } })))
      .toEqual([{ stage: 'prod', account: '333333333333', roleName: 'player-churn-prod-drift-check' }]);
  });

  test('a real-time staging endpoint with a drift check counts too; a production stage without one does not', () => {
    const config = testConfig({
      mlflow: {},
      environments: { build: { account: '111111111111' }, staging: { account: '222222222222' }, prod: { account: '333333333333' } },
      endpoints: { staging: REALTIME_STAGING, prod: { type: 'realtime', driftMonitoring: false } },
    });
    expect(crossAccountDriftChecks(config)).toEqual([{ stage: 'staging', account: '222222222222', roleName: 'player-churn-staging-drift-check' }]);
  });

  test('bad input: an existing backend outside the build account, which the build account\'s role cannot call (no resource-based policy)', () => {
    expect(() => crossAccountDriftChecks(testConfig({ ...CROSS_ACCOUNT, mlflow: { arn: APP_ARN.replace('111111111111', '444444444444'), artifactStoreUri: 's3://team-mlflow' } })))
      .toThrow(/^mlflow\.arn is in the account 444444444444, but the project's build account is 111111111111/);
    expect(crossAccountDriftChecks(testConfig({ ...CROSS_ACCOUNT, mlflow: { arn: APP_ARN, artifactStoreUri: 's3://team-mlflow' } }))).toHaveLength(1);
  });
});

describe('MlflowBackend creates <project>-mlflow-drift-logger for the drift checks of other accounts', () => {
  const { stack, backend, template } = synth(testConfig({ ...CROSS_ACCOUNT, mlflow: {} }));

  /*
   * IAM User Guide "AWS global condition context keys", aws:PrincipalArn: for a role's session the request context
   * holds the role's ARN, compared with ARN operators. "IAM JSON policy elements: Principal": a role ARN as the
   * principal is stored as the role's unique id (it breaks when the role is recreated, and the role must exist
   * first), hence the account principal narrowed by aws:PrincipalArn. "Passing session tags in AWS STS":
   * sts:TagSession is needed only to pass session tags, which drift_check.py does not.
   */
  test('trusted only by the stage account\'s drift job role, with sts:AssumeRole alone', () => {
    const role = loggerRole(template);
    expect(stack.resolve(role.AssumeRolePolicyDocument.Statement)).toEqual([{
      Action: 'sts:AssumeRole',
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::333333333333:root' },
      Condition: { ArnEquals: { 'aws:PrincipalArn': ['arn:aws:iam::333333333333:role/player-churn-prod-drift-check'] } },
    }]);
  });

  test('the ARN a stage computes at synth time is the role\'s: the build account, the partition and the name', () => {
    expect(mlflowDriftLoggerRoleArn('aws', '111111111111', 'player-churn')).toBe(`arn:aws:iam::${stack.account}:role/${loggerRole(template).RoleName}`);
    expect(template.findOutputs('MlflowDriftLoggerRoleArn')).toBeDefined();
    expect(backend.driftLogger?.role).toBeDefined();
  });

  // Service Authorization Reference "Amazon SageMaker": sagemaker:CallMlflowAppApi on the mlflow-app resource, with the
  // sagemaker-mlflow actions as the AWS managed policy AmazonSageMakerJobFullAccess grants them on mlflow-app/*;
  // "Amazon S3" and "AWS KMS" for the artifact store; "AWS Systems Manager": ssm:GetParameter on the parameter.
  test('exactly: the app\'s data-plane action on its ARN, the artifact prefix and its key, and the parameter holding the ARN', () => {
    const statements = stack.resolve(loggerStatements(template));
    expect(statements.map((s: any) => s.Sid)).toEqual(['LogToMlflowApp', 'ReadWriteMlflowArtifacts', 'ListMlflowArtifacts', 'UseMlflowArtifactKey', 'ReadMlflowArn']);
    const bySid = (name: string) => statements.find((s: any) => s.Sid === name);
    expect(bySid('LogToMlflowApp')).toMatchObject({ Action: [...MLFLOW_APP_ACTIONS, ...MLFLOW_TRACKING_SERVER_ACTIONS].sort(), Resource: { 'Fn::GetAtt': [stack.getLogicalId(backend.app!), 'Arn'] } });
    expect(JSON.stringify(bySid('ReadWriteMlflowArtifacts').Resource)).toContain('/mlflow/*');
    expect(bySid('ReadWriteMlflowArtifacts').Action).toEqual(['s3:GetObject', 's3:PutObject']);
    expect(bySid('ListMlflowArtifacts').Condition).toEqual({ StringLike: { 's3:prefix': ['mlflow/*'] } });
    expect(bySid('UseMlflowArtifactKey').Action).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
    expect(bySid('ReadMlflowArn')).toMatchObject({ Action: 'ssm:GetParameter' });
    // The parameter the model-build stack writes the app's ARN to (its ARN: the account, the region and the name).
    const [parameterId] = Object.keys(template.findResources('AWS::SSM::Parameter', { Properties: { Name: '/sagemaker-gitops/player-churn/mlflow/tracking-uri' } }));
    expect(bySid('ReadMlflowArn').Resource).toEqual({ 'Fn::Join': ['', ['arn:aws:ssm:us-east-1:111111111111:parameter', { Ref: parameterId }]] });
  });
});

describe('the drift logger of other backends', () => {
  // Service Authorization Reference "Amazon SageMaker with MLflow": the sagemaker-mlflow actions on the mlflow-tracking-server resource.
  test('a created tracking server: the sagemaker-mlflow actions on its ARN, and its parameter', () => {
    const { stack, backend, template } = synth(testConfig({ ...CROSS_ACCOUNT, mlflow: { trackingServer: {} } }));
    const statements = stack.resolve(loggerStatements(template));
    const server = statements.find((s: any) => s.Sid === 'LogToMlflowTrackingServer');
    expect([...server.Action].sort()).toEqual([...MLFLOW_TRACKING_SERVER_ACTIONS].sort());
    expect(server.Resource).toEqual({ 'Fn::GetAtt': [stack.getLogicalId(backend.trackingServer!), 'TrackingServerArn'] });
    expect(statements.find((s: any) => s.Sid === 'LogToMlflowApp')).toBeUndefined();
    expect(statements.find((s: any) => s.Sid === 'ReadMlflowArn')).toBeDefined();
  });

  test('an existing backend of the build account: its ARN and store from the config, no parameter to read', () => {
    const { template } = synth(testConfig({ ...CROSS_ACCOUNT, mlflow: { arn: APP_ARN, artifactStoreUri: 's3://team-mlflow/churn', artifactKmsKeyArn: KEY_ARN } }));
    const statements = loggerStatements(template);
    expect(statements.find((s) => s.Sid === 'LogToMlflowApp').Resource).toBe(APP_ARN);
    expect(statements.find((s) => s.Sid === 'ReadWriteMlflowArtifacts').Resource).toBe('arn:aws:s3:::team-mlflow/churn/*');
    expect(statements.find((s) => s.Sid === 'UseMlflowArtifactKey').Resource).toBe(KEY_ARN);
    expect(statements.find((s) => s.Sid === 'ReadMlflowArn')).toBeUndefined();
  });

  test('staging and production in two other accounts: both account principals, each narrowed to its own drift job role', () => {
    const { stack, template } = synth(testConfig({
      mlflow: {},
      environments: { build: { account: '111111111111' }, staging: { account: '222222222222' }, prod: { account: '333333333333' } },
      endpoints: { staging: REALTIME_STAGING },
    }));
    const [trust] = stack.resolve(loggerRole(template).AssumeRolePolicyDocument.Statement);
    expect(trust.Principal.AWS).toEqual(['arn:aws:iam::222222222222:root', 'arn:aws:iam::333333333333:root']);
    expect(trust.Condition.ArnEquals['aws:PrincipalArn']).toEqual([
      'arn:aws:iam::222222222222:role/player-churn-staging-drift-check', 'arn:aws:iam::333333333333:role/player-churn-prod-drift-check',
    ]);
  });

  test('no role without a drift check in another account', () => {
    const { backend, template } = synth(testConfig({ mlflow: {} }));
    expect(backend.driftLogger).toBeUndefined();
    expect(template.findResources('AWS::IAM::Role', { Properties: { RoleName: 'player-churn-mlflow-drift-logger' } })).toEqual({});
  });

  test('bad input: a drift logger with no drift check to trust', () => {
    const stack = new Stack(undefined, 'Build', { env: { account: '111111111111', region: 'us-east-1' } });
    expect(() => new MlflowDriftLogger(stack, 'Logger', { projectName: 'player-churn', access: { kind: 'app', arn: APP_ARN, artifactStore: { bucketName: 'team-mlflow', prefix: '' } }, driftChecks: [] }))
      .toThrow('the MLflow drift logger role needs at least one drift check of another account to trust');
  });
});

describe('the drift logger passes cdk-nag and the Control Tower controls', () => {
  test.each([
    ['an app', { mlflow: {} }],
    ['a tracking server', { mlflow: { trackingServer: {} } }],
    ['an existing backend', { mlflow: { arn: APP_ARN, artifactStoreUri: 's3://team-mlflow/churn', artifactKmsKeyArn: KEY_ARN } }],
  ])('%s', (_what, overrides) => {
    expect(findingsOfStack((stack) => build(stack, testConfig({ ...CROSS_ACCOUNT, ...overrides })))).toEqual([]);
  });
});
