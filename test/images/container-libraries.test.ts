import { frameworkLibrary, sklearnLibraries, xgboostLibraries } from '../../src/images';

// Expected values read from the containers' build files (not from the module):
// aws/sagemaker-xgboost-container branch 1.7-1 at f7a93a21e50e44b4077f0889a7f676cad8c226f3 (docker/1.7-1/base/Dockerfile.cpu,
// requirements.txt) and branch release-3.0.5 at fe01f24a58fbdcfbcfd52944a0e896672ff5c36e (docker/3.0-5/base/Dockerfile.cpu,
// requirements.txt); aws/sagemaker-scikit-learn-container branch 1.2-1 at b440c40d318284336acb57b2dd554f7fa1e39fe0 and tag v1.4-2
// at 6c5704d20eabcd1561e9cb938671c92e79c32310 (docker/<version>/base/Dockerfile.cpu, requirements.txt).
describe('the libraries each container ships', () => {
  test.each([
    ['1.7-1', '3.9', { 'xgboost': '1.7.4', 'scikit-learn': '0.24.1', 'pandas': '1.2.4', 'numpy': '1.24.1' }],
    ['3.0-5', '3.10', { 'xgboost': '3.0.5', 'scikit-learn': '1.5.2', 'pandas': '2.2.3', 'numpy': '2.1.0' }],
  ] as const)('XGBoost %s: Python %s and %o', (version, python, packages) => {
    expect(xgboostLibraries(version)).toEqual({ python, packages });
  });

  test.each([
    ['1.2-1', '3.9', { 'scikit-learn': '1.2.1', 'pandas': '1.1.3', 'numpy': '1.24.1' }],
    ['1.4-2', '3.10', { 'scikit-learn': '1.4.2', 'pandas': '2.3.2', 'numpy': '2.1.0' }],
  ] as const)('scikit-learn %s: Python %s and %o', (version, python, packages) => {
    expect(sklearnLibraries(version)).toEqual({ python, packages });
  });

  test('the framework library is the one the container version names (its major.minor)', () => {
    expect(frameworkLibrary('xgboost', '3.0-5')).toEqual({ name: 'xgboost', version: '3.0.5' });
    expect(frameworkLibrary('xgboost', '1.7-1')).toEqual({ name: 'xgboost', version: '1.7.4' });
    expect(frameworkLibrary('sklearn', '1.4-2')).toEqual({ name: 'scikit-learn', version: '1.4.2' });
    expect(frameworkLibrary('sklearn', '1.2-1')).toEqual({ name: 'scikit-learn', version: '1.2.1' });
    for (const [framework, version] of [['xgboost', '1.7-1'], ['xgboost', '3.0-5'], ['sklearn', '1.2-1'], ['sklearn', '1.4-2']] as const) {
      expect(frameworkLibrary(framework, version)!.version.split('.').slice(0, 2).join('.')).toBe(version.split('-')[0]);
    }
    expect(frameworkLibrary('xgboost', '2.0-1')).toBeUndefined();
    expect(frameworkLibrary('sklearn', 'toString')).toBeUndefined();
  });
});
