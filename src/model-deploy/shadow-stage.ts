import { Stack, Stage as CdkStage, StageProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ProjectConfig } from '../config';
import { ArtifactStore, cdkEnvironment, tagProjectResources } from '../constructs';
import { resourceNamesOf } from '../app-context/resource-names';
import { EndpointStack, endpointName, endpointStorage } from './endpoint-stack';
import { LiveModel, ResolvedModel } from '../app-context/resolved-model';
import { ShadowCompareAccess } from './shadow-compare-access';

/**
 * The production endpoint stack's storage and shadow comparison access only: what the shadow phase
 * of a first release deploys (no endpoint serves yet, so nothing to shadow). Its resources are the
 * full stack's own (same ids), which the production deploy after the approval completes.
 */
export class FirstReleaseStack extends Stack {
  public readonly storage: ArtifactStore;
  public readonly shadowCompare: ShadowCompareAccess;

  constructor(scope: Construct, id: string, props: { readonly config: ProjectConfig; readonly stackName: string; readonly reason: string }) {
    const { config, stackName, reason } = props;
    super(scope, id, { stackName, env: cdkEnvironment(config.environments.prod), description: `sagemaker-gitops ${config.projectName}: the prod endpoint's storage (${reason})` });
    this.storage = endpointStorage(this, config, 'prod');
    this.shadowCompare = new ShadowCompareAccess(this, 'ShadowCompare', { config, storage: this.storage, endpointName: endpointName(config, 'prod') });
  }
}

export interface ShadowDeployStageProps extends StageProps {
  readonly config: ProjectConfig;
  /** What production serves now (resolve-model --live-endpoint). */
  readonly live: LiveModel;
  /** The release. */
  readonly candidate: ResolvedModel;
  readonly repoDir: string;
}

/**
 * The shadow phase of a production release: the production endpoint stack (the same stack name
 * as the production stage's) with the live version as the production variant and the candidate as
 * the shadow variant. The live version's resources are unchanged, so the endpoint keeps answering
 * with it; the update adds the shadow variant (the endpoint configuration is replaced). On a first
 * release (no live version) it deploys the stack's storage only ({@link FirstReleaseStack}).
 */
export class ShadowDeployStage extends CdkStage {
  /** The endpoint stack with the shadow variant, when production serves a version. */
  public readonly endpoint?: EndpointStack;
  public readonly firstRelease?: FirstReleaseStack;
  /** The comparison's role and capture location, in whichever stack this stage deploys. */
  public readonly shadowCompare: ShadowCompareAccess;

  constructor(scope: Construct, id: string, props: ShadowDeployStageProps) {
    const { config, live, candidate, repoDir, ...stageProps } = props;
    super(scope, id, { ...stageProps, env: cdkEnvironment(config.environments.prod) });
    tagProjectResources(this);
    const stackName = resourceNamesOf(config).endpointStack('prod');
    if (live.model) {
      this.endpoint = new EndpointStack(this, 'Endpoint', { config, stage: 'prod', model: live.model, shadow: candidate, repoDir, stackName });
      this.shadowCompare = this.endpoint.shadowCompare!;
    } else {
      this.firstRelease = new FirstReleaseStack(this, 'Endpoint', { config, stackName, reason: `first release, no shadow phase: ${live.none}` });
      this.shadowCompare = this.firstRelease.shadowCompare;
    }
  }
}
