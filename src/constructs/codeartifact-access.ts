import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { CodeArtifactRepositoryOptions } from '../config/toolkit-source';

/**
 * What `aws codeartifact login --tool npm` and npm's reads need, as the CodeArtifact user guide
 * documents them: GetAuthorizationToken on the domain, GetRepositoryEndpoint and ReadFromRepository
 * on the repository ("AWS CodeArtifact permissions reference"), and sts:GetServiceBearerToken for
 * CodeArtifact only ("Provision an IAM user").
 */
export function codeArtifactReadStatements(scope: Construct, repo: CodeArtifactRepositoryOptions | undefined): iam.PolicyStatement[] {
  if (repo === undefined) {
    return [];
  }
  const arn = (resource: string, resourceName: string) => Stack.of(scope).formatArn({ service: 'codeartifact', region: repo.region, account: repo.domainOwner, resource, resourceName });
  return [
    new iam.PolicyStatement({ actions: ['codeartifact:GetAuthorizationToken'], resources: [arn('domain', repo.domain)] }),
    new iam.PolicyStatement({ actions: ['codeartifact:GetRepositoryEndpoint', 'codeartifact:ReadFromRepository'], resources: [arn('repository', `${repo.domain}/${repo.repository}`)] }),
    new iam.PolicyStatement({
      actions: ['sts:GetServiceBearerToken'],
      resources: ['*'],
      conditions: { StringEquals: { 'sts:AWSServiceName': 'codeartifact.amazonaws.com' } },
    }),
  ];
}
