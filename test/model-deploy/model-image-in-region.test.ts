import { ConfigError } from '../../src/config';
import { modelImageInRegion } from '../../src/model-deploy';

const ARN = 'arn:aws:sagemaker:us-east-1:111111111111:model-package/player-churn/7';

// A stage outside the registry's region gets the registered version's XGBoost image from its own region's registry:
// the SageMaker Python SDK's image_uri_config/xgboost.json (fc582aaa46faf7b7e16ab1e13840869712174cd0), "inference"
// scope, entries "1.7-1" and "3.0-5" (eu-west-1: 141502667606, ap-southeast-2: 783357654285).
describe('modelImageInRegion', () => {
  test.each([
    ['1.7-1', 'eu-west-1', '141502667606'],
    ['3.0-5', 'eu-west-1', '141502667606'],
    ['3.0-5', 'ap-southeast-2', '783357654285'],
  ])('a version registered with XGBoost %s serves with %s\'s %s image of the same version', (version, region, account) => {
    const image = modelImageInRegion({ modelPackageArn: ARN, imageUri: `683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:${version}` }, region);
    expect(image).toMatchObject({
      uri: `${account}.dkr.ecr.${region}.amazonaws.com/sagemaker-xgboost:${version}`,
      repositoryArn: `arn:aws:ecr:${region}:${account}:repository/sagemaker-xgboost`,
    });
  });

  test('a version without an image URI gets the default XGBoost 1.7-1', () => {
    expect(modelImageInRegion({ modelPackageArn: ARN, imageUri: undefined }, 'eu-west-1').uri).toBe('141502667606.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-xgboost:1.7-1');
  });

  test('another XGBoost version or another image is refused, naming the image, the region and the versions it maps', () => {
    for (const imageUri of ['683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.5-1', '111111111111.dkr.ecr.us-east-1.amazonaws.com/my-model:3']) {
      expect(() => modelImageInRegion({ modelPackageArn: ARN, imageUri }, 'eu-west-1')).toThrow(ConfigError);
      expect(() => modelImageInRegion({ modelPackageArn: ARN, imageUri }, 'eu-west-1')).toThrow(
        `model package ${ARN} runs the image ${imageUri}, which a stage in eu-west-1 cannot use: a stage outside the registry's region serves `
        + 'only the SageMaker XGBoost images (versions 1.7-1, 3.0-5), which it finds in its own region',
      );
    }
  });
});
