import { CFN_RESPONSE_SEND_CODE } from '../constructs/cfn-response-code';

/**
 * The code of the Lambda function behind the project template's `StartBootstrap` custom
 * resource, inlined into the template (no asset bucket): on Create it starts one build of the
 * CodeBuild project named by the `ProjectName` property and answers with the build id; Update
 * and Delete change nothing and answer with the id of the build the Create started (the stack's
 * output reads the `BuildId` attribute, which every answer must carry, or the update fails). It answers CloudFormation itself (a PUT to the pre-signed
 * `ResponseURL`), so it needs no helper library. Runs on the Node.js runtime, whose AWS SDK v3
 * it uses.
 */
export const START_BUILD_HANDLER_CODE = `const https = require('node:https');
const { CodeBuildClient, StartBuildCommand } = require('@aws-sdk/client-codebuild');

const codebuild = new CodeBuildClient({});

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
  try {
    if (event.RequestType === 'Create') {
      const { build } = await codebuild.send(new StartBuildCommand({ projectName: event.ResourceProperties.ProjectName }));
      console.log('started build ' + build.id);
      response.PhysicalResourceId = build.id;
      response.Data = { BuildId: build.id };
    }
  } catch (err) {
    console.error(err);
    response.Status = 'FAILED';
    response.Reason = ('cannot start the bootstrap build: ' + err.name + ': ' + err.message).slice(0, 1000);
  }
  await send(event.ResponseURL, JSON.stringify(response));
};

${CFN_RESPONSE_SEND_CODE}`;
