import { START_BUILD_HANDLER_CODE } from '../../src/studio';
import { checkRequest, serviceModel } from '../helpers/api-model';
import { InlineHandler, SentResponse, loadInlineHandler } from '../helpers/inline-handler';

/**
 * Loads the inline function code as the Lambda runtime would, with the SDK's CodeBuild client
 * replaced: `startBuild` answers StartBuild, `sent` collects what the function PUTs to
 * CloudFormation's response URL.
 */
function load(startBuild: (input: { projectName: string }) => Promise<unknown>): { handler: InlineHandler; sent: SentResponse[]; started: string[] } {
  const started: string[] = [];
  class StartBuildCommand {
    constructor(public readonly input: { projectName: string }) {}
  }
  class CodeBuildClient {
    async send(command: StartBuildCommand) {
      // A request CodeBuild accepts (its API model: CodeBuild API Reference, StartBuild; test/helpers/api-model.ts).
      expect(checkRequest(serviceModel('codebuild'), 'StartBuild', command.input).problems).toEqual([]);
      started.push(command.input.projectName);
      return startBuild(command.input);
    }
  }
  return { ...loadInlineHandler(START_BUILD_HANDLER_CODE, { '@aws-sdk/client-codebuild': { CodeBuildClient, StartBuildCommand } }), started };
}

const EVENT = {
  ResponseURL: 'https://cloudformation-custom-resource-response.s3.amazonaws.com/response?signature',
  StackId: 'arn:aws:cloudformation:eu-west-1:111111111111:stack/SP-churn/abc',
  RequestId: 'request-1',
  LogicalResourceId: 'BootstrapStartBootstrap40363A90',
  ResourceProperties: { ServiceToken: 'arn:aws:lambda:eu-west-1:111111111111:function:starter', ProjectName: 'sagemaker-gitops-p-abc-bootstrap' },
};
const CONTEXT = { logStreamName: '2025/01/01/[$LATEST]abc' };

describe('the starter function', () => {
  let log: jest.SpyInstance;
  let error: jest.SpyInstance;

  beforeEach(() => {
    log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => {
    log.mockRestore();
    error.mockRestore();
  });

  test('on Create starts one build and answers with its id', async () => {
    const { handler, sent, started } = load(async () => ({ build: { id: 'sagemaker-gitops-p-abc-bootstrap:1234' } }));
    await handler({ ...EVENT, RequestType: 'Create' }, CONTEXT);
    expect(started).toEqual(['sagemaker-gitops-p-abc-bootstrap']);
    expect(sent).toEqual([{
      url: EVENT.ResponseURL,
      options: { method: 'PUT', headers: { 'content-type': '', 'content-length': expect.any(Number) } },
      body: {
        Status: 'SUCCESS',
        Reason: `see CloudWatch Logs stream ${CONTEXT.logStreamName}`,
        PhysicalResourceId: 'sagemaker-gitops-p-abc-bootstrap:1234',
        StackId: EVENT.StackId,
        RequestId: EVENT.RequestId,
        LogicalResourceId: EVENT.LogicalResourceId,
        Data: { BuildId: 'sagemaker-gitops-p-abc-bootstrap:1234' },
      },
    }]);
    expect(sent[0].options.headers['content-length']).toBe(Buffer.byteLength(JSON.stringify(sent[0].body)));
  });

  // CloudFormation User Guide, "Custom resource response objects": Fn::GetAtt reads the Data of the latest response, and
  // the template's output reads BuildId, so an Update (a new template version of the provisioned product) must carry it too.
  test.each(['Update', 'Delete'])('on %s starts nothing, keeps the resource id and still answers its BuildId', async (requestType) => {
    const { handler, sent, started } = load(async () => ({ build: { id: 'never' } }));
    await handler({ ...EVENT, RequestType: requestType, PhysicalResourceId: 'sagemaker-gitops-p-abc-bootstrap:1234' }, CONTEXT);
    expect(started).toEqual([]);
    expect(sent.map((s) => [s.body.Status, s.body.PhysicalResourceId, s.body.Data])).toEqual([
      ['SUCCESS', 'sagemaker-gitops-p-abc-bootstrap:1234', { BuildId: 'sagemaker-gitops-p-abc-bootstrap:1234' }],
    ]);
  });

  test('a build that cannot start fails the resource with the reason', async () => {
    const { handler, sent } = load(async () => {
      throw Object.assign(new Error('User is not authorized to perform: codebuild:StartBuild'), { name: 'AccessDeniedException' });
    });
    await handler({ ...EVENT, RequestType: 'Create' }, CONTEXT);
    expect(sent.map((s) => [s.body.Status, s.body.Reason, s.body.PhysicalResourceId])).toEqual([
      ['FAILED', 'cannot start the bootstrap build: AccessDeniedException: User is not authorized to perform: codebuild:StartBuild', 'bootstrap-not-started'],
    ]);
  });
});
