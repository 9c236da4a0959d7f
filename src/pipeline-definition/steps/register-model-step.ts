import { Expression, StepProperty, Value } from '../expressions';
import { RetryPolicy, renderRetryPolicies } from './policies';
import { REQUEST_LIMITS, customerMetadataProblem, literalText } from './request-limits';
import { Step, StepProps } from './step';

/** The approval states of a model package. */
export const MODEL_APPROVAL_STATUSES = ['Approved', 'Rejected', 'PendingManualApproval'] as const;
export type ModelApprovalStatus = typeof MODEL_APPROVAL_STATUSES[number];

/** A metrics document in S3. */
export interface MetricsSource {
  readonly s3Uri: Value<string>;
  /** @default "application/json" */
  readonly contentType?: Value<string>;
}

/** The metrics a model package carries; each is optional. */
export interface ModelMetrics {
  readonly modelQuality?: { readonly statistics?: MetricsSource; readonly constraints?: MetricsSource };
  readonly modelDataQuality?: { readonly statistics?: MetricsSource; readonly constraints?: MetricsSource };
  readonly bias?: { readonly report?: MetricsSource };
  readonly explainability?: { readonly report?: MetricsSource };
}

export interface RegisterModelStepProps extends StepProps {
  /** The model package group the new version goes into. */
  readonly modelPackageGroupName: Value<string>;
  /**
   * The new version's approval status.
   * @default "PendingManualApproval"
   */
  readonly approvalStatus?: Value<string>;
  /** The inference image. */
  readonly image: Value<string>;
  /** The S3 URI of the model artifacts (usually a training step's `modelArtifacts`). */
  readonly modelDataUrl: Value<string>;
  /** MIME types the model accepts, such as `text/csv`. */
  readonly contentTypes: ReadonlyArray<Value<string>>;
  /** MIME types the model answers with. */
  readonly responseTypes: ReadonlyArray<Value<string>>;
  /** Instance types the model may be deployed on for real-time inference. */
  readonly inferenceInstanceTypes: ReadonlyArray<Value<string>>;
  /** Instance types the model may use for batch transform. */
  readonly transformInstanceTypes: ReadonlyArray<Value<string>>;
  /** @default - none */
  readonly modelMetrics?: ModelMetrics;
  /** @default - none */
  readonly modelPackageDescription?: Value<string>;
  /**
   * Key-value pairs stored with the version (`CustomerMetadataProperties`), such as the commit it was built from.
   * @default - none
   */
  readonly customerMetadata?: Readonly<Record<string, Value<string>>>;
  /** @default - no retries beyond SageMaker's defaults */
  readonly retryPolicies?: readonly RetryPolicy[];
}

/** CreateModelPackage's ResponseMIMEType pattern. */
const RESPONSE_MIME_TYPE = /^[-\w]+\/.+$/;

/** Registers a model version in a model package group (Model Registry). */
export class RegisterModelStep extends Step {
  public readonly type = 'RegisterModel';
  private readonly policies: Record<string, unknown>;

  constructor(private readonly props: RegisterModelStepProps) {
    super(props);
    // Policies are checked (and rendered) when the step is created.
    this.policies = {
      RetryPolicies: renderRetryPolicies(this.name, props.retryPolicies, false),
    };
    const status = props.approvalStatus;
    if (status !== undefined && !(status instanceof Expression) && !(MODEL_APPROVAL_STATUSES as readonly string[]).includes(status)) {
      this.fail(`approval status must be one of ${MODEL_APPROVAL_STATUSES.join(', ')}, got ${JSON.stringify(status)}`);
    }
    for (const [field, list] of Object.entries({ contentTypes: props.contentTypes, responseTypes: props.responseTypes })) {
      if (!Array.isArray(list) || list.length === 0) {
        this.fail(`${field} needs at least one MIME type, such as text/csv`);
      }
    }
    if (!(props.inferenceInstanceTypes?.length > 0) && !(props.transformInstanceTypes?.length > 0)) {
      this.fail('needs inference or transform instance types');
    }
    // CreateModelPackage (SageMaker API Reference): ResponseMIMEType matches [-\w]+/.+, the description is at most
    // 1024 characters, and CustomerMetadataProperties has its own limits (request-limits.ts).
    const badMime = props.responseTypes.map(literalText).find((type) => type !== undefined && !RESPONSE_MIME_TYPE.test(type));
    const { api, descriptionMax } = REQUEST_LIMITS.modelPackage;
    const description = literalText(props.modelPackageDescription);
    this.refuse(
      badMime === undefined ? undefined : `responseTypes ${JSON.stringify(badMime)} is not a MIME type such as text/csv (${api} ResponseMIMEType: type/subtype)`,
      description !== undefined && description.length > descriptionMax ? `modelPackageDescription must be at most ${descriptionMax} characters (${api}), got ${description.length}` : undefined,
      customerMetadataProblem(props.customerMetadata, 'customerMetadata', literalText));
  }

  /** The ARN of the registered version (`ModelPackageArn`). */
  public get modelPackageArn(): StepProperty<string> {
    return this.property('ModelPackageArn');
  }

  protected renderExtras(): Record<string, unknown> {
    return this.policies;
  }

  protected renderArguments(): unknown {
    const p = this.props;
    const source = (s?: MetricsSource) => s && { S3Uri: s.s3Uri, ContentType: s.contentType ?? 'application/json' };
    return {
      ModelPackageGroupName: p.modelPackageGroupName,
      ModelPackageDescription: p.modelPackageDescription,
      ModelApprovalStatus: p.approvalStatus ?? 'PendingManualApproval',
      InferenceSpecification: {
        Containers: [{ Image: p.image, ModelDataUrl: p.modelDataUrl }],
        SupportedContentTypes: p.contentTypes,
        SupportedResponseMIMETypes: p.responseTypes,
        SupportedRealtimeInferenceInstanceTypes: p.inferenceInstanceTypes,
        // An empty list is left out: CreateModelPackage takes one to many transform instance types, or none at all.
        SupportedTransformInstanceTypes: p.transformInstanceTypes.length > 0 ? p.transformInstanceTypes : undefined,
      },
      ModelMetrics: p.modelMetrics && {
        ModelQuality: p.modelMetrics.modelQuality && {
          Statistics: source(p.modelMetrics.modelQuality.statistics), Constraints: source(p.modelMetrics.modelQuality.constraints),
        },
        ModelDataQuality: p.modelMetrics.modelDataQuality && {
          Statistics: source(p.modelMetrics.modelDataQuality.statistics), Constraints: source(p.modelMetrics.modelDataQuality.constraints),
        },
        Bias: p.modelMetrics.bias && { Report: source(p.modelMetrics.bias.report) },
        Explainability: p.modelMetrics.explainability && { Report: source(p.modelMetrics.explainability.report) },
      },
      CustomerMetadataProperties: p.customerMetadata,
    };
  }
}
