import { Aws, Lazy, Stack } from 'aws-cdk-lib';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { ConfigError } from '../../src/config';
import {
  SageMakerFramework, SKLEARN_PIPELINE_VERSION, SKLEARN_VERSION, SklearnVersion, XGBOOST_VERSION, XgboostVersion, modelMonitorImage, sagemakerImage, sklearnImage, supportedImageRegions, xgboostImage,
} from '../../src/images';
import { SDK_REGISTRIES } from './sdk-registries';

const FRAMEWORKS: SageMakerFramework[] = ['sklearn', 'xgboost'];
const ECR_URI = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com\/([a-z0-9-]+):([A-Za-z0-9._-]+)$/;
const ECR_REPOSITORY_ARN = /^arn:aws:ecr:([a-z0-9-]+):(\d{12}):repository\/([a-z0-9-]+)$/;

// Expected values copied from AWS's table (ecr-<region>.html) / the SageMaker Python SDK's
// image_uri_config/sklearn.json ("1.2-1") and xgboost.json ("1.7-1"), not from the module.
const PUBLISHED: Array<[string, string]> = [
  ['us-east-1', '683313688378'],
  ['us-west-2', '246618743249'],
  ['eu-west-1', '141502667606'],
  ['eu-central-1', '492215442770'],
  ['ap-southeast-2', '783357654285'],
  ['ap-northeast-1', '354813040037'],
  ['il-central-1', '898809789911'],
  ['ca-west-1', '190319476487'],
];

describe('xgboostImage', () => {
  test('us-east-1 is the URI AWS publishes', () => {
    expect(xgboostImage('us-east-1')).toEqual({
      framework: 'xgboost',
      version: '1.7-1',
      region: 'us-east-1',
      account: '683313688378',
      repositoryName: 'sagemaker-xgboost',
      tag: '1.7-1',
      uri: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1',
      repositoryArn: 'arn:aws:ecr:us-east-1:683313688378:repository/sagemaker-xgboost',
    });
  });

  test.each(PUBLISHED)('%s uses the registry account %s', (region, account) => {
    expect(xgboostImage(region).uri).toBe(`${account}.dkr.ecr.${region}.amazonaws.com/sagemaker-xgboost:1.7-1`);
  });

  test('uses the sagemaker-xgboost registries, not those of the legacy `xgboost:1` image', () => {
    expect(xgboostImage('us-east-1').account).not.toBe('811284229777');
    expect(xgboostImage('eu-west-1').account).not.toBe('685385470294');
  });

  test('China, GovCloud and unknown regions are refused with the region and the supported regions', () => {
    const supported = supportedImageRegions('xgboost').join(', ');
    for (const region of ['cn-north-1', 'us-gov-west-1', 'mars-east-1']) {
      expect(() => xgboostImage(region)).toThrow(ConfigError);
      expect(() => xgboostImage(region)).toThrow(
        `the SageMaker xgboost 1.7-1 image is not published in "${region}"; supported regions: ${supported}`,
      );
    }
  });

  test('an aws region missing from the table (mx-central-1) is refused', () => {
    expect(RegionInfo.get('mx-central-1').partition).toBe('aws');
    expect(() => xgboostImage('mx-central-1')).toThrow(/not published in "mx-central-1"; supported regions: af-south-1, .*us-west-2$/);
  });

  test('an unresolved region token asks for an explicit region', () => {
    const stack = new Stack();
    expect(() => xgboostImage(stack.region)).toThrow(ConfigError);
    expect(() => xgboostImage(stack.region)).toThrow(/xgboost 1\.7-1 .*synth time.*needs an explicit region.*unresolved token/);
    expect(() => xgboostImage(Aws.REGION)).toThrow(/explicit region/);
  });
});

describe('sklearnImage', () => {
  test('us-east-1 is the URI AWS publishes', () => {
    expect(sklearnImage('us-east-1')).toEqual({
      framework: 'sklearn',
      version: '1.2-1',
      region: 'us-east-1',
      account: '683313688378',
      repositoryName: 'sagemaker-scikit-learn',
      tag: '1.2-1-cpu-py3',
      uri: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3',
      repositoryArn: 'arn:aws:ecr:us-east-1:683313688378:repository/sagemaker-scikit-learn',
    });
  });

  test.each(PUBLISHED)('%s uses the registry account %s', (region, account) => {
    expect(sklearnImage(region).uri).toBe(`${account}.dkr.ecr.${region}.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3`);
  });

  test('China, GovCloud and unknown regions are refused with the region and the supported regions', () => {
    const supported = supportedImageRegions('sklearn').join(', ');
    for (const region of ['cn-north-1', 'us-gov-west-1', 'mars-east-1']) {
      expect(() => sklearnImage(region)).toThrow(
        `the SageMaker sklearn 1.2-1 image is not published in "${region}"; supported regions: ${supported}`,
      );
    }
  });

  test('an unresolved region token asks for an explicit region', () => {
    const lazy = Lazy.string({ produce: () => 'us-east-1' });
    expect(() => sklearnImage(lazy)).toThrow(/sklearn 1\.2-1 .*needs an explicit region/);
  });
});

// aws/sagemaker-python-sdk, src/sagemaker/image_uri_config/sklearn.json, "training" scope, entry "1.4-2"
// (master-v2 fc582aaa46faf7b7e16ab1e13840869712174cd0; the same in the SDK v3 copy, a24812666d25): the
// scope the SDK's SKLearnProcessor and FrameworkProcessor take processing images from. Python 3.10
// (aws/sagemaker-scikit-learn-container, docker/1.4-2/base/Dockerfile.cpu), which mlflow >= 3.8 needs.
describe('sklearnImage 1.4-2 (the model-build pipeline\'s preprocessing)', () => {
  test('is the version the pipeline runs', () => {
    expect(SKLEARN_PIPELINE_VERSION).toBe('1.4-2');
    expect(SKLEARN_VERSION).toBe('1.2-1');
  });

  test('us-east-1 is the URI AWS publishes', () => {
    expect(sklearnImage('us-east-1', '1.4-2')).toEqual({
      framework: 'sklearn',
      version: '1.4-2',
      region: 'us-east-1',
      account: '683313688378',
      repositoryName: 'sagemaker-scikit-learn',
      tag: '1.4-2-cpu-py3',
      uri: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.4-2-cpu-py3',
      repositoryArn: 'arn:aws:ecr:us-east-1:683313688378:repository/sagemaker-scikit-learn',
    });
  });

  test.each([...PUBLISHED, ['eu-south-2', '104374241257'], ['me-central-1', '272398656194']])('%s uses the registry account %s', (region, account) => {
    expect(sklearnImage(region, '1.4-2').uri).toBe(`${account}.dkr.ecr.${region}.amazonaws.com/sagemaker-scikit-learn:1.4-2-cpu-py3`);
  });

  test('the same regions as 1.2-1; the ECR repository (what the execution role is granted) is the same', () => {
    for (const region of supportedImageRegions('sklearn')) {
      expect(sklearnImage(region, '1.4-2').repositoryArn).toBe(sklearnImage(region).repositoryArn);
    }
    expect(() => sklearnImage('cn-north-1', '1.4-2')).toThrow(/^the SageMaker sklearn 1\.4-2 image is not published in "cn-north-1"; supported regions: af-south-1, /);
  });

  test('another version is refused with the versions it knows', () => {
    expect(() => sklearnImage('us-east-1', '1.5-1' as SklearnVersion)).toThrow(ConfigError);
    expect(() => sklearnImage('us-east-1', '1.5-1' as SklearnVersion)).toThrow('the scikit-learn image version must be one of 1.2-1, 1.4-2, got "1.5-1"');
  });
});

// aws/sagemaker-python-sdk, image_uri_config/xgboost.json (master-v2 at fc582aaa46faf7b7e16ab1e13840869712174cd0 and
// sagemaker-core at a24812666d258d9d19c9a82d0c9385ca0bd3ba01): entry "3.0-5" of the training and inference scopes,
// repository sagemaker-xgboost, with the registries of "1.7-1".
describe('xgboostImage 3.0-5 (the current built-in XGBoost)', () => {
  test('us-east-1 is the URI AWS publishes', () => {
    expect(xgboostImage('us-east-1', '3.0-5')).toMatchObject({
      version: '3.0-5', tag: '3.0-5', account: '683313688378',
      uri: '683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:3.0-5',
      repositoryArn: 'arn:aws:ecr:us-east-1:683313688378:repository/sagemaker-xgboost',
    });
  });

  test.each(PUBLISHED)('%s uses the registry account %s', (region, account) => {
    expect(xgboostImage(region, '3.0-5').uri).toBe(`${account}.dkr.ecr.${region}.amazonaws.com/sagemaker-xgboost:3.0-5`);
  });

  test('the same regions as 1.7-1; the ECR repository (what the roles are granted) is the same', () => {
    for (const region of supportedImageRegions('xgboost')) {
      expect(xgboostImage(region, '3.0-5').repositoryArn).toBe(xgboostImage(region).repositoryArn);
    }
    // The SDK's 37 registries of "3.0-5" less the China, GovCloud and ISO regions.
    expect(supportedImageRegions('xgboost')).toHaveLength(29);
    expect(() => xgboostImage('cn-north-1', '3.0-5')).toThrow(/^the SageMaker xgboost 3\.0-5 image is not published in "cn-north-1"; supported regions: af-south-1, /);
  });

  test('the default stays 1.7-1; another version is refused with the versions it knows', () => {
    expect(xgboostImage('us-east-1').version).toBe('1.7-1');
    expect(() => xgboostImage('us-east-1', '2.0-1' as XgboostVersion)).toThrow(ConfigError);
    expect(() => xgboostImage('us-east-1', '2.0-1' as XgboostVersion)).toThrow('the XGBoost image version must be one of 1.7-1, 3.0-5, got "2.0-1"');
  });
});

describe('sagemakerImage', () => {
  test('is what the per-framework functions return', () => {
    expect(sagemakerImage('sklearn', 'eu-west-1')).toEqual(sklearnImage('eu-west-1'));
    expect(sagemakerImage('xgboost', 'eu-west-1')).toEqual(xgboostImage('eu-west-1'));
  });

  test('carries the exported versions', () => {
    expect(sagemakerImage('sklearn', 'us-east-2').version).toBe(SKLEARN_VERSION);
    expect(sagemakerImage('xgboost', 'us-east-2').version).toBe(XGBOOST_VERSION);
  });

  test.each(FRAMEWORKS)('every %s image has a 12-digit account, an ECR URI and a well-formed repository ARN', (framework) => {
    for (const region of supportedImageRegions(framework)) {
      const image = sagemakerImage(framework, region);
      expect(image.account).toMatch(/^\d{12}$/);
      const uri = ECR_URI.exec(image.uri);
      expect(uri?.slice(1)).toEqual([image.account, region, image.repositoryName, image.tag]);
      const arn = ECR_REPOSITORY_ARN.exec(image.repositoryArn);
      expect(arn?.slice(1)).toEqual([region, image.account, image.repositoryName]);
    }
  });

  test('refuses a framework it does not know', () => {
    expect(() => sagemakerImage('pytorch' as SageMakerFramework, 'us-east-1')).toThrow('framework must be one of sklearn, xgboost, model-monitor, got "pytorch"');
  });

  test('refuses the China region with the framework, version and supported regions', () => {
    expect(() => sagemakerImage('xgboost', 'cn-north-1')).toThrow(
      /^the SageMaker xgboost 1\.7-1 image is not published in "cn-north-1"; supported regions: af-south-1, ap-east-1, .*, us-west-2$/,
    );
  });
});

describe('supportedImageRegions', () => {
  test.each(FRAMEWORKS)('%s regions are sorted, known to aws-cdk-lib and all in the aws partition', (framework) => {
    const regions = supportedImageRegions(framework);
    expect(regions).toEqual([...regions].sort());
    const known = new Set(RegionInfo.regions.map((r) => r.name));
    for (const region of regions) {
      expect(known.has(region)).toBe(true);
      expect(RegionInfo.get(region).partition).toBe('aws');
    }
  });

  test.each(FRAMEWORKS)('%s regions include the published ones and none of China, GovCloud or ISO', (framework) => {
    const regions = supportedImageRegions(framework);
    expect(regions).toEqual(expect.arrayContaining(PUBLISHED.map(([region]) => region)));
    expect(regions.filter((r) => /^(cn|us-gov|us-iso)/.test(r))).toEqual([]);
    expect(regions).toHaveLength(29);
  });

  test('returns a fresh array each time', () => {
    supportedImageRegions('xgboost').pop();
    expect(supportedImageRegions('xgboost')).toHaveLength(29);
  });
});

describe('modelMonitorImage', () => {
  test('us-east-1 and eu-west-1 are the analyzer URIs SageMaker publishes, tag latest', () => {
    expect(modelMonitorImage('us-east-1').uri).toBe('156813124566.dkr.ecr.us-east-1.amazonaws.com/sagemaker-model-monitor-analyzer:latest');
    expect(modelMonitorImage('eu-west-1')).toMatchObject({
      account: '468650794304', repositoryArn: 'arn:aws:ecr:eu-west-1:468650794304:repository/sagemaker-model-monitor-analyzer',
    });
  });

  test('a region without the analyzer is refused, naming the regions that have it', () => {
    expect(() => modelMonitorImage('ap-south-2')).toThrow(/model-monitor latest image is not published in "ap-south-2"; supported regions: af-south-1, ap-east-1,/);
  });
});

// One test per region table: every (framework, version) the project selects, against the SageMaker Python SDK's
// image_uri_config entry copied into sdk-registries.ts (aws/sagemaker-python-sdk fc582aaa46faf7b7e16ab1e13840869712174cd0,
// src/sagemaker/image_uri_config/sklearn.json and xgboost.json, scope "training").
describe('the region tables are the SDK\'s, entry by entry', () => {
  const imageOf = (framework: 'sklearn' | 'xgboost', version: string, region: string) =>
    (framework === 'sklearn' ? sklearnImage(region, version as SklearnVersion) : xgboostImage(region, version as XgboostVersion));

  test.each([
    ['sklearn', '1.2-1', 'sagemaker-scikit-learn', '1.2-1-cpu-py3'],
    ['sklearn', '1.4-2', 'sagemaker-scikit-learn', '1.4-2-cpu-py3'],
    ['xgboost', '1.7-1', 'sagemaker-xgboost', '1.7-1'],
    ['xgboost', '3.0-5', 'sagemaker-xgboost', '3.0-5'],
  ] as const)('%s %s: the same 29 regions and registry accounts, repository %s, tag %s', (framework, version, repository, tag) => {
    const sdk = SDK_REGISTRIES[`${framework} ${version}`];
    expect(Object.keys(sdk)).toHaveLength(29);
    expect(supportedImageRegions(framework)).toEqual(Object.keys(sdk).sort());
    for (const [region, account] of Object.entries(sdk)) {
      expect(imageOf(framework, version, region).uri).toBe(`${account}.dkr.ecr.${region}.amazonaws.com/${repository}:${tag}`);
    }
    // A region the SDK lists only outside the aws partition is refused with the version in the message.
    expect(() => imageOf(framework, version, 'cn-northwest-1')).toThrow(`the SageMaker ${framework} ${version} image is not published in "cn-northwest-1"`);
  });
});
