import type { Command } from 'commander';
import type { ApproveModelDeps } from './approve-model';
import type { ApproveReleaseDeps } from './approve-release';
import type { AssetsCheckDeps } from './assets-check';
import type { InputCheckDeps } from './input-check';
import type { CleanupDeps } from './cleanup';
import type { CompareModelsDeps } from './compare-models';
import type { CompareShadowDeps } from './compare-shadow';
import type { ModelsDeps } from './models';
import type { Output } from './output';
import type { PublishTemplatesDeps } from './publish-templates';
import type { QuotasDeps } from './quotas';
import type { ResolveModelDeps } from './resolve-model';
import type { RunPipelineDeps } from './run-pipeline';
import type { ProdChangeCheckDeps } from './prod-change-check';
import type { ReleaseOrderCheckDeps } from './release-order-check';
import type { SelfMutationCheckDeps } from './self-mutation-check';
import type { StatusDeps } from './status';
import type { TestEndpointDeps } from './test-endpoint';
import type { VerifyReleaseDeps } from './verify-release';

/** What the commands need from outside (AWS clients); tests inject mocks, real use takes the defaults. */
export type CliDeps = RunPipelineDeps & TestEndpointDeps & ResolveModelDeps & ModelsDeps & ApproveModelDeps & CleanupDeps & StatusDeps
& ApproveReleaseDeps & PublishTemplatesDeps & VerifyReleaseDeps & CompareModelsDeps & SelfMutationCheckDeps & AssetsCheckDeps & InputCheckDeps & ProdChangeCheckDeps & ReleaseOrderCheckDeps & CompareShadowDeps & QuotasDeps;

/** A command of the CLI: what the top-level help says of it, and how to build it. */
export interface CommandEntry {
  readonly description: string;
  /**
   * Builds the command. Its module is loaded only then: the AWS SDK clients, aws-cdk-lib and the
   * local runner are loaded for the command that runs, not for `--help` or `--version`.
   */
  readonly build: (output: Output, deps: CliDeps) => Command;
}

/* eslint-disable @typescript-eslint/no-require-imports */
/** Every command, in the order the help lists them. Each description is the command's own (a test compares them). */
export const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  'init': {
    description: 'create a new projen project declaring a SageMaker MLOps project, with this toolkit vendored; install it, generate model-build/ and model-deploy/ and synthesize both',
    build: (output) => (require('./init') as typeof import('./init')).initCommand(output),
  },
  'stacks': {
    description: 'list the stacks of synthesized CDK apps (cdk.out folders) with their environment and resource count',
    build: (output) => (require('./stacks') as typeof import('./stacks')).stacksCommand(output),
  },
  'sample-data': {
    description: 'simulate player sessions (hardcore, casual, churner) and write the player-churn data set as CSV, one row per player',
    build: (output) => (require('./sample-data') as typeof import('./sample-data')).sampleDataCommand(output),
  },
  'local-run': {
    description: 'run the model-build pipeline on this machine (python3 and the xgboost library, no AWS account): the same definition the stack deploys, its steps in order, the quality gate, a local model registry',
    build: (output) => (require('./local-run') as typeof import('./local-run')).localRunCommand(output),
  },
  'run-pipeline': {
    description: 'start a SageMaker pipeline execution and, with --wait, wait for it and fail unless it succeeds',
    build: (output, deps) => (require('./run-pipeline') as typeof import('./run-pipeline')).runPipelineCommand(output, deps),
  },
  'test-endpoint': {
    description: 'send a CSV payload to a SageMaker endpoint and fail unless every row gets a probability in [0, 1] within the latency budget',
    build: (output, deps) => (require('./test-endpoint') as typeof import('./test-endpoint')).testEndpointCommand(output, deps),
  },
  'verify-release': {
    description: 'fail unless an endpoint serves the endpoint configuration and model its stack deployed, from the resolved model version',
    build: (output, deps) => (require('./verify-release') as typeof import('./verify-release')).verifyReleaseCommand(output, deps),
  },
  'compare-shadow': {
    description: 'compare a shadow variant with production over the last minutes (latency, error rate, prediction PSI) and fail unless it stays within the thresholds',
    build: (output, deps) => (require('./compare-shadow') as typeof import('./compare-shadow')).compareShadowCommand(output, deps),
  },
  'resolve-model': {
    description: 'find the newest approved version of a model package group; with --out, write it for the model-deploy synth',
    build: (output, deps) => (require('./resolve-model') as typeof import('./resolve-model')).resolveModelCommand(output, deps),
  },
  'models': {
    description: 'list the versions of a model package group, newest first: approval status, AUC, who decided and why, and which one deploys',
    build: (output, deps) => (require('./models') as typeof import('./models')).modelsCommand(output, deps),
  },
  'compare-models': {
    description: 'before approving: the MLflow metrics of the candidate version and of production side by side, with a link to the MLflow UI',
    build: (output, deps) => (require('./compare-models') as typeof import('./compare-models')).compareModelsCommand(output, deps),
  },
  'approve-model': {
    description: 'approve a model package version with a comment; the model-deploy pipeline then deploys the newest approved version',
    build: (output, deps) => (require('./approve-model') as typeof import('./approve-model')).approveModelCommand(output, deps),
  },
  'reject-model': {
    description: 'reject a model package version with a comment; the model-deploy pipeline then deploys the newest approved version',
    build: (output, deps) => (require('./approve-model') as typeof import('./approve-model')).rejectModelCommand(output, deps),
  },
  'cleanup': {
    description: 'delete a project\'s stacks and endpoints in the current account and region; keep the model registry and buckets unless --purge',
    build: (output, deps) => (require('./cleanup') as typeof import('./cleanup')).cleanupCommand(output, deps),
  },
  'status': {
    description: 'show a project\'s CodePipelines (stages, pending approvals), its endpoints with the model version they serve, and the newest approved version',
    build: (output, deps) => (require('./status') as typeof import('./status')).statusCommand(output, deps),
  },
  'quotas': {
    description: 'check the account\'s SageMaker and CodeBuild quotas (Service Quotas) against the instances, serverless concurrency and builds the project needs, in this account and region',
    build: (output, deps) => (require('./quotas') as typeof import('./quotas')).quotasCommand(output, deps),
  },
  'approve-release': {
    description: 'compare the model version waiting for production with the one production serves, then approve the release in the model-deploy pipeline',
    build: (output, deps) => (require('./approve-release') as typeof import('./approve-release')).approveReleaseCommand(output, deps),
  },
  'reject-release': {
    description: 'compare the model version waiting for production with the one production serves, then reject the release in the model-deploy pipeline',
    build: (output, deps) => (require('./approve-release') as typeof import('./approve-release')).rejectReleaseCommand(output, deps),
  },
  'publish-templates': {
    description: 'upload the SageMaker project template to the domain\'s templates bucket, tagged so that Studio lists it',
    build: (output, deps) => (require('./publish-templates') as typeof import('./publish-templates')).publishTemplatesCommand(output, deps),
  },
  'self-mutation-check': {
    description: 'print whether the pipeline\'s self-mutation would change its deployed stacks: needed or not-needed (used by the synth step)',
    build: (output, deps) => (require('./self-mutation-check') as typeof import('./self-mutation-check')).selfMutationCheckCommand(output, deps),
  },
  'assets-check': {
    description: 'print whether the pipeline\'s Assets stage would upload a file asset not yet in its bucket: needed or not-needed (used by the synth step)',
    build: (output, deps) => (require('./assets-check') as typeof import('./assets-check')).assetsCheckCommand(output, deps),
  },
  'input-check': {
    description: 'compare the model inputs (baseline columns) of the release\'s version with the version production serves (--pipeline) or else the version approved before it; print one line for the release approval (used by the model-deploy synth step)',
    build: (output, deps) => (require('./input-check') as typeof import('./input-check')).inputCheckCommand(output, deps),
  },
  'prod-change-check': {
    description: 'print whether this release would change production\'s deployed stacks: needed or not-needed (used by the model-deploy synth step)',
    build: (output, deps) => (require('./prod-change-check') as typeof import('./prod-change-check')).prodChangeCheckCommand(output, deps),
  },
  'release-order-check': {
    description: 'fail when an older execution of the pipeline is still in flight, or production no longer serves the live model (the shadow phase runs it before changing production)',
    build: (output, deps) => (require('./release-order-check') as typeof import('./release-order-check')).releaseOrderCheckCommand(output, deps),
  },
};
