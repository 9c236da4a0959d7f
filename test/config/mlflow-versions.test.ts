import * as fs from 'node:fs';
import * as path from 'node:path';
import { MLFLOW_OLDEST_CLIENT, MLFLOW_TRACKING_SERVER_CLIENTS, MLFLOW_VERSIONS, SAGEMAKER_MLFLOW_REQUIREMENTS, mlflowRequirements } from '../../src/config';
import { CONTAINER_PYTHON } from '../../src/config/container-versions';

/** [major, minor, patch] of a version string; missing parts are 0. */
function parts(version: string): number[] {
  expect(version).toMatch(/^\d+\.\d+(\.\d+)?$/);
  const [major, minor, patch = '0'] = version.split('.');
  return [Number(major), Number(minor), Number(patch)];
}

function compare(a: string, b: string): number {
  const [x, y] = [parts(a), parts(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

describe('the MLflow pins agree with each other, with the servers the project creates, and with the README', () => {
  test('the client is the tracking server\'s major.minor: an MLflow server serves clients of its own version and older', () => {
    expect(parts(MLFLOW_VERSIONS.client).slice(0, 2)).toEqual(parts(MLFLOW_VERSIONS.trackingServer).slice(0, 2));
  });

  test('the client is not newer than the oldest version an MLflow App reports (an app\'s version cannot be chosen)', () => {
    // CloudFormation Template Reference, AWS::SageMaker::MlflowApp: no version property; MlflowVersion is an attribute only.
    expect(compare(MLFLOW_VERSIONS.client, MLFLOW_VERSIONS.oldestApp)).toBeLessThanOrEqual(0);
  });

  test('sagemaker-mlflow is at least 0.2.0, its first release that resolves an MLflow App ARN', () => {
    // aws/sagemaker-mlflow commit 0904860 "Add support for SageMaker MLflow App resource type", released in v0.2.0.
    expect(compare(MLFLOW_VERSIONS.sagemakerMlflow, '0.2.0')).toBeGreaterThanOrEqual(0);
  });

  // aws/sagemaker-mlflow tag v0.3.0, setup.py: python_requires=">= 3.8", install_requires=["boto3>=1.34", "mlflow>=2.8"].
  test('the pinned sagemaker-mlflow is the release whose requirements were read, and they fit the rules the config enforces', () => {
    expect(SAGEMAKER_MLFLOW_REQUIREMENTS.version).toBe(MLFLOW_VERSIONS.sagemakerMlflow);
    expect(SAGEMAKER_MLFLOW_REQUIREMENTS.source).toContain(`tag v${SAGEMAKER_MLFLOW_REQUIREMENTS.version}`);
    // It installs on every container the steps pip-install it on: its Python floor is at most the oldest container Python.
    const pythons = [...Object.values(CONTAINER_PYTHON.xgboost), ...Object.values(CONTAINER_PYTHON.sklearn)];
    const oldest = pythons.reduce((a, b) => (compare(a, b) <= 0 ? a : b));
    expect(oldest).toBe('3.9');
    expect(compare(SAGEMAKER_MLFLOW_REQUIREMENTS.python, oldest)).toBeLessThanOrEqual(0);
    // Its mlflow floor is the oldest mlflow.clientVersion the config accepts.
    expect(SAGEMAKER_MLFLOW_REQUIREMENTS.mlflow).toBe(MLFLOW_OLDEST_CLIENT);
    expect(compare(MLFLOW_VERSIONS.client, SAGEMAKER_MLFLOW_REQUIREMENTS.mlflow)).toBeGreaterThanOrEqual(0);
  });

  // SageMaker Developer Guide, "Integrate MLflow with your environment": tracking server 2.13.x -> mlflow==2.13.2,
  // 2.16.x -> mlflow==2.16.2, 3.0.x -> mlflow==3.0.0.
  test('the pairing of tracking server and client versions is AWS\'s, and the server the project creates gets the pinned client', () => {
    expect(MLFLOW_TRACKING_SERVER_CLIENTS).toEqual({ '2.13': '2.13.2', '2.16': '2.16.2', '3.0': '3.0.0' });
    expect(MLFLOW_TRACKING_SERVER_CLIENTS[MLFLOW_VERSIONS.trackingServer]).toBe(MLFLOW_VERSIONS.client);
    for (const client of Object.values(MLFLOW_TRACKING_SERVER_CLIENTS)) {
      expect(compare(client, MLFLOW_OLDEST_CLIENT)).toBeGreaterThanOrEqual(0);
    }
  });

  test('the steps\' requirements.txt pins exactly these versions (the plugin alone would pull the newest mlflow)', () => {
    expect(mlflowRequirements().trim().split('\n')).toEqual([`mlflow==${MLFLOW_VERSIONS.client}`, `sagemaker-mlflow==${MLFLOW_VERSIONS.sagemakerMlflow}`]);
    expect(mlflowRequirements('2.16.2')).toContain('mlflow==2.16.2\n');
  });

  test('the README states the same pins and the tracking server\'s version', () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf-8');
    expect(readme).toContain(`\`mlflow==${MLFLOW_VERSIONS.client}\` and \`sagemaker-mlflow==${MLFLOW_VERSIONS.sagemakerMlflow}\``);
    expect(readme).toContain(`a tracking server the stack creates, MLflow ${MLFLOW_VERSIONS.trackingServer} |`);
  });
});
