import { CONTAINER_VERSIONS, DEFAULT_CONTAINERS, containersOf, parseProjectConfig, renderConfigFile, resolveContainers } from '../../src/config';
import { supportedImageRegions, sklearnImage, xgboostImage } from '../../src/images';
import { configErrorOf, testConfig } from '../helpers/validated-synth';

/** The ConfigError message of resolving `containers` in an otherwise valid project. */
const errorOf = (containers: unknown): string => configErrorOf({ containers });

describe('containers', () => {
  test('absent: the config has no containers and containersOf gives XGBoost 1.7-1 and scikit-learn 1.4-2', () => {
    const config = testConfig();
    expect('containers' in config).toBe(false);
    expect(containersOf(config)).toEqual({ xgboost: '1.7-1', sklearn: '1.4-2' });
    expect(DEFAULT_CONTAINERS).toEqual({ xgboost: '1.7-1', sklearn: '1.4-2' });
  });

  test('each field defaults alone, and the resolved config survives the generated config file', () => {
    expect(testConfig({ containers: {} }).containers).toEqual({ xgboost: '1.7-1', sklearn: '1.4-2' });
    expect(testConfig({ containers: { xgboost: '3.0-5' } }).containers).toEqual({ xgboost: '3.0-5', sklearn: '1.4-2' });
    expect(testConfig({ containers: { sklearn: '1.2-1' } }).containers).toEqual({ xgboost: '1.7-1', sklearn: '1.2-1' });
    const config = testConfig({ containers: { xgboost: '3.0-5', sklearn: '1.4-2' } });
    expect(parseProjectConfig(JSON.stringify(renderConfigFile(config)), 'sagemaker-gitops.json')).toEqual(config);
    expect(containersOf(config)).toEqual({ xgboost: '3.0-5', sklearn: '1.4-2' });
  });

  // aws/sagemaker-python-sdk image_uri_config/xgboost.json and sklearn.json (fc582aaa46faf7b7e16ab1e13840869712174cd0):
  // the SDK publishes XGBoost 1.7-1 and 3.0-5 and scikit-learn 1.2-1 and 1.4-2 (its "training" scope) in every region the project supports.
  test('every selectable version has an image in every supported region', () => {
    expect(CONTAINER_VERSIONS).toEqual({ xgboost: ['1.7-1', '3.0-5'], sklearn: ['1.2-1', '1.4-2'] });
    for (const region of supportedImageRegions('xgboost')) {
      for (const version of CONTAINER_VERSIONS.xgboost) {
        expect(xgboostImage(region, version).version).toBe(version);
      }
    }
    for (const region of supportedImageRegions('sklearn')) {
      for (const version of CONTAINER_VERSIONS.sklearn) {
        expect(sklearnImage(region, version).tag).toBe(`${version}-cpu-py3`);
      }
    }
  });

  test('another version is refused naming the option, the value and the versions allowed', () => {
    expect(errorOf({ xgboost: '2.0-1' })).toBe('containers.xgboost must be one of 1.7-1, 3.0-5 (a SageMaker container version), got "2.0-1"');
    expect(errorOf({ xgboost: '3.0.5' })).toBe('containers.xgboost must be one of 1.7-1, 3.0-5 (a SageMaker container version), got "3.0.5"');
    expect(errorOf({ sklearn: '1.5-1' })).toBe('containers.sklearn must be one of 1.2-1, 1.4-2 (a SageMaker container version), got "1.5-1"');
    expect(errorOf({ sklearn: 1.4 })).toBe('containers.sklearn must be one of 1.2-1, 1.4-2 (a SageMaker container version), got 1.4');
  });

  // mlflow's pyproject.toml: requires-python ">=3.10" from 3.2.0 on (mlflow/mlflow#16346). The steps pip-install the client
  // in their containers: Python 3.9 in XGBoost 1.7-1 (Train, Evaluate, TagMlflowRun) and scikit-learn 1.2-1 (Preprocess),
  // per the PYTHON_VERSION of the containers' Dockerfiles (aws/sagemaker-xgboost-container, aws/sagemaker-scikit-learn-container).
  test('an mlflow client newer than 3.1 with a Python 3.9 container is refused, naming both and what to choose', () => {
    const existing = (clientVersion: string) => ({ arn: 'arn:aws:sagemaker:us-east-1:123456789012:mlflow-app/app-K53I5ZJMEUHZ', artifactStoreUri: 's3://team-mlflow/churn', clientVersion });
    expect(configErrorOf({ mlflow: existing('3.4.0') })).toBe(
      'mlflow.clientVersion 3.4.0 installs only on Python 3.10 or later (mlflow\'s requires-python from 3.2.0 on), but containers.xgboost is 1.7-1 (the default), ' +
      'which runs Python 3.9, and Train, Evaluate and TagMlflowRun pip-install the client there: set containers.xgboost to \'3.0-5\', or mlflow.clientVersion below 3.2');
    expect(configErrorOf({ mlflow: existing('3.2'), containers: { xgboost: '3.0-5', sklearn: '1.2-1' } })).toMatch(
      /^mlflow.clientVersion 3.2 installs only on Python 3.10 or later .* but containers.sklearn is 1.2-1, which runs Python 3.9, and Preprocess pip-install/);
    expect(() => testConfig({ mlflow: existing('3.4.0'), containers: { xgboost: '3.0-5' } })).not.toThrow();
    expect(() => testConfig({ mlflow: existing('3.1.1') })).not.toThrow();
    // The project's own pin installs on every container.
    for (const xgboost of CONTAINER_VERSIONS.xgboost) {
      for (const sklearn of CONTAINER_VERSIONS.sklearn) {
        expect(() => testConfig({ mlflow: {}, containers: { xgboost, sklearn } })).not.toThrow();
      }
    }
  });

  test('a field it does not know, or containers that are not an object, are refused', () => {
    expect(errorOf({ pytorch: '2.1' })).toBe('containers has an unknown field "pytorch"; allowed: xgboost, sklearn');
    expect(errorOf('3.0-5')).toBe('containers must be an object, got "3.0-5"');
    expect(resolveContainers('containers', undefined)).toBeUndefined();
  });
});
