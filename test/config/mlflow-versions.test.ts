import * as fs from 'node:fs';
import * as path from 'node:path';
import { MLFLOW_VERSIONS, mlflowRequirements } from '../../src/config';

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
    expect(compare(MLFLOW_VERSIONS.sagemakerMlflow, '0.2.0')).toBeGreaterThanOrEqual(0);
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
