/**
 * The check of IAM policies against the Service Authorization Reference (test/helpers/iam-reference.ts),
 * on statements written to break each rule, and on the committed Studio templates. The apps' templates
 * are checked where they are synthesized: test/validation/api-model.test.ts (the other choices a team
 * makes, the longest project name) and test/all-features.test.ts (every opt-in).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { ACKNOWLEDGED_ACTIONS, actionProblem, checkPolicies, globsIntersect, policyStatements } from '../helpers/iam-reference';

const EXAMPLE = path.join(__dirname, '..', '..');

/** A template with one role whose inline policy has `statements`. */
function roleTemplate(...statements: unknown[]): Record<string, any> {
  return {
    t: {
      Resources: {
        Bucket: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'churn-data' } },
        Role: {
          Type: 'AWS::IAM::Role',
          Properties: {
            AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
            Policies: [{ PolicyName: 'p', PolicyDocument: { Statement: statements } }],
          },
        },
      },
    },
  };
}

describe('the Service Authorization Reference check of policies', () => {
  // Service Authorization Reference, "Actions defined by Amazon SageMaker AI": there is
  // DescribeModelPackage, not DescribeModelPackages; IAM accepts the policy and grants nothing.
  test('reports an action its service does not have, a wildcard that matches none, and an unknown service', async () => {
    const { problems } = await checkPolicies(roleTemplate({ Effect: 'Allow', Action: ['sagemaker:DescribeModelPackages', 'sagemaker:Descrbe*', 'sagemakr:ListModels', 's3:GetObject'], Resource: '*' }));
    expect(problems).toEqual([
      't Role.Policies[0].PolicyDocument.Statement[0]: "sagemaker:DescribeModelPackages": sagemaker has no action DescribeModelPackages',
      't Role.Policies[0].PolicyDocument.Statement[0]: "sagemaker:Descrbe*" matches no action of sagemaker',
      't Role.Policies[0].PolicyDocument.Statement[0]: "sagemakr:ListModels": "sagemakr" is not the prefix of an AWS service\'s actions',
    ]);
  });

  // IAM User Guide, "AWS global condition context keys"; a key IAM does not know is absent from every
  // request, so an Allow with it never applies (and a Deny never denies).
  test('reports a condition key that is neither global nor its service\'s', async () => {
    const { problems, judged } = await checkPolicies(roleTemplate({
      Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::123456789012:role/build',
      Condition: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com', 'aws:SourceAccnt': '123456789012' }, StringLike: { 'aws:ResourceTag/team': 'ml' } },
    }));
    expect(problems).toEqual(['t Role.Policies[0].PolicyDocument.Statement[0]: the condition key aws:SourceAccnt (StringEquals) is neither a global key nor one of its service\'s']);
    expect(judged.conditionKeys).toBe(3);
  });

  // IAM User Guide, "IAM JSON policy elements: Condition operators": IAM refuses a policy with another
  // operator (MalformedPolicyDocument), and Null takes no IfExists. IAM Access Analyzer's policy checks
  // ("Type mismatch"): a number operator on a string key, or a Boolean one on an ARN, never matches.
  // The CloudWatch Logs User Guide's key policy ("Encrypt log data in CloudWatch Logs using AWS KMS")
  // compares the string key kms:EncryptionContext:aws:logs:arn with ArnLike: accepted.
  test('reports an operator IAM does not have, and one of another type than its key', async () => {
    const { problems } = await checkPolicies(roleTemplate({
      Effect: 'Deny', Action: 's3:*', Resource: '*',
      Condition: {
        StringEqual: { 'aws:SourceAccount': '123456789012' },
        NullIfExists: { 'aws:SourceArn': 'true' },
        NumericLessThan: { 'aws:SourceAccount': '123456789012' },
        BoolIfExists: { 'aws:SourceArn': 'true' },
        ArnLike: { 'kms:EncryptionContext:aws:logs:arn': 'arn:aws:logs:us-east-1:123456789012:log-group:*' },
        Bool: { 'aws:SecureTransport': 'false' },
        'ForAnyValue:StringLikeIfExists': { 'aws:TagKeys': 'team*' },
        StringLike: { 'aws:SourceArn': 'arn:aws:sagemaker:*' },
      },
    }));
    expect(problems.map((p) => p.replace(/^t Role.Policies\[0\].PolicyDocument.Statement\[0\]: /, ''))).toEqual([
      'StringEqual is not a condition operator of IAM\'s',
      'NullIfExists is not a condition operator of IAM\'s',
      'NumericLessThan compares numbers, but aws:SourceAccount is of the type String',
      'BoolIfExists compares Booleans, but aws:SourceArn is of the type ARN',
    ]);
  });

  // Service Authorization Reference: s3:GetObject acts on `object` (arn:...:s3:::<bucket>/<key>), ListBucket
  // on `bucket`; ecr:GetAuthorizationToken lists no resource type, so only "*" grants it.
  test('reports an action granted on resources it does not act on', async () => {
    const bucket = { 'Fn::GetAtt': ['Bucket', 'Arn'] };
    const objects = { 'Fn::Join': ['', [bucket, '/*']] };
    const { problems } = await checkPolicies(roleTemplate(
      { Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: [objects, bucket] },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: bucket },
      { Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: 'arn:aws:ecr:us-east-1:123456789012:repository/churn' },
      { Effect: 'Allow', Action: 'sagemaker:CreateModelPackage', Resource: 'arn:aws:sagemaker:us-east-1:123456789012:model-package-group/churn' },
    ));
    expect(problems).toEqual([
      expect.stringMatching(/Statement\[1\]: s3:GetObject acts on .*arn:\*:s3:::\*\/\*.*: none of arn:aws:s3:::churn-data is one$/),
      't Role.Policies[0].PolicyDocument.Statement[2]: ecr:GetAuthorizationToken takes no resource ARN, only "*": granting it on arn:aws:ecr:us-east-1:123456789012:repository/churn grants nothing',
      expect.stringMatching(/Statement\[3\]: sagemaker:CreateModelPackage acts on arn:\*:sagemaker:\*:\*:model-package\/\*: none of arn:aws:sagemaker:us-east-1:123456789012:model-package-group\/churn is one$/),
    ]);
  });

  test('takes a reference known only at deployment for any text, and a known one for its value', async () => {
    const generated = { 'Fn::Join': ['', ['arn:aws:s3:::', { Ref: 'SomeParameter' }, '/*']] };
    expect((await checkPolicies(roleTemplate({ Effect: 'Allow', Action: 's3:GetObject', Resource: generated }))).problems).toEqual([]);
    // The bucket's name is known (BucketName): the bucket ARN is not an object ARN.
    expect((await checkPolicies(roleTemplate({ Effect: 'Allow', Action: 's3:GetObject', Resource: { 'Fn::GetAtt': ['Bucket', 'Arn'] } }))).problems).toHaveLength(1);
  });

  test('finds the statements of every kind of policy, trust policies included', () => {
    const where = policyStatements(roleTemplate({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' })).map((s) => s.where);
    expect(where).toEqual(['t Role.AssumeRolePolicyDocument.Statement[0]', 't Role.Policies[0].PolicyDocument.Statement[0]']);
  });

  // The pairs test/integration/step-permissions.test.ts maps calls to: S3's ListObjectsV2 is authorized
  // as s3:ListBucket on the bucket (Service Authorization Reference, "Actions defined by Amazon S3").
  test('judges one action on one resource, as step-permissions maps a call', async () => {
    expect(await actionProblem('s3:ListObjectsV2', 'arn:aws:s3:::churn-data')).toBe('"s3:ListObjectsV2": s3 has no action ListObjectsV2');
    expect(await actionProblem('s3:ListBucket', 'arn:aws:s3:::churn-data')).toBeUndefined();
    expect(await actionProblem('s3:GetObject', '<Bucket.Arn>/data/train.csv')).toBeUndefined();
    expect(await actionProblem('sagemaker:DescribeEndpoint', 'arn:aws:sagemaker:us-east-1:111111111111:model/churn')).toMatch(/^sagemaker:DescribeEndpoint acts on arn:\*:sagemaker:\*:\*:endpoint\/\*: none of/);
    expect(await actionProblem('ecr:GetAuthorizationToken', '*')).toBeUndefined();
  });

  test('intersects globs: a resource with wildcards and an ARN format', () => {
    expect(globsIntersect('arn:aws:s3:::churn-*/data/*', 'arn:*:s3:::*/*')).toBe(true);
    expect(globsIntersect('arn:aws:s3:::churn', 'arn:*:s3:::*/*')).toBe(false);
    expect(globsIntersect('arn:aws:logs:us-east-1:1:log-group:*', 'arn:*:logs:*:*:log-group:*')).toBe(true);
    expect(globsIntersect('a?c', 'abc')).toBe(true);
    expect(globsIntersect('a*', 'b*')).toBe(false);
  });
});

describe('the Studio templates\' policies', () => {
  test('use actions, condition keys and resources the Service Authorization Reference has', async () => {
    const templates = Object.fromEntries(['sagemaker-project', 'sagemaker-domain'].map((name) => [name, parse(fs.readFileSync(path.join(EXAMPLE, 'templates', `${name}.yaml`), 'utf-8'))]));
    const { problems, judged } = await checkPolicies(templates, ACKNOWLEDGED_ACTIONS);
    expect(problems).toEqual([]);
    expect(judged.actions).toBeGreaterThan(50);
    expect(judged.resources).toBeGreaterThan(30);
  });
});
