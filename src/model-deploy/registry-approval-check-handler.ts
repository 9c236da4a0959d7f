/** The environment variable that names the model package group whose versions the check accepts. */
export const REGISTRY_CHECK_GROUP_VARIABLE = 'MODEL_PACKAGE_GROUP';

/**
 * The environment variable set, to the shadow stage's name, when the release runs a shadow phase before Prod
 * (`endpoints.prod.shadow`): what a failed check means for production is then different.
 */
export const REGISTRY_CHECK_SHADOW_VARIABLE = 'SHADOW_STAGE';

/**
 * How long before its invocation's end the check stops waiting for the registry and fails the job
 * instead: an invocation that ends without PutJobSuccessResult or PutJobFailureResult leaves the action
 * running until CodePipeline times it out ("AWS Lambda invoke action reference", AWS CodePipeline User Guide).
 */
export const REGISTRY_CHECK_ANSWER_MARGIN_MS = 10_000;

/**
 * CodePipeline's limits on what a job worker reports (CodePipeline API Reference: FailureDetails `message`
 * 1-5000 characters, ExecutionDetails `summary` 1-2048).
 */
export const JOB_FAILURE_MESSAGE_MAX = 5000;
export const JOB_SUMMARY_MAX = 2048;

/**
 * The code of the function behind the Prod stage's CheckRegistryApproval action, inlined into the
 * template: the last thing before the production deploy, after the reviewer's approval, whichever way it
 * was given (`approve-release`, or the CodePipeline console, which checks nothing).
 *
 * The action's UserParameters is the release's model package ARN (the staging check's exported variable,
 * resolved by CodePipeline at run time). The function describes that version (DescribeModelPackage) and
 * succeeds only when it is still `Approved` in the registry: a version rejected while its release waited
 * for approval (or set back to PendingManualApproval, or deleted) fails the action, so the production
 * stack is not deployed and production keeps what it serves. An ARN of another group, or no ARN, fails it
 * too. It answers every job it can read (PutJobSuccessResult or PutJobFailureResult, never leaving the
 * action to time out): a registry that does not answer within the invocation fails the job, naming the
 * error, and retrying the stage's failed actions runs the check again. It never logs the event, which
 * carries the pipeline's artifact credentials. Runs on the Node.js runtime, whose AWS SDK v3 it uses.
 */
export const REGISTRY_CHECK_HANDLER_CODE = `const sm = require('@aws-sdk/client-sagemaker');
const cp = require('@aws-sdk/client-codepipeline');
const GROUP = process.env.${REGISTRY_CHECK_GROUP_VARIABLE};
const SHADOW = process.env.${REGISTRY_CHECK_SHADOW_VARIABLE};
const ARN = /^arn:aws[a-z-]*:sagemaker:[a-z0-9-]+:[0-9]{12}:model-package\\/([^/]+)\\/([1-9][0-9]*)$/;
const MARGIN_MS = ${REGISTRY_CHECK_ANSWER_MARGIN_MS};
exports.handler = async (event, context) => {
  const job = event && event['CodePipeline.job'];
  const jobId = job && job.id;
  if (typeof jobId !== 'string' || jobId === '') {
    throw new Error('the event is no CodePipeline job (it has no CodePipeline.job.id)');
  }
  let verdict;
  try {
    verdict = await check(userParameters(job), context);
  } catch (err) {
    verdict = { ok: false, message: 'the release could not be checked against the model registry: ' + describe(err)
      + '. Production was not changed; retry the stage\\'s failed actions once this is fixed' };
  }
  const client = new cp.CodePipelineClient({});
  try {
    if (verdict.ok) {
      await client.send(new cp.PutJobSuccessResultCommand({ jobId, executionDetails: { summary: verdict.message.slice(0, ${JOB_SUMMARY_MAX}) } }));
    } else {
      await client.send(new cp.PutJobFailureResultCommand({ jobId, failureDetails: { type: 'JobFailed', message: verdict.message.slice(0, ${JOB_FAILURE_MESSAGE_MAX}) } }));
    }
  } catch (err) {
    // Lambda may deliver an asynchronous invocation more than once: a job answered already is no error.
    if (err && err.name === 'InvalidJobStateException') {
      console.log('the job was answered already (' + describe(err) + '): nothing to do');
      return;
    }
    throw err;
  }
  console.log((verdict.ok ? 'passed: ' : 'failed: ') + verdict.message);
};
function userParameters(job) {
  const config = job.data && job.data.actionConfiguration && job.data.actionConfiguration.configuration;
  return config && typeof config.UserParameters === 'string' ? config.UserParameters.trim() : '';
}
async function check(arn, context) {
  const parts = ARN.exec(arn);
  if (!parts) {
    return { ok: false, message: 'the action names no model package version (its UserParameters is ' + JSON.stringify(arn.slice(0, 300))
      + ', not arn:aws:sagemaker:<region>:<account>:model-package/<group>/<version>): the staging check exports the release\\'s ARN as MODEL_PACKAGE_ARN' };
  }
  const version = parts[2];
  if (parts[1].toLowerCase() !== String(GROUP).toLowerCase()) {
    return { ok: false, message: 'the release names ' + arn + ', a version of ' + parts[1] + ', not of the project\\'s model package group ' + GROUP };
  }
  const described = await withDeadline(new sm.SageMakerClient({}).send(new sm.DescribeModelPackageCommand({ ModelPackageName: arn })), context);
  const status = described.ModelApprovalStatus;
  const name = 'version ' + version + ' of ' + GROUP;
  if (status === 'Approved') {
    return { ok: true, message: name + ' is Approved in the model registry: the release may deploy' };
  }
  const why = described.ApprovalDescription ? ' ("' + described.ApprovalDescription + '")' : '';
  const modified = described.LastModifiedTime ? ' (the version was last modified ' + new Date(described.LastModifiedTime).toISOString() + ')' : '';
  const next = status === 'Rejected'
    ? 'The rejection started a release of the newest approved version, which comes up for approval after this run'
    : 'Its status change starts no release: approving it again (sagemaker-gitops approve-model) starts one';
  const shadow = SHADOW
    ? ' The ' + SHADOW + ' stage of this run put the version into the production endpoint as its shadow variant, which receives a copy of every request, '
      + 'answers none, and keeps running (and costing) until the next release; if that release stopped at CheckReleaseOrder while this run held the Prod stage, '
      + 'start the pipeline again (Release change).'
    : '';
  return { ok: false, message: name + ' is ' + status + ' in the model registry' + why + modified + ', no longer Approved: this run does not deploy it to production, '
    + 'which keeps serving what it serves. ' + next + '.' + shadow + ' sagemaker-gitops approve-release refuses such a release before it is approved; the CodePipeline console does not' };
}
function withDeadline(promise, context) {
  const left = context && typeof context.getRemainingTimeInMillis === 'function' ? context.getRemainingTimeInMillis() - MARGIN_MS : 30000;
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('the model registry did not answer DescribeModelPackage within ' + Math.max(0, Math.round(left / 1000)) + ' s'), { name: 'Timeout' })), Math.max(0, left));
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
function describe(err) {
  return (err && err.name ? err.name + ': ' : '') + (err && err.message ? err.message : String(err));
}
`;
