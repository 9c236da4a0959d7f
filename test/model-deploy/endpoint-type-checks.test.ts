/**
 * Which stages the model-deploy synth step checks before a release deploys (resolve-model
 * `--endpoint-type`), and what its role may read for it.
 *
 * SageMaker Developer Guide, "Deploy models with Amazon SageMaker Serverless Inference" (Feature
 * exclusions): an instance-based endpoint cannot be updated to serverless. The check reads each
 * stage's endpoint with DescribeEndpoint; the synth role, in the pipeline's account, may read the
 * stages of that account only (in any region: IAM is global).
 */
import { App, Stack } from 'aws-cdk-lib';
import { endpointTypeArguments, endpointTypeReadStatements } from '../../src/model-deploy/endpoint-type-checks';
import { testConfig } from '../helpers/validated-synth';

function resources(overrides: Record<string, unknown>): unknown[] {
  const stack = new Stack(new App(), 'Pipeline', { env: { account: '111111111111', region: 'us-east-1' } });
  return endpointTypeReadStatements(stack, testConfig(overrides)).flatMap((statement) => {
    const json = statement.toStatementJson();
    expect(json.Action).toBe('sagemaker:DescribeEndpoint');
    return [stack.resolve(json.Resource)].flat().map(arnText);
  });
}

/** An ARN as the template writes it (`Fn::Join` with the partition's `Ref`), as text. */
function arnText(value: any): string {
  if (typeof value === 'string') {
    return value;
  }
  if (value.Ref === 'AWS::Partition') {
    return 'aws';
  }
  const [separator, parts] = value['Fn::Join'];
  return parts.map(arnText).join(separator);
}

const ACCOUNTS = { build: { account: '111111111111' } };

describe('the endpoint type checks of the model-deploy synth step', () => {
  test('one account and region: both stages, each with the type .projenrc.ts gives it', () => {
    expect(endpointTypeArguments(testConfig({ endpoints: { prod: { type: 'serverless' } } })))
      .toBe(' --endpoint-type staging:player-churn-staging=serverless --endpoint-type prod:player-churn-prod=serverless');
  });

  test('a stage in another region of the account is read in its region', () => {
    const overrides = { environments: { ...ACCOUNTS, staging: { account: '111111111111', region: 'eu-west-1' } } };
    expect(endpointTypeArguments(testConfig(overrides)))
      .toBe(' --endpoint-type staging:player-churn-staging@eu-west-1=serverless --endpoint-type prod:player-churn-prod=realtime');
    expect(resources(overrides)).toEqual([
      'arn:aws:sagemaker:eu-west-1:111111111111:endpoint/player-churn-staging',
      'arn:aws:sagemaker:us-east-1:111111111111:endpoint/player-churn-prod',
    ]);
  });

  test('a stage in an account of its own is not read from the pipeline\'s account', () => {
    const overrides = { environments: { ...ACCOUNTS, prod: { account: '333333333333' } } };
    expect(endpointTypeArguments(testConfig(overrides))).toBe(' --endpoint-type staging:player-churn-staging=serverless');
    expect(resources(overrides)).toEqual(['arn:aws:sagemaker:us-east-1:111111111111:endpoint/player-churn-staging']);
  });

  test('with both stages in other accounts, nothing is checked and nothing granted', () => {
    const overrides = { environments: { ...ACCOUNTS, staging: { account: '222222222222' }, prod: { account: '333333333333' } } };
    expect(endpointTypeArguments(testConfig(overrides))).toBe('');
    expect(resources(overrides)).toEqual([]);
  });
});
