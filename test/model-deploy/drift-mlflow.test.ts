import { Template } from 'aws-cdk-lib/assertions';
import { EndpointStack } from '../../src/model-deploy';
import { synthValidated, testConfig, validatedApp } from '../helpers/validated-synth';
import { MODEL, repo } from './fixtures';

const APP_ARN = 'arn:aws:sagemaker:us-east-1:123456789012:mlflow-app/app-K53I5ZJMEUHZ';
const SERVER_ARN = 'arn:aws:sagemaker:us-east-1:123456789012:mlflow-tracking-server/team';
const KEY_ARN = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

/** The production endpoint stack (with its daily drift check) of a project with `overrides`, through every check. */
function synthProd(overrides: Record<string, unknown>): { template: Template } {
  const app = validatedApp();
  const stack = new EndpointStack(app, 'prod-endpoint', { config: testConfig(overrides), stage: 'prod', model: MODEL, repoDir: repo() });
  return { template: synthValidated(app)[stack.stackName] };
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
    expect(Object.keys(driftEnvironment(template))).toEqual(['AWS_DEFAULT_REGION']);
    expect(JSON.stringify(driftStatements(template))).not.toMatch(/mlflow/i);
  });

  test('a created app: the ARN, bucket and key come from the model-build stack\'s SSM parameters; the monitoring experiment is <experiment>-monitoring', () => {
    const { template } = synthProd({ mlflow: { experimentName: 'churn' } });
    const env = driftEnvironment(template);
    expect(env).toEqual({
      AWS_DEFAULT_REGION: 'us-east-1',
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
    // Service Authorization Reference "Amazon SageMaker": sagemaker:CallMlflowAppApi on the mlflow-app resource.
    expect(sid(template, 'LogToMlflowApp')).toMatchObject({
      Action: ['sagemaker:CallMlflowAppApi', 'sagemaker:DescribeMlflowApp'], Resource: { Ref: expect.stringMatching(/trackinguri/i) },
    });
    expect(sid(template, 'LogToMlflowTrackingServer')).toBeUndefined();
    expect(sid(template, 'ReadWriteMlflowArtifacts').Resource).toEqual({
      'Fn::Join': ['', ['arn:aws:s3:::', { Ref: expect.stringMatching(/artifactbucket/i) }, '/mlflow/*']],
    });
    expect(sid(template, 'UseMlflowArtifactKey')).toMatchObject({ Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: { Ref: expect.stringMatching(/artifactkeyarn/i) } });
  });

  test('an existing tracking server: its ARN from the config, the sagemaker-mlflow actions on it, its artifact store and key', () => {
    const { template } = synthProd({ mlflow: { arn: SERVER_ARN, artifactStoreUri: 's3://team-mlflow/churn', artifactKmsKeyArn: KEY_ARN } });
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

  test('a production stage in another account does not log to MLflow (SageMaker MLflow has no cross-account resource policy)', () => {
    const { template } = synthProd({
      mlflow: {}, environments: { build: { account: '111111111111' }, prod: { account: '333333333333' } },
    });
    expect(Object.keys(driftEnvironment(template))).toEqual(['AWS_DEFAULT_REGION']);
    expect(JSON.stringify(driftStatements(template))).not.toMatch(/mlflow/i);
  });
});
