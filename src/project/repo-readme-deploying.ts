import { ProjectConfig, ResolvedRepositorySource, isPlaceholderConnectionArn } from '../config';
import { PLACEHOLDER_MODEL_CONTEXT } from '../app-context/model-context';
import { resourceNamesOf } from '../app-context/resource-names';
import { RepoKind } from './repo-kind';

type EnvironmentName = 'build' | 'staging' | 'prod';

const STAGE_LABELS: Record<'staging' | 'prod', string> = { staging: 'staging', prod: 'production' };

/** The "Deploying" section of a generated repository's README: what a first deploy needs, and how to retry one that failed. */
export function renderDeployingSection(kind: RepoKind, config: ProjectConfig): string[] {
  const source = config.source[kind === 'model-build' ? 'modelBuild' : 'modelDeploy'];
  // In a folder with cdk.json the CDK CLI synthesizes the app before it bootstraps, and model-deploy's app needs a
  // model: before any version is approved, the placeholder, as `npm run deploy` passes it.
  const bootstrap = (target: string) => `npx cdk bootstrap ${target}${kind === 'model-deploy' ? ` -c ${PLACEHOLDER_MODEL_CONTEXT}=true` : ''}`;
  return [
    '## Deploying',
    '',
    `The stacks deploy to ${describeEnvironment(config)}. You need:`,
    '',
    '- an AWS account and credentials for it;',
    `- the account bootstrapped for the CDK: \`${bootstrap(`aws://${config.environments.build.account ?? '<account>'}/${config.environments.build.region}`)}\`;`,
    ...(kind === 'model-deploy' ? stageBootstraps(config, bootstrap) : []),
    ...sourceRequirement(source),
    '- SageMaker quotas for the instances the project runs: a new account often has 0 for an instance type, and SageMaker then refuses the job or the endpoint; and CodeBuild\'s quota on concurrently running Linux/Small builds, which every pipeline action uses (at 0 each build fails; at 1 a release waits for a model-build run). `npx sagemaker-gitops quotas` compares what the project needs with the quotas of the account and region of your credentials, and names the ones to raise.',
    '',
    'Then `npm run deploy`.',
    '',
    ...failedFirstDeploy(kind, config),
  ];
}

function describeEnvironment(config: ProjectConfig): string {
  const { build, staging, prod } = config.environments;
  const one = (env: { account?: string; region: string }) => `${env.account ?? 'the deploying account'} in ${env.region}`;
  if (JSON.stringify(build) === JSON.stringify(staging) && JSON.stringify(build) === JSON.stringify(prod)) {
    return one(build);
  }
  return `build: ${one(build)}; staging: ${one(staging)}; production: ${one(prod)}`;
}

/**
 * The bootstraps the release pipeline's stages need beyond the build account's (AWS CDK Developer
 * Guide, "Continuous integration and delivery (CI/CD) using CDK Pipelines", and "Bootstrap your
 * environment for use with the AWS CDK"): the pipeline deploys a stage in another account through
 * that account's bootstrap roles, which must trust the build account (and the CDK CLI refuses
 * `--trust` without `--cloudformation-execution-policies`); a stage in another region needs the build
 * account bootstrapped there too, where `cdk deploy` puts the pipeline's replication bucket for it
 * (CDK Pipelines' cross-region support stack, in the pipeline's account).
 */
function stageBootstraps(config: ProjectConfig, bootstrap: (target: string) => string): string[] {
  const build = config.environments.build;
  const targets = new Map<string, { account?: string; region: string; trust: boolean; reasons: string[] }>();
  const add = (account: string | undefined, region: string, trust: boolean, reason: string) => {
    const key = `${account ?? ''}/${region}`;
    const target = targets.get(key) ?? { account, region, trust, reasons: [] };
    target.reasons.push(reason);
    targets.set(key, target);
  };
  for (const stage of ['staging', 'prod'] as const) {
    const env = config.environments[stage];
    const account = env.account ?? build.account;
    const label = STAGE_LABELS[stage];
    if (account !== build.account) {
      add(account, env.region, true, label);
    }
    if (env.region !== build.region) {
      add(build.account, env.region, false, account === build.account ? `the ${label} stage` : `the ${label} stage's replication bucket`);
    }
  }
  return [...targets.values()].map(({ account, region, trust, reasons }) => trust
    ? `- the ${reasons.join(' and ')} account bootstrapped to trust the build account, with its own credentials: \`${bootstrap(`aws://${account}/${region} --trust ${build.account} --cloudformation-execution-policies <policy ARN>`)}\` (the policy is what CloudFormation may do there when the pipeline deploys, deletes included: with autoscaling, also \`application-autoscaling:DeregisterScalableTarget\`, which deleting an autoscaled endpoint, as a rolled-back first create does, needs);`
    : `- the build account bootstrapped in ${region} too, for ${reasons.join(' and ')}: \`${bootstrap(`aws://${account ?? '<account>'}/${region}`)}\`;`);
}

function sourceRequirement(source: ResolvedRepositorySource): string[] {
  if (source.codeCommitRepository !== undefined) {
    return [`- the CodeCommit repository \`${source.codeCommitRepository}\` in the build account.`];
  }
  const placeholder = isPlaceholderConnectionArn(source.connectionArn)
    ? ['  **The ARN above is a placeholder**: create your connection and put its ARN in `.projenrc.ts`.']
    : [];
  return [
    '- an AWS CodeConnections connection in the AVAILABLE state (created in the console and completed with the provider):',
    `  \`${source.connectionArn}\`.`,
    ...placeholder,
    // "Update a pending connection" (Developer Tools console user guide): a connection made with the CLI or CloudFormation is PENDING until completed in the console.
    '  A connection created with the AWS CLI or CloudFormation stays PENDING until you complete it in the console. A pipeline deployed before that',
    '  fails its first run at Source, and completing the connection starts no run: push a commit, or choose **Release change** on the pipeline.',
  ];
}

/**
 * What to do when a stack's first deploy fails. CloudFormation leaves it in ROLLBACK_COMPLETE, on
 * which a CodePipeline CloudFormation action fails; the project's kept resources are
 * RetainExceptOnCreate (constructs/retention.ts), so the next create does not collide with them.
 */
function failedFirstDeploy(kind: RepoKind, config: ProjectConfig): string[] {
  const names = resourceNamesOf(config);
  const deleteCommand = (stack: string, stage: EnvironmentName) => `\`aws cloudformation delete-stack --stack-name ${stack} --region ${config.environments[stage].region}\``;
  const pipelineStack = kind === 'model-build' ? names.modelBuildPipelineStack : names.modelDeployPipelineStack;
  const prodElsewhere = config.environments.prod.account !== undefined && config.environments.prod.account !== config.environments.build.account;
  return [
    '**When a first deploy fails.** A stack whose first create failed is left in `ROLLBACK_COMPLETE`, which CloudFormation',
    'will not update. Nothing with a fixed name outlives that failed create (the model package group, the MLflow App or',
    'tracking server, the production endpoint and the build log groups are kept when a stack is deleted, but not when the',
    'create that made them rolls back), so after fixing the cause:',
    '',
    `- \`${pipelineStack}\`: run \`npm run deploy\` again; the CDK CLI deletes the rolled-back stack and creates it anew.`,
    ...(kind === 'model-build'
      ? [`- \`${names.modelBuildStack}\`, deployed by the pipeline: delete it, ${deleteCommand(names.modelBuildStack, 'build')}, then **Release change** in the pipeline.`]
      : [
        `- \`${names.endpointStack('staging')}\`: nothing to do; the next release replaces it (\`REPLACE_ON_FAILURE\`).`,
        `- \`${names.endpointStack('prod')}\`: only while its status is \`ROLLBACK_COMPLETE\` (it then holds no endpoint), delete it,`,
        `  ${deleteCommand(names.endpointStack('prod'), 'prod')}${prodElsewhere ? ' with credentials for the production account' : ''}, then retry the stage. In any other failed state,`,
        `  never delete it: it holds the live endpoint; fix the cause, or \`aws cloudformation continue-update-rollback --stack-name ${names.endpointStack('prod')} --region ${config.environments.prod.region}\`.`,
      ]),
  ];
}
