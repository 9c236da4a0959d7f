import { Token } from 'aws-cdk-lib';
import {
  SKLEARN_PIPELINE_VERSION, SKLEARN_VERSION, SklearnVersion, XGBOOST_VERSION, XgboostVersion,
} from '../config/container-versions';
import { ConfigError } from '../config/errors';

/** The SageMaker-owned framework containers the pipeline steps run in. */
export type SageMakerFramework = 'sklearn' | 'xgboost' | 'model-monitor';

/** One SageMaker-owned container image in one region. */
export interface SageMakerImage {
  readonly framework: SageMakerFramework;
  /** The framework version as SageMaker names it (`1.2-1`, `1.7-1`). */
  readonly version: string;
  readonly region: string;
  /** The AWS account that owns the ECR registry in this region. */
  readonly account: string;
  readonly repositoryName: string;
  readonly tag: string;
  /** `<account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>` */
  readonly uri: string;
  /** `arn:aws:ecr:<region>:<account>:repository/<repository>` */
  readonly repositoryArn: string;
}

export { SKLEARN_PIPELINE_VERSION, SKLEARN_VERSION, XGBOOST_VERSION };
export type { SklearnVersion, XgboostVersion };

/*
 * Region → ECR registry account, commercial partition (`aws`) only.
 *
 * Source: AWS, "Docker Registry Paths and Example Code"
 * https://docs.aws.amazon.com/sagemaker/latest/dg-ecr-paths/sagemaker-algo-docker-registry-paths.html
 * (one page per region, ecr-<region>.html), as mirrored by the SageMaker Python SDK:
 * aws/sagemaker-python-sdk, src/sagemaker/image_uri_config/sklearn.json (entry "1.2-1") and
 * src/sagemaker/image_uri_config/xgboost.json (entry "1.7-1"), read at commit
 * fc582aaa46faf7b7e16ab1e13840869712174cd0 (branch master-v2, release 2.257.6). The training and
 * inference scopes list the same registries for both entries, and the SDK v3 copy
 * (sagemaker-core/src/sagemaker/core/image_uri_config/, commit a24812666d258d9d19c9a82d0c9385ca0bd3ba01)
 * is identical.
 *
 * Left out: the China, GovCloud and ISO regions the source also lists, and the `aws` regions it
 * does not list for these versions (e.g. ap-southeast-5, ap-southeast-7, mx-central-1).
 * Note: xgboost's legacy "1" entry (repository `xgboost`) uses other accounts; these are the
 * `sagemaker-xgboost` ones.
 *
 * scikit-learn "1.4-2": the same file's "training" scope (the scope the SDK's SKLearnProcessor and
 * FrameworkProcessor use), entry "1.4-2", repository sagemaker-scikit-learn, tag `1.4-2-cpu-py3`,
 * read at the same master-v2 commit and in the SDK v3 copy (commit a24812666d258d9d19c9a82d0c9385ca0bd3ba01):
 * its `aws` registries are exactly those of "1.2-1" below, so both versions share the table.
 *
 * XGBoost "3.0-5": aws/sagemaker-python-sdk, src/sagemaker/image_uri_config/xgboost.json at commit
 * fc582aaa46faf7b7e16ab1e13840869712174cd0 (master-v2) and
 * sagemaker-core/src/sagemaker/core/image_uri_config/xgboost.json at commit
 * a24812666d258d9d19c9a82d0c9385ca0bd3ba01: in both the "training" and the "inference" scopes, entry
 * "3.0-5", repository sagemaker-xgboost, lists exactly the 37 registries of "1.7-1" (29 of them in
 * the `aws` partition: the table below, compared entry by entry), so both versions share it.
 */
const SKLEARN_1_2_1_REGISTRIES: ReadonlyMap<string, string> = new Map(Object.entries({
  'af-south-1': '510948584623',
  'ap-east-1': '651117190479',
  'ap-northeast-1': '354813040037',
  'ap-northeast-2': '366743142698',
  'ap-northeast-3': '867004704886',
  'ap-south-1': '720646828776',
  'ap-south-2': '628508329040',
  'ap-southeast-1': '121021644041',
  'ap-southeast-2': '783357654285',
  'ap-southeast-3': '951798379941',
  'ap-southeast-4': '106583098589',
  'ca-central-1': '341280168497',
  'ca-west-1': '190319476487',
  'eu-central-1': '492215442770',
  'eu-central-2': '680994064768',
  'eu-north-1': '662702820516',
  'eu-south-1': '978288397137',
  'eu-south-2': '104374241257',
  'eu-west-1': '141502667606',
  'eu-west-2': '764974769150',
  'eu-west-3': '659782779980',
  'il-central-1': '898809789911',
  'me-central-1': '272398656194',
  'me-south-1': '801668240914',
  'sa-east-1': '737474898029',
  'us-east-1': '683313688378',
  'us-east-2': '257758044811',
  'us-west-1': '746614075791',
  'us-west-2': '246618743249',
}));

const XGBOOST_1_7_1_REGISTRIES: ReadonlyMap<string, string> = new Map(Object.entries({
  'af-south-1': '510948584623',
  'ap-east-1': '651117190479',
  'ap-northeast-1': '354813040037',
  'ap-northeast-2': '366743142698',
  'ap-northeast-3': '867004704886',
  'ap-south-1': '720646828776',
  'ap-south-2': '628508329040',
  'ap-southeast-1': '121021644041',
  'ap-southeast-2': '783357654285',
  'ap-southeast-3': '951798379941',
  'ap-southeast-4': '106583098589',
  'ca-central-1': '341280168497',
  'ca-west-1': '190319476487',
  'eu-central-1': '492215442770',
  'eu-central-2': '680994064768',
  'eu-north-1': '662702820516',
  'eu-south-1': '978288397137',
  'eu-south-2': '104374241257',
  'eu-west-1': '141502667606',
  'eu-west-2': '764974769150',
  'eu-west-3': '659782779980',
  'il-central-1': '898809789911',
  'me-central-1': '272398656194',
  'me-south-1': '801668240914',
  'sa-east-1': '737474898029',
  'us-east-1': '683313688378',
  'us-east-2': '257758044811',
  'us-west-1': '746614075791',
  'us-west-2': '246618743249',
}));

/*
 * Region → ECR registry account of SageMaker Model Monitor's analyzer (`sagemaker-model-monitor-analyzer`,
 * tag `latest`), commercial partition only. Source: the SageMaker Python SDK,
 * src/sagemaker/image_uri_config/model-monitor.json, read at commit 5d36aec0687525b2dc802a598658bb2ef52c2590
 * (the regions it lists; the China regions left out).
 */
const MODEL_MONITOR_REGISTRIES: ReadonlyMap<string, string> = new Map(Object.entries({
  'af-south-1': '875698925577',
  'ap-east-1': '001633400207',
  'ap-northeast-1': '574779866223',
  'ap-northeast-2': '709848358524',
  'ap-south-1': '126357580389',
  'ap-southeast-1': '245545462676',
  'ap-southeast-2': '563025443158',
  'ca-central-1': '536280801234',
  'eu-central-1': '048819808253',
  'eu-north-1': '895015795356',
  'eu-south-1': '933208885752',
  'eu-west-1': '468650794304',
  'eu-west-2': '749857270468',
  'eu-west-3': '680080141114',
  'me-south-1': '607024016150',
  'sa-east-1': '539772159869',
  'us-east-1': '156813124566',
  'us-east-2': '777275614652',
  'us-west-1': '890145073186',
  'us-west-2': '159807026194',
}));

interface ImageSpec {
  readonly version: string;
  readonly repositoryName: string;
  readonly tag: string;
  readonly registries: ReadonlyMap<string, string>;
}

const sklearnSpec = (version: SklearnVersion): ImageSpec => ({
  version,
  repositoryName: 'sagemaker-scikit-learn',
  tag: `${version}-cpu-py3`,
  // "1.2-1" and "1.4-2" list the same registries (see the source above).
  registries: SKLEARN_1_2_1_REGISTRIES,
});

/** The scikit-learn versions by name: {@link sklearnImage} refuses any other. */
const SKLEARN_SPECS: Readonly<Record<SklearnVersion, ImageSpec>> = { '1.2-1': sklearnSpec('1.2-1'), '1.4-2': sklearnSpec('1.4-2') };

const xgboostSpec = (version: XgboostVersion): ImageSpec => ({
  version,
  repositoryName: 'sagemaker-xgboost',
  tag: version,
  // "1.7-1" and "3.0-5" list the same registries (see the source above).
  registries: XGBOOST_1_7_1_REGISTRIES,
});

/** The XGBoost versions by name: {@link xgboostImage} refuses any other. */
const XGBOOST_SPECS: Readonly<Record<XgboostVersion, ImageSpec>> = { '1.7-1': xgboostSpec('1.7-1'), '3.0-5': xgboostSpec('3.0-5') };

const SPECS: Readonly<Record<SageMakerFramework, ImageSpec>> = {
  sklearn: SKLEARN_SPECS[SKLEARN_VERSION],
  xgboost: XGBOOST_SPECS[XGBOOST_VERSION],
  'model-monitor': {
    version: 'latest',
    repositoryName: 'sagemaker-model-monitor-analyzer',
    tag: 'latest',
    registries: MODEL_MONITOR_REGISTRIES,
  },
};

function specOf(framework: SageMakerFramework): ImageSpec {
  if (!Object.prototype.hasOwnProperty.call(SPECS, framework)) {
    throw new ConfigError(`framework must be one of ${Object.keys(SPECS).join(', ')}, got ${JSON.stringify(framework)}`);
  }
  return SPECS[framework];
}

/** The regions where the SageMaker image of `framework` is published, sorted. */
export function supportedImageRegions(framework: SageMakerFramework): string[] {
  return sortedRegions(specOf(framework));
}

function sortedRegions(spec: ImageSpec): string[] {
  return [...spec.registries.keys()].sort();
}

/**
 * The SageMaker-owned image of `framework` in `region`. Images are resolved at synth time, so the
 * region must be a concrete commercial region (not a token) where the image is published.
 */
export function sagemakerImage(framework: SageMakerFramework, region: string): SageMakerImage {
  return imageOf(framework, specOf(framework), region);
}

function imageOf(framework: SageMakerFramework, spec: ImageSpec, region: string): SageMakerImage {
  const name = `the SageMaker ${framework} ${spec.version} image`;
  if (Token.isUnresolved(region)) {
    throw new ConfigError(
      `${name} is chosen at synth time, so the stack needs an explicit region (env: { region: 'us-east-1' } or similar), got an unresolved token`,
    );
  }
  const account = spec.registries.get(region);
  if (account === undefined) {
    throw new ConfigError(
      `${name} is not published in ${JSON.stringify(region)}; supported regions: ${sortedRegions(spec).join(', ')}`,
    );
  }
  return {
    framework,
    version: spec.version,
    region,
    account,
    repositoryName: spec.repositoryName,
    tag: spec.tag,
    uri: `${account}.dkr.ecr.${region}.amazonaws.com/${spec.repositoryName}:${spec.tag}`,
    repositoryArn: `arn:aws:ecr:${region}:${account}:repository/${spec.repositoryName}`,
  };
}

/**
 * The scikit-learn image (`sagemaker-scikit-learn:<version>-cpu-py3`) in `region`: 1.2-1 by
 * default, {@link SKLEARN_PIPELINE_VERSION} (1.4-2) for the model-build pipeline.
 */
export function sklearnImage(region: string, version: SklearnVersion = SKLEARN_VERSION): SageMakerImage {
  if (!Object.prototype.hasOwnProperty.call(SKLEARN_SPECS, version)) {
    throw new ConfigError(`the scikit-learn image version must be one of ${Object.keys(SKLEARN_SPECS).join(', ')}, got ${JSON.stringify(version)}`);
  }
  return imageOf('sklearn', SKLEARN_SPECS[version], region);
}

/** The XGBoost image (`sagemaker-xgboost:<version>`) in `region`: {@link XGBOOST_VERSION} (1.7-1) by default. */
export function xgboostImage(region: string, version: XgboostVersion = XGBOOST_VERSION): SageMakerImage {
  if (!Object.prototype.hasOwnProperty.call(XGBOOST_SPECS, version)) {
    throw new ConfigError(`the XGBoost image version must be one of ${Object.keys(XGBOOST_SPECS).join(', ')}, got ${JSON.stringify(version)}`);
  }
  return imageOf('xgboost', XGBOOST_SPECS[version], region);
}

/** SageMaker Model Monitor's analyzer (`sagemaker-model-monitor-analyzer:latest`) in `region`: baselining and data-quality jobs. */
export function modelMonitorImage(region: string): SageMakerImage {
  return sagemakerImage('model-monitor', region);
}
