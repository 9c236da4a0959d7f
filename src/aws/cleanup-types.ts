import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';

/** The clients cleanup calls: all of one account and region, the one being cleaned up. */
export interface CleanupClients {
  readonly cloudFormation: CloudFormationClient;
  readonly sageMaker: SageMakerClient;
  readonly s3: S3Client;
}

/** The project to clean up. */
export interface CleanupTarget {
  readonly projectName: string;
  /**
   * The model package group (name or ARN).
   * @default - the group of the model-build stack, else the project name
   */
  readonly modelPackageGroupName?: string;
  /**
   * Also delete the model registry entries and the retained buckets with their data.
   * @default false
   */
  readonly purge?: boolean;
}

/** A stack to delete, as found when planning. */
export interface StackStep {
  readonly type: 'stack';
  readonly name: string;
  readonly stackId: string;
  readonly status: string;
  /** Cleanup refuses to start while a stack of the plan has termination protection. */
  readonly terminationProtection: boolean;
  /**
   * The stack's SageMaker pipelines (their physical ids) with the executions that ran when planning:
   * the step stops every running one before it deletes the stack (SageMaker API Reference,
   * DeletePipeline: a pipeline with running executions is not deleted, and the stack's deletion fails).
   */
  readonly pipelines: readonly { readonly name: string; readonly running: number }[];
  /** What its deletion does beyond the stack, for the plan (the release pipeline's cross-region support stack). */
  readonly note?: string;
}

/** An endpoint deleted by itself: retained by its stack, or left without one. */
export interface EndpointStep {
  readonly type: 'endpoint';
  readonly name: string;
  readonly status: string;
  /** Its endpoint configuration, deleted after it when its stack left it. */
  readonly endpointConfigName?: string;
  /** Why the stack deletion does not delete it. */
  readonly reason: string;
}

/** With `purge`: every version of the group, then the group. */
export interface ModelPackageGroupStep {
  readonly type: 'model-package-group';
  readonly name: string;
  /** The versions when planning; the step deletes those it finds when it runs. */
  readonly versions: number;
}

/** With `purge`: every object version and delete marker of a retained bucket, then the bucket. */
export interface BucketStep {
  readonly type: 'bucket';
  readonly name: string;
  /** The stack that created it. */
  readonly stackName: string;
}

/** One deletion, in the plan's order. */
export type CleanupStep = StackStep | EndpointStep | ModelPackageGroupStep | BucketStep;

/** A retained resource cleanup leaves in place. */
export interface KeptResource {
  readonly type: 'model-package-group' | 'bucket' | 'kms-key' | 'mlflow-tracking-server' | 'mlflow-app' | 'log-group' | 'iam-role' | 'ecr-repository';
  /** The name, the key id of a KMS key, or the ARN of an MLflow App (its physical id). */
  readonly name: string;
  /** The stack that created it, when known. */
  readonly stackName?: string;
  /** A group's versions. */
  readonly versions?: number;
  /**
   * A bucket that holds the artifact store (`s3://bucket/prefix`) of an MLflow backend of the account
   * (cleanup deletes none): kept with `purge` too, so that the backend's runs keep their models and files.
   */
  readonly mlflowArtifacts?: string;
  /**
   * The project's stack whose next create makes a resource of the same fixed name: while this one
   * exists, that create fails, so a new deployment of the project needs it gone (or another name).
   */
  readonly recreatedBy?: string;
}

/** What cleanup looked for and did not find in this account and region. */
export interface MissingResource {
  readonly type: 'stack' | 'model-package-group';
  readonly name: string;
}

/** What cleanup deletes, keeps and did not find, computed with read-only calls. */
export interface CleanupPlan {
  readonly projectName: string;
  readonly region: string;
  readonly purge: boolean;
  /** In the order they run. */
  readonly steps: readonly CleanupStep[];
  readonly kept: readonly KeptResource[];
  readonly notFound: readonly MissingResource[];
}

/** How a step ended: `skipped` when what it deletes was already gone. */
export interface CleanupOutcome {
  readonly type: CleanupStep['type'];
  readonly name: string;
  readonly result: 'deleted' | 'skipped';
  readonly detail?: string;
}

/** How to run the plan. */
export interface CleanupOptions {
  /**
   * Called with a line for people at each step.
   * @default - nothing is reported
   */
  readonly onProgress?: (message: string) => void;
  /**
   * The time between polls while a stack, an endpoint or the model versions are being deleted.
   * @default 10_000
   */
  readonly pollIntervalMs?: number;
  /**
   * How long to wait for one stack, endpoint or group to be deleted before giving up.
   * @default 3_600_000 (an hour)
   */
  readonly timeoutMs?: number;
  /**
   * The current time in milliseconds.
   * @default Date.now
   */
  readonly clock?: () => number;
  /**
   * Waits `ms` milliseconds.
   * @default - a `setTimeout` promise
   */
  readonly sleep?: (ms: number) => Promise<void>;
}
