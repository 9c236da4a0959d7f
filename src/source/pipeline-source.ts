import { Annotations, Stack } from 'aws-cdk-lib';
import * as codecommit from 'aws-cdk-lib/aws-codecommit';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as pipelines from 'aws-cdk-lib/pipelines';
import { Construct } from 'constructs';
import { CONNECTION_ARN_PATTERN, ResolvedRepositorySource, branchFilterPattern, isPlaceholderConnectionArn } from '../config';

/** The name of the source action in the pipelines this package builds. */
export const SOURCE_ACTION_NAME = 'Source';

/** The IAM service prefix of a CodeConnections ARN: `codestar-connections` or `codeconnections`. */
export function connectionServicePrefix(connectionArn: string): 'codestar-connections' | 'codeconnections' {
  const match = CONNECTION_ARN_PATTERN.exec(connectionArn);
  if (match === null) {
    throw new Error(`not a CodeConnections connection ARN: ${JSON.stringify(connectionArn)}`);
  }
  return match[2] as 'codestar-connections' | 'codeconnections';
}

/**
 * Where a pipeline takes its code from: a CodeConnections connection (GitHub, GitLab,
 * Bitbucket; either ARN form) or a CodeCommit repository. Either way a push to the branch
 * starts the pipeline once: a connection through the V2 trigger that `configure` adds (its source
 * action does not detect changes), CodeCommit through the EventBridge rule aws-cdk-lib adds (its
 * source action does not poll).
 */
export class PipelineSource {
  public readonly input: pipelines.CodePipelineSource;

  constructor(scope: Construct, id: string, private readonly source: ResolvedRepositorySource) {
    if (source.codeCommitRepository !== undefined) {
      const repository = codecommit.Repository.fromRepositoryName(scope, `${id}Repository`, source.codeCommitRepository);
      this.input = pipelines.CodePipelineSource.codeCommit(repository, source.branch, { actionName: SOURCE_ACTION_NAME });
      return;
    }
    const connectionArn = source.connectionArn!;
    if (isPlaceholderConnectionArn(connectionArn)) {
      Annotations.of(scope).addWarningV2('sagemaker-gitops:placeholder-connection',
        `the source connection ARN ${connectionArn} is a placeholder (account 000000000000): set source.*.connectionArn in .projenrc.ts to your connection before deploying`);
    }
    this.input = pipelines.CodePipelineSource.connection(source.repository!, source.branch, {
      connectionArn,
      // DetectChanges: false. configure() starts the pipeline with a V2 trigger filtered on the
      // branch; with a trigger, CodePipeline ignores default change detection ("When a trigger
      // configuration is specified, default change detection for repository and branch commits is
      // disabled"), so the action must not claim to detect changes itself: one push, one execution.
      triggerOnPush: false,
      actionName: SOURCE_ACTION_NAME,
    });
  }

  /**
   * After the pipeline is built: starts it on pushes to the branch only, and grants the
   * source action's role the `UseConnection` action
   * of the connection's own service prefix. aws-cdk-lib grants only
   * `codestar-connections:UseConnection`, which IAM does not match against a connection
   * created under the newer `codeconnections` prefix.
   */
  public configure(pipeline: codepipeline.Pipeline): void {
    const connectionArn = this.source.connectionArn;
    if (connectionArn === undefined) {
      return;
    }
    // Only pushes to the configured branch start the pipeline (a V2 trigger with a branch filter).
    const sourceAction = pipeline.stages.find((s) => s.stageName === SOURCE_ACTION_NAME)?.actions[0];
    if (sourceAction === undefined) {
      throw new Error(`the pipeline ${Stack.of(pipeline).stackName} has no ${SOURCE_ACTION_NAME} stage`);
    }
    pipeline.addTrigger({
      providerType: codepipeline.ProviderType.CODE_STAR_SOURCE_CONNECTION,
      gitConfiguration: { sourceAction, pushFilter: [{ branchesIncludes: [branchFilterPattern(this.source.branch)] }] },
    });
    if (connectionServicePrefix(connectionArn) !== 'codeconnections') {
      return;
    }
    // The pipeline creates each action's role under <pipeline>/<stage>/<action>/CodePipelineActionRole.
    const role = pipeline.node.findAll().find((c): c is iam.Role =>
      c instanceof iam.Role && c.node.path.includes(`/${SOURCE_ACTION_NAME}/`) && c.node.id === 'CodePipelineActionRole');
    if (role === undefined) {
      throw new Error(`the pipeline ${Stack.of(pipeline).stackName} has no ${SOURCE_ACTION_NAME} action with a role`);
    }
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['codeconnections:UseConnection'], resources: [connectionArn] }));
  }
}
