import { ModelApprovalStatus } from '../pipeline-definition';

/** A model version registered by a local run. */
export interface LocalModelVersion {
  readonly modelPackageGroupName: string;
  /** 1 for the group's first version, then one more each time. */
  readonly version: number;
  /** An ARN of the form SageMaker gives, in the account 000000000000. */
  readonly modelPackageArn: string;
  readonly approvalStatus: ModelApprovalStatus;
  /** ISO 8601. */
  readonly createdAt: string;
  readonly pipelineName: string;
  readonly executionId: string;
  readonly description?: string;
  /** The inference image. */
  readonly image?: string;
  /** The model artifact's URI, as the definition gives it. */
  readonly modelDataUrl: string;
  /** Where the model artifact is on this machine. */
  readonly modelDataPath: string;
  /** The version's metrics documents (each with the local path of its URI). */
  readonly modelMetrics?: unknown;
  /** The version's metadata (such as the test AUC). */
  readonly customerMetadata: Readonly<Record<string, string>>;
  /** Content types and instance types the model supports. */
  readonly inferenceSpecification?: unknown;
}
