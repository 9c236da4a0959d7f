import { App, Stack } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import { ECR_REPOSITORY_NAME_PATTERN, JOB_NETWORK_LIMITS, parseProjectConfig, renderConfigFile, resolveJobNetwork, stepImageRepositoryNameFor, usesStepImages } from '../../src/config';
import { configErrorOf, testConfig } from '../helpers/validated-synth';

const SUBNET_A = 'subnet-0123456789abcdef0';
const SUBNET_B = 'subnet-0fedcba9876543210';
const SG = 'sg-0123456789abcdef0';
const NETWORK = { subnetIds: [SUBNET_A, SUBNET_B], securityGroupIds: [SG] };

/** The ConfigError message of resolving `jobNetwork` in an otherwise valid project. */
const errorOf = (jobNetwork: unknown): string => configErrorOf({ jobNetwork });

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i.toString(16).padStart(17, '0')}`);

describe('jobNetwork', () => {
  test('absent: the jobs run on SageMaker\'s network and the config has no jobNetwork', () => {
    expect(testConfig().jobNetwork).toBeUndefined();
    expect('jobNetwork' in testConfig()).toBe(false);
  });

  test('resolved with internet access by default, and kept through the generated config file', () => {
    const config = testConfig({ jobNetwork: NETWORK });
    expect(config.jobNetwork).toEqual({ subnetIds: [SUBNET_A, SUBNET_B], securityGroupIds: [SG], internetAccess: true });
    const reread = parseProjectConfig(JSON.stringify(renderConfigFile(config)), 'config.json');
    expect(reread.jobNetwork).toEqual(config.jobNetwork);
    expect(testConfig({ jobNetwork: { ...NETWORK, internetAccess: false } }).jobNetwork?.internetAccess).toBe(false);
  });

  test('8- and 17-digit EC2 IDs are both accepted ("Resource IDs", Amazon EC2 User Guide: longer IDs)', () => {
    expect(resolveJobNetwork('jobNetwork', { subnetIds: ['subnet-0123abcd'], securityGroupIds: ['sg-0123abcd'] })).toEqual({
      subnetIds: ['subnet-0123abcd'], securityGroupIds: ['sg-0123abcd'], internetAccess: true,
    });
  });

  // SageMaker API reference, VpcConfig: Subnets "Minimum number of 1 item. Maximum number of 16 items";
  // SecurityGroupIds "Minimum number of 1 item. Maximum number of 5 items".
  test('VpcConfig list limits: 1..16 subnets, 1..5 security groups', () => {
    expect(JOB_NETWORK_LIMITS.subnetIds).toMatchObject({ min: 1, max: 16 });
    expect(JOB_NETWORK_LIMITS.securityGroupIds).toMatchObject({ min: 1, max: 5 });
    expect(testConfig({ jobNetwork: { subnetIds: ids('subnet', 16), securityGroupIds: ids('sg', 5) } }).jobNetwork?.subnetIds).toHaveLength(16);
    expect(errorOf({ subnetIds: ids('subnet', 17), securityGroupIds: [SG] })).toBe('jobNetwork.subnetIds must list 1 to 16 IDs (SageMaker VpcConfig), got 17');
    expect(errorOf({ subnetIds: [], securityGroupIds: [SG] })).toBe('jobNetwork.subnetIds must list 1 to 16 IDs (SageMaker VpcConfig), got 0');
    expect(errorOf({ subnetIds: [SUBNET_A], securityGroupIds: ids('sg', 6) })).toBe('jobNetwork.securityGroupIds must list 1 to 5 IDs (SageMaker VpcConfig), got 6');
    expect(errorOf({ subnetIds: [SUBNET_A], securityGroupIds: [] })).toBe('jobNetwork.securityGroupIds must list 1 to 5 IDs (SageMaker VpcConfig), got 0');
  });

  test.each([
    ['a security group among the subnets', { subnetIds: [SG], securityGroupIds: [SG] }, /^jobNetwork\.subnetIds has "sg-0123456789abcdef0"; each must be an ID such as subnet-0123456789abcdef0/],
    ['a subnet among the security groups', { subnetIds: [SUBNET_A], securityGroupIds: [SUBNET_A] }, /^jobNetwork\.securityGroupIds has "subnet-0123456789abcdef0"; each must be an ID such as sg-0123456789abcdef0/],
    ['upper-case hex', { subnetIds: ['subnet-0123456789ABCDEF0'], securityGroupIds: [SG] }, /subnetIds has "subnet-0123456789ABCDEF0"/],
    ['a 12-digit ID', { subnetIds: ['subnet-0123456789ab'], securityGroupIds: [SG] }, /subnetIds has "subnet-0123456789ab"; .*8 or 17 hexadecimal digits/],
    ['a VPC ID', { subnetIds: ['vpc-0123456789abcdef0'], securityGroupIds: [SG] }, /subnetIds has "vpc-0123456789abcdef0"/],
    ['a number', { subnetIds: [SUBNET_A], securityGroupIds: [42] }, /securityGroupIds has 42/],
  ])('an ID of the wrong shape is rejected: %s', (_name, jobNetwork, message) => {
    expect(errorOf(jobNetwork)).toMatch(message);
  });

  test('a subnet or security group named twice is rejected', () => {
    expect(errorOf({ subnetIds: [SUBNET_A, SUBNET_B, SUBNET_A], securityGroupIds: [SG] })).toBe(`jobNetwork.subnetIds lists ${SUBNET_A} twice; name each once`);
    expect(errorOf({ subnetIds: [SUBNET_A], securityGroupIds: [SG, SG] })).toBe(`jobNetwork.securityGroupIds lists ${SG} twice; name each once`);
  });

  test('the shape: an object with known fields, lists, a boolean', () => {
    expect(errorOf('subnet-0123456789abcdef0')).toBe('jobNetwork must be an object, got "subnet-0123456789abcdef0"');
    expect(errorOf({ ...NETWORK, vpcId: 'vpc-1' })).toBe('jobNetwork has an unknown field "vpcId"; allowed: subnetIds, securityGroupIds, internetAccess');
    expect(errorOf({ subnetIds: SUBNET_A, securityGroupIds: [SG] })).toMatch(/^jobNetwork\.subnetIds must be a list of 1 to 16 IDs such as subnet-0123456789abcdef0, got "subnet-/);
    expect(errorOf({ subnetIds: [SUBNET_A] })).toMatch(/^jobNetwork\.securityGroupIds must be a list of 1 to 5 IDs such as sg-0123456789abcdef0, got undefined/);
    expect(errorOf({ ...NETWORK, internetAccess: 'no' })).toBe('jobNetwork.internetAccess must be true or false, got "no"');
  });
});

describe('usesStepImages', () => {
  test('only jobs without internet access that log to MLflow need derived images', () => {
    expect(usesStepImages(testConfig({ mlflow: {}, jobNetwork: { ...NETWORK, internetAccess: false } }))).toBe(true);
    expect(usesStepImages(testConfig({ mlflow: {}, jobNetwork: NETWORK }))).toBe(false);
    expect(usesStepImages(testConfig({ jobNetwork: { ...NETWORK, internetAccess: false } }))).toBe(false);
    expect(usesStepImages(testConfig({ mlflow: {} }))).toBe(false);
  });
});

describe('the step images\' ECR repository, named after the project', () => {
  // Amazon ECR API Reference, CreateRepository: repositoryName matches
  // (?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*, one separator between letters and digits.
  // SageMaker's project name pattern takes repeated hyphens, so a valid project name can give a name ECR refuses.
  test('a project name with repeated hyphens is refused when the steps use derived images, naming the repository', () => {
    const options = { projectName: 'churn--model', mlflow: {}, jobNetwork: { ...NETWORK, internetAccess: false } };
    expect(configErrorOf(options)).toBe(
      'projectName "churn--model", with jobNetwork.internetAccess false and MLflow on, names the step images\' ECR repository "churn--model-step-images", ' +
      'which ECR refuses: a repository name has a single \'.\', \'_\' or \'-\' between lower-case letters and digits ' +
      `(CreateRepository, repositoryName: ${ECR_REPOSITORY_NAME_PATTERN.source}); use single hyphens in projectName`,
    );
  });

  test('the same name is fine where no repository is made (internet access, or no MLflow)', () => {
    expect(testConfig({ projectName: 'churn--model', mlflow: {}, jobNetwork: NETWORK }).projectName).toBe('churn--model');
    expect(testConfig({ projectName: 'churn--model', jobNetwork: { ...NETWORK, internetAccess: false } }).projectName).toBe('churn--model');
    expect(testConfig({ projectName: 'Churn-Model', mlflow: {}, jobNetwork: { ...NETWORK, internetAccess: false } }).projectName).toBe('Churn-Model');
  });

  test('the pattern agrees with aws-cdk-lib\'s own check of repository names', () => {
    const stack = new Stack(new App());
    for (const projectName of ['churn', 'Churn-Model', 'churn--model', 'a1-b2-c3', 'churn---x', 'x']) {
      const name = stepImageRepositoryNameFor(projectName);
      const cdkAccepts = (() => {
        try {
          new ecr.Repository(stack, `Repository-${projectName}`, { repositoryName: name });
          return true;
        } catch {
          return false;
        }
      })();
      expect([projectName, ECR_REPOSITORY_NAME_PATTERN.test(name)]).toEqual([projectName, cdkAccepts]);
    }
  });
});
