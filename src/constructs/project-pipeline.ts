import { ArnFormat, Duration, Fn, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as codebuild from 'aws-cdk-lib/aws-codebuild';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as pipelines from 'aws-cdk-lib/pipelines';
import { Construct } from 'constructs';
import { RELEASE_TOOLS_DIR, bundleReleaseToolsCommand } from './release-tools';
import { ToolkitSourceOptions, codeArtifactLoginCommand } from '../config/toolkit-source';
import { codeArtifactReadStatements } from './codeartifact-access';
import { VENDOR_CHECK_COMMAND } from '../app-context/vendor-check';
import { CDK_ASSETS_VERSION, CODEBUILD_NODE_VERSION, LIBRARY_NAME } from '../app-context/versions';
import { acknowledgeWildcardResource } from '../validation/acknowledge';
import { ArtifactStore } from './artifact-store';
import { checkActionConfigurationLengths, checkPipelineName } from './pipeline-limits';
import { studioContextArgumentsOf } from '../app-context/studio-project';
import { buildLogGroupName } from '../app-context/resource-names';
import { RETAIN_UNLESS_CREATE_FAILS } from './retention';
import { orderPipelineAfterActionPolicies } from './pipeline-policy-order';
import { assetBuckets, skipStageUnlessNeeded } from './stage-skip';
import { acknowledgeCrossRegionSupport } from './cross-region-support';

/**
 * Installs a repository's dependencies exactly as its committed package-lock.json pins them
 * (every generated repository commits one): `npm ci`, which fails rather than resolve anew.
 */
export const INSTALL_COMMAND = 'npm ci --no-audit --no-fund';

/**
 * The synth step's install: the vendored toolkit checked against the lock file first (a repository
 * that vendors nothing has no check script), then {@link INSTALL_COMMAND}.
 */
export const SYNTH_INSTALL_COMMANDS: readonly string[] = [VENDOR_CHECK_COMMAND, INSTALL_COMMAND];

/** The synth step's variable that says whether the self-mutation would change anything (`self-mutation-check`). */
export const SELF_MUTATION_VARIABLE = 'SELF_MUTATION';

/** The synth step's variable that says whether the Assets stage would upload anything (`assets-check`). */
export const ASSET_PUBLISHING_VARIABLE = 'ASSET_PUBLISHING';

export { SYNTH_VARIABLES_NAMESPACE } from './stage-skip';

/** The stage CDK Pipelines gives the self-mutation. */
const SELF_MUTATION_STAGE = 'UpdatePipeline';

/** The stage CDK Pipelines publishes the stages' assets in. */
const ASSETS_STAGE = 'Assets';

/** Environment every CodeBuild step of the project pipelines gets. */
export const BUILD_ENV = { CI: 'true' };

export interface ProjectPipelineProps {
  /** The CodePipeline's name. */
  readonly pipelineName: string;
  /** Where the code comes from. */
  readonly source: pipelines.CodePipelineSource;
  /** For the artifact key's alias and descriptions. */
  readonly projectName: string;
  /**
   * Commands the synth step runs before `cdk synth` (for example, resolving the model to deploy).
   * @default - none
   */
  readonly preSynthCommands?: readonly string[];
  /**
   * Permissions the synth step needs for `preSynthCommands`.
   * @default - none
   */
  readonly synthRolePolicyStatements?: iam.PolicyStatement[];
  /**
   * Commands the synth step runs after `cdk synth` (for example, copying a file into the cloud
   * assembly, which later steps read as the synth step's output).
   * @default - none
   */
  readonly postSynthCommands?: readonly string[];
  /**
   * Deploy each stack with a change set (a Prepare and an Execute action) rather than one
   * CloudFormation CREATE_UPDATE action. Without change sets, a stage's deploy action can be
   * switched to REPLACE_ON_FAILURE (see `replaceFailedStack`).
   * @default true
   */
  readonly useChangeSets?: boolean;
  /**
   * Where the repository installs the toolkit from, when not vendored: for a CodeArtifact
   * repository, the synth step logs npm in to it before `npm ci` and its role may read it.
   * @default - vendored (or a registry that needs no login)
   */
  readonly toolkit?: ToolkitSourceOptions;
  /**
   * More variables the synth step exports (besides the self-mutation's), each with the value it
   * keeps when no command sets it; `postSynthCommands` set them.
   * @default - none
   */
  readonly synthVariables?: Readonly<Record<string, string>>;
}

/**
 * A CDK Pipelines pipeline (CodePipeline V2) as both project repositories use it: its
 * artifacts in a KMS-encrypted, logged bucket of its own; a synth step that installs the
 * repository, runs `cdk synth` (the app command runs TypeScript without type-checking) and
 * bundles the release tools for the later steps (`releaseTools`);
 * CodeBuild on the standard Linux image with Node.js {@link CODEBUILD_NODE_VERSION}; self-mutation on,
 * skipped when the pipeline's stacks are deployed as synthesized.
 */
export class ProjectPipeline extends Construct {
  public readonly pipeline: pipelines.CodePipeline;
  public readonly artifacts: ArtifactStore;
  /** The synth step: its primary output is the cloud assembly (`cdk.out`), plus what `postSynthCommands` put there. */
  public readonly synth: pipelines.CodeBuildStep;
  /**
   * The synth step's second output: the release tools bundle (constructs/release-tools.ts), which
   * later steps run with `node` instead of installing the repository again.
   */
  public readonly releaseTools: pipelines.FileSet;
  private readonly readsCodeArtifact: boolean;

  constructor(scope: Construct, id: string, props: ProjectPipelineProps) {
    super(scope, id);
    checkPipelineName(props.pipelineName);
    this.artifacts = new ArtifactStore(this, 'Artifacts', {
      keyAlias: `${props.pipelineName}-artifacts`,
      description: `Encrypts the artifacts of the CodePipeline ${props.pipelineName} (project ${props.projectName})`,
      accessLogRetention: Duration.days(90),
    });
    const buildLogs = this.buildLogGroup(props.pipelineName);
    const codeArtifact = props.toolkit?.codeArtifact;
    const codeArtifactLogin = codeArtifact !== undefined ? [codeArtifactLoginCommand(codeArtifact)] : [];
    this.readsCodeArtifact = codeArtifact !== undefined;
    this.pipeline = new pipelines.CodePipeline(this, 'Pipeline', {
      pipelineName: props.pipelineName,
      pipelineType: codepipeline.PipelineType.V2,
      artifactBucket: this.artifacts.bucket,
      selfMutation: true,
      // A stage in another region gets a replication bucket there; across accounts it needs a key, rotated.
      crossAccountKeys: true,
      enableKeyRotation: true,
      publishAssetsInParallel: false,
      // The Assets actions install this cdk-assets, not the `latest` tag, which cannot read this assembly's schema.
      // The self-mutation keeps CDK Pipelines' `aws-cdk@2`, the newest 2.x CLI: a pinned CLI would read a
      // toolkit upgrade's assembly with the previous version (the CodePipeline construct's cliVersion).
      cdkAssetsCliVersion: CDK_ASSETS_VERSION,
      useChangeSets: props.useChangeSets ?? true,
      synth: this.synth = new pipelines.CodeBuildStep('Synth', {
        input: props.source,
        env: { ...BUILD_ENV, ...props.synthVariables, [SELF_MUTATION_VARIABLE]: 'needed', [ASSET_PUBLISHING_VARIABLE]: 'needed' },
        installCommands: [...codeArtifactLogin, ...SYNTH_INSTALL_COMMANDS],
        // A project launched from Studio keeps its launch's names in every later synth.
        commands: [
          ...(props.preSynthCommands ?? []),
          ['npx cdk synth --no-notices', ...studioContextArgumentsOf(this)].join(' '),
          ...(props.postSynthCommands ?? []),
          // The commands of the later steps, bundled from the installed toolkit (no second `npm ci` for them).
          bundleReleaseToolsCommand(LIBRARY_NAME),
          // Whether the self-mutation would change anything; a failed check keeps the default, `needed`.
          `${SELF_MUTATION_VARIABLE}=$(npx ${LIBRARY_NAME} self-mutation-check --stack ${Stack.of(this).artifactId}) || ${SELF_MUTATION_VARIABLE}=needed`,
          // Whether the Assets stage would upload anything (skipped when every asset is in its bucket); same fallback.
          `${ASSET_PUBLISHING_VARIABLE}=$(npx ${LIBRARY_NAME} assets-check) || ${ASSET_PUBLISHING_VARIABLE}=needed`,
        ],
        primaryOutputDirectory: 'cdk.out',
        partialBuildSpec: codebuild.BuildSpec.fromObject({ env: { 'exported-variables': [...Object.keys(props.synthVariables ?? {}), SELF_MUTATION_VARIABLE, ASSET_PUBLISHING_VARIABLE] } }),
        rolePolicyStatements: [...props.synthRolePolicyStatements ?? [], ...codeArtifactReadStatements(this, codeArtifact)],
      }),
      codeBuildDefaults: {
        buildEnvironment: { buildImage: codebuild.LinuxBuildImage.STANDARD_7_0, computeType: codebuild.ComputeType.SMALL },
        partialBuildSpec: codebuild.BuildSpec.fromObject({ phases: { install: { 'runtime-versions': { nodejs: CODEBUILD_NODE_VERSION } } } }),
        // Every project logs to the pipeline's log group (Control Tower CT.CODEBUILD.PR.3: logging configured).
        logging: { cloudWatch: { logGroup: buildLogs } },
      },
    });
    this.releaseTools = this.synth.addOutputDirectory(RELEASE_TOOLS_DIR);
  }

  /**
   * The log group of the pipeline's CodeBuild projects: kept a year, encrypted with the artifact
   * key, which lets CloudWatch Logs use it for this log group only ("Encrypt log data in
   * CloudWatch Logs using AWS Key Management Service": the encryption context aws:logs:arn).
   */
  private buildLogGroup(pipelineName: string): logs.LogGroup {
    const stack = Stack.of(this);
    const logGroupName = buildLogGroupName(pipelineName);
    const logGroupArn = stack.formatArn({ service: 'logs', resource: 'log-group', resourceName: logGroupName, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
    this.artifacts.key.addToResourcePolicy(new iam.PolicyStatement({
      principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      resources: ['*'],
      conditions: { ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': logGroupArn } },
    }));
    return new logs.LogGroup(this, 'BuildLogs', {
      logGroupName,
      retention: logs.RetentionDays.ONE_YEAR,
      encryptionKey: this.artifacts.key,
      removalPolicy: RETAIN_UNLESS_CREATE_FAILS,
    });
  }

  /** Builds the pipeline (after every stage is added), checks its actions' configuration values, and acknowledges the wildcards of aws-cdk-lib's grants to its own roles. */
  public build(): void {
    this.pipeline.buildPipeline();
    checkActionConfigurationLengths(this.pipeline.pipeline);
    const stack = Stack.of(this);
    acknowledgeCrossRegionSupport(this, this.pipeline.pipeline);
    this.skipSelfMutationWhenUnchanged();
    this.skipAssetsWhenPublished();
    orderPipelineAfterActionPolicies(this.pipeline.pipeline, this);
    const ack = (id: string, reason: string) => Validations.of(this).acknowledge({ id: `AwsSolutions-IAM5[${id}]`, reason });
    const artifactActions = ['s3:Abort*', 's3:DeleteObject*', 's3:GetBucket*', 's3:GetObject*', 's3:List*', 'kms:GenerateDataKey*', 'kms:ReEncrypt*'];
    for (const action of artifactActions) {
      ack(`Action::${action}`, `aws-cdk-lib grants the pipeline's roles ${action} through its read/write grants on the pipeline's own artifact bucket and key, and on no other resource`);
    }
    acknowledgeWildcardResource(this, this.artifacts.bucket.arnForObjects('*'),
      'the pipeline passes its artifacts between actions as objects of its own artifact bucket, named per execution');
    for (const project of this.node.findAll().filter((c): c is codebuild.Project => c instanceof codebuild.Project)) {
      acknowledgeWildcardResource(this, stack.formatArn({
        service: 'logs', resource: 'log-group', resourceName: `/aws/codebuild/${project.projectName}:*`, arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      }), 'CodeBuild writes one log stream per build of this project, named at run time');
      acknowledgeWildcardResource(this, stack.formatArn({ service: 'codebuild', resource: 'report-group', resourceName: `${project.projectName}-*` }),
        'CodeBuild creates the report groups of this project, named after it, at run time');
    }
    // The asset-publishing role is shared by every asset step and named without a project.
    acknowledgeWildcardResource(this, stack.formatArn({ service: 'logs', resource: 'log-group', resourceName: '/aws/codebuild/*', arnFormat: ArnFormat.COLON_RESOURCE_NAME }),
      'the shared asset-publishing role of CDK Pipelines writes the logs of the asset CodeBuild projects it creates');
    acknowledgeWildcardResource(this, stack.formatArn({ service: 'codebuild', resource: 'report-group', resourceName: '*' }),
      'the shared asset-publishing role of CDK Pipelines reports for the asset CodeBuild projects it creates');
    acknowledgeWildcardResource(this, `arn:*:iam::${stack.account}:role/*`,
      'CDK Pipelines assumes the CDK bootstrap roles to publish assets and update itself; aws-cdk-lib limits the statement to roles tagged aws-cdk:bootstrap-role');
    acknowledgeWildcardResource(this, '*',
      'aws-cdk-lib writes "*" for the self-mutation reads (cloudformation:DescribeStacks, s3:ListBucket) and for the asset role\'s codebuild Start/Stop/BatchGetBuilds on the asset projects it creates'
      + (this.readsCodeArtifact ? '; the synth role\'s sts:GetServiceBearerToken has no resource type in IAM and is limited to the service codeartifact.amazonaws.com' : ''));
  }

  /**
   * Skips the UpdatePipeline stage when the synth step found the deployed pipeline stack (and the
   * cross-region support stacks it depends on) identical to the synthesized ones, as in a release
   * started by a model approval or a commit that does not touch the pipeline: CodeBuild's start,
   * the CDK CLI's install and an empty `cdk deploy` saved. A stage entry condition with the SKIP
   * result takes only LambdaInvoke or VariableCheck rules ("Configure conditions for a stage", AWS
   * CodePipeline User Guide); the rule lets the stage run unless the variable is exactly
   * `not-needed` (VariableCheck's NE operator), so a check that could not tell runs the stage. The
   * synth role may read the templates of these stacks only.
   */
  private skipSelfMutationWhenUnchanged(): void {
    this.skipStageUnlessNeeded(SELF_MUTATION_STAGE, SELF_MUTATION_VARIABLE, 'PipelineStacksChanged');
    const pipelineStack = Stack.of(this);
    const stacks = [pipelineStack, ...Object.values(this.pipeline.pipeline.crossRegionSupport).map((support) => support.stack)];
    for (const stack of stacks) {
      const stackArn = pipelineStack.formatArn({ service: 'cloudformation', region: stack.region, resource: 'stack', resourceName: `${stack.stackName}/*` });
      this.pipeline.synthProject.addToRolePolicy(new iam.PolicyStatement({ actions: ['cloudformation:DescribeStacks', 'cloudformation:GetTemplate'], resources: [stackArn] }));
      acknowledgeWildcardResource(this, stackArn, `a stack's ARN ends in the id CloudFormation gives it at creation; the synth step compares the deployed ${stack.stackName} with the synthesized one`);
    }
  }

  /**
   * Skips the Assets stage when the synth step found every file asset of the pipeline's stages
   * already in its destination bucket (`assets-check`), as on a release started by a model
   * approval: the asset action's CodeBuild start and cdk-assets' install saved. The synth role may
   * list the buckets of the destinations in its own account (ListObjectsV2 needs s3:ListBucket on
   * the bucket, "ListObjectsV2", Amazon S3 API Reference) and nothing more: it does not get the
   * publishing role, which could write there. So a pipeline with an asset for another account
   * keeps its Assets stage unconditional (the check would always answer `needed`), and so does a
   * pipeline whose stages have no asset: it has no Assets stage.
   */
  private skipAssetsWhenPublished(): void {
    const buckets = assetBuckets(this.pipeline, Stack.of(this).account);
    if (!this.pipeline.pipeline.stages.some((stage) => stage.stageName === ASSETS_STAGE) || buckets.elsewhere > 0 || buckets.own.length === 0) {
      return;
    }
    this.skipStageUnlessNeeded(ASSETS_STAGE, ASSET_PUBLISHING_VARIABLE, 'AssetsUnpublished');
    this.pipeline.synthProject.addToRolePolicy(new iam.PolicyStatement({
      actions: ['s3:ListBucket'],
      resources: buckets.own.map((bucket) => Fn.sub(`arn:\${AWS::Partition}:s3:::${bucket}`)),
    }));
  }

  /**
   * Skips the stage `stageName` (after `build()`) unless the synth step's exported `variable` says
   * it is needed: the stage runs unless the variable is exactly `not-needed`.
   */
  public skipStageUnlessNeeded(stageName: string, variable: string, ruleName: string): void {
    skipStageUnlessNeeded(this.pipeline.pipeline, stageName, variable, ruleName);
  }
}
