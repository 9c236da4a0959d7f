import { Template } from 'aws-cdk-lib/assertions';
import { ModelBuildApp } from '../../src/model-build';
import { SEED_MODEL_BUILD_REPO as SEED_REPO, synthValidated, testConfig } from '../helpers/validated-synth';

const XGBOOST_3 = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:3.0-5';
const SKLEARN_1_2 = '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3';

/** Each step's name and the SageMaker image URIs it names (Register is inside the condition's branch). */
function stepImages(app: ModelBuildApp): Record<string, string[]> {
  const json = app.modelBuildStack.definition.toJSON() as unknown as { Steps: Array<{ Name: string }> };
  return Object.fromEntries(json.Steps.map((step) => [step.Name, [...new Set(JSON.stringify(step).match(/\d{12}\.dkr\.ecr\.[^"]+/g) ?? [])]]));
}

// The SageMaker Python SDK's image_uri_config/xgboost.json ("3.0-5", training and inference scopes) and sklearn.json
// ("1.2-1", training scope), aws/sagemaker-python-sdk fc582aaa46faf7b7e16ab1e13840869712174cd0: the URIs below.
describe('containers: the selected versions flow into the model-build pipeline', () => {
  const app = new ModelBuildApp({ config: testConfig({ containers: { xgboost: '3.0-5', sklearn: '1.2-1' } }), repoDir: SEED_REPO });

  test('Preprocess runs scikit-learn 1.2-1; Train, Evaluate and the registered model run XGBoost 3.0-5', () => {
    const images = stepImages(app);
    expect(images.Preprocess).toEqual([SKLEARN_1_2]);
    expect(images.Train).toEqual([XGBOOST_3]);
    expect(images.Evaluate).toEqual([XGBOOST_3]);
    // CheckAuc's branch holds Register, whose inference container is the training image.
    expect(images.CheckAuc).toEqual([XGBOOST_3]);
  });

  test('passes every check the default project passes', () => {
    expect(Object.keys(synthValidated(app)).sort()).toEqual(['player-churn-model-build', 'player-churn-model-build-pipeline']);
  });

  test('the execution role pulls from the same repositories (both versions of each share one)', () => {
    const statements = Object.values<any>(Template.fromStack(app.modelBuildStack).findResources('AWS::IAM::Policy'))
      .flatMap((p) => p.Properties.PolicyDocument.Statement);
    const pulls = statements.filter((s) => [s.Action].flat().includes('ecr:BatchGetImage')).flatMap((s) => [s.Resource].flat());
    expect(pulls).toEqual(expect.arrayContaining([
      'arn:aws:ecr:us-east-1:683313688378:repository/sagemaker-scikit-learn',
      'arn:aws:ecr:us-east-1:683313688378:repository/sagemaker-xgboost',
    ]));
  });

  test('without the option: scikit-learn 1.4-2 and XGBoost 1.7-1, as before it existed', () => {
    const images = stepImages(new ModelBuildApp({ config: testConfig(), repoDir: SEED_REPO }));
    expect(images.Preprocess).toEqual([SKLEARN_1_2.replace('1.2-1', '1.4-2')]);
    expect(images.Train).toEqual([XGBOOST_3.replace('3.0-5', '1.7-1')]);
  });
});
