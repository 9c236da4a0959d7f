import { Duration, Stack } from 'aws-cdk-lib';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as cpactions from 'aws-cdk-lib/aws-codepipeline-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as pipelines from 'aws-cdk-lib/pipelines';
import { Construct } from 'constructs';
import { RETAIN_UNLESS_CREATE_FAILS } from '../constructs/retention';
import { acknowledgeControl, acknowledgeWildcardResource } from '../validation/acknowledge';
import { REGISTRY_CHECK_GROUP_VARIABLE, REGISTRY_CHECK_HANDLER_CODE, REGISTRY_CHECK_SHADOW_VARIABLE } from './registry-approval-check-handler';

/**
 * How long the check may run: one DescribeModelPackage with the SDK's retries, and the answer to CodePipeline
 * (the handler fails the job REGISTRY_CHECK_ANSWER_MARGIN_MS before this rather than leave it unanswered).
 */
export const REGISTRY_CHECK_TIMEOUT = Duration.seconds(60);

export interface RegistryApprovalCheckProps {
  /** The model package group whose versions the project releases. */
  readonly modelPackageGroupName: string;
  /**
   * The shadow stage before Prod, when the release has one (`endpoints.prod.shadow`).
   * @default - no shadow phase
   */
  readonly shadowStage?: string;
}

/**
 * The function behind the Prod stage's CheckRegistryApproval action ({@link REGISTRY_CHECK_HANDLER_CODE}): the
 * release's version must still be Approved in the registry when the reviewer's approval lets it go to
 * production. Its role may describe the group's versions and report the job's result, nothing else.
 */
export class RegistryApprovalCheck extends Construct {
  public readonly function: lambda.Function;

  constructor(scope: Construct, id: string, props: RegistryApprovalCheckProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const group = props.modelPackageGroupName;
    const logGroup = new logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.ONE_YEAR, removalPolicy: RETAIN_UNLESS_CREATE_FAILS });
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Checks that the version a ${group} release deploys to production is still Approved in the model registry`,
    });
    role.addToPolicy(new iam.PolicyStatement({ sid: 'Logs', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }));
    const versions = stack.formatArn({ service: 'sagemaker', resource: 'model-package', resourceName: `${group.toLowerCase()}/*` });
    role.addToPolicy(new iam.PolicyStatement({ sid: 'DescribeVersions', actions: ['sagemaker:DescribeModelPackage'], resources: [versions] }));
    acknowledgeWildcardResource(role, versions, `the release's version of ${group} is only known at run time; the wildcard covers only that group's versions`);
    // CodePipeline's job results: the Lambda invoke action grants them (PutJobSuccessResult and PutJobFailureResult have no resource type in IAM).
    acknowledgeWildcardResource(role, '*', 'codepipeline:PutJobSuccessResult and PutJobFailureResult, which the CodePipeline Lambda invoke action grants, have no resource type in IAM; '
      + 'the job id comes with the invocation');

    this.function = new lambda.Function(this, 'Function', {
      description: `Fails the production release of a ${group} version that is no longer Approved in the model registry`,
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline(REGISTRY_CHECK_HANDLER_CODE),
      environment: { [REGISTRY_CHECK_GROUP_VARIABLE]: group, ...(props.shadowStage ? { [REGISTRY_CHECK_SHADOW_VARIABLE]: props.shadowStage } : {}) },
      role,
      logGroup,
      timeout: REGISTRY_CHECK_TIMEOUT,
    });
    this.function.node.addDependency(role);
    acknowledgeControl(this.function, 'CT.LAMBDA.PR.3',
      'the function only calls the SageMaker and CodePipeline APIs; in a VPC it would need a NAT gateway or endpoints for both');
    acknowledgeControl(logGroup, 'CT.CLOUDWATCH.PR.3',
      'CloudWatch Logs encrypts every log group at rest; this one holds only model package ARNs and approval statuses');
  }
}

/**
 * A CDK Pipelines step that runs {@link RegistryApprovalCheck}'s function as a CodePipeline Lambda invoke action
 * ("AWS Lambda invoke action reference", AWS CodePipeline User Guide), its UserParameters the release's model
 * package ARN: a CodePipeline variable, so the pipeline's definition stays the same for every release.
 */
export class RegistryApprovalCheckStep extends pipelines.Step implements pipelines.ICodePipelineActionFactory {
  constructor(id: string, private readonly fn: lambda.IFunction, private readonly modelPackageArn: string) {
    super(id);
    // The ARN is another step's exported variable: this step runs after that one.
    this.discoverReferencedOutputs(modelPackageArn);
  }

  public produceAction(stage: codepipeline.IStage, options: pipelines.ProduceActionOptions): pipelines.CodePipelineActionFactoryResult {
    stage.addAction(new cpactions.LambdaInvokeAction({
      actionName: options.actionName,
      runOrder: options.runOrder,
      lambda: this.fn,
      userParametersString: this.modelPackageArn,
    }));
    // The role CodePipeline assumes for the action, which the action grants what it needs.
    const role = options.pipeline.pipeline.node.tryFindChild(stage.stageName)?.node.tryFindChild(options.actionName)?.node.tryFindChild('CodePipelineActionRole');
    if (role === undefined) {
      throw new Error(`the ${stage.stageName}/${options.actionName} action has no CodePipelineActionRole to acknowledge its grants on`);
    }
    acknowledgeWildcardResource(role, `${this.fn.functionArn}:*`, 'lambda:InvokeFunction, which the Lambda invoke action grants on the check function and its versions (the action invokes $LATEST)');
    acknowledgeWildcardResource(role, '*', 'lambda:ListFunctions, which the CodePipeline Lambda invoke action grants, has no resource type in IAM');
    return { runOrdersConsumed: 1 };
  }
}
