import { App, AppProps, Environment, Tags } from 'aws-cdk-lib';
import { ProjectConfig, ResolvedEnvironment } from '../config';
import { PROJECT_APP_CONTEXT, addProjectValidations } from '../validation';

/** Tag key put on every resource of a project, with the project name as value. */
export const PROJECT_TAG_KEY = 'sagemaker-gitops:project';

export interface ProjectAppProps extends AppProps {
  /** The project, as read from the repository's config file. */
  readonly config: ProjectConfig;
}

/**
 * A CDK app of one project: synthesizes with the CloudFormation validator on, cdk-nag's
 * AwsSolutions checks and the project guardrails (findings fail the synth), and tags every
 * resource with the project name.
 */
export class ProjectApp extends App {
  public readonly config: ProjectConfig;

  constructor(props: ProjectAppProps) {
    const { config, ...appProps } = props;
    super({ ...appProps, context: { ...PROJECT_APP_CONTEXT, ...appProps.context } });
    this.config = config;
    addProjectValidations(this);
    Tags.of(this).add(PROJECT_TAG_KEY, config.projectName);
  }
}

/** A CDK environment from a resolved one: no account means the deploying credentials' account. */
export function cdkEnvironment(env: ResolvedEnvironment): Environment {
  return env.account !== undefined ? { account: env.account, region: env.region } : { region: env.region };
}
