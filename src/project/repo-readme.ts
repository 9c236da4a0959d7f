import { CONFIG_FILE_NAME, ProjectConfig, ResolvedRepositorySource, renderAwsConstraintsTable, usesModelMonitor } from '../config';
import { PLAYER_CHURN } from '../model-build/player-churn-pipeline';
import { RUN_PIPELINE_WAIT_MINUTES, runPipelineArguments } from '../model-build/run-pipeline-wait';
import { PLACEHOLDER_MODEL_CONTEXT, RESOLVED_MODEL_FILE } from '../app-context/model-context';
import { LOCAL_RUN_FOLDER } from './repo-files';
import { RepoToolkit, installCommandLine, renderToolkitSection } from './repo-readme-toolkit';
import { VENDOR_CHECK_SCRIPT } from '../app-context/vendor-check';
import { RepoKind } from './repo-kind';
import { renderDeployingSection } from './repo-readme-deploying';
import { renderOwnDataSection } from './repo-readme-own-data';
import { RELEASE_PIPELINE, resourceNamesOf } from '../app-context/resource-names';
import { prodChangeCheckOf } from '../model-deploy/prod-change';

/** The README of a generated repository: what it is, how to use it, where its parts come from. */
export function renderReadme(kind: RepoKind, config: ProjectConfig, toolkit: RepoToolkit = {}): string[] {
  const source = config.source[kind === 'model-build' ? 'modelBuild' : 'modelDeploy'];
  return [
    `# ${config.projectName} — ${kind}`,
    '',
    ...(kind === 'model-build' ? MODEL_BUILD_PURPOSE : MODEL_DEPLOY_PURPOSE)(config),
    '',
    '## Quick start',
    '',
    '```sh',
    installCommandLine(toolkit),
    'npm run build      # type-check',
    'npm test           # synthesize the app and run the checks',
    'npm run synth      # write the CloudFormation templates to cdk.out/ (no AWS credentials needed)',
    '```',
    '',
    'Every synth runs aws-cdk-lib\'s CloudFormation validator, cdk-nag\'s AwsSolutions rules and the',
    'sagemaker-gitops guardrails (no AWS-managed `*FullAccess` policy, no `iam:PassRole` on `*`); a finding fails',
    'the synth. Acknowledge a finding only with `Validations.of(construct).acknowledge({ id, reason })` and a specific reason.',
    'Rules of your own for the CloudFormation validator (Guard or Rego) go in the app\'s props in `src/main.ts`:',
    '`validation: { cloudFormation: { guardRules: [{ name, content }] } }` (the app registers the validator, and',
    'aws-cdk-lib allows one per app).',
    '',
    ...renderDeployingSection(kind, config),
    '',
    ...(kind === 'model-build' ? [...renderOwnDataSection(config), ''] : []),
    '## What is in this repository',
    '',
    '| path | owner |',
    '|---|---|',
    `| \`package.json\`, \`tsconfig.json\`, \`cdk.json\`, \`.gitignore\`, \`README.md\`, \`${CONFIG_FILE_NAME}\`${vendoredFiles(toolkit)} | generated from the project\'s \`.projenrc.ts\`: do not edit here, change \`.projenrc.ts\` and run \`npx projen\` |`,
    '| `package-lock.json` | kept current by `npx projen` in the projen project (when the dependencies or the vendored tarball change); commit it |',
    '| `src/`, `test/` and everything else | yours: written once when the repository was generated, never overwritten |',
    '',
    `\`${CONFIG_FILE_NAME}\` carries the project\'s options (accounts, regions, source, instance types, quality threshold)`,
    'for the CDK app.',
    '',
    ...renderToolkitSection(toolkit),
    '',
    '## AWS limits the options must respect',
    '',
    'Every limit below is checked when `.projenrc.ts` runs, before anything is written or deployed; an error names',
    'the option, the value and what AWS allows.',
    '',
    ...renderAwsConstraintsTable(kind, config.projectName),
    '',
    '## Source',
    '',
    ...describeSource(source),
    '',
  ];
}

function vendoredFiles(toolkit: RepoToolkit): string {
  return toolkit.vendoredTarball !== undefined ? `, \`${toolkit.vendoredTarball}\`, \`${VENDOR_CHECK_SCRIPT}\`` : '';
}

function MODEL_BUILD_PURPOSE(config: ProjectConfig): string[] {
  const { steps, parameters } = PLAYER_CHURN;
  const names = resourceNamesOf(config);
  return [
    `The model-build side of the SageMaker project **${config.projectName}**: the SageMaker pipeline that`,
    'prepares the data, trains the model, evaluates it and registers it in the model package group',
    `\`${config.modelPackageGroupName}\` when its test AUC is at least ${config.qualityThreshold}.`,
    '',
    'The CDK app (`src/main.ts`) has two stacks:',
    '',
    `- \`${config.projectName}-model-build-pipeline\`: the CodePipeline (V2). On every push to the branch it synthesizes`,
    `  this app, deploys the stack below, then runs \`sagemaker-gitops ${runPipelineArguments(names.trainingPipeline)}\``,
    `  and fails when the SageMaker pipeline execution fails or stops, printing the failed step and its reason, or is still running`,
    `  after ${RUN_PIPELINE_WAIT_MINUTES} minutes (then it stops the execution, which must not register a version after the commit failed).`,
    `  When a stage fails, the rule \`${names.buildFailureRule}\` emails the topic \`${names.buildFailureTopic}\` the stage, the execution's`,
    `  console page and \`npx sagemaker-gitops status --project ${config.projectName}\`${config.buildFailureEmails.length > 0
      ? ` (subscribed: ${config.buildFailureEmails.join(', ')}, each once it has confirmed the email SNS sends at the first deploy)`
      : ' (add subscribers with `buildFailureEmails`)'}.`,
    `- \`${config.projectName}-model-build\` (deployed by that pipeline): a KMS key, the versioned encrypted artifact bucket,`,
    `  the model package group \`${config.modelPackageGroupName}\`, the SageMaker execution role (scoped to that bucket, key,`,
    '  group and the two image repositories), the step code (`pipelines/` as one bundle) as an asset,',
    `  the SageMaker pipeline \`${config.projectName}-training\`${mlflowBackendText(config)}.`,
    '  Bucket, key, group and any MLflow backend are retained when the stack is deleted.',
    '',
    `The SageMaker pipeline: \`${steps.preprocess}\` (scikit-learn processing, \`pipelines/preprocess.py\`: features, 70/20/10 split,`,
    `baseline) → \`${steps.train}\` (\`pipelines/train.py\`, XGBoost 1.7-1 in script mode) → \`${steps.evaluate}\` (\`pipelines/evaluate.py\`: test AUC into \`evaluation.json\`)`,
    `→ \`${steps.checkAuc}\` (AUC >= \`${parameters.threshold}\`, default ${config.qualityThreshold}) → \`${steps.register}\` (\`PendingManualApproval\`${config.mlflow !== undefined ? ', then `TagMlflowRun`: the MLflow runs get the model package ARN' : ''}) or`,
    `\`${steps.fail}\` (fails the execution with the AUC and the threshold). Its parameters`,
    `${Object.values(parameters).map((p) => `\`${p}\``).join(', ')} can be set per execution:`,
    `\`npx sagemaker-gitops run-pipeline --name ${config.projectName}-training --parameter TestScoreThreshold=0.8 --wait\`.`,
    'The default input is `data/player-churn.csv` when this repository has it (uploaded as an asset), otherwise the',
    'artifact bucket\'s `input/` prefix. Commit only a sample there: a file in the repository also goes to the CDK',
    'bootstrap bucket (kept) and into the pipeline\'s artifacts; put real data under `input/` in the artifact bucket.',
    '',
    '`npm run local` runs the same pipeline definition on this machine, without AWS: the processing steps and `train.py` as `python3`',
    'processes (from the same code bundle, without installing anything), the condition, and `Register`',
    `into \`${LOCAL_RUN_FOLDER}/registry.json\`. It needs Python 3 with pandas, scikit-learn and XGBoost (on Debian:`,
    '`apt-get install -y python3-pandas python3-sklearn python3-xgboost`); pass parameters after `--`, e.g.',
    '`npm run local -- --parameter TestScoreThreshold=0.8`. The step scripts\' own tests: `python3 -m pytest pipelines`.',
    ...(config.mlflow !== undefined ? [
      '',
      `Every step logs to MLflow, in the experiment \`${config.mlflow.experimentName}\`: one run per pipeline execution, named after`,
      'its id, with a nested run per step (the input\'s counts and class balance, the hyperparameters and per-round AUC, the model,',
      'the test metrics with a ROC curve and a confusion matrix). The steps install the pinned `mlflow` and `sagemaker-mlflow`',
      'from the bundle\'s `requirements.txt`. `MLFLOW_TRACKING_URI=file:./mlruns npm run local` logs the same locally (the local',
      'Python needs `mlflow`); without it, the local run logs nothing and says so.',
    ] : []),
    ...(usesModelMonitor(config) ? [
      '',
      `A stage has a SageMaker Model Monitor schedule, so \`${steps.evaluate}\` also writes the training baseline with the model's`,
      `predicted probability as its first column (a monitoring job reads each captured request as the endpoint's output, then its`,
      `input), and \`${steps.baseline}\` (Model Monitor's analyzer) suggests data-quality statistics and constraints from it;`,
      'each registered version carries them (`ModelMetrics.ModelDataQuality`) for the monitoring schedule of model-deploy.',
    ] : []),
  ];
}

function MODEL_DEPLOY_PURPOSE(config: ProjectConfig): string[] {
  const names = resourceNamesOf(config);
  const group = config.modelPackageGroupName;
  const { reviewerEmails, maxP95LatencyMs } = config.release;
  return [
    `The model-deploy side of the SageMaker project **${config.projectName}**: it deploys the model versions approved`,
    `in the model package group \`${group}\` to a staging endpoint, tests it live, and after a reviewer's`,
    'approval deploys it to production.',
    '',
    'The CDK app (`src/main.ts`) has three stacks:',
    '',
    `- \`${names.modelDeployPipelineStack}\`: the CodePipeline (V2) \`${names.modelDeployCodePipeline}\` and the EventBridge rule that starts it.`,
    `- \`${names.endpointStack('staging')}\` and \`${names.endpointStack('prod')}\` (deployed by that pipeline): per stage the model,`,
    `  the endpoint configuration and the endpoint \`${names.endpoint('staging')}\` / \`${names.endpoint('prod')}\`, with the stage's key,`,
    '  bucket, alarms and alert topic. The production endpoint is retained when its stack is deleted.',
    '',
    '### When it runs, and what it deploys',
    '',
    `The pipeline starts on every push to this repository's branch and whenever a version of \`${group}\` is approved`,
    'or rejected (the rule ignores versions that are only registered, `PendingManualApproval`: for those, the rule',
    `\`${names.pendingApprovalRule}\` emails the reviewers' topic \`${names.releaseApprovalTopic}\` the version and the commands that decide it,`,
    `\`npx sagemaker-gitops approve-model <version> --group ${group} --comment "why"\` or \`reject-model\`). Each run deploys`,
    '**the newest version that is approved at that moment**, whichever change started it:',
    '',
    '- approving a version deploys it when it is the newest approved one; approving an older version changes nothing;',
    '- rejecting the version that is live redeploys the newest version that is still approved: that is the rollback;',
    '- when no version is approved, the run fails at its first step, names the group and says how to approve one; nothing',
    '  is deployed and the endpoints keep serving what they serve.',
    '',
    '### The stages',
    '',
    `1. **Source**, then **Build**: \`npx sagemaker-gitops resolve-model --group ${group} --out ${RESOLVED_MODEL_FILE}\` finds the`,
    `   newest approved version (its ARN, version and AUC, shown in the build log), then \`cdk synth\` reads \`${RESOLVED_MODEL_FILE}\`.`,
    `2. **${RELEASE_PIPELINE.stagingStage}**: deploys \`${names.endpointStack('staging')}\` (${describeEndpoint(config.endpoints.staging)}), in CloudFormation's`,
    '   `REPLACE_ON_FAILURE` mode: a staging stack left in `ROLLBACK_COMPLETE` by a failed first deploy is replaced, not stuck.',
    `3. **${RELEASE_PIPELINE.testAction}**: \`sagemaker-gitops verify-release\` checks that the endpoint serves the configuration and model`,
    '   version this release deployed, then `sagemaker-gitops test-endpoint` sends the release\'s own test rows to it (`evaluate.py`\'s',
    '   `payload.csv`, the test split up to 10,000 rows, copied by the Build step; `test/payload.csv` only for a version registered without one) after a warm-up that waits',
    `   out a cold start, and fails the run unless every response parses, every probability is in [0, 1], each row gets one prediction,`,
    '   the rows are as wide as the model, the AUC over their labels is within 0.0001 of the one the model scored on the same rows in the Evaluate step',
    `   (\`payload.auc\` of \`evaluation.json\`; at least ${config.qualityThreshold} for a version whose evaluation does not record it) and the p95 latency of at least 20 requests`,
    `   is under ${maxP95LatencyMs} ms (with \`test/payload.csv\`, which has no labels, only the answers and the latency are checked, with a`,
    '   warning). Its JSON report is the action\'s output artifact. A failure here never reaches production.',
    '   Both run from the CLI bundle the Build step writes, without installing the repository again.',
    `4. **${RELEASE_PIPELINE.approvalAction}**: a manual approval whose comment names the version, its AUC, its package and whether its`,
    '   model inputs (its baseline\'s columns) differ from the version production serves, which callers would then have to send (CodePipeline',
    `   variables of ${RELEASE_PIPELINE.testAction}: a release never changes the pipeline's own definition)${reviewerEmails.length > 0
      ? `; the SNS topic \`${names.releaseApprovalTopic}\` emails ${reviewerEmails.join(', ')}, each once it has followed the link in the confirmation email SNS sends at the first deploy`
      : `; the SNS topic \`${names.releaseApprovalTopic}\` notifies its subscribers (add reviewers with \`release.reviewerEmails\`)`}.`,
    `   Decide with \`npx sagemaker-gitops approve-release --project ${config.projectName} --comment "<why>"\` (or \`reject-release\`, the same options), or in the CodePipeline console;`,
    '   the command shows the candidate against production and the inputs line first.',
    `5. **${RELEASE_PIPELINE.prodStage}**: **${RELEASE_PIPELINE.registryCheckAction}** fails the run unless the version is still Approved in the`,
    '   registry, whether the release was approved with `approve-release` or in the CodePipeline console; then it',
    `   deploys \`${names.endpointStack('prod')}\` (${describeEndpoint(config.endpoints.prod)}), then`,
    '   **VerifyRelease** fails the run unless production serves the new configuration and model (not the previous ones after',
    '   an automatic rollback, whose reason it prints) and answers a 20-row smoke test.',
    ...(prodChangeCheckOf(config) ? [
      `   A run that would leave production as deployed skips ${RELEASE_PIPELINE.approvalAction} and ${RELEASE_PIPELINE.prodStage}: the Build step's \`prod-change-check\` found`,
      '   every production stack deployed exactly as this run synthesized it, the last Prod run successful and no older run in flight (a push that changes only staging,',
      '   a second event for the released version). No reviewer is asked to approve what production already serves.',
    ] : []),
    '',
    'The EventBridge rule matches a version only once it is `Completed`, so a version registered directly as `Approved` starts',
    'one release; the rule retries delivery and keeps undelivered events in an encrypted dead-letter queue for 14 days.',
    `When a stage fails, the rule \`${names.releaseFailureRule}\` emails \`${names.releaseApprovalTopic}\` the stage, the execution's`,
    `console page and \`npx sagemaker-gitops status --project ${config.projectName}\`. When a production stage ends cancelled (an update of the`,
    `pipeline's definition) or stopped (someone stopped the execution), the rule \`${names.releaseCancelledRule}\` tells the same topic.`,
    '',
    '### Synthesizing without AWS',
    '',
    `\`cdk synth\` needs a resolved model. \`npm run resolve-model\` writes \`${RESOLVED_MODEL_FILE}\` from the registry (needs credentials;`,
    `the file is git-ignored). Without it, \`npm run synth\`, \`diff\` and \`deploy\` pass the context \`${PLACEHOLDER_MODEL_CONTEXT}=true\`,`,
    'which synthesizes against a clearly named placeholder model: fine to read the templates, never deployable.',
    '`npm run deploy` deploys only the pipeline stack (the pipeline deploys the endpoint stacks itself, after resolving',
    'the real model), so the placeholder never reaches an endpoint. The pipeline never sets the context: its synth fails',
    'when no model is resolved.',
  ];
}

/** One line on a stage's endpoint, from its resolved options. */
function describeEndpoint(endpoint: ProjectConfig['endpoints']['staging']): string {
  if (endpoint.type === 'serverless') {
    return `serverless, ${endpoint.memorySizeInMb} MB, up to ${endpoint.maxConcurrency} concurrent invocations`;
  }
  const parts = [`real-time, ${endpoint.instanceCount} × ${endpoint.instanceType}`];
  if (endpoint.autoscaling) {
    parts.push(`autoscaling ${endpoint.autoscaling.minInstances}..${endpoint.autoscaling.maxInstances} instances at ${endpoint.autoscaling.invocationsPerInstance} invocations per instance per minute`);
  }
  if (endpoint.dataCapture) {
    parts.push(`${endpoint.dataCapture.samplingPercentage} % of requests captured`);
  }
  if (endpoint.deploymentGuardrails) {
    parts.push(`${endpoint.deploymentGuardrails.strategy} blue/green traffic shifting with automatic rollback on 5XX errors and latency alarms`);
  }
  if (endpoint.driftMonitoring) {
    parts.push(`a drift check (\`${endpoint.driftMonitoring.schedule}\`) comparing captured inputs with the training baseline`);
  }
  if (endpoint.modelMonitor) {
    parts.push('a SageMaker Model Monitor data-quality schedule (an execution that finds violations, and a job that fails or is stopped, notify the alert topic)');
  }
  return parts.join('; ');
}

function describeSource(source: ResolvedRepositorySource): string[] {
  if (source.codeCommitRepository !== undefined) {
    return [`CodeCommit repository \`${source.codeCommitRepository}\`, branch \`${source.branch}\`.`];
  }
  return [`\`${source.repository}\`, branch \`${source.branch}\`, through the connection \`${source.connectionArn}\`.`];
}

/** The MLflow backend the model-build stack creates or uses, as the README's stack list names it. */
function mlflowBackendText(config: ProjectConfig): string {
  switch (config.mlflow?.backend) {
    case 'app': return ', and a serverless MLflow App (its ARN is the stack output `MlflowArn`)';
    case 'tracking-server': return ', and an MLflow tracking server (billed per hour while it runs; its ARN is the stack output `MlflowArn`)';
    case 'existing': return ', logging to the MLflow backend the project names';
    default: return '';
  }
}
