import { CONTAINER_PYTHON } from '../config/container-versions';
import { SklearnVersion, XgboostVersion } from './sagemaker-images';

/** The Python and the data libraries one SageMaker framework container ships (`pip list` inside it). */
export interface ContainerLibraries {
  /** Python major.minor. */
  readonly python: string;
  /** The PyPI distribution name → its version in the container. */
  readonly packages: Readonly<Record<string, string>>;
}

/*
 * Sources: the Dockerfiles and requirements.txt the containers are built from.
 *
 * XGBoost 1.7-1: aws/sagemaker-xgboost-container, branch 1.7-1 at f7a93a21e50e44b4077f0889a7f676cad8c226f3
 * (the image's last change): docker/1.7-1/base/Dockerfile.cpu (PYTHON_VERSION=3.9, XGBOOST_VERSION=1.7.4, pip
 * install xgboost==1.7.4) and requirements.txt (numpy==1.24.1, pandas==1.2.4, scikit-learn==0.24.1).
 *
 * XGBoost 3.0-5: the same repository, branch release-3.0.5 at fe01f24a58fbdcfbcfd52944a0e896672ff5c36e:
 * docker/3.0-5/base/Dockerfile.cpu (PYTHON_VERSION=3.10, XGBOOST_VERSION=3.0.5, pip install
 * xgboost==3.0.5 numpy==2.1.0 pyarrow==22.0.0 pandas==2.2.3) and requirements.txt (scikit-learn==1.5.2).
 *
 * scikit-learn 1.2-1: aws/sagemaker-scikit-learn-container, branch 1.2-1 at b440c40d318284336acb57b2dd554f7fa1e39fe0:
 * docker/1.2-1/base/Dockerfile.cpu (PYTHON_VERSION=3.9) and requirements.txt (scikit-learn==1.2.1,
 * pandas==1.1.3, numpy==1.24.1), which docker/1.2-1/final/Dockerfile.cpu installs.
 *
 * scikit-learn 1.4-2: the same repository, tag v1.4-2 at 6c5704d20eabcd1561e9cb938671c92e79c32310:
 * docker/1.4-2/base/Dockerfile.cpu (PYTHON_VERSION=3.10) and requirements.txt (scikit-learn==1.4.2,
 * pandas==2.3.2, numpy==2.1.0), which docker/1.4-2/final/Dockerfile.cpu installs.
 */
const XGBOOST_LIBRARIES: Readonly<Record<XgboostVersion, ContainerLibraries>> = {
  '1.7-1': { python: CONTAINER_PYTHON.xgboost['1.7-1'], packages: { 'xgboost': '1.7.4', 'scikit-learn': '0.24.1', 'pandas': '1.2.4', 'numpy': '1.24.1' } },
  '3.0-5': { python: CONTAINER_PYTHON.xgboost['3.0-5'], packages: { 'xgboost': '3.0.5', 'scikit-learn': '1.5.2', 'pandas': '2.2.3', 'numpy': '2.1.0' } },
};

const SKLEARN_LIBRARIES: Readonly<Record<SklearnVersion, ContainerLibraries>> = {
  '1.2-1': { python: CONTAINER_PYTHON.sklearn['1.2-1'], packages: { 'scikit-learn': '1.2.1', 'pandas': '1.1.3', 'numpy': '1.24.1' } },
  '1.4-2': { python: CONTAINER_PYTHON.sklearn['1.4-2'], packages: { 'scikit-learn': '1.4.2', 'pandas': '2.3.2', 'numpy': '2.1.0' } },
};

/** What the SageMaker XGBoost container `version` ships. */
export function xgboostLibraries(version: XgboostVersion): ContainerLibraries {
  return XGBOOST_LIBRARIES[version];
}

/** What the SageMaker scikit-learn container `version` ships. */
export function sklearnLibraries(version: SklearnVersion): ContainerLibraries {
  return SKLEARN_LIBRARIES[version];
}

/**
 * The framework library of each container, the one its version names: `xgboost` in the XGBoost
 * containers, `scikit-learn` in the scikit-learn ones. A local run compares the local library with it.
 */
export function frameworkLibrary(framework: 'xgboost' | 'sklearn', version: string): { readonly name: string; readonly version: string } | undefined {
  const table: Readonly<Record<string, ContainerLibraries>> = framework === 'xgboost' ? XGBOOST_LIBRARIES : SKLEARN_LIBRARIES;
  const libraries = Object.prototype.hasOwnProperty.call(table, version) ? table[version] : undefined;
  const name = framework === 'xgboost' ? 'xgboost' : 'scikit-learn';
  return libraries === undefined ? undefined : { name, version: libraries.packages[name] };
}
