import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  ConfigError, DEFAULT_INSTANCE_TYPES, ProjectOptions, parseProjectConfig, readProjectConfig, renderConfigFile, resolveProjectConfig,
} from '../../src/config';
import { CONNECTION_ARN } from '../helpers/validated-synth';

const base: ProjectOptions = {
  projectName: 'player-churn',
  region: 'us-east-1',
  source: {
    modelBuild: { connectionArn: CONNECTION_ARN, repository: 'acme/build' },
    modelDeploy: { connectionArn: CONNECTION_ARN, repository: 'acme/deploy' },
  },
};
const withOptions = (overrides: object) => ({ ...base, ...overrides }) as ProjectOptions;
const withBuildSource = (source: object) => withOptions({ source: { ...base.source, modelBuild: source } });

describe('resolveProjectConfig defaults', () => {
  const config = resolveProjectConfig(base);

  test('one account and the project region for every stage', () => {
    expect(config.environments).toEqual({ build: { region: 'us-east-1' }, staging: { region: 'us-east-1' }, prod: { region: 'us-east-1' } });
  });

  test('group named after the project, documented instance types, threshold 0.75, branch main, no MLflow', () => {
    expect(config.modelPackageGroupName).toBe('player-churn');
    expect(config.instanceTypes).toEqual(DEFAULT_INSTANCE_TYPES);
    expect(config.qualityThreshold).toBe(0.75);
    expect(config.source.modelBuild.branch).toBe('main');
    expect(config).not.toHaveProperty('mlflow');
    expect(config).not.toHaveProperty('mlflowTrackingServerArn');
  });

  test('stages inherit the build environment, and override it field by field', () => {
    const multi = resolveProjectConfig(withOptions({
      environments: { build: { account: '111111111111' }, staging: { account: '222222222222' }, prod: { account: '333333333333', region: 'eu-west-1' } },
    }));
    expect(multi.environments).toEqual({
      build: { account: '111111111111', region: 'us-east-1' },
      staging: { account: '222222222222', region: 'us-east-1' },
      prod: { account: '333333333333', region: 'eu-west-1' },
    });
  });

  test('resolving a resolved config gives the same config', () => {
    const full = resolveProjectConfig(withOptions({
      mlflow: { arn: 'arn:aws:sagemaker:us-east-1:123456789012:mlflow-tracking-server/team', artifactStoreUri: 's3://team-mlflow/churn', clientVersion: '2.16.2' },
    }));
    expect(resolveProjectConfig(full)).toEqual(full);
    const app = resolveProjectConfig(withOptions({ mlflow: { app: { weeklyMaintenanceWindowStart: 'Sun:03:00' } } }));
    expect(resolveProjectConfig(app)).toEqual(app);
  });

  test('CodeCommit sources and both connection ARN forms are accepted', () => {
    const config2 = resolveProjectConfig(withOptions({
      source: {
        modelBuild: { codeCommitRepository: 'player-churn-build', branch: 'develop' },
        modelDeploy: { connectionArn: 'arn:aws:codestar-connections:eu-west-1:123456789012:connection/4f4b3c2a-1d2e-4f5a-9b8c-7d6e5f4a3b2c', repository: 'group/sub/deploy' },
      },
    }));
    expect(config2.source.modelBuild).toEqual({ codeCommitRepository: 'player-churn-build', branch: 'develop' });
    expect(config2.source.modelDeploy.repository).toBe('group/sub/deploy');
  });
});

describe('resolveProjectConfig rejects bad input with a message naming the value and what is allowed', () => {
  test.each([
    ['a project name starting with a digit', withOptions({ projectName: '1churn' }), /projectName must start with a letter.*got "1churn"/],
    ['a project name with an underscore', withOptions({ projectName: 'player_churn' }), /projectName .*got "player_churn"/],
    ['a project name ending with a hyphen', withOptions({ projectName: 'churn-' }), /projectName .*got "churn-"/],
    ['a project name of 33 characters', withOptions({ projectName: 'a'.repeat(33) }), /at most 32 characters long, got "a{33}"/],
    // Amazon S3 User Guide, "General purpose bucket naming rules": no bucket name starts with xn--, sthree- or amzn-s3-demo-,
    // and CloudFormation names the project's buckets after its stacks (<project>-model-build-...), in lower case.
    ['a project name starting with sthree-', withOptions({ projectName: 'sthree-churn' }), /^projectName "sthree-churn" starts with "sthree-", which Amazon S3 reserves: .*no bucket name may start with xn--, sthree-, amzn-s3-demo-/],
    ['a project name starting with xn--', withOptions({ projectName: 'xn--churn' }), /^projectName "xn--churn" starts with "xn--", which Amazon S3 reserves/],
    ['a project name starting with Amzn-S3-Demo- (bucket names are lower case)', withOptions({ projectName: 'Amzn-S3-Demo-churn' }), /^projectName "Amzn-S3-Demo-churn" starts with "amzn-s3-demo-"/],
    ['an unknown region', withOptions({ region: 'us-middle-1' }), /region must be an AWS region .*got "us-middle-1".*known regions: .*eu-west-1/],
    ['an unknown stage region', withOptions({ environments: { prod: { region: 'mars-1' } } }), /environments\.prod\.region must be an AWS region .*got "mars-1"/],
    ['an account of 11 digits', withOptions({ environments: { build: { account: '12345678901' } } }), /environments\.build\.account must be a 12-digit AWS account id .*got "12345678901"/],
    ['an account with letters', withOptions({ environments: { build: { account: '12345678901a' } } }), /12-digit .*got "12345678901a"/],
    ['an account given as a number', withOptions({ environments: { build: { account: 123456789012 } } }), /12-digit AWS account id \(as a string\), got 123456789012/],
    ['a stage account without a build account', withOptions({ environments: { prod: { account: '222222222222' } } }), /environments\.prod\.account is "222222222222" but environments\.build\.account is not set/],
    ['a connection ARN of another service', withBuildSource({ connectionArn: 'arn:aws:codecommit:us-east-1:123456789012:repo', repository: 'acme/build' }),
      /source\.modelBuild\.connectionArn must be an AWS CodeConnections connection ARN.*codeconnections.*codestar-connections.*got "arn:aws:codecommit/],
    ['a connection ARN in an unknown region', withBuildSource({ connectionArn: CONNECTION_ARN.replace('us-east-1', 'xx-east-9'), repository: 'acme/build' }),
      /the region of source\.modelBuild\.connectionArn must be an AWS region/],
    ['a repository without an owner', withBuildSource({ connectionArn: CONNECTION_ARN, repository: 'build' }), /source\.modelBuild\.repository must be a repository in the form owner\/name.*got "build"/],
    ['a repository with a trailing slash', withBuildSource({ connectionArn: CONNECTION_ARN, repository: 'acme/' }), /owner\/name.*got "acme\/"/],
    ['a connection without a repository', withBuildSource({ connectionArn: CONNECTION_ARN }), /source\.modelBuild\.repository is required with a connection/],
    ['no source at all', withBuildSource({}), /source\.modelBuild\.connectionArn is required \(or give codeCommitRepository/],
    ['both CodeCommit and a connection', withBuildSource({ codeCommitRepository: 'build', connectionArn: CONNECTION_ARN, repository: 'acme/build' }),
      /source\.modelBuild gives both codeCommitRepository \("build"\) and connectionArn .*not both/],
    ['a bad branch name', withBuildSource({ codeCommitRepository: 'build', branch: 'feature..x' }), /source\.modelBuild\.branch must be a valid git branch name.*got "feature\.\.x"/],
    // CodePipeline API Reference, GitBranchFilterCriteria: each branch pattern of a trigger is 1..255 characters.
    ['a branch too long for the trigger filter', withBuildSource({ codeCommitRepository: 'build', branch: `feature/${'x'.repeat(248)}` }),
      /source\.modelBuild\.branch is 256 characters long: the pipeline's trigger filters pushes on it, and CodePipeline takes a branch pattern of at most 255 characters/],
    ['a branch too long once its braces are escaped', withBuildSource({ codeCommitRepository: 'build', branch: `{${'x'.repeat(253)}}` }),
      /source\.modelBuild\.branch is 255 characters long \(256 with its braces escaped\)/],
    ['a threshold above 1', withOptions({ qualityThreshold: 1.5 }), /qualityThreshold must be a number between 0 and 1, got 1\.5/],
    ['a negative threshold', withOptions({ qualityThreshold: -0.1 }), /qualityThreshold must be a number between 0 and 1, got -0\.1/],
    ['a threshold that is not a number', withOptions({ qualityThreshold: '0.8' }), /qualityThreshold must be a number between 0 and 1, got "0\.8"/],
    ['an instance type without ml.', withOptions({ instanceTypes: { training: 'm5.xlarge' } }), /instanceTypes\.training must be a SageMaker training instance type such as ml\.m5\.large, got "m5\.xlarge"/],
    ['a burstable type for training', withOptions({ instanceTypes: { training: 'ml.t3.medium' } }), /instanceTypes\.training must be a SageMaker training instance type .*got "ml\.t3\.medium"; training instance families: ml\.m4, ml\.m5/],
    ['a size the family does not have', withOptions({ instanceTypes: { processing: 'ml.m5.medium' } }), /instanceTypes\.processing must be a SageMaker processing instance type .*got "ml\.m5\.medium"/],
    ['a t2 type for batch transform', withOptions({ instanceTypes: { transform: 'ml.t2.medium' } }), /instanceTypes\.transform must be a SageMaker transform instance type/],
    ['the deprecated MLflow ARN (it names no artifact store and no client version)', withOptions({ mlflowTrackingServerArn: 'arn:aws:sagemaker:us-east-1:123456789012:mlflow-tracking-server/x' }),
      /^mlflowTrackingServerArn is no longer accepted, .*Write instead mlflow: \{ arn: 'arn:aws:sagemaker:us-east-1:123456789012:mlflow-tracking-server\/x', artifactStoreUri: 's3:\/\/<bucket>\/<prefix>', clientVersion: /],
    ['an MLflow server size SageMaker does not have', withOptions({ mlflowTrackingServer: { size: 'Huge' } }), /mlflowTrackingServer\.size must be one of Small, Medium, Large, got "Huge"/],
    ['an unknown instance type field', withOptions({ instanceTypes: { gpu: 'ml.p3.2xlarge' } }), /instanceTypes has an unknown field "gpu"; allowed: processing, training, inference, transform/],
    ['the deprecated MLflow ARN with a server to create', withOptions({ mlflowTrackingServerArn: 'arn:aws:sagemaker:us-east-1:123456789012:mlflow-tracking-server/x', mlflowTrackingServer: {} }),
      /^mlflowTrackingServerArn is no longer accepted/],
    ['a bad model package group name', withOptions({ modelPackageGroupName: 'churn group' }), /modelPackageGroupName must be 1 to 63 .*got "churn group"/],
    // SageMaker API Reference, CreateModelPackageGroup: ModelPackageGroupName is 1..63 characters; the pattern's `-*`
    // alone would take any number of hyphens.
    ['a model package group name of 81 characters', withOptions({ modelPackageGroupName: `a${'-b'.repeat(40)}` }), /modelPackageGroupName must be 1 to 63 .*\(81 characters\)/],
    ['an unknown option', withOptions({ projectNmae: 'typo' }), /options has an unknown field "projectNmae"/],
  ])('%s', (_what, options, message) => {
    expect(() => resolveProjectConfig(options)).toThrow(ConfigError);
    expect(() => resolveProjectConfig(options)).toThrow(message);
  });
});

describe('config file', () => {
  const config = resolveProjectConfig(base);

  test('round-trips through the rendered file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'config-'));
    const file = path.join(dir, 'sagemaker-gitops.json');
    fs.writeFileSync(file, JSON.stringify({ ...renderConfigFile(config), '//': 'marker' }));
    expect(readProjectConfig(file)).toEqual(config);
  });

  test('a missing file, bad JSON, another format version and a bad value are named', () => {
    expect(() => readProjectConfig('/nonexistent/sagemaker-gitops.json')).toThrow(/cannot read the project config file \/nonexistent\/sagemaker-gitops\.json/);
    expect(() => parseProjectConfig('{', 'x.json')).toThrow(/x\.json is not valid JSON/);
    expect(() => parseProjectConfig(JSON.stringify({ ...config, configVersion: 2 }), 'x.json')).toThrow(/x\.json has configVersion 2 but this version of sagemaker-gitops reads 1/);
    expect(() => parseProjectConfig(JSON.stringify({ ...renderConfigFile(config), qualityThreshold: 7 }), 'x.json'))
      .toThrow(/x\.json: qualityThreshold must be a number between 0 and 1, got 7/);
  });
});
