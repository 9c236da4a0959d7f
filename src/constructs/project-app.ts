import { App, AppProps, Environment, Tags } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ProjectConfig, ResolvedEnvironment } from '../config';
import { keepPoliciesOfKeptBuckets } from './kept-bucket-policies';
import { dropRedundantDependsOn } from './redundant-dependencies';
import { SAGEMAKER_PROJECT_ID_TAG, SAGEMAKER_PROJECT_NAME_TAG, applyStudioProject, studioProjectFromContext } from '../app-context/studio-project';
import { PROJECT_APP_CONTEXT, ProjectValidationOptions, addProjectValidations } from '../validation';

/** Tag key put on every resource of a project, with the project name as value. */
export const PROJECT_TAG_KEY = 'sagemaker-gitops:project';

export interface ProjectAppProps extends AppProps {
  /** The project, as read from the repository's config file. */
  readonly config: ProjectConfig;
  /**
   * Settings of the checks every template must pass: rules of your own for aws-cdk-lib's
   * CloudFormation validator, for instance.
   * @default - the defaults of each check
   */
  readonly validation?: ProjectValidationOptions;
}

/**
 * A CDK app of one project: synthesizes with the CloudFormation validator on, cdk-nag's
 * AwsSolutions checks and the project guardrails (findings fail the synth), and tags every
 * resource with the project name. When the context carries a project launched from the Studio
 * template, `config` is that launch's (its name, group, repositories and accounts) and the
 * resources also carry SageMaker's project tags.
 */
export class ProjectApp extends App {
  /** The project: the config file's, or the Studio launch's when the context carries one. */
  public readonly config: ProjectConfig;
  /** The tags every resource of the project carries. */
  public readonly projectTags: Readonly<Record<string, string>>;

  constructor(props: ProjectAppProps) {
    const { config, validation, ...appProps } = props;
    super({ ...appProps, context: { ...PROJECT_APP_CONTEXT, ...appProps.context } });
    const studio = studioProjectFromContext(this);
    this.config = studio ? applyStudioProject(config, studio) : config;
    addProjectValidations(this, validation);
    this.projectTags = {
      [PROJECT_TAG_KEY]: this.config.projectName,
      ...(studio && { [SAGEMAKER_PROJECT_NAME_TAG]: studio.projectName, [SAGEMAKER_PROJECT_ID_TAG]: studio.projectId }),
    };
    tagProjectResources(this);
  }
}

/**
 * Resource types that never get the project's tags. `AWS::ApplicationAutoScaling::ScalableTarget`:
 * aws-cdk-lib's resource specification lists `Tags` for it, but cfn-lint's CloudFormation schema
 * rejects the property (E3002); a scalable target is found through its endpoint, so it goes untagged
 * rather than risk a template CloudFormation refuses.
 */
export const UNTAGGED_RESOURCE_TYPES: readonly string[] = ['AWS::ApplicationAutoScaling::ScalableTarget'];

/**
 * Applies the project's aspects to every resource under `scope`: the tags of the project app it
 * belongs to, no `DependsOn` entry that a reference already implies (cfn-lint W3005), and the
 * policy of every kept bucket kept with it. Aspects
 * stop at a Stage: each stage a pipeline deploys calls this for its stacks.
 */
export function tagProjectResources(scope: IConstruct): void {
  const app = scope.node.root;
  if (app instanceof ProjectApp) {
    for (const [key, value] of Object.entries(app.projectTags)) {
      Tags.of(scope).add(key, value, { excludeResourceTypes: [...UNTAGGED_RESOURCE_TYPES] });
    }
  }
  dropRedundantDependsOn(scope);
  keepPoliciesOfKeptBuckets(scope);
}

/** A CDK environment from a resolved one: no account means the deploying credentials' account. */
export function cdkEnvironment(env: ResolvedEnvironment): Environment {
  return env.account !== undefined ? { account: env.account, region: env.region } : { region: env.region };
}
