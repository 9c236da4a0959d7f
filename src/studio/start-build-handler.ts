import { CFN_RESPONSE_SEND_CODE } from '../constructs/cfn-response-code';

/**
 * How long the starter function runs per invocation, and what it keeps for its answer: it stops
 * watching the build when less than {@link STARTER_MARGIN_SECONDS} remain and goes on in a new
 * invocation of itself. Lambda's limit is 15 minutes ("Configure Lambda function timeout", AWS
 * Lambda Developer Guide).
 */
export const STARTER_TIMEOUT_MINUTES = 15;
export const STARTER_MARGIN_SECONDS = 60;
/** How often the starter function asks CodeBuild whether the bootstrap build has ended. */
export const BUILD_POLL_SECONDS = 15;
/** How many times in a row BatchGetBuilds may not know the build (just started) before the starter stops following it. */
export const BUILD_NOT_FOUND_LOOKS = 4;
/** How many new invocations may try again to answer CloudFormation for a build whose answer was refused. */
export const ANSWER_HANDOVERS = 2;

/**
 * The code of the Lambda function behind the project template's `StartBootstrap` custom
 * resource, inlined into the template (no asset bucket).
 *
 * On Create it starts one build of the CodeBuild project named by the `ProjectName` property and
 * answers only when the build has ended: SUCCESS when it succeeded, FAILED with the failed phase and
 * its message otherwise, so a launch whose pipelines were not deployed ends CREATE_FAILED in Studio
 * instead of looking created. It asks CodeBuild every `PollSeconds` (BatchGetBuilds); when its own
 * invocation nears its end it invokes itself again, asynchronously, with the build's id in the
 * event (`BootstrapBuildId`), and that invocation goes on watching and answers.
 * When it cannot watch the build (a starter role of a domain stack deployed before this version,
 * without codebuild:BatchGetBuilds or lambda:InvokeFunction, or any other error of those calls), it
 * answers SUCCESS once the build has started, as that version did, and logs why: a launch never
 * fails because its build could not be followed. (One case remains: a hand-over that Lambda
 * accepts but never runs, its event dropped after its retries; CloudFormation then fails the launch
 * when its hour is up, and the starter's log shows the last look at the build.)
 *
 * Update and Delete change nothing and answer with the id of the build the Create started (the
 * stack's output reads the `BuildId` attribute, which every answer must carry, or the update
 * fails). It answers CloudFormation itself (a PUT to the pre-signed `ResponseURL`), so it needs no
 * helper library. Runs on the Node.js runtime, whose AWS SDK v3 it uses.
 */
export const START_BUILD_HANDLER_CODE = `const https = require('node:https');
const { CodeBuildClient, StartBuildCommand, BatchGetBuildsCommand } = require('@aws-sdk/client-codebuild');
const { LambdaClient, InvokeCommand } = require('@aws-sdk/client-lambda');

const codebuild = new CodeBuildClient({});
const lambda = new LambdaClient({});
const MARGIN_MS = ${STARTER_MARGIN_SECONDS * 1000};
const DENIED = new Set(['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation']);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function failedPhase(build) {
  const phase = (build.phases || []).find((p) => p.phaseStatus && p.phaseStatus !== 'SUCCEEDED');
  if (!phase) {
    return '';
  }
  const message = (phase.contexts || []).map((c) => [c.statusCode, c.message].filter(Boolean).join(': ')).filter(Boolean).join('; ');
  return ' in its ' + phase.phaseType + ' phase' + (message ? ' (' + message + ')' : '');
}

function logOf(build) {
  const logs = build.logs || {};
  return logs.groupName ? 'CloudWatch Logs group ' + logs.groupName + ', stream ' + logs.streamName : 'the build\\'s log in the CodeBuild console';
}

// The ended build, or undefined when this invocation must hand over; throws when the build cannot be read.
async function watch(buildId, context, pollMs) {
  for (let missing = 0; ; ) {
    const { builds } = await codebuild.send(new BatchGetBuildsCommand({ ids: [buildId] }));
    const build = (builds || [])[0];
    // A build just started may not be readable at once: a few looks before giving up.
    if (!build && ++missing > ${BUILD_NOT_FOUND_LOOKS}) {
      throw Object.assign(new Error('CodeBuild does not know the build ' + buildId), { name: 'BuildNotFound' });
    }
    if (!build) {
      await sleep(pollMs);
      continue;
    }
    if (build.buildStatus && build.buildStatus !== 'IN_PROGRESS') {
      return build;
    }
    if (context.getRemainingTimeInMillis() < MARGIN_MS + pollMs) {
      return undefined;
    }
    await sleep(pollMs);
  }
}

exports.handler = async (event, context) => {
  const response = {
    Status: 'SUCCESS',
    Reason: 'see CloudWatch Logs stream ' + context.logStreamName,
    PhysicalResourceId: event.PhysicalResourceId || 'bootstrap-not-started',
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
    Data: { BuildId: event.PhysicalResourceId || 'bootstrap-not-started' },
  };
  if (event.RequestType === 'Create') {
    let buildId = event.BootstrapBuildId;
    try {
      if (!buildId) {
        // CloudFormation invokes the function asynchronously, and Lambda retries an invocation that failed (after 1
        // and 2 minutes): the request id as idempotency token (valid 5 minutes) gives such a retry the same build.
        // Once a build has started, no failure of this invocation is left to Lambda's retry (answerForBuild).
        const { build } = await codebuild.send(new StartBuildCommand({ projectName: event.ResourceProperties.ProjectName, idempotencyToken: event.RequestId }));
        buildId = build.id;
        console.log('started build ' + buildId);
      }
    } catch (err) {
      console.error(err);
      response.Status = 'FAILED';
      response.Reason = ('cannot start the bootstrap build: ' + err.name + ': ' + err.message).slice(0, 1000);
      await send(event.ResponseURL, JSON.stringify(response));
      return;
    }
    response.PhysicalResourceId = buildId;
    response.Data = { BuildId: buildId };
    try {
      const build = await watch(buildId, context, Number(event.ResourceProperties.PollSeconds) * 1000);
      if (build === undefined) {
        await lambda.send(new InvokeCommand({
          FunctionName: context.invokedFunctionArn,
          InvocationType: 'Event',
          Payload: Buffer.from(JSON.stringify({ ...event, BootstrapBuildId: buildId })),
        }));
        console.log('build ' + buildId + ' still running: watching it in a new invocation');
        return;
      }
      console.log('build ' + buildId + ' ended ' + build.buildStatus);
      if (build.buildStatus !== 'SUCCEEDED') {
        response.Status = 'FAILED';
        response.Reason = ('the bootstrap build ' + buildId + ' ended ' + build.buildStatus + failedPhase(build)
          + ', so the pipeline stacks are not (all) deployed: see ' + logOf(build)).slice(0, 1000);
      }
    } catch (err) {
      // Never fail a launch for want of watching: the build runs on, and its outcome is in its log.
      console.error(err);
      const fix = DENIED.has(err.name) ? ': deploy the current domain template, whose starter role may call codebuild:BatchGetBuilds and lambda:InvokeFunction' : '';
      response.Reason = ('the bootstrap build ' + buildId + ' started, but the starter cannot follow it (' + err.name + ': ' + err.message + ')' + fix
        + '; aws codebuild batch-get-builds --ids ' + buildId + ' says how it ended').slice(0, 1000);
    }
    await answerForBuild(event, context, response, buildId);
    return;
  }
  await send(event.ResponseURL, JSON.stringify(response));
};

// Answers CloudFormation for a build that has started. A refused answer goes to a new invocation (at most
// ANSWER_HANDOVERS times), never to Lambda's retry of this one: that retry has no build id, and once StartBuild's
// idempotency token has expired (5 minutes) it would start a second bootstrap build.
async function answerForBuild(event, context, response, buildId) {
  try {
    await send(event.ResponseURL, JSON.stringify(response));
    return;
  } catch (err) {
    console.error(err);
  }
  const handovers = Number(event.AnswerHandovers || 0);
  if (handovers >= ${ANSWER_HANDOVERS}) {
    console.error('could not answer CloudFormation for build ' + buildId + ' after ' + handovers + ' new invocations: giving up');
    return;
  }
  try {
    await lambda.send(new InvokeCommand({
      FunctionName: context.invokedFunctionArn,
      InvocationType: 'Event',
      Payload: Buffer.from(JSON.stringify({ ...event, BootstrapBuildId: buildId, AnswerHandovers: handovers + 1 })),
    }));
    console.log('answering for build ' + buildId + ' in a new invocation');
  } catch (err) {
    console.error(err);
  }
}

${CFN_RESPONSE_SEND_CODE}`;
